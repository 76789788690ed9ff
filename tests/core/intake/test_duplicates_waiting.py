"""A batch's tickets not written yet are duplicate candidates exactly as written ones are.

Inside a worker's batch on PostgreSQL the new tickets wait for the batch's end
(core.batchrows), and the candidate queries add the waiting ones by the same rule as their
SQL (core.intake.duplicates `_found`). These tests hold that rule to the SQL on both
databases: the same rows, order and cap as the query finds once the waiting tickets are
written; and a batch suggests what its records suggest alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from itertools import cycle
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.batchrows import DeferredRows, deferred_rows
from core.context import Context
from core.geogrid import grid_cell, neighbour_cells
from core.intake import duplicates
from core.intake.ingest import accept, process, process_batch
from core.models import Contact, Status, Ticket
from core.newrows import DEFERRED
from core.routing.similarity import PreparedFeatures, text_features
from tests.core.conftest import Mail, Statements

HERE = (23.5880, 58.3829)
FAR = (23.6100, 58.5400)
TEXTS = (
    "Water is flooding the street near Al Khuwair roundabout, cars are stuck",
    "المياه تغمر الشارع قرب دوار الخوير والسيارات عالقة",
    "el mai ghamer el share3 qareeb dowar el khuwair",
    "",
)
# Every kind of ticket the conditions tell apart, round and round: the category (the
# probe's, another, none), open or not, inside the window or not, near or far or nowhere.
KINDS = [
    (category, status, age, place)
    for category in ("stormwater_flooding", "potholes", None)
    for status in (Status.NEW, Status.TRIAGED, Status.RESOLVED, Status.CLOSED, Status.DUPLICATE)
    for age in (timedelta(minutes=1), timedelta(days=6), timedelta(days=8))
    for place in (HERE, FAR, None)
]


def tickets(ctx: Context, contact: Contact, count: int, first_id: int) -> list[Ticket]:
    """`count` tickets of KINDS and TEXTS in turn, each created a second before the last,
    with ids from `first_id`; one in every few of the probe's kind, to pass the cap."""
    now, made = ctx.now(), []
    # Half of them of the probes' kinds (classified or not, open, recent, near).
    kinds = cycle(KINDS + [KINDS[0], (None, *KINDS[0][1:])] * (len(KINDS) // 2))
    for n, (category, status, age, place), text in zip(range(count), kinds, cycle(TEXTS)):
        made.append(
            Ticket(
                id=first_id + n,
                reference=f"W-{first_id + n}",
                secret="s",
                status=status,
                channel="email",
                category=category,
                contact_id=contact.id,
                lat=place[0] if place else None,
                lon=place[1] if place else None,
                geo_cell=grid_cell(*place) if place else None,
                text_features=text_features(text),
                created_at=now - age - timedelta(seconds=n),
            )
        )
    return made


def as_waiting(ticket: Ticket) -> dict[str, Any]:
    """A ticket's row as the batch keeps it until written (column values by column key)."""
    return {column.key: getattr(ticket, column.key) for column in Ticket.__table__.columns}


def comparable(rows: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows with stored features (JSON text from the query) decoded, times in UTC (SQLite's
    are read without a zone)."""
    return [(*map(decoded, row[:-1]), utc(row[-1])) for row in rows]


def decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) and value[:1] == "{" else value


def utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def queries(ctx: Context) -> list[tuple[Any, dict[str, Any], tuple[str, ...]]]:
    """Each candidate query with a probe's parameters, and the columns it reads."""
    since = ctx.now() - duplicates.TEXT_WINDOW
    classified = {"category": "stormwater_flooding", "since": since, "own_id": 0}
    located = {**classified, "cells": neighbour_cells(*HERE)}
    unclassified = {"category": None, "since": since, "own_id": 0}
    return [
        (duplicates._NEARBY, located, ("lat", "lon")),
        (duplicates._BY_TEXT[True], classified, ("text_features",)),
        (duplicates._BY_TEXT[False], unclassified, ("text_features",)),
    ]


def test_waiting_tickets_are_found_as_the_query_finds_them_written(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Salim", email="salim@example.org")
        session.add(contact)
        session.flush()
        # Written: the older ones, more of the probe's kind than the cap; waiting: the
        # newest, of every kind (the older of them created before some written ones).
        written = tickets(ctx, contact, 4 * duplicates.CANDIDATE_LIMIT, first_id=10_000)
        session.add_all(written)
        session.flush()
        unwritten = tickets(ctx, contact, 2 * len(KINDS), first_id=20_000)
        store = DeferredRows(len(unwritten))
        store.add("ticket", [as_waiting(t) for t in reversed(unwritten)])  # oldest added first
        session.info[DEFERRED] = store
        found = {q: duplicates._found(session, q, values, cols) for q, values, cols in queries(ctx)}
        del session.info[DEFERRED]
        session.add_all(unwritten)
        session.flush()
        for query, values, _columns in queries(ctx):
            expected = session.connection().execute(query, values).all()
            assert len(expected) == duplicates.CANDIDATE_LIMIT  # the cap is reached
            assert {r[0] for r in expected} & {t.reference for t in unwritten}
            assert comparable(found[query]) == comparable(expected)


def suggested(session: Session, senders: list[str]) -> list[list[tuple[int, str, float]]]:
    """Each sender's ticket's suggested duplicates as (which sender's ticket, reason,
    score)."""
    references = {
        reference: n
        for n, sender in enumerate(senders)
        for reference in session.execute(
            select(Ticket.reference).join(Ticket.contact).where(Contact.email == sender)
        ).scalars()
    }
    found = []
    for sender in senders:
        routing = session.execute(
            select(Ticket.routing).join(Ticket.contact).where(Contact.email == sender)
        ).scalar_one()
        found.append(
            [(references[d["reference"]], d["reason"], d["score"]) for d in routing["duplicates"]]
        )
    return found


def test_a_batch_suggests_the_duplicates_its_records_suggest_alone(
    ctx: Context, mail: Mail
) -> None:
    texts = [TEXTS[0], TEXTS[0] + "!", TEXTS[0].lower(), TEXTS[1], TEXTS[1] + " الآن", TEXTS[0]]
    alone = [f"alone{n}@example.org" for n in range(len(texts))]
    for sender, text in zip(alone, texts, strict=True):
        process(ctx, accept(ctx, mail(sender, text)).record_id)
    with ctx.sessions() as session, session.begin():  # no candidates for the batch's any more
        session.execute(update(Ticket).values(status=Status.CLOSED))
    batched = [f"batched{n}@example.org" for n in range(len(texts))]
    for sender, text in zip(batched, texts, strict=True):
        accept(ctx, mail(sender, text))
    assert len(process_batch(ctx, ("email",)).claimed) == len(texts)
    with ctx.sessions() as session:
        expected = suggested(session, alone)
        assert sum(map(len, expected)) >= 6  # near duplicates of each other, as intended
        assert suggested(session, batched) == expected
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 12


def test_a_batch_prepares_each_new_tickets_features_once(
    ctx: Context, mail: Mail, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each record compares its ticket with the batch's earlier ones, still waiting: their
    features prepared when their own record compared them are used again, not prepared
    once more for every later record (as many as the batch's size)."""
    prepared: list[dict[str, int]] = []

    def prepare(features: dict[str, int]) -> PreparedFeatures:
        prepared.append(features)
        return real(features)

    real = duplicates.prepare_features
    monkeypatch.setattr(duplicates, "prepare_features", prepare)
    duplicates._prepared.cache_clear()  # the written ones' texts, decoded once per process
    texts = [TEXTS[0], TEXTS[0] + "!", TEXTS[0].lower(), TEXTS[0] + " now", TEXTS[0] + "."]
    for n, text in enumerate(texts):
        accept(ctx, mail(f"citizen{n}@example.org", text))
    assert len(process_batch(ctx, ("email",)).claimed) == len(texts)
    with ctx.sessions() as session:
        found = session.execute(select(Ticket.text_features).order_by(Ticket.id)).scalars()
        if ctx.engine.dialect.name == "postgresql":
            assert prepared == list(found)  # each once, in turn
        else:  # each written at once: its own, then once per process as later ones read it
            assert len(prepared) < 2 * len(texts)
        # and each ticket is suggested its earlier ones, as without the prepared kept
        found = suggested(session, [f"citizen{n}@example.org" for n in range(len(texts))])
        assert [sorted(n for n, _, _ in each) for each in found] == [
            list(range(n)) for n in range(5)
        ]


def flooding(ctx: Context, contact: Contact, count: int, first_id: int) -> list[Ticket]:
    """`count` open flooding reports like TEXTS[0], newest first, a second apart."""
    now = ctx.now()
    return [
        Ticket(
            id=first_id + n,
            reference=f"F-{first_id + n}",
            secret="s",
            status=Status.NEW,
            channel="email",
            category="stormwater_flooding",
            contact_id=contact.id,
            text_features=text_features(TEXTS[0]),
            created_at=now - timedelta(minutes=1, seconds=n),
        )
        for n in range(count)
    ]


def candidate_queries(sent: list[str]) -> int:
    return sum("FROM ticket" in s and "ORDER BY ticket.created_at DESC" in s for s in sent)


def test_a_batch_reads_a_categorys_candidates_once(
    ctx: Context, mail: Mail, statements: Statements
) -> None:
    texts = [TEXTS[0], TEXTS[0] + "!", TEXTS[0].lower(), TEXTS[0] + " now", TEXTS[0] + "."]
    for n, text in enumerate(texts):
        accept(ctx, mail(f"citizen{n}@example.org", text))
    with statements(ctx) as sent:
        assert len(process_batch(ctx, ("email",)).claimed) == len(texts)
    postgresql = ctx.engine.dialect.name == "postgresql"
    assert candidate_queries(sent) == (1 if postgresql else len(texts))
    with ctx.sessions() as session:
        found = suggested(session, [f"citizen{n}@example.org" for n in range(len(texts))])
        assert [sorted(n for n, _, _ in each) for each in found] == [
            list(range(n)) for n in range(5)
        ]


def new_ticket(ctx: Context, contact: Contact, reference: str) -> Ticket:
    """A new flooding report of the batch, not written (as a record's before its routing)."""
    return Ticket(
        reference=reference,
        secret="s",
        status=Status.NEW,
        channel="email",
        category="stormwater_flooding",
        contact_id=contact.id,  # not added to the session by the contact's tickets
        text_features=text_features(TEXTS[0]),
        created_at=ctx.now(),
    )


def references(found: list[duplicates.Suggestion]) -> set[str]:
    return {suggestion.reference for suggestion in found}


def test_a_ticket_the_batch_closes_is_not_suggested_to_its_later_records(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Salim", email="salim@example.org")
        session.add(contact)
        session.flush()
        session.add_all(flooding(ctx, contact, 2, first_id=10_000))
        session.flush()
        with deferred_rows(session, 2):
            first = duplicates.suggest_duplicates(session, new_ticket(ctx, contact, "N-1"))
            assert references(first) == {"F-10000", "F-10001"}
            session.execute(update(Ticket).where(Ticket.id == 10_000).values(status=Status.CLOSED))
            later = duplicates.suggest_duplicates(session, new_ticket(ctx, contact, "N-2"))
            assert references(later) == {"F-10001"}


def test_a_batch_sees_what_was_committed_before_it_not_what_an_earlier_batch_read(
    ctx: Context,
) -> None:
    with ctx.sessions() as session:
        with session.begin():
            contact = Contact(name="Salim", email="salim@example.org")
            session.add(contact)
            session.flush()
            session.add_all(flooding(ctx, contact, 1, first_id=10_000))
        with session.begin(), deferred_rows(session, 2):
            first = duplicates.suggest_duplicates(session, new_ticket(ctx, contact, "N-1"))
        assert references(first) == {"F-10000"}
        with ctx.sessions() as other, other.begin():  # another worker's commit
            other.add_all(flooding(ctx, other.get(Contact, contact.id), 1, first_id=20_000))
        with session.begin(), deferred_rows(session, 2):
            later = duplicates.suggest_duplicates(session, new_ticket(ctx, contact, "N-2"))
        assert references(later) == {"F-10000", "F-20000"}


@pytest.mark.parametrize("count", [3, duplicates.CANDIDATE_LIMIT + 1])
def test_a_later_record_is_given_the_querys_own_answer(ctx: Context, count: int) -> None:
    """A batch keeps a read made for a ticket not written (here none: id 0) in the earliest
    window; a later record's candidates are the query's for it: without its own ticket
    (written early: the query runs; past the cap, the row after), without what left the
    window since (a ticket waiting: the kept rows)."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Salim", email="salim@example.org")
        session.add(contact)
        session.flush()
        written = flooding(ctx, contact, count, first_id=10_000)
        older = flooding(ctx, contact, 1, first_id=30_000)[0]
        older.created_at -= duplicates.TEXT_WINDOW + timedelta(hours=1)
        session.add_all([*written, older])
        session.flush()
        statement = duplicates._BY_TEXT[True]
        since = ctx.now() - duplicates.TEXT_WINDOW
        for own in (written[0], written[-2]):
            values = {"category": "stormwater_flooding", "since": since, "own_id": own.id}
            expected = session.connection().execute(statement, values).all()
            waits = session.connection().execute(statement, {**values, "own_id": 0}).all()
            with deferred_rows(session, 2):
                earlier = {**values, "since": since - timedelta(days=1), "own_id": 0}
                first = duplicates._found(session, statement, earlier, ("x",))
                assert (older.reference in {row[0] for row in first}) == (
                    count < duplicates.CANDIDATE_LIMIT
                )
                found = duplicates._found(session, statement, values, ("x",))
                kept = duplicates._found(session, statement, {**values, "own_id": 0}, ("x",))
            assert [row[0] for row in found] == [row[0] for row in expected]
            assert [row[0] for row in kept] == [row[0] for row in waits]
            assert older.reference not in {row[0] for row in kept}
            assert own.reference not in {row[0] for row in found}
            assert len(found) == min(count - 1, duplicates.CANDIDATE_LIMIT)


def test_a_batchs_record_alone_in_its_category_runs_the_query_for_its_own_ticket(
    ctx: Context, statements: Statements
) -> None:
    """Read once per batch only for a category the batch holds again: a batch of one or
    two records mostly holds one a category, and each asks what it asks alone (the query
    with its own ticket's id), nothing read for a later record that never comes."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Salim", email="salim@example.org")
        session.add(contact)
        session.flush()
        session.add_all(flooding(ctx, contact, 2, first_id=10_000))
        session.flush()
        with deferred_rows(session, 2), statements(ctx) as sent:
            found, store = [], session.info.get(DEFERRED)  # none on SQLite: no batch rows
            for n, category in enumerate(("stormwater_flooding", "potholes")):
                ticket = new_ticket(ctx, contact, f"N-{n}")
                ticket.id, ticket.category = 50_000 + n, category
                if store is not None:  # waiting, as the batch's tickets
                    store.add("ticket", [as_waiting(ticket)])
                found.append(references(duplicates.suggest_duplicates(session, ticket)))
            if store is not None:
                store.rows.clear()  # not whole tickets: not to be written
    assert found == [{"F-10000", "F-10001"}, set()]
    asked = [
        parameters
        for statement, parameters in sent.with_parameters()
        if "FROM ticket" in statement and "ORDER BY ticket.created_at DESC" in statement
    ]
    assert len(asked) == 2  # each record's text query
    for n, parameters in enumerate(asked):  # each for its own ticket, not nobody's (0)
        if isinstance(parameters, dict):  # PostgreSQL's, by name
            assert parameters["own_id"] == 50_000 + n
        else:  # SQLite's, in order
            assert 50_000 + n in parameters
