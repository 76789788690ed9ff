"""The centre's three lines: the department answers the dispatcher, who words the answer for
the citizen and closes; staff set priority; each role's queue shows its own work first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.delivery.outbox import deliver_due
from core.outbound import CollectingSender
from tests.staffkit import (
    app_for,
    bearer,
    load,
    new_ticket,
    post_form,
    signed_in,
    the_roles,
    token_for,
)

JARGON = "WO#4411 closed by crew B, cold-mix patch, GIS layer updated."
WORDED = "The pothole on Way 3021 was filled on Monday. Thank you for telling us."


@pytest.fixture
def api(ctx: Context) -> FlaskClient:
    the_roles(ctx)
    return app_for(ctx).test_client()


def _move(api: FlaskClient, email: str, ref: str, **body: str):  # type: ignore[no-untyped-def]
    token = token_for(api.application.extensions["balagh"], email)
    return api.post(f"/api/v1/tickets/{ref}/transition", json=body, headers=bearer(token))


def answered_by_roads(ctx: Context, api: FlaskClient) -> str:
    """A ticket walked to `resolved`: the roads department answered the dispatcher."""
    ref = new_ticket(ctx, "Deep pothole on Way 3021", category="road_damage")
    assert _move(api, "agent@mct.om", ref, to="triaged").status_code == 200
    assert _move(api, "disp@mct.om", ref, to="assigned").status_code == 200
    assert _move(api, "roads@mct.om", ref, to="resolved", note=JARGON).status_code == 200
    return ref


def _sent_texts(ctx: Context, senders: dict[str, CollectingSender], kind: str) -> list[str]:
    deliver_due(ctx)
    return [m.text for m in senders["telegram"].sent if m.kind == kind]


def test_department_answer_alone_reaches_nobody_until_the_dispatcher_closes(
    ctx: Context, api: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = answered_by_roads(ctx, api)
    assert _sent_texts(ctx, senders, "resolved") == []
    assert load(ctx, ref).resolution == JARGON


def test_api_close_with_answer_sends_the_dispatchers_words_not_the_departments(
    ctx: Context, api: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = answered_by_roads(ctx, api)
    closed = _move(api, "disp@mct.om", ref, to="closed", answer=WORDED)
    assert closed.status_code == 200
    body = closed.get_json()
    assert (body["status"], body["answer"], body["resolution"]) == ("closed", WORDED, JARGON)
    [sent] = _sent_texts(ctx, senders, "resolved")
    assert WORDED in sent and "WO#4411" not in sent
    event = [e for e in body["events"] if e["kind"] == "transition"][-1]
    assert event["data"]["answer"] == WORDED


def test_api_close_without_answer_sends_the_departments_answer_as_it_is(
    ctx: Context, api: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = answered_by_roads(ctx, api)
    assert _move(api, "disp@mct.om", ref, to="closed").get_json()["answer"] == JARGON
    [sent] = _sent_texts(ctx, senders, "resolved")
    assert JARGON in sent


def test_an_answer_goes_with_closing_only(ctx: Context, api: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    refused = _move(api, "agent@mct.om", ref, to="triaged", answer="Fixed")
    assert refused.status_code == 422
    assert load(ctx, ref).status == "new"


def test_department_may_not_inform_the_citizen_by_default(ctx: Context, api: FlaskClient) -> None:
    ref = answered_by_roads(ctx, api)
    assert _move(api, "roads@mct.om", ref, to="closed", answer=WORDED).status_code == 403
    token = token_for(ctx, "roads@mct.om")
    reply = api.post(f"/api/v1/tickets/{ref}/replies", json={"text": "hi"}, headers=bearer(token))
    assert reply.status_code == 403


def test_department_replies_direct_lets_the_department_inform_and_close(
    ctx: Context, api: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ctx.settings.department_replies_direct = True
    ref = answered_by_roads(ctx, api)
    token = token_for(ctx, "roads@mct.om")
    reply = api.post(
        f"/api/v1/tickets/{ref}/replies", json={"text": "On it."}, headers=bearer(token)
    )
    assert reply.status_code == 201
    assert _move(api, "roads@mct.om", ref, to="closed", answer=WORDED).status_code == 200
    assert WORDED in _sent_texts(ctx, senders, "resolved")[0]


def test_department_answer_form_says_its_text_goes_to_the_dispatcher(
    ctx: Context, api: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    _move(api, "agent@mct.om", ref, to="triaged")
    _move(api, "disp@mct.om", ref, to="assigned")
    page = signed_in(api.application, "roads@mct.om").get(f"/inbox/t/{ref}").get_data(True)
    panel = page.split('id="update-form"')[1].split("</form>")[0]
    assert 'option value="resolved"' in panel
    help_text = panel.split('data-for-status="resolved"')[1].split("</p>")[0]
    assert "not sent to the citizen as it is" in help_text
    assert 'data-note="The department&#39;s answer: what was done (required)"' in panel


def test_dispatcher_informs_and_closes_in_one_action_with_the_answer_prefilled(
    ctx: Context, api: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = answered_by_roads(ctx, api)
    client = signed_in(api.application, "disp@mct.om")
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert JARGON in page.split('id="inform-answer"')[1].split("</textarea>")[0]
    fields = {"status": "closed", "was_status": "resolved", "answer": WORDED}
    post_form(client, f"/inbox/t/{ref}", fields)
    ticket = load(ctx, ref)
    assert (ticket.status, ticket.answer) == ("closed", WORDED)
    [sent] = _sent_texts(ctx, senders, "resolved")
    assert WORDED in sent and "WO#4411" not in sent


def test_dispatcher_queue_lists_answered_tickets_first_as_to_inform(
    ctx: Context, api: FlaskClient
) -> None:
    answered = answered_by_roads(ctx, api)
    newer = new_ticket(ctx, "Broken light", category="street_lighting")
    _move(api, "agent@mct.om", newer, to="triaged")
    page = signed_in(api.application, "disp@mct.om").get("/inbox/").get_data(as_text=True)
    assert page.index(answered) < page.index(newer)
    assert "Answered by the department, to inform" in page


# --- priority -------------------------------------------------------------------------------


def test_patch_priority_urgent_moves_the_due_time_to_the_urgent_sla_and_logs_who_and_why(
    ctx: Context, api: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Sewage overflowing at the school gate", category="sewage_overflow")
    _move(api, "agent@mct.om", ref, to="triaged")
    _move(api, "disp@mct.om", ref, to="assigned")
    before = load(ctx, ref)
    assert before.due_at is not None and before.sla_started_at is not None
    token = token_for(ctx, "disp@mct.om")
    response = api.patch(
        f"/api/v1/tickets/{ref}",
        json={"priority": "urgent", "reason": "children at the school gate"},
        headers=bearer(token),
    )
    assert response.status_code == 200
    assert (response.get_json()["priority"], response.get_json()["urgent"]) == ("urgent", True)
    after = load(ctx, ref)
    assert after.due_at == ctx.due(
        after.sla_started_at, float(ctx.taxonomy.urgent_sla_hours), after.directorate, True
    )
    assert after.due_at < before.due_at
    [event] = [e for e in after.events if e.kind == "priority"]
    assert event.actor == "disp@mct.om"
    assert event.data["from"] == "normal" and event.data["to"] == "urgent"
    assert event.data["reason"] == "children at the school gate" and "due_at" in event.data


def test_lowering_an_urgent_ticket_takes_it_off_the_urgent_sla(
    ctx: Context, api: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Flooded underpass", category="stormwater_flooding")
    token = token_for(ctx, "super@mct.om")
    api.patch(f"/api/v1/tickets/{ref}", json={"priority": "urgent"}, headers=bearer(token))
    lowered = api.patch(f"/api/v1/tickets/{ref}", json={"priority": "low"}, headers=bearer(token))
    assert (lowered.get_json()["priority"], lowered.get_json()["urgent"]) == ("low", False)


def test_unknown_priority_is_refused_and_changes_nothing(ctx: Context, api: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    token = token_for(ctx, "agent@mct.om")
    response = api.patch(f"/api/v1/tickets/{ref}", json={"priority": "asap"}, headers=bearer(token))
    assert response.status_code == 422
    assert load(ctx, ref).priority == "normal"


def test_intake_agent_sets_priority_in_the_inbox(ctx: Context, api: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole")
    client = signed_in(api.application, "agent@mct.om")
    assert 'id="update-priority"' in client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    fields = {"priority": "high", "was_priority": "normal", "priority_reason": "busy road"}
    post_form(client, f"/inbox/t/{ref}", fields)
    ticket = load(ctx, ref)
    assert ticket.priority == "high"
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "Priority changed" in page and "busy road" in page


# --- queues ---------------------------------------------------------------------------------


def test_supervisor_default_queue_shows_overdue_tickets(ctx: Context, api: FlaskClient) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    _move(api, "agent@mct.om", ref, to="triaged")
    _move(api, "disp@mct.om", ref, to="assigned")
    on_time = new_ticket(ctx, "Broken light", category="street_lighting")
    ctx.settings.now = ctx.now() + timedelta(days=30)
    page = signed_in(api.application, "super@mct.om").get("/inbox/").get_data(as_text=True)
    assert ref in page and on_time not in page
