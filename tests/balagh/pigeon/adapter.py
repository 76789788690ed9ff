"""The pigeon adapter: a landed note becomes an InboundMessage, a reply flies off as a note."""

from __future__ import annotations

from dataclasses import dataclass

from core.context import Context
from core.inbound import InboundMessage
from core.intake.conversation import Processed
from core.intake.ingest import ingest
from core.outbound import DeliveryReceipt, OutboundMessage


@dataclass(frozen=True)
class Note:
    """What a pigeon carries: the ring that brings it home again, and the words."""

    ring: str
    words: str
    flight: str  # unique per note, like a message id


def land(ctx: Context, note: Note) -> Processed:
    """A note arrived: hand it to core as it is (core stores, routes and acknowledges)."""
    return ingest(
        ctx,
        InboundMessage(
            channel="pigeon",
            sender=note.ring,
            text=note.words,
            external_id=note.flight,
            received_at=ctx.now(),
        ),
    )


class Loft:
    """The sender: each reply leaves as a note to the citizen's ring."""

    def __init__(self) -> None:
        self.flown: list[OutboundMessage] = []

    def send(self, message: OutboundMessage) -> DeliveryReceipt:
        self.flown.append(message)
        return DeliveryReceipt(external_id=f"flight-out-{len(self.flown)}")
