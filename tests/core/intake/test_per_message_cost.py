"""The cost of one inbound message does not grow with the number of tickets already stored.

Queries are counted (the same number with few or many tickets), and on PostgreSQL each
query's plan is checked to reach the big tables through an index.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, text

from core.context import Context
from core.inbound import InboundMessage, Location
from core.intake.duplicates import suggest_duplicates
from core.intake.ingest import ingest
from core.models import Contact, Status, Ticket
from core.routing.similarity import text_features

LEAK = "Water pipe burst flooding the street near Al Khuwair roundabout"
HERE = (23.5880, 58.3829)


@contextmanager
def captured(ctx: Context) -> Iterator[list[tuple[str, Any]]]:
    """Every statement the engine sends while the block runs, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)


def add_tickets(ctx: Context, count: int, start: int) -> None:
    """Open tickets of one category around one spot with the same text: all candidates."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Earlier citizen")
        session.add(contact)
        for n in range(start, start + count):
            session.add(
                Ticket(
                    reference=f"MCT-9{n:05d}",
                    secret=secrets.token_urlsafe(16),
                    status=Status.NEW,
                    channel="telegram",
                    contact=contact,
                    category="water_leak",
                    lat=HERE[0] + n * 0.00001,
                    lon=HERE[1],
                    text_features=text_features(f"{LEAK} {n}"),
                    created_at=ctx.now() - timedelta(minutes=n),
                )
            )


def new_leak_report(ctx: Context, **place: float) -> Ticket:
    """The report being filed (not stored): a leak like the earlier ones, `lat`/`lon` if given."""
    return Ticket(
        reference="MCT-000000",
        secret="x",
        channel="telegram",
        category="water_leak",
        text_features=text_features(LEAK),
        created_at=ctx.now(),
        **place,
    )


def suggestion_queries(ctx: Context) -> int:
    with ctx.sessions() as session:
        ticket = new_leak_report(ctx, lat=HERE[0], lon=HERE[1])
        with captured(ctx) as statements:
            found = suggest_duplicates(session, ticket)
        assert len(found) == 5
    return len([s for s, _ in statements if s.lstrip().upper().startswith("SELECT")])


def test_duplicate_suggestion_issues_the_same_queries_with_few_or_many_candidates(
    ctx: Context,
) -> None:
    add_tickets(ctx, 6, start=0)
    few = suggestion_queries(ctx)
    add_tickets(ctx, 300, start=6)
    assert suggestion_queries(ctx) == few <= 2


def report(ctx: Context, sender: str, text: str = LEAK) -> Any:
    return ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender=sender,
            text=text,
            external_id=f"{sender}:{secrets.token_hex(4)}",
            location=Location(*HERE),
        ),
    )


def test_processing_a_message_issues_the_same_queries_with_few_or_many_tickets(
    ctx: Context,
) -> None:
    for n in range(3):
        report(ctx, f"{n}")
    with captured(ctx) as few_new:
        report(ctx, "new-1")
    with captured(ctx) as few_reply:
        report(ctx, "new-1", "Still flooding, please hurry")
    for n in range(3, 40):
        report(ctx, f"{n}")
    with captured(ctx) as many_new:
        report(ctx, "new-2")
    with captured(ctx) as many_reply:
        report(ctx, "new-2", "Still flooding, please hurry")
    assert (len(many_new), len(many_reply)) == (len(few_new), len(few_reply))


GROWING = ("ticket", "message", "inbound_record", "contact_identity", "event", "outbox_item")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # plans are PostgreSQL's
def test_every_per_message_query_on_postgresql_can_use_an_index(
    ctx: Context, database_url: str
) -> None:
    for n in range(5):
        report(ctx, f"{n}")
    with captured(ctx) as statements:
        report(ctx, "new")
        report(ctx, "new", "Still flooding, please hurry")
    selects = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    scans = []
    with ctx.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))  # only a missing index leaves a scan
        for statement, parameters in selects:
            plan = "\n".join(
                row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters)
            )
            scans += [
                (table, statement)
                for table in GROWING
                if f"Seq Scan on {table} " in plan or plan.endswith(f"Seq Scan on {table}")
            ]
    assert scans == []


def add_other_tickets(ctx: Context, count: int) -> None:
    """Tickets of the week that are never candidates: closed ones of the same category and
    open ones of another."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Earlier citizen")
        for n in range(count):
            session.add(
                Ticket(
                    reference=f"MCT-7{n:05d}",
                    secret="x",
                    status=Status.CLOSED if n % 2 else Status.ASSIGNED,
                    channel="telegram",
                    contact=contact,
                    category="water_leak" if n % 2 else "street_lighting",
                    text_features=text_features(f"{LEAK} {n}"),
                    created_at=ctx.now() - timedelta(minutes=n),
                )
            )


def test_text_candidates_are_read_from_the_index_of_open_tickets(ctx: Context) -> None:
    """A city's week holds many closed tickets of a category beside the open ones; the
    partial index of open tickets skips them, on SQLite (whose planner needs the statuses
    written in the query as in the index) and PostgreSQL alike."""
    add_tickets(ctx, 6, start=0)
    add_other_tickets(ctx, 600)
    with ctx.sessions() as session:
        ticket = new_leak_report(ctx)
        with captured(ctx) as statements:
            assert len(suggest_duplicates(session, ticket)) == 5
    [(statement, parameters)] = [s for s in statements if "text_features" in s[0]]
    postgresql = ctx.engine.dialect.name == "postgresql"
    with ctx.engine.connect() as conn:
        if postgresql:
            # Earlier tests' rows left the indexes' pages behind (the test database is emptied
            # by DELETE and VACUUM, which frees pages but keeps them): the planner would cost
            # a bloated partial index as a big one. REINDEX sizes them by this test's rows.
            conn.execute(text("REINDEX TABLE ticket"))
        conn.execute(text("ANALYZE"))
        if postgresql:
            conn.execute(text("SET enable_seqscan = off"))
        explain = "EXPLAIN " if postgresql else "EXPLAIN QUERY PLAN "
        plan = " ".join(str(row) for row in conn.exec_driver_sql(explain + statement, parameters))
    assert "ix_ticket_open_category_created" in plan, plan
