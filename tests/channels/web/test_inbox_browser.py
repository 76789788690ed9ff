"""One ticket worked from intake to close across the three lines, in a real Chromium.

A citizen's message is ingested on a push channel; the intake agent classifies and triages it,
the dispatcher forwards it to the department, the department resolves it with its answer and
the dispatcher closes it. Each member of staff signs in through the real login form in a
fresh browser context, against the app served by a real WSGI server on loopback. Then the
outbox runs and the citizen's channel must have received the answer, in the citizen's language.

These tests run on SQLite only: the browser adds nothing to what the PostgreSQL half of the
inbox and API tests already covers, and one backend keeps them fast.
Screenshots go to test-artifacts/; without Chromium the tests skip, except in CI (a failure).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from channels.web.inbox.i18n import translate
from core.context import Context
from core.delivery.outbox import deliver_due
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.outbound import CollectingSender
from tests.channels.web.test_web_browser import DESKTOP, shot
from tests.citizen_web import citizen_site
from tests.staffkit import PASSWORD, make_staff

pytestmark = pytest.mark.browser

AGENT, DISPATCHER, ROADS = "agent@mct.om", "disp@mct.om", "roads@mct.om"


@dataclass(frozen=True)
class Case:
    """The language under test and how that citizen reaches us."""

    lang: str
    channel: str
    sender: str
    text: str
    answer: str
    locale: str
    text_dir: str


CASES = [
    Case(
        lang="ar",
        channel="telegram",
        sender="555001",
        text="حفرة كبيرة في شارع السلطان قابوس قرب دوار الوطية تسبب خطرا على السيارات",
        answer="تم ردم الحفرة وإعادة سفلتة الشارع صباح اليوم",
        locale="ar-OM",
        text_dir="rtl",
    ),
    Case(
        lang="en",
        channel="email",
        sender="salma@example.com",
        text="There is a deep pothole on Sultan Qaboos Street near the Wattayah roundabout.",
        answer="The pothole was filled and the road resurfaced this morning.",
        locale="en-GB",
        text_dir="ltr",
    ),
]


@dataclass
class Served:
    url: str
    ctx: Context
    senders: dict[str, CollectingSender]


@pytest.fixture
def served(tmp_path: Path, sqlite_database: str) -> Iterator[Served]:
    """The web app with collecting senders on a loopback port (SQLite)."""
    senders = {"telegram": CollectingSender(), "email": CollectingSender()}
    with citizen_site(tmp_path, database_url=sqlite_database, senders=senders) as (url, ctx):
        yield Served(url, ctx, senders)


def word(key: str, lang: str) -> str:
    return translate(key, lang)


def sign_in(chromium: Any, served: Served, email: str, case: Case) -> tuple[Any, Any]:
    """A fresh browser context signed in through the login form; returns (context, page)."""
    context = chromium.new_context(viewport=DESKTOP, locale=case.locale)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{served.url}/inbox/")
    page.wait_for_url("**/inbox/login**")
    assert page.get_attribute("html", "dir") == case.text_dir
    page.get_by_label(word("email", case.lang), exact=True).fill(email)
    page.get_by_label(word("password", case.lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=word("sign_in", case.lang)).click()
    page.wait_for_url(f"{served.url}/inbox/")
    assert page.get_attribute("html", "lang") == case.lang
    assert page.get_attribute("html", "dir") == case.text_dir
    return context, page


def open_from_queue(page: Any, reference: str) -> None:
    """The ticket must be waiting in this role's queue; open it from there."""
    page.locator("table.tickets a", has_text=reference).click()
    page.wait_for_selector(".ticket-head")
    # The side panel's deferred script hides the boxes of other statuses; "load" comes after it.
    page.wait_for_load_state("load")


def update(page: Any, **fields: str) -> str:
    """Fill the side panel's fields, press its one Update; it must succeed. Returns the
    confirmation listing what changed."""
    form = page.locator("form#update-form")
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    errors = page.locator(".flash.error").all_inner_texts()
    assert not errors, errors
    return str(page.inner_text(".flash.info"))


