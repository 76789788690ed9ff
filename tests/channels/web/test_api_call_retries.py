"""POST /api/v1/calls with an Idempotency-Key: a telephony system retrying after a timeout
records the call once. Without the key every post opened another ticket (and acknowledged the
caller again)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.context import Context
from core.models import Event, Ticket
from core.routing.types import UnroutedRouter
from tests.staffkit import app_for, bearer, the_roles, token_for

CALL = {"phone": "+968 9000 0001", "text": "Fallen tree blocks the road", "name": "Said"}


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx).test_client()


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def post(ctx: Context, client: FlaskClient, body: dict, key: str | None, who: str = "agent@mct.om"):  # type: ignore[no-untyped-def]
    headers = bearer(token_for(ctx, who))
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post("/api/v1/calls", json=body, headers=headers)


def test_the_same_call_sent_again_with_its_key_is_the_first_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    first = post(ctx, client, CALL, "cti-7781")
    again = post(ctx, client, CALL, "cti-7781")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["reference"] == first.get_json()["reference"]
    assert count(ctx, Ticket) == 1
    with ctx.sessions() as session:
        calls = session.execute(
            select(func.count()).select_from(Event).where(Event.kind == "phone_call")
        ).scalar_one()
    assert calls == 1  # the retry is not logged as a second call


def test_the_same_key_with_another_call_is_a_409(ctx: Context, client: FlaskClient) -> None:
    post(ctx, client, CALL, "cti-7781")
    other = post(ctx, client, {**CALL, "text": "Water leak on Way 12"}, "cti-7781")
    assert other.status_code == 409
    assert other.get_json()["error"]["code"] == "idempotency_conflict"
    assert count(ctx, Ticket) == 1


def test_without_a_key_or_with_new_keys_each_call_is_its_own_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    codes = [post(ctx, client, CALL, key).status_code for key in (None, None, "a", "b")]
    assert codes == [201] * 4 and count(ctx, Ticket) == 4


def test_another_member_of_staff_reusing_a_key_records_their_own_call(
    ctx: Context, client: FlaskClient
) -> None:
    from tests.staffkit import make_staff

    make_staff(ctx, "agent2@mct.om", "agent")
    first = post(ctx, client, CALL, "1")
    theirs = post(ctx, client, CALL, "1", who="agent2@mct.om")
    assert (first.status_code, theirs.status_code) == (201, 201)
    assert count(ctx, Ticket) == 2


@pytest.mark.parametrize("key", ["", "k" * 256, "a\x00b"])
def test_an_unusable_key_is_a_400(ctx: Context, client: FlaskClient, key: str) -> None:
    response = post(ctx, client, CALL, key)
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_request"
    assert count(ctx, Ticket) == 0
