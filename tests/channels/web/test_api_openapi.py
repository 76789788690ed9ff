"""The OpenAPI document: valid JSON, OpenAPI 3, every endpoint described, every $ref resolves."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from core.context import Context
from tests.staffkit import app_for


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
                assert param["in"] in ("path", "query") and "schema" in param
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
