"""The statistics rollup: per day and per month, the sums the service-quality figures are
made of, so a year of a million tickets is a few thousand rows rather than a million.

Days are the centre's (core.insights.days: the calendars' time zone, Asia/Muscat unless
set), so a ticket counts on the date it was created where the centre is; a rollup built in
another zone (the calendars changed) is rebuilt on first use, as an older definition is.

Kept current without a scan: every flush that touches a ticket (or a routing correction)
appends its creation day to `stats_dirty` (`install_rollup_hooks`); `refresh` recounts just
those days from the tickets and moves each month's row by the day's difference. Statistics
call `refresh` first, and the `stats_rollup` job does between calls, so figures are never
older than the data. Writes that bypass the ORM (COPY, raw SQL) need `rebuild`; a rollup
never built, or built by an older definition (`VERSION`), is rebuilt on first use.

Durations go into histograms with relative buckets: every value of a bucket is within
`ALPHA` (1 %) of the bucket's representative, so a percentile read from a histogram is
within 1 % (and `TINY` hours) of percentile_cont's. core.insights.stats uses histograms only
for selections above its exact limit; smaller ones are computed exactly from the tickets.
"""

from __future__ import annotations

import logging
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import and_, delete, func, insert, literal, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from core.db import listen_once
from core.insights.days import day_of, midnight, use_zone, zone_of
from core.models import (
    Counter,
    Priority,
    RoutingCorrection,
    StatsDirty,
    StatsRollup,
    Status,
    Ticket,
)

logger = logging.getLogger(__name__)

VERSION = 4  # bump when what a row holds changes: the next use rebuilds the rollup
MARKER = "stats_rollup_version"  # its Counter row
ALPHA = 0.01  # histogram relative accuracy
GAMMA = (1 + ALPHA) / (1 - ALPHA)
TINY = 0.001  # hours (3.6 s); durations closer to zero share one bucket, read as 0
OPEN = (Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.AWAITING_CITIZEN, Status.REOPENED)
FINISHED = (Status.RESOLVED, Status.CLOSED)
DURATIONS = ("first_response_hours", "resolution_hours", "dispatch_hours")
# dispatch_hours: arrival to the first assignment. Its histogram answers how many were
# dispatched later than any target (BALAGH_DISPATCH_TARGET_MINUTES, `Totals.above`), so a
# changed target needs no rebuild.
# Each grouping's rows carry the directorate (department staff's scope, the dashboard's
# filters); those that cross directorates also have rows for all of them together
# ("<dim>_all", directorate empty), so an unscoped question reads a few rows per month.
DIMS = ("total", "directorate", "category", "channel", "language", "assignee")
ACROSS = ("channel", "language", "assignee")
SUMS = (
    "tickets",
    "open",
    "resolved",
    "closed",
    "urgent",
    "due_finished",
    "sla_met",
    "due_unfinished",
    "reopened",
    "rating_sum",
    "rating_count",
    "surveyed",
    "corrected",
)
LOCK = 0x5A7_0011  # PostgreSQL advisory lock: one refresh at a time


KMAX = 1200  # buckets either side of zero: up to 0.001 * GAMMA**1200 h, some 3,000 years


def bucket(hours: float) -> int:
    """The histogram bucket of a duration: 0 near zero, +k / -k by relative size."""
    size = abs(hours)
    if size <= TINY:
        return 0
    k = min(KMAX, max(1, math.ceil(math.log(size / TINY, GAMMA))))
    return k if hours > 0 else -k


def representative(key: int) -> float:
    """The value a bucket stands for, within ALPHA of every duration in it."""
    if key == 0:
        return 0.0
    value = TINY * 2 * GAMMA ** abs(key) / (GAMMA + 1)
    return value if key > 0 else -value


