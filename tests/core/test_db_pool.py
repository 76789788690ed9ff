"""PostgreSQL's pool: a connection is pinged only after sitting idle, and a dead one is replaced.

`pool_pre_ping` cost a round trip on every checkout; now only a connection idle for longer
than `ping_after_idle` is pinged, and one that died in use is replaced after its error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from core.db import make_engine


@pytest.fixture
def admin(pg_database: str) -> Iterator[Engine]:
    engine = make_engine(pg_database)
    yield engine
    engine.dispose()


def backend_pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def terminate(admin: Engine, pid: int) -> None:
    with admin.begin() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


def counting_pings(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pings: list[int] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_conn: Any) -> bool:
        pings.append(1)
        return ping(dbapi_conn)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return pings


def test_a_connection_in_use_moments_ago_costs_no_ping(
    pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy, idle = make_engine(pg_database), make_engine(pg_database, ping_after_idle=0.0)
    try:
        busy_pings, idle_pings = (
            counting_pings(busy, monkeypatch),
            counting_pings(idle, monkeypatch),
        )
        for engine in (busy, idle):
            for _ in range(5):
                backend_pid(engine)
        assert (len(busy_pings), len(idle_pings)) == (0, 4)  # the first checkout is a new one
    finally:
        busy.dispose()
        idle.dispose()


def test_a_pooled_connection_that_died_while_idle_is_replaced_without_an_error(
    pg_database: str, admin: Engine
) -> None:
    engine = make_engine(pg_database, ping_after_idle=0.0, pool_size=1)
    try:
        first = backend_pid(engine)
        terminate(admin, first)
        assert backend_pid(engine) != first
    finally:
        engine.dispose()


def test_a_connection_that_died_in_use_fails_once_and_the_next_checkout_connects_again(
    pg_database: str, admin: Engine
) -> None:
    engine = make_engine(pg_database, pool_size=2)
    try:
        with engine.connect() as one, engine.connect() as two:  # two pooled connections
            pids = [c.execute(text("SELECT pg_backend_pid()")).scalar_one() for c in (one, two)]
        for pid in pids:
            terminate(admin, pid)
        with pytest.raises(OperationalError), engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        assert backend_pid(engine) not in pids  # the other dead one was replaced as well
    finally:
        engine.dispose()
