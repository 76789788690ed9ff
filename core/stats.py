"""Statistics per directorate, category, status and channel, for studies and the API.

A period covers tickets created from `since` (inclusive) to `until` (exclusive); the CLI and
API turn an `--until DATE` into the start of the next day so the whole day counts. A period
that ends before it starts is refused rather than counted as empty.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from core.errors import InputError
from core.models import Ticket

DIMENSIONS = {
    "status": Ticket.status,
    "directorate": Ticket.directorate,
    "category": Ticket.category,
    "channel": Ticket.channel,
    "language": Ticket.language,
    "priority": Ticket.priority,
}


def parse_period(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """Dates (YYYY-MM-DD) or ISO datetimes to an aware [since, until) pair."""
    start, end = _parse(since, "since", end=False), _parse(until, "until", end=True)
    if start is not None and end is not None and start >= end:
        raise InputError(
            f"'since' ({since}) must not be after 'until' ({until}).",
            "period_reversed",
            since=since,
            until=until,
        )
    return start, end


def _parse(value: str | None, name: str, *, end: bool) -> datetime | None:
    if not value:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime.combine(day + timedelta(days=1 if end else 0), time(), UTC)
            return moment
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"'{name}' must be a date like 2025-01-31 (got {value!r}).", f"bad_{name}", value=value
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def compute_stats(
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    scope: ColumnElement[bool] | None = None,
) -> dict[str, Any]:
    """Counts of tickets created in the period by each dimension, plus response times."""
    where = []
    if since is not None:
        where.append(Ticket.created_at >= since)
    if until is not None:
        where.append(Ticket.created_at < until)
    if scope is not None:
        where.append(scope)
    total = session.execute(select(func.count(Ticket.id)).where(*where)).scalar_one()
    result: dict[str, Any] = {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "total": total,
    }
    for name, column in DIMENSIONS.items():
        rows = session.execute(
            select(column, func.count(Ticket.id)).where(*where).group_by(column)
        ).all()
        result[f"by_{name}"] = {
            (str(key) if key is not None else "none"): count for key, count in sorted(rows, key=_k)
        }
    result["urgent"] = session.execute(
        select(func.count(Ticket.id)).where(*where, Ticket.urgent.is_(True))
    ).scalar_one()
    times = session.execute(
        select(Ticket.created_at, Ticket.first_response_at, Ticket.resolved_at).where(*where)
    ).all()
    result["avg_first_response_hours"] = _mean_hours((c, f) for c, f, _r in times)
    result["avg_resolution_hours"] = _mean_hours((c, r) for c, _f, r in times)
    result["resolved"] = sum(1 for _c, _f, r in times if r is not None)
    return result


def _k(row: Any) -> str:
    return str(row[0] or "")


def _mean_hours(pairs: Any) -> float | None:
    spans = [(end - start).total_seconds() / 3600 for start, end in pairs if start and end]
    return round(sum(spans) / len(spans), 2) if spans else None


def stats_csv(stats: dict[str, Any]) -> str:
    """The stats as CSV rows `dimension,key,value`, one per count."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dimension", "key", "value"])
    for name in ("since", "until", "total", "urgent", "resolved"):
        writer.writerow([name, "", stats[name] if stats[name] is not None else ""])
    for name in ("avg_first_response_hours", "avg_resolution_hours"):
        writer.writerow([name, "", "" if stats[name] is None else stats[name]])
    for name in DIMENSIONS:
        for key, count in stats[f"by_{name}"].items():
            writer.writerow([name, key, count])
    return out.getvalue()
