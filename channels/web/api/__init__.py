"""`/api/v1`: the JSON API for staff tools and integrations, bearer-token auth.

The package: `auth` (bearer token -> staff, one transaction per request), `errors` (the
error body and statuses), `fields` (reading JSON bodies), `views` and `incidents` (routes).

Every view authenticates, then calls the same `core.staff.actions` the inbox uses, so the one
permission table in `core.staff.permissions` decides. Errors are `{"error": {"code", "message"}}`:
400 unreadable request or an unknown filter value (the error also names the `parameter` and
its `allowed` values), 401 no or bad token, 403 role may not, 404 no such ticket (or not
yours), 405 a method the path does not take (with an Allow header), 409 a workflow step the
ticket's state does not allow, 422 a value that makes no sense.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response
from werkzeug.exceptions import HTTPException

from channels.web.api.errors import ApiError, api_error, domain_error, http_error
from channels.web.extensions import csrf
from core.errors import BalaghError

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.register_error_handler(ApiError, api_error)
bp.register_error_handler(BalaghError, domain_error)
bp.register_error_handler(HTTPException, http_error)


@bp.after_request
def _no_store(response: Response) -> Response:
    """Answers carry citizens' personal data: no cache keeps them, no browser sniffs them."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app: Any) -> None:
    """Register the blueprint, exempt from CSRF (bearer tokens, no cookies)."""
    from channels.web.api import incidents, views  # noqa: F401  (their views join bp)

    csrf.exempt(bp)
    app.register_blueprint(bp)
