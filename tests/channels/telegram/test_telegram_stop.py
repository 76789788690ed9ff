"""Stopping the bot ends its follow-ups' waits at once, and loses nothing the citizen sent.

A citizen's message is stored before its update is acknowledged; the follow-up that then
waits for the workers and for the acknowledgement to go out (to offer the location button
after it) is a nicety. A stop used to wait for it: up to ACK_WAIT_SECONDS for an
acknowledgement another worker holds, FOLLOW_UP_WAIT_SECONDS for a record nobody here
processes, and past the stop's own 30 s the stop failed. Now the waits end when the bot
stops and the prompt is left out; the message stays stored and the acknowledgement queued.
"""

from __future__ import annotations

import asyncio
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from channels.telegram import handlers, records
from channels.telegram.runtime import TelegramRuntime
from channels.telegram.state import BotState
from core.context import Context
from core.intake import pipeline
from core.models import InboundRecord, InboundStatus, OutboxItem
from tests.telegram_fake import TOKEN, FakeBotApi, text_update

REPORT = "There is a big pothole on the main road near Qurum beach, cars are damaged."


@pytest.fixture
def tg_ctx(ctx: Context, fake_api: FakeBotApi) -> Iterator[Context]:
    ctx.settings.telegram_token = TOKEN
    ctx.settings.telegram_api_url = fake_api.url
    yield ctx


def count(ctx: Context, *where: Any, of: Any = InboundRecord) -> int:
    with ctx.sessions() as session:
        query = select(func.count()).select_from(of).where(*where)
        return int(session.execute(query).scalar_one())


def test_stop_ends_a_follow_up_waiting_for_the_acknowledgement_to_go_out(
    tg_ctx: Context, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No courier runs, so the acknowledgement stays queued and the follow-up waits for it
    (for two minutes here, past the stop's own 30 s)."""
    monkeypatch.setattr(handlers, "ACK_WAIT_SECONDS", 120.0)
    waiting = threading.Event()
    on_the_way = records.replies_on_the_way

    def looked(ctx: Context, chat_id: int) -> bool:
        found = on_the_way(ctx, chat_id)
        waiting.set()
        return found

    monkeypatch.setattr(records, "replies_on_the_way", looked)
    runtime = TelegramRuntime(tg_ctx, kick_outbox=False)
    try:
        assert runtime.handle({"update_id": 1, **text_update(1001, 1, REPORT, language="en")})
        assert waiting.wait(30), "the follow-up never reached its wait for the acknowledgement"
    finally:
        runtime.stop()
    assert fake_api.sent_texts(1001) == []  # no prompt ahead of the acknowledgement
    assert count(tg_ctx, InboundRecord.status == InboundStatus.DONE) == 1
    assert count(tg_ctx, of=OutboxItem) == 1  # the acknowledgement, still queued for the outbox


def test_stop_ends_a_follow_up_waiting_for_a_record_no_worker_here_processes(
    tg_ctx: Context, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no inbound worker in this process the follow-up polls the database for the
    record's result (for two minutes here); the stop ends the polling with it."""
    monkeypatch.setattr(handlers, "FOLLOW_UP_WAIT_SECONDS", 120.0)
    tg_ctx.settings.inbound_workers = 0
    looks: list[int] = []
    polled = threading.Event()
    real = pipeline.processed_record

    def looked(ctx: Context, record_id: int) -> Any:
        looks.append(record_id)
        polled.set()
        return real(ctx, record_id)

    monkeypatch.setattr(pipeline, "processed_record", looked)
    runtime = TelegramRuntime(tg_ctx, kick_outbox=False)
    try:
        assert runtime.handle({"update_id": 2, **text_update(1002, 1, REPORT, language="en")})
        assert polled.wait(30), "the follow-up never polled for the record"
    finally:
        runtime.stop()
    after_stop = len(looks)
    assert count(tg_ctx, InboundRecord.status == InboundStatus.PENDING) == 1  # kept for workers
    assert fake_api.sent_texts(1002) == []
    threading.Event().wait(1.0)  # a poll left running would look again within half a second
    assert len(looks) == after_stop


def test_a_wait_asked_of_a_stopping_bot_is_never_started(ctx: Context) -> None:
    """A follow-up that reaches a wait after the stop began gets Closing at once, and the wait
    is not even made: a coroutine made and dropped (a wait_for's inner event.wait()) warned
    'coroutine was never awaited' in the suite's output."""
    started: list[str] = []

    async def wait() -> str:
        started.append("wait")
        return "done"

    async def scenario() -> tuple[str, bool]:
        state = BotState(ctx)
        answer = await handlers.until_closing(state, wait)
        state.closing.set()
        with pytest.raises(handlers.Closing):
            await handlers.until_closing(state, wait)
        return answer, state.closing.is_set()

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        assert asyncio.run(scenario()) == ("done", True)
    assert started == ["wait"]  # started once, for the bot still running
