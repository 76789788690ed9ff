"""The business calendar: working days, working hours and public holidays.

SLA hours can count working time only (`BALAGH_SLA_WORKING_HOURS=true`): a 10-hour SLA given
on Thursday at 13:30 in Muscat runs one hour on Thursday, skips the Friday-Saturday weekend
and any public holiday, and falls due on a later working day. Urgent tickets always count
wall-clock hours. Each directorate may have its own calendar (cleaning crews work every day).

Calendars file (`BALAGH_CALENDARS`, JSON); every key is optional and a directorate's entry
inherits what it does not say from "default":

    {"default": {"timezone": "Asia/Muscat", "days": ["sun", "mon", "tue", "wed", "thu"],
                 "hours": "07:30-14:30", "holidays": true},
     "directorates": {"cleanliness": {"days": "all", "hours": "06:00-22:00",
                                      "holidays": false}}}

Holidays file (`BALAGH_HOLIDAYS`): JSON (a list of "YYYY-MM-DD" strings or of objects with
"date" and optional "to" and "name", or an object date -> name), or text with one date per
line, a range as "2025-03-30..2025-04-02", an optional name after the date, "#" comments.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.settings import Settings

logger = logging.getLogger(__name__)

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_TIMEZONE = "Asia/Muscat"
DEFAULT_DAYS = frozenset({6, 0, 1, 2, 3})  # Sunday to Thursday
DEFAULT_HOURS = (time(7, 30), time(14, 30))
END_OF_DAY = time(0, 0)  # "24:00" is stored as midnight of the next day
# Services that run every day when no calendars file says otherwise: street cleaning and
# waste collection, and the drainage and flood crews. Their hours stay the office's.
DEFAULT_EVERY_DAY = ("cleanliness", "drainage")
MAX_DAYS = 3660  # a due time more than ten years away means a broken calendar


class CalendarError(ValueError):
    """A calendars or holidays file Balagh cannot use; the message names file and entry."""


@dataclass(frozen=True)
class BusinessCalendar:
    """Working days and hours in one time zone, with holidays; counts working time."""

    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TIMEZONE))
    days: frozenset[int] = DEFAULT_DAYS
    opens: time = DEFAULT_HOURS[0]
    closes: time = DEFAULT_HOURS[1]
    holidays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.days and day not in self.holidays

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The working hours of a local day, as UTC instants."""
        start = datetime.combine(day, self.opens, tzinfo=self.timezone)
        end_day = day + timedelta(days=1) if self.closes == END_OF_DAY else day
        end = datetime.combine(end_day, self.closes, tzinfo=self.timezone)
        return start.astimezone(UTC), end.astimezone(UTC)

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The instant `hours` of working time after `start` (aware; returned in UTC)."""
        cursor = _aware(start).astimezone(UTC)
        remaining = timedelta(hours=hours)
        if remaining <= timedelta(0):
            return cursor
        day = cursor.astimezone(self.timezone).date()
        for _ in range(MAX_DAYS):
            if self.is_working_day(day):
                opens, closes = self.window(day)
                cursor = max(cursor, opens)
                if cursor < closes:
                    available = closes - cursor
                    if remaining <= available:
                        return cursor + remaining
                    remaining -= available
                    cursor = closes
            day += timedelta(days=1)
        raise CalendarError("the calendar has no working time in the next ten years")

    def working_hours_between(self, start: datetime, end: datetime) -> float:
        """Working hours from `start` to `end` (0 when end is not after start)."""
        a, b = _aware(start).astimezone(UTC), _aware(end).astimezone(UTC)
        total = timedelta(0)
        day = a.astimezone(self.timezone).date()
        last = b.astimezone(self.timezone).date()
        while day <= last:
            if self.is_working_day(day):
                opens, closes = self.window(day)
                lo, hi = max(a, opens), min(b, closes)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total.total_seconds() / 3600


@dataclass(frozen=True)
class Calendars:
    """The default calendar and the directorates that keep their own."""

    default: BusinessCalendar = field(default_factory=BusinessCalendar)
    directorates: Mapping[str, BusinessCalendar] = field(default_factory=dict)

    def for_directorate(self, code: str | None) -> BusinessCalendar:
        return self.directorates.get(code or "", self.default)

    def due(self, start: datetime, hours: float, directorate: str | None, urgent: bool) -> datetime:
        """A `core.sla.clock.DueCalculator`: working time for normal tickets, wall clock if urgent."""
        if urgent:
            return _aware(start) + timedelta(hours=hours)
        return self.for_directorate(directorate).add_working_hours(start, hours)

    def running_hours(
        self, start: datetime, end: datetime, directorate: str | None, urgent: bool
    ) -> float:
        """A `core.sla.clock.ClockHours`: the clock time `due` would count from start to end."""
        if urgent:
            return max((_aware(end) - _aware(start)).total_seconds() / 3600, 0.0)
        return self.for_directorate(directorate).working_hours_between(start, end)

    @property
    def timezone(self) -> ZoneInfo:
        return self.default.timezone


def load_calendars(settings: Settings) -> Calendars:
    """Build the calendars from `BALAGH_CALENDARS` and `BALAGH_HOLIDAYS`, or the defaults."""
    holidays = load_holidays(Path(settings.holidays)) if settings.holidays else frozenset()
    if settings.calendars:
        path = Path(settings.calendars)
        data = _read_json(path)
    else:
        path = None
        data = {"directorates": {c: {"days": "all", "holidays": False} for c in DEFAULT_EVERY_DAY}}
    return parse_calendars(data, holidays, source=str(path or "default calendars"))


def parse_calendars(data: Any, holidays: frozenset[date], *, source: str) -> Calendars:
    """Validate a calendars document; errors name the entry at fault."""
    if not isinstance(data, dict) or set(data) - {"default", "directorates"}:
        raise CalendarError(f"{source}: expected an object with 'default' and 'directorates'")
    base = _calendar(data.get("default") or {}, BusinessCalendar(), holidays, f"{source}: default")
    directorates = data.get("directorates") or {}
    if not isinstance(directorates, dict):
        raise CalendarError(f"{source}: 'directorates' must be an object code -> calendar")
    own = {
        code: _calendar(entry, base, holidays, f"{source}: directorate '{code}'")
        for code, entry in directorates.items()
    }
    return Calendars(default=base, directorates=own)


def _calendar(
    entry: Any, base: BusinessCalendar, holidays: frozenset[date], where: str
) -> BusinessCalendar:
    if not isinstance(entry, dict):
        raise CalendarError(f"{where}: expected an object")
    unknown = set(entry) - {"timezone", "days", "hours", "holidays"}
    if unknown:
        raise CalendarError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    cal = base
    if "timezone" in entry:
        try:
            cal = replace(cal, timezone=ZoneInfo(str(entry["timezone"])))
        except (ZoneInfoNotFoundError, ValueError):
            raise CalendarError(f"{where}: unknown time zone {entry['timezone']!r}") from None
    if "days" in entry:
        cal = replace(cal, days=_days(entry["days"], where))
    if "hours" in entry:
        opens, closes = _hours(entry["hours"], where)
        cal = replace(cal, opens=opens, closes=closes)
    observes = entry.get("holidays", True)
    if not isinstance(observes, bool):
        raise CalendarError(f"{where}: 'holidays' must be true or false")
    return replace(cal, holidays=holidays if observes else frozenset())


def _days(value: Any, where: str) -> frozenset[int]:
    if value == "all":
        return frozenset(range(7))
    names = value.split(",") if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        raise CalendarError(f'{where}: \'days\' must be "all" or a list such as ["sun", "mon"]')
    days = set()
    for name in names:
        key = str(name).strip().lower()[:3]
        if key not in DAY_NAMES:
            raise CalendarError(f"{where}: unknown day {name!r} (use sun, mon, ... sat)")
        days.add(DAY_NAMES.index(key))
    return frozenset(days)


def _hours(value: Any, where: str) -> tuple[time, time]:
    try:
        first, second = str(value).split("-")
        opens = _clock(first)
        closes = END_OF_DAY if second.strip() == "24:00" else _clock(second)
    except ValueError:
        raise CalendarError(f"{where}: 'hours' must look like \"07:30-14:30\"") from None
    if closes != END_OF_DAY and closes <= opens:
        raise CalendarError(f"{where}: 'hours' must close after they open (got {value!r})")
    return opens, closes


def _clock(text: str) -> time:
    hour, minute = text.strip().split(":")
    return time(int(hour), int(minute))


def load_holidays(path: Path) -> frozenset[date]:
    """Public holidays from a JSON or text file (see the module docstring for the formats)."""
    if not path.is_file():
        raise CalendarError(f"BALAGH_HOLIDAYS: no such file {path}")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        return _json_holidays(_read_json(path), str(path))
    days: set[date] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            days.update(_date_range(line.split()[0], f"{path}:{number}"))
    return frozenset(days)


def _json_holidays(data: Any, source: str) -> frozenset[date]:
    entries: Iterable[Any] = data.keys() if isinstance(data, dict) else data
    if not isinstance(entries, Iterable) or isinstance(entries, str):
        raise CalendarError(f"{source}: expected a list of dates or an object date -> name")
    days: set[date] = set()
    for entry in entries:
        if isinstance(entry, dict):
            first = entry.get("date")
            spec = f"{first}..{entry['to']}" if entry.get("to") else str(first)
        else:
            spec = str(entry)
        days.update(_date_range(spec, f"{source}: {entry!r}"))
    return frozenset(days)


def _date_range(spec: str, where: str) -> list[date]:
    try:
        first, _, last = spec.partition("..")
        start = date.fromisoformat(first.strip())
        end = date.fromisoformat(last.strip()) if last else start
    except ValueError:
        raise CalendarError(f"{where}: not a date or range YYYY-MM-DD[..YYYY-MM-DD]") from None
    if end < start or (end - start).days > 60:
        raise CalendarError(f"{where}: a holiday range must run forwards, at most 60 days")
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CalendarError(f"no such file {path}") from None
    except json.JSONDecodeError as exc:
        raise CalendarError(f"{path}: not valid JSON ({exc})") from None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
