"""Spikes: an unusual volume of one category in one area is told to supervisors, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.context import Context
from core.insights.spikes import WINDOW, find_spikes, volumes
from core.models import Contact, OutboxItem, Spike, Ticket
from tests.staffkit import app_for, make_staff, signed_in

NOW = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)
KHUWAIR = (23.5955, 58.4210)  # one coarse area
SEEB = (23.6700, 58.1890)  # another
_n = iter(range(1, 100_000))


def reports(ctx: Context, count: int, category: str, spot: tuple[float, float] | None,
            start: datetime, span: timedelta, address: str | None = None) -> None:  # fmt: skip
    """`count` reports spread evenly over [start, start + span)."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="c")
        session.add(contact)
        session.flush()
        for i in range(count):
            n = next(_n)
            session.add(
                Ticket(
                    reference=f"MCT-{n:06d}", secret="s", channel="telegram", contact_id=contact.id,
                    category=category, directorate="drainage", address=address,
                    lat=spot[0] if spot else None, lon=spot[1] if spot else None,
                    created_at=start + span * (i / count),
                )
            )  # fmt: skip


@pytest.fixture
def surge(ctx: Context) -> Context:
    """Sewage in Al Khuwair: usually one report per three hours, now fourteen."""
    make_staff(ctx, "boss@mct.om", "supervisor", language="en")
    make_staff(ctx, "disp@mct.om", "dispatcher")
    baseline_start = NOW - WINDOW - timedelta(weeks=4)
    reports(ctx, 224, "sewage_overflow", KHUWAIR, baseline_start, timedelta(weeks=4))
    reports(ctx, 14, "sewage_overflow", KHUWAIR, NOW - WINDOW, WINDOW, "Al Khuwair")
    return ctx


def at(ctx: Context, moment: datetime) -> None:
    ctx.now = lambda: moment  # type: ignore[method-assign]


def spike_mail(ctx: Context) -> list[OutboxItem]:
    with ctx.sessions() as session:
        return list(session.execute(select(OutboxItem).where(OutboxItem.kind == "spike")).scalars())


def test_fourteen_reports_where_one_is_usual_is_told_to_supervisors_by_area(surge: Context) -> None:
    at(surge, NOW)
    assert find_spikes(surge).endswith("1 new spike(s) announced")
    (mail,) = spike_mail(surge)
    assert mail.address == "boss@mct.om"
    assert "Sewage" in mail.payload["subject"] and "Al Khuwair" in mail.payload["subject"]
    assert "Al Khuwair: 14 reports in 3 hours, usually 1." in mail.payload["text"]


def test_a_spike_is_announced_once_while_it_lasts(surge: Context) -> None:
    at(surge, NOW)
    find_spikes(surge)
    # 15 minutes on, the window has lost the two oldest reports and gained three new ones
    reports(surge, 3, "sewage_overflow", KHUWAIR, NOW, timedelta(minutes=3), "Al Khuwair")
    at(surge, NOW + timedelta(minutes=15))
    assert find_spikes(surge).endswith("0 new spike(s) announced")
    assert len(spike_mail(surge)) == 1
    with surge.sessions() as session:
        (spike,) = session.execute(select(Spike)).scalars()
        assert spike.count == 15


def test_after_a_calm_window_a_new_surge_is_a_new_spike(surge: Context) -> None:
    at(surge, NOW)
    find_spikes(surge)
    later = NOW + timedelta(hours=8)
    at(surge, later - timedelta(hours=1))
    find_spikes(surge)  # nothing in its window: calm
    reports(surge, 14, "sewage_overflow", KHUWAIR, later - WINDOW, WINDOW, "Al Khuwair")
    at(surge, later)
    assert find_spikes(surge).endswith("1 new spike(s) announced")
    assert len(spike_mail(surge)) == 2


def test_a_few_reports_or_a_usually_busy_area_is_no_spike(surge: Context) -> None:
    reports(surge, 4, "road_damage", SEEB, NOW - WINDOW, WINDOW)  # below the minimum
    reports(surge, 2000, "waste_collection", SEEB, NOW - WINDOW - timedelta(weeks=4),
            timedelta(weeks=4))  # fmt: skip
    reports(surge, 12, "waste_collection", SEEB, NOW - WINDOW, WINDOW)  # usual ~9
    with surge.sessions() as session:
        found = {(v.category, v.area): v for v in volumes(session, NOW)}
    unusual = {key[0] for key, v in found.items() if v.unusual}
    assert unusual == {"sewage_overflow"}
    assert [v.usual for k, v in found.items() if k[0] == "waste_collection"] == [8.93, 8.93]


def test_supervisors_see_the_spike_in_the_inbox_and_dispatchers_do_not(surge: Context) -> None:
    at(surge, NOW)
    find_spikes(surge)
    app = app_for(surge)
    page = signed_in(app, "boss@mct.om").get("/inbox/").get_data(as_text=True)
    assert "Unusual volume: Sewage" in page and "14 reports in 3 hours, usually 1." in page
    other = signed_in(app, "disp@mct.om").get("/inbox/").get_data(as_text=True)
    assert "Unusual volume" not in other


def test_arabic_spike_notices_count_reports_as_arabic_counts_them(surge: Context) -> None:
    """Fourteen reports are "14 بلاغًا" (11-99 take the singular): the inbox banner and the
    supervisor's mail said "14 بلاغات" on a storm morning."""
    make_staff(surge, "raees@mct.om", "supervisor", language="ar")
    at(surge, NOW)
    find_spikes(surge)
    mail = next(m for m in spike_mail(surge) if m.address == "raees@mct.om")
    assert "14 بلاغًا خلال 3 ساعات" in mail.payload["text"]
    page = signed_in(app_for(surge), "raees@mct.om", "ar").get("/inbox/").get_data(as_text=True)
    assert (
        "14 بلاغًا خلال 3 ساعات" in page and "بلاغات" not in page.split("ارتفاع غير معتاد")[1][:80]
    )


def test_a_latin_area_name_keeps_its_place_in_an_arabic_spike_notice(surge: Context) -> None:
    """On a storm morning the Arabic banner read "في :khuwair 12 بلاغًا": the area typed in
    Latin letters ran into the colon after it. It is isolated, as citizen texts isolate names."""
    make_staff(surge, "raees@mct.om", "supervisor", language="ar")
    at(surge, NOW)
    find_spikes(surge)
    mail = next(m for m in spike_mail(surge) if m.address == "raees@mct.om")
    assert "في \u2068Al Khuwair\u2069: 14 بلاغًا" in mail.payload["text"]
    page = signed_in(app_for(surge), "raees@mct.om", "ar").get("/inbox/").get_data(as_text=True)
    assert "في \u2068Al Khuwair\u2069: 14 بلاغًا" in page
