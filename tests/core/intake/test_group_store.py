"""Concurrent stores on PostgreSQL are committed together, each answered after its commit."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

import core.db
import core.intake.ingest
from balagh.wiring import build_context
from core.context import Context
from core.db import DeadlineConnection
from core.errors import StorageUnavailable
from core.inbound import InboundMessage
from core.intake.groupstore import StoreGroup, store_group
from core.intake.ingest import Accepted, accept
from core.intake.wakeups import WakeListener
from core.models import InboundRecord, InboundStatus
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.conftest import empty_tables, finish, make_settings
from tests.db_proxy import DatabaseProxy

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


@pytest.fixture
def other_ctx(ctx: Context) -> Iterator[Context]:
    """Another process's view of the same database: its own engine and connections."""
    other = build_context(ctx.settings, senders=ctx.senders, router=ctx.router)
    yield other
    other.engine.dispose()


def mail(external_id: str | None = None) -> InboundMessage:
    return InboundMessage(
        channel="email",
        sender=f"{secrets.token_hex(3)}@example.org",
        text="Water leaking on the street",
        external_id=external_id or f"<{secrets.token_hex(6)}@example.org>",
    )


def held_first_group(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The writer's first group waits until released, so the next stores queue behind it."""
    writing, release = threading.Event(), threading.Event()
    write = StoreGroup._write

    def slow(self: StoreGroup, rows: list[dict[str, Any]]) -> Any:
        if not writing.is_set():
            writing.set()
            release.wait(10)
        return write(self, rows)

    monkeypatch.setattr(StoreGroup, "_write", slow)
    return writing, release


def records(ctx: Context) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(InboundRecord)).scalar_one())


