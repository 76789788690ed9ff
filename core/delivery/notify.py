"""Messages to the citizen: stored on the ticket and queued on the channel they used.

The reply goes out on the ticket's channel in the ticket's language. A web-form citizen reads
replies on the status page, and also by email when they gave an address. A phone caller's
"reply" is a call-back task the dispatcher records; a phone ticket gets no acknowledgement
(the channel's `acknowledged_in_person` capability), since the agent gives the reference
during the call.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import bindparam, func, inspect, select
from sqlalchemy.orm import Session

from core.batchanswers import outbox_to, recall, remember
from core.context import Context
from core.delivery.outbox import enqueue
from core.language.texts import BOTH_SEPARATOR, ByLanguage, render, render_on_page, subject
from core.models import Delivery, Direction, Message, OutboxItem, Ticket
from core.newrows import flush_new_rows
from core.outbound import OutboundAttachment, OutboundMessage
from core.tickets import channel_address

logger = logging.getLogger(__name__)

# The outbox kinds of an acknowledgement: plain, saying the problem is a known incident, or
# neutral (a message flagged as spam: received, a person will read it; core.intake.triage).
# All count against the channel's hourly limit, so no acknowledgement can feed a mail loop.
ACK_KINDS = ("ack", "ack_incident", "ack_neutral")
TYPED_ADDRESS_WINDOW = timedelta(hours=24)
ACK_LIMIT_WINDOW = timedelta(hours=1)
# The ways a citizen answers us (`answer_by`): the suffix of the texts that say how.
BY_MESSAGE, BY_PAGE, BY_CALL = "by_message", "by_page", "by_call"
# How a citizen answers a reply, texts of their own after the reply's body: `answer_by_<way>`
# (`answer_by`); every delivered copy says to reply to it.
ANSWER_BY_MESSAGE = "answer_by_message"
# The system's texts that ask the citizen for something, and what: each is followed by the
# text `<what>_by_<way>` that says how to do it on the ticket's channel (`answer_by`).
ASKS = {
    "closed": "answer",
    "need_info": "details",
    "awaiting_reminder": "details",
    "resolved": "reopen",
    "autoclosed": "reopen",
    "rejected": "question",
}


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
    to: tuple[str, str] | None = None,
    language: str | None = None,
    delivered_text: str | None = None,
    sender_only: bool = False,
) -> Message:
    """Store an outbound message and queue its delivery in the caller's transaction.

    It goes to the ticket's citizen on the ticket's channel, in the ticket's language, unless
    `to` names the channel and address to answer on and `language` the text's language (an
    answer to a question asked on another of the contact's channels goes where it was asked).
    `delivered_text` is what a channel delivers when it differs from what the status page
    shows (`text`): the email copy of a web report's message says to reply to it.
    `sender_only` keeps it to where the message came from (the chat, the report's page):
    never an email copy to an address someone typed, which may be a stranger's.

    The limits are checked first, so the message is written once with its delivery state
    and its outbox item, in one flush at the end (callers use its id): for a new ticket,
    by Core inserts (`flush_new_rows`).
    """
    now = ctx.now()
    language = language or ticket.language
    channel, address = _delivery_address(ctx, session, ticket, kind, to, sender_only)
    withheld = _withheld(ctx, session, ticket, kind, to, channel, address)
    message = Message(
        ticket=ticket,
        direction=Direction.OUT,
        channel=to[0] if to is not None else ticket.channel,
        author_id=author_id,
        text=text,
        language=language,
        kind=kind,
        created_at=now,
    )
    session.add(message)
    if withheld is not None or channel is None or address is None:
        _keep_undelivered(ctx, ticket, message, withheld)
    else:
        _queue_delivery(
            ctx, session, ticket, message, channel, address,
            delivered_text, subject_line, attachments, extras,
        )  # fmt: skip
    flush_new_rows(session)
    return message


def _delivery_address(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    kind: str,
    to: tuple[str, str] | None,
    sender_only: bool,
) -> tuple[str | None, str | None]:
    """The channel and address a message goes to: `to`, else the ticket's citizen's
    (`_delivery_target`). None, None when the status page alone shows it: the message is
    `sender_only` and would leave the ticket's channel, or it is an acknowledgement to a
    typed address that had its day's share (`_typed_address_full`)."""
    # A known contact's addresses are loaded here; not flushing for that load lets the
    # ticket, its events and this message be written in the one flush at the end (a new
    # ticket's unit of work costs about as much CPU per flush as per row).
    with session.no_autoflush:
        channel, address = to if to is not None else _delivery_target(ctx, ticket)
    if sender_only and channel != ticket.channel:
        return None, None
    if (
        channel is not None
        and address is not None
        and _typed_address_full(ctx, session, ticket, kind, channel, address)
    ):
        return None, None
    return channel, address


def _withheld(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    kind: str,
    to: tuple[str, str] | None,
    channel: str | None,
    address: str | None,
) -> str | None:
    """Why an automatic answer is withheld, when its hourly limit is used up
    (`_hourly_limit_reached`). The limits count the address the citizen wrote from (the
    ticket's, or the one `to` answers): a typed address has its own (`_delivery_address`)."""
    if channel is None or not address or (to is None and channel != ticket.channel):
        return None
    return _hourly_limit_reached(ctx, session, kind, channel, address)


def _keep_undelivered(ctx: Context, ticket: Ticket, message: Message, withheld: str | None) -> None:
    """The delivery state of a message no channel delivers: withheld (staff see why the
    citizen got no automatic answer), published where the citizen reads it (a pull channel:
    the status page, Open311), or waiting as a phone caller's call-back task for the
    dispatcher."""
    if withheld is not None:
        message.delivery_status, message.delivery_error = Delivery.WITHHELD, withheld
        return
    pulled = ctx.channels.of(ticket.channel).pull
    message.delivery_status = Delivery.SENT if pulled else Delivery.QUEUED


def _queue_delivery(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    message: Message,
    channel: str,
    address: str,
    delivered_text: str | None,
    subject_line: str | None,
    attachments: tuple[OutboundAttachment, ...],
    extras: dict[str, object] | None,
) -> None:
    """Queue the message's delivery as an outbox item tied to it: `delivered_text` when the
    channel delivers other words than the status page shows, a staff reply headed by the
    ticket's reference, in the thread of the ticket's earlier messages on that channel."""
    message.delivery_status = Delivery.QUEUED
    kind, text, language = message.kind, message.text, message.language
    item = enqueue(
        session,
        OutboundMessage(
            channel=channel,
            to=address,
            text=delivered_text or (with_reference(ticket, text) if kind == "reply" else text),
            language=language,
            reference=ticket.reference,
            kind=kind,
            subject=subject_line or _subject(ctx, ticket, kind, channel, language),
            in_reply_to=_thread_ids(ctx, session, ticket, channel, besides=message),
            attachments=attachments,
            message_id=None,  # the item's message_id, once written (see outbox._to_message)
            extras=dict(extras or {}),
        ),
        ticket=ticket,
        now=message.created_at,
    )
    item.message = message


def _typed_address_full(
    ctx: Context, session: Session, ticket: Ticket, kind: str, channel: str, address: str
) -> bool:
    """Whether an acknowledgement to an address someone typed (not one the channel proved)
    would exceed BALAGH_TYPED_ADDRESS_ACKS_PER_DAY; a stranger's address gets only so many."""
    if kind not in ACK_KINDS or channel == ticket.channel:
        return False
    recent = session.execute(
        select(func.count())
        .select_from(OutboxItem)
        .where(
            OutboxItem.channel == channel,
            func.lower(OutboxItem.address) == address.lower(),
            OutboxItem.kind.in_(ACK_KINDS),
            OutboxItem.created_at >= ctx.now() - TYPED_ADDRESS_WINDOW,
        )
    ).scalar_one()
    if recent < ctx.settings.typed_address_acks_per_day:
        return False
    logger.info(
        "ticket %s: acknowledgement not mailed, its typed address had %d today",
        ticket.reference,
        recent,
    )
    return True


# Automatic answers to a citizen's message, limited per address and hour (`_hourly_limit`):
# an acknowledgement per new report, an answer per status question. A robot, a mail loop or a
# script must not get one answer per message.
STATUS_KINDS = ("status_answer", "status_unknown", "status_none")
# Built once (every automatic answer counts): building the select cost as much CPU as running it.
_ANSWERS_WHERE = (
    OutboxItem.channel == bindparam("channel"),
    OutboxItem.kind.in_(bindparam("kinds", expanding=True)),
    OutboxItem.created_at >= bindparam("since"),
    OutboxItem.status != Delivery.FAILED,
)
_ANSWERS_SINCE = (
    select(func.count())
    .select_from(OutboxItem)
    .where(OutboxItem.address == bindparam("address"), *_ANSWERS_WHERE)
)
# The same for a batch's addresses, one query per channel (`look_up_acks`).
_ANSWERS_SINCE_MANY = (
    select(OutboxItem.address, func.count())
    .where(OutboxItem.address.in_(bindparam("addresses", expanding=True)), *_ANSWERS_WHERE)
    .group_by(OutboxItem.address)
)
# The `core.batchanswers` question: acknowledgements to an address in the last hour.
ACKS = "acks_per_hour"


def look_up_acks(ctx: Context, session: Session, senders: Iterable[tuple[str, str]]) -> None:
    """Count once the acknowledgements a batch's senders had in the last hour, one query per
    channel with a limit, instead of one per acknowledgement; `_hourly_limit_reached`
    takes each count from `core.batchanswers` until the batch queues an outbox item to that
    address (then it counts again)."""
    by_channel: dict[str, set[str]] = {}
    for channel, address in senders:
        if ctx.channels.of(channel).acks_per_hour is not None:
            by_channel.setdefault(channel, set()).add(address)
    since = ctx.now() - ACK_LIMIT_WINDOW
    for channel, addresses in by_channel.items():
        params = {
            "channel": channel,
            "addresses": sorted(addresses),
            "kinds": list(ACK_KINDS),
            "since": since,
        }
        found = session.execute(_ANSWERS_SINCE_MANY, params)
        counts = {address: count for address, count in found}
        for address in addresses:
            key = (channel, address)
            remember(session, ACKS, key, outbox_to(channel, address), counts.get(address, 0))


def _hourly_limit(ctx: Context, kind: str, channel: str) -> tuple[tuple[str, ...], int] | None:
    """The kinds counted together with `kind` and their limit an hour to one address, or
    None when `kind` is not limited: acknowledgements by the channel's `acks_per_hour` (email
    sets it, against mail loops), status answers by BALAGH_STATUS_ANSWERS_PER_HOUR."""
    if kind in ACK_KINDS:
        limit = ctx.channels.of(channel).acks_per_hour
        return None if limit is None else (ACK_KINDS, limit)
    if kind in STATUS_KINDS:
        return STATUS_KINDS, ctx.settings.status_answers_per_hour
    return None


def _hourly_limit_reached(
    ctx: Context, session: Session, kind: str, channel: str, address: str
) -> str | None:
    """Why an automatic answer is withheld, when its hourly limit to this address is used up
    (`_hourly_limit`); the citizen's message itself is stored all the same.

    Only the address the citizen wrote from counts here; an address someone typed has its
    own daily limit (`_typed_address_full`)."""
    limited = _hourly_limit(ctx, kind, channel)
    if limited is None:
        return None
    kinds, limit = limited
    # Not flushed for: what is pending is this message's own ticket and message (a record's
    # processing ends with a flush, so an earlier answer in the transaction counts).
    known, recent = False, 0
    if kinds == ACK_KINDS:  # an acknowledgement's count is looked up with its batch
        known, recent = recall(session, ACKS, (channel, address))
    if not known:
        with session.no_autoflush:
            recent = session.execute(
                _ANSWERS_SINCE,
                {
                    "channel": channel,
                    "address": address,
                    "kinds": list(kinds),
                    "since": ctx.now() - ACK_LIMIT_WINDOW,
                },
            ).scalar_one()
    if recent < limit:
        return None
    what = "acknowledgements" if kinds == ACK_KINDS else "status answers"
    logger.info("%s to %s withheld: %d in the last hour", what, channel, recent)
    return f"not sent: more than {limit} {what} to this address in an hour"


def _subject(ctx: Context, ticket: Ticket, kind: str, channel: str, language: str | None) -> str:
    """A ticket that came by email keeps the citizen's own subject after the reference on
    that channel, so mail clients thread our messages with theirs; others get the message's
    own subject."""
    threads = ctx.channels.of(ticket.channel).threads_by_message_id
    if threads and channel == ticket.channel and ticket.subject:
        own = " ".join(ticket.subject.split())
        return f"[{ticket.reference}] {own}"
    return subject(kind, language, reference=ticket.reference)


def with_reference(ticket: Ticket, body: str, *, status_url: str | None = None) -> str:
    """A staff reply as the citizen receives it: headed by the ticket's reference.

    The system's own texts carry the reference already; staff write only the answer.
    `status_url`: the report's private link follows it (see `notify_citizen`).
    """
    then = (ANSWER_BY_MESSAGE,) if status_url is None else (ANSWER_BY_MESSAGE, "status_link")
    if ticket.language in ("ar", "en"):
        return render(
            "reply", ticket.language, then=then, reference=ticket.reference, body=body,
            status_url=status_url,
        )  # fmt: skip
    text = f"{ticket.reference}\n\n{body}"
    if status_url is None:
        return text
    return f"{text}{BOTH_SEPARATOR}{render('status_link', None, status_url=status_url)}"


def status_url(ctx: Context, ticket: Ticket) -> str:
    """The report's private status link."""
    return ctx.status_url(ticket.reference, ticket.secret)


def notify_citizen(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    key: str,
    *,
    author_id: int | None = None,
    sender_only: bool = False,
    with_status_link: bool = False,
    **params: object,
) -> Message:
    """Send one of the system's own texts (acknowledgement, forwarded, resolved...).

    `author_id` names the member of staff whose action sent it (None: the system's own).
    A text that asks the citizen for something (`ASKS`) ends by saying how, worded for the
    ticket's channel (`answer_by`: reply to the message, the page's form, a call). A citizen
    who reads our messages on their report's page gets its words there, and any email copy
    the usual ones (reply to this message). `sender_only`: see `queue_reply`.
    `with_status_link`: the report's private link follows the text, for a citizen who never
    had the acknowledgement that gives it (a spam flag held it back, and staff who took the
    report on answer with this text instead).
    """
    ask = ASKS.get(key)
    link: tuple[str, ...] = ()
    if with_status_link:
        link, params = ("status_link",), {**params, "status_url": status_url(ctx, ticket)}
    params = {**params, "reference": ticket.reference}
    by_message = () if ask is None else (f"{ask}_{BY_MESSAGE}",)
    text = render(key, ticket.language, then=(*by_message, *link), **params)
    on_page = read_on_page(ctx, ticket)
    if ask is not None:
        # The page itself needs no link to it: only the copy that goes out carries the link.
        then = (answer_by(ctx, ticket, ask), *(() if on_page else link))
        shown = render(key, ticket.language, then=then, **params)
    elif on_page:
        shown = render_on_page(key, ticket.language, then=None, **params)
    else:
        shown = text
    return queue_reply(
        ctx,
        session,
        ticket,
        shown,
        kind=key,
        author_id=author_id,
        delivered_text=None if shown == text else text,
        sender_only=sender_only,
    )


def acknowledge(
    ctx: Context, session: Session, ticket: Ticket, *, author_id: int | None = None
) -> Message:
    """The usual acknowledgement: the reference, the private status link and the directorate
    the report goes to. Sent at intake, or later by the member of staff (`author_id`) who
    clears a spam flag that withheld it (core.workflow.transitions)."""
    return notify_citizen(
        ctx,
        session,
        ticket,
        "ack",
        author_id=author_id,
        status_url=status_url(ctx, ticket),
        directorate=directorate_name(ctx, ticket.directorate, ticket.language),
    )


def answer_by(ctx: Context, ticket: Ticket, ask: str = "answer") -> str:
    """The text that tells the citizen how to answer (`ask`: how to answer a reply, or what a
    text asks for, see `ASKS`), by the ticket's channel: the one place that chooses it. A
    phone caller hears the text in a call back, to answer on it or by calling us again; a
    citizen who reads it on the report's page answers with the page's form; a chat or a
    mailbox, by replying to the message (as every delivered copy does)."""
    capabilities = ctx.channels.of(ticket.channel)
    if capabilities.staff_recorded:
        return f"{ask}_{BY_CALL}"
    return f"{ask}_{BY_PAGE if capabilities.pull else BY_MESSAGE}"


def read_on_page(ctx: Context, ticket: Ticket) -> bool:
    """Whether the citizen reads our messages on the report's status page (a pull channel:
    the web form, Open311), where the page's own form is how to answer."""
    return ctx.channels.of(ticket.channel).pull


def _delivery_target(ctx: Context, ticket: Ticket) -> tuple[str | None, str | None]:
    capabilities = ctx.channels.of(ticket.channel)
    if capabilities.push:
        address = channel_address(ticket)
        if address is not None:
            return ticket.channel, address
    if capabilities.pull and ticket.contact.email:  # also tell them by email
        return ctx.channels.mail(), ticket.contact.email
    return None, None


def _thread_ids(
    ctx: Context, session: Session, ticket: Ticket, channel: str, besides: Message
) -> tuple[str, ...]:
    """Channel ids of this ticket's earlier messages, newest last, so replies thread.

    A ticket whose messages are in memory (one opened in this transaction: its collection
    is built as they are added) needs no query."""
    if not ctx.channels.of(channel).threads_by_message_id:
        return ()
    if "messages" in inspect(ticket).dict:
        ids = [
            m.external_id
            for m in ticket.messages
            if m is not besides and m.channel == channel and m.external_id
        ]
        return tuple(ids)[-10:]
    rows = session.execute(
        select(Message.external_id)
        .where(
            Message.ticket_id == ticket.id,
            Message.channel == channel,
            Message.external_id.is_not(None),
        )
        .order_by(Message.id)
    ).scalars()
    return tuple(r for r in rows if r)[-10:]


def directorate_name(
    ctx: Context, code: str | None, language: str | None
) -> str | ByLanguage | None:
    """A directorate's name for the citizen; when their language is unknown, its name in
    each language, which a text sent in both languages gives each part in its own (the
    English part named it in Arabic too, "الطرق والإنارة / Roads and Street Lighting")."""
    if not code:
        return None
    if language in ("ar", "en"):
        return ctx.taxonomy.name(code, language)
    return ByLanguage({lang: ctx.taxonomy.name(code, lang) for lang in ("ar", "en")})
