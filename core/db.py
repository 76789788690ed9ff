"""Engine and sessions: SQLite (WAL, foreign keys on) by default, PostgreSQL in production."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from sqlalchemy import Connection, Engine, create_engine, event, text
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


# When the work running in this thread must have its answer from the database (monotonic
# seconds), or None: no deadline (workers, command-line jobs).
_ANSWER_BY: ContextVar[float | None] = ContextVar("balagh_db_answer_by", default=None)


@contextmanager
def answer_within(seconds: float) -> Iterator[None]:
    """Every database wait in this block ends within `seconds` from now, even on a hung server.

    A statement timeout stops a slow statement on a live server; a server stopped outright
    (SIGSTOP, a frozen VM) keeps its sockets open and answers nothing, and the kernel keeps
    acknowledging what is sent, so TCP keepalives never fire either. Past the deadline the
    connection is closed on our side and the call fails as an outage (OperationalError),
    which the web answers 503 and SMTP 451; the pool throws the closed connection away, so
    nothing waits on and nothing leaks. Nested blocks keep the earlier deadline.
    """
    deadline = time.monotonic() + seconds
    outer = _ANSWER_BY.get()
    token = _ANSWER_BY.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        _ANSWER_BY.reset(token)


def answer_time_left() -> float | None:
    """Seconds left before this thread's answer deadline (`answer_within`), or None: none."""
    deadline = _ANSWER_BY.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


_time_left = answer_time_left


class DeadlineConnection(psycopg.Connection[Any]):
    """A psycopg connection whose waits on the server end at the thread's answer deadline.

    psycopg does every exchange with the server (statements, commit, rollback, the pool's
    ping) through `wait`; with a deadline in force it gets the time left as its timeout, and
    a connection that ran out of time is closed, its state being unknown.
    """

    def wait(self, gen: Any, interval: float | None = None, timeout: float | None = None) -> Any:
        left = _time_left()
        extra = {} if interval is None else {"interval": interval}
        if left is None:
            return super().wait(gen, timeout=timeout, **extra)
        try:
            return super().wait(
                gen, timeout=left if timeout is None else min(left, timeout), **extra
            )
        except psycopg.OperationalError as exc:
            if _time_left() != 0.0:
                raise  # not our deadline: a lost connection or psycopg's own timeout
            self.pgconn.finish()
            raise psycopg.OperationalError(
                "The database did not answer in time; the connection was dropped."
            ) from exc


