"""The citizen's "my next message is a new problem" (Telegram's /new) is core's to apply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from core.context import Context
from core.inbound import InboundMessage
from core.intake.conversation import request_new_ticket
from core.intake.ingest import ingest

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
_ids = count(1)


def write(ctx: Context, text: str) -> str:
    """A message from one chat; returns the reference of the ticket it became part of."""
    msg = InboundMessage(channel="telegram", sender="55", text=text, external_id=f"55:{next(_ids)}")
    return ingest(ctx, msg).reference


def test_the_message_after_a_request_opens_a_new_ticket_and_later_ones_join_it(
    ctx: Context,
) -> None:
    ctx.settings.now = T0
    first = write(ctx, "Street light off on Way 3021")
    request_new_ticket(ctx, "telegram", "55")
    second = write(ctx, "A pothole outside the mosque")
    third = write(ctx, "It is getting bigger")
    assert second != first and third == second


def test_a_request_older_than_a_day_lapses(ctx: Context) -> None:
    ctx.settings.now = T0
    first = write(ctx, "Street light off on Way 3021")
    request_new_ticket(ctx, "telegram", "55")
    ctx.settings.now = T0 + timedelta(hours=25)
    assert write(ctx, "Still dark here") == first
