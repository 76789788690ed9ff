"""Similar reports nearby: what a citizen placing a report is shown, and their "mine too".

As FixMyStreet does, the report form lists the open reports of the same kind around the
citizen's pin, so they can say "this is my problem too" instead of reporting it afresh. The
list is public (anyone can move a pin), so a report is shown only by its category, a rough
distance, its age and its status: never its text, its reporter, its photos or its place.
The distance is measured from the report's place rounded to ROUGH_GRID_DEGREES (about 100 m),
so moving the pin about cannot trace a private report to its doorstep.

A citizen's choice is only a claim. `same_problem` accepts it when the report they named
would be listed for their own report's place (one rule, `_listed`); `join_same_problem`
then puts the new report in that report's incident, or, when there is none, suggests the
other report to staff as its duplicate (first among the suggestions) on both tickets. The new
report keeps its own reference and acknowledgement either way.

Cost: one lookup through `ix_ticket_category_cell_created` (category, the grid cells around
the pin, the window), capped at CANDIDATE_LIMIT, and one count per listed incident group,
through the index on `ticket.incident_id`; it does not grow with the city's reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.context import Context
from core.geogrid import cells_within
from core.intake.incidents import Placement, link
from core.models import IncidentStatus, Ticket, ticket_is_open
from core.routing.similarity import haversine_m
from core.tickets import record_event

WINDOW = timedelta(days=30)  # an open report older than this is not offered to join
MAX_LISTED = 5
CANDIDATE_LIMIT = 200
ROUGH_GRID_DEGREES = 0.001  # about 110 m north-south, 100 m east-west in Oman
ROUGH_STEP_M = 50  # distances are said in steps of this many metres
CITIZEN = "citizen"


@dataclass(frozen=True)
class NearbyReport:
    """One listed problem: its public facts only (a group of reports in one incident is one)."""

    reference: str  # what the form sends back as the citizen's choice; Open311 lists it too
    category: str
    status: str
    created_at: datetime
    metres: int  # rough distance from the pin, in ROUGH_STEP_M steps
    reports: int  # reports of this problem: its incident's, else 1


def guess_category(ctx: Context, text: str | None) -> str | None:
    """The category the router is confident a description belongs to, else None."""
    if not text or not text.strip():
        return None
    result = ctx.router.classify(text)
    if result.not_for_us or not result.category:
        return None
    return result.category if result.confidence >= ctx.settings.route_threshold else None


def _radius(ctx: Context) -> float:
    """Nearby is as near as a mass incident's reports are to each other."""
    return float(ctx.settings.incident_distance_m)


# What the listing reads of each candidate (not whole tickets: a busy spot has hundreds).
LISTED_COLUMNS = (
    Ticket.id,
    Ticket.reference,
    Ticket.status,
    Ticket.created_at,
    Ticket.lat,
    Ticket.lon,
    Ticket.incident_id,
)


