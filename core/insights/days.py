"""The centre's days: statistics count a ticket on the date it was created where the centre
is, not in UTC. A report at 02:00 in Muscat on the 5th (22:00 UTC on the 4th) is the 5th's.

The time zone is the business calendars' (`BALAGH_CALENDARS`' `default.timezone`, Asia/Muscat
when unset): the one setting that already says where the centre is, for SLAs, the digest's
crontab and staff mail. Wiring hands it to the session factory (`use_zone`), so everything
that counts days with a session (the rollup's hook, the figures, the trends) reads the same
zone from `session.info`. Stored times stay UTC; only the cutting into days moves.

In SQL: PostgreSQL converts with `timezone(zone, created_at)`; SQLite has no time zones, so
there the zone's UTC offsets are written into the statement (one `+N minutes` modifier, or a
CASE over the offset changes inside the period for a zone with summer time).
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, literal
from sqlalchemy.orm import Session, sessionmaker

from core.sla.calendar import DEFAULT_TIMEZONE

ZONE_INFO_KEY = "centre_zone"  # in Session.info: the ZoneInfo days are cut in
FIRST_YEAR, LAST_YEAR = 1970, 2100  # offset changes looked for (SQLite) within these years


def use_zone(sessions: sessionmaker[Session], zone: ZoneInfo) -> None:
    """Every session of this factory cuts days in `zone` (copied into each session's info)."""
    info = sessions.kw.setdefault("info", {})
    info[ZONE_INFO_KEY] = zone


def zone_of(session: Session) -> ZoneInfo:
    """The zone this session's days are cut in (the calendars' default when none was set)."""
    zone = session.info.get(ZONE_INFO_KEY)
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo(DEFAULT_TIMEZONE)


def day_of(moment: datetime, zone: ZoneInfo) -> date:
    """The centre's date of a moment."""
    return moment.astimezone(zone).date()


def midnight(day: date, zone: ZoneInfo) -> datetime:
    """The moment (UTC) the centre's day begins."""
    return datetime.combine(day, time(), zone).astimezone(UTC)


def local_day(
    session: Session,
    column: Any,
    zone: ZoneInfo,
    size: str = "day",
    since: datetime | None = None,
    until: datetime | None = None,
) -> Any:
    """SQL for the first date (text YYYY-MM-DD) of the centre's day or ISO week (Monday) of
    `column`, a UTC time; `since`/`until` bound the offsets SQLite must know."""
    if session.get_bind().dialect.name == "postgresql":
        local = func.timezone(zone.key, column)
        return func.to_char(func.date_trunc(size, local), "YYYY-MM-DD")
    segments = [s for s in offset_segments(zone.key) if _overlaps(s, since, until)]
    modifier: Any = literal(_modifier(segments[-1][2]))
    if len(segments) > 1:
        modifier = case(
            *((column < end, _modifier(minutes)) for _, end, minutes in segments[:-1]),
            else_=_modifier(segments[-1][2]),
        )
    if size == "day":
        return func.date(column, modifier)
    # forward to the week's Sunday (or stay on it), then back six days to its Monday
    return func.date(column, modifier, "weekday 0", "-6 days")


def _modifier(minutes: int) -> str:
    return f"{minutes:+d} minutes"


def _overlaps(
    segment: tuple[datetime, datetime, int], since: datetime | None, until: datetime | None
) -> bool:
    start, end, _ = segment
    return (until is None or start < until) and (since is None or end > since)


@functools.cache
def offset_segments(key: str) -> tuple[tuple[datetime, datetime, int], ...]:
    """[start, end) UTC spans of one UTC offset (minutes) of a zone, FIRST_YEAR-LAST_YEAR,
    the first and last open-ended; found by probing each day and bisecting to the minute."""
    zone = ZoneInfo(key)
    start = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
    stop = datetime(LAST_YEAR, 1, 1, tzinfo=UTC)
    segments: list[tuple[datetime, datetime, int]] = []
    begun, current = datetime.min.replace(tzinfo=UTC), _minutes(start, zone)
    probe = start
    while probe < stop:
        after = probe + timedelta(days=1)
        if _minutes(after, zone) != current:
            change = _first_change(probe, after, zone, current)
            segments.append((begun, change, current))
            begun, current = change, _minutes(change, zone)
        probe = after
    segments.append((begun, datetime.max.replace(tzinfo=UTC), current))
    return tuple(segments)


def _minutes(moment: datetime, zone: ZoneInfo) -> int:
    offset = moment.astimezone(zone).utcoffset() or timedelta()
    return int(offset.total_seconds() // 60)


def _first_change(lo: datetime, hi: datetime, zone: ZoneInfo, before: int) -> datetime:
    """The first minute in (lo, hi] whose offset is not `before`."""
    while hi - lo > timedelta(minutes=1):
        mid = lo + (hi - lo) / 2
        mid = mid.replace(second=0, microsecond=0)
        if mid <= lo:
            mid = lo + timedelta(minutes=1)
        if _minutes(mid, zone) == before:
            lo = mid
        else:
            hi = mid
    return hi
