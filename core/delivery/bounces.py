"""Addresses that stopped working: one rule for every channel.

A final refusal of something we sent (an email bounce, a blocked bot, a WhatsApp number that
cannot be reached) marks the citizen's address on that channel unreachable and tells staff on
the ticket, once, so they see why replies stop and are warned before the next one. The
channel only translates its own report (a DSN, a receipt, an API error) into a call here or
into `PermanentDeliveryError`; the address works again when the citizen writes from it
(core.intake.conversation).
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.models import ContactIdentity, Delivery, Direction, Message, OutboxItem
from core.tickets import record_event

logger = logging.getLogger(__name__)

# Kept readable on the ticket page; the full error stays on the outbox item.
UNREACHABLE_REASON_LIMIT = 500


def mark_unreachable(ctx: Context, session: Session, item: OutboxItem, reason: str) -> bool:
    """Mark the address `item` went to unreachable and log it on the ticket for staff.

    True when the address was reachable until now (the event is written only then).
    """
    identity = session.execute(
        select(ContactIdentity).where(
            ContactIdentity.channel == item.channel, ContactIdentity.address == item.address
        )
    ).scalar_one_or_none()
    if identity is None or identity.unreachable:
        return False
    identity.unreachable = True
    identity.unreachable_reason = reason[:UNREACHABLE_REASON_LIMIT]
    if item.ticket is not None:
        record_event(
            session,
            item.ticket,
            "contact_unreachable",
            at=ctx.now(),
            channel=item.channel,
            reason=identity.unreachable_reason,
        )
    return True


def record_bounce(ctx: Context, message_ids: list[str], reason: str) -> int:
    """A final bounce named these messages of ours: mark them failed, their addresses unreachable.

    `message_ids` are the ids the channel gave our messages when it sent them (for email,
    the Message-IDs a delivery status notification quotes). Returns how many were marked.
    """
    if not message_ids:
        return 0
    error = f"bounced: {reason}"[:2000]
    marked = 0
    with ctx.sessions() as session, session.begin():
        messages = session.execute(
            select(Message).where(
                Message.external_id.in_(message_ids), Message.direction == Direction.OUT
            )
        ).scalars()
        for message in messages:
            message.delivery_status, message.delivery_error = Delivery.FAILED, error
            record_event(session, message.ticket, "delivery_failed", at=ctx.now(), error=error)
            marked += 1
        items = session.execute(
            select(OutboxItem).where(OutboxItem.external_id.in_(message_ids))
        ).scalars()
        for item in items:
            item.status, item.last_error = Delivery.FAILED, error
            mark_unreachable(ctx, session, item, error)
    if marked:
        logger.info("bounce marked %d outbound message(s) failed", marked)
    return marked
