"""Waiting on the citizen needs the question asked.

Without it the citizen is asked nothing, yet the reminder says "we are still waiting for your
answer" and auto-close closes the ticket "because we did not receive an answer".
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.errors import InputError
from core.models import Status
from core.routing.types import UnroutedRouter
from tests.followup_support import ROADS, assigned_ticket, events, move, outbox, ticket
from tests.staffkit import (
    app_for,
    bearer,
    choose_language,
    login,
    new_ticket,
    post_form,
    the_roles,
    token_for,
)


def test_waiting_on_the_citizen_without_a_question_is_refused(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    with pytest.raises(InputError, match="question"):
        move(ctx, tid, Status.AWAITING_CITIZEN, ROADS)


def test_refused_wait_changes_nothing_and_tells_the_citizen_nothing(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    with pytest.raises(InputError):
        move(ctx, tid, Status.AWAITING_CITIZEN, ROADS, note="   ")
    assert ticket(ctx, tid).status == Status.ASSIGNED
    assert outbox(ctx, "need_info") == []
    assert all(e.data["to"] != Status.AWAITING_CITIZEN for e in events(ctx, tid, "transition"))


def test_waiting_with_a_question_sends_the_question_to_the_citizen(ctx: Context) -> None:
    tid = assigned_ticket(ctx, assignee=None)
    move(ctx, tid, Status.AWAITING_CITIZEN, ROADS, note="Which exit of the roundabout?")
    assert ticket(ctx, tid).status == Status.AWAITING_CITIZEN
    (item,) = outbox(ctx, "need_info")
    assert "Which exit of the roundabout?" in item.payload["text"]


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx).test_client()


def test_api_refuses_waiting_without_a_question_with_its_input_error(
    ctx: Context, client: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    response = client.post(
        f"/api/v1/tickets/{ref}/transition",
        json={"to": "awaiting_citizen"},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 422
    assert "question" in response.get_json()["error"]["message"]


def test_inbox_shows_the_refusal_and_the_ticket_stays_new(
    ctx: Context, client: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole")
    assert login(client, "agent@mct.om").status_code == 302
    choose_language(client, "en")
    response = post_form(client, f"/inbox/t/{ref}/transition", {"to": "awaiting_citizen"})
    assert response.status_code == 302
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "Write the question to ask the citizen" in page
    api = client.get(f"/api/v1/tickets/{ref}", headers=bearer(token_for(ctx, "agent@mct.om")))
    assert api.get_json()["status"] == "new"
