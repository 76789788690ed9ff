"""Delivery problems in words (issue 20, item 6): what staff read instead of an exception.

The senders record a short technical reason on the outbox item ("relay unreachable:
ConnectionRefusedError: [Errno 111] Connection refused"); the ticket page shows the first
matching sentence of PROBLEMS in the page's language, with the next try's time, and keeps the
technical text in a tooltip for whoever looks after the servers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Delivery, Direction, Message, OutboxItem

# (pattern on the technical reason, i18n key); the first match wins, so specific before general
PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), key)
    for pattern, key in (
        (r"relay unreachable.*(refused|ConnectionRefused)", "delivery_why_relay_refused"),
        (r"relay unreachable.*(timed? ?out|Timeout)", "delivery_why_relay_timeout"),
        (r"relay unreachable.*(gaierror|not known|nodename|resolution)", "delivery_why_relay_name"),
        (r"relay unreachable", "delivery_why_relay_unreachable"),
        (r"relay authentication failed", "delivery_why_relay_login"),
        (r"relay refused our sender", "delivery_why_relay_sender"),
        (r"recipient refused", "delivery_why_recipient"),
        (r"message refused", "delivery_why_message"),
        (r"Telegram flood limit", "delivery_why_telegram_flood"),
        (r"Telegram refused", "delivery_why_telegram_blocked"),
        (r"Telegram rejected", "delivery_why_telegram_rejected"),
        (r"Telegram unreachable", "delivery_why_telegram_unreachable"),
        (r"Graph API unreachable", "delivery_why_whatsapp_unreachable"),
        # core.delivery.outbox: a channel with no sender in this process (no token or relay
        # set), which read in English on an Arabic page (the demo's Telegram tickets)
        (r"no sender is configured for channel", "delivery_why_no_sender"),
    )
)


@dataclass(frozen=True)
class Outcome:
    """How an outgoing message went, as the ticket page tells it."""

    channel: str  # the channel it actually went out on (a web report's email acknowledgement)
    retry_at: datetime | None
    # The words that channel carried, when they are not the message's own: the email copy of
    # a message a web-form citizen reads on their report's page says "reply to this message"
    # where the page says "write with the form below" (core.delivery.notify.notify_citizen).
    sent_text: str | None = None


def problem_key(error: str | None) -> str | None:
    """The i18n key of the sentence for this technical reason (None: show it as written)."""
    for pattern, key in PROBLEMS:
        if error and pattern.search(error):
            return key
    return None


def outcomes(session: Session, messages: Sequence[Message]) -> dict[int, Outcome]:
    """Per outgoing message: the outbox's channel, the words it carried there when it went
    out on another channel than the message's (a web report's email copy), and while
    retrying, the next try."""
    by_id = {m.id: m for m in messages if m.direction == Direction.OUT}
    if not by_id:
        return {}
    rows = session.execute(
        select(
            OutboxItem.message_id,
            OutboxItem.channel,
            OutboxItem.status,
            OutboxItem.next_attempt_at,
            OutboxItem.payload["text"].as_string(),
        ).where(OutboxItem.message_id.in_(list(by_id)))
    ).all()
    found: dict[int, Outcome] = {}
    for message_id, channel, status, next_at, text in rows:
        if message_id is None:
            continue
        message = by_id[message_id]
        # Only a copy on another channel: on the message's own channel the reference header
        # a staff reply gets (notify.with_reference) is the only difference, as before.
        other = channel != message.channel and text and text != message.text
        found[message_id] = Outcome(
            channel, next_at if status == Delivery.RETRYING else None, text if other else None
        )
    return found
