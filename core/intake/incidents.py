"""Mass incidents: many citizens' reports of one problem in one place become one incident.

A new report whose category matches an open incident, within `BALAGH_INCIDENT_DISTANCE_M` of
its centre and `BALAGH_INCIDENT_WINDOW_HOURS` of its latest report, joins it; the third
matching report (MIN_REPORTS) opens an incident that takes in the earlier ones. A report
without coordinates cannot be placed on the map: when its address names an open incident's
area (same category), the incident is only suggested, for staff to confirm. Every change of
membership is an Event on the ticket and an IncidentUpdate on the incident.

What staff do to an incident (one answer for all) is in `core.staff.incident_actions`.
"""

from __future__ import annotations

import math
import re
from collections import Counter as Tally
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.notify import notify_citizen
from core.geogrid import cells_within
from core.intake.incident_followers import follow_incident
from core.language.normalize import normalize_arabic, strip_article
from core.models import (
    OPEN_STATUSES,
    Incident,
    IncidentStatus,
    IncidentUpdate,
    Ticket,
    ticket_is_open,
)
from core.routing.similarity import haversine_m
from core.tickets import bump_counter, record_event

OPEN = [str(s) for s in OPEN_STATUSES]
METRES_PER_DEGREE = 111_320.0  # of latitude; of longitude times cos(latitude)
MIN_REPORTS = 3  # the report that makes this many matching ones opens an incident
CANDIDATE_LIMIT = 200
MIN_AREA_WORD = 3  # shorter words ("al", "st", "ال") do not name a place
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Placement:
    """Where automatic placement put a new report: the incident and how many reports it has."""

    incident_id: int
    reports: int
    opened: bool


def place_ticket(ctx: Context, session: Session, ticket: Ticket) -> Placement | None:
    """Join a matching open incident, or open one with the earlier matching reports.

    A report without coordinates is never placed automatically; at most an incident whose
    area its address names is suggested (`ticket.incident_suggested_id`).
    """
    if not ticket.category or ticket.incident_id is not None:
        return None
    if ticket.lat is None or ticket.lon is None:
        suggest_by_area(ctx, session, ticket)
        return None
    _serialise(session, ticket.category)
    incident = matching_incident(ctx, session, ticket)
    if incident is not None:
        link(ctx, session, incident, ticket, how="auto")
        return Placement(incident.id, len(incident.tickets), opened=False)
    name_closed_incident(ctx, session, ticket)
    earlier = matching_reports(ctx, session, ticket)
    if len(earlier) + 1 < MIN_REPORTS:
        return None
    incident = open_incident(ctx, session, [*earlier, ticket], opened_by="system", how="auto")
    return Placement(incident.id, len(incident.tickets), opened=True)


def place_later(ctx: Context, session: Session, ticket: Ticket) -> Placement | None:
    """A report whose place or category came after it: place it now.

    Telegram's shared location follows the text; an intake agent classifies a report the
    router was unsure of. Its acknowledgement has gone already, so when it joins an incident
    the citizen is told that the problem is known, with the number of reports.
    """
    if ticket.incident_id is not None or ticket.status not in OPEN or ticket.not_for_us:
        return None
    placement = place_ticket(ctx, session, ticket)
    if placement is not None and not ctx.channels.of(ticket.channel).acknowledged_in_person:
        notify_citizen(ctx, session, ticket, "incident_joined", reports=placement.reports)
    if placement is not None and not placement.opened:
        follow_incident(ctx, session, ticket)
    return placement


def _serialise(session: Session, category: str) -> None:
    """Take a row lock per category, so two reports processed at once open one incident."""
    bump_counter(session, f"incident:{category}"[:40])


def _window(ctx: Context) -> timedelta:
    return timedelta(hours=ctx.settings.incident_window_hours)


def _near(lat_column: Any, lon_column: Any, ticket: Ticket, metres: float) -> list[Any]:
    """A bounding box around the ticket as WHERE clauses, so the database (its indexes) and
    not Python narrows a storm day's thousands of open reports to the few nearby."""
    assert ticket.lat is not None and ticket.lon is not None
    dlat = metres / METRES_PER_DEGREE
    dlon = metres / (METRES_PER_DEGREE * max(math.cos(math.radians(ticket.lat)), 0.01))
    return [
        lat_column.between(ticket.lat - dlat, ticket.lat + dlat),
        lon_column.between(ticket.lon - dlon, ticket.lon + dlon),
    ]


def _distance(ticket: Ticket, lat: float | None, lon: float | None) -> float | None:
    if None in (ticket.lat, ticket.lon, lat, lon):
        return None
    return haversine_m(ticket.lat, ticket.lon, lat, lon)  # type: ignore[arg-type]


