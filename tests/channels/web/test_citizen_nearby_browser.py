"""Similar reports nearby on the report form in a real Chromium (issue 20, item 10): in Arabic
with the form's script ("use my location", then the list), in English as the plain step the
page offers without JavaScript; axe-core finds no serious violation in either.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from core.context import Context
from core.models import Ticket
from tests.axe_support import serious_violations
from tests.channels.web.test_web_browser import DESKTOP, MOBILE, shot
from tests.citizen_web import citizen_site
from tests.incident_support import FLOOD, offset, report

pytestmark = pytest.mark.browser

OTHER_TEXT = "الشارع غارق أمام منزل سالم، هاتفه 99123456"
PIN = offset(120, 40)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Context]]:
    """The web app on SQLite (no map tiles; the category the citizen picks routes)."""
    with citizen_site(tmp_path_factory.mktemp("nearby")) as served:
        yield served


@pytest.fixture(scope="module")
def earlier(site: tuple[str, Context]) -> str:
    """Another citizen's private report of a flooded street, near where the tests report."""
    _server, ctx = site
    return report(ctx, 0, 0, text=OTHER_TEXT)


def _related(ctx: Context, reference: str) -> list[str]:
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        return [e.data["reference"] for e in ticket.events if e.kind == "possibly_related"]


def test_arabic_phone_form_lists_the_report_nearby_and_files_mine_with_it(
    browser,
    site,
    earlier,
) -> None:  # type: ignore[no-untyped-def]
    server, ctx = site
    context = browser.new_context(
        viewport=MOBILE,
        locale="ar-OM",
        bypass_csp=True,
        geolocation={"latitude": PIN[0], "longitude": PIN[1]},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(f"{server}/report")
    assert page.locator("#nearby-step").count() == 0  # the script asks by itself
    page.get_by_label("وصف المشكلة").fill("مياه الأمطار تغمر الشارع")
    page.select_option("#category", FLOOD)
    page.get_by_role("button", name="استخدام موقعي الحالي").click()
    choice = page.locator(f"input[name=same_problem][value='{earlier}']")
    choice.wait_for()
    assert page.get_by_role("radio", name="هذه مشكلتي أيضًا", exact=False).count() >= 1
    listed = page.inner_text("#nearby")
    assert "أُبلغ عنها اليوم" in listed and "سالم" not in listed and "99123456" not in listed
    assert "بالقرب منكم." in page.inner_text("#nearby-status")
    assert page.is_checked("#same-none")
    assert serious_violations(page) == []
    shot(page, "report-ar-nearby")
    choice.check()
    page.get_by_role("button", name="إرسال البلاغ").click()
    page.wait_for_selector("#reference")
    mine = page.inner_text("#reference").strip()
    assert mine != earlier and _related(ctx, mine) == [earlier]
    context.close()


def test_english_form_without_javascript_offers_the_step_and_files_mine_with_it(
    browser,
    site,
    earlier,
) -> None:  # type: ignore[no-untyped-def]
    server, ctx = site
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    page.select_option("#category", FLOOD)
    page.fill("#lat", f"{PIN[0]:.6f}")
    page.fill("#lon", f"{PIN[1]:.6f}")
    page.get_by_role("button", name="Show similar reports nearby").click()
    assert page.get_by_role("radio", name="This is my problem too", exact=False).count() >= 1
    page.check(f"input[name=same_problem][value='{earlier}']")
    assert "Reported today" in page.inner_text("#nearby")
    page.get_by_label("What is the problem? *").fill("The street is flooded again")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#reference")
    mine = page.inner_text("#reference").strip()
    assert _related(ctx, mine) == [earlier]
    context.close()


def test_english_step_page_passes_the_accessibility_scan(
    browser,
    site,
    earlier,
) -> None:  # type: ignore[no-untyped-def]
    """The list the plain step renders (the script keeps a list the page came with)."""
    server, _ctx = site
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    page.select_option("#category", FLOOD)
    page.evaluate(
        """([lat, lon]) => {
          document.getElementById('lat').value = lat;
          document.getElementById('lon').value = lon;
          const step = document.createElement('input');
          step.type = 'hidden'; step.name = 'step'; step.value = 'nearby';
          const form = document.getElementById('report-form');
          form.appendChild(step);
          HTMLFormElement.prototype.submit.call(form); // the form's button is named submit
        }""",
        [f"{PIN[0]:.6f}", f"{PIN[1]:.6f}"],
    )
    page.wait_for_selector("#same-1")
    assert page.is_checked("#same-none")
    assert serious_violations(page) == []
    shot(page, "report-en-nearby-step")
    context.close()


def test_script_recovers_when_the_page_outlived_its_token_and_the_form_still_sends(
    browser,
    site,
    earlier,
) -> None:  # type: ignore[no-untyped-def]
    """A token the server refuses (as after an hour open): the script takes the fresh one the
    answer carries, asks again and lists the report; the form then sends with that token."""
    server, _ctx = site
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server}/report?lang=en")
    page.evaluate("document.querySelector('#report-form [name=csrf_token]').value = 'stale'")
    page.select_option("#category", FLOOD)
    page.evaluate(
        """([lat, lon]) => {
          document.getElementById('lat').value = lat;
          document.getElementById('lon').value = lon;
          document.getElementById('lon').dispatchEvent(new Event('change'));
        }""",
        [f"{PIN[0]:.6f}", f"{PIN[1]:.6f}"],
    )
    page.locator(f"input[name=same_problem][value='{earlier}']").wait_for()
    assert page.input_value("#report-form [name=csrf_token]") != "stale"
    page.get_by_label("What is the problem? *").fill("The street is flooded here too")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#reference")
    assert page.inner_text("#reference").strip() not in ("", earlier)
    context.close()
