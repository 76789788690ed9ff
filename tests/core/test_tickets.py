"""record_event: audit rows written with one Core INSERT, when ORM objects would have been.

Events are queued on the session and written at its next flush, before a query that
autoflushes, and before commit (core.tickets.write_events), in the order recorded; a
rollback drops them, a savepoint's rollback only those recorded inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.models import Contact, Event, Status, Ticket
from core.tickets import _next_value, new_secret, next_reference, record_event

T0 = datetime(2025, 1, 5, 5, 0, tzinfo=UTC)


def a_ticket(ctx: Context, sender: str = "7") -> int:
    message = InboundMessage(
        channel="telegram", sender=sender, text="Pothole", external_id=f"{sender}:pothole"
    )
    return ingest(ctx, message).ticket_id


def kinds(session: Session, ticket_id: int) -> list[str]:
    return list(
        session.execute(
            select(Event.kind).where(Event.ticket_id == ticket_id).order_by(Event.id)
        ).scalars()
    )


@contextmanager
def inserts_into_event(ctx: Context) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.startswith("INSERT INTO event"):
            seen.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)


def test_events_are_written_in_the_order_recorded_with_their_times(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        record_event(session, ticket, "first", at=T0, n=1)
        record_event(session, ticket, "second", actor="agent@mct.om", n=2)
        record_event(session, ticket, "third", at=T0, n=3)
    with ctx.sessions() as session:
        rows = session.execute(
            select(Event).where(Event.ticket_id == ticket_id, Event.kind != "created")
        ).scalars()
        written = [(e.kind, e.actor, e.data, e.created_at) for e in rows if e.data.get("n")]
    assert [(k, a, d) for k, a, d, _ in written] == [
        ("first", "system", {"n": 1}),
        ("second", "agent@mct.om", {"n": 2}),
        ("third", "system", {"n": 3}),
    ]
    assert written[0][3] == written[2][3] == T0
    assert written[1][3] > T0  # no `at`: the column's default, now


def test_a_query_after_record_event_sees_it_unless_autoflush_is_off(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        record_event(session, ticket, "hidden", at=T0)
        with session.no_autoflush:
            assert "hidden" not in kinds(session, ticket_id)
        assert kinds(session, ticket_id)[-1] == "hidden"


def test_a_loaded_events_collection_shows_a_new_event(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        before = [e.kind for e in ticket.events]
        record_event(session, ticket, "later", at=T0)
        assert [e.kind for e in ticket.events] == [*before, "later"]


def test_a_new_tickets_events_are_written_after_it_in_one_insert(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="A citizen")
        ticket = Ticket(
            reference="MCT-900001",
            secret=new_secret(),
            status=Status.NEW,
            channel="telegram",
            contact=contact,
            created_at=T0,
            updated_at=T0,
        )
        session.add(ticket)
        record_event(session, ticket, "created", at=T0)
        record_event(session, ticket, "routed", at=T0)
        with inserts_into_event(ctx) as inserts:
            session.flush()
        assert len(inserts) == 1
        assert kinds(session, ticket.id) == ["created", "routed"]


def test_events_are_written_at_commit_without_a_flush(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        record_event(session, ticket, "committed", at=T0)
        session.commit()
    with ctx.sessions() as session:
        assert kinds(session, ticket_id)[-1] == "committed"


def test_a_rollback_drops_the_events_recorded(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        record_event(session, ticket, "dropped", at=T0)
        session.rollback()
        session.commit()
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        record_event(session, ticket, "kept", at=T0)
        session.commit()
    with ctx.sessions() as session:
        assert "dropped" not in kinds(session, ticket_id)
        assert kinds(session, ticket_id)[-1] == "kept"


def test_a_session_closed_without_commit_leaves_nothing_for_the_next(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        with session.no_autoflush:
            record_event(session, ticket, "abandoned", at=T0)
        session.close()
        with session.begin():
            pass
    with ctx.sessions() as session:
        assert "abandoned" not in kinds(session, ticket_id)


def test_a_savepoints_rollback_drops_only_its_own_events(ctx: Context) -> None:
    ticket_id = a_ticket(ctx)
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        with session.no_autoflush:
            record_event(session, ticket, "outer", at=T0)
        savepoint = session.begin_nested()
        with session.no_autoflush:
            record_event(session, ticket, "inner", at=T0)
        savepoint.rollback()
    with ctx.sessions() as session:
        written = kinds(session, ticket_id)
    assert "outer" in written and "inner" not in written


def test_an_event_brings_its_new_ticket_into_the_session(ctx: Context) -> None:
    with ctx.sessions() as session:
        ticket = Ticket(
            reference="MCT-900002",
            secret=new_secret(),
            status=Status.NEW,
            channel="telegram",
            contact=Contact(name="A citizen"),
        )
        record_event(session, ticket, "created", at=T0)
        session.commit()
        ticket_id = ticket.id
    with ctx.sessions() as session:
        assert kinds(session, ticket_id) == ["created"]


def test_an_event_of_a_ticket_no_longer_in_the_session_fails_the_commit(ctx: Context) -> None:
    with ctx.sessions() as session:
        ticket = Ticket(reference="MCT-900003", secret=new_secret(), channel="telegram")
        record_event(session, ticket, "orphan", at=T0)
        session.expunge(ticket)
        with pytest.raises(Exception, match="never written"):
            session.commit()


def test_references_follow_each_other_from_one_statement_built_once(ctx: Context) -> None:
    """Each new ticket takes the next number (the sequence on PostgreSQL, the counter on
    SQLite); on PostgreSQL its `nextval` statement is built once, not per ticket."""
    with ctx.sessions() as session, session.begin():
        first = next_reference(session, "BLT")
        hits = _next_value.cache_info().hits
        second, third = next_reference(session, "BLT"), next_reference(session, "BLT")
        sequence = ctx.engine.dialect.name == "postgresql"
        assert _next_value.cache_info().hits - hits == (2 if sequence else 0)
    numbers = [int(reference.split("-")[1]) for reference in (first, second, third)]
    assert first.startswith("BLT-") and numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]
