"""`/healthz` and `/metrics`: the state of the database and each channel."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, redirect, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response as WerkzeugResponse

from core.context import Context
from core.db import database_ok
from core.models import Delivery, InboundRecord, OutboxItem, Ticket

bp = Blueprint("health", __name__)


def _ctx() -> Context:
    return current_app.extensions["balagh"]


@bp.get("/")
def home() -> WerkzeugResponse:
    """The site's root is the citizen's report form."""
    return redirect(url_for("citizen.report"))


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """200 with each component's state; 503 when the database is down."""
    ctx = _ctx()
    ok, detail = database_ok(ctx.engine, ctx.settings.db_answer_timeout_seconds)
    channels = {name: probe() for name, probe in ctx.extras.get("channel_probes", {}).items()}
    body = {"status": "ok" if ok else "unavailable", "database": detail, "channels": channels}
    return jsonify(body), 200 if ok else 503


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
