"""Small async handlers, one per thing a citizen can do in the chat.

A handler that stores something does it before returning (the update is acknowledged only
then); a citizen's message is then the inbound pipeline's (core.intake.pipeline), whose
workers make it part of a ticket and route it. A follow-up task waits for that without
holding a thread (at most FOLLOW_UP_WAIT_SECONDS: the prompt would be odd any later) and
then delivers the acknowledgement at once and offers the location button; when the bot
stops, its waits end at once and the prompt is left out (`until_closing`). Replies
that are not about a ticket (greeting, /status) go straight to the chat; ticket
notifications go through the outbox.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from contextlib import suppress
from dataclasses import replace
from datetime import timedelta
from typing import Any, TypeVar

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from channels.telegram import records
from channels.telegram.normalize import (
    CHANNEL,
    FileRef,
    file_refs,
    message_location,
    message_text,
    normalize_edit,
    normalize_update,
    own_phone,
    refusal_for,
)
from channels.telegram.state import STATE_KEY, BotState
from channels.telegram.texts import LANGUAGE_NAMES, bot_text, button_label
from core.delivery.outbox import deliver_due, when_settled
from core.inbound import InboundAttachment, InboundMessage
from core.intake import conversation, ingest, pipeline
from core.language.detect import detect_language
from core.language.texts import render, status_line

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
T = TypeVar("T")
STATUS_LIMIT = 10
FOLLOW_UP_WAIT_SECONDS = 60.0
ACK_WAIT_SECONDS = 10.0  # the follow-up prompt waits this long for queued replies to go
# ...woken by this process's outbox as each item for the chat settles; the database is read
# again this often in case another process delivers them.
ACK_POLL_SECONDS = 1.0
GROUP_NOTE_EVERY = timedelta(hours=1)
LANGUAGE_WORDS = {
    "ar": "ar",
    "arabic": "ar",
    "عربي": "ar",
    "العربية": "ar",
    "en": "en",
    "english": "en",
    "انجليزي": "en",
    "الإنجليزية": "en",
}


def _state(context: Context) -> BotState:
    return context.bot_data[STATE_KEY]


def _hint(update: Update) -> str | None:
    user = update.effective_user
    return detect_language("", hint=user.language_code if user else None).language


async def _db(function: Callable[..., T], *args: Any) -> T:
    """Run a blocking database call in a worker thread, keeping the event loop free.

    The loop also carries every Bot API call (prompts, downloads, the long poll); a slow or
    locked database must not make those time out.
    """
    return await asyncio.to_thread(function, *args)


async def _language(state: BotState, update: Update) -> str | None:
    """The chat's language: the one we settled on, else Telegram's language_code, else None."""
    chat = update.effective_chat
    known = await _db(records.chat_language, state.ctx, chat.id) if chat else None
    return known or _hint(update)


async def _reply(message: Message, text: str, **kwargs: object) -> None:
    """Answer in the chat; a blocked bot or a deleted chat is not worth retrying the update."""
    try:
        await message.reply_text(text, **kwargs)  # type: ignore[arg-type]
    except (Forbidden, BadRequest) as exc:
        logger.info("telegram: could not answer in chat %s: %s", message.chat.id, exc)


async def start(update: Update, context: Context) -> None:
    """/start and /help: greet in the citizen's language and say what to send."""
    assert update.message is not None
    await _reply(update.message, render("help", await _language(_state(context), update)))


async def new_report(update: Update, context: Context) -> None:
    """/new: the next message opens a new ticket instead of joining the open one.

    The request is stored on the chat's identity, so a restart between /new and that message
    does not lose it; it lapses after a day (core.intake.conversation.NEW_TICKET_REQUEST_LIFETIME).
    """
    assert update.message is not None
    state = _state(context)
    user = update.effective_user
    await _db(
        conversation.request_new_ticket,
        state.ctx,
        CHANNEL,
        str(update.message.chat.id),
        user.full_name if user else None,
    )
    await _reply(update.message, bot_text("new_report", await _language(state, update)))