def matching_incident(ctx: Context, session: Session, ticket: Ticket) -> Incident | None:
    """The nearest open incident of the ticket's category, in distance and time."""
    since = ticket.created_at - _window(ctx)
    candidates = session.execute(
        select(Incident).where(
            Incident.status == IncidentStatus.OPEN,
            Incident.category == ticket.category,
            Incident.last_report_at >= since,
            *_near(Incident.lat, Incident.lon, ticket, ctx.settings.incident_distance_m),
        )
    ).scalars()
    return _nearest(ctx, ticket, candidates)


def _nearest(ctx: Context, ticket: Ticket, candidates: Iterable[Incident]) -> Incident | None:
    """The incident nearest the ticket within the distance, if any."""
    limit = ctx.settings.incident_distance_m
    located = ((_distance(ticket, i.lat, i.lon), i) for i in candidates)
    near = [(metres, i) for metres, i in located if metres is not None and metres <= limit]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def name_closed_incident(ctx: Context, session: Session, ticket: Ticket) -> Incident | None:
    """A report of an incident's problem, at its place, after the incident was closed (within
    the time window of its closing) does not join it: the incident's citizens were told it was
    solved, so the report says it is not, or is back. It is a new case for the dispatcher
    (its citizen acknowledged as any, never sent the old answer), and both sides name the other:
    an `incident_closed_nearby` event on the ticket, `reported_again` on the incident."""
    since = ticket.created_at - _window(ctx)
    candidates = session.execute(
        select(Incident).where(  # through ix_incident_category_closed
            Incident.category == ticket.category,
            Incident.closed_at >= since,
            *_near(Incident.lat, Incident.lon, ticket, ctx.settings.incident_distance_m),
        )
    ).scalars()
    incident = _nearest(ctx, ticket, candidates)
    if incident is None:
        return None
    now = ctx.now()
    record_event(
        session,
        ticket,
        "incident_closed_nearby",
        at=now,
        incident=incident.id,
        closed_at=incident.closed_at.isoformat() if incident.closed_at else None,
    )
    record_update(
        session, incident, "reported_again", "system", None, now, reference=ticket.reference
    )
    return incident


