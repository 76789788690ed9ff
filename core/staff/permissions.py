"""One permission table for every staff action, shared by the inbox and the JSON API.

Two questions, asked in this order: may this person see the ticket at all (department staff
see only their directorate's tickets; for anyone else a ticket outside their sight does not
exist, so it is NotFound -> 404), and may their role do this action (Forbidden -> 403).
Workflow moves are decided by `core.workflow.transitions`'s own table: a role not listed for a move is
Forbidden, a move the ticket's state does not allow is InvalidTransition -> 409.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, true
from sqlalchemy.orm import Session

from core.errors import Forbidden, InputError, NotFound
from core.models import Role, Status, Ticket, User, staff_display_name
from core.tickets import ticket_by_reference
from core.workflow.transitions import TRANSITIONS, Actor, check_transition, may_move


class Action(enum.StrEnum):
    """Everything a member of staff can do."""

    VIEW = "view"
    LIST = "list"
    REPLY = "reply"
    NOTE = "note"
    TRANSITION = "transition"
    RECLASSIFY = "reclassify"
    ASSIGN = "assign"
    DUPLICATE = "duplicate"
    RECORD_CALL = "record_call"
    CALLBACK = "callback"
    ATTACHMENT = "attachment"
    STATS = "stats"
    DASHBOARD = "dashboard"
    MANAGE_USERS = "manage_users"
    INCIDENT = "incident"
    PRIORITY = "priority"
    CONTACTS = "contacts"
    PUBLISH = "publish"
    FOLLOW_INCIDENTS = "follow_incidents"


A, D, DEP, S, ADM = Role.AGENT, Role.DISPATCHER, Role.DEPARTMENT, Role.SUPERVISOR, Role.ADMIN
EVERYONE = frozenset(Role)

# The table. Department staff reach only their directorate's tickets (checked separately);
# per the centre's three lines they answer the dispatcher (resolve with a note), and the
# dispatcher informs the citizen, so they do not reply to citizens directly.
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.VIEW: EVERYONE,
    Action.LIST: EVERYONE,
    Action.REPLY: frozenset({A, D, S, ADM}),
    Action.NOTE: EVERYONE,
    Action.TRANSITION: EVERYONE,
    Action.RECLASSIFY: frozenset({A, D, S, ADM}),
    Action.ASSIGN: frozenset({D, DEP, S, ADM}),
    Action.DUPLICATE: frozenset({A, D, S, ADM}),
    Action.RECORD_CALL: frozenset({A, D, S, ADM}),
    Action.CALLBACK: frozenset({D, S, ADM}),
    Action.ATTACHMENT: EVERYONE,
    Action.STATS: frozenset({D, DEP, S, ADM}),  # department staff: their directorate only
    Action.DASHBOARD: frozenset({S, ADM}),  # trends, map, research export
    Action.MANAGE_USERS: frozenset({ADM}),
    Action.INCIDENT: frozenset({D, S, ADM}),
    Action.PRIORITY: frozenset({A, D, S, ADM}),
    Action.CONTACTS: frozenset({A, D, S, ADM}),
    Action.PUBLISH: frozenset({D, S, ADM}),
    # An incident is many reports followed up as one, and its reply informs every citizen on
    # it: the second line's work (the dispatcher follows cases up and informs citizens), with
    # the third (a department resolves its directorate's). Intake registers each report on
    # its own ticket; an incident is not theirs to answer, nor to see (core.staff.incident_actions).
    Action.FOLLOW_INCIDENTS: frozenset({D, DEP, S, ADM}),
}

# What department staff may also do where the centre lets them answer citizens themselves
# (BALAGH_DEPARTMENT_REPLIES_DIRECT); the matching workflow move is in core.workflow.transitions.
DIRECT_REPLY_ACTIONS = frozenset({Action.REPLY, Action.CALLBACK})

# Actions that need no ticket.
GLOBAL_ACTIONS = frozenset(
    {
        Action.LIST,
        Action.RECORD_CALL,
        Action.STATS,
        Action.DASHBOARD,
        Action.MANAGE_USERS,
        Action.FOLLOW_INCIDENTS,
    }
)

# How a refusal names each action: "Your role (agent) may not <phrase>."
PHRASES: dict[Action, str] = {
    Action.VIEW: "view this ticket",
    Action.LIST: "list tickets",
    Action.REPLY: "reply to citizens",
    Action.NOTE: "add notes",
    Action.TRANSITION: "change a ticket's status",
    Action.RECLASSIFY: "reclassify tickets",
    Action.ASSIGN: "assign tickets",
    Action.DUPLICATE: "mark tickets as duplicates",
    Action.RECORD_CALL: "record phone calls",
    Action.CALLBACK: "record call-backs",
    Action.ATTACHMENT: "open attachments",
    Action.STATS: "view statistics",
    Action.DASHBOARD: "open the dashboard",
    Action.MANAGE_USERS: "manage staff accounts",
    Action.INCIDENT: "attach, detach, open or close incidents",
    Action.PRIORITY: "change a ticket's priority",
    Action.CONTACTS: "link, merge or split contacts",
    Action.PUBLISH: "make a ticket public on Open311",
    Action.FOLLOW_INCIDENTS: "follow incidents",
}


@dataclass(frozen=True)
class Staff:
    """Who is asking: a detached copy of the user, safe to keep across requests."""

    id: int
    email: str
    name: str
    role: str
    directorate: str | None
    language: str = "ar"
    # The centre lets department staff answer citizens (BALAGH_DEPARTMENT_REPLIES_DIRECT).
    replies_direct: bool = False

    @property
    def display_name(self) -> str:
        """How the inbox names this member of staff (the rule of User.display_name)."""
        return staff_display_name(self.name, self.email)

    @property
    def actor(self) -> Actor:
        return Actor(
            name=self.email,
            role=self.role,
            user_id=self.id,
            directorate=self.directorate,
            replies_direct=self.replies_direct,
        )


def staff_from_user(user: User, *, replies_direct: bool = False) -> Staff:
    """The permission view of a User row (`replies_direct`: the centre's setting)."""
    return Staff(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        directorate=user.directorate,
        language=user.language or "ar",
        replies_direct=replies_direct,
    )


def allowed(staff: Staff, action: Action) -> bool:
    """Whether the role may do this action at all (for showing buttons)."""
    if staff.role in PERMISSIONS[action]:
        return True
    return staff.role == Role.DEPARTMENT and staff.replies_direct and action in DIRECT_REPLY_ACTIONS


def can_see(staff: Staff, ticket: Ticket) -> bool:
    """Department staff see their directorate's tickets only; everyone else sees all."""
    if staff.role == Role.DEPARTMENT:
        return bool(staff.directorate) and ticket.directorate == staff.directorate
    return staff.role in EVERYONE


def visible_clause(staff: Staff) -> ColumnElement[bool]:
    """The same rule as `can_see`, as a WHERE clause for listings."""
    if staff.role == Role.DEPARTMENT:
        # No directorate sees nothing; a NUL placeholder here would be refused by PostgreSQL.
        return Ticket.directorate == staff.directorate if staff.directorate else false()
    return true()


def refusal(staff: Staff, action: Action) -> str:
    """The sentence a Forbidden carries, e.g. "Your role (agent) may not view statistics."."""
    return f"Your role ({staff.role}) may not {PHRASES[action]}."


def require(staff: Staff, action: Action, ticket: Ticket | None = None) -> None:
    """Raise NotFound if the ticket is out of sight, Forbidden if the role may not act."""
    if ticket is not None and not can_see(staff, ticket):
        raise NotFound("No such ticket.")
    if ticket is None and action not in GLOBAL_ACTIONS:
        raise NotFound("No such ticket.")
    if not allowed(staff, action):
        raise Forbidden(refusal(staff, action))


def ticket_for(session: Session, staff: Staff, reference: str, action: Action) -> Ticket:
    """Load a ticket by reference for an action, or raise NotFound/Forbidden."""
    ticket = ticket_by_reference(session, reference)
    if ticket is None:
        raise NotFound("No such ticket.")
    require(staff, action, ticket)
    return ticket


def require_transition(staff: Staff, ticket: Ticket, to: Status | str) -> None:
    """Decide a workflow move: 404 out of sight, 403 wrong role, 409 wrong step."""
    require(staff, Action.TRANSITION, ticket)
    try:
        target = Status(to)
    except ValueError:
        raise InputError(f"Unknown status '{to}'.", "unknown_status", status=str(to)) from None
    roles = TRANSITIONS.get((Status(ticket.status), target))
    if roles is not None and not may_move(staff.actor, Status(ticket.status), target):
        raise Forbidden(
            f"Your role ({staff.role}) may not move a ticket from {ticket.status} to {target}."
        )
    check_transition(ticket, target, staff.actor)
