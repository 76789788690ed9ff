"""Concurrent stores on PostgreSQL are committed together, each answered after its commit."""

from __future__ import annotations

import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import func, select

from core.context import Context
from core.inbound import InboundMessage
from core.intake.groupstore import StoreGroup, store_group
from core.intake.ingest import Accepted, accept
from core.models import InboundRecord, InboundStatus

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
