"""The courier: a reply leaves as soon as the transaction that queued it commits, without
waiting for the outbox job; a rollback wakes nobody; nothing is sent twice beside the job."""

from __future__ import annotations

import time

from sqlalchemy import select

from core.context import Context
from core.delivery.courier import Courier, when_queued
from core.delivery.outbox import deliver_due, enqueue, when_settled
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.models import OutboxItem
from core.outbound import CollectingSender, OutboundMessage


def _wait_for(predicate, seconds: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def _statuses(ctx: Context) -> list[str]:
    with ctx.sessions() as session:
        return [str(s) for s in session.execute(select(OutboxItem.status)).scalars()]


def _message(to: str) -> OutboundMessage:
    return OutboundMessage(
        channel="telegram", to=to, text="Thank you", language="en", reference=None, kind="reply"
    )


def test_a_commit_that_queued_a_reply_calls_back_and_a_rollback_does_not(ctx: Context) -> None:
    calls: list[int] = []
    stop = when_queued(ctx.sessions, lambda: calls.append(1))
    with ctx.sessions() as session:
        session.begin()
        enqueue(session, _message("1"), ticket=None, now=ctx.now())
        session.flush()  # written, then undone
        session.rollback()
    assert calls == []
    with ctx.sessions() as session, session.begin():
        session.execute(select(OutboxItem)).all()  # a transaction that queues nothing
    assert calls == []
    with ctx.sessions() as session, session.begin():
        enqueue(session, _message("2"), ticket=None, now=ctx.now())
    assert calls == [1]
    stop()
    with ctx.sessions() as session, session.begin():
        enqueue(session, _message("3"), ticket=None, now=ctx.now())
    assert calls == [1]


def test_the_acknowledgement_leaves_without_the_outbox_job(
    ctx: Context, senders: dict[str, CollectingSender]
) -> None:
    courier = Courier(ctx, poll_seconds=60)  # a poll would not come within the test
    try:
        ingest(
            ctx,
            InboundMessage(
                channel="telegram", sender="42", text="street light off", external_id="42:1"
            ),
        )
        assert _wait_for(lambda: _statuses(ctx) == ["sent"])
        assert [m.kind for m in senders["telegram"].sent] == ["ack"]
        assert deliver_due(ctx).sent == 0  # the job finds nothing left to send
    finally:
        courier.stop()
    assert not courier.thread.is_alive()
    assert len(senders["telegram"].sent) == 1


def test_a_burst_larger_than_one_batch_is_all_delivered(
    ctx: Context, senders: dict[str, CollectingSender]
) -> None:
    courier = Courier(ctx, poll_seconds=60)
    try:
        with ctx.sessions() as session, session.begin():
            for n in range(120):
                enqueue(session, _message(str(n)), ticket=None, now=ctx.now())
        assert _wait_for(lambda: len(senders["telegram"].sent) == 120)
    finally:
        courier.stop()
    assert sorted(m.to for m in senders["telegram"].sent) == sorted(str(n) for n in range(120))


def test_what_was_queued_before_the_courier_started_leaves_when_it_starts(
    ctx: Context, senders: dict[str, CollectingSender]
) -> None:
    with ctx.sessions() as session, session.begin():
        enqueue(session, _message("7"), ticket=None, now=ctx.now())
    courier = Courier(ctx, poll_seconds=60)
    try:
        assert _wait_for(lambda: _statuses(ctx) == ["sent"])
    finally:
        courier.stop()
    assert [m.to for m in senders["telegram"].sent] == ["7"]


def test_an_item_leaving_the_queue_tells_who_waits_for_its_recipient(ctx: Context) -> None:
    """After its outcome is committed: a waiter that reads the queue then sees it gone."""
    seen: list[tuple[str, str, list[str]]] = []
    stop = when_settled(ctx.sessions, lambda c, a: seen.append((c, a, _statuses(ctx))))
    sender = CollectingSender()
    ctx.senders.register("telegram", sender)
    with ctx.sessions() as session, session.begin():
        enqueue(session, _message("41"), ticket=None, now=ctx.now())
    deliver_due(ctx)
    assert seen == [("telegram", "41", ["sent"])]
    stop()
    with ctx.sessions() as session, session.begin():
        enqueue(session, _message("42"), ticket=None, now=ctx.now())
    deliver_due(ctx)
    assert len(seen) == 1
