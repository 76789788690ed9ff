"""A batch's new tickets, messages, outbox items and events wait for its end and go in one
COPY per table (PostgreSQL; core.batchrows): the same rows as processed alone, read by any statement
that needs them before, kept by a rolled-back savepoint, dropped by a rollback; a record that
fails makes the batch fail, and each record is then processed alone."""

from __future__ import annotations

import json
import secrets
from typing import Any

import pytest
from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.batchrows import copy_rows, deferred_rows, derived
from core.context import Context
from core.intake.ingest import accept, process, process_batch
from core.models import (
    Attachment,
    Base,
    Contact,
    ContactIdentity,
    Direction,
    Event,
    InboundRecord,
    InboundStatus,
    Message,
    OutboxItem,
    Status,
    Ticket,
)
from core.newrows import flush_new_rows
from core.tickets import new_secret, record_event
from tests.core.conftest import Mail, Statements

TEXTS = (
    "Street lights have been off for a week on way 3021 in Al Khuwair",
    "A deep pothole on the Qurum road near the roundabout",
    "Water leaking from a pipe on the street behind the mosque in Ruwi",
)
# Reports like TEXTS, none like any of them (they would be suggested as duplicates).
OTHER_TEXTS = (
    "Rubbish bins overflowing for days beside the school in Seeb",
    "Stray dogs chasing children every evening at the park in Bawshar",
    "Broken traffic signal flashing at the junction near Muttrah souq",
)


def inserted(sent: list[str]) -> list[str]:
    """The table of each INSERT or COPY (a batch's waiting rows) among the statements sent."""
    return [
        s.split()[2] if s.startswith("INSERT INTO ") else s.split()[1]
        for s in sent
        if s.startswith(("INSERT INTO ", "COPY "))
    ]


def postgresql(ctx: Context) -> bool:
    return ctx.engine.dialect.name == "postgresql"


def test_a_batch_writes_its_tickets_messages_outbox_items_and_events_in_one_statement_each(
    ctx: Context, mail: Mail, statements: Statements
) -> None:
    for n in range(4):
        accept(ctx, mail(f"citizen{n}@example.org", TEXTS[n % 3]))
    with statements(ctx) as sent:
        result = process_batch(ctx, ("email",))
    seen = inserted(sent)
    assert len(result.claimed) == 4 and result.failed == []
    tables = ("ticket", "message", "outbox_item", "event")
    written = tuple(seen.count(table) for table in tables)
    if postgresql(ctx):
        assert written == (1, 1, 1, 1), seen
        copied = [s.split()[1] for s in sent if s.startswith("COPY ")]
        assert all(table in copied for table in tables), sent
    else:  # SQLite writes them per record
        assert min(written) >= 4, seen
    with ctx.sessions() as session:
        assert session.execute(select(func.count()).select_from(Message)).scalar_one() == 8
        assert session.execute(select(func.count()).select_from(OutboxItem)).scalar_one() == 4


def test_a_batch_writes_its_first_contacts_and_their_identities_in_one_statement_each(
    ctx: Context, mail: Mail, statements: Statements
) -> None:
    senders = [f"first{n}@example.org" for n in range(4)]
    for n, sender in enumerate(senders):
        accept(ctx, mail(sender, TEXTS[n % 3]))
    with statements(ctx) as sent:
        result = process_batch(ctx, ("email",))
    seen = inserted(sent)
    assert len(result.claimed) == 4 and result.failed == []
    written = (seen.count("contact"), seen.count("contact_identity"))
    assert written == ((1, 1) if postgresql(ctx) else (4, 4)), seen
    with ctx.sessions() as session:
        for sender in senders:
            identity = session.execute(
                select(ContactIdentity).where(ContactIdentity.address == sender)
            ).scalar_one()
            tickets = session.execute(
                select(Ticket).where(Ticket.contact_id == identity.contact_id)
            ).scalars()
            assert {t.contact.email for t in tickets} == {sender}
            assert identity.contact.created_at is not None and identity.unreachable is False


def test_a_batch_of_one_record_writes_as_the_record_alone(
    ctx: Context, mail: Mail, statements: Statements
) -> None:
    accept(ctx, mail("alone@example.org", TEXTS[0]))
    with statements(ctx) as sent:
        assert len(process_batch(ctx, ("email",)).claimed) == 1
    seen = inserted(sent)
    assert not [s for s in sent if "generate_series" in s]  # no ids reserved
    assert seen.count("outbox_item") == 1 and seen.count("event") == 1


