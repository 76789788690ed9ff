"""Saved filters: a member of staff keeps a queue view under a name (core.staff.saved_filters)."""

from __future__ import annotations

from flask import Response, flash, redirect, request, url_for
from flask_login import login_required
from markupsafe import Markup, escape

from channels.web.inbox.auth import ctx, current_staff, t
from channels.web.inbox.blueprint import bp
from channels.web.inbox.refusals import refusal
from core.errors import InputError
from core.staff import saved_filters


@bp.post("/filters")
@login_required
def save_filter() -> Response:
    """Keep the queue's current filter under a name; back to that queue."""
    query = request.form.get("query", "")
    try:
        with ctx().sessions() as db, db.begin():
            saved = saved_filters.save_filter(
                ctx(), db, current_staff(), request.form.get("name", ""), query
            )
            kept, name = saved.query, saved.name
    except InputError as exc:
        flash(refusal(exc), "error")
        kept = saved_filters.filter_query(query)
    else:
        # the name in its own direction: a Latin or mixed name inside the Arabic sentence
        named = Markup("<bdi>{}</bdi>").format(name)
        flash(escape(t("filter_saved")).format(name=named), "info")
    return redirect(url_for("inbox.queue") + (f"?{kept}" if kept else ""))  # type: ignore[return-value]


@bp.post("/filters/<int:filter_id>/delete")
@login_required
def delete_filter(filter_id: int) -> Response:
    """Delete one of one's own filters (anyone else's: 404)."""
    with ctx().sessions() as db, db.begin():
        saved_filters.delete_filter(db, current_staff(), filter_id)
    flash(t("filter_deleted"), "info")
    return redirect(url_for("inbox.queue"))  # type: ignore[return-value]
