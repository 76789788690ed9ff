"""Answers a batch of inbound records looked up together, kept until the batch changes them.

A worker processes a batch of records in one transaction (core.intake.ingest.process_batch).
Some questions every record asks almost always find nothing: the sender's closed ticket
waiting for a rating, their open ticket a new email may be related to, the
acknowledgements their address had this hour. Asked per record, each was a statement of its
own (bench/RESULTS.md, session 10). The batch asks each question once for all its senders,
with the same SQL as the record's own query, and a record takes its answer from here.

An earlier record of the batch can change a later record's answer (a rating, a reopened or
a new ticket, an acknowledgement queued). So an answer is kept only until the batch writes
what it depends on: each answer names it (a contact's tickets, an address's outbox items),
each flush forgets the answers that depend on what it wrote (`process_batch` flushes after
every record), and a bulk UPDATE or DELETE of those tables, a rollback or the end of the
transaction forgets them all. A record whose answer was forgotten asks its own query, as
alone. No rule is decided here: an answer is the SQL's, as of the batch's claim (every
record in the batch was received before it).
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import chain
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from core.models import Contact, ContactIdentity, OutboxItem, Ticket

# session.info: (question, key) -> (what the answer depends on, the answer).
_ANSWERS = "balagh_batch_answers"
# Tables whose bulk UPDATE or DELETE (a contacts' merge moves tickets by one) could change
# any answer: all are forgotten.
_WATCHED = frozenset(
    mapper.local_table.name  # type: ignore[attr-defined]
    for mapper in map(inspect, (Contact, ContactIdentity, OutboxItem, Ticket))
)
_NOT_KNOWN = (False, None)


def tickets_of(contact_id: int) -> tuple[str, int]:
    """An answer about this contact's tickets."""
    return ("tickets", contact_id)


def outbox_to(channel: str, address: str) -> tuple[str, str, str]:
    """An answer about the outbox items to this address."""
    return ("outbox", channel, address)


def remember(
    session: Session, question: str, key: Hashable, depends: tuple[Any, ...], answer: Any
) -> None:
    """Keep a batch's answer to `question` for `key` until the batch writes `depends`."""
    answers: dict[tuple[str, Hashable], tuple[tuple[Any, ...], Any]]
    answers = session.info.setdefault(_ANSWERS, {})
    answers[(question, key)] = (depends, answer)


def recall(session: Session, question: str, key: Hashable) -> tuple[bool, Any]:
    """(True, the answer) when the batch looked it up and has not changed it since;
    (False, None) when the caller must ask its own query."""
    answers = session.info.get(_ANSWERS)
    if not answers:
        return _NOT_KNOWN
    found = answers.get((question, key))
    return _NOT_KNOWN if found is None else (True, found[1])


def _written(session: Session) -> set[tuple[Any, ...]]:
    """What a flush writes that an answer may depend on: the contacts whose tickets change
    (before and after, should a ticket change hands) and the addresses of outbox items."""
    written: set[tuple[Any, ...]] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Ticket):
            history = inspect(obj).attrs.contact_id.history
            for contact_id in chain(history.added, history.unchanged, history.deleted):
                written.add(tickets_of(contact_id))
        elif isinstance(obj, OutboxItem):
            written.add(outbox_to(obj.channel, obj.address))
    return written


@event.listens_for(Session, "after_flush")
def _forget_written(session: Session, _context: Any) -> None:
    """The answers that depend on what this flush wrote (also core.newrows' Core inserts,
    which run the session's flush hooks)."""
    answers = session.info.get(_ANSWERS)
    if not answers:
        return
    written = _written(session)
    for key in [key for key, (depends, _) in answers.items() if depends in written]:
        del answers[key]


@event.listens_for(Session, "do_orm_execute")
def _forget_on_bulk_write(state: ORMExecuteState) -> None:
    """A bulk UPDATE or DELETE of a watched table: which answers it changed is not known."""
    if not (state.is_update or state.is_delete) or not state.session.info.get(_ANSWERS):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _WATCHED:
        state.session.info.pop(_ANSWERS, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, _previous: SessionTransaction) -> None:
    """What was written and forgotten may be undone: ask again."""
    session.info.pop(_ANSWERS, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_at_end(session: Session, transaction: SessionTransaction) -> None:
    """The answers hold only inside the batch's transaction."""
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_ANSWERS, None)
