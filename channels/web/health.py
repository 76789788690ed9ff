"""`/healthz`: the state of the database, each channel and the inbound backlog (and `/`)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response as WerkzeugResponse

from core.context import Context
from core.db import database_ok
from core.intake.pipeline import backlog

bp = Blueprint("health", __name__)


def _ctx() -> Context:
    return current_app.extensions["balagh"]


@bp.get("/")
def home() -> WerkzeugResponse:
    """The site's root is the citizen's report form."""
    return redirect(url_for("citizen.report"))


HEALTH_ENDPOINTS = frozenset({"health.healthz", "metrics.metrics"})
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
    starting = ctx.starting or ctx.components_starting
    status = "starting" if starting else "ok" if ok else "unavailable"
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
