"""The status page speaks its ticket's language, GET and POST, whatever the browser prefers.

A citizen reports in Arabic and opens the private link later in a browser set to English (a
relative's phone, an office computer): the page, its thanks, its errors and the language hint
stored with a new message are Arabic, unless the citizen switches language on the page.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import InboundRecord, Status, Ticket
from core.workflow.transitions import SYSTEM_ACTOR, Actor, transition
from tests.citizen_web import hidden, make_app, status_link, submit

DESCRIPTION_AR = "عمود إنارة مكسور في شارع السلطان قابوس قرب دوار الوطية"
STAFF = Actor(name="dispatcher@balagh.test", role="dispatcher")


@pytest.fixture
def app(ctx: Context) -> Flask:
    return make_app(ctx)


@pytest.fixture
def link(app: Flask) -> str:
    """The private link of an Arabic report, made in an Arabic browser."""
    page = submit(app.test_client(), "ar", description=DESCRIPTION_AR).get_data(as_text=True)
    return status_link(page)


@pytest.fixture
def english_browser(app: Flask) -> FlaskClient:
    """Another browser, set to English, that has never chosen a language on the site."""
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    return client


def post_message(client: FlaskClient, link: str, message: str):  # type: ignore[no-untyped-def]
    page = client.get(link).get_data(as_text=True)
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "submission": hidden(page, "submission"),
        "action": "message",
        "message": message,
    }
    return client.post(link, data=data)


def post_rating(client: FlaskClient, link: str, rating: str):  # type: ignore[no-untyped-def]
    page = client.get(link).get_data(as_text=True)
    data = {"csrf_token": hidden(page, "csrf_token"), "action": "rating", "rating": rating}
    return client.post(link, data=data)


def close_ticket(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        ticket.category = ctx.taxonomy.categories[0].code
        ticket.directorate = ctx.taxonomy.categories[0].directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)
        transition(ctx, session, ticket, Status.RESOLVED, STAFF, note="أُصلح العمود.")
        transition(ctx, session, ticket, Status.CLOSED, STAFF)


def last_language_hint(ctx: Context) -> str | None:
    with ctx.sessions() as session:
        record = session.execute(
            select(InboundRecord).order_by(InboundRecord.id.desc()).limit(1)
        ).scalar_one()
        return record.normalized["language_hint"]


def test_arabic_ticket_opened_in_an_english_browser_is_shown_in_arabic(
    link: str, english_browser: FlaskClient
) -> None:
    page = english_browser.get(link).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page


def test_message_on_an_arabic_ticket_from_an_english_browser_is_thanked_in_arabic(
    link: str, english_browser: FlaskClient
) -> None:
    response = post_message(english_browser, link, "ما زال العمود مكسورًا")
    assert response.status_code == 302
    after = english_browser.get(link).get_data(as_text=True)
    assert "وصلتنا رسالتكم، شكرًا لكم." in after
    assert "Your message was received" not in after


def test_message_on_an_arabic_ticket_is_stored_with_the_arabic_hint(
    ctx: Context, link: str, english_browser: FlaskClient
) -> None:
    post_message(english_browser, link, "still broken, please come")
    assert last_language_hint(ctx) == "ar"


def test_rating_on_an_arabic_ticket_from_an_english_browser_is_thanked_in_arabic(
    ctx: Context, link: str, english_browser: FlaskClient
) -> None:
    close_ticket(ctx)
    assert post_rating(english_browser, link, "4").status_code == 302
    after = english_browser.get(link).get_data(as_text=True)
    assert "شكرًا لكم على تقييمكم (4 من 5)." in after
    assert "Thank you for your rating" not in after


def test_rating_without_a_choice_on_an_arabic_ticket_is_refused_in_arabic(
    ctx: Context, link: str, english_browser: FlaskClient
) -> None:
    close_ticket(ctx)
    response = post_rating(english_browser, link, "")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in page
    assert "نرجو اختيار تقييم." in page and "Please choose a rating." not in page


def test_expired_form_on_an_arabic_ticket_page_is_explained_in_arabic(
    link: str, english_browser: FlaskClient
) -> None:
    response = english_browser.post(link, data={"action": "message", "message": "hello"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in page and "انتهت صلاحية النموذج" in page


def test_citizen_who_switched_to_english_on_the_page_is_answered_in_english(
    ctx: Context, link: str, english_browser: FlaskClient
) -> None:
    english_browser.get(link + "&lang=en")  # the switch on the page, remembered in a cookie
    post_message(english_browser, link, "still broken, please come")
    after = english_browser.get(link).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in after
    assert "Your message was received. Thank you." in after
    assert last_language_hint(ctx) == "en"


def test_refused_message_is_headed_as_a_message_not_a_report(
    link: str, english_browser: FlaskClient
) -> None:
    english_browser.get(link + "&lang=en")
    page = post_message(english_browser, link, " ").get_data(as_text=True)
    assert "Your message was not sent. Please correct the following:" in page
    assert "The report was not sent" not in page


def test_refused_message_on_an_arabic_page_is_headed_as_a_message(
    link: str, english_browser: FlaskClient
) -> None:
    page = post_message(english_browser, link, " ").get_data(as_text=True)
    assert "لم تُرسَل رسالتكم. نرجو تصحيح ما يلي:" in page
    assert "لم يُرسَل البلاغ" not in page


def test_overlong_message_is_called_a_message_not_a_description(
    link: str, english_browser: FlaskClient
) -> None:
    english_browser.get(link + "&lang=en")
    response = post_message(english_browser, link, "a" * 4001)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Your message is too long; the limit is 4,000 characters." in page
    assert "description" not in page.lower()


def test_overlong_message_on_an_arabic_page_is_called_a_message(
    link: str, english_browser: FlaskClient
) -> None:
    page = post_message(english_browser, link, "ب" * 4001).get_data(as_text=True)
    assert "رسالتكم طويلة جدًا؛ الحد الأقصى 4000 حرف." in page and "الوصف" not in page


def test_refused_report_is_still_headed_as_a_report(app: Flask) -> None:
    page = submit(app.test_client(), "en", description=" ").get_data(as_text=True)
    assert "The report was not sent. Please correct the following:" in page


MIXED = "The street light near دوار الوطية is broken since last week, please fix it"


def _only_ticket(ctx: Context) -> Ticket:
    with ctx.sessions() as session:
        found = session.execute(select(Ticket)).scalar_one()
        _ = found.messages
        return found


@pytest.mark.parametrize("form_language", ["ar", "en"])
def test_a_mixed_report_is_answered_in_the_language_of_the_form_it_was_sent_from(
    ctx: Context, app: Flask, english_browser: FlaskClient, form_language: str
) -> None:
    """The detector reads these mixed words as English; from the Arabic form its status page
    (in any browser), its acknowledgement and its ticket's language (replies) were English
    too. Words wholly in one language still decide (tests/core/test_small_defects.py)."""
    page = submit(app.test_client(), form_language, description=MIXED).get_data(as_text=True)
    shown = english_browser.get(status_link(page)).get_data(as_text=True)
    direction = "rtl" if form_language == "ar" else "ltr"
    assert f'<html lang="{form_language}" dir="{direction}">' in shown
    ticket = _only_ticket(ctx)
    assert ticket.language == form_language
    [ack] = [m for m in ticket.messages if m.kind == "ack"]
    assert ack.language == form_language
    assert ("بلاغكم" in ack.text) == (form_language == "ar")
