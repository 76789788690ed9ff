"""Deliver a queued reply as soon as its transaction commits, not at the next outbox run.

The `outbox` job runs every few seconds and stays the safety net (retries, backoff, items
queued by other processes). But a citizen who just wrote should see the acknowledgement at
once: on a fresh start the first one waited for the job's first run, ~6 s (bench/RESULTS.md,
first ticket). A session hook notes commits that queued an outbox item and wakes one thread
per process, which calls `deliver_due`; its claims are leases, so running beside the job or
another process's courier never sends an item twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from core.context import Context
from core.delivery.outbox import deliver_due
from core.models import OutboxItem

logger = logging.getLogger(__name__)

QUEUED = "outbox_queued"  # session.info: this transaction queued an outbox item
CALLBACKS = "_balagh_outbox_callbacks"  # on the session factory: who to tell after commit
BATCH = 50  # items claimed per round


def _note_queued(session: Session, _flush_context: Any) -> None:
    if any(isinstance(obj, OutboxItem) for obj in session.new):
        session.info[QUEUED] = True


def _forget(session: Session, _previous: Any = None) -> None:
    session.info.pop(QUEUED, None)


def when_queued(
    sessions: sessionmaker[Session], callback: Callable[[], None]
) -> Callable[[], None]:
    """Call `callback` after every commit of this factory's sessions that queued an outbox
    item (never after a rollback). Returns a function that stops the calls."""
    callbacks: list[Callable[[], None]] | None = sessions.__dict__.get(CALLBACKS)
    if callbacks is None:
        callbacks = sessions.__dict__[CALLBACKS] = []
        registered = callbacks

        def after_commit(session: Session) -> None:
            if session.info.pop(QUEUED, False):
                for call in list(registered):
                    call()

        event.listen(sessions, "after_flush", _note_queued)
        event.listen(sessions, "after_commit", after_commit)
        event.listen(sessions, "after_rollback", _forget)
    callbacks.append(callback)
    return lambda: callbacks.remove(callback) if callback in callbacks else None


class Courier:
    """One thread that runs `deliver_due` whenever a commit queued something to send."""

    def __init__(self, ctx: Context, poll_seconds: float = 1.0) -> None:
        self.ctx = ctx
        self.poll_seconds = poll_seconds
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._unhook = when_queued(ctx.sessions, self._wanted.set)
        self._wanted.set()  # first, what was queued before this process started
        self.thread = threading.Thread(target=self._run, name="courier", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
            if not self._wanted.wait(self.poll_seconds):
                continue
            self._wanted.clear()  # what commits from now on wakes the next round
            if self._stopping.is_set():
                break
            try:
                while self._deliver_batch() and not self._stopping.is_set():
                    pass  # a full batch: more may be due (a storm's acknowledgements)
            except Exception:  # the database went away: the outbox job retries later
                logger.exception("courier: delivery round failed; the outbox job will retry")

    def _deliver_batch(self) -> bool:
        """Deliver what is due; True when the batch was full."""
        report = deliver_due(self.ctx, BATCH)
        return report.sent + report.retrying + report.failed >= BATCH

    def stop(self) -> None:
        self._unhook()
        self._stopping.set()
        self._wanted.set()
        self.thread.join(timeout=30)
