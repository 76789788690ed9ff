"""One Update of a ticket: several changes staff make at once, applied together or not at all.

The ticket page's side panel (issue 20, item 1) sends everything in one form, as Zammad's
does: category, priority, assignee, a reply, a note, the status, a duplicate link, Open311
publication. `apply_update` runs the same actions as one at a time (`core.staff.actions`),
so each keeps its own permission and workflow rule, in the caller's transaction: one refusal
and nothing is changed. It returns what changed, read off the ticket before and after, so
the confirmation also names what followed from a change (the directorate that came with a
category, an assignee a new directorate does not keep).

The order is the one work goes in: the category first (a move onward needs one, and it
decides who may be assigned), then priority and assignee, then what is said (reply, note),
and the status last, so the move sees everything else already done. A closed, rejected or
duplicate ticket keeps its category until it is reopened, so when the Update also moves it,
its new category follows the move.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from core.context import Context
from core.errors import InputError
from core.models import Status, Ticket, User
from core.staff import actions
from core.staff.permissions import Staff
from core.workflow.transitions import CATEGORY_KEPT

# What the confirmation lists, in this order; "reply" and "note" are said, not compared.
TRACKED = ("category", "directorate", "priority", "assignee", "public", "status", "duplicate_of")


@dataclass(frozen=True)
class TicketUpdate:
    """What one Update asks for; None leaves that part of the ticket as it is.

    `assignee` "" means nobody. `note` goes with the status move when there is one (the
    question sent to the citizen, the department's answer, the reason; see
    core.workflow.transitions), else it is an internal note. `answer` is what the citizen is
    told if this Update closes the ticket (None: the department's answer as it is).
    """

    category: str | None = None
    priority: str | None = None
    priority_reason: str | None = None
    assignee: str | None = None
    public: bool | None = None
    reply: str | None = None
    despite_unreachable: bool = False
    note: str | None = None
    status: str | None = None
    answer: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Change:
    """One thing an Update changed, as codes the screen puts in words.

    ("priority", "normal", "urgent"); ("reply", None, None) for a reply sent;
    ("note", None, None) for an internal note added.
    """

    what: str
    before: str | None = None
    after: str | None = None


def apply_update(
    ctx: Context, session: Session, staff: Staff, ticket: Ticket, update: TicketUpdate
) -> list[Change]:
    """Apply every part of the Update in the caller's transaction; return what changed.

    Any refusal (NotFound, Forbidden, InputError, InvalidTransition) propagates before the
    caller commits, so an Update is done whole or not at all.
    """
    before = _snapshot(session, ticket)
    said: list[Change] = []
    moved = bool(update.status) and update.status != ticket.status
    update = _reply_as_question(update, moved)
    after_move = moved and ticket.status in CATEGORY_KEPT  # reopened first, then recategorised
    if update.category and update.category != ticket.category and not after_move:
        actions.reclassify(ctx, session, staff, ticket, update.category)
    if update.priority:
        actions.set_priority(ctx, session, staff, ticket, update.priority, update.priority_reason)
    wanted = (update.assignee or "").strip().lower() or None
    if update.assignee is not None and wanted != _snapshot(session, ticket)["assignee"]:
        # an assignee alone is the forward; a status chosen with it is the move made
        give = actions.assign if moved else actions.assign_forwarding
        give(ctx, session, staff, ticket, wanted)
    if update.public is not None:
        actions.set_public(ctx, session, staff, ticket, update.public)
    if _text(update.reply):
        actions.reply(
            ctx,
            session,
            staff,
            ticket,
            update.reply or "",
            despite_unreachable=update.despite_unreachable,
        )
        said.append(Change("reply"))
    _move(ctx, session, staff, ticket, update, said)
    if after_move and update.category and update.category != ticket.category:
        actions.reclassify(ctx, session, staff, ticket, update.category)
    session.flush()
    after = _snapshot(session, ticket)
    changed = [Change(k, before[k], after[k]) for k in TRACKED if before[k] != after[k]]
    return changed + said


def _reply_as_question(update: TicketUpdate, moved: bool) -> TicketUpdate:
    """A move to "awaiting the citizen" with the question typed in the reply box and no
    note: the reply is the question, sent once with the move. Staff asking a question wrote
    it where they write to the citizen, and the whole Update was refused for want of a note."""
    asking = moved and update.status == Status.AWAITING_CITIZEN
    if asking and _text(update.reply) and not _text(update.note):
        return replace(update, note=update.reply, reply=None)
    return update


def _move(
    ctx: Context,
    session: Session,
    staff: Staff,
    ticket: Ticket,
    update: TicketUpdate,
    said: list[Change],
) -> None:
    """The status move (or duplicate link) carrying the note; without one, the note alone."""
    status = update.status if update.status and update.status != ticket.status else None
    original = (update.duplicate_of or "").strip()
    if original and status not in (None, Status.DUPLICATE):
        raise InputError(
            "Choose either a new status or the ticket this one duplicates, not both.",
            "duplicate_or_status",
        )
    if status == Status.DUPLICATE and not original:
        raise InputError("Name the original ticket this one duplicates.", "original_needed")
    if original:
        actions.mark_duplicate(ctx, session, staff, ticket, original, update.note)
    elif status:
        closing = status == Status.CLOSED and update.answer is not None
        answer = update.answer if closing else None
        actions.change_status(ctx, session, staff, ticket, status, update.note, answer)
    elif _text(update.note):
        actions.add_note(ctx, session, staff, ticket, update.note or "")
        said.append(Change("note"))


def _text(value: str | None) -> bool:
    return bool((value or "").strip())


def _snapshot(session: Session, ticket: Ticket) -> dict[str, str | None]:
    """The parts of a ticket the confirmation compares, as plain codes."""
    assignee = session.get(User, ticket.assignee_id) if ticket.assignee_id else None
    original = session.get(Ticket, ticket.duplicate_of_id) if ticket.duplicate_of_id else None
    return {
        "category": ticket.category,
        "directorate": ticket.directorate,
        "priority": str(ticket.priority) if ticket.priority else None,
        "assignee": assignee.email if assignee else None,
        "public": "yes" if ticket.public else "no",
        "status": str(ticket.status),
        "duplicate_of": original.reference if original else None,
    }
