"""A new ticket's rows written by Core inserts, where the unit of work would write them.

Opening a ticket adds a handful of objects (the ticket, the citizen's message, the
acknowledgement and its outbox item; a first contact and its address) and flushes them once.
The unit of work's bookkeeping for that flush (dependency sort, per-mapper save, identity
updates) cost more CPU than the SQL: about a third of a worker's CPU per record
(bench/RESULTS.md, session 9). `flush_new_rows` writes the same rows with one Core INSERT
... RETURNING per table, in the order the unit of work would, and then makes the objects
persistent, as a flush leaves them: ids and defaults set, nothing pending, in the identity
map, expunged again if the transaction rolls back.

Every rule that runs at a flush still runs, in the same place it is written: the session's
`before_flush` hooks (the search text) see the new objects pending, the mappers'
`before_insert` / `after_insert` hooks run on each object (the ticket's grid cell), the
`after_flush` hooks see them still in `session.new` with their ids (the courier's wake-up,
the statistics' changed day), and `after_flush_postexec` writes the events recorded on the
ticket (core.tickets). Anything else new in the session, or a relationship these rows cannot
resolve, falls back to an ordinary flush, so the result is the same either way.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Insert, Table, insert
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.orm.interfaces import MANYTOONE
from sqlalchemy.orm.state import InstanceState

from core.models import Contact, ContactIdentity, Message, OutboxItem, Ticket

# session.info: inside a batch on PostgreSQL, where its new tickets, messages and outbox
# items wait to be written at the batch's end (core.batchrows.DeferredRows).
DEFERRED = "balagh_deferred_rows"
# What waits inside a batch: their objects' ids are taken from the batch's reserve. A first
# contact's contact and identity wait too: in a storm most citizens write for the first
# time, and their two INSERTs ... RETURNING were two of a new ticket's five statements.
_WAITING = frozenset((Contact, ContactIdentity, Ticket, Message, OutboxItem))

# The tables, in the order their rows depend on each other (each row's many-to-one targets
# are written before it): the unit of work's order for these five.
ORDER: tuple[type[Any], ...] = (Contact, ContactIdentity, Ticket, Message, OutboxItem)
_RANK = {cls: n for n, cls in enumerate(ORDER)}


def flush_new_rows(session: Session) -> None:
    """Flush the session; a new ticket's rows (and a first contact's) by Core inserts when
    they are all that is new, else by the unit of work."""
    new = list(session.new)
    _cascade_children(session, new)
    new = list(session.new)
    if not new or not _writable(new):
        session.flush()
        return
    # As inside a flush, a query a hook makes does not autoflush (it would write these
    # objects by the unit of work, and then again here).
    with session.no_autoflush:
        session.dispatch.before_flush(session, None, None)
        new = sorted(session.new, key=_flush_order)
        if not _writable(new):  # a hook added something else: the unit of work writes all
            session.flush()
            return
        connection = session.connection()
        # Inside a savepoint nothing waits (a rollback to it must take its rows).
        deferred = None if session.in_nested_transaction() else session.info.get(DEFERRED)
        by_class: dict[type[Any], list[Any]] = defaultdict(list)
        for obj in new:
            by_class[type(obj)].append(obj)
        for cls in ORDER:
            if not by_class.get(cls):
                continue
            if deferred is not None and cls in _WAITING:
                _defer(session, deferred, _mapper(cls), by_class[cls])
            else:
                _insert(connection, _mapper(cls), by_class[cls])
        session.dispatch.after_flush(session, None)
        _make_persistent(session, new)
        session.dispatch.after_flush_postexec(session, None)
    # What was dirty beside them (a contact's language) is written by the next flush, as
    # an ordinary flush would have written it now: nothing reads the difference.


def _mapper(cls: type[Any]) -> Mapper[Any]:
    """A mapped class's mapper, as `inspect(cls)` finds it: that look-up (and `inspect` of
    an object for its state, `instance_state`) went through the inspection registry by
    the class's MRO, about 1.2-1.9 us a call, some sixty calls a new ticket."""
    mapper: Mapper[Any] = cls.__mapper__
    return mapper


