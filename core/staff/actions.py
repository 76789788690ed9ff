"""What staff do to tickets, once, for the inbox and the JSON API alike.

Every operation takes the acting `Staff`, asks `core.staff.permissions` first, and works in the
caller's session and transaction, so the ticket change, its Event and any outbox item commit
together or not at all. Recording a phone call is the exception: it goes through ingestion
like any other channel, which commits on its own.
"""

from __future__ import annotations

import hashlib
import math
import re
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, not_, or_, select
from sqlalchemy.orm import Session, selectinload

from core.context import Context
from core.delivery.notify import queue_reply, status_url, with_reference
from core.errors import InputError, NotFound
from core.inbound import InboundMessage, Location, ThreadHints
from core.intake.contacts import LINK_REJECTED, merge_contacts, split_identity
from core.intake.conversation import Processed
from core.intake.incidents import place_later
from core.intake.ingest import accept, process
from core.intake.triage import CATEGORY_CHOSEN_BY, NO_ACK_REASONS, set_category
from core.language.normalize import ascii_digits
from core.models import (
    ID_MAX,
    OPEN_STATUSES,
    Contact,
    ContactIdentity,
    Delivery,
    Direction,
    Event,
    InboundRecord,
    Message,
    Priority,
    Role,
    RoutingCorrection,
    Status,
    Ticket,
    User,
)
from core.phones import normalize_typed_phone
from core.sla.clock import SLA_CLOCK_RUNNING
from core.staff.permissions import (
    Action,
    Staff,
    can_see,
    require,
    require_transition,
    visible_clause,
)
from core.staff.search import search_clause
from core.storable import is_storable, storable, storable_text, visible_or_empty
from core.tickets import (
    as_reference,
    count_first_response,
    record_event,
    ticket_by_reference,
)
from core.workflow.transitions import (
    check_reclassify,
    may_move,
    recompute_due,
    take_on,
    transition,
    unacknowledged,
)

MAX_TEXT = 10_000
PER_PAGE = 25
MAX_PER_PAGE = 100
MAX_PAGE = 100_000  # beyond any real listing; a larger page number would overflow OFFSET
# The pager counts matching tickets up to this many and then says "more than": an exact
# count of a million visible tickets costs more than the page itself (bench/scale.py).
COUNT_CAP = 1_000
# Open tickets whose SLA clock is running; a resolved ticket waits on the dispatcher, not SLA.
# Open and not yet answered: a flag for a look matters on these (not SLA; see core.sla.clock).
STILL_WORKED = tuple(s.value for s in OPEN_STATUSES if s != Status.RESOLVED)
QUEUES = ("mine", "all", "assigned_to_me")
MAX_ADDRESS = 500  # characters of a caller's address kept, as on the citizen form
PHONE_RE = re.compile(r"^\+?[0-9]{6,15}$")


def _clean_text(text: str | None, what: str) -> str:
    """Staff text made storable; `what` names it in the refusal ("reply", "call summary").
    A text of nothing visible (zero-width characters, marks) is empty."""
    cleaned = visible_or_empty(text)
    name = what.replace(" ", "_")
    if not cleaned:
        raise InputError(f"The {what} is empty.", f"{name}_empty")
    if len(cleaned) > MAX_TEXT:
        raise InputError(
            f"The {what} is longer than {MAX_TEXT} characters.", f"{name}_too_long", limit=MAX_TEXT
        )
    return cleaned


def _optional_text(text: str | None, what: str = "note") -> str | None:
    """A note staff may leave empty (nothing visible is empty), made storable (no NUL) and
    capped like every staff text."""
    cleaned = visible_or_empty(text)
    if len(cleaned) > MAX_TEXT:
        raise InputError(
            f"The {what} is longer than {MAX_TEXT} characters.", f"{what}_too_long", limit=MAX_TEXT
        )
    return cleaned or None


def _staff_event(
    session: Session, staff: Staff, ticket: Ticket, kind: str, *, at: datetime, **data: Any
) -> None:
    """An event on the ticket in the name of the member of staff who acted."""
    record_event(session, ticket, kind, actor=staff.email, actor_id=staff.id, at=at, **data)


def staff_request_key(staff: Staff, request_key: str) -> str:
    """The API's Idempotency-Key as stored: the staff member's own (no one else's to land on)."""
    return hashlib.sha256(f"{staff.email}\n{request_key}".encode()).hexdigest()[:40]


