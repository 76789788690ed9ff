"""Wake-ups across processes on PostgreSQL: LISTEN/NOTIFY on one channel.

`announce` runs inside the transaction that stores a record; PostgreSQL delivers the
notification when (and only if) it commits, to every process listening, so a `balagh worker`
hears of a web form stored by another process at once instead of at its next poll. The
poll stays as the fallback: a notification is lost while a listener reconnects, and SQLite
has none (one process writes there anyway).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

CHANNEL = "balagh_inbound"
# Where a process keeps its running pipeline (core.intake.pipeline) on the context.
PIPELINE_KEY = "inbound_pipeline"
LISTEN_TIMEOUT = 1.0  # how often the listener looks whether it should stop
RECONNECT_SECONDS = 2.0


# A notification's payload is the stored record's status: a listener wakes its pipeline's
# preparer only for a record to prepare (`preparing`), its workers for any. An empty or
# unknown payload (sent by an older process) may be either: everything is woken.
PREPARING = "preparing"


def may_prepare(payload: str) -> bool:
    """Whether a notification with this payload may be for a record to prepare."""
    return payload not in _WORKERS_ONLY


_WORKERS_ONLY = frozenset(("pending", "ignored"))


def notify_call(status_column: str) -> str:
    """The notification as a function call, for a store that sends it inside its own
    statement (core.intake.groupstore: no second statement), each row's status its payload
    (PostgreSQL sends one per distinct payload and transaction)."""
    return f"pg_notify('{CHANNEL}', {status_column})"


def announcing(extras: dict[str, Any], dialect_name: str) -> bool:
    """Whether a store must tell listening processes, on commit, that an inbound record was
    stored: on PostgreSQL, when this process has no workers of its own to wake (a web app,
    or a listener started with BALAGH_INBOUND_WORKERS=0, beside `balagh worker`s).

    With workers here, waking them in process is enough (a busy remote worker takes the next
    record anyway), and the ack path is spared the notification and PostgreSQL's
    notification queue lock, which makes committing transactions that notify take turns.
    """
    workers_here = bool(getattr(extras.get(PIPELINE_KEY), "threads", ()))
    return not workers_here and dialect_name == "postgresql"


def announce(session: Session | Connection, extras: dict[str, Any], status: str) -> None:
    """Notify in this transaction, with the record's `status`, when `announcing` says a
    store must."""
    bind = session.get_bind() if isinstance(session, Session) else session
    if announcing(extras, bind.dialect.name):
        session.execute(text(f"SELECT pg_notify('{CHANNEL}', :status)"), {"status": status})


class WakeListener:
    """A thread with its own connection that calls `wake` for each notification, with
    whether it may be for a record to prepare (`may_prepare`)."""

    def __init__(self, engine: Engine, wake: Callable[[bool], None]) -> None:
        self.engine = engine
        self.wake = wake
        self._stopping = threading.Event()
        # Set once LISTEN is in place and what was stored while nobody here listened has
        # been woken for (tests, health, InboundPipeline.wait_idle).
        self.listening = threading.Event()
        self.thread = threading.Thread(target=self._run, name="inbound-listen", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self._listen()
            except Exception as exc:  # the database went away: the poll covers the gap
                logger.warning("inbound: LISTEN connection lost: %s", type(exc).__name__)
                self._stopping.wait(RECONNECT_SECONDS)

    def _listen(self) -> None:
        raw = self.engine.raw_connection()
        conn: Any = raw.driver_connection
        raw.detach()  # held for as long as we listen: not the pool's to hand out
        try:
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self.wake(True)  # whatever was stored while nobody here listened
            self.listening.set()
            while not self._stopping.is_set():
                for notification in conn.notifies(timeout=LISTEN_TIMEOUT):
                    self.wake(may_prepare(notification.payload))
        finally:
            self.listening.clear()
            conn.close()

    def stop(self) -> None:
        self._stopping.set()
        self.thread.join(LISTEN_TIMEOUT * 3)


def listen(engine: Engine, wake: Callable[[bool], None]) -> WakeListener | None:
    """A listener on PostgreSQL; None on SQLite, where only the poll and `wake` exist."""
    if engine.dialect.name != "postgresql":
        return None
    return WakeListener(engine, wake)
