"""Follow-up that never forgets: SLA warnings and escalation, reminders, auto-close, surveys.

Each job is idempotent on its own, whatever the scheduler does: a ticket is claimed with a
conditional UPDATE on its marker column (`sla_warned_at`, `escalated_at`, `survey_sent_at`),
so running a job twice, or on two workers at once, acts once. Times come from `ctx.now()`,
so `BALAGH_NOW` makes a dry run act as if it were then.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, exists, select, update
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.notify import notify_citizen
from core.delivery.staff_mail import (
    PerLanguage,
    department_staff,
    email_staff,
    inbox_url,
    local_time,
    staff_count,
    staff_name,
    supervisors,
)
from core.models import Event, Priority, Status, Ticket, User
from core.sla.clock import SLA_CLOCK_RUNNING
from core.tickets import record_event
from core.workflow.transitions import SYSTEM_ACTOR, transition

logger = logging.getLogger(__name__)

PRIORITY_ORDER = (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)
SURVEY_MAX_AGE = timedelta(days=14)  # never survey cases closed long ago (e.g. on upgrade)
AUTOCLOSE_NOTE = "closed automatically: no answer from the citizen"


def watch_sla(ctx: Context) -> str:
    """Escalate tickets past their due time, then warn assignees of tickets near it."""
    now = ctx.now()
    with ctx.sessions() as session:
        overdue = (
            session.execute(
                select(Ticket.id).where(
                    Ticket.status.in_(SLA_CLOCK_RUNNING),
                    Ticket.due_at <= now,
                    Ticket.escalated_at.is_(None),
                )
            )
            .scalars()
            .all()
        )
        pending = (
            session.execute(
                select(Ticket).where(
                    Ticket.status.in_(SLA_CLOCK_RUNNING),
                    Ticket.due_at > now,
                    Ticket.sla_warned_at.is_(None),
                    Ticket.escalated_at.is_(None),
                )
            )
            .scalars()
            .all()
        )
        to_warn = [t.id for t in pending if warning_time(ctx, t) <= now]
    escalated = sum(escalate(ctx, tid) for tid in overdue)
    warned = sum(warn(ctx, tid) for tid in to_warn)
    return f"escalated {escalated}, warned {warned}"


def warning_time(ctx: Context, ticket: Ticket) -> datetime:
    """When the configured share of the ticket's time is used, counted like its SLA."""
    assert ticket.due_at is not None
    start = ticket.sla_started_at or ticket.assigned_at or ticket.created_at
    share = ctx.settings.sla_warning_share
    calendars = ctx.calendars
    urgent = ticket.urgent or ticket.priority == Priority.URGENT
    if calendars is None or not ctx.settings.sla_working_hours or urgent:
        return start + (ticket.due_at - start) * share
    calendar = calendars.for_directorate(ticket.directorate)
    total = calendar.working_hours_between(start, ticket.due_at)
    return min(calendar.add_working_hours(start, total * share), ticket.due_at)


