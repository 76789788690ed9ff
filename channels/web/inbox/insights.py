"""`/inbox/stats` and `/inbox/dashboard`: the service-quality figures for staff.

Only HTTP lives here: the figures are `core.insights.stats`'s, the trends and map points
`core.insights.trends`'s, so the CLI, the API, the digest and these pages count the same way.
Department staff see their own directorate only; the dashboard is for supervisors and
administrators. A bad date or grouping is refused with no figures under it (all-time totals
would pass for the period asked about).
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_name
from flask import Response, flash, g, render_template, request
from flask_login import current_user, login_required
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from channels.web.dates import long_date
from channels.web.inbox.auth import (
    ctx,
    current_language,
    current_staff,
    is_static_request,
    staff_for_page,
    t,
)
from channels.web.inbox.blueprint import bp
from channels.web.inbox.i18n import label
from channels.web.inbox.refusals import refusal
from core.errors import InputError
from core.insights.research_export import research_rows, write_csv
from core.insights.spikes import recent_spikes, spike_words
from core.insights.stats import (
    FIGURES,
    GROUP_BY,
    SPREADSHEET_BOM,
    Period,
    check_group_by,
    compute_stats,
    parse_period,
    stats_csv,
    stats_scope,
)
from core.insights.trends import map_points, trends
from core.staff.accounts import display_names
from core.staff.permissions import Action, Staff, allowed


def _table_words() -> dict[str, object]:
    """What figures_table.html needs besides the figures, and the period's note on its days."""
    taxonomy = ctx().taxonomy
    codes = {d.code for d in taxonomy.directorates} | {c.code for c in taxonomy.categories}
    return {
        "names": FIGURES,
        "groupings": GROUP_BY,
        "taxonomy_codes": codes,
        "period_days": _period_days(),
        "staff_names": {},
    }


def _period_days() -> Markup:
    """A period's days are the centre's (core.insights.days), as every time the inbox shows:
    say which time zone, so a reader elsewhere knows where a day starts."""
    zone = zone_name(ctx().zone, current_language())
    return escape(t("period_days_local")).format(zone=Markup("<bdi>{}</bdi>").format(zone))


def _period_words(since: datetime | None, until: datetime | None) -> Markup:
    """The period the figures cover, its days in words ("من 8 نوفمبر 2026 إلى 7 ديسمبر
    2026"): the date boxes show a day as the browser's locale writes it, and an American
    browser's "11/08/2026" reads as 11 August in Oman. `until` is the end (exclusive), so the
    last day is the one before it."""
    lang, zone = current_language(), ctx().zone
    first = long_date(since.astimezone(zone), lang) if since else None
    last = long_date((until - timedelta(microseconds=1)).astimezone(zone), lang) if until else None
    if first and last:
        key = "period_from_to"
    elif first or last:
        key = "period_from" if first else "period_to"
    else:
        key = "period_all"
    bdi = Markup("<bdi>{}</bdi>")
    return escape(t(key)).format(
        since=bdi.format(first) if first else "", until=bdi.format(last) if last else ""
    )


# Zones of no country, which Babel's generic names call "Unknown Region (UTC) Time"
NO_REGION = ("Etc/", "UTC", "GMT", "Universal", "Zulu")


def zone_name(zone: ZoneInfo, lang: str) -> str:
    """A time zone in the page's words, by Babel's CLDR names ("توقيت عُمان", "Oman Time"),
    not its database key ("Asia/Muscat"): the generic name, which holds across a period's
    summer and winter days; a zone of no country by its standard name ("Coordinated
    Universal Time"); the key itself where Babel has no name."""
    try:
        if zone.key.startswith(NO_REGION):
            now = datetime.now(zone)
            return get_timezone_name(now, locale=lang, zone_variant="standard")
        return get_timezone_name(zone, locale=lang)
    except (LookupError, ValueError):
        return zone.key


@bp.get("/stats")
@login_required
def stats() -> str | tuple[str, int]:
    """The figures per group for a period, as a table."""
    args = {name: request.args.get(name, "") for name in ("since", "until", "group_by")}
    page = {"figures": None, **_table_words(), **args}
    try:
        page["figures"] = figures = _figures(args)
    except InputError as exc:
        flash(refusal(exc), "error")
        return render_template("inbox/stats.html", **page), 400
    page["period_words"] = _period_words(
        *parse_period(args["since"] or None, args["until"] or None, ctx().zone)
    )
    if figures["group_by"] == "assignee":  # the key is an email (the API's and CSV's field)
        with ctx().sessions() as db:
            page["staff_names"] = display_names(db, [row["key"] for row in figures["groups"]])
    return render_template("inbox/stats.html", **page)


@bp.get("/stats.csv")
@login_required
def stats_download() -> Response | tuple[str, int]:
    """The stats page's figures as a CSV file for a spreadsheet (same scope and period)."""
    args = {name: request.args.get(name, "") for name in ("since", "until", "group_by")}
    try:
        figures = _figures(args)
    except InputError as exc:
        return render_template("inbox/error.html", message=refusal(exc)), 400
    name = f"balagh-stats-{args['since'] or 'start'}-{args['until'] or 'now'}.csv"
    lang = current_language()
    none_label = label(figures["group_by"], None, lang)
    text = stats_csv(figures, none_label, ctx().taxonomy, lang)
    return _spreadsheet_download(text, name)


