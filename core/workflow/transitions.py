"""The centre's three lines as a state machine, with one table of who may do what.

new (intake) -> triaged (registered, dispatcher) -> assigned (department; SLA clock runs)
-> resolved (answer back with the dispatcher) -> closed (citizen told). Side states:
awaiting_citizen, reopened, duplicate, rejected. Any move not in TRANSITIONS, or by a role
not listed for it, raises InvalidTransition and changes nothing.

Waiting on the citizen needs the question asked (the note). Closing an original closes its
duplicates with its answer (a duplicate in another language goes to the dispatcher as answered,
to be told in its own); rejecting it sends them back to the dispatcher, each to be
answered on its own. The SLA clock starts at the
first assignment and again at a reopening (a fresh due time, not the first one);
`recompute_due` moves the due time when the category changes. Waiting on the citizen pauses a
running clock, and so does being a duplicate (`SLA_CLOCK_PAUSED`): leaving awaiting_citizen
(the citizen answered, staff moved on, or the ticket closed while waiting) or the duplicate
status (released by a rejected original, closed with it) adds the clock time of the pause to
the ticket's paused hours and moves the due time by it (`_pause_sla_clock`,
`_resume_sla_clock`). Each due change is recorded in
the event ("due_at": {"from", "to"}).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.notify import ACK_KINDS, acknowledge, directorate_name, notify_citizen
from core.errors import InputError, InvalidTransition, NotFound
from core.models import Message, Priority, Role, Status, Ticket
from core.sla.clock import SLA_CLOCK_PAUSED, SLA_CLOCK_RUNNING
from core.tickets import count_first_response, record_event

SYSTEM = "system"
INTAKE = (Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, SYSTEM)
DISPATCH = (Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN)
DEPARTMENT = (Role.DEPARTMENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN)

TRANSITIONS: dict[tuple[Status, Status], tuple[str, ...]] = {
    (Status.NEW, Status.TRIAGED): INTAKE,
    (Status.NEW, Status.REJECTED): INTAKE,
    (Status.NEW, Status.DUPLICATE): INTAKE,
    (Status.NEW, Status.AWAITING_CITIZEN): INTAKE,
    (Status.TRIAGED, Status.ASSIGNED): (*DISPATCH, SYSTEM),
    (Status.TRIAGED, Status.NEW): DISPATCH,
    (Status.TRIAGED, Status.REJECTED): DISPATCH,
    (Status.TRIAGED, Status.DUPLICATE): DISPATCH,
    (Status.TRIAGED, Status.AWAITING_CITIZEN): DISPATCH,
    (Status.ASSIGNED, Status.RESOLVED): DEPARTMENT,
    (Status.ASSIGNED, Status.AWAITING_CITIZEN): DEPARTMENT,
    (Status.ASSIGNED, Status.TRIAGED): DEPARTMENT,
    (Status.ASSIGNED, Status.DUPLICATE): DISPATCH,
    (Status.AWAITING_CITIZEN, Status.ASSIGNED): (*DEPARTMENT, SYSTEM),
    (Status.AWAITING_CITIZEN, Status.TRIAGED): (*DISPATCH, SYSTEM),
    (Status.AWAITING_CITIZEN, Status.NEW): (*INTAKE,),
    (Status.AWAITING_CITIZEN, Status.CLOSED): (*DISPATCH, SYSTEM),
    (Status.RESOLVED, Status.CLOSED): DISPATCH,
    (Status.RESOLVED, Status.ASSIGNED): DISPATCH,
    (Status.CLOSED, Status.REOPENED): (*DISPATCH, SYSTEM),
    (Status.REOPENED, Status.TRIAGED): DISPATCH,
    (Status.REOPENED, Status.ASSIGNED): DISPATCH,
    (Status.REOPENED, Status.CLOSED): DISPATCH,
    (Status.REJECTED, Status.NEW): (Role.SUPERVISOR, Role.ADMIN),
    (Status.DUPLICATE, Status.CLOSED): (*DISPATCH, SYSTEM),
    (Status.DUPLICATE, Status.NEW): (Role.SUPERVISOR, Role.ADMIN, SYSTEM),
    (Status.DUPLICATE, Status.TRIAGED): (SYSTEM,),
    (Status.DUPLICATE, Status.RESOLVED): (SYSTEM,),
}
# Moves department staff may also make where the centre lets them answer citizens
# themselves (BALAGH_DEPARTMENT_REPLIES_DIRECT): informing the citizen and closing.
DIRECT_REPLY_MOVES = frozenset({(Status.RESOLVED, Status.CLOSED)})


@dataclass(frozen=True)
class Actor:
    """Who is acting: a member of staff (with role and directorate) or the system."""

    name: str
    role: str
    user_id: int | None = None
    directorate: str | None = None
    replies_direct: bool = False


SYSTEM_ACTOR = Actor(name="system", role=SYSTEM)


def allowed_targets(ticket: Ticket, actor: Actor) -> list[Status]:
    """The statuses this actor may move this ticket to (for buttons and the API)."""
    current = Status(ticket.status)
    return [to for (frm, to) in TRANSITIONS if frm == current and may_move(actor, frm, to)]


def may_move(actor: Actor, frm: Status, to: Status) -> bool:
    """Whether the table (or the centre's direct-reply setting) lets this actor's role move."""
    if actor.role in TRANSITIONS.get((frm, to), ()):
        return True
    return (
        actor.role == Role.DEPARTMENT and actor.replies_direct and (frm, to) in DIRECT_REPLY_MOVES
    )


def check_transition(ticket: Ticket, to: Status, actor: Actor) -> None:
    """Raise InvalidTransition unless the table allows this move for this actor."""
    current = Status(ticket.status)
    roles = TRANSITIONS.get((current, to))
    if roles is None:
        raise InvalidTransition(
            f"A ticket in status '{current}' cannot move to '{to}'.",
            "cannot_move",
            from_status=str(current),
            to_status=str(to),
        )
    if not may_move(actor, current, to):
        raise InvalidTransition(
            f"Role '{actor.role}' may not move a ticket from '{current}' to '{to}'.",
            "role_cannot_move",
            role=actor.role,
            from_status=str(current),
            to_status=str(to),
        )
    if actor.role == Role.DEPARTMENT and ticket.directorate != actor.directorate:
        raise NotFound("No such ticket.")


# A finished ticket keeps its category: the statistics and the citizen's answer stand on it.
# Changing it is a decision to work the ticket again, so it is reopened first (a closed one
# reopens, a rejected or duplicate one goes back to new); one at a time or in bulk alike.
CATEGORY_KEPT = frozenset({Status.CLOSED, Status.REJECTED, Status.DUPLICATE})


def check_reclassify(ticket: Ticket) -> None:
    """Raise InvalidTransition when the ticket's status keeps its category (CATEGORY_KEPT)."""
    if ticket.status in CATEGORY_KEPT:
        raise InvalidTransition(
            f"A ticket in status '{ticket.status}' keeps its category: reopen it to change it.",
            "category_kept",
            status=str(ticket.status),
        )


def transition(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    to: Status | str,
    actor: Actor,
    *,
    note: str | None = None,
    duplicate_of: Ticket | None = None,
    notify: bool = True,
    answer: str | None = None,
) -> None:
    """Move a ticket, apply the move's effects, write an Event, queue the citizen's message.

    `answer` is the dispatcher's wording for the citizen when closing; without it the
    citizen is told the department's answer (the resolution) as it is.
    """
    target = Status(to)
    check_transition(ticket, target, actor)
    if answer is not None and target != Status.CLOSED:
        raise InputError("An answer for the citizen goes with closing only.", "answer_on_close")
    previous = ticket.status
    effects = _apply_effects(ctx, session, ticket, target, note, duplicate_of)
    cleared = _clear_flag(ticket, previous, target, actor)
    if cleared is not None:
        effects["not_for_us"] = {"from": cleared, "to": None}
    _move_sla_clock(ctx, ticket, previous, target, effects)
    if target == Status.CLOSED:
        ticket.answer = answer if answer is not None else ticket.resolution
        if answer is not None:
            effects["answer"] = answer
    ticket.status = target
    ticket.updated_at = ctx.now()
    record_event(
        session,
        ticket,
        "transition",
        actor=actor.name,
        actor_id=actor.user_id,
        at=ctx.now(),
        **{"from": previous, "to": str(target), "note": note},
        **effects,
    )
    flag_cleared = cleared is not None
    _tell_citizen(ctx, session, ticket, target, actor, note, notify, flag_cleared)
    if target == Status.CLOSED:
        _close_duplicates(ctx, session, ticket, actor)
    elif target == Status.REJECTED:
        _release_duplicates(ctx, session, ticket)


def _move_sla_clock(
    ctx: Context, ticket: Ticket, previous: str, target: Status, effects: dict[str, Any]
) -> None:
    """The SLA clock stops on entering a paused status and runs again on leaving one (unless
    the move set the due time itself); what the resumed clock changed joins `effects`."""
    if previous in SLA_CLOCK_PAUSED and "due_at" not in effects:
        effects.update(_resume_sla_clock(ctx, ticket, ctx.now()))
    elif target in SLA_CLOCK_PAUSED and previous in SLA_CLOCK_RUNNING:
        _pause_sla_clock(ticket, ctx.now())


def _tell_citizen(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    target: Status,
    actor: Actor,
    note: str | None,
    notify: bool,
    flag_cleared: bool,
) -> None:
    """The citizen's message about the move (when `notify`; staff's first one counts as
    the first response). A report whose spam flag staff just cleared never had its
    acknowledgement: the private link it gives goes with that message, or alone."""
    link_due = flag_cleared and unacknowledged(ctx, ticket)
    if link_due and target == Status.TRIAGED:
        # Whatever `notify` says: a walk past triage tells the citizen only at its last step,
        # which need not carry the reference's private link.
        _acknowledge_late(ctx, session, ticket, actor)
        link_due = False
    sent = None
    if notify:
        # A duplicate's notice and a question to the citizen name their reference: one
        # message, not two, carrying the private link the acknowledgement would have given.
        sent = _notify(ctx, session, ticket, target, note, actor, with_status_link=link_due)
        if sent is not None and actor.role != SYSTEM:
            count_first_response(ticket, ctx.now())
    if link_due and sent is None:
        _acknowledge_late(ctx, session, ticket, actor)


# Moves by which staff take a flagged message on from intake as a citizen's: registering it,
# saying it repeats a real report, or asking its sender for details. Rejecting it keeps the flag.
TAKEN_ON = frozenset({Status.TRIAGED, Status.DUPLICATE, Status.AWAITING_CITIZEN})


def _clear_flag(ticket: Ticket, previous: str, target: Status, actor: Actor) -> str | None:
    """A member of staff who takes a flagged ticket on from intake (`TAKEN_ON`) clears the
    router's not-for-us flag. Returns the flag cleared, or None.

    The acknowledgement the flag withheld follows from it here (`_acknowledge_late`); the
    router's own answer stays in `ticket.routing` and the event log. Staff who reclassify
    or answer a flagged ticket clear it through `take_on` (core.staff.actions).
    """
    if previous != Status.NEW or target not in TAKEN_ON or actor.role == SYSTEM:
        return None
    flag, ticket.not_for_us = ticket.not_for_us, None
    return flag


def take_on(
    ctx: Context, session: Session, ticket: Ticket, actor: Actor, *, acknowledge: bool = True
) -> str | None:
    """Clear a flagged ticket's not-for-us flag outside a move (staff name its category):
    the flag cleared, or None. The acknowledgement the flag withheld goes now unless
    `acknowledge` is False (staff answered the citizen themselves, the link with it)."""
    flag = ticket.not_for_us
    if flag is None or actor.role == SYSTEM:
        return None
    ticket.not_for_us = None
    if acknowledge and unacknowledged(ctx, ticket):
        _acknowledge_late(ctx, session, ticket, actor)
    return flag


def unacknowledged(ctx: Context, ticket: Ticket) -> bool:
    """Whether the citizen never had an acknowledgement (a spam flag withheld it), where one
    is due at all (a caller hears the reference from the agent)."""
    if ctx.channels.of(ticket.channel).acknowledged_in_person:
        return False
    return not any(m.kind in ACK_KINDS for m in ticket.messages)


def _acknowledge_late(ctx: Context, session: Session, ticket: Ticket, actor: Actor) -> None:
    """The usual acknowledgement, withheld at intake to avoid backscatter to a spammer, now
    that staff found the message genuine: the citizen learns the reference, the status link
    and where the report goes, rather than hearing nothing until it is forwarded."""
    acknowledge(ctx, session, ticket, author_id=actor.user_id)


def _apply_effects(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    target: Status,
    note: str | None,
    duplicate_of: Ticket | None,
) -> dict[str, Any]:
    """Change the ticket for the move; returns what the transition event should also record."""
    now = ctx.now()
    effects: dict[str, Any] = {}
    if target in (Status.TRIAGED, Status.ASSIGNED) and not ticket.category:
        raise InvalidTransition(
            "Classify the ticket (category and directorate) before moving it on.",
            "classify_first",
        )
    if target == Status.ASSIGNED and ticket.assigned_at is None:
        ticket.assigned_at = now
        effects = start_sla_clock(ctx, ticket, now)
    elif target == Status.AWAITING_CITIZEN:
        # The citizen is asked this question; reminders and auto-close refer to it.
        if not (note or "").strip():
            raise InputError(
                "Write the question to ask the citizen (the note) before waiting for their answer.",
                "question_needed",
            )
    elif target == Status.RESOLVED:
        if not note:
            raise InputError(
                "Write the department's answer to resolve the ticket.", "answer_needed"
            )
        ticket.resolution, ticket.resolved_at = note, now
    elif target == Status.CLOSED:
        ticket.closed_at = now
    elif target == Status.REOPENED:
        ticket.closed_at = None
        ticket.reopen_count = (ticket.reopen_count or 0) + 1
        if ticket.assigned_at is not None:  # a fresh SLA from now, not the first due date
            ticket.sla_warned_at = ticket.escalated_at = None
            effects = start_sla_clock(ctx, ticket, now)
    elif target == Status.DUPLICATE:
        if duplicate_of is None or duplicate_of.id == ticket.id:
            raise InputError("Name the original ticket this one duplicates.", "original_needed")
        ticket.duplicate_of_id = duplicate_of.id
    return effects


def start_sla_clock(ctx: Context, ticket: Ticket, start: datetime) -> dict[str, Any]:
    """Start the ticket's SLA clock at `start`; returns the due change for the event log."""
    before = ticket.due_at
    ticket.sla_started_at = start
    ticket.sla_paused_at, ticket.sla_paused_hours = None, 0.0
    ticket.due_at = due_time(ctx, ticket, start)
    return {"due_at": due_change(before, ticket.due_at)}


def recompute_due(ctx: Context, ticket: Ticket) -> dict[str, Any]:
    """After the category (or urgency) changed: the due time again from the clock's start.

    Only a running clock is recomputed; a ticket not yet assigned gets its due time at
    assignment, from its category then. Returns the change for the event log ({} if none).
    """
    if ticket.due_at is None or ticket.status not in SLA_CLOCK_RUNNING:
        return {}
    start = ticket.sla_started_at or ticket.assigned_at or ticket.created_at
    before = ticket.due_at
    ticket.due_at = due_time(ctx, ticket, start)
    if ticket.due_at == before:
        return {}
    return {"due_at": due_change(before, ticket.due_at)}


def _pause_sla_clock(ticket: Ticket, now: datetime) -> None:
    """Waiting on the citizen, or a duplicate: a running clock (one with a due time) pauses."""
    if ticket.due_at is not None and ticket.sla_paused_at is None:
        ticket.sla_paused_at = now


def _resume_sla_clock(ctx: Context, ticket: Ticket, now: datetime) -> dict[str, Any]:
    """The wait is over (up to `now`): its clock time is added to the paused hours and the due
    time moves by it, once per pause. Returns the due change for the event log ({} if none)."""
    paused_at = ticket.sla_paused_at
    if paused_at is None or ticket.due_at is None:
        ticket.sla_paused_at = None
        return {}
    urgent = bool(ticket.urgent or ticket.priority == Priority.URGENT)
    waited = ctx.clock_hours(paused_at, now, ticket.directorate, urgent)
    ticket.sla_paused_at = None
    ticket.sla_paused_hours = (ticket.sla_paused_hours or 0.0) + waited
    before = ticket.due_at
    ticket.due_at = due_time(ctx, ticket, ticket.sla_started_at or ticket.assigned_at or now)
    if ticket.due_at == before:
        return {}
    return {"due_at": due_change(before, ticket.due_at), "sla_paused_hours": round(waited, 4)}


def due_change(before: datetime | None, after: datetime | None) -> dict[str, str | None]:
    return {
        "from": before.isoformat() if before else None,
        "to": after.isoformat() if after else None,
    }


def due_time(ctx: Context, ticket: Ticket, start: datetime) -> datetime:
    """When the ticket is due: the category's SLA, or the urgent SLA, from `start`, plus the
    clock hours the ticket spent paused (waiting on the citizen, a duplicate) since then."""
    paused = ticket.sla_paused_hours or 0.0
    if ticket.urgent or ticket.priority == Priority.URGENT:
        hours = float(ctx.taxonomy.urgent_sla_hours)
        return ctx.due(start, hours + paused, ticket.directorate, True)
    category = ctx.taxonomy.category(ticket.category) if ticket.category else None
    hours = float(category.sla_hours) if category else 72.0
    return ctx.due(start, hours + paused, ticket.directorate, False)


def _notify(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    target: Status,
    note: str | None,
    actor: Actor,
    *,
    with_status_link: bool = False,
) -> Message | None:
    """Tell the citizen about the move (in the name of the member of staff who made it)."""
    key, params = _notice(ctx, ticket, target, note)
    if key is None:
        return None
    return notify_citizen(
        ctx,
        session,
        ticket,
        key,
        author_id=actor.user_id,
        with_status_link=with_status_link,
        **params,
    )


def _notice(
    ctx: Context, ticket: Ticket, target: Status, note: str | None
) -> tuple[str | None, dict[str, Any]]:
    """Which of the system's texts a move sends the citizen, with its parameters."""
    if target == Status.ASSIGNED and not _already_sent(ticket, "forwarded"):
        name = directorate_name(ctx, ticket.directorate, ticket.language)
        return "forwarded", {"directorate_name": name}
    if target == Status.CLOSED and ticket.answer:
        return "resolved", {"answer": ticket.answer}
    if target == Status.CLOSED:
        return "closed", {}
    if target == Status.REOPENED:
        return "reopened", {}
    if target == Status.DUPLICATE and ticket.duplicate_of is not None:
        return "duplicate", {"original": ticket.duplicate_of.reference}
    if target == Status.AWAITING_CITIZEN and note:
        return "need_info", {"question": note}
    if target == Status.REJECTED and not unacknowledged(ctx, ticket):
        # A report whose acknowledgement a spam flag held back hears nothing of its refusal
        # either: to a spammer's forged address that would be backscatter.
        return "rejected", {}
    return None, {}


def _already_sent(ticket: Ticket, kind: str) -> bool:
    return any(m.kind == kind for m in ticket.messages)


def _open_duplicates(session: Session, original: Ticket) -> list[Ticket]:
    return list(
        session.execute(
            select(Ticket)
            .where(Ticket.duplicate_of_id == original.id, Ticket.status == Status.DUPLICATE)
            .order_by(Ticket.id)
        ).scalars()
    )


def _release_duplicates(ctx: Context, session: Session, original: Ticket) -> None:
    """Rejecting an original answers none of its duplicates' citizens (who were promised its
    updates): each goes back to the dispatcher's queue on its own, no longer a duplicate, its
    history saying why (triaged when classified, else new)."""
    for dup in _open_duplicates(session, original):
        dup.duplicate_of_id = None
        target = Status.TRIAGED if dup.category else Status.NEW
        transition(
            ctx,
            session,
            dup,
            target,
            SYSTEM_ACTOR,
            note=f"original {original.reference} rejected; to be answered on its own",
            notify=False,
        )


def _close_duplicates(ctx: Context, session: Session, original: Ticket, actor: Actor) -> None:
    """Closing an original closes and informs every ticket linked to it as a duplicate.

    The answer is worded in the original citizen's language: a duplicate written in another
    language is not sent it (it would read as the answer in a foreign language inside a
    message in theirs) but goes to the dispatcher as answered by the department (resolved,
    with the department's answer), to be told in its own language and closed.
    """
    for dup in _open_duplicates(session, original):
        if original.answer and dup.language and dup.language != original.language:
            transition(
                ctx,
                session,
                dup,
                Status.RESOLVED,
                SYSTEM_ACTOR,
                note=_resolution_in(original, dup.language)
                or original.resolution
                or original.answer,
            )
            continue
        dup.resolution = original.resolution
        transition(
            ctx,
            session,
            dup,
            Status.CLOSED,
            SYSTEM_ACTOR,
            note=f"original {original.reference} closed",
            answer=original.answer,
        )


def _resolution_in(original: Ticket, language: str) -> str | None:
    """The department's answer in `language` when the original is in an incident with a
    report of that language the department answered: an incident's reports each keep the
    version in their citizen's language, so the dispatcher who tells the duplicate's citizen
    starts from it rather than from the original's (QA: an Arabic duplicate of an English
    report on the incident was given 'The pothole was filled...' while the incident's Arabic
    reports held the Arabic answer)."""
    if original.incident is None:
        return None
    answered = (t for t in original.incident.tickets if t.language == language and t.resolution)
    return next((t.resolution for t in answered), None)


def walk(current: str, target: Status, actor: Actor, through: frozenset[Status]) -> list[Status]:
    """The shortest chain of moves this actor may make from `current` to `target` (the rule of
    `may_move`, the centre's direct-reply setting included), passing only through the statuses
    `through` ([] if none): how an incident's reports, moved together, each reach the
    incident's status from where they are."""
    start = Status(current)
    if start == target:
        return []
    paths: deque[tuple[Status, list[Status]]] = deque([(start, [])])
    seen = {start}
    while paths:
        status, path = paths.popleft()
        for frm, to in TRANSITIONS:
            if frm != status or to in seen or to not in through or not may_move(actor, frm, to):
                continue
            if to == target:
                return [*path, to]
            seen.add(to)
            paths.append((to, [*path, to]))
    return []


def take_steps(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    path: list[Status],
    actor: Actor,
    text: str | None,
    *,
    notify: bool,
) -> None:
    """Move the ticket along `path` (from `walk`): `text` is the resolving step's answer and
    the last step's note (on closing, the citizen's answer); only the last step may tell the
    citizen, so a walk of three moves sends one message."""
    target = path[-1]
    for step in path:
        last = step == target
        transition(
            ctx,
            session,
            ticket,
            step,
            actor,
            note=text if step in (Status.RESOLVED, target) else None,
            notify=last and notify,
            answer=text if last and step == Status.CLOSED else None,
        )
