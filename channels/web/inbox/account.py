"""`/inbox/password`: every staff member changes their own password (issue 20, item 7).

The rule (the present password first, the length rule) is `core.staff.admin`'s.
"""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import login_required

from channels.web.inbox.auth import ctx, current_staff, sign_in, t
from channels.web.inbox.blueprint import bp
from core.staff import admin as staff_admin
from core.staff.accounts import MIN_PASSWORD


@bp.get("/password")
@login_required
def own_password() -> str:
    return render_template("inbox/password.html", minimum=MIN_PASSWORD, error=None)


@bp.post("/password")
@login_required
def own_password_post() -> Response | tuple[str, int]:
    """Change it; a refusal re-renders the form with the reason and status 400."""
    form = request.form
    if form.get("new", "") != form.get("repeat", ""):
        return _refused(t("password_mismatch"))
    try:
        with ctx().sessions() as db, db.begin():
            user = staff_admin.change_own_password(
                db, current_staff(), form.get("current", ""), form.get("new", "")
            )
            sign_in(user)  # this session goes on with the new password; the others end
    except staff_admin.StaffChangeRefused as exc:
        return _refused(t(exc.key, **exc.params))
    flash(t("password_changed"), "info")
    return redirect(url_for("inbox.queue"))  # type: ignore[return-value]


def _refused(reason: str) -> tuple[str, int]:
    return render_template("inbox/password.html", minimum=MIN_PASSWORD, error=reason), 400
