"""A message flagged as spam: acknowledged neutrally where that cannot be backscatter or the
text reads like a report (issue 17, never silence a citizen), and not otherwise."""

from __future__ import annotations

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.models import Message, OutboxItem, Ticket
from core.routing import screening
from core.routing.types import Classification

LINK = "/t/"


class SpamFlaggingRouter:
    """Flags every text as spam, as the screening does the 1 in 300 genuine reports it gets
    wrong; the place-or-problem signal is the screening's own reading of the text."""

    def classify(self, text: str) -> Classification:
        return Classification(
            category=None,
            directorate=None,
            confidence=0.2,
            not_for_us=screening.SPAM,
            names_place_or_problem=screening.names_place_or_problem(text),
        )


def receive(ctx: Context, channel: str, sender: str, text: str, subject: str | None = None) -> int:
    ctx.router = SpamFlaggingRouter()
    msg = InboundMessage(
        channel=channel, sender=sender, text=text, subject=subject, external_id=f"{sender}:1"
    )
    return ingest(ctx, msg).ticket_id


def answers(ctx: Context, ticket_id: int) -> list[tuple[str, str]]:
    """(kind, text) of what the ticket queued for delivery to the citizen."""
    with ctx.sessions() as session:
        rows = session.execute(
            select(Message.kind, Message.text)
            .join(OutboxItem, OutboxItem.message_id == Message.id)
            .where(Message.ticket_id == ticket_id)
        )
        return [(kind, text) for kind, text in rows]


def test_flagged_telegram_message_gets_the_neutral_acknowledgement_in_arabic(
    ctx: Context,
) -> None:
    tid = receive(
        ctx, "telegram", "501", "السلام عليكم عندي استفسار بخصوص الرسوم، للتواصل 91234567"
    )
    [(kind, text)] = answers(ctx, tid)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None and ticket.not_for_us == "spam" and ticket.status == "new"
        reference = ticket.reference
    assert kind == "ack_neutral"
    assert reference in text and LINK in text and "سيطّلع عليها أحد موظفينا" in text


def test_flagged_telegram_message_gets_the_neutral_acknowledgement_in_english(
    ctx: Context,
) -> None:
    tid = receive(ctx, "telegram", "502", "Hello, please call me back about the fees 91234567")
    [(kind, text)] = answers(ctx, tid)
    assert kind == "ack_neutral" and "A member of our staff will read it" in text
    assert "passed to" not in text  # it promises no department


def test_flagged_email_advert_with_no_place_or_problem_gets_no_acknowledgement(
    ctx: Context,
) -> None:
    tid = receive(
        ctx,
        "email",
        "deals@example.com",
        "Mega sale! 50% discount on all perfumes, order now and get free delivery.",
        subject="Special offer",
    )
    assert answers(ctx, tid) == []
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None and ticket.not_for_us == "spam" and ticket.status == "new"


def test_flagged_email_naming_a_place_and_a_problem_gets_the_neutral_acknowledgement(
    ctx: Context,
) -> None:
    tid = receive(
        ctx,
        "email",
        "salma@example.om",
        "يوجد حفرة كبيرة في شارع السلطان قابوس قرب دوار العذيبة. رقم هاتفي للتواصل: 91234567",
        subject="حفرة",
    )
    [(kind, text)] = answers(ctx, tid)
    assert kind == "ack_neutral" and LINK in text


def test_flagged_web_report_is_acknowledged_on_its_page_not_by_email_to_a_typed_address(
    ctx: Context,
) -> None:
    """A web form's email address is typed, so it may be a stranger's: the neutral
    acknowledgement is shown on the report's page only."""
    ctx.router = SpamFlaggingRouter()
    msg = InboundMessage(
        channel="web",
        sender="web-form-1",
        text="Best prices on furniture, call 91234567",
        external_id="web:1",
        email="victim@example.om",
    )
    tid = ingest(ctx, msg).ticket_id
    with ctx.sessions() as session:
        kinds = session.execute(
            select(Message.kind).where(Message.ticket_id == tid, Message.direction == "out")
        ).scalars()
        shown = list(kinds)
        queued = session.execute(select(OutboxItem).where(OutboxItem.ticket_id == tid)).first()
    assert shown == ["ack_neutral"] and queued is None
