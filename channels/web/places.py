"""The place a citizen's message carried, for a message with no words and no file.

Chat users often share their location as a message of its own after the report (the
Telegram button, WhatsApp's location). The place goes on the ticket, and the message is
kept with no text: the ticket page and the citizen's status page showed it as an empty
bubble from the citizen (so did an Open311 request with no description). The stored inbound
record still holds what arrived, so both pages show the place there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Direction, InboundRecord, Message


def shared_places(session: Session, messages: Iterable[Message]) -> dict[int, dict[str, Any]]:
    """Message id -> the place ({lat, lon, address}) of each wordless, fileless citizen
    message whose inbound record carried one; one query for the page."""
    wanted = {
        m.inbound_record_id: m.id
        for m in messages
        if m.direction == Direction.IN
        and m.inbound_record_id is not None
        and not m.text.strip()
        and not m.attachments
    }
    if not wanted:
        return {}
    rows = session.execute(
        select(InboundRecord.id, InboundRecord.normalized).where(InboundRecord.id.in_(wanted))
    )
    places: dict[int, dict[str, Any]] = {}
    for record_id, normalized in rows:
        place = (normalized or {}).get("location")
        if place and (place.get("lat") is not None or place.get("address")):
            places[wanted[record_id]] = place
    return places
