"""Apply the router's answer to a new ticket: the confidence policy and the acknowledgement.

At or above the threshold the ticket is triaged automatically; below it stays `new` for an
intake agent, who sees the model's suggestions. Either way the event log keeps the answer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from core.context import Context
from core.duplicates import suggest_duplicates
from core.inbound import InboundMessage
from core.models import Priority, Status, Ticket
from core.notify import directorate_name, notify_citizen
from core.routing.types import Classification
from core.tickets import record_event

NO_ACK_REASONS = ("spam",)  # never send mail back to spammers (backscatter)


def route_new_ticket(ctx: Context, session: Session, ticket: Ticket, msg: InboundMessage) -> None:
    """Classify, record, triage when confident, suggest duplicates, acknowledge the citizen."""
    from core.workflow import SYSTEM_ACTOR, transition

    result = ctx.router.classify(_routing_text(msg))
    ticket.confidence = result.confidence
    ticket.not_for_us = result.not_for_us
    if result.urgent:
        ticket.urgent, ticket.priority = True, Priority.URGENT
    hint = msg.category_hint if msg.category_hint and _known(ctx, msg.category_hint) else None
    confident = result.category and result.confidence >= ctx.settings.route_threshold
    if confident and not result.not_for_us:
        set_category(ctx, ticket, str(result.category))
    elif hint:
        set_category(ctx, ticket, hint)
    session.flush()
    record = routing_record(result)
    record["duplicates"] = [
        {"reference": s.reference, "reason": s.reason, "score": s.score}
        for s in suggest_duplicates(session, ticket)
    ]
    ticket.routing = record
    record_event(session, ticket, "routed", at=ctx.now(), **record)
    if confident and not result.not_for_us:
        transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR, notify=False)
    elif hint:
        record_event(session, ticket, "citizen_category", at=ctx.now(), category=hint)
    if result.not_for_us not in NO_ACK_REASONS:
        name = directorate_name(ctx, ticket.directorate, ticket.language)
        notify_citizen(
            ctx,
            session,
            ticket,
            "ack",
            status_url=ctx.status_url(ticket.reference, ticket.secret),
            directorate=name,
        )


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
