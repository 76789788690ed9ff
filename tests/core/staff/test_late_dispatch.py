"""Late for dispatch: a registered ticket not forwarded within BALAGH_DISPATCH_TARGET_MINUTES
of its arrival is listed and marked for the dispatcher, and no SLA clock starts for it
(the department's clock runs from the assignment). The queue page: tests/channels/web/
test_inbox_late_dispatch.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.context import Context
from core.models import Status, Ticket
from core.staff.actions import TicketFilter, dispatch_cutoff, late_for_dispatch, list_tickets
from tests.staffkit import make_staff, new_ticket


def _placed(ctx: Context, reference: str, status: Status, minutes_ago: int) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        ticket.status = status
        ticket.created_at = ctx.now() - timedelta(minutes=minutes_ago)


@pytest.fixture
def waiting(ctx: Context) -> dict[str, str]:
    """Registered 2 h and 10 min ago, and one forwarded 2 h ago (the target is 60 min)."""
    refs = {
        "late": new_ticket(ctx, "Pothole on way 3021"),
        "fresh": new_ticket(ctx, "Street light out on way 4410"),
        "forwarded": new_ticket(ctx, "Garbage not collected in Al Khuwair"),
    }
    _placed(ctx, refs["late"], Status.TRIAGED, 120)
    _placed(ctx, refs["fresh"], Status.TRIAGED, 10)
    _placed(ctx, refs["forwarded"], Status.ASSIGNED, 120)
    return refs


def test_a_registered_ticket_past_the_dispatch_target_is_listed_late_without_an_sla_clock(
    ctx: Context, waiting: dict[str, str]
) -> None:
    dispatcher = make_staff(ctx, "dispatch@mct.om", "dispatcher")
    with ctx.sessions() as session:
        page = list_tickets(ctx, session, dispatcher, TicketFilter(queue="all", late_dispatch=True))
        assert [t.reference for t in page.items] == [waiting["late"]]
        (late,) = page.items
        assert late_for_dispatch(late, dispatch_cutoff(ctx))
        assert late.due_at is None and late.sla_started_at is None


def test_no_dispatch_target_marks_nothing_late(
    ctx: Context, waiting: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ctx.settings, "dispatch_target_minutes", 0)
    dispatcher = make_staff(ctx, "dispatch@mct.om", "dispatcher")
    with ctx.sessions() as session:
        page = list_tickets(ctx, session, dispatcher, TicketFilter(queue="all", late_dispatch=True))
    assert page.items == [] and dispatch_cutoff(ctx) is None
