"""Staff change their own password; the favicon; the shortcuts are documented (issue 20, 7)."""

from __future__ import annotations

from flask.testing import FlaskClient

from core.context import Context
from tests.staffkit import PASSWORD, app_for, login, make_staff, post_form, signed_in

NEW = "a fresh long passphrase"


def _agent(ctx: Context, language: str = "en") -> FlaskClient:
    make_staff(ctx, "agent@mct.om", "agent")
    return signed_in(app_for(ctx), "agent@mct.om", language)


def test_staff_change_their_own_password_and_sign_in_with_the_new_one(ctx: Context) -> None:
    client = _agent(ctx)
    answer = post_form(client, "/inbox/password", {"current": PASSWORD, "new": NEW, "repeat": NEW})
    assert answer.status_code == 302
    fresh = app_for(ctx).test_client()
    assert login(fresh, "agent@mct.om", PASSWORD).status_code != 302
    assert login(fresh, "agent@mct.om", NEW).status_code == 302


def test_a_wrong_current_password_changes_nothing_and_says_why(ctx: Context) -> None:
    client = _agent(ctx, "ar")
    answer = post_form(
        client, "/inbox/password", {"current": "not my password", "new": NEW, "repeat": NEW}
    )
    assert answer.status_code == 400
    assert "كلمة المرور الحالية غير صحيحة" in answer.get_data(as_text=True)
    assert login(app_for(ctx).test_client(), "agent@mct.om", PASSWORD).status_code == 302


def test_mismatched_or_short_new_passwords_are_refused(ctx: Context) -> None:
    client = _agent(ctx)
    mismatch = post_form(
        client, "/inbox/password", {"current": PASSWORD, "new": NEW, "repeat": NEW + "x"}
    )
    assert mismatch.status_code == 400
    assert "not the same" in mismatch.get_data(as_text=True)
    short = post_form(client, "/inbox/password", {"current": PASSWORD, "new": "ab", "repeat": "ab"})
    assert short.status_code == 400
    assert login(app_for(ctx).test_client(), "agent@mct.om", PASSWORD).status_code == 302


def test_the_password_page_needs_a_signed_in_user(ctx: Context) -> None:
    client = app_for(ctx).test_client()
    assert client.get("/inbox/password").status_code == 302  # to the sign-in page


def test_every_inbox_page_lists_its_keyboard_shortcuts_and_has_an_icon(ctx: Context) -> None:
    page = _agent(ctx).get("/inbox/").get_data(as_text=True)
    assert 'id="shortcuts"' in page and "<kbd>/</kbd>" in page and "<kbd>r</kbd>" in page
    assert 'rel="icon"' in page
    icon = app_for(ctx).test_client().get("/favicon.ico")
    assert icon.status_code == 200 and b"<svg" in icon.data
