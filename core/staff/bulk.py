"""Bulk actions on tickets ticked in a queue (issue 20, item 5): one action, many tickets.

Each ticket is changed in its own transaction under its own rules, by the same action as one
at a time (`core.staff.actions`, `core.staff.incident_actions`), so one refusal does not undo
the others and nothing skips a check. The result says which were done and which refused and
why, for the queue's confirmation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.errors import BalaghError, Forbidden, InputError, InvalidTransition, NotFound
from core.models import Incident, IncidentStatus, Ticket
from core.staff import actions, incident_actions
from core.staff.permissions import Action, Staff, ticket_for
from core.workflow.transitions import CATEGORY_KEPT

BULK_LIMIT = 100  # tickets per bulk action: a page of the queue, with room


@dataclass(frozen=True)
class Refused:
    """A ticket the action left alone; `error` None: outside what this person may change."""

    reference: str
    error: BalaghError | None = None


@dataclass
class BulkResult:
    done: list[str] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # left alone by the action's own rule


class _Skip(Exception):
    """Raised by a bulk step that leaves this ticket alone by design (not a refusal)."""


def for_each(
    ctx: Context,
    staff: Staff,
    references: Iterable[str],
    act: Callable[[Session, Ticket], object],
) -> BulkResult:
    """Run `act` on each ticket (first BULK_LIMIT, repeats once), each in its own transaction.

    A ticket out of sight or beyond the role is refused without saying which (as a 404 would
    not); a workflow or input refusal carries core's error for the screen to word.
    """
    result = BulkResult()
    for reference in list(dict.fromkeys(references))[:BULK_LIMIT]:
        try:
            with ctx.sessions() as session, session.begin():
                act(session, ticket_for(session, staff, reference, Action.VIEW))
        except _Skip:
            result.skipped.append(reference)
        except (NotFound, Forbidden):
            result.refused.append(Refused(reference))
        except (InputError, InvalidTransition) as exc:
            result.refused.append(Refused(reference, exc))
        else:
            result.done.append(reference)
    return result


def assign_all(
    ctx: Context, staff: Staff, references: Iterable[str], email: str | None
) -> BulkResult:
    """Give every ticked ticket to one person (None: nobody), forwarding it to a department
    member as one at a time does (`actions.assign_forwarding`)."""
    return for_each(
        ctx, staff, references, lambda s, t: actions.assign_forwarding(ctx, s, staff, t, email)
    )


def move_all(ctx: Context, staff: Staff, references: Iterable[str], category: str) -> BulkResult:
    """Move every ticked open ticket to a category (and so its directorate); the router
    learns. Closed, rejected and duplicate tickets keep their category and are skipped, not
    refused (`core.workflow.transitions.CATEGORY_KEPT`): ticked in a long queue, they are more
    likely a slip than a decision."""
    if not category:
        raise InputError(
            "The category is unchanged: choose a category from the list first.",
            "choose_category_first",
        )
    actions.check_category(ctx, category)

    def move(session: Session, ticket: Ticket) -> None:
        if ticket.status in CATEGORY_KEPT:
            raise _Skip
        if ticket.category != category:
            actions.reclassify(ctx, session, staff, ticket, category)

    return for_each(ctx, staff, references, move)


def mark_duplicates(
    ctx: Context, staff: Staff, references: Iterable[str], original: str
) -> BulkResult:
    """Mark every ticked ticket a duplicate of one original (itself, if ticked, is refused)."""
    if not (original or "").strip():
        raise InputError("Name the original ticket this one duplicates.", "original_needed")
    return for_each(
        ctx,
        staff,
        references,
        lambda s, t: actions.mark_duplicate(ctx, s, staff, t, original.strip()),
    )


INCIDENT_NUMBER_DIGITS = 9  # an incident id as typed: ASCII digits, within a database integer


def incident_number(typed: str) -> int:
    """The incident id the form sent; anything but a number is the sender's slip, an InputError
    the form shows (not a 404: nothing was looked up)."""
    typed = typed.strip()
    if not (typed.isascii() and typed.isdigit() and len(typed) <= INCIDENT_NUMBER_DIGITS):
        raise InputError(
            "Choose an incident from the list: no incident number was given.",
            "choose_incident_first",
        )
    return int(typed)


def attach_all(
    ctx: Context, staff: Staff, references: Iterable[str], incident_id: int
) -> BulkResult:
    """Attach every ticked ticket to one incident (`incident_number` reads the form's id); an
    incident out of sight is NotFound."""
    with ctx.sessions() as session:
        incident_actions.incident_for(session, staff, incident_id, Action.INCIDENT)

    def attach(session: Session, ticket: Ticket) -> None:
        incident = incident_actions.incident_for(session, staff, incident_id, Action.INCIDENT)
        incident_actions.attach(ctx, session, staff, incident, ticket.reference)

    return for_each(ctx, staff, references, attach)


def incident_choices(session: Session, staff: Staff, limit: int = 50) -> list[Incident]:
    """The open incidents a bulk attach offers, newest first (their tickets not loaded)."""
    return list(
        session.execute(
            select(Incident)
            .where(
                incident_actions.incident_visible_clause(staff),
                Incident.status == IncidentStatus.OPEN,
            )
            .order_by(Incident.created_at.desc(), Incident.id.desc())
            .limit(limit)
        ).scalars()
    )