@dataclass
class Sums:
    """The additive figures of a set of tickets, and their durations' histograms."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SUMS, 0))
    hours: dict[str, dict[int, int]] = field(
        default_factory=lambda: {name: defaultdict(int) for name in DURATIONS}
    )

    def add(self, other: Sums, sign: int = 1) -> None:
        for name, value in other.counts.items():
            self.counts[name] += sign * value
        for name, histogram in other.hours.items():
            mine = self.hours[name]
            for key, n in histogram.items():
                mine[key] += sign * n

    def add_ticket(self, one: Contribution) -> None:
        counts = self.counts
        for name, value in one.counts:
            counts[name] += value
        for name, key in one.buckets:
            self.hours[name][key] += 1

    def empty(self) -> bool:
        return not any(self.counts.values()) and not any(
            n for histogram in self.hours.values() for n in histogram.values()
        )

    def stored(self) -> tuple[dict[str, int], dict[str, list[list[int]]]]:
        """As the row holds them: histograms as [[bucket...], [count...]] (quick to read)."""
        hours = {}
        for name, histogram in self.hours.items():
            pairs = sorted((k, n) for k, n in histogram.items() if n)
            hours[name] = [[k for k, _ in pairs], [n for _, n in pairs]]
        return dict(self.counts), hours

    @classmethod
    def loaded(cls, counts: dict[str, Any], hours: dict[str, Any]) -> Sums:
        sums = cls()
        for name in SUMS:
            sums.counts[name] = int(counts.get(name, 0))
        for name in DURATIONS:
            keys, ns = hours.get(name) or ([], [])
            for key, n in zip(keys, ns, strict=True):
                sums.hours[name][int(key)] += int(n)
        return sums


def _representatives() -> np.ndarray[Any, Any]:
    return np.array([representative(k) for k in range(-KMAX, KMAX + 1)])


class Totals:
    """Sums being read and added up: counts, and each duration's histogram as one dense
    array (adding a stored row is one vectorised step, whatever its size)."""

    values = _representatives()

    def __init__(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(SUMS, 0)
        self.hours = {name: np.zeros(2 * KMAX + 1, dtype=np.int64) for name in DURATIONS}

    def add_stored(self, counts: dict[str, Any], hours: dict[str, Any] | None) -> None:
        for name in SUMS:
            self.counts[name] += int(counts.get(name, 0))
        for name in DURATIONS if hours else ():
            keys, ns = hours.get(name) or ([], [])  # type: ignore[union-attr]
            if keys:
                np.add.at(self.hours[name], np.asarray(keys) + KMAX, ns)

    def add_ticket(self, one: Contribution) -> None:
        for name, value in one.counts:
            self.counts[name] += value
        for name, key in one.buckets:
            self.hours[name][key + KMAX] += 1

    def add(self, other: Totals) -> None:
        for name, value in other.counts.items():
            self.counts[name] += value
        for name in DURATIONS:
            self.hours[name] += other.hours[name]

    def above(self, name: str, hours: float) -> int:
        """How many durations exceed `hours` (those in `hours`' own bucket, within ALPHA of
        it, are not counted)."""
        return int(self.hours[name][bucket(hours) + KMAX + 1 :].sum())

    def percentile(self, name: str, fraction: float) -> float | None:
        """percentile_cont over the representatives (each within ALPHA of its values)."""
        histogram = self.hours[name]
        cumulative = np.cumsum(histogram)
        total = int(cumulative[-1])
        if total == 0:
            return None
        position = fraction * (total - 1)
        low, high = math.floor(position), math.ceil(position)
        at_low, at_high = np.searchsorted(cumulative, [low, high], side="right")
        v_low, v_high = float(self.values[at_low]), float(self.values[at_high])
        return v_low + (v_high - v_low) * (position - low)


@dataclass(frozen=True)
class Contribution:
    """What one ticket adds: its non-zero counts and its durations' buckets."""

    counts: tuple[tuple[str, int], ...]
    buckets: tuple[tuple[str, int], ...]


# The ticket columns a contribution is made of (and the group keys), in one SELECT.
COLUMNS = (
    Ticket.created_at,
    Ticket.status,
    Ticket.urgent,
    Ticket.priority,
    Ticket.due_at,
    Ticket.first_response_at,
    Ticket.resolved_at,
    Ticket.closed_at,
    Ticket.assigned_at,
    Ticket.satisfaction,
    Ticket.survey_sent_at,
    Ticket.reopen_count,
    Ticket.directorate,
    Ticket.category,
    Ticket.channel,
    Ticket.language,
    Ticket.assignee_id,
)


