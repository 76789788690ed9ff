"""core.staff.update: one Update applies several changes together, reports what followed
from them, and a refusal anywhere leaves the ticket as it was (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError, InvalidTransition
from core.models import OutboxItem, Status
from core.routing.types import UnroutedRouter
from core.staff.permissions import Staff
from core.staff.update import Change, TicketUpdate, apply_update
from core.tickets import ticket_by_reference
from tests.staffkit import load, new_ticket, the_roles


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = UnroutedRouter()
    return the_roles(ctx)


def run(ctx: Context, staff: Staff, reference: str, update: TicketUpdate) -> list[Change]:
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        return apply_update(ctx, session, staff, ticket, update)


def test_a_new_category_reports_its_directorate_and_the_assignee_it_does_not_keep(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    run(ctx, roles["dispatcher"], ref, TicketUpdate(assignee="roads@mct.om"))
    changes = run(ctx, roles["dispatcher"], ref, TicketUpdate(category="stray_animals"))
    assert changes == [
        Change("category", "road_damage", "stray_animals"),
        Change("directorate", "roads", "health"),
        Change("assignee", "roads@mct.om", None),
    ]


def test_a_refused_move_undoes_the_reply_and_priority_sent_with_it(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Pothole")  # unclassified: cannot be triaged
    update = TicketUpdate(priority="urgent", reply="We are on it.", status="triaged")
    with pytest.raises(InvalidTransition):
        run(ctx, roles["dispatcher"], ref, update)
    assert load(ctx, ref).priority == "normal"
    with ctx.sessions() as session:
        assert session.execute(select(OutboxItem).where(OutboxItem.kind == "reply")).first() is None


def test_the_note_goes_with_a_move_and_is_a_note_without_one(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    question = TicketUpdate(status="awaiting_citizen", note="Which side of the road?")
    assert run(ctx, roles["agent"], ref, question) == [Change("status", "new", "awaiting_citizen")]
    assert run(ctx, roles["agent"], ref, TicketUpdate(note="Asked by phone too")) == [
        Change("note")
    ]


def test_a_question_typed_in_the_reply_box_is_sent_once_with_the_move_to_waiting(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """Found driving the demo: a dispatcher chose "awaiting the citizen" and typed the
    question where they write to the citizen; the Update was refused ("write the question
    (the note)") and nothing was asked. The reply is the question, sent once."""
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    asking = TicketUpdate(status="awaiting_citizen", reply="Which side of the road?")
    assert run(ctx, roles["agent"], ref, asking) == [Change("status", "new", "awaiting_citizen")]
    with ctx.sessions() as session:
        sent = session.execute(select(OutboxItem.kind)).scalars().all()
    assert sent.count("need_info") == 1 and "reply" not in sent
    texts = [m.text for m in load(ctx, ref).messages if m.direction == "out"]
    assert sum("Which side of the road?" in text for text in texts) == 1


def test_a_duplicate_and_another_status_together_are_refused(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    original = new_ticket(ctx, "Pothole", category="road_damage")
    ref = new_ticket(ctx, "Same pothole", category="road_damage")
    with pytest.raises(InputError) as refused:
        run(ctx, roles["agent"], ref, TicketUpdate(status="triaged", duplicate_of=original))
    assert refused.value.key == "duplicate_or_status"
    assert load(ctx, ref).status == "new"


def test_a_value_already_set_is_no_change(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    same = TicketUpdate(category="road_damage", priority="normal", assignee="", status="new")
    assert run(ctx, roles["dispatcher"], ref, same) == []


def test_a_closed_ticket_reopened_in_the_same_update_takes_its_new_category(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Street light out", category="road_damage")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        ticket.status = Status.CLOSED
    with pytest.raises(InvalidTransition, match="keeps its category"):
        run(ctx, roles["dispatcher"], ref, TicketUpdate(category="street_lighting"))
    update = TicketUpdate(category="street_lighting", status="reopened")
    changes = run(ctx, roles["dispatcher"], ref, update)
    assert Change("category", "road_damage", "street_lighting") in changes
    assert (load(ctx, ref).status, load(ctx, ref).category) == ("reopened", "street_lighting")


def test_giving_a_registered_ticket_to_a_department_member_forwards_it(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """The panel's assignee alone, a department member, forwards a registered ticket (status,
    SLA clock, the citizen's notice), as choosing "Assigned" with it does; choosing both
    forwards it once."""
    alone, both = (new_ticket(ctx, f"Pothole {i}", category="road_damage") for i in range(2))
    for ref in (alone, both):
        run(ctx, roles["agent"], ref, TicketUpdate(status="triaged"))
    changes = run(ctx, roles["dispatcher"], alone, TicketUpdate(assignee="roads@mct.om"))
    assert changes == [
        Change("assignee", None, "roads@mct.om"),
        Change("status", "triaged", "assigned"),
    ]
    together = TicketUpdate(assignee="roads@mct.om", status="assigned", note="Urgent crew")
    run(ctx, roles["dispatcher"], both, together)
    for ref in (alone, both):
        ticket = load(ctx, ref)
        assert (ticket.status, ticket.due_at is not None) == ("assigned", True)
        assert [e.kind for e in ticket.events].count("transition") == 2  # triaged, assigned
    with ctx.sessions() as session:
        told = session.execute(select(OutboxItem).where(OutboxItem.kind == "forwarded")).all()
        assert len(told) == 2


def test_giving_a_ticket_to_a_dispatcher_or_an_agent_leaves_its_status(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    run(ctx, roles["agent"], ref, TicketUpdate(status="triaged"))
    run(ctx, roles["dispatcher"], ref, TicketUpdate(assignee="agent@mct.om"))
    assert load(ctx, ref).status == "triaged"
