"""Group commit for the acknowledgement path: concurrent stores committed together.

A transport may acknowledge a message only once it is committed (`core.intake.ingest.accept`).
Committed one by one, each store is a transaction of its own: a connection check-out, an
INSERT and a COMMIT (a WAL flush) per message, taking turns with every other. Here the stores
that arrive while one group is being written wait for the next group, which one of their
callers commits, on its own thread, in one transaction: one multi-row INSERT and one COMMIT for all of them, and each
caller returns (so its sender is acknowledged) only after that commit. A message already
stored (a retry) is found by the unique (channel, external_id), as a single store does.

PostgreSQL only (`ON CONFLICT DO NOTHING ... RETURNING`); a failure of the group's
transaction fails each of its stores, whose transports answer a temporary failure.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, select, tuple_
from sqlalchemy.dialects.postgresql import insert

from core.context import Context
from core.db import answer_within
from core.intake.wakeups import announce
from core.models import InboundRecord

logger = logging.getLogger(__name__)

EXTRA_KEY = "inbound_store_group"
MAX_GROUP = 64


@dataclass(frozen=True)
class Stored:
    """One store's outcome: its record id, and whether the message was stored before."""

    record_id: int
    duplicate: bool


class StoreGroup:
    """The queue of stores of one context; whichever caller finds no group being written
    writes the group (a leader, on its own thread: no hand-over to another thread), the
    others wait for it, and one of them leads the next group."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.commits = 0  # groups committed (tests)
        self._queue: queue.SimpleQueue[tuple[dict[str, Any], Future[Stored]]] = queue.SimpleQueue()
        self._turn = threading.Condition()
        self._leading = False

    def store(self, row: dict[str, Any], timeout: float | None) -> Stored:
        """Store one row with the next group; returns once that group has committed."""
        future: Future[Stored] = Future()
        self._queue.put((row, future))
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._turn:
            while not future.done() and self._leading:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                self._turn.wait(left)
            lead = not future.done() and not self._leading and not _past(deadline)
            if lead:
                self._leading = True
        if lead:
            try:
                # This caller's own row is in the next group (or the one after, behind 64
                # earlier ones); a leader out of time stops, and a waiter leads instead.
                while not future.done() and not _past(deadline):
                    self._write_group(deadline)
            finally:
                with self._turn:
                    self._leading = False
                    self._turn.notify_all()
        try:
            return future.result(0)
        finally:
            future.cancel()  # gave up waiting: a store still queued is not written

    def _write_group(self, deadline: float | None) -> None:
        waiting: list[tuple[dict[str, Any], Future[Stored]]] = []
        while len(waiting) < MAX_GROUP:
            try:
                waiting.append(self._queue.get_nowait())
            except queue.Empty:
                break
        live = [(row, f) for row, f in waiting if f.set_running_or_notify_cancel()]
        if not live:
            return
        # Every wait on the server ends by the leader's own deadline too (it answers its
        # sender on this thread): nested `answer_within` blocks keep the earlier one.
        seconds = self.ctx.settings.db_answer_timeout_seconds
        if deadline is not None:
            seconds = min(seconds, max(0.0, deadline - time.monotonic()))
        try:
            with answer_within(seconds):
                results = self._write([row for row, _ in live])
        except Exception as exc:  # each caller answers a temporary failure
            for _, future in live:
                future.set_exception(exc)
            return
        for (_, future), result in zip(live, results, strict=True):
            future.set_result(result)

    def _write(self, rows: list[dict[str, Any]]) -> list[Stored]:
        # A Core connection and a statement built once: the ORM session's unit of work and
        # the statement's construction cost ~0.4 ms CPU per group on the listener's GIL
        # (bench/RESULTS.md), which the acknowledgements of a storm wait behind.
        with self.ctx.engine.connect() as conn:
            fresh: dict[tuple[str, str], int] = {}
            for record_id, channel, external_id in conn.execute(_INSERT, rows):
                fresh[(channel, external_id)] = record_id
            results: list[Stored] = []
            seen: set[tuple[str, str]] = set()
            missing = {(r["channel"], r["external_id"]) for r in rows} - set(fresh)
            earlier: dict[tuple[str, str], int] = {}
            if missing:  # stored before (a retry), or twice in this group
                found = conn.execute(
                    select(_TABLE.c.id, _TABLE.c.channel, _TABLE.c.external_id).where(
                        tuple_(_TABLE.c.channel, _TABLE.c.external_id).in_(sorted(missing))
                    )
                ).all()
                earlier = {(channel, external_id): rid for rid, channel, external_id in found}
            for row in rows:
                key = (row["channel"], row["external_id"])
                if key in fresh and key not in seen:
                    results.append(Stored(fresh[key], duplicate=False))
                elif key in fresh or key in earlier:
                    results.append(Stored(fresh.get(key) or earlier[key], duplicate=True))
                else:
                    raise LookupError(f"inbound record {key} neither stored nor found")
                seen.add(key)
            announce(conn, self.ctx.extras)
            conn.commit()
        self.commits += 1
        return results


def _past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline


_TABLE = cast(Table, InboundRecord.__table__)
# Python-side column defaults (attempts) are applied by Core as by the ORM.
_INSERT = (
    insert(_TABLE)
    .on_conflict_do_nothing(index_elements=["channel", "external_id"])
    .returning(_TABLE.c.id, _TABLE.c.channel, _TABLE.c.external_id)
)


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