def _cascade_children(session: Session, new: list[Any]) -> None:
    """What a flush's save-update cascade adds: children set only through the collection of
    a new object (a `Message(ticket=ticket)` never added itself)."""
    for obj in new:
        for key in _relations(_mapper(type(obj))).cascaded:
            for child in obj.__dict__.get(key) or ():
                if instance_state(child).transient:
                    session.add(child)


def _flush_order(obj: Any) -> tuple[int, int]:
    """The unit of work's order: table by table, each in the order its objects were added."""
    return _RANK.get(type(obj), len(ORDER)), instance_state(obj).insert_order or 0


def _writable(new: list[Any]) -> bool:
    """Only objects of ORDER's tables, each one's targets already written or written
    before it here, and no loaded collection elsewhere that would have to learn of them."""
    pending = {id(obj) for obj in new}
    for obj in new:
        rank = _RANK.get(type(obj))
        if rank is None:
            return False
        for key, many_to_one, back_populates in _relations(_mapper(type(obj))).each:
            value = obj.__dict__.get(key)
            if many_to_one:
                if value is None:
                    continue
                state: InstanceState[Any] = instance_state(value)
                if id(value) in pending:
                    if _RANK.get(type(value), len(ORDER)) >= rank:
                        return False  # a target of its own table (duplicate_of) or later
                elif state.key is None:
                    return False  # transient or deleted: the unit of work decides
                elif back_populates and back_populates in state.dict:
                    return False  # a persistent target's loaded collection would need it
            elif value and any(id(child) not in pending for child in value):
                return False  # one-to-many: only rows written here with it (its messages)
    return True