def ticket_rows(session: Session, *where: Any, ordered: bool = False) -> Iterator[Any]:
    """The tickets matching `where` with what their contribution needs, streamed."""
    corrected = Ticket.id.in_(
        select(RoutingCorrection.ticket_id).where(RoutingCorrection.ticket_id.is_not(None))
    )
    query = select(*COLUMNS, corrected.label("corrected")).where(*where)
    if ordered:
        query = query.order_by(Ticket.created_at)
    yield from session.execute(query.execution_options(yield_per=5000))


def _hours(start: datetime, end: datetime | None) -> float | None:
    return None if end is None else (end - start).total_seconds() / 3600


def contribution(row: Any) -> Contribution:
    """One ticket's part of every figure, with the same meanings as core.insights.stats."""
    status = row.status
    finished_at = (row.resolved_at or row.closed_at) if status in FINISHED else None
    due = row.due_at
    values = {
        "tickets": 1,
        "open": status in OPEN,
        "resolved": status == Status.RESOLVED,
        "closed": status == Status.CLOSED,
        "urgent": bool(row.urgent) or row.priority == Priority.URGENT,
        "due_finished": due is not None and finished_at is not None,
        "sla_met": due is not None and finished_at is not None and finished_at <= due,
        "due_unfinished": due is not None and finished_at is None,
        "reopened": (row.reopen_count or 0) > 0,
        "rating_sum": row.satisfaction or 0,
        "rating_count": row.satisfaction is not None,
        "surveyed": row.survey_sent_at is not None,
        "corrected": bool(row.corrected),
    }
    buckets = []
    for name, end in (("first_response_hours", row.first_response_at), ("resolution_hours", row.resolved_at), ("dispatch_hours", row.assigned_at)):  # fmt: skip
        hours = _hours(row.created_at, end)
        if hours is not None:
            buckets.append((name, bucket(hours)))
    return Contribution(
        counts=tuple((name, int(value)) for name, value in values.items() if value),
        buckets=tuple(buckets),
    )


def keys_of(row: Any) -> list[tuple[str, str | None, str | None]]:
    """The (dim, key, directorate) rows one ticket counts in."""
    directorate = row.directorate
    assignee = None if row.assignee_id is None else str(row.assignee_id)
    return [
        ("total", None, None),
        ("directorate", directorate, directorate),
        ("category", row.category, directorate),
        ("channel", row.channel, directorate),
        ("language", row.language, directorate),
        ("assignee", assignee, directorate),
        ("channel_all", row.channel, None),
        ("language_all", row.language, None),
        ("assignee_all", assignee, None),
    ]


def month_of(day: date) -> date:
    return day.replace(day=1)


# --- keeping it current ----------------------------------------------------------------------


def _changed_days(session: Session) -> set[date]:
    days: set[date] = set()
    zone = zone_of(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Ticket):
            created = obj.__dict__.get("created_at")
            if isinstance(created, datetime):
                days.add(day_of(created, zone))
        elif isinstance(obj, RoutingCorrection) and obj.ticket_id is not None:
            created = (
                session.connection()
                .execute(select(Ticket.created_at).where(Ticket.id == obj.ticket_id))
                .scalar()
            )
            if created is not None:
                days.add(day_of(created, zone))
    return days


def _mark_changed(session: Session, _context: Any) -> None:
    """After each flush: the creation days of the tickets it wrote, for `refresh` (each day
    once per transaction, however many flushes touch it)."""
    transaction = session.get_nested_transaction() or session.get_transaction()
    seen: tuple[Any, set[date]] | None = session.info.get("stats_marked")
    if seen is None or seen[0] is not transaction:
        seen = session.info["stats_marked"] = (transaction, set())
    days = _changed_days(session) - seen[1]
    if days:
        session.connection().execute(insert(StatsDirty), [{"day": d} for d in sorted(days)])
        seen[1].update(days)


