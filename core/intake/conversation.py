"""Which ticket an inbound message belongs to, and what happens when it arrives.

Thread hints count only when the sender is entitled to them: a reference with its secret,
or a reply to one of our messages on a ticket of the same contact. Otherwise the contact's
open ticket on the same channel within the threading window, else a new ticket. A citizen may
ask for a new ticket (Telegram's /new): the request is kept on their identity, so it survives
a restart, until their next message takes it or it lapses (NEW_TICKET_REQUEST_LIFETIME).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, bindparam, event, func, inspect, select
from sqlalchemy.orm import Session, SessionTransaction, load_only
from sqlalchemy.orm.attributes import set_committed_value

from core.batchanswers import recall, remember, tickets_of
from core.context import Context
from core.delivery.notify import queue_reply
from core.files import store_file
from core.inbound import InboundMessage
from core.intake.contacts import contact_by_phone, merge_contacts
from core.intake.incidents import place_later
from core.intake.screening import another_problem, is_courtesy, says_not_solved, screen_followup
from core.intake.status_question import (
    STATUS_QUESTION,
    asked_reference,
    asks_about_own_report,
    mentioned_references,
    only_asks_for_news,
)
from core.intake.triage import route_new_ticket
from core.language.detect import Detection, detect_language
from core.language.texts import render, status_line
from core.models import (
    OPEN_STATUSES,
    Attachment,
    Contact,
    ContactIdentity,
    Direction,
    InboundRecord,
    Message,
    Status,
    Ticket,
)
from core.newrows import flush_new_rows
from core.phones import normalize_phone
from core.routing.similarity import text_features
from core.storable import plain_label
from core.tickets import (
    contact_name,
    find_or_create_contact,
    new_secret,
    next_reference,
    record_event,
    ticket_by_reference,
    ticket_for_secret,
)
from core.workflow.ratings import record_rating
from core.workflow.transitions import SYSTEM_ACTOR, transition

logger = logging.getLogger(__name__)

# A /new older than this is forgotten: the citizen who forgot it is not surprised by a new
# ticket weeks later.
NEW_TICKET_REQUEST_LIFETIME = timedelta(hours=24)


@dataclasses.dataclass(frozen=True)
class Processed:
    """Where a message landed (what `handle_message` returns)."""

    ticket_id: int
    reference: str
    secret: str
    message_id: int
    created: bool
    duplicate: bool = False


def request_new_ticket(
    ctx: Context, channel: str, address: str, display_name: str | None = None
) -> None:
    """The citizen asked that their next message open a new ticket (Telegram's /new)."""
    with ctx.sessions() as session, session.begin():
        _, identity = find_or_create_contact(session, channel, address, display_name)
        identity.new_ticket_requested_at = ctx.now()


def _take_new_ticket_request(ctx: Context, identity: ContactIdentity) -> bool:
    """Whether this message is the one a fresh /new was for; the request is used up either
    way, so later messages join the ticket it opens."""
    requested = identity.new_ticket_requested_at
    if requested is None:
        return False
    identity.new_ticket_requested_at = None
    return ctx.now() - requested <= NEW_TICKET_REQUEST_LIFETIME


# The look-ups every message makes, built once with their values as parameters: building
# a select per message cost about as much CPU as running it.
_SEEN = select(Message).where(
    Message.channel == bindparam("channel"), Message.external_id == bindparam("external_id")
)
# The same for a batch's messages: one query per channel for all of them.
_SEEN_MANY = select(Message).where(
    Message.channel == bindparam("channel"),
    Message.external_id.in_(bindparam("external_ids", expanding=True)),
)
# session.info: (channel, external id) -> the message already stored, or None, for the
# messages of a batch looked up together (`look_up_stored`); each is answered once.
_STORED = "balagh_stored_messages"


def _surveyed_where(contact: ColumnElement[bool]) -> tuple[ColumnElement[bool], ...]:
    """A contact's closed tickets on a channel whose satisfaction question is unanswered."""
    return (
        contact,
        Ticket.channel == bindparam("channel"),
        Ticket.status == Status.CLOSED,
        Ticket.survey_sent_at.is_not(None),
        Ticket.satisfaction.is_(None),
    )


def _recent_open_where(contact: ColumnElement[bool]) -> tuple[ColumnElement[bool], ...]:
    """A contact's open tickets on a channel that moved since the thread window's start."""
    return (
        contact,
        Ticket.channel == bindparam("channel"),
        Ticket.status.in_([str(s) for s in OPEN_STATUSES]),
        Ticket.updated_at >= bindparam("since"),
    )


def _first_of_each_contact(
    where: tuple[ColumnElement[bool], ...], order: tuple[Any, ...], limit: int
) -> Select[Any]:
    """The per-contact query (`where`, in `order`, its first `limit` rows) for many contacts
    at once: each contact's first rows, by contact then in that order."""
    ranked = (
        select(
            Ticket.id,
            func.row_number().over(partition_by=Ticket.contact_id, order_by=order).label("rank"),
        )
        .where(*where)
        .subquery()
    )
    return (
        select(Ticket)
        .join(ranked, ranked.c.id == Ticket.id)
        .where(ranked.c.rank <= limit)
        .order_by(Ticket.contact_id, ranked.c.rank)
    )


_ONE_CONTACT = Ticket.contact_id == bindparam("contact_id")
_MANY_CONTACTS = Ticket.contact_id.in_(bindparam("contact_ids", expanding=True))
_SURVEYED_ORDER = (Ticket.survey_sent_at.desc(),)
_SURVEYED = select(Ticket).where(*_surveyed_where(_ONE_CONTACT)).order_by(*_SURVEYED_ORDER).limit(1)
_RECENT_ORDER = (Ticket.updated_at.desc(), Ticket.id.desc())  # the newer of a tie
_RECENT_OPEN = (
    select(Ticket).where(*_recent_open_where(_ONE_CONTACT)).order_by(*_RECENT_ORDER).limit(2)
)
# The same, for `_link_possibly_related`, which needs only the reference (and the ticket to
# record an event on): loading the whole row decoded its JSON columns (the text features,
# the routing record) for nothing. A ticket already in the session is returned as it is,
# and a later query fills in a partly loaded one's other columns.
_REFERENCE_ONLY = load_only(Ticket.id, Ticket.reference, Ticket.updated_at, Ticket.contact_id)
_RECENT_OPEN_REFERENCE = _RECENT_OPEN.options(_REFERENCE_ONLY)
# The same two for a batch's contacts, one query per channel (`look_up_tickets`).
_SURVEYED_MANY = _first_of_each_contact(_surveyed_where(_MANY_CONTACTS), _SURVEYED_ORDER, 1)
_RECENT_OPEN_REFERENCE_MANY = _first_of_each_contact(
    _recent_open_where(_MANY_CONTACTS), _RECENT_ORDER, 2
).options(_REFERENCE_ONLY)
# "Any update on my complaint?" (`_asked_about`): the contact's open tickets, latest first;
# at most STATUS_LIST_LIMIT are listed in the answer.
STATUS_LIST_LIMIT = 5
_OPEN_OF_CONTACT = (
    select(Ticket)
    .where(_ONE_CONTACT, Ticket.status.in_([str(s) for s in OPEN_STATUSES]))
    .order_by(*_RECENT_ORDER)
    .limit(STATUS_LIST_LIMIT + 1)
)
# `core.batchanswers` questions: the surveyed ticket, the possibly related open tickets.
SURVEYED, RELATED = "surveyed_ticket", "recent_open_tickets"


def handle_message(
    ctx: Context, session: Session, msg: InboundMessage, record: InboundRecord
) -> Processed:
    """Attach the message to its ticket (or a new one) and queue what the citizen should get."""
    existing = _stored_message(session, msg)
    if existing is not None:
        t = existing.ticket
        return Processed(t.id, t.reference, t.secret, existing.id, created=False, duplicate=True)
    contact, identity, first_contact, msg = _know_sender(ctx, session, msg)
    asked, news_only, theirs = _status_question(ctx, session, msg, contact, first_contact)
    if theirs:
        return _answer_status(ctx, session, theirs, msg, record, contact, identity)
    ticket = (
        None
        if msg.thread.new_ticket or news_only
        else _continued_ticket(ctx, session, msg, contact, first_contact)
    )
    if ticket is not None and ticket.contact_id != contact.id and _proves_owner(ctx, msg, ticket):
        contact, first_contact = _merge_into_owner(session, ticket, contact), False
    answered = _rating_or_thanks(ctx, session, msg, record, contact, ticket, first_contact)
    if answered is not None:
        return answered
    follows = ticket if ticket is not None and _closed_too_long(ctx, ticket) else None
    if follows is not None:
        ticket = None  # too late to reopen: a new case that links the old one
    created = ticket is None
    detection = reply_language(msg, contact)
    # Set only when it changes: a contact marked dirty for nothing would be a flush of its
    # own after the new ticket's rows (written by Core inserts, core.newrows).
    if detection.language and contact.language != detection.language:
        contact.language = detection.language
    if ticket is None:
        ticket = _open_ticket(ctx, session, msg, contact, detection.language, record)
    message = _store_message(ctx, session, ticket, msg, record, detection.language)
    if news_only:
        _answer_no_report(ctx, session, ticket, message, identity, detection.language)
    elif created:
        _register_new_ticket(ctx, session, msg, contact, ticket, detection, follows, first_contact)
    else:
        _take_follow_up(ctx, session, ticket, message, msg)
    if asked is not None:  # not theirs or not known: one answer for both, nothing revealed
        text = render("status_unknown", detection.language, reference=asked)
        _answer_asker(ctx, session, ticket, identity, text, "status_unknown", detection.language)
    flush_new_rows(session)  # the ids, when no query has flushed since the message was added
    return Processed(ticket.id, ticket.reference, ticket.secret, message.id, created=created)


def _know_sender(
    ctx: Context, session: Session, msg: InboundMessage
) -> tuple[Contact, ContactIdentity, bool, InboundMessage]:
    """The sender's contact and identity (made now for a stranger), whether they were made
    just now, and the message as the sender meant it: a fresh /new makes it a new ticket.
    Writing from an address proves it works again, and what the message tells about the
    sender (name, phone, email) fills the contact's blanks."""
    contact, identity = find_or_create_contact(
        session,
        msg.channel,
        msg.sender,
        msg.display_name,
        joins=lambda: _contact_with_verified_phone(ctx, session, msg),
        flush=False,
    )
    # A contact made just now has no tickets: none to continue, rate or thank, and no id
    # to look them up by before the next flush.
    first_contact = inspect(contact).pending
    if identity.unreachable:  # they just wrote from this address: it works again
        identity.unreachable, identity.unreachable_reason = False, None
    if _take_new_ticket_request(ctx, identity) and not msg.thread.new_ticket:
        msg = dataclasses.replace(msg, thread=dataclasses.replace(msg.thread, new_ticket=True))
    _remember_contact_details(ctx, contact, msg)
    return contact, identity, first_contact, msg


def _status_question(
    ctx: Context, session: Session, msg: InboundMessage, contact: Contact, first_contact: bool
) -> tuple[str | None, bool, list[Ticket]]:
    """What the message asks about the citizen's reports: the reference it names (None:
    none), whether it only asks for news ("any update?" and nothing else), and the contact's
    own tickets to answer with (none: the message goes on as any other). A message meant
    for a new ticket asks nothing."""
    if msg.thread.new_ticket:
        return None, False, []
    asked = asked_reference(ctx, msg)
    if asked is not None:
        own = None if first_contact else _own_ticket(session, asked, contact)
        return asked, False, [] if own is None else [own]
    news_only = only_asks_for_news(ctx, msg)
    if news_only or asks_about_own_report(ctx, msg):
        owned = [] if first_contact else _asked_about(ctx, session, contact, msg.channel)
        return None, news_only, owned
    return None, False, []


def _merge_into_owner(session: Session, ticket: Ticket, contact: Contact) -> Contact:
    """The ticket's contact, with the sender's merged into it: the sender answered our
    reply token, so they are the ticket's owner writing from another address."""
    session.flush()  # the new identity's contact needs its id to be merged
    contact = merge_contacts(session, ticket.contact, contact)
    record_event(session, ticket, "contact_joined", contact=contact.id, proof="reply_token")
    return contact


def _rating_or_thanks(
    ctx: Context,
    session: Session,
    msg: InboundMessage,
    record: InboundRecord,
    contact: Contact,
    ticket: Ticket | None,
    first_contact: bool,
) -> Processed | None:
    """A rating for a closed ticket's satisfaction question, or a thank-you for a ticket
    just closed: kept on that ticket, which stays closed (None: neither). A contact made
    just now has no closed ticket to rate or thank for, unless the message proved one."""
    surveyed = ticket or (None if first_contact else _surveyed_ticket(session, contact, msg))
    rating = satisfaction_answer(surveyed, msg.text) if surveyed is not None else None
    if surveyed is not None and rating is not None:
        return _record_rating(ctx, session, surveyed, msg, record, rating)
    if first_contact and ticket is None:
        return None
    thanked = _thanked_closed_ticket(ctx, session, msg, contact, ticket)
    return None if thanked is None else _record_courtesy(ctx, session, thanked, msg, record)


def _register_new_ticket(
    ctx: Context,
    session: Session,
    msg: InboundMessage,
    contact: Contact,
    ticket: Ticket,
    detection: Detection,
    follows: Ticket | None,
    first_contact: bool,
) -> None:
    """Record the new ticket's creation (and, on the closed ticket it `follows`, its
    successor), link the contact's open tickets it may be related to, and route it."""
    record_event(
        session,
        ticket,
        "created",
        at=ctx.now(),
        channel=msg.channel,
        language=detection.language,
        form=detection.form,
        other=detection.other,
        follows=follows.reference if follows is not None else None,
    )
    if follows is not None:
        record_event(session, follows, "followed_by", at=ctx.now(), reference=ticket.reference)
    if not first_contact:  # a contact made just now has no other ticket
        _link_possibly_related(ctx, session, msg, contact, ticket)
    route_new_ticket(ctx, session, ticket, msg)


def _take_follow_up(
    ctx: Context, session: Session, ticket: Ticket, message: Message, msg: InboundMessage
) -> None:
    """The citizen wrote again on their ticket: it wakes up, the message is screened as a
    follow-up, and a place sent after the text (Telegram) places the ticket now."""
    _citizen_wrote_again(ctx, session, ticket)
    screen_followup(ctx, session, ticket, message)
    if msg.location is not None:  # e.g. Telegram: the text first, the place after
        place_later(ctx, session, ticket)


def look_up_stored(session: Session, messages: Iterable[tuple[str, str]]) -> None:
    """Ask once for a batch's messages whether each is already stored (a retry), one query
    per channel instead of one per message: almost always none is. The caller holds the
    batch's records locked, and a message is stored only by processing its own record, so
    the answer holds until that record asks; `_stored_message` uses it once and asks the
    database for any later question (a second record with the same identity finds the
    message the first one stored)."""
    by_channel: dict[str, set[str]] = {}
    for channel, external_id in messages:
        by_channel.setdefault(channel, set()).add(external_id)
    known: dict[tuple[str, str], Message | None] = session.info.setdefault(_STORED, {})
    for channel, external_ids in by_channel.items():
        params = {"channel": channel, "external_ids": sorted(external_ids)}
        for message in session.execute(_SEEN_MANY, params).scalars():
            known[(channel, str(message.external_id))] = message
        for external_id in external_ids:
            known.setdefault((channel, external_id), None)


def _stored_message(session: Session, msg: InboundMessage) -> Message | None:
    """The message already stored with this one's identity (a retry), if any."""
    known: dict[tuple[str, str], Message | None] | None = session.info.get(_STORED)
    if known is not None and (msg.channel, msg.external_id) in known:
        return known.pop((msg.channel, msg.external_id))  # looked up with its batch
    return session.execute(
        _SEEN, {"channel": msg.channel, "external_id": msg.external_id}
    ).scalar_one_or_none()


@event.listens_for(Session, "after_transaction_end")
def _forget_stored(session: Session, transaction: SessionTransaction) -> None:
    """The batch's answers hold only inside its transaction: the next one asks again."""
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_STORED, None)


