"""The inbox in a real Chromium: axe-core finds no serious or critical WCAG 2.1 AA violation on
the queue, the ticket page and the password page in Arabic and English, and the documented
keyboard shortcuts work (issue 20, items 7 and 11).

One browser, one server and one ticket for the module keep the added time small.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from channels.web.inbox.i18n import count_phrase, translate
from core.context import Context
from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.intake.ingest import ingest
from core.staff.incident_actions import open_by_hand
from tests.axe_support import serious_violations
from tests.channels.web.test_web_browser import DESKTOP, MOBILE, shot
from tests.citizen_web import citizen_site, jpeg
from tests.staffkit import PASSWORD, make_staff, new_ticket, open_in_language

pytestmark = pytest.mark.browser

AGENT = "agent@mct.om"
AGENT_NAME = "agent"  # the name the inbox shows: add_user's, the address's local part
DISPATCHER = "disp@mct.om"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Context, str]]:
    tmp = tmp_path_factory.mktemp("inbox-a11y")
    with citizen_site(tmp, inbox_refresh_seconds=1) as (url, ctx):
        make_staff(ctx, AGENT, "agent")
        make_staff(ctx, DISPATCHER, "dispatcher")
        done = ingest(
            ctx,
            InboundMessage(
                channel="telegram",
                sender="555001",
                text="حفرة كبيرة في شارع السلطان قابوس قرب دوار الوطية",
                external_id="555001:1",
                display_name="سالم",
                thread=ThreadHints(),
                attachments=(
                    InboundAttachment("pothole.jpg", "image/jpeg", jpeg(size=(320, 240))),
                ),
                location=Location(23.5957, 58.4101, "الوطية"),
            ),
        )
        yield url, ctx, done.reference


def _signed_in(
    chromium: Any, url: str, lang: str, email: str = AGENT, viewport: dict[str, int] = DESKTOP
) -> tuple[Any, Any]:
    context = chromium.new_context(viewport=viewport, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{url}/inbox/login")
    open_in_language(page, f"{url}/inbox/login", lang)
    assert serious_violations(page) == []  # the sign-in page
    page.get_by_label(translate("email", lang), exact=True).fill(email)
    page.get_by_label(translate("password", lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=translate("sign_in", lang)).click()
    page.wait_for_url(f"{url}/inbox/")
    open_in_language(page, f"{url}/inbox/", lang)
    return context, page


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_inbox_pages_have_no_serious_accessibility_violations(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    url, _ctx, reference = served
    context, page = _signed_in(browser, url, lang)
    assert page.get_attribute("html", "lang") == lang
    for path in ("/inbox/?queue=all", f"/inbox/t/{reference}", "/inbox/password"):
        page.goto(url + path)
        found = serious_violations(page)
        assert found == [], f"{path}: {found}"
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_figures_and_an_open_incident_have_no_serious_violations_on_a_phone(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    """On a phone the figures table scrolls sideways, so a keyboard must be able to reach it;
    the incident's "move every report" list needs a name a screen reader reads out."""
    url, ctx, _reference = served
    dispatcher = make_staff(ctx, f"incident-{lang}@mct.om", "dispatcher")
    pothole = new_ticket(ctx, f"حفرة في شارع الوطية ({lang})", category="road_damage")
    with ctx.sessions() as session, session.begin():
        number = open_by_hand(ctx, session, dispatcher, [pothole]).id
    context, page = _signed_in(browser, url, lang, DISPATCHER, MOBILE)
    for path in ("/inbox/stats", f"/inbox/incidents/{number}"):
        page.goto(url + path)
        found = serious_violations(page)
        assert found == [], f"{path}: {found}"
    context.close()


