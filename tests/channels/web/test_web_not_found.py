"""An unknown path gets a small 404 page in the citizen's language, not Werkzeug's English."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from tests.staffkit import app_for


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return app_for(ctx).test_client()


def test_unknown_path_is_an_arabic_404_page_by_default(client: FlaskClient) -> None:
    response = client.get("/foo")
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in page and "الصفحة غير موجودة" in page


def test_unknown_path_follows_accept_language(client: FlaskClient) -> None:
    response = client.get("/foo", headers={"Accept-Language": "en-GB,en;q=0.9"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert '<html lang="en" dir="ltr">' in page and "Page not found" in page


def test_unknown_path_follows_the_language_chosen_on_the_site(client: FlaskClient) -> None:
    client.get("/report?lang=en")  # the citizen switched to English earlier
    page = client.get("/foo", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert "Page not found" in page


def test_not_found_page_links_the_form_and_keeps_security_headers(client: FlaskClient) -> None:
    response = client.get("/foo/bar?lang=en")
    assert 'href="/report?lang=ar"' in response.get_data(as_text=True)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_api_and_open311_paths_keep_their_own_error_shapes(client: FlaskClient) -> None:
    api = client.get("/api/nothing")
    open311 = client.get("/open311/v2/nothing")
    assert api.status_code == open311.status_code == 404
    assert api.get_json()["error"]["code"] == "not_found"
    assert open311.get_json()[0]["code"] == 404
