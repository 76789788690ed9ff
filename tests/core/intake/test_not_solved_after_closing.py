"""A chat citizen's "still not fixed" or "it came back" after their ticket was closed, written
as a plain message (not a swipe-reply): it joins that ticket by the reopen rule, as a reply to
it would; thanks and another problem do not."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.intake.screening import says_not_solved
from core.intake.triage import set_category
from core.models import Event, Status, Ticket
from core.workflow.transitions import Actor, transition

REPORT = "Pothole on Sultan Qaboos Street near the Qurum exit, cars swerve around it"


def write(ctx: Context, text: str, n: int, sender: str = "7") -> int:
    message = InboundMessage(channel="telegram", sender=sender, text=text, external_id=f"7:{n}")
    return ingest(ctx, message).ticket_id


def close(ctx: Context, ticket_id: int, category: str = "road_damage") -> None:
    """The three lines' path to closed, as staff walk it."""
    moves = [
        (Status.TRIAGED, Actor(name="agent@mct.om", role="agent")),
        (Status.ASSIGNED, Actor(name="disp@mct.om", role="dispatcher")),
        (Status.RESOLVED, Actor(name="dept@mct.om", role="department")),
        (Status.CLOSED, Actor(name="disp@mct.om", role="dispatcher")),
    ]
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        set_category(ctx, ticket, category)
        for status, actor in moves:
            if ticket.status == status:  # the trained router triaged it already
                continue
            if actor.role == "department":
                actor = dataclasses.replace(actor, directorate=ticket.directorate)
            transition(ctx, session, ticket, status, actor, note="Filled.")


def later(ctx: Context, monkeypatch: pytest.MonkeyPatch, **delta: float) -> None:
    monkeypatch.setattr(ctx.settings, "now", ctx.now() + timedelta(**delta))


@pytest.mark.parametrize(
    "text",
    [
        # English: persisting, a negated remedy, recurring
        "still not fixed",
        "Not solved!",
        "The lamp is still off",
        "It hasn't been fixed yet",
        "nobody came",
        "The water is back again on my street!",
        "it came back",
        "the leak started again",
        "they fixed it but it is back",
        "thanks but it came back",
        # MSA
        "ما زالت المشكلة قائمة",
        "لم تحل المشكلة",
        "لم يتم الاصلاح",
        "عادت المياه في الشارع",
        # Gulf
        "المشكلة ما انحلت",
        "الحفرة ما انصلحت",
        "ماانحلت",
        "رجعت المشكلة",
        "الماي رجع مرة ثانية",
        "لسا نفس الشي",
        "للحين ما جو",
        # Arabizi, digit letters
        "ba3dha ma t9alla7at",
        "rj3 el mai",
        "el mushkila rj3at",
        "lsa ma n7alat",
        "mb sha3al el lait",
        # mixed
        "el water rj3 again",
        "still ما انصلحت",
    ],
)
def test_not_solved_or_came_back_is_recognised(text: str) -> None:
    assert says_not_solved(text)


@pytest.mark.parametrize(
    "text",
    [
        "thanks",
        "شكرا",
        "شكرا جزيلا مشكورين ما قصرتوا",
        "The light works again, thanks",
        "الحمد لله اشتغلت الانارة شكرا",
        "There is a new pothole on the Seeb road",
        "Garbage has not been collected in Al Khoudh for a week",
        "لم يتم جمع القمامة منذ اسبوع",
        "still not fixed " + "and the water keeps coming into the houses of the street " * 3,
    ],
)
def test_other_messages_do_not_say_not_solved(text: str) -> None:
    assert not says_not_solved(text)


def test_not_solved_shortly_after_closing_reopens_the_closed_ticket(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(ctx, REPORT, 1)
    close(ctx, first)
    later(ctx, monkeypatch, hours=80)  # past the open-ticket thread window, within reopening
    assert write(ctx, "still not fixed", 2) == first
    with ctx.sessions() as session:
        assert [t.status for t in session.execute(select(Ticket)).scalars()] == ["reopened"]


def test_not_solved_after_the_reopen_window_is_a_new_unlinked_ticket(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(ctx, REPORT, 1)
    close(ctx, first)
    later(ctx, monkeypatch, days=ctx.settings.reopen_days + 1)
    second = write(ctx, "still not fixed", 2)
    with ctx.sessions() as session:
        created = session.execute(
            select(Event).where(Event.ticket_id == second, Event.kind == "created")
        ).scalar_one()
        assert second != first and created.data["follows"] is None


def test_not_solved_when_reopening_is_off_follows_the_closed_ticket(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With BALAGH_REOPEN_DAYS=0 a closed ticket never reopens: the message opens a new ticket
    that follows it, as a reply to the closed ticket would."""
    monkeypatch.setattr(ctx.settings, "reopen_days", 0.0)
    first = write(ctx, REPORT, 1)
    close(ctx, first)
    later(ctx, monkeypatch, hours=2)
    second = write(ctx, "still not fixed", 2)
    with ctx.sessions() as session:
        created = session.execute(
            select(Event).where(Event.ticket_id == second, Event.kind == "created")
        ).scalar_one()
        old = session.get(Ticket, first)
        assert old is not None and old.status == Status.CLOSED
        assert second != first and created.data["follows"] == old.reference


def test_other_words_after_closing_still_open_a_new_ticket(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(ctx, REPORT, 1)
    close(ctx, first)
    later(ctx, monkeypatch, hours=2)
    assert write(ctx, "Garbage has not been collected in Al Khoudh for a week", 2) != first


def test_not_solved_joins_only_the_same_citizens_ticket(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(ctx, REPORT, 1)
    close(ctx, first)
    later(ctx, monkeypatch, hours=2)
    assert write(ctx, "still not fixed", 2, sender="8") != first


@pytest.mark.parametrize(
    "text", ["The water is back again on my street!", "rj3 el mai", "الماي رجع مرة ثانية"]
)
def test_the_problem_came_back_reopens_the_closed_ticket(
    routed_ctx: Context, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """QA's case: a closed flooding report and "the water is back again" on Telegram, read
    by the trained router (which must not take it for another problem)."""
    first = write(routed_ctx, "Rainwater is flooding our street in Al Khuwair, cars are stuck", 1)
    close(routed_ctx, first, "stormwater_flooding")
    later(routed_ctx, monkeypatch, hours=80)
    assert write(routed_ctx, text, 2) == first
    with routed_ctx.sessions() as session:
        ticket = session.get(Ticket, first)
        assert ticket is not None and ticket.status == Status.REOPENED


@pytest.mark.parametrize("text", ["thanks", "شكرا"])
def test_thanks_after_closing_does_not_reopen(
    ctx: Context, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    first = write(ctx, REPORT, 1)
    close(ctx, first)
    later(ctx, monkeypatch, hours=2)
    assert write(ctx, text, 2) == first
    with ctx.sessions() as session:
        ticket = session.get(Ticket, first)
        assert ticket is not None and ticket.status == Status.CLOSED


def test_another_problem_that_came_back_is_a_new_report(
    routed_ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recurring words about a problem the router confidently files elsewhere (stray dogs
    after a pothole) do not reopen the pothole: a new report."""
    first = write(routed_ctx, REPORT, 1)
    close(routed_ctx, first)
    later(routed_ctx, monkeypatch, hours=2)
    second = write(routed_ctx, "The stray dogs are back again near the school, they bite", 2)
    assert second != first
    with routed_ctx.sessions() as session:
        old = session.get(Ticket, first)
        assert old is not None and old.status == Status.CLOSED
