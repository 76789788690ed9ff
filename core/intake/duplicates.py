"""Possible duplicates, suggested to staff and never merged on their own.

An open ticket of the last 7 days in the same category (or, like the new one, not yet
classified) within 250 m (when both have a location) or with near-identical text is a
candidate. Staff decide; linking a duplicate
is a workflow transition (core.workflow.transitions) that tells its citizen the original's reference.

The cost per new ticket does not grow with the number of tickets: candidates come from two
index lookups, each capped at CANDIDATE_LIMIT (the same category in the grid cells around
the ticket, `ix_ticket_category_cell_created`; the same category in the time window,
`ix_ticket_category_created`), and texts are compared from the trigram counts stored on
each ticket (`Ticket.text_features`), so no candidate's messages are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from core.geogrid import neighbour_cells
from core.models import OPEN_STATUSES, Ticket
from core.routing.similarity import feature_similarity, haversine_m

RADIUS_M = 250.0
TEXT_WINDOW = timedelta(days=7)
TEXT_THRESHOLD = 0.85
MAX_SUGGESTIONS = 5
CANDIDATE_LIMIT = 200


@dataclass(frozen=True)
class Suggestion:
    reference: str
    reason: str  # "distance" or "text"
    score: float  # metres for distance, similarity for text


def _candidates(ticket: Ticket) -> Select[Any]:
    """Open tickets of the same category (or both unclassified) in the window, newest first."""
    same = Ticket.category == ticket.category if ticket.category else Ticket.category.is_(None)
    return (
        select(Ticket.reference, Ticket.lat, Ticket.lon, Ticket.text_features)
        .where(
            same,
            Ticket.created_at >= ticket.created_at - TEXT_WINDOW,
            Ticket.id != ticket.id,
            Ticket.status.in_([str(s) for s in OPEN_STATUSES]),
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    )


def suggest_duplicates(session: Session, ticket: Ticket) -> list[Suggestion]:
    """Open tickets that may report the same problem, best first (at most two queries)."""
    found: dict[str, Suggestion] = {}
    if ticket.category and ticket.lat is not None and ticket.lon is not None:
        nearby = _candidates(ticket).where(
            Ticket.geo_cell.in_(neighbour_cells(ticket.lat, ticket.lon))
        )
        for reference, lat, lon, _features in session.execute(nearby):
            metres = haversine_m(ticket.lat, ticket.lon, lat, lon)
            if metres <= RADIUS_M:
                found[reference] = Suggestion(reference, "distance", round(metres, 1))
    if ticket.text_features:
        for reference, _lat, _lon, features in session.execute(_candidates(ticket)):
            if reference in found or not features:
                continue
            similarity = feature_similarity(ticket.text_features, features)
            if similarity >= TEXT_THRESHOLD:
                found[reference] = Suggestion(reference, "text", round(similarity, 3))
    ranked = sorted(
        found.values(),
        key=lambda s: (s.reason != "distance", s.score if s.reason == "distance" else -s.score),
    )
    return ranked[:MAX_SUGGESTIONS]
