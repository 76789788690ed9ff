"""Migration 0004: a ticket already waiting on the citizen when 0003 ran keeps its wait.

0003 added `sla_paused_at` empty for every ticket; without 0004 such a ticket resumes without
moving its due time. Simulated here by emptying the column of a waiting ticket, going back to
0003 and up again, then letting the citizen answer.
"""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlalchemy import update

from balagh.dbmigrate import alembic_config
from core.context import Context
from core.models import Status, Ticket
from tests.core.sla.test_sla_pause import SLA, ask, citizen_answers
from tests.followup_support import T0, assigned_ticket, ticket


def _clear_pause(ctx: Context, tid: int) -> None:
    with ctx.sessions() as session, session.begin():
        session.execute(update(Ticket).where(Ticket.id == tid).values(sla_paused_at=None))


def _migrate_0004_again(ctx: Context) -> None:
    url = ctx.engine.url.render_as_string(hide_password=False)
    config = alembic_config(url)
    try:
        command.downgrade(config, "0003")
    finally:
        command.upgrade(config, "head")


def test_a_ticket_waiting_before_the_upgrade_resumes_with_its_wait_counted(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=70))
    _clear_pause(ctx, tid)
    _migrate_0004_again(ctx)
    assert ticket(ctx, tid).sla_paused_at == T0 + timedelta(hours=70)
    citizen_answers(ctx, T0 + timedelta(hours=100))
    found = ticket(ctx, tid)
    assert found.status == Status.ASSIGNED
    assert found.due_at == T0 + SLA + timedelta(hours=30)


def test_the_latest_move_into_waiting_is_where_the_pause_began(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=1))
    citizen_answers(ctx, T0 + timedelta(hours=5))
    ask(ctx, tid, T0 + timedelta(hours=20))
    _clear_pause(ctx, tid)
    _migrate_0004_again(ctx)
    assert ticket(ctx, tid).sla_paused_at == T0 + timedelta(hours=20)


def test_a_running_ticket_that_waited_before_gets_no_pause(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    ask(ctx, tid, T0 + timedelta(hours=1))
    citizen_answers(ctx, T0 + timedelta(hours=5))  # running again, its wait counted
    due = ticket(ctx, tid).due_at
    _migrate_0004_again(ctx)
    assert ticket(ctx, tid).sla_paused_at is None
    assert ticket(ctx, tid).due_at == due
