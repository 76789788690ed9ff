"""A citizen form refused for its CSRF token (the page left open past the hour) keeps what was typed.

Before, the refusal was a page saying "open the form again": a long description, a message or
a rating comment was gone. Now the same form comes back with the text in its fields, a fresh
token and a note saying why, in the page's language; a post from another site still gets the
bare refusal, echoing nothing.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.context import Context
from core.models import InboundRecord, Message, Status, Ticket
from core.workflow.transitions import SYSTEM_ACTOR, Actor, transition
from tests.citizen_web import hidden, jpeg, make_app, open_form, status_link, submit, upload
from tests.conftest import two_hours_later

STAFF = Actor(name="dispatcher@balagh.test", role="dispatcher")
TYPED_AR = 'حفرة عميقة أمام مدرسة الخوض <b>"منذ أسبوع"</b> & تتضرر منها السيارات'
TYPED_AR_ESCAPED = (
    "حفرة عميقة أمام مدرسة الخوض &lt;b&gt;&#34;منذ أسبوع&#34;&lt;/b&gt; &amp; تتضرر منها السيارات"
)


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def field_value(html: str, name: str) -> str | None:
    found = re.search(rf'<input[^>]*\bname="{name}"[^>]*\bvalue="([^"]*)"', html)
    return found.group(1) if found else None


def textarea(html: str, name: str) -> str | None:
    found = re.search(rf'<textarea[^>]*\bname="{name}"[^>]*>(.*?)</textarea>', html, re.S)
    return found.group(1) if found else None


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_expired_report_form_comes_back_with_everything_typed_in_arabic(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = open_form(client, "ar")
    two_hours_later(monkeypatch)
    fields = {
        "description": TYPED_AR,
        "category": "road_damage",
        "address": "الخوض، السكة 4512",
        "lat": "23.58",
        "lon": "58.40",
        "name": "سالم",
        "email": "salim@example.om",
        "phone": "9123 4567",
    }
    response = client.post("/report", data={**tokens, **fields})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in html
    assert "انتهت صلاحية النموذج" in html and "لم يضِع شيء مما كتبتموه" in html
    assert textarea(html, "description") == TYPED_AR_ESCAPED
    assert '<option value="road_damage" selected>' in html
    for name in ("address", "lat", "lon", "name", "email"):
        assert field_value(html, name) == fields[name]
    assert field_value(html, "phone") == "9123 4567"
    assert hidden(html, "submission") == tokens["submission"]  # the retry is the same report
    assert hidden(html, "csrf_token") != tokens["csrf_token"]
    assert count(ctx, InboundRecord) == 0


def test_expired_report_sent_again_with_the_fresh_token_becomes_one_ticket(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = open_form(client, "en")
    two_hours_later(monkeypatch)
    refused = client.post(
        "/report?lang=en",
        data={
            **tokens,
            "description": "Streetlight out on Way 3021",
            "photos": [upload(jpeg(), "p.jpg")],
        },
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "The form has expired" in refused and "Please attach your photos again." in refused
    again = {
        "csrf_token": hidden(refused, "csrf_token"),
        "submission": hidden(refused, "submission"),
    }
    response = client.post(
        "/report?lang=en", data={**again, "description": "Streetlight out on Way 3021"}
    )
    assert response.status_code == 200
    assert count(ctx, Ticket) == 1


def test_expired_report_from_another_site_echoes_nothing(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = open_form(client, "en")
    two_hours_later(monkeypatch)
    response = client.post(
        "/report?lang=en",
        data={**tokens, "description": "Visit evil.example for your refund"},
        headers={"Origin": "https://evil.example"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form has expired" in html and "evil.example" not in html


def test_expired_report_posted_by_a_browser_under_no_referrer_comes_back(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages' Referrer-Policy makes the browser post with `Origin: null`; its
    Sec-Fetch-Site still says the form is ours."""
    tokens = open_form(client, "en")
    two_hours_later(monkeypatch)
    response = client.post(
        "/report?lang=en",
        data={**tokens, "description": "Streetlight out on Way 3021"},
        headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert textarea(html, "description") == "Streetlight out on Way 3021"


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_expired_report_a_browser_says_came_from_elsewhere_echoes_nothing(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, site: str
) -> None:
    tokens = open_form(client, "en")
    two_hours_later(monkeypatch)
    response = client.post(
        "/report?lang=en",
        data={**tokens, "description": "Visit evil.example for your refund"},
        headers={"Origin": "null", "Sec-Fetch-Site": site},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form has expired" in html and "evil.example" not in html


def report_link(client: FlaskClient) -> str:
    page = submit(client, "en", description="Broken street light on Way 3021")
    return status_link(page.get_data(as_text=True))


def close(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        ticket.category = ctx.taxonomy.categories[0].code
        ticket.directorate = ctx.taxonomy.categories[0].directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)
        transition(ctx, session, ticket, Status.RESOLVED, STAFF, note="Fixed.")
        transition(ctx, session, ticket, Status.CLOSED, STAFF)


def test_expired_message_on_the_status_page_comes_back_in_its_box(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = report_link(client)
    page = client.get(link).get_data(as_text=True)
    two_hours_later(monkeypatch)
    typed = "It is still dark <i>every</i> night & the pole leans."
    response = client.post(
        link,
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "action": "message",
            "message": typed,
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form has expired" in html
    assert textarea(html, "message") == (
        "It is still dark &lt;i&gt;every&lt;/i&gt; night &amp; the pole leans."
    )
    with ctx.sessions() as session:
        ins = session.execute(
            select(func.count()).select_from(Message).where(Message.direction == "in")
        ).scalar_one()
    assert ins == 1  # only the report itself


def test_expired_rating_keeps_the_chosen_score_and_the_comment(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = report_link(client)
    close(ctx)
    page = client.get(link).get_data(as_text=True)
    two_hours_later(monkeypatch)
    response = client.post(
        link,
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "action": "rating",
            "rating": "4",
            "comment": "Quick & polite crew",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form has expired" in html
    assert 'name="rating" value="4" checked' in html
    assert textarea(html, "comment") == "Quick &amp; polite crew"


def test_expired_post_with_a_wrong_secret_is_the_plain_refusal(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = report_link(client)
    page = client.get(link).get_data(as_text=True)
    two_hours_later(monkeypatch)
    wrong = link.split("?k=")[0] + "?k=not-the-secret&lang=en"
    response = client.post(
        wrong, data={"csrf_token": hidden(page, "csrf_token"), "message": "hello there"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form has expired" in html and "hello there" not in html