def test_stores_waiting_for_the_writer_are_committed_in_one_transaction(
    ctx: Context, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    writing, release = held_first_group(monkeypatch)
    with ThreadPoolExecutor(9) as pool:
        first = pool.submit(accept, ctx, mail())
        assert writing.wait(10)
        rest = [pool.submit(accept, ctx, mail()) for _ in range(8)]
        while len(store_group(ctx)._queue) < 8:  # all eight wait for the next group
            threading.Event().wait(0.01)
        assert not any(f.done() for f in rest)  # nobody is answered before the commit
        release.set()
        answers: list[Accepted] = [first.result(10)] + [f.result(10) for f in rest]
    assert store_group(ctx).commits == 2
    assert len({a.record_id for a in answers}) == 9 and not any(a.duplicate for a in answers)
    assert records(ctx) == 9


def test_a_message_stored_twice_in_one_group_or_again_later_is_one_record(
    ctx: Context, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    writing, release = held_first_group(monkeypatch)
    same = mail("<same@example.org>")
    with ThreadPoolExecutor(3) as pool:
        pool.submit(accept, ctx, mail())
        assert writing.wait(10)
        twice = [pool.submit(accept, ctx, same) for _ in range(2)]
        while len(store_group(ctx)._queue) < 2:
            threading.Event().wait(0.01)
        release.set()
        answers = [f.result(10) for f in twice]
    assert sorted(a.duplicate for a in answers) == [False, True]
    assert answers[0].record_id == answers[1].record_id
    again = accept(ctx, same)  # the sender's retry
    assert again.duplicate and again.record_id == answers[0].record_id
    assert records(ctx) == 2


def test_an_ignored_message_is_stored_ignored_through_the_group(
    ctx: Context, database_url: str
) -> None:
    stored = accept(ctx, mail(), ignore="auto-reply")
    with ctx.sessions() as session:
        record = session.get(InboundRecord, stored.record_id)
        assert record is not None
        assert record.status == InboundStatus.IGNORED and record.processed_at is not None
        assert record.error == "not a citizen message: auto-reply"


def test_a_grouped_store_is_written_on_the_callers_thread(
    ctx: Context, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    write = StoreGroup._write

    def watched(self: StoreGroup, rows: list[dict[str, Any]]) -> Any:
        threads.append(threading.current_thread())
        return write(self, rows)

    monkeypatch.setattr(StoreGroup, "_write", watched)
    accept(ctx, mail())
    assert threads == [threading.current_thread()]  # no hand-over to a `within` thread


ANSWER_TIMEOUT = 1.5  # seconds; these stores' BALAGH_DB_ANSWER_TIMEOUT_SECONDS


def test_stores_on_a_hung_database_give_up_by_their_deadline_leader_and_waiters_alike(
    tmp_path: Path, database_url: str
) -> None:
    """Without `within`'s thread, the leader writing a group is the caller: a frozen server
    (SIGSTOP: sockets open, nothing answers) must still end its wait, and the waiters',
    with StorageUnavailable (SMTP 451) by the deadline, and the retry is stored once."""
    proxy = DatabaseProxy(database_url)
    settings = make_settings(
        tmp_path / "data",
        proxy.url,
        db_answer_timeout_seconds=ANSWER_TIMEOUT,
        db_connect_timeout_seconds=1.0,
        db_statement_timeout_seconds=30.0,  # far beyond the deadline: only ours ends the wait
    )
    hung = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
    try:
        empty_tables(hung)
        accept(hung, mail())  # a pooled connection exists, and hangs with the server
        proxy.freeze()
        messages = [mail() for _ in range(4)]

        def timed_accept(message: InboundMessage) -> tuple[str, float]:
            started = time.monotonic()
            try:
                accept(hung, message)
                return "stored", time.monotonic() - started
            except StorageUnavailable:
                return "unavailable", time.monotonic() - started

        with ThreadPoolExecutor(4) as pool:
            outcomes = list(pool.map(timed_accept, messages))
        assert [what for what, _ in outcomes] == ["unavailable"] * 4
        # By the deadline; a leader that must open a new connection in its last seconds can
        # overrun it by psycopg's connect timeout (2 s at least), never by another deadline.
        assert max(took for _, took in outcomes) < ANSWER_TIMEOUT + 2.5
        proxy.resume()
        # The group's one statement commits by itself (autocommit), so one the frozen server
        # had received runs when it wakes, though its sender was told 451; as with a COMMIT
        # sent just before a deadline, the retry then finds that record: stored once.
        retried = accept(hung, messages[0])
        again = accept(hung, messages[0])
        assert again.duplicate and again.record_id == retried.record_id
        with hung.sessions() as session:
            stored = session.execute(
                select(func.count())
                .select_from(InboundRecord)
                .where(InboundRecord.external_id == messages[0].external_id)
            ).scalar_one()
        assert stored == 1
    finally:
        proxy.resume()
        finish(hung)
        proxy.close()


def waits_on_the_server(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the driver's exchanges with the server (each statement's round trip) made on
    this thread (not a listener's waits for notifications on its own thread)."""
    waits: list[int] = []
    wait = DeadlineConnection.wait
    caller = threading.current_thread()

    def counted(self: DeadlineConnection, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is caller:
            waits.append(1)
        return wait(self, *args, **kwargs)

    monkeypatch.setattr(DeadlineConnection, "wait", counted)
    return waits


def test_a_group_is_stored_committed_and_announced_in_one_round_trip(
    ctx: Context, other_ctx: Context, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No BEGIN, second statement for the NOTIFY or COMMIT of their own: one statement in
    autocommit, answered once committed (another process's listener hears of it)."""
    monkeypatch.setattr(core.db, "HOLD_IDLE_SECONDS", 3600.0)  # however slow the machine
    heard = threading.Semaphore(0)
    other = WakeListener(other_ctx.engine, lambda _may_prepare: heard.release())
    try:
        assert heard.acquire(timeout=30)  # the wake-up it gives itself once listening
        accept(ctx, mail())  # the held connection is checked out (and set up) here
        assert heard.acquire(timeout=30)
        waits = waits_on_the_server(monkeypatch)
        stored = accept(ctx, mail())
        assert len(waits) == 1
        assert heard.acquire(timeout=30)
    finally:
        other.stop()
    with other_ctx.sessions() as session:  # committed: another connection sees it
        assert session.get(InboundRecord, stored.record_id) is not None


def test_a_grouped_store_writes_the_record_a_store_of_its_own_writes(
    ctx: Context, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    when = datetime(2026, 12, 6, 9, tzinfo=UTC)
    message = replace(mail(), subject="Leak", received_at=when, raw=b"Subject: Leak\r\n\r\n")
    grouped = accept(ctx, message, ignore="auto-reply")
    monkeypatch.setattr(core.intake.ingest, "_grouped", lambda ctx, reserve: False)
    alone = accept(ctx, replace(message, external_id="<alone@example.org>"), ignore="auto-reply")
    with ctx.sessions() as session:
        rows = [
            session.execute(select(InboundRecord.__table__).where(InboundRecord.id == rid)).one()
            for rid in (grouped.record_id, alone.record_id)
        ]
    first, second = ({k: v for k, v in r._mapping.items() if k != "id"} for r in rows)
    second["external_id"] = first["external_id"]
    second["normalized"]["external_id"] = first["normalized"]["external_id"]
    first["processed_at"] = second["processed_at"] = None  # ctx.now() at each store
    assert first == second


def test_one_connection_serves_a_burst_of_groups_and_goes_back_to_the_pool_after_a_pause(
    ctx: Context, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkouts: list[int] = []
    event.listen(ctx.engine.pool, "checkout", lambda *_: checkouts.append(1))
    for _ in range(5):
        accept(ctx, mail())
    assert len(checkouts) == 1
    monkeypatch.setattr(core.db, "HOLD_IDLE_SECONDS", 0.0)
    accept(ctx, mail())
    assert len(checkouts) == 2  # handed back, and a check-out serves the next group


def test_after_the_held_connection_died_one_store_fails_and_the_next_connects_again(
    ctx: Context, database_url: str
) -> None:
    accept(ctx, mail())
    with ctx.engine.begin() as conn:  # the server ends the held connection's backend
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    with pytest.raises(StorageUnavailable):
        accept(ctx, mail())  # in use moments ago: not pinged, as a pooled one (451, retried)
    assert not accept(ctx, mail()).duplicate
    assert records(ctx) == 2