def earlier_request(
    session: Session, staff: Staff, ticket: Ticket, kind: str, text: str, request_key: str
) -> Message | None:
    """The reply or note this staff member already made on the ticket under `request_key`.

    None when the key is new. The same key with another text, or for the other kind, is
    refused (`idempotency_conflict`). The ticket row is locked first (PostgreSQL), so two
    retries racing each other add one message, not two.
    """
    session.execute(select(Ticket.id).where(Ticket.id == ticket.id).with_for_update())
    keyed = staff_request_key(staff, request_key)
    events = session.execute(
        select(Event).where(Event.ticket_id == ticket.id, Event.kind.in_(("reply", "note")))
    ).scalars()
    for event in events:
        if (event.data or {}).get("request_key") != keyed:
            continue
        message = session.get(Message, event.data.get("message"))
        if event.kind == kind and message is not None and message.text == _clean_text(text, kind):
            return message
        raise InputError(
            f"This Idempotency-Key was already used for a different {event.kind}; "
            "send a new key for a new one.",
            "idempotency_conflict",
        )
    return None


def reply(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    text: str,
    *,
    despite_unreachable: bool = False,
    request_key: str | None = None,
) -> Message:
    """Answer the citizen on the ticket's channel (a call-back task for phone tickets).

    When the citizen's address there is marked unreachable (a final bounce, a blocked bot),
    the reply is refused with a warning until staff confirm they want to send it anyway.
    `request_key` (the API's Idempotency-Key, see `earlier_request`) is kept on its event.
    """
    require(staff, Action.REPLY, ticket)
    body = _clean_text(text, "reply")
    unreachable = unreachable_address(ticket)
    if unreachable is not None and not despite_unreachable:
        raise InputError(
            f"The citizen's address {unreachable} is marked unreachable; confirm to send anyway.",
            "address_unreachable",
            address=unreachable,
        )
    # Staff answering a message flagged as spam found a person behind it: the flag goes (see
    # below), and a citizen whom the flag left without an acknowledgement gets its private
    # link with the reply (which names the reference): one message, not two.
    taking_on = ticket.not_for_us in NO_ACK_REASONS
    link = status_url(ctx, ticket) if taking_on and unacknowledged(ctx, ticket) else None
    delivered = None if link is None else with_reference(ticket, body, status_url=link)
    message = queue_reply(
        ctx, session, ticket, body, kind="reply", author_id=staff.id, delivered_text=delivered
    )
    now = ctx.now()
    count_first_response(ticket, now)
    ticket.updated_at = now
    keyed: dict[str, object] = {}
    if request_key:
        keyed["request_key"] = staff_request_key(staff, request_key)
    # Another flag (no words, gibberish, a status question) stays: an answer asking what was
    # meant does not make it a case.
    if taking_on:
        cleared = take_on(ctx, session, ticket, staff.actor, acknowledge=False)
        keyed["not_for_us"] = {"from": cleared, "to": None}
    _staff_event(session, staff, ticket, "reply", at=now, message=message.id, **keyed)
    if "not_for_us" in keyed:
        _place_taken_on(ctx, session, ticket)
    return message


def unreachable_address(ticket: Ticket) -> str | None:
    """The citizen's address on the ticket's channel when it is marked unreachable."""
    for identity in ticket.contact.identities:
        if identity.channel == ticket.channel and identity.unreachable:
            return identity.address
    return None


def add_note(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    text: str,
    *,
    request_key: str | None = None,
) -> Message:
    """An internal note: on the ticket for staff, never sent to anyone (`request_key`: as
    for `reply`)."""
    require(staff, Action.NOTE, ticket)
    body = _clean_text(text, "note")
    now = ctx.now()
    message = Message(
        ticket=ticket,
        direction=Direction.NOTE,
        channel=ticket.channel,
        author_id=staff.id,
        text=body,
        kind="note",
        created_at=now,
    )
    session.add(message)
    session.flush()
    keyed = {"request_key": staff_request_key(staff, request_key)} if request_key else {}
    _staff_event(session, staff, ticket, "note", at=now, message=message.id, **keyed)
    return message


