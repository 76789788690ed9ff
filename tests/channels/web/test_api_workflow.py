"""A ticket walked new -> triaged -> assigned -> resolved -> closed through the API."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.delivery.outbox import deliver_due
from core.outbound import CollectingSender
from core.routing.types import UnroutedRouter
from tests.staffkit import app_for, bearer, load, new_ticket, the_roles, token_for


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx).test_client()


def move(client: FlaskClient, token: str, ref: str, to: str, note: str | None = None):  # type: ignore[no-untyped-def]
    body = {"to": to} if note is None else {"to": to, "note": note}
    return client.post(f"/api/v1/tickets/{ref}/transition", json=body, headers=bearer(token))


def test_right_roles_walk_a_ticket_to_closed(
    ctx: Context, client: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = new_ticket(ctx, "Deep pothole on Way 3021", sender="42")
    agent, disp, roads = (
        token_for(ctx, e) for e in ("agent@mct.om", "disp@mct.om", "roads@mct.om")
    )
    patched = client.patch(
        f"/api/v1/tickets/{ref}", json={"category": "road_damage"}, headers=bearer(agent)
    )
    assert patched.status_code == 200 and patched.get_json()["directorate"] == "roads"
    assert move(client, agent, ref, "triaged").get_json()["status"] == "triaged"
    assigned = client.patch(
        f"/api/v1/tickets/{ref}", json={"assignee": "roads@mct.om"}, headers=bearer(disp)
    )
    assert assigned.get_json()["assignee"] == "roads@mct.om"
    assert move(client, disp, ref, "assigned").get_json()["status"] == "assigned"
    resolved = move(client, roads, ref, "resolved", "Filled with asphalt on Monday.")
    assert resolved.status_code == 200 and resolved.get_json()["status"] == "resolved"
    closed = move(client, disp, ref, "closed")
    assert closed.status_code == 200 and closed.get_json()["status"] == "closed"
    deliver_due(ctx)
    kinds = [m.kind for m in senders["telegram"].sent]
    assert kinds == ["ack", "forwarded", "resolved"]


def test_wrong_role_gets_403_json(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    agent = token_for(ctx, "agent@mct.om")
    move(client, agent, ref, "triaged")
    response = move(client, agent, ref, "assigned")
    assert response.status_code == 403
    error = response.get_json()["error"]
    assert error["code"] == "forbidden" and "agent" in error["message"]


def test_wrong_step_gets_409_json(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = move(client, token_for(ctx, "disp@mct.om"), ref, "closed")
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["code"] == "invalid_transition" and "cannot move" in error["message"]


def test_unknown_status_is_422(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = move(client, token_for(ctx, "disp@mct.om"), ref, "teleported")
    assert response.status_code == 422


def test_resolving_without_the_answer_is_422_and_changes_nothing(
    ctx: Context, client: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    move(client, token_for(ctx, "agent@mct.om"), ref, "triaged")
    move(client, token_for(ctx, "disp@mct.om"), ref, "assigned")
    roads = token_for(ctx, "roads@mct.om")
    assert move(client, roads, ref, "resolved").status_code == 422
    shown = client.get(f"/api/v1/tickets/{ref}", headers=bearer(roads)).get_json()
    assert shown["status"] == "assigned"


def test_mark_duplicate_through_the_api(ctx: Context, client: FlaskClient) -> None:
    original = new_ticket(ctx, "Light out")
    repeat = new_ticket(ctx, "Light still out")
    agent = token_for(ctx, "agent@mct.om")
    response = client.post(
        f"/api/v1/tickets/{repeat}/duplicate", json={"of": original}, headers=bearer(agent)
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["duplicate_of"]) == ("duplicate", original)
    missing = client.post(
        f"/api/v1/tickets/{original}/duplicate", json={"of": "MCT-999999"}, headers=bearer(agent)
    )
    assert missing.status_code == 422


def test_reclassify_and_assign_endpoints(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Dead cat on the road")
    disp = token_for(ctx, "disp@mct.om")
    reclassified = client.post(
        f"/api/v1/tickets/{ref}/reclassify",
        json={"category": "stray_animals"},
        headers=bearer(disp),
    )
    assert reclassified.get_json()["directorate"] == "health"
    assert "reclassified" in [e["kind"] for e in reclassified.get_json()["events"]]
    assigned = client.post(
        f"/api/v1/tickets/{ref}/assign", json={"assignee": "health@mct.om"}, headers=bearer(disp)
    )
    assert assigned.get_json()["assignee"] == "health@mct.om"
    wrong = client.post(
        f"/api/v1/tickets/{ref}/assign", json={"assignee": "roads@mct.om"}, headers=bearer(disp)
    )
    assert wrong.status_code == 422


def test_transition_note_over_the_text_limit_is_422_and_changes_nothing(
    ctx: Context, client: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Deep pothole on Way 3021", sender="43")
    agent = token_for(ctx, "agent@mct.om")
    response = move(client, agent, ref, "triaged", "x" * 500_000)
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "invalid"
    assert load(ctx, ref).status == "new"
