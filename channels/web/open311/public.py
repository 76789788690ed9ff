"""What Open311 publishes: service types from the taxonomy, and public views of tickets.

GeoReport v2 request listings are public and unauthenticated, so a ticket is shown only
through its public facts: reference, open/closed, category, directorate, times, where
(rounded for a private report), and for a published report (submitted through Open311, or
marked public by staff) its status note: its incident's latest note or, once closed, its
answer. A private report's `status_notes` is empty whatever staff wrote on it or on its
incident (GeoReport v2 makes the field optional). Never the secret, the citizen's name,
email or phone. The
description is published only for requests submitted through Open311 itself, whose
submitters used an API whose listings are public by design; the first message of an email,
Telegram, web-form or phone ticket was written privately to the municipality and may carry
names and numbers, so it is not republished here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.intake.incidents import status_note
from core.models import Direction, InboundRecord, Message, Status, Ticket
from core.routing.taxonomy import Category, Taxonomy

CHANNEL = "open311"
CLOSED_STATUSES = (Status.CLOSED, Status.REJECTED, Status.DUPLICATE)
HIDDEN_FLAGS = ("spam",)  # the router's not_for_us reasons left out of public listings
SPEC_URL = "http://wiki.open311.org/GeoReport_v2"


def _hours(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def service(taxonomy: Taxonomy, category: Category, language: str) -> dict[str, Any]:
    """One GeoReport service: a taxonomy category, grouped by its directorate."""
    directorate = taxonomy.name(category.directorate, language)
    name = taxonomy.name(category.code, language)
    hours = _hours(category.sla_hours)
    if language == "ar":
        description = f"{name} ({directorate}). مدة المعالجة المستهدفة: {hours} ساعة."
    else:
        description = f"{name} ({directorate}). Target time to deal with it: {hours} hours."
    examples = [e for e in category.examples if _is_arabic(e) == (language == "ar")]
    keywords = ", ".join(e.replace(",", " ") for e in (examples or category.examples))
    return {
        "service_code": category.code,
        "service_name": name,
        "description": description,
        "metadata": False,
        "type": "realtime",
        "keywords": keywords,
        "group": directorate,
    }


def services(taxonomy: Taxonomy, language: str) -> list[dict[str, Any]]:
    """Every category of the taxonomy, in file order."""
    return [service(taxonomy, c, language) for c in taxonomy.categories]


def service_notice(taxonomy: Taxonomy, code: str, reference: str, language: str) -> str:
    """What the submitter is told to expect, from the category's SLA."""
    category = taxonomy.category(code)
    name, hours = taxonomy.name(code, language), _hours(category.sla_hours)
    if language == "ar":
        return f"تم استلام البلاغ برقم {reference}. تُعالج بلاغات «{name}» عادةً خلال {hours} ساعة."
    return f"Received as {reference}. {name} reports are usually dealt with within {hours} hours."


def public_status(status: str) -> str:
    """Balagh's workflow collapsed to the spec's two states."""
    return "closed" if status in CLOSED_STATUSES else "open"