def install_rollup_hooks(sessions: sessionmaker[Session], zone: ZoneInfo) -> None:
    """Mark changed days (the centre's, in `zone`) for every session this factory makes."""
    use_zone(sessions, zone)
    listen_once(sessions, "after_flush", _mark_changed)


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK})


def _definition(zone: ZoneInfo) -> int:
    """What the marker holds: this VERSION with the zone the days were cut in (a checksum)."""
    return zlib.crc32(f"{VERSION}:{zone.key}".encode()) & 0x7FFFFFFF


def _built(session: Session) -> bool:
    marker = session.get(Counter, MARKER)
    return marker is not None and marker.value == _definition(zone_of(session))


def refresh(session: Session) -> int:
    """Recount the days marked changed (all of them on first use); returns days recounted.

    Runs in the caller's transaction: figures read after it are current even when the
    caller never commits (then the next call does the work again).
    """
    _lock(session)
    if not _built(session):
        return rebuild(session)
    marks = session.execute(select(StatsDirty.id, StatsDirty.day)).all()
    if not marks:
        return 0
    days = sorted({day for _, day in marks})
    recount_days(session, days)
    ids = [mark_id for mark_id, _ in marks]
    for start in range(0, len(ids), 1000):
        session.execute(delete(StatsDirty).where(StatsDirty.id.in_(ids[start : start + 1000])))
    return len(days)


def refresh_before_reading(session: Session) -> bool:
    """Refresh so that `session` reads current figures, committing the work when it can;
    False when the rollup cannot answer (being built by someone else): count the tickets.

    In a transaction of its own where the session will see its result: always on
    PostgreSQL (each statement reads what was committed before it), and on SQLite when the
    session has not begun yet. A SQLite session already in its transaction holds the only
    write lock, so there the refresh joins it (and is done again if the caller never commits).
    On PostgreSQL a reader does not queue behind a refresh under way (the job's): it reads
    the rollup as it stands, which lags only by that refresh's days. Nor does it build a
    rollup of more than QUICK_BUILD tickets (minutes at a million): until the job has, the
    figures are counted from the tickets.
    """
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        try:
            with Session(bind=bind, info=session.info) as own, own.begin():
                locked = own.execute(
                    text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": LOCK}
                ).scalar()
                if not _built(own):
                    if not (locked and _few_tickets(own)):
                        return False  # a first build of many tickets is the job's, not a reader's
                    rebuild(own)
                elif locked:
                    refresh(own)
                return True
        except DBAPIError as exc:  # e.g. a statement timeout: count the tickets this time
            logger.warning("statistics rollup not refreshed: %s", exc)
            return False
    if not session.in_transaction():
        with Session(bind=bind, info=session.info) as own, own.begin():
            refresh(own)
    else:
        refresh(session)
    return True


QUICK_BUILD = 50_000  # tickets a reader may roll up itself when nothing is built yet


def _few_tickets(session: Session) -> bool:
    """Fewer than QUICK_BUILD tickets (read from the primary key's index, not counted)."""
    beyond = select(Ticket.id).order_by(Ticket.id).offset(QUICK_BUILD).limit(1)
    return session.execute(beyond).first() is None


def rebuild(session: Session) -> int:
    """Count everything again from the tickets (after a bulk load); returns the days."""
    _lock(session)
    session.execute(delete(StatsRollup))
    session.execute(delete(StatsDirty))
    days = 0
    zone = zone_of(session)
    current: date | None = None
    per_key: dict[tuple[str, str | None, str | None], Sums] = {}
    month: dict[tuple[str, str | None, str | None], Sums] = {}
    for row in ticket_rows(session, Ticket.created_at.is_not(None), ordered=True):
        day = day_of(row.created_at, zone)
        if day != current:
            if current is not None:
                days += _close_day(session, current, per_key, month)
                if month_of(day) != month_of(current):
                    _write(session, "month", month_of(current), month)
                    month = {}
            current, per_key = day, {}
        one = contribution(row)
        for key in keys_of(row):
            sums = per_key.get(key)
            if sums is None:
                sums = per_key[key] = Sums()
            sums.add_ticket(one)
    if current is not None:
        days += _close_day(session, current, per_key, month)
        _write(session, "month", month_of(current), month)
    marker = session.get(Counter, MARKER)
    if marker is None:
        session.add(Counter(name=MARKER, value=_definition(zone)))
    else:
        marker.value = _definition(zone)
    session.flush()
    return days


