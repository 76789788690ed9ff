"""`/api/v1/incidents`: mass incidents for staff tools, answered once for all their reports.

Same authentication, transaction and error shape as the ticket views (`channels.web.api`);
the work is `core.staff.incident_actions`, shared with the inbox. Department staff see only their
directorate's incidents (404 otherwise), as with tickets.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request
from sqlalchemy.orm import Session

from channels.web.api.auth import work
from channels.web.api.blueprint import bp
from channels.web.api.errors import ApiError, BadParameter
from channels.web.api.fields import body, text_field
from channels.web.api.serialize import _iso
from core.models import Incident, IncidentStatus, Ticket
from core.staff import incident_actions
from core.staff.permissions import Action, Staff


def incident_json(incident: Incident) -> dict[str, Any]:
    """The listing shape: where, what, and the references of its reports."""
    return {
        "id": incident.id,
        "category": incident.category,
        "directorate": incident.directorate,
        "status": incident.status,
        "lat": incident.lat,
        "lon": incident.lon,
        "area": incident.area,
        "tickets": [t.reference for t in incident.tickets],
        "created_at": _iso(incident.created_at),
        "updated_at": _iso(incident.updated_at),
        "closed_at": _iso(incident.closed_at),
    }


def _report_json(ticket: Ticket) -> dict[str, Any]:
    return {
        "reference": ticket.reference,
        "status": ticket.status,
        "channel": ticket.channel,
        "language": ticket.language,
        "lat": ticket.lat,
        "lon": ticket.lon,
        "address": ticket.address,
        "created_at": _iso(ticket.created_at),
    }


def incident_detail_json(session: Session, incident: Incident) -> dict[str, Any]:
    """An incident with its reports, the reports suggested for it, and its shared history."""
    session.flush()
    session.refresh(incident)
    suggested = session.query(Ticket).filter(Ticket.incident_suggested_id == incident.id)
    return {
        **incident_json(incident),
        "reports": [_report_json(t) for t in incident.tickets],
        "suggested": [t.reference for t in suggested.order_by(Ticket.id)],
        "updates": [
            {
                "kind": u.kind,
                "text": u.text,
                "actor": u.actor,
                "created_at": _iso(u.created_at),
                "data": u.data,
            }
            for u in incident.updates
        ],
        "allowed_transitions": [str(s) for s in incident_actions.INCIDENT_TARGETS],
    }


def _incident(session: Session, staff: Staff, incident_id: int, action: Action) -> Incident:
    return incident_actions.incident_for(session, staff, incident_id, action)


def _reference(data: dict[str, Any]) -> str:
    return str(text_field(data, "reference"))


@bp.get("/incidents")
def list_incidents() -> Response:
    """Visible incidents, open first; `status` = open or closed."""
    with work() as (_ctx_, session, staff):
        status = request.args.get("status", "").strip() or None
        allowed = [s.value for s in IncidentStatus]
        if status and status not in allowed:
            raise BadParameter("status", status, allowed)
        rows = incident_actions.list_incidents(session, staff, status)
        return jsonify({"items": [incident_json(i) for i in rows], "total": len(rows)})


@bp.post("/incidents")
def open_incident() -> tuple[Response, int]:
    """Open an incident by hand from reports: `{"references": [...]}`."""
    with work() as (ctx, session, staff):
        references = body().get("references")
        if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
            raise ApiError(400, "bad_request", "Send 'references' as a list of strings.")
        incident = incident_actions.open_by_hand(ctx, session, staff, references)
        return jsonify(incident_detail_json(session, incident)), 201


@bp.get("/incidents/<int:incident_id>")
def show_incident(incident_id: int) -> Response:
    """One incident with its reports and shared history."""
    with work() as (_ctx_, session, staff):
        incident = _incident(session, staff, incident_id, Action.VIEW)
        return jsonify(incident_detail_json(session, incident))


@bp.post("/incidents/<int:incident_id>/replies")
def post_incident_reply(incident_id: int) -> tuple[Response, int]:
    """One reply to every open report: `{"text", "translations": {"en": ...}}`; `text` is the
    reply in its own language, and each citizen's language needs its version."""
    with work() as (ctx, session, staff):
        data = body()
        text = str(text_field(data, "text"))
        translations = _translations(data)
        incident = _incident(session, staff, incident_id, Action.VIEW)
        citizens = incident_actions.reply_all(ctx, session, staff, incident, text, translations)
        return jsonify({**incident_detail_json(session, incident), "citizens": citizens}), 201


def _translations(data: dict[str, Any]) -> dict[str, str]:
    """The body's `translations`: a language mapped to a text (400 otherwise)."""
    translations = data.get("translations") or {}
    if not isinstance(translations, dict) or not all(
        isinstance(v, str) for v in translations.values()
    ):
        raise ApiError(400, "bad_request", "'translations' maps a language to a text.")
    return translations


@bp.post("/incidents/<int:incident_id>/transition")
def post_incident_transition(incident_id: int) -> Response:
    """Move every open report: `{"to", "note", "translations"}`; closing needs the answer for
    the citizens: `note` in its own language, `translations` in the others, as for a reply."""
    with work() as (ctx, session, staff):
        data = body()
        to = str(text_field(data, "to"))
        note = text_field(data, "note", required=False)
        translations = _translations(data)
        incident = _incident(session, staff, incident_id, Action.VIEW)
        result = incident_actions.move(ctx, session, staff, incident, to, note, translations)
        detail = incident_detail_json(session, incident)
        return jsonify({**detail, "moved": result.moved, "skipped": result.skipped})


@bp.route("/incidents/<int:incident_id>/tickets", methods=["POST", "DELETE"])
def incident_tickets(incident_id: int) -> Response | tuple[Response, int]:
    """POST attaches a report, DELETE detaches one.

    One rule for both methods: with two, an id beyond any database id matched neither rule
    and Werkzeug answered 405 (the other rule's method) instead of 404.
    """
    if request.method == "DELETE":
        return detach_ticket(incident_id)
    return attach_ticket(incident_id)


def attach_ticket(incident_id: int) -> tuple[Response, int]:
    """Attach a report (or confirm a suggested one): `{"reference"}`."""
    with work() as (ctx, session, staff):
        reference = _reference(body())
        incident = _incident(session, staff, incident_id, Action.VIEW)
        incident_actions.attach(ctx, session, staff, incident, reference)
        return jsonify(incident_detail_json(session, incident)), 201


def detach_ticket(incident_id: int) -> Response:
    """Detach a report: `{"reference"}`; it goes on as a ticket of its own."""
    with work() as (ctx, session, staff):
        reference = _reference(body())
        incident = _incident(session, staff, incident_id, Action.VIEW)
        incident_actions.detach(ctx, session, staff, incident, reference)
        return jsonify(incident_detail_json(session, incident))
