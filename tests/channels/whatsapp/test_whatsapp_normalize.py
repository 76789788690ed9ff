"""Reading Meta's webhook bodies: every message type Balagh files, several per call, receipts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from channels.whatsapp.normalize import parse_updates
from core.models import Delivery
from tests.whatsapp_fake import envelope, message_update, status_update

NUMBER = "96891234567"


def one(kind: str, content: dict[str, Any], **extra: Any) -> Any:
    update = message_update(NUMBER, "wamid.X1", kind, content, at=1765000000)
    update["entry"][0]["changes"][0]["value"]["messages"][0].update(extra)
    (incoming,) = parse_updates(update).messages
    return incoming


def test_text_message_becomes_one_inbound_message_keyed_by_its_wamid() -> None:
    incoming = one("text", {"body": "السلام عليكم"})
    msg = incoming.message
    assert (msg.channel, msg.sender, msg.external_id, msg.text) == (
        "whatsapp",
        NUMBER,
        "wamid.X1",
        "السلام عليكم",
    )
    assert (msg.display_name, msg.phone, incoming.media) == ("Salim", "+96891234567", None)


def test_voice_note_is_media_to_fetch_with_an_audio_file_name() -> None:
    voice = {"id": "M-VOICE", "mime_type": "audio/ogg; codecs=opus", "sha256": "s", "voice": True}
    incoming = one("audio", voice)
    assert incoming.media is not None
    assert (incoming.media.media_id, incoming.media.content_type) == (
        "M-VOICE",
        "audio/ogg; codecs=opus",
    )
    assert incoming.media.filename.startswith("audio-") and incoming.media.filename.endswith(".ogg")


def test_document_keeps_its_file_name_and_caption() -> None:
    doc = {
        "id": "M-DOC",
        "mime_type": "application/pdf",
        "sha256": "s",
        "filename": "permit.pdf",
        "caption": "رخصة البناء",
    }
    incoming = one("document", doc)
    assert incoming.media is not None and incoming.media.filename == "permit.pdf"
    assert incoming.message.text == "رخصة البناء"


def test_template_quick_reply_button_reads_as_its_text() -> None:
    incoming = one("button", {"payload": "rating-5", "text": "5"})
    assert incoming.message.text == "5"


def test_reply_to_one_of_our_messages_is_a_threading_hint() -> None:
    incoming = one(
        "text", {"body": "more details"}, context={"from": "96824000000", "id": "wamid.OUT7"}
    )
    assert incoming.message.thread.reply_to == ("wamid.OUT7",)


def test_reactions_are_not_messages() -> None:
    update = message_update(
        NUMBER, "wamid.R", "reaction", {"message_id": "wamid.OUT1", "emoji": "👍"}
    )
    assert parse_updates(update).messages == []


def test_several_messages_and_statuses_in_one_call_are_all_read() -> None:
    first = message_update(NUMBER, "wamid.A", "text", {"body": "one"})
    second = message_update("96899887766", "wamid.B", "text", {"body": "two"})
    value = first["entry"][0]["changes"][0]["value"]
    value["messages"] += second["entry"][0]["changes"][0]["value"]["messages"]
    value["contacts"] += second["entry"][0]["changes"][0]["value"]["contacts"]
    value["statuses"] = status_update("wamid.OUT1", NUMBER, "read")["entry"][0]["changes"][0][
        "value"
    ]["statuses"]
    updates = parse_updates(first)
    assert [(m.message.sender, m.message.text) for m in updates.messages] == [
        (NUMBER, "one"),
        ("96899887766", "two"),
    ]
    assert [(r.external_id, r.state) for r in updates.receipts] == [("wamid.OUT1", Delivery.READ)]


def test_failed_status_carries_its_error_code() -> None:
    update = status_update(
        "wamid.OUT2", NUMBER, "failed", {"code": 131026, "title": "Message undeliverable"}
    )
    (receipt,) = parse_updates(update).receipts
    assert (receipt.state, receipt.error_code) == (Delivery.FAILED, 131026)
    assert receipt.error == "131026: Message undeliverable"


def test_an_empty_or_foreign_body_yields_nothing() -> None:
    assert parse_updates({}).messages == [] and parse_updates(envelope({})).receipts == []


def test_a_message_that_cannot_be_read_is_kept_raw_rather_than_lost() -> None:
    incoming = one("image", {"id": "M-NO-HASH", "mime_type": "image/jpeg"})  # no sha256
    msg = incoming.message
    assert (msg.external_id, msg.sender, msg.text) == ("wamid.X1", NUMBER, "")
    assert msg.extras["whatsapp_unread"] is True and b"M-NO-HASH" in msg.raw


def test_an_unreadable_message_keeps_its_caption_or_body_as_text() -> None:
    """pywa cannot read an image without sha256; the citizen's caption is still their words."""
    image = one("image", {"id": "M-NO-HASH", "mime_type": "image/jpeg", "caption": "حفرة كبيرة"})
    assert image.message.text == "حفرة كبيرة" and image.message.extras["whatsapp_unread"]
    odd = one("document", {"id": "D1", "caption": 42})  # not text: nothing is invented
    assert odd.message.text == ""


