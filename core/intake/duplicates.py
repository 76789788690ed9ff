"""Possible duplicates, suggested to staff and never merged on their own.

An open ticket of the last 7 days in the same category (or, like the new one, not yet
classified) within 250 m (when both have a location) or with near-identical text is a
candidate. Staff decide; linking a duplicate
is a workflow transition (core.workflow.transitions) that tells its citizen the original's reference.

The cost per new ticket does not grow with the number of tickets: candidates come from two
index lookups, each capped at CANDIDATE_LIMIT (the same category in the grid cells around
the ticket, `ix_ticket_category_cell_created`; the open tickets of the same category in the
time window, newest first, `ix_ticket_open_category_created`, a partial index without the
closed tickets, which are most of a week's), and texts are compared from the trigram counts
stored on each ticket (`Ticket.text_features`), so no candidate's messages are read.

Inside a worker's batch on PostgreSQL the batch's new tickets are written at its end
(core.batchrows): the queries do not make them be written first, they add the waiting ones
their SQL would have found (`_waiting_candidates`, the same conditions, order and cap as
`_candidates`; tests/core/intake/test_duplicates_waiting.py holds the two equal).

CPU per new ticket (a storm puts up to CANDIDATE_LIMIT candidates of one category in front of
every new report): the text query reads each candidate's features as the stored JSON text,
and each distinct text is decoded and its norm computed once per process (`_prepared`, a
bounded LRU keyed by the text itself, so an edited ticket or another database can never be
served stale counts), and a batch's waiting tickets' features are prepared once per batch
(core.batchrows `derived`: by the record that opened the ticket, for every later record that
finds it waiting); the comparison then only multiplies the trigrams both texts share
(`prepared_similarity`, the same float as `feature_similarity`). The distance query does
not read the features at all.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, Select, Text, bindparam, cast, select, type_coerce
from sqlalchemy.orm import Session

from core.batchrows import SEES_WAITING, batch_reads, derived, waiting
from core.geogrid import neighbour_cells
from core.models import OPEN_STATUSES, Ticket, ticket_is_open
from core.routing.similarity import (
    PreparedFeatures,
    haversine_m,
    prepare_features,
    prepared_similarities,
)

RADIUS_M = 250.0
TEXT_WINDOW = timedelta(days=7)
TEXT_THRESHOLD = 0.85
MAX_SUGGESTIONS = 5
CANDIDATE_LIMIT = 200
# Decoded candidate features kept per process: a storm's candidates in a few categories
# (CANDIDATE_LIMIT each), a few kB apiece.
PREPARED_CACHE = 2048


@dataclass(frozen=True)
class Suggestion:
    reference: str
    reason: str  # "distance" or "text"
    score: float  # metres for distance, similarity for text


@lru_cache(maxsize=PREPARED_CACHE)
def _prepared(stored: str) -> PreparedFeatures | None:
    """A candidate's stored features (their JSON text) decoded once per process."""
    features = json.loads(stored)
    return prepare_features(features) if features else None


