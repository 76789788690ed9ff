"""The citizen pages in a real Chromium (Playwright), served by a real WSGI server on loopback.

Screenshots go to test-artifacts/ (gitignored) so a person can look at what the citizen saw.
Without Chromium the tests skip with the reason, except in CI, where that is a failure.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from balagh.wiring import build_context
from core.routing.model import MODEL_FILE
from tests.citizen_web import jpeg, make_app
from tests.conftest import empty_tables, finish, make_settings

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _chromium_path() -> str | None:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


@pytest.fixture
def server(tmp_path: Path, sqlite_database: str, routing_model: Any) -> Iterator[str]:
    """The web app on a loopback port (SQLite), served by werkzeug in a thread, routing with
    the session's model from its data directory (built there, a first report waited for a
    training: 30 s and more on a loaded machine, past the browser's timeout)."""
    routing_model.save(tmp_path / "data" / MODEL_FILE)
    ctx = build_context(make_settings(tmp_path / "data", sqlite_database))
    empty_tables(ctx)
    httpd = make_server("127.0.0.1", 0, make_app(ctx), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join(timeout=5)
        finish(ctx)


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_arabic_report_in_the_browser_is_rtl_and_leads_to_a_working_status_link(
    browser, server: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=MOBILE, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/report")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.get_by_label("وصف المشكلة").fill("تسرب مياه من الأنبوب الرئيسي في حي الخوض منذ الصباح")
    page.get_by_label("العنوان أو وصف المكان").fill("الخوض، السكة 4512")
    photo = tmp_path / "leak.jpg"
    photo.write_bytes(jpeg(gps=True, size=(320, 240)))
    page.get_by_label("صور (حتى 5 صور)").set_input_files(str(photo))
    page.get_by_label("البريد الإلكتروني").fill("salim@example.om")
    shot(page, "report-ar-filled")
    page.get_by_role("button", name="إرسال البلاغ").click()
    page.wait_for_selector("#reference")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "تم استلام بلاغكم" in page.inner_text("h1")
    assert re.fullmatch(r"MCT-\d{6}", page.inner_text("#reference").strip())
    shot(page, "report-ar-submitted")
    page.click("#status-link")
    page.wait_for_selector("#status")
    assert "تسرب مياه من الأنبوب الرئيسي" in page.inner_text("main")
    assert page.locator(".msg img").count() == 1
    page.get_by_label("رسالتكم").fill("ما زال التسرب مستمرًا")
    page.get_by_role("button", name="إرسال", exact=True).click()
    page.wait_for_selector(".notice")
    assert "ما زال التسرب مستمرًا" in page.inner_text(".conversation")
    shot(page, "status-ar")
    context.close()


def test_english_report_in_the_browser_shows_errors_then_submits(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    assert page.get_attribute("html", "dir") == "ltr"
    page.get_by_label("Email").fill("not an email")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#error-summary:not([hidden])")
    # the summary is in the served page; the deferred script moves focus to it just after
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert "Please describe the problem." in page.inner_text("#description-error")
    assert page.get_attribute("#email", "aria-invalid") == "true"
    shot(page, "report-en-errors")
    page.get_by_label("What is the problem?").fill("Streetlight out on Way 3021, Al Khuwair")
    page.get_by_label("Email").fill("")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#reference")
    assert "Your report was received" in page.inner_text("h1")
    page.click("#status-link")
    page.wait_for_selector("#status")
    assert page.get_attribute("html", "lang") == "en"
    assert "Streetlight out on Way 3021" in page.inner_text("main")
    shot(page, "status-en")
    page.click(".lang-switch")
    page.wait_for_selector("html[dir=rtl]")
    assert "Streetlight out on Way 3021" in page.inner_text("main")
    context.close()


def test_form_is_usable_from_the_keyboard(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=MOBILE, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/report")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    focused: list[str] = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.name"))
    assert "description" in focused and "category" in focused and "address" in focused
    assert "website" not in focused  # the honeypot is out of the tab order
    context.close()


def test_arabic_status_facts_keep_a_gap_between_label_and_value(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{server}/report")
    page.get_by_label("وصف المشكلة").fill("حفرة كبيرة في الطريق أمام المسجد في حي الخوض")
    page.get_by_role("button", name="إرسال البلاغ").click()
    page.wait_for_selector("#reference")
    page.click("#status-link")
    page.wait_for_selector(".facts")
    page.wait_for_load_state("load")  # measured with the stylesheet applied, not before
    rows = page.locator(".facts > div")
    assert rows.count() >= 1
    for i in range(rows.count()):
        label = rows.nth(i).locator("dt").bounding_box()
        value = rows.nth(i).locator("dd").bounding_box()
        assert label and value
        assert label["x"] - (value["x"] + value["width"]) >= 12  # RTL: the label on the right
    shot(page, "status-ar-facts")
    context.close()
