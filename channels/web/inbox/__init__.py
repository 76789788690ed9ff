"""`/inbox`: the staff shared inbox, server-rendered, in Arabic (RTL) and English.

`auth` signs staff in and out (Flask-Login, lockout after repeated failures); `views` shows
the queues and the ticket page and runs the actions through `core.staff.actions`, so the
inbox and the JSON API share one permission table; `staff` lets administrators manage staff
accounts through `core.staff.admin`; `expired` answers a form refused for its CSRF token in
the staff member's language, keeping what they typed. They register their routes on the
blueprint in `blueprint`; importing this package imports them all.
"""

from __future__ import annotations

from flask import Flask

from channels.web.inbox import (  # noqa: F401  (each registers its routes on bp)
    account,
    auth,
    expired,
    filters,
    incidents,
    insights,
    staff,
    views,
)
from channels.web.inbox.blueprint import bp
from channels.web.inbox.throttle import init_throttle


def init_app(app: Flask) -> None:
    """Register the inbox blueprint and its login manager."""
    auth.login_manager.init_app(app)
    app.before_request(auth.load_signed_in_user)
    init_throttle(app, app.config.get("RATELIMIT_STORAGE_URI") or "memory://")
    app.register_blueprint(bp)
