"""Concurrent stores on PostgreSQL are committed together, each answered after its commit."""

from __future__ import annotations

import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from balagh.wiring import build_context
from core.context import Context
from core.errors import StorageUnavailable
from core.inbound import InboundMessage
from core.intake.groupstore import StoreGroup, store_group
from core.intake.ingest import Accepted, accept
from core.models import InboundRecord, InboundStatus
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.conftest import empty_tables, finish, make_settings
from tests.db_proxy import DatabaseProxy

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


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
        while store_group(ctx)._queue.qsize() < 8:  # all eight wait for the next group
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
        while store_group(ctx)._queue.qsize() < 2:
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
        retried = accept(hung, messages[0])
        assert not retried.duplicate and accept(hung, messages[0]).duplicate
    finally:
        proxy.resume()
        finish(hung)
        proxy.close()