def test_a_body_of_the_wrong_shape_yields_nothing_rather_than_an_error() -> None:
    """A signed body whose entry, change or value is not an object (a string, a list) is
    skipped like an unknown part; it made the webhook answer 500."""
    bodies: list[dict[str, Any]] = [
        {"object": "whatsapp_business_account", "entry": "x"},
        {"object": "whatsapp_business_account", "entry": ["x", 1]},
        {"entry": [{"id": "1", "changes": "x"}]},
        {"entry": [{"id": "1", "changes": [["x"]]}]},
        {"entry": [{"id": "1", "changes": [{"field": "messages", "value": ["x"]}]}]},
        {"entry": [{"changes": [{"value": {"messages": "x", "statuses": [1]}}]}]},
    ]
    for body in bodies:
        updates = parse_updates(body)
        assert (updates.messages, updates.receipts) == ([], [])


def test_a_status_of_the_wrong_shape_yields_no_receipt_rather_than_an_error() -> None:
    """A signed status without an id, or with `errors` not a list of objects, made the
    webhook answer 500 (found posting odd statuses to the demo); the others still count."""
    good = {"id": "wamid.OUT3", "status": "delivered"}
    odd: list[dict[str, Any]] = [
        {"status": "sent"},
        {"id": "wamid.OUT4", "status": "failed", "errors": 5},
        {"id": "wamid.OUT5", "status": "failed", "errors": "x"},
        {"id": "wamid.OUT6", "status": "failed", "errors": [{"code": 1, "error_data": "x"}]},
    ]
    receipts = parse_updates(envelope({"statuses": [*odd, good]})).receipts
    assert [r.external_id for r in receipts] == [
        "wamid.OUT4",
        "wamid.OUT5",
        "wamid.OUT6",
        "wamid.OUT3",
    ]
    assert [r.error for r in receipts] == [None, None, "1: None", None]


def test_a_timestamp_beyond_the_calendar_keeps_the_message() -> None:
    """A signed message stamped 10**20 made the webhook answer 400 (OverflowError reached the
    app's 'too large' handler), so the message was never stored; it is kept, stamped now."""
    for stamp in ("99999999999999999999", "999999999999", 1.5e300):
        incoming = one("text", {"body": "hi"}, timestamp=stamp)
        assert incoming.message.text == "hi"
        assert incoming.message.received_at.year == datetime.now(UTC).year


def test_a_shared_contact_card_is_the_message_text() -> None:
    """A contact card (the owner of a building, a witness) carried nothing Balagh read, so
    the message was ignored as empty; Telegram keeps a card as "name: number" (probing the
    demo), and so does WhatsApp now."""
    card = {
        "name": {"formatted_name": "Ali Al Balushi", "first_name": "Ali"},
        "phones": [{"phone": "+968 9000 0001", "wa_id": "96890000001", "type": "CELL"}],
    }
    incoming = one("contacts", [card, {"name": {"formatted_name": "No phone"}}])
    assert incoming.message.text == "Ali Al Balushi: +968 9000 0001\nNo phone"
