"""Who is calling the JSON API: a bearer token names a member of staff (no cookies).

`work()` is each request's one transaction, opened with the caller authenticated.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app, request
from sqlalchemy.orm import Session

from channels.web.api.errors import ApiError
from core.context import Context
from core.staff.accounts import user_for_token
from core.staff.permissions import Staff, staff_from_user


def api_context() -> Context:
    """The core context the app was built around."""
    return current_app.extensions["balagh"]


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, the scheme in any case (RFC
    9110); None without one. The API and /metrics read the header by this one rule."""
    scheme, _, token = (authorization or "").partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


def _bearer_token() -> str:
    """The token of `Authorization: Bearer <token>`; 401 without one."""
    token = bearer_token(request.headers.get("Authorization"))
    if token is None:
        raise ApiError(401, "unauthorized", "Send 'Authorization: Bearer <token>'.")
    return token


def _authenticate(ctx: Context, session: Session) -> Staff:
    """The member of staff the token belongs to; 401 for an unknown or revoked token."""
    user = user_for_token(session, _bearer_token(), ctx.now())
    if user is None:
        raise ApiError(401, "unauthorized", "The token is unknown or revoked.")
    return staff_from_user(user, replies_direct=ctx.settings.department_replies_direct)


@contextmanager
def work() -> Iterator[tuple[Context, Session, Staff]]:
    """One transaction per request: authenticate, act, commit (or roll back on error)."""
    ctx = api_context()
    with ctx.sessions() as session, session.begin():
        yield ctx, session, _authenticate(ctx, session)
