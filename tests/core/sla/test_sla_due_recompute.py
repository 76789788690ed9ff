"""The SLA due time follows the ticket: a new category moves it, a reopening starts it afresh.

The clock starts at the first assignment (see core.workflow.transitions); a reclassification recomputes
the due time from that same start with the new category's SLA, and a reopening gives a fresh
due time from the moment of reopening. Every change is in the event log.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from balagh.wiring import build_context
from core.context import Context
from core.followup.tasks import watch_sla
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.models import Event, Status, Ticket
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from tests.conftest import empty_tables, make_settings
from tests.followup_support import (
    DISPATCHER,
    ROADS,
    T0,
    add_staff,
    assigned_ticket,
    at,
    events,
    move,
    new_ticket,
    ticket,
)
from tests.staffkit import make_staff

MUSCAT = ZoneInfo("Asia/Muscat")


def muscat(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=MUSCAT)


@pytest.fixture
def dispatcher(ctx: Context) -> Staff:
    return make_staff(ctx, "dispatcher@mct.om", "dispatcher")


def reclassify(ctx: Context, tid: int, category: str, staff: Staff) -> None:
    with ctx.sessions() as session, session.begin():
        found = session.get(Ticket, tid)
        assert found is not None
        staff_actions.reclassify(ctx, session, staff, found, category)


def due_change(event: Event) -> tuple[datetime | None, datetime | None]:
    change = event.data["due_at"]
    return tuple(  # type: ignore[return-value]
        datetime.fromisoformat(change[k]) if change[k] else None for k in ("from", "to")
    )


def closed_ticket(ctx: Context, category: str = "road_damage") -> int:
    """Assigned at T0, resolved and closed an hour later."""
    tid = assigned_ticket(ctx, category=category, assignee=None)
    at(ctx, T0 + timedelta(hours=1))
    move(ctx, tid, Status.RESOLVED, ROADS, note="Filled the pothole.")
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    return tid


def test_reclassifying_to_a_shorter_sla_brings_the_due_time_forward(
    ctx: Context, dispatcher: Staff
) -> None:
    tid = assigned_ticket(ctx, category="street_lighting", assignee=None)  # 48 h
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=48)
    at(ctx, T0 + timedelta(hours=2))
    reclassify(ctx, tid, "waste_collection", dispatcher)  # 24 h, from the same start
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=24)


def test_reclassification_event_records_the_due_time_change(
    ctx: Context, dispatcher: Staff
) -> None:
    tid = assigned_ticket(ctx, category="street_lighting", assignee=None)
    reclassify(ctx, tid, "waste_collection", dispatcher)
    (event,) = events(ctx, tid, "reclassified")
    assert due_change(event) == (T0 + timedelta(hours=48), T0 + timedelta(hours=24))


def test_reclassifying_to_a_longer_sla_pushes_the_due_time_back(
    ctx: Context, dispatcher: Staff
) -> None:
    tid = assigned_ticket(ctx, category="waste_collection", assignee=None)  # 24 h
    reclassify(ctx, tid, "traffic_signs", dispatcher)  # 120 h
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=120)


def test_ticket_reclassified_before_assignment_is_due_by_the_new_category(
    ctx: Context, dispatcher: Staff
) -> None:
    at(ctx, T0)
    tid = new_ticket(ctx)
    reclassify(ctx, tid, "street_lighting", dispatcher)
    move(ctx, tid, Status.TRIAGED, DISPATCHER)
    reclassify(ctx, tid, "waste_collection", dispatcher)
    assert ticket(ctx, tid).due_at is None  # no clock runs before assignment
    at(ctx, T0 + timedelta(hours=1))
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=25)


def test_reclassifying_an_urgent_ticket_keeps_the_urgent_sla(
    ctx: Context, dispatcher: Staff
) -> None:
    at(ctx, T0)
    tid = new_ticket(ctx)
    with ctx.sessions() as session, session.begin():
        found = session.get(Ticket, tid)
        assert found is not None
        found.urgent = True
    reclassify(ctx, tid, "street_lighting", dispatcher)
    move(ctx, tid, Status.TRIAGED, DISPATCHER)
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    reclassify(ctx, tid, "waste_collection", dispatcher)
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=4)
    assert "due_at" not in events(ctx, tid, "reclassified")[-1].data


def test_reclassifying_a_resolved_ticket_leaves_its_due_time(
    ctx: Context, dispatcher: Staff
) -> None:
    tid = assigned_ticket(ctx, category="street_lighting", assignee=None)
    move(ctx, tid, Status.RESOLVED, ROADS, note="Lamp replaced.")
    reclassify(ctx, tid, "waste_collection", dispatcher)
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=48)


@pytest.fixture
def working_ctx(tmp_path: Path, database_url: str) -> Iterator[Context]:
    """A context with BALAGH_SLA_WORKING_HOURS=true on a clean database."""
    settings = make_settings(tmp_path / "data", database_url, sla_working_hours=True)
    context = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
    empty_tables(context)
    yield context
    context.engine.dispose()


def test_reclassification_counts_working_hours_when_the_calendar_is_on(
    working_ctx: Context,
) -> None:
    staff = make_staff(working_ctx, "dispatcher@mct.om", "dispatcher")
    tid = assigned_ticket(
        working_ctx, when=muscat(2025, 1, 9, 13, 30), category="traffic_signs", assignee=None
    )
    # unsafe_structure (buildings): 12 working hours from Thursday 13:30 -> Monday 11:30.
    reclassify(working_ctx, tid, "unsafe_structure", staff)
    assert ticket(working_ctx, tid).due_at == muscat(2025, 1, 13, 11, 30)


def test_reopened_ticket_gets_a_fresh_due_time_from_the_reopening(ctx: Context) -> None:
    tid = closed_ticket(ctx)  # road_damage: 72 h, first due T0 + 72 h
    reopened = T0 + timedelta(days=10)
    at(ctx, reopened)
    move(ctx, tid, Status.REOPENED, DISPATCHER)
    assert ticket(ctx, tid).due_at == reopened + timedelta(hours=72)


def test_reopening_records_the_due_time_change_in_its_event(ctx: Context) -> None:
    tid = closed_ticket(ctx)
    reopened = T0 + timedelta(days=10)
    at(ctx, reopened)
    move(ctx, tid, Status.REOPENED, DISPATCHER)
    event = events(ctx, tid, "transition")[-1]
    assert event.data["to"] == Status.REOPENED
    assert due_change(event) == (T0 + timedelta(hours=72), reopened + timedelta(hours=72))


def test_late_reopening_by_the_citizen_is_not_overdue_at_once(ctx: Context) -> None:
    tid = closed_ticket(ctx)
    at(ctx, T0 + timedelta(days=5))
    found = ticket(ctx, tid)
    again = ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender="web",
            text="Still broken!",
            external_id="reopen-1",
            thread=ThreadHints(reference=found.reference, secret=found.secret),
        ),
    )
    assert again.ticket_id == tid and ticket(ctx, tid).status == Status.REOPENED
    assert watch_sla(ctx) == "escalated 0, warned 0"


def test_reopened_ticket_is_warned_and_escalated_again_on_its_new_clock(ctx: Context) -> None:
    add_staff(ctx)
    tid = assigned_ticket(ctx, assignee=None)  # road_damage: 72 h
    at(ctx, T0 + timedelta(hours=73))
    assert watch_sla(ctx) == "escalated 1, warned 0"
    move(ctx, tid, Status.RESOLVED, ROADS, note="Filled the pothole.")
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    reopened = T0 + timedelta(hours=100)
    at(ctx, reopened)
    move(ctx, tid, Status.REOPENED, DISPATCHER)
    assert watch_sla(ctx) == "escalated 0, warned 0"
    at(ctx, reopened + timedelta(hours=58))  # 80% of the fresh 72 h
    assert watch_sla(ctx) == "escalated 0, warned 1"
    at(ctx, reopened + timedelta(hours=73))
    assert watch_sla(ctx) == "escalated 1, warned 0"


def test_reclassifying_a_reopened_ticket_counts_from_the_reopening(
    ctx: Context, dispatcher: Staff
) -> None:
    tid = closed_ticket(ctx)
    reopened = T0 + timedelta(days=10)
    at(ctx, reopened)
    move(ctx, tid, Status.REOPENED, DISPATCHER)
    reclassify(ctx, tid, "street_lighting", dispatcher)  # 48 h
    assert ticket(ctx, tid).due_at == reopened + timedelta(hours=48)
