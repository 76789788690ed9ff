"""A new password ends the account's other open sessions.

An administrator resets a password when an account may be in the wrong hands; before, a
session opened with the old password stayed signed in (the session named only the user), so
the reset locked out nobody. A member of staff who changes their own password keeps the
session they changed it in and loses the others (a desk they forgot to sign out of).
"""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import User
from tests.staffkit import PASSWORD, app_for, make_staff, post_form, signed_in

NEW = "a fresh long passphrase"


def _user_id(ctx: Context, email: str) -> int:
    with ctx.sessions() as session:
        return session.execute(select(User.id).where(User.email == email)).scalar_one()


def _signed_in_agent(ctx: Context) -> FlaskClient:
    make_staff(ctx, "agent@mct.om", "agent")
    client = signed_in(app_for(ctx), "agent@mct.om", "en")
    assert client.get("/inbox/").status_code == 200
    return client


def _signed_out(client: FlaskClient) -> bool:
    response = client.get("/inbox/")
    return response.status_code == 302 and "/inbox/login" in response.headers["Location"]


def test_an_administrators_reset_ends_the_users_open_session(ctx: Context) -> None:
    agent = _signed_in_agent(ctx)
    make_staff(ctx, "admin@mct.om", "admin")
    admin = signed_in(app_for(ctx), "admin@mct.om", "en")
    target = _user_id(ctx, "agent@mct.om")
    assert post_form(admin, f"/inbox/staff/{target}/password", {"password": NEW}).status_code == 302
    assert _signed_out(agent)
    assert admin.get("/inbox/").status_code == 200  # the administrator's own session goes on


def test_changing_ones_own_password_keeps_this_session_and_ends_the_others(
    ctx: Context,
) -> None:
    here = _signed_in_agent(ctx)
    elsewhere = signed_in(app_for(ctx), "agent@mct.om", "en")
    answer = post_form(here, "/inbox/password", {"current": PASSWORD, "new": NEW, "repeat": NEW})
    assert answer.status_code == 302
    assert here.get("/inbox/").status_code == 200
    assert _signed_out(elsewhere)


def test_a_refused_change_ends_no_session(ctx: Context) -> None:
    here = _signed_in_agent(ctx)
    elsewhere = signed_in(app_for(ctx), "agent@mct.om", "en")
    post_form(here, "/inbox/password", {"current": "wrong one!!", "new": NEW, "repeat": NEW})
    assert elsewhere.get("/inbox/").status_code == 200
