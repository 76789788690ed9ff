"""Rejecting an original sends its open duplicates back to the dispatcher, each on its own.

Their citizens were told their report follows the original; a rejected original would answer
none of them, so each duplicate leaves the duplicate status (no longer linked), goes to the
dispatcher's queue (triaged when classified, new otherwise) and its history says why.
"""

from __future__ import annotations

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.intake.triage import set_category
from core.models import Event, OutboxItem, Status, Ticket
from core.workflow.transitions import Actor, transition

AGENT = Actor(name="agent@mct.om", role="agent")
DISPATCHER = Actor(name="disp@mct.om", role="dispatcher")


def new_ticket(ctx: Context, text: str, sender: str, category: str | None) -> int:
    tid = ingest(
        ctx, InboundMessage(channel="telegram", sender=sender, text=text, external_id=sender)
    ).ticket_id
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        ticket.status, ticket.category, ticket.directorate = Status.NEW, None, None
        if category:
            set_category(ctx, ticket, category)
    return tid


def mark_duplicate(ctx: Context, dup: int, original: int) -> None:
    with ctx.sessions() as session, session.begin():
        d, o = session.get(Ticket, dup), session.get(Ticket, original)
        assert d is not None and o is not None
        transition(ctx, session, d, Status.DUPLICATE, AGENT, duplicate_of=o)


def reject(ctx: Context, tid: int) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        transition(ctx, session, ticket, Status.REJECTED, DISPATCHER, note="Not a municipal matter")


def sent(ctx: Context, tid: int) -> list[str]:
    with ctx.sessions() as session:
        return list(
            session.execute(
                select(OutboxItem.kind).where(OutboxItem.ticket_id == tid).order_by(OutboxItem.id)
            ).scalars()
        )


def load(ctx: Context, tid: int) -> Ticket:
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        session.expunge(ticket)
        return ticket


def test_rejecting_an_original_sends_its_duplicates_back_to_the_dispatcher(ctx: Context) -> None:
    original = new_ticket(ctx, "Pothole on Sultan Qaboos Street", "1", "road_damage")
    classified = new_ticket(ctx, "Same pothole again", "2", "road_damage")
    unclassified = new_ticket(ctx, "That hole in the road", "3", None)
    for dup in (classified, unclassified):
        mark_duplicate(ctx, dup, original)
    reject(ctx, original)
    assert load(ctx, original).status == Status.REJECTED
    first, second = load(ctx, classified), load(ctx, unclassified)
    assert (first.status, first.duplicate_of_id) == (Status.TRIAGED, None)
    assert (second.status, second.duplicate_of_id) == (Status.NEW, None)


def test_the_released_duplicates_history_says_why(ctx: Context) -> None:
    original = new_ticket(ctx, "Pothole on Sultan Qaboos Street", "1", "road_damage")
    dup = new_ticket(ctx, "Same pothole again", "2", "road_damage")
    mark_duplicate(ctx, dup, original)
    told_before = sent(ctx, dup)
    reject(ctx, original)
    reference = load(ctx, original).reference
    with ctx.sessions() as session:
        (event,) = [
            e
            for e in session.execute(
                select(Event).where(Event.ticket_id == dup, Event.kind == "transition")
            ).scalars()
            if e.data["from"] == "duplicate"
        ]
    assert event.actor == "system" and event.data["to"] == "triaged"
    assert reference in event.data["note"] and "rejected" in event.data["note"]
    assert sent(ctx, dup) == told_before  # not told of another citizen's report's rejection


def test_duplicates_of_another_original_stay_as_they_are(ctx: Context) -> None:
    original = new_ticket(ctx, "Pothole on Sultan Qaboos Street", "1", "road_damage")
    other = new_ticket(ctx, "Streetlight out in Qurum", "2", "road_damage")
    elsewhere = new_ticket(ctx, "The Qurum light again", "3", "road_damage")
    mark_duplicate(ctx, elsewhere, other)
    reject(ctx, original)
    found = load(ctx, elsewhere)
    assert (found.status, found.duplicate_of_id) == (Status.DUPLICATE, other)
