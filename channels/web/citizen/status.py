"""What the status page shows, worked out from a ticket: plain words, dates, the conversation.

Internal notes never appear here; only the citizen's messages and what we sent them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from channels.web.citizen.texts import text
from channels.web.dates import long_date
from core.context import Context
from core.language.texts import status_label
from core.models import Direction, Status, Ticket
from core.workflow.ratings import can_rate

INLINE_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})
STEPS = ("new", "triaged", "assigned", "resolved", "closed")


@dataclass(frozen=True)
class FileView:
    id: int
    filename: str
    is_image: bool


@dataclass(frozen=True)
class MessageView:
    mine: bool
    text: str
    when: str
    files: tuple[FileView, ...] = ()
    # the place a message with no words and no file carried (`channels.web.places`)
    place: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class StatusView:
    reference: str
    status: str
    status_text: str
    submitted: str
    category: str | None
    directorate: str | None
    address: str | None
    expected_label: str
    expected: str | None
    closed: bool
    can_rate: bool
    satisfaction: int | None
    messages: list[MessageView] = field(default_factory=list)


def build(
    ctx: Context, ticket: Ticket, lang: str, places: Mapping[int, Mapping[str, Any]] | None = None
) -> StatusView:
    """The page's content for `ticket` in `lang`; `places`, message id -> the place a
    citizen's message of no words and no file carried, shows it rather than an empty
    bubble (an Open311 request with no description, a location sent on its own)."""
    places = places or {}
    label_key, expected = expected_date(ctx, ticket, lang)
    return StatusView(
        reference=ticket.reference,
        status=str(ticket.status),
        status_text=status_label(ticket.status, lang),
        submitted=format_date(ticket.created_at, lang, ctx.zone, with_time=True),
        category=_name(ctx, ticket.category, lang),
        directorate=_name(ctx, ticket.directorate, lang),
        address=ticket.address,
        expected_label=text(label_key, lang),
        expected=expected,
        closed=ticket.status == Status.CLOSED,
        can_rate=can_rate(ticket),
        satisfaction=ticket.satisfaction,
        messages=[
            MessageView(
                mine=m.direction == Direction.IN,
                text=m.text,
                when=format_date(m.created_at, lang, ctx.zone, with_time=True),
                files=tuple(
                    FileView(a.id, a.filename, a.content_type in INLINE_IMAGE_TYPES)
                    for a in m.attachments
                ),
                place=places.get(m.id),
            )
            for m in ticket.messages
            if m.direction in (Direction.IN, Direction.OUT)
        ],
    )


def expected_date(ctx: Context, ticket: Ticket, lang: str) -> tuple[str, str | None]:
    """(label key, date): the SLA due date, an estimate before assignment, or when it ended."""
    if ticket.status == Status.CLOSED and ticket.closed_at:
        return "closed_on", format_date(ticket.closed_at, lang, ctx.zone)
    if ticket.status == Status.RESOLVED and ticket.resolved_at:
        return "resolved_on", format_date(ticket.resolved_at, lang, ctx.zone)
    if ticket.status in (Status.DUPLICATE, Status.REJECTED):
        return "expected_by", None
    if ticket.due_at:
        due = format_date(ticket.due_at, lang, ctx.zone)
        # A date gone by is not "expected" any more: say it is late and being followed up
        # (the sla job escalates it). A wait on the citizen moves the date when it ends.
        if ticket.status != Status.AWAITING_CITIZEN and ticket.due_at < ctx.now():
            return "expected_by", text("expected_overdue", lang, date=due)
        return "expected_by", due
    hours = _sla_hours(ctx, ticket)
    if hours is None:
        return "expected_by", text("expected_unknown", lang)
    estimate = ctx.due(ctx.now(), hours, ticket.directorate, bool(ticket.urgent))
    return "expected_by", text(
        "expected_estimate", lang, date=format_date(estimate, lang, ctx.zone)
    )


def _sla_hours(ctx: Context, ticket: Ticket) -> float | None:
    if ticket.urgent:
        return float(ctx.taxonomy.urgent_sla_hours)
    if not ticket.category:
        return None
    try:
        return float(ctx.taxonomy.category(ticket.category).sla_hours)
    except KeyError:
        return None


def format_date(when: datetime, lang: str, zone: tzinfo, *, with_time: bool = False) -> str:
    """'12 مايو 2025' / '12 May 2025' by the centre's clock (`zone`, Context.zone, as the
    inbox's times), optionally with the time of day."""
    return long_date(when.astimezone(zone), lang, with_time=with_time)


def _name(ctx: Context, code: str | None, lang: str) -> str | None:
    if not code:
        return None
    try:
        return ctx.taxonomy.name(code, lang)
    except KeyError:
        return code
