"""core.staff.admin's rules, below HTTP: who may manage staff, and never losing every admin."""

from __future__ import annotations

import pytest

from core.context import Context
from core.errors import Forbidden
from core.models import Ticket
from core.staff import admin as staff_admin
from core.staff.permissions import Staff
from tests.followup_support import assigned_ticket
from tests.staffkit import make_staff


def codes(ctx: Context) -> list[str]:
    return [d.code for d in ctx.taxonomy.directorates]


def test_a_non_admin_actor_is_refused_by_core_itself(ctx: Context) -> None:
    supervisor = make_staff(ctx, "super@mct.om", "supervisor")
    agent = make_staff(ctx, "agent@mct.om", "agent")
    with ctx.sessions() as session, pytest.raises(Forbidden):
        staff_admin.set_active(session, supervisor, agent.id, False)


def test_two_admins_removing_each_other_leave_one_admin(ctx: Context) -> None:
    """The second change was authorised by a role its actor has just lost: it is refused."""
    one = make_staff(ctx, "one@mct.om", "admin")
    two = make_staff(ctx, "two@mct.om", "admin")
    with ctx.sessions() as session, session.begin():
        staff_admin.set_active(session, one, two.id, False)
    stale_two = Staff(two.id, two.email, two.name, "admin", None)
    with ctx.sessions() as session, session.begin(), pytest.raises(Forbidden):
        staff_admin.update_staff(
            session, stale_two, one.id, name="", role="agent", directorate=None,
            directorates=codes(ctx),
        )  # fmt: skip
    with ctx.sessions() as session:
        assert staff_admin.get_staff(session, one, one.id).role == "admin"


def _holder(ctx: Context, tid: int) -> tuple[int | None, list[str]]:
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        return ticket.assignee_id, [e.kind for e in ticket.events]


def test_moving_department_staff_returns_their_open_tickets_to_the_queue(ctx: Context) -> None:
    admin = make_staff(ctx, "admin@mct.om", "admin")
    worker = make_staff(ctx, "roads1@mct.om", "department", "roads")
    tid = assigned_ticket(ctx, assignee=worker.email)
    with ctx.sessions() as session, session.begin():
        staff_admin.update_staff(
            session, admin, worker.id, name="Roads One", role="department",
            directorate="health", directorates=codes(ctx),
        )  # fmt: skip
    assignee, kinds = _holder(ctx, tid)
    assert assignee is None and kinds[-1] == "unassigned"


def test_deactivating_staff_returns_their_open_tickets_to_the_queue(ctx: Context) -> None:
    admin = make_staff(ctx, "admin@mct.om", "admin")
    worker = make_staff(ctx, "roads1@mct.om", "department", "roads")
    tid = assigned_ticket(ctx, assignee=worker.email)
    with ctx.sessions() as session, session.begin():
        staff_admin.set_active(session, admin, worker.id, False)
    assert _holder(ctx, tid)[0] is None


def test_renaming_staff_keeps_their_tickets(ctx: Context) -> None:
    admin = make_staff(ctx, "admin@mct.om", "admin")
    worker = make_staff(ctx, "roads1@mct.om", "department", "roads")
    tid = assigned_ticket(ctx, assignee=worker.email)
    with ctx.sessions() as session, session.begin():
        staff_admin.update_staff(
            session, admin, worker.id, name="New Name", role="department",
            directorate="roads", directorates=codes(ctx),
        )  # fmt: skip
    assignee, kinds = _holder(ctx, tid)
    assert assignee == worker.id and "unassigned" not in kinds
