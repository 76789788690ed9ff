"""The permission matrix over HTTP: every role x every action x own / other directorate,
through the JSON API (bearer token) and through the inbox (signed in with the login form).

`core.staff.permissions.PERMISSIONS` is the spec for which role may do which action, so most
expectations are read from it; that both surfaces give the table's answer is what is tested.
The issue's key rules are written out here instead, so a wrong table fails this test too:
department staff get 404 for another directorate's ticket (and never see it listed), an intake
agent cannot assign, department staff cannot close. The workflow moves of the three lines are
written out as well (who may triage, forward, resolve, close). An action with no HTTP surface
on one side (user management is the inbox's and the CLI's, not the API's) is declared, so a new
action must be placed in the matrix.

Each test builds its own world once (staff, and per directorate a ticket in each state it
needs) and then runs one role's whole row on one surface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from core.context import Context
from core.inbound import InboundAttachment
from core.models import Attachment, Direction, Message, Role, Ticket
from core.staff import actions as staff_actions
from core.staff.permissions import GLOBAL_ACTIONS, PERMISSIONS, Action, Staff
from core.workflow.transitions import Actor, transition
from tests.staffkit import (
    app_for,
    bearer,
    csrf_token,
    login,
    new_ticket,
    the_roles,
    token_for,
)

ROLE_EMAIL = {
    "agent": "agent@mct.om",
    "dispatcher": "disp@mct.om",
    "department": "roads@mct.om",  # department staff of the roads directorate
    "supervisor": "super@mct.om",
    "admin": "admin@mct.om",
}
OWN, OTHER = "roads", "health"  # as seen by the roads department user
CATEGORY = {"roads": "road_damage", "health": "food_safety"}
PHONE = {"roads": "+96891234567", "health": "+96892345678"}  # one caller each: no threading
DEPARTMENT_STAFF = {"roads": "roads@mct.om", "health": "health@mct.om"}
SETUP = Actor(name="setup", role=Role.ADMIN)
ANSWER = "Fixed by the department this morning."

# The issue's rules, hard-coded (not read from the table): (role, action) -> allowed.
ISSUE_RULES: dict[tuple[str, Action], bool] = {
    ("agent", Action.ASSIGN): False,
    ("dispatcher", Action.ASSIGN): True,
}

# The three lines' workflow moves, hard-coded: (from, to) -> roles that may make the move.
MOVES: dict[tuple[str, str], set[str]] = {
    ("new", "triaged"): {"agent", "dispatcher", "supervisor", "admin"},
    ("triaged", "assigned"): {"dispatcher", "supervisor", "admin"},  # agent cannot forward
    ("assigned", "resolved"): {"department", "dispatcher", "supervisor", "admin"},
    ("resolved", "closed"): {"dispatcher", "supervisor", "admin"},  # department cannot close
}
INVALID_MOVE = ("triaged", "closed")  # a step the workflow never allows: 409 for anyone

# What has no HTTP surface, per surface (the API has no user management, which is the
# inbox's staff page and `balagh users ...`; it lists attachments with their messages but has
# no download).
# Incidents are not tickets: their per-role rules are pinned in tests/channels/web/test_incident_api.py.
NO_SURFACE: dict[str, set[Action]] = {
    "api": {
        Action.ATTACHMENT,
        Action.MANAGE_USERS,
        Action.INCIDENT,
        Action.DASHBOARD,
        Action.CONTACTS,
        Action.PUBLISH,
        Action.FOLLOW_INCIDENTS,
    },
    "ui": {Action.INCIDENT, Action.FOLLOW_INCIDENTS},
}


@dataclass
class Tickets:
    """One directorate's tickets, each in the state the operation on it needs."""

    directorate: str
    base: str = ""  # triaged, with a photo: view, note, reply, reclassify, assign, attachment
    duplicate: str = ""  # new: marked a duplicate of `base`
    phone: str = ""  # a phone call with a pending call-back
    callback_id: int = 0
    attachment_id: int = 0
    other_contact: int = 0  # the phone caller's contact, to reject as "the same citizen"
    moves: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def category(self) -> str:
        return CATEGORY[self.directorate]


