"""Form bodies as the app reads them (channels/web/formdata.py): invalid UTF-8 in a
URL-encoded form costs the invalid bytes, never the form."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Contact, Message
from tests.citizen_web import make_app, open_form, reference_of


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
