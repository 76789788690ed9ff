"""Normalisation of captured Telegram updates: pure, no network, no database."""

from __future__ import annotations

import json
from pathlib import Path

from telegram import Update

from channels.telegram.normalize import (
    MAX_FILE_BYTES,
    FileRef,
    file_refs,
    normalize_edit,
    normalize_update,
    refusal_for,
)
from core.inbound import InboundAttachment

DATA = Path(__file__).parents[2] / "data" / "telegram"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_text_message_identity_is_chat_and_message_id() -> None:
    msg = normalize_update(load("text_ar.json"))
    assert msg is not None
    assert (msg.channel, msg.sender, msg.external_id) == ("telegram", "555001", "555001:11")
    assert msg.text.startswith("يوجد تسرب مياه")
    assert msg.language_hint == "ar"
    assert msg.display_name == "سالم البلوشي"


def test_received_at_is_the_telegram_date_in_utc() -> None:
    msg = normalize_update(load("text_en.json"))
    assert msg is not None and msg.received_at.timestamp() == 1764300000
    assert msg.received_at.utcoffset() is not None


def test_raw_keeps_the_update_json() -> None:
    data = load("text_en.json")
    msg = normalize_update(data)
    assert msg is not None and json.loads(msg.raw) == data


def test_largest_photo_size_is_the_one_to_download() -> None:
    update = Update.de_json(load("photo_caption.json"), None)
    assert update.message is not None
    (ref,) = file_refs(update.message)
    assert ref.file_id == "AgACAgQAAxkBAAIBlarge" and ref.content_type == "image/jpeg"


def test_caption_is_the_text_and_downloaded_files_are_attached() -> None:
    att = InboundAttachment("photo.jpg", "image/jpeg", b"\xff\xd8jpeg")
    msg = normalize_update(load("photo_caption.json"), attachments=(att,))
    assert msg is not None and msg.text == "نفايات متراكمة بجانب الحاوية منذ أسبوع"
    assert msg.attachments == (att,)


def test_location_becomes_the_message_location() -> None:
    msg = normalize_update(load("location.json"))
    assert msg is not None and msg.location is not None
    assert (msg.location.lat, msg.location.lon) == (23.588, 58.3829)


def test_venue_keeps_its_name_and_address() -> None:
    msg = normalize_update(load("venue.json"))
    assert msg is not None and msg.location is not None
    assert msg.location.address == "Muttrah Corniche, Al Bahri Rd, Muttrah"


def test_own_shared_contact_gives_the_phone() -> None:
    msg = normalize_update(load("contact_own.json"))
    assert msg is not None and msg.phone == "+96899123456" and msg.text == ""


def test_someone_elses_contact_card_is_text_not_our_phone() -> None:
    data = load("contact_own.json")
    data["message"]["contact"]["user_id"] = 999
    msg = normalize_update(data)
    assert msg is not None and msg.phone is None and "+96899123456" in msg.text


def test_reply_to_our_message_gives_a_thread_hint() -> None:
    msg = normalize_update(load("reply.json"))
    assert msg is not None and msg.thread.reply_to == ("555001:1000",)


def test_new_ticket_flag_is_passed_through() -> None:
    msg = normalize_update(load("text_ar.json"), new_ticket=True)
    assert msg is not None and msg.thread.new_ticket


def test_group_messages_are_not_citizen_reports() -> None:
    assert normalize_update(load("group.json")) is None


def test_edit_names_the_original_message_and_new_text() -> None:
    edit = normalize_edit(load("edited.json"))
    assert edit is not None and edit.external_id == "555001:11"
    assert edit.text.endswith("منذ ثلاثة أيام")
    assert edit.edited_at.timestamp() == 1764300060


def test_file_over_twenty_megabytes_is_refused_as_too_large() -> None:
    update = Update.de_json(load("document_large.json"), None)
    assert update.message is not None
    assert refusal_for(file_refs(update.message)) == "error_too_large"


def test_executable_document_is_refused_as_unsupported() -> None:
    ref = FileRef("x", "setup.exe", "application/x-msdownload", 1000)
    assert refusal_for([ref]) == "error_unsupported_file"


def test_voice_note_within_limits_is_accepted() -> None:
    update = Update.de_json(load("voice.json"), None)
    assert update.message is not None
    refs = file_refs(update.message)
    assert refs[0].content_type == "audio/ogg" and refusal_for(refs) is None
    assert MAX_FILE_BYTES == 20 * 1024 * 1024
