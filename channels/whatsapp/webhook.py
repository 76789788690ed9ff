"""`/whatsapp/webhook`: Meta's verification handshake (GET) and its signed updates (POST).

Every POST must carry `X-Hub-Signature-256`, the HMAC-SHA256 of the exact body with the app
secret (checked with pywa's validator); without it, 401 and nothing is read or stored. Each
message is stored before we answer 200, a photo, document or voice note as a reference only
(Meta's media id: the workers fetch the file, channels.whatsapp.media, so a slow Graph API
never holds this answer). Meta batches messages (`entry[].changes[].value.messages[]`, up to
thousands in one call): they are stored a few hundred per transaction
(core.intake.batchstore), 2,000 in well under the answer deadline; if they cannot be, 503
makes Meta send the webhook again (a message stored before the failure is a duplicate then,
by Meta's message id, and stored once). A stored
message is the inbound pipeline's (core.intake.pipeline), as every channel's: its workers
file it on its ticket and queue the acknowledgement; the webhook does not wait for them.
Status updates move each reply's delivery state (sent, delivered, read, failed). A message
with nothing Balagh can read (a view-once photo or a poll reach the Cloud API as `unsupported`;
only invisible characters) is kept and opens no ticket; the citizen is told so once, as the
Telegram bot tells a chat, from a thread of its own, so Graph's latency never holds the answer.
"""

from __future__ import annotations

import logging
import threading

from flask import Blueprint, Response, abort, current_app, request
from pywa.utils import webhook_updates_validator
from sqlalchemy import select

from channels.whatsapp.graph import GraphApi, is_recipient_failure
from channels.whatsapp.normalize import CHANNEL, Receipt, parse_updates
from core.context import Context
from core.delivery.outbox import DeliveryReceipt, record_delivery_states
from core.digests import same_secret
from core.errors import StorageUnavailable
from core.intake.batchstore import accept_batch
from core.intake.ingest import Accepted
from core.intake.pipeline import pass_on
from core.language.texts import render
from core.models import ContactIdentity

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
        or not same_secret(given, expected)
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
        stored = accept_batch(ctx, [incoming.message for incoming in updates.messages])
    except StorageUnavailable:
        return Response("not stored; retry", status=503, headers={"Retry-After": "5"})
    new = [
        (incoming, accepted)
        for incoming, accepted in zip(updates.messages, stored, strict=True)
        if not accepted.duplicate
    ]
    if new:  # a photo's file is fetched by the preparer first
        pass_on(ctx, preparing=any(incoming.message.needs_preparing for incoming, _ in new))
    unread = [incoming.message.sender for incoming, accepted in new if _unreadable(accepted)]
    if unread:
        threading.Thread(target=_ask_for_words, args=(ctx, unread), daemon=True).start()
    _apply(ctx, updates.receipts)
    return Response("", status=200)


def _unreadable(accepted: Accepted) -> bool:
    """Kept without a ticket because it carries nothing to read (not a repeat of one)."""
    return accepted.ignored and not accepted.duplicate


def _ask_for_words(ctx: Context, numbers: list[str]) -> None:
    """Tell each number its message could not be read (in the contact's language when one is
    known, else Arabic and English). A courtesy, as the Telegram bot's: a failure is logged."""
    api = graph_api(ctx)
    for number in dict.fromkeys(numbers):
        try:
            text = render("error_empty", _language(ctx, number))
            api.send({"to": number, "type": "text", "text": {"body": text, "preview_url": False}})
        except Exception as exc:  # the message itself is stored; only the note is lost
            logger.info("whatsapp: could not tell %s its message was unreadable: %s", number, exc)


def _language(ctx: Context, number: str) -> str | None:
    """The language settled on with the contact behind this number, if any."""
    with ctx.sessions() as session:
        identity = session.execute(
            select(ContactIdentity).where(
                ContactIdentity.channel == CHANNEL, ContactIdentity.address == number
            )
        ).scalar_one_or_none()
        return identity.contact.language if identity is not None else None


def _signed(ctx: Context, body: bytes, signature: str) -> bool:
    secret = ctx.settings.whatsapp_app_secret
    # A header is latin-1 to Werkzeug, so a stranger can send "sha256=\u00e9"; comparing such
    # a string raises (hmac.compare_digest takes only ASCII), which was a 500.
    if not secret or not signature.startswith("sha256=") or not signature.isascii():
        return False
    return webhook_updates_validator(secret, body, signature)


def _apply(ctx: Context, receipts: list[Receipt]) -> None:
    """Each status on the reply it is about, a few hundred per transaction (Meta batches
    statuses as it batches messages)."""
    if not receipts:
        return
    found = record_delivery_states(
        ctx,
        CHANNEL,
        [
            DeliveryReceipt(
                r.external_id, r.state, r.error, permanent=is_recipient_failure(r.error_code)
            )
            for r in receipts
        ],
    )
    unknown = len({r.external_id for r in receipts} - found)
    if unknown:
        logger.info("whatsapp: %d status(es) for unknown messages", unknown)


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
