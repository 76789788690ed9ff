"""The queue marks a registered ticket late for dispatch and filters by it
(BALAGH_DISPATCH_TARGET_MINUTES; the rule is tests/core/staff/test_late_dispatch.py's)."""

from __future__ import annotations

from core.context import Context
from tests.core.staff.test_late_dispatch import waiting  # noqa: F401  (fixture)
from tests.staffkit import app_for, make_staff, signed_in


def test_the_dispatchers_queue_shows_the_late_badge_and_filters_by_it(
    ctx: Context,
    waiting: dict[str, str],  # noqa: F811
) -> None:
    make_staff(ctx, "dispatch@mct.om", "dispatcher")
    client = signed_in(app_for(ctx), "dispatch@mct.om")
    page = client.get("/inbox/?late_dispatch=1").get_data(as_text=True)
    assert waiting["late"] in page and waiting["fresh"] not in page
    assert page.count('class="badge late-dispatch"') == 1
    everything = client.get("/inbox/").get_data(as_text=True)
    assert waiting["fresh"] in everything and everything.count('class="badge late-dispatch"') == 1
