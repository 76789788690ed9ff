"""The permission matrix over the API: every role x action x own / other directorate."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.routing.types import UnroutedRouter
from core.staff.permissions import Action
from tests.core.staff.test_permissions import EXPECTED
from tests.staffkit import app_for, bearer, new_ticket, the_roles, token_for

ROLE_EMAIL = {
    "agent": "agent@mct.om",
    "dispatcher": "disp@mct.om",
    "department": "roads@mct.om",
    "supervisor": "super@mct.om",
    "admin": "admin@mct.om",
}

OK = {"view": 200, "note": 201, "reply": 201, "reclassify": 200, "assign": 200, "duplicate": 200}


def calls(original: str) -> dict[str, tuple[str, str, dict[str, object] | None]]:
    """One API call per ticket action: (method, path suffix, JSON body)."""
    return {
        "view": ("get", "", None),
        "note": ("post", "/notes", {"text": "internal"}),
        "reply": ("post", "/replies", {"text": "hello"}),
        "reclassify": ("post", "/reclassify", {"category": "traffic_signs"}),
        "assign": ("post", "/assign", {"assignee": "roads@mct.om"}),
        "duplicate": ("post", "/duplicate", {"of": original}),
    }


@pytest.mark.parametrize("role", list(ROLE_EMAIL))
def test_role_gets_the_tables_answer_on_own_and_other_directorate(ctx: Context, role: str) -> None:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    client: FlaskClient = app_for(ctx).test_client()
    token = token_for(ctx, ROLE_EMAIL[role])
    original = new_ticket(ctx, "the first report", category="road_damage")
    for action, (method, suffix, body) in calls(original).items():
        allowed = role in EXPECTED[Action(action)]
        own = new_ticket(ctx, f"roads {action}", category="road_damage")
        other = new_ticket(ctx, f"health {action}", category="food_safety")
        got = getattr(client, method)(
            f"/api/v1/tickets/{own}{suffix}", json=body, headers=bearer(token)
        )
        assert got.status_code == (OK[action] if allowed else 403), (role, action, got.get_json())
        got = getattr(client, method)(
            f"/api/v1/tickets/{other}{suffix}", json=body, headers=bearer(token)
        )
        if role == "department":
            expected = 404  # another directorate's ticket does not exist for them
        elif allowed and action == "assign":
            expected = 422  # roads staff cannot own a health ticket
        else:
            expected = OK[action] if allowed else 403
        assert got.status_code == expected, (role, action, "other", got.get_json())
