"""Tickets, contacts and events: the small operations everything else is made of."""

from __future__ import annotations

import functools
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    Sequence,
    bindparam,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, InvalidRequestError, ProgrammingError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, joinedload
from sqlalchemy.orm.attributes import instance_state

from core.digests import same_secret
from core.models import NAME_MAX, Contact, ContactIdentity, Counter, Event, Ticket, utcnow
from core.newrows import DEFERRED
from core.storable import is_storable, plain_label


def format_reference(prefix: str, number: int) -> str:
    """The reference of ticket number `number`: `PREFIX-NNNNNN` ("MCT-004217")."""
    return f"{prefix}-{number:06d}"


def next_reference(session: Session, prefix: str) -> str:
    """Allocate the next `PREFIX-NNNNNN` reference; safe with concurrent writers.

    PostgreSQL takes it from a sequence: no row lock, so workers opening tickets in parallel
    transactions never wait for each other's commits (a counter row would be held until
    each commit and serialise them). A number taken by a transaction that rolls back is
    skipped, which a reference may be. SQLite, one writer at a time anyway, keeps a counter
    row, whose number is reused after a rollback.

    Inside a worker's batch (PostgreSQL), the first new ticket takes numbers for the batch's
    records not handled yet in one statement, and its later tickets take the next of them:
    a storm's batch of twenty new citizens paid twenty `nextval` statements, each costing
    SQLAlchemy, psycopg and the server more than its value (~0.24 ms of a worker's CPU a
    ticket, bench/RESULTS.md session 22). The centre's rules for references hold: never a
    duplicate (each number comes from the sequence once), the same format, and increasing
    (within the batch in its order; across workers, as a sequence's numbers already are, by
    when they were taken, not when their transactions commit). What the batch leaves unused
    (a record after the first new ticket that was a reply, or a rolled-back batch) is a gap,
    as a rolled-back transaction's number is; a record alone still takes exactly one.
    """
    # Nothing pending is needed for a number: not flushing here lets a new ticket's contact
    # be written in the same flush as the ticket (one unit of work per record, not two).
    with session.no_autoflush:
        if session.get_bind().dialect.name == "postgresql":
            sequence = _reference_sequence(session, prefix)
            deferred = session.info.get(DEFERRED)
            if deferred is not None:
                return format_reference(prefix, _reserved_number(session, deferred, sequence))
            # A statement with no table: a batch's waiting rows need not be written for
            # it (core.batchrows), as they would for raw SQL.
            # On the session's connection as Core: the ORM's set-up for this one value
            # cost more CPU than the statement (a worker takes one per new ticket).
            value = session.connection().execute(_next_value(sequence)).scalar_one()
            return format_reference(prefix, value)
        return format_reference(prefix, _bump_counter(session, f"ticket:{prefix}"))


def _reserved_number(session: Session, deferred: Any, sequence: str) -> int:
    """The next of the batch's numbers from `sequence`, reserving one for each of its records
    not handled yet when it has none left (core.batchrows.DeferredRows)."""
    numbers: list[int] = deferred.numbers.setdefault(sequence, [])
    if not numbers:
        wanted = max(1, deferred.records - deferred.handled)
        taken = session.connection().execute(_next_values(sequence), {"n": wanted}).scalars()
        numbers.extend(sorted(taken, reverse=True))  # popped from the end: smallest first
    return numbers.pop()


@functools.cache
def _next_values(sequence: str) -> Select[int]:
    """`n` numbers of `sequence` in one statement (a batch's references)."""
    series = func.generate_series(1, bindparam("n", type_=Integer)).table_valued("i")
    return select(Sequence(sequence).next_value()).select_from(series)


@functools.cache
def _next_value(sequence: str) -> Select[int]:
    """`SELECT nextval(sequence)`, built once per sequence: building it per new ticket cost
    about as much CPU as running it (35-50 of 75-95 us, bench/RESULTS.md session 13)."""
    return select(Sequence(sequence).next_value())


_READY_SEQUENCES: set[tuple[str, str]] = set()
_SEQUENCE_LOCK = threading.Lock()


