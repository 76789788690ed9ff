"""Reading a JSON request body: fields of the wrong type are a 400, never a 500."""

from __future__ import annotations

from typing import Any

from flask import request

from channels.web.api.errors import ApiError


def body() -> dict[str, Any]:
    """The request's JSON object; 400 for anything else."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", "Send a JSON object with Content-Type application/json.")
    return data


def text_field(data: dict[str, Any], name: str, required: bool = True) -> str | None:
    """A string field (None when absent and optional); 400 for another type."""
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ApiError(400, "bad_request", f"Field '{name}' must be a string.")
    return value


def whole_number(value: Any) -> int | None:
    """A JSON integer, or None; 705.0 is one too, as JSON Schema's `integer` says (a boolean
    is not)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def number_field(data: dict[str, Any], name: str) -> float | None:
    """An optional number field; 400 for another type (a boolean too)."""
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ApiError(400, "bad_request", f"Field '{name}' must be a number.")
    return float(value)
