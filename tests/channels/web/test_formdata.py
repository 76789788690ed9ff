"""Form bodies as the app reads them (channels/web/formdata.py): invalid UTF-8 in a
URL-encoded form costs the invalid bytes, never the form; a body that cannot be parsed at all
is a 400 saying so, never "the form has expired"."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from channels.web.citizen.texts import text
from core.context import Context
from core.models import Contact, Message
from tests.citizen_web import make_app, open_form, reference_of, status_link, submit


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


@pytest.mark.parametrize("invalid", [b"\xff\xfe", b"%FF%FE"], ids=["raw", "percent-encoded"])
def test_invalid_utf8_in_one_field_of_a_url_encoded_report_is_replaced_and_the_rest_kept(
    ctx: Context, client: FlaskClient, invalid: bytes
) -> None:
    """One raw invalid byte made Werkzeug drop the whole form: the citizen was told the form
    had expired, every field empty, and nothing was stored."""
    tokens = open_form(client, "en")
    fields = {
        **tokens,
        "name": "Salim Al-Harthy",
        "email": "salim@example.om",
        "address": "Way 3021, Ruwi",
    }
    body = "&".join(f"{key}={quote(value)}" for key, value in fields.items()).encode()
    body += b"&description=Water+leaking+" + invalid + b"+from+the+pipe+near+the+roundabout"
    response = client.post(
        "/report?lang=en", data=body, content_type="application/x-www-form-urlencoded"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    reference_of(page)
    with ctx.sessions() as session:
        text = session.execute(select(Message.text).where(Message.direction == "in")).scalar_one()
        name = session.execute(select(Contact.name)).scalar_one()
    assert text == "Water leaking \ufffd\ufffd from the pipe near the roundabout"
    assert name == "Salim Al-Harthy"


def _report_fields(client: FlaskClient) -> dict[str, str]:
    return {
        **open_form(client, "en"),
        "name": "Salim Al-Harthy",
        "email": "salim@example.om",
        "description": "Water leaking from the pipe near the roundabout",
    }


def _multipart(fields: dict[str, str], boundary: str = "b0undary") -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
        for key, value in fields.items()
    ]
    return ("".join(parts) + f"--{boundary}--\r\n").encode()


UNREADABLE_BODIES = {
    # multipart without a boundary parameter: Werkzeug cannot find the parts
    "missing-boundary": lambda body: (body, "multipart/form-data"),
    # the header names another boundary than the body uses
    "wrong-boundary": lambda body: (body, "multipart/form-data; boundary=other"),
    # the connection dropped in the middle of a part
    "truncated": lambda body: (body[: len(body) // 2], "multipart/form-data; boundary=b0undary"),
    # a URL-encoded form sent as text/plain: Werkzeug reads no form at all
    "wrong-content-type": lambda body: (None, "text/plain"),
}


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind", list(UNREADABLE_BODIES))
def test_a_report_whose_body_cannot_be_parsed_is_a_400_asking_to_send_it_again(
    ctx: Context, client: FlaskClient, kind: str, lang: str
) -> None:
    """Werkzeug handed the view an empty form: the citizen was told the form had expired."""
    fields = _report_fields(client)
    body, content_type = UNREADABLE_BODIES[kind](_multipart(fields))
    if body is None:
        body = "&".join(f"{key}={quote(value)}" for key, value in fields.items()).encode()
    response = client.post(f"/report?lang={lang}", data=body, content_type=content_type)
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page
    assert text("csrf_title", lang) not in page
    assert text("unreadable_title", lang) in page
    with ctx.sessions() as session:
        assert session.execute(select(Message)).first() is None


def test_a_well_formed_multipart_report_is_still_stored(ctx: Context, client: FlaskClient) -> None:
    """The check refuses only bodies that cannot be parsed."""
    body = _multipart(_report_fields(client))
    response = client.post(
        "/report?lang=en", data=body, content_type="multipart/form-data; boundary=b0undary"
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    reference_of(response.get_data(as_text=True))


def test_a_status_page_reply_whose_body_cannot_be_parsed_is_the_unreadable_page(
    client: FlaskClient,
) -> None:
    page = submit(
        client,
        "en",
        name="Salim Al-Harthy",
        email="salim@example.om",
        description="Water leaking from the pipe near the roundabout",
    ).get_data(as_text=True)
    link = status_link(page)
    response = client.post(link, data=b"--x\r\nbroken", content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page
    assert text("unreadable_title", "en") in page


def test_a_staff_sign_in_whose_body_cannot_be_parsed_is_a_400_saying_so(
    client: FlaskClient,
) -> None:
    response = client.post(
        "/inbox/login", data=b"--x\r\nbroken", content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page
    assert "The form arrived damaged or incomplete" in page
    assert "تعذّرت قراءة النموذج" in page
