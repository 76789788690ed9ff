"""The incidents queue and the incident page: many reports, one set of actions for all.

Every action runs `core.staff.incident_actions` in one transaction, as the JSON API does, so the
permission table and the "one answer for all" rules are the same on both. The map is Leaflet
(vendored under channels/web/static/vendor/leaflet), with tiles from BALAGH_MAP_TILES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import login_required
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.web.inbox.auth import ctx, current_language, current_staff, staff_for_page, t
from channels.web.inbox.blueprint import bp
from channels.web.inbox.i18n import count_phrase, label
from channels.web.inbox.refusals import act_once, refusal
from core.errors import InputError
from core.language.detect import detect_language
from core.models import Incident, IncidentStatus, Status, Ticket
from core.staff import incident_actions
from core.staff.accounts import display_names
from core.staff.permissions import Action, Staff, ticket_for


@bp.get("/incidents")
@login_required
def incidents() -> str:
    """The incidents queue: open ones first, for the roles that follow incidents up (404 for
    intake, as any page outside a role: core.staff.incident_actions says why)."""
    staff = staff_for_page(Action.FOLLOW_INCIDENTS, "incidents_not_for_role")
    asked = request.args.get("status", IncidentStatus.OPEN)
    status = asked if asked in {s.value for s in IncidentStatus} else None
    with ctx().sessions() as db:
        rows = incident_actions.list_incidents(db, staff, status)
        return render_template("inbox/incidents.html", incidents=rows, status=status)


def _points(incident: Incident) -> list[dict[str, Any]]:
    return [
        {"lat": t.lat, "lon": t.lon, "ref": t.reference}
        for t in incident.tickets
        if t.lat is not None and t.lon is not None
    ]


@bp.get("/incidents/<int:incident_id>")
@login_required
def incident(incident_id: int) -> str:
    """The incident: its reports on a map, the shared history, one set of actions."""
    staff = current_staff()
    with ctx().sessions() as db:
        found = incident_actions.incident_for(db, staff, incident_id, Action.VIEW)
        suggested = db.execute(
            select(Ticket).where(Ticket.incident_suggested_id == found.id).order_by(Ticket.id)
        ).scalars()
        return render_template(
            "inbox/incident.html",
            incident=found,
            suggested=list(suggested),
            points=_points(found),
            staff_names=display_names(db, [u.actor for u in found.updates]),
            tiles=ctx().settings.map_tiles,
            targets=[s.value for s in incident_actions.move_targets(staff, found)],
            **_answer_boxes(incident_actions.answers_to_inform(found)),
        )


def _answer_boxes(answers: list[str]) -> dict[str, str]:
    """The closing form filled with the department's answers (the latest first), each box
    with the latest in its language (told from its words, as the incident's replies are;
    Arabic when it cannot be told)."""
    boxes = {
        "chosen_target": Status.CLOSED.value if answers else "",
        "answer_ar": "",
        "answer_en": "",
    }
    for answer in answers:
        box = "answer_en" if detect_language(answer).language == "en" else "answer_ar"
        boxes[box] = boxes[box] or answer
    return boxes


def _act(
    incident_id: int,
    action: Callable[[Staff, Session, Incident], object],
    said: Callable[[Any], str] | None = None,
) -> Response:
    """One action on the incident in one transaction; a refusal is shown on the page,
    nothing half-done; `said` words what was done from the action's result (else "Done.")."""

    def done(result: Any) -> str:
        return said(result) if said is not None else t("done")

    act_once(
        lambda db, staff: incident_actions.incident_for(db, staff, incident_id, Action.VIEW),
        action,
        done,
    )
    return redirect(url_for("inbox.incident", incident_id=incident_id))  # type: ignore[return-value]


def _moved_words(result: incident_actions.MoveResult, to: str) -> str:
    """Which reports moved to which status, and which were left as they were when some were,
    listed with the staff member's language's comma: Arabic read "MCT-1, MCT-2" with a Latin
    comma, "not moved: —" when every report moved, and "Moved: ..." named no status."""
    comma = f"{t('list_comma')} "
    moved, skipped = comma.join(result.moved), comma.join(result.skipped)
    if not result.moved:
        return t("done")  # no open report was left to move
    status = label("status", to, current_language())
    if not result.skipped:
        return t("incident_moved_all", moved=moved, status=status)
    return t("incident_moved", moved=moved, skipped=skipped, status=status)


@bp.post("/incidents/<int:incident_id>/reply")
@login_required
def incident_reply(incident_id: int) -> Response:
    """One reply to every citizen, in their language: the Arabic and English boxes are each
    needed only when a citizen on the incident wrote in that language."""
    versions = {"ar": request.form.get("text", ""), "en": request.form.get("text_en", "")}
    return _act(
        incident_id,
        lambda s, db, i: incident_actions.reply_all(ctx(), db, s, i, "", versions),
        # "Done." left the dispatcher to count the conversations to know who was told
        lambda told: t(
            "incident_replied", citizens=count_phrase("citizen", told, current_language())
        ),
    )


@bp.post("/incidents/<int:incident_id>/transition")
@login_required
def incident_transition(incident_id: int) -> Response:
    """Move every open report of the incident; closing takes the answer in the Arabic and
    English boxes, each needed only when a citizen on the incident wrote in that language."""
    to, note = request.form.get("to", ""), request.form.get("note", "")
    if to == "closed":
        versions = {"ar": note, "en": request.form.get("note_en", "")}
        return _act(
            incident_id,
            lambda s, db, i: incident_actions.move(ctx(), db, s, i, to, "", versions),
            lambda result: _moved_words(result, to),
        )
    # a department's answer in English (resolving) is kept for the English citizens' reports
    english = {"en": request.form.get("note_en", "")} if to == "resolved" else None
    return _act(
        incident_id,
        lambda s, db, i: incident_actions.move(ctx(), db, s, i, to, note, english),
        lambda result: _moved_words(result, to),
    )


@bp.post("/incidents/<int:incident_id>/attach")
@login_required
def incident_attach(incident_id: int) -> Response:
    """Attach a report by reference (or confirm a suggested one)."""
    reference = request.form.get("reference", "")
    return _act(incident_id, lambda s, db, i: incident_actions.attach(ctx(), db, s, i, reference))


@bp.post("/incidents/<int:incident_id>/detach")
@login_required
def incident_detach(incident_id: int) -> Response:
    """Detach a report; it goes on as a ticket of its own."""
    reference = request.form.get("reference", "")
    return _act(incident_id, lambda s, db, i: incident_actions.detach(ctx(), db, s, i, reference))


@bp.post("/t/<reference>/incident")
@login_required
def open_incident(reference: str) -> Response:
    """Open an incident by hand from this report and any others named."""
    staff = current_staff()
    others = [r.strip() for r in request.form.get("others", "").split(",") if r.strip()]
    try:
        with ctx().sessions() as db, db.begin():
            ticket_for(db, staff, reference, Action.VIEW)
            opened = incident_actions.open_by_hand(ctx(), db, staff, [reference, *others])
            opened_id, joined = opened.id, len(opened.tickets)
    except InputError as exc:
        flash(refusal(exc), "error")
        return redirect(url_for("inbox.ticket", reference=reference))  # type: ignore[return-value]
    tickets = count_phrase("ticket", joined, current_language())
    flash(t("incident_opened", id=opened_id, tickets=tickets), "info")
    return redirect(url_for("inbox.incident", incident_id=opened_id))  # type: ignore[return-value]
