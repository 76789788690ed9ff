"""The supervisors' daily digest and the weekly retraining job."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.context import Context
from core.digest import build_digest, retrain_routing, send_digest
from core.followup import watch_sla
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
    monkeypatch.setattr("core.retrain.retrain", lambda c: calls.append(c) or Result())
    assert retrain_routing(ctx) == "corrections 3; switched in"
    assert calls == [ctx]
