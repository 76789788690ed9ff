"""Administering staff accounts: create, change role, deactivate, reset a password.

The inbox's staff page is one caller; the rules live here. Each operation takes the acting
`Staff`, asks `core.staff.permissions` first (only administrators manage users) and works in the
caller's session and transaction. Two rules keep the centre from locking itself out: an
administrator cannot deactivate or demote themselves, and whoever demotes or deactivates an
administrator must still be an active one when the change is made (checked with the
administrators' rows locked), so the centre always keeps an active administrator, even when
two of them remove each other at the same moment.

A staff change has no ticket, so it cannot be an `Event`; each one is logged instead, naming
who did it (as ticket events do, by email and id) and what changed. Passwords never are.
Open tickets held by someone who is deactivated, or who leaves a directorate or the
department role, go back to their directorate's queue unassigned (with an `unassigned` event
on each), so no ticket waits on a person who can no longer see or work it.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.errors import Forbidden, InputError, NotFound
from core.models import OPEN_STATUSES, Role, Ticket, User
from core.staff.accounts import (
    MIN_PASSWORD,
    WEAKNESS_MESSAGES,
    add_user,
    hash_password,
    password_weakness,
    valid_email,
    validate_role,
    verify_password,
)
from core.staff.permissions import Action, Staff, require
from core.storable import storable_text
from core.tickets import record_event

logger = logging.getLogger(__name__)

MAX_NAME = 200  # the column's size
LANGUAGES = ("ar", "en")


class StaffChangeRefused(InputError):
    """A refused staff change: an English message, plus a key and parameters a user
    interface can turn into its own words (always has a key, unlike InputError)."""

    key: str

    def __init__(self, message: str, key: str, **params: object) -> None:
        super().__init__(message, key, **params)


def list_staff(session: Session, actor: Staff) -> list[User]:
    """Every account, active ones first, then by email."""
    require(actor, Action.MANAGE_USERS)
    query = select(User).order_by(User.active.desc(), User.email)
    return list(session.execute(query).scalars())


def get_staff(session: Session, actor: Staff, user_id: int) -> User:
    """One account by id, or NotFound."""
    require(actor, Action.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No such member of staff.")
    return user


def _clean_name(name: str) -> str:
    cleaned = " ".join(storable_text(name).split())
    if len(cleaned) > MAX_NAME:
        raise StaffChangeRefused(
            f"The name is longer than {MAX_NAME} characters.", "staff_name_too_long", limit=MAX_NAME
        )
    return cleaned


def _check_role(role: str, directorate: str | None, directorates: list[str]) -> str | None:
    """`core.staff.accounts.validate_role`, refused with its key; the directorate to store."""
    try:
        validate_role(role, directorate, directorates)
    except InputError as exc:
        raise StaffChangeRefused(str(exc), exc.key or "staff_bad_role", **exc.params) from None
    return directorate if role == Role.DEPARTMENT else None


# The inbox's words for each reason `password_weakness` gives.
WEAKNESS_KEYS = {
    "too_short": "staff_password_too_short",
    "too_simple": "staff_password_too_simple",
    "like_email": "staff_password_like_email",
}


def _check_password(password: str, email: str) -> None:
    """The CLI's rule (`core.staff.accounts.password_weakness`), refused with its reason."""
    weakness = password_weakness(password, email)
    if weakness is not None:
        raise StaffChangeRefused(
            WEAKNESS_MESSAGES[weakness].format(minimum=MIN_PASSWORD),
            WEAKNESS_KEYS[weakness],
            minimum=MIN_PASSWORD,
        )


def create_staff(
    session: Session,
    actor: Staff,
    *,
    email: str,
    name: str,
    role: str,
    directorate: str | None,
    password: str,
    directorates: list[str],
    language: str = "ar",
) -> User:
    """Add a member of staff who can sign in with this initial password."""
    require(actor, Action.MANAGE_USERS)
    email = email.strip().lower()
    if not valid_email(email):
        raise StaffChangeRefused(f"'{email}' is not an email address.", "staff_bad_email")
    clean_name = _clean_name(name)
    directorate = _check_role(role, directorate or None, directorates)
    _check_password(password, email)
    if language not in LANGUAGES:
        raise StaffChangeRefused(f"Unknown language '{language}'.", "staff_bad_language")
    if _email_taken(session, email):
        raise _email_exists(email)
    try:
        user = add_user(
            session,
            email,
            role,
            password=password,
            directorate=directorate,
            name=clean_name,
            directorates=directorates,
        )
    except IntegrityError:  # created by someone else between our check and the insert
        raise _email_exists(email) from None
    user.language = language
    logger.info(
        "staff: %s (user %s) created user %s (%s) as %s%s",
        actor.email,
        actor.id,
        user.id,
        user.email,
        user.role,
        f" of {user.directorate}" if user.directorate else "",
    )
    return user


def _email_taken(session: Session, email: str) -> bool:
    return session.execute(select(User.id).where(User.email == email)).first() is not None


