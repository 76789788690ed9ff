"""A real `balagh serve` for the bench scripts: its environment, start, stop and /healthz.

Shared by bench/memory.py and bench/first_ticket.py. SQLite under a data directory the
caller chooses, its own free web and SMTP ports, no Telegram; mail replies go to
`relay_port` (nothing listening there: they stay queued and retrying).
"""

from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import free_port, machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ports:
    web: int
    smtp: int
    relay: int

    @classmethod
    def free(cls, relay: int | None = None) -> Ports:
        return cls(web=free_port(), smtp=free_port(), relay=relay or free_port())


def serve_env(data_dir: Path, ports: Ports) -> dict[str, str]:
    return {
        **os.environ,
        "BALAGH_DATA_DIR": str(data_dir),
        "BALAGH_DATABASE_URL": "",
        "BALAGH_WEB_PORT": str(ports.web),
        "BALAGH_SMTP_PORT": str(ports.smtp),
        "BALAGH_TELEGRAM_TOKEN": "",
        "BALAGH_MAIL_DOMAINS": "balagh.bench",
        "BALAGH_RELAY_HOST": "127.0.0.1",
        "BALAGH_RELAY_PORT": str(ports.relay),
    }


@contextmanager
def serving(
    data_dir: Path, ports: Ports, *args: str, log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`balagh serve ARGS` started in data_dir's parent; stopped with SIGTERM on leaving."""
    out = log.open("wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "balagh", "serve", *args],
        env=serve_env(data_dir, ports),
        cwd=data_dir.parent,
        stdout=out,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log and not isinstance(out, int):
            out.close()


def health(port: int, timeout: float = 5) -> dict[str, object] | None:
    """/healthz's JSON (a 503 while starting too), or None when nothing answers."""
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return dict(json.loads(answer.read()))
    except urllib.error.HTTPError as refused:  # 503: starting or database down
        try:
            return dict(json.loads(refused.read()))
        except ValueError:
            return {"status": f"HTTP {refused.code}"}
    except (OSError, ValueError):
        return None


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def commit() -> str:
    """The checkout's short commit, "(modified)" when tracked files differ from it."""

    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        return run.stdout.strip()

    try:
        found = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return found + (" (modified)" if dirty else "")


def machine_details() -> str:
    """ingest.machine() with the CPU model, the load average now and the git commit."""
    one, five, fifteen = os.getloadavg()
    return (
        f"{machine()}, {cpu_model()}, load average {one:.1f} {five:.1f} {fifteen:.1f}, "
        f"commit {commit()}"
    )
