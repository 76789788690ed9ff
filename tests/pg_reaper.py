"""A private PostgreSQL cluster (tests/pg_cluster.py) dies with the test process that made it.

pg_ctl daemonises the server, so it is no child of the test and the kernel's parent-death
signal (tests/child_process) cannot reach it: a pytest worker that was killed (SIGKILL, the
OOM killer, an xdist worker timed out) ran no teardown and its server lived on with its port,
memory and directory. Each cluster therefore

- names its owner in `<root>/owner` (the test process's pid and start time), and
- has a watchdog (`python -m tests.pg_reaper <root>`, started through tests/child_process) that
  waits on a pipe from the test process: the word `done` (a normal close) ends it quietly; the
  pipe's end or SIGTERM (its parent died) makes it stop the server and remove the directory.

`sweep`, run once at the start of a test session, does the same for any cluster whose owner
is gone (the watchdog was killed with it, or an older run made it): never the machine's own
server, never a cluster without an owner file, never one whose owner still runs.
Only the standard library here: the watchdog starts in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

OWNER = "owner"
PREFIX = "balagh-pg-"


def process_start(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat field 22): with
    the pid it names one process, never a later one given the same number. None once gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    if len(fields) < 20 or fields[0] in ("Z", "X"):
        return None
    return fields[19]


def owner_mark(pid: int) -> str:
    return f"{pid} {process_start(pid)}"


def owner_alive(root: Path) -> bool:
    """True while the process named in `<root>/owner` runs; True too when the file cannot
    be read (a cluster being made, or not ours to judge)."""
    try:
        pid, start = (root / OWNER).read_text().split()
        return process_start(int(pid)) == start
    except (OSError, ValueError):
        return True


def cluster_processes(data: Path) -> list[int]:
    """The postmaster of the cluster in `data` and its children (backends, checkpointer,
    walwriter...); none once it has stopped (a stale postmaster.pid whose number now names
    another process too)."""
    try:
        postmaster = int((data / "postmaster.pid").read_text().split()[0])
        command = Path(f"/proc/{postmaster}/cmdline").read_bytes()
        children = Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text()
    except (OSError, ValueError, IndexError):
        return []
    if str(data).encode() not in command:
        return []
    return [postmaster, *map(int, children.split())]


def signal_all(pids: list[int], sig: signal.Signals) -> None:
    """Every pid that still exists gets `sig` (one that ended meanwhile is passed over)."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def reap(root: Path, wait: float = 10.0) -> None:
    """Stop the cluster under `root` whatever its state (frozen included): SIGCONT, then an
    immediate shutdown (SIGQUIT to the postmaster), SIGKILL to whatever is left after `wait`
    seconds; then remove the directory."""
    data = root / "data"
    pids = cluster_processes(data)
    if pids:
        signal_all(pids, signal.SIGCONT)
        signal_all(pids[:1], signal.SIGQUIT)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and any(process_start(pid) for pid in pids):
            time.sleep(0.05)
        signal_all([pid for pid in pids if process_start(pid)], signal.SIGKILL)
    shutil.rmtree(root, ignore_errors=True)


def sweep(directory: Path | None = None) -> list[Path]:
    """Reap every private cluster in `directory` (the temporary directory) whose owner is
    gone; the roots reaped."""
    reaped = []
    for root in sorted(Path(directory or tempfile.gettempdir()).glob(PREFIX + "*")):
        if (root / OWNER).is_file() and not owner_alive(root):
            reap(root)
            reaped.append(root)
    return reaped


class _ParentDied(Exception):
    pass


def _parent_died(_signum: int, _frame: object) -> None:
    raise _ParentDied


def watch(root: Path) -> None:
    """The watchdog: `done` on stdin ends it; EOF or SIGTERM reaps the cluster."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a ^C is the test's to handle
    signal.signal(signal.SIGTERM, _parent_died)
    try:
        if sys.stdin.readline().strip() == "done":
            return
    except _ParentDied:
        pass
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the EOF follows the signal: reap once
    reap(root)


if __name__ == "__main__":
    watch(Path(sys.argv[1]))
