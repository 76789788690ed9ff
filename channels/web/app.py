"""The Flask application factory: one app for citizens, staff, integrations and health."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import Blueprint, Flask, Response, current_app
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, Map

from channels.web import api, citizen, errors, health, inbox, open311
from channels.web.conformance import HttpConformance
from channels.web.extensions import csrf
from channels.web.formdata import BalaghRequest
from channels.web.maps import map_attribution
from channels.web.metrics import install_metrics
from channels.web.references import whole_references
from channels.web.shedding import AnswerDeadline, LoadShedder
from channels.web.slow_clients import BodyDeadline
from core.context import Context
from core.models import ID_MAX
from core.settings import Settings


class DatabaseInteger(IntegerConverter):
    """Flask's `int` converter bounded to what a database id column can hold."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", ID_MAX)
        super().__init__(map, *args, **kwargs)


def create_app(ctx: Context, channel_blueprints: Sequence[Blueprint] = ()) -> Flask:
    """Build the web app around a core context; blueprints per area.

    Other channels' webhooks come from the composition root (`balagh.wiring.web_app`), so
    the web app imports no other channel. They are CSRF-exempt: each proves its caller with
    its own secret or signature.
    """
    app = Flask(__name__)
    _configure(app, ctx)
    _guard_requests(app, ctx.settings)
    # Before the CSRF check (hooks run in the order registered): a form post whose body cannot
    # be parsed is a 400 saying so, not "the form has expired" with every field empty.
    app.before_request(errors.refuse_unreadable_form)
    csrf.init_app(app)
    # rate limits (citizen pages, sign-in throttle): in memory per process, shared through
    # Redis when BALAGH_REDIS_URL is set
    app.config.setdefault("RATELIMIT_STORAGE_URI", ctx.settings.redis_url or "memory://")
    _register_areas(app, ctx, channel_blueprints)
    app.after_request(_baseline_headers)
    return app


def _configure(app: Flask, ctx: Context) -> None:
    """Cookies, JSON and URL rules, set before any blueprint adds a rule or a request comes."""
    app.request_class = BalaghRequest
    secret = ctx.settings.secret_key
    if not secret:
        raise RuntimeError("BALAGH_SECRET_KEY is empty; balagh serve generates one on first start")
    app.config.update(
        SECRET_KEY=secret,
        MAX_CONTENT_LENGTH=40 * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=ctx.settings.base_url.startswith("https://"),
        JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["balagh"] = ctx
    app.add_template_filter(whole_references, "whole_references")
    app.add_template_global(map_attribution, "map_attribution")
    # Before any blueprint adds a rule: `<int:...>` in every path stops at the largest id
    # (core.models.ID_MAX), so a 100-digit id is a 404 rather than an error in the driver.
    app.url_map.converters["int"] = DatabaseInteger


def _guard_requests(app: Flask, settings: Settings) -> None:
    """Wrap the WSGI app so a storm or a hung database never holds threads for ever; the
    last wrapper is the outermost, so the load shedder answers before anything else runs."""
    # Every database wait of a request ends within BALAGH_DB_ANSWER_TIMEOUT_SECONDS: a hung
    # database gives 503 + Retry-After, never a request (and a thread) waiting for ever.
    app.wsgi_app = AnswerDeadline(  # type: ignore[method-assign]
        app.wsgi_app, settings.db_answer_timeout_seconds
    )
    hops = settings.proxy_hops
    if hops:
        # Behind that many trusted reverse proxies, the client address (the rate-limit key),
        # scheme and host come from their X-Forwarded-* headers; with none, those headers are
        # ignored so a client cannot choose its own address.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )
    # Under gunicorn a body must arrive at the minimum rate, as under `balagh serve`.
    app.wsgi_app = BodyDeadline(app.wsgi_app, settings)  # type: ignore[method-assign]
    # A bounded number of requests run and wait; past it, 503 + Retry-After at once.
    app.wsgi_app = LoadShedder(  # type: ignore[method-assign]
        app.wsgi_app, slots=settings.web_threads, queue=settings.web_queue
    )
    # Requests HTTP/1.1 refuses (no Host, two, another major version) never reach a slot.
    app.wsgi_app = HttpConformance(app.wsgi_app)  # type: ignore[method-assign]


def _register_areas(app: Flask, ctx: Context, channel_blueprints: Sequence[Blueprint]) -> None:
    """Health, metrics, the inbox, the API, the citizen pages, Open311 and the other
    channels' webhooks; the error pages last, as they fall back for paths none of them has."""
    app.register_blueprint(health.bp)
    install_metrics(app, ctx)
    inbox.init_app(app)  # staff inbox and Flask-Login
    api.init_app(app)  # JSON API, CSRF-exempt (bearer tokens)

    citizen.init_limiter(app)
    app.register_blueprint(citizen.bp)
    app.register_blueprint(open311.bp)
    for hook in channel_blueprints:
        csrf.exempt(hook)
        app.register_blueprint(hook)
    errors.init_app(app)  # 404/405 for unrouted paths: JSON, Open311 or the citizen page
    app.add_url_rule("/favicon.ico", "favicon", _favicon)


# What every answer carries unless its area set stricter or looser ones first (the citizen
# pages and the inbox set their own CSP; Flask runs a blueprint's after_request before the
# app's): health, Open311, the webhooks, the icon and error pages had none.
BASELINE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
}


def _baseline_headers(response: Response) -> Response:
    """Never sniffed, never framed, no scripts or styles unless a page says otherwise."""
    for name, value in BASELINE_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _favicon() -> Response:
    """The tab icon, for browsers that ask /favicon.ico before reading the page's link."""
    return current_app.send_static_file("favicon.svg")