def reclassify(
    ctx: Context, session: Session, staff: Staff, ticket: Ticket, category: str
) -> RoutingCorrection:
    """Set the right category (and so directorate) and keep it as a routing correction.

    A running SLA clock is recomputed for the new category from the same start, and a
    report in no incident joins a matching one (`core.intake.incidents`). A closed, rejected
    or duplicate ticket keeps its category (`check_reclassify`).
    """
    require(staff, Action.RECLASSIFY, ticket)
    check_reclassify(ticket)
    check_category(ctx, category)
    before = {"category": ticket.category, "directorate": ticket.directorate}
    set_category(ctx, ticket, category)
    # Naming a flagged message's category takes it on as a case, as registering it does
    # (core.workflow.transitions.TAKEN_ON): the flag goes, with the acknowledgement it held.
    cleared = take_on(ctx, session, ticket, staff.actor)
    flag = {"not_for_us": {"from": cleared, "to": None}} if cleared is not None else {}
    assignee = ticket.assignee
    if assignee and assignee.role == Role.DEPARTMENT and assignee.directorate != ticket.directorate:
        ticket.assignee_id = None  # the new directorate picks its own person
    due = recompute_due(ctx, ticket)
    predicted = (ticket.routing or {}).get("category")
    correction = RoutingCorrection(
        ticket_id=ticket.id,
        text=_citizen_text(ticket),
        predicted=str(predicted) if predicted else None,
        category=category,
        user_id=staff.id,
        created_at=ctx.now(),
    )
    session.add(correction)
    ticket.updated_at = ctx.now()
    _staff_event(
        session,
        staff,
        ticket,
        "reclassified",
        at=ctx.now(),
        **{"from": before, "to": {"category": category, "directorate": ticket.directorate}},
        **due,
        **flag,
    )
    if ticket.incident_id is None:  # classified now: it may be part of a mass incident
        place_later(ctx, session, ticket)
    return correction


def _citizen_text(ticket: Ticket) -> str:
    parts = [ticket.subject or ""]
    parts += [m.text for m in ticket.messages if m.direction == Direction.IN and m.text]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return "\n".join(seen)[:MAX_TEXT] or ticket.reference


def assign(
    ctx: Context, session: Session, staff: Staff, ticket: Ticket, email: str | None
) -> User | None:
    """Give the ticket to one person (None: nobody); department staff only within theirs."""
    require(staff, Action.ASSIGN, ticket)
    user: User | None = None
    if email:
        user = (
            session.execute(
                select(User).where(User.email == email.strip().lower(), User.active.is_(True))
            ).scalar_one_or_none()
            if is_storable(email)
            else None
        )
        if user is None:
            raise InputError(
                f"No active member of staff with email {email}.", "no_such_assignee", email=email
            )
        refused = assignment_refused(staff, ticket, user)
        if refused is not None:
            raise refused
    previous = ticket.assignee.email if ticket.assignee else None
    if (user.email if user else None) == previous:
        return user  # no change: no history line reading "from nobody to nobody"
    ticket.assignee_id = user.id if user else None
    ticket.assignee = user
    ticket.updated_at = ctx.now()
    _staff_event(
        session,
        staff,
        ticket,
        "assignee",
        at=ctx.now(),
        **{"from": previous, "to": user.email if user else None},
    )
    return user


# A ticket still on its way to a department, and the moves that forward it from there.
FORWARD_STEPS: dict[Status, tuple[Status, ...]] = {
    Status.NEW: (Status.TRIAGED, Status.ASSIGNED),
    Status.TRIAGED: (Status.ASSIGNED,),
    Status.REOPENED: (Status.ASSIGNED,),
}


def assign_forwarding(
    ctx: Context, session: Session, staff: Staff, ticket: Ticket, email: str | None
) -> User | None:
    """Give the ticket to one person, as the inbox does (its Update panel, a queue's bulk
    assign): a department member given a ticket still on its way to a department is given
    it forwarded, by the moves this member of staff may make.

    The department's queue lists forwarded tickets and the SLA clock starts at forwarding, so a
    ticket merely given to a department member stayed registered: out of the department's
    queue, with no due time and no word to the citizen, while the dispatcher read "assigned".
    The API keeps its assignee and its transition apart, as documented (`assign`).
    """
    user = assign(ctx, session, staff, ticket, email)
    if user is None or user.role != Role.DEPARTMENT:
        return user
    steps = FORWARD_STEPS.get(Status(ticket.status), ())
    moves = zip((Status(ticket.status), *steps), steps, strict=False)
    if steps and all(may_move(staff.actor, frm, to) for frm, to in moves):
        for step in steps:
            change_status(ctx, session, staff, ticket, step)
    return user


