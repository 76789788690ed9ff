"""Group commit for the acknowledgement path: concurrent stores committed together.

A transport may acknowledge a message only once it is committed (`core.intake.ingest.accept`).
Committed one by one, each store is a transaction of its own: a connection check-out, an
INSERT and a COMMIT (a WAL flush) per message, taking turns with every other. Here the stores
that arrive while one group is being written wait for the next group, which one of their
callers writes, on its own thread, as one statement in autocommit (the multi-row INSERT, the
NOTIFY for other processes' workers, and its commit in one round trip) on a connection held
between groups; each caller returns (so its sender is acknowledged) only after that commit.
A message already stored (a retry) is found by the unique (channel, external_id), as a
single store does.

PostgreSQL only (`ON CONFLICT DO NOTHING ... RETURNING`); a failure of the group's
statement fails each of its stores, whose transports answer a temporary failure. A statement
the server received but did not answer in time may still commit (a frozen server that
wakes): its senders were told to retry, and the retry finds the record, as after a COMMIT
whose answer was lost.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Column, ColumnDefault, Dialect, Table

from core.context import Context
from core.db import HeldConnection, answer_within
from core.intake.wakeups import announcing, notify_call
from core.models import InboundRecord

logger = logging.getLogger(__name__)

# The notification for other processes, after the stored row's columns: its status the payload.
_NOTIFY = f", {notify_call('status')}"

EXTRA_KEY = "inbound_store_group"
MAX_GROUP = 64


@dataclass(frozen=True)
class Stored:
    """One store's outcome: its record id, and whether the message was stored before."""

    record_id: int
    duplicate: bool


class _Waiting:
    """One store in the queue: its row, its answer once written, and the lock its caller
    sleeps on, released only when there is something for it (its answer, or the lead)."""

    __slots__ = ("row", "answer", "error", "state", "lead", "wake")

    def __init__(self, row: dict[str, Any]) -> None:
        self.row = row
        self.answer: Stored | None = None
        self.error: BaseException | None = None
        self.state = _QUEUED
        self.lead = False
        self.wake = threading.Lock()
        self.wake.acquire()


_QUEUED, _WRITING, _DONE = "queued", "writing", "done"


