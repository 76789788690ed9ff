"""A webhook body from WhatsApp, in the shapes core takes: inbound messages and receipts.

One call can carry several messages and statuses (`entry[].changes[].value`). Each message
is read with pywa's `Message` type (text, captions, media, locations); the replies to our
rating list and to a template's quick-reply buttons are read from the payload itself, as
pywa files them under callback types. The external id is the WhatsApp message id (wamid),
so Meta's retries of the same webhook make one message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pywa import WhatsApp
from pywa.types import Message as WaMessage
from pywa.types import MessageStatusType

from channels.whatsapp.texts import RATING_IDS
from core.inbound import InboundMessage, Location, ThreadHints
from core.models import Delivery
from core.phones import normalize_phone
from core.storable import json_bytes

logger = logging.getLogger(__name__)

CHANNEL = "whatsapp"
MEDIA_TYPES = ("image", "document", "audio", "video", "sticker")
REPLY_TYPES = ("interactive", "button")
IGNORED_TYPES = ("reaction", "system", "request_welcome")
RECEIPTS = {
    MessageStatusType.SENT: Delivery.SENT,
    MessageStatusType.DELIVERED: Delivery.DELIVERED,
    MessageStatusType.READ: Delivery.READ,
    MessageStatusType.FAILED: Delivery.FAILED,
}
# pywa needs a client to attach to the types it builds; this one never makes a call.
_PARSER = WhatsApp(phone_id="0", token="unused", server=None)


@dataclass(frozen=True)
class MediaRef:
    """A file the citizen sent, still on Meta's servers: stored as a reference in the
    message's extras, fetched by the inbound pipeline (channels.whatsapp.media)."""

    media_id: str
    content_type: str
    filename: str


@dataclass(frozen=True)
class Incoming:
    message: InboundMessage
    media: MediaRef | None = None


@dataclass(frozen=True)
class Receipt:
    """A status webhook: what happened to one message we sent."""

    external_id: str
    state: Delivery
    error_code: int | None = None
    error: str | None = None


@dataclass
class Updates:
    messages: list[Incoming] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)


def parse_updates(body: dict[str, Any]) -> Updates:
    """Every message and receipt in one webhook body; unknown parts are logged and skipped."""
    updates = Updates()
    for entry in _objects(body, "entry"):
        for change in _objects(entry, "changes"):
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            contacts = _Contacts(value)
            for raw in _objects(value, "messages"):
                incoming = _read_message(entry, value, raw, contacts)
                if incoming is not None:
                    updates.messages.append(incoming)
            for status in _objects(value, "statuses"):
                receipt = _receipt(status)
                if receipt is not None:
                    updates.receipts.append(receipt)
    return updates


