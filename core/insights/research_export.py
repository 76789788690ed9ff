"""The anonymised research export: one row per ticket, nothing that points to a person.

What leaves is built column by column from codes and counts, never copied from what a
citizen or a member of staff wrote: directorate, category, channel, language and its form,
status, urgent, the day and hour created, first-response and resolution hours (rounded to
0.1 h), SLA met, reopened, the rating, and the location snapped to a grid of about 500 m.
Names, phone numbers, emails, references, secrets, subjects, addresses, message text, staff
identities and exact times are never selected. Every coded value is checked against its
vocabulary (the taxonomy, the status enum, a code pattern), so a stray value in a code
column becomes "other" rather than leaking. Rows are sorted by the exported values, not by
ticket id, so the file's order cannot be matched to reference numbers.
docs/RESEARCH_EXPORT.md is the data dictionary; keep the two in step.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from core.errors import InputError
from core.insights.days import zone_of
from core.insights.stats import (
    FINISHED,
    SPREADSHEET_ENCODING,
    Period,
    hours_between,
    period_filter,
    spreadsheet_text,
)
from core.models import Event, Priority, Status, Ticket
from core.routing.taxonomy import Taxonomy

COLUMNS = (
    "directorate",
    "category",
    "channel",
    "language",
    "language_form",
    "status",
    "urgent",
    "created_day",
    "created_hour",
    "first_response_hours",
    "resolution_hours",
    "sla_met",
    "reopened",
    "rating",
    "lat_grid",
    "lon_grid",
)
GRID_DEGREES = 0.005  # about 550 m north-south; about 500 m east-west at Muscat's latitude
CODE = re.compile(r"[a-z][a-z0-9_]{0,29}")
LANGUAGES = frozenset({"ar", "en"})
OTHER = "other"
BATCH = 5000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    format: str


def snap(value: float | None) -> float | None:
    """A coordinate to the centre of its grid cell, so a point is one of ~500 m cells."""
    if value is None:
        return None
    return round(round(value / GRID_DEGREES) * GRID_DEGREES, 3)


def _code(value: str | None, allowed: frozenset[str] | None = None) -> str:
    if not value:
        return ""
    if allowed is not None:
        return value if value in allowed else OTHER
    return value if CODE.fullmatch(value) else OTHER


def _query(session: Session, period: Period) -> Any:
    form = Event.data["form"].as_string()
    return (
        select(
            Ticket.directorate,
            Ticket.category,
            Ticket.channel,
            Ticket.language,
            form.label("form"),
            Ticket.status,
            Ticket.urgent,
            Ticket.priority,
            Ticket.created_at,
            hours_between(session, Ticket.created_at, Ticket.first_response_at).label("first"),
            hours_between(session, Ticket.created_at, Ticket.resolved_at).label("resolution"),
            Ticket.due_at,
            Ticket.resolved_at,
            Ticket.closed_at,
            Ticket.reopen_count,
            Ticket.satisfaction,
            Ticket.lat,
            Ticket.lon,
        )
        .select_from(Ticket)
        .outerjoin(Event, and_(Event.ticket_id == Ticket.id, Event.kind == "created"))
        .where(*period_filter(period))
    )


def _sla_met(row: Any) -> bool | None:
    """Finished by the due time; None while open or without a due time."""
    if row.due_at is None or row.status not in FINISHED:
        return None
    finished = row.resolved_at or row.closed_at
    return finished is not None and finished <= row.due_at


def research_rows(session: Session, taxonomy: Taxonomy, period: Period) -> Iterator[dict[str, Any]]:
    """The export's rows, sorted by their own values (never by ticket id or reference)."""
    directorates = frozenset(d.code for d in taxonomy.directorates)
    categories = frozenset(c.code for c in taxonomy.categories)
    statuses = frozenset(s.value for s in Status)
    zone = zone_of(session)  # the centre's day and hour, as every statistic counts them
    rows = []
    for row in session.execute(_query(session, period).execution_options(yield_per=BATCH)):
        created: datetime = row.created_at.astimezone(zone)
        rating = row.satisfaction if row.satisfaction in (1, 2, 3, 4, 5) else None
        rows.append(
            {
                "directorate": _code(row.directorate, directorates),
                "category": _code(row.category, categories),
                "channel": _code(row.channel),
                "language": _code(row.language, LANGUAGES),
                "language_form": _code(row.form),
                "status": _code(row.status, statuses),
                "urgent": bool(row.urgent or row.priority == Priority.URGENT),
                "created_day": created.date().isoformat(),
                "created_hour": created.hour,
                "first_response_hours": _hours(row.first),
                "resolution_hours": _hours(row.resolution),
                "sla_met": _sla_met(row),
                "reopened": bool(row.reopen_count),
                "rating": rating,
                "lat_grid": snap(row.lat),
                "lon_grid": snap(row.lon),
            }
        )
    rows.sort(key=lambda r: tuple("" if r[c] is None else str(r[c]) for c in COLUMNS))
    yield from rows


def _hours(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


def export_research(
    session: Session, taxonomy: Taxonomy, period: Period, out: Path
) -> ExportResult:
    """Write the export to `out` in the format its extension names: .csv or .parquet (needs
    pyarrow). Any other name is refused before anything is read or written (`x.xlsx` was
    written as CSV under a name Excel then could not open)."""
    file_format = export_format(out)
    rows = research_rows(session, taxonomy, period)
    if file_format == "parquet":
        return ExportResult(out, _write_parquet(rows, out), "parquet")
    with out.open("w", newline="", encoding=SPREADSHEET_ENCODING) as handle:
        return ExportResult(out, write_csv(rows, handle), "csv")


EXPORT_FORMATS = {".csv": "csv", ".parquet": "parquet"}


def export_format(out: Path, formats: dict[str, str] = EXPORT_FORMATS) -> str:
    """The format a file name's extension names (any case), or InputError naming the ones
    there are: an export is never written under a name that promises another format."""
    found = formats.get(out.suffix.lower())
    if found is None:
        names = " or ".join(formats)
        raise InputError(
            f"cannot write {out}: name the file {names} (the extension chooses the format).",
            "export_extension",
            extensions=list(formats),
        )
    return found


def write_csv(rows: Iterator[dict[str, Any]], handle: Any) -> int:
    """The rows as CSV with a header; booleans as true/false, missing values empty."""
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else spreadsheet_text(value)


def _write_parquet(rows: Iterator[dict[str, Any]], out: Path) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise RuntimeError(
            "Parquet needs pyarrow (pip install 'balagh[research]'); write a .csv instead."
        ) from None
    types = {"urgent": pa.bool_(), "sla_met": pa.bool_(), "reopened": pa.bool_()}
    types.update({c: pa.int32() for c in ("created_hour", "rating")})
    types.update({c: pa.float64() for c in COLUMNS if c.endswith(("_hours", "_grid"))})
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(table, out)
    return int(table.num_rows)