def _reference_sequence(session: Session, prefix: str) -> str:
    """The prefix's sequence, created on first use (in its own transaction) if missing.

    It starts after the prefix's counter, should this database have used one, and belongs
    to `ticket.reference`, so emptying the tickets with RESTART IDENTITY restarts it.
    """
    name = "ticket_ref_" + re.sub(r"[^a-z0-9_]", "_", prefix.lower())
    engine = session.get_bind().engine
    key = (engine.url.render_as_string(hide_password=True), name)
    if key in _READY_SEQUENCES:
        return name
    with _SEQUENCE_LOCK, engine.connect() as conn:
        exists = conn.execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar()
        if exists is None:
            start = conn.execute(
                select(Counter.value).where(Counter.name == f"ticket:{prefix}")
            ).scalar_one_or_none()
            try:
                conn.execute(
                    text(
                        f"CREATE SEQUENCE IF NOT EXISTS {name} START {(start or 0) + 1} "
                        "OWNED BY ticket.reference"
                    )
                )
                conn.commit()
            except (IntegrityError, ProgrammingError):  # another process created it first
                conn.rollback()
        _READY_SEQUENCES.add(key)
    return name


def bump_counter(session: Session, name: str) -> None:
    """Increment a named counter row, made at 1 if missing; the row stays locked until the
    transaction ends, so it also serialises whoever bumps the same name (a reference
    counter, an incident category)."""
    bumped = session.execute(
        update(Counter).where(Counter.name == name).values(value=Counter.value + 1)
    )
    if bumped.rowcount == 0:  # type: ignore[attr-defined]
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=1))
        except IntegrityError:  # another transaction made the row first
            session.execute(
                update(Counter).where(Counter.name == name).values(value=Counter.value + 1)
            )


def _bump_counter(session: Session, name: str) -> int:
    """Increment a named counter row (locked until the transaction ends); its new value."""
    bump_counter(session, name)
    return int(session.execute(select(Counter.value).where(Counter.name == name)).scalar_one())


def new_secret() -> str:
    """An unguessable secret for a ticket's status link."""
    return secrets.token_urlsafe(24)


def contact_name(name: str | None) -> str | None:
    """A citizen's name as kept: trimmed and cut to NAME_MAX characters (PostgreSQL would
    refuse a longer one, and with it the whole message), without bidi overrides: a name
    stands inside sentences ("Hello {name}, ..."), where one reversed the words after it."""
    kept = plain_label(name or "").strip()[:NAME_MAX].strip()
    return kept or None


# Every message looks its sender up: built once, its values as parameters (building the
# select per message cost about as much CPU as running it). The contact and all their
# addresses come in the same round trip: acknowledging a known citizen's new ticket reads
# them (`channel_address`), which was a query of its own.
_IDENTITY = (
    select(ContactIdentity)
    .where(
        ContactIdentity.channel == bindparam("channel"),
        ContactIdentity.address == bindparam("address"),
    )
    .options(joinedload(ContactIdentity.contact).joinedload(Contact.identities))
)


def find_or_create_contact(
    session: Session,
    channel: str,
    address: str,
    display_name: str | None,
    joins: Callable[[], Contact | None] | None = None,
    *,
    flush: bool = True,
) -> tuple[Contact, ContactIdentity]:
    """The contact behind a channel address, made on first contact.

    A new address becomes an identity of the contact `joins` names (a proven link to a
    known citizen), else of a new contact. `flush=False` leaves a new contact and identity
    to the caller's next flush (no ids yet: the caller must not query by them), so the
    details it sets meanwhile go into the same INSERT.
    """
    display_name = contact_name(display_name)
    known: dict[tuple[str, str], ContactIdentity | None] | None = session.info.get(_KNOWN)
    if known is not None and (channel, address) in known:
        identity = known[(channel, address)]  # looked up with the batch's other senders
    else:
        identity = (
            session.execute(_IDENTITY, {"channel": channel, "address": address})
            .unique()
            .scalar_one_or_none()
        )
    if identity is not None:
        if display_name and not identity.display_name:
            identity.display_name = display_name
        return identity.contact, identity
    contact = joins() if joins is not None else None
    if contact is None:
        contact = Contact(name=display_name)
        session.add(contact)
    # Written with the caller's next flush (no round trip of its own); the identity joins
    # `contact.identities` in memory, so a new contact's addresses are known without a query.
    identity = ContactIdentity(
        contact=contact, channel=channel, address=address, display_name=display_name
    )
    session.add(identity)
    if known is not None:
        known[(channel, address)] = identity
    if flush:
        session.flush()
    return contact, identity


