"""A batch's new contacts, tickets, messages, outbox items and events written once, at its end.

A worker processes a batch of inbound records in one transaction (core.intake.ingest
.process_batch). Each new ticket wrote itself, its citizen's message and acknowledgement, the
acknowledgement's outbox item and its events with a statement per table per record: about
half the statements of a record, each costing SQLAlchemy and psycopg more CPU than its row
(bench/RESULTS.md, sessions 11 and 15). On PostgreSQL, inside a batch, those rows wait here
instead and go in one COPY per table at the end (`copy_rows`): the objects get their ids from the
tables' sequences up front (reserved for the batch, one statement), and are persistent as
after a flush (core.newrows), so every caller and flush hook sees what it saw before.

Nothing reads a row before it is written: any SQL sent on the batch's connection that names
one of these tables, or a table whose rows refer to them, writes the waiting rows first (the
SQL text is matched, so raw SQL, ORM joins and the unit of work's own statements are seen),
as do a DELETE (a cascade), a SAVEPOINT (a rollback to it must not undo them) and the commit.
A rollback drops them with the objects. One statement may read past them: one executed with
the `SEES_WAITING` option adds the waiting rows it would have found itself (`waiting`), by
the same rule as its SQL (the duplicate candidates, core.intake.duplicates, which every new
ticket asks). SQLite (one writer, no sequences) keeps writing per record.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Connection, Dialect, Engine, Table, event, insert, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, SessionTransaction

import core.tickets  # noqa: F401  (its event hooks run before these: events reach here first)
from core.models import Base, Contact, ContactIdentity, Event, Message, OutboxItem, Ticket
from core.newrows import DEFERRED

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# What waits, in the order written (an identity refers to its contact, a ticket to its
# contact, a message to its ticket, an outbox item to its message).
TABLES: tuple[Table, ...] = tuple(
    Base.metadata.tables[cls.__tablename__]
    for cls in (Contact, ContactIdentity, Ticket, Message, OutboxItem, Event)
)
# Ids reserved per table for each record a batch has: a first contact and its identity, a
# new ticket, its message and its acknowledgement, and the acknowledgement's outbox item.
# What a batch leaves unused is a gap in the ids, as a rolled-back transaction's are.
PER_RECORD = {"contact": 1, "contact_identity": 1, "ticket": 1, "message": 2, "outbox_item": 1}
# Execution option: this statement does not need the waiting rows written; it adds those it
# would find from `waiting` itself.
SEES_WAITING = "balagh_sees_waiting_rows"


@cache
def _watched() -> frozenset[str]:
    """The waiting tables and every table whose rows refer to them (an attachment to a
    message), transitively: a statement or flush touching one needs the rows written."""
    names = {table.name for table in TABLES}
    grown = True
    while grown:
        grown = False
        for table in Base.metadata.tables.values():
            if table.name not in names and any(
                fk.column.table.name in names for fk in table.foreign_keys
            ):
                names.add(table.name)
                grown = True
    return frozenset(names)


class DeferredRows:
    """A batch's rows given ids and made persistent, not written yet (session.info)."""

    def __init__(self, records: int) -> None:
        self.records = max(1, records)
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.ids: dict[str, list[int]] = defaultdict(list)
        # `derived`: (what from, id of the value) -> (the value, kept alive: an id is only
        # unique while its object lives; what was made from it).
        self.derived: dict[tuple[Any, int], tuple[Any, Any]] = {}
        # `batch_reads`: what a caller read of the written rows, until the batch's
        # connection runs a statement that may change them.
        self.reads: dict[Any, Any] = {}
        # The batch's records handled so far (`note_handled`), and the numbers of each
        # sequence it reserved for its tickets' references and not used yet
        # (core.tickets.next_reference).
        self.handled = 0
        self.numbers: dict[str, list[int]] = {}

    def take_ids(self, session: Session, table: str, count: int) -> list[int]:
        """`count` ids of `table` from the batch's reserve (reserving more when it runs
        out: one statement for every table's share)."""
        if len(self.ids[table]) < count:
            wanted = {
                name: max(per * self.records - len(self.ids[name]), 0)
                for name, per in PER_RECORD.items()
            }
            wanted[table] = max(wanted.get(table, 0), count - len(self.ids[table]))
            self._reserve(session, wanted)
        taken, self.ids[table] = self.ids[table][:count], self.ids[table][count:]
        return taken

    def _reserve(self, session: Session, wanted: dict[str, int]) -> None:
        names = [name for name, n in wanted.items() if n > 0]
        parts = [
            f"SELECT {n} AS t, nextval(pg_get_serial_sequence('{name}', 'id')) AS id "
            f"FROM generate_series(1, {wanted[name]})"
            for n, name in enumerate(names)
        ]
        # Numbers from the tables' sequences: no row of theirs read or changed, so neither
        # written first nor what was read of them forgotten (`batch_reads`).
        reserved = session.connection().execute(
            text(" UNION ALL ".join(parts)).execution_options(**{SEES_WAITING: True})
        )
        for n, value in reserved:
            self.ids[names[n]].append(value)
        for name in names:
            self.ids[name].sort()

    def add(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        self.rows[table].extend(rows)

    def write(self, connection: Connection) -> None:
        """Every waiting row, one COPY per table and set of columns, in TABLES' order
        (what was read of the written ones is forgotten: they are about to change)."""
        self.reads.clear()
        rows, self.rows = self.rows, defaultdict(list)
        for table in TABLES:
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
            for row in rows.get(table.name, ()):
                groups[tuple(sorted(row))].append(row)
            for columns, group in groups.items():
                copy_rows(connection, table, columns, group)

    def __bool__(self) -> bool:
        return any(self.rows.values())


@cache
def _copy_plan(
    dialect: Dialect, table: Table, columns: tuple[str, ...]
) -> tuple[str, tuple[Callable[[Any], Any] | None, ...]]:
    """The COPY of these columns of `table` and each column's bind processor, as the
    INSERT's compiled for this dialect (the same values reach the database: JSON
    serialised, the stored enums as text), built once."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    processors: dict[str, Any] = dict(compiled._bind_processors)
    names = ", ".join(dialect.identifier_preparer.quote(table.c[key].name) for key in columns)
    statement = f"COPY {dialect.identifier_preparer.format_table(table)} ({names}) FROM STDIN"
    return statement, tuple(processors.get(key) for key in columns)


class _CopyContext:
    """What the engine's statement listeners are given as the COPY's execution context:
    its options (a COPY writes waiting rows, it reads none: `_write_before_statement`)."""

    execution_options = {SEES_WAITING: True}


def copy_rows(
    connection: Connection, table: Table, columns: tuple[str, ...], rows: list[Any]
) -> None:
    """These rows (column key -> value, the same keys each) into `table` with one COPY.

    An INSERT of many rows (psycopg's pipelined executemany, a Bind and an Execute per row)
    cost about 35 us of CPU a row in SQLAlchemy's parameters and psycopg's per-row steps,
    a COPY about 15 (bench/RESULTS.md, session 21), and PostgreSQL parses one statement.
    The engine's `before_cursor_execute` listeners see it as one statement whose parameters
    are the rows, as they saw the INSERT; a database error is raised as SQLAlchemy raises
    an INSERT's (`DBAPIError.instance`: IntegrityError and the like), and a connection
    lost on the way is invalidated as SQLAlchemy invalidates it."""
    statement, processors = _copy_plan(connection.dialect, table, columns)
    values = [
        tuple(
            value if process is None else process(value)
            for value, process in zip(map(row.__getitem__, columns), processors, strict=True)
        )
        for row in rows
    ]
    dbapi_connection: Any = connection.connection.dbapi_connection
    cursor = dbapi_connection.cursor()
    context = _CopyContext()
    connection.dispatch.before_cursor_execute(connection, cursor, statement, values, context, True)
    try:
        with cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except connection.dialect.loaded_dbapi.Error as exc:
        if dbapi_connection.closed:
            connection.invalidate(exc)
        raise DBAPIError.instance(
            statement,
            None,
            exc,
            connection.dialect.loaded_dbapi.Error,
            connection_invalidated=bool(dbapi_connection.closed),
        ) from exc
    finally:
        cursor.close()
    connection.dispatch.after_cursor_execute(connection, cursor, statement, values, context, True)


def waiting(session: Session, table: str) -> list[dict[str, Any]]:
    """The rows of `table` this session's batch has not written yet, in the order they were
    added (their column values, as the INSERT will send them); none outside a batch. For a
    statement run with `SEES_WAITING`, which must add the ones its SQL would find."""
    store: DeferredRows | None = session.info.get(DEFERRED)
    return store.rows.get(table, []) if store else []


def derived(session: Session, value: T, make: Callable[[T], R]) -> R:
    """`make(value)`, made once per batch for this very object (a statement that adds the
    waiting rows itself reads the same row values for every record after the one that
    added them: a storm's batch prepared each waiting ticket's text features up to 19
    times); outside a batch, made each time. Keyed by the object's identity, so only for
    values nothing changes in place (a JSON column's value: SQLAlchemy would not see such a
    change either); forgotten with the batch (its end or its rollback)."""
    store: DeferredRows | None = session.info.get(DEFERRED)
    if store is None:
        return make(value)
    key = (make, id(value))
    found = store.derived.get(key)
    if found is not None and found[0] is value:
        made: R = found[1]
        return made
    made = make(value)
    store.derived[key] = (value, made)
    return made


def batch_reads(session: Session) -> dict[Any, Any] | None:
    """Inside a batch (PostgreSQL), a place to keep what a `SEES_WAITING` statement read of
    the written rows, for the batch's later records to reuse instead of reading it again:
    emptied whenever the batch's connection runs a statement that may change or add rows
    of the waiting tables or of those referring to them (any other than a `SEES_WAITING`
    one: `_write_before_statement`'s rule), at the batch's end and at its rollback. What
    other transactions commit meanwhile is not seen until then, as their own batches'
    rows are not until they commit. None outside a batch: read each time."""
    store: DeferredRows | None = session.info.get(DEFERRED)
    return store.reads if store is not None else None


@contextmanager
def deferred_rows(session: Session, records: int) -> Iterator[None]:
    """Inside: a batch of `records` records' new messages, outbox items and events wait
    for the batch's end (PostgreSQL; elsewhere, nothing changes)."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    store = session.info[DEFERRED] = DeferredRows(records)
    connection = session.connection()
    # For the statement hook below; the pool's record of the connection outlives the batch,
    # so it is taken off again whatever happens (also when the connection broke).
    on_connection = connection.info
    on_connection[_ON_CONNECTION] = store
    try:
        yield
        store.write(connection)
    finally:
        session.info.pop(DEFERRED, None)
        on_connection.pop(_ON_CONNECTION, None)


def note_handled(session: Session) -> None:
    """One more of the batch's records handled: a reserve of references taken from now on
    is for those left (core.tickets.next_reference)."""
    store: DeferredRows | None = session.info.get(DEFERRED)
    if store is not None:
        store.handled += 1


# connection.info: the waiting rows of the session that holds this connection.
_ON_CONNECTION = "balagh_deferred_rows"


@cache
def _needs_rows() -> re.Pattern[str]:
    """SQL that may read or change a waiting row or refer to one: any naming a waiting
    table or a table whose rows refer to them (an attachment to a message), a DELETE (a
    cascade), a SAVEPOINT (a rollback to it must not undo rows the batch keeps). Matched on
    the SQL itself, so raw SQL, ORM joins, lazy loads and the unit of work's own statements
    are all seen; a column named like a table only writes them early."""
    names = "|".join(sorted(_watched()))
    return re.compile(rf"^\s*(?:DELETE|SAVEPOINT)\b|\b(?:{names})\b", re.IGNORECASE)


@event.listens_for(Engine, "before_cursor_execute")
def _write_before_statement(
    connection: Connection, _cursor: Any, statement: str, _params: Any, context: Any, *_: Any
) -> None:
    store: DeferredRows | None = connection.info.get(_ON_CONNECTION)
    if (
        store is not None
        and _needs_rows().search(statement)
        and not context.execution_options.get(SEES_WAITING)
    ):
        store.reads.clear()  # it may change what was read
        if store:
            store.write(connection)  # takes the rows first: its own INSERTs find none waiting


@event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    store: DeferredRows | None = session.info.get(DEFERRED)
    if store:
        store.write(session.connection())


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous: SessionTransaction) -> None:
    """Rolled back with their objects; a rolled-back savepoint keeps them (none wait from
    inside one: a SAVEPOINT writes them first)."""
    store: DeferredRows | None = session.info.get(DEFERRED)
    if store is None or previous.nested:
        return
    del session.info[DEFERRED]
    store.rows.clear()
    store.derived.clear()
    store.reads.clear()
