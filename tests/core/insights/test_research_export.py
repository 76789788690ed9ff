"""The research export: the figures a researcher needs and nothing that points to a person."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.context import Context
from core.inbound import InboundMessage, Location, ThreadHints
from core.insights.research_export import COLUMNS, export_research, research_rows, snap, write_csv
from core.insights.stats import Period
from core.intake.ingest import ingest
from core.models import Contact, Message, Status, Ticket, User

NAME, PHONE, EMAIL = "Salim Al-Harthy", "+96899123456", "salim.harthy@example.om"
ARABIC_NAME = "سالم الحارثي"
PII = (NAME, ARABIC_NAME, PHONE, "99123456", EMAIL, "salim.harthy", "Way 2817 villa 44")
T0 = datetime(2025, 5, 4, 9, 17, 43, tzinfo=UTC)


def personal(n: int) -> str:
    return f"{NAME} ({ARABIC_NAME}) {PHONE} {EMAIL} Way 2817 villa 44 ticket MCT-{n:06d}"


def fill_with_personal_data(ctx: Context) -> list[Ticket]:
    """Three tickets with personal data in every field a person can write into."""
    for n in range(3):
        ingest(
            ctx,
            InboundMessage(
                channel="email",
                sender=EMAIL,
                text=personal(n),
                subject=personal(n),
                external_id=f"<pii-{n}@example.om>",
                display_name=NAME,
                phone=PHONE,
                email=EMAIL,
                thread=ThreadHints(new_ticket=True),
                location=Location(lat=23.5880 + n * 0.0001, lon=58.3829, address=personal(n)),
            ),
        )
    with ctx.sessions() as session, session.begin():
        staff = User(email=EMAIL, name=NAME, role="department", directorate="roads")
        session.add(staff)
        session.flush()
        tickets = list(session.query(Ticket).order_by(Ticket.id))
        for i, ticket in enumerate(tickets):
            contact = session.get(Contact, ticket.contact_id)
            assert contact is not None
            contact.name, contact.phone, contact.email = NAME, PHONE, EMAIL
            ticket.created_at = T0 + timedelta(minutes=i)
            ticket.address = ticket.subject = ticket.resolution = personal(i)
            ticket.category = "road_damage" if i else NAME  # a stray value in a code column
            ticket.directorate, ticket.assignee_id = "roads", staff.id
            ticket.status = Status.CLOSED
            ticket.first_response_at = T0 + timedelta(hours=2, minutes=i)
            ticket.resolved_at = T0 + timedelta(hours=30)
            ticket.closed_at = T0 + timedelta(hours=31)
            ticket.due_at = T0 + timedelta(hours=48)
            ticket.satisfaction = 4
            session.add(Message(ticket_id=ticket.id, direction="note", channel="note",
                                text=personal(i), author_id=staff.id))  # fmt: skip
        return tickets


def exported_csv(ctx: Context) -> str:
    with ctx.sessions() as session:
        out = io.StringIO()
        write_csv(research_rows(session, ctx.taxonomy, Period()), out)
        return out.getvalue()


def test_export_holds_no_personal_data_from_any_field(ctx: Context) -> None:
    tickets = fill_with_personal_data(ctx)
    text = exported_csv(ctx)
    for secret in (*PII, *(t.reference for t in tickets), *(t.secret for t in tickets)):
        assert secret.lower() not in text.lower(), secret
    assert "MCT-" not in text and "09:17" not in text and "23.588" not in text
    assert text.count("\n") == 4  # a header and one row per ticket


def test_export_keeps_the_research_figures(ctx: Context) -> None:
    fill_with_personal_data(ctx)
    rows = list(csv.DictReader(io.StringIO(exported_csv(ctx))))
    assert tuple(rows[0]) == COLUMNS
    row = next(r for r in rows if r["category"] == "road_damage")
    assert (row["directorate"], row["channel"], row["status"]) == ("roads", "email", "closed")
    assert (row["created_day"], row["created_hour"]) == ("2025-05-04", "13")  # Muscat, UTC+4
    assert (row["first_response_hours"], row["resolution_hours"]) == ("2.0", "30.0")
    assert (row["sla_met"], row["reopened"], row["rating"]) == ("true", "false", "4")
    assert (row["lat_grid"], row["lon_grid"]) == ("23.59", "58.385")
    assert row["language"] == "en"


def test_a_stray_value_in_a_code_column_is_exported_as_other(ctx: Context) -> None:
    fill_with_personal_data(ctx)
    rows = list(csv.DictReader(io.StringIO(exported_csv(ctx))))
    assert sorted(r["category"] for r in rows) == ["other", "road_damage", "road_damage"]


def test_locations_snap_to_a_grid_of_about_500_metres() -> None:
    assert snap(23.5880) == snap(23.5899) == 23.59
    assert snap(23.5820) == 23.58
    assert snap(None) is None


def test_the_period_limits_the_rows(ctx: Context) -> None:
    fill_with_personal_data(ctx)
    with ctx.sessions() as session:
        later = list(
            research_rows(session, ctx.taxonomy, Period(datetime(2025, 6, 1, tzinfo=UTC), None))
        )
    assert later == []


def test_command_writes_csv_to_the_file_named(ctx: Context, tmp_path: Path) -> None:
    import balagh.cli.stats  # noqa: F401  (registers the command)
    from balagh.cli import cli

    fill_with_personal_data(ctx)
    out = tmp_path / "research.csv"
    env = {
        "BALAGH_DATABASE_URL": ctx.settings.effective_database_url,
        "BALAGH_DATA_DIR": str(ctx.data_dir),
    }
    result = CliRunner().invoke(
        cli,
        ["export", "research", "--since", "2025-05-01", "--until", "2025-05-31", "--out", str(out)],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "3 ticket(s) written" in result.output
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(COLUMNS)  # Excel BOM


def test_parquet_has_the_same_columns_and_rows(ctx: Context, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    fill_with_personal_data(ctx)
    with ctx.sessions() as session:
        result = export_research(session, ctx.taxonomy, Period(), tmp_path / "r.parquet")
    table = pq.read_table(result.path)
    assert (result.format, table.num_rows, tuple(table.column_names)) == ("parquet", 3, COLUMNS)
    assert NAME not in str(table.to_pylist())
