"""JSON API: authentication, listing, one ticket, replies and notes, errors as JSON."""

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


def test_no_token_is_401_json(client: FlaskClient) -> None:
    response = client.get("/api/v1/tickets")
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_is_401_json(client: FlaskClient) -> None:
    response = client.get("/api/v1/tickets", headers=bearer("blg_nope"))
    assert response.status_code == 401
    assert set(response.get_json()["error"]) == {"code", "message"}


def test_department_token_lists_only_its_directorate(ctx: Context, client: FlaskClient) -> None:
    roads = new_ticket(ctx, "Pothole", category="road_damage")
    new_ticket(ctx, "Rats", category="pest_control")
    new_ticket(ctx, "Unclassified")
    body = client.get("/api/v1/tickets", headers=bearer(token_for(ctx, "roads@mct.om"))).get_json()
    assert [t["reference"] for t in body["items"]] == [roads]
    assert (body["total"], body["page"]) == (1, 1)


def test_department_token_gets_404_for_another_directorate(
    ctx: Context, client: FlaskClient
) -> None:
    health = new_ticket(ctx, "Rats", category="pest_control")
    token = token_for(ctx, "roads@mct.om")
    for method, path, body in (
        ("get", f"/api/v1/tickets/{health}", None),
        ("post", f"/api/v1/tickets/{health}/notes", {"text": "peek"}),
        ("post", f"/api/v1/tickets/{health}/transition", {"to": "resolved", "note": "x"}),
        ("patch", f"/api/v1/tickets/{health}", {"assignee": "roads@mct.om"}),
    ):
        response = getattr(client, method)(path, json=body, headers=bearer(token))
        assert response.status_code == 404, path
        assert response.get_json()["error"]["code"] == "not_found"


def test_list_shape_and_filters(ctx: Context, client: FlaskClient) -> None:
    pothole = new_ticket(ctx, "Pothole", category="road_damage", display_name="Aisha")
    new_ticket(ctx, "Rats", channel="email", category="pest_control")
    token = token_for(ctx, "disp@mct.om")
    body = client.get(
        "/api/v1/tickets?channel=telegram&directorate=roads&status=new", headers=bearer(token)
    ).get_json()
    assert [t["reference"] for t in body["items"]] == [pothole]
    item = body["items"][0]
    for key in (
        "reference", "status", "priority", "channel", "language", "directorate", "category",
        "confidence", "urgent", "created_at", "due_at", "contact",
    ):  # fmt: skip
        assert key in item
    assert item["contact"]["name"] == "Aisha"
    assert list(item["contact"]["addresses"]) == ["telegram"]
    by_category = client.get("/api/v1/tickets?category=pest_control", headers=bearer(token))
    assert [t["channel"] for t in by_category.get_json()["items"]] == ["email"]


def test_list_search_folds_arabic(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "تسرب مياه عند مستشفي خولة")
    token = token_for(ctx, "agent@mct.om")
    body = client.get("/api/v1/tickets?q=مستشفى", headers=bearer(token)).get_json()
    assert [t["reference"] for t in body["items"]] == [ref]


def test_list_pages(ctx: Context, client: FlaskClient) -> None:
    for i in range(3):
        new_ticket(ctx, f"Pothole {i}")
    token = token_for(ctx, "agent@mct.om")
    body = client.get("/api/v1/tickets?page=2&per_page=2", headers=bearer(token)).get_json()
    assert (len(body["items"]), body["page"], body["total"]) == (1, 2, 3)
    bad = client.get("/api/v1/tickets?page=two", headers=bearer(token))
    assert bad.status_code == 400


def test_show_ticket_has_messages_and_events(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    body = client.get(
        f"/api/v1/tickets/{ref}", headers=bearer(token_for(ctx, "agent@mct.om"))
    ).get_json()
    first = body["messages"][0]
    assert (first["direction"], first["channel"], first["text"]) == ("in", "telegram", "Pothole")
    for key in ("language", "created_at", "delivery_status"):
        assert key in first
    assert body["messages"][1]["delivery_status"] == "queued"  # the acknowledgement
    assert "created" in [e["kind"] for e in body["events"]]


def test_unknown_ticket_is_404_json(ctx: Context, client: FlaskClient) -> None:
    response = client.get(
        "/api/v1/tickets/MCT-999999", headers=bearer(token_for(ctx, "admin@mct.om"))
    )
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


def test_reply_posted_through_the_api_is_delivered_on_the_citizens_channel(
    ctx: Context, client: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = new_ticket(ctx, "Rats in the market", channel="email", sender="citizen@example.com")
    response = client.post(
        f"/api/v1/tickets/{ref}/replies",
        json={"text": "An inspector visits tomorrow."},
        headers=bearer(token_for(ctx, "disp@mct.om")),
    )
    assert response.status_code == 201
    assert response.get_json()["delivery_status"] == "queued"
    deliver_due(ctx)
    sent = [m for m in senders["email"].sent if m.kind == "reply"]
    assert [m.to for m in sent] == ["citizen@example.com"]
    assert "An inspector visits tomorrow." in sent[0].text and ref in sent[0].text
    assert senders["telegram"].sent == []
    assert load(ctx, ref).messages[-1].delivery_status == "sent"


def test_note_through_the_api_never_reaches_the_outbox(
    ctx: Context, client: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = client.post(
        f"/api/v1/tickets/{ref}/notes",
        json={"text": "internal only"},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 201 and response.get_json()["direction"] == "note"
    deliver_due(ctx)
    assert all("internal only" not in m.text for m in senders["telegram"].sent)


def test_department_may_not_reply_to_citizens_403(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    response = client.post(
        f"/api/v1/tickets/{ref}/replies",
        json={"text": "hi"},
        headers=bearer(token_for(ctx, "roads@mct.om")),
    )
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "forbidden"


def test_body_that_is_not_json_is_400(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = client.post(
        f"/api/v1/tickets/{ref}/replies",
        data="text=hi",
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_request"


def test_empty_reply_is_422(ctx: Context, client: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = client.post(
        f"/api/v1/tickets/{ref}/replies",
        json={"text": " "},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 422 and response.get_json()["error"]["code"] == "invalid"


def test_unknown_api_path_is_json_404(ctx: Context, client: FlaskClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.is_json


def test_phone_call_through_the_api_makes_a_phone_ticket(ctx: Context, client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/calls",
        json={"phone": "+968 9000 0001", "text": "Fallen tree blocks the road", "name": "Said"},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 201
    body = response.get_json()
    assert body["channel"] == "phone" and body["contact"]["addresses"] == {"phone": "+96890000001"}


def test_stats_endpoint_counts_and_needs_permission(ctx: Context, client: FlaskClient) -> None:
    new_ticket(ctx, "Pothole", category="road_damage")
    new_ticket(ctx, "Rats", channel="email", category="pest_control")
    ok = client.get("/api/v1/stats", headers=bearer(token_for(ctx, "super@mct.om")))
    assert ok.status_code == 200
    body = ok.get_json()
    assert body["totals"]["tickets"] == 2 and body["group_by"] == "directorate"
    by_channel = client.get(
        "/api/v1/stats?group_by=channel", headers=bearer(token_for(ctx, "super@mct.om"))
    ).get_json()
    assert {g["key"]: g["tickets"] for g in by_channel["groups"]} == {"email": 1, "telegram": 1}
    denied = client.get("/api/v1/stats", headers=bearer(token_for(ctx, "agent@mct.om")))
    assert denied.status_code == 403
    bad = client.get("/api/v1/stats?since=soon", headers=bearer(token_for(ctx, "super@mct.om")))
    assert bad.status_code == 422
