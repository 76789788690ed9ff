"""Statistics count the centre's days (Asia/Muscat, UTC+4 by default), not UTC days: a report
at 02:00 in Muscat on the 5th (22:00 UTC on the 4th) is one of the 5th's, in the figures,
the trends (rolled up and counted by SQL), the rollup's day rows and the research export."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from core.context import Context
from core.insights.days import local_day, offset_segments, use_zone
from core.insights.research_export import research_rows
from core.insights.stats import Period, compute_stats, parse_period
from core.insights.trends import trends, trends_from_tickets
from core.models import Contact, StatsRollup, Ticket

NIGHT = datetime(2025, 3, 4, 22, 0, tzinfo=UTC)  # 02:00 on 5 March in Muscat
NOW = datetime(2025, 4, 1, tzinfo=UTC)


def add_ticket(ctx: Context, created: datetime, reference: str = "MCT-000001") -> None:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="x")
        session.add(contact)
        session.flush()
        session.add(
            Ticket(reference=reference, secret="s", channel="telegram", contact_id=contact.id,
                   directorate="roads", category="road_damage", language="ar",
                   created_at=created)
        )  # fmt: skip


def tickets_on(ctx: Context, day: str, zone: ZoneInfo | None = None) -> int:
    period = parse_period(day, day, zone or ctx.zone)
    with ctx.sessions() as session:
        figures = compute_stats(session, *period, now=NOW)
    return int(figures["totals"]["tickets"])


def test_the_centres_time_zone_is_muscat_by_default(ctx: Context) -> None:
    assert ctx.zone == ZoneInfo("Asia/Muscat")


def test_a_report_at_two_in_the_morning_in_muscat_counts_on_that_days_date(ctx: Context) -> None:
    add_ticket(ctx, NIGHT)
    assert (tickets_on(ctx, "2025-03-04"), tickets_on(ctx, "2025-03-05")) == (0, 1)


def test_the_rollup_files_the_ticket_under_the_centres_date(ctx: Context) -> None:
    add_ticket(ctx, NIGHT)
    tickets_on(ctx, "2025-03-05")  # builds the rollup
    with ctx.sessions() as session:
        days = session.execute(
            select(StatsRollup.start).where(StatsRollup.grain == "day", StatsRollup.dim == "total")
        ).scalars()
        assert [d.isoformat() for d in days] == ["2025-03-05"]


def test_trend_days_are_the_centres_days_rolled_up_and_counted(ctx: Context) -> None:
    add_ticket(ctx, NIGHT)
    since, until = parse_period("2025-03-04", "2025-03-05", ctx.zone)
    with ctx.sessions() as session:
        rolled = trends(session, since, until, now=NOW)
        counted = trends_from_tickets(session, Period(since, until), "day", None, NOW)
    assert rolled["labels"] == counted["labels"] == ["2025-03-04", "2025-03-05"]
    assert rolled["tickets"] == counted["tickets"] == {"roads": [0, 1]}


def test_a_rollup_cut_in_another_zone_is_rebuilt_in_the_new_one(ctx: Context) -> None:
    add_ticket(ctx, NIGHT)
    assert tickets_on(ctx, "2025-03-05") == 1  # rolled up in Muscat's days
    utc = ZoneInfo("UTC")
    use_zone(ctx.sessions, utc)  # the calendars now say UTC
    assert (tickets_on(ctx, "2025-03-04", utc), tickets_on(ctx, "2025-03-05", utc)) == (1, 0)
    with ctx.sessions() as session:
        days = session.execute(
            select(StatsRollup.start).where(StatsRollup.grain == "day", StatsRollup.dim == "total")
        ).scalars()
        assert [d.isoformat() for d in days] == ["2025-03-04"]


def test_days_of_a_zone_with_summer_time_follow_its_offset_in_sql(ctx: Context) -> None:
    """London is UTC+0 in winter and UTC+1 in summer: 23:30 UTC is the same day in January
    and the next day in July, also on SQLite, which has no time zones of its own."""
    london = ZoneInfo("Europe/London")
    use_zone(ctx.sessions, london)
    add_ticket(ctx, datetime(2025, 1, 10, 23, 30, tzinfo=UTC), "MCT-000001")
    add_ticket(ctx, datetime(2025, 7, 10, 23, 30, tzinfo=UTC), "MCT-000002")
    with ctx.sessions() as session:
        days = session.execute(
            select(local_day(session, Ticket.created_at, london)).order_by(Ticket.created_at)
        ).scalars()
        assert list(days) == ["2025-01-10", "2025-07-11"]


def test_a_zone_without_summer_time_is_one_offset() -> None:
    segments = offset_segments("Asia/Muscat")
    assert [minutes for _, _, minutes in segments] == [240]


def test_the_research_export_gives_the_centres_day_and_hour(ctx: Context) -> None:
    add_ticket(ctx, NIGHT)
    with ctx.sessions() as session:
        (row,) = research_rows(session, ctx.taxonomy, Period())
    assert (row["created_day"], row["created_hour"]) == ("2025-03-05", 2)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_first_day_with_no_utc_start_east_of_utc_is_an_open_start(ctx: Context) -> None:
    assert parse_period("0001-01-01", None, ctx.zone) == (None, None)
