"""`/whatsapp/webhook`: Meta's verification handshake (GET) and its signed updates (POST).

Every POST must carry `X-Hub-Signature-256`, the HMAC-SHA256 of the exact body with the app
secret (checked with pywa's validator); without it, 401 and nothing is read or stored. Each
message is stored (with any photo, document or voice note fetched from the Graph API) before
we answer 200; if it cannot be, 503 makes Meta send the webhook again (a message stored
before the failure is a duplicate then, by Meta's message id, and stored once). A stored
message is the inbound pipeline's (core.intake.pipeline), as every channel's: its workers
file it on its ticket and queue the acknowledgement; the webhook does not wait for them.
Status updates move each reply's delivery state (sent, delivered, read, failed).
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, request
from pywa.utils import webhook_updates_validator

from channels.whatsapp.graph import GraphApi, is_recipient_failure
from channels.whatsapp.normalize import CHANNEL, Incoming, Receipt, parse_updates
from core.context import Context
from core.delivery.outbox import record_delivery_state
from core.errors import StorageUnavailable
from core.inbound import InboundAttachment, InboundMessage
from core.intake.ingest import accept
from core.intake.pipeline import pass_on

logger = logging.getLogger(__name__)

bp = Blueprint("whatsapp", __name__)
SIGNATURE_HEADER = "X-Hub-Signature-256"


def _ctx() -> Context:
    return current_app.extensions["balagh"]


def configured(ctx: Context) -> bool:
    return bool(ctx.settings.whatsapp_token and ctx.settings.whatsapp_phone_id)


@bp.get("/whatsapp/webhook")
def verify() -> Response:
    """The subscription handshake: echo `hub.challenge` when the verify token matches."""
    ctx = _ctx()
    if not configured(ctx):
        abort(404)
    expected = ctx.settings.whatsapp_verify_token
    given = request.args.get("hub.verify_token", "")
    if (
        request.args.get("hub.mode") != "subscribe"
        or not expected
        or not hmac.compare_digest(given.encode(), expected.encode())
    ):
        abort(403)
    return Response(request.args.get("hub.challenge", ""), mimetype="text/plain")


@bp.post("/whatsapp/webhook")
def receive() -> Response:
    """One webhook call: 200 once everything in it is stored, 503 if it could not be; the
    workers process the stored messages after the answer."""
    ctx = _ctx()
    if not configured(ctx):
        abort(404)
    body = request.get_data(cache=True)
    if not _signed(ctx, body, request.headers.get(SIGNATURE_HEADER, "")):
        logger.warning(
            "whatsapp: webhook call without a valid signature from %s", request.remote_addr
        )
        abort(401)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400)
    updates = parse_updates(data)
    try:
        stored = [_store(ctx, incoming) for incoming in updates.messages]
    except StorageUnavailable:
        return Response("not stored; retry", status=503, headers={"Retry-After": "5"})
    if any(record_id is not None for record_id in stored):
        pass_on(ctx)
    for receipt in updates.receipts:
        _apply(ctx, receipt)
    return Response("", status=200)


def _signed(ctx: Context, body: bytes, signature: str) -> bool:
    secret = ctx.settings.whatsapp_app_secret
    if not secret or not signature.startswith("sha256="):
        return False
    return webhook_updates_validator(secret, body, signature)


def _store(ctx: Context, incoming: Incoming) -> int | None:
    """Accept one message; its record id when new, None for a repeat of a stored one."""
    message = _with_media(ctx, incoming)
    accepted = accept(ctx, message)
    return None if accepted.duplicate else accepted.record_id


def _with_media(ctx: Context, incoming: Incoming) -> InboundMessage:
    """Fetch the citizen's file; if Meta's media server fails, keep the message without it.

    The message matters more than the file: it is stored either way, with the media id in
    its extras and the whole payload in its raw record, so staff can still ask for the file.
    """
    ref, message = incoming.media, incoming.message
    if ref is None:
        return message
    try:
        media = graph_api(ctx).download(ref.media_id)
    except Exception as exc:  # noqa: BLE001 - any failure: store the message regardless
        logger.warning("whatsapp: could not fetch media %s: %s", ref.media_id, type(exc).__name__)
        extras = {**message.extras, "whatsapp_media_missing": ref.media_id}
        return replace(message, extras=extras)
    attachment = InboundAttachment(
        filename=ref.filename,
        content_type=media.content_type or ref.content_type.split(";")[0],
        data=media.data,
    )
    return replace(message, attachments=(attachment,))


def _apply(ctx: Context, receipt: Receipt) -> None:
    permanent = is_recipient_failure(receipt.error_code)
    found = record_delivery_state(
        ctx, CHANNEL, receipt.external_id, receipt.state, error=receipt.error, permanent=permanent
    )
    if not found:
        logger.info("whatsapp: status %s for unknown message", receipt.state)


def graph_api(ctx: Context) -> GraphApi:
    """The one Graph API client per context (shared by the webhook and the sender)."""
    api = ctx.extras.get("whatsapp_api")
    if api is None:
        settings = ctx.settings
        api = GraphApi(
            settings.whatsapp_api_url, settings.whatsapp_phone_id, settings.whatsapp_token
        )
        ctx.extras["whatsapp_api"] = api
    return api
