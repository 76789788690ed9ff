"""The PTB Application: handlers wired, state kept, and one update dispatched at a time.

`dispatch` is the one place that decides whether an update may be acknowledged (the polling
offset moved past it, or the webhook answered 2xx): only when its handler finished, which
for a citizen's message means it was stored by `core.intake.ingest.accept`. A handler that raises
leaves the update unacknowledged, so Telegram delivers it again.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from channels.telegram import handlers as h
from channels.telegram.commands import COMMANDS
from channels.telegram.sender import quiet_retry_after_warning
from channels.telegram.state import STATE_KEY, BotState
from core.context import Context
from core.db import is_outage

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = ("message", "edited_message", "callback_query")
TRANSIENT_ERRORS = (NetworkError, RetryAfter)  # and every database outage (core.db.is_outage)
MAX_ATTEMPTS = 3  # an update whose handler keeps failing for another reason is a bug: log, skip


class TokenRedactingFilter(logging.Filter):
    """Replaces the bot token in log records (httpx and PTB log URLs that contain it)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def install_token_redaction(token: str) -> None:
    """Keep the token out of logs: quiet httpx, and redact it on every root handler."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    targets: list[logging.Filterer] = [logging.getLogger("httpx"), *logging.getLogger().handlers]
    for target in targets:
        present = any(
            isinstance(f, TokenRedactingFilter) and f.token == token for f in target.filters
        )
        if not present:
            target.addFilter(TokenRedactingFilter(token))


def api_root(ctx: Context) -> str:
    """The Bot API server's root URL (never contains the token)."""
    return ctx.settings.telegram_api_url.rstrip("/")


def build_application(ctx: Context, *, kick_outbox: bool = True) -> Application:
    """The bot: PTB Application on our Bot API root, handlers registered, no Updater."""
    token = ctx.settings.telegram_token
    if not token:
        raise RuntimeError("BALAGH_TELEGRAM_TOKEN is empty; the Telegram channel is off")
    install_token_redaction(token)
    quiet_retry_after_warning()
    api = api_root(ctx)
    application = (
        Application.builder()
        .token(token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .updater(None)
        .build()
    )
    application.bot_data[STATE_KEY] = BotState(ctx=ctx, kick_outbox=kick_outbox)
    register_handlers(application)
    return application


def register_handlers(application: Application) -> None:
    """The handler table, in order: first match wins."""
    private = filters.ChatType.PRIVATE
    message = private & filters.UpdateType.MESSAGE
    application.add_handler(CallbackQueryHandler(h.rate, pattern=r"^sat:"))
    application.add_handler(CallbackQueryHandler(h.choose_language, pattern=r"^lang:"))
    application.add_handler(MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, h.edited))
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.UpdateType.MESSAGE, h.group_note)
    )
    for command in COMMANDS:  # the same table builds the command menu (commands.py)
        application.add_handler(CommandHandler(command.name, command.callback, filters=message))
    application.add_handler(MessageHandler(message & filters.COMMAND, h.start))
    application.add_handler(MessageHandler(message, h.report))
    application.add_error_handler(h.on_error)


def state_of(application: Application) -> BotState:
    return application.bot_data[STATE_KEY]


async def dispatch(application: Application, update: Update) -> bool:
    """Handle one update; True when it may be acknowledged to Telegram."""
    state = state_of(application)
    await application.process_update(update)
    state.last_update_at = state.ctx.now()
    error = state.failures.pop(update.update_id, None)
    if error is None:
        state.attempts.pop(update.update_id, None)
        return True
    state.last_error = type(error).__name__
    if isinstance(error, TRANSIENT_ERRORS) or is_outage(error):
        # Any database error before the update was stored means "not stored": the update
        # stays unacknowledged for as long as the outage lasts, however many tries it takes.
        return False
    attempts = state.attempts.get(update.update_id, 0) + 1
    state.attempts[update.update_id] = attempts
    if attempts >= MAX_ATTEMPTS:
        logger.error(
            "telegram: update %s failed %d times (%s); skipping it",
            update.update_id,
            attempts,
            type(error).__name__,
        )
        state.attempts.pop(update.update_id, None)
        return True
    return False


async def settle(application: Application) -> None:
    """Wait for follow-up work spawned by handlers (tests, shutdown)."""
    state = state_of(application)
    while state.tasks:
        await asyncio.gather(*list(state.tasks), return_exceptions=True)
