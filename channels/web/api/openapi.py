"""The OpenAPI 3.1 document for `/api/v1`, written by hand next to the views it describes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from channels.web.api.incident_openapi import incident_paths, incident_schemas
from core.insights.stats import COUNTS, FIGURES, GROUP_BY
from core.language.catalog import LANGUAGES
from core.models import Priority, Status
from core.routing.taxonomy import Taxonomy
from core.staff.actions import QUEUES


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {
        400: "Unreadable request (not a JSON object, wrong field type, unknown filter value).",
        401: "No bearer token, or an unknown or revoked one.",
        403: "The caller's role may not do this.",
        404: "No such ticket, or not visible to the caller.",
        409: "The ticket's state does not allow this workflow step.",
        422: "A value that makes no sense (unknown category, empty text, bad date).",
    }
    return {str(c): {"$ref": f"#/components/responses/E{c}"} for c in codes if c in text}


REF_PARAM = {
    "name": "reference",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "example": "MCT-000042"},
}


def _body(props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": props, "required": required}
            }
        },
    }


def _ticket_op(
    summary: str, body: dict[str, Any], ok: int = 200, schema: str = "TicketDetail"
) -> dict[str, Any]:
    return {
        "summary": summary,
        "parameters": [REF_PARAM],
        "requestBody": body,
        "responses": {
            str(ok): _json(_ref(schema), "Done."),
            **_errors(400, 401, 403, 404, 409, 422),
        },
    }


TEXT = {"text": {"type": "string", "minLength": 1}}


def _enum(values: Sequence[str]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


def _list_parameters(taxonomy: Taxonomy | None) -> list[dict[str, Any]]:
    """GET /tickets' query parameters; an unknown value in any of them is a 400."""
    directorates = [d.code for d in taxonomy.directorates] if taxonomy else []
    categories = list(taxonomy.category_codes()) if taxonomy else []
    code = {"type": "string"}
    statuses = {"type": "array", "items": _enum([s.value for s in Status])}
    params: list[tuple[str, dict[str, Any], str]] = [
        ("status", statuses, "One status or several, comma-separated."),
        ("directorate", _enum(directorates) if directorates else code, "Directorate code."),
        ("category", _enum(categories) if categories else code, "Category code."),
        ("channel", code, "telegram, email, web, phone..."),
        ("language", _enum(LANGUAGES), "The ticket's language."),
        ("priority", _enum([p.value for p in Priority]), "The ticket's priority."),
        ("overdue", {"type": "boolean"}, "Only tickets past their due time (true or false)."),
        (
            "queue",
            {**_enum(QUEUES), "default": "all"},
            "all, mine (the caller's role queue) or assigned_to_me.",
        ),
        ("q", code, "Search text; Arabic spelling variants match each other."),
        ("page", {"type": "integer", "minimum": 1}, "Page number from 1."),
        ("per_page", {"type": "integer", "minimum": 1}, "Tickets per page (at most 100)."),
    ]
    described = [
        {"name": n, "in": "query", "required": False, "schema": schema, "description": d}
        for n, schema, d in params
    ]
    described[0].update(style="form", explode=False)  # status=new,triaged
    return described


