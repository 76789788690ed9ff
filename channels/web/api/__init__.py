"""`/api/v1`: the JSON API for staff tools and integrations, bearer-token auth.

The package: `auth` (bearer token -> staff, one transaction per request), `errors` (the
error body and statuses), `fields` (reading JSON bodies), `blueprint` (the blueprint, its error
handlers and headers), `views` and `incidents` (routes, registered on it when this package is
imported).

Every view authenticates, then calls the same `core.staff.actions` the inbox uses, so the one
permission table in `core.staff.permissions` decides. Errors are `{"error": {"code", "message"}}`:
400 unreadable request or an unknown filter value (the error also names the `parameter` and
its `allowed` values), 401 no or bad token, 403 role may not, 404 no such ticket (or not
yours), 405 a method the path does not take (with an Allow header), 409 a workflow step the
ticket's state does not allow, 422 a value that makes no sense.
"""

from __future__ import annotations

from typing import Any

from channels.web.api import incidents, views  # noqa: F401  (their views join bp)
from channels.web.api.blueprint import bp
from channels.web.extensions import csrf


def init_app(app: Any) -> None:
    """Register the blueprint, exempt from CSRF (bearer tokens, no cookies)."""
    csrf.exempt(bp)
    app.register_blueprint(bp)
