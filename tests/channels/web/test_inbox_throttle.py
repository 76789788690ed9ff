"""Failed sign-ins slow the one who fails them, and never lock the account's owner out.

Failures count per client address (across accounts: password spraying) and per account at
that address; past the limit the address waits (429 with Retry-After) even with the right
password, so a throttled guess learns nothing. The owner, signing in from another place,
is let in whatever a stranger did.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from channels.web.inbox.auth import _throttle_account
from channels.web.inbox.throttle import throttle
from core.context import Context
from tests.staffkit import PASSWORD, app_for, choose_language, csrf_token, make_staff

STRANGER, OWNER = "203.0.113.9", "198.51.100.7"
ACCOUNTS = ("agent@mct.om", "disp@mct.om", "roads@mct.om")


@pytest.fixture
def app(ctx: Context) -> Flask:
    make_staff(ctx, "agent@mct.om", "agent")
    make_staff(ctx, "disp@mct.om", "dispatcher")
    make_staff(ctx, "roads@mct.om", "department", "roads")
    return app_for(ctx)


def client_at(app: Flask, address: str) -> FlaskClient:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def sign_in(client: FlaskClient, email: str, password: str):  # type: ignore[no-untyped-def]
    data = {"email": email, "password": password, "csrf_token": csrf_token(client)}
    return client.post("/inbox/login", data=data)


def test_spraying_passwords_across_accounts_from_one_address_is_throttled(app: Flask) -> None:
    stranger = client_at(app, STRANGER)
    answers = [sign_in(stranger, ACCOUNTS[n % 3], f"guess-{n}").status_code for n in range(12)]
    assert answers[:10] == [401] * 10 and answers[10:] == [429, 429]


def test_a_throttled_address_waits_even_with_the_right_password(app: Flask) -> None:
    stranger = client_at(app, STRANGER)
    for n in range(5):
        sign_in(stranger, "agent@mct.om", f"guess-{n}")
    refused = sign_in(stranger, "agent@mct.om", PASSWORD)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0


def test_a_strangers_failures_never_lock_the_owner_out(app: Flask) -> None:
    stranger = client_at(app, STRANGER)
    for n in range(15):
        sign_in(stranger, "agent@mct.om", f"guess-{n}")
    owner = client_at(app, OWNER)
    assert sign_in(owner, "agent@mct.om", PASSWORD).status_code == 302
    assert owner.get("/inbox/").status_code == 200


def test_a_signed_in_owner_keeps_the_session_while_a_stranger_fails(app: Flask) -> None:
    owner = client_at(app, OWNER)
    assert sign_in(owner, "agent@mct.om", PASSWORD).status_code == 302
    stranger = client_at(app, STRANGER)
    for n in range(6):
        sign_in(stranger, "agent@mct.om", f"guess-{n}")
    assert owner.get("/inbox/").status_code == 200


def _flash(answer) -> str:  # type: ignore[no-untyped-def]
    return answer.get_data(as_text=True).split('class="flash error"')[1].split("</p>")[0]


def test_a_throttled_network_is_told_it_is_this_network(app: Flask) -> None:
    stranger = client_at(app, STRANGER)
    for n in range(10):
        sign_in(stranger, ACCOUNTS[n % 3], f"guess-{n}")
    said = _flash(sign_in(stranger, "agent@mct.om", "guess"))
    assert "محاولات دخول فاشلة كثيرة من هذه الشبكة. يُرجى الانتظار" in said


def test_one_account_guessed_from_one_network_is_told_it_is_that_account_from_here(
    app: Flask,
) -> None:
    stranger = client_at(app, STRANGER)
    for n in range(5):
        sign_in(stranger, "agent@mct.om", f"guess-{n}")
    said = _flash(sign_in(stranger, "agent@mct.om", PASSWORD))
    assert "محاولات دخول فاشلة كثيرة إلى هذا الحساب من هذه الشبكة." in said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            "Too many failed sign-ins to this account from several places, so signing in"
            " to it is paused everywhere. Please wait ",
        ),
        (
            "ar",
            "محاولات دخول فاشلة كثيرة إلى هذا الحساب من أماكن عدة، فأُوقف الدخول إليه مؤقتًا"
            " من كل مكان. يُرجى الانتظار ",
        ),
    ],
)
def test_an_account_guessed_from_everywhere_is_not_said_to_be_limited_from_here(
    app: Flask, lang: str, words: str
) -> None:
    """Past the per-account limit (90 an hour) the account waits from every address, its
    owner's too: "from here" told the owner to try from elsewhere, which would wait as well."""
    with app.test_request_context():
        account = _throttle_account("agent@mct.om")
        for n in range(90):  # one failure from each of 90 addresses, as a spread guess makes
            throttle().failed(f"192.0.2.{n}", account)
    owner = client_at(app, OWNER)
    choose_language(owner, lang)
    answer = sign_in(owner, "agent@mct.om", PASSWORD)
    assert answer.status_code == 429 and words in _flash(answer)
