"""Migration 0009: the lockout columns go, and every staff account and what refers to it stays.

On SQLite a dropped column must not copy and replace the "user" table: replacing it deletes
its rows first, which the accounts' tickets, events and tokens forbid.
"""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select

from balagh.dbmigrate import alembic_config
from core.context import Context
from core.models import Ticket, User
from tests.staffkit import app_for, make_staff, new_ticket, post_form, signed_in


def test_the_upgrade_keeps_staff_accounts_with_their_tickets(ctx: Context) -> None:
    make_staff(ctx, "disp@mct.om", "dispatcher")
    make_staff(ctx, "roads@mct.om", "department", "roads")
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, f"/inbox/t/{reference}", {"assignee": "roads@mct.om", "was_assignee": ""})
    config = alembic_config(ctx.engine.url.render_as_string(hide_password=False))
    try:
        command.downgrade(config, "0008")
    finally:
        command.upgrade(config, "head")
    columns = {c["name"] for c in inspect(ctx.engine).get_columns("user")}
    assert "failed_logins" not in columns and "locked_until" not in columns
    with ctx.sessions() as db:
        ticket = db.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        assert ticket.assignee is not None and ticket.assignee.email == "roads@mct.om"
        assert len(db.execute(select(User)).scalars().all()) == 2
