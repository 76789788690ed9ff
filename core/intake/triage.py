"""Apply the router's answer to a new ticket: the confidence policy and the acknowledgement.

At or above the threshold the ticket is triaged automatically; below it stays `new` for an
intake agent, who sees the model's suggestions. Either way the event log keeps the answer.

A category is chosen by a person in two ways. A member of staff recording a phone call
decides it: the ticket is triaged to it whatever the router says, and a choice that differs
from the router's is kept as a routing correction. A citizen's choice (web form, Open311) is
a hint: it classifies the ticket only when the router is unsure, and it is always recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.notify import acknowledge, notify_citizen
from core.inbound import InboundMessage
from core.intake.duplicates import suggest_duplicates
from core.intake.incident_followers import follow_incident
from core.intake.incidents import Placement, place_ticket
from core.intake.nearby import citizen_suggestion, join_same_problem, same_problem
from core.models import Priority, RoutingCorrection, Status, Ticket
from core.routing.types import Classification
from core.tickets import record_event
from core.workflow.transitions import INTAKE, SYSTEM_ACTOR, Actor, transition

# Flags that withhold the usual acknowledgement: mail back to a spammer's forged sender is
# backscatter. A message so flagged still gets the neutral one where that cannot happen or it
# reads like a report (`_neutral_ack_due`), and the usual one when staff take it on
# (core.workflow.transitions), so a wrongly flagged citizen is never left unanswered.
NO_ACK_REASONS = ("spam",)
# InboundMessage.extras key: the member of staff whose choice `category_hint` is
# ({"user_id", "email", "role"}); only core sets it (core.staff.actions.record_phone_call).
CATEGORY_CHOSEN_BY = "category_chosen_by"
MAX_CORRECTION_TEXT = 10_000


@dataclass(frozen=True, slots=True)
class _Choice:
    """The router's answer and who else chose a category: a member of staff (`chooser`, who
    decides), a citizen (`hint`, used only when the router is unsure) or the report the
    citizen said theirs is (`same`, whose category is the citizen's hint)."""

    result: Classification
    hint: str | None
    same: Ticket | None
    chooser: dict[str, Any] | None
    automatic: bool


def route_new_ticket(ctx: Context, session: Session, ticket: Ticket, msg: InboundMessage) -> None:
    """Classify, record, triage when confident, suggest duplicates, join a mass incident,
    acknowledge the citizen (except a phone caller, who hears the reference from the agent)."""
    choice = _classify(ctx, session, ticket, msg)
    _record_routing(ctx, session, ticket, choice)
    _settle_category(ctx, session, ticket, msg, choice)
    placement = _place(ctx, session, ticket, choice.same)
    _answer_citizen(ctx, session, ticket, choice.result, placement)
    if placement is not None and not placement.opened:  # after the acknowledgement
        follow_incident(ctx, session, ticket)


def _classify(ctx: Context, session: Session, ticket: Ticket, msg: InboundMessage) -> _Choice:
    """The router's answer on the ticket, and its category by who decides: staff, then a
    confident router, then the citizen's hint."""
    result = ctx.router.classify(_routing_text(msg))
    ticket.confidence = result.confidence
    ticket.not_for_us = result.not_for_us
    if result.urgent:
        ticket.urgent, ticket.priority = True, Priority.URGENT
    hint = msg.category_hint if msg.category_hint and _known(ctx, msg.category_hint) else None
    # "This is my problem too": the named report's category is the citizen's choice of one.
    same = same_problem(ctx, session, ticket, msg.thread.same_problem, hint)
    hint = hint or (same.category if same is not None else None)
    chooser = _staff_chooser(msg) if hint else None
    confident = result.category and result.confidence >= ctx.settings.route_threshold
    automatic = bool(confident and not result.not_for_us)
    if chooser is not None:
        assert hint is not None
        set_category(ctx, ticket, hint)
        ticket.not_for_us = None  # staff took the case on: not spam, not someone else's
    elif automatic:
        set_category(ctx, ticket, str(result.category))
    elif hint:
        set_category(ctx, ticket, hint)
    return _Choice(result, hint, same, chooser, automatic)


def _record_routing(ctx: Context, session: Session, ticket: Ticket, choice: _Choice) -> None:
    """The routing record (the answer and the duplicate suggestions) on the ticket and in its
    history; the report the citizen named comes first among the suggestions."""
    # A new ticket is written once, routed and moved (one INSERT, not an INSERT and two
    # UPDATEs): it is not flushed for the duplicate look-up, which cannot find it unwritten.
    with session.no_autoflush:
        duplicates = suggest_duplicates(session, ticket)
    same = choice.same
    record = routing_record(choice.result)
    record["duplicates"] = [
        {"reference": s.reference, "reason": s.reason, "score": s.score}
        for s in duplicates
        if same is None or s.reference != same.reference
    ]
    if same is not None:
        record["duplicates"].insert(0, citizen_suggestion(ticket, same))
    ticket.routing = record
    record_event(session, ticket, "routed", at=ctx.now(), **record)


def _settle_category(
    ctx: Context, session: Session, ticket: Ticket, msg: InboundMessage, choice: _Choice
) -> None:
    """Staff's choice is applied (and kept as a correction), a confident router's triages, and
    a citizen's hint is recorded whether or not it classified the ticket."""
    if choice.chooser is not None:
        assert choice.hint is not None
        session.flush()  # the correction names the ticket by id
        _apply_staff_choice(ctx, session, ticket, msg, choice.result, choice.hint, choice.chooser)
    elif choice.automatic:
        transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR, notify=False)
    if choice.hint and choice.chooser is None:
        record_event(
            session,
            ticket,
            "citizen_category",
            at=ctx.now(),
            category=choice.hint,
            applied=not choice.automatic,  # the router was unsure: the hint classified it
            suggested=choice.result.category,
        )


