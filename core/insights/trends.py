"""The dashboard's trends (tickets per day or week by directorate, medians over time) and
map points, computed by the database like core.insights.stats and with the same filters.

A period longer than `WEEKLY_AFTER` is shown per week (ISO weeks, Monday first) so a year is
52 points rather than 365. Days and weeks are the centre's (core.insights.days).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.insights import rollup
from core.insights.days import day_of, local_day, zone_of
from core.insights.rollup import DURATIONS
from core.insights.stats import EXACT_LIMIT, Period, hours_between, percentile, period_filter
from core.models import Ticket

WEEKLY_AFTER = timedelta(days=62)
MAP_LIMIT = 5000  # the newest points; beyond this a map shows clusters of a sample


def bucket_size(period: Period, now: datetime) -> str:
    """'day' for short periods, 'week' for long (or open-ended) ones."""
    start = period.since
    end = period.until or now
    if start is None or end - start > WEEKLY_AFTER:
        return "week"
    return "day"


def _bucket(session: Session, size: str, period: Period) -> Any:
    """The first day of the ticket's day or ISO week (the centre's), as text YYYY-MM-DD."""
    zone = zone_of(session)
    return local_day(session, Ticket.created_at, zone, size, period.since, period.until)


def trends(
    session: Session,
    since: datetime | None,
    until: datetime | None,
    *,
    directorate: str | None = None,
    category: str | None = None,
    channel: str | None = None,
    now: datetime,
) -> dict[str, Any]:
    """Ticket counts per bucket and directorate, and first-response and resolution medians
    per bucket: `{"bucket", "labels", "tickets": {directorate: [n...]}, "medians": {...}}`.

    Read from the daily rollup (core.insights.rollup) when it holds the question (at most
    one of the category and channel filters): its whole days, and the partial days at the
    period's ends (at most two) counted from the tickets, as core.insights.stats does.
    Medians exact for up to EXACT_LIMIT tickets, else from the histograms (within 1 %).
    """
    period = Period(since, until, category, channel)
    size = bucket_size(period, now)
    current = rollup.refresh_before_reading(session)
    sel = rollup.selection("directorate", category, channel)
    if current and sel is not None:
        return _rolled_up_trends(session, period, size, sel, directorate, now)
    return trends_from_tickets(session, period, size, directorate, now)


def trends_from_tickets(
    session: Session, period: Period, size: str, directorate: str | None, now: datetime
) -> dict[str, Any]:
    """The trends counted from the tickets (both filters at once, or no current rollup)."""
    where = period_filter(period, directorate)
    bucket = _bucket(session, size, period).label("bucket")
    rows = session.execute(
        select(bucket, Ticket.directorate, func.count())
        .where(*where)
        .group_by(bucket, Ticket.directorate)
    ).all()
    counts = {(label, code or "-"): int(n) for label, code, n in rows}
    labels, per_directorate = _series(session, period, size, now, counts)
    index = {label: i for i, label in enumerate(labels)}
    medians = _exact_medians(session, size, period, directorate, index)
    return _answer(size, labels, per_directorate, medians)


def _series(
    session: Session,
    period: Period,
    size: str,
    now: datetime,
    counts: dict[tuple[str, str], int],
) -> tuple[list[str], dict[str, list[int]]]:
    """Every bucket's label, and each directorate's count per bucket (zero where none), from
    counts keyed by (bucket label, directorate or "-"): one rule for both ways of counting."""
    labels = _labels(session, period, size, now, {bucket for bucket, _ in counts})
    index = {label: i for i, label in enumerate(labels)}
    per_directorate: dict[str, list[int]] = defaultdict(lambda: [0] * len(labels))
    for (bucket, code), n in counts.items():
        if bucket in index:
            per_directorate[code][index[bucket]] += n
    return labels, per_directorate


def _answer(
    size: str,
    labels: list[str],
    per_directorate: dict[str, list[int]],
    medians: dict[str, list[float | None]],
) -> dict[str, Any]:
    return {
        "bucket": size,
        "labels": labels,
        "tickets": dict(sorted(per_directorate.items())),
        "medians": medians,
    }


def _rolled_up_trends(
    session: Session,
    period: Period,
    size: str,
    sel: rollup.Selection,
    directorate: str | None,
    now: datetime,
) -> dict[str, Any]:
    span = rollup.span(session, period.since, period.until)
    zone = zone_of(session)

    def label(day: date) -> str:
        return (day - timedelta(days=day.weekday() if size == "week" else 0)).isoformat()

    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rollup.stored_rows(session, span, sel, directorate, "day", hours=False):
        counts[(label(row.start), sel.group(row.key, row.directorate) or "-")] += int(
            row.counts.get("tickets", 0)
        )
    for edge, code, n in _edge_counts(session, span, period, directorate):
        counts[(label(day_of(edge, zone)), code or "-")] += int(n)
    labels, per_directorate = _series(session, period, size, now, counts)
    index = {name: i for i, name in enumerate(labels)}
    if sum(counts.values()) <= EXACT_LIMIT:
        medians = _exact_medians(session, size, period, directorate, index)
    else:
        medians = _histogram_medians(session, span, period, sel, directorate, index, label)
    return _answer(size, labels, per_directorate, medians)


def _edge_counts(
    session: Session, span: rollup.Span, period: Period, directorate: str | None
) -> list[tuple[datetime, str | None, int]]:
    """Tickets per directorate of each partial day at the period's ends (a day's slice of
    the index on created_at), as (the edge's start, directorate, count)."""
    found: list[tuple[datetime, str | None, int]] = []
    for start, end in span.edges:
        where = period_filter(replace(period, since=start, until=end), directorate)
        for code, n in session.execute(
            select(Ticket.directorate, func.count()).where(*where).group_by(Ticket.directorate)
        ):
            found.append((start, code, int(n)))
    return found


def _histogram_medians(
    session: Session,
    span: rollup.Span,
    period: Period,
    sel: rollup.Selection,
    directorate: str | None,
    index: dict[str, int],
    label: Any,
) -> dict[str, list[float | None]]:
    """Medians per bucket from the daily histograms (the `total` rows when nothing filters),
    the partial days at the ends added ticket by ticket as the rollup would file them."""
    if sel.dim == "directorate" and directorate is None:
        sel = rollup.Selection("total")
    merged: dict[str, rollup.Totals] = defaultdict(rollup.Totals)
    for row in rollup.stored_rows(session, span, sel, directorate, "day"):
        merged[label(row.start)].add_stored(row.counts, row.hours)
    zone = zone_of(session)
    for start, end in span.edges:
        where = period_filter(replace(period, since=start, until=end), directorate)
        sums = merged[label(day_of(start, zone))]
        for ticket in rollup.ticket_rows(session, *where):
            sums.add_ticket(rollup.contribution(ticket))
    result: dict[str, list[float | None]] = {name: [None] * len(index) for name in DURATIONS}
    for bucket, sums in merged.items():
        if bucket not in index:
            continue
        for name in DURATIONS:
            value = sums.percentile(name, 0.5)
            result[name][index[bucket]] = None if value is None else round(value, 2)
    return result


def _exact_medians(
    session: Session, size: str, period: Period, directorate: str | None, index: dict[str, int]
) -> dict[str, list[float | None]]:
    where = period_filter(period, directorate)
    bucket = _bucket(session, size, period).label("bucket")
    return {
        name: _medians(session, bucket, expr, where, index)
        for name, expr in (
            (
                "first_response_hours",
                hours_between(session, Ticket.created_at, Ticket.first_response_at),
            ),
            ("resolution_hours", hours_between(session, Ticket.created_at, Ticket.resolved_at)),
        )
    }


def _medians(
    session: Session, bucket: Any, expr: Any, where: list[Any], index: dict[str, int]
) -> list[float | None]:
    result: list[float | None] = [None] * len(index)
    if session.get_bind().dialect.name == "postgresql":
        rows = session.execute(
            select(bucket, func.percentile_cont(0.5).within_group(expr))
            .where(*where, expr.is_not(None))
            .group_by(bucket)
        ).all()
        values = {label: value for label, value in rows}
    else:
        grouped: dict[str, list[float]] = defaultdict(list)
        for label, hours in session.execute(
            select(bucket, expr).where(*where, expr.is_not(None)).order_by(expr)
        ):
            grouped[label].append(float(hours))
        values = {label: percentile(v, 0.5) for label, v in grouped.items()}
    for label, value in values.items():
        if label in index and value is not None:
            result[index[label]] = round(float(value), 2)
    return result


def _labels(
    session: Session, period: Period, size: str, now: datetime, seen: set[str]
) -> list[str]:
    """Every bucket of the period (empty ones too, so a quiet week shows as zero)."""
    zone = zone_of(session)
    if period.since is None:
        if not seen:
            return []
        first = date.fromisoformat(min(seen))
    else:
        first = day_of(period.since, zone)
    end = period.until - timedelta(microseconds=1) if period.until else now
    last = day_of(end, zone)
    step = timedelta(days=1 if size == "day" else 7)
    if size == "week":
        first -= timedelta(days=first.weekday())
    labels: list[str] = []
    day = first
    while day <= last and len(labels) < 800:
        labels.append(day.isoformat())
        day += step
    return labels


def map_points(
    session: Session,
    since: datetime | None,
    until: datetime | None,
    *,
    directorate: str | None = None,
    category: str | None = None,
    channel: str | None = None,
    limit: int = MAP_LIMIT,
) -> list[dict[str, Any]]:
    """The newest located tickets as `{lat, lon, category, directorate, reference}`."""
    where = period_filter(Period(since, until, category, channel), directorate)
    rows = session.execute(
        select(Ticket.lat, Ticket.lon, Ticket.category, Ticket.directorate, Ticket.reference)
        .where(*where, Ticket.lat.is_not(None), Ticket.lon.is_not(None))
        .order_by(Ticket.created_at.desc())
        .limit(limit)
    ).all()
    return [
        {"lat": r.lat, "lon": r.lon, "category": r.category, "directorate": r.directorate,
         "reference": r.reference}
        for r in rows
    ]  # fmt: skip