def _ticket_in(ctx: Context, status: str, directorate: str, **extra: Any) -> str:
    """A classified ticket walked along the three lines to `status`."""
    reference = new_ticket(
        ctx, f"report for {directorate} ({status})", category=CATEGORY[directorate], **extra
    )
    path = ["triaged", "assigned", "resolved", "closed"]
    steps = path[: path.index(status) + 1] if status in path else []
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        for step in steps:
            transition(
                ctx, session, ticket, step, SETUP, note=ANSWER if step == "resolved" else None
            )
    return reference


def _tickets(ctx: Context, admin: Staff, directorate: str) -> Tickets:
    photo = InboundAttachment("photo.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg")
    found = Tickets(directorate)
    found.base = _ticket_in(ctx, "triaged", directorate, attachments=(photo,))
    found.duplicate = _ticket_in(ctx, "new", directorate)
    found.moves = {move: _ticket_in(ctx, move[0], directorate) for move in MOVES}
    call = staff_actions.record_phone_call(
        ctx,
        admin,
        PHONE[directorate],
        f"caller about {directorate}",
        category=CATEGORY[directorate],
    )
    found.phone = call.reference
    with ctx.sessions() as session:
        found.other_contact = session.execute(
            select(Ticket.contact_id).where(Ticket.reference == call.reference)
        ).scalar_one()
    with ctx.sessions() as session, session.begin():
        phone = session.get(Ticket, call.ticket_id)
        assert phone is not None
        found.callback_id = staff_actions.reply(ctx, session, admin, phone, "We will call.").id
        found.attachment_id = session.execute(
            select(Attachment.id)
            .join(Message)
            .join(Ticket)
            .where(Ticket.reference == found.base, Message.direction == Direction.IN)
        ).scalar_one()
    return found


@pytest.fixture
def world(ctx: Context) -> dict[str, Tickets]:
    """Staff for every role, and each directorate's tickets."""
    staff = the_roles(ctx)
    return {d: _tickets(ctx, staff["admin"], d) for d in (OWN, OTHER)}


# --- what each role should get --------------------------------------------------------------


def role_may(role: str, action: Action) -> bool:
    return ISSUE_RULES.get((role, action), role in PERMISSIONS[action])


def expected(role: str, op: str, directorate: str) -> str:
    """'ok', 'forbidden', 'not_found' or 'invalid' for one role doing one ticket operation."""
    if role == "department" and directorate != OWN:
        return "not_found"  # another directorate's ticket does not exist for them
    if op == "invalid_move":
        return "invalid"
    if op in MOVE_OPS:
        return "ok" if role in MOVES[MOVE_OPS[op]] else "forbidden"
    return "ok" if role_may(role, TICKET_OPS[op]) else "forbidden"


TICKET_OPS: dict[str, Action] = {
    "view": Action.VIEW,
    "note": Action.NOTE,
    "reply": Action.REPLY,
    "reclassify": Action.RECLASSIFY,
    "assign": Action.ASSIGN,
    "duplicate": Action.DUPLICATE,
    "callback": Action.CALLBACK,
    "attachment": Action.ATTACHMENT,
    "priority": Action.PRIORITY,
    "contacts": Action.CONTACTS,
    "publish": Action.PUBLISH,
}
MOVE_OPS = {f"{frm}->{to}": (frm, to) for frm, to in MOVES}
TRANSITION_OPS = [*MOVE_OPS, "invalid_move"]
GLOBAL_OPS: dict[str, Action] = {
    "list": Action.LIST,
    "stats": Action.STATS,
    "dashboard": Action.DASHBOARD,
    "record_call": Action.RECORD_CALL,
    "manage_users": Action.MANAGE_USERS,
}


# --- the two surfaces ---------------------------------------------------------------------


