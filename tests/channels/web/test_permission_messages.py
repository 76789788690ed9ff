"""Refusals read as sentences a member of staff understands, for every action."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.errors import Forbidden
from core.staff.permissions import PHRASES, Action, Staff, require
from tests.staffkit import app_for, bearer, the_roles, token_for

AGENT = Staff(id=1, email="agent@mct.om", name="Agent", role="agent", directorate=None)


def test_every_action_has_a_readable_phrase() -> None:
    assert set(PHRASES) == set(Action)
    assert all("_" not in phrase for phrase in PHRASES.values())


def test_refused_statistics_read_naturally() -> None:
    with pytest.raises(Forbidden) as refused:
        require(AGENT, Action.STATS)
    assert str(refused.value) == "Your role (agent) may not view statistics."


def test_refused_user_management_read_naturally() -> None:
    with pytest.raises(Forbidden) as refused:
        require(AGENT, Action.MANAGE_USERS)
    assert str(refused.value) == "Your role (agent) may not manage staff accounts."


def test_api_403_carries_the_readable_refusal(ctx: Context) -> None:
    the_roles(ctx)
    client: FlaskClient = app_for(ctx).test_client()
    response = client.get("/api/v1/stats", headers=bearer(token_for(ctx, "agent@mct.om")))
    assert response.status_code == 403
    assert response.get_json()["error"]["message"] == "Your role (agent) may not view statistics."