def test_keyboard_shortcuts_focus_search_reply_and_rows(browser, served) -> None:  # type: ignore[no-untyped-def]
    url, _ctx, reference = served
    context, page = _signed_in(browser, url, "en")
    page.goto(f"{url}/inbox/?queue=all")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.locator("h1, main").first.click()
    page.evaluate("document.activeElement.blur()")
    rows = page.locator("td.ref a").all_inner_texts()  # other tests of this module add tickets
    assert reference in rows
    focused = []
    for _ in range(rows.index(reference) + 1):  # "j" walks the queue's rows from the first
        page.keyboard.press("j")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert focused == rows[: rows.index(reference) + 1]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/inbox/t/{reference}")
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.id") == "reply-text"
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "note-text"
    page.keyboard.type("seen on the way")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")  # sends the one Update
    assert translate("change_note", "en") in page.inner_text(".flash.info")
    page.keyboard.press("?")
    assert page.evaluate("document.getElementById('shortcuts').open")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_photo_shows_as_a_thumbnail_opens_in_the_viewer_and_the_place_on_a_map(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    url, _ctx, reference = served
    context, page = _signed_in(browser, url, lang)
    page.goto(f"{url}/inbox/t/{reference}")
    thumb = page.locator("a.thumb img")
    assert thumb.count() == 1
    page.wait_for_function("document.querySelector('a.thumb img').naturalWidth === 320")
    assert page.is_visible("#ticket-map .leaflet-marker-icon")
    assert page.get_attribute("a[href^='geo:']", "href") == "geo:23.595700,58.410100"
    thumb.click()
    assert page.evaluate("document.getElementById('viewer').open")
    assert page.url.endswith(f"/inbox/t/{reference}")  # the viewer, not a new page
    page.get_by_role("button", name=translate("close_viewer", lang)).click()
    assert not page.evaluate("document.getElementById('viewer').open")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_open_ticket_and_queue_show_a_citizens_new_message_without_a_reload(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    url, ctx, reference = served
    context, page = _signed_in(browser, url, lang)
    page.goto(f"{url}/inbox/t/{reference}")
    page.locator("#reply-text").fill("a draft the refresh must keep")
    before = page.locator("ol.conversation > li").count()
    text = f"ما زالت الحفرة موجودة ({lang})"
    ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender="555001",
            text=text,
            external_id=f"555001:live-{lang}",
            thread=ThreadHints(),
        ),
    )
    page.wait_for_selector("ol.conversation > li.fresh", timeout=15_000)
    assert page.locator("ol.conversation > li").count() == before + 1
    assert text in page.inner_text("ol.conversation > li.fresh")
    assert page.is_visible("#live-notice")
    assert page.input_value("#reply-text") == "a draft the refresh must keep"  # no reload
    page.goto(f"{url}/inbox/?queue=all")
    done = ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender=f"5559{len(lang)}{lang == 'ar'}",
            text="انقطاع الإنارة في شارع المها",
            external_id=f"live-queue-{lang}",
            thread=ThreadHints(new_ticket=True),
        ),
    )
    page.wait_for_selector(f"tr.fresh[data-live-item='{done.reference}']", timeout=15_000)
    shot(page, f"inbox-queue-live-{lang}")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_dispatcher_ticks_tickets_in_the_queue_and_assigns_them_at_once(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    url, ctx, _reference = served
    refs = [
        ingest(
            ctx,
            InboundMessage(
                channel="telegram",
                sender=f"5557{i}{lang}",
                text=f"تجمع مياه الأمطار في الشارع رقم {i}",
                external_id=f"bulk-{lang}-{i}",
                thread=ThreadHints(new_ticket=True),
            ),
        ).reference
        for i in range(2)
    ]
    context, page = _signed_in(browser, url, lang, DISPATCHER)
    page.goto(f"{url}/inbox/?queue=all")
    assert serious_violations(page) == []
    for ref in refs:
        page.check(f"input[name=refs][value='{ref}']")
    page.select_option("#bulk-form select[name=assignee]", AGENT)
    page.locator("#bulk-form button[type=submit]").click()
    page.wait_for_selector(".flash.info")
    expected = translate("bulk_assigned", lang).format(
        tickets=count_phrase("ticket", 2, lang), assignee=AGENT_NAME
    )
    assert expected in page.inner_text(".flash.info")
    for ref in refs:
        row = page.locator(f"tr[data-live-item='{ref}']")
        assert AGENT_NAME in row.inner_text()
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_one_update_with_several_changes_confirms_each_and_the_panel_is_accessible(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    url, ctx, _reference = served
    reference = ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender=f"5558{lang}",
            text="عمود إنارة مطفأ منذ أسبوع في شارع المها",
            external_id=f"update-{lang}",
            thread=ThreadHints(new_ticket=True),
        ),
    ).reference
    context, page = _signed_in(browser, url, lang, DISPATCHER)
    page.goto(f"{url}/inbox/t/{reference}")
    page.select_option("#update-status", "awaiting_citizen")
    assert page.get_attribute("#note-text", "placeholder") == translate("note_hint_question", lang)
    page.select_option("#update-status", "triaged")
    page.select_option("#update-category", "street_lighting")
    page.select_option("#update-priority", "high")
    page.select_option("#update-assignee", AGENT)
    page.fill("#reply-text", "نعمل على إصلاحه" if lang == "ar" else "We are on it.")
    page.fill("#note-text", "checked the pole number")
    assert serious_violations(page) == []  # the panel, filled in
    with page.expect_navigation():
        page.get_by_role("button", name=translate("update", lang), exact=True).click()
    said = page.inner_text(".flash.info .changes")
    for key in ("status_triaged", "priority_high", "change_reply"):
        assert translate(key, lang) in said, key
    assert AGENT_NAME in said
    assert ctx.taxonomy.name("street_lighting", lang) in said
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert serious_violations(page) == []  # the confirmation
    shot(page, f"inbox-update-{lang}")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_saved_filter_and_a_bulk_move_from_the_queue(
    browser,
    served,
    lang: str,
) -> None:  # type: ignore[no-untyped-def]
    url, ctx, _reference = served
    refs = [
        ingest(
            ctx,
            InboundMessage(
                channel="telegram",
                sender=f"5556{i}{lang}",
                text=f"كلاب ضالة قرب المدرسة {i}",
                external_id=f"move-{lang}-{i}",
                thread=ThreadHints(new_ticket=True),
            ),
        ).reference
        for i in range(2)
    ]
    context, page = _signed_in(browser, url, lang, DISPATCHER)
    page.goto(f"{url}/inbox/?queue=all&channel=telegram")
    name = f"Telegram {lang}"
    page.fill("#save-filter-form input[name=name]", name)
    with page.expect_navigation():
        page.locator("#save-filter-form button[type=submit]").click()
    page.goto(f"{url}/inbox/")
    page.get_by_role("link", name=name).click()
    page.wait_for_url("**channel=telegram**")
    page.select_option("#bulk-action", "move")
    assert not page.is_visible("#bulk-form select[name=assignee]")
    page.select_option("#bulk-form select[name=category]", "stray_animals")
    for ref in refs:
        page.check(f"input[name=refs][value='{ref}']")
    assert serious_violations(page) == []
    with page.expect_navigation():
        page.locator("#bulk-form button[type=submit]").click()
    expected = translate("bulk_moved", lang).format(
        tickets=count_phrase("ticket", 2, lang), category=ctx.taxonomy.name("stray_animals", lang)
    )
    assert expected in page.inner_text(".flash.info")
    context.close()