def _figures(args: dict[str, str]) -> dict[str, Any]:
    """The figures the member of staff may see (their directorate's only for a department)."""
    staff = staff_for_page(Action.STATS, "forbidden")
    context = ctx()
    since, until = parse_period(args["since"] or None, args["until"] or None, context.zone)
    group_by = check_group_by(args["group_by"] or None)
    with context.sessions() as db:
        return compute_stats(
            db,
            since,
            until,
            group_by=group_by,
            directorate=stats_scope(staff),
            taxonomy=context.taxonomy,
            now=context.now(),
            dispatch_target_minutes=context.settings.dispatch_target_minutes,
        )


FILTERS = ("since", "until", "directorate", "category", "channel")
DEFAULT_DAYS = timedelta(days=29)  # with today: the last 30 days


@bp.before_request
def _load_spike_notices() -> None:
    """The last day's unusual volumes for supervisors and administrators, in their words.

    Read before the view opens its own session: on SQLite a second transaction opened while
    the view's is still open would wait for it (and the view waits for the page).
    """
    g.spike_notices = []
    if is_static_request() or not current_user.is_authenticated:
        return
    staff = current_staff()
    if not allowed(staff, Action.DASHBOARD):
        return
    context = ctx()
    lang = current_language()
    with context.sessions() as db:
        g.spike_notices = [
            t("spike_notice", **spike_words(context, spike, lang))
            for spike in recent_spikes(db, context.now())
        ]


def _dashboard_args() -> dict[str, str]:
    """The filters as typed, from the URL (so a reload or a shared link keeps them)."""
    return {name: request.args.get(name, "").strip() for name in FILTERS}


def _dashboard_staff() -> Staff:
    """Supervisors and administrators; anyone else is told who may come here."""
    return staff_for_page(Action.DASHBOARD, "dashboard_only")


@bp.get("/dashboard")
@login_required
def dashboard() -> str | tuple[str, int]:
    """Figures per directorate, trend charts and a map, for the period and filters chosen."""
    _dashboard_staff()
    args = _dashboard_args()
    context = ctx()
    if not args["since"] and not args["until"]:  # by default the last 30 days, not all time
        args["since"] = (context.now().astimezone(context.zone).date() - DEFAULT_DAYS).isoformat()
    page: dict[str, object] = {
        "figures": None,
        "args": args,
        "channels": context.channels.named(lambda _capabilities: True),
        "map_tiles": context.settings.map_tiles,
        **_table_words(),
    }
    try:
        since, until = parse_period(args["since"] or None, args["until"] or None, context.zone)
    except InputError as exc:
        flash(refusal(exc), "error")
        return render_template("inbox/dashboard.html", **page), 400
    page["period_words"] = _period_words(since, until)
    with context.sessions() as db:
        page |= _period_reads(
            db,
            since,
            until,
            directorate=args["directorate"] or None,
            category=args["category"] or None,
            channel=args["channel"] or None,
        )
    page["names_of"] = {
        code: _name(code)
        for code in page["trend"]["tickets"]  # type: ignore[index]
    }
    return render_template("inbox/dashboard.html", **page)


def _period_reads(
    db: Session,
    since: datetime | None,
    until: datetime | None,
    *,
    directorate: str | None,
    category: str | None,
    channel: str | None,
) -> dict[str, object]:
    """The dashboard's three reads of one period under the same filters, in one session:
    the figures table, the trend charts and the map's points, so that they agree on what
    they count."""
    context = ctx()
    figures = compute_stats(
        db,
        since,
        until,
        taxonomy=context.taxonomy,
        now=context.now(),
        directorate=directorate,
        category=category,
        channel=channel,
        dispatch_target_minutes=context.settings.dispatch_target_minutes,
    )
    trend = trends(
        db,
        since,
        until,
        now=context.now(),
        directorate=directorate,
        category=category,
        channel=channel,
    )
    points = map_points(
        db, since, until, directorate=directorate, category=category, channel=channel
    )
    return {"figures": figures, "trend": trend, "points": points}


def _name(code: str) -> str:
    try:
        return ctx().taxonomy.name(code, current_language())
    except KeyError:
        return t("directorate_none") if code == "-" else code


@bp.get("/dashboard/research.csv")
@login_required
def research_csv() -> Response | tuple[str, int]:
    """The anonymised research export (docs/RESEARCH_EXPORT.md) of the dashboard's period."""
    _dashboard_staff()
    args = _dashboard_args()
    context = ctx()
    try:
        since, until = parse_period(args["since"] or None, args["until"] or None, context.zone)
    except InputError as exc:
        flash(refusal(exc), "error")
        return render_template("inbox/error.html", message=refusal(exc)), 400
    out = io.StringIO()
    with context.sessions() as db:
        write_csv(research_rows(db, context.taxonomy, Period(since, until)), out)
    name = f"balagh-research-{args['since'] or 'start'}-{args['until'] or 'now'}.csv"
    return _spreadsheet_download(out.getvalue(), name)


def _spreadsheet_download(text: str, name: str) -> Response:
    """A CSV for a spreadsheet, as a file to save: the byte order mark first, for Excel."""
    return Response(
        SPREADSHEET_BOM + text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