def _candidates(*columns: Any, classified: bool) -> Select[Any]:
    """Open tickets of the same category (or both unclassified) in the window, newest first;
    each row ends with its `created_at`, by which the batch's waiting ones are merged in (as
    the driver reads it: only compared, it is not worth the UTC type's Python per row).

    Built once per shape at import, with the ticket's values as parameters (`_values`):
    building the expression per new ticket cost more CPU than running it."""
    same = Ticket.category == bindparam("category") if classified else Ticket.category.is_(None)
    return (
        select(Ticket.reference, *columns, type_coerce(Ticket.created_at, DateTime(True)))
        .where(
            same,
            Ticket.created_at >= bindparam("since"),
            Ticket.id != bindparam("own_id"),
            ticket_is_open(),
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
        .execution_options(**{SEES_WAITING: True})
    )


_NEARBY = _candidates(Ticket.lat, Ticket.lon, classified=True).where(
    Ticket.geo_cell.in_(bindparam("cells", expanding=True))
)
_BY_TEXT = {
    classified: _candidates(cast(Ticket.text_features, Text), classified=classified)
    for classified in (True, False)
}
_OPEN = frozenset(status.value for status in OPEN_STATUSES)


def _waiting_candidates(
    session: Session, values: dict[str, Any], columns: tuple[str, ...], cells: Any = None
) -> list[tuple[Any, ...]]:
    """`_candidates`' rows among the batch's tickets not written yet (core.batchrows): the
    same conditions on their column values (`_is_candidate`), newest first (of two created
    at the same instant, the later added first, as the index is read backwards), capped
    alike; each row (reference, *columns, created_at)."""
    found = [
        (row["reference"], *(row.get(column) for column in columns), row["created_at"])
        for row in reversed(waiting(session, "ticket"))
        if _is_candidate(row, values, cells)
    ]
    found.sort(key=lambda row: row[-1], reverse=True)
    return found[:CANDIDATE_LIMIT]


def _is_candidate(row: dict[str, Any], values: dict[str, Any], cells: Any) -> bool:
    """`_candidates`' WHERE (and `_NEARBY`'s cells, when given) on a row's column values."""
    category = row.get("category")
    return (
        (category == values["category"] if values["category"] else category is None)
        and row["created_at"] >= values["since"]
        and row["id"] != values["own_id"]
        and str(row["status"]) in _OPEN
        and (cells is None or row.get("geo_cell") in cells)
    )


def _found(
    session: Session, statement: Select[Any], values: dict[str, Any], columns: tuple[str, ...]
) -> Sequence[Any]:
    """The candidates' rows: the query's, with the batch's waiting tickets it would have
    found merged in by `created_at`, newest first, and the same cap (a sort keeps the
    order of equals: the waiting, later added, before the written)."""
    written = _written(session, statement, values)
    unwritten = _waiting_candidates(session, values, columns, values.get("cells"))
    if not unwritten:
        return written
    merged = [*unwritten, *written]
    if written and _instant(unwritten[-1][-1]) < _instant(written[0][-1]):  # else all newer
        merged.sort(key=lambda row: _instant(row[-1]), reverse=True)
    return merged[:CANDIDATE_LIMIT]


def _written(session: Session, statement: Select[Any], values: dict[str, Any]) -> Sequence[Any]:
    """The query's rows. Inside a batch, the first record of a category (and cells) runs
    the query as a record alone does, and its answer is kept for the batch's later records
    of the category (core.batchrows `batch_reads`), reused until the batch changes tickets:
    a storm's batch asked the same 200 candidates' rows for each of its 20 records, while
    a batch of one or two records mostly holds one record a category and reads nothing
    more than alone. Kept only while the record's own ticket waits unwritten (its id
    then leaves no written row out: the answer is every record's of the category); a
    later record's are the rows still in its window (newest first: a prefix of them),
    exactly the query's for it while its own ticket waits too, else the query runs."""
    reads = batch_reads(session)
    if reads is None:
        return session.connection().execute(statement, values).all()
    unwritten = _waits(session, values["own_id"])
    key = (statement, values["category"], tuple(values.get("cells", ())))
    read = reads.get(key)
    since = values["since"]
    if read is None or read[0] > since or not unwritten:
        rows = session.connection().execute(statement, values).all()
        if unwritten:
            reads[key] = (since, rows)
        return rows
    rows = read[1]
    end = len(rows)
    while end and _instant(rows[end - 1][-1]) < since:
        end -= 1
    return rows if end == len(rows) else rows[:end]


def _waits(session: Session, ticket_id: int) -> bool:
    """Whether no written ticket has this id: none (0), or a batch's waiting ticket's."""
    return not ticket_id or any(
        row["id"] == ticket_id for row in reversed(waiting(session, "ticket"))
    )


def _instant(at: datetime) -> datetime:
    """A time as read from either database (SQLite's has no zone: it is UTC) or kept."""
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _values(ticket: Ticket) -> dict[str, Any]:
    """`_candidates`' parameters for this ticket; a ticket not written yet has no id, and
    0, which no row has, leaves nothing out."""
    return {
        "category": ticket.category,
        "since": ticket.created_at - TEXT_WINDOW,
        "own_id": ticket.id or 0,
    }


def suggest_duplicates(session: Session, ticket: Ticket) -> list[Suggestion]:
    """Open tickets that may report the same problem, best first (at most two queries).

    The queries run on the session's connection as Core statements (columns, no entities):
    through `Session.execute` the ORM's per-statement set-up cost about as much CPU as the
    candidates' rows (the caller does not autoflush here: a new ticket is not written yet)."""
    values = _values(ticket)
    # Ranked as `sorted(...)[:MAX_SUGGESTIONS]` ranks them (ties in the order found): nearby
    # ones first, the nearest first, then text ones, the most similar first.
    near: list[tuple[float, int, str]] = []
    if ticket.category and ticket.lat is not None and ticket.lon is not None:
        located = {**values, "cells": neighbour_cells(ticket.lat, ticket.lon)}
        nearby = _found(session, _NEARBY, located, ("lat", "lon"))
        for reference, lat, lon, _ in nearby:
            metres = haversine_m(ticket.lat, ticket.lon, lat, lon)
            if metres <= RADIUS_M:
                near.append((round(metres, 1), len(near), reference))
    best = [
        Suggestion(r, "distance", score) for score, _, r in heapq.nsmallest(MAX_SUGGESTIONS, near)
    ]
    if ticket.text_features and len(best) < MAX_SUGGESTIONS:
        seen = {reference for _, _, reference in near}
        statement = _BY_TEXT[bool(ticket.category)]
        found = _found(session, statement, values, ("text_features",))
        own = derived(session, ticket.text_features, prepare_features)
        similar = _similar(session, own, found, seen)
        kept = heapq.nsmallest(MAX_SUGGESTIONS - len(best), similar)
        best += [Suggestion(r, "text", -score) for score, _, r in kept]
    return best


def _similar(
    session: Session, own: PreparedFeatures, found: Sequence[Any], seen: set[str]
) -> list[tuple[float, int, str]]:
    """(-similarity rounded, position, reference) of each candidate at or above the
    threshold (a storm puts up to CANDIDATE_LIMIT near-identical reports in front of every
    new one: only the few kept become Suggestions). The position orders ties as found."""
    candidates = [(r, stored) for r, stored, _ in found if stored is not None and r not in seen]
    # A written candidate's features come as their JSON text (decoded once per process); a
    # waiting one's as they will be stored, prepared once per batch (the record that opened
    # it prepared them for its own comparison; every later record of the batch finds it;
    # none, {}, compares as 0.0 as None does).
    prepared = [
        _prepared(stored) if isinstance(stored, str) else derived(session, stored, prepare_features)
        for _, stored in candidates
    ]
    scores = prepared_similarities(own, prepared)
    return [
        (-round(similarity, 3), n, candidates[n][0])
        for n, similarity in enumerate(scores)
        if similarity >= TEXT_THRESHOLD
    ]
