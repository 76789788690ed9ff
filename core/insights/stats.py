"""Service-quality figures per group and period, computed by the database.

A period covers tickets created from `since` (inclusive) to `until` (exclusive); the CLI and
API turn an `--until DATE` into the start of the next day so the whole day counts. Dates are
the centre's days (core.insights.days: the calendars' time zone, Asia/Muscat unless set), so
a report at 02:00 in Muscat on the 5th counts on the 5th. A period that ends before it
starts is refused rather than counted as empty.

Every figure is one SQL aggregate over the tickets created in the period (GROUP BY the chosen
dimension), so a year of a million tickets is one scan, never a million rows in Python.
Percentiles are `percentile_cont` on PostgreSQL; SQLite has none, so there the durations of
each group are read sorted and interpolated the same way (`percentile`), which is exact.

What each figure means (one place; the dashboard, digest, API and CLI all read these):
- `open`: waiting for work now (new, triaged, assigned, awaiting the citizen, reopened);
  `resolved`, `closed`: in that status now; `urgent`: flagged urgent or of urgent priority.
- `first_response_hours_*`: creation to the first staff reply; `resolution_hours_*`:
  creation to the (latest) resolution.
- `sla_met_share`: of tickets with a due time whose outcome is known (finished, or still
  open past the due time), the share finished by the due time. Due times move by the time
  spent waiting on the citizen (core.workflow.transitions); a ticket waiting now, paused
  before its due time, is not past it (its due time moves when the wait ends).
- `reopened_share`: share of tickets reopened at least once.
- `rating_average`, `rating_count`: the citizens' 1-5 ratings; `rating_response_share`:
  ratings received per satisfaction question sent.
- `routing_corrected_share`: share of tickets whose category staff corrected.
- `dispatch_late`: registered tickets late for dispatch (BALAGH_DISPATCH_TARGET_MINUTES
  after their arrival, the queue's rule): first assigned after the target, or still waiting
  for dispatch past it now; `dispatch_late_share`: of the tickets whose dispatch is known to
  be on time or late (assigned, or waiting past the target), the late ones. 0 and none
  without a target. Exact up to EXACT_LIMIT tickets; above it the assignments are read from
  the rollup's histogram of arrival-to-assignment hours, within 1 % of the target.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Float,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import KeyedColumnElement

from core.errors import InputError
from core.insights import rollup
from core.intake.incidents import incident_figures
from core.language.normalize import ascii_digits
from core.models import Priority, Role, RoutingCorrection, Status, Ticket, User
from core.routing.taxonomy import Taxonomy
from core.staff.permissions import Staff

GROUP_BY = ("directorate", "category", "channel", "language", "assignee")
FIGURES = (
    "tickets",
    "open",
    "resolved",
    "closed",
    "urgent",
    "first_response_hours_median",
    "first_response_hours_p90",
    "resolution_hours_median",
    "resolution_hours_p90",
    "sla_met_share",
    "reopened_share",
    "rating_average",
    "rating_count",
    "rating_response_share",
    "routing_corrected_share",
    # After the contract's figures, so its CSV columns keep their places.
    "dispatch_late",
    "dispatch_late_share",
)
COUNTS = ("tickets", "open", "resolved", "closed", "urgent", "rating_count", "dispatch_late")
OPEN = (Status.NEW, Status.TRIAGED, Status.ASSIGNED, Status.AWAITING_CITIZEN, Status.REOPENED)
FINISHED = (Status.RESOLVED, Status.CLOSED)
PERCENTILES = (("median", 0.5), ("p90", 0.9))
WORK_MEM = "64MB"  # PostgreSQL, for the statistics transaction only (SET LOCAL)
DURATIONS = ("first_response_hours", "resolution_hours")


@dataclass(frozen=True)
class Period:
    """Tickets created in [since, until) (either end may be open), optionally of one
    category and/or channel (the dashboard's filters)."""

    since: datetime | None = None
    until: datetime | None = None
    category: str | None = None
    channel: str | None = None


def parse_period(
    since: str | None, until: str | None, zone: ZoneInfo
) -> tuple[datetime | None, datetime | None]:
    """Dates (YYYY-MM-DD) or ISO datetimes to an aware [since, until) pair; Arabic-Indic and
    Persian digits are read as digits ("٢٠٢٥-٠١-٣١"), as a phone's keyboard may type them.
    A date is the centre's day in `zone`, and a time without an offset its clock.

    A period that ends before it starts is refused (key `period_reversed`), so a person who
    swapped the dates is told rather than shown figures of 0 (the JSON API answers 400).
    """
    start = _parse(since, "since", zone, end=False)
    end = _parse(until, "until", zone, end=True)
    if start is not None and end is not None and start >= end:
        raise InputError(
            f"'since' ({since}) must not be after 'until' ({until}).",
            "period_reversed",
            since=since,
            until=until,
        )
    return start, end


def _parse(given: str | None, name: str, zone: ZoneInfo, *, end: bool) -> datetime | None:
    if not given:
        return None
    value = ascii_digits(given)
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            if end and day == date.max:
                return None  # until the last day there is: no end
            moment = datetime.combine(day + timedelta(days=1 if end else 0), time(), zone)
            try:
                return moment.astimezone(UTC)
            except OverflowError:  # the first day there is, east of UTC: no start
                return None
        moment = datetime.fromisoformat(value)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
        moment.astimezone(UTC)  # stored times are UTC: year 1 at +05:00 has no UTC time
    except (ValueError, OverflowError):
        raise InputError(
            f"'{name}' must be a date like 2025-01-31 (got {given!r}).", f"bad_{name}", value=given
        ) from None
    return moment


def check_group_by(value: str | None) -> str:
    """The grouping asked for, or a clear refusal naming the allowed ones."""
    group_by = value or "directorate"
    if group_by not in GROUP_BY:
        raise InputError(
            f"'group_by' must be one of {', '.join(GROUP_BY)} (got {group_by!r}).",
            "bad_group_by",
            value=group_by,
        )
    return group_by


def stats_scope(staff: Staff) -> str | None:
    """The one directorate department staff may count (None: all of them).

    Department staff without a directorate get an empty scope that matches no ticket.
    """
    if staff.role == Role.DEPARTMENT:
        return staff.directorate or ""
    return None


def hours_between(session: Session, start: Any, end: Any) -> ColumnElement[float]:
    """`end - start` in hours, in the database's own date arithmetic."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.extract("epoch", end - start) / 3600.0, Float)
    return cast((func.julianday(end) - func.julianday(start)) * 24.0, Float)


def period_filter(
    period: Period, directorate: str | None = None, column: Any = Ticket.created_at
) -> list[ColumnElement[bool]]:
    """WHERE terms for the period and, for department staff, their own directorate."""
    where: list[ColumnElement[bool]] = []
    if period.since is not None:
        where.append(column >= period.since)
    if period.until is not None:
        where.append(column < period.until)
    if directorate is not None:
        where.append(Ticket.directorate == directorate)
    if period.category:
        where.append(Ticket.category == period.category)
    if period.channel:
        where.append(Ticket.channel == period.channel)
    return where


def _group_key(group_by: str) -> Any:
    if group_by == "assignee":
        return User.email
    return getattr(Ticket, group_by)


def _share(numerator: Any, denominator: Any) -> ColumnElement[float]:
    return cast(cast(numerator, Float) / func.nullif(denominator, 0), Float)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _paused_in_time() -> ColumnElement[bool]:
    """Paused (waiting on the citizen, a duplicate) before the due time: not overdue meanwhile."""
    return and_(Ticket.sla_paused_at.is_not(None), Ticket.sla_paused_at < Ticket.due_at)


def _dispatch_clauses(
    session: Session, now: datetime, target_minutes: int
) -> tuple[ColumnElement[bool], ColumnElement[bool], ColumnElement[bool]]:
    """Late for dispatch, known (assigned or waiting past the target), and waiting past it."""
    dispatched = Ticket.assigned_at.is_not(None)
    waiting_late = and_(
        Ticket.status == Status.TRIAGED,
        Ticket.assigned_at.is_(None),
        Ticket.created_at < now - timedelta(minutes=target_minutes),
    )
    took = hours_between(session, Ticket.created_at, Ticket.assigned_at)
    late = or_(and_(dispatched, took > target_minutes / 60), waiting_late)
    return late, or_(dispatched, waiting_late), waiting_late


def _dispatch_columns(
    session: Session, now: datetime, target_minutes: int
) -> list[KeyedColumnElement[Any]]:
    if not target_minutes:
        return [
            literal(0).label("dispatch_late"),
            cast(literal(None), Float).label("dispatch_late_share"),
        ]
    late, known, _waiting = _dispatch_clauses(session, now, target_minutes)
    return [
        _count_if(late).label("dispatch_late"),
        _share(_count_if(late), _count_if(known)).label("dispatch_late_share"),
    ]


def _aggregates(
    session: Session, now: datetime, target_minutes: int = 0
) -> list[KeyedColumnElement[Any]]:
    """The figures that are plain aggregates (everything but the percentiles)."""
    finished_at = case(
        (Ticket.status.in_(FINISHED), func.coalesce(Ticket.resolved_at, Ticket.closed_at))
    )
    past_due = and_(Ticket.due_at < now, ~_paused_in_time())
    settled = and_(Ticket.due_at.is_not(None), or_(finished_at.is_not(None), past_due))
    corrected = Ticket.id.in_(
        select(RoutingCorrection.ticket_id).where(RoutingCorrection.ticket_id.is_not(None))
    )
    return [
        func.count().label("tickets"),
        _count_if(Ticket.status.in_(OPEN)).label("open"),
        _count_if(Ticket.status == Status.RESOLVED).label("resolved"),
        _count_if(Ticket.status == Status.CLOSED).label("closed"),
        _count_if(or_(Ticket.urgent.is_(True), Ticket.priority == Priority.URGENT)).label("urgent"),
        _share(_count_if(and_(settled, finished_at <= Ticket.due_at)), _count_if(settled)).label(
            "sla_met_share"
        ),
        _share(_count_if(Ticket.reopen_count > 0), func.count(Ticket.id)).label("reopened_share"),
        func.avg(cast(Ticket.satisfaction, Float)).label("rating_average"),
        func.count(Ticket.satisfaction).label("rating_count"),
        _share(func.count(Ticket.satisfaction), func.count(Ticket.survey_sent_at)).label(
            "rating_response_share"
        ),
        _share(_count_if(corrected), func.count(Ticket.id)).label("routing_corrected_share"),
        *_dispatch_columns(session, now, target_minutes),
    ]


def _durations(session: Session) -> dict[str, ColumnElement[float]]:
    return {
        "first_response_hours": hours_between(session, Ticket.created_at, Ticket.first_response_at),
        "resolution_hours": hours_between(session, Ticket.created_at, Ticket.resolved_at),
    }


def _percentile_columns(session: Session) -> list[KeyedColumnElement[Any]]:
    """percentile_cont per duration (PostgreSQL only)."""
    return [
        func.percentile_cont(literal(fraction)).within_group(expr).label(f"{name}_{suffix}")
        for name, expr in _durations(session).items()
        for suffix, fraction in PERCENTILES
    ]


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between the closest ranks, exactly as SQL's percentile_cont."""
    if not values:
        return None
    position = fraction * (len(values) - 1)
    low, high = math.floor(position), math.ceil(position)
    return values[low] + (values[high] - values[low]) * (position - low)


def _sqlite_percentiles(
    session: Session, base: Any, key: Any, where: list[ColumnElement[bool]]
) -> dict[Any, dict[str, float | None]]:
    """Per group key (and None for the totals): the percentiles, from sorted durations."""
    result: dict[Any, dict[str, float | None]] = defaultdict(dict)
    for name, expr in _durations(session).items():
        rows = session.execute(
            base(key, expr).where(*where, expr.is_not(None)).order_by(expr)
        ).all()
        per_group: dict[Any, list[float]] = defaultdict(list)
        everything: list[float] = []
        for group, hours in rows:
            per_group[group].append(float(hours))
            everything.append(float(hours))
        for group, values in [*per_group.items(), (_TOTAL, everything)]:  # already sorted
            for suffix, fraction in PERCENTILES:
                result[group][f"{name}_{suffix}"] = percentile(values, fraction)
    return result


_TOTAL = object()  # the key of the totals row in the SQLite percentile map


def _select(group_by: str) -> Any:
    def build(*columns: Any) -> Any:
        query = select(*columns).select_from(Ticket)
        if group_by == "assignee":
            query = query.outerjoin(User, User.id == Ticket.assignee_id)
        return query

    return build


def _round(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in COUNTS:
        return int(value)
    if name.endswith("_share"):
        return round(float(value), 4)
    return round(float(value), 2)


def _figures(row: Any, extra: dict[str, float | None] | None = None) -> dict[str, Any]:
    values = dict(row._mapping) if row is not None else {}
    values.update(extra or {})
    figures = {name: _round(name, values.get(name)) for name in FIGURES}
    for name in COUNTS:
        figures[name] = figures[name] or 0
    return figures


def figures_query(
    session: Session,
    since: datetime | None,
    until: datetime | None,
    *,
    group_by: str,
    directorate: str | None = None,
    now: datetime,
    period: Period | None = None,
    dispatch_target_minutes: int = 0,
) -> Any:
    """One statement: a row per group plus the totals row (`is_total`), in one scan.

    PostgreSQL computes both with GROUPING SETS and adds the percentiles; SQLite has neither,
    so there the totals are a second branch of a UNION and the percentiles come separately.
    """
    column = _group_key(group_by)
    where = period_filter(period or Period(since, until), directorate)
    base = _select(group_by)
    aggregates = _aggregates(session, now, dispatch_target_minutes)
    if session.get_bind().dialect.name == "postgresql":
        return (
            base(column.label("key"), func.grouping(column).label("is_total"), *aggregates)
            .add_columns(*_percentile_columns(session))
            .where(*where)
            .group_by(func.grouping_sets(tuple_(column), tuple_()))
        )
    groups = base(column.label("key"), literal(0).label("is_total"), *aggregates)
    totals = base(literal(None).label("key"), literal(1).label("is_total"), *aggregates)
    return union_all(groups.where(*where).group_by(column), totals.where(*where))


EXACT_LIMIT = 20_000  # up to this many tickets, percentiles are exact (from the tickets)


def _pending_sla(
    session: Session, period: Period, directorate: str | None, group_by: str, now: datetime
) -> dict[Any, int]:
    """Per group: tickets with a due time still ahead and no outcome yet. The rollup counts
    every unfinished ticket with a due time as settled; these are not settled yet (the only
    part of the figures that depends on `now`, so it is asked of the tickets, by due_at)."""
    column = Ticket.assignee_id if group_by == "assignee" else getattr(Ticket, group_by)
    finished = and_(
        Ticket.status.in_(FINISHED),
        func.coalesce(Ticket.resolved_at, Ticket.closed_at).is_not(None),
    )
    rows = session.execute(
        select(column, func.count())
        .where(
            *period_filter(period, directorate),
            or_(Ticket.due_at >= now, _paused_in_time()),
            ~finished,
        )
        .group_by(column)
    ).all()
    return {_rollup_key(group_by, key): int(n) for key, n in rows}


def _late_dispatch(
    session: Session,
    period: Period,
    directorate: str | None,
    group_by: str,
    now: datetime,
    target_minutes: int,
    sums: dict[Any, rollup.Totals] | None,
) -> dict[Any, tuple[int, int]]:
    """Per group (and _TOTAL): (late for dispatch, known), as `_dispatch_clauses` counts them.
    From the tickets when `sums` is None (few tickets: exact); else the assignments from the
    rollup's histograms and only the tickets waiting now (a few) from the table."""
    if not target_minutes:
        return {}
    column = Ticket.assignee_id if group_by == "assignee" else getattr(Ticket, group_by)
    late, known, waiting = _dispatch_clauses(session, now, target_minutes)
    where = [*period_filter(period, directorate), *([waiting] if sums is not None else [])]
    rows = session.execute(
        select(column, _count_if(late), _count_if(known)).where(*where).group_by(column)
    ).all()
    counted: dict[Any, tuple[int, int]] = {
        _rollup_key(group_by, key): (int(n), int(of)) for key, n, of in rows
    }
    for key, group in (sums or {}).items():
        dispatched = int(group.hours["dispatch_hours"].sum())
        on_late = group.above("dispatch_hours", target_minutes / 60)
        n, of = counted.get(key, (0, 0))
        counted[key] = (n + on_late, of + dispatched)
    counted[_TOTAL] = (sum(n for n, _ in counted.values()), sum(of for _, of in counted.values()))
    return counted


def _rollup_key(group_by: str, key: Any) -> str | None:
    return None if key is None else str(key)


def _rolled_up(
    session: Session, period: Period, group_by: str, directorate: str | None
) -> tuple[dict[Any, rollup.Totals], rollup.Totals] | None:
    """Per group and in total, the sums of the period from the rollup (and the tickets of
    any partial day at its ends); None when the rollup holds no rows for the question."""
    sel = rollup.selection(group_by, period.category, period.channel, directorate)
    if sel is None:
        return None
    span = rollup.span(session, period.since, period.until)
    groups: dict[Any, rollup.Totals] = {}
    for row in rollup.stored_rows(session, span, sel, directorate):
        key = sel.group(row.key, row.directorate)
        if key not in groups:
            groups[key] = rollup.Totals()
        groups[key].add_stored(row.counts, row.hours)
    for start, end in span.edges:
        edge = Period(start, end, period.category, period.channel)
        for ticket in rollup.ticket_rows(session, *period_filter(edge, directorate)):
            key = rollup.key_of(ticket, sel)
            if key not in groups:
                groups[key] = rollup.Totals()
            groups[key].add_ticket(rollup.contribution(ticket))
    total = rollup.Totals()
    for sums in groups.values():
        total.add(sums)
    return groups, total


def _figures_of(
    sums: rollup.Totals,
    pending: int,
    spread: dict[str, float | None],
    dispatch: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """The published figures from a group's sums (same meanings as the SQL aggregates)."""
    c = sums.counts

    def share(numerator: int, denominator: int) -> float | None:
        return numerator / denominator if denominator else None

    values: dict[str, Any] = {
        "tickets": c["tickets"],
        "open": c["open"],
        "resolved": c["resolved"],
        "closed": c["closed"],
        "urgent": c["urgent"],
        "sla_met_share": share(c["sla_met"], c["due_finished"] + c["due_unfinished"] - pending),
        "reopened_share": share(c["reopened"], c["tickets"]),
        "rating_average": share(c["rating_sum"], c["rating_count"]),
        "rating_count": c["rating_count"],
        "rating_response_share": share(c["rating_count"], c["surveyed"]),
        "routing_corrected_share": share(c["corrected"], c["tickets"]),
        "dispatch_late": dispatch[0] if dispatch else 0,
        "dispatch_late_share": share(*dispatch) if dispatch else None,
        **spread,
    }
    figures = {name: _round(name, values.get(name)) for name in FIGURES}
    for name in COUNTS:
        figures[name] = figures[name] or 0
    return figures


def _histogram_spread(sums: rollup.Totals) -> dict[str, float | None]:
    return {
        f"{name}_{suffix}": sums.percentile(name, fraction)
        for name in DURATIONS
        for suffix, fraction in PERCENTILES
    }


def _exact_spread(
    session: Session, period: Period, group_by: str, directorate: str | None
) -> dict[Any, dict[str, float | None]]:
    """Exact percentiles per group (and _TOTAL) from the tickets: percentile_cont on
    PostgreSQL, sorted durations on SQLite. Keys as the rollup's (text)."""
    where = period_filter(period, directorate)
    column = Ticket.assignee_id if group_by == "assignee" else getattr(Ticket, group_by)
    if session.get_bind().dialect.name != "postgresql":
        spread = _sqlite_percentiles(session, _select("none"), column, where)
        return {(k if k is _TOTAL else _rollup_key(group_by, k)): v for k, v in spread.items()}
    rows = session.execute(
        select(column.label("key"), func.grouping(column).label("is_total"))
        .add_columns(*_percentile_columns(session))
        .where(*where)
        .group_by(func.grouping_sets(tuple_(column), tuple_()))
    ).all()
    names = [f"{n}_{suffix}" for n in DURATIONS for suffix, _ in PERCENTILES]
    return {
        (_TOTAL if row.is_total else _rollup_key(group_by, row.key)): {
            name: getattr(row, name) for name in names
        }
        for row in rows
    }


def compute_stats(
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    group_by: str = "directorate",
    directorate: str | None = None,
    taxonomy: Taxonomy | None = None,
    now: datetime | None = None,
    category: str | None = None,
    channel: str | None = None,
    dispatch_target_minutes: int = 0,
) -> dict[str, Any]:
    """The figures for tickets created in the period: totals and one row per group.

    `directorate` limits everything to one directorate (department staff see only theirs).
    With a taxonomy, grouping by directorate or category lists every one of them, so a
    directorate without tickets shows as zeros rather than disappearing.
    `dispatch_target_minutes` is the centre's BALAGH_DISPATCH_TARGET_MINUTES (0: no target).
    """
    group_by = check_group_by(group_by)
    now = now or datetime.now(UTC)
    period = Period(since, until, category, channel)
    current = rollup.refresh_before_reading(session)
    if session.get_bind().dialect.name == "postgresql":  # exact percentiles' sorts in memory
        session.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
    rolled = _rolled_up(session, period, group_by, directorate) if current else None
    if rolled is not None:
        groups = _groups_from_rollup(
            session, rolled, period, group_by, directorate, now, dispatch_target_minutes
        )
    else:
        groups = _groups_from_tickets(
            session, period, group_by, directorate, now, dispatch_target_minutes
        )
    totals = groups.pop(_TOTAL)
    for code in _known_keys(group_by, taxonomy, directorate):
        groups.setdefault(code, _figures(None))
    return {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "group_by": group_by,
        "totals": totals,
        "groups": [{"key": k, **groups[k]} for k in sorted(groups, key=_sort_key)],
        # Mass incidents opened in the period and their reports (core.intake.incidents).
        "incidents": incident_figures(session, since, until, directorate),
    }


def _groups_from_rollup(
    session: Session,
    rolled: tuple[dict[Any, rollup.Totals], rollup.Totals],
    period: Period,
    group_by: str,
    directorate: str | None,
    now: datetime,
    target: int,
) -> dict[Any, dict[str, Any]]:
    """Figures per group (and `_TOTAL`) from the rollup's sums; percentiles and late
    dispatches exact for up to EXACT_LIMIT tickets, else from the histograms (within 1 %,
    core.insights.rollup)."""
    sums, total = rolled
    pending = _pending_sla(session, period, directorate, group_by, now)
    exact = total.counts["tickets"] <= EXACT_LIMIT
    if exact:
        spread = _exact_spread(session, period, group_by, directorate)
    else:
        spread = {key: _histogram_spread(s) for key, s in sums.items()}
        spread[_TOTAL] = _histogram_spread(total)
    late = _late_dispatch(
        session, period, directorate, group_by, now, target, None if exact else sums
    )
    names = _assignee_emails(session, sums) if group_by == "assignee" else {}
    groups: dict[Any, dict[str, Any]] = {
        names.get(key, key): _figures_of(
            s, pending.get(key, 0), spread.get(key, {}), late.get(key, (0, 0)) if target else None
        )
        for key, s in sums.items()
        if s.counts["tickets"]
    }
    groups[_TOTAL] = _figures_of(
        total, sum(pending.values()), spread.get(_TOTAL, {}), late.get(_TOTAL) if target else None
    )
    return groups


def _assignee_emails(session: Session, sums: dict[Any, rollup.Totals]) -> dict[Any, str]:
    ids = [int(key) for key in sums if key is not None]
    rows = session.execute(select(User.id, User.email).where(User.id.in_(ids))).all()
    return {str(user_id): email for user_id, email in rows}


def _groups_from_tickets(
    session: Session,
    period: Period,
    group_by: str,
    directorate: str | None,
    now: datetime,
    target: int = 0,
) -> dict[Any, dict[str, Any]]:
    """Figures per group (and `_TOTAL`) counted from the tickets, in one statement (for the
    filter combinations the rollup does not hold)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    query = figures_query(
        session,
        period.since,
        period.until,
        group_by=group_by,
        directorate=directorate,
        now=now,
        period=period,
        dispatch_target_minutes=target,
    )
    rows = session.execute(query).all()
    total_row = next((row for row in rows if row.is_total), None)
    spread: dict[Any, dict[str, float | None]] = {}
    if not postgres:
        where = period_filter(period, directorate)
        key = _group_key(group_by).label("key")
        spread = _sqlite_percentiles(session, _select(group_by), key, where)
    groups: dict[Any, dict[str, Any]] = {
        row.key: _figures(row, spread.get(row.key)) for row in rows if not row.is_total
    }
    groups[_TOTAL] = _figures(total_row, spread.get(_TOTAL))
    return groups


def _known_keys(group_by: str, taxonomy: Taxonomy | None, directorate: str | None) -> list[str]:
    if taxonomy is None:
        return []
    if group_by == "directorate":
        codes = [d.code for d in taxonomy.directorates]
        return [c for c in codes if directorate is None or c == directorate]
    if group_by == "category":
        return [
            c.code
            for c in taxonomy.categories
            if directorate is None or c.directorate == directorate
        ]
    return []


def _sort_key(key: Any) -> tuple[int, str]:
    return (1, "") if key is None else (0, str(key))


# A text cell starting with one of these is run as a formula by Excel and LibreOffice (tab and
# CR too, which some versions skip before looking); a leading apostrophe shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The UTF-8 byte order mark that begins a CSV meant for a spreadsheet: without it Excel reads
# the file in the machine's legacy code page and Arabic shows as mojibake. Parsers that know
# it (Python's utf-8-sig, pandas, readr) read the same rows; text for pipes goes without it.
SPREADSHEET_BOM = "\ufeff"
SPREADSHEET_ENCODING = "utf-8-sig"  # writes SPREADSHEET_BOM first


def spreadsheet_text(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as it is: text that would start a formula gets a `'`
    before it (OWASP's advice); numbers and other values pass through unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# The group of tickets without a value, in English (the command line's language); the inbox
# has its own words for them, in Arabic too (its catalog's `<group_by>_none`).
NONE_LABELS = {
    "directorate": "No directorate",
    "category": "Unclassified",
    "channel": "Unknown",
    "language": "Not known",
    "assignee": "Unassigned",
}


# Groupings whose keys are taxonomy codes: their CSV keeps the code (the JSON's key, what a
# script joins on) and adds a `name` column, the code's name in the reader's language.
NAMED_GROUPS = ("directorate", "category")


def stats_csv(
    stats: dict[str, Any],
    none_label: str | None = None,
    taxonomy: Taxonomy | None = None,
    language: str = "en",
) -> str:
    """One CSV row per group and a last `total` row; the columns are the figures. The group
    of tickets without a value (the JSON's null key) is `none_label`, the reader's words,
    else the English `NONE_LABELS` one: an empty first cell reads as a broken row. Grouped
    by directorate or category, a `name` column follows the code: `taxonomy`'s name in
    `language` (the command line's English, the inbox reader's language), the code itself
    when the taxonomy no longer knows it; the total row's name is empty."""
    group_by = stats["group_by"]
    if none_label is None:
        none_label = NONE_LABELS[group_by]
    named = group_by in NAMED_GROUPS
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([group_by, *(["name"] if named else []), *FIGURES])
    rows: Iterable[tuple[str, list[str], dict[str, Any]]] = (
        *(
            (
                none_label if g["key"] is None else g["key"],
                [_group_name(g["key"], taxonomy, language, none_label)] if named else [],
                g,
            )
            for g in stats["groups"]
        ),
        ("total", [""] if named else [], stats["totals"]),
    )
    for first, name, figures in rows:
        writer.writerow(
            [
                *(spreadsheet_text(cell) for cell in (first, *name)),
                *("" if figures[f] is None else figures[f] for f in FIGURES),
            ]
        )
    return out.getvalue()


def _group_name(key: str | None, taxonomy: Taxonomy | None, language: str, none: str) -> str:
    """A directorate's or category's name for the CSV's `name` column."""
    if key is None:
        return none
    if taxonomy is None:
        return key
    try:
        return taxonomy.name(key, language)
    except KeyError:  # a code the taxonomy dropped since: shown as itself, like the inbox
        return key
