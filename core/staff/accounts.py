"""Staff accounts and API tokens. Passwords are scrypt hashes; tokens are stored as SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import InputError
from core.models import ApiToken, Role, User

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 10
MAX_EMAIL = 320  # the column's size
# One "@", no spaces or control characters, a dotted domain: enough to catch typos; the mail
# server decides the rest.
_EMAIL = re.compile(r"[^@\s\x00-\x1f]+@[^@\s.\x00-\x1f]+(\.[^@\s.\x00-\x1f]+)+")


def valid_email(email: str) -> bool:
    """Whether this (already lower-cased, stripped) text can be a staff email address."""
    return len(email) <= MAX_EMAIL and _EMAIL.fullmatch(email) is not None


WEAKNESS_MESSAGES = {
    "too_short": "The password must have at least {minimum} characters.",
    "too_simple": "The password is too easy to guess (one character repeated, or a run like "
    "1234567890): use a few words.",
    "like_email": "The password must not be the account's email address or its name part.",
}


def password_weakness(password: str, email: str) -> str | None:
    """Why a staff password would be among the first guesses, or None: shorter than
    MIN_PASSWORD (`too_short`), the account's own address or its name part (`like_email`),
    or too few characters to guess from: one repeated, two alternating, a plain run such as
    1234567890 or abcdefghij (`too_simple`). Length alone let all of these through."""
    if len(password) < MIN_PASSWORD:
        return "too_short"
    folded, address = password.strip().casefold(), email.strip().casefold()
    if folded in (address, address.split("@")[0]):
        return "like_email"
    steps = {ord(b) - ord(a) for a, b in zip(folded, folded[1:], strict=False)}
    if len(set(folded)) <= 2 or steps in ({1}, {-1}, {1, -9}, {-1, 9}):
        return "too_simple"
    return None


def hash_password(password: str) -> str:
    """A salted scrypt hash in one self-describing string."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def password_version(password_hash: str | None) -> str:
    """A short fingerprint of the account's present password (not of the password itself):
    a sign-in session and the sign-in throttle's count carry it, so a new password (an
    administrator's reset, the owner's change) ends the sessions and counts of the old one."""
    return hashlib.sha256((password_hash or "").encode()).hexdigest()[:12]


def verify_password(stored: str, password: str) -> bool:
    """Check a password against its stored hash in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt), dklen=32, n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(candidate.hex(), digest)


def validate_role(role: str, directorate: str | None, directorates: list[str]) -> None:
    """Department staff belong to exactly one known directorate; others to none.

    The one rule for the CLI and the inbox (`core.staff.admin`): each refusal carries a key
    and parameters an interface with its own words can show.
    """
    roles = ", ".join(r.value for r in Role)
    if role not in {r.value for r in Role}:
        raise InputError(
            f"Unknown role '{role}'. Use one of: {roles}.", "staff_bad_role", role=role, known=roles
        )
    if role != Role.DEPARTMENT or directorate in directorates:
        return
    known = ", ".join(directorates)
    if directorate:
        raise InputError(
            f"Unknown directorate '{directorate}'. Use one of: {known}.",
            "staff_unknown_directorate",
            directorate=directorate,
            known=known,
        )
    raise InputError(
        f"Department staff need --directorate, one of: {known}.",
        "staff_needs_directorate",
        known=known,
    )


def add_user(
    session: Session,
    email: str,
    role: str,
    *,
    password: str | None,
    directorate: str | None = None,
    name: str = "",
    directorates: list[str],
) -> User:
    """Create a member of staff; a short password is refused with a clear message."""
    email = email.strip().lower()
    if not valid_email(email):
        raise InputError(f"'{email}' is not an email address.")
    validate_role(role, directorate, directorates)
    if session.execute(select(User).where(User.email == email)).scalar_one_or_none():
        raise InputError(f"A user with email {email} already exists.")
    weakness = password_weakness(password, email) if password is not None else None
    if weakness is not None:
        raise InputError(WEAKNESS_MESSAGES[weakness].format(minimum=MIN_PASSWORD))
    user = User(
        email=email,
        name=name or email.split("@")[0],
        role=role,
        directorate=directorate if role == Role.DEPARTMENT else None,
        password_hash=hash_password(password) if password else "",
    )
    session.add(user)
    session.flush()
    return user


def display_names(session: Session, emails: Iterable[str | None]) -> dict[str, str]:
    """Email -> display name (User.display_name) of the staff accounts among `emails`, for
    pages and messages that hold an address (a history line, a changed assignee)."""
    wanted = {e for e in emails if e}
    if not wanted:
        return {}
    users = session.execute(select(User).where(User.email.in_(wanted))).scalars()
    return {u.email: u.display_name for u in users}


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user: User) -> str:
    """A new API token for this user; the clear text is returned once and never stored."""
    token = "blg_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=_token_hash(token), prefix=token[:10]))
    session.flush()
    return token


def user_for_token(session: Session, token: str, now: datetime) -> User | None:
    """The active user a bearer token belongs to, or None."""
    row = session.execute(
        select(ApiToken).where(
            ApiToken.token_hash == _token_hash(token), ApiToken.revoked.is_(False)
        )
    ).scalar_one_or_none()
    if row is None or not row.user.active:
        return None
    row.last_used_at = now
    return row.user
