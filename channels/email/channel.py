"""The email channel's descriptor: SMTP out, an SMTP listener and an IMAP poller in."""

from __future__ import annotations

from typing import Any

from core.channels import Capabilities, ChannelDescriptor
from core.context import Context
from core.intake.conversation import Processed
from core.outbound import Sender

# Each part is imported when asked for: the registry imports every descriptor, and a process
# loads the SMTP listener (aiosmtpd) or the IMAP poller only when it runs them.


def _sender(ctx: Context) -> Sender:
    from channels.email.sender import SmtpSender

    return SmtpSender.from_settings(ctx.settings)


def _after_processing(
    ctx: Context, processed: Processed, normalized: dict[str, Any] | None
) -> None:
    from channels.email.intake import tell_skipped_attachments

    tell_skipped_attachments(ctx, processed, normalized)


def _start_listener(ctx: Context) -> Any:
    from channels.email.listener import start_listener

    return start_listener(ctx)


def _start_imap(ctx: Context) -> Any:
    from channels.email.imap import start_imap

    return start_imap(ctx)


CHANNEL = ChannelDescriptor(
    name="email",
    capabilities=Capabilities(
        push=True, threads_by_message_id=True, surveys=True, sender_is_email=True, acks_per_hour=5
    ),
    sender=_sender,
    starters={"smtp": _start_listener, "imap": _start_imap},
    pipeline=True,
    after_processing=_after_processing,
)
