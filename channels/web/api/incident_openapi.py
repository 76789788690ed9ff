"""The incidents part of the OpenAPI document (`openapi_document` merges it in)."""

from __future__ import annotations

from typing import Any

from core.models import IncidentStatus
from core.staff.incident_actions import INCIDENT_TARGETS

ID_PARAM = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
NULLABLE = {"type": ["string", "null"]}
NUMBER = {"type": ["number", "null"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _ok(schema: str, description: str) -> dict[str, Any]:
    content = {"application/json": {"schema": _ref(schema)}}
    return {"description": description, "content": content}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(c): {"$ref": f"#/components/responses/E{c}"} for c in codes}


def _body(props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": props, "required": required}
    return {"required": True, "content": {"application/json": {"schema": schema}}}


REFERENCE_BODY = _body({"reference": {"type": "string"}}, ["reference"])


def incident_schemas() -> dict[str, Any]:
    """Incident (listing item) and IncidentDetail."""
    return {
        "Incident": {
            "type": "object",
            "required": ["id", "category", "directorate", "status", "tickets", "created_at"],
            "properties": {
                "id": {"type": "integer"},
                "category": {"type": "string"},
                "directorate": NULLABLE,
                "status": {"type": "string", "enum": [s.value for s in IncidentStatus]},
                "lat": NUMBER,
                "lon": NUMBER,
                "area": NULLABLE,
                "tickets": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "References of the reports in the incident.",
                },
                "created_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": "string", "format": "date-time"},
                "closed_at": {"type": ["string", "null"], "format": "date-time"},
            },
        },
        "IncidentDetail": {
            "allOf": [
                _ref("Incident"),
                {
                    "type": "object",
                    "properties": {
                        "reports": {"type": "array", "items": {"type": "object"}},
                        "suggested": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "Reports without coordinates naming its area, "
                            "waiting for staff to confirm (attach) them.",
                        },
                        "updates": {"type": "array", "items": {"type": "object"}},
                        "allowed_transitions": {"type": "array", "items": {"type": "string"}},
                    },
                },
            ]
        },
        "IncidentPage": {
            "type": "object",
            "required": ["items"],
            "properties": {
                "items": {"type": "array", "items": _ref("Incident")},
                "total": {"type": "integer"},
            },
        },
    }


def _op(summary: str, body: dict[str, Any] | None, ok: int = 200) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "parameters": [ID_PARAM],
        "responses": {
            str(ok): _ok("IncidentDetail", "The incident."),
            **_errors(400, 401, 403, 404, 409, 422),
        },
    }
    if body is not None:
        operation["requestBody"] = body
    return operation


def incident_paths() -> dict[str, Any]:
    """The /incidents paths."""
    status = {"type": "string", "enum": [s.value for s in IncidentStatus]}
    return {
        "/incidents": {
            "get": {
                "summary": "List visible incidents, open first",
                "parameters": [
                    {"name": "status", "in": "query", "required": False, "schema": status}
                ],
                "responses": {
                    "200": _ok("IncidentPage", "The incidents."),
                    **_errors(400, 401),
                },
            },
            "post": {
                "summary": "Open an incident by hand from reports",
                "requestBody": _body(
                    {"references": {"type": "array", "items": {"type": "string"}}},
                    ["references"],
                ),
                "responses": {
                    "201": _ok("IncidentDetail", "The new incident."),
                    **_errors(400, 401, 403, 422),
                },
            },
        },
        "/incidents/{id}": {
            "get": {
                "summary": "One incident with its reports and shared history",
                "parameters": [ID_PARAM],
                "responses": {
                    "200": _ok("IncidentDetail", "The incident."),
                    **_errors(401, 404),
                },
            }
        },
        "/incidents/{id}/replies": {
            "post": _op(
                "One reply to every open report, each citizen once, on their channel "
                "(translations: the same answer per language)",
                _body(
                    {
                        "text": {"type": "string", "minLength": 1},
                        "translations": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                        },
                    },
                    ["text"],
                ),
                201,
            )
        },
        "/incidents/{id}/transition": {
            "post": _op(
                "Move every open report (closing needs the answer as the note)",
                _body(
                    {
                        "to": {"type": "string", "enum": [s.value for s in INCIDENT_TARGETS]},
                        "note": {"type": "string"},
                    },
                    ["to"],
                ),
            )
        },
        "/incidents/{id}/tickets": {
            "post": _op("Attach a report (or confirm a suggested one)", REFERENCE_BODY, 201),
            "delete": _op("Detach a report", REFERENCE_BODY),
        },
    }