def _place(ctx: Context, session: Session, ticket: Ticket, same: Ticket | None) -> Placement | None:
    """With the report the citizen named, else in a mass incident nearby; a report flagged
    not-for-us joins nothing."""
    if same is not None or (ticket.lat is not None and ticket.lon is not None):
        session.flush()  # placing it looks for reports other than itself, by id
    placement = None
    if same is not None and not ticket.not_for_us:
        placement = join_same_problem(ctx, session, ticket, same)
    if placement is None and not ticket.not_for_us:
        placement = place_ticket(ctx, session, ticket)
    return placement


def _answer_citizen(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    result: Classification,
    placement: Placement | None,
) -> None:
    """The acknowledgement, or the neutral one for a flagged message that may be a citizen's;
    a caller hears the reference from the agent (the channel's `acknowledged_in_person`)."""
    if ctx.channels.of(ticket.channel).acknowledged_in_person:
        return
    if ticket.not_for_us not in NO_ACK_REASONS:
        _acknowledge(ctx, session, ticket, placement)
    elif _neutral_ack_due(ctx, ticket, result):
        notify_citizen(
            ctx,
            session,
            ticket,
            "ack_neutral",
            sender_only=True,
            status_url=ctx.status_url(ticket.reference, ticket.secret),
        )


def _acknowledge(
    ctx: Context, session: Session, ticket: Ticket, placement: Placement | None
) -> None:
    """The acknowledgement: the problem is known (with how many reported it), or where the
    report goes."""
    if placement is not None:  # the problem is known: say so, with how many reported it
        notify_citizen(
            ctx,
            session,
            ticket,
            "ack_incident",
            status_url=ctx.status_url(ticket.reference, ticket.secret),
            reports=placement.reports,
        )
    else:
        acknowledge(ctx, session, ticket)


def _neutral_ack_due(ctx: Context, ticket: Ticket, result: Classification) -> bool:
    """Whether a message flagged as spam still gets the neutral acknowledgement ("received;
    a member of staff will read it"), weighing backscatter against silencing a citizen.

    About 1 in 300 genuine reports is flagged on the blind sets, and silence leaves that
    citizen unanswered until staff forward the ticket. Where the reply can reach only the
    sender (a chat, the report's own page: `replies_only_to_sender`) answering is no
    backscatter, so it always goes. An email sender can be forged, so there it goes only
    when the screening saw a place or a problem in the text (`names_place_or_problem`): a
    report's words, rarely an advert's.

    A channel whose replies neither reach only the sender nor are pushed to them (Open311:
    the client reads no messages, and a copy would go only to an address someone typed,
    which the neutral acknowledgement never goes to) gets none: it would reach nobody, and
    would still count as the acknowledgement, holding back the usual one staff's
    registration sends (core.workflow.transitions).
    """
    capabilities = ctx.channels.of(ticket.channel)
    if capabilities.replies_only_to_sender:
        return True
    return capabilities.push and bool(result.names_place_or_problem)


def _staff_chooser(msg: InboundMessage) -> dict[str, Any] | None:
    chooser = msg.extras.get(CATEGORY_CHOSEN_BY)
    if isinstance(chooser, dict) and chooser.get("email") and chooser.get("role"):
        return chooser
    return None


def _apply_staff_choice(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    msg: InboundMessage,
    result: Classification,
    category: str,
    chooser: dict[str, Any],
) -> None:
    """The staff member's category wins: record it, learn from it, triage in their name."""
    email, user_id, role = str(chooser["email"]), chooser.get("user_id"), str(chooser["role"])
    user_id = user_id if isinstance(user_id, int) else None
    now = ctx.now()
    record_event(
        session,
        ticket,
        "staff_category",
        actor=email,
        actor_id=user_id,
        at=now,
        category=category,
        suggested=result.category,
        confidence=round(float(result.confidence), 4),
    )
    if result.category != category:  # the router would have got it wrong: teach it
        session.add(
            RoutingCorrection(
                ticket_id=ticket.id,
                text=(_routing_text(msg) or ticket.reference)[:MAX_CORRECTION_TEXT],
                predicted=result.category,
                category=category,
                user_id=user_id,
                created_at=now,
            )
        )
    actor = Actor(name=email, role=role, user_id=user_id) if role in INTAKE else SYSTEM_ACTOR
    transition(ctx, session, ticket, Status.TRIAGED, actor, notify=False)


def _routing_text(msg: InboundMessage) -> str:
    parts = [msg.subject or "", msg.text or ""]
    return "\n".join(p for p in parts if p).strip()


def _known(ctx: Context, category: str) -> bool:
    try:
        ctx.taxonomy.category(category)
    except KeyError:
        return False
    return True


def set_category(ctx: Context, ticket: Ticket, category: str) -> None:
    """Set category and the directorate that owns it (raises KeyError when unknown)."""
    ticket.directorate = ctx.taxonomy.category(category).directorate
    ticket.category = category


def routing_record(result: Classification) -> dict[str, Any]:
    """The router's answer as stored on the ticket and in the event log."""
    return {
        "category": result.category,
        "directorate": result.directorate,
        "confidence": round(float(result.confidence), 4),
        "urgent": result.urgent,
        "alternatives": [[c, round(float(p), 4)] for c, p in result.alternatives],
        "not_for_us": result.not_for_us,
        "model_version": result.model_version,
    }
