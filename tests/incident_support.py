"""Helpers for the mass-incident tests: reports at places around one Muscat street."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from itertools import count

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage, Location, ThreadHints
from core.intake.ingest import ingest
from core.models import Incident, IncidentStatus, OutboxItem, Ticket

FLOOD = "stormwater_flooding"
# Al Khuwair, Muscat: the flooded street every report is about.
BASE_LAT, BASE_LON = 23.5880, 58.3829
_ids = count(1)


def offset(north_m: float, east_m: float) -> tuple[float, float]:
    """The point this many metres north and east of the base point."""
    lat = BASE_LAT + north_m / 111_320.0
    lon = BASE_LON + east_m / (111_320.0 * math.cos(math.radians(BASE_LAT)))
    return lat, lon


def report(
    ctx: Context,
    north_m: float | None = 0.0,
    east_m: float = 0.0,
    *,
    category: str = FLOOD,
    language: str = "ar",
    sender: str | None = None,
    channel: str = "telegram",
    address: str | None = None,
    text: str | None = None,
) -> str:
    """A new citizen report (category chosen by the citizen), at a place; its reference."""
    n = next(_ids)
    location = None
    if north_m is not None:
        lat, lon = offset(north_m, east_m)
        location = Location(lat, lon, address)
    elif address:
        location = Location(None, None, address)
    default = "الشارع غارق بمياه الأمطار" if language == "ar" else "The street is flooded"
    processed = ingest(
        ctx,
        InboundMessage(
            channel=channel,
            sender=sender or (f"c{n}@example.com" if channel == "email" else str(5000 + n)),
            text=text or default,
            external_id=f"incident-test-{n}-{datetime.now(UTC).timestamp()}",
            language_hint=language,
            thread=ThreadHints(new_ticket=True),
            location=location,
            category_hint=category or None,
            received_at=ctx.now(),
        ),
    )
    return processed.reference


def ticket(ctx: Context, reference: str) -> Ticket:
    with ctx.sessions() as session:
        found = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        _ = found.events, found.messages, found.incident
        return found


def incidents(ctx: Context) -> list[Incident]:
    with ctx.sessions() as session:
        rows = list(session.execute(select(Incident).order_by(Incident.id)).scalars())
        for row in rows:
            _ = row.tickets, row.updates
        return rows


def outbox(ctx: Context, kind: str) -> list[OutboxItem]:
    with ctx.sessions() as session:
        return list(
            session.execute(
                select(OutboxItem).where(OutboxItem.kind == kind).order_by(OutboxItem.id)
            ).scalars()
        )


def close_incident(ctx: Context, incident_id: int) -> None:
    """Mark the incident closed, as closing its last open report does (its reports as
    they are: what is under test is what a closed incident allows)."""
    with ctx.sessions() as session, session.begin():
        incident = session.get(Incident, incident_id)
        assert incident is not None
        incident.status, incident.closed_at = IncidentStatus.CLOSED, ctx.now()
