"""Time spent as a duplicate pauses the SLA clock, as waiting on the citizen does.

A duplicate follows its original; nobody works it. When the original is rejected the duplicate
goes back to the dispatcher to be answered on its own. Before, an assigned duplicate came back
with the due time it had when it was marked, so a released ticket could be overdue the moment
the dispatcher saw it: the SLA job escalated it and the overdue queue listed it at once.
"""

from __future__ import annotations

from datetime import timedelta

from core.context import Context
from core.followup.tasks import watch_sla
from core.models import Status, Ticket
from core.workflow.transitions import transition
from tests.followup_support import DISPATCHER, T0, assigned_ticket, at, events, move, ticket

SLA = timedelta(hours=72)  # road_damage


def mark_duplicate(ctx: Context, dup: int, original: int, when: timedelta) -> None:
    at(ctx, T0 + when)
    with ctx.sessions() as session, session.begin():
        d, o = session.get(Ticket, dup), session.get(Ticket, original)
        assert d is not None and o is not None
        transition(ctx, session, d, Status.DUPLICATE, DISPATCHER, duplicate_of=o)


def reject(ctx: Context, original: int, when: timedelta) -> None:
    """The dispatcher takes the original back from the department and rejects it."""
    at(ctx, T0 + when)
    move(ctx, original, Status.TRIAGED, DISPATCHER)
    move(ctx, original, Status.REJECTED, DISPATCHER, note="Not a municipal matter")


def test_a_released_duplicate_gets_its_due_time_moved_by_the_time_it_was_a_duplicate(
    ctx: Context,
) -> None:
    original = assigned_ticket(ctx, sender="1", assignee=None)
    dup = assigned_ticket(ctx, sender="2", assignee=None)
    mark_duplicate(ctx, dup, original, timedelta(hours=10))
    reject(ctx, original, timedelta(hours=100))  # past the duplicate's first due time
    found = ticket(ctx, dup)
    assert found.status == Status.TRIAGED
    assert found.due_at == T0 + SLA + timedelta(hours=90)  # 62 hours left, as when it was marked
    released = [e for e in events(ctx, dup, "transition") if e.data["from"] == "duplicate"]
    assert released[-1].data["due_at"]["to"] == (T0 + SLA + timedelta(hours=90)).isoformat()


def test_a_released_duplicate_is_not_escalated_at_once(ctx: Context) -> None:
    original = assigned_ticket(ctx, sender="1", assignee=None)
    dup = assigned_ticket(ctx, sender="2", assignee=None)
    mark_duplicate(ctx, dup, original, timedelta(hours=1))
    reject(ctx, original, timedelta(hours=71))
    at(ctx, T0 + timedelta(hours=80))  # the original's first due time has passed; dup's not
    assert watch_sla(ctx) == "escalated 0, warned 0"
    assert ticket(ctx, dup).escalated_at is None


def test_a_duplicate_closed_with_its_original_counts_its_wait_to_the_close(
    ctx: Context,
) -> None:
    original = assigned_ticket(ctx, sender="1", assignee=None)
    dup = assigned_ticket(ctx, sender="2", assignee=None)
    mark_duplicate(ctx, dup, original, timedelta(hours=2))
    at(ctx, T0 + timedelta(hours=50))
    move(ctx, original, Status.RESOLVED, DISPATCHER, note="Filled.")
    move(ctx, original, Status.CLOSED, DISPATCHER)
    found = ticket(ctx, dup)
    assert found.status == Status.CLOSED
    assert found.due_at == T0 + SLA + timedelta(hours=48)
    assert found.sla_paused_at is None
