"""The JSON API's errors: `{"error": {"code", "message", ...}}` with the HTTP status.

Core's refusals map to statuses here once (`STATUS_FOR`); the API package registers the
handlers on its blueprint.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from flask import Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from core.errors import (
    BalaghError,
    Forbidden,
    InputError,
    InvalidTransition,
    NotFound,
    StorageUnavailable,
)

STATUS_FOR = {
    NotFound: (404, "not_found"),
    Forbidden: (403, "forbidden"),
    InvalidTransition: (409, "invalid_transition"),
    InputError: (422, "invalid"),
}


class ApiError(Exception):
    """An error raised by the API layer itself (authentication, unreadable request)."""

    def __init__(self, status: int, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details = details


class BadParameter(ApiError):
    """A query parameter with a value the API does not know: 400 naming the allowed ones."""

    def __init__(self, name: str, value: str, allowed: Sequence[str]) -> None:
        super().__init__(
            400,
            "invalid_parameter",
            f"Unknown value '{value[:80]}' for '{name}'; allowed: {', '.join(allowed)}.",
            parameter=name,
            allowed=list(allowed),
        )


def error_response(status: int, code: str, message: str, **details: Any) -> tuple[Response, int]:
    """The API's error body, `{"error": {"code", "message", ...details}}`, with its status."""
    response = jsonify({"error": {"code": code, "message": message, **details}})
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="balagh"'
    return response, status


def method_not_allowed(allowed: Iterable[str]) -> Response:
    """A JSON 405 with the Allow header listing the methods the path does take."""
    methods = sorted(set(allowed))
    response, status = error_response(
        405,
        "method_not_allowed",
        f"{request.method} is not allowed here; allowed: {', '.join(methods)}.",
        allowed=methods,
    )
    response.status_code = status
    response.headers["Allow"] = ", ".join(methods)
    return response


def api_error(exc: ApiError) -> tuple[Response, int]:
    """An error the API layer raised itself, as its JSON body."""
    return error_response(exc.status, exc.code, exc.message, **exc.details)


def domain_error(exc: BalaghError) -> tuple[Response, int]:
    """A refusal from core (not found, forbidden, invalid...) with its HTTP status."""
    if isinstance(exc, StorageUnavailable):
        response, status = error_response(503, "unavailable", str(exc))
        response.headers["Retry-After"] = "30"
        return response, status
    for kind, (status, code) in STATUS_FOR.items():
        if isinstance(exc, kind):
            return error_response(status, code, str(exc))
    current_app.logger.error("unexpected domain error in API: %s", type(exc).__name__)
    return error_response(500, "error", "Something went wrong on our side.")


def http_error(exc: HTTPException) -> Response | tuple[Response, int]:
    """Flask's own errors (404, 405, 413...) in the API's JSON shape."""
    if isinstance(exc, MethodNotAllowed):
        return method_not_allowed(exc.valid_methods or ())
    code = (exc.name or "error").lower().replace(" ", "_")
    return error_response(exc.code or 500, code, exc.description or exc.name)
