"""Trends over a period whose ends are not the centre's midnights (an API caller's UTC
midnights, mid-day, one day, less than a day) read the whole days from the rollup and count
only the partial days at the ends from the tickets, and give what counting every ticket
gives: checked against a brute-force count, in Muscat and in a zone with summer time."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from core.context import Context
from core.insights import rollup
from core.insights import trends as trends_module
from core.insights.days import use_zone
from core.insights.stats import Period
from core.insights.trends import bucket_size, trends, trends_from_tickets
from core.models import Contact, Ticket
from tests.core.conftest import Statements

FIRST = datetime(2025, 3, 1, tzinfo=UTC)
NOW = datetime(2025, 7, 1, tzinfo=UTC)
DIRECTORATES = ("roads", "water", "lighting")


@pytest.fixture
def spread(ctx: Context) -> list[tuple[datetime, str]]:
    """300 tickets at random minutes over 90 days (Berlin's summer time begins in it)."""
    rng = random.Random(13)
    made: list[tuple[datetime, str]] = []
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="x")
        session.add(contact)
        session.flush()
        for n in range(300):
            created = FIRST + timedelta(minutes=rng.randrange(90 * 24 * 60))
            directorate = rng.choice(DIRECTORATES)
            response = created + timedelta(hours=rng.uniform(0.1, 30))
            session.add(
                Ticket(reference=f"MCT-{n:06d}", secret="s", channel="telegram",
                       contact_id=contact.id, directorate=directorate, category="road_damage",
                       language="ar", created_at=created, first_response_at=response,
                       resolved_at=response + timedelta(hours=rng.uniform(0, 50)))
            )  # fmt: skip
            made.append((created, directorate))
    return made


def brute_force(
    made: list[tuple[datetime, str]], since: datetime, until: datetime, zone: ZoneInfo, size: str
) -> dict[str, dict[str, int]]:
    """Tickets per directorate and bucket (the centre's day, or its week's Monday)."""
    counts: dict[str, Counter[str]] = {}
    for created, directorate in made:
        if since <= created < until:
            day = created.astimezone(zone).date()
            if size == "week":
                day -= timedelta(days=day.weekday())
            counts.setdefault(directorate, Counter())[day.isoformat()] += 1
    return {d: dict(c) for d, c in counts.items()}


def as_buckets(result: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {
        d: {label: n for label, n in zip(result["labels"], ns, strict=True) if n}
        for d, ns in result["tickets"].items()
        if any(ns)
    }


def local(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone)).astimezone(UTC)  # type: ignore[misc]


MUSCAT_PERIODS = {
    "utc midnights": (datetime(2025, 3, 10, tzinfo=UTC), datetime(2025, 3, 20, tzinfo=UTC)),
    "mid-day to mid-day": (local("Asia/Muscat", 2025, 3, 5, 13, 17),
                           local("Asia/Muscat", 2025, 3, 27, 9, 41)),
    "within one day": (local("Asia/Muscat", 2025, 4, 2, 8), local("Asia/Muscat", 2025, 4, 2, 19)),
    "under a day across midnight": (local("Asia/Muscat", 2025, 4, 3, 21, 30),
                                    local("Asia/Muscat", 2025, 4, 4, 4, 15)),
    "weeks, utc midnights": (datetime(2025, 3, 2, tzinfo=UTC), datetime(2025, 5, 25, tzinfo=UTC)),
    "open end": (datetime(2025, 4, 20, 7, 45, tzinfo=UTC), None),
}  # fmt: skip
BERLIN_PERIODS = {
    "across summer time, utc midnights": (datetime(2025, 3, 25, tzinfo=UTC),
                                          datetime(2025, 4, 5, tzinfo=UTC)),
    "the short day itself, partial": (local("Europe/Berlin", 2025, 3, 30, 1, 30),
                                      local("Europe/Berlin", 2025, 3, 30, 22)),
    "weeks across summer time": (datetime(2025, 3, 1, 12, tzinfo=UTC),
                                 datetime(2025, 5, 20, 6, tzinfo=UTC)),
}  # fmt: skip


def check(
    ctx: Context,
    made: list[tuple[datetime, str]],
    period: tuple[datetime, datetime | None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    since, until = period
    with ctx.sessions() as session:
        counted = trends_from_tickets(
            session, Period(since, until), bucket_size(Period(since, until), NOW), None, NOW
        )
        with monkeypatch.context() as patch:  # the fast path, or this fails
            patch.setattr(trends_module, "trends_from_tickets", _not_counted)
            fast = trends(session, since, until, now=NOW)
            span = rollup.span(session, since, until)
        zone = trends_module.zone_of(session)
    assert span.edges  # the period does have partial days
    assert fast == counted
    assert as_buckets(fast) == brute_force(made, since, until or NOW, zone, fast["bucket"])


def _not_counted(*_: Any, **__: Any) -> Any:
    raise AssertionError("trends counted every ticket of the period")


@pytest.mark.parametrize("name", MUSCAT_PERIODS)
def test_trends_at_odd_period_ends_equal_a_brute_force_count(
    ctx: Context, spread: list[tuple[datetime, str]], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    check(ctx, spread, MUSCAT_PERIODS[name], monkeypatch)


@pytest.mark.parametrize("name", BERLIN_PERIODS)
def test_trends_at_odd_period_ends_in_a_zone_with_summer_time(
    ctx: Context, spread: list[tuple[datetime, str]], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    use_zone(ctx.sessions, ZoneInfo("Europe/Berlin"))
    check(ctx, spread, BERLIN_PERIODS[name], monkeypatch)


def test_partial_days_add_to_the_histogram_medians(
    ctx: Context, spread: list[tuple[datetime, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    times = sorted(created for created, _ in spread)
    since, until = times[10], times[100] + timedelta(minutes=1)  # a ticket on each partial day
    with ctx.sessions() as session:
        assert len(rollup.span(session, since, until).edges) == 2
        exact = trends(session, since, until, now=NOW)
        monkeypatch.setattr(trends_module, "EXACT_LIMIT", 0)
        approximate = trends(session, since, until, now=NOW)
    assert approximate["tickets"] == exact["tickets"]
    first_response = approximate["medians"]["first_response_hours"]
    assert first_response[0] is not None and first_response[-1] is not None
    for name, values in exact["medians"].items():
        for e, a in zip(values, approximate["medians"][name], strict=True):
            assert (e is None) == (a is None)
            if e is not None:
                assert abs(a - e) <= 0.01 * abs(e) + 0.01 + 1e-9


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # plans are PostgreSQL's
def test_partial_days_are_counted_through_the_index_on_created_at(
    ctx: Context, spread: list[tuple[datetime, str]], statements: Statements
) -> None:
    since, until = MUSCAT_PERIODS["utc midnights"]
    with ctx.sessions() as session:
        trends(session, since, until, now=NOW)  # builds the rollup
    with statements(ctx) as recorded, ctx.sessions() as session:
        trends(session, since, until, now=NOW)
    seen = recorded.with_parameters()
    edges = [(s, p) for s, p in seen if "FROM ticket" in s and "count(" in s]
    assert len(edges) == 2  # the partial first and last days, nothing else counted
    with ctx.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plans = ["\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + s, p)) for s, p in edges]
    assert all("ix_ticket_created_at" in plan for plan in plans), plans
