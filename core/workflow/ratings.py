"""The citizen's rating of the centre's work: one rule for every channel.

A rating (1 to 5, with an optional comment) is kept only on a closed ticket, and only once:
the first answer counts, a second one (a double click, a repeated message) changes nothing.
The Telegram buttons, the web status page and a bare "4" written after the survey all come
through `record_rating`, so the rule, the stored fields and the event are the same everywhere.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.context import Context
from core.models import Status, Ticket
from core.storable import storable_text
from core.tickets import record_event

SCORES = range(1, 6)
MAX_COMMENT = 2_000


def can_rate(ticket: Ticket) -> bool:
    """A ticket takes a rating once it is closed, and only one."""
    return ticket.status == Status.CLOSED and ticket.satisfaction is None


def record_rating(
    ctx: Context,
    session: Session,
    ticket: Ticket,
    score: int,
    *,
    channel: str,
    comment: str | None = None,
) -> bool:
    """Keep the rating and its comment and log it; False (nothing changed) when refused."""
    if score not in SCORES or not can_rate(ticket):
        return False
    cleaned = storable_text(comment or "").strip()[:MAX_COMMENT] or None
    ticket.satisfaction, ticket.satisfaction_comment = score, cleaned
    ticket.rated_at = ctx.now()
    record_event(
        session,
        ticket,
        "satisfaction",
        actor="citizen",
        at=ctx.now(),
        score=score,
        comment=cleaned,
        channel=channel,
    )
    return True
