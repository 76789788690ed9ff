"""The inbox's blueprint and what every inbox answer carries; the route modules register on it."""

from __future__ import annotations

from flask import Blueprint, Response, request

bp = Blueprint(
    "inbox",
    __name__,
    url_prefix="/inbox",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)


@bp.after_request
def security_headers(response: Response) -> Response:
    """Staff pages show citizens' personal data and act on a click: never framed (a
    clickjacked "close ticket"), never cached, never content-sniffed."""
    response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "inbox.static":
        response.headers["Cache-Control"] = "no-store"
    return response