async def status(update: Update, context: Context) -> None:
    """/status: the citizen's tickets with their state in plain words."""
    assert update.message is not None
    state = _state(context)
    language = await _language(state, update)
    lines, total = await _db(
        records.tickets_for_chat, state.ctx, update.message.chat.id, STATUS_LIMIT
    )
    if not lines:
        await _reply(update.message, bot_text("status_none", language))
        return
    parts = [bot_text("status_header", language)]
    for line in lines:
        entry = status_line(line.reference, line.status, language)
        if line.subject:
            subject = line.subject if len(line.subject) <= 80 else line.subject[:79] + "…"
            entry += f"\n  {subject}"
        parts.append(entry)
    if total > len(lines):
        parts.append(bot_text("status_more", language, count=len(lines)))
    await _reply(update.message, "\n".join(parts))


async def language(update: Update, context: Context) -> None:
    """/language [ar|en]: switch the language we write in, or offer the two as buttons."""
    assert update.message is not None
    state = _state(context)
    wanted = LANGUAGE_WORDS.get((context.args or [""])[0].strip().lower()) if context.args else None
    if wanted is None:
        buttons = [
            InlineKeyboardButton(LANGUAGE_NAMES[code], callback_data=f"lang:{code}")
            for code in ("ar", "en")
        ]
        await _reply(
            update.message,
            bot_text("language_choose", None),
            reply_markup=InlineKeyboardMarkup([buttons]),
        )
        return
    user = update.effective_user
    await _db(
        records.set_language,
        state.ctx,
        update.message.chat.id,
        wanted,
        user.full_name if user else None,
    )
    await _reply(update.message, bot_text("language_set", wanted))


async def choose_language(update: Update, context: Context) -> None:
    """The language buttons: store the choice and confirm in that language."""
    query = update.callback_query
    assert query is not None and query.data is not None
    wanted = query.data.split(":", 1)[1]
    if wanted not in LANGUAGE_NAMES or query.message is None:
        await query.answer()
        return
    await _db(
        records.set_language,
        _state(context).ctx,
        query.message.chat.id,
        wanted,
        query.from_user.full_name,
    )
    await query.answer(bot_text("language_set", wanted))
    await _safely(query.edit_message_text(bot_text("language_set", wanted)))


async def rate(update: Update, context: Context) -> None:
    """A satisfaction button: store the score on the ticket and thank the citizen."""
    query = update.callback_query
    assert query is not None and query.data is not None
    state = _state(context)
    _, reference, score = (query.data.split(":") + ["", ""])[:3]
    chat_id = query.message.chat.id if query.message else query.from_user.id
    ok = score.isdigit() and 1 <= int(score) <= 5
    ok = ok and await _db(records.set_satisfaction, state.ctx, chat_id, reference, int(score))
    language = await _language(state, update)
    if not ok:
        await query.answer(bot_text("satisfaction_unknown", language))
        return
    await query.answer(bot_text("satisfaction_thanks", language))
    await _safely(query.edit_message_reply_markup(reply_markup=None))


async def _safely(coro: object) -> None:
    """Cosmetic calls (removing buttons) whose failure changes nothing we store."""
    try:
        await coro  # type: ignore[misc]
    except (Forbidden, BadRequest) as exc:
        logger.info("telegram: cosmetic call failed: %s", exc)


async def group_note(update: Update, context: Context) -> None:
    """Messages in groups: a short note (at most hourly per group) that we work in private."""
    assert update.message is not None
    state = _state(context)
    chat_id = update.message.chat.id
    now = state.ctx.now()
    last = state.group_noted.get(chat_id)
    if last is not None and now - last < GROUP_NOTE_EVERY:
        return
    state.group_noted[chat_id] = now
    await _reply(update.message, render("error_group_chat", _hint(update)))


async def edited(update: Update, context: Context) -> None:
    """An edited message: the stored message gets the new text, the old one as a revision."""
    edit = normalize_edit(update)
    if edit is not None:
        await _db(records.apply_edit, _state(context).ctx, edit)


