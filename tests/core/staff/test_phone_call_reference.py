"""A recorded phone call: the agent reads the reference out; no acknowledgement call-back.

The caller is on the line while the intake agent records the call, so an acknowledgement
would only become a call-back task to read out what the agent has just said. Staff replies
on phone tickets still become call-back tasks, and every other channel keeps its
acknowledgement.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.models import Message, OutboxItem
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from core.tickets import ticket_by_reference
from tests.staffkit import app_for, choose_language, load, login, new_ticket, post_form, the_roles

CALL = {"phone": "+968 9123 4567", "text": "Water leaking from a manhole", "language": "ar"}


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = UnroutedRouter()
    return the_roles(ctx)


def signed_in(ctx: Context, email: str, lang: str) -> FlaskClient:
    client: FlaskClient = app_for(ctx).test_client()
    assert login(client, email).status_code == 302
    choose_language(client, lang)
    return client


def outbound(ctx: Context, reference: str) -> list[Message]:
    return [m for m in load(ctx, reference).messages if m.direction == "out"]


def test_recorded_call_queues_no_acknowledgement(ctx: Context, roles: dict[str, Staff]) -> None:
    processed = staff_actions.record_phone_call(ctx, roles["agent"], CALL["phone"], CALL["text"])
    assert outbound(ctx, processed.reference) == []
    with ctx.sessions() as session:
        assert list(session.execute(select(OutboxItem.id)).scalars()) == []


def test_recorded_call_with_a_category_queues_no_acknowledgement(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    processed = staff_actions.record_phone_call(
        ctx, roles["agent"], CALL["phone"], CALL["text"], category="sewage_overflow"
    )
    assert load(ctx, processed.reference).status == "triaged"
    assert outbound(ctx, processed.reference) == []


def test_other_channels_are_still_acknowledged(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx, "Pothole", channel="telegram", sender="777")
    assert [m.kind for m in outbound(ctx, ref)] == ["ack"]


def test_staff_reply_on_a_phone_ticket_is_still_a_callback_task(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = staff_actions.record_phone_call(ctx, roles["agent"], CALL["phone"], "Pothole").reference
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        staff_actions.reply(ctx, session, roles["dispatcher"], ticket, "Fixed tomorrow.")
    [task] = outbound(ctx, ref)
    assert (task.kind, task.channel, task.delivery_status) == ("reply", "phone", "queued")


def test_ticket_page_after_a_call_has_no_callback_task(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    client = signed_in(ctx, "disp@mct.om", "en")
    response = post_form(client, "/inbox/call", CALL)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'class="inline callback"' not in page


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Read this reference out to the caller"),
        ("ar", "اقرأ هذا الرقم على المتصل"),
    ],
)
def test_agent_is_shown_the_reference_to_read_out(
    ctx: Context, roles: dict[str, Staff], lang: str, words: str
) -> None:
    client = signed_in(ctx, "agent@mct.om", lang)
    response = post_form(client, "/inbox/call", CALL)
    assert response.status_code == 302
    reference = response.headers["Location"].rsplit("/", 1)[-1]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'<strong class="read-out" dir="ltr">{reference}</strong>' in page
    assert words in page
