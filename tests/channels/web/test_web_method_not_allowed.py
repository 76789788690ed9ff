"""A wrong method gets the page of the part of the site it is in (citizen, inbox, API, Open311),
not Werkzeug's English 405."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from tests.staffkit import app_for, make_staff, signed_in


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return app_for(ctx).test_client()


def test_put_on_the_report_form_is_an_arabic_405_page_with_allow(client: FlaskClient) -> None:
    response = client.put("/report")
    page = response.get_data(as_text=True)
    assert response.status_code == 405 and response.mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in page and "لا يمكن استخدام هذه الصفحة" in page
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_delete_on_a_status_page_follows_the_citizens_language(client: FlaskClient) -> None:
    response = client.delete("/t/MCT-000001", headers={"Accept-Language": "en-GB,en;q=0.9"})
    page = response.get_data(as_text=True)
    assert response.status_code == 405
    assert '<html lang="en" dir="ltr">' in page and "cannot be used that way" in page
    assert "GET" in response.headers["Allow"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_other_http_error_on_a_citizen_view_is_the_citizens_page(
    ctx: Context, client: FlaskClient
) -> None:
    ctx.settings.geocoder_url = "http://127.0.0.1:9/r?lat={lat}&lon={lon}"  # never reached
    response = client.get("/report/place?lat=x&lon=y&lang=en")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert '<html lang="en" dir="ltr">' in page and "Something went wrong" in page


def test_api_and_open311_keep_their_405_shapes(client: FlaskClient) -> None:
    api = client.delete("/api/v1/tickets")
    open311 = client.put("/open311/v2/requests.xml")
    assert api.status_code == open311.status_code == 405
    assert api.get_json()["error"]["code"] == "method_not_allowed" and api.headers["Allow"]
    assert b"<code>405</code>" in open311.data and open311.headers["Allow"]


def test_get_on_an_inbox_form_action_is_the_inbox_page_in_the_staff_language(
    ctx: Context,
) -> None:
    make_staff(ctx, "agent@mct.om", "agent", language="ar")
    client = signed_in(app_for(ctx), "agent@mct.om", language=None)
    response = client.get("/inbox/filters")
    page = response.get_data(as_text=True)
    assert response.status_code == 405 and response.mimetype == "text/html"
    assert 'dir="rtl"' in page and "لا يمكن فتح هذا الرابط" in page
    assert "/inbox/" in page  # the way back to the queue
    assert response.headers["Allow"].split(", ") == ["OPTIONS", "POST"]


def test_an_inbox_405_before_signing_in_follows_the_browser_language(
    client: FlaskClient,
) -> None:
    response = client.get("/inbox/logout", headers={"Accept-Language": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 405
    assert "cannot be opened that way" in page and "Method Not Allowed" not in page


def test_the_inbox_405_page_carries_the_inbox_headers(client: FlaskClient) -> None:
    """Routing refused it before the blueprint's after_request could run: it went without
    any security header, and the app's strict default would block the inbox's stylesheet."""
    response = client.get("/inbox/logout")
    assert response.headers["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