def _close_day(
    session: Session,
    day: date,
    per_key: dict[tuple[str, str | None, str | None], Sums],
    month: dict[tuple[str, str | None, str | None], Sums],
) -> int:
    """Write a day's rows and add them to its month's."""
    _write(session, "day", day, per_key)
    for key, sums in per_key.items():
        month.setdefault(key, Sums()).add(sums)
    return 1


def _write(
    session: Session,
    grain: str,
    start: date,
    rows: dict[tuple[str, str | None, str | None], Sums],
) -> None:
    values = []
    for (dim, key, directorate), sums in rows.items():
        if sums.empty():
            continue
        counts, hours = sums.stored()
        values.append(
            {
                "grain": grain,
                "start": start,
                "dim": dim,
                "key": key,
                "directorate": directorate,
                "counts": counts,
                "hours": hours,
            }
        )
    if values:
        session.execute(insert(StatsRollup), values)


def _stored(
    session: Session, grain: str, start: date
) -> dict[tuple[str, str | None, str | None], Sums]:
    rows = session.execute(
        select(StatsRollup).where(StatsRollup.grain == grain, StatsRollup.start == start)
    ).scalars()
    return {(r.dim, r.key, r.directorate): Sums.loaded(r.counts, r.hours) for r in rows}


def recount_days(session: Session, days: Iterable[date]) -> None:
    """Count these days again from their tickets; move their months by the difference."""
    months: dict[date, dict[tuple[str, str | None, str | None], Sums]] = {}
    zone = zone_of(session)
    for day in days:
        old = _stored(session, "day", day)
        new: dict[tuple[str, str | None, str | None], Sums] = {}
        for row in ticket_rows(
            session,
            Ticket.created_at >= midnight(day, zone),
            Ticket.created_at < midnight(day + timedelta(days=1), zone),
        ):
            one = contribution(row)
            for key in keys_of(row):
                new.setdefault(key, Sums()).add_ticket(one)
        session.execute(
            delete(StatsRollup).where(StatsRollup.grain == "day", StatsRollup.start == day)
        )
        _write(session, "day", day, new)
        month = months.setdefault(month_of(day), {})
        for key, sums in new.items():
            month.setdefault(key, Sums()).add(sums)
        for key, sums in old.items():
            month.setdefault(key, Sums()).add(sums, -1)
    for start, difference in months.items():
        rows = _stored(session, "month", start)
        for key, sums in difference.items():
            rows.setdefault(key, Sums()).add(sums)
        session.execute(
            delete(StatsRollup).where(StatsRollup.grain == "month", StatsRollup.start == start)
        )
        _write(session, "month", start, rows)


def first_day(session: Session) -> date | None:
    """The first day with tickets (from the rollup's index, not a scan)."""
    return session.execute(
        select(func.min(StatsRollup.start)).where(
            StatsRollup.grain == "day", StatsRollup.dim == "total"
        )
    ).scalar()


def last_day(session: Session) -> date | None:
    return session.execute(
        select(func.max(StatsRollup.start)).where(
            StatsRollup.grain == "day", StatsRollup.dim == "total"
        )
    ).scalar()