def _connect_by_deadline(connect_timeout: float) -> Callable[..., Any]:
    """`do_connect`: a DeadlineConnection, connecting within the time left, if any."""

    def do_connect(_dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        left = _time_left()
        if left == 0.0:
            raise psycopg.OperationalError("No time left to connect to the database.")
        if left is not None:
            seconds = math.ceil(min(left, connect_timeout))  # whole seconds; psycopg: 2 at least
            cparams = {**cparams, "connect_timeout": seconds}
        return DeadlineConnection.connect(*cargs, **cparams)

    return do_connect


# A pooled PostgreSQL connection is checked with a round trip (SELECT 1) only when it has
# sat unused for longer than this. `pool_pre_ping` pinged on every checkout: ~0.3 ms of a
# loaded two-core machine each, about two checkouts per inbound message (bench/RESULTS.md),
# paid most when a storm keeps every connection busy, i.e. when it cannot be stale. A
# connection that dies while in use (the server restarted) fails its statement; SQLAlchemy
# sees the disconnect and replaces every connection pooled before it, so one request gets
# a temporary failure (503, SMTP 451, a worker's retry) and the next gets a new connection.
PING_AFTER_IDLE_SECONDS = 10.0
# Connections older than this are replaced on checkout, whatever their use (firewalls and
# poolers that drop long-lived connections silently).
POOL_RECYCLE_SECONDS = 1800


def make_engine(
    url: str,
    *,
    connect_timeout: float = 5.0,
    statement_timeout: float = 20.0,
    ping_after_idle: float = PING_AFTER_IDLE_SECONDS,
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
        event.listen(engine, "begin", _sqlite_begin_immediate(statement_timeout))
        return engine
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_timeout", connect_timeout)
    connect_args = {
        "connect_timeout": max(1, round(connect_timeout)),
        "options": f"-c statement_timeout={int(statement_timeout * 1000)}",
    }
    kwargs.setdefault("pool_recycle", POOL_RECYCLE_SECONDS)
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "do_connect", _connect_by_deadline(connect_timeout))
    _ping_when_idle(engine, ping_after_idle)
    return engine


def _ping_when_idle(engine: Engine, idle_seconds: float) -> None:
    """Ping a pooled connection on checkout only when it was idle longer than `idle_seconds`;
    a dead one is discarded and the pool connects again (DisconnectionError)."""

    def checkin(_dbapi_conn: Any, record: Any) -> None:
        # A connection a HeldConnection kept was idle since its last use, not since now.
        last_used = record.info.pop(_LAST_USED, None)
        record.info["balagh_checked_in"] = time.monotonic() if last_used is None else last_used

    def checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("balagh_checked_in")
        if since is None or time.monotonic() - since < idle_seconds:
            return  # new, or in use moments ago
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:
            logger.info("database: an idle pooled connection was dead; connecting again")
            raise DisconnectionError("idle pooled connection failed its ping") from exc

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


_LAST_USED = "balagh_last_used"
# A held connection unused for this long goes back to the pool at its next use, and a new
# check-out (pinged by the pool's rule if it sat idle) serves that use.
HOLD_IDLE_SECONDS = 1.0


class HeldConnection:
    """One pooled connection kept checked out across many short uses, in autocommit, for a
    user that makes one use at a time (the group store of the ack path).

    A check-out, its events and the reset on check-in for every use cost more of the
    listener's GIL than the one statement the use sends (bench/RESULTS.md), and psycopg
    prepares a statement per connection. The pool's rules still hold: after a pause of
    HOLD_IDLE_SECONDS the connection goes back to the pool, marked with its last use, so the
    next check-out pings it by the pool's rule if it was idle long enough, and so it does
    after any pooled connection was invalidated (SQLAlchemy then replaces the pool's older
    connections, the held one among them, as it did when each group checked out); after any error
    it is thrown away (its state is unknown: closed at an answer deadline, or lost; a lost
    one makes SQLAlchemy replace the pool's others too), and the next use checks out
    another. The engine's `dispose()` closes it.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()  # one use at a time, and dispose() waits for it
        self._held: Connection | None = None
        self._last_used = 0.0
        self._suspect = False  # a pooled connection was invalidated since we checked out
        event.listen(engine, "engine_disposed", self._disposed)
        event.listen(engine, "invalidate", self._pool_invalidated)

    @contextmanager
    def use(self) -> Iterator[Connection]:
        """The connection (autocommit: each statement commits by itself) for one use."""
        with self._lock:
            held = self._checked_out()
            try:
                yield held
            except BaseException:
                self._held = None
                held.invalidate()
                held.close()
                raise
            self._last_used = time.monotonic()

    def _checked_out(self) -> Connection:
        held = self._held
        idle = time.monotonic() - self._last_used > HOLD_IDLE_SECONDS
        if held is not None and (idle or self._suspect):
            # Back to the pool, which replaces it if it predates a lost connection (the
            # server restarted or was cut off: SQLAlchemy invalidates the pool's older ones).
            self._held = None
            if not held.invalidated:
                held.connection.info[_LAST_USED] = self._last_used
            held.close()  # the pool resets its autocommit
            held = None
        if held is None:
            self._suspect = False
            held = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            self._held = held
        return held

    def _pool_invalidated(self, *_args: Any) -> None:
        self._suspect = True

    def _disposed(self, _engine: Engine) -> None:
        with self._lock:
            if self._held is not None:
                self._held.invalidate()
                self._held.close()
                self._held = None


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


def _sqlite_begin_immediate(busy_timeout: float) -> Callable[[Any], None]:
    """One writer at a time on SQLite: take the write lock at BEGIN, so two workers never
    read the same outbox row as free and both send it. Under an answer deadline the wait
    for that lock ends with the deadline, as PostgreSQL's waits do."""
    usual = int(busy_timeout * 1000)

    def begin(conn: Any) -> None:
        left = _time_left()
        wanted = usual if left is None else min(usual, int(left * 1000))
        if conn.info.get("busy_timeout_ms", usual) != wanted:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={wanted}")
            conn.info["busy_timeout_ms"] = wanted
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return begin


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def listen_once(sessions: sessionmaker[Session], name: str, hook: Callable[..., Any]) -> None:
    """Attach a session event hook to this factory once, however often it is installed.

    The mark lives on the factory itself: SQLAlchemy's `event.contains` keys its registry by
    `id()` of the factory's Session subclass and keeps that key after the subclass is
    collected, so a new factory that reuses the address was taken for one already hooked and
    its sessions ran without the hook (seen as searches finding nothing, now and then).
    """
    installed: set[tuple[str, Callable[..., Any]]] = sessions.__dict__.setdefault(
        "_balagh_hooks", set()
    )
    if (name, hook) not in installed:
        event.listen(sessions, name, hook)
        installed.add((name, hook))


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
    try:
        _bounded(_PROBES, timeout, _select_one, engine)
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
    """Run a database call, giving up after `seconds` (or on an outage) with StorageUnavailable.

    For callers that must answer someone soon (SMTP, the web form, webhooks). The call's
    thread has the same deadline, so it gives up too rather than wait on a hung server; a
    call that committed just as its caller gave up did its work once, and the sender's retry
    after our temporary failure is de-duplicated like any other repeat.
    """
    try:
        return _bounded(_CALLS, seconds, function, *args)
    except StorageUnavailable:
        raise
    except Exception as exc:
        if not (isinstance(exc, FutureTimeout) or is_outage(exc)):
            raise
        why = (
            f"no answer within {seconds} s"
            if isinstance(exc, FutureTimeout)
            else type(exc).__name__
        )
        logger.error("database call %s: %s", function.__name__, why)
        raise StorageUnavailable(
            "The database did not answer in time; try again shortly."
        ) from None


def _bounded(
    pool: ThreadPoolExecutor, seconds: float | None, function: Callable[..., T], *args: Any
) -> T:
    """Run `function` in `pool`, waiting at most `seconds`; the thread gets the same deadline.

    So a hung database frees the thread too (no pile of stuck threads), and a call still
    queued when its caller gave up never runs (no burst of stale work once the server wakes).
    """
    future: Future[T] = pool.submit(_with_deadline, seconds, function, *args)
    try:
        return future.result(seconds)
    except FutureTimeout:
        future.cancel()
        raise


def _with_deadline(seconds: float | None, function: Callable[..., T], *args: Any) -> T:
    if seconds is None:
        return function(*args)
    with answer_within(seconds):
        return function(*args)


# Small pools: a hung database holds at most this many threads, each until its deadline;
# later calls wait queued and are dropped when their caller gives up.
_PROBES = ThreadPoolExecutor(max_workers=2, thread_name_prefix="db-probe")
_CALLS = ThreadPoolExecutor(max_workers=16, thread_name_prefix="db-call")
