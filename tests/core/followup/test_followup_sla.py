"""SLA watch: a warning at 80% of the time, then one escalation at breach, on a fake clock."""

from __future__ import annotations

from datetime import timedelta

from core.context import Context
from core.delivery.outbox import deliver_due
from core.followup.tasks import remind, watch_sla
from core.outbound import CollectingSender
from tests.followup_support import (
    T0,
    add_staff,
    assigned_ticket,
    at,
    events,
    outbox,
    ticket,
)


def test_no_warning_before_the_configured_share_of_the_time(ctx: Context) -> None:
    add_staff(ctx)
    tid = assigned_ticket(ctx)  # road_damage: 72 hours, so the warning is due at 57.6 h
    at(ctx, T0 + timedelta(hours=57))
    assert watch_sla(ctx) == "escalated 0, warned 0"
    assert ticket(ctx, tid).sla_warned_at is None


def test_warning_at_80_percent_goes_to_the_assignee_by_email_once(ctx: Context) -> None:
    add_staff(ctx)
    tid = assigned_ticket(ctx)
    at(ctx, T0 + timedelta(hours=58))
    assert watch_sla(ctx) == "escalated 0, warned 1"
    assert watch_sla(ctx) == "escalated 0, warned 0"
    items = outbox(ctx, "sla_warning")
    assert [(i.channel, i.address) for i in items] == [("email", "roads1@mct.om")]
    assert ticket(ctx, tid).reference in items[0].payload["subject"]
    assert len(events(ctx, tid, "sla_warning")) == 1


def test_warning_share_is_configurable(ctx: Context) -> None:
    add_staff(ctx)
    ctx.settings.sla_warning_share = 0.5
    assigned_ticket(ctx)
    at(ctx, T0 + timedelta(hours=36, minutes=1))
    assert watch_sla(ctx) == "escalated 0, warned 1"


def test_warning_without_an_assignee_goes_to_the_department(ctx: Context) -> None:
    add_staff(ctx)
    assigned_ticket(ctx, assignee=None)
    at(ctx, T0 + timedelta(hours=60))
    watch_sla(ctx)
    assert sorted(i.address for i in outbox(ctx, "sla_warning")) == [
        "roads1@mct.om",
        "roads2@mct.om",
    ]


def test_breach_escalates_event_priority_flag_and_emails_active_supervisors(
    ctx: Context, senders: dict[str, CollectingSender]
) -> None:
    add_staff(ctx)
    tid = assigned_ticket(ctx)
    at(ctx, T0 + timedelta(hours=73))
    assert watch_sla(ctx) == "escalated 1, warned 0"
    escalated = ticket(ctx, tid)
    assert escalated.escalated_at == T0 + timedelta(hours=73)
    assert escalated.priority == "high"
    (event,) = events(ctx, tid, "escalated")
    assert event.data["priority_from"] == "normal" and event.data["overdue_minutes"] == 60
    deliver_due(ctx)
    mails = [m for m in senders["email"].sent if m.kind == "sla_escalation"]
    assert sorted(m.to for m in mails) == ["boss1@mct.om", "boss2@mct.om"]
    assert all(escalated.reference in m.text for m in mails)


def test_escalation_happens_exactly_once_however_often_sla_runs(ctx: Context) -> None:
    add_staff(ctx)
    tid = assigned_ticket(ctx)
    for hours in (73, 73, 80, 200):
        at(ctx, T0 + timedelta(hours=hours))
        watch_sla(ctx)
    assert len(events(ctx, tid, "escalated")) == 1
    assert len(outbox(ctx, "sla_escalation")) == 2
    assert ticket(ctx, tid).priority == "high"


def test_resolved_ticket_is_not_escalated(ctx: Context) -> None:
    from core.models import Status
    from tests.followup_support import ROADS, move

    add_staff(ctx)
    tid = assigned_ticket(ctx)
    move(ctx, tid, Status.RESOLVED, ROADS, note="Filled the pothole.")
    at(ctx, T0 + timedelta(hours=100))
    assert watch_sla(ctx) == "escalated 0, warned 0"


def test_department_is_reminded_once_of_tickets_near_their_due_time(ctx: Context) -> None:
    add_staff(ctx)
    near = assigned_ticket(ctx, category="street_lighting", sender="8")  # due T0 + 48 h
    assigned_ticket(ctx, category="traffic_signs", sender="9")  # due T0 + 120 h: not yet
    at(ctx, T0 + timedelta(hours=30))
    assert remind(ctx).startswith("reminded departments of 1 ticket(s)")
    assert remind(ctx).startswith("reminded departments of 0 ticket(s)")
    items = outbox(ctx, "department_reminder")
    assert sorted(i.address for i in items) == ["roads1@mct.om", "roads2@mct.om"]
    assert ticket(ctx, near).reference in items[0].payload["text"]


def test_an_arabic_reminder_names_the_directorate_and_counts_in_arabic(ctx: Context) -> None:
    """The reminder read "1 بلاغ/بلاغات ..." and "بلاغات roads التالية", with the category's
    code, to a department working in Arabic."""
    add_staff(ctx)
    assigned_ticket(ctx, category="street_lighting", sender="8")  # due T0 + 48 h
    at(ctx, T0 + timedelta(hours=30))
    remind(ctx)
    item = outbox(ctx, "department_reminder")[0]
    assert item.payload["subject"] == "بلاغ واحد: يحين موعد الإنجاز خلال 24 ساعة"
    text = item.payload["text"]
    assert ctx.taxonomy.name("roads", "ar") in text and "roads" not in text.split("\n")[0]
    assert ctx.taxonomy.name("street_lighting", "ar") in text and "street_lighting" not in text


def test_an_arabic_sla_warning_names_the_category_and_directorate_in_arabic(ctx: Context) -> None:
    add_staff(ctx)
    assigned_ticket(ctx)
    at(ctx, T0 + timedelta(hours=60))
    watch_sla(ctx)
    text = outbox(ctx, "sla_warning")[0].payload["text"]
    assert ctx.taxonomy.name("road_damage", "ar") in text and "road_damage" not in text
