"""The demo's staff accounts read in both languages: the Arabic assignee list named the
directorates' department logins in English only ("Roads and Street Lighting")."""

from __future__ import annotations

import html
import re

from sqlalchemy import select

from balagh.demo import load_demo
from core.context import Context
from core.models import Status, Ticket, User
from tests.staffkit import app_for, make_staff, signed_in

ARABIC = re.compile("[\u0600-\u06ff]")
LATIN = re.compile("[A-Za-z]")


def test_every_demo_account_has_an_arabic_and_an_english_name(ctx: Context) -> None:
    load_demo(ctx)
    with ctx.sessions() as session:
        users = session.execute(select(User).where(User.email.like("%@demo.balagh"))).scalars()
        names = {u.email: u.name for u in users}
    assert len(names) == 3 + len(ctx.taxonomy.directorates)
    for email, name in names.items():
        assert ARABIC.search(name) and LATIN.search(name), (email, name)
    assert names["roads@demo.balagh"] == "الطرق والإنارة / Roads and Street Lighting"


def test_the_arabic_assignee_list_names_the_department_logins_in_arabic(ctx: Context) -> None:
    load_demo(ctx)
    with ctx.sessions() as session:
        reference = session.execute(
            select(Ticket.reference).where(Ticket.status == Status.TRIAGED)
        ).scalar_one()
    make_staff(ctx, "disp@mct.om", "dispatcher")
    page = signed_in(app_for(ctx), "disp@mct.om", "ar").get(f"/inbox/t/{reference}")
    text = html.unescape(page.get_data(as_text=True))
    option = re.search(r'<option value="roads@demo.balagh"[^>]*>([^<]*)</option>', text)
    assert option is not None
    assert "الطرق والإنارة" in option.group(1)
