"""A database outage before an update is stored leaves it unacknowledged for as long as it lasts.

Any database error on the way to `ingest.accept` (a read of the chat's /new request, its
language, the phone it shared), including SQLite's "database is locked", means "not stored":
polling keeps the offset, the webhook answers 503, however many tries the outage takes.
Database calls run off the bot's event loop, so a slow database never stalls Bot API calls.
No courier runs here, so a stored message's acknowledgement stays queued and its follow-up
waits for it; the stop ends that wait (test_telegram_stop.py), so nothing here waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from channels.telegram import records
from channels.telegram.runtime import TelegramPolling, TelegramRuntime
from core.context import Context
from core.intake import ingest
from core.models import InboundRecord
from tests.telegram_fake import TOKEN, FakeBotApi, text_update

REPORT = "Garbage has not been collected on our street in Bawshar for a week."
OUTAGE_TRIES = 5  # more than the bot's retry budget for a handler bug (bot.MAX_ATTEMPTS)


@pytest.fixture
def tg_ctx(ctx: Context, fake_api: FakeBotApi) -> Iterator[Context]:
    ctx.settings.telegram_token = TOKEN
    ctx.settings.telegram_api_url = fake_api.url
    yield ctx


def stored(ctx: Context) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(InboundRecord)).scalar_one())


def database_down_for(monkeypatch: pytest.MonkeyPatch, tries: int, message: str) -> list[int]:
    """`accept` (the handler's first database call) raises the driver's OperationalError for
    the first `tries`."""
    calls: list[int] = []
    real = ingest.accept

    def flaky(*args: Any) -> Any:
        calls.append(1)
        if len(calls) <= tries:
            raise OperationalError("SELECT ...", {}, Exception(message))
        return real(*args)

    monkeypatch.setattr(ingest, "accept", flaky)
    return calls


@pytest.mark.parametrize("message", ["server closed the connection", "database is locked"])
def test_webhook_answers_503_for_every_try_during_a_database_outage(
    tg_ctx: Context, monkeypatch: pytest.MonkeyPatch, message: str
) -> None:
    database_down_for(monkeypatch, OUTAGE_TRIES, message)
    runtime = TelegramRuntime(tg_ctx, kick_outbox=False)
    update = {"update_id": 31, **text_update(931, 1, REPORT, language="en")}
    try:
        answers = [runtime.handle(update) for _ in range(OUTAGE_TRIES + 1)]
    finally:
        runtime.stop()
    assert answers == [False] * OUTAGE_TRIES + [True]
    assert stored(tg_ctx) == 1


def test_polling_keeps_the_offset_until_the_outage_ends_and_stores_the_update_once(
    tg_ctx: Context, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = database_down_for(monkeypatch, OUTAGE_TRIES, "could not connect to server")
    update_id = fake_api.push(text_update(932, 1, REPORT, language="en"))
    polling = TelegramPolling(
        TelegramRuntime(tg_ctx, kick_outbox=False), poll_timeout=1, retry_delay=0.02
    ).start()
    offsets_during_outage: list[int | None] = []
    try:
        fake_api.wait_for(lambda: offsets_during_outage.append(polling.offset) or len(calls) > 3)
        fake_api.wait_for(lambda: polling.offset == update_id + 1)
    finally:
        polling.stop()
    assert all(o is None or o <= update_id for o in offsets_during_outage)
    assert len(calls) == OUTAGE_TRIES + 1 and stored(tg_ctx) == 1


def test_handlers_run_database_calls_off_the_event_loop_thread(
    tg_ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, threading.Thread] = {}
    real_language, real_accept = records.chat_language, ingest.accept

    def language(*args: Any) -> str | None:
        threads["chat_language"] = threading.current_thread()
        return real_language(*args)

    def accept(*args: Any) -> Any:
        threads["accept"] = threading.current_thread()
        return real_accept(*args)

    monkeypatch.setattr(records, "chat_language", language)
    monkeypatch.setattr(ingest, "accept", accept)
    runtime = TelegramRuntime(tg_ctx, kick_outbox=False)
    try:
        runtime.handle({"update_id": 33, **text_update(933, 1, "/start", language="en")})
        runtime.handle({"update_id": 34, **text_update(933, 2, REPORT, language="en")})
        loop_thread = runtime.loop.thread
    finally:
        runtime.stop()
    assert set(threads) == {"chat_language", "accept"}
    assert all(t is not loop_thread for t in threads.values())


def test_the_bot_starts_while_the_bot_api_is_down_and_serves_once_it_answers(
    tg_ctx: Context, fake_api: FakeBotApi
) -> None:
    """`balagh serve` starts the bot with the web form and the mail listener: a Bot API that
    does not answer at start (getMe 502) must not stop the process. Until it answers, a webhook
    update is left unacknowledged (Telegram sends it again); then it is stored."""
    fake_api.fail("getMe", 502, times=3)
    runtime = TelegramRuntime(tg_ctx, kick_outbox=False, retry_delay=0.02)
    update = {"update_id": 35, **text_update(935, 1, REPORT, language="en")}
    try:
        answers = [runtime.handle(update)]
        fake_api.wait_for(lambda: runtime.ready.is_set())
        answers.append(runtime.handle(update))
    finally:
        runtime.stop()
    assert len(fake_api.calls_of("getMe")) == 4
    assert answers == [False, True] and stored(tg_ctx) == 1


def test_polling_waits_for_the_bot_api_to_answer_at_start(
    tg_ctx: Context, fake_api: FakeBotApi
) -> None:
    """The polling starts when the bot does, woken by it: not at its own next retry (a
    minute here, past the test's patience; it looked every RETRY_DELAY, 2 s)."""
    fake_api.fail("getMe", 502, times=2)
    update_id = fake_api.push(text_update(936, 1, REPORT, language="en"))
    polling = TelegramPolling(
        TelegramRuntime(tg_ctx, kick_outbox=False, retry_delay=0.02),
        poll_timeout=1,
        retry_delay=60.0,
    ).start()
    try:
        fake_api.wait_for(lambda: polling.offset == update_id + 1)
    finally:
        polling.stop()
    assert stored(tg_ctx) == 1
