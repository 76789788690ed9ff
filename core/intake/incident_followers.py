"""A report that joins an incident late catches up with it: what its citizens were told, and
where staff moved them.

Staff's replies and moves on an incident reach the reports in it at that moment
(`core.staff.incident_actions`). A report that joins afterwards (a citizen writing an hour
after the answer went out, a place shared late, a report classified or attached by hand)
would otherwise sit `triaged` with its citizen never told. `follow_incident` gives it the
incident's latest move, as that move's staff member would have made it with the others (the
walk through the steps between, one message at the last), and the incident's latest reply
when it came after that move, each in the citizen's language, after the acknowledgement.
A version in that language may be missing (an incident of Arabic reports answered only in
Arabic, joined by an English report): the reply is then not sent (staff reply again), and
a closing becomes an answered-by-the-department ticket the dispatcher tells in its own
language, as a duplicate of another language is (`core.workflow.transitions`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.notify import ANSWER_BY_MESSAGE, answer_by, queue_reply
from core.language.detect import REPLY_LANGUAGES
from core.language.texts import render, subject
from core.models import OPEN_STATUSES, Incident, IncidentUpdate, Role, Status, Ticket
from core.tickets import count_first_response, record_event
from core.workflow.transitions import Actor, take_steps, walk

# The statuses an incident's reports are moved to together, and the only ones a walk crosses.
INCIDENT_TARGETS = (Status.TRIAGED, Status.ASSIGNED, Status.RESOLVED, Status.CLOSED)
WALK_STATUSES = frozenset(INCIDENT_TARGETS)


def version_for(given: dict[str, str], language: str | None) -> str | None:
    """The version of a reply for a citizen of `language`: theirs, or for a citizen of no
    known language any version given (Arabic first); None when their language is missing."""
    if language:
        return given.get(language)
    return next((given[k] for k in (*REPLY_LANGUAGES, *given) if k in given), None)


def incident_text(
    incident: Incident, ticket: Ticket, body: str, answer: str = ANSWER_BY_MESSAGE
) -> str:
    """The incident reply as one citizen reads it: their reference, the number of reports,
    and how to answer (`answer`: a text `answer_by` chose). An incident of one report (opened
    by hand from a ticket, or left with one) says no count ("one of 1 reports")."""
    reports = len(incident.tickets)
    if reports > 1:
        return render(
            "incident_reply",
            ticket.language,
            then=answer,
            reference=ticket.reference,
            reports=reports,
            body=body,
        )
    return render(
        "incident_reply_alone", ticket.language, then=answer, reference=ticket.reference, body=body
    )


def queue_incident_reply(
    ctx: Context,
    session: Session,
    incident: Incident,
    ticket: Ticket,
    body: str,
    author: int | None,
) -> int:
    """Queue the incident's reply `body` to this report's citizen; the message's id."""
    message = queue_reply(
        ctx,
        session,
        ticket,
        incident_text(incident, ticket, body, answer_by(ctx, ticket)),
        delivered_text=incident_text(incident, ticket, body),
        kind="incident_reply",
        author_id=author,
        subject_line=subject("incident_reply", ticket.language, reference=ticket.reference),
    )
    return message.id


def follow_incident(ctx: Context, session: Session, ticket: Ticket) -> None:
    """Bring a report that has just joined its incident to where the incident's other reports
    were moved, and tell its citizen what they were told (module docstring)."""
    incident = ticket.incident
    if incident is None or ticket.status not in OPEN_STATUSES:
        return
    moved, replied = _latest_news(session, incident)
    # A citizen with another report in the incident heard it with that one (told once).
    told = any(t.contact_id == ticket.contact_id for t in incident.tickets if t.id != ticket.id)
    if moved is not None:
        _follow_move(ctx, session, incident, ticket, moved, notify=not told)
    if replied is not None and not told:
        _follow_reply(ctx, session, incident, ticket, replied)


def _latest_news(
    session: Session, incident: Incident
) -> tuple[IncidentUpdate | None, IncidentUpdate | None]:
    """The incident's latest move, and its latest reply when that came after the move (an
    earlier one is outdated by it). By query, newest first: an incident of a storm holds a
    `joined` entry per report, which a joiner need not load."""
    news = select(IncidentUpdate).where(
        IncidentUpdate.incident_id == incident.id, IncidentUpdate.kind.in_(("transition", "reply"))
    )
    latest = session.execute(news.order_by(IncidentUpdate.id.desc()).limit(1)).scalar()
    if latest is None or latest.kind == "transition":
        return latest, None
    moved = session.execute(
        news.where(IncidentUpdate.kind == "transition").order_by(IncidentUpdate.id.desc()).limit(1)
    ).scalar()
    return moved, latest


def _follow_move(
    ctx: Context,
    session: Session,
    incident: Incident,
    ticket: Ticket,
    moved: IncidentUpdate,
    *,
    notify: bool,
) -> None:
    """The incident's latest move, made for this report in the name of the member of staff who
    made it (with the dispatcher's rights: following an incident is dispatch's work)."""
    target = Status(moved.data.get("to", ""))
    versions = moved.data.get("translations") or {}
    text = moved.text
    if target == Status.CLOSED:
        answer = version_for(versions, ticket.language)
        if answer is None:  # the dispatcher tells it in this citizen's language
            target = Status.RESOLVED
        else:
            text = answer
    elif target == Status.RESOLVED:  # the department's answer in this citizen's language
        text = version_for(versions, ticket.language) or text
    actor = Actor(name=moved.actor, role=Role.DISPATCHER, user_id=moved.actor_id)
    path = walk(ticket.status, target, actor, WALK_STATUSES)
    if not path or (Status.RESOLVED in path and not text):
        return
    take_steps(ctx, session, ticket, path, actor, text, notify=notify)
    record_event(
        session,
        ticket,
        "incident_transition",
        actor=moved.actor,
        actor_id=moved.actor_id,
        at=ctx.now(),
        incident=incident.id,
        to=str(target),
        note=text,
        late=True,
    )


def _follow_reply(
    ctx: Context, session: Session, incident: Incident, ticket: Ticket, replied: IncidentUpdate
) -> None:
    """The incident's latest reply, in this citizen's language when it was written in it."""
    given = replied.data.get("translations") or {}
    body = version_for(given, ticket.language)
    if body is None or ticket.status not in OPEN_STATUSES:
        return
    message = queue_incident_reply(ctx, session, incident, ticket, body, replied.actor_id)
    now = ctx.now()
    count_first_response(ticket, now)
    record_event(
        session,
        ticket,
        "incident_reply",
        actor=replied.actor,
        actor_id=replied.actor_id,
        at=now,
        incident=incident.id,
        message=message,
        late=True,
    )