async def report(update: Update, context: Context) -> None:
    """A citizen's message in a private chat: store it first, then make it part of a ticket."""
    message = update.message
    assert message is not None
    state = _state(context)
    chat_id = message.chat.id
    phone = own_phone(message)
    refs = file_refs(message)
    refusal = refusal_for(refs)
    has_content = bool(message_text(message) or message_location(message))
    if phone and not has_content and not refs:
        user = message.from_user
        await _db(records.save_phone, state.ctx, chat_id, phone, user.full_name if user else None)
        await _reply(
            message,
            bot_text("phone_saved", await _language(state, update)),
            reply_markup=ReplyKeyboardRemove(),
        )
        return
    wanted = [] if refusal else refs
    if not has_content and not wanted:
        await _reply(message, render(refusal or "error_empty", await _language(state, update)))
        return
    attachments, notes = await _fetch_files(context, wanted)
    inbound = normalize_update(update, attachments=attachments)
    assert inbound is not None
    inbound = replace(inbound, staff_notes=notes)
    accepted = await _db(ingest.accept, state.ctx, inbound)  # /new is core's to apply
    if accepted.duplicate:  # delivered again (our answer was late): the first had its notes
        return
    if refusal:
        await _reply(message, render(refusal, await _language(state, update)))
    if not accepted.ignored:
        state.spawn(_follow_up(context, state, accepted.record_id, inbound))
    elif not refusal:  # only invisible characters: kept, no report
        await _reply(message, render("error_empty", await _language(state, update)))


async def _fetch_files(
    context: Context, refs: list[FileRef]
) -> tuple[tuple[InboundAttachment, ...], tuple[str, ...]]:
    """The message's files, and a staff note for each one the Bot API refuses to give.

    A refusal (400 Bad Request: 'file is too big' for a file whose message gave no size, a
    file id Telegram no longer knows) is the same on every try. Raised, it counted as a network
    error (PTB's BadRequest is one), so the update was never acknowledged: the citizen's words
    were never stored and, when polling, every later update of every chat waited behind it.
    The message is kept without that file, as WhatsApp's are after their tries
    (channels/whatsapp/media.py); other network errors still leave the update for a retry.
    """
    attachments: list[InboundAttachment] = []
    notes: list[str] = []
    for ref in refs:
        try:
            attachments.append(await _download(context, ref))
        except BadRequest as exc:
            logger.warning("telegram: the Bot API refused file %s (%s)", ref.file_id, exc)
            notes.append(
                f"The citizen sent a file ({ref.filename}, {ref.content_type}) that Telegram"
                f" refused to give us ({exc}). Ask them to send it again if it is needed."
            )
    return tuple(attachments), tuple(notes)


async def _download(context: Context, ref: FileRef) -> InboundAttachment:
    """Fetch one file through getFile and the file URL (the largest photo size only)."""
    telegram_file = await context.bot.get_file(ref.file_id)
    data = bytes(await telegram_file.download_as_bytearray())
    return InboundAttachment(ref.filename, ref.content_type, data)


class Closing(Exception):
    """The bot is stopping: a follow-up gives up its wait, and its prompt with it."""


