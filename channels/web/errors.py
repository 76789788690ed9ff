"""App-level answers for paths no view owns: 404 and 405 in the shape the caller reads.

Routing fails before any blueprint is chosen, so blueprint error handlers never see these.
The path decides the shape: JSON errors under /api/, Open311 errors under /open311/ (in the
format the path's extension asks for), and elsewhere the citizen pages' 404 page, in the
language the citizen pages negotiate (?lang=, the remembered choice, Accept-Language).
"""

from __future__ import annotations

from flask import Flask, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import MethodNotAllowed, NotFound

from channels.web import api
from channels.web.citizen.views import not_found_page
from channels.web.open311.render import Open311Error
from channels.web.open311.render import error_response as open311_error

API = "/api"
OPEN311 = "/open311"


def _under(prefix: str) -> bool:
    return request.path == prefix or request.path.startswith(prefix + "/")


def _open311_format() -> str:
    """The format the path asks for (`.xml` or `.json`); JSON when it names neither."""
    return "xml" if request.path.lower().endswith(".xml") else "json"


def not_found(exc: NotFound) -> ResponseReturnValue:
    """404 for an unknown path, shaped for the part of the site it is under."""
    unrouted = request.url_rule is None
    if _under(API):
        message = "No such endpoint." if unrouted else (exc.description or "Not found.")
        return api.error_response(404, "not_found", message)
    if _under(OPEN311):
        return open311_error(_open311_format(), Open311Error(404, "No such endpoint."))
    if not unrouted:  # a view's own 404 (the inbox's, a webhook's) stays as it was
        return exc
    return not_found_page()


def method_not_allowed(exc: MethodNotAllowed) -> ResponseReturnValue:
    """405 with an Allow header; JSON under /api/, Open311-shaped under /open311/."""
    allowed = sorted(set(exc.valid_methods or ()))
    if _under(API):
        return api.method_not_allowed(allowed)
    if _under(OPEN311):
        description = f"{request.method} is not allowed here; allowed: {', '.join(allowed)}."
        response = open311_error(_open311_format(), Open311Error(405, description))
        response.headers["Allow"] = ", ".join(allowed)
        return response
    return exc


def init_app(app: Flask) -> None:
    """Register the handlers on the app; a blueprint's own handlers still win in its views."""
    app.register_error_handler(NotFound, not_found)
    app.register_error_handler(MethodNotAllowed, method_not_allowed)
