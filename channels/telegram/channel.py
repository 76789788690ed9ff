"""The Telegram channel's descriptor: Bot API out, polling or the webhook in."""

from __future__ import annotations

from typing import Any

from core.channels import Capabilities, ChannelDescriptor
from core.context import Context
from core.outbound import Sender

# Each part is imported when asked for: the registry imports every descriptor, and a process
# loads python-telegram-bot only when it sends, polls or answers the webhook.


def _sender(ctx: Context) -> Sender | None:
    if not ctx.settings.telegram_token:
        return None
    from channels.telegram.health import telegram_sender

    return telegram_sender(ctx)


def _probe(ctx: Context) -> Any:
    from channels.telegram.health import probe_for

    return probe_for(ctx)


def _start(ctx: Context) -> Any:
    from channels.telegram.runtime import start_telegram

    return start_telegram(ctx)


def _blueprint() -> Any:
    from channels.telegram.webhook import bp

    return bp


CHANNEL = ChannelDescriptor(
    name="telegram",
    capabilities=Capabilities(push=True, surveys=True, replies_only_to_sender=True),
    sender=_sender,
    starters={"telegram": _start},
    blueprint=_blueprint,
    probe=_probe,
    pipeline=True,
)
