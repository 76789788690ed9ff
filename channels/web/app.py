"""The Flask application factory: one app for citizens, staff, integrations and health."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from core.context import Context


csrf = CSRFProtect()  # every form POST needs csrf_token; JSON APIs exempt their blueprints


def create_app(ctx: Context) -> Flask:
    """Build the web app around a core context; blueprints per area."""
    app = Flask(__name__)
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
    csrf.init_app(app)

    from channels.web import health

    app.register_blueprint(health.bp)
    return app
