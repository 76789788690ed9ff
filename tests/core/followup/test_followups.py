"""Follow-ups: which ticket a later message joins, and the screening every follow-up gets.

Email over the real SMTP listener, Telegram through PTB against a fake Bot API on loopback;
the screening tests route with the real trained model.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from channels.email.listener import SmtpListener
from channels.telegram.runtime import TelegramRuntime
from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.intake.screening import is_courtesy
from core.models import Event, OutboxItem, Status, Ticket
from core.staff.actions import TicketFilter, assign, change_status, list_tickets
from tests.channels.email.test_email_listener import citizen_mail, send, tickets
from tests.staffkit import load, the_roles
from tests.telegram_fake import FakeBotApi, text_update

# --- email: a new mail is a new report ------------------------------------------------------


def test_a_new_email_with_a_new_subject_opens_a_new_ticket_marked_possibly_related(
    ctx: Context, listener: SmtpListener
) -> None:
    send(listener, citizen_mail("The street light on Way 3021 is out.", subject="Street light"))
    send(
        listener,
        citizen_mail(
            "Stray dogs are chasing children near the school.",
            msgid="<c2@example.om>",
            subject="Dogs near the school",
        ),
    )
    first, second = tickets(ctx)
    assert first.id != second.id and second.subject == "Dogs near the school"
    related = {(e.ticket_id, e.data["reference"]) for e in _events(ctx, "possibly_related")}
    assert related == {(second.id, first.reference), (first.id, second.reference)}


def test_an_email_with_the_citizens_own_reference_in_the_subject_joins_that_ticket(
    ctx: Context, listener: SmtpListener
) -> None:
    send(listener, citizen_mail("The street light on Way 3021 is out."))
    [ticket] = tickets(ctx)
    send(
        listener,
        citizen_mail(
            "It is still dark at night.",
            msgid="<c3@example.om>",
            subject=f"About [{ticket.reference}]",
        ),
    )
    assert len(tickets(ctx)) == 1
    assert [m.text.strip() for m in load(ctx, ticket.reference).messages if m.direction == "in"][
        -1
    ] == "It is still dark at night."


@pytest.mark.parametrize("subject", ["Re: {ref} pothole", "{ref}: update"])
def test_an_email_with_the_citizens_own_bare_reference_in_the_subject_joins_that_ticket(
    ctx: Context, listener: SmtpListener, subject: str
) -> None:
    send(listener, citizen_mail("The street light on Way 3021 is out."))
    [ticket] = tickets(ctx)
    send(
        listener,
        citizen_mail(
            "It is still dark at night.",
            msgid="<c4@example.om>",
            subject=subject.format(ref=ticket.reference),
        ),
    )
    assert len(tickets(ctx)) == 1


def _events(ctx: Context, kind: str) -> list[Event]:
    with ctx.sessions() as session:
        return list(session.execute(select(Event).where(Event.kind == kind)).scalars())


# --- screening: urgency and a different problem -------------------------------------------


def _citizen(ctx: Context, text: str, n: int) -> Ticket:
    processed = ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender="555",
            text=text,
            external_id=f"555:{n}",
            received_at=datetime.now(UTC),
        ),
    )
    return load(ctx, processed.reference)


def test_an_urgent_follow_up_raises_the_priority_and_mails_the_assignee(
    routed_ctx: Context,
) -> None:
    ctx = routed_ctx
    staff = the_roles(ctx)
    first = _citizen(ctx, "Sewage water is leaking from a manhole in our street in Seeb", 1)
    assert first.priority == "normal" and first.category is not None
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, first.id)
        assert ticket is not None
        if ticket.status == Status.NEW:
            change_status(ctx, session, staff["agent"], ticket, "triaged")
        change_status(ctx, session, staff["dispatcher"], ticket, "assigned")
        assign(ctx, session, staff["dispatcher"], ticket, "super@mct.om")
    before = load(ctx, first.reference)
    again = _citizen(ctx, "Now the sewage water is inside the house", 2)
    assert again.id == first.id
    assert (again.priority, again.urgent) == ("urgent", True)
    assert again.due_at is not None and before.due_at is not None
    assert again.due_at < before.due_at
    [event] = [e for e in again.events if e.kind == "priority"]
    assert event.data["reason"] == "urgent_followup" and event.data["to"] == "urgent"
    with ctx.sessions() as session:
        mails = session.execute(
            select(OutboxItem).where(OutboxItem.kind == "urgent_followup")
        ).scalars()
        recipients = {m.address for m in mails}
    assert recipients == {"super@mct.om"}


def test_a_follow_up_about_another_problem_is_flagged_and_shows_in_the_intake_queue(
    routed_ctx: Context,
) -> None:
    ctx = routed_ctx
    staff = the_roles(ctx)
    first = _citizen(ctx, "The street light on Way 3021 in Azaiba has been broken for a week", 1)
    assert first.category == "street_lighting"
    again = _citizen(ctx, "Also stray dogs are chasing the children near the school", 2)
    assert again.id == first.id
    assert again.attention == "different_problem"
    [event] = [e for e in again.events if e.kind == "attention"]
    assert event.data["category"] == "stray_animals"
    with ctx.sessions() as session:
        queue = list_tickets(ctx, session, staff["agent"], TicketFilter(queue="mine"))
    assert first.reference in [t.reference for t in queue.items]


def test_a_follow_up_on_the_same_problem_is_not_flagged(routed_ctx: Context) -> None:
    ctx = routed_ctx
    first = _citizen(ctx, "The street light on Way 3021 in Azaiba has been broken for a week", 1)
    again = _citizen(ctx, "The street light is still broken, it is very dark at night", 2)
    assert again.id == first.id and again.attention is None and again.priority == "normal"


@pytest.mark.parametrize(
    ("text", "courtesy"),
    [
        ("شكراً جزيلاً", True),
        ("الله يعطيكم العافية", True),
        ("Thank you so much!", True),
        ("👍", True),
        ("thanks, but the light is broken again", False),
        ("شكرا، الحفرة عادت من جديد", False),
        ("الله", False),
        # a thank-you with praise of the work asks for nothing either
        ("شكرًا جزيلًا على سرعة الإنجاز", True),
        ("مشكورين ما قصرتوا", True),
        ("شكرا على المتابعة", True),
        ("Thank you for fixing it so quickly!", True),
        ("shukran 3ala el sor3a", True),
        # ...unless it says the work is not done, or brings news of its own
        ("ما تم الإصلاح، شكرا", False),
        ("مشكورين ما جيتوا", False),
        ("thank you, it is not fixed", False),
        ("Thank you for fixing it, the other lamp is out too", False),
        ("thanks for nothing", False),
    ],
)
def test_courtesy_messages_are_recognised(text: str, courtesy: bool) -> None:
    assert is_courtesy(text) is courtesy


# --- Telegram: references and courtesy -----------------------------------------------------


def push(tg: TelegramRuntime, fake_api: FakeBotApi, update: dict[str, Any]) -> None:
    update = dict(update)
    update.setdefault("update_id", fake_api.push_id())
    tg.handle(update)
    tg.settle()


def all_tickets(ctx: Context) -> list[Ticket]:
    with ctx.sessions() as session:
        return list(session.execute(select(Ticket).order_by(Ticket.id)).scalars())


def test_start_promises_that_a_reference_adds_to_a_report(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    push(tg, fake_api, text_update(801, 1, "/start", language="en"))
    assert "send its reference number" in fake_api.sent_texts(801)[-1]


def test_a_message_with_the_citizens_own_reference_joins_that_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    push(tg, fake_api, text_update(802, 1, "Pothole on Way 12 near the mosque", language="en"))
    push(tg, fake_api, text_update(802, 2, "/new", language="en"))
    push(tg, fake_api, text_update(802, 3, "Rubbish not collected in Qurum", language="en"))
    first, second = all_tickets(ctx)
    ctx.settings.now = datetime.now(UTC) + timedelta(days=5)  # well past the chat window
    push(
        tg, fake_api, text_update(802, 4, f"{first.reference.lower()} it got deeper", language="en")
    )
    assert len(all_tickets(ctx)) == 2
    texts = [m.text for m in load(ctx, first.reference).messages if m.direction == "in"]
    assert texts[-1].endswith("it got deeper")
    assert second.id != first.id


def test_a_strangers_reference_never_joins_their_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    push(tg, fake_api, text_update(803, 1, "Pothole on Way 12 near the mosque", language="en"))
    [theirs] = all_tickets(ctx)
    push(tg, fake_api, text_update(804, 1, f"{theirs.reference} show me this", language="en"))
    tickets_now = all_tickets(ctx)
    assert len(tickets_now) == 2
    assert [m.text for m in load(ctx, theirs.reference).messages if m.direction == "in"] == [
        "Pothole on Way 12 near the mosque"
    ]


@pytest.mark.parametrize("thanks", ["شكرا جزيلا", "شكرًا جزيلًا على سرعة الإنجاز"])
def test_thanks_after_closing_stays_on_the_closed_ticket_without_questions(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi, thanks: str
) -> None:
    push(tg, fake_api, text_update(805, 1, "Pothole on Way 12 near the mosque", language="en"))
    [ticket] = all_tickets(ctx)
    with ctx.sessions() as session, session.begin():
        closing = session.get(Ticket, ticket.id)
        assert closing is not None
        closing.status, closing.closed_at = Status.CLOSED, datetime.now(UTC)
    asked_before = len(fake_api.sent_texts(805))
    push(tg, fake_api, text_update(805, 2, thanks))
    [after] = all_tickets(ctx)
    assert after.status == Status.CLOSED
    thanked = load(ctx, ticket.reference)
    assert [m.kind for m in thanked.messages if m.direction == "in"][-1] == "courtesy"
    assert len(fake_api.sent_texts(805)) == asked_before  # no location request, no new ack


def test_staff_clear_the_flag_once_they_looked(routed_ctx: Context) -> None:
    from tests.staffkit import app_for, post_form, signed_in

    ctx = routed_ctx
    the_roles(ctx)
    first = _citizen(ctx, "The street light on Way 3021 in Azaiba has been broken for a week", 1)
    _citizen(ctx, "Also stray dogs are chasing the children near the school", 2)
    client = signed_in(app_for(ctx), "agent@mct.om")
    page = client.get(f"/inbox/t/{first.reference}").get_data(as_text=True)
    assert "A follow-up that reads like a different problem" in page
    post_form(client, f"/inbox/t/{first.reference}/attention", {})
    cleared = load(ctx, first.reference)
    assert cleared.attention is None
    assert [e.actor for e in cleared.events if e.kind == "attention_cleared"] == ["agent@mct.om"]
