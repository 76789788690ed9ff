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

from core.context import Context
from tests.staffkit import PASSWORD, app_for, csrf_token, make_staff

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