def written(ctx: Context, senders: list[str], texts: tuple[str, ...]) -> list[Any]:
    """Each sender's ticket's messages, outbox items and events, with the references,
    secrets, addresses, texts and ids that differ between two runs replaced by names."""
    found = []
    with ctx.sessions() as session:
        for n, sender in enumerate(senders):
            ticket = session.execute(
                select(Ticket).join(Ticket.contact).where(Contact.email == sender)
            ).scalar_one()
            messages = session.execute(
                select(Message).where(Message.ticket_id == ticket.id).order_by(Message.id)
            ).scalars()
            ids = {}
            rows: dict[str, Any] = {"messages": [], "outbox": [], "events": []}
            replaced = [(ticket.reference, "REF"), (ticket.secret, "SECRET"), (sender, "S")]
            replaced.append((texts[n], "TEXT"))
            for k, m in enumerate(messages):
                ids[m.id] = k
                if m.external_id:
                    replaced.append((m.external_id, "MESSAGE-ID"))
                rows["messages"].append(
                    (m.direction, m.channel, m.kind, m.text, m.language, m.delivery_status)
                )
            for item in session.execute(
                select(OutboxItem).where(OutboxItem.ticket_id == ticket.id).order_by(OutboxItem.id)
            ).scalars():
                rows["outbox"].append(
                    (ids[item.message_id], item.channel, item.address, item.kind, item.status)
                    + (item.payload, item.attempts, item.next_attempt_at == item.created_at)
                )
            for e in session.execute(
                select(Event).where(Event.ticket_id == ticket.id).order_by(Event.id)
            ).scalars():
                rows["events"].append((e.kind, e.actor, e.actor_id, e.data))
            dumped = json.dumps(rows, default=str)
            for old, new in replaced:
                dumped = dumped.replace(old, new)
            found.append((n, ticket.status, ticket.subject, json.loads(dumped)))
    return found


def test_a_batch_writes_the_rows_its_records_write_alone(ctx: Context, mail: Mail) -> None:
    alone = [f"alone{n}@example.org" for n in range(3)]
    for n, sender in enumerate(alone):
        process(ctx, accept(ctx, mail(sender, TEXTS[n])).record_id)
    batched = [f"batched{n}@example.org" for n in range(3)]
    for n, sender in enumerate(batched):
        accept(ctx, mail(sender, OTHER_TEXTS[n]))
    assert len(process_batch(ctx, ("email",)).claimed) == 3
    expected = written(ctx, alone, TEXTS)
    assert expected[0][3]["outbox"] and expected[0][3]["events"]
    assert written(ctx, batched, OTHER_TEXTS) == expected


def test_a_waiting_row_the_database_refuses_raises_as_its_insert_would(ctx: Context) -> None:
    """A COPY the database refuses raises SQLAlchemy's error for it (IntegrityError), as the
    INSERT did, not the driver's own."""
    if not postgresql(ctx):
        pytest.skip("SQLite writes each record's rows itself")
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Salim", email="salim@example.org")
        session.add(contact)
        session.flush()
        row = {"id": contact.id, "name": "Salim", "created_at": contact.created_at}
        with pytest.raises(IntegrityError):
            copy_rows(session.connection(), Base.metadata.tables["contact"], tuple(row), [row])
        session.rollback()


