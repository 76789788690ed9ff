"""What staff do to an incident, once for all its reports, for the inbox and the API alike.

One answer for all: a reply, a status change or a closing on the incident goes to every
linked open ticket, as that ticket's own reply or workflow move, so each citizen gets it on
their own channel in their own language through the outbox, and each ticket's history
records it. A citizen with several reports in one incident is told once.

Visibility follows the tickets' rule (`core.staff.permissions`): department staff see only their
directorate's incidents; anyone else's incident is NotFound. Intake agents see none
(Action.FOLLOW_INCIDENTS): an incident's reply informs every citizen on it, which DESIGN.md's
three lines give the dispatcher, and following reports up together is the second line's
work; an agent works each report on its own ticket. Attaching, detaching, opening and closing
by hand is the dispatcher's work (Action.INCIDENT).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, false, func, select, true
from sqlalchemy.orm import Session, selectinload

from core.context import Context
from core.errors import InputError, InvalidTransition, NotFound
from core.intake.incident_followers import (
    INCIDENT_TARGETS,
    WALK_STATUSES,
    follow_incident,
    queue_incident_reply,
    version_for,
)
from core.intake.incidents import link, open_incident, record_update, unlink
from core.language.detect import detect_language
from core.models import OPEN_STATUSES, Incident, IncidentStatus, Role, Status, Ticket
from core.staff.actions import _clean_text, _optional_text
from core.staff.permissions import Action, Staff, allowed, can_see, require
from core.tickets import count_first_response, record_event, ticket_by_reference
from core.workflow.transitions import take_steps, walk

OPEN = [str(s) for s in OPEN_STATUSES]


@dataclass(frozen=True)
class MoveResult:
    """Which reports moved with the incident, and which could not (already further, closed)."""

    moved: list[str]
    skipped: list[str]


def incident_visible_clause(staff: Staff) -> ColumnElement[bool]:
    """Department staff see their directorate's incidents, intake agents none (a role with no
    FOLLOW_INCIDENTS), everyone else all: `can_see_incident` as a WHERE clause."""
    if not allowed(staff, Action.FOLLOW_INCIDENTS):
        return false()
    if staff.role == Role.DEPARTMENT:
        return Incident.directorate == staff.directorate if staff.directorate else false()
    return true()


def can_see_incident(staff: Staff, incident: Incident) -> bool:
    """Whether the incident exists for this member of staff: not for a role that does not
    follow incidents up (intake), as another directorate's ticket is not for a department."""
    if not allowed(staff, Action.FOLLOW_INCIDENTS):
        return False
    if staff.role == Role.DEPARTMENT:
        return bool(staff.directorate) and incident.directorate == staff.directorate
    return True


def incident_for(session: Session, staff: Staff, incident_id: int, action: Action) -> Incident:
    """Load an incident for an action: NotFound when out of sight, Forbidden for the role."""
    incident = session.get(Incident, incident_id)
    if incident is None or not can_see_incident(staff, incident):
        raise NotFound("No such incident.", "incident_not_found")
    require(staff, action, _any_ticket(incident) or _stand_in(incident))
    return incident


def _any_ticket(incident: Incident) -> Ticket | None:
    return incident.tickets[0] if incident.tickets else None


def _stand_in(incident: Incident) -> Ticket:
    """A detached ticket of the incident's directorate, for the role check of an empty one."""
    return Ticket(directorate=incident.directorate, category=incident.category)


def list_incidents(
    session: Session, staff: Staff, status: str | None = None, limit: int = 100
) -> list[Incident]:
    """Visible incidents, open ones first, newest first (Forbidden for intake)."""
    require(staff, Action.FOLLOW_INCIDENTS)
    query = select(Incident).where(incident_visible_clause(staff))
    if status:
        query = query.where(Incident.status == status)
    return list(
        session.execute(
            query.options(selectinload(Incident.tickets))
            .order_by(Incident.status.desc(), Incident.created_at.desc(), Incident.id.desc())
            .limit(limit)
        ).scalars()
    )


