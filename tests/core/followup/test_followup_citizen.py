"""Follow-up with the citizen: reminder while we wait, auto-close, the satisfaction question."""

from __future__ import annotations

from datetime import timedelta

from core.context import Context
from core.followup.tasks import autoclose, remind_awaiting_citizens, send_surveys
from core.models import Status
from tests.followup_support import (
    DISPATCHER,
    ROADS,
    T0,
    add_staff,
    assigned_ticket,
    at,
    events,
    move,
    outbox,
    ticket,
)


def awaiting_ticket(ctx: Context) -> int:
    """A ticket whose department asked the citizen a question at T0."""
    add_staff(ctx)
    tid = assigned_ticket(ctx)
    move(ctx, tid, Status.AWAITING_CITIZEN, ROADS, note="Which exit of the roundabout?")
    return tid


def closed_ticket(ctx: Context) -> int:
    """A ticket resolved and closed at T0."""
    add_staff(ctx)
    tid = assigned_ticket(ctx)
    move(ctx, tid, Status.RESOLVED, ROADS, note="The pothole was filled.")
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    return tid


def test_citizen_is_reminded_after_the_configured_time_once(ctx: Context) -> None:
    tid = awaiting_ticket(ctx)
    at(ctx, T0 + timedelta(hours=71))
    assert remind_awaiting_citizens(ctx) == 0
    at(ctx, T0 + timedelta(hours=73))
    assert remind_awaiting_citizens(ctx) == 1
    assert remind_awaiting_citizens(ctx) == 0
    (item,) = outbox(ctx, "awaiting_reminder")
    assert item.channel == "telegram" and ticket(ctx, tid).reference in item.payload["text"]


def test_citizen_answer_then_new_question_gets_a_new_reminder(ctx: Context) -> None:
    tid = awaiting_ticket(ctx)
    at(ctx, T0 + timedelta(hours=73))
    remind_awaiting_citizens(ctx)
    move(ctx, tid, Status.ASSIGNED, ROADS)
    move(ctx, tid, Status.AWAITING_CITIZEN, ROADS, note="And the street name?")
    at(ctx, T0 + timedelta(hours=73 + 73))
    assert remind_awaiting_citizens(ctx) == 1


def test_unanswered_ticket_is_closed_after_the_longer_time_with_a_message(
    ctx: Context,
) -> None:
    tid = awaiting_ticket(ctx)
    at(ctx, T0 + timedelta(hours=73))
    remind_awaiting_citizens(ctx)
    at(ctx, T0 + timedelta(hours=168))
    assert autoclose(ctx) == "closed 0"  # the citizen keeps 96 hours after the reminder
    at(ctx, T0 + timedelta(hours=169))
    assert autoclose(ctx) == "closed 1"
    closed = ticket(ctx, tid)
    assert closed.status == Status.CLOSED and closed.closed_at == T0 + timedelta(hours=169)
    (item,) = outbox(ctx, "autoclosed")
    assert "closed" in item.payload["text"] or "أُغلق" in item.payload["text"]
    assert len(events(ctx, tid, "autoclosed")) == 1
    assert outbox(ctx, "closed") == [] and outbox(ctx, "resolved") == []


def test_autoclose_never_closes_a_ticket_whose_citizen_was_not_reminded(ctx: Context) -> None:
    tid = awaiting_ticket(ctx)
    at(ctx, T0 + timedelta(hours=500))
    assert autoclose(ctx) == "closed 0"
    assert ticket(ctx, tid).status == Status.AWAITING_CITIZEN


def test_satisfaction_question_is_sent_after_close_once_only(ctx: Context) -> None:
    tid = closed_ticket(ctx)
    at(ctx, T0 + timedelta(minutes=30))
    assert send_surveys(ctx) == "sent 0"  # within the delay after closing
    at(ctx, T0 + timedelta(hours=2))
    assert send_surveys(ctx) == "sent 1"
    assert send_surveys(ctx) == "sent 0"
    assert ticket(ctx, tid).survey_sent_at == T0 + timedelta(hours=2)
    assert len(outbox(ctx, "satisfaction")) == 1


def test_reopened_and_closed_again_is_not_surveyed_twice(ctx: Context) -> None:
    tid = closed_ticket(ctx)
    at(ctx, T0 + timedelta(hours=2))
    send_surveys(ctx)
    move(ctx, tid, Status.REOPENED, DISPATCHER)
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    at(ctx, T0 + timedelta(hours=5))
    assert send_surveys(ctx) == "sent 0"
    assert len(outbox(ctx, "satisfaction")) == 1


def test_autoclosed_ticket_gets_no_satisfaction_question(ctx: Context) -> None:
    awaiting_ticket(ctx)
    at(ctx, T0 + timedelta(hours=73))
    remind_awaiting_citizens(ctx)
    at(ctx, T0 + timedelta(hours=170))
    autoclose(ctx)
    at(ctx, T0 + timedelta(hours=175))
    assert send_surveys(ctx) == "sent 0"
