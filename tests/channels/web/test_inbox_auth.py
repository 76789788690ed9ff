"""Signing in to the inbox: password, logout, cookies, CSRF, language (throttle: its own file)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, select

from core.context import Context
from core.models import User
from tests.conftest import make_settings
from tests.staffkit import PASSWORD, app_for, choose_language, csrf_token, login, make_staff


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    make_staff(ctx, "agent@mct.om", "agent", language="ar")
    return app_for(ctx).test_client()


def test_inbox_needs_a_sign_in(client: FlaskClient) -> None:
    response = client.get("/inbox/")
    assert response.status_code == 302 and "/inbox/login" in response.headers["Location"]


def test_correct_password_signs_in(client: FlaskClient) -> None:
    response = login(client, "agent@mct.om")
    assert response.status_code == 302 and response.headers["Location"].endswith("/inbox/")
    assert client.get("/inbox/").status_code == 200


def test_wrong_password_is_refused(client: FlaskClient) -> None:
    response = login(client, "agent@mct.om", "wrong password!")
    assert response.status_code == 401
    assert client.get("/inbox/").status_code == 302


def test_unknown_email_gets_the_same_answer(client: FlaskClient) -> None:
    unknown = login(client, "nobody@mct.om", "whatever12345")
    wrong = login(client, "agent@mct.om", "whatever12345")
    assert unknown.status_code == wrong.status_code == 401


def test_a_failed_sign_in_writes_nothing_to_the_account(ctx: Context, client: FlaskClient) -> None:
    """Sign-in never locks an account (the throttle makes a guesser wait), so nothing on the
    account counts failures: a stranger's guesses once updated its row, for a count no one
    read, and `locked_until`, checked at every request, was set by nothing."""
    written: list[str] = []

    def keep_writes(_conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        if not statement.lstrip().upper().startswith("SELECT"):
            written.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", keep_writes)
    try:
        for _ in range(3):
            assert login(client, "agent@mct.om", "wrong password!").status_code == 401
    finally:
        event.remove(ctx.engine, "before_cursor_execute", keep_writes)
    assert not [s for s in written if "user" in s.lower()]
    assert "failed_logins" not in User.__table__.c and "locked_until" not in User.__table__.c


def test_logout_ends_the_session(client: FlaskClient) -> None:
    login(client, "agent@mct.om")
    token = csrf_token(client, "/inbox/")
    response = client.post("/inbox/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert client.get("/inbox/").status_code == 302


def test_deactivated_user_loses_the_session(ctx: Context, client: FlaskClient) -> None:
    login(client, "agent@mct.om")
    with ctx.sessions() as session, session.begin():
        session.execute(select(User)).scalar_one().active = False
    assert client.get("/inbox/").status_code == 302


def test_form_post_without_csrf_token_is_refused(client: FlaskClient) -> None:
    response = client.post("/inbox/login", data={"email": "agent@mct.om", "password": PASSWORD})
    assert response.status_code == 400


def test_session_cookie_is_httponly_and_samesite(client: FlaskClient) -> None:
    response = login(client, "agent@mct.om")
    cookie = " ".join(response.headers.getlist("Set-Cookie"))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_is_secure_behind_https(ctx: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from balagh.wiring import build_context
    from channels.web.app import create_app

    settings = make_settings(
        tmp_path, ctx.settings.effective_database_url, public_url="https://balagh.example"
    )
    secure_ctx = build_context(settings, senders=ctx.senders)
    try:
        assert create_app(secure_ctx).config["SESSION_COOKIE_SECURE"] is True
    finally:
        secure_ctx.engine.dispose()


def test_login_page_is_arabic_rtl_by_default_and_switches_to_english(client: FlaskClient) -> None:
    page = client.get("/inbox/login", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert 'dir="rtl"' in page and "تسجيل الدخول" in page
    choose_language(client, "en")
    page = client.get("/inbox/login").get_data(as_text=True)
    assert 'dir="ltr"' in page and "Sign in" in page


def test_language_choice_is_remembered_for_the_user(ctx: Context, client: FlaskClient) -> None:
    login(client, "agent@mct.om")
    choose_language(client, "en")
    with ctx.sessions() as session:
        assert session.execute(select(User.language)).scalar_one() == "en"


def test_a_get_of_the_language_switch_changes_nothing(ctx: Context, client: FlaskClient) -> None:
    """A link crawler or another site's link cannot switch a staff member's language: the
    switch is a POST with the CSRF token; a GET is answered 405, and a POST without the token
    is refused."""
    login(client, "agent@mct.om")
    choose_language(client, "ar")
    response = client.get("/inbox/lang/en?next=/inbox/")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    assert client.post("/inbox/lang/en").status_code == 400  # no CSRF token
    assert 'dir="rtl"' in client.get("/inbox/").get_data(as_text=True)
    with ctx.sessions() as session:
        assert session.execute(select(User.language)).scalar_one() == "ar"


def test_the_language_button_is_a_csrf_form_back_to_the_same_page(client: FlaskClient) -> None:
    page = client.get("/inbox/login?next=/inbox/t/X", headers={"Accept-Language": "ar"})
    html = page.get_data(as_text=True)
    assert '<form method="post" action="/inbox/lang/en" class="inline lang-switch">' in html
    assert 'name="next" value="/inbox/login?next=/inbox/t/X"' in html
    assert 'href="/inbox/lang/' not in html


@pytest.mark.parametrize("path", ["/static/favicon.svg", "/inbox/static/inbox.css"])
def test_static_files_leave_the_session_cookie_alone(client: FlaskClient, path: str) -> None:
    """A favicon fetched while the language switch is answered must not answer with the older
    cookie (the browser keeps whichever Set-Cookie comes last)."""
    client.get("/inbox/login")  # an anonymous session now exists (its CSRF token)
    response = client.get(path)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_a_language_switch_survives_a_static_request_sent_with_the_older_cookie(
    client: FlaskClient,
) -> None:
    client.get("/inbox/login")
    older = client.get_cookie("session")
    assert older is not None
    choose_language(client, "en", next="/inbox/login")
    switched = client.get_cookie("session")
    assert switched is not None and switched.value != older.value
    # The stylesheet request the page sent before the switch carries the older cookie.
    client.set_cookie("session", older.value)
    stale = client.get("/inbox/static/inbox.css")
    assert "Set-Cookie" not in stale.headers
    client.set_cookie("session", switched.value)
    assert "Sign in" in client.get("/inbox/login").get_data(as_text=True)


@pytest.mark.parametrize("target", ["/inbox/\r\nX-Injected: 1", "/inbox/\n", "/inbox/\x00"])
def test_a_language_switch_with_a_control_character_in_next_goes_to_the_queue(
    client: FlaskClient, target: str
) -> None:
    """A crafted link's `next` with a line break cannot be a Location header: the queue, not a 500."""
    response = choose_language(client, "en", next=target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/inbox/"


def test_a_sign_in_with_a_line_break_in_next_lands_on_the_queue(client: FlaskClient) -> None:
    token = csrf_token(client)
    response = client.post(
        "/inbox/login",
        data={
            "email": "agent@mct.om",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "/inbox/t/MCT-000001\r\nX-Injected: 1",
        },
    )
    assert response.status_code == 302 and response.headers["Location"] == "/inbox/"
    assert client.get("/inbox/").status_code == 200