# "4", "٤", "4/5", "4 من 5": Unicode digits, so Arabic-Indic and Persian ones count too.
RATING_RE = re.compile(r"^\s*(\d)\s*(?:(?:/|من|out of)\s*(?:5|٥|۵))?\s*[.!]*\s*$")


def satisfaction_answer(ticket: Ticket, text: str) -> int | None:
    """A bare 1-5 sent after our satisfaction question is a rating, not a new problem."""
    if ticket.status != Status.CLOSED or ticket.survey_sent_at is None:
        return None
    if ticket.satisfaction is not None:
        return None
    match = RATING_RE.match(text or "")
    rating = int(match.group(1)) if match else None
    return rating if rating is not None and 1 <= rating <= 5 else None


def look_up_tickets(ctx: Context, session: Session, contacts: Iterable[tuple[int, str]]) -> None:
    """Ask once for a batch's known contacts (id, channel) which closed ticket of theirs
    waits for a rating and, on a channel that threads by message id, which open tickets a
    new email may be related to: one query per channel each, almost always finding none,
    instead of one per record. Each record takes its answer from `core.batchanswers`, until
    the batch changes that contact's tickets (then it asks its own query)."""
    by_channel: dict[str, set[int]] = {}
    for contact_id, channel in contacts:
        by_channel.setdefault(channel, set()).add(contact_id)
    since = ctx.now() - timedelta(hours=ctx.settings.thread_window_hours)
    for channel, contact_ids in by_channel.items():
        params = {"channel": channel, "contact_ids": sorted(contact_ids)}
        surveyed: dict[int, Ticket] = {}
        for ticket in session.execute(_SURVEYED_MANY, params).scalars():
            surveyed[ticket.contact_id] = ticket
        for contact_id in contact_ids:
            key, depends = (contact_id, channel), tickets_of(contact_id)
            remember(session, SURVEYED, key, depends, surveyed.get(contact_id))
        if not ctx.channels.of(channel).threads_by_message_id:
            continue  # only a new email asks for them (`_link_possibly_related`)
        related: dict[int, list[Ticket]] = {}
        with session.no_autoflush:  # as `_recent_open_ticket`
            found = session.execute(_RECENT_OPEN_REFERENCE_MANY, {**params, "since": since})
            for ticket in found.scalars():
                related.setdefault(ticket.contact_id, []).append(ticket)
        for contact_id in contact_ids:
            key, depends = (contact_id, channel), tickets_of(contact_id)
            remember(session, RELATED, key, depends, related.get(contact_id, []))


