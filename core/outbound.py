"""Outbound messages and the sender registry: core's only view of the channels.

A channel registers one `Sender` under its name; the outbox hands it `OutboundMessage`s.
Senders raise `TemporaryDeliveryError` (retry with backoff) or `PermanentDeliveryError`
(recorded and shown to staff, never retried).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class OutboundAttachment:
    filename: str
    content_type: str
    path: str


@dataclass(frozen=True)
class OutboundMessage:
    """One message to one citizen address on one channel."""

    channel: str
    to: str
    text: str
    language: str | None
    reference: str
    kind: str = "reply"
    subject: str | None = None
    html: str | None = None
    in_reply_to: tuple[str, ...] = ()
    attachments: tuple[OutboundAttachment, ...] = ()
    message_id: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DeliveryReceipt:
    """What the transport gave back: its id for the message, used to thread replies."""

    external_id: str | None = None


class DeliveryError(Exception):
    """Delivery did not happen."""


class TemporaryDeliveryError(DeliveryError):
    """Try again later (network down, flood limit); `retry_after` in seconds when known."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentDeliveryError(DeliveryError):
    """Will never work (blocked by the user, address rejected); shown to staff."""


class Sender(Protocol):
    """Delivers one outbound message on one channel."""

    def send(self, message: OutboundMessage) -> DeliveryReceipt: ...


class SenderRegistry:
    """An explicit map of channel name to sender; a new channel is one `register` call."""

    def __init__(self) -> None:
        self._senders: dict[str, Sender] = {}

    def register(self, channel: str, sender: Sender) -> None:
        self._senders[channel] = sender

    def get(self, channel: str) -> Sender | None:
        return self._senders.get(channel)

    def channels(self) -> list[str]:
        return sorted(self._senders)


class CollectingSender:
    """A sender that only records what it was asked to send (tests, the `phone` channel)."""

    def __init__(self) -> None:
        self.sent: list[OutboundMessage] = []

    def send(self, message: OutboundMessage) -> DeliveryReceipt:
        self.sent.append(message)
        return DeliveryReceipt(external_id=f"collected-{len(self.sent)}")
