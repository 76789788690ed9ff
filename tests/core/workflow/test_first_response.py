"""`first_response_at`: the first citizen-facing message a member of staff caused.

An automatic acknowledgement does not count; a reply, the forwarded notice, a question to the
citizen or the answer on closing do, at the moment staff acted.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Ticket
from core.workflow.transitions import SYSTEM_ACTOR, transition
from tests.staffkit import app_for, bearer, load, new_ticket, the_roles, token_for

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def api(ctx: Context) -> FlaskClient:
    the_roles(ctx)
    ctx.settings.now = T0
    return app_for(ctx).test_client()


def move(ctx: Context, api: FlaskClient, email: str, ref: str, **body: str) -> int:
    token = token_for(ctx, email)
    return api.post(
        f"/api/v1/tickets/{ref}/transition", json=body, headers=bearer(token)
    ).status_code


def later(ctx: Context, hours: float) -> datetime:
    ctx.settings.now = T0 + timedelta(hours=hours)
    return ctx.settings.now


def test_the_automatic_acknowledgement_is_no_first_response(ctx: Context, api: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    ticket = load(ctx, ref)
    assert [m.kind for m in ticket.messages if m.direction == "out"] == ["ack"]
    assert ticket.first_response_at is None
    assert move(ctx, api, "agent@mct.om", ref, to="triaged") == 200  # tells the citizen nothing
    assert load(ctx, ref).first_response_at is None


def test_the_forwarded_notice_a_dispatcher_caused_is_the_first_response(
    ctx: Context, api: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    move(ctx, api, "agent@mct.om", ref, to="triaged")
    forwarded_at = later(ctx, 2)
    assert move(ctx, api, "disp@mct.om", ref, to="assigned") == 200
    later(ctx, 30)
    move(ctx, api, "roads@mct.om", ref, to="resolved", note="Filled.")
    move(ctx, api, "disp@mct.om", ref, to="closed", answer="The pothole was filled.")
    ticket = load(ctx, ref)
    assert ticket.first_response_at == forwarded_at
    shown = api.get(f"/api/v1/tickets/{ref}", headers=bearer(token_for(ctx, "disp@mct.om")))
    forwarded = [m for m in shown.get_json()["messages"] if m["kind"] == "forwarded"]
    assert [m["author"] for m in forwarded] == ["disp@mct.om"]


def test_a_question_to_the_citizen_is_the_first_response(ctx: Context, api: FlaskClient) -> None:
    ref = new_ticket(ctx, "There is a problem")
    asked_at = later(ctx, 1.5)
    status = move(ctx, api, "agent@mct.om", ref, to="awaiting_citizen", note="Where exactly?")
    assert status == 200
    assert load(ctx, ref).first_response_at == asked_at


def test_the_answer_on_closing_is_the_first_response_when_nothing_came_before(
    ctx: Context, api: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    move(ctx, api, "agent@mct.om", ref, to="triaged")
    with ctx.sessions() as session, session.begin():  # the notice went out by the system
        ticket = session.execute(select(Ticket).where(Ticket.reference == ref)).scalar_one()
        transition(ctx, session, ticket, "assigned", SYSTEM_ACTOR)
    assert load(ctx, ref).first_response_at is None
    move(ctx, api, "roads@mct.om", ref, to="resolved", note="Filled.")
    answered_at = later(ctx, 20)
    move(ctx, api, "disp@mct.om", ref, to="closed")
    assert load(ctx, ref).first_response_at == answered_at
