"""Composition hooks: the Telegram sender for the outbox and the /healthz probe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from channels.telegram.bot import api_root
from channels.telegram.sender import TelegramSender
from core.context import Context


def telegram_sender(ctx: Context) -> TelegramSender:
    """The Bot API sender the outbox delivers Telegram replies with."""
    return TelegramSender(ctx.settings.telegram_token, api_root(ctx))


def register_telegram(ctx: Context) -> TelegramSender:
    """Register the Bot API sender under 'telegram' and a probe under channel_probes."""
    sender = telegram_sender(ctx)
    ctx.senders.register("telegram", sender)
    ctx.extras.setdefault("channel_probes", {})["telegram"] = probe_for(ctx)
    return sender


def probe_for(ctx: Context) -> Callable[[], dict[str, Any]]:
    """The /healthz state function for the registered sender."""
    sender = ctx.senders.get("telegram")
    assert isinstance(sender, TelegramSender)
    return lambda: probe(ctx, sender)


def probe(ctx: Context, sender: TelegramSender) -> dict[str, Any]:
    """The channel's state for /healthz (never the token)."""
    runtime = ctx.extras.get("telegram_runtime")
    state = runtime.state if runtime is not None else None
    last = state.last_update_at if state is not None else None
    return {
        "status": "running" if runtime is not None else "configured",
        "mode": ctx.settings.telegram_mode,
        "api": api_root(ctx),
        "last_update_at": last.isoformat() if last else None,
        "last_error": state.last_error if state is not None else None,
        "last_delivery_error": sender.last_error,
    }
