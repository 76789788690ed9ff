"""The OpenAPI document: valid JSON, OpenAPI 3, every endpoint described, every $ref resolves;
its lists the code's own; what it calls valid, the API accepts."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

from core.context import Context
from core.insights.stats import COUNTS, FIGURES, GROUP_BY
from core.language.catalog import LANGUAGES
from core.models import ID_MAX, Delivery, IncidentStatus, Priority, Status
from core.staff.actions import MAX_TEXT, QUEUES
from core.staff.incident_actions import INCIDENT_TARGETS
from tests.staffkit import app_for, bearer, make_staff, new_ticket, token_for


@pytest.fixture
def document(ctx: Context) -> dict[str, Any]:
    client: FlaskClient = app_for(ctx).test_client()
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.is_json
    return response.get_json()  # type: ignore[no-any-return]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


def test_document_is_openapi_3_with_every_path(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.")
    assert {"title", "version"} <= set(document["info"])
    expected = {
        "/tickets": {"get"},
        "/tickets/{reference}": {"get", "patch"},
        "/tickets/{reference}/replies": {"post"},
        "/tickets/{reference}/notes": {"post"},
        "/tickets/{reference}/transition": {"post"},
        "/tickets/{reference}/reclassify": {"post"},
        "/tickets/{reference}/assign": {"post"},
        "/tickets/{reference}/duplicate": {"post"},
        "/stats": {"get"},
    }
    for path, methods in expected.items():
        assert methods <= set(document["paths"][path]), path


def test_every_operation_has_responses_and_every_ref_resolves(document: dict[str, Any]) -> None:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["responses"], f"{method} {path}"
            assert all(code.isdigit() for code in operation["responses"])
            for param in operation.get("parameters", []):
                assert param["in"] in ("path", "query", "header") and "schema" in param
                if param["in"] == "path":
                    assert param["required"] is True and "{" + param["name"] + "}" in path
    for ref in _refs(document):
        assert ref.startswith("#/")
        node: Any = document
        for part in ref[2:].split("/"):
            node = node[part]


def test_document_declares_bearer_security(document: dict[str, Any]) -> None:
    scheme = document["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")


# The document is a JSON file (channels/web/api/openapi.json); its fixed lists must be the
# code's own, and what it calls valid the API must accept.


def _body_schema(document: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """The operation's request body schema, able to resolve the document's own $refs."""
    body = document["paths"][path][method]["requestBody"]["content"]["application/json"]
    return {**body["schema"], "components": document["components"]}


def _valid(document: dict[str, Any], method: str, path: str, body: Any) -> bool:
    return Draft202012Validator(_body_schema(document, method, path)).is_valid(body)


def _schema(document: dict[str, Any], name: str) -> dict[str, Any]:
    return document["components"]["schemas"][name]  # type: ignore[no-any-return]


def _parameter(document: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    params = document["paths"][path]["get"]["parameters"]
    return next(p["schema"] for p in params if p["name"] == name)  # type: ignore[no-any-return]


def test_document_lists_are_the_codes_own(document: dict[str, Any]) -> None:
    statuses, priorities = [s.value for s in Status], [p.value for p in Priority]
    ticket = _schema(document, "Ticket")["properties"]
    assert ticket["status"]["enum"] == statuses and ticket["priority"]["enum"] == priorities
    assert _parameter(document, "/tickets", "status")["items"]["enum"] == statuses
    assert _parameter(document, "/tickets", "priority")["enum"] == priorities
    assert _parameter(document, "/tickets", "language")["enum"] == list(LANGUAGES)
    assert _parameter(document, "/tickets", "queue")["enum"] == list(QUEUES)
    assert _parameter(document, "/stats", "group_by")["enum"] == list(GROUP_BY)
    transition = _body_schema(document, "post", "/tickets/{reference}/transition")
    assert transition["properties"]["to"]["enum"] == statuses
    delivery = _schema(document, "Message")["properties"]["delivery_status"]["enum"]
    assert delivery == [*(d.value for d in Delivery), None]
    figures = _schema(document, "Figures")
    assert set(figures["properties"]) == set(FIGURES) and figures["required"] == list(FIGURES)
    assert {n for n, f in figures["properties"].items() if f["type"] == "integer"} == set(COUNTS)
    incident = _schema(document, "Incident")["properties"]["status"]["enum"]
    assert incident == [s.value for s in IncidentStatus]
    moves = _body_schema(document, "post", "/incidents/{id}/transition")["properties"]["to"]
    assert moves["enum"] == [s.value for s in INCIDENT_TARGETS]
    assert _schema(document, "StaffText")["maxLength"] == MAX_TEXT
    assert _schema(document, "OptionalText")["maxLength"] == MAX_TEXT
    callback = _body_schema(document, "post", "/tickets/{reference}/callbacks")
    assert callback["properties"]["message_id"]["maximum"] == ID_MAX


def test_served_document_lists_the_installations_directorates_and_categories(
    ctx: Context, document: dict[str, Any]
) -> None:
    directorates = _schema(document, "DirectorateCode")["enum"]
    assert directorates == [d.code for d in ctx.taxonomy.directorates]
    assert _schema(document, "CategoryCode")["enum"] == list(ctx.taxonomy.category_codes())


def test_every_operation_documents_503_with_retry_after(document: dict[str, Any]) -> None:
    unavailable = document["components"]["responses"]["E503"]
    assert "Retry-After" in unavailable["headers"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["responses"]["503"] == {"$ref": "#/components/responses/E503"}, (
                f"{method} {path}"
            )


def test_document_refuses_what_the_api_refuses(document: dict[str, Any]) -> None:
    assert not _valid(document, "post", "/calls", {"phone": "0", "text": "Leak"})
    assert not _valid(document, "post", "/calls", {"phone": "91234567", "text": "  "})
    assert not _valid(document, "post", "/calls", {"phone": "91234567", "text": "x", "lat": 23.6})
    assert not _valid(document, "post", "/incidents", {"references": []})
    assert not _valid(document, "patch", "/tickets/{reference}", {})
    assert not _valid(document, "patch", "/tickets/{reference}", {"reason": "why"})
    assert not _valid(document, "post", "/tickets/{reference}/notes", {"text": "\u0000 \n"})
    assert _valid(document, "patch", "/tickets/{reference}", {"assignee": None})


@pytest.fixture
def api(ctx: Context) -> tuple[FlaskClient, dict[str, str]]:
    make_staff(ctx, "admin@mct.om", "admin")
    return app_for(ctx).test_client(), bearer(token_for(ctx, "admin@mct.om"))


@pytest.mark.parametrize("phone", ["+96891234567", "0096824123456", "91234567", "24123456"])
def test_api_records_a_call_from_every_number_the_document_allows(
    document: dict[str, Any], api: tuple[FlaskClient, dict[str, str]], phone: str
) -> None:
    client, auth = api
    body = {"phone": phone, "text": "Water leaking on Way 3021.", "lat": 23.6, "lon": 58.5}
    assert _valid(document, "post", "/calls", body)
    assert client.post("/api/v1/calls", json=body, headers=auth).status_code == 201


def test_stats_for_a_period_ending_before_it_starts_is_the_documented_400(
    ctx: Context, api: tuple[FlaskClient, dict[str, str]], document: dict[str, Any]
) -> None:
    client, auth = api
    new_ticket(ctx, "Deep pothole on Way 3021")
    response = client.get("/api/v1/stats?since=2030-01-02&until=2020-01-01", headers=auth)
    documented = document["paths"]["/stats"]["get"]["responses"]
    assert response.status_code == 400 and "400" in documented
    assert response.get_json()["error"]["code"] == "period_reversed"
    endless = client.get("/api/v1/stats?since=2000-01-01&until=9999-12-31", headers=auth)
    assert endless.status_code == 200 and endless.get_json()["totals"]["tickets"] == 1


def test_ids_beyond_any_row_are_404_for_every_method(
    api: tuple[FlaskClient, dict[str, str]],
) -> None:
    client, auth = api
    for number in (ID_MAX + 1, 10**40):
        path = f"/api/v1/incidents/{number}/tickets"
        for method in ("POST", "DELETE"):
            answer = client.open(path, method=method, json={"reference": "MCT-1"}, headers=auth)
            assert answer.status_code == 404, (method, number)
        assert client.get(f"/api/v1/incidents/{number}", headers=auth).status_code == 404


def test_callback_message_id_is_a_json_integer_even_when_written_705_0(
    ctx: Context, api: tuple[FlaskClient, dict[str, str]]
) -> None:
    client, auth = api
    reference = new_ticket(ctx, "Deep pothole on Way 3021")
    path = f"/api/v1/tickets/{reference}/callbacks"
    for message_id in (705.0, ID_MAX + 1):
        answer = client.post(path, json={"message_id": message_id, "reached": True}, headers=auth)
        assert answer.status_code == 404  # read as a number: no such call-back on this ticket
    refused = client.post(path, json={"message_id": True, "reached": True}, headers=auth)
    assert refused.status_code == 400
