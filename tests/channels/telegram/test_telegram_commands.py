"""The command menu: set with setMyCommands at start-up, from the same table as the handlers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from telegram import Update
from telegram.ext import CommandHandler

from channels.telegram.runtime import TelegramRuntime
from channels.telegram.sender import TelegramSender
from core.context import Context
from tests.telegram_fake import TOKEN, FakeBotApi, text_update

PRIVATE = "all_private_chats"
EN_REPORT = "There is a big pothole on the main road near Qurum beach, cars are damaged."


@pytest.fixture
def start_bot(ctx: Context, fake_api: FakeBotApi) -> Iterator[Any]:
    """Starts the bot on the fake Bot API (menu calls finished); stops what it started."""
    ctx.settings.telegram_token = TOKEN
    ctx.settings.telegram_api_url = fake_api.url
    sender = TelegramSender(TOKEN, fake_api.url)
    ctx.senders.register("telegram", sender)
    started: list[TelegramRuntime] = []

    def start() -> TelegramRuntime:
        runtime = TelegramRuntime(ctx)
        started.append(runtime)
        runtime.settle()
        return runtime

    yield start
    for runtime in started:
        runtime.stop()
    sender.close()


def menu(fake_api: FakeBotApi, language: str | None) -> list[tuple[str, str]]:
    return [(c["command"], c["description"]) for c in fake_api.commands[(PRIVATE, language)]]


def test_start_up_sets_the_english_menu_as_the_default(
    start_bot: Any, fake_api: FakeBotApi
) -> None:
    start_bot()
    assert menu(fake_api, None) == [
        ("new", "Make a new report"),
        ("status", "See the status of your reports"),
        ("language", "Change the language we write in"),
        ("help", "Help and how to make a report"),
    ]


def test_start_up_sets_the_arabic_menu_for_arabic_clients(
    start_bot: Any, fake_api: FakeBotApi
) -> None:
    start_bot()
    assert menu(fake_api, "ar") == [
        ("new", "تقديم بلاغ جديد"),
        ("status", "متابعة حالة بلاغاتكم"),
        ("language", "تغيير لغة المراسلة"),
        ("help", "المساعدة وطريقة تقديم البلاغ"),
    ]


def test_menu_is_set_once_per_language_and_only_for_private_chats(
    start_bot: Any, fake_api: FakeBotApi
) -> None:
    start_bot()
    calls = fake_api.calls_of("setMyCommands")
    assert sorted(str(c.params.get("language_code")) for c in calls) == ["None", "ar"]
    assert set(fake_api.commands) == {(PRIVATE, None), (PRIVATE, "ar")}


@pytest.mark.parametrize("language", [None, "ar"])
def test_every_listed_command_is_answered_by_its_own_command_handler(
    start_bot: Any, fake_api: FakeBotApi, language: str | None
) -> None:
    runtime = start_bot()
    listed = [name for name, _ in menu(fake_api, language)]
    first_match = {}
    for name in listed:
        update = Update.de_json(
            {"update_id": 1, **text_update(801, 1, f"/{name}")}, runtime.application.bot
        )
        # PTB runs the first handler of the group that accepts the update
        first_match[name] = next(
            h for h in runtime.application.handlers[0] if h.check_update(update)
        )
    assert listed and all(
        isinstance(handler, CommandHandler) and name in handler.commands
        for name, handler in first_match.items()
    )


@pytest.mark.parametrize(
    ("status", "description"),
    [
        (400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"),  # Telegram refuses the menu
        (502, None),  # the network between us and Telegram fails
    ],
)
def test_menu_failure_is_a_warning_and_the_bot_still_handles_updates(
    start_bot: Any,
    fake_api: FakeBotApi,
    caplog: pytest.LogCaptureFixture,
    status: int,
    description: str | None,
) -> None:
    caplog.set_level(logging.WARNING)
    fake_api.fail("setMyCommands", status, times=2, description=description)
    runtime = start_bot()
    warnings = [r for r in caplog.records if "setMyCommands" in r.getMessage()]
    assert len(warnings) == 2 and all(r.levelno == logging.WARNING for r in warnings)
    assert fake_api.commands == {}
    assert runtime.handle({"update_id": fake_api.push_id(), **text_update(802, 1, EN_REPORT)})
    runtime.settle()
    assert any("MCT-" in text for text in fake_api.sent_texts(802))
