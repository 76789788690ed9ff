"""The citizen pages the other browser tests leave out, in the other language (issue 20,
acceptance): the map on the form in English, a kept photo in Arabic (form and status page),
and an axe-core scan of the status page in both languages and of the not-found page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from core.context import Context
from core.models import Ticket
from tests.axe_support import serious_violations
from tests.channels.web.test_web_browser import DESKTOP, MOBILE, shot
from tests.citizen_web import citizen_site, jpeg

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Context]]:
    with citizen_site(tmp_path_factory.mktemp("pages")) as served:
        yield served


def _ticket(ctx: Context, reference: str) -> Ticket:
    with ctx.sessions() as session:
        found = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        session.expunge(found)
        return found


def test_english_desktop_report_is_placed_on_the_map_and_scanned(browser, site) -> None:  # type: ignore[no-untyped-def]
    server, ctx = site
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    assert page.is_visible("#report-map") and not page.is_visible("#lat")
    assert serious_violations(page) == []
    page.get_by_label("What is the problem? *").fill("Streetlight out on Way 3021")
    page.locator("#report-map").click(position={"x": 300, "y": 120})
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert "The place is marked on the map." in page.inner_text("#locate-status")
    lat, lon = float(page.input_value("#lat")), float(page.input_value("#lon"))
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#reference")
    ticket = _ticket(ctx, page.inner_text("#reference").strip())
    assert (round(ticket.lat, 5), round(ticket.lon, 5)) == (round(lat, 5), round(lon, 5))
    context.close()


def test_arabic_photo_is_kept_on_the_form_and_on_the_status_page(
    browser,
    site,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    server, _ctx = site
    photo = tmp_path / "حفرة.jpg"
    photo.write_bytes(jpeg(size=(320, 240)))
    context = browser.new_context(viewport=MOBILE, locale="ar-OM", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report")
    page.get_by_label("صور (حتى 5 صور)").set_input_files(str(photo))
    page.get_by_role("button", name="إرسال البلاغ").click()  # no description: refused
    page.wait_for_selector("#error-summary:not([hidden])")
    assert page.is_checked("input[name=kept_photo]")
    assert "حفرة.jpg" in page.inner_text(".kept-photos")
    assert serious_violations(page) == []
    page.get_by_label("وصف المشكلة").fill("حفرة عميقة أمام المدرسة")
    page.get_by_role("button", name="إرسال البلاغ").click()
    page.wait_for_selector("#reference")
    page.click("#status-link")
    page.wait_for_selector("#status")
    assert page.locator(".msg img").count() == 1
    note = tmp_path / "ملاحظة.txt"
    note.write_bytes(b"not a photo")
    page.get_by_label("صورة (اختيارية)").set_input_files([str(photo), str(note)])
    page.get_by_role("button", name="إرسال", exact=True).click()  # one file is not a photo
    page.wait_for_selector("#error-summary:not([hidden])")
    assert page.is_checked("input[name=kept_photo]")
    assert serious_violations(page) == []
    shot(page, "status-ar-kept-photo")
    page.get_by_role("button", name="إرسال", exact=True).click()  # the kept photo alone
    page.wait_for_selector(".notice")
    assert page.locator(".msg img").count() == 2
    context.close()


@pytest.mark.parametrize(("lang", "viewport"), [("ar", MOBILE), ("en", DESKTOP)])
def test_status_page_passes_the_accessibility_scan(browser, site, lang, viewport) -> None:  # type: ignore[no-untyped-def]
    server, _ctx = site
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report?lang={lang}")
    page.fill("#description", "Water leak" if lang == "en" else "تسرب مياه في الشارع")
    page.click("#submit")
    page.wait_for_selector("#reference")
    assert serious_violations(page) == []  # the acknowledgement page
    page.click("#status-link")
    page.wait_for_selector("#status")
    assert page.get_attribute("html", "lang") == lang
    assert serious_violations(page) == []
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_not_found_page_passes_the_accessibility_scan(browser, site, lang) -> None:  # type: ignore[no-untyped-def]
    server, _ctx = site
    context = browser.new_context(viewport=MOBILE, bypass_csp=True)
    page = context.new_page()
    response = page.goto(f"{server}/t/MCT-999999?k=wrong&lang={lang}")
    assert response is not None and response.status == 404
    assert page.get_attribute("html", "lang") == lang
    assert serious_violations(page) == []
    context.close()


def test_arabic_report_refused_for_an_expired_token_comes_back_filled_in_the_browser(
    browser,
    site,
) -> None:  # type: ignore[no-untyped-def]
    """A real browser posts these pages' forms with `Origin: null` (no-referrer): the refused
    form must still come back with the description, and sending it again makes the report."""
    server, ctx = site
    context = browser.new_context(viewport=MOBILE, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/report")
    typed = "حفرة كبيرة أمام المسجد تتضرر منها السيارات يوميًا"
    page.fill("#description", typed)
    page.fill("#name", "سالم")
    # what an hour-old page posts: a token the server no longer accepts
    page.locator("input[name=csrf_token]").evaluate("input => { input.value = 'expired'; }")
    page.click("#submit")
    page.wait_for_selector("#error-summary:not([hidden])")
    assert "انتهت صلاحية النموذج" in page.inner_text("#error-summary")
    assert page.input_value("#description") == typed and page.input_value("#name") == "سالم"
    page.click("#submit")
    page.wait_for_selector("#reference")
    assert _ticket(ctx, page.inner_text("#reference").strip()).status is not None
    context.close()


def test_a_photo_over_the_limit_is_refused_before_it_is_uploaded(browser, site) -> None:  # type: ignore[no-untyped-def]
    """Said beside the field at once, the choice cleared, the text and the page kept."""
    server, _ctx = site
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    page.fill("#description", "Flooded underpass on Way 3021")
    big = {"name": "$&flood.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8" + bytes(11 << 20)}
    small = {"name": "ok.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
    page.set_input_files("#photos", [small, big])
    note = page.locator("#photos-client-error")
    assert note.is_visible()
    assert note.inner_text() == "The photo “$&flood.jpg” is too large; the limit is 10 MB."
    assert page.evaluate("document.getElementById('photos').files.length") == 0
    assert page.get_attribute("#photos", "aria-invalid") == "true"
    page.set_input_files("#photos", [small] * 6)
    assert note.inner_text() == "You can attach at most 5 photos."
    page.set_input_files("#photos", [small])
    assert not note.is_visible() and page.get_attribute("#photos", "aria-invalid") is None
    assert page.input_value("#description") == "Flooded underpass on Way 3021"
    context.close()


def _page_width(page) -> int:  # type: ignore[no-untyped-def]
    """The page's width once its stylesheets are in: measured as soon as an element is
    attached, the layout may still lack citizen.css and read ~700 px (CI, stop 35)."""
    page.wait_for_load_state("load")
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_a_typed_address_of_one_long_word_keeps_the_phone_status_page_in_its_width(
    browser,
    site,
) -> None:  # type: ignore[no-untyped-def]
    """A 400-letter address without a space widened the facts grid to ~2,000 px: on a phone
    the Arabic page opened on an empty screen, scrolled sideways away from the text."""
    server, _ctx = site
    context = browser.new_context(viewport=MOBILE, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/report")
    page.fill("#description", "حفرة كبيرة أمام المسجد")
    page.fill("#address", "ب" * 400)
    page.click("#submit")
    page.wait_for_selector("#status-link")
    page.goto(server + (page.get_attribute("#status-link", "href") or ""))
    page.wait_for_selector("#reference")
    assert _page_width(page) <= MOBILE["width"]
    context.close()


def test_a_kept_photo_with_a_long_file_name_keeps_the_phone_form_in_its_width(
    browser,
    site,
) -> None:  # type: ignore[no-untyped-def]
    server, _ctx = site
    context = browser.new_context(viewport=MOBILE, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/report")
    page.fill("#description", "حفرة كبيرة أمام المسجد")
    page.fill("#email", "not-an-address")  # refused: the photo is kept for the retry
    name = "IMG" + "_20261206" * 8 + ".jpg"
    page.set_input_files("#photos", [{"name": name, "mimeType": "image/jpeg", "buffer": jpeg()}])
    page.click("#submit")
    page.wait_for_selector("[name=kept_photo]", state="attached")
    assert _page_width(page) <= MOBILE["width"]
    context.close()


def test_an_emailed_file_with_a_long_name_keeps_the_phone_status_page_in_its_width(
    browser,
    site,
) -> None:  # type: ignore[no-untyped-def]
    from core.inbound import InboundAttachment, InboundMessage
    from core.intake.ingest import ingest

    server, ctx = site
    name = "Scan" + "_municipality_complaint" * 6 + ".pdf"
    processed = ingest(
        ctx,
        InboundMessage(
            channel="email",
            sender="salim@example.om",
            text="حفرة كبيرة أمام المسجد، والتفاصيل في الملف المرفق",
            external_id="<long-name@example.om>",
            attachments=(InboundAttachment(name, "application/pdf", b"%PDF-1.4 test"),),
        ),
    )
    context = browser.new_context(viewport=MOBILE, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/t/{processed.reference}?k={processed.secret}")
    page.wait_for_selector("#reference")
    assert page.get_by_text(name).count() == 1
    assert _page_width(page) <= MOBILE["width"]
    context.close()
