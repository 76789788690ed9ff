"""The few database operations the bot does itself: edits, ratings, language, phone, /status.

Each runs in one short transaction and commits before the update is acknowledged, so what a
citizen did in the chat is durable the moment Telegram forgets the update.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.telegram.normalize import CHANNEL, Edit
from core.context import Context
from core.intake.contacts import join_proven_phone
from core.intake.conversation import follow_opening_edit
from core.models import (
    OPEN_STATUSES,
    Contact,
    ContactIdentity,
    Delivery,
    InboundRecord,
    InboundStatus,
    Message,
    MessageRevision,
    OutboxItem,
    Ticket,
)
from core.storable import storable_text
from core.tickets import find_or_create_contact, record_event
from core.workflow.ratings import record_rating

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TicketLine:
    reference: str
    status: str
    subject: str | None


def _contact(session: Session, chat_id: int) -> Contact | None:
    identity = session.execute(
        select(ContactIdentity).where(
            ContactIdentity.channel == CHANNEL, ContactIdentity.address == str(chat_id)
        )
    ).scalar_one_or_none()
    return identity.contact if identity is not None else None


def chat_language(ctx: Context, chat_id: int) -> str | None:
    """The language we last settled on with this chat's contact, if any."""
    with ctx.sessions() as session:
        contact = _contact(session, chat_id)
        return contact.language if contact is not None else None


def set_language(ctx: Context, chat_id: int, language: str, display_name: str | None) -> None:
    """Switch the contact's language and that of their open tickets (replies follow it)."""
    with ctx.sessions() as session, session.begin():
        contact, _ = find_or_create_contact(session, CHANNEL, str(chat_id), display_name)
        contact.language = language
        for ticket in contact.tickets:
            if ticket.status in [str(s) for s in OPEN_STATUSES]:
                ticket.language = language


def save_phone(ctx: Context, chat_id: int, phone: str, display_name: str | None) -> None:
    """Keep the citizen's own phone number (shared by its owner: proven) on the contact; it
    joins the contact already known by that number on another channel."""
    with ctx.sessions() as session, session.begin():
        contact, _ = find_or_create_contact(session, CHANNEL, str(chat_id), display_name)
        join_proven_phone(session, contact, phone)


def apply_edit(ctx: Context, edit: Edit) -> bool:
    """Keep the old text as a revision and show the new one; False when nothing matched."""
    edit = replace(edit, text=storable_text(edit.text))  # stored like ingested text
    with ctx.sessions() as session, session.begin():
        message = session.execute(
            select(Message).where(
                Message.channel == CHANNEL, Message.external_id == edit.external_id
            )
        ).scalar_one_or_none()
        if message is None:
            return _edit_pending_record(session, edit)
        if message.text == edit.text:
            return True
        old_text = message.text
        session.add(MessageRevision(message=message, text=old_text, created_at=edit.edited_at))
        message.text, message.edited_at = edit.text, edit.edited_at
        ticket, subject_was = message.ticket, message.ticket.subject
        moved = follow_opening_edit(session, message, old_text)
        subject: dict[str, Any] = {"subject": ticket.subject, "subject_was": subject_was}
        record_event(
            session,
            ticket,
            "citizen_edit",
            at=edit.edited_at,
            message=message.id,
            **(subject if moved else {}),
        )
        return True


def _edit_pending_record(session: Session, edit: Edit) -> bool:
    """An edit of a message stored but not yet processed: process the latest text."""
    record = session.execute(
        select(InboundRecord).where(
            InboundRecord.channel == CHANNEL, InboundRecord.external_id == edit.external_id
        )
    ).scalar_one_or_none()
    if record is None or record.status == InboundStatus.DONE:
        logger.info("telegram: edit of a message we never stored (%s)", edit.external_id)
        return False
    record.normalized = {**record.normalized, "text": edit.text}
    return True


def set_satisfaction(ctx: Context, chat_id: int, reference: str, score: int) -> bool:
    """Store a rating when the ticket belongs to this chat's contact; False otherwise."""
    with ctx.sessions() as session, session.begin():
        contact = _contact(session, chat_id)
        ticket = session.execute(
            select(Ticket).where(Ticket.reference == reference)
        ).scalar_one_or_none()
        if contact is None or ticket is None or ticket.contact_id != contact.id:
            return False
        return record_rating(ctx, session, ticket, score, channel=CHANNEL)


def tickets_for_chat(ctx: Context, chat_id: int, limit: int) -> tuple[list[TicketLine], int]:
    """The contact's latest tickets (any channel) and how many they have in all."""
    with ctx.sessions() as session:
        contact = _contact(session, chat_id)
        if contact is None:
            return [], 0
        tickets = sorted(contact.tickets, key=lambda t: t.id, reverse=True)
        lines = [TicketLine(t.reference, t.status, t.subject) for t in tickets[:limit]]
        return lines, len(tickets)


@dataclass(frozen=True)
class TicketSummary:
    reference: str
    language: str | None
    has_location: bool


def replies_on_the_way(ctx: Context, chat_id: int) -> bool:
    """True while a message queued for this chat is still to be sent (queued or being sent).

    The bot's own prompts wait for them, so a citizen never reads "share the location"
    before the acknowledgement that gives the reference. One waiting to retry does not
    count: the chat is not answering, the prompt may as well try.
    """
    with ctx.sessions() as session:
        pending = session.execute(
            select(OutboxItem.id)
            .where(
                OutboxItem.channel == CHANNEL,
                OutboxItem.address == str(chat_id),
                OutboxItem.status.in_([Delivery.QUEUED, Delivery.SENDING]),
            )
            .limit(1)
        ).first()
        return pending is not None


def ticket_summary(ctx: Context, ticket_id: int) -> TicketSummary | None:
    with ctx.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            return None
        return TicketSummary(ticket.reference, ticket.language, ticket.lat is not None)
