"""Files written for spreadsheets start with a UTF-8 byte order mark; stdout stays plain.

`balagh stats --out FILE` and `balagh export research --out FILE.csv` are opened in Excel,
which needs the mark to read Arabic as UTF-8; what `balagh stats` prints goes down pipes to
tools that would take the mark for part of the first column's name, so it has none.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import select

import balagh.cli.stats  # noqa: F401  (registers the commands)
from balagh.cli import cli
from core.context import Context
from core.insights.research_export import COLUMNS
from core.models import Status, Ticket
from core.routing.types import UnroutedRouter
from tests.staffkit import new_ticket

BOM = b"\xef\xbb\xbf"


def run(ctx: Context, *args: str) -> Result:
    env = {
        "BALAGH_DATABASE_URL": ctx.settings.effective_database_url,
        "BALAGH_DATA_DIR": str(ctx.data_dir),
    }
    return CliRunner().invoke(cli, list(args), env=env)


def test_stats_csv_written_to_a_file_starts_with_the_mark(ctx: Context, tmp_path: Path) -> None:
    new_ticket(ctx, "Pothole", category="road_damage")
    out = tmp_path / "stats.csv"
    result = run(ctx, "stats", "--group-by", "channel", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(BOM)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["channel"] == "telegram" and rows[0]["tickets"] == "1"


def test_stats_json_written_to_a_file_has_no_mark(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "stats.json"
    assert run(ctx, "stats", "--out", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("{")


def test_stats_printed_has_no_mark(ctx: Context) -> None:
    result = run(ctx, "stats", "--format", "csv")
    assert result.exit_code == 0 and result.output.startswith("directorate,name,tickets,")


def test_the_research_csv_file_starts_with_the_mark(ctx: Context, tmp_path: Path) -> None:
    new_ticket(ctx, "Pothole", category="road_damage")
    out = tmp_path / "research.csv"
    assert run(ctx, "export", "research", "--out", str(out)).exit_code == 0
    assert out.read_bytes().startswith(BOM)
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ",".join(COLUMNS)


# An --out name whose extension names another format (x.xlsx) was written as CSV: Excel then
# refused the file or showed one column. Such a name is one Error line, and nothing is written.


def test_the_research_export_refuses_a_name_of_another_format(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "research.xlsx"
    result = run(ctx, "export", "research", "--out", str(out))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.splitlines()) == 1
    assert ".csv or .parquet" in result.output and "research.xlsx" in result.output
    assert not out.exists()


def test_the_research_export_takes_an_upper_case_csv_name(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "RESEARCH.CSV"
    assert run(ctx, "export", "research", "--out", str(out)).exit_code == 0
    assert out.read_bytes().startswith(BOM)


def test_stats_refuse_an_out_name_of_another_format(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "stats.xlsx"
    result = run(ctx, "stats", "--format", "csv", "--out", str(out))
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert ".csv" in result.output and not out.exists()


def test_stats_csv_labels_tickets_without_a_directorate(ctx: Context) -> None:
    ctx.router = UnroutedRouter()
    new_ticket(ctx, "Something odd")
    result = run(ctx, "stats", "--format", "csv")
    assert result.exit_code == 0, result.output
    keys = [row["directorate"] for row in csv.DictReader(result.output.splitlines())]
    assert "" not in keys and "No directorate" in keys


def test_stats_csv_has_the_inbox_downloads_columns_with_english_names(ctx: Context) -> None:
    """README: the inbox stats page's CSV download is the CLI's; the CLI names in English."""
    new_ticket(ctx, "Pothole", category="road_damage")
    result = run(ctx, "stats", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.output.splitlines()))
    assert list(rows[0])[:3] == ["directorate", "name", "tickets"]
    assert {r["directorate"]: r["name"] for r in rows}["roads"] == "Roads and Street Lighting"


def test_stats_counts_a_ticket_waiting_past_the_dispatch_target_in_its_last_columns(
    ctx: Context,
) -> None:
    """BALAGH_DISPATCH_TARGET_MINUTES (60 by default) marks the queue's late tickets; the
    statistics count them after the contract's columns, in the CSV and the JSON alike."""
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        ticket.status = Status.TRIAGED  # registered, waiting for the dispatcher
        ticket.created_at = datetime.now(UTC) - timedelta(hours=2)
    result = run(ctx, "stats", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.output.splitlines()))
    assert list(rows[0])[-2:] == ["dispatch_late", "dispatch_late_share"]
    total = rows[-1]
    assert (total["dispatch_late"], total["dispatch_late_share"]) == ("1", "1.0")
    figures = json.loads(run(ctx, "stats", "--format", "json").output)
    assert figures["totals"]["dispatch_late"] == 1
