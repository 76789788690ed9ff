"""An inbox form refused for its CSRF token (page open past the limit, or signed out).

The refusal is a page in the staff member's language, in the inbox layout, and what they typed
is not lost: a reply or note comes back in its box on the ticket page with a fresh token.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Message, OutboxItem, User
from core.routing.types import UnroutedRouter
from core.staff.incident_actions import open_by_hand
from core.staff.permissions import staff_from_user
from tests.conftest import two_hours_later
from tests.staffkit import (
    CSRF_RE,
    app_for,
    csrf_token,
    make_staff,
    new_ticket,
    signed_in,
    the_roles,
)

TYPED = 'The team comes on Sunday <b>"morning"</b> & will call first.'
TYPED_ESCAPED = (
    "The team comes on Sunday &lt;b&gt;&#34;morning&#34;&lt;/b&gt; &amp; will call first."
)


def box_text(html: str, box_id: str) -> str | None:
    """The (escaped) text inside the textarea with that id, whatever its other attributes."""
    found = re.search(rf'<textarea[^>]*\bid="{box_id}"[^>]*>(.*?)</textarea>', html, re.S)
    return found.group(1) if found else None


@pytest.fixture
def app(ctx: Context) -> Flask:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    make_staff(ctx, "arabic@mct.om", "agent", language="ar")
    return app_for(ctx)


def post_after_expiry(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, page: str, path: str, data: dict
):  # type: ignore[no-untyped-def]
    """Take the token from `page`, let it expire, then post the form with it."""
    token = csrf_token(client, page)
    two_hours_later(monkeypatch)
    return client.post(path, data={**data, "csrf_token": token})


def replies(ctx: Context) -> list[OutboxItem]:
    with ctx.sessions() as session:
        return list(session.execute(select(OutboxItem).where(OutboxItem.kind == "reply")).scalars())


def test_expired_reply_comes_back_in_the_reply_box_in_the_staff_language(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = new_ticket(ctx, "Pothole on Way 12")
    client = signed_in(app, "arabic@mct.om", language=None)
    page = f"/inbox/t/{ref}"
    response = post_after_expiry(client, monkeypatch, page, f"{page}/reply", {"text": TYPED})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in html
    assert "لم يُرسَل شيء" in html and "CSRF" not in html
    assert box_text(html, "reply-text") == TYPED_ESCAPED
    assert replies(ctx) == []


def test_reply_kept_after_expiry_can_be_sent_from_the_page_it_came_back_on(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = new_ticket(ctx, "Pothole on Way 12")
    client = signed_in(app, "agent@mct.om", language=None)
    page = f"/inbox/t/{ref}"
    refused = post_after_expiry(client, monkeypatch, page, f"{page}/reply", {"text": TYPED})
    fresh = CSRF_RE.search(refused.get_data(as_text=True))
    assert fresh is not None
    again = client.post(f"{page}/reply", data={"text": TYPED, "csrf_token": fresh.group(1)})
    assert again.status_code == 302
    assert [TYPED in item.payload["text"] for item in replies(ctx)] == [True]


def test_expired_note_comes_back_in_the_note_box(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = new_ticket(ctx, "Pothole on Way 12")
    client = signed_in(app, "agent@mct.om", language=None)
    page = f"/inbox/t/{ref}"
    response = post_after_expiry(client, monkeypatch, page, f"{page}/note", {"text": TYPED})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nothing was sent" in html
    assert box_text(html, "note-text") == TYPED_ESCAPED
    with ctx.sessions() as session:
        assert session.execute(select(Message).where(Message.text == TYPED)).first() is None


def test_signed_out_staff_see_what_they_typed_to_copy_and_a_sign_in_link(
    ctx: Context, app: Flask
) -> None:
    ref = new_ticket(ctx, "Pothole on Way 12")
    client = app.test_client()  # the session (and its CSRF secret) is gone
    response = client.post(
        f"/inbox/t/{ref}/reply", data={"text": TYPED}, headers={"Accept-Language": "en"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="en" dir="ltr">' in html and "The form has expired" in html
    assert TYPED_ESCAPED in html and TYPED not in html
    assert "/inbox/login?next=" in html
    assert replies(ctx) == []


def test_form_posted_from_another_site_echoes_nothing(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole on Way 12")
    response = app.test_client().post(
        f"/inbox/t/{ref}/reply",
        data={"text": "Send this to the citizen"},
        headers={"Origin": "https://elsewhere.example"},
    )
    assert response.status_code == 400
    assert "Send this to the citizen" not in response.get_data(as_text=True)


def test_expired_sign_in_form_shows_the_sign_in_page_again_without_the_password(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = app.test_client()
    data = {"email": "agent@mct.om", "password": "correct horse battery"}
    response = post_after_expiry(client, monkeypatch, "/inbox/login", "/inbox/login", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'action="/inbox/login"' in html and "correct horse battery" not in html
    assert CSRF_RE.search(html)


def test_expired_call_form_keeps_the_callers_details(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = signed_in(app, "agent@mct.om", language=None)
    data = {"phone": "+96891234567", "name": "Salim", "language": "en", "text": TYPED}
    response = post_after_expiry(client, monkeypatch, "/inbox/call", "/inbox/call", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="+96891234567"' in html and TYPED_ESCAPED in html


def test_an_expired_update_brings_back_its_reply_and_note(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = new_ticket(ctx, "Pothole on Way 12")
    client = signed_in(app, "disp@mct.om", language=None)
    page = f"/inbox/t/{ref}"
    fields = {
        "reply": TYPED,
        "note": "a note " + TYPED,
        "priority": "high",
        "was_priority": "normal",
    }
    response = post_after_expiry(client, monkeypatch, page, page, fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert box_text(html, "reply-text") == TYPED_ESCAPED
    assert box_text(html, "note-text") == "a note " + TYPED_ESCAPED
    assert replies(ctx) == []


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("reply", {"text": "نص الرد للجميع", "text_en": TYPED}),
        ("transition", {"to": "closed", "note": "أُصلح العطل", "note_en": TYPED}),
    ],
)
def test_an_expired_incident_form_gives_back_both_languages_and_a_link_to_the_incident(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch, action: str, fields: dict
) -> None:
    """The incident's reply and closing forms have an Arabic and an English box: both come
    back to copy (the English one was lost), with the way back to the incident."""
    ref = new_ticket(ctx, "Pothole on Way 12", category="road_damage")
    with ctx.sessions() as session, session.begin():
        staff = staff_from_user(
            session.execute(select(User).where(User.email == "disp@mct.om")).scalar_one()
        )
        number = open_by_hand(ctx, session, staff, [ref]).id
    client = signed_in(app, "disp@mct.om", language=None)
    page = f"/inbox/incidents/{number}"
    response = post_after_expiry(client, monkeypatch, page, f"{page}/{action}", fields)
    html = response.get_data(as_text=True)
    arabic = fields.get("text") or fields["note"]
    assert response.status_code == 400
    assert TYPED_ESCAPED in html and arabic in html
    assert f'href="{page}"' in html
