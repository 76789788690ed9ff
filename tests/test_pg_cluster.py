"""The private PostgreSQL cluster of the fault tests (tests/pg_cluster.py) never outlives a
test, whatever state the test left it in."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from tests import pg_reaper
from tests.pg_cluster import PrivateCluster

pytestmark = pytest.mark.fault


def _state(pid: int) -> str | None:
    """The process's state letter (R, S, T for stopped, Z...), None once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _states_settle(pids: list[int], want: set[str | None], within: float = 20) -> bool:
    """A signal is acted on when its process next runs: poll until every pid is in `want`."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if all(_state(pid) in want for pid in pids):
            return True
        time.sleep(0.05)
    return False


def test_a_backend_ending_mid_freeze_neither_half_freezes_nor_leaks_the_cluster(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A backend that ends between reading the process list and signalling it (a client
    hanging up under traffic) made SIGSTOP, then SIGCONT, stop at its pid with an error: the
    processes after it were never frozen, then never thawed, no fast shutdown could stop
    them, and the directory was removed under a server left running (and stopped)."""
    pg = PrivateCluster()
    try:
        pg.start()
        url = pg.url.replace("postgresql+psycopg://", "postgresql://")
        sessions = [psycopg.connect(url, connect_timeout=10) for _ in range(3)]
        ending = sessions.pop(1)
        listed = pg._processes()
        backend = ending.info.backend_pid
        assert backend in listed
        ending.close()  # this backend ends after the list was read
        assert _states_settle([backend], {None})
        stale = [pid for pid in listed if pid != backend]
        stale.insert(1, backend)  # a gone pid before the others
        monkeypatch.setattr(pg, "_processes", lambda: stale)
        pg.freeze()
        alive = [pid for pid in stale if _state(pid) is not None]
        assert alive and _states_settle(alive, {"T"}), {pid: _state(pid) for pid in alive}
        pg.thaw()
        assert _states_settle(alive, {"S", "R", "D"}), {pid: _state(pid) for pid in alive}
        pg.freeze()  # as a test fails while the database is frozen
        monkeypatch.undo()
    finally:
        pg.close()
    for session in sessions:
        session.close()
    assert _states_settle(listed, {None, "Z"}), {pid: _state(pid) for pid in listed}
    assert not pg.root.exists()


ROOT = Path(__file__).resolve().parent.parent
# A test process that makes and starts a private cluster, prints its root, its postmaster's
# pid and its watchdog's pid, then waits to be killed (with no teardown).
OWNER = """
import time
from tests.pg_cluster import PrivateCluster
pg = PrivateCluster()
pg.start()
print(pg.root, pg._processes()[0], pg.watchdog.pid, flush=True)
time.sleep(600)
"""


def _killed_owner() -> tuple[subprocess.Popen[bytes], Path, int, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    owner = subprocess.Popen([sys.executable, "-c", OWNER], env=env, stdout=subprocess.PIPE)
    assert owner.stdout is not None
    root, postmaster, watchdog = owner.stdout.readline().split()
    return owner, Path(root.decode()), int(postmaster), int(watchdog)


def test_a_cluster_is_stopped_and_removed_when_its_test_process_is_killed() -> None:
    """pg_ctl daemonises the server: a killed pytest worker left it running for good."""
    owner, root, postmaster, _watchdog = _killed_owner()
    try:
        assert _state(postmaster) not in (None, "Z")
        owner.kill()  # SIGKILL: no teardown runs
        owner.wait(10)
        assert _states_settle([postmaster], {None, "Z"}), "the server outlived its test"
        deadline = time.monotonic() + 10
        while root.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not root.exists()
    finally:
        owner.kill()
        pg_reaper.reap(root)


def test_the_session_sweep_stops_a_cluster_whose_owner_and_watchdog_died_and_no_other(
    tmp_path: Path,
) -> None:
    """A worker killed with its watchdog (the OOM killer, a kill of the process group): the
    next session's sweep stops the server and removes it; a cluster whose owner lives and a
    directory without an owner file are left alone."""
    owner, root, postmaster, watchdog = _killed_owner()
    living = Path(tempfile.mkdtemp(prefix=pg_reaper.PREFIX))
    (living / pg_reaper.OWNER).write_text(pg_reaper.owner_mark(os.getpid()))
    unowned = Path(tempfile.mkdtemp(prefix=pg_reaper.PREFIX))
    try:
        os.kill(watchdog, signal.SIGKILL)
        owner.kill()
        owner.wait(10)
        time.sleep(0.5)
        assert _state(postmaster) not in (None, "Z")  # nothing else would ever stop it
        reaped = pg_reaper.sweep()
        assert root in reaped and living not in reaped and unowned not in reaped
        assert _states_settle([postmaster], {None, "Z"})
        assert not root.exists() and living.exists() and unowned.exists()
    finally:
        owner.kill()
        pg_reaper.reap(root)
        shutil.rmtree(living, ignore_errors=True)
        shutil.rmtree(unowned, ignore_errors=True)
