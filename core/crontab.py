"""Crontab lines for the scheduled jobs, read the way cron(8) reads them.

APScheduler 3's `CronTrigger.from_crontab` differs from cron in two quiet ways: it numbers
weekdays from Monday (its 5 is Saturday, cron's 5 is Friday), and it refuses a range that
runs past Sunday, such as "sun-thu", the centre's working week. So the weekday field is first
rewritten as the explicit list of day names cron means. Cron also runs a line whose day of
month and weekday are both set on either day, where APScheduler needs both; such a line is
refused rather than run on fewer days than the operator expects.

APScheduler is not a transport, so core may use it to check a line when settings load.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from apscheduler.triggers.cron import CronTrigger

DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # cron's order: 0 (or 7) is Sunday
SHAPE = "MINUTE HOUR DAY MONTH WEEKDAY, e.g. '0 7 * * *'"
# Where run times are counted from when a line is checked or measured: fixed, so neither the
# check nor the measured period depends on the day the process starts.
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def _day(token: str) -> int:
    """One weekday as cron's number, 0 (Sunday) to 7 (Sunday again)."""
    if token.isdigit() and int(token) <= 7:
        return int(token)
    if token in DAY_NAMES:
        return DAY_NAMES.index(token)
    raise ValueError(f"unknown weekday {token!r} (use 0-7 or sun, mon, ... sat)")


def cron_weekdays(field: str) -> str:
    """Cron's weekday field as a list of day names: "1-5" -> "mon,tue,wed,thu,fri"."""
    if field == "*":
        return "*"
    days: set[int] = set()
    for part in field.lower().split(","):
        body, slash, step_text = part.partition("/")
        if slash and not (step_text.isdigit() and int(step_text) > 0):
            raise ValueError(f"bad step in weekday {part!r}")
        step = int(step_text) if slash else 1
        if body == "*":
            first, last = 0, 6
        elif "-" in body:
            start, _, end = body.partition("-")
            first, last = _day(start), _day(end)
            if last < first:  # a range past Sunday ("thu-sun") wraps round the week
                last += 7
        else:
            first = _day(body) % 7
            last = 6 if slash else first  # "1/2": from Monday on, every other day
        days.update(day % 7 for day in range(first, last + 1, step))
    return ",".join(DAY_NAMES[day] for day in sorted(days))


def crontab_trigger(line: str, timezone: tzinfo) -> CronTrigger:
    """The APScheduler trigger for a crontab line, with cron's meaning of weekdays."""
    fields = line.split()
    if len(fields) != 5:
        raise ValueError(f"needs 5 fields ({SHAPE}), got {len(fields)}")
    minute, hour, day, month, weekday = fields
    rewritten = " ".join((minute, hour, day, month, cron_weekdays(weekday)))
    try:
        trigger = CronTrigger.from_crontab(rewritten, timezone=timezone)
    except ValueError as exc:
        raise ValueError(f"{exc}; expected {SHAPE}") from None
    if day != "*" and weekday != "*":
        raise ValueError(
            "sets both day of month and weekday; cron runs on either, this scheduler only "
            "on both: set one of them to *"
        )
    return trigger


def run_times(line: str, count: int, timezone: tzinfo = UTC) -> list[datetime]:
    """The first `count` run times of a crontab line from EPOCH (fewer if it stops)."""
    trigger = crontab_trigger(line, timezone)
    times: list[datetime] = []
    previous = None
    while len(times) < count:
        start = EPOCH if previous is None else previous + timedelta(seconds=1)
        previous = trigger.get_next_fire_time(previous, start)
        if previous is None:
            break
        times.append(previous)
    return times


def previous_run(line: str, before: datetime, timezone: tzinfo) -> datetime | None:
    """The run of a crontab line before its latest run at or before `before` (None if none).

    A digest running at its scheduled time covers the time since the run before it; run by
    hand between two scheduled times it covers the same stretch up to now. The search looks
    back over growing windows so a per-minute line stays cheap and a monthly one is found.
    """
    trigger = crontab_trigger(line, timezone)
    for days in (2, 9, 40, 400):
        times: list[datetime] = []
        start = before - timedelta(days=days)
        fire = trigger.get_next_fire_time(None, start)
        while fire is not None and fire <= before:
            times.append(fire)
            fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
        if len(times) >= 2:
            return times[-2]
    return None


def shortest_period(line: str, runs: int = 60) -> float:
    """The least time in seconds between two runs of a crontab line, over its next runs."""
    times = run_times(line, runs)
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    return min(gaps, default=float("inf"))


def check_crontab(line: str) -> str:
    """A settings validator: the line with single spaces, or ValueError saying what is wrong."""
    if not run_times(line, 1):
        raise ValueError("never runs: no date matches its day and month")
    return " ".join(line.split())
