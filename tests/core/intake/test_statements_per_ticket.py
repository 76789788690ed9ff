"""What one new ticket costs the database, counted, so the round trips cannot creep back.

A storm is thousands of new tickets from new citizens; each statement is a round trip to the
server, and on a busy machine round trips, not Python, bound the tickets per second
(bench/RESULTS.md). The bounds are today's counts: a change that adds a statement to the
path of a new ticket must say why here.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

import core.intake.ingest as ingest
from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import accept, process, process_batch
from core.models import Delivery, InboundRecord, InboundStatus, Message, OutboxItem, Ticket
from tests.core.conftest import EMAIL_REPORT, Mail, Statements

# Statements for processing one email that opens a ticket, acknowledged by email. PostgreSQL:
# the record's lock, the sender's lock, the message de-duplication, the identity, the
# reference (sequence), the duplicate candidates, the acknowledgements-per-hour count, then
# one INSERT per table (contact, identity, ticket, events, messages, outbox item, changed
# day for the statistics) and the record's UPDATE. SQLite also counts its transaction's
# PRAGMA and BEGIN, takes the reference from a counter row (an UPDATE and a SELECT) and
# writes each event with its own INSERT. (Before the count was pinned: 27 on PostgreSQL.)
NEW_CONTACT = {"postgresql": 15, "sqlite": 20}
# The same citizen's next report: no contact to write, but their closed tickets waiting for
# a rating and their open ticket (possibly related) are looked up; their addresses come
# with their identity. (19 on PostgreSQL before the reference and the addresses' load
# stopped flushing on their own, and the two messages went in one INSERT: 16 for a new one.)
KNOWN_CONTACT = {"postgresql": 15, "sqlite": 22}


def dialect(ctx: Context) -> str:
    return ctx.engine.dialect.name


def test_a_new_ticket_from_a_new_citizen_costs_a_bounded_number_of_statements(
    routed_ctx: Context,
    mail: Mail,
    statements: Statements,
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("warmup@example.org")).record_id)  # the sequence, caches
    record_id = accept(ctx, mail("first@example.org")).record_id
    with statements(ctx, limit=120) as seen:
        processed = process(ctx, record_id)
    assert processed.created
    assert len(seen) <= NEW_CONTACT[dialect(ctx)], "\n".join(seen)
    with ctx.sessions() as session:  # and it is all there: routed, acknowledged
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None and ticket.routing is not None
        ack = session.execute(select(OutboxItem).where(OutboxItem.ticket_id == ticket.id)).one()
        message = session.get(Message, ack[0].message_id)
        assert message is not None and message.delivery_status == Delivery.QUEUED


def test_a_new_ticket_from_a_known_citizen_costs_a_bounded_number_of_statements(
    routed_ctx: Context,
    mail: Mail,
    statements: Statements,
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("again@example.org")).record_id)
    record_id = accept(ctx, mail("again@example.org", "A pothole on the Qurum road")).record_id
    with statements(ctx, limit=120) as seen:
        processed = process(ctx, record_id)
    assert processed.created
    assert len(seen) <= KNOWN_CONTACT[dialect(ctx)], "\n".join(seen)


def test_a_batch_is_claimed_and_committed_once_for_all_its_records(
    routed_ctx: Context, mail: Mail, statements: Statements
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("warmup@example.org")).record_id)
    ids = [accept(ctx, mail(f"batch{n}@example.org")).record_id for n in range(4)]
    with statements(ctx, limit=120) as seen:
        batch = process_batch(ctx, ("email",))
    assert sorted(c.record_id for c in batch.claimed) == ids and batch.failed == []
    claims = [s for s in seen if s.startswith("SELECT inbound_record.")]
    assert len(claims) == 1
    # Fewer statements per record than alone: one claim and one changed-day mark for all.
    assert len(seen) < 4 * NEW_CONTACT[dialect(ctx)] - 4


def test_a_batch_marks_its_records_done_in_one_update(
    routed_ctx: Context, mail: Mail, statements: Statements
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("warmup@example.org")).record_id)
    ids = [accept(ctx, mail(f"done{n}@example.org")).record_id for n in range(3)]
    with statements(ctx, limit=120) as seen:
        batch = process_batch(ctx, ("email",))
    assert [s for s in seen if s.startswith("UPDATE inbound_record")] == [
        next(s for s in seen if s.startswith("UPDATE inbound_record"))
    ]
    with ctx.sessions() as session:
        records = session.execute(select(InboundRecord).where(InboundRecord.id.in_(ids))).scalars()
        done = {
            r.id: (r.status, r.attempts, r.ticket_id, r.processed_at is not None) for r in records
        }
    assert done == {
        c.record_id: (InboundStatus.DONE, 1, c.processed.ticket_id, True) for c in batch.claimed
    }


def test_a_known_citizens_new_ticket_is_written_in_one_flush(
    routed_ctx: Context, mail: Mail
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("flush@example.org")).record_id)
    accept(ctx, mail("flush@example.org", "A pothole on the Qurum road"))
    flushes: list[int] = []

    def writing(session: Any, *_: Any) -> None:
        if session.new or session.dirty:
            flushes.append(len(session.new))

    event.listen(Session, "before_flush", writing)
    try:
        batch = process_batch(ctx, ("email",))
    finally:
        event.remove(Session, "before_flush", writing)
    assert batch.claimed[0].processed.created
    # The ticket, its events, the citizen's message, the acknowledgement and its outbox item
    # together: a flush of its own for the reference or the addresses' load costs CPU, and
    # so would one for a contact marked changed with nothing to write (core.newrows writes
    # the rows after the session's before_flush hooks have seen them: one flush here).
    assert len(flushes) == 1, flushes


def test_a_failing_record_in_a_batch_fails_alone_and_the_others_land(
    routed_ctx: Context, mail: Mail, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = routed_ctx
    handle = ingest.handle_message

    def failing(ctx: Context, session: Any, msg: InboundMessage, record: Any) -> Any:
        if msg.text == "boom":
            raise RuntimeError("this record cannot be processed")
        return handle(ctx, session, msg, record)

    monkeypatch.setattr(ingest, "handle_message", failing)
    ids = [
        accept(ctx, mail(f"c{n}@example.org", "boom" if n == 1 else EMAIL_REPORT)).record_id
        for n in range(3)
    ]
    batch = process_batch(ctx, ("email",))
    assert sorted(c.record_id for c in batch.claimed) == [ids[0], ids[2]]
    assert batch.failed == [ids[1]]
    with ctx.sessions() as session:
        status = {
            r.id: (r.status, r.attempts) for r in session.execute(select(InboundRecord)).scalars()
        }
        tickets = session.execute(select(Ticket)).scalars().all()
    assert status[ids[0]][0] == status[ids[2]][0] == InboundStatus.DONE
    assert status[ids[1]] == (InboundStatus.FAILED, 1)  # tried alone once, not counted twice
    assert len(tickets) == 2  # none made twice by the retry


def test_a_batch_looks_its_senders_up_in_one_query(
    routed_ctx: Context, mail: Mail, statements: Statements
) -> None:
    ctx = routed_ctx
    for n in range(3):
        process(ctx, accept(ctx, mail(f"known{n}@example.org")).record_id)
    for n in range(3):
        accept(ctx, mail(f"known{n}@example.org", "A pothole on the Qurum road"))
    accept(ctx, mail("new@example.org"))
    with statements(ctx, limit=120) as seen:
        batch = process_batch(ctx, ("email",))
    assert len(batch.claimed) == 4 and batch.failed == []
    lookups = [s for s in seen if s.startswith("SELECT contact_identity.")]
    assert len(lookups) == 1, lookups
    with ctx.sessions() as session:
        owners = {t.contact.email: t.contact_id for t in session.execute(select(Ticket)).scalars()}
    assert len(owners) == 4  # each known citizen's new report joined their own contact


def test_two_first_messages_of_one_new_citizen_in_a_batch_make_one_contact(
    routed_ctx: Context,
    mail: Mail,
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("warmup@example.org")).record_id)
    accept(ctx, mail("twice@example.org"))
    accept(ctx, mail("twice@example.org", "A pothole on the Qurum road"))
    batch = process_batch(ctx, ("email",))
    assert len(batch.claimed) == 2 and batch.failed == []
    with ctx.sessions() as session:
        contacts = {
            t.contact_id
            for t in session.execute(select(Ticket).where(Ticket.channel == "email")).scalars()
            if t.contact.email == "twice@example.org"
        }
    assert len(contacts) == 1


def test_a_batch_looks_its_messages_up_in_one_query(routed_ctx: Context, mail: Mail) -> None:
    ctx = routed_ctx
    done = accept(ctx, mail("seen@example.org")).record_id
    process(ctx, done)
    with ctx.sessions() as session, session.begin():  # as after a crash before the commit
        session.get_one(InboundRecord, done).status = InboundStatus.PENDING
    for n in range(3):
        accept(ctx, mail(f"unseen{n}@example.org"))
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statement = " ".join(statement.split())
        if " FROM message WHERE message.channel = " in statement:
            seen.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        batch = process_batch(ctx, ("email",))
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)
    assert len(batch.claimed) == 4 and batch.failed == []
    assert len(seen) == 1, seen  # not one "already stored?" per record
    again = next(c.processed for c in batch.claimed if c.record_id == done)
    assert again.duplicate and not again.created  # the stored one is still found
    assert [c.processed.created for c in batch.claimed if c.record_id != done] == [True] * 3


def test_a_batchs_new_tickets_take_their_references_in_one_statement_in_order(
    routed_ctx: Context, mail: Mail, statements: Statements
) -> None:
    ctx = routed_ctx
    process(ctx, accept(ctx, mail("warmup@example.org")).record_id)  # the sequence, caches
    ids = [accept(ctx, mail(f"ref{n}@example.org")).record_id for n in range(4)]
    with statements(ctx, limit=120) as seen:
        batch = process_batch(ctx, ("email",))
    assert sorted(c.record_id for c in batch.claimed) == ids and batch.failed == []
    with ctx.sessions() as session:
        by_record = dict(
            session.execute(
                select(InboundRecord.id, Ticket.reference)
                .join(Ticket, Ticket.id == InboundRecord.ticket_id)
                .where(InboundRecord.id.in_(ids))
            ).all()
        )
    numbers = [int(by_record[i].rsplit("-", 1)[1]) for i in ids]
    assert numbers == sorted(set(numbers))  # distinct, increasing in the records' order
    taken = [s for s in seen if "ticket_ref_" in s or "UPDATE counter" in s]
    # PostgreSQL: one statement for the batch's four (was one per ticket); SQLite keeps its
    # counter row, one bump per ticket.
    assert len(taken) == {"postgresql": 1, "sqlite": 4}[dialect(ctx)], taken
