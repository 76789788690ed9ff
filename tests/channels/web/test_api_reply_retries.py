"""POST /tickets/<ref>/replies and /notes with an Idempotency-Key: an integrator retrying after
a timeout adds the reply (and sends it to the citizen) or the note once. Without the key each
retry was applied again: the citizen got the same answer twice."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask.testing import FlaskClient

from core.context import Context
from core.delivery.outbox import deliver_due
from core.outbound import CollectingSender
from core.routing.types import UnroutedRouter
from tests.staffkit import app_for, bearer, load, make_staff, new_ticket, the_roles, token_for

REPLY = {"text": "An inspector visits tomorrow."}


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx).test_client()


def post(  # type: ignore[no-untyped-def]
    ctx: Context,
    client: FlaskClient,
    ref: str,
    what: str,
    body: dict,
    key: str | None,
    who: str = "disp@mct.om",
):
    headers = bearer(token_for(ctx, who))
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(f"/api/v1/tickets/{ref}/{what}", json=body, headers=headers)


def texts(ctx: Context, ref: str) -> list[str]:
    return [m.text for m in load(ctx, ref).messages if m.author_id is not None]


def test_the_same_reply_sent_again_with_its_key_is_the_first_and_is_sent_once(
    ctx: Context, client: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    ref = new_ticket(ctx, "Rats in the market", channel="email", sender="citizen@example.com")
    first = post(ctx, client, ref, "replies", REPLY, "crm-1")
    again = post(ctx, client, ref, "replies", REPLY, "crm-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["id"] == first.get_json()["id"]
    assert texts(ctx, ref) == [REPLY["text"]]
    deliver_due(ctx)
    assert len([m for m in senders["email"].sent if m.kind == "reply"]) == 1
    third = post(ctx, client, ref, "reply", REPLY, "crm-1")  # the alias, after delivery
    assert third.status_code == 200 and third.get_json()["id"] == first.get_json()["id"]


def test_the_same_note_sent_again_with_its_key_is_the_first(
    ctx: Context, client: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole")
    first = post(ctx, client, ref, "notes", {"text": "internal"}, "n-1", who="agent@mct.om")
    again = post(ctx, client, ref, "notes", {"text": "internal"}, "n-1", who="agent@mct.om")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json() == first.get_json()
    assert texts(ctx, ref) == ["internal"]


@pytest.mark.parametrize(
    ("what", "body"),
    [("replies", {"text": "Another answer"}), ("notes", REPLY)],
    ids=["other-text", "other-kind"],
)
def test_the_same_key_for_another_reply_or_a_note_is_a_409(
    ctx: Context, client: FlaskClient, what: str, body: dict[str, str]
) -> None:
    ref = new_ticket(ctx, "Pothole")
    post(ctx, client, ref, "replies", REPLY, "crm-1")
    other = post(ctx, client, ref, what, body, "crm-1")
    assert other.status_code == 409
    assert other.get_json()["error"]["code"] == "idempotency_conflict"
    assert texts(ctx, ref) == [REPLY["text"]]


def test_without_a_key_or_with_new_keys_each_reply_is_added(
    ctx: Context, client: FlaskClient
) -> None:
    ref = new_ticket(ctx, "Pothole")
    codes = [post(ctx, client, ref, "replies", REPLY, k).status_code for k in (None, None, "a")]
    assert codes == [201] * 3 and len(texts(ctx, ref)) == 3


def test_another_member_of_staff_reusing_a_key_adds_their_own_note(
    ctx: Context, client: FlaskClient
) -> None:
    make_staff(ctx, "agent2@mct.om", "agent")
    ref = new_ticket(ctx, "Pothole")
    first = post(ctx, client, ref, "notes", {"text": "seen"}, "1", who="agent@mct.om")
    theirs = post(ctx, client, ref, "notes", {"text": "seen"}, "1", who="agent2@mct.om")
    assert (first.status_code, theirs.status_code) == (201, 201)
    assert texts(ctx, ref) == ["seen", "seen"]


@pytest.mark.parametrize("key", ["", "k" * 256])
def test_an_unusable_key_is_a_400(ctx: Context, client: FlaskClient, key: str) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = post(ctx, client, ref, "notes", {"text": "x"}, key)
    assert response.status_code == 400 and texts(ctx, ref) == []


def test_retries_racing_each_other_with_one_key_add_the_reply_once(
    ctx: Context, client: FlaskClient
) -> None:
    """Four retries in flight at once (an integrator's timeout fired while the first was still
    running): one reply, every answer naming it. PostgreSQL locks the ticket row; SQLite takes
    its write lock at BEGIN, so the second transaction reads after the first committed."""
    ref = new_ticket(ctx, "Rats in the market", channel="email", sender="citizen@example.com")
    start = threading.Barrier(4)

    def retry() -> tuple[int, int]:
        start.wait(timeout=10)
        response = post(ctx, client, ref, "replies", REPLY, "crm-race")
        return response.status_code, response.get_json()["id"]

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: retry(), range(4)))
    assert sorted(code for code, _ in answers) == [200, 200, 200, 201]
    assert len({ident for _, ident in answers}) == 1
    assert texts(ctx, ref) == [REPLY["text"]]