def assignment_refused(staff: Staff, ticket: Ticket, user: User) -> InputError | None:
    """The one rule for who may be given a ticket (`assign`, the inbox's choices): department
    staff only their own directorate's tickets, and department staff hand work only to
    department staff. None when `staff` may give `ticket` to `user`."""
    if user.role == Role.DEPARTMENT and (
        not ticket.directorate or user.directorate != ticket.directorate
    ):
        return InputError(
            f"{user.email} works for another directorate than this ticket's.",
            "assignee_other_directorate",
            email=user.email,
            name=user.display_name,
        )
    if staff.role == Role.DEPARTMENT and user.role != Role.DEPARTMENT:
        return InputError(
            "Department staff assign tickets within their directorate.",
            "assign_within_directorate",
        )
    return None


def _active_staff(session: Session) -> list[User]:
    return list(
        session.execute(select(User).where(User.active.is_(True)).order_by(User.email)).scalars()
    )


def assignable_staff(session: Session, staff: Staff, ticket: Ticket) -> list[User]:
    """Who `staff` may give this ticket to, by email: active staff `assignment_refused` allows."""
    return [u for u in _active_staff(session) if assignment_refused(staff, ticket, u) is None]


def bulk_assignees(session: Session, staff: Staff) -> list[User]:
    """Who a bulk assignment may offer `staff` (department staff: their directorate's people);
    each ticket's own rule (`assignment_refused`) still decides."""
    users = _active_staff(session)
    if staff.role == Role.DEPARTMENT:
        return [u for u in users if u.directorate == staff.directorate]
    return users


def change_status(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    to: str,
    note: str | None = None,
    answer: str | None = None,
) -> None:
    """A workflow move by a member of staff (403 wrong role, 409 wrong step).

    `answer` (closing only) is the text the citizen is told, as the dispatcher worded it;
    None sends the department's answer as it is.
    """
    require_transition(staff, ticket, to)
    if to == Status.DUPLICATE:
        raise InputError("Use 'mark duplicate' and name the original ticket.", "use_mark_duplicate")
    worded = None if answer is None else _clean_text(answer, "answer")
    flagged = ticket.not_for_us is not None
    transition(ctx, session, ticket, to, staff.actor, note=_optional_text(note), answer=worded)
    if flagged and ticket.not_for_us is None:
        _place_taken_on(ctx, session, ticket)


def _place_taken_on(ctx: Context, session: Session, ticket: Ticket) -> None:
    """A flagged report that staff have just taken on joins its mass incident, as it would
    have at intake (core.intake.triage places only unflagged reports). The workflow that
    clears the flag may not call intake's placement (the core rooms' import order): the
    staff action that made the move does."""
    if ticket.incident_id is None and ticket.category is not None:
        session.flush()  # placing it looks for reports other than itself, by id
        place_later(ctx, session, ticket)


def link_contacts(
    ctx: Context, session: Session, staff: Staff, ticket: Ticket, other_id: int, confirm: bool
) -> None:
    """Staff confirm (merge) or reject a suggested link between the ticket's contact and
    another; a rejected pair is not suggested again."""
    require(staff, Action.CONTACTS, ticket)
    other = session.get(Contact, other_id)
    if other is None or other.id == ticket.contact_id:
        raise InputError("No such contact to link.", "no_such_contact")
    contact_id = ticket.contact_id
    if confirm:
        keep, gone = sorted((ticket.contact, other), key=lambda c: c.id)
        merge_contacts(session, keep, gone)
    kind = "contact_merged" if confirm else LINK_REJECTED
    _staff_event(session, staff, ticket, kind, at=ctx.now(), contact=contact_id, other=other_id)


def split_contact(
    ctx: Context, session: Session, staff: Staff, ticket: Ticket, identity_id: int
) -> None:
    """Give one of the contact's channel identities a contact of its own (a wrong merge)."""
    require(staff, Action.CONTACTS, ticket)
    identity = session.get(ContactIdentity, identity_id)
    if identity is None or identity.contact_id != ticket.contact_id:
        raise InputError("No such address on this citizen.", "no_such_identity")
    fresh = split_identity(session, ctx.channels, identity)
    _staff_event(
        session,
        staff,
        ticket,
        "contact_split",
        at=ctx.now(),
        channel=identity.channel,
        contact=fresh.id,
    )