def status_badge(page: Any) -> str:
    return str(page.inner_text(".ticket-head .badge")).strip()


@pytest.mark.parametrize("case", CASES, ids=[c.lang for c in CASES])
def test_ticket_goes_from_intake_to_close_across_roles_and_the_answer_reaches_the_citizen(
    browser: Any,
    served: Served,
    case: Case,
) -> None:
    ctx, lang = served.ctx, case.lang
    for email, role, directorate in (
        (AGENT, "agent", None),
        (DISPATCHER, "dispatcher", None),
        (ROADS, "department", "roads"),
    ):
        make_staff(ctx, email, role, directorate, language=lang)
    reference = ingest(
        ctx,
        InboundMessage(
            channel=case.channel,
            sender=case.sender,
            text=case.text,
            external_id=f"browser-{lang}-1",
            subject="Pothole" if case.channel == "email" else None,
            thread=ThreadHints(new_ticket=True),
        ),
    ).reference

    # First line: the intake agent classifies the report and registers it.
    context, page = sign_in(browser, served, AGENT, case)
    open_from_queue(page, reference)
    assert status_badge(page) == word("status_new", lang)
    assert case.text in page.inner_text(".conversation")
    assert page.locator("#update-assignee").count() == 0  # agents do not assign
    said = update(page, category="road_damage", status="triaged")
    assert word("status_triaged", lang) in said and word("update_done", lang) in said
    assert status_badge(page) == word("status_triaged", lang)
    shot(page, f"inbox-{lang}-1-triaged")
    context.close()

    # Second line: the dispatcher forwards it to the roads department's person, in one Update.
    context, page = sign_in(browser, served, DISPATCHER, case)
    open_from_queue(page, reference)
    said = update(page, assignee=ROADS, status="assigned", priority="high")
    for key in ("status_assigned", "priority_high"):
        assert word(key, lang) in said, key
    assert "roads" in said  # the name the inbox shows: add_user's, the local part
    assert status_badge(page) == word("status_assigned", lang)
    assert "roads" in page.inner_text(".facts")
    shot(page, f"inbox-{lang}-2-assigned")
    context.close()

    # Third line: the department solves it and sends its answer back.
    context, page = sign_in(browser, served, ROADS, case)
    open_from_queue(page, reference)
    assert page.locator("#reply-text").count() == 0  # they answer the dispatcher
    page.select_option("#update-status", "resolved")
    assert page.is_visible("[data-for-status=resolved]")
    assert word("answer_dispatcher_help", lang) in page.inner_text("#update-form")
    assert page.get_attribute("#note-text", "placeholder") == word("note_hint_answer", lang)
    update(page, note=case.answer)
    assert status_badge(page) == word("status_resolved", lang)
    assert case.answer in page.inner_text(".facts")
    shot(page, f"inbox-{lang}-3-resolved")
    context.close()

    # The dispatcher informs the citizen and closes, the department's answer prefilled.
    context, page = sign_in(browser, served, DISPATCHER, case)
    open_from_queue(page, reference)
    assert not page.is_visible("#inform-answer")  # only once "closed" is chosen
    page.select_option("#update-status", "closed")
    assert page.input_value("#inform-answer") == case.answer
    update(page)
    assert status_badge(page) == word("status_closed", lang)
    assert page.get_attribute("html", "dir") == case.text_dir
    shot(page, f"inbox-{lang}-4-closed")
    context.close()

    deliver_due(ctx)
    resolved = [m for m in served.senders[case.channel].sent if m.kind == "resolved"]
    assert len(resolved) == 1, [m.kind for m in served.senders[case.channel].sent]
    reply = resolved[0]
    assert reply.to == case.sender and reply.language == lang
    assert reference in reply.text and case.answer in reply.text
    other = "email" if case.channel == "telegram" else "telegram"
    assert served.senders[other].sent == []
