"""Similar reports nearby (issue 20, item 10): what the report form lists around a pin, and a
citizen's "this is my problem too" taken through core."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import text, update

from core.context import Context
from core.inbound import InboundMessage, Location, ThreadHints
from core.intake.ingest import ingest
from core.intake.nearby import NearbyReport, rough_metres, similar_nearby
from core.models import Status, Ticket
from tests.core.intake.test_per_message_cost import GROWING, captured
from tests.incident_support import BASE_LAT, BASE_LON, FLOOD, incidents, offset, report, ticket
from tests.incident_support import outbox as outbox_of

_web = count(1)


def web_report(
    ctx: Context,
    north_m: float,
    east_m: float = 0.0,
    *,
    same_problem: str | None = None,
    category: str | None = None,
) -> str:
    """A web-form report at a place, naming the report the citizen said it is."""
    n = next(_web)
    lat, lon = offset(north_m, east_m)
    return ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender=f"web:nearby-{n}",
            text="الشارع غارق بمياه الأمطار منذ الصباح",
            external_id=f"web:nearby-{n}-{datetime.now(UTC).timestamp()}",
            language_hint="ar",
            email=f"citizen{n}@example.com",
            thread=ThreadHints(new_ticket=True, same_problem=same_problem),
            location=Location(lat, lon),
            category_hint=category,
            received_at=ctx.now(),
        ),
    ).reference


def listed(ctx: Context, north_m: float = 0.0, east_m: float = 0.0) -> list[NearbyReport]:
    lat, lon = offset(north_m, east_m)
    with ctx.sessions() as session:
        return similar_nearby(ctx, session, FLOOD, lat, lon)


def test_open_reports_of_the_same_kind_near_the_pin_are_listed(ctx: Context) -> None:
    near = report(ctx, 100, 0)
    report(ctx, 120, 0, category="street_lighting")  # another kind of problem
    report(ctx, 3000, 0)  # far away
    closed = report(ctx, -100, 0)
    with ctx.sessions() as session, session.begin():
        session.execute(update(Ticket).where(Ticket.reference == closed).values(status="closed"))
    assert [r.reference for r in listed(ctx)] == [near]


def test_a_listed_report_carries_no_text_name_photo_or_coordinates(ctx: Context) -> None:
    report(ctx, 100, 0)
    [found] = listed(ctx)
    assert {f.name for f in fields(found)} == {
        "reference", "category", "status", "created_at", "metres", "reports"
    }  # fmt: skip
    assert found.status == Status.NEW and found.category == FLOOD and found.reports == 1


def test_the_distance_is_told_from_a_rounded_place_so_moving_the_pin_cannot_trace_it(
    ctx: Context,
) -> None:
    """Two reports in one rounded square read as the same distance from any pin."""
    grid_lat = round(BASE_LAT / 0.001) * 0.001 + 0.002
    grid_lon = round(BASE_LON / 0.001) * 0.001
    a = Ticket(lat=grid_lat + 0.0002, lon=grid_lon - 0.0003)
    b = Ticket(lat=grid_lat - 0.0003, lon=grid_lon + 0.0002)
    for pin in ((BASE_LAT, BASE_LON), offset(40, 70), offset(-90, 10)):
        assert rough_metres(*pin, a) == rough_metres(*pin, b)
        assert rough_metres(*pin, a) % 50 == 0


def test_reports_of_one_incident_are_listed_once_with_their_number(ctx: Context) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0)
    [incident] = incidents(ctx)
    [found] = listed(ctx, 10, 0)
    assert found.reports == 3
    assert found.reference in [t.reference for t in incident.tickets]


def test_spam_and_old_reports_are_not_listed(ctx: Context) -> None:
    spam, old = report(ctx, 10, 0), report(ctx, 20, 0)
    with ctx.sessions() as session, session.begin():
        session.execute(update(Ticket).where(Ticket.reference == spam).values(not_for_us="spam"))
        session.execute(
            update(Ticket)
            .where(Ticket.reference == old)
            .values(created_at=ctx.now() - timedelta(days=40))
        )
    assert listed(ctx) == []


def test_my_problem_too_joins_the_incident_with_its_own_reference_and_acknowledgement(
    ctx: Context,
) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0)
    [shown] = listed(ctx, 200, 0)
    mine = web_report(ctx, 200, 0, same_problem=shown.reference)  # no category chosen
    [incident] = incidents(ctx)
    assert mine in [t.reference for t in incident.tickets]
    joined = ticket(ctx, mine)
    assert joined.category == FLOOD  # the named report's kind stood for the citizen's choice
    assert [e.data["how"] for e in joined.events if e.kind == "incident_joined"] == ["citizen"]
    assert mine in [i.payload["reference"] for i in outbox_of(ctx, "ack_incident")]


def test_my_problem_too_without_an_incident_is_suggested_to_staff_on_both_tickets(
    ctx: Context,
) -> None:
    other = report(ctx, 0, 0)
    mine = web_report(ctx, 120, 0, same_problem=other, category=FLOOD)
    created = ticket(ctx, mine)
    assert created.routing is not None
    assert created.routing["duplicates"][0]["reference"] == other
    assert created.routing["duplicates"][0]["reason"] == "citizen"
    related = [e.data for e in ticket(ctx, other).events if e.kind == "possibly_related"]
    assert related == [{"reference": mine, "by": "citizen"}]
    assert mine in [i.payload["reference"] for i in outbox_of(ctx, "ack")]
    assert incidents(ctx) == []


@pytest.mark.parametrize("why", ["far", "closed", "other kind", "unknown"])
def test_a_claim_the_form_would_not_have_offered_is_set_aside(ctx: Context, why: str) -> None:
    other = report(ctx, 2000 if why == "far" else 0, 0)
    if why == "closed":
        with ctx.sessions() as session, session.begin():
            session.execute(update(Ticket).where(Ticket.reference == other).values(status="closed"))
    category = "street_lighting" if why == "other kind" else None
    named = "MCT-999999" if why == "unknown" else other
    mine = ticket(ctx, web_report(ctx, 50, 0, same_problem=named, category=category))
    assert mine.routing is not None
    assert all(d["reason"] != "citizen" for d in mine.routing["duplicates"])
    assert not [e for e in mine.events if e.kind == "possibly_related"]


def test_listing_issues_the_same_queries_with_few_or_many_reports(ctx: Context) -> None:
    for north in (0, 30, 60, 500):
        report(ctx, north, 0)

    def selects() -> int:
        with captured(ctx) as statements:
            listed(ctx)
        return len([s for s, _ in statements if s.lstrip().upper().startswith("SELECT")])

    few = selects()
    for n in range(30):
        report(ctx, 700 + 10 * n, 0)
    assert selects() == few <= 2


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # plans are PostgreSQL's
def test_listing_on_postgresql_uses_indexes(ctx: Context, database_url: str) -> None:
    for north in (0, 30, 60, 100):
        report(ctx, north, 0)
    with captured(ctx) as statements:
        listed(ctx)
    scans = []
    with ctx.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        for statement, parameters in statements:
            plan = "\n".join(
                row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters)
            )
            scans += [t for t in GROWING if f"Seq Scan on {t}" in plan]
    assert scans == []
