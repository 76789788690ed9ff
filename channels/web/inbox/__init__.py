"""`/inbox`: the staff shared inbox, server-rendered, in Arabic (RTL) and English.

`auth` signs staff in and out (Flask-Login, lockout after repeated failures); `views` shows
the queues and the ticket page and runs the actions through `core.staff.actions`, so the
inbox and the JSON API share one permission table; `staff` lets administrators manage staff
accounts through `core.staff.admin`; `expired` answers a form refused for its CSRF token in
the staff member's language, keeping what they typed.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, request

bp = Blueprint(
    "inbox",
    __name__,
    url_prefix="/inbox",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)


@bp.after_request
def _security_headers(response: Response) -> Response:
    """Staff pages show citizens' personal data and act on a click: never framed (a
    clickjacked "close ticket"), never cached, never content-sniffed."""
    response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "inbox.static":
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Register the inbox blueprint and its login manager."""
    from channels.web.inbox import (  # noqa: F401  (registers routes)
        account,
        auth,
        expired,
        filters,
        incidents,
        insights,
        staff,
        views,
    )

    auth.login_manager.init_app(app)
    app.before_request(auth.load_signed_in_user)
    from channels.web.inbox.throttle import init_throttle

    init_throttle(app, app.config.get("RATELIMIT_STORAGE_URI") or "memory://")
    app.register_blueprint(bp)
