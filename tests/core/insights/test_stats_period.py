"""The statistics period: dates refused clearly, never all-time figures under an error."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from flask.testing import FlaskClient

from core.context import Context
from core.errors import InputError
from core.insights.stats import parse_period
from core.routing.types import UnroutedRouter
from tests.staffkit import app_for, bearer, choose_language, login, new_ticket, the_roles, token_for

MUSCAT = ZoneInfo("Asia/Muscat")


@pytest.fixture
def app(ctx: Context) -> Flask:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    new_ticket(ctx, "Pothole", category="road_damage")
    return app_for(ctx)


def supervisor(app: Flask, lang: str = "en") -> FlaskClient:
    client = app.test_client()
    assert login(client, "super@mct.om").status_code == 302
    choose_language(client, lang)
    return client


def test_start_after_end_is_refused_with_both_dates() -> None:
    with pytest.raises(InputError) as refused:
        parse_period("2025-02-01", "2025-01-31", MUSCAT)
    assert str(refused.value) == "'since' (2025-02-01) must not be after 'until' (2025-01-31)."
    assert refused.value.key == "period_reversed"


def test_a_single_day_is_a_valid_period() -> None:
    since, until = parse_period("2025-01-31", "2025-01-31", MUSCAT)
    assert since is not None and until is not None
    assert (until - since).days == 1


def test_bad_date_keeps_its_english_message_and_gets_a_key() -> None:
    with pytest.raises(InputError) as refused:
        parse_period(None, "soon", MUSCAT)
    assert str(refused.value) == "'until' must be a date like 2025-01-31 (got 'soon')."
    assert (refused.value.key, refused.value.params) == ("bad_until", {"value": "soon"})


def test_stats_page_with_a_bad_date_shows_no_totals(app: Flask) -> None:
    response = supervisor(app).get("/inbox/stats?until=soon")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The end date is not a date" in page
    assert "Total:" not in page and 'class="stats"' not in page


def test_stats_page_refuses_a_start_after_the_end_in_arabic(app: Flask) -> None:
    response = supervisor(app, "ar").get("/inbox/stats?since=2025-02-01&until=2025-01-31")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "تاريخ البداية (<bdi>2025-02-01</bdi>) بعد تاريخ النهاية (<bdi>2025-01-31</bdi>)" in page
    assert "المجموع" not in page
    assert 'value="2025-02-01"' in page  # the dates typed stay in the form to correct


def test_stats_page_with_a_valid_period_shows_its_totals(app: Flask) -> None:
    response = supervisor(app).get("/inbox/stats?since=2000-01-01&until=2999-12-31")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Total: <strong>1</strong>" in page


def test_api_refuses_a_start_after_the_end_with_a_400_naming_both_dates(
    ctx: Context, app: Flask
) -> None:
    """As the inbox and the command line do: it used to answer every figure 0, which read as
    a period without reports."""
    response = app.test_client().get(
        "/api/v1/stats?since=2025-02-01&until=2025-01-31",
        headers=bearer(token_for(ctx, "super@mct.om")),
    )
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "period_reversed"
    assert error["message"] == "'since' (2025-02-01) must not be after 'until' (2025-01-31)."


def test_arabic_indic_digits_in_dates_are_read_as_digits() -> None:
    assert parse_period("٢٠٢٥-٠١-٠١", "۲۰۲۵-۰۱-۳۱", MUSCAT) == parse_period(
        "2025-01-01", "2025-01-31", MUSCAT
    )


def test_api_takes_dates_written_in_arabic_indic_digits(ctx: Context, app: Flask) -> None:
    response = app.test_client().get(
        "/api/v1/stats?since=٢٠٠٠-٠١-٠١&until=٢٩٩٩-١٢-٣١",
        headers=bearer(token_for(ctx, "super@mct.om")),
    )
    assert response.status_code == 200
    assert response.get_json()["totals"]["tickets"] == 1


@pytest.mark.parametrize(
    ("since", "until", "key"),
    [
        ("0001-01-01T00:00:00+05:00", None, "bad_since"),  # before year 1 in UTC
        (None, "9999-12-31T23:59:59-05:00", "bad_until"),  # after year 9999 in UTC
    ],
)
def test_a_time_outside_the_calendar_in_utc_is_refused_as_a_bad_date(
    since: str | None, until: str | None, key: str
) -> None:
    """Such a time parses, but cannot be compared with the stored (UTC) times: it used to
    reach the database and fail there (a 500 on the research export)."""
    with pytest.raises(InputError) as refused:
        parse_period(since, until, MUSCAT)
    assert refused.value.key == key


def test_research_export_with_a_time_outside_the_calendar_is_a_clear_400(app: Flask) -> None:
    response = supervisor(app).get(
        "/inbox/dashboard/research.csv?since=0001-01-01T00:00:00%2B05:00"
    )
    assert response.status_code == 400
    assert "The start date is not a date" in response.get_data(as_text=True)
