"""The API's blueprint: its error bodies and the headers every answer carries."""

from __future__ import annotations

from flask import Blueprint, Response
from werkzeug.exceptions import HTTPException

from channels.web.api.errors import ApiError, api_error, domain_error, http_error
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
