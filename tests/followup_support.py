"""Helpers for the follow-up and scheduler tests: a controllable clock, staff, tickets."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.intake.triage import set_category
from core.models import Event, OutboxItem, Status, Ticket, User
from core.staff.accounts import add_user
from core.workflow.transitions import Actor, transition

# Sunday 5 January 2025, 09:00 in Muscat (UTC+4): a working morning.
T0 = datetime(2025, 1, 5, 5, 0, tzinfo=UTC)
AGENT = Actor(name="agent@mct.om", role="agent")
DISPATCHER = Actor(name="disp@mct.om", role="dispatcher")
ROADS = Actor(name="roads1@mct.om", role="department", directorate="roads")


def at(ctx: Context, moment: datetime) -> None:
    """Set the clock every job reads (BALAGH_NOW)."""
    ctx.settings.now = moment


def add_staff(ctx: Context) -> None:
    """Two active supervisors, one inactive, and two roads department users."""
    codes = [d.code for d in ctx.taxonomy.directorates]
    with ctx.sessions() as session, session.begin():
        for email, role, directorate in (
            ("boss1@mct.om", "supervisor", None),
            ("boss2@mct.om", "supervisor", None),
            ("retired@mct.om", "supervisor", None),
            ("roads1@mct.om", "department", "roads"),
            ("roads2@mct.om", "department", "roads"),
        ):
            add_user(
                session, email, role, password=None, directorate=directorate, directorates=codes
            )
        retired = session.execute(select(User).where(User.email == "retired@mct.om")).scalar_one()
        retired.active = False


def user_id(ctx: Context, email: str) -> int:
    with ctx.sessions() as session:
        return session.execute(select(User.id).where(User.email == email)).scalar_one()


def new_ticket(ctx: Context, sender: str = "7", text: str = "Pothole on Sultan Qaboos St") -> int:
    return ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender=sender, text=text, external_id=f"{sender}:{text[:12]}"
        ),
    ).ticket_id


def assigned_ticket(
    ctx: Context,
    *,
    when: datetime = T0,
    category: str = "road_damage",
    assignee: str | None = "roads1@mct.om",
    sender: str = "7",
) -> int:
    """A ticket created, triaged and assigned at `when` (due after its category's SLA)."""
    at(ctx, when)
    tid = new_ticket(ctx, sender=sender)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        set_category(ctx, ticket, category)
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, AGENT)
        transition(ctx, session, ticket, Status.ASSIGNED, DISPATCHER)
        if assignee:
            ticket.assignee_id = session.execute(
                select(User.id).where(User.email == assignee)
            ).scalar_one()
    return tid


def move(ctx: Context, tid: int, to: Status, actor: Actor, note: str | None = None) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        transition(ctx, session, ticket, to, actor, note=note)


def ticket(ctx: Context, tid: int) -> Ticket:
    with ctx.sessions() as session:
        found = session.get(Ticket, tid)
        assert found is not None
        return found


def outbox(ctx: Context, kind: str) -> list[OutboxItem]:
    with ctx.sessions() as session:
        return list(
            session.execute(
                select(OutboxItem).where(OutboxItem.kind == kind).order_by(OutboxItem.id)
            ).scalars()
        )


def events(ctx: Context, tid: int, kind: str) -> list[Event]:
    with ctx.sessions() as session:
        return list(
            session.execute(
                select(Event).where(Event.ticket_id == tid, Event.kind == kind).order_by(Event.id)
            ).scalars()
        )