class StoreGroup:
    """The queue of stores of one context; whichever caller finds no group being written
    writes the group (a leader, on its own thread: no hand-over to another thread), the
    others wait for it, and when the leader's own store is done it hands the lead to the
    first still queued. Each waiter is woken once, for its answer or for the lead: woken
    all together on every group, they took a fifth of the listener's store in turns for the
    GIL and the lock (bench/RESULTS.md)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.commits = 0  # groups committed (tests)
        self._lock = threading.Lock()
        self._queue: deque[_Waiting] = deque()
        self._leading = False
        self._connection = HeldConnection(ctx.engine)  # used by one leader at a time
        self._sql = _Statements(ctx.engine.dialect)

    def store(self, row: dict[str, Any], timeout: float | None) -> Stored:
        """Store one row with the next group; returns once that group has committed."""
        me = _Waiting(row)
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            self._queue.append(me)
            lead, self._leading = not self._leading, True
        while not lead:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            woken = me.wake.acquire(timeout=-1 if left is None else left)
            with self._lock:
                if me.state == _DONE:
                    return _answer(me)
                lead = me.lead
                if not lead and not woken:  # out of time, not written: withdrawn
                    if me.state == _QUEUED:
                        self._queue.remove(me)
                    raise FutureTimeout()
        try:
            # This caller's own row is in the next group (or the one after, behind 64
            # earlier ones); a leader out of time stops, and a waiter leads instead.
            while me.state != _DONE and not _past(deadline):
                self._write_group(deadline)
        finally:
            self._hand_over(me)
        return _answer(me)

    def _hand_over(self, me: _Waiting) -> None:
        with self._lock:
            if me.state == _QUEUED:  # a leader out of time withdraws its own row
                self._queue.remove(me)
            following = self._queue[0] if self._queue else None
            if following is None:
                self._leading = False
            else:
                following.lead = True
        if following is not None:
            following.wake.release()

    def _write_group(self, deadline: float | None) -> None:
        with self._lock:
            group = [self._queue.popleft() for _ in range(min(MAX_GROUP, len(self._queue)))]
            for waiting in group:
                waiting.state = _WRITING
        if not group:
            return
        # Every wait on the server ends by the leader's own deadline too (it answers its
        # sender on this thread): nested `answer_within` blocks keep the earlier one.
        seconds = self.ctx.settings.db_answer_timeout_seconds
        if deadline is not None:
            seconds = min(seconds, max(0.0, deadline - time.monotonic()))
        try:
            with answer_within(seconds):
                results = self._write([waiting.row for waiting in group])
        except Exception as exc:  # each caller answers a temporary failure
            for waiting in group:
                waiting.error = exc
        else:
            for waiting, result in zip(group, results, strict=True):
                waiting.answer = result
        with self._lock:
            for waiting in group:
                waiting.state = _DONE
        for waiting in group:
            # Still locked unless the lead was handed to it after its wait ran out; only
            # the one leader releases these. The leader's own: nobody waits, no wake-up.
            if waiting.wake.locked():
                waiting.wake.release()

    def _write(self, rows: list[dict[str, Any]]) -> list[Stored]:
        # One statement in autocommit on a held connection: the INSERT, the NOTIFY for other
        # processes' workers and the commit in one round trip (with BEGIN and a separate
        # NOTIFY and COMMIT it was four), and no pool check-out per group (bench/RESULTS.md).
        # PostgreSQL answers a statement in autocommit only once its transaction committed.
        notify = announcing(self.ctx.extras, "postgresql")
        with self._connection.use() as conn:
            fresh: dict[tuple[str, str], int] = {}
            inserted = conn.exec_driver_sql(
                self._sql.insert(len(rows), notify), self._sql.insert_params(rows)
            )
            for record_id, channel, external_id, *_ in inserted.all():
                fresh[(channel, external_id)] = record_id
            missing = {(r["channel"], r["external_id"]) for r in rows} - set(fresh)
            earlier: dict[tuple[str, str], int] = {}
            if missing:  # stored before (a retry), or twice in this group
                found = conn.exec_driver_sql(self._sql.find, self._sql.find_params(sorted(missing)))
                earlier = {(channel, external_id): rid for rid, channel, external_id in found}
        results: list[Stored] = []
        seen: set[tuple[str, str]] = set()
        for row in rows:
            key = (row["channel"], row["external_id"])
            if key in fresh and key not in seen:
                results.append(Stored(fresh[key], duplicate=False))
            elif key in fresh or key in earlier:
                results.append(Stored(fresh.get(key) or earlier[key], duplicate=True))
            else:
                raise LookupError(f"inbound record {key} neither stored nor found")
            seen.add(key)
        self.commits += 1
        return results


class _Statements:
    """The group's statements as SQL for the driver, built once from the table (one INSERT
    text per group size, so psycopg prepares each once per connection), the values converted
    by the columns' own types as SQLAlchemy would: scalar parameters, which psycopg dumps in
    C, where arrays to unnest cost it more in Python than SQLAlchemy did (bench/RESULTS.md)."""

    def __init__(self, dialect: Dialect) -> None:
        self.columns = [c for c in _TABLE.columns if not c.primary_key]
        self.processors = [
            c.type.dialect_impl(dialect).bind_processor(dialect) for c in self.columns
        ]
        self.defaults = [_default(c) for c in self.columns]
        self._texts: dict[tuple[int, bool], str] = {}
        key = ", ".join(f"%s::{_TABLE.c[n].type.compile(dialect=dialect)}[]" for n in _KEY)
        self.find = (
            f"SELECT id, channel, external_id FROM {_TABLE.name}"
            f" WHERE (channel, external_id) IN (SELECT * FROM unnest({key}))"
        )

    def insert(self, size: int, notify: bool) -> str:
        """`size` rows, inserted unless stored before, each new one's id, and the notification
        for other processes when `notify`, in one statement."""
        text = self._texts.get((size, notify))
        if text is None:
            names = ", ".join(c.name for c in self.columns)
            row = "(" + ", ".join(["%s"] * len(self.columns)) + ")"
            text = self._texts[(size, notify)] = (
                f"WITH stored AS (INSERT INTO {_TABLE.name} ({names})"
                f" VALUES {', '.join([row] * size)}"
                " ON CONFLICT (channel, external_id) DO NOTHING"
                " RETURNING id, channel, external_id, status)"
                f" SELECT id, channel, external_id{_NOTIFY if notify else ''}"
                " FROM stored"
            )
        return text

    def insert_params(self, rows: list[dict[str, Any]]) -> tuple[Any, ...]:
        params: list[Any] = []
        for row in rows:
            for column, process, default in zip(
                self.columns, self.processors, self.defaults, strict=True
            ):
                value = row[column.name] if column.name in row else default()
                params.append(value if process is None else process(value))
        return tuple(params)  # one execution (a list would be an executemany)

    @staticmethod
    def find_params(keys: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
        return [k[0] for k in keys], [k[1] for k in keys]


_KEY = ("channel", "external_id")


def _default(column: Column[Any]) -> Callable[[], Any]:
    """A column's value when a row leaves it out, as SQLAlchemy would give it."""
    default = column.default
    if default is None:
        return lambda: None
    if isinstance(default, ColumnDefault) and default.is_scalar:
        value = default.arg
        return lambda: value
    if isinstance(default, ColumnDefault) and default.is_callable:
        make = default.arg
        return lambda: make(None)  # wrapped by SQLAlchemy to take an execution context
    raise ValueError(f"{column}: a group store cannot compute its default")


def _answer(waiting: _Waiting) -> Stored:
    if waiting.error is not None:
        raise waiting.error
    if waiting.answer is None:
        raise FutureTimeout()  # not written in time
    return waiting.answer


def _past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline


_TABLE = cast(Table, InboundRecord.__table__)


_LOCK = threading.Lock()


def store_group(ctx: Context) -> StoreGroup:
    """This context's writer, started on first use."""
    group: StoreGroup | None = ctx.extras.get(EXTRA_KEY)
    if group is None:
        with _LOCK:
            group = ctx.extras.get(EXTRA_KEY)
            if group is None:
                group = ctx.extras[EXTRA_KEY] = StoreGroup(ctx)
    return group
