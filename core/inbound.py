"""The one normalised inbound message every channel adapter produces."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from numbers import Real
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundAttachment:
    """A file the citizen sent, already read into memory by the adapter."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Location:
    """Where the problem is: coordinates and/or an address the citizen typed.

    Coordinates that are not numbers in range (text, true/false, NaN, latitude beyond 90)
    are dropped here, for every channel: the message is kept, without a place. A location
    left with neither coordinates nor an address is no place (`InboundMessage` drops it).
    """

    lat: float | None = None
    lon: float | None = None
    address: str | None = None

    def __post_init__(self) -> None:
        if self.lat is None and self.lon is None:
            return
        if _degrees(self.lat, 90) is None or _degrees(self.lon, 180) is None:
            logger.warning(
                "inbound: coordinates %r, %r are not a place; dropped", self.lat, self.lon
            )
            object.__setattr__(self, "lat", None)
            object.__setattr__(self, "lon", None)
            return
        object.__setattr__(self, "lat", float(self.lat))  # type: ignore[arg-type]
        object.__setattr__(self, "lon", float(self.lon))  # type: ignore[arg-type]

    @property
    def names_a_place(self) -> bool:
        """Coordinates or an address: something to put on the ticket."""
        return self.lat is not None or bool(self.address)


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
    language_hint: str | None = None  # a guess from the channel (e.g. the app's language)
    # The language staff chose for the citizen ('ar' | 'en'; a recorded call): what the citizen
    # speaks, so it wins over detection from the text staff typed.
    language_chosen: str | None = None
    # The language of the page the citizen wrote on ('ar' | 'en'; the web form), which they
    # chose to read: it decides where their words do not (mixed Arabic and English, Arabizi,
    # another language); words wholly in Arabic or English are answered in theirs
    # (`core.intake.conversation.reply_language`).
    page_language: str | None = None
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
    # Who submitted it, when `sender` is new for every message (the web form's browser
    # session): a report sent again is recognised by it (core/intake/resubmission.py).
    submitter: str | None = None

    def __post_init__(self) -> None:
        # One rule for every channel: a shared place whose coordinates were impossible and
        # that names nothing is no location, so a message of it alone says nothing
        # (core.intake.ingest.says_nothing) instead of an empty message on a ticket.
        if self.location is not None and not self.location.names_a_place:
            object.__setattr__(self, "location", None)


def _degrees(value: object, limit: float) -> float | None:
    """`value` as a finite number of degrees within ±limit, or None."""
    if isinstance(value, bool) or not isinstance(value, Real | Decimal):
        return None
    number = float(value)
    return number if math.isfinite(number) and -limit <= number <= limit else None
