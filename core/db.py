"""Engine and sessions: SQLite (WAL, foreign keys on) by default, PostgreSQL in production."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from core.errors import StorageUnavailable

logger = logging.getLogger(__name__)
T = TypeVar("T")

# The database is down, hung, overloaded or (SQLite) locked: try again later. A transport
# answers these with a temporary failure (SMTP 451, HTTP 503, Telegram offset kept), never
# as a bug to skip. OperationalError covers "database is locked" and statement timeouts.
DATABASE_OUTAGES: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    PoolTimeout,
)


def is_outage(exc: BaseException) -> bool:
    """Whether an error means the database is unavailable for now (rather than a bug)."""
    return isinstance(exc, (StorageUnavailable, *DATABASE_OUTAGES))


def make_engine(
    url: str,
    *,
    connect_timeout: float = 5.0,
    statement_timeout: float = 20.0,
    **kwargs: Any,
) -> Engine:
    """Create an engine with the pragmas, pool settings and timeouts Balagh relies on.

    The timeouts turn a database that is down, locked or hung into an error within seconds
    (which transports answer with a temporary failure) instead of a request that waits on.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": statement_timeout}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas(statement_timeout))
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_timeout", connect_timeout)
    connect_args = {
        "connect_timeout": max(1, round(connect_timeout)),
        "options": f"-c statement_timeout={int(statement_timeout * 1000)}",
    }
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)


def _sqlite_pragmas(busy_timeout: float) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        # WAL lets the web keep reading while a worker writes; foreign keys are off by default.
        dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cur.close()

    return on_connect


def _sqlite_begin_immediate(conn: Any) -> None:
    # One writer at a time on SQLite: take the write lock at BEGIN, so two workers never
    # read the same outbox row as free and both send it.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work commits on success and rolls back on any error."""
    with factory() as session, session.begin():
        yield session


def database_ok(engine: Engine, timeout: float | None = None) -> tuple[bool, str]:
    """Answer whether the database responds within `timeout` seconds, for /healthz.

    The check runs in its own thread, so a database that hangs outright (a stopped server
    keeps its sockets open) makes the answer "down" after the timeout instead of never.
    """
    future = _PROBES.submit(_select_one, engine)
    try:
        future.result(timeout)
        return True, "ok"
    except FutureTimeout:
        logger.warning("database health check: no answer within %s s", timeout)
        return False, "timeout"
    except Exception as exc:  # any driver error means "down" to a health check
        logger.warning("database health check failed: %s", type(exc).__name__)
        return False, type(exc).__name__


def _select_one(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def within(seconds: float, function: Callable[..., T], *args: Any) -> T:
    """Run a database call, giving up after `seconds` with StorageUnavailable.

    For callers that must answer someone soon (SMTP, the web form, webhooks): the call goes
    on in its thread, and if it later succeeds the work is done once, so the sender's retry
    after our temporary failure is de-duplicated like any other repeat.
    """
    future = _CALLS.submit(function, *args)
    try:
        return future.result(seconds)
    except FutureTimeout:
        logger.error("database call %s: no answer within %s s", function.__name__, seconds)
        raise StorageUnavailable(
            "The database did not answer in time; try again shortly."
        ) from None


# Small pools: a hung database parks at most this many threads, later calls time out queued.
_PROBES = ThreadPoolExecutor(max_workers=2, thread_name_prefix="db-probe")
_CALLS = ThreadPoolExecutor(max_workers=16, thread_name_prefix="db-call")
