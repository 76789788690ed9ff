"""The one normalised inbound message every channel adapter produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class InboundAttachment:
    """A file the citizen sent, already read into memory by the adapter."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Location:
    """Where the problem is: coordinates and/or an address the citizen typed."""

    lat: float | None = None
    lon: float | None = None
    address: str | None = None


@dataclass(frozen=True)
class ThreadHints:
    """What an adapter knows about which ticket a message continues.

    `reply_to` holds channel ids of earlier messages (email Message-IDs, Telegram message ids
    of our notifications); `reference` with `secret` is a ticket link the sender proved they
    hold. A reference without its secret never grants access to a ticket. `same_problem` is
    the reference of an open report a citizen said their new report is about (the web form's
    "this is my problem too"): a claim core checks (`core.intake.nearby.same_problem`).
    """

    reply_to: tuple[str, ...] = ()
    reference: str | None = None
    secret: str | None = None
    new_ticket: bool = False
    same_problem: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    """A citizen's message, normalised: the only shape core accepts from a channel."""

    channel: str
    sender: str
    text: str
    external_id: str
    display_name: str | None = None
    language_hint: str | None = None
    thread: ThreadHints = field(default_factory=ThreadHints)
    attachments: tuple[InboundAttachment, ...] = ()
    location: Location | None = None
    html: str | None = None
    subject: str | None = None
    phone: str | None = None
    email: str | None = None
    category_hint: str | None = None
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    raw: bytes = b""
    extras: dict[str, Any] = field(default_factory=dict)
    # What the channel tells staff about this message (a file it could not fetch): each
    # becomes an internal note on the ticket beside the message, never sent to the citizen.
    staff_notes: tuple[str, ...] = ()
    # The channel's `prepare` hook (core.channels) must complete the message before it is
    # processed (a file the message only refers to, fetched off the transport's request path).
    needs_preparing: bool = False
