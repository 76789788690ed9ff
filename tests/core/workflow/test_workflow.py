"""The three lines of the centre as a state machine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError, InvalidTransition, NotFound
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.intake.triage import set_category
from core.models import Event, OutboxItem, Status, Ticket
from core.workflow.transitions import SYSTEM_ACTOR, Actor, transition

DISPATCHER = Actor(name="disp@mct.om", role="dispatcher", user_id=None)
AGENT = Actor(name="agent@mct.om", role="agent")
ROADS = Actor(name="roads@mct.om", role="department", directorate="roads")
HEALTH = Actor(name="health@mct.om", role="department", directorate="health")


def new_ticket(
    ctx: Context, text: str = "Pothole on Sultan Qaboos Street", sender: str = "7"
) -> int:
    return ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender=sender, text=text, external_id=f"{sender}:{text[:8]}"
        ),
    ).ticket_id


def move(ctx: Context, ticket_id: int, to: Status, actor: Actor, **kw: object) -> Ticket:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        transition(ctx, session, ticket, to, actor, **kw)  # type: ignore[arg-type]
        return ticket


def classify(ctx: Context, ticket_id: int, category: str = "road_damage") -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        set_category(ctx, ticket, category)


def test_full_path_new_to_closed_tells_the_citizen_each_step(ctx: Context) -> None:
    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    assigned = move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    assert assigned.due_at is not None and assigned.assigned_at is not None
    assert assigned.due_at - assigned.assigned_at == timedelta(hours=72)
    move(ctx, tid, Status.RESOLVED, ROADS, note="The pothole was filled on Monday.")
    closed = move(ctx, tid, Status.CLOSED, DISPATCHER)
    assert closed.closed_at is not None
    with ctx.sessions() as session:
        kinds = [
            o.kind for o in session.execute(select(OutboxItem).order_by(OutboxItem.id)).scalars()
        ]
        events = session.execute(select(Event.kind).where(Event.ticket_id == tid)).scalars().all()
    assert kinds == ["ack", "forwarded", "resolved"]
    assert events.count("transition") == 4


def test_invalid_transition_is_refused_with_clear_error_and_changes_nothing(ctx: Context) -> None:
    tid = new_ticket(ctx)
    with pytest.raises(InvalidTransition, match="'new' cannot move to 'closed'"):
        move(ctx, tid, Status.CLOSED, DISPATCHER)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None and ticket.status == "new"


def test_role_not_in_table_cannot_make_the_move(ctx: Context) -> None:
    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    with pytest.raises(InvalidTransition, match="Role 'agent' may not"):
        move(ctx, tid, Status.ASSIGNED, AGENT)


def test_department_of_another_directorate_gets_not_found(ctx: Context) -> None:
    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    with pytest.raises(NotFound):
        move(ctx, tid, Status.RESOLVED, HEALTH, note="not ours")


def test_resolving_needs_the_departments_answer(ctx: Context) -> None:
    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    with pytest.raises(InputError):
        move(ctx, tid, Status.RESOLVED, ROADS)


def test_triage_without_category_is_refused(ctx: Context) -> None:
    tid = new_ticket(ctx)
    with pytest.raises(InvalidTransition, match="Classify"):
        move(ctx, tid, Status.TRIAGED, AGENT)


def test_urgent_ticket_gets_urgent_sla(ctx: Context) -> None:
    tid = new_ticket(ctx)
    classify(ctx, tid, "sewage_overflow")
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        ticket.urgent = True
    move(ctx, tid, Status.TRIAGED, AGENT)
    ticket = move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    assert ticket.due_at is not None and ticket.assigned_at is not None
    assert ticket.due_at - ticket.assigned_at == timedelta(hours=4)


def test_citizen_writing_to_closed_ticket_through_its_link_reopens_it(ctx: Context) -> None:
    from core.inbound import ThreadHints

    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    move(ctx, tid, Status.RESOLVED, ROADS, note="Fixed.")
    closed = move(ctx, tid, Status.CLOSED, DISPATCHER)
    again = ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender="web",
            text="Still broken!",
            external_id="w9",
            thread=ThreadHints(reference=closed.reference, secret=closed.secret),
        ),
    )
    assert again.ticket_id == tid
    with ctx.sessions() as session:
        ticket = session.get(Ticket, tid)
        assert ticket is not None and ticket.status == "reopened"


def test_closing_original_closes_and_informs_its_duplicates(ctx: Context) -> None:
    original = new_ticket(ctx, sender="1")
    dup = new_ticket(ctx, text="Same pothole again", sender="2")
    for tid in (original, dup):
        classify(ctx, tid)
    with ctx.sessions() as session, session.begin():
        o, d = session.get(Ticket, original), session.get(Ticket, dup)
        assert o is not None and d is not None
        transition(ctx, session, d, Status.DUPLICATE, AGENT, duplicate_of=o)
    move(ctx, original, Status.TRIAGED, AGENT)
    move(ctx, original, Status.ASSIGNED, DISPATCHER)
    move(ctx, original, Status.RESOLVED, ROADS, note="Filled.")
    move(ctx, original, Status.CLOSED, DISPATCHER)
    with ctx.sessions() as session:
        d = session.get(Ticket, dup)
        assert d is not None and d.status == "closed"
        kinds = (
            session.execute(select(OutboxItem.kind).where(OutboxItem.ticket_id == dup))
            .scalars()
            .all()
        )
    assert kinds == ["ack", "duplicate", "resolved"]


def test_a_duplicate_in_another_language_goes_to_the_dispatcher_to_inform(ctx: Context) -> None:
    """The original's answer is written in its citizen's language: an English citizen whose
    report duplicated an Arabic one got the Arabic answer inside an English message (found
    driving the demo: WhatsApp). That duplicate goes back to the dispatcher as answered by the
    department, to be told in English; one in the original's language is closed and told."""
    original = new_ticket(ctx, "حفرة عميقة في شارع 18 نوفمبر قرب جسر الوطية", sender="1")
    english = new_ticket(ctx, "Deep pothole on 18th November street by the bridge", sender="2")
    arabic = new_ticket(ctx, "نفس الحفرة في شارع 18 نوفمبر عند الجسر", sender="3")
    for tid in (original, english, arabic):
        classify(ctx, tid)
    with ctx.sessions() as session, session.begin():
        o = session.get(Ticket, original)
        for tid in (english, arabic):
            d = session.get(Ticket, tid)
            assert o is not None and d is not None
            transition(ctx, session, d, Status.DUPLICATE, AGENT, duplicate_of=o)
    move(ctx, original, Status.TRIAGED, AGENT)
    move(ctx, original, Status.ASSIGNED, DISPATCHER)
    move(ctx, original, Status.RESOLVED, ROADS, note="تم ردم الحفرة")
    move(ctx, original, Status.CLOSED, DISPATCHER, answer="تم ردم الحفرة وإعادة رصف الطريق.")
    with ctx.sessions() as session:
        e, a = session.get(Ticket, english), session.get(Ticket, arabic)
        assert e is not None and a is not None
        assert (e.language, a.language) == ("en", "ar")
        assert (e.status, e.resolution, e.answer) == ("resolved", "تم ردم الحفرة", None)
        assert a.status == "closed" and a.answer == "تم ردم الحفرة وإعادة رصف الطريق."

        def kinds(tid: int) -> list[str]:
            query = select(OutboxItem.kind).where(OutboxItem.ticket_id == tid)
            return list(session.execute(query).scalars())

        assert (kinds(english), kinds(arabic)) == (
            ["ack", "duplicate"],
            ["ack", "duplicate", "resolved"],
        )