def set_public(ctx: Context, session: Session, staff: Staff, ticket: Ticket, public: bool) -> None:
    """Let Open311 publish the ticket's exact place and answer (or stop it again)."""
    require(staff, Action.PUBLISH, ticket)
    if ticket.public == public:
        return
    ticket.public = public
    _staff_event(session, staff, ticket, "public", at=ctx.now(), public=public)


def clear_attention(ctx: Context, session: Session, staff: Staff, ticket: Ticket) -> None:
    """A member of staff looked at what the screening flagged (core.intake.screening)."""
    require(staff, Action.NOTE, ticket)
    if ticket.attention is None:
        return
    _staff_event(session, staff, ticket, "attention_cleared", at=ctx.now(), reason=ticket.attention)
    ticket.attention = None


def set_priority(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    priority: str,
    reason: str | None = None,
) -> None:
    """Intake, dispatch and supervision set a ticket's priority; urgent runs on the urgent SLA.

    The router's urgency flag follows the priority staff chose (so lowering an urgent
    ticket takes it off the urgent SLA), and a running SLA clock is recomputed from its start.
    """
    require(staff, Action.PRIORITY, ticket)
    try:
        chosen = Priority(priority)
    except ValueError:
        raise InputError(
            f"Unknown priority '{priority}'.", "unknown_priority", priority=str(priority)
        ) from None
    before = ticket.priority
    if chosen == before:
        return
    ticket.priority = chosen
    ticket.urgent = chosen == Priority.URGENT
    due = recompute_due(ctx, ticket)
    ticket.updated_at = ctx.now()
    _staff_event(
        session,
        staff,
        ticket,
        "priority",
        at=ctx.now(),
        **{"from": before, "to": str(chosen), "reason": _optional_text(reason)},
        **due,
    )


def mark_duplicate(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    original_reference: str,
    note: str | None = None,
) -> Ticket:
    """Link this ticket to the original it repeats and move it to `duplicate`."""
    require(staff, Action.DUPLICATE, ticket)
    original = ticket_by_reference(session, original_reference or "")
    if original is None or not can_see(staff, original):
        raise InputError(
            f"No ticket {original_reference!r} to be a duplicate of.",
            "no_original_ticket",
            reference=original_reference,
        )
    if original.id == ticket.id:
        raise InputError("A ticket cannot duplicate itself.", "duplicate_of_itself")
    if original.status in (Status.CLOSED, Status.REJECTED):
        # The duplicate's citizen is told the original is being handled and its updates will
        # follow; a finished original sends none and never closes the duplicate.
        raise InputError(
            f"{original.reference} is already {original.status}: reopen it first, "
            "or deal with this ticket on its own.",
            "original_finished",
            reference=original.reference,
        )
    if _duplicates_back(original, ticket):
        raise InputError(
            f"{original.reference} is already a duplicate of this ticket.",
            "duplicate_loop",
            reference=original.reference,
        )
    require_transition(staff, ticket, Status.DUPLICATE)
    transition(
        ctx,
        session,
        ticket,
        Status.DUPLICATE,
        staff.actor,
        note=_optional_text(note),
        duplicate_of=original,
    )
    return original


def _duplicates_back(original: Ticket, ticket: Ticket) -> bool:
    """Whether `original`'s chain of originals leads back to `ticket`: linking it would make a
    loop that no closing ever reaches (closing an original closes its duplicates)."""
    seen: set[int] = set()
    link: Ticket | None = original
    while link is not None and link.id not in seen:
        if link.id == ticket.id:
            return True
        seen.add(link.id)
        link = link.duplicate_of
    return False