async def until_closing(state: BotState, wait: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """The result of the wait `wait()` starts, unless the bot starts stopping first: then the
    wait is cancelled and Closing raised, so the stop is not held for as long as the wait
    would last. `wait` is a function, not a coroutine, so that a bot already stopping starts
    nothing: a coroutine made and never run (the inner `event.wait()` of a `wait_for`) is
    a "never awaited" warning.

    Only for waits (a record's processing, the outbox's delivery of an acknowledgement):
    what the citizen sent is stored before any follow-up starts, and the acknowledgement is
    in the outbox, which delivers it whether or not this follow-up is there to see it.
    """
    if state.closing.is_set():
        raise Closing
    work = asyncio.ensure_future(wait())
    closing = asyncio.ensure_future(state.closing.wait())
    try:
        await asyncio.wait((work, closing), return_when=asyncio.FIRST_COMPLETED)
    finally:
        closing.cancel()
        if not work.done():  # the bot is stopping (or this follow-up itself was cancelled)
            work.cancel()
            await asyncio.gather(work, return_exceptions=True)
    if work.cancelled():
        raise Closing
    return work.result()


async def _follow_up(
    context: Context, state: BotState, record_id: int, inbound: InboundMessage
) -> None:
    """Once the workers processed the message: send the ack, offer the location button."""
    try:
        await _follow_up_steps(context, state, record_id, inbound)
    except Closing:
        logger.info("telegram: the bot is stopping; no follow-up prompt for record %s", record_id)


async def _follow_up_steps(
    context: Context, state: BotState, record_id: int, inbound: InboundMessage
) -> None:
    ctx = state.ctx
    processed = await until_closing(
        state, lambda: pipeline.wait_processed_async(ctx, record_id, FOLLOW_UP_WAIT_SECONDS)
    )
    if processed is None:  # failed (the retry job finishes it) or still queued: no prompt
        logger.info("telegram: record %s not processed yet; no follow-up prompt", record_id)
        return
    if processed.duplicate:
        return
    if state.closing.is_set():  # the outbox delivers the acknowledgement; no prompt now
        raise Closing
    if state.kick_outbox:  # deliver the acknowledgement now rather than at the next tick
        await asyncio.to_thread(deliver_due, ctx)
    summary = await _db(records.ticket_summary, ctx, processed.ticket_id)
    if summary is None:
        return
    chat_id = int(inbound.sender)
    await _after_queued_replies(state, chat_id)
    try:
        if processed.created and not summary.has_location:
            button = KeyboardButton(
                button_label("share_location_button", summary.language), request_location=True
            )
            await context.bot.send_message(
                chat_id,
                bot_text("share_location", summary.language),
                reply_markup=ReplyKeyboardMarkup(
                    [[button]], resize_keyboard=True, one_time_keyboard=True
                ),
            )
        elif not processed.created and inbound.location and summary.has_location:
            await context.bot.send_message(
                chat_id,
                bot_text("location_saved", summary.language, reference=summary.reference),
                reply_markup=ReplyKeyboardRemove(),
            )
    except Exception as exc:  # a prompt is a nicety: the report itself is stored and routed
        logger.info("telegram: follow-up prompt to %s failed: %s", chat_id, type(exc).__name__)


async def _after_queued_replies(state: BotState, chat_id: int) -> None:
    """Wait (at most ACK_WAIT_SECONDS) until what the outbox holds for the chat is sent.

    In a storm another worker (the courier) may hold the acknowledgement in a long batch;
    the prompt sent straight to the chat would then arrive before it. The wait wakes when
    this process's outbox settles an item for the chat (`when_settled`), so it reads the
    database once more per item rather than ten times a second per chat; the poll every
    ACK_POLL_SECONDS covers items delivered by another process. A stopping bot ends it
    (Closing): the prompt would overtake the acknowledgement still on its way.
    """
    ctx = state.ctx
    loop = asyncio.get_running_loop()
    deadline = loop.time() + ACK_WAIT_SECONDS
    settled = asyncio.Event()
    address = str(chat_id)

    def wake(channel: str, to: str) -> None:  # in the delivering thread
        if channel == CHANNEL and to == address and not loop.is_closed():
            loop.call_soon_threadsafe(settled.set)

    stop = when_settled(ctx.sessions, wake)
    try:
        while True:
            settled.clear()  # before the look: an item settled after it still wakes the wait
            left = deadline - loop.time()
            if left <= 0 or not await _db(records.replies_on_the_way, ctx, chat_id):
                return
            with suppress(TimeoutError):
                timeout = min(left, ACK_POLL_SECONDS)
                await until_closing(state, functools.partial(_set_within, settled, timeout))
    finally:
        stop()


async def _set_within(event: asyncio.Event, timeout: float) -> None:
    """Wait for `event`, TimeoutError after `timeout` seconds."""
    await asyncio.wait_for(event.wait(), timeout)


async def on_error(update: object, context: Context) -> None:
    """Remember that an update's handler failed, so `dispatch` does not acknowledge it."""
    if isinstance(update, Update):
        _state(context).failures[update.update_id] = context.error  # type: ignore[assignment]
    logger.warning(
        "telegram: handler failed for update %s: %s",
        getattr(update, "update_id", "?"),
        type(context.error).__name__,
    )
