"""The business calendar: working hours across weekends and holidays, per directorate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from balagh.wiring import build_context
from core.context import Context
from core.followup.tasks import watch_sla
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from core.sla.calendar import (
    BusinessCalendar,
    CalendarError,
    Calendars,
    load_calendars,
    load_holidays,
    parse_calendars,
)
from tests.conftest import empty_tables, make_settings
from tests.followup_support import assigned_ticket, at, ticket

MUSCAT = ZoneInfo("Asia/Muscat")


def muscat(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=MUSCAT)


def test_hours_within_one_working_day() -> None:
    # Sunday 5 January 2025, 08:00 + 3 working hours = 11:00 the same day.
    assert BusinessCalendar().add_working_hours(muscat(2025, 1, 5, 8), 3) == muscat(2025, 1, 5, 11)


def test_hours_carry_over_the_friday_saturday_weekend() -> None:
    # Thursday 9 January 13:30: one hour left that day, two more from Sunday 07:30.
    due = BusinessCalendar().add_working_hours(muscat(2025, 1, 9, 13, 30), 3)
    assert due == muscat(2025, 1, 12, 9, 30)
    assert due.tzinfo == UTC


def test_public_holiday_is_skipped() -> None:
    calendar = BusinessCalendar(holidays=frozenset({date(2025, 1, 12)}))
    due = calendar.add_working_hours(muscat(2025, 1, 9, 13, 30), 3)
    assert due == muscat(2025, 1, 13, 9, 30)  # Sunday is a holiday: Monday


def test_start_outside_hours_counts_from_the_next_opening() -> None:
    calendar = BusinessCalendar()
    assert calendar.add_working_hours(muscat(2025, 1, 5, 20), 1) == muscat(2025, 1, 6, 8, 30)
    assert calendar.add_working_hours(muscat(2025, 1, 10, 10), 1) == muscat(2025, 1, 12, 8, 30)


def test_72_working_hours_span_more_than_two_weeks() -> None:
    # 7 working hours a day: 72 hours = 10 working days and 2 hours, two weekends later.
    due = BusinessCalendar().add_working_hours(muscat(2025, 1, 5, 7, 30), 72)
    assert due == muscat(2025, 1, 19, 9, 30)


def test_working_hours_between_is_the_inverse_of_adding() -> None:
    calendar = BusinessCalendar(holidays=frozenset({date(2025, 1, 12)}))
    start = muscat(2025, 1, 9, 13, 30)
    assert calendar.working_hours_between(start, calendar.add_working_hours(start, 9.5)) == 9.5


def test_urgent_tickets_count_wall_clock_hours() -> None:
    start = muscat(2025, 1, 9, 13, 30)
    assert Calendars().due(start, 4, "roads", True) == start + timedelta(hours=4)


def test_directorate_with_its_own_calendar_works_every_day() -> None:
    calendars = parse_calendars(
        {"directorates": {"cleanliness": {"days": "all", "hours": "06:00-22:00"}}},
        frozenset(),
        source="test",
    )
    start = muscat(2025, 1, 9, 21)
    assert calendars.due(start, 3, "cleanliness", False) == muscat(2025, 1, 10, 8)
    assert calendars.due(start, 3, "roads", False) == muscat(2025, 1, 12, 10, 30)


def test_default_calendars_have_cleaning_work_every_day_and_roads_the_office_week(
    tmp_path: Path,
) -> None:
    calendars = load_calendars(make_settings(tmp_path, "sqlite://"))
    thursday = muscat(2025, 1, 9, 14)
    assert calendars.due(thursday, 1, "cleanliness", False) == muscat(2025, 1, 10, 8)
    assert calendars.due(thursday, 1, "roads", False) == muscat(2025, 1, 12, 8)


def test_holidays_text_file_with_ranges_names_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "holidays.txt"
    path.write_text(
        "# Oman 2025\n2025-03-30..2025-04-01  Eid al-Fitr\n\n2025-11-20 National Day\n",
        encoding="utf-8",
    )
    assert load_holidays(path) == {
        date(2025, 3, 30),
        date(2025, 3, 31),
        date(2025, 4, 1),
        date(2025, 11, 20),
    }


def test_holidays_json_file_in_either_shape(tmp_path: Path) -> None:
    listed = tmp_path / "a.json"
    listed.write_text(json.dumps(["2025-11-20", {"date": "2025-06-06", "to": "2025-06-07"}]))
    named = tmp_path / "b.json"
    named.write_text(json.dumps({"2025-11-20": "National Day"}))
    assert load_holidays(listed) == {date(2025, 11, 20), date(2025, 6, 6), date(2025, 6, 7)}
    assert load_holidays(named) == {date(2025, 11, 20)}


def test_calendars_file_and_holidays_come_from_settings(tmp_path: Path) -> None:
    (tmp_path / "h.txt").write_text("2025-01-12\n")
    (tmp_path / "c.json").write_text(
        json.dumps({"directorates": {"drainage": {"days": "all", "holidays": False}}})
    )
    settings = make_settings(
        tmp_path, "sqlite://", holidays=str(tmp_path / "h.txt"), calendars=str(tmp_path / "c.json")
    )
    calendars = load_calendars(settings)
    thursday = muscat(2025, 1, 9, 14)
    assert calendars.due(thursday, 1, "roads", False) == muscat(2025, 1, 13, 8)
    assert calendars.due(thursday, 1, "drainage", False) == muscat(2025, 1, 10, 8)
    assert calendars.due(thursday, 1, "cleanliness", False) == muscat(2025, 1, 13, 8)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"default": {"days": ["sun", "funday"]}}, "unknown day 'funday'"),
        ({"default": {"hours": "14:30-07:30"}}, "must close after they open"),
        ({"default": {"timezone": "Mars/Olympus"}}, "unknown time zone"),
        ({"directorates": {"roads": {"weekend": "fri"}}}, "directorate 'roads': unknown key"),
    ],
)
def test_bad_calendar_is_refused_naming_the_entry(document: object, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        parse_calendars(document, frozenset(), source="calendars.json")


def test_bad_holiday_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "holidays.txt"
    path.write_text("2025-01-12\n12/01/2025\n")
    with pytest.raises(CalendarError, match=r"holidays.txt:2"):
        load_holidays(path)


@pytest.fixture
def working_ctx(tmp_path: Path, database_url: str) -> Iterator[Context]:
    """A context with BALAGH_SLA_WORKING_HOURS=true on a clean database."""
    settings = make_settings(tmp_path / "data", database_url, sla_working_hours=True)
    context = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
    empty_tables(context)
    yield context
    context.engine.dispose()


def test_working_hours_setting_puts_assignment_due_times_on_the_calendar(
    working_ctx: Context,
) -> None:
    # unsafe_structure (buildings): 12 hours, assigned Thursday 13:30 -> Monday 11:30.
    tid = assigned_ticket(
        working_ctx, when=muscat(2025, 1, 9, 13, 30), category="unsafe_structure", assignee=None
    )
    assert ticket(working_ctx, tid).due_at == muscat(2025, 1, 13, 11, 30)


def test_sla_warning_counts_working_time_when_the_calendar_is_on(working_ctx: Context) -> None:
    # 80% of 12 working hours = 9.6 h: 1 h Thursday, 7 h Sunday, 1.6 h Monday -> 09:06.
    assigned_ticket(
        working_ctx, when=muscat(2025, 1, 9, 13, 30), category="unsafe_structure", assignee=None
    )
    at(working_ctx, muscat(2025, 1, 13, 9, 0))
    assert watch_sla(working_ctx) == "escalated 0, warned 0"
    at(working_ctx, muscat(2025, 1, 13, 9, 10))
    assert watch_sla(working_ctx) == "escalated 0, warned 1"


def test_wall_clock_is_the_default(ctx: Context) -> None:
    tid = assigned_ticket(
        ctx, when=muscat(2025, 1, 9, 13, 30), category="unsafe_structure", assignee=None
    )
    assert ticket(ctx, tid).due_at == muscat(2025, 1, 10, 1, 30)
