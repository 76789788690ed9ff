"""One rule for an address that stopped working, however the channel learns it.

A final bounce (email's DSN), a permanent refusal while sending (a blocked bot) and a
permanent failure receipt (WhatsApp) all mark the address unreachable and tell staff once.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from core.context import Context
from core.delivery.bounces import UNREACHABLE_REASON_LIMIT, record_bounce
from core.delivery.outbox import deliver_due, record_delivery_state
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.models import ContactIdentity, Delivery, Event, OutboxItem
from core.outbound import CollectingSender, DeliveryReceipt, OutboundMessage, PermanentDeliveryError


class BlockedSender:
    def send(self, message: OutboundMessage) -> DeliveryReceipt:
        raise PermanentDeliveryError("Forbidden: bot was blocked by the user " + "x" * 900)


def _sent_ack(ctx: Context) -> str:
    """A ticket whose acknowledgement went out; returns the id the channel gave it."""
    ingest(
        ctx, InboundMessage(channel="telegram", sender="42", text="light off", external_id="42:1")
    )
    deliver_due(ctx)
    with ctx.sessions() as session:
        external_id = session.execute(select(OutboxItem.external_id)).scalar_one()
    assert external_id
    return external_id


def _bounce(ctx: Context) -> None:
    sent = _sent_ack(ctx)
    record_bounce(ctx, [sent], "550 no such user " + "x" * 900)
    record_bounce(ctx, [sent], "550 no such user")  # the same DSN again


def _refusal(ctx: Context) -> None:
    ctx.senders.register("telegram", BlockedSender())
    ingest(
        ctx, InboundMessage(channel="telegram", sender="42", text="light off", external_id="42:1")
    )
    deliver_due(ctx)


def _receipt(ctx: Context) -> None:
    sent = _sent_ack(ctx)
    for _ in range(2):
        record_delivery_state(
            ctx, "telegram", sent, Delivery.FAILED, error="x" * 900, permanent=True
        )


@pytest.mark.parametrize(
    "report", [_bounce, _refusal, _receipt], ids=["bounce", "refusal", "receipt"]
)
def test_an_address_that_stopped_working_is_marked_and_staff_are_told_once(
    ctx: Context, senders: dict[str, CollectingSender], report: Callable[[Context], None]
) -> None:
    report(ctx)
    with ctx.sessions() as session:
        identity = session.execute(select(ContactIdentity)).scalar_one()
        told = (
            session.execute(select(Event.data).where(Event.kind == "contact_unreachable"))
            .scalars()
            .all()
        )
        item = session.execute(select(OutboxItem)).scalar_one()
    assert identity.unreachable and item.status == Delivery.FAILED
    assert len(identity.unreachable_reason or "") <= UNREACHABLE_REASON_LIMIT
    assert [(t["channel"], t["reason"]) for t in told] == [
        ("telegram", identity.unreachable_reason)
    ]
