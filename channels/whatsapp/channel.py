"""The WhatsApp channel's descriptor: the Graph API out, the webhook in (no process of its own)."""

from __future__ import annotations

from typing import Any

from core.channels import Capabilities, ChannelDescriptor
from core.context import Context
from core.inbound import InboundMessage
from core.outbound import Sender

# Each part is imported when asked for: the registry imports every descriptor, and a process
# loads the webhook and the Graph API client only when it sends or answers Meta.


def _sender(ctx: Context) -> Sender | None:
    from channels.whatsapp.sender import WhatsAppSender
    from channels.whatsapp.webhook import configured, graph_api

    return WhatsAppSender(ctx, graph_api(ctx)) if configured(ctx) else None


def _probe(ctx: Context) -> Any:
    from channels.whatsapp.webhook import graph_api

    def probe() -> dict[str, Any]:
        """The channel's state for /healthz (never the token or the app secret)."""
        api = graph_api(ctx)
        return {
            "status": "configured",
            "api": api.api_url,
            "phone_id": api.phone_id,
            "signature_check": bool(ctx.settings.whatsapp_app_secret),
            "last_delivery_error": api.last_error,
        }

    return probe


def _prepare(ctx: Context, message: InboundMessage, attempts: int) -> InboundMessage:
    from channels.whatsapp.media import fetch_media

    return fetch_media(ctx, message, attempts)


def _blueprint() -> Any:
    from channels.whatsapp.webhook import bp

    return bp


CHANNEL = ChannelDescriptor(
    name="whatsapp",
    capabilities=Capabilities(
        push=True, surveys=True, verified_phone=True, replies_only_to_sender=True
    ),
    sender=_sender,
    blueprint=_blueprint,
    probe=_probe,
    pipeline=True,
    prepare=_prepare,
)
