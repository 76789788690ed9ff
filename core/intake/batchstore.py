"""Store the many messages of one transport delivery in a few transactions, before answering.

A WhatsApp webhook call may carry thousands of messages (Meta batches them in
`entry[].changes[].value.messages[]`). Stored one `accept` each, every message was a
transaction of its own (a commit, a WAL flush) and the call's answer deadline
(BALAGH_DB_ANSWER_TIMEOUT_SECONDS) ran out part way: 1,681 of 2,000 stored on PostgreSQL in
8 s, then 503, and the retry started again from the first. Here the messages are written
CHUNK at a time, each chunk one multi-row `INSERT ... ON CONFLICT (channel, external_id) DO
NOTHING RETURNING` and one commit; a message stored before (Meta's retry, or the same id twice
in one call) is found by the unique key and answered as a duplicate, as `accept` answers it.
A chunk that cannot be stored in time raises StorageUnavailable after the earlier chunks
committed: the transport answers a temporary failure, and its retry stores only the rest.

For channels without web-form submissions (no `submitter`, so no resubmission key) and no
reserved references: those go through `core.intake.ingest.accept`, one at a time.
"""

from __future__ import annotations

import json
import logging
from typing import Any, cast

from sqlalchemy import Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from core.context import Context
from core.db import answer_time_left, within
from core.errors import StorageUnavailable
from core.inbound import InboundMessage
from core.intake.ingest import NOTHING_VISIBLE, Accepted, record_values, says_nothing, serialize
from core.intake.wakeups import announce
from core.models import InboundRecord, InboundStatus

logger = logging.getLogger(__name__)

# Messages per transaction: 500 rows of 9 columns stay under SQLite's 32,766 bound
# parameters, and a chunk commits well within a second on either database.
CHUNK = 500

_TABLE = cast(Table, InboundRecord.__table__)


def accept_batch(ctx: Context, messages: list[InboundMessage]) -> list[Accepted]:
    """Store every message durably, in order, a chunk per transaction; one `Accepted` per
    message (a repeat of an id, in this call or stored before, is `duplicate`). Raises
    StorageUnavailable when a chunk cannot be stored within the caller's deadline; the
    chunks before it stay stored."""
    for message in messages:
        if not message.external_id:
            raise ValueError("an inbound message needs an external id for de-duplication")
        if message.submitter is not None:
            raise ValueError("a web submission is stored with accept, one at a time")
    try:
        rows = [_row(ctx, message) for message in messages]
    except OSError as exc:  # an attachment's file could not be written
        logger.error("could not store a batch of inbound messages: %s", type(exc).__name__)
        raise StorageUnavailable("The messages could not be stored; try again shortly.") from exc
    answers: dict[tuple[str, str], Accepted] = {}
    first: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:  # the same id twice in one delivery is one message
        first.setdefault((row["channel"], row["external_id"]), row)
    unique = list(first.values())
    for start in range(0, len(unique), CHUNK):
        seconds = ctx.settings.db_answer_timeout_seconds
        left = answer_time_left()
        if left is not None:
            seconds = min(seconds, left)
        answers.update(within(seconds, _store_chunk, ctx, unique[start : start + CHUNK]))
    accepted: list[Accepted] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        key = (row["channel"], row["external_id"])
        answer = answers[key]
        if key in seen and not answer.duplicate:
            answer = Accepted(answer.record_id, duplicate=True, ignored=answer.ignored)
        seen.add(key)
        accepted.append(answer)
    return accepted


def _row(ctx: Context, message: InboundMessage) -> dict[str, Any]:
    normalized = serialize(message, ctx.data_dir)
    raw = message.raw or json.dumps(normalized, ensure_ascii=False).encode()
    ignore = NOTHING_VISIBLE if says_nothing(message) else None
    return record_values(ctx, raw, normalized, message, ignore)


def _store_chunk(ctx: Context, rows: list[dict[str, Any]]) -> dict[tuple[str, str], Accepted]:
    """One transaction: the rows not stored before inserted, and each row's record found."""
    table = _TABLE
    try:
        with ctx.sessions() as session, session.begin():
            inserted = session.execute(
                _insert(ctx.engine.dialect.name, rows)
                .on_conflict_do_nothing(index_elements=[table.c.channel, table.c.external_id])
                .returning(table.c.id, table.c.channel, table.c.external_id)
            )
            new = {
                (channel, external_id): record_id for record_id, channel, external_id in inserted
            }
            answers: dict[tuple[str, str], Accepted] = {}
            for row in rows:
                key = (row["channel"], row["external_id"])
                if key in new:
                    answers[key] = Accepted(new[key], False, ignored=_ignored(row["status"]))
            repeats = [
                (r["channel"], r["external_id"])
                for r in rows
                if (r["channel"], r["external_id"]) not in new
            ]
            if repeats:  # stored before: found by the unique key, as `accept` finds one
                found = session.execute(
                    select(
                        InboundRecord.id,
                        InboundRecord.channel,
                        InboundRecord.external_id,
                        InboundRecord.status,
                    ).where(tuple_(InboundRecord.channel, InboundRecord.external_id).in_(repeats))
                )
                for record_id, channel, external_id, status in found:
                    answers[(channel, external_id)] = Accepted(
                        record_id, True, ignored=_ignored(status)
                    )
            # Other processes' workers (and preparers) hear of the new records on commit.
            for status in sorted(
                {row["status"] for row in rows if (row["channel"], row["external_id"]) in new}
            ):
                announce(session, ctx.extras, status)
        return answers
    except SQLAlchemyError as exc:
        logger.error("could not store %d inbound messages: %s", len(rows), type(exc).__name__)
        raise StorageUnavailable("The messages could not be stored; try again shortly.") from exc


def _insert(dialect: str, rows: list[dict[str, Any]]) -> Any:
    """The dialect's INSERT (each has its own `on_conflict_do_nothing`)."""
    table = _TABLE
    if dialect == "postgresql":
        return postgresql.insert(table).values(rows)
    if dialect == "sqlite":
        return sqlite.insert(table).values(rows)
    raise ValueError(f"no batch store for {dialect}")


def _ignored(status: InboundStatus) -> bool:
    return status == InboundStatus.IGNORED