def record_phone_call(
    ctx: Context,
    staff: Staff,
    phone: str,
    text: str,
    *,
    name: str | None = None,
    language: str | None = None,
    category: str | None = None,
    address: str | None = None,
    lat: str | float | None = None,
    lon: str | float | None = None,
    request_key: str | None = None,
) -> Processed:
    """An intake agent types in a call: it becomes a ticket on the channel staff record
    (capability `staff_recorded`: the phone).

    `request_key` (the API's Idempotency-Key) makes a retry of the same call by the same member
    of staff land on the first call's ticket (`duplicate` set) instead of opening a second
    one; the same key with another number or summary is refused (`idempotency_conflict`).

    The caller's address and, when the agent places it, its coordinates are the ticket's
    location, as for the other channels.

    The number may be typed in Arabic-Indic digits and with 00 for +, as on the citizen form.
    A category the staff member chooses is the ticket's category (see `route_new_ticket`).
    """
    require(staff, Action.RECORD_CALL)
    number = _caller_number(phone)
    body = _clean_text(text, "call summary")
    if category:
        check_category(ctx, category)
    call = _call_message(
        ctx,
        staff,
        number,
        body,
        name=name,
        language=language,
        category=category,
        place=(address, lat, lon),
        request_key=request_key,
    )
    accepted = accept(ctx, call)
    if accepted.duplicate:
        _check_same_call(ctx, accepted.record_id, number, body)
        return replace(process(ctx, accepted.record_id), duplicate=True, created=False)
    processed = process(ctx, accepted.record_id)
    _record_who_took_the_call(ctx, staff, processed)
    return processed


def _call_message(
    ctx: Context,
    staff: Staff,
    number: str,
    body: str,
    *,
    name: str | None,
    language: str | None,
    category: str | None,
    place: tuple[str | None, str | float | None, str | float | None],
    request_key: str | None,
) -> InboundMessage:
    """The call as a message on the channel staff record: always a new case, in the
    language the agent chose, identified by the staff member's own request key when given
    (a retry lands on the first call's ticket) or else by a fresh one."""
    channel = ctx.channels.first(lambda c: c.staff_recorded)
    if channel is None:
        raise RuntimeError("no registered channel records calls (capability staff_recorded)")
    external_id = f"call:{uuid.uuid4().hex}"
    if request_key is not None:  # the staff member's own key: no one else's call to land on
        external_id = f"call:key:{staff_request_key(staff, request_key)}"
    return InboundMessage(
        channel=channel,
        sender=number,
        text=body,
        external_id=external_id,
        display_name=(name or "").strip() or None,
        # The agent's choice is the language the caller speaks, whatever the summary's.
        language_chosen=language if language in ("ar", "en") else None,
        phone=number,
        location=_call_location(*place),
        category_hint=category or None,
        received_at=ctx.now(),
        thread=ThreadHints(new_ticket=True),  # each call is its own case
        extras={
            "recorded_by": staff.email,
            **({CATEGORY_CHOSEN_BY: _chooser(staff)} if category else {}),
        },
    )


def _caller_number(phone: str | None) -> str:
    """The caller's number as the agent typed it (Arabic-Indic digits, spaces, 00 for +, an
    extension) in E.164, Oman for numbers without a country code; refused when it is no phone
    number."""
    number = normalize_typed_phone(ascii_digits(phone or ""), PHONE_RE)
    if number is None:
        raise InputError(
            "Give the caller's phone number (digits, optionally starting with +).",
            "bad_caller_phone",
        )
    return number


def check_category(ctx: Context, category: str) -> None:
    """Refuse a category the taxonomy does not know (`unknown_category`), before anything
    is changed or stored: a reclassification, a bulk one, a recorded call."""
    try:
        ctx.taxonomy.category(category)
    except KeyError:
        raise InputError(
            f"Unknown category '{category}'.", "unknown_category", category=category
        ) from None


def _record_who_took_the_call(ctx: Context, staff: Staff, processed: Processed) -> None:
    """The ticket's history names the agent who recorded the call (a `phone_call` event)."""
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, processed.ticket_id)
        if ticket is not None:
            _staff_event(
                session,
                staff,
                ticket,
                "phone_call",
                at=ctx.now(),
                message=processed.message_id,
            )


def _check_same_call(ctx: Context, record_id: int, number: str, body: str) -> None:
    """A call recorded again under its Idempotency-Key must be the same call."""
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        stored = record.normalized if record is not None else {}
    if (stored.get("sender"), stored.get("text")) != (number, body):
        raise InputError(
            "This Idempotency-Key was already used for a different call; "
            "send a new key for a new call.",
            "idempotency_conflict",
        )


