"""A private PostgreSQL cluster for fault tests: initdb and pg_ctl in a temporary directory
on a free port, so a test can stop and start the database (or freeze it with SIGSTOP) under
a running service without touching the shared server. Run as the `postgres` user when the tests run as root (initdb
refuses root). A watchdog stops it and removes its directory if the test process dies without
its teardown (tests/pg_reaper.py).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests import pg_reaper
from tests.child_process import popen
from tests.email_support import free_port

ROOT = Path(__file__).resolve().parent.parent


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


class PrivateCluster:
    """initdb'd on creation; `start`, `stop` (fast shutdown), `close` removes everything."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        if bin_dir is None:
            message = "PostgreSQL server binaries not found under /usr/lib/postgresql"
            if os.environ.get("CI"):  # in CI a missing server fails, never skips
                pytest.fail(message)
            pytest.skip(message)
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix=pg_reaper.PREFIX))
        self.data = self.root / "data"
        (self.root / pg_reaper.OWNER).write_text(pg_reaper.owner_mark(os.getpid()))
        self.watchdog = popen(
            [sys.executable, "-m", "tests.pg_reaper", str(self.root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            start_new_session=True,  # a ^C at the terminal is the test's, not the watchdog's
        )
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        try:
            initdb = ("-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
            self._run("initdb", *initdb)
        except BaseException:
            self.close()
            raise
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str, timeout: float = 120) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        log = str(self.root / "server.log")
        args = ["-D", str(self.data), "-o", options, "-l", log, "-w", "-t", "180", "start"]
        self._run("pg_ctl", *args, timeout=200)

    def stop(self, mode: str = "fast", wait: int = 60) -> None:
        """pg_ctl stop: `fast` ends the sessions, `immediate` does not wait for anything."""
        args = ["-D", str(self.data), "-m", mode, "-w", "-t", str(wait), "stop"]
        self._run("pg_ctl", *args, timeout=wait + 10)

    def freeze(self) -> None:
        """SIGSTOP the server and every backend: sockets stay open, nothing answers."""
        self._signal(self._processes(), signal.SIGSTOP)

    def thaw(self) -> None:
        """SIGCONT: the server goes on where it stopped."""
        self._signal(self._processes(), signal.SIGCONT)

    @staticmethod
    def _signal(pids: list[int], sig: signal.Signals) -> None:
        """Every pid that still exists gets `sig`: a backend that ended since the list was
        read must not leave the ones after it unsignalled (a half-frozen cluster that no
        fast shutdown can stop)."""
        pg_reaper.signal_all(pids, sig)

    def _processes(self) -> list[int]:
        """The postmaster and its children; none once it has stopped."""
        return pg_reaper.cluster_processes(self.data)

    def close(self) -> None:
        """Whatever state a failed test left it in (frozen, half-frozen, stopped, hung): thaw
        it, stop it (fast, then immediate, then SIGKILL), and only then remove its directory,
        so no server outlives the test beside a deleted data directory."""
        try:
            self.thaw()
            for mode in ("fast", "immediate"):
                if self._processes():
                    with contextlib.suppress(subprocess.SubprocessError):
                        self.stop(mode, wait=30)
            self._signal(self._processes(), signal.SIGKILL)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self._dismiss_watchdog()

    def _dismiss_watchdog(self) -> None:
        """`done` to the watchdog: the cluster is gone, it ends without doing anything."""
        with contextlib.suppress(OSError, ValueError, subprocess.SubprocessError):
            assert self.watchdog.stdin is not None
            self.watchdog.stdin.write(b"done\n")
            self.watchdog.stdin.close()
            self.watchdog.wait(10)
        if self.watchdog.poll() is None:
            self.watchdog.kill()
            self.watchdog.wait()
