"""flush_new_rows: a new ticket's rows by Core inserts, with every flush-time rule kept.

The ticket, its messages and outbox items (and a first contact) are written without the unit
of work when they are all that is new (core.newrows); the objects end as a flush leaves
them, the session's and mappers' flush hooks run, a rollback expunges them, and anything
else falls back to an ordinary flush.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, unitofwork
from sqlalchemy.orm.attributes import instance_state

from core.context import Context
from core.delivery.courier import when_queued
from core.geogrid import grid_cell
from core.intake.ingest import ingest
from core.models import (
    Attachment,
    Contact,
    Direction,
    Event,
    Message,
    OutboxItem,
    StatsDirty,
    Status,
    Ticket,
)
from core.newrows import ORDER, _mapper, flush_new_rows
from core.tickets import new_secret, record_event
from tests.core.conftest import Mail

LEAK = "Water leaking on way 3021"


@contextmanager
def units_of_work(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """The unit-of-work flushes executed: each appends the names of the new objects it wrote
    (a record marked done, or a contact left dirty by a backref, write no new object)."""
    seen: list[list[str]] = []
    execute = unitofwork.UOWTransaction.execute

    def counted(self: unitofwork.UOWTransaction) -> None:
        seen.append(sorted(type(s.obj()).__name__ for s in self.states if s.key is None))
        execute(self)

    monkeypatch.setattr(unitofwork.UOWTransaction, "execute", counted)
    yield seen


def a_ticket(session: Session, contact: Contact, **values: Any) -> Ticket:
    ticket = Ticket(
        reference=f"T-{secrets.token_hex(3)}",
        secret=new_secret(),
        status=Status.NEW,
        channel="email",
        contact=contact,
        subject="Leak",
        **values,
    )
    session.add(ticket)
    return ticket


def test_a_known_citizens_new_ticket_is_written_without_a_unit_of_work(
    ctx: Context, mail: Mail, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(ctx, mail("known@example.org", LEAK, "Leak"))
    with units_of_work(monkeypatch) as flushed:
        processed = ingest(ctx, mail("known@example.org", "A pothole near the roundabout", "Leak"))
    assert processed.created
    # The stored record is the only new row the unit of work writes (when stored).
    assert all(names in ([], ["InboundRecord"]) for names in flushed), flushed
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        assert [(m.direction, m.kind) for m in ticket.messages] == [
            (Direction.IN, "message"),
            (Direction.OUT, "ack"),
        ]
        item = session.execute(select(OutboxItem).where(OutboxItem.ticket_id == ticket.id)).one()
        assert item[0].message_id == ticket.messages[1].id
        assert "pothole" in (ticket.search_text or "")
        assert [e.kind for e in ticket.events][0] == "created"


def test_a_first_contacts_rows_are_written_with_their_ticket(
    ctx: Context, mail: Mail, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(ctx, mail("earlier@example.org", LEAK, "Leak"))  # SQLite's reference counter row exists
    with units_of_work(monkeypatch) as flushed:
        processed = ingest(ctx, mail("first@example.org", LEAK, "Leak"))
    assert all(names in ([], ["InboundRecord"]) for names in flushed), flushed
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None and ticket.contact.email == "first@example.org"
        assert [i.address for i in ticket.contact.identities] == ["first@example.org"]
        assert "first example org" in (ticket.search_text or "")  # its contact, folded


def test_the_flush_hooks_see_the_rows_written_by_core(ctx: Context) -> None:
    woken: list[bool] = []
    stop = when_queued(ctx.sessions, lambda: woken.append(True))
    try:
        with ctx.sessions() as session, session.begin():
            contact = Contact(name="Salim", email="salim@example.org")
            session.add(contact)
            ticket = a_ticket(session, contact, lat=23.588, lon=58.382)
            session.add(
                Message(ticket=ticket, direction=Direction.IN, channel="email", text="تسرب")
            )
            message = Message(ticket=ticket, direction=Direction.OUT, channel="email", text="ack")
            item = OutboxItem(
                ticket=ticket, message=message, channel="email", address="s@x.org", payload={}
            )
            session.add(item)
            record_event(session, ticket, "created")
            flush_new_rows(session)
            assert not session.new and not session.dirty
            assert woken == []  # only once committed
            assert ticket.geo_cell == grid_cell(23.588, 58.382)  # the mapper's before_insert
            assert ticket.search_text is not None and "salim" in ticket.search_text
            days = session.execute(select(func.count()).select_from(StatsDirty)).scalar_one()
            assert days >= 1  # the statistics' changed day
            events = session.execute(select(Event.kind).where(Event.ticket_id == ticket.id))
            assert list(events.scalars()) == ["created"]
            assert item.message_id == message.id and ticket.contact_id == contact.id
        assert woken == [True]  # the courier's wake-up
    finally:
        stop()


def test_written_objects_are_persistent_and_loaded_as_after_a_flush(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Huda")
        session.add(contact)
        ticket = a_ticket(session, contact)
        message = Message(ticket=ticket, direction=Direction.IN, channel="email", text="hi")
        flush_new_rows(session)
        for obj in (contact, ticket, message):
            state = inspect(obj)
            columns = set(state.mapper.column_attrs.keys())
            assert state.persistent and not state.unloaded & columns and not state.modified
        assert session.get(Ticket, ticket.id) is ticket
        assert ticket.messages == [message] and ticket.reopen_count == 0  # defaults returned


def test_a_rollback_leaves_the_written_objects_transient(ctx: Context) -> None:
    with ctx.sessions() as session:
        session.begin()
        contact = Contact(name="Ahmed")
        session.add(contact)
        ticket = a_ticket(session, contact)
        flush_new_rows(session)
        assert ticket.id is not None
        session.rollback()
        assert inspect(ticket).transient and inspect(contact).transient
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 0


def test_a_savepoint_rollback_undoes_only_its_own_rows(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        kept_contact = Contact(name="Kept")
        session.add(kept_contact)
        kept = a_ticket(session, kept_contact)
        flush_new_rows(session)
        savepoint = session.begin_nested()
        gone = a_ticket(session, kept_contact)
        flush_new_rows(session)
        savepoint.rollback()
        assert inspect(gone).transient and inspect(kept).persistent
        ids = session.execute(select(Ticket.id)).scalars().all()
        assert ids == [kept.id]


def test_other_new_objects_are_written_by_the_unit_of_work(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Mona")
        session.add(contact)
        ticket = a_ticket(session, contact)
        message = Message(ticket=ticket, direction=Direction.IN, channel="email", text="photo")
        session.add(
            Attachment(
                message=message, filename="a.jpg", content_type="image/jpeg", size=1, sha256="0"
            )
        )
        with units_of_work(monkeypatch) as flushed:
            flush_new_rows(session)
        assert flushed == [["Attachment", "Contact", "Message", "Ticket"]]
        assert inspect(ticket).persistent and message.attachments[0].id is not None


def test_a_query_in_a_flush_hook_does_not_write_the_rows_twice(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    def counting(session: Session, *_: Any) -> None:
        session.execute(select(func.count()).select_from(Ticket)).scalar_one()

    with ctx.sessions() as session, session.begin():
        event.listen(session, "before_flush", counting)
        contact = Contact(name="Said")
        session.add(contact)
        ticket = a_ticket(session, contact)
        with units_of_work(monkeypatch) as flushed:
            flush_new_rows(session)
        assert flushed == []
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 1
        assert inspect(ticket).persistent


@pytest.mark.parametrize("cls", ORDER, ids=lambda cls: cls.__name__)
def test_the_mapper_taken_without_the_inspection_registry_is_inspects(cls: type[Any]) -> None:
    """`_mapper` and `instance_state` answer what `inspect` does, without its look-up by
    the class's MRO (some sixty calls a new ticket, 1.2-1.9 us each)."""
    assert _mapper(cls) is inspect(cls)
    obj = cls()
    assert instance_state(obj) is inspect(obj)
