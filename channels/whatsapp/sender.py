"""Replies to WhatsApp through the outbox: free text inside the 24-hour window, templates after.

WhatsApp lets a business write freely only within 24 hours of the citizen's last message
(the customer-service window); later, only an approved template may open the conversation.
The window is judged when the message is sent, not when it was queued, from the last message
stored from this number; if Meta still says the window has closed, the part goes again as a
template. The satisfaction question is an interactive list of the five ratings (WhatsApp
allows at most three reply buttons), whose rows answer with the digit core reads as a rating.

A message is sent in parts (its text, then each attachment), each part checkpointed by the
outbox, so a retry after a failure resends only what did not go.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from channels.whatsapp.graph import GraphApi, OutsideWindow
from channels.whatsapp.texts import RATING_IDS, wa_text
from core.context import Context
from core.models import ContactIdentity, Direction, Message, Ticket
from core.outbound import (
    DeliveryReceipt,
    OutboundAttachment,
    OutboundMessage,
    Progress,
)

logger = logging.getLogger(__name__)

CHANNEL = "whatsapp"
WINDOW = timedelta(hours=24)
TEXT_LIMIT = 4096
TEMPLATE_PARAM_LIMIT = 1000
SURVEY_KIND = "satisfaction"
ACK_KIND = "ack"


class WhatsAppSender:
    """The outbox's sender for the `whatsapp` channel (a `ResumableSender`)."""

    def __init__(self, ctx: Context, api: GraphApi) -> None:
        self.ctx = ctx
        self.api = api

    @property
    def last_error(self) -> str | None:
        return self.api.last_error

    def send(self, message: OutboundMessage) -> DeliveryReceipt:
        return self.send_from(message, Progress(), lambda _progress: None)

    def send_from(
        self, message: OutboundMessage, progress: Progress, checkpoint: Any
    ) -> DeliveryReceipt:
        # A message begun inside the window keeps its parts on a retry: switching to a
        # template would silently drop the files not yet sent; they fail visibly instead.
        open_window = progress.parts > 0 or self.window_open(message.to)
        parts = self._parts(message, open_window)
        first_id = progress.first_id
        for index in range(progress.parts, len(parts)):
            wamid = self._send_part(message, parts[index])
            first_id = first_id or wamid
            checkpoint(Progress(index + 1, first_id))
        return DeliveryReceipt(external_id=first_id)

    def window_open(self, number: str) -> bool:
        """True while the citizen's last message from this number is less than 24 hours old."""
        with self.ctx.sessions() as session:
            last = session.execute(
                select(func.max(Message.created_at))
                .join(Ticket, Message.ticket_id == Ticket.id)
                .join(ContactIdentity, ContactIdentity.contact_id == Ticket.contact_id)
                .where(
                    Message.direction == str(Direction.IN),
                    Message.channel == CHANNEL,
                    ContactIdentity.channel == CHANNEL,
                    ContactIdentity.address == number,
                )
            ).scalar_one_or_none()
        if last is None:
            return False
        now = self.ctx.now()
        if last.tzinfo is None:
            now = now.replace(tzinfo=None)
        return now - last < WINDOW

    def _parts(self, message: OutboundMessage, open_window: bool) -> list[dict[str, Any]]:
        """The payloads to post, in order; outside the window, one template and no media."""
        if not open_window:
            return [self._template(message)]
        parts: list[dict[str, Any]] = []
        if message.kind == SURVEY_KIND:
            parts.append(self._rating_list(message))
        else:
            parts.extend(
                {"type": "text", "text": {"body": chunk, "preview_url": False}}
                for chunk in _chunks(message.text, TEXT_LIMIT)
            )
        parts.extend({"attachment": a} for a in message.attachments)
        return parts

    def _send_part(self, message: OutboundMessage, part: dict[str, Any]) -> str:
        attachment = part.get("attachment")
        if isinstance(attachment, OutboundAttachment):
            return self.api.send({"to": message.to, **self._media(attachment)})
        try:
            return self.api.send({"to": message.to, **part})
        except OutsideWindow:
            if part.get("type") == "template":
                raise
            logger.info("whatsapp: window closed for a reply; sending it as a template")
            return self.api.send({"to": message.to, **self._template(message)})

    def _media(self, attachment: OutboundAttachment) -> dict[str, Any]:
        data = Path(attachment.path).read_bytes()
        media_id = self.api.upload(attachment.filename, attachment.content_type, data)
        kind = "image" if attachment.content_type in ("image/jpeg", "image/png") else "document"
        media: dict[str, Any] = {"id": media_id}
        if kind == "document":
            media["filename"] = attachment.filename
        return {"type": kind, kind: media}

    def _rating_list(self, message: OutboundMessage) -> dict[str, Any]:
        language = message.language
        rows = [{"id": r, "title": wa_text(f"rate.{r}", language)} for r in RATING_IDS]
        return {
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": message.text[:1024]},
                "action": {
                    "button": wa_text("rate.button", language),
                    "sections": [{"title": wa_text("rate.section", language), "rows": rows}],
                },
            },
        }

    def _template(self, message: OutboundMessage) -> dict[str, Any]:
        """The approved template for this kind of message, in the citizen's language.

        Acknowledgement and survey templates take the reference; the notice template takes
        the reference and the text (templates refuse line breaks in parameters).
        """
        settings = self.ctx.settings
        params = [message.reference]
        if message.kind == ACK_KIND:
            name = settings.whatsapp_template_ack
        elif message.kind == SURVEY_KIND:
            name = settings.whatsapp_template_survey
        else:
            name = settings.whatsapp_template_notice
            params.append(_one_line(message.text)[:TEMPLATE_PARAM_LIMIT])
        language = (
            settings.whatsapp_template_language_en
            if message.language == "en"
            else settings.whatsapp_template_language_ar
        )
        return {
            "type": "template",
            "template": {
                "name": name,
                "language": {"code": language},
                "components": [
                    {
                        "type": "body",
                        "parameters": [{"type": "text", "text": p} for p in params],
                    }
                ],
            },
        }


def _chunks(text: str, limit: int) -> list[str]:
    text = text.strip() or "."
    return [text[i : i + limit] for i in range(0, len(text), limit)]


def _one_line(text: str) -> str:
    return " ".join(text.split())
