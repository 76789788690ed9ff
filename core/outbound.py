"""Outbound messages and the sender registry: core's only view of the channels.

A channel registers one `Sender` under its name; the outbox hands it `OutboundMessage`s.
Senders raise `TemporaryDeliveryError` (retry with backoff) or `PermanentDeliveryError`
(recorded and shown to staff, never retried). A sender that delivers one message in several
parts (Telegram) is a `ResumableSender`: the outbox keeps its `Progress` on the outbox item,
so a retry, even by another process after a restart, does not send a delivered part again.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class OutboundAttachment:
    filename: str
    content_type: str
    path: str


# Outbound kinds a person wrote (a staff reply, the question asked while awaiting the
# citizen): not automatic, so email sends them without Auto-Submitted (RFC 3834).
PERSON_WRITTEN_KINDS = frozenset({"reply", "need_info"})


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
    # Fixed once per outbox item and the same on every retry, so a sender can give the
    # receiver a stable identity (the email Message-ID) to recognise a repeat by.
    delivery_key: str | None = None


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


@runtime_checkable
class RoundSender(Sender, Protocol):
    """A sender that can keep what it opens (a relay connection) for a round of sends.

    The outbox sends a round's items inside `round()`: a storm's acknowledgements then share
    one connection instead of each opening, greeting and closing its own (bench/RESULTS.md,
    session 22). Outside a round, `send` opens and closes its own as before.
    """

    def round(self) -> AbstractContextManager[None]: ...


@dataclass(frozen=True)
class Progress:
    """How far delivery of a message in parts got: `parts` delivered, the first one's id."""

    parts: int = 0
    first_id: str | None = None


@runtime_checkable
class ResumableSender(Sender, Protocol):
    """A sender that delivers a message in parts and can start after the delivered ones.

    `send_from` skips the first `progress.parts` parts and calls `checkpoint` after each part
    it delivers (the outbox stores it at once); its receipt id is that of the first part.
    """

    def send_from(
        self,
        message: OutboundMessage,
        progress: Progress,
        checkpoint: Callable[[Progress], None],
    ) -> DeliveryReceipt: ...


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