def _surveyed_ticket(session: Session, contact: Contact, msg: InboundMessage) -> Ticket | None:
    """The contact's latest closed ticket on this channel still waiting for a rating."""
    if msg.thread.new_ticket:
        return None
    known, answer = recall(session, SURVEYED, (contact.id, msg.channel))
    if known:  # looked up with the batch
        return cast(Ticket | None, answer)
    return session.execute(
        _SURVEYED, {"contact_id": contact.id, "channel": msg.channel}
    ).scalar_one_or_none()


def _record_rating(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    msg: InboundMessage,
    record: InboundRecord,
    rating: int,
) -> Processed:
    """Keep the citizen's rating on the closed ticket without reopening it."""
    message = _store_message(ctx, session, ticket, msg, record, ticket.language)
    message.kind = "satisfaction"
    record_rating(ctx, session, ticket, rating, channel=msg.channel)
    return Processed(ticket.id, ticket.reference, ticket.secret, message.id, created=False)


def _closed_too_long(ctx: Context, ticket: Ticket) -> bool:
    """A closed ticket reopens only within the reopen window; later writing starts a new one."""
    if ticket.status != Status.CLOSED or ticket.closed_at is None:
        return False
    return ctx.now() - ticket.closed_at > timedelta(days=ctx.settings.reopen_days)