# The same for a batch's senders: one query per channel for all of them.
_IDENTITIES = (
    select(ContactIdentity)
    .where(
        ContactIdentity.channel == bindparam("channel"),
        ContactIdentity.address.in_(bindparam("addresses", expanding=True)),
    )
    .options(joinedload(ContactIdentity.contact).joinedload(Contact.identities))
)
# session.info: (channel, address) -> the identity, or None for one known to be new, for
# the senders looked up together (`look_up_senders`) until the transaction ends.
_KNOWN = "balagh_known_identities"


def look_up_senders(
    session: Session, senders: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], ContactIdentity | None]:
    """Find the identities of a batch's senders at once (one query per channel instead of
    one per message); `find_or_create_contact` then answers from them until the transaction
    ends. The caller holds the senders' locks, so no other transaction adds one meanwhile.
    Returns what is known of them: (channel, address) -> the identity, None when new."""
    by_channel: dict[str, set[str]] = {}
    for channel, address in senders:
        by_channel.setdefault(channel, set()).add(address)
    known: dict[tuple[str, str], ContactIdentity | None] = session.info.setdefault(_KNOWN, {})
    for channel, addresses in by_channel.items():
        found = session.execute(_IDENTITIES, {"channel": channel, "addresses": sorted(addresses)})
        for identity in found.unique().scalars():
            known[(channel, identity.address)] = identity
        for address in addresses:
            known.setdefault((channel, address), None)
    return known


def channel_address(ticket: Ticket, channel: str | None = None) -> str | None:
    """The contact's address on the ticket's channel (or another), if they have one."""
    wanted = channel or ticket.channel
    for identity in ticket.contact.identities:
        if identity.channel == wanted:
            return identity.address
    return None


def count_first_response(ticket: Ticket, at: datetime) -> None:
    """The centre's first response: the first citizen-facing message staff caused.

    A reply, a forwarded notice, a question or the answer count when a member of staff's
    action sent them; automatic acknowledgements and reminders never call this.
    """
    if ticket.first_response_at is None:
        ticket.first_response_at = at


def record_event(
    session: Session,
    ticket: Ticket,
    kind: str,
    *,
    actor: str = "system",
    actor_id: int | None = None,
    at: datetime | None = None,
    **data: Any,
) -> None:
    """Write one audit row; every change to a ticket goes through here.

    The row is written by one Core INSERT for all the rows recorded since the last write
    (executemany), not as an ORM object: the unit of work's bookkeeping per object cost more
    than the SQL, and a new ticket has about five events (bench/RESULTS.md). It is written
    when an ORM object would have been: at the session's next flush (after the ticket it
    names has its id), before a query that autoflushes, and before commit; in the order
    recorded; dropped with a rollback. Without `at`, the column's default (now) is taken
    then, as the ORM did.
    """
    row: dict[str, Any] = {"kind": kind, "actor": actor, "actor_id": actor_id, "data": data}
    if at is not None:
        row["created_at"] = at
    state = instance_state(ticket)  # inspect's answer without its registry look-up
    if state.transient:  # as the ORM's cascade from an Event object did
        session.add(ticket)
    elif state.persistent and "events" in state.dict:  # a loaded collection would miss it
        session.expire(ticket, ["events"])
    pending: list[_PendingEvent] | None = session.info.get(_PENDING_EVENTS)
    if pending is None:
        pending = session.info[_PENDING_EVENTS] = []
    pending.append((ticket, row, session.get_nested_transaction()))


# session.info: the events recorded and not written yet, each with its ticket and the
# savepoint it was recorded in (None: the session's own transaction).
_PENDING_EVENTS = "balagh_pending_events"
_PendingEvent = tuple[Ticket, dict[str, Any], SessionTransaction | None]
_INSERT_EVENTS = insert(Event)