def _open_nearby(ctx: Context, category: str, lat: float, lon: float, *what: Any) -> Select[Any]:
    """Open, unflagged reports of `category` in the grid cells around the point, recent first."""
    return (
        select(*what)
        .where(
            Ticket.category == category,
            Ticket.geo_cell.in_(cells_within(lat, lon, _radius(ctx))),
            Ticket.created_at >= ctx.now() - WINDOW,
            ticket_is_open(),
            Ticket.not_for_us.is_(None),
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    )


def _listed(ctx: Context, ticket: Any, lat: float, lon: float) -> bool:
    """Within the radius of the point (measured exactly; only the rough distance is told)."""
    if ticket.lat is None or ticket.lon is None:
        return False
    return haversine_m(lat, lon, ticket.lat, ticket.lon) <= _radius(ctx)


def rough_metres(lat: float, lon: float, ticket: Any) -> int:
    """The distance from the point to the ticket's rounded place, in ROUGH_STEP_M steps."""
    assert ticket.lat is not None and ticket.lon is not None
    grid = ROUGH_GRID_DEGREES
    rough_lat = round(ticket.lat / grid) * grid
    rough_lon = round(ticket.lon / grid) * grid
    metres = haversine_m(lat, lon, rough_lat, rough_lon)
    return max(ROUGH_STEP_M, int(round(metres / ROUGH_STEP_M)) * ROUGH_STEP_M)


def similar_nearby(
    ctx: Context, session: Session, category: str, lat: float, lon: float
) -> list[NearbyReport]:
    """The open problems of `category` around the point, nearest first, one per incident."""
    query = _open_nearby(ctx, category, lat, lon, *LISTED_COLUMNS)
    found = session.execute(query).all()
    near = sorted((t for t in found if _listed(ctx, t, lat, lon)), key=lambda t: t.created_at)
    groups: dict[object, Any] = {}
    for ticket in near:  # oldest first: an incident is shown by its first report found
        groups.setdefault(ticket.incident_id or ("ticket", ticket.id), ticket)
    counts = _incident_sizes(session, [i for i in groups if isinstance(i, int)])
    listed = [
        NearbyReport(
            reference=t.reference,
            category=category,
            status=str(t.status),
            created_at=t.created_at,
            metres=rough_metres(lat, lon, t),
            reports=counts.get(t.incident_id, 1) if t.incident_id else 1,
        )
        for t in groups.values()
    ]
    listed.sort(key=lambda r: (r.metres, -r.created_at.timestamp()))
    return listed[:MAX_LISTED]


def _incident_sizes(session: Session, incident_ids: list[int]) -> dict[int, int]:
    if not incident_ids:
        return {}
    rows = session.execute(
        select(Ticket.incident_id, func.count(Ticket.id))
        .where(Ticket.incident_id.in_(incident_ids))
        .group_by(Ticket.incident_id)
    )
    return {int(i): int(n) for i, n in rows if i is not None}


def same_problem(
    ctx: Context, session: Session, ticket: Ticket, reference: str | None, chosen: str | None
) -> Ticket | None:
    """The report a citizen said theirs is, when it would be listed for their report's place.

    `chosen` is the category the citizen picked (None: not sure); a choice of another
    category than the named report's is a contradiction, and the claim is set aside.
    """
    if not reference or ticket.lat is None or ticket.lon is None:
        return None
    other = session.execute(
        select(Ticket).where(Ticket.reference == reference.strip().upper())
    ).scalar_one_or_none()
    if other is None or other.id == ticket.id or not other.category:
        return None
    if chosen and chosen != other.category:
        return None
    query = _open_nearby(ctx, other.category, ticket.lat, ticket.lon, Ticket.id)
    query = query.where(Ticket.id == other.id)
    if session.execute(query).scalar_one_or_none() is None:
        return None
    return other if _listed(ctx, other, ticket.lat, ticket.lon) else None


def join_same_problem(
    ctx: Context, session: Session, ticket: Ticket, other: Ticket
) -> Placement | None:
    """Put the new report with the one its citizen named: in its incident, or beside it.

    Joining an incident needs the new report to be of the incident's category (the router may
    have classified it otherwise, confidently); beside it, each ticket names the other.
    """
    incident = other.incident
    if (
        incident is not None
        and incident.status == IncidentStatus.OPEN
        and incident.category == ticket.category
        and ticket.incident_id is None
    ):
        link(ctx, session, incident, ticket, how=CITIZEN)
        return Placement(incident.id, len(incident.tickets), opened=False)
    now = ctx.now()
    record_event(session, ticket, "possibly_related", at=now, reference=other.reference, by=CITIZEN)
    record_event(session, other, "possibly_related", at=now, reference=ticket.reference, by=CITIZEN)
    return None


def citizen_suggestion(ticket: Ticket, other: Ticket) -> dict[str, Any]:
    """The named report as the first duplicate suggestion of the new one (routing record)."""
    assert ticket.lat is not None and ticket.lon is not None
    return {
        "reference": other.reference,
        "reason": CITIZEN,
        "score": round(haversine_m(ticket.lat, ticket.lon, other.lat, other.lon), 1),  # type: ignore[arg-type]
    }
