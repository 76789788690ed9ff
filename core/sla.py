"""Due times. Wall-clock hours by default; a business calendar can be plugged in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

DueCalculator = Callable[[datetime, float, str | None, bool], datetime]


def wall_clock_due(
    start: datetime, hours: float, directorate: str | None, urgent: bool
) -> datetime:
    """Due time counting every hour of the day (urgent tickets always count this way)."""
    return start + timedelta(hours=hours)
