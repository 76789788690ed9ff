"""Telegram updates to Balagh's one inbound message: pure functions, no network, no database.

Identity: a chat is the citizen's address (`sender` = chat id) and `external_id` is
"chat_id:message_id", unique per chat, so a re-delivered update is the same message and a
reply to one of our notifications (whose receipt has the same shape) threads to its ticket.
Files are only described here (`file_refs`); the handler downloads them and passes the bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from telegram import Bot, Message, Update

from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.storable import json_bytes

CHANNEL = "telegram"
MAX_FILE_BYTES = 20 * 1024 * 1024  # the Bot API's getFile limit
ALLOWED_TYPE_PREFIXES = ("image/", "audio/", "video/")
ALLOWED_TYPES = frozenset({"application/pdf", "text/plain"})


@dataclass(frozen=True)
class FileRef:
    """A file in a message, before download: what to fetch and how to name it."""

    file_id: str
    filename: str
    content_type: str
    size: int | None


def as_update(update: Update | dict[str, Any]) -> Update:
    """Accept a PTB Update or the raw JSON dict Telegram sent."""
    return update if isinstance(update, Update) else Update.de_json(update, None)


# What Update.de_json raises on a shape Telegram never sends (a string as `message`, a date
# that is not a number, ...).
SHAPE_ERRORS = (TypeError, ValueError, AttributeError, KeyError, OverflowError)


def read_update(data: dict[str, Any], bot: Bot | None) -> Update | str:
    """The update, or why this JSON cannot be a Telegram update (read once, with the bot).

    Such an update is acknowledged and ignored: retrying it would fail the same way forever.
    """
    try:
        update = Update.de_json(data, bot)
    except SHAPE_ERRORS as exc:
        return f"{type(exc).__name__}: {exc}"
    for message in (update.message, update.edited_message):
        if message is None:
            continue
        chat_id = getattr(message.chat, "id", None)  # the chat every answer goes to
        if not isinstance(chat_id, int):
            return f"message chat id is {type(chat_id).__name__}, not a number"
        for name in ("text", "caption"):
            value = getattr(message, name)
            if value is not None and not isinstance(value, str):
                return f"message {name} is {type(value).__name__}, not text"
    return update


def external_id(chat_id: int, message_id: int) -> str:
    """Our id for a Telegram message: message ids are unique only within a chat."""
    return f"{chat_id}:{message_id}"


def file_refs(message: Message) -> list[FileRef]:
    """The files worth keeping in a message: the largest photo size, documents, voice, video."""
    refs: list[FileRef] = []
    if message.photo:
        best = max(message.photo, key=lambda p: (p.file_size or 0, p.width * p.height))
        refs.append(
            FileRef(best.file_id, f"photo-{best.file_unique_id}.jpg", "image/jpeg", best.file_size)
        )
    doc = message.document
    if doc is not None:
        name = doc.file_name or f"document-{doc.file_unique_id}"
        refs.append(
            FileRef(doc.file_id, name, doc.mime_type or "application/octet-stream", doc.file_size)
        )
    if message.voice is not None:
        v = message.voice
        refs.append(
            FileRef(
                v.file_id, f"voice-{v.file_unique_id}.ogg", v.mime_type or "audio/ogg", v.file_size
            )
        )
    if message.audio is not None:
        a = message.audio
        name = a.file_name or f"audio-{a.file_unique_id}"
        refs.append(FileRef(a.file_id, name, a.mime_type or "audio/mpeg", a.file_size))
    for video in (message.video, message.video_note):
        if video is not None:
            name = getattr(video, "file_name", None) or f"video-{video.file_unique_id}.mp4"
            mime = getattr(video, "mime_type", None) or "video/mp4"
            refs.append(FileRef(video.file_id, name, mime, video.file_size))
    return refs


def refusal_for(refs: list[FileRef]) -> str | None:
    """The catalog text key refusing these files, or None when all are acceptable."""
    for ref in refs:
        if ref.size is not None and ref.size > MAX_FILE_BYTES:
            return "error_too_large"
    for ref in refs:
        allowed = ref.content_type in ALLOWED_TYPES or ref.content_type.startswith(
            ALLOWED_TYPE_PREFIXES
        )
        if not allowed:
            return "error_unsupported_file"
    return None


def own_phone(message: Message) -> str | None:
    """The phone number of a shared contact card when it is the sender's own."""
    contact = message.contact
    user = message.from_user
    if contact is None or user is None or contact.user_id != user.id:
        return None
    return contact.phone_number


def message_text(message: Message) -> str:
    """What the citizen wrote: text or caption, plus a venue's or someone else's contact card."""
    parts = [message.text or message.caption or ""]
    contact = message.contact
    if contact is not None and own_phone(message) is None:
        name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
        parts.append(f"{name}: {contact.phone_number}".strip())
    return "\n".join(p for p in parts if p)


def message_location(message: Message) -> Location | None:
    """A shared location or venue (a venue carries its name and address)."""
    if message.venue is not None:
        venue = message.venue
        address = ", ".join(p for p in (venue.title, venue.address) if p) or None
        return Location(venue.location.latitude, venue.location.longitude, address)
    if message.location is not None:
        return Location(message.location.latitude, message.location.longitude)
    return None


def normalize_update(
    update: Update | dict[str, Any],
    *,
    attachments: tuple[InboundAttachment, ...] = (),
    new_ticket: bool = False,
) -> InboundMessage | None:
    """The inbound message in a private-chat message update, or None if there is none."""
    upd = as_update(update)
    message = upd.message
    if message is None or message.chat.type != "private":
        return None
    user = message.from_user
    chat_id = message.chat.id
    replied = message.reply_to_message
    reply_to = (external_id(chat_id, replied.message_id),) if replied is not None else ()
    received = message.date.astimezone(UTC) if message.date else datetime.now(UTC)
    raw = update if isinstance(update, dict) else upd.to_dict()
    return InboundMessage(
        channel=CHANNEL,
        sender=str(chat_id),
        text=message_text(message),
        external_id=external_id(chat_id, message.message_id),
        display_name=(user.full_name if user else None) or None,
        language_hint=user.language_code if user else None,
        thread=ThreadHints(reply_to=reply_to, new_ticket=new_ticket),
        attachments=attachments,
        location=message_location(message),
        phone=own_phone(message),
        received_at=received,
        raw=json_bytes(raw),
        extras={"update_id": upd.update_id, "username": user.username if user else None},
    )


@dataclass(frozen=True)
class Edit:
    """A citizen edited a message: which one, its new text, and when."""

    external_id: str
    text: str
    edited_at: datetime


def normalize_edit(update: Update | dict[str, Any]) -> Edit | None:
    """The edit in an `edited_message` update from a private chat, or None."""
    message = as_update(update).edited_message
    if message is None or message.chat.type != "private":
        return None
    when = message.edit_date or message.date or datetime.now(UTC)
    return Edit(
        external_id(message.chat.id, message.message_id),
        message_text(message),
        when.astimezone(UTC),
    )
