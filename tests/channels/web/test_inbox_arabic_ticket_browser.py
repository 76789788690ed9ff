"""An Arabic ticket page and queue read right to left to the end of each row, in a real
Chromium (found driving the demo: the ticket's created and due values, the queue's created and
due cells and the incident tables sat against the left edge under right-aligned labels,
because the block itself was marked left to right; the map's scale read "m 200"; its pin
was "Marker" and its scale also in feet). The
address a web citizen typed, where the replies go, is shown with the citizen's details."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from channels.web.inbox.i18n import translate
from core.inbound import InboundMessage, Location, ThreadHints
from core.intake.ingest import ingest
from tests.axe_support import serious_violations
from tests.channels.web.test_web_browser import DESKTOP
from tests.citizen_web import citizen_site
from tests.staffkit import app_for, make_staff, open_in_language, signed_in, staff_page

pytestmark = pytest.mark.browser

DISPATCHER = "disp@mct.om"
TYPED_EMAIL = "salim.typed@example.om"

# The gap between a value's text and the end (right, in Arabic) of its box, in pixels (0 when
# it is empty).
TEXT_GAP = """els => els.map(e => {
  const box = e.getBoundingClientRect(), style = getComputedStyle(e);
  const range = document.createRange(); range.selectNodeContents(e);
  const text = range.getClientRects()[0];
  return text === undefined ? 0 : Math.round(box.right - parseFloat(style.paddingRight) - text.right);
})"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any, str]]:
    # Tiles as a real installation has them (the default is OpenStreetMap's), from a port
    # nobody answers: the map draws its attribution line, which no tile-less test sees.
    tiles = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    with citizen_site(tmp_path_factory.mktemp("arabic-ticket"), map_tiles=tiles) as (url, ctx):
        make_staff(ctx, DISPATCHER, "dispatcher")
        reference = ingest(
            ctx,
            InboundMessage(
                channel="web",
                sender="web:arabic-ticket",
                text="حفرة كبيرة في الشارع أمام مسجد الخوض",
                external_id="arabic-ticket-1",
                email=TYPED_EMAIL,
                location=Location(lat=23.5880, lon=58.3829),
                thread=ThreadHints(new_ticket=True),
            ),
        ).reference
        yield url, ctx, reference


def test_an_arabic_tickets_times_end_at_the_right_like_their_labels(
    browser: Any, served: tuple[str, Any, str]
) -> None:
    url, _ctx, reference = served
    with staff_page(browser, url, DISPATCHER, "ar", viewport=DESKTOP) as page:
        open_in_language(page, f"{url}/inbox/t/{reference}", "ar")  # once signed in
        assert page.get_attribute("html", "dir") == "rtl"
        facts = page.eval_on_selector_all("dl.facts dd", TEXT_GAP)
        assert facts and all(gap <= 5 for gap in facts), facts
        page.goto(f"{url}/inbox/?queue=all")
        cells = page.eval_on_selector_all("table.tickets tbody td", TEXT_GAP)
        assert cells and all(gap <= 5 for gap in cells), cells


def test_the_arabic_ticket_maps_scale_reads_number_then_unit(
    browser: Any, served: tuple[str, Any, str]
) -> None:
    url, _ctx, reference = served
    with staff_page(browser, url, DISPATCHER, "ar", viewport=DESKTOP) as page:
        open_in_language(page, f"{url}/inbox/t/{reference}", "ar")
        page.wait_for_selector(".leaflet-control-scale-line")
        directions = page.eval_on_selector_all(
            ".leaflet-control-scale-line", "els => els.map(e => getComputedStyle(e).direction)"
        )
    assert directions and set(directions) == {"ltr"}


def test_the_arabic_ticket_maps_pin_is_named_in_arabic_and_its_scale_is_metric(
    browser: Any, served: tuple[str, Any, str]
) -> None:
    """Leaflet names a pin "Marker", adds a scale line in feet and does not underline its
    attribution's links (found driving the demo: "Marker" read out on an Arabic page, "500 ft"
    under "200 m" in Oman, axe's serious link-in-text-block on every map with tiles)."""
    url, _ctx, reference = served
    with staff_page(browser, url, DISPATCHER, "ar", viewport=DESKTOP, bypass_csp=True) as page:
        open_in_language(page, f"{url}/inbox/t/{reference}", "ar")
        page.wait_for_selector("#ticket-map .leaflet-marker-icon")
        alt = page.get_attribute("#ticket-map .leaflet-marker-icon", "alt")
        scales = page.locator("#ticket-map .leaflet-control-scale-line").all_inner_texts()
        assert page.locator("#ticket-map .leaflet-control-attribution a").count() > 0
        credit = page.inner_text("#ticket-map .leaflet-control-attribution")
        found = serious_violations(page)  # the attribution's links were not underlined
    assert alt == translate("map_marker", "ar")
    assert len(scales) == 1 and scales[0].endswith("m"), scales
    # in Arabic, naming the tile server set (not OpenStreetMap's, which the scripts claimed)
    assert "الخرائط: 127.0.0.1" in credit and "contributors" not in credit, credit
    assert found == [], found


def test_the_ticket_page_shows_the_email_a_web_citizen_typed(
    served: tuple[str, Any, str],
) -> None:
    url, ctx, reference = served
    page = signed_in(app_for(ctx), DISPATCHER).get(f"/inbox/t/{reference}").get_data(as_text=True)
    assert f'<span dir="ltr">{TYPED_EMAIL}</span>' in page
