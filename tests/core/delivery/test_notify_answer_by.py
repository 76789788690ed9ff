"""How our texts tell the citizen to answer, by channel (core.delivery.notify.answer_by): a
phone caller, who hears them in a call back, was told to "reply to this message"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.context import Context
from core.followup.tasks import autoclose, remind_awaiting_citizens
from core.intake.triage import set_category
from core.models import Status, Ticket
from core.staff import actions as staff_actions
from core.workflow.transitions import transition
from tests.followup_support import DISPATCHER, ROADS, T0, add_staff, at, new_ticket
from tests.staffkit import make_staff

QUESTION = {"en": "Which exit of the roundabout?", "ar": "عند أي مخرج من الدوار؟"}
ANSWER = {"en": "The pothole was filled.", "ar": "رُدمت الحفرة."}
# What each way of answering says, in each language.
SAYS = {
    "en": {"call": "give your report number", "message": "reply to this message"},
    "ar": {"call": "وذكر رقم بلاغكم", "message": "الرد على هذه الرسالة"},
}


def _ticket(
    ctx: Context,
    channel: str,
    language: str,
    to: tuple[Status, ...] = (Status.TRIAGED, Status.ASSIGNED),
) -> int:
    """A road report assigned to roads at T0 (or moved `to` those statuses): a call an agent
    typed in, or a chat message."""
    at(ctx, T0)
    add_staff(ctx)
    if channel == "phone":
        agent = make_staff(ctx, "agent@mct.om", "agent")
        text = {
            "en": "A deep pothole on Sultan Qaboos Street",
            "ar": "حفرة عميقة في شارع السلطان قابوس",
        }
        call = staff_actions.record_phone_call(
            ctx, agent, "91234567", text[language], language=language
        )
        tid = call.ticket_id
    else:
        text = {"en": "Pothole on Sultan Qaboos St", "ar": "حفرة في شارع السلطان قابوس"}[language]
        tid = new_ticket(ctx, text=text)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None and ticket.channel == channel and ticket.language == language
        set_category(ctx, ticket, "road_damage")
        for status in to:
            if ticket.status != status:
                transition(ctx, session, ticket, status, DISPATCHER)
    return tid


def _move(ctx: Context, tid: int, to: Status, note: str | None = None) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        transition(ctx, session, ticket, to, ROADS if note else DISPATCHER, note=note)


def _sent(ctx: Context, tid: int) -> dict[str, str]:
    """Kind -> the text of each message we sent on the ticket."""
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.id == tid)).scalar_one()
        return {m.kind: m.text for m in ticket.messages if m.kind}


def _asked_reminded_and_closed(ctx: Context, channel: str, language: str) -> dict[str, str]:
    """The question, the reminder and the auto-close of a ticket whose citizen never answers."""
    tid = _ticket(ctx, channel, language)
    _move(ctx, tid, Status.AWAITING_CITIZEN, QUESTION[language])
    at(ctx, T0 + timedelta(hours=73))
    assert remind_awaiting_citizens(ctx) == 1
    at(ctx, T0 + timedelta(hours=169))
    assert autoclose(ctx) == "closed 1"
    return _sent(ctx, tid)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_callers_question_reminder_and_autoclose_say_to_call_not_to_reply(
    ctx: Context, language: str
) -> None:
    sent = _asked_reminded_and_closed(ctx, "phone", language)
    for kind in ("need_info", "awaiting_reminder", "autoclosed"):
        assert SAYS[language]["call"] in sent[kind], kind
        assert SAYS[language]["message"] not in sent[kind], kind
    assert QUESTION[language] in sent["need_info"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_chat_citizens_question_reminder_and_autoclose_still_say_to_reply(
    ctx: Context, language: str
) -> None:
    sent = _asked_reminded_and_closed(ctx, "telegram", language)
    for kind in ("need_info", "awaiting_reminder", "autoclosed"):
        assert SAYS[language]["message"] in sent[kind], kind
        assert SAYS[language]["call"] not in sent[kind], kind


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_callers_resolved_notice_says_to_call_to_have_it_reopened(
    ctx: Context, language: str
) -> None:
    tid = _ticket(ctx, "phone", language)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        transition(ctx, session, ticket, Status.RESOLVED, ROADS, note=ANSWER[language])
        transition(ctx, session, ticket, Status.CLOSED, DISPATCHER)
    resolved = _sent(ctx, tid)["resolved"]
    assert ANSWER[language] in resolved
    assert SAYS[language]["call"] in resolved and SAYS[language]["message"] not in resolved


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_callers_closing_notice_says_to_call_to_add_anything(ctx: Context, language: str) -> None:
    tid = _ticket(ctx, "phone", language)
    _move(ctx, tid, Status.AWAITING_CITIZEN, QUESTION[language])
    _move(ctx, tid, Status.CLOSED)
    closed = _sent(ctx, tid)["closed"]
    assert SAYS[language]["call"] in closed and SAYS[language]["message"] not in closed


def _rejected(ctx: Context, channel: str, language: str) -> str:
    """The refusal a triaged report's citizen gets from the dispatcher."""
    tid = _ticket(ctx, channel, language, to=(Status.TRIAGED,))
    _move(ctx, tid, Status.REJECTED)
    return _sent(ctx, tid)["rejected"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_callers_refusal_says_to_call_with_a_question(ctx: Context, language: str) -> None:
    rejected = _rejected(ctx, "phone", language)
    assert SAYS[language]["call"] in rejected and SAYS[language]["message"] not in rejected


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_chat_citizens_refusal_still_says_to_reply(ctx: Context, language: str) -> None:
    rejected = _rejected(ctx, "telegram", language)
    assert SAYS[language]["message"] in rejected and SAYS[language]["call"] not in rejected