# --- reading it --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which rollup rows answer a question: one `dim`, optionally one `key` of it, grouped by
    the rows' key or (for the dashboard's category or channel filter) their directorate."""

    dim: str
    key: str | None = None
    by_directorate: bool = False

    def group(self, key: str | None, directorate: str | None) -> str | None:
        return directorate if self.by_directorate else key


def selection(
    group_by: str, category: str | None, channel: str | None, directorate: str | None = None
) -> Selection | None:
    """The rows for a grouping, a scope and the dashboard's filters; None when no rows hold
    them (both filters at once, or a filter with another grouping): then count the tickets."""
    if category and channel:
        return None
    if category or channel:
        if group_by != "directorate":
            return None
        dim = "category" if category else "channel"
        return Selection(dim, category or channel, by_directorate=True)
    if group_by in ACROSS and directorate is None:
        return Selection(f"{group_by}_all")
    return Selection(group_by)


@dataclass(frozen=True)
class Span:
    """A period cut into what the rollup holds (whole months, whole days) and the partial
    days at its ends, which are counted from the tickets."""

    months: tuple[date, date] | None  # [first, end) of whole months
    days: tuple[tuple[date, date], ...]  # [first, end) runs of whole days
    edges: tuple[tuple[datetime, datetime], ...]  # [start, end) from the tickets, one day each


def span(session: Session, since: datetime | None, until: datetime | None) -> Span:
    zone = zone_of(session)
    first = first_day(session) if since is None else None
    last = last_day(session) if until is None else None
    if since is None and until is None and first is None:
        return Span(None, (), ())
    lo_edge = hi_edge = None
    if since is None:
        lo = first or date.min
    else:
        lo = day_of(since, zone)
        if midnight(lo, zone) != since:
            lo += timedelta(days=1)
            start = midnight(lo, zone)
            lo_edge = (since, min(start, until) if until else start)
    if until is None:
        hi = (last or lo) + timedelta(days=1)
    else:
        hi = day_of(until, zone)
        if midnight(hi, zone) != until and hi >= lo:
            start = midnight(hi, zone)
            hi_edge = (max(start, since) if since else start, until)
    edges = tuple(e for e in (lo_edge, hi_edge) if e is not None and e[0] < e[1])
    if hi <= lo:
        return Span(None, (), edges if lo_edge or hi_edge else ())
    month_lo = lo if lo.day == 1 else _next_month(lo)
    month_hi = month_of(hi)
    if month_hi <= month_lo:
        return Span(None, ((lo, hi),), edges)
    runs = tuple(r for r in ((lo, month_lo), (month_hi, hi)) if r[0] < r[1])
    return Span((month_lo, month_hi), runs, edges)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def stored_rows(
    session: Session,
    span_: Span,
    sel: Selection,
    directorate: str | None,
    grain: str | None = None,
    *,
    hours: bool = True,
) -> Iterator[Any]:
    """The rollup rows of a span (grain 'day' alone: every day of it, for trends)."""
    parts = []
    if grain == "day":
        for lo, hi in ((span_.months,) if span_.months else ()) + span_.days:
            parts.append(
                and_(StatsRollup.grain == "day", StatsRollup.start >= lo, StatsRollup.start < hi)
            )
    else:
        if span_.months:
            lo, hi = span_.months
            parts.append(
                and_(StatsRollup.grain == "month", StatsRollup.start >= lo, StatsRollup.start < hi)
            )
        for lo, hi in span_.days:
            parts.append(
                and_(StatsRollup.grain == "day", StatsRollup.start >= lo, StatsRollup.start < hi)
            )
    if not parts:
        return
    where = [StatsRollup.dim == sel.dim, or_(*parts)]
    if sel.key is not None:
        where.append(StatsRollup.key == sel.key)
    if directorate is not None:
        where.append(StatsRollup.directorate == directorate)
    yield from session.execute(
        select(
            StatsRollup.start,
            StatsRollup.key,
            StatsRollup.directorate,
            StatsRollup.counts,
            StatsRollup.hours if hours else literal(None).label("hours"),
        ).where(*where)
    )


def key_of(row: Any, sel: Selection) -> str | None:
    """A ticket row's group under a selection (as the rollup would file it)."""
    if sel.by_directorate:
        return row.directorate
    for dim, key, _directorate in keys_of(row):
        if dim == sel.dim:
            return key
    return None


def histogram_percentile(histogram: dict[int, int], fraction: float) -> float | None:
    """percentile_cont over a histogram's representatives (each within ALPHA of its values)."""
    totals = Totals()
    for key, n in histogram.items():
        totals.hours[DURATIONS[0]][key + KMAX] += n
    return totals.percentile(DURATIONS[0], fraction)
