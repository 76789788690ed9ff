"""The private PostgreSQL cluster of the fault tests (tests/pg_cluster.py) never outlives a
test, whatever state the test left it in."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest

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
