"""`/metrics` for Prometheus, for a bearer token or allowed addresses only.

Process metrics and the lag histograms (core.metrics) come from prometheus_client's default
registry; request latency per route is observed here; the state of the centre (tickets by
status, outbox and inbound records by state, the inbound backlog per channel and its oldest
record's age) is read from the database at each scrape. Without BALAGH_METRICS_TOKEN or
BALAGH_METRICS_ALLOW the endpoint does not exist (404): the figures say how busy the centre
is and whom it is failing, which is nobody else's business.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import REGISTRY, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from channels.web.api.auth import bearer_token
from core.context import Context
from core.digests import same_secret
from core.intake.pipeline import backlog
from core.models import Delivery, InboundRecord, InboundStatus, OutboxItem, Ticket

bp = Blueprint("metrics", __name__)

REQUEST_LATENCY = Histogram(
    "balagh_http_request_duration_seconds",
    "Time to answer a web request, by route.",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


class CentreCollector(Collector):
    """Gauges read from the database when Prometheus scrapes."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def collect(self) -> Iterator[Metric]:
        with self.ctx.sessions() as session:
            ticket_rows = _counts(session, Ticket.status)
            outbox = dict(_counts(session, OutboxItem.status))
            inbound = dict(_counts(session, InboundRecord.status))
        by_status = GaugeMetricFamily("balagh_tickets", "Tickets by status.", labels=["status"])
        for status, count in ticket_rows:
            by_status.add_metric([str(status)], count)
        yield by_status
        states = GaugeMetricFamily("balagh_outbox", "Outbox items by state.", labels=["state"])
        for state in Delivery:
            states.add_metric([state.value], outbox.get(state.value, 0))
        yield states
        records = GaugeMetricFamily("balagh_inbound", "Inbound records by state.", labels=["state"])
        for name in InboundStatus:
            records.add_metric([name.value], inbound.get(name.value, 0))
        yield records
        yield from self._backlog()

    def _backlog(self) -> Iterator[Metric]:
        pending = backlog(self.ctx)
        per_channel = GaugeMetricFamily(
            "balagh_inbound_backlog", "Inbound records waiting to be processed.", labels=["channel"]
        )
        for channel, count in sorted(pending.by_channel.items()):
            per_channel.add_metric([channel], count)
        yield per_channel
        yield GaugeMetricFamily(
            "balagh_inbound_oldest_pending_seconds",
            "Age of the oldest inbound record still waiting (0 when none waits).",
            value=pending.oldest_age_seconds or 0.0,
        )


def _counts(session: Session, column: InstrumentedAttribute[str]) -> list[tuple[str, int]]:
    rows = session.execute(select(column, func.count()).group_by(column)).all()
    return [(str(value), int(count)) for value, count in rows]


def _ctx() -> Context:
    return current_app.extensions["balagh"]


def allowed(ctx: Context, remote: str | None, authorization: str | None) -> bool:
    """A matching bearer token, or a client address inside BALAGH_METRICS_ALLOW."""
    token, offered = ctx.settings.metrics_token, bearer_token(authorization)
    if token and offered is not None and same_secret(offered, token):
        return True
    try:
        address = ipaddress.ip_address(remote or "")
    except ValueError:
        return False
    return any(address in network for network in ctx.settings.metrics_networks)


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus text format, for those allowed; 404 for everyone else."""
    ctx = _ctx()
    if not allowed(ctx, request.remote_addr, request.headers.get("Authorization")):
        abort(404)
    registry: CollectorRegistry = current_app.extensions["balagh_metrics"]
    body = generate_latest(REGISTRY) + generate_latest(registry)
    return Response(body, mimetype="text/plain; version=0.0.4; charset=utf-8")


def _started() -> None:
    g.balagh_started = time.perf_counter()


def _timed(response: Response) -> Response:
    started = g.pop("balagh_started", None)
    if started is not None:
        route = request.url_rule.rule if request.url_rule is not None else "unmatched"
        REQUEST_LATENCY.labels(route=route, method=request.method).observe(
            time.perf_counter() - started
        )
    return response


def install_metrics(app: Flask, ctx: Context) -> None:
    """The /metrics endpoint, the database gauges and request timing for this app."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(CentreCollector(ctx))
    app.extensions["balagh_metrics"] = registry
    app.before_request(_started)
    app.after_request(_timed)
    app.register_blueprint(bp)
