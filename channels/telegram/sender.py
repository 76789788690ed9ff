"""`TelegramSender`: core's outbound messages delivered through the Bot API.

Our text is plain, so it is HTML-escaped and sent in HTML parse mode (nothing a member of
staff types can turn into markup), split into parts under Telegram's 4096-character limit.
Staff attachments follow as photos or documents. Each text part and file is one part: the
outbox stores how many were delivered (`send_from`'s checkpoint), so a retry after a partial
failure, even after a restart, starts at the first undelivered one. Errors are translated at
this edge: RetryAfter (flood limit) and network trouble are temporary, "Forbidden" (the
citizen blocked the bot) and "Bad Request" (no such chat) are permanent.
"""

from __future__ import annotations

import html
import logging
import threading
import warnings
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram import Message as TgMessage
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from channels.telegram.loop import LoopThread
from core.outbound import (
    DeliveryReceipt,
    OutboundAttachment,
    OutboundMessage,
    PermanentDeliveryError,
    Progress,
    TemporaryDeliveryError,
)

logger = logging.getLogger(__name__)

TEXT_LIMIT = int(MessageLimit.MAX_TEXT_LENGTH)  # 4096
PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp")
PHOTO_MAX_BYTES = 10 * 1024 * 1024  # larger images go as documents
SEND_TIMEOUT = 120.0


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Parts of `text` whose escaped form fits `limit`, cut at paragraphs, lines or spaces."""
    parts: list[str] = []
    rest = text.strip()
    while len(html.escape(rest, quote=False)) > limit:
        cut = _fitting_prefix(rest, limit)
        for sep in ("\n\n", "\n", " "):
            at = rest.rfind(sep, 0, cut)
            if at > cut // 2:
                cut = at
                break
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not parts:
        parts.append(rest)
    return parts


def _fitting_prefix(text: str, limit: int) -> int:
    """The longest prefix length whose escaped form fits `limit` (escaping grows '&<>')."""
    size = 0
    for index, char in enumerate(text):
        size += len(html.escape(char, quote=False))
        if size > limit:
            return index
    return len(text)


def satisfaction_keyboard(reference: str) -> InlineKeyboardMarkup:
    """Five buttons, 1 (not satisfied) to 5 (very satisfied), answered by callback query."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(str(n), callback_data=f"sat:{reference}:{n}") for n in range(1, 6)]]
    )


def quiet_retry_after_warning() -> None:
    """PTB 22 warns on every RetryAfter that `retry_after` will become a timedelta; we
    handle both types, so the warning is noise in the logs."""
    warnings.filterwarnings("ignore", message=".*retry_after.*", category=PTBDeprecationWarning)


def retry_after_seconds(exc: RetryAfter) -> float:
    """The flood wait in seconds, whichever type this PTB version gives."""
    value: int | timedelta = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    """Sends core's outbound messages with a PTB Bot on its own event-loop thread."""

    def __init__(self, token: str, api_url: str) -> None:
        self.token = token
        self.api_url = api_url.rstrip("/")
        self._loop: LoopThread | None = None
        self._bot: Bot | None = None
        self._requests: tuple[HTTPXRequest, ...] = ()
        self._lock = threading.Lock()
        self.last_error: str | None = None
        quiet_retry_after_warning()

    def _ensure_started(self) -> tuple[LoopThread, Bot]:
        with self._lock:
            if self._loop is None or self._bot is None:
                self._loop = LoopThread("telegram-sender")
                self._requests = (
                    HTTPXRequest(connection_pool_size=4, read_timeout=30.0),
                    HTTPXRequest(connection_pool_size=1),
                )
                self._bot = Bot(
                    self.token,
                    base_url=f"{self.api_url}/bot",
                    base_file_url=f"{self.api_url}/file/bot",
                    request=self._requests[0],
                    get_updates_request=self._requests[1],
                )
            return self._loop, self._bot

    def send(self, message: OutboundMessage) -> DeliveryReceipt:
        """Deliver one message whole; the receipt id is "chat_id:message_id" of its first part."""
        return self.send_from(message, Progress(), lambda progress: None)

    def send_from(
        self,
        message: OutboundMessage,
        progress: Progress,
        checkpoint: Callable[[Progress], None],
    ) -> DeliveryReceipt:
        """Deliver the parts after the `progress.parts` already delivered, `checkpoint` after
        each; the receipt id is "chat_id:message_id" of the message's first part."""
        loop, bot = self._ensure_started()
        try:
            receipt = loop.run(self._send(bot, message, progress, checkpoint), timeout=SEND_TIMEOUT)
        except RetryAfter as exc:
            self.last_error = "flood limit"
            wait = retry_after_seconds(exc)
            raise TemporaryDeliveryError(
                f"Telegram flood limit: retry after {wait:g}s", retry_after=wait
            ) from exc
        except Forbidden as exc:
            self.last_error = "forbidden"
            raise PermanentDeliveryError(f"Telegram refused: {exc.message}") from exc
        except BadRequest as exc:
            self.last_error = "bad request"
            raise PermanentDeliveryError(f"Telegram rejected the message: {exc.message}") from exc
        except (NetworkError, TelegramError, TimeoutError) as exc:  # TimedOut is a NetworkError
            self.last_error = type(exc).__name__
            raise TemporaryDeliveryError(f"Telegram unreachable: {exc}") from exc
        self.last_error = None
        return receipt

    async def _send(
        self,
        bot: Bot,
        message: OutboundMessage,
        progress: Progress,
        checkpoint: Callable[[Progress], None],
    ) -> DeliveryReceipt:
        chat_id = int(message.to)
        texts = split_text(message.text)
        steps: list[tuple[str, object]] = [("text", t) for t in texts]
        steps += [("file", a) for a in message.attachments]
        first_id = progress.first_id
        for index, (kind, item) in enumerate(steps):
            if index < progress.parts:
                continue
            last = index == len(texts) - 1
            if kind == "text":
                markup = (
                    satisfaction_keyboard(message.reference)
                    if message.kind == "satisfaction" and last
                    else None
                )
                sent = await bot.send_message(
                    chat_id,
                    html.escape(str(item), quote=False),
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                )
            else:
                sent = await self._send_file(bot, chat_id, item)  # type: ignore[arg-type]
            first_id = first_id or f"{chat_id}:{sent.message_id}"
            checkpoint(Progress(index + 1, first_id))
        return DeliveryReceipt(external_id=first_id)

    async def _send_file(self, bot: Bot, chat_id: int, attachment: OutboundAttachment) -> TgMessage:
        data = Path(attachment.path).read_bytes()
        if attachment.content_type in PHOTO_TYPES and len(data) <= PHOTO_MAX_BYTES:
            return await bot.send_photo(chat_id, data, filename=attachment.filename)
        return await bot.send_document(chat_id, data, filename=attachment.filename)

    def close(self) -> None:
        """Close the HTTP client and stop the loop thread."""
        with self._lock:
            loop, requests = self._loop, self._requests
            self._loop, self._bot, self._requests = None, None, ()
        if loop is None:
            return
        try:
            for request in requests:
                loop.run(request.shutdown(), timeout=10)
        finally:
            loop.stop()
