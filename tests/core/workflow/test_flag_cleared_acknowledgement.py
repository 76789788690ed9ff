"""Staff registering a message flagged as spam clears the flag, and the acknowledgement the
flag withheld is sent then, once (issue 17: a wrongly flagged citizen is not left waiting
for the forward)."""

from __future__ import annotations

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.intake.triage import set_category
from core.models import Event, Message, OutboxItem, Status, Ticket
from core.routing.types import Classification
from core.workflow.transitions import Actor, transition

AGENT = Actor(name="agent@mct.om", role="agent")
DISPATCHER = Actor(name="disp@mct.om", role="dispatcher")


class SpamRouter:
    """Flags every text as spam, with no place or problem seen: no acknowledgement by email."""

    def classify(self, text: str) -> Classification:
        return Classification(None, None, 0.2, not_for_us="spam", names_place_or_problem=False)


def flagged(ctx: Context, channel: str = "email", sender: str = "citizen@example.om") -> int:
    ctx.router = SpamRouter()
    msg = InboundMessage(
        channel=channel,
        sender=sender,
        text="My number for contact 91234567, the street light is out",
        subject="Light",
        external_id=f"<{sender}-1@example.om>",
    )
    return ingest(ctx, msg).ticket_id


def register(ctx: Context, tid: int, to: Status = Status.TRIAGED, actor: Actor = AGENT) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        if ticket.category is None:
            set_category(ctx, ticket, "street_lighting")
        transition(ctx, session, ticket, to, actor)


def acks(ctx: Context, tid: int) -> list[str]:
    """The kinds of acknowledgement queued for the citizen, oldest first."""
    with ctx.sessions() as session:
        kinds = session.execute(
            select(Message.kind)
            .join(OutboxItem, OutboxItem.message_id == Message.id)
            .where(Message.ticket_id == tid, Message.kind.like("ack%"))
            .order_by(Message.id)
        ).scalars()
        return list(kinds)


def test_clearing_a_spam_flag_on_an_unacknowledged_ticket_sends_the_acknowledgement(
    ctx: Context,
) -> None:
    tid = flagged(ctx)
    assert acks(ctx, tid) == []
    register(ctx, tid)
    assert acks(ctx, tid) == ["ack"]
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None and ticket.not_for_us is None
        moved = session.execute(
            select(Event).where(Event.ticket_id == tid, Event.kind == "transition")
        ).scalar_one()
        ack = session.execute(
            select(OutboxItem).where(OutboxItem.ticket_id == tid, OutboxItem.kind == "ack")
        ).scalar_one()
    assert moved.data["not_for_us"] == {"from": "spam", "to": None}
    assert ack.address == "citizen@example.om"


def test_the_late_acknowledgement_is_sent_once(ctx: Context) -> None:
    tid = flagged(ctx)
    register(ctx, tid)
    register(ctx, tid, Status.NEW, DISPATCHER)  # sent back to intake, and registered again
    register(ctx, tid)
    register(ctx, tid, Status.ASSIGNED, DISPATCHER)
    assert acks(ctx, tid) == ["ack"]


def test_a_neutrally_acknowledged_ticket_is_not_acknowledged_again_when_cleared(
    ctx: Context,
) -> None:
    tid = flagged(ctx, channel="telegram", sender="7001")
    assert acks(ctx, tid) == ["ack_neutral"]
    register(ctx, tid)
    assert acks(ctx, tid) == ["ack_neutral"]


def test_registering_an_unflagged_ticket_sends_no_second_acknowledgement(ctx: Context) -> None:
    tid = ingest(
        ctx,
        InboundMessage(channel="telegram", sender="7002", text="Pothole", external_id="7002:1"),
    ).ticket_id
    assert acks(ctx, tid) == ["ack"]
    register(ctx, tid)
    assert acks(ctx, tid) == ["ack"]


def test_rejecting_a_spam_flagged_ticket_sends_nothing(ctx: Context) -> None:
    tid = flagged(ctx)
    register(ctx, tid, Status.REJECTED)
    assert acks(ctx, tid) == []
