"""`/api/v1/incidents`, statistics and Open311 for mass incidents."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Ticket
from tests.incident_support import FLOOD, close_incident, incidents, outbox, report, ticket
from tests.staffkit import app_for, bearer, the_roles, token_for


def _client(ctx: Context) -> FlaskClient:
    return app_for(ctx).test_client()


def _setup(ctx: Context) -> tuple[FlaskClient, dict[str, dict[str, str]], list[str], int]:
    the_roles(ctx)
    refs = [report(ctx, n, 0, language=lang) for n, lang in ((0, "ar"), (30, "en"), (60, "ar"))]
    auth = {
        role: bearer(token_for(ctx, email))
        for role, email in (
            ("dispatcher", "disp@mct.om"),
            ("agent", "agent@mct.om"),
            ("roads", "roads@mct.om"),
            ("supervisor", "super@mct.om"),
        )
    }
    return _client(ctx), auth, refs, incidents(ctx)[0].id


def test_list_gives_the_documented_fields(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    body = client.get("/api/v1/incidents", headers=auth["dispatcher"]).get_json()
    [item] = body["items"]
    assert set(item) >= {
        "id", "category", "directorate", "status", "lat", "lon", "area", "tickets", "created_at"
    }  # fmt: skip
    assert item["id"] == incident_id and item["category"] == FLOOD
    assert item["status"] == "open" and sorted(item["tickets"]) == sorted(refs)
    assert abs(item["lat"] - 23.5883) < 0.001


def test_department_staff_of_another_directorate_get_404_and_an_empty_list(
    ctx: Context,
) -> None:
    client, auth, _refs, incident_id = _setup(ctx)
    assert client.get("/api/v1/incidents", headers=auth["roads"]).get_json()["items"] == []
    response = client.get(f"/api/v1/incidents/{incident_id}", headers=auth["roads"])
    assert response.status_code == 404
    response = client.post(
        f"/api/v1/incidents/{incident_id}/replies", headers=auth["roads"], json={"text": "x"}
    )
    assert response.status_code == 404


def test_show_gives_reports_and_history(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    body = client.get(f"/api/v1/incidents/{incident_id}", headers=auth["dispatcher"]).get_json()
    assert [r["reference"] for r in body["reports"]] == refs
    assert [u["kind"] for u in body["updates"]][:1] == ["opened"]


def test_reply_reaches_every_citizen_once(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    response = client.post(
        f"/api/v1/incidents/{incident_id}/replies",
        headers=auth["dispatcher"],
        json={"text": "فرق الشفط في الموقع.", "translations": {"en": "Pumps are on site."}},
    )
    assert response.status_code == 201 and response.get_json()["citizens"] == 3
    texts = {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "incident_reply")}
    assert sorted(texts) == sorted(refs) and "Pumps are on site." in texts[refs[1]]


def test_agent_may_not_attach_but_dispatcher_may_and_detach(ctx: Context) -> None:
    client, auth, _refs, incident_id = _setup(ctx)
    loner = report(ctx, 9000, 0)
    path = f"/api/v1/incidents/{incident_id}/tickets"
    # an incident does not exist for intake (core.staff.permissions FOLLOW_INCIDENTS): 404
    assert client.post(path, headers=auth["agent"], json={"reference": loner}).status_code == 404
    assert (
        client.post(path, headers=auth["dispatcher"], json={"reference": loner}).status_code == 201
    )
    assert ticket(ctx, loner).incident_id == incident_id
    response = client.delete(path, headers=auth["dispatcher"], json={"reference": loner})
    assert response.status_code == 200 and loner not in response.get_json()["tickets"]


def test_detaching_a_report_from_a_closed_incident_is_refused_422(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    close_incident(ctx, incident_id)
    path = f"/api/v1/incidents/{incident_id}/tickets"
    response = client.delete(path, headers=auth["dispatcher"], json={"reference": refs[0]})
    assert response.status_code == 422
    assert response.get_json()["error"]["message"] == "The incident is closed."
    assert ticket(ctx, refs[0]).incident_id == incident_id


def test_transition_closes_every_report_and_needs_the_answer(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    path = f"/api/v1/incidents/{incident_id}/transition"
    refused = client.post(path, headers=auth["dispatcher"], json={"to": "closed"})
    assert refused.status_code == 422
    done = client.post(
        path,
        headers=auth["dispatcher"],
        json={
            "to": "closed",
            "note": "The street was drained overnight.",
            "translations": {"ar": "تم التصريف."},
        },
    )
    body = done.get_json()
    assert done.status_code == 200 and body["status"] == "closed"
    assert sorted(body["moved"]) == sorted(refs) and body["skipped"] == []
    assert {ticket(ctx, r).status for r in refs} == {"closed"}


def test_unknown_transition_target_is_refused(ctx: Context) -> None:
    client, auth, _refs, incident_id = _setup(ctx)
    response = client.post(
        f"/api/v1/incidents/{incident_id}/transition",
        headers=auth["dispatcher"],
        json={"to": "duplicate"},
    )
    assert response.status_code == 422


def test_open_by_hand_from_references(ctx: Context) -> None:
    client, auth, _refs, _id = _setup(ctx)
    a, b = report(ctx, 9000, 0), report(ctx, -9000, 0)
    response = client.post(
        "/api/v1/incidents", headers=auth["dispatcher"], json={"references": [a, b]}
    )
    assert response.status_code == 201 and response.get_json()["tickets"] == [a, b]


def test_ticket_shows_its_incident(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    body = client.get(f"/api/v1/tickets/{refs[0]}", headers=auth["dispatcher"]).get_json()
    assert body["incident"] == incident_id


def test_statistics_count_incidents_and_their_tickets(ctx: Context) -> None:
    client, auth, _refs, _id = _setup(ctx)
    report(ctx, 9000, 0)  # alone: no incident
    body: dict[str, Any] = client.get("/api/v1/stats", headers=auth["supervisor"]).get_json()
    assert body["incidents"] == {"incidents": 1, "open": 1, "closed": 0, "tickets": 3}


def test_open311_lists_linked_requests_without_the_incident_note_on_a_private_report(
    ctx: Context,
) -> None:
    """A report sent privately (here on Telegram) publishes nothing staff wrote on its incident:
    the note was shown on every report of the incident before, public or not."""
    client, auth, refs, incident_id = _setup(ctx)
    client.post(
        f"/api/v1/incidents/{incident_id}/transition",
        headers=auth["dispatcher"],
        json={"to": "assigned", "note": "Pump crews dispatched to the street."},
    )
    body = client.get(f"/open311/v2/requests/{refs[0]}.json").get_json()
    [request] = body
    assert request["status_notes"] is None
    assert sorted(request["linked_requests"]) == sorted(refs[1:])
    xml = client.get(f"/open311/v2/requests/{refs[0]}.xml").get_data(as_text=True)
    assert f"<linked_request>{refs[1]}</linked_request>" in xml
    assert "Pump crews" not in xml


def test_open311_shows_the_incident_note_on_a_report_staff_made_public(ctx: Context) -> None:
    client, auth, refs, incident_id = _setup(ctx)
    client.post(
        f"/api/v1/incidents/{incident_id}/transition",
        headers=auth["dispatcher"],
        json={"to": "assigned", "note": "Pump crews dispatched to the street."},
    )
    with ctx.sessions() as session, session.begin():
        found = session.execute(select(Ticket).where(Ticket.reference == refs[0])).scalar_one()
        found.public = True
    [request] = client.get(f"/open311/v2/requests/{refs[0]}.json").get_json()
    assert request["status_notes"] == "Pump crews dispatched to the street."


def test_an_intake_agent_neither_sees_nor_answers_an_incident(ctx: Context) -> None:
    """Informing citizens is the dispatcher's (DESIGN.md's three lines): an intake agent's
    token listed incidents and replied to every citizen on one."""
    client, auth, _refs, incident_id = _setup(ctx)
    agent, path = auth["agent"], f"/api/v1/incidents/{incident_id}"
    assert client.get("/api/v1/incidents", headers=agent).status_code == 403
    assert client.get(path, headers=agent).status_code == 404
    reply = client.post(f"{path}/replies", headers=agent, json={"text": "الفرق في الموقع."})
    assert reply.status_code == 404 and outbox(ctx, "incident_reply") == []
    assert client.get(path, headers=auth["dispatcher"]).status_code == 200
