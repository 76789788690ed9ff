"""Staff accounts: passwords and API tokens are never stored in clear."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError
from core.models import ApiToken, User
from core.staff.accounts import add_user, issue_token, user_for_token, verify_password

DIRECTORATES = ["roads", "health"]


def test_password_is_stored_only_as_a_salted_hash(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        add_user(session, "a@mct.om", "agent", password="correct horse", directorates=DIRECTORATES)
        add_user(session, "b@mct.om", "agent", password="correct horse", directorates=DIRECTORATES)
    with ctx.sessions() as session:
        a, b = session.execute(select(User).order_by(User.email)).scalars().all()
    assert "correct horse" not in a.password_hash and a.password_hash != b.password_hash
    assert verify_password(a.password_hash, "correct horse")
    assert not verify_password(a.password_hash, "wrong horse!")


def test_api_token_is_stored_hashed_and_resolves_to_its_user(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        user = add_user(session, "d@mct.om", "dispatcher", password=None, directorates=DIRECTORATES)
        token = issue_token(session, user)
    with ctx.sessions() as session, session.begin():
        stored = session.execute(select(ApiToken)).scalar_one()
        assert token not in (stored.token_hash, stored.prefix + stored.token_hash)
        assert token[len(stored.prefix) :] not in stored.token_hash
        found = user_for_token(session, token, ctx.now())
        assert found is not None and found.email == "d@mct.om"
        assert user_for_token(session, token + "x", ctx.now()) is None


def test_department_user_needs_a_known_directorate(ctx: Context) -> None:
    with ctx.sessions() as session, pytest.raises(InputError, match="--directorate"):
        add_user(session, "r@mct.om", "department", password=None, directorates=DIRECTORATES)


def test_short_password_is_refused(ctx: Context) -> None:
    with ctx.sessions() as session, pytest.raises(InputError, match="at least"):
        add_user(session, "s@mct.om", "agent", password="short", directorates=DIRECTORATES)