def matching_reports(ctx: Context, session: Session, ticket: Ticket) -> list[Ticket]:
    """Earlier open reports of the same category nearby and recent, in no incident yet."""
    since = ticket.created_at - _window(ctx)
    limit = ctx.settings.incident_distance_m
    # Through the (category, grid cell, created) index: cost does not grow with the city's
    # open reports, only with those nearby.
    rows = session.execute(
        select(Ticket)
        .where(
            Ticket.id != ticket.id,
            Ticket.category == ticket.category,
            Ticket.incident_id.is_(None),
            ticket_is_open(),
            Ticket.created_at >= since,
            Ticket.geo_cell.in_(cells_within(ticket.lat, ticket.lon, limit)),  # type: ignore[arg-type]
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    ).scalars()
    distances = ((t, _distance(ticket, t.lat, t.lon)) for t in rows)
    near = [t for t, metres in distances if metres is not None and metres <= limit]  # 0 m too
    return sorted(near, key=lambda t: t.id)


def open_incident(
    ctx: Context,
    session: Session,
    tickets: list[Ticket],
    *,
    opened_by: str,
    actor_id: int | None = None,
    how: str,
) -> Incident:
    """A new open incident of the first report's category, taking in all these reports."""
    first = tickets[0]
    assert first.category is not None
    now = ctx.now()
    incident = Incident(
        category=first.category,
        directorate=first.directorate,
        status=IncidentStatus.OPEN,
        opened_by=opened_by,
        created_at=now,
        updated_at=now,
        last_report_at=first.created_at,
    )
    session.add(incident)
    session.flush()
    record_update(session, incident, "opened", opened_by, actor_id, now, how=how)
    link_all(ctx, session, incident, tickets, how=how, actor=opened_by, actor_id=actor_id)
    return incident


def link(
    ctx: Context,
    session: Session,
    incident: Incident,
    ticket: Ticket,
    *,
    how: str,
    actor: str = "system",
    actor_id: int | None = None,
) -> None:
    """Make the report part of the incident, recorded on both."""
    link_all(ctx, session, incident, [ticket], how=how, actor=actor, actor_id=actor_id)


def link_all(
    ctx: Context,
    session: Session,
    incident: Incident,
    tickets: list[Ticket],
    *,
    how: str,
    actor: str = "system",
    actor_id: int | None = None,
) -> None:
    """Make these reports part of the incident at once (its place computed once)."""
    now = ctx.now()
    for ticket in tickets:
        ticket.incident = incident
        ticket.incident_id = incident.id
        ticket.incident_suggested_id = None
    session.flush()
    session.refresh(incident, ["tickets"])
    _recompute_place(incident)
    incident.last_report_at = max([incident.last_report_at, *(t.created_at for t in tickets)])
    incident.updated_at = now
    reports = len(incident.tickets)
    for ticket in tickets:
        record_event(
            session,
            ticket,
            "incident_joined",
            actor=actor,
            actor_id=actor_id,
            at=now,
            incident=incident.id,
            how=how,
            reports=reports,
        )
        record_update(
            session, incident, "joined", actor, actor_id, now, reference=ticket.reference, how=how
        )


def unlink(
    ctx: Context, session: Session, ticket: Ticket, *, actor: str, actor_id: int | None
) -> Incident | None:
    """Take the report out of its incident (staff's decision), recorded on both."""
    incident = ticket.incident
    if incident is None:
        return None
    now = ctx.now()
    ticket.incident = None
    ticket.incident_id = None
    session.flush()
    session.refresh(incident, ["tickets"])
    _recompute_place(incident)
    incident.updated_at = now
    record_event(
        session,
        ticket,
        "incident_left",
        actor=actor,
        actor_id=actor_id,
        at=now,
        incident=incident.id,
    )
    record_update(session, incident, "left", actor, actor_id, now, reference=ticket.reference)
    return incident


def _recompute_place(incident: Incident) -> None:
    """Centre of the reports' coordinates; area: the address its reports name most often."""
    located = [t for t in incident.tickets if t.lat is not None and t.lon is not None]
    if located:
        incident.lat = sum(t.lat for t in located) / len(located)  # type: ignore[misc]
        incident.lon = sum(t.lon for t in located) / len(located)  # type: ignore[misc]
    else:
        incident.lat = incident.lon = None
    addresses = Tally(
        (t.address or "").strip() for t in incident.tickets if (t.address or "").strip()
    )
    if addresses:
        incident.area = addresses.most_common(1)[0][0][:300]
        incident.area_key = area_key(incident.area)


def area_key(address: str | None) -> str | None:
    """The words of an address that name a place, normalised (Arabic variants folded)."""
    if not address:
        return None
    words = [strip_article(w) for w in WORD_RE.findall(normalize_arabic(address))]
    kept = [w for w in words if len(w) >= MIN_AREA_WORD and not w.isdigit()]
    return " ".join(kept)[:300] or None


def names_area(address: str | None, key: str | None) -> bool:
    """Whether an address names the area: every word of the shorter is in the longer."""
    mine = set((area_key(address) or "").split())
    theirs = set((key or "").split())
    if not mine or not theirs:
        return False
    shorter, longer = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
    return shorter <= longer


def suggest_by_area(ctx: Context, session: Session, ticket: Ticket) -> Incident | None:
    """For a report without coordinates: the open incident its address names, as a suggestion."""
    if not ticket.category or not ticket.address:
        return None
    since = ticket.created_at - _window(ctx)
    candidates = session.execute(
        select(Incident)
        .where(
            Incident.status == IncidentStatus.OPEN,
            Incident.category == ticket.category,
            Incident.last_report_at >= since,
            Incident.area_key.is_not(None),
        )
        .order_by(Incident.last_report_at.desc())
    ).scalars()
    for incident in candidates:
        if names_area(ticket.address, incident.area_key):
            ticket.incident_suggested_id = incident.id
            record_event(
                session,
                ticket,
                "incident_suggested",
                at=ctx.now(),
                incident=incident.id,
                area=incident.area,
            )
            return incident
    return None


def record_update(
    session: Session,
    incident: Incident,
    kind: str,
    actor: str,
    actor_id: int | None,
    at: datetime,
    text: str | None = None,
    **data: object,
) -> IncidentUpdate:
    """One entry in the incident's shared history (the incident page's conversation)."""
    update_row = IncidentUpdate(
        incident=incident,
        kind=kind,
        text=text,
        actor=actor,
        actor_id=actor_id,
        data=dict(data),
        created_at=at,
    )
    session.add(update_row)
    return update_row


def incident_figures(
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    directorate: str | None = None,
) -> dict[str, int]:
    """Incidents opened in [since, until) and the reports in them (for `core.insights.stats`)."""
    where = []
    if since is not None:
        where.append(Incident.created_at >= since)
    if until is not None:
        where.append(Incident.created_at < until)
    if directorate is not None:
        where.append(Incident.directorate == directorate)
    opened = session.execute(
        select(Incident.status, func.count(Incident.id)).where(*where).group_by(Incident.status)
    ).all()
    by_status = {str(status): int(n) for status, n in opened}
    reports = session.execute(
        select(func.count(Ticket.id))
        .join(Incident, Incident.id == Ticket.incident_id)
        .where(*where)
    ).scalar_one()
    return {
        "incidents": sum(by_status.values()),
        "open": by_status.get(IncidentStatus.OPEN, 0),
        "closed": by_status.get(IncidentStatus.CLOSED, 0),
        "tickets": int(reports),
    }


def status_note(incident: Incident) -> str | None:
    """The incident's latest status-change note (published with its reports, e.g. Open311)."""
    notes = [u.text for u in incident.updates if u.kind == "transition" and u.text]
    return notes[-1] if notes else None
