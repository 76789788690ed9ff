"""A chat citizen asking "status of MCT-000123?" in plain text gets the ticket's status back,
only for their own ticket, and what they wrote is kept whatever the answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.language.texts import render, status_label
from core.models import Delivery, Direction, Message, OutboxItem, Status, Ticket

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
_ids = count(1)


def write(ctx: Context, sender: str, text: str, channel: str = "telegram") -> str:
    """A chat message; returns the reference of the ticket it became part of."""
    msg = InboundMessage(
        channel=channel, sender=sender, text=text, external_id=f"{sender}:{next(_ids)}"
    )
    return ingest(ctx, msg).reference


def answers(ctx: Context, kind: str) -> list[str]:
    """The texts queued to citizens in the outbox with this kind."""
    with ctx.sessions() as session:
        items = session.execute(select(OutboxItem).where(OutboxItem.kind == kind)).scalars()
        return [str(item.payload["text"]) for item in items]


def stored(ctx: Context, text: str) -> list[Message]:
    with ctx.sessions() as session:
        found = session.execute(
            select(Message).where(Message.text == text, Message.direction == Direction.IN)
        ).scalars()
        return list(found)


def ticket_status(ctx: Context, reference: str) -> str:
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        return str(ticket.status)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("any update on {ref}?", "en"),
        ("status of {ref}", "en"),
        ("وين وصل بلاغي {ref}", "ar"),
        ("ما هي حالة البلاغ {ref}", "ar"),
        ("wain wasal balaghi {ref}", "ar"),
    ],
)
def test_own_reference_is_answered_with_its_status_in_the_citizens_language(
    ctx: Context, question: str, language: str
) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    text = question.format(ref=reference)
    assert write(ctx, "55", text) == reference
    [answer] = answers(ctx, "status_answer")
    assert reference in answer
    assert status_label(ticket_status(ctx, reference), language) in answer
    assert len(stored(ctx, text)) == 1


def test_arabic_indic_digits_in_the_reference_are_understood(ctx: Context) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    indic = reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    write(ctx, "55", f"وين وصل بلاغي {indic}")
    assert len(answers(ctx, "status_answer")) == 1


def test_asking_about_a_closed_ticket_does_not_reopen_it_or_open_a_new_one(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    with ctx.sessions() as session, session.begin():
        session.execute(select(Ticket)).scalar_one().status = Status.CLOSED
    assert write(ctx, "55", f"status of {reference}") == reference
    assert ticket_status(ctx, reference) == Status.CLOSED
    [answer] = answers(ctx, "status_answer")
    assert status_label(Status.CLOSED, "en") in answer


def test_someone_elses_reference_gets_the_same_answer_as_an_unknown_one(ctx: Context) -> None:
    ctx.settings.now = T0
    theirs = write(ctx, "77", "Garbage not collected in Al Khuwair")
    write(ctx, "55", "Street light off on Way 3021")
    unknown = "MCT-999999"
    write(ctx, "55", f"status of {theirs}")
    write(ctx, "55", f"status of {unknown}")
    neutral = answers(ctx, "status_unknown")
    assert len(neutral) == 2
    assert neutral[0].replace(theirs, unknown) == neutral[1]
    assert answers(ctx, "status_answer") == []
    assert len(stored(ctx, f"status of {theirs}")) == 1
    assert len(stored(ctx, f"status of {unknown}")) == 1


def test_a_new_report_beside_a_reference_is_not_answered_as_a_status_question(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    report = (
        f"About {reference}: any update? Also there is a big water leak on Way 2910 "
        "flooding the road outside the school since this morning"
    )
    write(ctx, "55", report)
    assert answers(ctx, "status_answer") == []
    assert answers(ctx, "status_unknown") == []
    assert len(stored(ctx, report)) == 1


def test_a_status_question_on_whatsapp_is_answered_too(ctx: Context) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "96891234567", "Street light off on Way 3021", channel="whatsapp")
    write(ctx, "96891234567", f"any update on {reference}?", channel="whatsapp")
    [answer] = answers(ctx, "status_answer")
    assert reference in answer


@pytest.mark.parametrize(
    "question",
    [
        "متي ينتهي بلاغي {ref}",  # alef maqsura typed as ya (متى)
        "شو مستجدّات {ref}",  # a shadda on the status word
        "بالحالة {ref}؟",  # the article behind a preposition (ب + ال)
        "el7ala {ref}?",  # Arabizi, the article written onto the word
    ],
)
def test_spelling_variants_of_a_status_word_are_understood(ctx: Context, question: str) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    write(ctx, "55", question.format(ref=reference))
    [answer] = answers(ctx, "status_answer")
    assert reference in answer


def test_status_answers_to_one_chat_are_limited_per_hour_and_every_question_is_kept(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    ctx.settings.status_answers_per_hour = 3
    reference = write(ctx, "55", "Street light off on Way 3021")
    for _ in range(10):
        write(ctx, "55", f"status of {reference}")
    assert len(answers(ctx, "status_answer")) == 3
    assert len(stored(ctx, f"status of {reference}")) == 10
    ctx.settings.now = T0 + timedelta(hours=1, minutes=1)  # a new hour: answered again
    write(ctx, "55", f"status of {reference}")
    assert len(answers(ctx, "status_answer")) == 4


def new_report(ctx: Context, sender: str, text: str) -> str:
    """A report the citizen asked to be new (Telegram's /new), beside their open one."""
    msg = InboundMessage(
        channel="telegram",
        sender=sender,
        text=text,
        external_id=f"{sender}:{next(_ids)}",
        thread=ThreadHints(new_ticket=True),
    )
    return ingest(ctx, msg).reference


@pytest.mark.parametrize(
    ("question", "language"),
    [("شو صار على بلاغي؟", "ar"), ("any update on my complaint?", "en")],
)
def test_question_without_a_reference_is_answered_with_the_one_open_tickets_status(
    ctx: Context, question: str, language: str
) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    assert write(ctx, "55", question) == reference
    [answer] = answers(ctx, "status_answer")
    assert reference in answer
    assert status_label(ticket_status(ctx, reference), language) in answer
    assert len(stored(ctx, question)) == 1 and stored(ctx, question)[0].kind == "status_question"


def test_question_without_a_reference_lists_each_open_ticket_with_its_status(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    first = write(ctx, "55", "Street light off on Way 3021")
    second = new_report(ctx, "55", "Garbage not collected in Al Khuwair for a week")
    write(ctx, "55", "any update on my complaint?")
    [answer] = answers(ctx, "status_answer")
    lines = [line for line in answer.splitlines() if line.startswith("• ")]
    assert len(lines) == 2 and second in lines[0] and first in lines[1]  # latest first
    assert "send its number" in answer
    with ctx.sessions() as session:
        assert len(session.execute(select(Ticket)).all()) == 2


def test_question_without_a_reference_lists_at_most_five_tickets(ctx: Context) -> None:
    ctx.settings.now = T0
    write(ctx, "55", "Street light off on Way 3021")
    for n in range(6):
        new_report(ctx, "55", f"Pothole number {n} on the Seeb road near the roundabout")
    write(ctx, "55", "any update on my complaint?")
    [answer] = answers(ctx, "status_answer")
    assert len([line for line in answer.splitlines() if line.startswith("• ")]) == 5


def test_question_without_a_reference_answers_are_limited_per_hour(ctx: Context) -> None:
    ctx.settings.now = T0
    ctx.settings.status_answers_per_hour = 3
    write(ctx, "55", "Street light off on Way 3021")
    for _ in range(5):
        write(ctx, "55", "any update on my complaint?")
    assert len(answers(ctx, "status_answer")) == 3
    assert len(stored(ctx, "any update on my complaint?")) == 5


def test_question_without_a_reference_after_closing_is_answered_with_closed(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "55", "Street light off on Way 3021")
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        ticket.status, ticket.closed_at = Status.CLOSED, T0
    assert write(ctx, "55", "شو صار على بلاغي؟") == reference
    assert ticket_status(ctx, reference) == Status.CLOSED
    [answer] = answers(ctx, "status_answer")
    assert status_label(Status.CLOSED, "ar") in answer


def test_a_report_with_status_words_and_no_reference_is_no_question(ctx: Context) -> None:
    ctx.settings.now = T0
    write(ctx, "55", "Street light off on Way 3021")
    report = "Any update? I want to report a new water leak on Way 2910 flooding the school road"
    write(ctx, "55", report)
    assert answers(ctx, "status_answer") == []


NO_TICKET_QUESTIONS = [
    ("any update?", "en"),
    ("any update on my complaint?", "en"),
    ("what happened to my report?", "en"),
    ("أي جديد؟", "ar"),  # MSA
    ("هل من جديد بخصوص بلاغي؟", "ar"),
    ("شو صار على بلاغي؟", "ar"),  # Gulf
    ("وين وصل الموضوع؟", "ar"),
    ("wain wasal balaghi?", "ar"),  # Arabizi
    ("ay jdeed?", None),  # None: too short to tell, the language the message was given
    ("any update على بلاغي؟", None),  # mixed
]


def ticket_of(ctx: Context, reference: str) -> Ticket:
    with ctx.sessions() as session:
        return session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()


@pytest.mark.parametrize(("question", "language"), NO_TICKET_QUESTIONS)
def test_a_status_question_from_someone_with_no_report_is_answered_and_not_routed(
    ctx: Context, question: str, language: str | None
) -> None:
    """No report on record: the citizen hears so and how to find their number; the question
    is kept (nothing lost) on a ticket set aside as no report, never routed or acknowledged."""
    ctx.settings.now = T0
    reference = write(ctx, "77", question)
    [answer] = answers(ctx, "status_none")
    [kept] = stored(ctx, question)
    assert answer == render("status_none", language or kept.language)
    assert answers(ctx, "ack") == []
    ticket = ticket_of(ctx, reference)
    assert (ticket.status, ticket.directorate, ticket.not_for_us) == (
        Status.REJECTED,
        None,
        "status_question",
    )
    assert [m.kind for m in stored(ctx, question)] == ["status_question"]


def test_after_a_no_report_answer_the_citizens_report_is_a_new_routed_ticket(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    asked = write(ctx, "77", "any update?")
    report = write(ctx, "77", "Street light off on Way 3021 for a week")
    assert report != asked
    assert ticket_status(ctx, report) == Status.NEW
    assert ticket_of(ctx, report).not_for_us is None
    assert len(answers(ctx, "ack")) == 1


@pytest.mark.parametrize(
    "report",
    [
        "any update? the street light on Way 3021 is off again",
        "وين وصل الموضوع؟ الإنارة في السكة 3021 طافية",
        "shu sar? fi 7ofra kabeera fi share3 3021",
    ],
)
def test_a_report_that_also_asks_for_news_from_someone_with_no_report_is_a_ticket(
    ctx: Context, report: str
) -> None:
    ctx.settings.now = T0
    reference = write(ctx, "77", report)
    assert answers(ctx, "status_none") == []
    assert ticket_of(ctx, reference).not_for_us != "status_question"
    assert len(answers(ctx, "ack")) == 1


def test_a_status_answer_withheld_by_the_hourly_limit_is_withheld_not_a_failed_delivery(
    ctx: Context,
) -> None:
    """Nothing went wrong on the way: Balagh chose not to answer a script's tenth question.
    'Failed' is for deliveries staff should look into (DESIGN.md: never silent)."""
    ctx.settings.now = T0
    ctx.settings.status_answers_per_hour = 1
    reference = write(ctx, "55", "Street light off on Way 3021")
    for _ in range(3):
        write(ctx, "55", f"status of {reference}")
    with ctx.sessions() as session:
        states = session.execute(
            select(Message.delivery_status, Message.delivery_error)
            .where(Message.kind == "status_answer")
            .order_by(Message.id)
        ).all()
    assert [state for state, _ in states] == [Delivery.QUEUED, Delivery.WITHHELD, Delivery.WITHHELD]
    assert all(error for _, error in states[1:])  # staff still read why
