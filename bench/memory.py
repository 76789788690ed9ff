"""Resident memory of `balagh serve`, idle and after a burst of mail.

Starts a real `balagh serve` (SQLite under a temporary directory, its own web and SMTP
ports, no Telegram), waits for /healthz to say ok, reads VmRSS from /proc, sends `-n`
mails over 4 SMTP connections, waits until /healthz reports no pending record, reads it
again. Prints the figures and the machine; asserts nothing. Linux only (/proc).

    .venv/bin/python bench/memory.py [-n 500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import send_burst  # noqa: E402
from serving import Ports, health, machine_details, serving  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=500)
    args = parser.parse_args()
    ports = Ports.free()
    web, smtp = ports.web, ports.smtp
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        with serving(Path(tmp) / "data", ports) as proc:
            state = None
            while time.monotonic() - started < 300:
                state = health(web)
                if state and state.get("status") == "ok":
                    break
                time.sleep(0.5)
            ready = time.monotonic() - started
            time.sleep(5)  # settle
            idle = rss_mb(proc.pid)
            seconds, _ = send_burst(smtp, args.n, None, "memory")
            while time.monotonic() - started < 1800:
                state = health(web)
                backlog = (state or {}).get("backlog") or {}
                if isinstance(backlog, dict) and not backlog.get("pending"):
                    break
                time.sleep(1)
            after = rss_mb(proc.pid)
    print(f"machine: {machine_details()}")
    print(f"balagh serve (SQLite): ready (routing model built, /healthz ok) in {ready:.1f} s")
    print(f"resident memory idle:                 {idle:7.1f} MB")
    print(f"resident memory after {args.n} mails:     {after:7.1f} MB  (sent in {seconds:.1f} s)")


if __name__ == "__main__":
    main()