def _email_exists(email: str) -> StaffChangeRefused:
    return StaffChangeRefused(
        f"A user with email {email} already exists.", "staff_email_exists", email=email
    )


def update_staff(
    session: Session,
    actor: Staff,
    user_id: int,
    *,
    name: str,
    role: str,
    directorate: str | None,
    directorates: list[str],
) -> User:
    """Change a member of staff's name, role and directorate (not their own admin role)."""
    user = get_staff(session, actor, user_id)
    clean_name = _clean_name(name) or user.name
    new_directorate = _check_role(role, directorate or None, directorates)
    if user.role == Role.ADMIN and role != Role.ADMIN:
        if user.id == actor.id:
            raise StaffChangeRefused(
                "You cannot remove your own administrator role.", "staff_no_self_demote"
            )
        _keep_an_admin(session, actor)
    current = {"name": user.name, "role": str(user.role), "directorate": user.directorate}
    changes = {
        field: (current[field], value)
        for field, value in (("name", clean_name), ("role", role), ("directorate", new_directorate))
        if current[field] != value
    }
    if not changes:
        return user
    user.name, user.role, user.directorate = clean_name, Role(role), new_directorate
    if "role" in changes or "directorate" in changes:
        _release_tickets(session, actor, user, "moved")
    logger.info(
        "staff: %s (user %s) changed user %s: %s",
        actor.email,
        actor.id,
        user.id,
        ", ".join(f"{field} {old!r} -> {new!r}" for field, (old, new) in changes.items()),
    )
    return user


def set_active(session: Session, actor: Staff, user_id: int, active: bool) -> User:
    """Deactivate (no sign-in, sessions and API tokens stop working) or reactivate."""
    user = get_staff(session, actor, user_id)
    if user.active == active:
        return user
    if not active:
        if user.id == actor.id:
            raise StaffChangeRefused(
                "You cannot deactivate your own account.", "staff_no_self_deactivate"
            )
        if user.role == Role.ADMIN:
            _keep_an_admin(session, actor)
    user.active = active
    if not active:
        _release_tickets(session, actor, user, "deactivated")
    logger.info(
        "staff: %s (user %s) %s user %s",
        actor.email,
        actor.id,
        "reactivated" if active else "deactivated",
        user.id,
    )
    return user


def reset_password(session: Session, actor: Staff, user_id: int, password: str) -> User:
    """Set a new password chosen by an administrator.

    Sign-in never locks an account; the inbox's throttle (channels.web.inbox.throttle) makes
    failed tries wait, and its counts for this account start afresh with the new password
    (their key carries the password's version).

    API tokens stay valid: they are separate credentials, revoked on their own (nothing in
    Balagh ties them to the password).
    """
    user = get_staff(session, actor, user_id)
    _check_password(password, user.email)
    user.password_hash = hash_password(password)
    logger.info("staff: %s (user %s) reset the password of user %s", actor.email, actor.id, user.id)
    return user


def change_own_password(session: Session, actor: Staff, current: str, new: str) -> User:
    """A staff member replaces their own password, proving they know the present one (a
    session left open on a shared desk must not be enough to take the account over)."""
    user = session.get(User, actor.id)
    if user is None or not user.active:
        raise NotFound("no such staff account")
    if not verify_password(user.password_hash, current):
        raise StaffChangeRefused("The current password is not right.", "password_current_wrong")
    _check_password(new, user.email)
    if new == current:
        raise StaffChangeRefused("The new password is the same as the old one.", "password_same")
    user.password_hash = hash_password(new)
    logger.info("staff: %s (user %s) changed their own password", actor.email, actor.id)
    return user


def _release_tickets(session: Session, actor: Staff, user: User, why: str) -> int:
    """Return the open tickets `user` holds but may no longer work to their queue."""
    query = select(Ticket).where(Ticket.assignee_id == user.id, Ticket.status.in_(OPEN_STATUSES))
    released = 0
    for ticket in session.execute(query).scalars():
        still_theirs = user.active and (
            user.role != Role.DEPARTMENT or user.directorate == ticket.directorate
        )
        if still_theirs:
            continue
        ticket.assignee_id = None
        record_event(
            session,
            ticket,
            "unassigned",
            actor=actor.email,
            actor_id=actor.id,
            user_id=user.id,
            reason=why,
        )
        released += 1
    return released


def _keep_an_admin(session: Session, actor: Staff) -> None:
    """Before an administrator is demoted or deactivated, lock the active administrators'
    rows and check the actor is still one of them. With the self rule, that leaves at least
    one active administrator (the actor), even when two administrators remove each other at
    the same moment: the second change waits for the first and is then refused."""
    admins = session.execute(
        select(User.id).where(User.role == Role.ADMIN, User.active.is_(True)).with_for_update()
    ).scalars()
    if actor.id not in set(admins):
        raise Forbidden("Only an active administrator may manage users.")