def write_events(session: Session) -> None:
    """Write the recorded events whose tickets have ids, in the order recorded (up to the
    first whose ticket has none yet: it is written with that ticket's flush)."""
    pending: list[_PendingEvent] | None = session.info.get(_PENDING_EVENTS)
    if not pending:
        return
    rows: list[dict[str, Any]] = []
    for ticket, row, _savepoint in pending:
        key = instance_state(ticket).key
        if key is None:
            break
        rows.append({"ticket_id": key[1][0], **row})
    if not rows:
        return
    written = pending[: len(rows)]
    del pending[: len(rows)]
    now = utcnow()
    for row in rows:
        row.setdefault("created_at", now)
    deferred = session.info.get(DEFERRED)
    if deferred is not None and not session.in_nested_transaction():
        deferred.add("event", rows)  # written at the batch's end (core.batchrows)
    else:
        session.connection().execute(_INSERT_EVENTS, rows)
    for ticket, _row, _savepoint in written:
        if "events" in instance_state(ticket).dict:
            session.expire(ticket, ["events"])


@event.listens_for(Session, "after_flush_postexec")
def _write_after_flush(session: Session, _context: Any) -> None:
    write_events(session)


@event.listens_for(Session, "do_orm_execute")
def _write_before_query(state: ORMExecuteState) -> None:
    """What the autoflush of this query would have written (under `no_autoflush`, nothing)."""
    session = state.session
    if session.autoflush and session.info.get(_PENDING_EVENTS):
        write_events(session)


@event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    if session.info.get(_PENDING_EVENTS):
        session.flush()
        write_events(session)
        if session.info.get(_PENDING_EVENTS):
            raise InvalidRequestError("an event names a ticket that was never written")


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous: SessionTransaction) -> None:
    pending: list[_PendingEvent] | None = session.info.get(_PENDING_EVENTS)
    if not pending:
        return
    if previous.nested:  # only what was recorded inside that savepoint
        pending[:] = [p for p in pending if p[2] is not previous]
    else:
        pending.clear()


@event.listens_for(Session, "after_transaction_end")
def _drop_unwritten(session: Session, transaction: SessionTransaction) -> None:
    """A session closed without committing leaves nothing for its next transaction, and
    the senders it looked up are looked up again in the next (they may have changed)."""
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_PENDING_EVENTS, None)
        session.info.pop(_KNOWN, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_senders(session: Session, previous: SessionTransaction) -> None:
    """An identity made in a rolled-back transaction or savepoint is gone: ask again."""
    session.info.pop(_KNOWN, None)


# Arabic-Indic and Persian digits, as an Arabic keyboard types a reference ("MCT-٠٠٠٠١٠")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


_TYPED_REFERENCE = re.compile(r"([A-Z]{2,5})\s*-?\s*(\d{1,9})")


def as_reference(text: str) -> str | None:
    """A reference as staff or citizens type it, in the stored form, or None for text not
    shaped like one: "mct-12", "MCT 000012" and "MCT-٠٠٠٠١٢" are all MCT-000012, since
    people drop the leading zeros the centre's references carry."""
    match = _TYPED_REFERENCE.fullmatch(text.strip().upper().translate(_DIGITS))
    return None if match is None else format_reference(match.group(1), int(match.group(2)))


def typed_reference(text: str) -> str:
    """`as_reference`, or the text upper-cased with its digits in ASCII when it is not one."""
    return as_reference(text) or text.strip().upper().translate(_DIGITS)


def ticket_by_reference(session: Session, reference: str) -> Ticket | None:
    """The ticket with this reference, however it was typed (typed_reference); None for junk
    (a NUL from a URL) the database refuses."""
    if not is_storable(reference):
        return None
    return session.execute(
        select(Ticket).where(Ticket.reference == typed_reference(reference))
    ).scalar_one_or_none()


def ticket_for_secret(session: Session, reference: str, secret: str) -> Ticket | None:
    """The ticket only when the secret matches (compared in constant time)."""
    ticket = ticket_by_reference(session, reference)
    if ticket is None or not secret or not same_secret(secret, ticket.secret):
        return None
    return ticket
