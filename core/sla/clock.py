"""The SLA clock: when it runs, and due times (wall-clock hours by default; a business calendar
can be plugged in).

`SLA_CLOCK_RUNNING` is the one definition of "the clock is running": the SLA job escalates and
warns only these tickets, the staff overdue queue lists only these, and a reclassification
recomputes only these. Waiting on the citizen pauses the clock; resolution stops it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from core.models import Status

SLA_CLOCK_RUNNING = (Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.REOPENED)

DueCalculator = Callable[[datetime, float, str | None, bool], datetime]


def wall_clock_due(
    start: datetime, hours: float, directorate: str | None, urgent: bool
) -> datetime:
    """Due time counting every hour of the day (urgent tickets always count this way)."""
    return start + timedelta(hours=hours)
