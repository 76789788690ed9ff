"""Delivery through the Bot API: escaping, splitting, files, and errors translated at the edge."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from channels.telegram.sender import TelegramSender, split_text
from core.context import Context
from core.delivery.notify import queue_reply
from core.delivery.outbox import deliver_due
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.models import ContactIdentity, Delivery, Message, OutboxItem, Ticket
from core.outbound import OutboundAttachment, OutboundMessage, PermanentDeliveryError
from tests.telegram_fake import TOKEN, FakeBotApi

CHAT = 800


@pytest.fixture
def sender(ctx: Context, fake_api: FakeBotApi) -> Iterator[TelegramSender]:
    sender = TelegramSender(TOKEN, fake_api.url)
    ctx.senders.register("telegram", sender)
    yield sender
    sender.close()


@pytest.fixture
def ticket_id(ctx: Context, sender: TelegramSender, fake_api: FakeBotApi) -> int:
    """A Telegram citizen's ticket whose acknowledgement has already gone out."""
    processed = ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender=str(CHAT),
            text="Broken street light in Al Khuwair",
            external_id=f"{CHAT}:1",
            language_hint="en",
        ),
    )
    deliver_due(ctx)
    fake_api.calls.clear()
    return processed.ticket_id


def reply(ctx: Context, ticket_id: int, text: str, **kw: object) -> int:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        return queue_reply(ctx, session, ticket, text, **kw).id  # type: ignore[arg-type]


def outbox_item(ctx: Context, message_id: int) -> OutboxItem:
    with ctx.sessions() as session:
        return session.execute(
            select(OutboxItem).where(OutboxItem.message_id == message_id)
        ).scalar_one()


def later(ctx: Context, seconds: float) -> None:
    ctx.settings.now = ctx.now() + timedelta(seconds=seconds)


def test_flood_limit_is_temporary_and_waits_retry_after(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi
) -> None:
    message_id = reply(ctx, ticket_id, "We are on it.")
    fake_api.fail("sendMessage", 429, retry_after=40)
    ctx.settings.now = ctx.now()
    assert deliver_due(ctx).retrying == 1
    item = outbox_item(ctx, message_id)
    assert item.status == Delivery.RETRYING
    assert item.next_attempt_at - ctx.now() >= timedelta(seconds=40)


def test_flood_limited_message_is_sent_once_after_the_wait(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi
) -> None:
    reply(ctx, ticket_id, "We are on it.")
    fake_api.fail("sendMessage", 429, retry_after=40)
    ctx.settings.now = ctx.now()
    deliver_due(ctx)
    later(ctx, 10)
    assert deliver_due(ctx).sent == 0
    later(ctx, 31)
    assert deliver_due(ctx).sent == 1
    assert len(fake_api.calls_of("sendMessage")) == 2  # the refused call and the one that worked
    assert sum("We are on it." in text for text in fake_api.sent_texts(CHAT)) == 2


def test_bad_gateway_delays_delivery_without_losing_it(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi
) -> None:
    message_id = reply(ctx, ticket_id, "A crew is on the way.")
    fake_api.fail("sendMessage", 502)
    ctx.settings.now = ctx.now()
    assert deliver_due(ctx).retrying == 1
    assert "Bad Gateway" in str(outbox_item(ctx, message_id).last_error)
    later(ctx, 5)
    assert deliver_due(ctx).sent == 1
    with ctx.sessions() as session:
        message = session.get(Message, message_id)
        assert message is not None and message.delivery_status == Delivery.SENT


def test_blocked_bot_is_a_visible_failure_and_marks_the_chat_unreachable(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi
) -> None:
    message_id = reply(ctx, ticket_id, "Any news?")
    fake_api.fail("sendMessage", 403)
    assert deliver_due(ctx).failed == 1
    with ctx.sessions() as session:
        message = session.get(Message, message_id)
        assert message is not None and message.delivery_status == Delivery.FAILED
        assert "blocked" in str(message.delivery_error)
        identity = session.execute(select(ContactIdentity)).scalar_one()
        assert identity.unreachable


def test_receipt_id_is_chat_and_message_id_so_replies_thread(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi
) -> None:
    message_id = reply(ctx, ticket_id, "Fixed this morning.")
    deliver_due(ctx)
    (call,) = fake_api.calls_of("sendMessage")
    with ctx.sessions() as session:
        message = session.get(Message, message_id)
        assert message is not None
        assert message.external_id == f"{CHAT}:{call.result['message_id']}"


def test_long_reply_is_split_into_parts_under_the_limit(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi
) -> None:
    paragraph = "The drainage works on your street & the next one <phase 2>. " * 30
    reply(ctx, ticket_id, "\n\n".join([paragraph] * 5))
    deliver_due(ctx)
    parts = fake_api.sent_texts(CHAT)
    assert len(parts) >= 3 and all(len(p) <= 4096 for p in parts)


def test_partly_sent_message_resumes_without_repeating_parts(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi, tmp_path: Path
) -> None:
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"\xff\xd8after-photo")
    attachment = OutboundAttachment("after.jpg", "image/jpeg", str(photo))
    reply(ctx, ticket_id, "Done, see the photo.", attachments=(attachment,))
    fake_api.fail("sendPhoto", 502)
    ctx.settings.now = ctx.now()
    deliver_due(ctx)
    later(ctx, 5)
    deliver_due(ctx)
    (text,) = fake_api.sent_texts(CHAT)
    assert "Done, see the photo." in text
    assert len(fake_api.calls_of("sendPhoto")) == 2


def test_staff_image_goes_as_photo_and_pdf_as_document(
    ctx: Context, ticket_id: int, fake_api: FakeBotApi, tmp_path: Path
) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG-image")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7 permit")
    attachments = (
        OutboundAttachment("a.png", "image/png", str(tmp_path / "a.png")),
        OutboundAttachment("b.pdf", "application/pdf", str(tmp_path / "b.pdf")),
    )
    reply(ctx, ticket_id, "Attached.", attachments=attachments)
    deliver_due(ctx)
    (photo,) = fake_api.calls_of("sendPhoto")
    (document,) = fake_api.calls_of("sendDocument")
    assert photo.files["photo"] == b"\x89PNG-image"
    assert document.files["document"] == b"%PDF-1.7 permit"


def test_satisfaction_question_has_five_rating_buttons(
    fake_api: FakeBotApi, sender: TelegramSender
) -> None:
    sender.send(
        OutboundMessage(
            "telegram", str(CHAT), "How did we do?", "en", "MCT-000009", kind="satisfaction"
        )
    )
    markup = fake_api.calls_of("sendMessage")[0].params["reply_markup"]
    row = markup["inline_keyboard"][0]
    assert [b["callback_data"] for b in row] == [f"sat:MCT-000009:{n}" for n in range(1, 6)]


def test_unknown_chat_is_a_permanent_failure(fake_api: FakeBotApi, sender: TelegramSender) -> None:
    fake_api.fail("sendMessage", 400)
    with pytest.raises(PermanentDeliveryError):
        sender.send(OutboundMessage("telegram", "42", "Hello", "en", "MCT-000001"))


def test_split_text_counts_the_escaped_length() -> None:
    parts = split_text("&" * 5000, limit=4096)
    assert all(len(p) * 5 <= 4096 for p in parts) and "".join(parts) == "&" * 5000


def test_split_text_keeps_a_short_text_whole() -> None:
    assert split_text("Hello <b>") == ["Hello <b>"]