class Api:
    """The JSON API with one role's bearer token."""

    name = "api"
    OK = {"note": 201, "reply": 201, "record_call": 201}
    # A role's refusal of a whole endpoint (stats, users) is the API's documented 403.
    OUTSIDE_ROLE = "forbidden"

    def __init__(self, ctx: Context, role: str) -> None:
        self.client: FlaskClient = app_for(ctx).test_client()
        self.headers = bearer(token_for(ctx, ROLE_EMAIL[role]))

    def _get(self, path: str) -> TestResponse:
        return self.client.get(f"/api/v1{path}", headers=self.headers)

    def _post(self, path: str, body: dict[str, Any]) -> TestResponse:
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers)

    def ticket_op(self, op: str, t: Tickets) -> TestResponse:
        ref = f"/tickets/{t.base}"
        calls: dict[str, Callable[[], TestResponse]] = {
            "view": lambda: self._get(ref),
            "note": lambda: self._post(f"{ref}/notes", {"text": "internal"}),
            "reply": lambda: self._post(f"{ref}/replies", {"text": "hello"}),
            "reclassify": lambda: self._post(f"{ref}/reclassify", {"category": t.category}),
            "assign": lambda: self._post(
                f"{ref}/assign", {"assignee": DEPARTMENT_STAFF[t.directorate]}
            ),
            "duplicate": lambda: self._post(f"/tickets/{t.duplicate}/duplicate", {"of": t.base}),
            "callback": lambda: self._post(
                f"/tickets/{t.phone}/callbacks", {"message_id": t.callback_id, "reached": True}
            ),
            "priority": lambda: self.client.patch(
                f"/api/v1{ref}", json={"priority": "high"}, headers=self.headers
            ),
            "invalid_move": lambda: self._post(f"{ref}/transition", {"to": INVALID_MOVE[1]}),
        }
        if op in MOVE_OPS:
            ref = f"/tickets/{t.moves[MOVE_OPS[op]]}"
            return self._post(f"{ref}/transition", {"to": MOVE_OPS[op][1], "note": ANSWER})
        return calls[op]()

    def global_op(self, op: str) -> TestResponse:
        if op == "list":
            return self._get("/tickets?queue=all&per_page=100")
        if op == "stats":
            return self._get("/stats")
        return self._post("/calls", {"phone": "+96899887766", "text": "a caller reports a leak"})

    def outcome(self, op: str, response: TestResponse) -> str:
        status = response.status_code
        if status == self.OK.get(op, 200):
            return "ok"
        body = response.get_json(silent=True) or {}
        code = body.get("error", {}).get("code")
        known = {403: "forbidden", 404: "not_found", 409: "invalid_transition"}
        if known.get(status) == code:
            return {409: "invalid"}.get(status, str(code))
        return f"unexpected {status} {body}"

    def listed(self, response: TestResponse, refs: set[str]) -> set[str]:
        assert response.status_code == 200
        return {item["reference"] for item in response.get_json()["items"]} & refs


class Ui:
    """The inbox, signed in through the login form (with its CSRF token)."""

    name = "ui"
    # A page outside a role is not there for it: 404, as a ticket out of sight.
    OUTSIDE_ROLE = "not_found"

    def __init__(self, ctx: Context, role: str) -> None:
        self.client: FlaskClient = app_for(ctx).test_client()
        assert login(self.client, ROLE_EMAIL[role]).status_code == 302
        self.token = csrf_token(self.client, "/inbox/")
        self._flashes()  # forget what the pages so far left behind

    def _flashes(self) -> list[tuple[str, str]]:
        with self.client.session_transaction() as session:
            return list(session.pop("_flashes", []))

    def _post(self, path: str, data: dict[str, str]) -> TestResponse:
        return self.client.post(f"/inbox{path}", data={**data, "csrf_token": self.token})

    def ticket_op(self, op: str, t: Tickets) -> TestResponse:
        ref = f"/t/{t.base}"
        calls: dict[str, Callable[[], TestResponse]] = {
            "view": lambda: self.client.get(f"/inbox{ref}"),
            "note": lambda: self._post(f"{ref}/note", {"text": "internal"}),
            "reply": lambda: self._post(f"{ref}/reply", {"text": "hello"}),
            "reclassify": lambda: self._post(f"{ref}/reclassify", {"category": t.category}),
            "assign": lambda: self._post(
                f"{ref}/assign", {"assignee": DEPARTMENT_STAFF[t.directorate]}
            ),
            "duplicate": lambda: self._post(f"/t/{t.duplicate}/duplicate", {"of": t.base}),
            "callback": lambda: self._post(
                f"/t/{t.phone}/callback/{t.callback_id}", {"reached": "1"}
            ),
            "attachment": lambda: self.client.get(f"/inbox/attachments/{t.attachment_id}"),
            "priority": lambda: self._post(f"{ref}/priority", {"priority": "high"}),
            "publish": lambda: self._post(f"{ref}/public", {"public": "1"}),
            "contacts": lambda: self._post(
                f"{ref}/contacts/link", {"other": str(t.other_contact), "confirm": "0"}
            ),
            "invalid_move": lambda: self._post(f"{ref}/transition", {"to": INVALID_MOVE[1]}),
        }
        if op in MOVE_OPS:
            ref = f"/t/{t.moves[MOVE_OPS[op]]}"
            return self._post(f"{ref}/transition", {"to": MOVE_OPS[op][1], "note": ANSWER})
        return calls[op]()

    def global_op(self, op: str) -> TestResponse:
        if op == "list":
            return self.client.get("/inbox/?queue=all")
        if op == "stats":
            return self.client.get("/inbox/stats")
        if op == "dashboard":
            return self.client.get("/inbox/dashboard")
        if op == "manage_users":
            return self.client.get("/inbox/staff")
        return self._post(
            "/call", {"phone": "+96899887766", "text": "a caller reports a leak", "language": "en"}
        )

    def outcome(self, op: str, response: TestResponse) -> str:
        """A form action redirects back to the ticket; its flash says done or why not."""
        status = response.status_code
        flashes = self._flashes()
        if status == 200 and op in (
            "view",
            "attachment",
            "list",
            "stats",
            "dashboard",
            "manage_users",
        ):
            return "ok"
        if status == 302:
            categories = {category for category, _ in flashes}
            if categories == {"info"}:
                return "ok"
            if categories == {"error"}:
                return "invalid"  # the inbox's 409: shown on the ticket, nothing changed
        if status in (403, 404):
            return {403: "forbidden", 404: "not_found"}[status]
        return f"unexpected {status} {flashes}"

    def listed(self, response: TestResponse, refs: set[str]) -> set[str]:
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        return {ref for ref in refs if f">{ref}</a>" in page}


