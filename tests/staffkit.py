"""Helpers for the inbox, API, permission and staff-action tests (imported, not a plugin)."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from itertools import count
from unittest.mock import patch

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from channels.web.app import create_app
from channels.web.inbox.i18n import translate
from core.context import Context
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.intake.triage import set_category
from core.models import Ticket, User
from core.staff import accounts
from core.staff.accounts import add_user, hash_password, issue_token
from core.staff.permissions import Staff, staff_from_user

PASSWORD = "correct horse battery"
_ids = count(1)


def make_staff(
    ctx: Context, email: str, role: str, directorate: str | None = None, language: str = "en"
) -> Staff:
    """A member of staff with PASSWORD, returned as the permission view."""
    codes = [d.code for d in ctx.taxonomy.directorates]
    with ctx.sessions() as session, session.begin():
        user = add_user(
            session, email, role, password=None, directorate=directorate, directorates=codes
        )
        user.password_hash = password_hash()
        user.language = language
        return staff_from_user(user)


def give_name(ctx: Context, email: str, name: str) -> None:
    """Give a member of staff a display name (the_roles' people have none)."""
    with ctx.sessions() as session, session.begin():
        session.execute(select(User).where(User.email == email)).scalar_one().name = name


# scrypt's cost for PASSWORD's stored hash: the service's is n=2**14 (core.staff.accounts).
TEST_SCRYPT = {"n": 2**10}


@cache
def password_hash() -> str:
    """PASSWORD's scrypt hash, made once per session by the real hash_password and stored for
    every member of staff a test makes: scrypt is slow on purpose (0.09 s on a quiet machine,
    six of them for the_roles), and what is stored is still a real hash of PASSWORD (only its
    salt is shared between the accounts). It is made at TEST_SCRYPT's cost, which the hash
    names and every sign-in's verify_password uses: 2 ms of CPU a sign-in instead of 42 on
    the test machine, for each test client signed in. Every other hash (a password set in the
    inbox or the CLI, the start-up administrator's, the one unknown addresses are checked
    against) keeps the service's cost."""
    with patch.dict(accounts._SCRYPT, TEST_SCRYPT):
        return hash_password(PASSWORD)


def the_roles(ctx: Context) -> dict[str, Staff]:
    """One member of staff per role, with department staff for roads and health."""
    return {
        "agent": make_staff(ctx, "agent@mct.om", "agent"),
        "dispatcher": make_staff(ctx, "disp@mct.om", "dispatcher"),
        "roads": make_staff(ctx, "roads@mct.om", "department", "roads"),
        "health": make_staff(ctx, "health@mct.om", "department", "health"),
        "supervisor": make_staff(ctx, "super@mct.om", "supervisor"),
        "admin": make_staff(ctx, "admin@mct.om", "admin"),
    }


def new_ticket(
    ctx: Context,
    text: str = "Pothole on Sultan Qaboos Street",
    *,
    sender: str | None = None,
    channel: str = "telegram",
    category: str | None = None,
    **extra: object,
) -> str:
    """Ingest a citizen message as a new ticket; optionally classify it; return its reference."""
    n = next(_ids)
    if sender is None:
        sender = f"c{n}@example.com" if channel == "email" else str(1000 + n)
    processed = ingest(
        ctx,
        InboundMessage(
            channel=channel,
            sender=sender,
            text=text,
            external_id=f"test-{n}-{datetime.now(UTC).timestamp()}",
            thread=ThreadHints(new_ticket=True),
            **extra,  # type: ignore[arg-type]
        ),
    )
    if category:
        with ctx.sessions() as session, session.begin():
            ticket = session.get(Ticket, processed.ticket_id)
            assert ticket is not None
            set_category(ctx, ticket, category)
    return processed.reference


def load(ctx: Context, reference: str) -> Ticket:
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        _ = ticket.messages, ticket.events, ticket.contact.identities, ticket.assignee
        _ = ticket.duplicate_of
        return ticket


def app_for(ctx: Context) -> Flask:
    app = create_app(ctx)
    app.config["TESTING"] = True
    return app


def token_for(ctx: Context, email: str) -> str:
    with ctx.sessions() as session, session.begin():
        user = session.execute(select(User).where(User.email == email)).scalar_one()
        return issue_token(session, user)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client: FlaskClient, path: str = "/inbox/login") -> str:
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client: FlaskClient, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    token = csrf_token(client)
    return client.post(
        "/inbox/login", data={"email": email, "password": password, "csrf_token": token}
    )


def signed_in(app: Flask, email: str, language: str | None = "en") -> FlaskClient:
    """A test client signed in as `email`, reading the inbox in `language` (None: default)."""
    client = app.test_client()
    assert login(client, email).status_code == 302
    if language:
        choose_language(client, language)
    return client


def choose_language(client: FlaskClient, language: str, next: str | None = None):  # type: ignore[no-untyped-def]
    """Switch the inbox's language as its button does: a POST with the session's CSRF token."""
    page = client.get("/inbox/login", follow_redirects=True).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, "no CSRF token on the inbox's page"
    data = {"csrf_token": match.group(1), **({"next": next} if next is not None else {})}
    return client.post(f"/inbox/lang/{language}", data=data)


def post_form(client: FlaskClient, path: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    """POST an inbox form with the session's CSRF token."""
    token = csrf_token(client, "/inbox/")
    return client.post(path, data={**data, "csrf_token": token})


@contextmanager
def staff_page(browser, url: str, email: str, lang: str, **context_options):  # type: ignore[no-untyped-def]
    """A page of its own browser context, signed in as `email` in `lang`; the context closes
    when the block ends, a failed assertion included (the phone tests' one copy of the steps)."""
    context = browser.new_context(**context_options)
    try:
        page = context.new_page()
        sign_in_page(page, url, email, lang)
        yield page
    finally:
        context.close()


def sign_in_page(page, url: str, email: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Sign a Playwright page in through the inbox's form in `lang` (the browser tests' one
    copy of the steps: the labels are the catalog's, so a renamed label fails every test)."""
    open_in_language(page, f"{url}/inbox/login", lang)
    page.get_by_label(translate("email", lang), exact=True).fill(email)
    page.get_by_label(translate("password", lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=translate("sign_in", lang)).click()
    page.wait_for_url(f"{url}/inbox/")


def open_in_language(page, address: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Open an inbox page and, when it is not in `lang`, press the header's language button
    (a POST form that comes back to the same page)."""
    page.goto(address)
    if page.get_attribute("html", "lang") != lang:
        with page.expect_navigation():
            page.locator("form.lang-switch button").click()
    page.wait_for_load_state("load")
    assert page.get_attribute("html", "lang") == lang
