"""Refused staff actions in the inbox: in the staff member's language, isolated for RTL.

Core raises an English message with a key and parameters; the inbox shows its own words for
the key (Arabic or English), and the JSON API keeps core's English message. Each test signs
in through the real login form, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient

from channels.web.inbox.views import refusal
from core.context import Context
from core.errors import InputError
from core.models import Status
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from core.tickets import ticket_by_reference
from tests.staffkit import (
    app_for,
    bearer,
    choose_language,
    login,
    new_ticket,
    post_form,
    the_roles,
    token_for,
)

FLASH_ERROR = re.compile(r'<p class="flash error"[^>]*>(.*?)</p>', re.S)


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = UnroutedRouter()
    return the_roles(ctx)


@pytest.fixture
def app(ctx: Context, roles: dict[str, Staff]) -> Flask:
    return app_for(ctx)


def signed_in(app: Flask, email: str, lang: str) -> FlaskClient:
    client = app.test_client()
    assert login(client, email).status_code == 302
    choose_language(client, lang)
    return client


def flashed_error(page: str) -> str:
    found = FLASH_ERROR.findall(page)
    assert found, "no error shown"
    return str(found[0])


def assigned_roads_ticket(ctx: Context, roles: dict[str, Staff]) -> str:
    """A road-damage ticket triaged by the agent and assigned by the dispatcher."""
    ref = new_ticket(ctx, "Pothole on Way 12", category="road_damage")
    for who, to in (("agent", "triaged"), ("dispatcher", "assigned")):
        with ctx.sessions() as session, session.begin():
            ticket = ticket_by_reference(session, ref)
            assert ticket is not None
            staff_actions.change_status(ctx, session, roles[who], ticket, to)
    return ref


@dataclass(frozen=True)
class Refusal:
    """One refused action: who does it, what they post, and the words they must see."""

    name: str
    email: str
    act: Callable[[Context, dict[str, Staff], FlaskClient], str]  # returns the page shown
    arabic: str
    english: str


def _on_ticket(path: str, data: dict[str, str], assigned: bool = False):  # type: ignore[no-untyped-def]
    def act(ctx: Context, roles: dict[str, Staff], client: FlaskClient) -> str:
        if assigned:
            ref = assigned_roads_ticket(ctx, roles)
        else:
            ref = new_ticket(ctx, "Pothole on Way 12", category="road_damage")
        assert post_form(client, f"/inbox/t/{ref}/{path}", data).status_code == 302
        return client.get(f"/inbox/t/{ref}").get_data(as_text=True)

    return act


def _reclassify_closed(ctx: Context, roles: dict[str, Staff], client: FlaskClient) -> str:
    ref = new_ticket(ctx, "Pothole on Way 12", category="road_damage")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        ticket.status = Status.CLOSED
    data = {"category": "street_lighting"}
    assert post_form(client, f"/inbox/t/{ref}/reclassify", data).status_code == 302
    return client.get(f"/inbox/t/{ref}").get_data(as_text=True)


def _record_call(ctx: Context, roles: dict[str, Staff], client: FlaskClient) -> str:
    response = post_form(client, "/inbox/call", {"phone": "call me", "text": "Pothole"})
    assert response.status_code == 422
    return response.get_data(as_text=True)


def _stats(ctx: Context, roles: dict[str, Staff], client: FlaskClient) -> str:
    response = client.get("/inbox/stats?since=soon")
    assert response.status_code == 400
    return response.get_data(as_text=True)


REFUSALS = [
    Refusal(
        "empty_reply",
        "agent@mct.om",
        _on_ticket("reply", {"text": "  "}),
        "الرد فارغ: اكتب نص الرد أولًا.",
        "The reply is empty.",
    ),
    Refusal(
        "resolve_without_answer",
        "roads@mct.om",
        _on_ticket("transition", {"to": "resolved", "note": ""}, assigned=True),
        "اكتب جواب القسم في الملاحظة لحل البلاغ.",
        "Write the department&#39;s answer (the note) to resolve the ticket.",
    ),
    Refusal(
        "wait_without_question",
        "agent@mct.om",
        _on_ticket("transition", {"to": "awaiting_citizen", "note": " "}),
        "اكتب في الملاحظة السؤال الموجّه إلى المواطن قبل انتظار جوابه.",
        "Write the question to ask the citizen (the note) before waiting for their answer.",
    ),
    Refusal(
        "bad_caller_phone",
        "agent@mct.om",
        _record_call,
        "اكتب رقم هاتف المتصل بالأرقام (ويجوز أن يبدأ بعلامة +).",
        "Give the caller&#39;s phone number (digits, optionally starting with +).",
    ),
    Refusal(
        "bad_stats_date",
        "super@mct.om",
        _stats,
        "تاريخ البداية غير صحيح: اكتبه بالصيغة 2025-01-31 (المكتوب: <bdi>soon</bdi>).",
        "The start date is not a date: write it like 2025-01-31 (you wrote <bdi>soon</bdi>).",
    ),
    Refusal(
        "unknown_status",
        "agent@mct.om",
        _on_ticket("transition", {"to": "finished"}),
        "الحالة <bdi>finished</bdi> غير معروفة: اختر حالة من القائمة.",
        "Unknown status <bdi>finished</bdi>: choose one from the list.",
    ),
    Refusal(
        "unknown_category",
        "agent@mct.om",
        _on_ticket("reclassify", {"category": "potholes"}),
        "التصنيف <bdi>potholes</bdi> غير معروف: اختر تصنيفًا من القائمة.",
        "Unknown category <bdi>potholes</bdi>: choose one from the list.",
    ),
    Refusal(
        "reclassify_closed",
        "disp@mct.om",
        _reclassify_closed,
        "البلاغ في حالة <bdi>مغلق</bdi> يحتفظ بتصنيفه: أعد فتحه لتغيير تصنيفه.",
        "A ticket in status <bdi>Closed</bdi> keeps its category: reopen it to change it.",
    ),
    Refusal(
        "assignee_from_another_directorate",
        "disp@mct.om",
        _on_ticket("assign", {"assignee": "health@mct.om"}),
        # the name the assignee picker shows (add_user's: the address's local part)
        "<bdi>health</bdi> يعمل في مديرية غير مديرية هذا البلاغ: اختر موظفًا من مديريته.",
        "<bdi>health</bdi> works for another directorate than this ticket&#39;s.",
    ),
]


@pytest.mark.parametrize("case", REFUSALS, ids=[r.name for r in REFUSALS])
def test_refusal_is_shown_in_arabic_in_the_arabic_inbox(
    ctx: Context, roles: dict[str, Staff], app: Flask, case: Refusal
) -> None:
    page = case.act(ctx, roles, signed_in(app, case.email, "ar"))
    shown = flashed_error(page)
    assert shown == case.arabic
    assert 'lang="en"' not in shown


@pytest.mark.parametrize("case", REFUSALS, ids=[r.name for r in REFUSALS])
def test_refusal_is_shown_in_english_in_the_english_inbox(
    ctx: Context, roles: dict[str, Staff], app: Flask, case: Refusal
) -> None:
    page = case.act(ctx, roles, signed_in(app, case.email, "en"))
    assert flashed_error(page) == case.english


def test_refused_move_names_both_statuses_in_arabic(
    ctx: Context, roles: dict[str, Staff], app: Flask
) -> None:
    client = signed_in(app, "disp@mct.om", "ar")
    page = _on_ticket("transition", {"to": "closed"})(ctx, roles, client)
    assert (
        flashed_error(page) == "لا يمكن نقل بلاغ من حالة <bdi>جديد</bdi> إلى حالة <bdi>مغلق</bdi>."
    )


def test_refusal_parameters_are_escaped(ctx: Context, roles: dict[str, Staff], app: Flask) -> None:
    client = signed_in(app, "agent@mct.om", "ar")
    page = _on_ticket("reclassify", {"category": "<b>x</b>"})(ctx, roles, client)
    assert "<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>" in flashed_error(page)


def test_a_refusal_is_announced_at_once_and_a_confirmation_politely(
    ctx: Context, roles: dict[str, Staff], app: Flask
) -> None:
    """A refusal means nothing was done: a screen reader must say so at once (role alert, as
    the password and staff pages do); a confirmation can wait its turn (role status)."""
    client = signed_in(app, "agent@mct.om", "ar")
    page = _on_ticket("reclassify", {"category": "nope"})(ctx, roles, client)
    assert re.search(r'<p class="flash error" role="alert">', page)
    ref = new_ticket(ctx, "Pothole on Way 14")
    post_form(client, f"/inbox/t/{ref}/note", {"text": "seen"})
    assert '<p class="flash info" role="status">' in client.get(f"/inbox/t/{ref}").get_data(
        as_text=True
    )


def test_refusal_without_words_shows_core_english_isolated_left_to_right(app: Flask) -> None:
    with app.test_request_context("/inbox/"):
        from flask import session

        session["lang"] = "ar"
        shown = str(refusal(InputError("Something odd (code 7).", "no_such_word")))
    assert shown == '<bdi dir="ltr" lang="en">Something odd (code 7).</bdi>'


def test_api_keeps_core_english_message_for_an_empty_reply(
    ctx: Context, roles: dict[str, Staff], app: Flask
) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = app.test_client().post(
        f"/api/v1/tickets/{ref}/replies",
        json={"text": " "},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["message"] == "The reply is empty."


def test_api_keeps_core_english_message_for_an_unknown_status(
    ctx: Context, roles: dict[str, Staff], app: Flask
) -> None:
    ref = new_ticket(ctx, "Pothole")
    response = app.test_client().post(
        f"/api/v1/tickets/{ref}/transition",
        json={"to": "finished"},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["message"] == "Unknown status 'finished'."


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x1b"])
def test_a_refused_call_form_is_refilled_without_control_characters(
    app: Flask, control: str
) -> None:
    """A NUL written back into the textarea came back from the browser as U+FFFD, which the
    agent's next submit stored; the form is refilled with what core would have stored."""
    client = signed_in(app, "agent@mct.om", "en")
    summary = f"Water{control} leaking\tfrom a manhole"
    response = post_form(client, "/inbox/call", {"phone": "call me", "text": summary})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Water leaking\tfrom a manhole</textarea>" in page
    assert control not in page