def _objects(parent: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects listed under `key`; a part of another shape is skipped, not an error."""
    found = parent.get(key)
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, dict)]


def _read_message(
    entry: dict[str, Any], value: dict[str, Any], raw: dict[str, Any], contacts: _Contacts
) -> Incoming | None:
    """One message; one Balagh cannot read is still kept (raw, no text) rather than lost."""
    try:
        return _incoming(entry, value, raw, contacts)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("from"):
            logger.warning("whatsapp: skipped a message without id or sender: %s", exc)
            return None
        logger.warning("whatsapp: could not read message %s (%s); kept raw", raw["id"], exc)
        message = InboundMessage(
            channel=CHANNEL,
            sender=str(raw["from"]),
            text=_raw_words(raw),
            external_id=str(raw["id"]),
            received_at=_timestamp(raw.get("timestamp")),
            raw=json_bytes(raw),
            extras={"whatsapp_type": str(raw.get("type", "")), "whatsapp_unread": True},
        )
        return Incoming(message)


def _raw_words(raw: dict[str, Any]) -> str:
    """The citizen's words in a message pywa could not read (an image without sha256): its
    caption or text body, straight from the payload, so the ticket shows what they wrote."""
    for key, name in ((str(raw.get("type", "")), "caption"), ("text", "body")):
        part = raw.get(key)
        words = part.get(name) if isinstance(part, dict) else None
        if isinstance(words, str) and words.strip():
            return words
    return ""


def _incoming(
    entry: dict[str, Any], value: dict[str, Any], raw: dict[str, Any], contacts: _Contacts
) -> Incoming | None:
    """One message of a webhook update as the inbound message it is, with the media the
    workers fetch; None for a type Balagh ignores (`IGNORED_TYPES`)."""
    kind = str(raw.get("type", ""))
    if kind in IGNORED_TYPES:
        return None
    sender = str(raw["from"])
    contact = contacts.of(sender)
    single = _single_update(entry, value, contact, raw)
    text, location, media = _content(kind, raw, single)
    if not text and location is None and media is None:
        logger.info("whatsapp: message type %r carries nothing Balagh reads; kept raw", kind)
    context = raw.get("context") or {}
    message = InboundMessage(
        channel=CHANNEL,
        sender=sender,
        text=text,
        external_id=str(raw["id"]),
        display_name=(contact.get("profile") or {}).get("name") or None,
        thread=ThreadHints(reply_to=(str(context["id"]),) if context.get("id") else ()),
        location=location,
        phone=normalize_phone("+" + sender.lstrip("+")),
        received_at=_timestamp(raw.get("timestamp")),
        raw=json_bytes(single),
        extras={"whatsapp_type": kind, **_media_extras(kind, media)},
        needs_preparing=media is not None,  # the workers fetch the file (whatsapp.media)
    )
    return Incoming(message, media)


def _single_update(
    entry: dict[str, Any], value: dict[str, Any], contact: dict[str, Any], raw: dict[str, Any]
) -> dict[str, Any]:
    """A webhook update holding this one message and its sender's contact: what is stored
    as the message's raw payload, and what pywa parses."""
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": entry.get("id", ""),
                "changes": [
                    {
                        "field": "messages",
                        "value": {**value, "contacts": [contact], "messages": [raw]},
                    }
                ],
            }
        ],
    }


def _content(
    kind: str, raw: dict[str, Any], single: dict[str, Any]
) -> tuple[str, Location | None, MediaRef | None]:
    """The message's text, place and media: a button or list reply as the choice it makes
    (`_reply_text`), anything else as pywa reads it (contact cards written out as text)."""
    if kind in REPLY_TYPES:
        return _reply_text(raw), None, None
    location, media = None, None
    parsed = WaMessage.from_update(_PARSER, single)  # type: ignore[arg-type]
    text = parsed.text or parsed.caption or ""
    if not isinstance(text, str):  # pywa passes a number in `body` through as it is
        raise TypeError(f"message text is {type(text).__name__}, not text")
    if kind == "contacts":
        text = _contact_cards(raw.get("contacts"))
    if parsed.location is not None:
        loc = parsed.location
        place = ", ".join(p for p in (loc.name, loc.address) if p) or None
        location = Location(lat=loc.latitude, lon=loc.longitude, address=place)
    if kind in MEDIA_TYPES and parsed.media is not None:
        media = MediaRef(
            media_id=str(parsed.media.id),
            content_type=str(parsed.media.mime_type or "application/octet-stream"),
            filename=_filename(kind, raw, str(parsed.media.mime_type or "")),
        )
    return text, location, media


def _media_extras(kind: str, media: MediaRef | None) -> dict[str, Any]:
    """The reference the workers fetch the file by (`channels.whatsapp.media.MEDIA_KEY`)."""
    if media is None:
        return {}
    ref = {
        "id": media.media_id,
        "mime_type": media.content_type,
        "filename": media.filename,
        "kind": kind,
    }
    return {"whatsapp_media": ref}