def test_system_actor_can_triage(ctx: Context) -> None:
    tid = new_ticket(ctx)
    classify(ctx, tid)
    assert move(ctx, tid, Status.TRIAGED, SYSTEM_ACTOR).status == "triaged"


def test_reply_long_after_close_opens_a_new_ticket_linking_the_old(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.inbound import ThreadHints

    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    move(ctx, tid, Status.RESOLVED, ROADS, note="Fixed.")
    closed = move(ctx, tid, Status.CLOSED, DISPATCHER)
    monkeypatch.setattr(
        ctx.settings, "now", ctx.now() + timedelta(days=ctx.settings.reopen_days + 1)
    )
    hint = ThreadHints(reference=closed.reference, secret=closed.secret)
    late = ingest(
        ctx,
        InboundMessage(
            channel="web", sender="web", text="It broke again", external_id="w10", thread=hint
        ),
    )
    assert late.created and late.ticket_id != tid
    with ctx.sessions() as session:
        old = session.get(Ticket, tid)
        new_created = session.execute(
            select(Event).where(Event.ticket_id == late.ticket_id, Event.kind == "created")
        ).scalar_one()
        assert old is not None and old.status == "closed"
        assert new_created.data["follows"] == closed.reference
        assert [e.kind for e in old.events][-1] == "followed_by"


def closed_with_survey(ctx: Context) -> Ticket:
    tid = new_ticket(ctx)
    classify(ctx, tid)
    move(ctx, tid, Status.TRIAGED, AGENT)
    move(ctx, tid, Status.ASSIGNED, DISPATCHER)
    move(ctx, tid, Status.RESOLVED, ROADS, note="Fixed.")
    move(ctx, tid, Status.CLOSED, DISPATCHER)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, tid)
        assert ticket is not None
        ticket.survey_sent_at = ctx.now()
        return ticket


@pytest.mark.parametrize(("answer", "rating"), [("4", 4), ("٥", 5), ("3/5", 3), ("2 من 5", 2)])
def test_rating_answer_after_survey_is_stored_without_reopening(
    ctx: Context, answer: str, rating: int
) -> None:
    ticket = closed_with_survey(ctx)
    ingest(ctx, InboundMessage(channel="telegram", sender="7", text=answer, external_id="7:rating"))
    with ctx.sessions() as session:
        stored = session.get(Ticket, ticket.id)
        assert stored is not None
        assert (stored.status, stored.satisfaction) == ("closed", rating)


@pytest.mark.parametrize("answer", ["7", "the hole is back", "0"])
def test_other_answers_on_the_surveyed_ticket_reopen_it_as_usual(ctx: Context, answer: str) -> None:
    from core.inbound import ThreadHints

    ticket = closed_with_survey(ctx)
    hint = ThreadHints(reference=ticket.reference, secret=ticket.secret)
    ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender="7", text=answer, external_id="7:again", thread=hint
        ),
    )
    with ctx.sessions() as session:
        stored = session.get(Ticket, ticket.id)
        assert stored is not None and stored.status == "reopened" and stored.satisfaction is None