SURFACES: dict[str, type[Api] | type[Ui]] = {"api": Api, "ui": Ui}


# --- the tests ----------------------------------------------------------------------------


def test_every_action_is_in_the_matrix_or_declared_without_a_surface() -> None:
    covered = set(TICKET_OPS.values()) | set(GLOBAL_OPS.values()) | {Action.TRANSITION}
    for surface, missing in NO_SURFACE.items():
        assert covered | missing == set(Action), surface
    assert set(PERMISSIONS) == set(Action)
    assert {a for a in GLOBAL_OPS.values()} <= GLOBAL_ACTIONS


def test_the_table_agrees_with_the_issue_rules() -> None:
    for (role, action), allowed in ISSUE_RULES.items():
        assert (role in PERMISSIONS[action]) is allowed, (role, action)


@pytest.mark.parametrize("surface", list(SURFACES))
@pytest.mark.parametrize("role", list(ROLE_EMAIL))
def test_role_gets_the_tables_answer_for_every_action_on_own_and_other_directorate(
    ctx: Context, world: dict[str, Tickets], role: str, surface: str
) -> None:
    client = SURFACES[surface](ctx, role)
    ops = [op for op, action in TICKET_OPS.items() if action not in NO_SURFACE[surface]]
    got: dict[tuple[str, str], str] = {}
    want: dict[tuple[str, str], str] = {}
    for directorate, tickets in world.items():
        for op in [*ops, *TRANSITION_OPS]:
            got[op, directorate] = client.outcome(op, client.ticket_op(op, tickets))
            want[op, directorate] = expected(role, op, directorate)
    for op, action in GLOBAL_OPS.items():
        if action in NO_SURFACE[surface]:
            continue
        got[op, "-"] = client.outcome(op, client.global_op(op))
        want[op, "-"] = "ok" if role_may(role, action) else client.OUTSIDE_ROLE
    wrong = {key: (got[key], want[key]) for key in want if got[key] != want[key]}
    assert not wrong, f"{surface} {role}: (got, expected) {wrong}"


@pytest.mark.parametrize("surface", list(SURFACES))
def test_listing_shows_department_staff_only_their_directorate(ctx: Context, surface: str) -> None:
    the_roles(ctx)
    own = new_ticket(ctx, "pothole", category=CATEGORY[OWN])
    other = new_ticket(ctx, "bad restaurant", category=CATEGORY[OTHER])
    for role in ROLE_EMAIL:
        client = SURFACES[surface](ctx, role)
        listed = client.listed(client.global_op("list"), {own, other})
        assert listed == ({own} if role == "department" else {own, other}), role
