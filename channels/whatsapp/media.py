"""A citizen's photo, document or voice note, fetched by the inbound pipeline, not the webhook.

The webhook stores the message with a reference to its file (`extras["whatsapp_media"]`:
Meta's media id, mime type and file name) and answers Meta at once, so a slow Graph API never
holds a webhook call. The pipeline's preparer thread runs `fetch_media` (the descriptor's
`prepare` hook) on the record's message, outside any transaction, before a worker may file
it. A failed download raises: the record is left failed with its error and retried like any
failed processing (the `inbound` job, each minute). On the
`MEDIA_ATTEMPTS`-th try the message is filed without the file, and an internal note tells
staff it could not be fetched: the citizen's text is never lost to a media error.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from channels.whatsapp.webhook import graph_api
from core.context import Context
from core.inbound import InboundAttachment, InboundMessage

logger = logging.getLogger(__name__)

MEDIA_KEY = "whatsapp_media"
MISSING_KEY = "whatsapp_media_missing"
# Tries before the message is filed without its file. The `inbound` job retries a failed
# record each minute while it has failed fewer than 10 times (core.intake.ingest.retry_pending).
MEDIA_ATTEMPTS = 5


class MediaNotFetched(Exception):
    """The file could not be fetched this time; the record is retried."""


def fetch_media(ctx: Context, message: InboundMessage, attempts: int) -> InboundMessage:
    """The message with the file it refers to, or with a staff note once tries ran out."""
    ref = message.extras.get(MEDIA_KEY)
    if not isinstance(ref, dict) or not ref.get("id"):
        return message
    media_id, declared = str(ref["id"]), str(ref.get("mime_type") or "")
    try:
        media = graph_api(ctx).download(media_id)
    except Exception as exc:  # noqa: BLE001 - any failure: retry, then file without the file
        reason = f"{type(exc).__name__}: {exc}"[:300]
        tries = attempts + 1
        # Too large never gets smaller: give up at once.
        if tries < MEDIA_ATTEMPTS and not isinstance(exc, ValueError):
            raise MediaNotFetched(
                f"WhatsApp media {media_id} not fetched (try {tries} of {MEDIA_ATTEMPTS}): {reason}"
            ) from exc
        logger.warning("whatsapp: gave up fetching media %s: %s", media_id, type(exc).__name__)
        note = (
            f"The citizen sent a file ({ref.get('kind') or 'media'}, {declared or 'unknown type'})"
            f" that could not be fetched from WhatsApp after {tries} tries ({reason}). "
            "Ask them to send it again if it is needed."
        )
        return replace(
            message,
            extras={**message.extras, MISSING_KEY: media_id},
            staff_notes=(*message.staff_notes, note),
        )
    attachment = InboundAttachment(
        filename=str(ref.get("filename") or media_id),
        content_type=media.content_type or declared.split(";")[0] or "application/octet-stream",
        data=media.data,
    )
    return replace(message, attachments=(*message.attachments, attachment))