def _when(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _submissions(session: Session, tickets: Sequence[Ticket]) -> dict[int, dict[str, Any]]:
    """The Open311 fields each Open311 ticket was submitted with, from its first message."""
    ids = [t.id for t in tickets if t.channel == CHANNEL]
    if not ids:
        return {}
    first = (
        select(func.min(Message.id))
        .where(Message.ticket_id.in_(ids), Message.direction == Direction.IN)
        .group_by(Message.ticket_id)
    )
    rows = session.execute(
        select(Message.ticket_id, InboundRecord.normalized)
        .join(InboundRecord, InboundRecord.id == Message.inbound_record_id)
        .where(Message.id.in_(first), Message.channel == CHANNEL)
    )
    found: dict[int, dict[str, Any]] = {}
    for ticket_id, normalized in rows:
        submitted = (normalized or {}).get("extras", {}).get(CHANNEL)
        if isinstance(submitted, dict):
            found[ticket_id] = submitted
    return found


def service_requests(
    session: Session, taxonomy: Taxonomy, tickets: Sequence[Ticket], language: str
) -> list[dict[str, Any]]:
    """The public view of each ticket, in the spec's field names."""
    submitted = _submissions(session, tickets)
    return [_public(taxonomy, t, submitted.get(t.id, {}), language) for t in tickets]


def _public(
    taxonomy: Taxonomy, ticket: Ticket, submitted: dict[str, Any], language: str
) -> dict[str, Any]:
    status = public_status(ticket.status)
    published = is_published(ticket)
    answer = (ticket.answer or ticket.resolution) if status == "closed" else None
    # Nothing a citizen or staff wrote leaves with a private report, its incident's note too.
    notes = (_incident_note(ticket) or answer) if published else None
    lat, lon = (ticket.lat, ticket.lon) if published else (_blur(ticket.lat), _blur(ticket.lon))
    return {
        "service_request_id": ticket.reference,
        "status": status,
        "status_notes": notes,
        "service_name": _name(taxonomy, ticket.category, language),
        "service_code": ticket.category,
        "description": submitted.get("description") or None,
        "agency_responsible": _name(taxonomy, ticket.directorate, language),
        "service_notice": None,
        "requested_datetime": _when(ticket.created_at),
        "updated_datetime": _when(ticket.updated_at),
        "expected_datetime": _when(ticket.due_at),
        "address": ticket.address if published else None,
        "address_id": submitted.get("address_id") or None,
        "zipcode": None,
        "lat": lat,
        "long": lon,
        "media_url": submitted.get("media_url") or None,
        **_incident_fields(ticket),
    }


# Requests that came privately (Telegram, email, the web form, a call) are published with
# their place rounded to this grid (about 550 m north-south, 500 m east-west in Oman) and
# no address or answer text, unless staff marked the ticket public.
PRIVACY_GRID_DEGREES = 0.005
PUBLIC_CHANNELS = ("open311",)


def is_published(ticket: Ticket) -> bool:
    """Whether the request's exact place and answer text may be shown to anyone."""
    return ticket.channel in PUBLIC_CHANNELS or bool(ticket.public)


def _blur(value: float | None) -> float | None:
    if value is None:
        return None
    return round(round(value / PRIVACY_GRID_DEGREES) * PRIVACY_GRID_DEGREES, 3)


def _incident_note(ticket: Ticket) -> str | None:
    return status_note(ticket.incident) if ticket.incident is not None else None


def _incident_fields(ticket: Ticket) -> dict[str, Any]:
    """A report in a mass incident lists the other reports of the same problem (extension)."""
    incident = ticket.incident
    if incident is None:
        return {}
    linked = [
        t.reference
        for t in incident.tickets
        if t.id != ticket.id and t.not_for_us not in HIDDEN_FLAGS
    ]
    return {"incident_id": incident.id, "linked_requests": linked}


def _name(taxonomy: Taxonomy, code: str | None, language: str) -> str | None:
    if not code:
        return None
    try:
        return taxonomy.name(code, language)
    except KeyError:  # a code from an older taxonomy file
        return code


def split_list(value: str | None) -> list[str]:
    """A comma-delimited parameter as a list of non-empty items."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def find_tickets(
    session: Session,
    *,
    references: Sequence[str] = (),
    codes: Sequence[str] = (),
    statuses: Sequence[str] = (),
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 1000,
) -> list[Ticket]:
    """Tickets for a listing, newest first; by reference alone when references are given.

    A ticket the router flagged (HIDDEN_FLAGS) is kept out of listings, so adverts are not
    published, but is found by its reference: that is the id we answered its POST with, the
    report is stored and waits for an intake agent, and a 404 would say it was dropped.
    """
    query = select(Ticket)
    if references:
        query = query.where(Ticket.reference.in_([r.upper() for r in references]))
    else:
        query = query.where(
            or_(Ticket.not_for_us.is_(None), Ticket.not_for_us.not_in(HIDDEN_FLAGS))
        )
        if codes:
            query = query.where(Ticket.category.in_(codes))
        if statuses and set(statuses) != {"open", "closed"}:
            closed = Ticket.status.in_([str(s) for s in CLOSED_STATUSES])
            query = query.where(closed if statuses[0] == "closed" else ~closed)
        if start is not None:
            query = query.where(Ticket.created_at >= start)
        if end is not None:
            query = query.where(Ticket.created_at <= end)
    query = query.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(limit)
    return list(session.execute(query).scalars())