def _call_location(
    address: str | None, lat: str | float | None, lon: str | float | None
) -> Location | None:
    """The place a caller describes: an address, coordinates (both or neither), or none."""
    place = storable_text(address or "").strip() or None
    if place is not None and len(place) > MAX_ADDRESS:  # the citizen form's limit too
        raise InputError(
            f"The address is longer than {MAX_ADDRESS} characters.",
            "address_too_long",
            limit=MAX_ADDRESS,
        )
    given = [v for v in (lat, lon) if v is not None and str(v).strip()]
    if not given:
        return Location(None, None, place) if place else None
    try:
        latitude, longitude = (float(ascii_digits(str(v)).strip()) for v in (lat, lon))
    except (TypeError, ValueError):
        latitude = longitude = float("nan")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InputError(
            "Give the location as latitude and longitude in degrees, both or neither.",
            "bad_call_location",
        )
    return Location(latitude, longitude, place)


def _chooser(staff: Staff) -> dict[str, object]:
    """Who chose a ticket's category at intake, as kept on the inbound record."""
    return {"user_id": staff.id, "email": staff.email, "role": staff.role}


def record_callback(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    message_id: int,
    reached: bool,
    note: str | None = None,
) -> Message:
    """The dispatcher called the citizen back: the reply is delivered (reached) or failed."""
    require(staff, Action.CALLBACK, ticket)
    message = session.get(Message, message_id) if 0 < message_id <= ID_MAX else None
    if message is None or message.ticket_id != ticket.id or message.direction != Direction.OUT:
        raise NotFound("No such call-back on this ticket.")
    if not ctx.channels.of(message.channel).replies_by_call:
        raise InputError("Only replies to phone tickets are call-backs.", "callback_not_phone")
    message.delivery_status = Delivery.SENT if reached else Delivery.FAILED
    message.delivery_error = None if reached else (_optional_text(note) or "not reached")
    _staff_event(
        session,
        staff,
        ticket,
        "callback",
        at=ctx.now(),
        message=message.id,
        reached=reached,
        note=_optional_text(note),
    )
    return message


# --- listing -------------------------------------------------------------------------------


@dataclass
class TicketFilter:
    """What a queue or search asks for; empty fields do not filter (`overdue`: None does
    not, True keeps the overdue tickets, False the others)."""

    queue: str = "all"
    status: list[str] = field(default_factory=list)
    directorate: str | None = None
    category: str | None = None
    channel: str | None = None
    language: str | None = None
    priority: str | None = None
    overdue: bool | None = None
    late_dispatch: bool = False
    q: str | None = None


@dataclass(frozen=True)
class TicketPage:
    items: list[Ticket]
    page: int
    per_page: int
    total: int  # exact when `more` is False; else COUNT_CAP, a lower bound
    more: bool = False

    @property
    def pages(self) -> int:
        """The pages the counted tickets fill (with `more`, there are further pages)."""
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        """A next page exists: within the count, or past it while pages come back full."""
        return self.page < self.pages or (self.more and len(self.items) == self.per_page)


def queue_clause(staff: Staff, now: datetime) -> ColumnElement[bool]:
    """The work waiting for this role: intake, dispatch, department, supervision.

    Intake: what needs a person (new tickets, which is where unsure routing, not-for-us flags
    and unclassified calls stay, and open tickets flagged for a look). Dispatch: tickets to
    forward, reopened ones, and those the department answered, to inform (listed first).
    Supervision: overdue and escalated tickets.
    """
    if staff.role == Role.AGENT:
        return or_(
            Ticket.status == Status.NEW,
            and_(Ticket.attention.is_not(None), Ticket.status.in_(STILL_WORKED)),
        )
    if staff.role == Role.DISPATCHER:
        return Ticket.status.in_([Status.TRIAGED, Status.RESOLVED, Status.REOPENED])
    if staff.role == Role.DEPARTMENT:
        return Ticket.status == Status.ASSIGNED
    if staff.role == Role.SUPERVISOR:
        return and_(
            Ticket.status.in_(SLA_CLOCK_RUNNING),
            or_(Ticket.due_at < now, Ticket.escalated_at.is_not(None)),
        )
    return Ticket.status.in_([s.value for s in OPEN_STATUSES])


def overdue_clause(now: datetime) -> ColumnElement[bool]:
    """Overdue: past its due time with the SLA clock running. Never NULL (a ticket with no
    due time is not overdue), so its negation is exactly the tickets not overdue."""
    return and_(
        Ticket.status.in_(SLA_CLOCK_RUNNING), Ticket.due_at.is_not(None), Ticket.due_at < now
    )


