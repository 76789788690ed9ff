"""JSON API: a method a path does not take is a JSON 405 with Allow; unknown paths a JSON 404."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.routing.types import UnroutedRouter
from tests.staffkit import app_for, bearer, new_ticket, the_roles, token_for


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx).test_client()


def test_put_on_the_ticket_list_is_405_json_with_allow(ctx: Context, client: FlaskClient) -> None:
    response = client.put("/api/v1/tickets", json={}, headers=bearer(token_for(ctx, "disp@mct.om")))
    assert response.status_code == 405 and response.is_json
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"].split(", ")
    assert "PUT" not in response.headers["Allow"]


def test_delete_on_a_ticket_is_405_json_with_allow(ctx: Context, client: FlaskClient) -> None:
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    response = client.delete(
        f"/api/v1/tickets/{reference}", headers=bearer(token_for(ctx, "disp@mct.om"))
    )
    assert response.status_code == 405 and response.is_json
    allowed = set(response.headers["Allow"].split(", "))
    assert {"GET", "PATCH"} <= allowed and "DELETE" not in allowed
    assert sorted(allowed) == sorted(response.get_json()["error"]["allowed"])


def test_unknown_api_path_is_still_a_json_404_for_any_method(client: FlaskClient) -> None:
    for method in ("get", "post", "put", "delete"):
        response = getattr(client, method)("/api/v1/nothing-here")
        assert response.status_code == 404 and response.is_json, method
        assert response.get_json()["error"]["code"] == "not_found"


def test_path_outside_v1_under_api_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/api/v2/tickets")
    assert response.status_code == 404 and response.is_json