class _Contacts:
    """The contact cards of one `value`, by number, read once: looked up in the list for
    each message, a batch of 2,000 messages from 2,000 numbers took 1.4 s of the webhook's
    answer (4 million comparisons)."""

    def __init__(self, value: dict[str, Any]) -> None:
        listed = value.get("contacts")
        cards = [c for c in listed if isinstance(c, dict)] if isinstance(listed, list) else []
        self.first = cards[0] if cards else None
        self.by_number: dict[Any, dict[str, Any]] = {}
        for card in cards:
            number = card.get("wa_id")
            if isinstance(number, str):
                self.by_number.setdefault(number, card)

    def of(self, sender: str) -> dict[str, Any]:
        """The sender's contact card (name), else the first one; pywa wants the
        business-scoped id field present."""
        contact = dict(self.by_number.get(sender) or self.first or {"wa_id": sender})
        contact.setdefault("user_id", None)
        return contact


def _reply_text(raw: dict[str, Any]) -> str:
    """The citizen's choice: our rating list sends row ids "1".."5", templates a button text.

    Only an id we sent acts (the rating list's, `RATING_IDS`): any other id is no word of
    the citizen's, so the row's or button's visible title stands for what they chose; with
    no title the message carries nothing to read (kept, no ticket, the citizen told once)."""
    if raw.get("type") == "button":
        button = raw.get("button") or {}
        return str(button.get("text") or button.get("payload") or "")
    interactive = raw.get("interactive") or {}
    chosen = interactive.get("list_reply") or interactive.get("button_reply") or {}
    if str(chosen.get("id") or "") in RATING_IDS:
        return str(chosen["id"])
    return str(chosen.get("title") or "")


def _contact_cards(cards: Any) -> str:
    """Shared contact cards as "name: number" lines, as Telegram shows one: someone the
    citizen points staff to (an owner, a witness) is what they sent."""
    lines = []
    for card in cards if isinstance(cards, list) else ():
        if not isinstance(card, dict):
            continue
        names = card.get("name")
        name = str(names.get("formatted_name") or "") if isinstance(names, dict) else ""
        phones = card.get("phones")
        numbers = [
            str(phone.get("phone") or phone.get("wa_id") or "")
            for phone in (phones if isinstance(phones, list) else ())
            if isinstance(phone, dict)
        ]
        number = ", ".join(n for n in numbers if n)
        lines.append(f"{name}: {number}" if name and number else name or number)
    return "\n".join(line for line in lines if line)


def _filename(kind: str, raw: dict[str, Any], content_type: str) -> str:
    given = (raw.get(kind) or {}).get("filename")
    if given:
        return str(given)
    extension = content_type.split(";")[0].split("/")[-1].strip() or "bin"
    return f"{kind}-{raw.get('id', 'file')[-12:]}.{extension}"


def _timestamp(value: Any) -> datetime:
    """The message's time, or now when it is no time a calendar holds (10**20 overflows)."""
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(UTC)


def _receipt(status: dict[str, Any]) -> Receipt | None:
    """One status; without a message id it names nothing of ours and is skipped. Errors of
    another shape than Meta's list of objects are left out, the state still counts."""
    try:
        state = RECEIPTS[MessageStatusType(status.get("status"))]
    except (KeyError, ValueError):
        return None
    external_id = status.get("id")
    if not isinstance(external_id, str | int) or not str(external_id):
        logger.warning("whatsapp: skipped a %s status without a message id", state)
        return None
    errors = status.get("errors")
    first = errors[0] if isinstance(errors, list) and errors else {}
    first = first if isinstance(first, dict) else {}
    code = first.get("code")
    error_data = first.get("error_data")
    detail = error_data.get("details") if isinstance(error_data, dict) else None
    error = first.get("title") or first.get("message") or detail
    return Receipt(
        external_id=str(external_id),
        state=state,
        error_code=int(code) if isinstance(code, int | str) and str(code).isdigit() else None,
        error=f"{code}: {error}" if code or error else None,
    )