def open_incidents_count(session: Session, staff: Staff) -> int:
    """How many open incidents this member of staff can see (the queue's badge)."""
    return session.execute(
        select(func.count(Incident.id)).where(
            incident_visible_clause(staff), Incident.status == IncidentStatus.OPEN
        )
    ).scalar_one()


def open_tickets(incident: Incident) -> list[Ticket]:
    return [t for t in incident.tickets if t.status in OPEN]


def answer_to_inform(incident: Incident) -> str | None:
    """The department's answer the dispatcher is to pass on: that of the open report it
    answered (resolved) last. The incident page offers it in its closing form, as a ticket's
    page offers its department's answer; None when no open report is answered yet."""
    answers = answers_to_inform(incident)
    return answers[0] if answers else None


def answers_to_inform(incident: Incident) -> list[str]:
    """Every answer the department gave the open reports, the latest first, each once: one
    per language when it answered in both (`move` keeps each citizen's version)."""
    answered = [t for t in open_tickets(incident) if t.status == Status.RESOLVED and t.resolution]
    answered.sort(key=lambda t: (t.resolved_at is not None, t.resolved_at, t.id), reverse=True)
    return list(dict.fromkeys(t.resolution for t in answered if t.resolution))


def reply_all(
    ctx: Context,
    session: Session,
    staff: Staff,
    incident: Incident,
    text: str,
    translations: dict[str, str] | None = None,
) -> int:
    """One reply to every open report, each citizen once, in their language; returns how many.

    `translations` holds the answer per language ({"ar": ..., "en": ...}) and `text` is one
    more, in its own language; each language of the citizens who receive it is needed, and
    only those (`reply_versions`). Each ticket records the reply in its history.
    """
    if not can_see_incident(staff, incident):  # however it was loaded: intake informs no one
        raise NotFound("No such incident.", "incident_not_found")
    require(staff, Action.REPLY, _any_ticket(incident) or _stand_in(incident))
    tickets = open_tickets(incident)
    if not tickets:
        raise InputError("The incident has no open reports to answer.", "incident_no_open_reports")
    body, given, versions = reply_versions(text, translations, {t.language for t in tickets})
    now = ctx.now()
    told: dict[int, str] = {}
    for ticket in tickets:
        data: dict[str, object] = {"incident": incident.id}
        if ticket.contact_id in told:  # the same citizen reported twice: told once
            data["told_with"] = told[ticket.contact_id]
        else:
            version = versions[ticket.language or ""]
            data["message"] = queue_incident_reply(
                ctx, session, incident, ticket, version, staff.id
            )
            told[ticket.contact_id] = ticket.reference
        count_first_response(ticket, now)
        ticket.updated_at = now
        record_event(
            session, ticket, "incident_reply", actor=staff.email, actor_id=staff.id, at=now, **data
        )
    incident.updated_at = now
    record_update(
        session,
        incident,
        "reply",
        staff.email,
        staff.id,
        now,
        text=body or next(iter(given.values())),
        translations=given,
        citizens=len(told),
    )
    return len(told)


