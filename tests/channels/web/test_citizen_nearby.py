"""Similar reports nearby on the report form (issue 20, item 10): the JSON the form's script
asks for, the plain step without JavaScript, and "this is my problem too" on submission."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Ticket
from core.routing.types import Classification
from tests.citizen_web import hidden, jpeg, make_app, open_form, reference_of
from tests.incident_support import FLOOD, incidents, offset, report

OTHER_TEXT = "Flooded street in front of house 12, call Salim on 99123456"
PIN = offset(150, 0)


class TextRouter:
    """Reads every description as a flooded street, confidently."""

    def classify(self, text: str) -> Classification:
        return Classification(category=FLOOD, directorate="drainage", confidence=0.9)


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def other_citizens_report(ctx: Context) -> str:
    """An earlier private report with a name, a number and an exact place in it."""
    return report(ctx, 100, 0, text=OTHER_TEXT, channel="email", sender="salim@example.com")


def ask(client: FlaskClient, lang: str = "en", **fields: Any) -> Any:
    data = {"csrf_token": open_form(client, lang)["csrf_token"], **fields}
    return client.post(f"/report/nearby?lang={lang}", data=data)


def test_the_form_script_gets_the_reports_nearby_in_the_pages_words(
    ctx: Context, client: FlaskClient
) -> None:
    other = other_citizens_report(ctx)
    answer = ask(client, "ar", lat=str(PIN[0]), lon=str(PIN[1]), category=FLOOD)
    assert answer.status_code == 200
    view = answer.get_json()
    assert view["state"] == "listed" and view["category"] == FLOOD
    [item] = view["items"]
    assert item["choice"] == other
    assert item["title"] == ctx.taxonomy.name(FLOOD, "ar")
    assert item["facts"][1] == "أُبلغ عنها اليوم"
    assert item["facts"][2].startswith("الحالة: ")
    assert view["message"] == "يوجد بلاغ مشابه مفتوح واحد بالقرب منكم."


def test_nothing_private_of_the_other_report_reaches_the_page(
    ctx: Context, client: FlaskClient
) -> None:
    other_citizens_report(ctx)
    with ctx.sessions() as session:
        lat, lon = session.execute(select(Ticket.lat, Ticket.lon)).one()
    body = ask(client, lat=str(PIN[0]), lon=str(PIN[1]), category=FLOOD).get_data(as_text=True)
    for secret in ("Salim", "99123456", "salim@example.com", f"{lat:.4f}", f"{lon:.4f}"):
        assert secret not in body
    assert json.loads(body)["items"]


def test_without_a_category_the_kind_is_read_from_the_description(
    ctx: Context, client: FlaskClient
) -> None:
    other_citizens_report(ctx)
    ctx.router = TextRouter()  # type: ignore[assignment]
    view = ask(client, lat=str(PIN[0]), lon=str(PIN[1]), description="Water everywhere").get_json()
    assert view["state"] == "listed" and view["category"] == FLOOD
    assert ctx.taxonomy.name(FLOOD, "en") in view["guessed"]


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"category": FLOOD}, "need_place"),
        ({"lat": "23.6", "lon": "58.4"}, "need_category"),  # the router is unsure here
        ({"lat": "abc", "lon": "58.4", "category": FLOOD}, "need_place"),
        ({"lat": "23.6", "lon": "58.4", "category": FLOOD}, "none"),
    ],
)
def test_the_script_is_told_why_nothing_is_listed(
    client: FlaskClient, fields: dict[str, str], state: str
) -> None:
    view = ask(client, **fields).get_json()
    assert view["state"] == state and view["items"] == [] and view["message"]


def test_the_script_needs_the_forms_csrf_token(client: FlaskClient) -> None:
    answer = client.post("/report/nearby", data={"lat": "23.6", "lon": "58.4"})
    assert answer.status_code == 400


def test_the_script_is_throttled(client: FlaskClient) -> None:
    token = open_form(client, "en")["csrf_token"]
    codes = [
        client.post("/report/nearby", data={"csrf_token": token}).status_code for _ in range(31)
    ]
    assert codes[:30] == [200] * 30 and codes[30] == 429


def test_without_javascript_the_step_lists_them_and_keeps_the_form(
    ctx: Context, client: FlaskClient
) -> None:
    other = other_citizens_report(ctx)
    data: dict[str, Any] = open_form(client, "en")
    data.update(
        step="nearby",
        description="",  # not yet written: no error for it at this step
        category=FLOOD,
        lat=str(PIN[0]),
        lon=str(PIN[1]),
        email="me@example.com",
        photos=[(io.BytesIO(jpeg()), "water.jpg")],
    )
    page = client.post("/report", data=data, content_type="multipart/form-data")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'value="{other}"' in html and "This is my problem too:" in html
    assert 'id="same-none"' in html and "description-error" not in html
    assert re.search(r'id="error-summary"\s+hidden', html)  # no errors at this step
    assert 'value="me@example.com"' in html
    assert hidden(html, "kept_photo")  # the photo is kept for the real submission
    with ctx.sessions() as session:
        assert len(session.execute(select(Ticket.id)).all()) == 1  # nothing new stored


def test_this_is_my_problem_too_joins_the_incident_with_an_own_reference(
    ctx: Context, client: FlaskClient
) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0)
    shown = ask(client, lat=str(PIN[0]), lon=str(PIN[1]), category=FLOOD).get_json()
    [item] = shown["items"]
    assert "Reported by 3 people" in item["facts"]
    data: dict[str, Any] = open_form(client, "en")
    data.update(
        description="The street is under water",
        lat=str(PIN[0]),
        lon=str(PIN[1]),
        same_problem=item["choice"],
    )
    page = client.post("/report", data=data, content_type="multipart/form-data")
    assert page.status_code == 200
    mine = reference_of(page.get_data(as_text=True))
    [incident] = incidents(ctx)
    assert mine in [t.reference for t in incident.tickets]


def test_a_validation_error_keeps_the_chosen_report_checked(
    ctx: Context, client: FlaskClient
) -> None:
    other = other_citizens_report(ctx)
    data: dict[str, Any] = open_form(client, "en")
    data.update(
        description="", category=FLOOD, lat=str(PIN[0]), lon=str(PIN[1]), same_problem=other
    )
    html = client.post("/report", data=data).get_data(as_text=True)
    assert re.search(rf'value="{other}" id="same-1"\s+checked', html)


@pytest.mark.parametrize(
    "fields",
    [
        {"lat": "1e999", "lon": "nan", "category": FLOOD},
        {"lat": "23.6", "lon": "58.4", "category": "x" * 5000},
        {"lat": "٢٣٫٦", "lon": "٥٨٫٤", "description": "ماء " * 20000},
        {"lat": ["1", "2"], "lon": "\x00", "category": "\u202e"},
    ],
)
def test_hostile_questions_get_an_answer_not_an_error(
    client: FlaskClient, fields: dict[str, Any]
) -> None:
    answer = ask(client, **fields)
    assert answer.status_code == 200 and answer.get_json()["items"] == []


def test_a_hostile_choice_is_no_choice(ctx: Context, client: FlaskClient) -> None:
    data: dict[str, Any] = open_form(client, "en")
    data.update(description="A pothole", same_problem="'; DROP TABLE ticket; --")
    page = client.post("/report", data=data, content_type="multipart/form-data")
    assert page.status_code == 200 and reference_of(page.get_data(as_text=True))


def test_a_json_body_is_no_form_data_and_is_answered_as_an_unreadable_form(
    client: FlaskClient, ctx: Context
) -> None:
    """Flask-WTF read a JSON body as the form: a number where a field expects text raised
    (`float.strip`) and /report/nearby answered 500 (found posting JSON to the demo). A body
    that is not form data is now the 400 that says the form could not be read (8cf5292), on
    the nearby list as on the report, and nothing is stored."""
    token = open_form(client, "en")["csrf_token"]
    fields = {"csrf_token": token, "lat": 23.6, "lon": 58.5, "description": 5, "name": ["x"]}
    headers = {"X-CSRFToken": token}
    for path in ("/report/nearby?lang=en", "/report?lang=en"):
        answer = client.post(path, json=fields, headers=headers)
        assert answer.status_code == 400, path
        assert "We could not read the form" in answer.get_data(as_text=True), path
    with ctx.sessions() as session:
        assert session.scalars(select(Ticket)).first() is None