def _claim(
    session: Session, ticket_id: int, marker: str, now: datetime, *where: ColumnElement[bool]
) -> bool:
    """Set a ticket's marker column if still unset; True only for the one caller that did."""
    column = getattr(Ticket, marker)
    result = session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, column.is_(None), *where)
        .values({marker: now, "updated_at": now})
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def escalate(ctx: Context, ticket_id: int) -> bool:
    """Escalate one overdue ticket, exactly once: event, priority up, supervisors emailed."""
    now = ctx.now()
    with ctx.sessions() as session, session.begin():
        if not _claim(
            session,
            ticket_id,
            "escalated_at",
            now,
            Ticket.status.in_(SLA_CLOCK_RUNNING),
            Ticket.due_at <= now,
        ):
            return False
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None and ticket.due_at is not None
        before = ticket.priority
        ticket.priority = raised(before)
        ticket.updated_at = now
        bosses = supervisors(session)
        record_event(
            session,
            ticket,
            "escalated",
            at=now,
            due_at=ticket.due_at.isoformat(),
            overdue_minutes=int((now - ticket.due_at).total_seconds() // 60),
            priority_from=str(before),
            priority_to=str(ticket.priority),
            notified=[u.email for u in bosses],
        )
        email_staff(
            ctx,
            session,
            bosses,
            "sla_escalation",
            ticket=ticket,
            **_ticket_params(ctx, ticket),
            status=ticket.status,
            assignee=ticket.assignee.email if ticket.assignee else "-",
            priority=ticket.priority,
        )
    logger.info("ticket %s is overdue: escalated to %d supervisor(s)", ticket_id, len(bosses))
    return True


def raised(priority: str) -> Priority:
    """One step up the priority scale; urgent stays urgent."""
    current = Priority(priority) if priority in set(PRIORITY_ORDER) else Priority.NORMAL
    index = PRIORITY_ORDER.index(current)
    return PRIORITY_ORDER[min(index + 1, len(PRIORITY_ORDER) - 1)]


def warn(ctx: Context, ticket_id: int) -> bool:
    """Warn the assignee (or, with none, the department) that a ticket's time is running out."""
    now = ctx.now()
    with ctx.sessions() as session, session.begin():
        if not _claim(session, ticket_id, "sla_warned_at", now, Ticket.escalated_at.is_(None)):
            return False
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None and ticket.due_at is not None
        recipients = _assignee_or_department(session, ticket)
        record_event(
            session,
            ticket,
            "sla_warning",
            at=now,
            due_at=ticket.due_at.isoformat(),
            notified=[u.email for u in recipients],
        )
        email_staff(
            ctx,
            session,
            recipients,
            "sla_warning",
            ticket=ticket,
            **_ticket_params(ctx, ticket),
            percent=round(ctx.settings.sla_warning_share * 100),
        )
    return True


def _assignee_or_department(session: Session, ticket: Ticket) -> list[User]:
    if ticket.assignee is not None and ticket.assignee.active:
        return [ticket.assignee]
    return department_staff(session, ticket.directorate)


def _ticket_params(ctx: Context, ticket: Ticket) -> dict[str, object]:
    return {
        "reference": ticket.reference,
        "category": staff_name(ctx, ticket.category),
        "directorate": staff_name(ctx, ticket.directorate),
        "due": local_time(ctx, ticket.due_at),
        "url": inbox_url(ctx, ticket.reference),
    }


def remind(ctx: Context) -> str:
    """Remind departments of tickets due soon, and citizens we are waiting for."""
    departments = remind_departments(ctx)
    citizens = remind_awaiting_citizens(ctx)
    return f"reminded departments of {departments} ticket(s), {citizens} citizen(s)"


def remind_departments(ctx: Context) -> int:
    """Email each department, once per ticket, the list of its tickets due within the window."""
    now = ctx.now()
    window = timedelta(hours=ctx.settings.sla_reminder_hours)
    reminded = exists().where(Event.ticket_id == Ticket.id, Event.kind == "department_reminder")
    with ctx.sessions() as session, session.begin():
        tickets = (
            session.execute(
                select(Ticket)
                .where(
                    Ticket.status.in_(SLA_CLOCK_RUNNING),
                    Ticket.due_at > now,
                    Ticket.due_at <= now + window,
                    Ticket.escalated_at.is_(None),
                    ~reminded,
                )
                .order_by(Ticket.due_at)
            )
            .scalars()
            .all()
        )
        by_directorate: dict[str | None, list[Ticket]] = defaultdict(list)
        for ticket in tickets:
            by_directorate[ticket.directorate].append(ticket)
        for directorate, group in by_directorate.items():
            staff = department_staff(session, directorate)
            lines = PerLanguage(
                {
                    lang: "\n".join(
                        f"- {t.reference} ({staff_name(ctx, t.category)[lang]}): "
                        f"{local_time(ctx, t.due_at)}  {inbox_url(ctx, t.reference)}"
                        for t in group
                    )
                    for lang in ("ar", "en")
                }
            )
            email_staff(
                ctx,
                session,
                staff,
                "department_reminder",
                ticket=None,
                directorate=staff_name(ctx, directorate),
                tickets=staff_count("ticket", len(group)),
                period=staff_count("hour", ctx.settings.sla_reminder_hours),
                lines=lines,
            )
            for ticket in group:
                record_event(session, ticket, "department_reminder", at=now, notified=len(staff))
    return len(tickets)


def awaiting_since(ticket: Ticket) -> datetime:
    """When the ticket last started waiting for the citizen."""
    for event in reversed(ticket.events):
        if event.kind == "transition" and event.data.get("to") == Status.AWAITING_CITIZEN:
            return event.created_at
    return ticket.updated_at


def _awaiting(session: Session) -> list[Ticket]:
    return list(
        session.execute(
            select(Ticket).where(Ticket.status == Status.AWAITING_CITIZEN).order_by(Ticket.id)
        ).scalars()
    )


def remind_awaiting_citizens(ctx: Context) -> int:
    """Remind, once per wait, a citizen we asked for information and have not heard from."""
    now = ctx.now()
    after = timedelta(hours=ctx.settings.awaiting_reminder_hours)
    count = 0
    with ctx.sessions() as session, session.begin():
        for ticket in _awaiting(session):
            since = awaiting_since(ticket)
            if now < since + after or (ticket.reminded_at and ticket.reminded_at > since):
                continue
            notify_citizen(ctx, session, ticket, "awaiting_reminder")
            ticket.reminded_at = ticket.updated_at = now
            record_event(session, ticket, "awaiting_reminder", at=now)
            count += 1
    return count


def autoclose(ctx: Context) -> str:
    """Close tickets whose citizen never answered, after the reminder and its grace time."""
    now = ctx.now()
    settings = ctx.settings
    after = timedelta(hours=settings.awaiting_autoclose_hours)
    grace = timedelta(hours=settings.awaiting_autoclose_hours - settings.awaiting_reminder_hours)
    closed = 0
    with ctx.sessions() as session, session.begin():
        for ticket in _awaiting(session):
            since = awaiting_since(ticket)
            reminded = ticket.reminded_at
            # The citizen always gets the reminder first, and the full grace time after it.
            if reminded is None or reminded <= since:
                continue
            if now < since + after or now < reminded + grace:
                continue
            transition(
                ctx, session, ticket, Status.CLOSED, SYSTEM_ACTOR, note=AUTOCLOSE_NOTE, notify=False
            )
            notify_citizen(ctx, session, ticket, "autoclosed")
            record_event(session, ticket, "autoclosed", at=now)
            closed += 1
    return f"closed {closed}"


def send_surveys(ctx: Context) -> str:
    """Ask the satisfaction question once per ticket, a little while after it was closed."""
    now = ctx.now()
    latest = now - timedelta(hours=ctx.settings.survey_delay_hours)
    with ctx.sessions() as session:
        ids = (
            session.execute(
                select(Ticket.id).where(
                    Ticket.status == Status.CLOSED,
                    Ticket.survey_sent_at.is_(None),
                    Ticket.closed_at <= latest,
                    Ticket.closed_at >= now - SURVEY_MAX_AGE,
                    Ticket.resolution.is_not(None),
                    Ticket.duplicate_of_id.is_(None),
                    Ticket.channel.in_(ctx.channels.named(lambda c: c.surveys)),
                )
            )
            .scalars()
            .all()
        )
    sent = 0
    for ticket_id in ids:
        with ctx.sessions() as session, session.begin():
            ticket = session.get(Ticket, ticket_id)
            if ticket is None or _closed_automatically(ticket):
                continue
            if not _claim(session, ticket_id, "survey_sent_at", now):
                continue
            notify_citizen(ctx, session, ticket, "satisfaction")
            record_event(session, ticket, "survey_sent", at=now)
            sent += 1
    return f"sent {sent}"


def _closed_automatically(ticket: Ticket) -> bool:
    """True when the latest close was the auto-close (no answer: nothing to rate)."""
    for event in reversed(ticket.events):
        if event.kind == "autoclosed":
            return True
        if event.kind == "transition" and event.data.get("to") == Status.CLOSED:
            return False
    return False