def reply_versions(
    text: str | None, translations: dict[str, str] | None, languages: set[str | None]
) -> tuple[str, dict[str, str], dict[str, str]]:
    """The reply's common text, the versions given per language, and the body for each of the
    citizens' `languages` ("" for a citizen of no known language, who gets any version given,
    Arabic first).

    One rule for inbox and API: every language a citizen on the incident wrote in needs its
    own version. `text` (the API's field) is the version in its own language, told from its
    words, never a stand-in for the others, so an English citizen is not sent Arabic.
    Refuses an empty reply (`reply_empty`), a text whose language cannot be told
    (`incident_reply_language_unknown`) or that contradicts the translation given for it
    (`incident_reply_language_twice`), and a reply missing the language of some of its
    citizens (`incident_reply_language_missing`, naming it).
    """
    body = _clean_text(text, "reply") if (text or "").strip() else ""
    given = {k: _clean_text(v, "reply") for k, v in (translations or {}).items() if v.strip()}
    if body:
        given[_language_of(body, given)] = body
    if not given:
        _clean_text("", "reply")  # "The reply is empty."
    versions: dict[str, str] = {}
    for language in sorted({lang or "" for lang in languages}):
        version = version_for(given, language)
        if not version:
            raise InputError(
                f"Write the reply in {LANGUAGE_NAMES.get(language, language)} too: some "
                "citizens on this incident wrote in it.",
                "incident_reply_language_missing",
                language=language,
            )
        versions[language] = version
    return body, given, versions


def _language_of(body: str, given: dict[str, str]) -> str:
    """The language a reply's common text is written in (Arabic or English, from its words)."""
    language = detect_language(body).language
    if language is None:
        raise InputError(
            "Say which language the reply is in: give it under translations "
            '({"ar": ..., "en": ...}).',
            "incident_reply_language_unknown",
        )
    if given.get(language, body) != body:
        raise InputError(
            f"The text is in {LANGUAGE_NAMES.get(language, language)} and so is a different "
            "translation: give that language's reply once.",
            "incident_reply_language_twice",
            language=language,
        )
    return language


LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}


def move(
    ctx: Context,
    session: Session,
    staff: Staff,
    incident: Incident,
    to: str,
    note: str | None = None,
    translations: dict[str, str] | None = None,
) -> MoveResult:
    """Move every open report to `to` (through the steps between, for this role).

    Only the last step tells the citizen, in their language; resolving needs the answer (the
    note, and `translations` per language: each report keeps the version in its citizen's
    language, so the dispatcher's closing form offers the department's every version). Closing
    needs the answer for the citizens, in each of their languages, as an incident reply does
    (`closing_answers`): `note` in its own language, `translations` the others; each report
    is resolved and closed with its citizen's version. Reports that cannot get there are left
    as they are.
    """
    target = _target(to)
    note = _optional_text(note)
    versions = {k: v for k, v in (translations or {}).items() if (v or "").strip()}
    if target == Status.RESOLVED and not (note or versions):
        raise InputError("Write the answer to resolve the incident's reports.", "answer_needed")
    plans, skipped = _plan_moves(staff, incident, target)
    common, given, answers = "", dict[str, str](), dict[str, str]()
    if target == Status.CLOSED:
        languages = {t.language for t, _ in plans}
        common, given, answers = closing_answers(note, translations, languages)
    elif target == Status.RESOLVED:  # the department's answer, in a citizen's language if given
        answers = {k: _clean_text(v, "reply") for k, v in versions.items()}
    now = ctx.now()
    moved = _move_reports(ctx, session, staff, incident, target, plans, note, answers, now)
    _set_status(incident, target, now)
    if target == Status.RESOLVED and answers:  # the department's versions, for late joiners
        common, given = note or "", answers
    record_update(
        session,
        incident,
        "transition",
        staff.email,
        staff.id,
        now,
        text=(common or next(iter(given.values()))) if given else note,
        to=str(target),
        moved=moved,
        skipped=skipped,
        **({"translations": given} if given else {}),
    )
    return MoveResult(moved, skipped)


def move_targets(staff: Staff, incident: Incident) -> list[Status]:
    """The statuses the incident's move form offers this member of staff: those that at least
    one open report can be walked to by their role (what `move` would not refuse whole), so an
    intake agent or a department is not offered a closing it may not make."""
    tickets = [t for t in open_tickets(incident) if can_see(staff, t)]
    return [
        target
        for target in INCIDENT_TARGETS
        if any(walk(t.status, target, staff.actor, WALK_STATUSES) for t in tickets)
    ]


