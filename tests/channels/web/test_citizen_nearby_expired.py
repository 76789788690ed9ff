"""The form's "similar reports nearby" question recovers once the page outlived its CSRF token.

Before, the script's POST /report/nearby got the HTML "form expired" page, read nothing and
showed nothing, for the rest of the page's life. Now the JSON answer says the token expired
and carries a fresh one, which the script keeps and asks with once more.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from tests.citizen_web import make_app, open_form
from tests.conftest import two_hours_later
from tests.incident_support import FLOOD, offset, report

PIN = offset(150, 0)


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def place(token: str) -> dict[str, str]:
    return {"csrf_token": token, "lat": str(PIN[0]), "lon": str(PIN[1]), "category": FLOOD}


def test_expired_token_is_a_json_answer_with_a_fresh_token_that_works(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = report(ctx, 100, 0, text="Flooded street")
    old = open_form(client, "en")["csrf_token"]
    two_hours_later(monkeypatch)
    refused = client.post("/report/nearby?lang=en", data=place(old))
    assert refused.status_code == 400 and refused.mimetype == "application/json"
    answer = refused.get_json()
    assert answer["error"] == "csrf_expired" and answer["csrf_token"] not in ("", old)
    again = client.post("/report/nearby?lang=en", data=place(answer["csrf_token"]))
    assert again.status_code == 200
    assert [item["choice"] for item in again.get_json()["items"]] == [other]


def test_another_sites_post_gets_no_fresh_token(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = open_form(client, "en")["csrf_token"]
    two_hours_later(monkeypatch)
    refused = client.post(
        "/report/nearby?lang=en", data=place(old), headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert refused.status_code == 400 and refused.mimetype == "text/html"
    assert refused.get_json(silent=True) is None and "csrf_expired" not in refused.text
