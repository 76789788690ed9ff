"""The statistics rollup gives the same figures as counting the tickets, and stays so as
tickets change; large selections read percentiles from histograms within 1 %."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from core.context import Context
from core.followup.jobs import JOBS
from core.insights import rollup, stats
from core.insights import trends as trends_module
from core.insights.stats import GROUP_BY, Period, compute_stats, percentile
from core.insights.trends import bucket_size, trends, trends_from_tickets
from core.models import Contact, RoutingCorrection, StatsRollup, Status, Ticket
from tests.core.insights.test_stats_figures import MARCH, NOW, add, hours, march

__all__ = ["march"]  # the fixture, shared with the hand-worked figures


def from_tickets(ctx: Context, group_by: str, since: datetime, until: datetime) -> Any:
    """The figures counted from the tickets alone, as before the rollup."""
    with ctx.sessions() as session:
        groups = stats._groups_from_tickets(session, Period(since, until), group_by, None, NOW)
    totals = groups.pop(stats._TOTAL)
    return totals, groups


def from_rollup(ctx: Context, group_by: str, since: datetime, until: datetime) -> Any:
    with ctx.sessions() as session:
        result = compute_stats(session, since, until, group_by=group_by, now=NOW)
    return result["totals"], {g.pop("key"): g for g in result["groups"]}


@pytest.mark.parametrize("group_by", GROUP_BY)
def test_every_grouping_matches_counting_the_tickets(march: Context, group_by: str) -> None:
    assert from_rollup(march, group_by, *MARCH) == from_tickets(march, group_by, *MARCH)


def test_a_period_cut_mid_day_counts_the_partial_days_from_the_tickets(march: Context) -> None:
    since, until = hours(1.5) - timedelta(days=3), hours(-0.5) + timedelta(days=1)
    with march.sessions() as session:  # a whole day rolled up, partial ones at both ends
        span = rollup.span(session, since, until)
    assert span.edges and span.days
    assert from_rollup(march, "directorate", since, until) == from_tickets(
        march, "directorate", since, until
    )


def test_changes_to_tickets_reach_the_day_and_the_month(march: Context) -> None:
    from_rollup(march, "directorate", *MARCH)  # built
    with march.sessions() as session, session.begin():
        r4 = session.execute(select(Ticket).where(Ticket.channel == "email")).scalar_one()
        r4.status = Status.CLOSED
        r4.resolved_at, r4.closed_at = hours(3), hours(4)
        r4.first_response_at = hours(0.5)
        r4.satisfaction, r4.survey_sent_at = 1, hours(5)
        health = session.execute(
            select(Ticket).where(Ticket.status == Status.RESOLVED)
        ).scalar_one()
        session.add(RoutingCorrection(ticket_id=health.id, text="t", category="pest_control"))
        contact = session.execute(select(Contact)).scalars().first()
        assert contact is not None
        add(session, contact, "health", status=Status.NEW, created_at=hours(30))
    for group_by in GROUP_BY:
        assert from_rollup(march, group_by, *MARCH) == from_tickets(march, group_by, *MARCH)
    with march.sessions() as session:
        months = session.execute(
            select(StatsRollup).where(StatsRollup.grain == "month", StatsRollup.dim == "total")
        ).scalars()
        assert {m.start.isoformat(): m.counts["tickets"] for m in months} == {
            "2025-02-01": 1,
            "2025-03-01": 6,
        }


def test_a_rollup_built_by_an_older_definition_is_rebuilt(march: Context) -> None:
    expected = from_rollup(march, "category", *MARCH)
    with march.sessions() as session, session.begin():
        session.execute(StatsRollup.__table__.delete())
    assert from_rollup(march, "category", *MARCH) != expected  # stale: nothing rolled up
    with march.sessions() as session, session.begin():
        rollup.rebuild(session)
    assert from_rollup(march, "category", *MARCH) == expected


def test_large_selections_read_percentiles_from_histograms_within_one_percent(
    march: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = from_rollup(march, "directorate", *MARCH)
    monkeypatch.setattr(stats, "EXACT_LIMIT", 0)
    approximate = from_rollup(march, "directorate", *MARCH)
    for e, a in [(exact[0], approximate[0])] + [(exact[1][k], approximate[1][k]) for k in exact[1]]:
        for name, value in e.items():
            if name.endswith(("_median", "_p90")) and value is not None:
                # within 1 %, and half a hundredth for the rounding of both figures
                assert abs(a[name] - value) <= 0.01 * abs(value) + 0.01 + 1e-9, name
            else:
                assert a[name] == value, name


def test_histogram_percentiles_are_within_one_percent_of_percentile_cont() -> None:
    rng = random.Random(3)
    values = sorted([rng.expovariate(1 / 40) for _ in range(5000)] + [0.0, 0.0002, -1.5])
    histogram: dict[int, int] = {}
    for value in values:
        histogram[rollup.bucket(value)] = histogram.get(rollup.bucket(value), 0) + 1
    for fraction in (0.0, 0.1, 0.5, 0.9, 0.99, 1.0):
        exact = percentile(values, fraction)
        assert exact is not None
        estimate = rollup.histogram_percentile(histogram, fraction)
        assert estimate == pytest.approx(exact, rel=rollup.ALPHA, abs=rollup.TINY)
    assert rollup.histogram_percentile({}, 0.5) is None


def test_the_dashboard_filters_match_counting_the_tickets(march: Context) -> None:
    with march.sessions() as session:
        for filters in ({"category": "road_damage"}, {"channel": "email"}):
            result = compute_stats(session, *MARCH, now=NOW, directorate="roads", **filters)
            groups = stats._groups_from_tickets(
                session, Period(*MARCH, **filters), "directorate", "roads", NOW
            )
            assert result["totals"] == groups.pop(stats._TOTAL)
            assert {g.pop("key"): g for g in result["groups"]} == groups


def test_a_ticket_created_now_is_counted_at_once(ctx: Context) -> None:
    now = datetime.now(UTC)
    with ctx.sessions() as session:
        before = compute_stats(session, now - timedelta(days=1), now + timedelta(days=1))
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="x")
        session.add(contact)
        session.flush()
        add(session, contact, "roads", created_at=now)
    with ctx.sessions() as session:
        after = compute_stats(session, now - timedelta(days=1), now + timedelta(days=1))
    assert (before["totals"]["tickets"], after["totals"]["tickets"]) == (0, 1)


@pytest.mark.parametrize("days", [31, 365])  # per day, per week
@pytest.mark.parametrize(
    "filters",
    [{}, {"directorate": "roads"}, {"category": "road_damage"}, {"channel": "telegram"}],
)
def test_trends_match_counting_the_tickets(
    march: Context, days: int, filters: dict[str, str]
) -> None:
    since = MARCH[0]
    period = Period(
        since, since + timedelta(days=days), filters.get("category"), filters.get("channel")
    )
    with march.sessions() as session:
        rolled = trends(session, period.since, period.until, now=NOW, **filters)
        counted = trends_from_tickets(
            session, period, bucket_size(period, NOW), filters.get("directorate"), NOW
        )
    assert rolled == counted


def test_trend_medians_of_a_large_selection_come_from_histograms(
    march: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    with march.sessions() as session:
        exact = trends(session, *MARCH, now=NOW)
        monkeypatch.setattr(trends_module, "EXACT_LIMIT", 0)
        approximate = trends(session, *MARCH, now=NOW)
    assert approximate["tickets"] == exact["tickets"]
    for name, values in exact["medians"].items():
        for e, a in zip(values, approximate["medians"][name], strict=True):
            assert (e is None) == (a is None)
            if e is not None:
                assert abs(a - e) <= 0.01 * abs(e) + 0.01 + 1e-9


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # advisory locks
def test_a_reader_does_not_wait_for_a_rollup_being_built_elsewhere(march: Context) -> None:
    with march.engine.connect() as builder:  # holds the refresh lock, as a first build would
        builder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": rollup.LOCK})
        try:
            for group_by in GROUP_BY:  # counted from the tickets: nothing rolled up yet
                assert from_rollup(march, group_by, *MARCH) == from_tickets(march, group_by, *MARCH)
            with march.sessions() as session:
                assert session.execute(select(StatsRollup.id)).first() is None
        finally:
            builder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": rollup.LOCK})


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_large_first_build_is_left_to_the_job_and_readers_count_the_tickets(
    march: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rollup, "QUICK_BUILD", 2)  # "many" tickets
    assert from_rollup(march, "channel", *MARCH) == from_tickets(march, "channel", *MARCH)
    with march.sessions() as session:
        assert session.execute(select(StatsRollup.id)).first() is None
    assert JOBS["stats_rollup"].run(march).startswith("recounted")
    with march.sessions() as session:
        assert session.execute(select(StatsRollup.id)).first() is not None
    assert from_rollup(march, "channel", *MARCH) == from_tickets(march, "channel", *MARCH)