def dispatch_cutoff(ctx: Context) -> datetime | None:
    """A registered ticket that came in before this is late for dispatch: the dispatcher's
    target (BALAGH_DISPATCH_TARGET_MINUTES, counted from the report's arrival, so a ticket
    sent back to dispatch is late at once if it is long past). None: no target. The
    department's SLA clock is not this: it starts at the assignment."""
    minutes = ctx.settings.dispatch_target_minutes
    return ctx.now() - timedelta(minutes=minutes) if minutes else None


def late_for_dispatch(ticket: Ticket, cutoff: datetime | None) -> bool:
    """The badge's rule, as `late_dispatch_clause` selects."""
    return cutoff is not None and ticket.status == Status.TRIAGED and ticket.created_at < cutoff


def late_dispatch_clause(cutoff: datetime | None) -> ColumnElement[bool]:
    """Registered tickets waiting for dispatch past the target (none without a target)."""
    if cutoff is None:
        return false()
    return and_(Ticket.status == Status.TRIAGED, Ticket.created_at < cutoff)


def ticket_query(ctx: Context, staff: Staff, flt: TicketFilter) -> Select[Ticket]:
    """The visible tickets matching a filter, most urgent and newest first."""
    require(staff, Action.LIST)
    flt = TicketFilter(**storable(asdict(flt)))  # a NUL from a URL finds nothing, not a 500
    now = ctx.now()
    query = select(Ticket).where(visible_clause(staff))
    if flt.queue == "mine":
        query = query.where(queue_clause(staff, now))
    elif flt.queue == "assigned_to_me":
        query = query.where(Ticket.assignee_id == staff.id)
    if flt.status:
        query = query.where(Ticket.status.in_(flt.status))
    for column, value in (
        (Ticket.directorate, flt.directorate),
        (Ticket.category, flt.category),
        (Ticket.channel, flt.channel),
        (Ticket.language, flt.language),
        (Ticket.priority, flt.priority),
    ):
        if value:
            query = query.where(column == value)
    if flt.overdue is not None:
        query = query.where(overdue_clause(now) if flt.overdue else not_(overdue_clause(now)))
    if flt.late_dispatch:
        query = query.where(late_dispatch_clause(dispatch_cutoff(ctx)))
    if flt.q:
        # A query shaped like a reference ("MCT-12") searches as the stored reference, so
        # its digits do not also match inside phone numbers.
        shaped = as_reference(flt.q)
        clause = search_clause(shaped or flt.q)
        if clause is not None:
            reference = shaped or flt.q.strip().upper()
            query = query.where(or_(clause, Ticket.reference == reference))
    return query


def _queue_order(staff: Staff, flt: TicketFilter) -> tuple[ColumnElement[int], ...]:
    """A dispatcher's own queue lists what the department answered (to inform) first."""
    if flt.queue == "mine" and staff.role == Role.DISPATCHER:
        return (case((Ticket.status == Status.RESOLVED, 0), else_=1),)
    return ()


def list_tickets(
    ctx: Context,
    session: Session,
    staff: Staff,
    flt: TicketFilter,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> TicketPage:
    """One page of visible tickets matching the filter, with their count up to COUNT_CAP.

    The order (urgent first, then newest) is the order of `ix_ticket_list_order` and
    `ix_ticket_assignee_order`, so PostgreSQL reads a page from the index instead of sorting
    every visible ticket.
    """
    page = min(max(1, page), MAX_PAGE)
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    query = ticket_query(ctx, staff, flt)
    counted = query.with_only_columns(Ticket.id).limit(COUNT_CAP + 1).subquery()
    total = session.execute(select(func.count()).select_from(counted)).scalar_one()
    rows = session.execute(
        query.options(
            # a listing shows each citizen's address: one query for all, not one per row
            selectinload(Ticket.contact).selectinload(Contact.identities),
            selectinload(Ticket.assignee),
        )
        .order_by(
            *_queue_order(staff, flt),
            Ticket.urgent.desc(),
            Ticket.created_at.desc(),
            Ticket.id.desc(),
        )
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).scalars()
    more = total > COUNT_CAP
    return TicketPage(
        items=list(rows), page=page, per_page=per_page, total=min(total, COUNT_CAP), more=more
    )
