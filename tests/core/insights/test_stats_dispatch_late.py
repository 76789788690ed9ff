"""Tickets late for dispatch in the statistics, by the queue's rule (BALAGH_DISPATCH_TARGET_MINUTES
from arrival): first assigned after the target, or still registered and waiting past it.

Target 60 minutes, `NOW` 10 hours after T0; roads (from the email channel unless said):
  a assigned 30 min after arrival      on time
  b assigned 90 min after arrival      late
  c triaged, arrived 2 h before NOW    late (still waiting)
  d triaged, arrived 10 min before NOW not yet known
  e new (with intake), arrived at T0   not the dispatcher's yet
health: f assigned 3 h after arrival   late
Roads: 2 late of 3 known; health 1 of 1; in all 3 of 4.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.context import Context
from core.insights import stats
from core.insights.stats import FIGURES, compute_stats, stats_csv
from core.models import Contact, Status
from tests.core.insights.test_stats_figures import add

T0 = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
NOW = T0 + timedelta(hours=10)
PERIOD = (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 4, 1, tzinfo=UTC))


@pytest.fixture
def dispatched(ctx: Context) -> Context:
    minutes = timedelta(minutes=1)
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="x")
        session.add(contact)
        session.flush()
        for arrived, assigned, status in (
            (T0, T0 + 30 * minutes, Status.ASSIGNED),
            (T0, T0 + 90 * minutes, Status.CLOSED),
            (NOW - 120 * minutes, None, Status.TRIAGED),
            (NOW - 10 * minutes, None, Status.TRIAGED),
            (T0, None, Status.NEW),
        ):
            add(session, contact, "roads", created_at=arrived, assigned_at=assigned, status=status)
        add(session, contact, "health", assigned_at=T0 + 180 * minutes, status=Status.ASSIGNED)
    return ctx


def figures(ctx: Context, target: int = 60, **kwargs: Any) -> dict[str, Any]:
    with ctx.sessions() as session:
        return compute_stats(
            session,
            *PERIOD,
            taxonomy=ctx.taxonomy,
            now=NOW,
            dispatch_target_minutes=target,
            **kwargs,
        )


def late(result: dict[str, Any]) -> dict[str | None, tuple[int, float | None]]:
    rows = {g["key"]: g for g in result["groups"] if g["tickets"]}
    rows["total"] = result["totals"]
    return {k: (r["dispatch_late"], r["dispatch_late_share"]) for k, r in rows.items()}


ANSWER = {"roads": (2, 0.6667), "health": (1, 1.0), "total": (3, 0.75)}


def test_late_dispatches_are_counted_per_directorate_and_in_all(dispatched: Context) -> None:
    assert late(figures(dispatched)) == ANSWER


def test_the_ticket_count_path_gives_the_same_answer(dispatched: Context) -> None:
    """Filters the rollup does not hold (a category and a channel) count from the tickets,
    in SQL."""
    result = figures(dispatched, category="road_damage", channel="telegram")
    assert late(result) == {"roads": ANSWER["roads"], "total": ANSWER["roads"]}


def test_above_the_exact_limit_the_rollups_histogram_gives_the_same_answer(
    dispatched: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stats, "EXACT_LIMIT", 0)
    assert late(figures(dispatched)) == ANSWER


def test_without_a_target_nothing_is_late(dispatched: Context) -> None:
    assert set(late(figures(dispatched, target=0)).values()) == {(0, None)}


def test_the_csv_keeps_the_contracts_columns_first_and_adds_the_late_ones(
    dispatched: Context,
) -> None:
    rows = list(csv.reader(io.StringIO(stats_csv(figures(dispatched), taxonomy=None))))
    assert rows[0][-2:] == ["dispatch_late", "dispatch_late_share"]
    assert rows[0][2:-2] == list(FIGURES[:-2])  # directorate, name, then the contract's
    assert rows[-1][0] == "total" and rows[-1][-2:] == ["3", "0.75"]