# A report and the workflow steps that take it to the incident's target, for this role.
Plan = tuple[Ticket, list[Status]]


def _plan_moves(staff: Staff, incident: Incident, target: Status) -> tuple[list[Plan], list[str]]:
    """Each open report's way to `target` for this role, and the references of those with
    none (left as they are). Checked before anything moves, so a move the role may make for
    none of the reports is refused whole rather than done to nobody."""
    plans: list[Plan] = []
    skipped: list[str] = []
    for ticket in open_tickets(incident):
        require(staff, Action.TRANSITION, ticket)
        path = walk(ticket.status, target, staff.actor, WALK_STATUSES)
        if path:
            plans.append((ticket, path))
        else:
            skipped.append(ticket.reference)
    if skipped and not plans:
        raise InvalidTransition(
            f"None of the incident's open reports can move to '{target}' for this role.",
            "incident_nothing_moved",
            to_status=str(target),
        )
    return plans, skipped


def _move_reports(
    ctx: Context,
    session: Session,
    staff: Staff,
    incident: Incident,
    target: Status,
    plans: list[Plan],
    note: str | None,
    answers: dict[str, str],
    now: datetime,
) -> list[str]:
    """Take each planned report along its steps with the answer in its citizen's language;
    a citizen with several reports on the incident is told once. The references moved."""
    moved: list[str] = []
    told: set[int] = set()
    for ticket, path in plans:
        text = answers.get(ticket.language or "") or note or next(iter(answers.values()), None)
        if Status.RESOLVED in path and not text:
            raise InputError(
                "Write the answer for the citizens to close the incident's reports.",
                "incident_answer_needed",
            )
        # the one answer, in this citizen's words
        take_steps(
            ctx, session, ticket, path, staff.actor, text, notify=ticket.contact_id not in told
        )
        told.add(ticket.contact_id)
        record_event(
            session,
            ticket,
            "incident_transition",
            actor=staff.email,
            actor_id=staff.id,
            at=now,
            incident=incident.id,
            to=str(target),
            note=text,
        )
        moved.append(ticket.reference)
    return moved


def closing_answers(
    note: str | None, translations: dict[str, str] | None, languages: set[str | None]
) -> tuple[str, dict[str, str], dict[str, str]]:
    """The closing answer as `reply_versions` gives a reply: the common text, the versions
    given, and the one for each of the closed reports' `languages`. Closing without any
    answer is refused (`incident_answer_needed`): a department's answer, written in one language, is
    not sent to citizens of the other."""
    if not (note or "").strip() and not any(v.strip() for v in (translations or {}).values()):
        raise InputError(
            "Write the answer for the citizens to close the incident's reports.",
            "incident_answer_needed",
        )
    return reply_versions(note, translations, languages)


def close(
    ctx: Context,
    session: Session,
    staff: Staff,
    incident: Incident,
    answer: str | None,
    translations: dict[str, str] | None = None,
) -> MoveResult:
    """Close the incident by hand: every open report closed, each citizen given the answer
    in their language."""
    return move(ctx, session, staff, incident, Status.CLOSED, answer, translations)


def _target(to: str) -> Status:
    try:
        target = Status(to)
    except ValueError:
        raise InputError(f"Unknown status '{to}'.", "unknown_status", status=str(to)) from None
    if target not in INCIDENT_TARGETS:
        allowed = ", ".join(str(s) for s in INCIDENT_TARGETS)
        raise InputError(
            f"An incident's reports move together to one of: {allowed}.",
            "incident_target",
            status=str(to),
        )
    return target


def _set_status(incident: Incident, target: Status, now: datetime) -> None:
    """Closing closes the incident once none of its reports is left open."""
    incident.updated_at = now
    if target == Status.CLOSED and not open_tickets(incident):
        incident.status, incident.closed_at = IncidentStatus.CLOSED, now


