"""The running bot: one Application on its own loop thread, fed by polling or the webhook.

Polling is our own getUpdates loop rather than `Application.run_polling`, because the offset
must move past an update only after its handler stored it (`bot.dispatch` says when); PTB's
updater confirms updates as soon as it has fetched them.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from telegram.error import Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError

from channels.telegram.bot import (
    ALLOWED_UPDATES,
    api_root,
    build_application,
    dispatch,
    settle,
    state_of,
)
from channels.telegram.commands import publish_menu
from channels.telegram.loop import LoopThread
from channels.telegram.normalize import read_update
from channels.telegram.sender import retry_after_seconds
from channels.telegram.state import BotState
from core.context import Context
from core.intake.pipeline import EXTRA_KEY, start_pipeline, stop_pipeline

logger = logging.getLogger(__name__)

POLL_TIMEOUT = 30  # seconds Telegram holds a getUpdates call open
RETRY_DELAY = 2.0  # after a failed fetch or an update that could not be stored
MAX_DELAY = 60.0


class TelegramRuntime:
    """An initialized Application on a loop thread; `handle` runs one update through it."""

    def __init__(
        self, ctx: Context, *, kick_outbox: bool = True, retry_delay: float = RETRY_DELAY
    ) -> None:
        self.ctx = ctx
        self.retry_delay = retry_delay
        # Set once the Application is initialized (its getMe answered); until then no update
        # is handled, so none is acknowledged and Telegram delivers it again.
        self.ready = threading.Event()
        self._ready_here = asyncio.Event()  # the same, for a wait on the bot's loop (polling)
        self._initializing: asyncio.Task[None] | None = None
        # The bot hands citizens' messages to the inbound workers: it starts them when
        # nothing else in this process has (else `balagh serve`'s inbound component did).
        self.owns_pipeline = EXTRA_KEY not in ctx.extras
        start_pipeline(ctx)
        self.application = build_application(ctx, kick_outbox=kick_outbox)
        self.loop = LoopThread("telegram")
        self.loop.run(self._start(), timeout=60)

    async def _start(self) -> None:
        try:
            await self.application.initialize()
        except NetworkError as exc:
            # Telegram down, blocked or a DNS blip: the web form and the mail listener that
            # `balagh serve` runs beside the bot must not go down with it. Keep trying.
            self.state.last_error = type(exc).__name__
            logger.warning(
                "telegram: the Bot API does not answer (%s); the bot starts when it does",
                type(exc).__name__,
            )
            self._initializing = asyncio.get_running_loop().create_task(self._initialize())
            return
        self._started()

    async def _initialize(self) -> None:
        delay = self.retry_delay
        while True:
            await asyncio.sleep(delay)
            try:
                await self.application.initialize()
            except NetworkError as exc:
                self.state.last_error = type(exc).__name__
                delay = min(delay * 2, MAX_DELAY)
                continue
            logger.info("telegram: the Bot API answers; the bot is started")
            self._started()
            return

    def _started(self) -> None:
        self.ready.set()
        self._ready_here.set()
        # The command menu is a nicety: set it in the background, start-up does not wait.
        self.state.spawn(publish_menu(self.application.bot))

    async def wait_ready(self) -> None:
        """On the bot's loop: return once the Bot API answered getMe (woken, not polled)."""
        await self._ready_here.wait()

    @property
    def state(self) -> BotState:
        return state_of(self.application)

    def handle(self, data: dict[str, Any], timeout: float = 50.0) -> bool:
        """Dispatch one update given as Telegram's JSON; True when it may be acknowledged."""
        return self.loop.run(self._handle(data), timeout=timeout)

    async def _handle(self, data: dict[str, Any]) -> bool:
        if not self.ready.is_set():
            return False  # not started yet: Telegram keeps the update and sends it again
        update = read_update(data, self.application.bot)
        if isinstance(update, str):  # acknowledged: sent again, it would fail the same way
            logger.warning(
                "telegram: update %s of an impossible shape ignored (%s)",
                data.get("update_id"),
                update[:200],
            )
            return True
        return await dispatch(self.application, update)

    def settle(self, timeout: float = 30.0) -> None:
        """Wait for follow-up work (processing, acknowledgements) to finish."""
        self.loop.run(settle(self.application), timeout=timeout)

    def stop(self) -> None:
        try:
            self.loop.run(self._shutdown(), timeout=30)
        finally:
            self.loop.stop()
            if self.owns_pipeline:
                stop_pipeline(self.ctx)

    async def _shutdown(self) -> None:
        if self._initializing is not None:
            self._initializing.cancel()
        # Follow-up work stops waiting (handlers.until_closing); what it is doing, it finishes.
        self.state.closing.set()
        await settle(self.application)
        await self.application.shutdown()