def openapi_document(base_url: str, taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """The whole document; `servers` points at this installation, codes at its taxonomy."""
    nullable_str = {"type": ["string", "null"]}
    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "parameter": {
                            "type": "string",
                            "description": "The query parameter with an unknown value (400).",
                        },
                        "allowed": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "The values that parameter takes, or the "
                            "methods the path takes (405).",
                        },
                    },
                }
            },
        },
        "Contact": {
            "type": "object",
            "properties": {
                "name": nullable_str,
                "phone": nullable_str,
                "email": nullable_str,
                "language": nullable_str,
                "addresses": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": "The contact's address per channel (chat id, email...).",
                },
            },
        },
        "Ticket": {
            "type": "object",
            "required": ["reference", "status", "priority", "channel", "created_at", "contact"],
            "properties": {
                "reference": {"type": "string"},
                "status": {"type": "string", "enum": [s.value for s in Status]},
                "priority": {"type": "string", "enum": ["low", "normal", "high", "urgent"]},
                "urgent": {"type": "boolean"},
                "channel": {"type": "string"},
                "language": nullable_str,
                "directorate": nullable_str,
                "category": nullable_str,
                "confidence": {"type": ["number", "null"]},
                "subject": nullable_str,
                "created_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": "string", "format": "date-time"},
                "due_at": {"type": ["string", "null"], "format": "date-time"},
                "first_response_at": {"type": ["string", "null"], "format": "date-time"},
                "resolved_at": {"type": ["string", "null"], "format": "date-time"},
                "closed_at": {"type": ["string", "null"], "format": "date-time"},
                "assignee": nullable_str,
                "duplicate_of": nullable_str,
                "location": {"type": ["object", "null"]},
                "contact": _ref("Contact"),
                "incident": {"type": ["integer", "null"], "description": "Its incident's id."},
                "incident_suggested": {
                    "type": ["integer", "null"],
                    "description": "An incident suggested by area, for staff to confirm.",
                },
                "rating": {
                    "type": ["object", "null"],
                    "description": "The citizen's rating after closing (once): score 1-5, "
                    "comment, channel, rated_at.",
                },
                "attention": {
                    "type": ["string", "null"],
                    "description": "Why a person should look again (e.g. different_problem).",
                },
            },
        },
        "Message": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "direction": {"type": "string", "enum": ["in", "out", "note"]},
                "channel": {"type": "string"},
                "kind": {"type": "string"},
                "text": {"type": "string"},
                "language": nullable_str,
                "created_at": {"type": "string", "format": "date-time"},
                "author": nullable_str,
                "delivery_status": {
                    "type": ["string", "null"],
                    "enum": [
                        "queued",
                        "sending",
                        "sent",
                        "retrying",
                        "failed",
                        "delivered",
                        "read",
                        None,
                    ],
                },
                "delivery_error": nullable_str,
                "attachments": {"type": "array", "items": {"type": "object"}},
            },
        },
        "Event": {
            "type": "object",
            "properties": {
                "kind": {"type": "string"},
                "actor": {"type": "string"},
                "created_at": {"type": "string", "format": "date-time"},
                "data": {"type": "object"},
            },
        },
        "TicketDetail": {
            "allOf": [
                _ref("Ticket"),
                {
                    "type": "object",
                    "properties": {
                        "routing": {"type": ["object", "null"]},
                        "resolution": {
                            "type": ["string", "null"],
                            "description": "The department's answer to the dispatcher.",
                        },
                        "answer": {
                            "type": ["string", "null"],
                            "description": "What the citizen was told on closing.",
                        },
                        "messages": {"type": "array", "items": _ref("Message")},
                        "events": {"type": "array", "items": _ref("Event")},
                        "allowed_transitions": {"type": "array", "items": {"type": "string"}},
                    },
                },
            ]
        },
        "TicketPage": {
            "type": "object",
            "required": ["items", "page", "total"],
            "properties": {
                "items": {"type": "array", "items": _ref("Ticket")},
                "page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "total": {
                    "type": "integer",
                    "description": "Matching tickets, counted up to 1,000 (see 'more').",
                },
                "more": {
                    "type": "boolean",
                    "description": "True when more tickets match than 'total' counted.",
                },
            },
        },
        "Figures": {
            "type": "object",
            "description": "Service-quality figures of one group (meanings in core/insights/stats.py).",
            "properties": {
                name: ({"type": "integer"} if name in COUNTS else {"type": ["number", "null"]})
                for name in FIGURES
            },
            "required": list(FIGURES),
        },
        "Stats": {
            "type": "object",
            "properties": {
                "since": nullable_str,
                "until": nullable_str,
                "group_by": {"type": "string", "enum": list(GROUP_BY)},
                "totals": _ref("Figures"),
                "incidents": {
                    "type": "object",
                    "description": "Mass incidents opened in the period and their reports.",
                    "properties": {
                        n: {"type": "integer"} for n in ("incidents", "open", "closed", "tickets")
                    },
                },
                "groups": {
                    "type": "array",
                    "items": {
                        "allOf": [
                            _ref("Figures"),
                            {"type": "object", "properties": {"key": nullable_str}},
                        ]
                    },
                },
            },
            "required": ["since", "until", "group_by", "totals", "groups"],
        },
    }
    transition_body = _body(
        {
            "to": {"type": "string", "enum": [s.value for s in Status]},
            "note": {"type": "string"},
            "answer": {
                "type": "string",
                "description": "Closing only: the text for the citizen (default: the "
                "department's answer as it is).",
            },
        },
        ["to"],
    )
    paths: dict[str, Any] = {
        "/tickets": {
            "get": {
                "summary": "List visible tickets with filters and pagination",
                "parameters": _list_parameters(taxonomy),
                "responses": {"200": _json(_ref("TicketPage"), "A page."), **_errors(400, 401)},
            }
        },
        "/tickets/{reference}": {
            "get": {
                "summary": "One ticket with its messages and events",
                "parameters": [REF_PARAM],
                "responses": {
                    "200": _json(_ref("TicketDetail"), "The ticket."),
                    **_errors(401, 404),
                },
            },
            "patch": _ticket_op(
                "Reclassify (category), assign (assignee email or null), set priority",
                _body(
                    {
                        "category": {"type": "string"},
                        "assignee": nullable_str,
                        "priority": {"type": "string", "enum": [p.value for p in Priority]},
                        "reason": {"type": "string", "description": "Why (kept in the event)."},
                    },
                    [],
                ),
            ),
        },
        "/tickets/{reference}/replies": {
            "post": _ticket_op(
                "Reply to the citizen on the ticket's channel",
                _body(TEXT, ["text"]),
                201,
                "Message",
            )
        },
        "/tickets/{reference}/reply": {
            "post": _ticket_op("Same as /replies", _body(TEXT, ["text"]), 201, "Message")
        },
        "/tickets/{reference}/notes": {
            "post": _ticket_op("Internal note (never sent)", _body(TEXT, ["text"]), 201, "Message")
        },
        "/tickets/{reference}/note": {
            "post": _ticket_op("Same as /notes", _body(TEXT, ["text"]), 201, "Message")
        },
        "/tickets/{reference}/transition": {
            "post": _ticket_op("Move the ticket in the workflow", transition_body)
        },
        "/tickets/{reference}/reclassify": {
            "post": _ticket_op(
                "Set the category; kept as a routing correction",
                _body({"category": {"type": "string"}}, ["category"]),
            )
        },
        "/tickets/{reference}/assign": {
            "post": _ticket_op(
                "Assign to a member of staff (email) or nobody (null)",
                _body({"assignee": nullable_str}, ["assignee"]),
            )
        },
        "/tickets/{reference}/duplicate": {
            "post": _ticket_op(
                "Mark as duplicate of another ticket",
                _body({"of": {"type": "string"}, "note": {"type": "string"}}, ["of"]),
            )
        },
        "/tickets/{reference}/callbacks": {
            "post": _ticket_op(
                "Record the outcome of a call-back to a phone caller",
                _body(
                    {
                        "message_id": {"type": "integer"},
                        "reached": {"type": "boolean"},
                        "note": {"type": "string"},
                    },
                    ["message_id", "reached"],
                ),
                200,
                "Message",
            )
        },
        "/calls": {
            "post": {
                "summary": "Record a phone call as a new ticket (channel phone)",
                "requestBody": _body(
                    {
                        "phone": {"type": "string"},
                        "text": {"type": "string"},
                        "name": {"type": "string"},
                        "language": {"type": "string", "enum": ["ar", "en"]},
                        "category": {"type": "string"},
                    },
                    ["phone", "text"],
                ),
                "responses": {
                    "201": _json(_ref("TicketDetail"), "The new ticket."),
                    **_errors(400, 401, 403, 422),
                },
            }
        },
        "/stats": {
            "get": {
                "summary": "Service-quality figures per group for a period",
                "parameters": [
                    *(
                        {
                            "name": n,
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "format": "date"},
                            "description": d,
                        }
                        for n, d in (
                            ("since", "First day, inclusive."),
                            ("until", "Last day, inclusive."),
                        )
                    ),
                    {
                        "name": "group_by",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": list(GROUP_BY)},
                        "description": "One group per value of this (default directorate).",
                    },
                ],
                "responses": {
                    "200": _json(_ref("Stats"), "The figures."),
                    **_errors(401, 403, 422),
                },
            }
        },
        "/me": {
            "get": {
                "summary": "The member of staff the token belongs to",
                "responses": {"200": _json({"type": "object"}, "Who you are."), **_errors(401)},
            }
        },
    }
    schemas.update(incident_schemas())
    paths.update(incident_paths())
    responses = {
        f"E{code}": _json(_ref("Error"), text)
        for code, text in (
            (400, "Bad request."),
            (401, "Unauthorized."),
            (403, "Forbidden."),
            (404, "Not found."),
            (409, "Conflict with the ticket's state."),
            (422, "Invalid value."),
        )
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Balagh staff API",
            "version": "1",
            "description": "Tickets, replies, notes, workflow and statistics for staff tools.",
        },
        "servers": [{"url": f"{base_url}/api/v1"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": responses,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A token from `balagh users token EMAIL`.",
                }
            },
        },
    }
