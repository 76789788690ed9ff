"""The report form's map, kept photos and accessibility in a real Chromium (issue 20, items 8,
9, 11), both languages, with a fake reverse geocoder on loopback.

One browser and one server for the module keep the added time small.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from balagh.wiring import build_context
from core.models import Attachment, Message, Ticket
from core.routing.model import MODEL_FILE
from tests.axe_support import serious_violations
from tests.channels.web.test_web_browser import DESKTOP, MOBILE, shot
from tests.citizen_web import jpeg, make_app
from tests.conftest import empty_tables, finish, make_settings

pytestmark = pytest.mark.browser

GEOCODED = "Al Khuwair, Way 3021, Muscat"


class _Geocoder(BaseHTTPRequestHandler):
    """A Nominatim look-alike: every point is GEOCODED; the asked URLs are recorded."""

    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        type(self).asked.append(self.path)
        body = json.dumps({"display_name": GEOCODED}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory, routing_model: Any
) -> Iterator[tuple[str, object]]:
    """The web app (SQLite, no map tiles) and a fake geocoder, both on loopback; the web
    routes with the session's model from its data directory (not one trained on the first
    report, which on a loaded machine outlasted the browser's timeout)."""
    tmp = tmp_path_factory.mktemp("map")
    routing_model.save(tmp / "data" / MODEL_FILE)
    geocoder = ThreadingHTTPServer(("127.0.0.1", 0), _Geocoder)
    threading.Thread(target=geocoder.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{geocoder.server_port}/reverse?lat={{lat}}&lon={{lon}}&lang={{lang}}"
    ctx = build_context(
        make_settings(
            tmp / "data",
            f"sqlite:///{tmp / 'db.sqlite3'}",
            map_tiles="",
            geocoder_url=url,
            web_report_rate_limit="1000 per minute",
            web_attempt_rate_limit="1000 per minute",
        )
    )
    from balagh.dbmigrate import upgrade

    upgrade(ctx.settings.effective_database_url)
    empty_tables(ctx)
    httpd = make_server("127.0.0.1", 0, make_app(ctx), threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", ctx
    finally:
        httpd.shutdown()
        geocoder.shutdown()
        finish(ctx)


def _ticket(ctx, reference: str) -> Ticket:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        session.expunge(ticket)
        return ticket


def _photos(ctx, reference: str) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        return len(
            session.execute(
                select(Attachment.id)
                .join(Message, Message.id == Attachment.message_id)
                .join(Ticket, Ticket.id == Message.ticket_id)
                .where(Ticket.reference == reference)
            ).all()
        )


def test_arabic_phone_report_is_placed_by_tapping_the_map_and_the_address_is_filled(
    browser, site
) -> None:  # type: ignore[no-untyped-def]
    server, ctx = site
    context = browser.new_context(viewport=MOBILE, locale="ar-OM", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report")
    assert page.is_visible("#report-map")
    assert not page.is_visible("#lat")  # the map replaces the boxes (folded away)
    assert serious_violations(page) == []
    page.get_by_label("وصف المشكلة").fill("حفرة كبيرة في الشارع أمام المسجد")
    page.locator("#report-map").click(position={"x": 200, "y": 110})  # scrolls it into view
    page.wait_for_function("document.getElementById('address').value.length > 0")
    assert page.input_value("#address") == GEOCODED
    assert "lang=ar" in _Geocoder.asked[-1]
    lat, lon = float(page.input_value("#lat")), float(page.input_value("#lon"))
    assert 22 < lat < 25 and 57 < lon < 60  # near Muscat, where the map opens
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert page.get_attribute(".leaflet-marker-icon", "alt") == "موضع المشكلة"  # not "Marker"
    shot(page, "report-ar-map")
    page.get_by_role("button", name="إرسال البلاغ").click()
    page.wait_for_selector("#reference")
    ticket = _ticket(ctx, page.inner_text("#reference").strip())
    assert (round(ticket.lat, 5), round(ticket.lon, 5)) == (round(lat, 5), round(lon, 5))
    assert serious_violations(page) == []
    context.close()


def test_english_photo_is_kept_after_a_validation_error_and_submitted_with_the_retry(
    browser, site, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    server, ctx = site
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    photo = tmp_path / "pothole.jpg"
    photo.write_bytes(jpeg(size=(320, 240)))
    page.get_by_label("Photos (up to 5)").set_input_files(str(photo))
    page.get_by_role("button", name="Send report").click()  # no description: refused
    page.wait_for_selector("#error-summary:not([hidden])")
    assert page.is_checked("input[name=kept_photo]")
    assert "pothole.jpg" in page.inner_text(".kept-photos")
    assert serious_violations(page) == []
    shot(page, "report-en-kept-photo")
    page.get_by_label("What is the problem? *").fill("A deep pothole on Sultan Qaboos Street")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#reference")
    assert _photos(ctx, page.inner_text("#reference").strip()) == 1
    context.close()


def test_without_javascript_the_coordinate_boxes_take_the_place(browser, site) -> None:  # type: ignore[no-untyped-def]
    server, ctx = site
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    assert not page.is_visible("#report-map")
    page.get_by_label("What is the problem? *").fill("Street light out near the roundabout")
    page.fill("#lat", "23.6100")
    page.fill("#lon", "58.4500")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#reference")
    ticket = _ticket(ctx, page.inner_text("#reference").strip())
    assert (ticket.lat, ticket.lon) == (23.61, 58.45)
    context.close()


def test_the_accessibility_scan_does_report_a_serious_violation(browser) -> None:  # type: ignore[no-untyped-def]
    """The scan the page tests rely on is live: an unlabelled field and image are caught."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html lang="en"><title>x</title><main><img src="a.png"><input></main></html>')
    found = {v["id"] for v in serious_violations(page)}
    assert {"image-alt", "label"} <= found
    context.close()
