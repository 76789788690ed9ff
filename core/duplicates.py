"""Possible duplicates, suggested to staff and never merged on their own.

An open ticket in the same category within 250 m (when both have a location), or one with
near-identical text in the last 7 days, is a candidate. Staff decide; linking a duplicate
is a workflow transition (core.workflow) that tells its citizen the original's reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import OPEN_STATUSES, Direction, Message, Ticket
from core.routing.similarity import haversine_m, text_similarity

RADIUS_M = 250.0
TEXT_WINDOW = timedelta(days=7)
TEXT_THRESHOLD = 0.85
MAX_SUGGESTIONS = 5
CANDIDATE_LIMIT = 500


@dataclass(frozen=True)
class Suggestion:
    reference: str
    reason: str  # "distance" or "text"
    score: float  # metres for distance, similarity for text


def first_text(session: Session, ticket: Ticket) -> str:
    """The citizen's first message on a ticket: what duplicates are compared on."""
    text = session.execute(
        select(Message.text)
        .where(Message.ticket_id == ticket.id, Message.direction == Direction.IN)
        .order_by(Message.id)
        .limit(1)
    ).scalar_one_or_none()
    return text or ""


def suggest_duplicates(session: Session, ticket: Ticket) -> list[Suggestion]:
    """Open tickets that may report the same problem, best first."""
    since = ticket.created_at - TEXT_WINDOW
    candidates = session.execute(
        select(Ticket)
        .where(
            Ticket.id != ticket.id,
            Ticket.status.in_([str(s) for s in OPEN_STATUSES]),
            Ticket.created_at >= since,
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    ).scalars()
    text = first_text(session, ticket)
    found: list[Suggestion] = []
    for other in candidates:
        suggestion = _compare(session, ticket, text, other)
        if suggestion is not None:
            found.append(suggestion)
    found.sort(
        key=lambda s: (s.reason != "distance", s.score if s.reason == "distance" else -s.score)
    )
    return found[:MAX_SUGGESTIONS]


def _compare(session: Session, ticket: Ticket, text: str, other: Ticket) -> Suggestion | None:
    located = None not in (ticket.lat, ticket.lon, other.lat, other.lon)
    if located and ticket.category and ticket.category == other.category:
        metres = haversine_m(ticket.lat, ticket.lon, other.lat, other.lon)  # type: ignore[arg-type]
        if metres <= RADIUS_M:
            return Suggestion(other.reference, "distance", round(metres, 1))
    if text:
        similarity = text_similarity(text, first_text(session, other))
        if similarity >= TEXT_THRESHOLD:
            return Suggestion(other.reference, "text", round(similarity, 3))
    return None
