"""The SLA clock: when it runs, and due times (wall-clock hours by default; a business calendar
can be plugged in).

`SLA_CLOCK_RUNNING` is the one definition of "the clock is running": the SLA job escalates and
warns only these tickets, the staff overdue queue lists only these, and a reclassification
recomputes only these. Waiting on the citizen, or being a duplicate (`SLA_CLOCK_PAUSED`), pauses
the clock; resolution stops it.

A pause moves the due time: the clock time spent paused (`ClockHours`, counted
the way the due time counts) is added to the SLA's hours, once per pause, every pause of the
running clock adding up (core.workflow.transitions keeps the ticket's total).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from core.models import Status

SLA_CLOCK_RUNNING = (Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.REOPENED)
# Where a running clock pauses: waiting on the citizen, and following an original as its
# duplicate (nobody works it then; if the original is rejected it comes back to be answered on
# its own, with the time it left when it was marked).
SLA_CLOCK_PAUSED = (Status.AWAITING_CITIZEN, Status.DUPLICATE)

DueCalculator = Callable[[datetime, float, str | None, bool], datetime]
# The clock hours between two instants (the inverse of a DueCalculator): wall-clock hours,
# or working hours with a business calendar.
ClockHours = Callable[[datetime, datetime, str | None, bool], float]


def wall_clock_due(
    start: datetime, hours: float, directorate: str | None, urgent: bool
) -> datetime:
    """Due time counting every hour of the day (urgent tickets always count this way)."""
    return start + timedelta(hours=hours)


def wall_clock_hours(
    start: datetime, end: datetime, directorate: str | None, urgent: bool
) -> float:
    """Hours from `start` to `end` counting every hour (0 when end is not after start)."""
    return max((end - start).total_seconds() / 3600, 0.0)
