"""`/healthz` and `/metrics`: the state of the database and each channel."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response as WerkzeugResponse

from core.context import Context
from core.db import database_ok
from core.models import Delivery, InboundRecord, OutboxItem, Ticket
from core.pipeline import backlog

bp = Blueprint("health", __name__)


def _ctx() -> Context:
    return current_app.extensions["balagh"]


@bp.get("/")
def home() -> WerkzeugResponse:
    """The site's root is the citizen's report form."""
    return redirect(url_for("citizen.report"))


HEALTH_ENDPOINTS = frozenset({"health.healthz", "health.metrics"})
STARTING_RETRY_AFTER = "5"


@bp.before_app_request
def refuse_while_starting() -> Response | None:
    """While `balagh serve` prepares the routing model, only the health endpoints answer."""
    if not _ctx().starting or request.endpoint in HEALTH_ENDPOINTS:
        return None
    response = jsonify({"error": "starting", "message": "Starting up; try again shortly."})
    response.status_code = 503
    response.headers["Retry-After"] = STARTING_RETRY_AFTER
    return response


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """200 with each component's state; 503 while starting or when the database is down.

    The inbound backlog (pending records per channel, the oldest one's age) is what shows
    a storm coming before citizens notice.
    """
    ctx = _ctx()
    ok, detail = database_ok(ctx.engine, ctx.settings.db_answer_timeout_seconds)
    channels = {name: probe() for name, probe in ctx.extras.get("channel_probes", {}).items()}
    status = "starting" if ctx.starting else "ok" if ok else "unavailable"
    body: dict[str, object] = {"status": status, "database": detail, "channels": channels}
    if ok:
        try:
            pending = backlog(ctx)
            body["backlog"] = {
                "pending": pending.by_channel,
                "oldest_pending_seconds": pending.oldest_age_seconds,
            }
        except SQLAlchemyError:  # answered above, failing now: report what we have
            body["backlog"] = None
    return jsonify(body), 200 if status == "ok" else 503


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus text format: tickets by status, outbox and inbound backlogs."""
    ctx = _ctx()
    lines = ["# HELP balagh_tickets Tickets by status.", "# TYPE balagh_tickets gauge"]
    with ctx.sessions() as session:
        for status, count in session.execute(
            select(Ticket.status, func.count()).group_by(Ticket.status)
        ):
            lines.append(f'balagh_tickets{{status="{status}"}} {count}')
        lines += ["# HELP balagh_outbox Outbox items by state.", "# TYPE balagh_outbox gauge"]
        rows = dict(
            session.execute(
                select(OutboxItem.status, func.count()).group_by(OutboxItem.status)
            ).all()
        )
        for state in Delivery:
            lines.append(f'balagh_outbox{{state="{state}"}} {rows.get(state.value, 0)}')
        lines += ["# HELP balagh_inbound Inbound records by state.", "# TYPE balagh_inbound gauge"]
        inbound = dict(
            session.execute(
                select(InboundRecord.status, func.count()).group_by(InboundRecord.status)
            ).all()
        )
        for name in ("pending", "done", "failed", "ignored"):
            lines.append(f'balagh_inbound{{state="{name}"}} {inbound.get(name, 0)}')
    return Response("\n".join(lines) + "\n", mimetype="text/plain; version=0.0.4")
