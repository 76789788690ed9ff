"""The supervisors' digest (since its previous scheduled run) and the routing retraining job."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from core.context import Context
from core.crontab import previous_run
from core.delivery.staff_mail import (
    email_staff,
    local_time,
    staff_text,
    supervisors,
)
from core.followup.retrain import retrain
from core.insights.stats import compute_stats
from core.models import OPEN_STATUSES, Ticket

logger = logging.getLogger(__name__)

PERIOD = timedelta(hours=24)  # the window when the digest's schedule gives no earlier run
# Service quality needs cases old enough to be finished: a day's cohort is mostly still open,
# so the digest's figures cover the tickets created in the last 30 days.
QUALITY_WINDOW = timedelta(days=30)
UNCLASSIFIED = "-"


@dataclass
class Digest:
    """What happened in one period, overall and per directorate."""

    since: datetime
    until: datetime
    totals: dict[str, int] = field(default_factory=dict)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    oldest: Ticket | None = None
    # core.insights.stats figures per directorate over the QUALITY_WINDOW ending at `until`
    quality: dict[str, Any] = field(default_factory=dict)


def _counts(session: Session, *where: ColumnElement[bool]) -> dict[str, int]:
    rows = session.execute(
        select(Ticket.directorate, func.count()).where(*where).group_by(Ticket.directorate)
    ).all()
    return {(code or UNCLASSIFIED): int(n) for code, n in rows}


def digest_since(ctx: Context, until: datetime) -> datetime:
    """Where the digest ending at `until` starts: the digest's previous scheduled run.

    With a working-days schedule (e.g. `0 7 * * sun-thu`) the Sunday digest then covers the
    weekend too; with the daily default it is the 24 hours before.
    """
    previous = previous_run(ctx.settings.digest_cron, until, ctx.zone)
    return previous.astimezone(until.tzinfo) if previous is not None else until - PERIOD


def build_digest(ctx: Context, until: datetime | None = None) -> Digest:
    """Received, resolved, breached (escalated) since the previous digest; open and oldest now."""
    until = until or ctx.now()
    since = digest_since(ctx, until)
    digest = Digest(since=since, until=until)
    with ctx.sessions() as session:
        metrics = {
            "received": _counts(session, Ticket.created_at >= since, Ticket.created_at < until),
            "resolved": _counts(session, Ticket.resolved_at >= since, Ticket.resolved_at < until),
            "breached": _counts(session, Ticket.escalated_at >= since, Ticket.escalated_at < until),
            "open": _counts(session, Ticket.status.in_(OPEN_STATUSES)),
        }
        digest.oldest = session.execute(
            select(Ticket)
            .where(Ticket.status.in_(OPEN_STATUSES))
            .order_by(Ticket.created_at, Ticket.id)
            .limit(1)
        ).scalar_one_or_none()
        digest.quality = compute_stats(
            session,
            until - QUALITY_WINDOW,
            until,
            group_by="directorate",
            taxonomy=ctx.taxonomy,
            now=until,
        )
    codes = sorted({code for counts in metrics.values() for code in counts})
    digest.rows = {code: {m: metrics[m].get(code, 0) for m in metrics} for code in codes}
    digest.totals = {m: sum(counts.values()) for m, counts in metrics.items()}
    return digest


def _directorate_label(ctx: Context, code: str, language: str) -> str:
    if code == UNCLASSIFIED:
        return "غير مصنف" if language != "en" else "unclassified"
    try:
        return ctx.taxonomy.name(code, "en" if language == "en" else "ar")
    except KeyError:
        return code


def quality_rows(ctx: Context, quality: dict[str, Any], language: str) -> str:
    """The per-directorate figures as one line each, in the reader's language."""
    lines = [
        staff_text(
            "digest_quality_row",
            language,
            name=_directorate_label(ctx, group["key"] or UNCLASSIFIED, language),
            tickets=group["tickets"],
            frm=_number(group["first_response_hours_median"]),
            frp=_number(group["first_response_hours_p90"]),
            rm=_number(group["resolution_hours_median"]),
            rp=_number(group["resolution_hours_p90"]),
            sla=_percent(group["sla_met_share"]),
            reopened=_percent(group["reopened_share"]),
            rating=_number(group["rating_average"]),
            ratings=group["rating_count"],
            answered=_percent(group["rating_response_share"]),
            corrected=_percent(group["routing_corrected_share"]),
        )
        for group in quality.get("groups", [])
        if group["tickets"]
    ]
    return "\n".join(lines) or "-"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def send_digest(ctx: Context) -> str:
    """Email the daily digest to every active supervisor."""
    digest = build_digest(ctx)
    oldest = digest.oldest
    oldest_text = (
        f"{oldest.reference} ({oldest.directorate or UNCLASSIFIED}, "
        f"{local_time(ctx, oldest.created_at)}, "
        f"{(digest.until - oldest.created_at).days} d)"
        if oldest is not None
        else "-"
    )
    with ctx.sessions() as session, session.begin():
        sent = 0
        for user in supervisors(session):
            rows = "\n".join(
                f"- {_directorate_label(ctx, code, user.language)}: {r['received']} / "
                f"{r['resolved']} / {r['breached']} / {r['open']}"
                for code, r in digest.rows.items()
            )
            sent += email_staff(
                ctx,
                session,
                [user],
                "digest",
                ticket=None,
                day=local_time(ctx, digest.until)[:10],
                since=local_time(ctx, digest.since),
                until=local_time(ctx, digest.until),
                oldest=oldest_text,
                rows=rows or "-",
                days=QUALITY_WINDOW.days,
                quality=quality_rows(ctx, digest.quality, user.language),
                **digest.totals,
            )
    totals = ", ".join(f"{k} {v}" for k, v in digest.totals.items())
    return f"digest ({totals}) sent to {sent} supervisor(s)"


def retrain_routing(ctx: Context) -> str:
    """Retrain the router from staff corrections (a plain import: retrain lives in core)."""
    return retrain(ctx).summary()
