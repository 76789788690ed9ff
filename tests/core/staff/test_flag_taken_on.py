"""A message the router flagged not-for-us that staff take on as a citizen's is no longer
flagged, however they take it on: registering it (as before), naming its category, saying it
repeats a real report, asking its sender for details, or answering it (a spam flag). The
acknowledgement the flag held back follows where no notice of the move names the reference,
and a report taken on joins its mass incident, as it would have at intake. Open311, whose
client reads no messages, gets no neutral acknowledgement that would reach nobody and hold
back the usual one."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage, Location, ThreadHints
from core.intake.ingest import ingest
from core.models import Event, Incident, Message, OutboxItem, Ticket
from core.routing.types import Classification
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from core.tickets import ticket_by_reference
from tests.incident_support import FLOOD, offset, report
from tests.staffkit import the_roles

ADVERT = "advert"


class FlaggingRouter:
    """Unsure of everything (a citizen's category hint classifies it); flags as spam a text
    with "advert" in it, seeing a place or problem in it as `names_place_or_problem` says."""

    def __init__(self, names_place_or_problem: bool = False) -> None:
        self.names = names_place_or_problem

    def classify(self, text: str) -> Classification:
        if ADVERT in text:
            return Classification(
                None, None, 0.2, not_for_us="spam", names_place_or_problem=self.names
            )
        return Classification(None, None, 0.1)


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = FlaggingRouter()
    return the_roles(ctx)


def flagged(ctx: Context, *, hint: str | None = None, near: bool = False) -> str:
    """A new email report flagged as spam, at the incidents' street when `near`."""
    lat, lon = offset(0, 0)
    msg = InboundMessage(
        channel="email",
        sender="citizen@example.om",
        subject="Flood",
        text=f"The street is flooded, call 91234567 ({ADVERT} flag)",
        external_id=f"<flagged-{hint}-{near}@example.om>",
        thread=ThreadHints(new_ticket=True),
        location=Location(lat, lon, None) if near else None,
        category_hint=hint,
    )
    return ingest(ctx, msg).reference


def act(ctx: Context, reference: str, fn: Any, staff: Staff, *args: Any, **kw: Any) -> Any:
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        return fn(ctx, session, staff, ticket, *args, **kw)


def state(ctx: Context, reference: str) -> tuple[str | None, list[str]]:
    """The ticket's flag and the kinds of what was queued for its citizen, oldest first."""
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        kinds = session.execute(
            select(Message.kind)
            .join(OutboxItem, OutboxItem.message_id == Message.id)
            .where(Message.ticket_id == ticket.id)
            .order_by(Message.id)
        ).scalars()
        return ticket.not_for_us, list(kinds)


def events(ctx: Context, reference: str, kind: str) -> list[dict[str, Any]]:
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        found = session.execute(
            select(Event.data).where(Event.ticket_id == ticket.id, Event.kind == kind)
        ).scalars()
        return list(found)


def test_reclassifying_a_flagged_report_clears_the_flag_and_acknowledges_it(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    reference = flagged(ctx)
    assert state(ctx, reference) == ("spam", [])
    act(ctx, reference, staff_actions.reclassify, roles["agent"], "street_lighting")
    assert state(ctx, reference) == (None, ["ack"])
    [event] = events(ctx, reference, "reclassified")
    assert event["not_for_us"] == {"from": "spam", "to": None}


def test_marking_a_flagged_report_a_duplicate_clears_the_flag_with_one_notice(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    original = report(ctx, None, category=FLOOD, text="Flooded street in Al Khuwair")
    reference = flagged(ctx, hint=FLOOD)
    act(ctx, reference, staff_actions.mark_duplicate, roles["agent"], original)
    assert state(ctx, reference) == (None, ["duplicate"])


def test_asking_a_flagged_reports_sender_for_details_clears_the_flag(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    reference = flagged(ctx, hint=FLOOD)
    act(
        ctx, reference, staff_actions.change_status, roles["agent"], "awaiting_citizen",
        "Which street is it?",
    )  # fmt: skip
    assert state(ctx, reference) == (None, ["need_info"])


def test_answering_a_spam_flagged_message_clears_the_flag_without_a_second_message(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    reference = flagged(ctx)
    act(ctx, reference, staff_actions.reply, roles["agent"], "Which street is flooded?")
    assert state(ctx, reference) == (None, ["reply"])
    [event] = events(ctx, reference, "reply")
    assert event["not_for_us"] == {"from": "spam", "to": None}


def test_answering_a_message_flagged_for_another_reason_keeps_the_flag(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    reference = flagged(ctx)
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        ticket.not_for_us = "gibberish"
    act(ctx, reference, staff_actions.reply, roles["agent"], "What did you mean to report?")
    assert state(ctx, reference) == ("gibberish", ["reply"])


def test_rejecting_a_flagged_message_keeps_the_flag(ctx: Context, roles: dict[str, Staff]) -> None:
    reference = flagged(ctx, hint=FLOOD)
    act(ctx, reference, staff_actions.change_status, roles["agent"], "rejected")
    assert state(ctx, reference) == ("spam", [])


def _incident_tickets(ctx: Context) -> list[list[str]]:
    with ctx.sessions() as session:
        found = session.execute(select(Incident)).scalars()
        return [sorted(t.reference for t in i.tickets) for i in found]


@pytest.mark.parametrize("how", ["register", "reclassify"])
def test_a_flagged_report_taken_on_joins_its_mass_incident(
    ctx: Context, roles: dict[str, Staff], how: str
) -> None:
    earlier = [report(ctx, 0, 0), report(ctx, 30, 10)]
    reference = flagged(ctx, hint=FLOOD if how == "register" else None, near=True)
    assert _incident_tickets(ctx) == []  # a flagged report is placed in no incident
    if how == "register":
        act(ctx, reference, staff_actions.change_status, roles["agent"], "triaged")
    else:
        act(ctx, reference, staff_actions.reclassify, roles["agent"], FLOOD)
    assert _incident_tickets(ctx) == [sorted([*earlier, reference])]
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None and ticket.not_for_us is None


def test_an_open311_request_flagged_as_spam_is_acknowledged_by_email_once_registered(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """Its client reads no messages, and the neutral acknowledgement never goes to a typed
    address: stored, it reached nobody and held back the usual one (with the status link)."""
    ctx.router = FlaggingRouter(names_place_or_problem=True)
    msg = InboundMessage(
        channel="open311",
        sender="open311:key:citizen@example.om",
        email="citizen@example.om",
        text=f"Flooded street in Al Khuwair ({ADVERT} flag)",
        external_id="open311:key:token-1",
        thread=ThreadHints(new_ticket=True),
        category_hint=FLOOD,
    )
    reference = ingest(ctx, msg).reference
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        assert [m.kind for m in ticket.messages if m.direction == "out"] == []
    act(ctx, reference, staff_actions.change_status, roles["agent"], "triaged")
    assert state(ctx, reference) == (None, ["ack"])
    with ctx.sessions() as session:
        item = session.execute(select(OutboxItem).where(OutboxItem.kind == "ack")).scalar_one()
    assert (item.channel, item.address) == ("email", "citizen@example.om")


def _sent_texts(ctx: Context, reference: str) -> list[str]:
    """The texts that went out to the ticket's citizen, oldest first."""
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        payloads = session.execute(
            select(OutboxItem.payload)
            .where(OutboxItem.ticket_id == ticket.id)
            .order_by(OutboxItem.id)
        ).scalars()
        return [str(payload["text"]) for payload in payloads]


def _status_url(ctx: Context, reference: str) -> str:
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        return ctx.status_url(ticket.reference, ticket.secret)


@pytest.mark.parametrize("how", ["duplicate", "question", "answer"])
def test_a_citizen_a_spam_flag_left_unacknowledged_gets_the_status_link_once_when_taken_on(
    ctx: Context, roles: dict[str, Staff], how: str
) -> None:
    """The email sender got nothing at intake (no place or problem seen); the one notice of
    the move that takes the message on carries the private link the acknowledgement would
    have, and a later message does not repeat it."""
    original = report(ctx, None, category=FLOOD, text="Flooded street in Al Khuwair")
    reference = flagged(ctx, hint=FLOOD)
    agent = roles["agent"]
    if how == "duplicate":
        act(ctx, reference, staff_actions.mark_duplicate, agent, original)
    elif how == "question":
        act(ctx, reference, staff_actions.change_status, agent, "awaiting_citizen", "Which street?")
    else:
        act(ctx, reference, staff_actions.reply, agent, "Which street is flooded?")
        act(ctx, reference, staff_actions.reply, agent, "Thank you, we will look.")
    link = _status_url(ctx, reference)
    texts = _sent_texts(ctx, reference)
    assert [text.count(link) for text in texts] == [1] + [0] * (len(texts) - 1)
