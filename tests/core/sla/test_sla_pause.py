"""Waiting on the citizen pauses the SLA clock: the due time moves by the time spent waiting.

A department that asks the citizen a question is not overdue the moment the answer arrives:
leaving awaiting_citizen adds the wait's clock time to the due time, once per pause; several
pauses add up; a pause still open when the ticket is closed counts up to the close. The
statistics read the moved due time, and a ticket waiting now is not counted as past due.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.context import Context
from core.inbound import InboundMessage
from core.insights.stats import compute_stats
from core.intake.ingest import ingest
from core.models import Status, Ticket
from core.sla.calendar import Calendars
from core.workflow.transitions import recompute_due
from tests.followup_support import (
    DISPATCHER,
    ROADS,
    T0,
    assigned_ticket,
    at,
    events,
    move,
    ticket,
)

SLA = timedelta(hours=72)  # road_damage
JANUARY = (datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC))


def ask(ctx: Context, tid: int, when: datetime) -> None:
    at(ctx, when)
    move(ctx, tid, Status.AWAITING_CITIZEN, ROADS, note="Which street exactly?")


def citizen_answers(ctx: Context, when: datetime, text: str = "Al Khuwair street 33") -> None:
    at(ctx, when)
    ingest(ctx, InboundMessage(channel="telegram", sender="7", text=text, external_id=text))


def sla_met_share(ctx: Context, now: datetime) -> float | None:
    with ctx.sessions() as session:
        result = compute_stats(session, *JANUARY, taxonomy=ctx.taxonomy, now=now)
    return result["totals"]["sla_met_share"]  # type: ignore[no-any-return]


def test_the_citizens_answer_moves_the_due_time_by_the_wait(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    assert ticket(ctx, tid).due_at == T0 + SLA
    ask(ctx, tid, T0 + timedelta(hours=70))
    citizen_answers(ctx, T0 + timedelta(hours=100))  # past the first due time
    found = ticket(ctx, tid)
    assert found.status == Status.ASSIGNED
    assert found.due_at == T0 + SLA + timedelta(hours=30)
    assert found.due_at > T0 + timedelta(hours=100)  # two hours left, as when it was asked


def test_the_resume_event_records_the_due_change(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=1))
    citizen_answers(ctx, T0 + timedelta(hours=5))
    resumed = [e for e in events(ctx, tid, "transition") if e.data["from"] == "awaiting_citizen"]
    assert resumed[-1].data["due_at"]["to"] == (T0 + SLA + timedelta(hours=4)).isoformat()


def test_a_second_message_while_running_does_not_move_the_due_time_again(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=1))
    citizen_answers(ctx, T0 + timedelta(hours=5))
    citizen_answers(ctx, T0 + timedelta(hours=9), text="and the pothole is deep")
    assert ticket(ctx, tid).due_at == T0 + SLA + timedelta(hours=4)


def test_several_pauses_add_up_and_survive_a_reclassification(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=1))
    citizen_answers(ctx, T0 + timedelta(hours=4))  # 3 h
    ask(ctx, tid, T0 + timedelta(hours=10))
    at(ctx, T0 + timedelta(hours=15))  # 5 h; the department moves on without an answer
    move(ctx, tid, Status.ASSIGNED, ROADS)
    assert ticket(ctx, tid).due_at == T0 + SLA + timedelta(hours=8)
    with ctx.sessions() as session, session.begin():
        found = session.get(Ticket, tid)
        assert found is not None
        found.category = "street_lighting"  # 48 h, from the same start, pauses kept
        recompute_due(ctx, found)
    assert ticket(ctx, tid).due_at == T0 + timedelta(hours=48 + 8)


def test_a_pause_still_open_at_close_counts_to_the_close(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=71))
    at(ctx, T0 + timedelta(hours=200))  # the citizen never answered
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    found = ticket(ctx, tid)
    assert found.due_at == T0 + SLA + timedelta(hours=129)
    assert found.closed_at is not None and found.closed_at <= found.due_at
    assert sla_met_share(ctx, T0 + timedelta(hours=300)) == 1.0


def test_a_reopening_starts_a_fresh_clock_without_old_pauses(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=1))
    citizen_answers(ctx, T0 + timedelta(hours=11))
    at(ctx, T0 + timedelta(hours=12))
    move(ctx, tid, Status.RESOLVED, ROADS, note="Filled.")
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    at(ctx, T0 + timedelta(hours=20))
    move(ctx, tid, Status.REOPENED, DISPATCHER)
    found = ticket(ctx, tid)
    assert found.status == Status.REOPENED
    assert found.due_at == T0 + timedelta(hours=20) + SLA


def test_a_ticket_waiting_past_its_first_due_time_is_not_counted_as_missed(
    ctx: Context,
) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=70))
    assert sla_met_share(ctx, T0 + timedelta(hours=80)) is None  # outcome not known yet
    citizen_answers(ctx, T0 + timedelta(hours=90))
    at(ctx, T0 + timedelta(hours=91))
    move(ctx, tid, Status.RESOLVED, ROADS, note="Filled.")
    assert sla_met_share(ctx, T0 + timedelta(hours=95)) == 1.0


def test_with_working_hours_a_pause_over_the_weekend_adds_only_working_time(
    ctx: Context,
) -> None:
    calendars = Calendars()  # Sunday to Thursday, 07:30-14:30 in Muscat
    ctx.due, ctx.clock_hours = calendars.due, calendars.running_hours
    thursday_noon = datetime(2025, 1, 9, 8, 0, tzinfo=UTC)  # 12:00 in Muscat
    sunday_0930 = datetime(2025, 1, 12, 5, 30, tzinfo=UTC)
    tid = assigned_ticket(ctx, when=T0, assignee=None)
    before = ticket(ctx, tid).due_at
    assert before is not None
    ask(ctx, tid, thursday_noon)
    citizen_answers(ctx, sunday_0930)  # 2.5 h on Thursday, 2 h on Sunday
    assert ticket(ctx, tid).due_at == calendars.due(before, 4.5, "roads", False)
