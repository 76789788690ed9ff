"""Bulk actions in a real Chromium: a dispatcher ticks every ticket a search found at once.

On a storm day a search for the flooded underpass found thirty reports; attaching them to the
incident meant thirty clicks on thirty boxes. The bulk form's "tick every ticket on this page"
does it in one (it needs JavaScript; without it, it is hidden)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from channels.web.inbox.i18n import translate
from core.context import Context
from core.staff.incident_actions import open_by_hand
from tests.channels.web.test_web_browser import DESKTOP
from tests.citizen_web import citizen_site
from tests.staffkit import PASSWORD, load, new_ticket, open_in_language, the_roles

pytestmark = pytest.mark.browser


@pytest.fixture
def served(tmp_path: Any) -> Iterator[tuple[str, Context, list[str], int]]:
    with citizen_site(tmp_path) as (url, ctx):
        staff = the_roles(ctx)
        refs = [new_ticket(ctx, f"Khuwair underpass flooded {i}", category="stormwater_flooding")
                for i in range(4)]  # fmt: skip
        with ctx.sessions() as session, session.begin():
            number = open_by_hand(ctx, session, staff["dispatcher"], refs[:1]).id
        yield url, ctx, refs, number


def test_a_dispatcher_ticks_every_listed_ticket_at_once_and_attaches_them(
    browser: Any, served: tuple[str, Context, list[str], int]
) -> None:
    url, ctx, refs, number = served
    context = browser.new_context(viewport=DESKTOP, locale="ar-OM")
    page = context.new_page()
    page.goto(f"{url}/inbox/login")
    page.fill("input[name=email]", "disp@mct.om")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")  # not the header's language button
    page.wait_for_url(f"{url}/inbox/")
    open_in_language(page, f"{url}/inbox/?queue=all&q=Khuwair", "ar")
    page.wait_for_load_state("load")
    page.get_by_label(translate("bulk_tick_all", "ar")).check()
    assert page.locator("input[name=refs]:checked").count() == 4
    page.select_option("#bulk-action", "attach")
    page.select_option("select[name=incident]", str(number))
    with page.expect_navigation():
        page.click("#bulk-form button[type=submit]")
    context.close()
    assert [load(ctx, r).incident_id for r in refs] == [number] * 4
