"""The incident page on a 375 px phone keeps within the screen's width in Arabic and English:
its map, its reports' list with their references and areas, its history (a reply to all in
both languages, a status change) and its forms, however long a word a citizen typed in the
address that names the incident's area."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from core.models import Incident, User
from core.staff import incident_actions
from core.staff.permissions import staff_from_user
from tests.citizen_web import citizen_site
from tests.incident_support import report
from tests.staffkit import make_staff, open_in_language, sign_in_page

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DISPATCHER = "stormwater.dispatch@muscat.gov.om"
LONG_AREA = "AlKhuwair" * 40


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with citizen_site(tmp_path_factory.mktemp("incident-phone")) as (url, ctx):
        make_staff(ctx, DISPATCHER, "dispatcher")
        for north, lang in ((0, "ar"), (20, "en"), (40, "ar")):
            report(ctx, north, 0, language=lang, address=LONG_AREA)
        with ctx.sessions() as session, session.begin():
            user = session.execute(select(User).where(User.email == DISPATCHER)).scalar_one()
            staff = staff_from_user(user)
            incident = session.execute(select(Incident)).scalar_one()
            incident_actions.reply_all(
                ctx,
                session,
                staff,
                incident,
                "سيصل فريق الشفط خلال ساعة إلى " + LONG_AREA,
                {"en": "A pump team arrives within the hour at " + LONG_AREA},
            )
            incident_actions.move(ctx, session, staff, incident, "assigned", LONG_AREA)
            incident_id = incident.id
        yield url, incident_id


def _page_width(page: Any) -> int:
    page.wait_for_load_state("load")
    return int(page.evaluate("document.documentElement.scrollWidth"))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_incident_page_keeps_within_a_phone_screen(
    browser: Any, served: tuple[str, int], lang: str
) -> None:
    url, incident_id = served
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in_page(page, url, DISPATCHER, lang)
    open_in_language(page, f"{url}/inbox/", lang)  # the staff member's language, once in
    for path in ("/inbox/incidents", f"/inbox/incidents/{incident_id}"):
        page.goto(url + path)
        assert page.get_attribute("html", "lang") == lang
        assert _page_width(page) <= PHONE["width"], path
    context.close()