def _remember_contact_details(ctx: Context, contact: Contact, msg: InboundMessage) -> None:
    if msg.display_name and not contact.name:
        contact.name = contact_name(msg.display_name)
    if msg.phone and not contact.phone:
        contact.phone = normalize_phone(msg.phone) or msg.phone[:40]
    if msg.email and not contact.email:
        contact.email = msg.email.strip().lower()
    if ctx.channels.of(msg.channel).sender_is_email and not contact.email:
        contact.email = msg.sender.lower()


def _contact_with_verified_phone(
    ctx: Context, session: Session, msg: InboundMessage
) -> Contact | None:
    """The one contact already known by this number, when the channel has verified it.

    WhatsApp proves the sender owns the number, so their first message joins the contact
    known by the same number (a Telegram contact card, a form, a call) instead of starting
    a second history, as a proven Telegram contact card does (`core.intake.contacts`).
    """
    if not ctx.channels.of(msg.channel).verified_phone:
        return None
    contact = contact_by_phone(session, msg.phone)
    if contact is not None:
        logger.info("verified number joins %s identity to contact %s", msg.channel, contact.id)
    return contact


def _continued_ticket(
    ctx: Context, session: Session, msg: InboundMessage, contact: Contact, first_contact: bool
) -> Ticket | None:
    """The ticket a message continues, by proof first, then by the citizen's own reference,
    then by reply ids; on chat channels (not threaded by message id) also the contact's open
    ticket of the last hours, or, for a "still not fixed", their recently closed one. A new
    email with none of these is a new report. A contact made just now (`first_contact`) has
    none of its own, only the proven one."""
    hints = msg.thread
    if hints.reference and hints.secret:
        ticket = ticket_for_secret(session, hints.reference, hints.secret)
        if ticket is not None:
            return ticket
    if first_contact:
        return None
    own = _own_referenced_ticket(ctx, session, msg, contact)
    if own is not None:
        return own
    if hints.reply_to:
        replied = session.execute(
            select(Ticket)
            .join(Message, Message.ticket_id == Ticket.id)
            .where(
                Message.channel == msg.channel,
                Message.external_id.in_(hints.reply_to),
                Ticket.contact_id == contact.id,
            )
            .order_by(Message.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if replied is not None:
            return replied
    if ctx.channels.of(msg.channel).threads_by_message_id:
        return None  # email threads by its headers, the reply token or the subject's reference
    recent = _recent_open_ticket(ctx, session, msg, contact)
    if recent is not None or not says_not_solved(msg.text):
        return recent
    # "Still not fixed" or "it came back" about the report just closed, written without
    # swiping to reply: it joins that ticket as the reply would (reopened, or followed when
    # too late), unless it names another problem ("the garbage is back" after a pothole).
    closed = _recently_closed_ticket(ctx, session, contact, msg.channel)
    if closed is None or another_problem(ctx, closed, ctx.router.classify(msg.text)):
        return None
    return closed


def _recent_open_ticket(
    ctx: Context,
    session: Session,
    msg: InboundMessage,
    contact: Contact,
    besides: Ticket | None = None,
    statement: Select[Any] = _RECENT_OPEN,
) -> Ticket | None:
    """The contact's open ticket on this channel that moved within the thread window."""
    window_start = ctx.now() - timedelta(hours=ctx.settings.thread_window_hours)
    # Two rows, `besides` left out here: it is not flushed yet (no id to exclude by), and
    # is not written for this look-up, so it is written once, routed.
    with session.no_autoflush:
        found = session.execute(
            statement,
            {"contact_id": contact.id, "channel": msg.channel, "since": window_start},
        ).scalars()
        return next((ticket for ticket in found if ticket is not besides), None)


def _own_ticket(session: Session, reference: str, contact: Contact) -> Ticket | None:
    """The ticket under `reference` when it is this contact's; a stranger's is as unknown."""
    ticket = ticket_by_reference(session, reference)
    return ticket if ticket is not None and ticket.contact_id == contact.id else None


def _asked_about(ctx: Context, session: Session, contact: Contact, channel: str) -> list[Ticket]:
    """What "any update on my complaint?" asks about: the contact's open tickets on any
    channel, latest first (one more than are listed, to know there are more), else their
    ticket on this channel closed most recently (`_recently_closed_ticket`), else none."""
    with session.no_autoflush:
        found = session.execute(_OPEN_OF_CONTACT, {"contact_id": contact.id}).scalars()
        owned = list(found)
    if owned:
        return owned
    closed = _recently_closed_ticket(ctx, session, contact, channel)
    return [closed] if closed is not None else []


# The written forms that settle the language by themselves (core.language.detect.Detection).
ONE_LANGUAGE_FORMS = ("arabic", "english")


def reply_language(msg: InboundMessage, contact: Contact) -> Detection:
    """The language a new message's citizen is answered in, one rule for every channel: staff's
    choice for a call; else words wholly in Arabic or English; else the page language the
    citizen chose to write on (the web form: a mixed Arabic-English report from the Arabic
    form is Arabic, whatever the detector makes of its words); else the detector's reading."""
    detection = detect_language(msg.text, known=contact.language, hint=msg.language_hint)
    chosen = msg.language_chosen
    if chosen not in ("ar", "en") and detection.form not in ONE_LANGUAGE_FORMS:
        chosen = msg.page_language
    if chosen in ("ar", "en"):
        return dataclasses.replace(detection, language=chosen, confidence=1.0)
    return detection


def _answer_status(
    ctx: Context,
    session: Session,
    tickets: list[Ticket],
    msg: InboundMessage,
    record: InboundRecord,
    contact: Contact,
    identity: ContactIdentity,
) -> Processed:
    """Keep the citizen's status question on their ticket (the first, latest of `tickets`)
    and answer with the state of each, where they asked (that chat, though a ticket came by
    another of their channels) and in the language they asked in. A question is no new
    report and no reason to reopen a closed ticket, so the workflow is left as it is."""
    ticket = tickets[0]
    detection = detect_language(msg.text, known=contact.language, hint=msg.language_hint)
    language = detection.language or ticket.language
    message = _store_message(ctx, session, ticket, msg, record, language)
    message.kind = "status_question"
    record_event(session, ticket, "status_asked", at=ctx.now())
    text = status_line(ticket.reference, ticket.status, language)
    if len(tickets) > 1:
        shown = tickets[:STATUS_LIST_LIMIT]
        more = len(tickets) > len(shown)
        lines = [status_line(t.reference, t.status, language) for t in shown]
        header = render("status_latest" if more else "status_several", language, count=len(shown))
        text = "\n".join([header, *lines, render("status_which", language)])
    _answer_asker(ctx, session, ticket, identity, text, "status_answer", language)
    flush_new_rows(session)
    return Processed(ticket.id, ticket.reference, ticket.secret, message.id, created=False)


def _answer_no_report(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    message: Message,
    identity: ContactIdentity,
    language: str | None,
) -> None:
    """ "Any update?" from someone with no report on record: tell them so and where their
    number is, and keep the question (nothing a citizen sent is lost) on a ticket set aside
    as no report (`STATUS_QUESTION`, rejected at once): never routed to a directorate nor
    acknowledged as a report, and not open, so their next message is a report of its own."""
    message.kind = "status_question"
    ticket.not_for_us = STATUS_QUESTION
    record_event(session, ticket, "created", at=ctx.now(), channel=message.channel,
                 language=language, no_report=True)  # fmt: skip
    record_event(session, ticket, "status_asked", at=ctx.now())
    transition(ctx, session, ticket, Status.REJECTED, SYSTEM_ACTOR, notify=False,
               note="A status question; no report on record.")  # fmt: skip
    text = render("status_none", language)
    _answer_asker(ctx, session, ticket, identity, text, "status_none", language)


def _answer_asker(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    identity: ContactIdentity,
    text: str,
    kind: str,
    language: str | None,
) -> None:
    """Answer a status question to the address and in the language it was asked in, not the
    ticket's: a contact linked across channels may ask on Telegram about an emailed ticket."""
    queue_reply(
        ctx,
        session,
        ticket,
        text,
        kind=kind,
        to=(identity.channel, identity.address),
        language=language,
    )


def _proves_owner(ctx: Context, msg: InboundMessage, ticket: Ticket) -> bool:
    """An email sender who answered the ticket's tokenised reply address received our mail
    to the ticket's citizen: the address is theirs."""
    hints = msg.thread
    return (
        ctx.channels.of(msg.channel).sender_is_email
        and hints.reference == ticket.reference
        and bool(hints.secret)
        and hints.secret == ticket.secret
    )


def _own_referenced_ticket(
    ctx: Context, session: Session, msg: InboundMessage, contact: Contact
) -> Ticket | None:
    """A ticket of this contact named by its reference (the email subject's, or one written
    in a chat message). A stranger's reference never threads: a reference is no proof."""
    references = [msg.thread.reference] if msg.thread.reference else []
    if not ctx.channels.of(msg.channel).threads_by_message_id:
        references += mentioned_references(ctx, msg.text)
    for reference in references:
        ticket = _own_ticket(session, reference, contact)
        if ticket is not None:
            return ticket
    return None


def _link_possibly_related(
    ctx: Context, session: Session, msg: InboundMessage, contact: Contact, ticket: Ticket
) -> None:
    """A new email from a citizen with an open ticket: staff see the two may be related."""
    if not ctx.channels.of(msg.channel).threads_by_message_id or msg.thread.new_ticket:
        return
    known, answer = recall(session, RELATED, (contact.id, msg.channel))
    if known:  # looked up with the batch: `_recent_open_ticket`'s rows
        other = next((t for t in cast(list[Ticket], answer) if t is not ticket), None)
    else:
        other = _recent_open_ticket(
            ctx, session, msg, contact, besides=ticket, statement=_RECENT_OPEN_REFERENCE
        )
    if other is None:
        return
    record_event(session, ticket, "possibly_related", at=ctx.now(), reference=other.reference)
    record_event(session, other, "possibly_related", at=ctx.now(), reference=ticket.reference)


def _thanked_closed_ticket(
    ctx: Context,
    session: Session,
    msg: InboundMessage,
    contact: Contact,
    ticket: Ticket | None,
) -> Ticket | None:
    """The closed ticket a courtesy message ("thank you") answers, if it is one."""
    if msg.thread.new_ticket or msg.attachments or msg.location or not is_courtesy(msg.text):
        return None
    if ticket is not None:
        return ticket if ticket.status == Status.CLOSED else None
    return _recently_closed_ticket(ctx, session, contact, msg.channel)


def _recently_closed_ticket(
    ctx: Context, session: Session, contact: Contact, channel: str
) -> Ticket | None:
    """The contact's ticket on this channel closed most recently, within the reopen window
    (at least a day): what a thank-you or a "still not fixed" written after closing is about.
    Whether it reopens is `_closed_too_long`'s to say."""
    since = ctx.now() - timedelta(days=max(ctx.settings.reopen_days, 1.0))
    return session.execute(
        select(Ticket)
        .where(
            Ticket.contact_id == contact.id,
            Ticket.channel == channel,
            Ticket.status == Status.CLOSED,
            Ticket.closed_at >= since,
        )
        .order_by(Ticket.closed_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def _record_courtesy(
    ctx: Context, session: Session, ticket: Ticket, msg: InboundMessage, record: InboundRecord
) -> Processed:
    """Keep the thanks on the closed ticket: no reopening, no new ticket, no questions."""
    message = _store_message(ctx, session, ticket, msg, record, ticket.language)
    message.kind = "courtesy"
    record_event(session, ticket, "courtesy", at=ctx.now(), message=message.id)
    return Processed(ticket.id, ticket.reference, ticket.secret, message.id, created=False)


def _open_ticket(
    ctx: Context,
    session: Session,
    msg: InboundMessage,
    contact: Contact,
    language: str | None,
    record: InboundRecord,
) -> Ticket:
    """A new ticket, under the reference and secret its record reserved when stored, if any."""
    now = ctx.now()
    loc = msg.location
    ticket = Ticket(
        reference=record.reference or next_reference(session, ctx.settings.ref_prefix),
        secret=record.secret or new_secret(),
        status=Status.NEW,
        channel=msg.channel,
        language=language,
        subject=opening_subject(msg.subject, msg.text),
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        address=loc.address if loc else None,
        text_features=text_features(msg.text),
        created_at=now,
        updated_at=now,
    )
    _join_contact(ticket, contact)
    session.add(ticket)  # written with its first message, in one flush: no UPDATE after
    return ticket


def opening_subject(subject: str | None, text: str) -> str | None:
    """A new ticket's subject: its first message's own subject, else its text's first line.
    A first line made the label is a label too: no override may reorder it."""
    label = subject or text.strip().splitlines()[0] if text.strip() else subject
    return plain_label(label)[:300] if label else label


def follow_opening_edit(session: Session, message: Message, old_text: str) -> bool:
    """After a citizen edited `message` (its old text kept as a revision): when it opened
    its ticket and the subject is still what its old text made it, the subject follows the
    new text, as the message does; a subject anyone changed since stays. True if it moved."""
    ticket = message.ticket
    opening = session.execute(
        select(func.min(Message.id)).where(
            Message.ticket_id == ticket.id, Message.direction == Direction.IN
        )
    ).scalar_one()
    if opening != message.id or ticket.subject != opening_subject(None, old_text):
        return False
    ticket.subject = opening_subject(None, message.text)
    return True


def _join_contact(ticket: Ticket, contact: Contact) -> None:
    """The new ticket's contact. A known contact whose tickets are not loaded is not told
    (the backref's append would mark it changed: after the new ticket's rows, written by
    Core inserts, a flush of its own with nothing to write); loaded later, its tickets come
    from the database, where an autoflush has written this one by then."""
    state = inspect(contact)
    if state.persistent and "tickets" not in state.dict:
        ticket.contact_id = contact.id
        set_committed_value(ticket, "contact", contact)
    else:
        ticket.contact = contact


def _store_message(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    msg: InboundMessage,
    record: InboundRecord,
    language: str | None,
) -> Message:
    message = Message(
        ticket=ticket,
        direction=Direction.IN,
        channel=msg.channel,
        text=msg.text,
        html=msg.html,
        language=language,
        external_id=msg.external_id,
        # The default, set: a message and its acknowledgement then have the same columns and
        # go in one INSERT (the unit of work batches only rows with the same columns).
        kind="message",
        created_at=msg.received_at,
        inbound_record_id=record.id,
    )
    session.add(message)  # flushed by the next query: changes to the ticket join its UPDATE
    for att in msg.attachments:
        digest = store_file(ctx.data_dir, att.data)
        session.add(
            Attachment(
                message=message,
                filename=att.filename[:300],
                content_type=att.content_type[:120],
                size=len(att.data),
                sha256=digest,
            )
        )
    for note in msg.staff_notes:  # from the channel, e.g. a file it could not fetch
        session.add(
            Message(
                ticket=ticket,
                direction=Direction.NOTE,
                channel=msg.channel,
                text=note,
                kind="note",
                created_at=ctx.now(),
            )
        )
    if msg.location and ticket.lat is None and msg.location.lat is not None:
        ticket.lat, ticket.lon = msg.location.lat, msg.location.lon
        ticket.address = ticket.address or msg.location.address
    ticket.updated_at = ctx.now()
    return message


def _citizen_wrote_again(ctx: Context, session: Session, ticket: Ticket) -> None:
    """A new message reopens a closed ticket and wakes one waiting on the citizen."""
    if ticket.status == Status.CLOSED:
        transition(ctx, session, ticket, Status.REOPENED, SYSTEM_ACTOR)
    elif ticket.status == Status.AWAITING_CITIZEN:
        target = Status.ASSIGNED if ticket.assigned_at else Status.TRIAGED
        if target == Status.TRIAGED and not ticket.category:
            target = Status.NEW
        transition(ctx, session, ticket, target, SYSTEM_ACTOR, notify=False)
    record_event(session, ticket, "citizen_message", at=ctx.now())
