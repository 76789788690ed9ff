"""The staff queue fits its box on a 1280 px wide desktop window in Arabic and English: with the
demo's tickets, a long subject and a long assignee address the table was 108-214 px wider than
its box, so the assignee column was only seen by scrolling sideways. Dates stay on one line
(letting them wrap broke them: "-2026 / 12-07" right to left; they now name the month,
"7 ديسمبر 19:58")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from balagh.demo import load_demo
from core.context import Context
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.models import Ticket, User
from tests.channels.web.test_web_browser import DESKTOP
from tests.citizen_web import citizen_site
from tests.staffkit import give_name, make_staff, open_in_language, staff_page

pytestmark = pytest.mark.browser

DISPATCHER = "disp@mct.om"
LONG_STAFF = "stormwater.dispatch@muscat.gov.om"
LONG_ARABIC = (
    "تسرب مياه كبير من الأنبوب الرئيسي في شارع السلطان قابوس قرب دوار القرم منذ ثلاثة أيام "
    "والمياه تغمر الطريق والمحلات المجاورة"
)
LONG_ENGLISH = (
    "Large water leak from the main pipe on Sultan Qaboos Street near the Qurum roundabout for "
    "three days, flooding the road and the shops beside it"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with citizen_site(tmp_path_factory.mktemp("queue-width")) as (url, ctx):
        load_demo(ctx)
        make_staff(ctx, DISPATCHER, "dispatcher")
        make_staff(ctx, LONG_STAFF, "department", "drainage")
        give_name(ctx, LONG_STAFF, "")  # no name: the queue shows the long address
        for i, text in enumerate((LONG_ARABIC, LONG_ENGLISH)):
            reference = ingest(
                ctx,
                InboundMessage(
                    channel="email",
                    sender=f"citizen{i}@example.com",
                    subject=text,
                    text=text,
                    external_id=f"<long-{i}@example.com>",
                    thread=ThreadHints(new_ticket=True),
                ),
            ).reference
            _assign(ctx, reference, LONG_STAFF)
        yield url


def _assign(ctx: Context, reference: str, email: str) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        ticket.assignee_id = session.execute(
            select(User.id).where(User.email == email)
        ).scalar_one()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_queue_fits_its_box_at_1280_px_with_dates_on_one_line(
    browser: Any, served: str, lang: str
) -> None:
    url = served
    with staff_page(browser, url, DISPATCHER, lang, viewport=DESKTOP) as page:
        open_in_language(page, f"{url}/inbox/?queue=all", lang)
        sizes = page.eval_on_selector(
            "table.tickets",
            "t => ({table: t.scrollWidth, box: t.parentElement.clientWidth,"
            " wrap: t.parentElement.scrollWidth})",
        )
        assert sizes["table"] <= sizes["box"] and sizes["wrap"] <= sizes["box"], sizes
        assert page.locator("table.tickets tbody tr").count() >= 11
        # Lines, not boxes: an Arabic date ("7 ديسمبر 19:58") is a right-to-left run and a
        # left-to-right one, each its own box on the same line.
        heights = page.eval_on_selector_all(
            "table.tickets td time",
            "ts => ts.map(t => [t.textContent,"
            " new Set([...t.getClientRects()].map(r => Math.round(r.top))).size,"
            " t.getBoundingClientRect().height])",
        )
        assert heights, "no dates in the queue"
        line = min(h for _text, _lines, h in heights)
        broken = [(text, h) for text, lines, h in heights if lines != 1 or h > line * 1.5]
        assert broken == []
        assignee = page.locator("table.tickets td", has_text=LONG_STAFF).first
        box = assignee.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= DESKTOP["width"]
