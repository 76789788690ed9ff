"""WSGI entry point for production web servers: `gunicorn 'balagh.wsgi:app'`."""

from __future__ import annotations

from balagh.bootstrap import ensure_secret_key
from balagh.serve import prepare_router
from balagh.wiring import build_context, web_app
from core.settings import load_settings

_settings = load_settings()
ensure_secret_key(_settings)
_ctx = build_context(_settings)
prepare_router(_ctx)  # loaded (with `gunicorn --preload`, once) before a worker serves a form
app = web_app(_ctx)