def _insert(connection: Any, mapper: Mapper[Any], objects: list[Any]) -> None:
    """One INSERT per set of columns given (executemany), returning only what the database
    chooses (the id, a server default): as the unit of work, the Python-side defaults are
    taken here, and every column ends set on the object. The mapper's before/after insert
    hooks run on each object, as in a flush."""
    for obj in objects:
        mapper.dispatch.before_insert(mapper, connection, instance_state(obj))
    groups: dict[tuple[str, ...], list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
    for obj in objects:
        row = _row(mapper, obj)
        groups[tuple(sorted(row))].append((obj, row))
    for given, group in groups.items():
        statement, returned = _statement(mapper, given)
        result = connection.execute(statement, [row for _obj, row in group])
        for (obj, _row_given), values in zip(group, result, strict=True):
            for key, value in zip(returned, values, strict=True):
                obj.__dict__[key] = value
    for obj in objects:
        mapper.dispatch.after_insert(mapper, connection, instance_state(obj))


def _defer(session: Session, deferred: Any, mapper: Mapper[Any], objects: list[Any]) -> None:
    """As `_insert`, but the ids come from the batch's reserve and the rows wait in
    `deferred` (core.batchrows) to be written at the batch's end; what the INSERT would have
    returned (NULL: a column with a server default has a Python one too, which `_row`
    takes; tests/core/test_newrows.py pins it) is set on each object now."""
    table: Table = mapper.local_table  # type: ignore[assignment]
    ids = deferred.take_ids(session, table.name, len(objects))
    (key,) = (mapper.get_property_by_column(c).key for c in table.primary_key.columns)
    connection = session.connection()
    for obj, value in zip(objects, ids, strict=True):
        obj.__dict__[key] = value
        mapper.dispatch.before_insert(mapper, connection, instance_state(obj))
    deferred.add(table.name, [_row(mapper, obj, unsent_as_none=True) for obj in objects])
    for obj in objects:
        mapper.dispatch.after_insert(mapper, connection, instance_state(obj))


@cache
def _statement(mapper: Mapper[Any], given: tuple[str, ...]) -> tuple[Insert, tuple[str, ...]]:
    """The INSERT for rows of these columns, built once, and the attributes it returns (in
    the order of its RETURNING): building a statement per row cost as much as running it,
    and returning every column cost more (psycopg describes each column of each result)."""
    table: Table = mapper.local_table  # type: ignore[assignment]
    returned = [column for column in table.columns if column.key not in given]
    statement = insert(table).returning(*returned, sort_by_parameter_order=True)
    return statement, tuple(mapper.get_property_by_column(c).key for c in returned)


_NO_DEFAULT = object()


class _Relations(NamedTuple):
    """What `_writable` and `_cascade_children` read of a mapped class's relationships, taken
    once: walking them for every object cost more CPU than the checks (bench/RESULTS.md,
    session 18)."""

    # Each relationship: (key, many-to-one, the attribute it back-populates).
    each: tuple[tuple[str, bool, str | None], ...]
    # One-to-many relationships whose new children a flush's save-update cascade adds.
    cascaded: tuple[str, ...]


@cache
def _relations(mapper: Mapper[Any]) -> _Relations:
    relationships = mapper.relationships
    return _Relations(
        each=tuple(
            (rel.key, rel.direction is MANYTOONE, rel.back_populates) for rel in relationships
        ),
        cascaded=tuple(
            rel.key
            for rel in relationships
            if rel.direction is not MANYTOONE and rel.cascade.save_update
        ),
    )


class _RowPlan(NamedTuple):
    """What `_row` reads of a mapper (ORDER's classes), taken once: a new ticket's six
    objects walked their mapper's relationships and columns each time."""

    # Many-to-one: (key, ((local attribute, the target's attribute), ...)).
    targets: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    # Each column: (column key, attribute, None stored as a value, given as NULL when None,
    # scalar default or _NO_DEFAULT, callable default or None); primary keys take none.
    columns: tuple[tuple[str, str, bool, bool, Any, Any], ...]


@cache
def _row_plan(mapper: Mapper[Any]) -> _RowPlan:
    table = mapper.local_table
    evaluating_none = mapper._insert_cols_evaluating_none[table]
    as_none = mapper._insert_cols_as_none[table]
    columns = []
    for column in table.columns:
        default: Any = None if column.primary_key else column.default
        columns.append(
            (
                column.key,
                mapper.get_property_by_column(column).key,
                column in evaluating_none,
                column.key in as_none,
                default.arg if default is not None and default.is_scalar else _NO_DEFAULT,
                default.arg if default is not None and default.is_callable else None,
            )
        )
    targets = tuple(
        (
            rel.key,
            tuple(
                (
                    mapper.get_property_by_column(local).key,
                    rel.mapper.get_property_by_column(remote).key,
                )
                for local, remote in rel.local_remote_pairs
            ),
        )
        for rel in mapper.relationships
        if rel.direction is MANYTOONE
    )
    return _RowPlan(targets, tuple(columns))


def _row(mapper: Mapper[Any], obj: Any, *, unsent_as_none: bool = False) -> dict[str, Any]:
    """The object's column values as the unit of work sends them (its
    `_collect_insert_commands`): what it holds, its many-to-one targets' keys, None left
    out unless the type stores None as a value (JSON), nullable columns without a default
    given as NULL, Python-side defaults taken now; each value also set on the object
    (`unsent_as_none`: a column left out too, as None, what its INSERT would return)."""
    values = obj.__dict__
    plan = _row_plan(mapper)
    for key, pairs in plan.targets:
        target = values.get(key)
        if target is not None:
            for local, remote in pairs:
                values[local] = getattr(target, remote)
    row: dict[str, Any] = {}
    for column, key, evaluates_none, given_as_none, scalar, call in plan.columns:
        value = values.get(key)
        if value is None and not evaluates_none:
            if given_as_none:
                row[column] = values[key] = None
            elif scalar is not _NO_DEFAULT:
                row[column] = values[key] = scalar
            elif call is not None:
                row[column] = values[key] = call(None)
            elif unsent_as_none:
                values[key] = None
            continue
        row[column] = values[key] = value
    return row


def _make_persistent(session: Session, objects: list[Any]) -> None:
    """From pending to persistent as the unit of work leaves them after a flush: identity
    keys, in the identity map, every column loaded with no history, and registered with the
    transaction, so a rollback (of it or of a savepoint) expunges them again.

    `_register_persistent` is the session's own step for this at the end of a flush (not
    public API; SQLAlchemy is pinned, and tests/core/test_newrows.py pins the result).
    """
    session._register_persistent({instance_state(obj) for obj in objects})
