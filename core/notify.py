"""Messages to the citizen: stored on the ticket and queued on the channel they used.

The reply goes out on the ticket's channel in the ticket's language. A web-form citizen reads
replies on the status page, and also by email when they gave an address. A phone caller's
"reply" is a call-back task the dispatcher records; a phone ticket gets no acknowledgement
(`core.routing_apply.NO_ACK_CHANNELS`), since the agent gives the reference during the call.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.language.texts import render, subject
from core.models import Delivery, Direction, Message, Ticket
from core.outbound import OutboundAttachment, OutboundMessage
from core.outbox import enqueue
from core.tickets import channel_address


def queue_reply(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    text: str,
    *,
    kind: str = "reply",
    author_id: int | None = None,
    subject_line: str | None = None,
    attachments: tuple[OutboundAttachment, ...] = (),
    extras: dict[str, object] | None = None,
) -> Message:
    """Store an outbound message and queue its delivery in the caller's transaction."""
    now = ctx.now()
    message = Message(
        ticket=ticket,
        direction=Direction.OUT,
        channel=ticket.channel,
        author_id=author_id,
        text=text,
        language=ticket.language,
        kind=kind,
        created_at=now,
    )
    session.add(message)
    session.flush()
    channel, address = _delivery_target(ctx, ticket)
    if channel is None or address is None:
        # Pull channels publish the reply where the citizen reads it (status page, Open311);
        # a phone caller's reply waits as a call-back task for the dispatcher.
        pulled = ctx.channels.of(ticket.channel).pull
        message.delivery_status = Delivery.SENT if pulled else Delivery.QUEUED
        return message
    enqueue(
        session,
        OutboundMessage(
            channel=channel,
            to=address,
            text=with_reference(ticket, text) if kind == "reply" else text,
            language=ticket.language,
            reference=ticket.reference,
            kind=kind,
            subject=subject_line or subject(kind, ticket.language, reference=ticket.reference),
            in_reply_to=_thread_ids(ctx, session, ticket, channel),
            attachments=attachments,
            message_id=message.id,
            extras=dict(extras or {}),
        ),
        ticket=ticket,
        now=now,
    )
    message.delivery_status = Delivery.QUEUED
    return message


def with_reference(ticket: Ticket, body: str) -> str:
    """A staff reply as the citizen receives it: headed by the ticket's reference.

    The system's own texts carry the reference already; staff write only the answer.
    """
    if ticket.language in ("ar", "en"):
        return render("reply", ticket.language, reference=ticket.reference, body=body)
    return f"{ticket.reference}\n\n{body}"


def notify_citizen(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    key: str,
    *,
    author_id: int | None = None,
    **params: object,
) -> Message:
    """Send one of the system's own texts (acknowledgement, forwarded, resolved...).

    `author_id` names the member of staff whose action sent it (None: the system's own).
    """
    text = render(key, ticket.language, reference=ticket.reference, **params)
    return queue_reply(ctx, session, ticket, text, kind=key, author_id=author_id)


def _delivery_target(ctx: Context, ticket: Ticket) -> tuple[str | None, str | None]:
    capabilities = ctx.channels.of(ticket.channel)
    if capabilities.push:
        address = channel_address(ticket)
        if address is not None:
            return ticket.channel, address
    if capabilities.pull and ticket.contact.email:  # also tell them by email
        return _email_channel(ctx), ticket.contact.email
    return None, None


def _email_channel(ctx: Context) -> str | None:
    """The channel that delivers to an email address (the pull channels' copy goes there)."""
    mail = ctx.channels.named(lambda c: c.push and c.sender_is_email)
    return mail[0] if mail else None


def _thread_ids(ctx: Context, session: Session, ticket: Ticket, channel: str) -> tuple[str, ...]:
    """Channel ids of this ticket's earlier messages, newest last, so replies thread."""
    rows = session.execute(
        select(Message.external_id)
        .where(
            Message.ticket_id == ticket.id,
            Message.channel == channel,
            Message.external_id.is_not(None),
        )
        .order_by(Message.id)
    ).scalars()
    threads = ctx.channels.of(channel).threads_by_message_id
    return tuple(r for r in rows if r)[-10:] if threads else ()


def directorate_name(ctx: Context, code: str | None, language: str | None) -> str | None:
    """A directorate's name for the citizen, both languages when theirs is unknown."""
    if not code:
        return None
    if language in ("ar", "en"):
        return ctx.taxonomy.name(code, language)
    return f"{ctx.taxonomy.name(code, 'ar')} / {ctx.taxonomy.name(code, 'en')}"
