"""Who may be given a ticket is one rule: the inbox's choices are exactly what `assign` takes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError
from core.models import Ticket, User
from core.staff.actions import assign, assignable_staff
from tests.staffkit import new_ticket, the_roles


@pytest.mark.parametrize("chooser", ["dispatcher", "roads", "supervisor"])
def test_the_offered_assignees_are_exactly_those_assign_accepts(ctx: Context, chooser: str) -> None:
    roles = the_roles(ctx)
    reference = new_ticket(ctx, category="road_damage")
    staff = roles[chooser]
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        offered = {u.email for u in assignable_staff(session, staff, ticket)}
        everyone = list(session.execute(select(User.email)).scalars())
    accepted = set()
    for email in everyone:
        with ctx.sessions() as session:
            ticket = session.execute(
                select(Ticket).where(Ticket.reference == reference)
            ).scalar_one()
            try:
                assign(ctx, session, staff, ticket, email)
            except InputError:
                continue
            finally:
                session.rollback()
            accepted.add(email)
    assert offered == accepted
    assert "health@mct.om" not in offered and "roads@mct.om" in offered
