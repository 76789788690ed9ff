"""The one permission table: every role x every action x own / other directorate."""

from __future__ import annotations

import pytest

from core.errors import Forbidden, InvalidTransition, NotFound
from core.models import Role, Status, Ticket
from core.staff.permissions import (
    GLOBAL_ACTIONS,
    PERMISSIONS,
    Action,
    Staff,
    require,
    require_transition,
)

AGENT = Staff(1, "agent@mct.om", "a", "agent", None)
DISPATCHER = Staff(2, "disp@mct.om", "d", "dispatcher", None)
ROADS = Staff(3, "roads@mct.om", "r", "department", "roads")
SUPERVISOR = Staff(4, "super@mct.om", "s", "supervisor", None)
ADMIN = Staff(5, "admin@mct.om", "x", "admin", None)
EVERYONE = (AGENT, DISPATCHER, ROADS, SUPERVISOR, ADMIN)

# The expected matrix, written out independently of PERMISSIONS so a change to the table
# is a deliberate change to this test too.
EXPECTED = {
    Action.VIEW: {"agent", "dispatcher", "department", "supervisor", "admin"},
    Action.LIST: {"agent", "dispatcher", "department", "supervisor", "admin"},
    Action.REPLY: {"agent", "dispatcher", "supervisor", "admin"},
    Action.NOTE: {"agent", "dispatcher", "department", "supervisor", "admin"},
    Action.TRANSITION: {"agent", "dispatcher", "department", "supervisor", "admin"},
    Action.RECLASSIFY: {"agent", "dispatcher", "supervisor", "admin"},
    Action.ASSIGN: {"dispatcher", "department", "supervisor", "admin"},
    Action.DUPLICATE: {"agent", "dispatcher", "supervisor", "admin"},
    Action.RECORD_CALL: {"agent", "dispatcher", "supervisor", "admin"},
    Action.CALLBACK: {"dispatcher", "supervisor", "admin"},
    Action.ATTACHMENT: {"agent", "dispatcher", "department", "supervisor", "admin"},
    Action.STATS: {"dispatcher", "department", "supervisor", "admin"},
    Action.DASHBOARD: {"supervisor", "admin"},
    Action.MANAGE_USERS: {"admin"},
    Action.INCIDENT: {"dispatcher", "supervisor", "admin"},
    Action.PRIORITY: {"agent", "dispatcher", "supervisor", "admin"},
    Action.CONTACTS: {"agent", "dispatcher", "supervisor", "admin"},
    Action.PUBLISH: {"dispatcher", "supervisor", "admin"},
    # informing citizens on an incident is the second line's; intake has no incidents
    Action.FOLLOW_INCIDENTS: {"dispatcher", "department", "supervisor", "admin"},
}


def ticket(directorate: str | None = "roads", status: str = Status.NEW) -> Ticket:
    return Ticket(reference="MCT-000001", status=status, directorate=directorate, channel="web")


def test_table_covers_every_action_and_matches_the_written_matrix() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert {a: {str(r) for r in roles} for a, roles in PERMISSIONS.items()} == EXPECTED


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("staff", EVERYONE, ids=lambda s: s.role)
def test_each_role_on_own_directorate_ticket_follows_the_table(
    staff: Staff, action: Action
) -> None:
    target = None if action in GLOBAL_ACTIONS else ticket("roads")
    if staff.role in EXPECTED[action]:
        require(staff, action, target)
    else:
        with pytest.raises(Forbidden):
            require(staff, action, target)


@pytest.mark.parametrize("action", [a for a in Action if a not in GLOBAL_ACTIONS])
def test_department_gets_not_found_for_every_action_on_another_directorate(action: Action) -> None:
    with pytest.raises(NotFound):
        require(ROADS, action, ticket("health"))


@pytest.mark.parametrize("action", [a for a in Action if a not in GLOBAL_ACTIONS])
def test_department_cannot_see_an_unclassified_ticket(action: Action) -> None:
    with pytest.raises(NotFound):
        require(ROADS, action, ticket(None))


@pytest.mark.parametrize("staff", [AGENT, DISPATCHER, SUPERVISOR, ADMIN], ids=lambda s: s.role)
def test_central_roles_see_every_directorate(staff: Staff) -> None:
    require(staff, Action.VIEW, ticket("health"))


def test_transition_by_a_role_not_in_the_workflow_table_is_forbidden() -> None:
    with pytest.raises(Forbidden):
        require_transition(AGENT, ticket("roads", Status.TRIAGED), Status.ASSIGNED)


def test_transition_the_state_does_not_allow_is_invalid() -> None:
    with pytest.raises(InvalidTransition):
        require_transition(DISPATCHER, ticket("roads", Status.NEW), Status.CLOSED)


def test_department_transition_on_other_directorate_is_not_found() -> None:
    with pytest.raises(NotFound):
        require_transition(ROADS, ticket("health", Status.ASSIGNED), Status.RESOLVED)


def test_department_may_resolve_own_directorate_ticket() -> None:
    require_transition(ROADS, ticket("roads", Status.ASSIGNED), Status.RESOLVED)


def test_every_role_is_known_to_the_table() -> None:
    assert {str(r) for r in Role} == EXPECTED[Action.VIEW]
