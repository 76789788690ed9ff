"""The supervisors' daily digest and the weekly retraining job."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.context import Context
from core.followup.digest import build_digest, retrain_routing, send_digest
from core.followup.tasks import watch_sla
from core.models import Status
from tests.followup_support import (
    DISPATCHER,
    ROADS,
    T0,
    add_staff,
    assigned_ticket,
    at,
    move,
    outbox,
    ticket,
)


def busy_day(ctx: Context) -> tuple[int, int]:
    """Two road tickets at T0: one resolved the next day, one left to breach."""
    add_staff(ctx)
    done = assigned_ticket(ctx, sender="1", category="street_lighting")
    late = assigned_ticket(ctx, sender="2", category="street_lighting")  # due T0 + 48 h
    at(ctx, T0 + timedelta(hours=30))
    move(ctx, done, Status.RESOLVED, ROADS, note="Lamp replaced.")
    move(ctx, done, Status.CLOSED, DISPATCHER)
    at(ctx, T0 + timedelta(hours=49))
    watch_sla(ctx)
    return done, late


def test_digest_counts_received_resolved_breached_and_oldest_open(ctx: Context) -> None:
    _, late = busy_day(ctx)
    digest = build_digest(ctx, until=T0 + timedelta(hours=50))
    assert digest.totals == {"received": 0, "resolved": 1, "breached": 1, "open": 1}
    assert digest.rows == {"roads": {"received": 0, "resolved": 1, "breached": 1, "open": 1}}
    assert digest.oldest is not None and digest.oldest.id == late
    first_day = build_digest(ctx, until=T0 + timedelta(hours=1))
    assert first_day.totals["received"] == 2


def test_digest_is_emailed_to_each_active_supervisor(ctx: Context) -> None:
    _, late = busy_day(ctx)
    at(ctx, T0 + timedelta(hours=50))
    assert send_digest(ctx).endswith("sent to 2 supervisor(s)")
    items = outbox(ctx, "digest")
    assert sorted(i.address for i in items) == ["boss1@mct.om", "boss2@mct.om"]
    assert all(ticket(ctx, late).reference in i.payload["text"] for i in items)
    assert all(i.ticket_id is None for i in items)


def test_retrain_job_calls_routings_retrain_and_reports_its_summary(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Result:
        def summary(self) -> str:
            return "corrections 3; switched in"

    calls: list[Context] = []
    monkeypatch.setattr("core.followup.digest.retrain", lambda c: calls.append(c) or Result())
    assert retrain_routing(ctx) == "corrections 3; switched in"
    assert calls == [ctx]


MUSCAT = ZoneInfo("Asia/Muscat")


def test_daily_digest_covers_the_day_since_yesterdays_run(ctx: Context) -> None:
    until = datetime(2025, 1, 7, 7, 0, tzinfo=MUSCAT)
    digest = build_digest(ctx, until=until)
    assert digest.since == until - timedelta(hours=24)


def test_working_days_digest_on_sunday_covers_the_weekend_since_thursday(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ctx.settings, "digest_cron", "0 7 * * sun-thu")
    sunday = datetime(2025, 1, 5, 7, 0, 30, tzinfo=MUSCAT)  # the run, half a minute late
    digest = build_digest(ctx, until=sunday)
    assert digest.since == datetime(2025, 1, 2, 7, 0, tzinfo=MUSCAT)  # Thursday's run
    monday = build_digest(ctx, until=datetime(2025, 1, 6, 7, 0, tzinfo=MUSCAT))
    assert monday.since == datetime(2025, 1, 5, 7, 0, tzinfo=MUSCAT)


def test_digest_run_by_hand_between_runs_covers_from_the_previous_run_to_now(
    ctx: Context,
) -> None:
    afternoon = datetime(2025, 1, 7, 15, 0, tzinfo=MUSCAT)
    digest = build_digest(ctx, until=afternoon)
    assert digest.since == datetime(2025, 1, 6, 7, 0, tzinfo=MUSCAT)


def test_digest_email_names_the_period_it_covers(ctx: Context) -> None:
    busy_day(ctx)
    at(ctx, T0 + timedelta(hours=50))
    text = outbox_text_after_digest(ctx)
    # supervisors without a language preference read Arabic; times are Muscat's
    assert "من 2025-01-06 07:00 إلى 2025-01-07 11:00" in text


def outbox_text_after_digest(ctx: Context) -> str:
    send_digest(ctx)
    return str(outbox(ctx, "digest")[0].payload["text"])


def test_digest_carries_each_directorates_service_quality(ctx: Context) -> None:
    busy_day(ctx)  # roads: one resolved after 30 h within its 48 h, one open past its due time
    at(ctx, T0 + timedelta(hours=50))
    digest = build_digest(ctx)
    (roads,) = [g for g in digest.quality["groups"] if g["key"] == "roads"]
    assert (roads["tickets"], roads["resolution_hours_median"]) == (2, 30.0)
    assert roads["sla_met_share"] == 0.5
    send_digest(ctx)
    text = outbox(ctx, "digest")[0].payload["text"]
    assert "Service quality of the last 30 days by directorate:" not in text  # Arabic reader
    assert "جودة الخدمة في آخر 30 يومًا حسب المديرية:" in text
    assert "resolution" not in text and "وسيط الحل 30 ساعة" in text
    assert "في الموعد 50%" in text
    assert "الحدائق" not in text.split("جودة الخدمة")[1]  # directorates without tickets left out
