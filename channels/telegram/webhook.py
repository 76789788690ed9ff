"""Webhook mode: Telegram POSTs updates to `/telegram/webhook` (no token in the path).

Every call must carry our secret in `X-Telegram-Bot-Api-Secret-Token` (set with setWebhook),
else 403. The update is stored before we answer 200; if it cannot be, 503 makes Telegram
deliver it again. Routing and replies run afterwards on the bot's loop. A body that is not an
update at all is 400; an update of a shape Telegram never sends (a string as `message`, a date
that is not a number) is acknowledged with 200 and ignored, with a warning in the log: Telegram
repeats any other answer, and such an update would fail the same way every time.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from flask import Blueprint, Response, abort, current_app, request

from core.context import Context
from core.digests import same_secret

if TYPE_CHECKING:
    from channels.telegram.runtime import TelegramRuntime

logger = logging.getLogger(__name__)

bp = Blueprint("telegram", __name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_runtime_lock = threading.Lock()


def _ctx() -> Context:
    return current_app.extensions["balagh"]


def runtime_for(ctx: Context) -> TelegramRuntime:
    """The bot runtime behind the webhook, started on first use when serve did not."""
    # Imported here: the runtime loads python-telegram-bot, which a web process that never
    # receives a webhook call (the blueprint is always mounted) should not pay for.
    from channels.telegram.runtime import TelegramRuntime

    with _runtime_lock:
        runtime = ctx.extras.get("telegram_runtime")
        if runtime is None:
            runtime = TelegramRuntime(ctx)
            ctx.extras["telegram_runtime"] = runtime
        return runtime


def _authorised(ctx: Context) -> bool:
    expected = ctx.settings.telegram_webhook_secret
    given = request.headers.get(SECRET_HEADER, "")
    return bool(expected) and same_secret(given, expected)


@bp.post("/telegram/webhook")
def webhook() -> Response:
    """One update from Telegram: 200 once stored, 503 when it could not be, 403 without secret."""
    ctx = _ctx()
    if not ctx.settings.telegram_token:
        abort(404)
    if not _authorised(ctx):
        logger.warning(
            "telegram: webhook call without the right secret from %s", request.remote_addr
        )
        abort(403)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        abort(400)
    try:
        stored = runtime_for(ctx).handle(data)
    except (FutureTimeout, TimeoutError):
        stored = False
    if not stored:
        return Response("not stored; retry", status=503, headers={"Retry-After": "5"})
    return Response("", status=200)
