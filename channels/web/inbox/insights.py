"""`/inbox/stats` and `/inbox/dashboard`: the service-quality figures for staff.

Only HTTP lives here: the figures are `core.stats`'s, the trends and map points
`core.trends`'s, so the CLI, the API, the digest and these pages count the same way.
Department staff see their own directorate only; the dashboard is for supervisors and
administrators. A bad date or grouping is refused with no figures under it (all-time totals
would pass for the period asked about).
"""

from __future__ import annotations

from flask import flash, render_template, request
from flask_login import login_required

from channels.web.inbox import bp
from channels.web.inbox.auth import ctx, current_staff
from channels.web.inbox.views import refusal
from core.errors import InputError
from core.permissions import Action, require
from core.stats import FIGURES, GROUP_BY, check_group_by, compute_stats, parse_period, stats_scope


def _table_words() -> dict[str, object]:
    """What figures_table.html needs besides the figures."""
    taxonomy = ctx().taxonomy
    codes = {d.code for d in taxonomy.directorates} | {c.code for c in taxonomy.categories}
    return {"names": FIGURES, "groupings": GROUP_BY, "taxonomy_codes": codes}


@bp.get("/stats")
@login_required
def stats() -> str | tuple[str, int]:
    """The figures per group for a period, as a table."""
    staff = current_staff()
    require(staff, Action.STATS)
    args = {name: request.args.get(name, "") for name in ("since", "until", "group_by")}
    page = {"figures": None, **_table_words(), **args}
    try:
        since, until = parse_period(args["since"] or None, args["until"] or None)
        group_by = check_group_by(args["group_by"] or None)
    except InputError as exc:
        flash(refusal(exc), "error")
        return render_template("inbox/stats.html", **page), 400
    context = ctx()
    with context.sessions() as db:
        page["figures"] = compute_stats(
            db,
            since,
            until,
            group_by=group_by,
            directorate=stats_scope(staff),
            taxonomy=context.taxonomy,
            now=context.now(),
        )
    return render_template("inbox/stats.html", **page)
