"""JSON API ticket filters: an unknown value is a 400 naming the parameter and what it takes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Priority, Status, Ticket
from core.routing.types import UnroutedRouter
from tests.staffkit import app_for, bearer, new_ticket, the_roles, token_for


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx).test_client()


def _list(ctx: Context, client: FlaskClient, query: str) -> Any:
    return client.get(f"/api/v1/tickets?{query}", headers=bearer(token_for(ctx, "disp@mct.om")))


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("status=bogus", "status"),
        ("status=new,bogus", "status"),
        ("priority=bogus", "priority"),
        ("language=xx", "language"),
        ("directorate=nope", "directorate"),
        ("category=nope", "category"),
        ("queue=bogus", "queue"),
        ("overdue=maybe", "overdue"),
    ],
)
def test_unknown_filter_value_is_400_naming_the_parameter(
    ctx: Context, client: FlaskClient, query: str, parameter: str
) -> None:
    response = _list(ctx, client, query)
    assert response.status_code == 400 and response.is_json
    error = response.get_json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert error["allowed"] and f"'{parameter}'" in error["message"]


def test_status_and_priority_errors_list_every_allowed_value(
    ctx: Context, client: FlaskClient
) -> None:
    status = _list(ctx, client, "status=bogus").get_json()["error"]
    priority = _list(ctx, client, "priority=bogus").get_json()["error"]
    assert status["allowed"] == [s.value for s in Status]
    assert priority["allowed"] == [p.value for p in Priority]
    assert "awaiting_citizen" in status["message"] and "urgent" in priority["message"]


def test_directorate_and_category_errors_list_the_taxonomy_codes(
    ctx: Context, client: FlaskClient
) -> None:
    directorate = _list(ctx, client, "directorate=nope").get_json()["error"]
    category = _list(ctx, client, "category=nope").get_json()["error"]
    assert directorate["allowed"] == [d.code for d in ctx.taxonomy.directorates]
    assert category["allowed"] == list(ctx.taxonomy.category_codes())


def test_queue_and_language_errors_list_their_choices(ctx: Context, client: FlaskClient) -> None:
    queue = _list(ctx, client, "queue=bogus").get_json()["error"]
    language = _list(ctx, client, "language=xx").get_json()["error"]
    assert queue["allowed"] == ["mine", "all", "assigned_to_me"]
    assert language["allowed"] == ["ar", "en"]


def test_bad_filter_without_a_token_is_still_401(client: FlaskClient) -> None:
    response = client.get("/api/v1/tickets?status=bogus")
    assert response.status_code == 401


def test_valid_filters_combine_and_empty_values_do_not_filter(
    ctx: Context, client: FlaskClient
) -> None:
    pothole = new_ticket(ctx, "Pothole", category="road_damage")
    new_ticket(ctx, "Rats", channel="email", category="pest_control")
    response = _list(
        ctx,
        client,
        "status=new,triaged&priority=&directorate=roads&category=road_damage"
        "&queue=all&overdue=false&language=",
    )
    assert response.status_code == 200
    assert [t["reference"] for t in response.get_json()["items"]] == [pothole]


def test_overdue_accepts_true_and_filters(ctx: Context, client: FlaskClient) -> None:
    new_ticket(ctx, "Pothole", category="road_damage")
    for value in ("true", "1", "YES", "0", "no"):
        response = _list(ctx, client, f"overdue={value}")
        assert response.status_code == 200, value
    assert _list(ctx, client, "overdue=true").get_json()["total"] == 0
    assert _list(ctx, client, "overdue=false").get_json()["total"] == 1


def _listed(ctx: Context, client: FlaskClient, query: str) -> set[str]:
    return {t["reference"] for t in _list(ctx, client, query).get_json()["items"]}


def test_overdue_false_lists_the_tickets_not_overdue_and_absent_lists_all(
    ctx: Context, client: FlaskClient
) -> None:
    late = new_ticket(ctx, "Pothole", category="road_damage")
    on_time = new_ticket(ctx, "Rats", channel="email", category="pest_control")
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == late)).scalar_one()
        ticket.due_at = ctx.now() - timedelta(hours=1)
    assert _listed(ctx, client, "overdue=true") == {late}
    assert _listed(ctx, client, "overdue=false") == {on_time}
    assert _listed(ctx, client, "overdue=0") == {on_time}
    assert _listed(ctx, client, "queue=all") == {late, on_time}


def test_openapi_lists_the_allowed_filter_values(ctx: Context, client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in document["paths"]["/tickets"]["get"]["parameters"]}
    codes = document["components"]["schemas"]
    assert params["directorate"]["schema"] == {"$ref": "#/components/schemas/DirectorateCode"}
    assert codes["DirectorateCode"]["enum"] == [d.code for d in ctx.taxonomy.directorates]
    assert params["category"]["schema"] == {"$ref": "#/components/schemas/CategoryCode"}
    assert codes["CategoryCode"]["enum"] == list(ctx.taxonomy.category_codes())
    assert params["status"]["schema"]["items"]["enum"] == [s.value for s in Status]
    assert params["queue"]["schema"]["enum"] == ["mine", "all", "assigned_to_me"]
    assert params["overdue"]["schema"]["type"] == "boolean"
