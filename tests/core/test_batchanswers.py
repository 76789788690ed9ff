"""A batch asks its senders' usual questions once, and a record earlier in the batch that
changes an answer changes it for the records after it (core.batchanswers)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.context import Context
from core.intake.ingest import accept, process, process_batch
from core.models import Delivery, Event, Message, Status, Ticket
from tests.core.conftest import Mail, Statements


def batch(ctx: Context) -> None:
    result = process_batch(ctx, ("email",))
    assert result.claimed and result.failed == []


def close_with_survey(ctx: Context, ticket_id: int, minutes_ago: int = 0) -> None:
    """Closed, and its satisfaction question sent `minutes_ago`."""
    with ctx.sessions() as session, session.begin():
        ticket = session.get_one(Ticket, ticket_id)
        ticket.status, ticket.closed_at = Status.CLOSED, ctx.now()
        ticket.survey_sent_at = ctx.now() - timedelta(minutes=minutes_ago)


def test_a_batch_asks_its_senders_tickets_and_acknowledgements_once_each(
    ctx: Context, mail: Mail, statements: Statements
) -> None:
    for n in range(3):
        process(ctx, accept(ctx, mail(f"known{n}@example.org")).record_id)
    for n in range(3):
        accept(ctx, mail(f"known{n}@example.org", "A pothole on the Qurum road"))
    accept(ctx, mail("new@example.org"))
    with statements(ctx) as seen:
        batch(ctx)
    surveyed = [s for s in seen if "survey_sent_at IS NOT NULL" in s]
    related = [s for s in seen if "FROM ticket" in s and "ticket.updated_at >=" in s]
    acks = [s for s in seen if "FROM outbox_item" in s and "count(" in s]
    # One each for the batch (per record before: 3 surveyed, 3 related, 4 acknowledgements).
    assert (len(surveyed), len(related), len(acks)) == (1, 1, 1), seen
    with ctx.sessions() as session:  # and the answers were used: each new report related
        related_events = session.execute(
            select(Event).where(Event.kind == "possibly_related")
        ).scalars()
        assert len(list(related_events)) == 6  # on both tickets of each of the three


def test_a_rating_then_a_new_report_in_one_batch(ctx: Context, mail: Mail) -> None:
    first = process(ctx, accept(ctx, mail("rater@example.org")).record_id)
    close_with_survey(ctx, first.ticket_id)
    accept(ctx, mail("rater@example.org", "4"))
    accept(ctx, mail("rater@example.org", "A pothole on the Qurum road"))
    batch(ctx)
    with ctx.sessions() as session:
        rated = session.get_one(Ticket, first.ticket_id)
        assert (rated.status, rated.satisfaction) == (Status.CLOSED, 4)
        tickets = session.execute(select(Ticket).order_by(Ticket.id)).scalars().all()
        assert len(tickets) == 2  # the report is a new ticket, not a rating
        assert tickets[1].satisfaction is None and tickets[1].status == Status.NEW


def test_two_ratings_in_one_batch_rate_two_surveyed_tickets(ctx: Context, mail: Mail) -> None:
    older = process(ctx, accept(ctx, mail("twice@example.org")).record_id)
    newer = process(ctx, accept(ctx, mail("twice@example.org", "A pothole")).record_id)
    close_with_survey(ctx, older.ticket_id, minutes_ago=10)
    close_with_survey(ctx, newer.ticket_id)
    accept(ctx, mail("twice@example.org", "4"))
    accept(ctx, mail("twice@example.org", "5"))
    batch(ctx)
    with ctx.sessions() as session:
        ratings = [session.get_one(Ticket, t.ticket_id).satisfaction for t in (newer, older)]
        count = len(session.execute(select(Ticket)).scalars().all())
    # The first rates the latest surveyed ticket; the second, asking again, the older one
    # (answered from the batch's look-up, it would have found the rated one: a new ticket).
    assert (ratings, count) == ([4, 5], 2)


def test_a_new_report_in_a_batch_is_related_to_the_one_before_it(ctx: Context, mail: Mail) -> None:
    old = process(ctx, accept(ctx, mail("two@example.org")).record_id)
    with ctx.sessions() as session, session.begin():
        session.get_one(Ticket, old.ticket_id).status = Status.CLOSED  # no open ticket
    accept(ctx, mail("two@example.org", "A pothole on the Qurum road"))
    accept(ctx, mail("two@example.org", "Water leaking in Ruwi"))
    batch(ctx)
    with ctx.sessions() as session:
        first, second = session.execute(
            select(Ticket).where(Ticket.id != old.ticket_id).order_by(Ticket.id)
        ).scalars()
        linked = session.execute(
            select(Event.data).where(Event.kind == "possibly_related", Event.ticket_id == second.id)
        ).scalars()
        assert [data["reference"] for data in linked] == [first.reference]


def test_acknowledgements_queued_earlier_in_a_batch_count_against_the_hourly_limit(
    ctx: Context,
    mail: Mail,
) -> None:
    for n in range(4):  # four acknowledgements in the last hour; email allows five
        process(ctx, accept(ctx, mail("robot@example.org", f"report {n}")).record_id)
    for n in range(2):
        accept(ctx, mail("robot@example.org", f"report {4 + n}"))
    batch(ctx)
    with ctx.sessions() as session:
        acks = session.execute(
            select(Message.delivery_status).where(Message.kind == "ack").order_by(Message.id)
        ).scalars()
        assert list(acks) == [Delivery.QUEUED] * 5 + [Delivery.WITHHELD]
