"""Migration 0005: a ticket already a duplicate before the pause rule keeps the time it had.

Simulated by emptying the pause start of a duplicate, going back to 0004 and up again, then
rejecting its original: the released ticket's due time moves by the time it was a duplicate.
"""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlalchemy import update

from balagh.dbmigrate import alembic_config
from core.context import Context
from core.models import Ticket
from tests.core.sla.test_sla_duplicate_pause import SLA, mark_duplicate, reject
from tests.followup_support import T0, assigned_ticket, ticket


def _clear_pause(ctx: Context, tid: int) -> None:
    with ctx.sessions() as session, session.begin():
        session.execute(update(Ticket).where(Ticket.id == tid).values(sla_paused_at=None))


def _migrate_0005_again(ctx: Context) -> None:
    config = alembic_config(ctx.engine.url.render_as_string(hide_password=False))
    try:
        command.downgrade(config, "0004")
    finally:
        command.upgrade(config, "head")


def test_a_duplicate_before_the_upgrade_is_released_with_the_time_it_had(ctx: Context) -> None:
    original = assigned_ticket(ctx, sender="1", assignee=None)
    dup = assigned_ticket(ctx, sender="2", assignee=None)
    mark_duplicate(ctx, dup, original, timedelta(hours=10))
    _clear_pause(ctx, dup)
    _migrate_0005_again(ctx)
    assert ticket(ctx, dup).sla_paused_at == T0 + timedelta(hours=10)
    reject(ctx, original, timedelta(hours=100))
    assert ticket(ctx, dup).due_at == T0 + SLA + timedelta(hours=90)


def test_a_ticket_that_is_not_a_duplicate_gets_no_pause(ctx: Context) -> None:
    original = assigned_ticket(ctx, sender="1", assignee=None)
    dup = assigned_ticket(ctx, sender="2", assignee=None)
    _clear_pause(ctx, original)  # running, not a duplicate: untouched
    _migrate_0005_again(ctx)
    assert ticket(ctx, original).sla_paused_at is None
    assert ticket(ctx, dup).sla_paused_at is None
