"""Signing staff in and out, the language switch, and what every inbox page needs."""

from __future__ import annotations

import hmac
import logging
from functools import cache
from typing import Any

from flask import (
    Response,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from sqlalchemy import select

from channels.web.inbox.blueprint import bp, security_headers
from channels.web.inbox.i18n import (
    LANGUAGES,
    RTL,
    count_phrase,
    label,
    translate,
    wait_phrase,
    words,
)
from channels.web.inbox.throttle import Scope, throttle
from core.context import Context
from core.models import User
from core.staff.accounts import hash_password, password_version, verify_password
from core.staff.permissions import Action, Staff, allowed, staff_from_user
from core.storable import is_storable
from core.tickets import format_reference

logger = logging.getLogger(__name__)
# A throttled sign-in is told what is limited: this network, this account from this network,
# or this account from everywhere (which its owner waits through too).
THROTTLED_WORDS: dict[Scope, str] = {
    "address": "login_throttled",
    "pair": "login_throttled_account_here",
    "account": "login_throttled_account",
}

login_manager = LoginManager()
login_manager.login_view = "inbox.login"
login_manager.login_message = "please_sign_in"
login_manager.localize_callback = lambda key: t(key)
login_manager.session_protection = "strong"


class StaffUser(UserMixin):
    """The signed-in member of staff as Flask-Login sees them: the session holds the user's id
    with the version of the password it was opened with, so a new password ends it."""

    def __init__(self, staff: Staff, password_hash: str | None) -> None:
        self.staff = staff
        self.version = password_version(password_hash)

    def get_id(self) -> str:
        return f"{self.staff.id}:{self.version}"


def sign_in(user: User) -> None:
    """Open (or, after the owner's own password change, renew) this user's session."""
    login_user(StaffUser(staff_from_user(user), user.password_hash))


def ctx() -> Context:
    return current_app.extensions["balagh"]


def current_staff() -> Staff:
    staff: Staff = current_user.staff
    return staff


def staff_for_page(action: Action, key: str) -> Staff:
    """The signed-in member of staff, when their role has this page; else a 404 page.

    A page outside a role is not there for it (404, as a ticket outside a directorate is),
    with a line saying who may come here; an action refused on a ticket the member can see
    stays a 403 (views' Forbidden handler)."""
    staff = current_staff()
    if not allowed(staff, action):
        abort(make_response(render_template("inbox/error.html", message=t(key)), 404))
    return staff


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    """Reload the user each request so a deactivated account, or one whose password
    changed since this session was opened, loses access."""
    number, _, version = user_id.partition(":")
    if not number.isdigit():
        return None
    with ctx().sessions() as db:
        user = db.get(User, int(number))
        if user is None or not user.active:
            return None
        if not hmac.compare_digest(version, password_version(user.password_hash)):
            return None
        staff = staff_from_user(user, replies_direct=ctx().settings.department_replies_direct)
        return StaffUser(staff, user.password_hash)


def load_signed_in_user() -> None:
    """Load the signed-in user, if any, before the view opens its own session.

    Flask-Login loads the user lazily, e.g. in its template context processor while a view
    renders inside its session: on SQLite that second session would wait on the first's
    write lock until the busy timeout. Loaded up front, its short session is closed before
    any view begins, so a request never holds two sessions at once.

    Static files are public and must not touch the session cookie: Flask-Login marks an
    anonymous session "not fresh" on the next request it sees, and a stylesheet or favicon
    fetched alongside a language switch would answer with the older cookie and undo it.
    """
    if is_static_request():
        return
    _ = current_user.is_authenticated


def is_static_request() -> bool:
    """A stylesheet, script or icon: public, and answered without reading the session."""
    return (request.endpoint or "").rsplit(".", 1)[-1] == "static"


@cache
def _dummy_hash() -> str:
    return hash_password("not-a-real-password")


def current_language() -> str:
    """The session's choice, else the user's, else the browser's, else Arabic."""
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return str(chosen)
    if current_user.is_authenticated:
        return current_staff().language if current_staff().language in LANGUAGES else "ar"
    return request.accept_languages.best_match(LANGUAGES) or "ar"


def t(key: str, **params: object) -> str:
    return translate(key, current_language(), **params)


@bp.context_processor
def _inject() -> dict[str, Any]:
    lang = current_language()
    staff = current_staff() if current_user.is_authenticated else None
    return {
        "t": t,
        # label('channel', 'email') -> "Email"; count_of('ticket', 3) -> "3 بلاغات"
        "label": lambda group, code: label(group, code, lang),
        "count_of": lambda noun, n: count_phrase(noun, n, lang),
        "words": words(lang),
        "lang": lang,
        "text_dir": "rtl" if lang in RTL else "ltr",
        "staff": staff,
        "can": (lambda action: staff is not None and allowed(staff, Action(action))),
        "taxonomy": ctx().taxonomy,
        "refresh_seconds": ctx().settings.inbox_refresh_seconds,
        # a placeholder's example reference, with this centre's prefix (BALAGH_REF_PREFIX)
        "example_ref": lambda number: format_reference(ctx().settings.ref_prefix, number),
    }


def method_not_allowed_page(allowed: list[str]) -> Response:
    """405 for an inbox address asked with a method it does not take (a bookmarked or
    reloaded form action): the inbox's own page in the staff member's language, with Allow.
    Routing refused the request before the blueprint was chosen, so its context and headers
    are given here.
    """
    html = render_template("inbox/error.html", message=t("method_not_allowed"), **_inject())
    response = make_response(html, 405)
    response.headers["Allow"] = ", ".join(allowed)
    return security_headers(response)


def safe_next(target: str | None) -> str:
    """`target` when it is an inbox path; a control character (a crafted link's line break)
    cannot go into the Location header, so such a target is the queue too."""
    if target and target.startswith("/inbox") and target.isprintable():
        return target
    return url_for("inbox.queue")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    """Email and password; repeated failures make that address wait longer (inbox.throttle)."""
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(url_for("inbox.queue"))  # type: ignore[return-value]
        return render_template("inbox/login.html", next=request.args.get("next", ""))
    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    address, account = request.remote_addr or "unknown", _throttle_account(email)
    wait = throttle().wait(address, account)
    if wait is not None:  # checked before the password, so a throttled guess learns nothing
        said = THROTTLED_WORDS[wait.scope]
        flash(t(said, wait=wait_phrase(wait.seconds, current_language())), "error")
        page = render_template("inbox/login.html", next=request.form.get("next", ""))
        return page, 429, {"Retry-After": str(wait.seconds)}  # type: ignore[return-value]
    signed = _check_credentials(email, password)
    if signed is None:
        throttle().failed(address, account)
        flash(t("login_failed"), "error")
        return render_template("inbox/login.html", next=request.form.get("next", "")), 401  # type: ignore[return-value]
    throttle().succeeded(address, account)
    login_user(signed)
    language = signed.staff.language
    session["lang"] = language if language in LANGUAGES else current_language()
    return redirect(safe_next(request.form.get("next")))  # type: ignore[return-value]


def _throttle_account(email: str) -> str:
    """The account as the throttle counts it: the email and its password's version, so an
    administrator's password reset starts its counts afresh."""
    password_hash = None
    if is_storable(email):
        with ctx().sessions() as db:
            query = select(User.password_hash).where(User.email == email)
            password_hash = db.execute(query).scalar_one_or_none()
    return f"{email}#{password_version(password_hash)}"


def _check_credentials(email: str, password: str) -> StaffUser | None:
    with ctx().sessions() as db:
        by_email = select(User).where(User.email == email)
        user = db.execute(by_email).scalar_one_or_none() if is_storable(email) else None
        if user is None or not user.active or not user.password_hash:
            verify_password(_dummy_hash(), password)  # same work whether or not the user exists
            return None
        if verify_password(user.password_hash, password):
            return StaffUser(staff_from_user(user), user.password_hash)
        # No lockout and no count on the account (a stranger could lock anyone out, and
        # would write to the account's row with every guess): the throttle slows the guesser.
        return None


@bp.post("/logout")
def logout() -> Response:
    """Sign out and forget the session."""
    lang = session.get("lang")
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang
    flash(translate("signed_out", str(lang or "ar")), "info")
    return redirect(url_for("inbox.login"))  # type: ignore[return-value]


@bp.post("/lang/<code>")
def set_language(code: str) -> Response:
    """Switch the inbox between Arabic and English (remembered for the user). A CSRF-checked
    POST: a GET (a link crawler, another site's link or image) gets the inbox's 405 and
    changes neither the session's language nor the saved one."""
    if code in LANGUAGES:
        session["lang"] = code
        if current_user.is_authenticated:
            with ctx().sessions() as db, db.begin():
                user = db.get(User, current_staff().id)
                if user is not None:
                    user.language = code
    return redirect(safe_next(request.form.get("next")))  # type: ignore[return-value]
