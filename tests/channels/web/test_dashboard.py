"""The supervisors' dashboard: who may open it, what it shows, trends with known answers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from markupsafe import Markup, escape

from channels.web.inbox.i18n import translate
from channels.web.inbox.insights import zone_name
from core.context import Context
from core.inbound import Location
from core.insights.stats import Period
from core.insights.trends import bucket_size, map_points, trends
from core.models import Ticket
from core.routing.types import UnroutedRouter
from core.tickets import ticket_by_reference
from tests.staffkit import app_for, bearer, new_ticket, signed_in, the_roles, token_for

MONDAY = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)


def place(ctx: Context, ref: str, created: datetime, **fields: object) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        ticket.created_at = created
        for name, value in fields.items():
            setattr(ticket, name, value)


@pytest.fixture
def week(ctx: Context) -> Context:
    """Roads: two on Monday (replied after 2 h and 4 h), one on Wednesday; health: one Monday."""
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    spot = Location(lat=23.588, lon=58.383)
    a = new_ticket(ctx, "Pothole", category="road_damage", location=spot)
    b = new_ticket(ctx, "Another pothole", category="road_damage", location=spot)
    c = new_ticket(ctx, "Lamp out", category="street_lighting")
    d = new_ticket(ctx, "Rats", category="pest_control", channel="email", location=spot)
    place(ctx, a, MONDAY, first_response_at=MONDAY + timedelta(hours=2))
    place(ctx, b, MONDAY + timedelta(hours=1), first_response_at=MONDAY + timedelta(hours=5))
    place(ctx, c, MONDAY + timedelta(days=2))
    place(ctx, d, MONDAY + timedelta(hours=3))
    return ctx


def test_trends_count_tickets_per_day_and_directorate_with_empty_days(week: Context) -> None:
    with week.sessions() as session:
        start = datetime(2025, 3, 3, tzinfo=ZoneInfo("Asia/Muscat"))  # the centre's Monday
        result = trends(session, start, start + timedelta(days=4), now=MONDAY)
    assert result["bucket"] == "day"
    assert result["labels"] == ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"]
    assert result["tickets"] == {"health": [1, 0, 0, 0], "roads": [2, 0, 1, 0]}
    assert result["medians"]["first_response_hours"] == [3.0, None, None, None]


def test_a_long_period_is_shown_per_week_starting_monday(week: Context) -> None:
    since = datetime(2025, 1, 1, tzinfo=UTC)
    with week.sessions() as session:
        result = trends(session, since, datetime(2025, 4, 1, tzinfo=UTC), now=MONDAY)
    assert result["bucket"] == "week" == bucket_size(Period(since, None), MONDAY + timedelta(90))
    i = result["labels"].index("2025-03-03")
    assert result["tickets"]["roads"][i] == 3 and sum(result["tickets"]["roads"]) == 3


def test_filters_narrow_trends_and_map_alike(week: Context) -> None:
    with week.sessions() as session:
        email = trends(session, None, None, channel="email", now=MONDAY + timedelta(days=3))
        points = map_points(session, None, None, category="road_damage")
    assert list(email["tickets"]) == ["health"]
    assert len(points) == 2 and {p["category"] for p in points} == {"road_damage"}


def test_dashboard_is_for_supervisors_and_administrators(week: Context) -> None:
    app = app_for(week)
    for email, status in (("super@mct.om", 200), ("admin@mct.om", 200), ("disp@mct.om", 404),
                          ("roads@mct.om", 404)):  # fmt: skip
        assert signed_in(app, email).get("/inbox/dashboard").status_code == status, email


def test_dashboard_shows_table_charts_map_and_keeps_filters(week: Context) -> None:
    app: Flask = app_for(week)
    page = (
        signed_in(app, "super@mct.om")
        .get("/inbox/dashboard?since=2025-03-01&until=2025-03-31&channel=telegram")
        .get_data(as_text=True)
    )
    assert 'table class="stats figures" data-group-by="directorate"' in page
    assert 'id="chart-tickets"' in page and 'id="chart-medians"' in page and 'id="map"' in page
    assert 'value="2025-03-01"' in page and '<option value="telegram" selected>' in page
    assert "Total: <strong>3</strong>" in page  # the email ticket is filtered out
    assert "/static/vendor/leaflet/leaflet.js" in page


def test_dashboard_offers_the_research_export_of_its_period(week: Context) -> None:
    client = signed_in(app_for(week), "super@mct.om")
    response = client.get("/inbox/dashboard/research.csv?since=2025-03-04&until=2025-03-31")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [r["created_day"] for r in rows] == ["2025-03-05"]
    assert "MCT-" not in response.get_data(as_text=True)
    denied = signed_in(app_for(week), "disp@mct.om").get("/inbox/dashboard/research.csv")
    assert denied.status_code == 404


def test_department_staff_count_only_their_directorate(week: Context) -> None:
    page = signed_in(app_for(week), "health@mct.om").get("/inbox/stats").get_data(as_text=True)
    assert 'data-key="health"' in page and 'data-key="roads"' not in page
    assert "Total: <strong>1</strong>" in page


def test_stats_refuses_an_unknown_grouping(week: Context) -> None:
    response = signed_in(app_for(week), "super@mct.om").get("/inbox/stats?group_by=mood")
    assert response.status_code == 400 and "Cannot group by" in response.get_data(as_text=True)


def test_a_ticket_without_location_is_not_on_the_map(week: Context) -> None:
    with week.sessions() as session:
        located = session.query(Ticket).filter(Ticket.lat.is_not(None)).count()
        assert len(map_points(session, None, None)) == located == 3


def test_api_stats_for_department_staff_cover_their_directorate_only(week: Context) -> None:
    client = app_for(week).test_client()
    body = client.get(
        "/api/v1/stats?group_by=category", headers=bearer(token_for(week, "roads@mct.om"))
    ).get_json()
    assert body["group_by"] == "category" and body["totals"]["tickets"] == 3
    assert {g["key"] for g in body["groups"]} == {"road_damage", "street_lighting", "traffic_signs"}
    bad = client.get("/api/v1/stats?group_by=mood", headers=bearer(token_for(week, "super@mct.om")))
    assert bad.status_code == 422


def test_dashboard_without_dates_shows_the_last_30_days(week: Context) -> None:
    week.now = lambda: MONDAY + timedelta(days=40)  # type: ignore[method-assign]
    page = signed_in(app_for(week), "super@mct.om").get("/inbox/dashboard").get_data(as_text=True)
    assert 'name="since" value="2025-03-14"' in page
    assert "Total: <strong>0</strong>" in page  # the week's tickets are older than that


@pytest.mark.parametrize(
    ("path", "lang", "words"),
    [
        ("/inbox/dashboard", "en", "Figures from <bdi>14 March 2025</bdi> to now."),
        ("/inbox/dashboard", "ar", "الأرقام من <bdi>14 مارس 2025</bdi> حتى الآن."),
        (
            "/inbox/stats?since=2025-11-08&until=2025-12-07",
            "ar",
            "الأرقام من <bdi>8 نوفمبر 2025</bdi> إلى <bdi>7 ديسمبر 2025</bdi>.",
        ),
        ("/inbox/stats?until=2025-12-07", "en", "Figures from the first ticket to <bdi>7 December"),
        ("/inbox/stats", "ar", "الأرقام منذ أول بلاغ حتى الآن."),
    ],
)
def test_the_period_is_said_in_words_not_left_to_the_date_boxes(
    week: Context, path: str, lang: str, words: str
) -> None:
    """A date box shows its day as the browser's locale writes it: the dashboard's default
    start, 2025-03-14, read "03/14/2025" in an American browser, and 2025-11-08 "11/08/2025",
    8 November to the browser and 11 August to a reader in Oman."""
    week.now = lambda: MONDAY + timedelta(days=40)  # type: ignore[method-assign]
    page = signed_in(app_for(week), "super@mct.om", language=lang).get(path)
    assert words in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/inbox/stats", "en"), ("/inbox/stats", "ar"), ("/inbox/dashboard", "ar")],
)
def test_the_period_says_its_days_are_the_centres_days_in_its_time_zone(
    week: Context, path: str, lang: str
) -> None:
    """A period's days are the centre's (Muscat), as every time the inbox shows: a ticket
    shown as created at 00:30 on the 7th counts on the 7th. The dates name the zone in the
    page's words (Babel's name), not by its database key "Asia/Muscat"."""
    page = signed_in(app_for(week), "super@mct.om", language=lang).get(path)
    html = page.get_data(as_text=True)
    zone = {"en": "Oman Time", "ar": "توقيت عُمان"}[lang]
    words = escape(translate("period_days_local", lang)).format(
        zone=Markup("<bdi>{}</bdi>").format(zone)
    )
    assert words in html
    assert "Asia/Muscat" not in html
    assert 'aria-describedby="period-days"' in html


@pytest.mark.parametrize(
    ("key", "lang", "name"),
    [
        ("Asia/Muscat", "ar", "توقيت عُمان"),
        ("Asia/Dubai", "en", "United Arab Emirates Time"),
        ("UTC", "ar", "التوقيت العالمي المنسق"),
        ("Etc/UTC", "en", "Coordinated Universal Time"),
    ],
)
def test_a_time_zone_reads_in_the_pages_words(key: str, lang: str, name: str) -> None:
    assert zone_name(ZoneInfo(key), lang) == name
