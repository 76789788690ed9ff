"""What the bot's handlers share, apart from the bot: the core context and small state.

Kept out of `bot.py` so the handlers need not import the module that registers them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.context import Context

STATE_KEY = "balagh"  # where the Application's bot_data keeps the BotState


@dataclass
class BotState:
    """What the handlers share: the core context and the bot's small in-memory state.

    Nothing here needs to survive a restart: the /new flag is kept on the chat's identity
    (core.intake.conversation), the hourly group note and the retry counts may start afresh.
    """

    ctx: Context
    kick_outbox: bool = True
    group_noted: dict[int, datetime] = field(default_factory=dict)
    failures: dict[int, BaseException] = field(default_factory=dict)
    attempts: dict[int, int] = field(default_factory=dict)
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    last_update_at: datetime | None = None
    last_error: str | None = None
    # Set (on the bot's loop) when the bot stops: follow-up work stops waiting at once
    # (handlers.until_closing) instead of holding the stop for as long as its waits last.
    closing: asyncio.Event = field(default_factory=asyncio.Event)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run follow-up work (processing, prompts) after the update was acknowledged."""
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
