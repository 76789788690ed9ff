"""One "SLA clock running" rule: the SLA job and the supervisor's overdue queue agree.

Before, the overdue queue counted tickets waiting on the citizen while the SLA job (rightly,
the clock is paused then) never escalated them, so supervisors saw overdue tickets nobody
would ever escalate.
"""

from __future__ import annotations

from datetime import timedelta

from core.context import Context
from core.followup.tasks import watch_sla
from core.models import Status
from core.staff.actions import TicketFilter, list_tickets
from core.staff.permissions import Staff
from tests.followup_support import ROADS, T0, add_staff, assigned_ticket, at, move, user_id

SUPERVISOR_EMAIL = "boss1@mct.om"


def _overdue_for_supervisor(ctx: Context) -> tuple[set[int], set[int]]:
    """(the supervisor's own queue, the overdue filter over all tickets) as ticket ids."""
    staff = Staff(
        id=user_id(ctx, SUPERVISOR_EMAIL),
        email=SUPERVISOR_EMAIL,
        name="Boss",
        role="supervisor",
        directorate=None,
    )
    with ctx.sessions() as session:
        queue = list_tickets(ctx, session, staff, TicketFilter(queue="mine"))
        overdue = list_tickets(ctx, session, staff, TicketFilter(queue="all", overdue=True))
        return {t.id for t in queue.items}, {t.id for t in overdue.items}


def test_a_ticket_waiting_on_the_citizen_is_neither_escalated_nor_listed_overdue(
    ctx: Context,
) -> None:
    add_staff(ctx)
    waiting = assigned_ticket(ctx, sender="7")
    running = assigned_ticket(ctx, sender="8")
    move(ctx, waiting, Status.AWAITING_CITIZEN, ROADS, note="Which street exactly?")
    at(ctx, T0 + timedelta(hours=73))  # road_damage: 72 hours, so both are past due

    queue, overdue = _overdue_for_supervisor(ctx)
    assert watch_sla(ctx) == "escalated 1, warned 0"
    assert running in queue and running in overdue
    assert waiting not in queue and waiting not in overdue
