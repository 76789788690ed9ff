"""What the bot promised survives a restart: a pending /new and a half-delivered long reply.

A restart is a fresh Context (its own engine), sender and bot on the same database, the way a
new process would start; the fake Bot API records what reached the citizen.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from balagh.wiring import build_context
from channels.telegram.runtime import TelegramRuntime
from channels.telegram.sender import TelegramSender, split_text
from core.context import Context
from core.delivery.notify import queue_reply
from core.delivery.outbox import deliver_due
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.models import Message, OutboxItem, Ticket
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.telegram_fake import TOKEN, FakeBotApi, text_update

CHAT = 810
EN_REPORT = "There is a big pothole on the main road near Qurum beach, cars are damaged."
SECOND_REPORT = "The street light outside the mosque in Al Khuwair has been off for a week."
FOLLOW_UP = "It is getting worse after the rain."


class Process:
    """One run of the Telegram side: its own Context, sender and bot on the shared database."""

    def __init__(self, ctx: Context, fake_api: FakeBotApi, *, bot: bool) -> None:
        # the same settings object, so the tests' clock (settings.now) moves for every process
        self.ctx = build_context(ctx.settings, senders=SenderRegistry(), router=UnroutedRouter())
        self.sender = TelegramSender(TOKEN, fake_api.url)
        self.ctx.senders.register("telegram", self.sender)
        self.bot = TelegramRuntime(self.ctx) if bot else None
        self.fake_api = fake_api

    def send(self, update: dict[str, object]) -> None:
        assert self.bot is not None
        assert self.bot.handle({**update, "update_id": self.fake_api.push_id()})
        self.bot.settle()

    def stop(self) -> None:
        if self.bot is not None:
            self.bot.stop()
        self.sender.close()
        self.ctx.engine.dispose()


@pytest.fixture
def start(ctx: Context, fake_api: FakeBotApi) -> Iterator[Callable[..., Process]]:
    """Starts a process (stopping the one before, as a restart does); stops the last one."""
    ctx.settings.telegram_token = TOKEN
    ctx.settings.telegram_api_url = fake_api.url
    ctx.settings.now = ctx.now()
    running: list[Process] = []

    def start_process(*, bot: bool = True) -> Process:
        if running:
            running.pop().stop()
        process = Process(ctx, fake_api, bot=bot)
        running.append(process)
        return process

    yield start_process
    for process in running:
        process.stop()


def tickets_and_texts(ctx: Context) -> list[list[str]]:
    """Each ticket's citizen messages, oldest ticket first."""
    with ctx.sessions() as session:
        tickets = session.execute(select(Ticket).order_by(Ticket.id)).scalars()
        return [[m.text for m in t.messages if m.direction == "in"] for t in tickets]


def later(ctx: Context, delta: timedelta) -> None:
    ctx.settings.now = ctx.now() + delta


def test_new_request_survives_a_restart_of_the_bot(
    ctx: Context, start: Callable[..., Process]
) -> None:
    before = start()
    before.send(text_update(CHAT, 1, EN_REPORT, language="en"))
    before.send(text_update(CHAT, 2, "/new", language="en"))
    after = start()
    after.send(text_update(CHAT, 3, SECOND_REPORT, language="en"))
    assert tickets_and_texts(ctx) == [[EN_REPORT], [SECOND_REPORT]]


def test_message_after_new_request_and_restart_takes_the_request(
    ctx: Context, start: Callable[..., Process]
) -> None:
    before = start()
    before.send(text_update(CHAT, 1, EN_REPORT, language="en"))
    before.send(text_update(CHAT, 2, "/new", language="en"))
    after = start()
    after.send(text_update(CHAT, 3, SECOND_REPORT, language="en"))
    after.send(text_update(CHAT, 4, FOLLOW_UP, language="en"))
    assert tickets_and_texts(ctx) == [[EN_REPORT], [SECOND_REPORT, FOLLOW_UP]]


def test_new_request_still_counts_the_same_day(ctx: Context, start: Callable[..., Process]) -> None:
    bot = start()
    bot.send(text_update(CHAT, 1, EN_REPORT, language="en"))
    bot.send(text_update(CHAT, 2, "/new", language="en"))
    later(ctx, timedelta(hours=23))
    bot.send(text_update(CHAT, 3, SECOND_REPORT, language="en"))
    assert tickets_and_texts(ctx) == [[EN_REPORT], [SECOND_REPORT]]


def test_new_request_lapses_after_a_day(ctx: Context, start: Callable[..., Process]) -> None:
    bot = start()
    bot.send(text_update(CHAT, 1, EN_REPORT, language="en"))
    bot.send(text_update(CHAT, 2, "/new", language="en"))
    later(ctx, timedelta(hours=25))  # still inside the threading window (72 hours)
    bot.send(text_update(CHAT, 3, FOLLOW_UP, language="en"))
    assert tickets_and_texts(ctx) == [[EN_REPORT, FOLLOW_UP]]


LONG_REPLY = "\n\n".join(["The drainage works on your street & the next one <phase 2>. " * 30] * 5)


@pytest.fixture
def half_delivered(ctx: Context, start: Callable[..., Process], fake_api: FakeBotApi) -> int:
    """A long staff reply whose first part reached the chat before the second failed and the
    process stopped; returns the reply's message id."""
    first = start(bot=False)
    processed = ingest(
        first.ctx,
        InboundMessage(
            channel="telegram",
            sender=str(CHAT),
            text=EN_REPORT,
            external_id=f"{CHAT}:1",
            language_hint="en",
        ),
    )
    deliver_due(first.ctx)  # the acknowledgement
    fake_api.calls.clear()
    with first.ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        message_id = queue_reply(first.ctx, session, ticket, LONG_REPLY).id
    fake_api.fail("sendMessage", 502, after=1)
    assert deliver_due(first.ctx).retrying == 1
    assert len(fake_api.sent_texts(CHAT)) == 2  # part 1, and part 2 refused
    return message_id


def test_reply_resumed_after_a_restart_sends_each_part_once(
    ctx: Context, start: Callable[..., Process], fake_api: FakeBotApi, half_delivered: int
) -> None:
    after = start(bot=False)
    later(ctx, timedelta(seconds=5))
    assert deliver_due(after.ctx).sent == 1
    with ctx.sessions() as session:
        item = session.execute(
            select(OutboxItem).where(OutboxItem.message_id == half_delivered)
        ).scalar_one()
        parts = [html.escape(p, quote=False) for p in split_text(item.payload["text"])]
    assert len(parts) >= 3
    delivered = fake_api.sent_texts(CHAT)
    del delivered[1]  # the call the fake answered with 502 never reached the chat
    assert delivered == parts


def test_reply_resumed_after_a_restart_keeps_the_first_parts_receipt(
    ctx: Context, start: Callable[..., Process], fake_api: FakeBotApi, half_delivered: int
) -> None:
    first_part = fake_api.calls_of("sendMessage")[0]
    after = start(bot=False)
    later(ctx, timedelta(seconds=5))
    deliver_due(after.ctx)
    with ctx.sessions() as session:
        message = session.get(Message, half_delivered)
        assert message is not None
        assert message.external_id == f"{CHAT}:{first_part.result['message_id']}"
