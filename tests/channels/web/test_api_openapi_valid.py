"""The OpenAPI document served at /api/v1/openapi.json passes openapi-spec-validator."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from core.context import Context
from tests.staffkit import app_for


@pytest.fixture
def document(ctx: Context) -> dict[str, Any]:
    response = app_for(ctx).test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.is_json
    document: dict[str, Any] = response.get_json()
    return document


def test_served_openapi_document_validates(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.")
    validate(document)  # raises with the first violation


def test_validator_rejects_a_broken_copy_of_the_document(document: dict[str, Any]) -> None:
    """Guards the test above against a validator that accepts anything."""
    broken = copy.deepcopy(document)
    first_path = next(iter(broken["paths"].values()))
    next(iter(first_path.values()))["responses"] = "none"
    with pytest.raises(OpenAPIValidationError):
        validate(broken)