class TelegramPolling:
    """Long polling: fetch, dispatch each update, advance the offset only past stored ones."""

    def __init__(
        self,
        runtime: TelegramRuntime,
        *,
        poll_timeout: int = POLL_TIMEOUT,
        retry_delay: float = RETRY_DELAY,
    ) -> None:
        self.runtime = runtime
        self.poll_timeout = poll_timeout
        self.retry_delay = retry_delay
        self.offset: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._started = threading.Event()
        self._done = threading.Event()

    def start(self) -> TelegramPolling:
        self.runtime.loop.loop.call_soon_threadsafe(self._begin)
        self._started.wait(10)
        logger.info("telegram: polling %s", api_root(self.runtime.ctx))
        return self

    def _begin(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())
        self._started.set()

    async def _run(self) -> None:
        bot = self.runtime.application.bot
        state = self.runtime.state
        delay = self.retry_delay
        try:
            await self.runtime.wait_ready()  # the Bot API has answered getMe
            await self._call_until_ok(bot.delete_webhook)
            while True:
                try:
                    updates = await bot.get_updates(
                        offset=self.offset,
                        timeout=self.poll_timeout,
                        allowed_updates=list(ALLOWED_UPDATES),
                    )
                except RetryAfter as exc:
                    await asyncio.sleep(retry_after_seconds(exc))
                    continue
                except (InvalidToken, Forbidden) as exc:
                    state.last_error = type(exc).__name__
                    logger.error("telegram: the Bot API refused our token; retrying slowly")
                    await asyncio.sleep(MAX_DELAY)
                    continue
                except (NetworkError, TelegramError) as exc:
                    state.last_error = type(exc).__name__
                    logger.warning("telegram: getUpdates failed (%s)", type(exc).__name__)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, MAX_DELAY)
                    continue
                delay = self.retry_delay
                for update in updates:
                    if not await dispatch(self.runtime.application, update):
                        # not stored: leave the offset so Telegram delivers it again
                        await asyncio.sleep(self.retry_delay)
                        break
                    self.offset = update.update_id + 1
        finally:
            self._done.set()

    async def _call_until_ok(self, method: Any) -> None:
        while True:
            try:
                await method()
                return
            except TelegramError as exc:
                logger.warning("telegram: %s failed (%s)", method.__name__, type(exc).__name__)
                await asyncio.sleep(self.retry_delay)

    def stop(self) -> None:
        """Cancel the long poll, let follow-up work finish, then stop the loop."""
        task = self._task
        if task is not None:
            self.runtime.loop.loop.call_soon_threadsafe(task.cancel)
            self._done.wait(10)
        self.runtime.stop()


def start_telegram(ctx: Context) -> Any:
    """The `balagh serve` starter: polling, or the runtime behind the webhook; None when off."""
    settings = ctx.settings
    if not settings.telegram_token:
        return None
    runtime = TelegramRuntime(ctx)
    ctx.extras["telegram_runtime"] = runtime
    if settings.telegram_mode == "polling":
        return TelegramPolling(runtime).start()
    url = f"{settings.base_url}/telegram/webhook"
    try:
        runtime.loop.run(
            runtime.application.bot.set_webhook(
                url,
                secret_token=settings.telegram_webhook_secret or None,
                allowed_updates=list(ALLOWED_UPDATES),
            ),
            timeout=60,
        )
    except TelegramError as exc:
        logger.warning("telegram: setWebhook failed (%s); set it by hand", type(exc).__name__)
    logger.info("telegram: webhook at %s via %s", url, api_root(ctx))
    return runtime
