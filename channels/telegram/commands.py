"""The bot's slash commands: one table that both registers the handlers and builds the menu.

Telegram shows a command menu (the "/" button) only for commands the bot announced with
setMyCommands. `COMMANDS` is the single list: `bot.register_handlers` adds a CommandHandler
for every entry, and `publish_menu` announces the entries that have a description, in
English by default and in Arabic for clients set to Arabic, so the menu cannot offer a
command the bot does not answer. The menu is cosmetic: failing to set it is logged, never
fatal.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats, Update
from telegram.error import TelegramError

from channels.telegram import handlers as h
from channels.telegram.texts import catalog

logger = logging.getLogger(__name__)

# The menu's default list (any client language) and the languages that get their own.
MENU_DEFAULT = "en"
MENU_LANGUAGES = ("ar",)


@dataclass(frozen=True)
class Command:
    """`/name` runs `callback`; `description` is its menu text's catalog key (None: unlisted)."""

    name: str
    callback: Callable[[Update, Any], Coroutine[Any, Any, None]]
    description: str | None


COMMANDS: tuple[Command, ...] = (
    Command("new", h.new_report, "command_new"),
    Command("status", h.status, "command_status"),
    Command("language", h.language, "command_language"),
    Command("help", h.start, "command_help"),
    # Telegram's own Start button sends /start; /help says the same, so only /help is listed.
    Command("start", h.start, None),
)


def menu(language: str) -> list[BotCommand]:
    """The command menu in `language`, in table order: listed commands with their text."""
    texts = catalog()[language]
    return [BotCommand(c.name, texts[c.description]) for c in COMMANDS if c.description]


async def publish_menu(bot: Bot) -> None:
    """setMyCommands for private chats: the default list and each language's own.

    Commands only work in private chats (groups get a note to write privately), so the menu
    is scoped to them. A refusal or a network error is logged and leaves the menu as it was.
    """
    scope = BotCommandScopeAllPrivateChats()
    languages: tuple[str | None, ...] = (None, *MENU_LANGUAGES)

    async def publish(language: str | None) -> None:
        commands = menu(language or MENU_DEFAULT)
        try:
            await bot.set_my_commands(commands, scope=scope, language_code=language)
        except TelegramError as exc:
            logger.warning(
                "telegram: setMyCommands (%s) failed (%s: %s); the command menu is unchanged",
                language or "default",
                type(exc).__name__,
                exc,
            )

    await asyncio.gather(*(publish(language) for language in languages))
