"""`/inbox/staff`: administrators list, add and change staff accounts.

Only HTTP lives here; the rules (who may, the password rule, never losing the last
administrator, the log of who changed what) are `core.staff.admin`'s. A refused change
re-renders its form with the reason in the page's language and status 400; nothing changes.
"""

from __future__ import annotations

from typing import Any, NoReturn

from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from channels.web.inbox.auth import ctx, staff_for_page, t
from channels.web.inbox.blueprint import bp
from core.errors import InputError, NotFound
from core.models import Role
from core.staff import admin as staff_admin
from core.staff.accounts import MIN_PASSWORD
from core.staff.permissions import Action, Staff

ROLES = tuple(r.value for r in Role)


def _admin() -> Staff:
    """The signed-in administrator; anyone else gets a 404 page saying who may come here."""
    return staff_for_page(Action.MANAGE_USERS, "staff_admin_only")


def _stop(key: str, status: int) -> NoReturn:
    abort(make_response(render_template("inbox/error.html", message=t(key)), status))


def _directorates() -> list[str]:
    return [d.code for d in ctx().taxonomy.directorates]


def _reason(exc: InputError) -> str:
    """The refusal in the page's language when core gave it a key, else core's message."""
    if isinstance(exc, staff_admin.StaffChangeRefused):
        return t(exc.key, **exc.params)
    return str(exc)


def _done(key: str, user_id: int, **params: object) -> Response:
    flash(t(key, **params), "info")
    return redirect(url_for("inbox.staff_edit", user_id=user_id))  # type: ignore[return-value]


@bp.get("/staff")
@login_required
def staff_list() -> str:
    """Every staff account with its role, directorate and state."""
    actor = _admin()
    with ctx().sessions() as db:
        users = staff_admin.list_staff(db, actor)
        return render_template("inbox/staff_list.html", users=users)


def _new_page(form: MultiDict[str, str] | dict[str, str], error: str | None = None) -> str:
    return render_template(
        "inbox/staff_new.html",
        form=form,
        error=error,
        roles=ROLES,
        minimum=MIN_PASSWORD,
    )


@bp.route("/staff/new", methods=["GET", "POST"])
@login_required
def staff_new() -> Response | str | tuple[str, int]:
    """Add a member of staff with an initial password."""
    actor = _admin()
    if request.method == "GET":
        return _new_page({})
    form = request.form
    try:
        with ctx().sessions() as db, db.begin():
            user = staff_admin.create_staff(
                db,
                actor,
                email=form.get("email", ""),
                name=form.get("name", ""),
                role=form.get("role", ""),
                directorate=form.get("directorate") or None,
                password=form.get("password", ""),
                directorates=_directorates(),
                language=form.get("language", "ar"),
            )
            user_id, email = user.id, user.email
    except InputError as exc:
        kept = MultiDict([(k, v) for k, v in form.items(multi=True) if k != "password"])
        return _new_page(kept, _reason(exc)), 400
    return _done("staff_created", user_id, email=email)


def _edit_page(actor: Staff, user_id: int, error: str | None = None) -> str:
    with ctx().sessions() as db:
        try:
            user = staff_admin.get_staff(db, actor, user_id)
        except NotFound:
            _stop("staff_not_found", 404)
        return render_template(
            "inbox/staff_edit.html",
            user=user,
            error=error,
            roles=ROLES,
            minimum=MIN_PASSWORD,
        )


def _change(user_id: int, run: Any, done: str) -> Response | tuple[str, int]:
    """Run one change in one transaction; a refusal re-renders the page with status 400."""
    actor = _admin()
    try:
        with ctx().sessions() as db, db.begin():
            run(db, actor)
    except NotFound:
        _stop("staff_not_found", 404)
    except InputError as exc:
        return _edit_page(actor, user_id, _reason(exc)), 400
    return _done(done, user_id)


@bp.get("/staff/<int:user_id>")
@login_required
def staff_edit(user_id: int) -> str:
    """One account: its details, role, state and password."""
    return _edit_page(_admin(), user_id)


@bp.post("/staff/<int:user_id>")
@login_required
def staff_update(user_id: int) -> Response | tuple[str, int]:
    """Change the name, role and directorate."""
    form = request.form
    return _change(
        user_id,
        lambda db, actor: staff_admin.update_staff(
            db,
            actor,
            user_id,
            name=form.get("name", ""),
            role=form.get("role", ""),
            directorate=form.get("directorate") or None,
            directorates=_directorates(),
        ),
        "done",
    )


@bp.post("/staff/<int:user_id>/active")
@login_required
def staff_set_active(user_id: int) -> Response | tuple[str, int]:
    """Deactivate (active=0) or reactivate (active=1) an account."""
    active = request.form.get("active") == "1"
    return _change(
        user_id,
        lambda db, actor: staff_admin.set_active(db, actor, user_id, active),
        "staff_reactivated" if active else "staff_deactivated",
    )


@bp.post("/staff/<int:user_id>/password")
@login_required
def staff_password(user_id: int) -> Response | tuple[str, int]:
    """Set a new password for the account."""
    password = request.form.get("password", "")
    return _change(
        user_id,
        lambda db, actor: staff_admin.reset_password(db, actor, user_id, password),
        "staff_password_set",
    )