def _require_open_report(ticket: Ticket) -> None:
    """Only an open report joins an incident: the incident's replies and its closing reach
    its open reports, so a closed one would be counted in it while its citizen heard nothing.
    Refused, not reopened behind the dispatcher's back: reopening tells the citizen and
    restarts the clock, a step of its own (the ticket's Reopen) when the problem is back."""
    if ticket.status not in OPEN:
        raise InputError(
            f"{ticket.reference} is no longer open: an incident's replies reach only open "
            "reports. Reopen it first if the problem is back.",
            "incident_report_not_open",
            reference=ticket.reference,
        )


def _require_open(incident: Incident) -> None:
    """A closed incident's reports stay as they were answered: none added or taken out."""
    if incident.status != IncidentStatus.OPEN:
        raise InputError("The incident is closed.", "incident_closed")


def attach(
    ctx: Context, session: Session, staff: Staff, incident: Incident, reference: str
) -> Ticket:
    """Staff add a report to the incident (also how a suggested one is confirmed)."""
    ticket = _ticket(session, staff, reference)
    require(staff, Action.INCIDENT, ticket)
    _require_open(incident)
    if ticket.incident_id == incident.id:
        raise InputError(
            f"{ticket.reference} is already part of this incident.",
            "already_in_incident",
            reference=ticket.reference,
        )
    if ticket.incident_id is not None:
        raise InputError(
            f"{ticket.reference} is part of another incident; detach it there first.",
            "in_other_incident",
            reference=ticket.reference,
        )
    _require_open_report(ticket)
    if not ticket.category:  # not "another directorate": it has none yet
        raise InputError(
            f"Classify {ticket.reference} before adding it to an incident.",
            "incident_classify_first",
            reference=ticket.reference,
        )
    if ticket.directorate != incident.directorate:
        raise InputError(
            f"{ticket.reference} belongs to another directorate than the incident.",
            "incident_other_directorate",
            reference=ticket.reference,
        )
    link(ctx, session, incident, ticket, how="staff", actor=staff.email, actor_id=staff.id)
    follow_incident(ctx, session, ticket)
    return ticket


def detach(
    ctx: Context, session: Session, staff: Staff, incident: Incident, reference: str
) -> Ticket:
    """Staff take a report out of the incident; it goes on as a ticket of its own."""
    ticket = _ticket(session, staff, reference)
    require(staff, Action.INCIDENT, ticket)
    if ticket.incident_id != incident.id:
        raise NotFound(f"{ticket.reference} is not part of this incident.")
    _require_open(incident)
    unlink(ctx, session, ticket, actor=staff.email, actor_id=staff.id)
    return ticket


def open_by_hand(ctx: Context, session: Session, staff: Staff, references: list[str]) -> Incident:
    """Staff open an incident from open reports of one directorate that are in none yet."""
    if not references:
        raise InputError("Name at least one report.", "incident_needs_reports")
    tickets = [_ticket(session, staff, r) for r in references]
    for ticket in tickets:
        require(staff, Action.INCIDENT, ticket)
        if ticket.incident_id is not None:
            raise InputError(
                f"{ticket.reference} is already part of an incident.",
                "in_other_incident",
                reference=ticket.reference,
            )
        _require_open_report(ticket)
        if not ticket.category:
            raise InputError(
                f"Classify {ticket.reference} before opening an incident.", "classify_first"
            )
    if len({t.directorate for t in tickets}) > 1:
        raise InputError(
            "The reports belong to different directorates.", "incident_other_directorate"
        )
    return open_incident(
        ctx, session, tickets, opened_by=staff.email, actor_id=staff.id, how="staff"
    )


def _ticket(session: Session, staff: Staff, reference: str) -> Ticket:
    ticket = ticket_by_reference(session, reference or "")
    if ticket is None or not can_see(staff, ticket):
        raise InputError(
            f"No ticket {reference!r}.", "no_such_ticket_reference", reference=reference
        )
    return ticket