def test_one_bad_record_in_a_batch_fails_alone_and_the_others_land(
    ctx: Context, mail: Mail
) -> None:
    ids = [accept(ctx, mail(f"citizen{n}@example.org", TEXTS[n])).record_id for n in range(3)]
    bad = accept(ctx, mail("bad@example.org", "BAD: a leak in Ruwi")).record_id

    def refuse(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        writes = statement.startswith(("INSERT INTO message", "COPY message"))
        if writes and "BAD: a leak" in str(parameters):
            raise RuntimeError("the database refused the row")

    event.listen(ctx.engine, "before_cursor_execute", refuse)
    try:
        result = process_batch(ctx, ("email",))
    finally:
        event.remove(ctx.engine, "before_cursor_execute", refuse)
    assert sorted(c.record_id for c in result.claimed) == sorted(ids)
    assert result.failed == [bad]
    with ctx.sessions() as session:
        records = {r.id: r for r in session.execute(select(InboundRecord)).scalars()}
        assert all(records[i].status == InboundStatus.DONE for i in ids)
        assert records[bad].status == InboundStatus.FAILED
        assert "refused" in (records[bad].error or "")
        messages = session.execute(select(Message.direction, Message.ticket_id)).all()
        assert sorted(d for d, _ in messages) == sorted([Direction.IN, Direction.OUT] * 3)
        tickets = session.execute(select(Ticket.id)).scalars().all()
        assert len(tickets) == 3  # the bad record's ticket rolled back with it


def a_ticket(session: Session) -> tuple[Ticket, Message]:
    """A new ticket with its first message, written as a batch writes them."""
    contact = Contact(name="Salim", email="salim@example.org")
    session.add(contact)
    ticket = Ticket(
        reference=f"T-{secrets.token_hex(3)}",
        secret=new_secret(),
        status=Status.NEW,
        channel="email",
        contact=contact,
        subject="Leak",
    )
    message = Message(ticket=ticket, direction=Direction.IN, channel="email", text="A leak")
    session.add_all([ticket, message])
    record_event(session, ticket, "created", channel="email")
    flush_new_rows(session)
    return ticket, message


def count(session: Session, model: type[Any]) -> int:
    return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_waiting_objects_hold_every_column_as_their_written_rows(ctx: Context) -> None:
    """Each waiting object is loaded as after a flush (no column left to load, which would
    write the batch's rows early) with the values its row is then written with: a column
    with no value None, a Python-side default taken."""
    with ctx.sessions() as session, session.begin(), deferred_rows(session, 1):
        ticket, message = a_ticket(session)
        held = {}
        for obj in (ticket.contact, ticket, message):
            state = inspect(obj)
            columns = state.mapper.column_attrs.keys()
            assert state.persistent and not state.unloaded & set(columns)
            held[type(obj)] = {key: state.dict[key] for key in columns}
        assert ticket.address is None and ticket.reopen_count == 0  # left out, a default
    with ctx.sessions() as session:
        for cls, values in held.items():
            obj = session.get(cls, values["id"])
            assert {key: getattr(obj, key) for key in values} == values


def test_waiting_rows_are_written_before_a_statement_that_reads_them(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin(), deferred_rows(session, 1):
        ticket, message = a_ticket(session)
        assert message.id is not None and inspect(message).persistent
        assert session.execute(select(Ticket.id)).scalars().all() == [ticket.id]
        assert count(session, Message) == 1
        assert session.execute(text("SELECT count(*) FROM event")).scalar_one() == 1


def test_raw_sql_sees_the_waiting_rows(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin(), deferred_rows(session, 1):
        _ticket, message = a_ticket(session)
        found = session.execute(text("SELECT id FROM message")).scalars().all()
        assert found == [message.id]


def test_a_rolled_back_savepoint_keeps_the_rows_waiting_before_it(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin(), deferred_rows(session, 1):
        ticket, message = a_ticket(session)
        savepoint = session.begin_nested()
        session.add(Message(ticket=ticket, direction=Direction.NOTE, channel="email", text="x"))
        flush_new_rows(session)
        savepoint.rollback()
        assert inspect(message).persistent
    with ctx.sessions() as session:
        assert session.execute(select(Message.text)).scalars().all() == ["A leak"]
        assert session.execute(select(Event.kind)).scalars().all() == ["created"]


def test_a_rollback_drops_the_waiting_rows(ctx: Context) -> None:
    with ctx.sessions() as session:
        session.begin()
        with pytest.raises(RuntimeError), deferred_rows(session, 1):
            _ticket, message = a_ticket(session)
            raise RuntimeError("the batch failed")
        session.rollback()
        assert inspect(message).transient
        assert (count(session, Ticket), count(session, Message), count(session, Event)) == (0, 0, 0)
        session.commit()


def test_a_waiting_message_changed_or_referred_to_is_written_first(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin(), deferred_rows(session, 1):
        _ticket, message = a_ticket(session)
        message.kind = "courtesy"
        session.add(
            Attachment(
                message=message, filename="a.jpg", content_type="image/jpeg", size=1, sha256="0"
            )
        )
        session.flush()
    with ctx.sessions() as session:
        assert session.execute(select(Message.kind)).scalars().all() == ["courtesy"]
        assert count(session, Attachment) == 1


class Made:
    """A `derived` maker that records each value it is called with."""

    def __init__(self) -> None:
        self.calls: list[Any] = []

    def __call__(self, value: Any) -> tuple[int, ...]:
        self.calls.append(value)
        return tuple(sorted(value.values()))


def test_a_value_is_derived_once_per_batch_and_anew_in_the_next(ctx: Context) -> None:
    value, equal, make = {"a": 1, "b": 2}, {"a": 1, "b": 2}, Made()
    with ctx.sessions() as session, session.begin():
        with deferred_rows(session, 2):
            assert derived(session, value, make) == derived(session, value, make) == (1, 2)
            derived(session, equal, make)  # an equal object is another value
        with deferred_rows(session, 2):  # the next batch made it again: nothing kept
            derived(session, value, make)
        derived(session, value, make)  # outside a batch: made each time
    once = [value, equal, value] if postgresql(ctx) else [value, value, equal, value]
    assert [id(v) for v in make.calls] == [id(v) for v in [*once, value]]


def test_a_rolled_back_batch_forgets_what_it_derived(ctx: Context) -> None:
    value, make = {"a": 1}, Made()
    with ctx.sessions() as session:
        session.begin()
        with deferred_rows(session, 2):
            derived(session, value, make)
            session.rollback()  # the batch's store goes with its rows
            derived(session, value, make)
    assert len(make.calls) == 2
