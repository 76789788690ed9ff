"""Ingestion in two steps: `accept` stores the raw message, `process` makes it part of a ticket.

`accept` commits the raw payload before the transport is acknowledged, so nothing a citizen
sent is lost; if it cannot, it raises StorageUnavailable and the transport answers with a
temporary failure (SMTP 451, HTTP 503) so the sender retries. `process` does everything else
in one transaction; a failure rolls it all back and leaves the raw record marked failed with
its error, for the retry job or `balagh inbound retry`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import nullcontext
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from core.batchrows import deferred_rows, note_handled
from core.context import Context
from core.db import answer_time_left, answer_within, within
from core.delivery.notify import look_up_acks
from core.errors import InputError, StorageUnavailable
from core.files import read_file, store_file
from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.intake.conversation import Processed, handle_message, look_up_stored, look_up_tickets
from core.intake.groupstore import store_group
from core.intake.resubmission import earlier_submission, mark_resent, resubmission_key
from core.intake.wakeups import announce
from core.metrics import PROCESSING_LAG, observe_lag
from core.models import InboundRecord, InboundStatus, Message
from core.storable import plain_label, storable, storable_text, visible_or_empty
from core.tickets import look_up_senders, new_secret, next_reference

logger = logging.getLogger(__name__)

# Channel name -> the descriptor's `prepare` hook (core.channels), which completes a record
# stored as `needs_preparing` before a worker may claim it (`prepare_waiting`); filled by
# `core.intake.pipeline.register_hook`.
PREPARE_KEY = "inbound_prepare"
Prepare = Callable[[Context, InboundMessage, int], InboundMessage]


@dataclass(frozen=True)
class Accepted:
    """The stored raw record; `duplicate` when this exact message was accepted before.

    `reference` and `secret` are the new ticket's, when the caller asked to reserve them;
    `ignored` when the record is kept but will never be a ticket.
    """

    record_id: int
    duplicate: bool
    reference: str | None = None
    secret: str | None = None
    ignored: bool = False  # kept, never a ticket (`ignore`, or `says_nothing`)


def serialize(message: InboundMessage, data_dir: Path) -> dict[str, Any]:
    """A JSON-safe, storable form of the message; attachment bytes go to the file store.

    Every string is passed through `storable_text`: a NUL a citizen pasted (or an email's
    quoted-printable `=00`) would make PostgreSQL refuse the ticket. The raw bytes keep it.
    File names, the subject and the address also lose bidi overrides (`plain_label`), which
    would make `invoice<U+202E>fdp.exe` look like a PDF in the inbox, and reverse what follows
    an address on its line.
    """
    data: dict[str, Any] = {  # attachments (bytes) not walked: replaced below, in place
        f.name: None if f.name == "attachments" else _storable_plain(getattr(message, f.name))
        for f in fields(message)
        if f.name != "raw"
    }
    data["received_at"] = message.received_at.isoformat()
    if data.get("subject"):
        data["subject"] = plain_label(data["subject"])
    if data.get("location") and data["location"].get("address"):
        data["location"]["address"] = plain_label(data["location"]["address"])
    data["attachments"] = [
        {
            "filename": plain_label(a.filename),
            "content_type": storable_text(a.content_type),
            "size": len(a.data),
            "sha256": store_file(data_dir, a.data),
        }
        for a in message.attachments
    ]
    return data


def _storable_plain(value: Any) -> Any:
    """`storable(asdict(value))` in one walk: dataclasses as dicts, containers rebuilt, every
    string (keys too) storable; without asdict's deep copy of every leaf, which with the
    second walk was a tenth of the SMTP listener's store (bench/RESULTS.md)."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {_storable_plain(k): _storable_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_storable_plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _storable_plain(getattr(value, f.name)) for f in fields(value)}
    return value


def deserialize(data: dict[str, Any], raw: bytes, data_dir: Path) -> InboundMessage:
    """Rebuild the normalised message from a stored record."""
    values = dict(data)
    values["thread"] = ThreadHints(
        **{
            **values.get("thread", {}),
            "reply_to": tuple(values.get("thread", {}).get("reply_to", ())),
        }
    )
    values["location"] = Location(**values["location"]) if values.get("location") else None
    values["attachments"] = tuple(
        InboundAttachment(a["filename"], a["content_type"], read_file(data_dir, a["sha256"]))
        for a in values.get("attachments", ())
    )
    values["staff_notes"] = tuple(values.get("staff_notes", ()))
    values["received_at"] = datetime.fromisoformat(values["received_at"])
    values["raw"] = raw
    return InboundMessage(**values)


# Why a record that says nothing is kept without a ticket (`says_nothing`).
NOTHING_VISIBLE = "nothing visible: no text that shows, no file, no place"


def says_nothing(message: InboundMessage) -> bool:
    """Whether a message carries nothing a person could read or see: its text and subject
    empty by `core.storable.visible_or_empty` (only spaces, zero-width characters, direction
    marks or controls, the input the web form refuses), no file, no place. Kept, as all a
    citizen sends is, but no report to open a ticket for or acknowledge."""
    return not (
        visible_or_empty(message.text)
        or visible_or_empty(message.subject)
        or message.attachments
        or message.location is not None
        or message.needs_preparing  # its file is still to come
        or message.staff_notes  # a file the channel could not fetch
    )


def accept(
    ctx: Context, message: InboundMessage, *, ignore: str | None = None, reserve: bool = False
) -> Accepted:
    """Store the raw message durably; only after this returns may the transport acknowledge.

    `ignore` (a reason) keeps a message that is not a citizen's (an auto-reply, a bounce) as an
    ignored record in the same transaction: stored pending and marked afterwards, a worker
    could claim it in between and make a ticket and an acknowledgement of it. A message that
    `says_nothing` is kept the same way (`Accepted.ignored`; a chat may say so).

    `reserve` allocates the reference and secret of the ticket the message will open, in
    the same transaction, for a channel that must show them before the ticket exists (the
    web form's confirmation page); processing then opens the ticket under them.
    """
    if not message.external_id:
        raise ValueError("an inbound message needs an external id for de-duplication")
    if reserve and not message.thread.new_ticket:
        raise ValueError("only a message that opens a new ticket can reserve its reference")
    if ignore is None and not reserve and says_nothing(message):
        ignore = NOTHING_VISIBLE
    # Bounded: a hung database must not hold the SMTP session or the web request open.
    seconds = ctx.settings.db_answer_timeout_seconds
    if _grouped(ctx, reserve):
        # On the caller's thread: the group store bounds its wait for a group and each
        # database wait of the group it writes by this deadline, so the hand-over to a
        # `within` thread (21% of the SMTP listener's GIL time, bench/RESULTS.md) is not
        # needed to answer in time; a timeout or an outage is StorageUnavailable as there.
        with answer_within(seconds):
            return _store(ctx, message, ignore, reserve)
    # A store PostgreSQL would group has only what is left of the caller's deadline on
    # SQLite too (`within`'s thread does not inherit it): SMTP's reply-token look-up used
    # part of it, and a fresh timeout let the 451 come after up to twice the deadline. A
    # web form reserving its reference keeps its own on both: cleaning its photos (up to
    # 30 MB) is not a database wait, yet took 5.7 s of the request's 8 at load 12.
    left = answer_time_left()
    if left is not None and not reserve:
        seconds = min(seconds, left)
    return within(seconds, _store, ctx, message, ignore, reserve)


def _grouped(ctx: Context, reserve: bool) -> bool:
    """Whether a store goes through the group commit (PostgreSQL; not one that reserves a
    reference, which needs its own transaction)."""
    return not reserve and ctx.engine.dialect.name == "postgresql"


def _store(
    ctx: Context, message: InboundMessage, ignore: str | None = None, reserve: bool = False
) -> Accepted:
    try:
        normalized = serialize(message, ctx.data_dir)
        channel, external_id = normalized["channel"], normalized["external_id"]
        raw = message.raw or json.dumps(normalized, ensure_ascii=False).encode()
        values = record_values(ctx, raw, normalized, message, ignore)
        if _grouped(ctx, reserve):
            return _store_grouped(ctx, values)
        with ctx.sessions() as session:
            # Insert first: the unique (channel, external_id) finds a duplicate, so the
            # ordinary case costs no look-up before the acknowledgement (a web report's one
            # indexed look-up for the same report sent again aside: core/intake/resubmission).
            record = InboundRecord(**values)
            earlier = earlier_submission(ctx, session, record.resubmit_key, record.received_at)
            if earlier is not None:  # the form sent again: its reference, no new ticket
                mark_resent(ctx, record, earlier)
            elif reserve:
                record.reference = next_reference(session, ctx.settings.ref_prefix)
                record.secret = new_secret()
            session.add(record)
            try:
                session.flush()
                accepted = _accepted(record, duplicate=False, earlier=earlier)  # before commit
                # Other processes' workers (and preparers, for a file) hear of it on commit.
                announce(session, ctx.extras, values["status"])
                session.commit()
            except IntegrityError:  # accepted before (a retry), or racing in right now
                session.rollback()
                found = _find_record(session, channel, external_id)
                if found is None:
                    raise
                return _accepted(found, duplicate=True, earlier=_resent_of(ctx, session, found))
            return accepted
    except (SQLAlchemyError, OSError) as exc:
        logger.error("could not store inbound %s message: %s", message.channel, type(exc).__name__)
        raise StorageUnavailable("The message could not be stored; try again shortly.") from exc


def record_values(
    ctx: Context,
    raw: bytes,
    normalized: dict[str, Any],
    message: InboundMessage,
    ignore: str | None,
) -> dict[str, Any]:
    """The new record's columns, for either way of storing it: pending; `preparing` when its
    channel completes it first (prepare_waiting); ignored, with the reason, when not a
    citizen message."""
    ignored = ignore is not None
    status = InboundStatus.PENDING
    if message.needs_preparing:
        status = InboundStatus.PREPARING
    if ignored:
        status = InboundStatus.IGNORED
    return {
        "channel": normalized["channel"],
        "external_id": normalized["external_id"],
        "raw": raw,
        "normalized": normalized,
        "received_at": message.received_at,
        "status": status,
        "processed_at": ctx.now() if ignored else None,
        "error": _ignored_because(ignore)[:2000] if ignore is not None else None,
        "resubmit_key": None if ignored else resubmission_key(message),
    }


def _resent_of(ctx: Context, session: Session, record: InboundRecord) -> InboundRecord | None:
    """The first report a stored resend repeats (core/intake/resubmission.py), found again
    for a retry of the resend (its token posted twice), which is answered as it was."""
    if record.status != InboundStatus.IGNORED or record.reference is not None:
        return None
    key, received_at = record.resubmit_key, record.received_at
    return earlier_submission(ctx, session, key, received_at, besides=record.id)


def _ignored_because(ignore: str) -> str:
    """The record's note on why it is no ticket."""
    return ignore if ignore == NOTHING_VISIBLE else f"not a citizen message: {ignore}"


def _store_grouped(ctx: Context, row: dict[str, Any]) -> Accepted:
    """`_store` through the group commit (core.intake.groupstore): committed with the
    stores of other concurrent sessions, returning after that commit."""
    left = answer_time_left()
    try:
        stored = store_group(ctx).store(
            row, ctx.settings.db_answer_timeout_seconds if left is None else left
        )
    except FutureTimeout:  # no group committed it in time (within's answer, on this thread)
        logger.error("storing an inbound message: no answer in time from the group store")
        raise StorageUnavailable(
            "The database did not answer in time; try again shortly."
        ) from None
    if not stored.duplicate:
        ignored = row["status"] == InboundStatus.IGNORED
        return Accepted(stored.record_id, duplicate=False, ignored=ignored)
    with ctx.sessions() as session:  # a retry: its reference, if it reserved one
        found = session.get(InboundRecord, stored.record_id)
        if found is None:
            raise LookupError(f"no inbound record {stored.record_id}")
        return _accepted(found, duplicate=True)


def _accepted(
    record: InboundRecord, duplicate: bool, earlier: InboundRecord | None = None
) -> Accepted:
    """What the caller is told of a stored record; of a resend (`earlier`), the first
    report's reference and secret: the web form shows them again, as `duplicate`."""
    ignored = record.status == InboundStatus.IGNORED
    if earlier is not None:
        return Accepted(record.id, True, earlier.reference, earlier.secret, ignored)
    return Accepted(record.id, duplicate, record.reference, record.secret, ignored)


def _find_record(session: Session, channel: str, external_id: str) -> InboundRecord | None:
    return session.execute(
        select(InboundRecord).where(
            InboundRecord.channel == channel, InboundRecord.external_id == external_id
        )
    ).scalar_one_or_none()


RACE_RETRIES = 3


def _raced(exc: Exception) -> bool:
    """A conflict with a concurrent transaction that a retry resolves (it has committed by
    then): two first messages creating the same contact, or a deadlock PostgreSQL broke."""
    if isinstance(exc, IntegrityError):
        return True
    return isinstance(exc, DBAPIError) and "deadlock" in str(exc.orig).lower()


class RecordIgnored(InputError):
    """The record was kept as ignored when accepted (it says nothing, or is no citizen's):
    it is never a ticket, whoever asks to process it."""

    code = "ignored"

    def __init__(self, record_id: int, reason: str | None) -> None:
        super().__init__(f"inbound record {record_id} is kept without a ticket: {reason}")
        self.record_id = record_id


def process(ctx: Context, record_id: int) -> Processed:
    """Turn a stored record into a message on a ticket, all or nothing.

    Safe beside the workers of `core.intake.pipeline`: the record is locked (PostgreSQL `FOR
    UPDATE`; SQLite's `BEGIN IMMEDIATE` serialises writers) and a record another worker
    already processed is answered from its message, never processed twice. A record
    `accept` kept as ignored is refused (RecordIgnored) and stays so: workers never claim
    one, and every other caller (`ingest`, staff tools) comes through here.
    """
    query = select(InboundRecord).where(InboundRecord.id == record_id).with_for_update()
    for attempt in range(RACE_RETRIES + 1):
        try:
            with ctx.sessions() as session, session.begin():
                record = session.execute(query).scalar_one_or_none()
                if record is None:
                    raise LookupError(f"no inbound record {record_id}")
                if record.status == InboundStatus.IGNORED:
                    raise RecordIgnored(record.id, record.error)
                if record.status == InboundStatus.DONE:
                    landed = _landed(session, record)
                    if landed is not None:
                        return landed
                return _process_locked(ctx, session, record)
        except RecordIgnored:
            raise  # not a failure: nothing to retry or mark
        except Exception as exc:
            if attempt < RACE_RETRIES and _raced(exc):
                continue
            _mark_failed(ctx, record_id, exc)
            raise
    raise AssertionError("unreachable")


class ClaimFailed(Exception):
    """A claimed record could not be processed; its error is on the record (status failed)."""

    def __init__(self, record_id: int) -> None:
        super().__init__(f"inbound record {record_id} failed")
        self.record_id = record_id


@dataclass(frozen=True)
class Claimed:
    """A record a worker claimed and processed: which one, from which channel, with what;
    `normalized` is its stored message as the worker loaded it (so a channel's after-step
    reads it without a query), None when the worker did not hold it (a batch's record
    processed again alone)."""

    record_id: int
    channel: str
    processed: Processed
    normalized: dict[str, Any] | None = None


def process_next(
    ctx: Context, channels: tuple[str, ...] | None = None, older_than: datetime | None = None
) -> Claimed | None:
    """Claim the oldest pending record no other worker holds, and process it; None if none.

    The claim and the processing are one transaction: `FOR UPDATE SKIP LOCKED` makes
    concurrent workers (threads or `balagh worker` processes on one PostgreSQL) take
    different records, and a worker that dies releases its claim with its connection, so
    the record is simply pending again. `channels` and `older_than` narrow what is claimed
    (see `core.intake.pipeline` for why). One record per transaction; the pipeline's workers
    take batches (`process_batch`).
    """
    query = select(InboundRecord).where(InboundRecord.status == InboundStatus.PENDING)
    if channels is not None:
        query = query.where(InboundRecord.channel.in_(channels))
    if older_than is not None:
        query = query.where(InboundRecord.received_at < older_than)
    query = query.order_by(InboundRecord.id).limit(1).with_for_update(skip_locked=True)
    record_id: int | None = None
    for attempt in range(RACE_RETRIES + 1):
        if record_id is not None:  # a retry takes the same record again, if still free
            query = (
                select(InboundRecord)
                .where(InboundRecord.id == record_id, InboundRecord.status == InboundStatus.PENDING)
                .with_for_update(skip_locked=True)
            )
        try:
            with ctx.sessions() as session, session.begin():
                record = session.execute(query).scalar_one_or_none()
                if record is None:
                    return None
                record_id, channel = record.id, record.channel
                processed = _process_locked(ctx, session, record)
                return Claimed(record_id, channel, processed, record.normalized)
        except Exception as exc:
            if record_id is None:
                raise
            if attempt < RACE_RETRIES and _raced(exc):
                continue
            _mark_failed(ctx, record_id, exc)
            raise ClaimFailed(record_id) from exc
    raise AssertionError("unreachable")


# Records a worker claims and processes in one transaction (`process_batch`): one claim and
# one commit for up to this many, instead of one each per record. 20 against 10 (two pairs
# at load 19-21, bench/RESULTS.md session 18): statements 3.4 -> 2.7 per record, the
# worker's CPU -0.23 to -0.35 ms and PostgreSQL's -0.1 to -0.2 ms of ~5 and ~1.1; the price,
# only while 20 records wait: the first of a batch (a web citizen waiting for their
# reference) waits for 20 records' work, ~70-100 ms, not 10's.
BATCH_SIZE = 20


@dataclass(frozen=True)
class BatchResult:
    """What a batch did: the records processed, and those that failed (each error is on
    its record, status failed, after it was retried alone)."""

    claimed: list[Claimed]
    failed: list[int]


def process_batch(
    ctx: Context, channels: tuple[str, ...] | None = None, limit: int | None = None
) -> BatchResult:
    """Claim up to `limit` (BATCH_SIZE, read when called) of the oldest pending records no
    other worker holds, and process them in one transaction (one claim, one commit); an
    empty result when none is pending.

    The guarantees are those of `process_next`: `FOR UPDATE SKIP LOCKED` gives concurrent
    workers different records, and a record is never processed twice. A batch is all or
    nothing, so when any of its records fails (or a deadlock with another batch breaks it)
    the whole transaction is rolled back and each record is processed again alone with
    `process`: the others land, and only the failing one is marked failed, never one that
    another worker processed meanwhile. Each sender's lock is taken up front for the whole
    batch, in one order for every worker, so two batches never wait on each other for them.
    """
    ids: list[int] = []
    try:
        with ctx.sessions() as session, session.begin():
            records = list(session.execute(_oldest_pending(channels, limit)).scalars())
            ids = [record.id for record in records]
            claimed = _process_together(ctx, session, records)
            _mark_done(ctx, session, records, [c.processed for c in claimed])
        return BatchResult(claimed, [])
    except Exception as exc:
        if not ids:
            raise
        logger.info("inbound batch of %d failed (%s): each alone", len(ids), type(exc).__name__)
    return _process_each_alone(ctx, ids)


def _oldest_pending(channels: tuple[str, ...] | None, limit: int | None) -> Select[InboundRecord]:
    """The batch's claim: the oldest pending records (of `channels`), up to `limit`
    (BATCH_SIZE), locked `FOR UPDATE SKIP LOCKED` so that concurrent workers each get
    different records and none waits for another's."""
    query = select(InboundRecord).where(InboundRecord.status == InboundStatus.PENDING)
    if channels is not None:
        query = query.where(InboundRecord.channel.in_(channels))
    query = query.order_by(InboundRecord.id).limit(limit or BATCH_SIZE)
    return query.with_for_update(skip_locked=True)


def _process_together(
    ctx: Context, session: Session, records: list[InboundRecord]
) -> list[Claimed]:
    """A batch's records processed in order in its one transaction. With more than one, the
    senders' locks and the questions each record would ask the database are taken once for
    all up front (`_lock_senders`, `_look_up_batch`), and the new rows written in one COPY
    per table at the end (PostgreSQL; core.batchrows); a record alone would only add the
    ids' reservation to its statements."""
    together = len(records) > 1
    if together:
        _lock_senders(session, records)
        _look_up_batch(ctx, session, records)
    claimed = []
    with deferred_rows(session, len(records)) if together else nullcontext():
        for record in records:
            processed = _handle_locked(ctx, session, record, sender_locked=together)
            claimed.append(Claimed(record.id, record.channel, processed, record.normalized))
            # What it changed is written now: the batch's answers it changed are
            # forgotten before the next record asks (core.batchanswers).
            session.flush()
            note_handled(session)
    return claimed


def _process_each_alone(ctx: Context, ids: list[int]) -> BatchResult:
    """After a failed batch (rolled back whole): each of its records again in a transaction
    of its own (`process`), so that the others land and only a failing record is marked
    failed; a record another worker processed meanwhile is left as it is."""
    result = BatchResult([], [])
    for record_id in ids:
        try:
            with ctx.sessions() as session:
                channel = session.execute(
                    select(InboundRecord.channel).where(InboundRecord.id == record_id)
                ).scalar_one()
            result.claimed.append(Claimed(record_id, channel, process(ctx, record_id)))
        except Exception:  # recorded on the row by process()
            result.failed.append(record_id)
    return result


def _look_up_batch(ctx: Context, session: Session, records: list[InboundRecord]) -> None:
    """What each record of a batch would ask the database on its own, asked once for all:
    the senders, whether the messages are stored, the known senders' surveyed and open
    tickets, their acknowledgements this hour (under the senders' locks)."""
    senders = [_sender(record.normalized) for record in records]
    known = look_up_senders(session, senders)
    look_up_stored(session, [_identity(record.normalized) for record in records])
    contacts = {
        (identity.contact_id, channel)
        for (channel, _address), identity in known.items()
        if identity is not None
    }
    look_up_tickets(ctx, session, contacts)
    look_up_acks(ctx, session, senders)


def _lock_senders(session: Session, records: list[InboundRecord]) -> None:
    """Every sender's lock for a batch, in one statement, in one order for all workers."""
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite: one writer at a time anyway
    keys = sorted({_sender_key(record.normalized) for record in records})
    session.execute(
        text(
            "SELECT pg_advisory_xact_lock(k) FROM "
            "(SELECT DISTINCT hashtext(x) AS k FROM unnest(CAST(:keys AS text[])) AS x "
            "ORDER BY 1) AS ordered"
        ),
        {"keys": keys},
    )


def _sender(normalized: dict[str, Any]) -> tuple[str, str]:
    """The channel and address `handle_message` looks the sender up by (made storable, as
    `_handle_locked` makes the record's text)."""
    return storable_text(str(normalized.get("channel"))), storable_text(
        str(normalized.get("sender"))
    )


def _identity(normalized: dict[str, Any]) -> tuple[str, str]:
    """The channel and external id `handle_message` asks whether the message is stored by
    (made storable, as `_handle_locked` makes the record's text)."""
    return storable_text(str(normalized.get("channel"))), storable_text(
        str(normalized.get("external_id"))
    )


def _sender_key(normalized: dict[str, Any]) -> str:
    """As `_handle_locked` names the sender (its text made storable, as it is there)."""
    return storable_text(f"{normalized.get('channel')}:{normalized.get('sender')}")


def _process_locked(ctx: Context, session: Session, record: InboundRecord) -> Processed:
    """Process a record the caller holds locked, inside the caller's transaction."""
    result = _handle_locked(ctx, session, record)
    record.status, record.error = InboundStatus.DONE, None
    record.processed_at, record.ticket_id = ctx.now(), result.ticket_id
    record.attempts += 1
    observe_lag(PROCESSING_LAG, record.channel, record.received_at, record.processed_at)
    return result


def _mark_done(
    ctx: Context, session: Session, records: list[InboundRecord], results: list[Processed]
) -> None:
    """A batch's records done, in one UPDATE for all (executemany) after the last of them:
    set on each ORM record, each would be its own flush and UPDATE when the next record's
    first query autoflushes (about a millisecond of CPU per record)."""
    now = ctx.now()
    rows = [
        {
            "id": record.id,
            "status": InboundStatus.DONE,
            "error": None,
            "processed_at": now,
            "ticket_id": result.ticket_id,
            "attempts": record.attempts + 1,
        }
        for record, result in zip(records, results, strict=True)
    ]
    if not rows:
        return
    session.execute(update(InboundRecord), rows)
    for record in records:
        observe_lag(PROCESSING_LAG, record.channel, record.received_at, now)


def _handle_locked(
    ctx: Context, session: Session, record: InboundRecord, sender_locked: bool = False
) -> Processed:
    """Handle a locked record's message inside the caller's transaction, leaving the record
    for the caller to mark done (`sender_locked`: the caller holds its sender's lock too)."""
    # Records accepted before text was made storable on the way in are cleaned here,
    # so retrying one that failed on a NUL now succeeds.
    normalized = storable(record.normalized)
    if normalized != record.normalized:
        record.normalized = normalized
    message = deserialize(normalized, record.raw, ctx.data_dir)
    if not sender_locked and session.get_bind().dialect.name == "postgresql":
        # One sender's messages one at a time, so a second message finds the ticket the
        # first one opened instead of opening its own in a parallel transaction.
        key = f"{message.channel}:{message.sender}"
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})
    return handle_message(ctx, session, message, record)


def processed_record(ctx: Context, record_id: int) -> Processed | None:
    """Where a processed record's message landed; None while it is not processed (yet)."""
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        if record is None or record.status != InboundStatus.DONE:
            return None
        landed = _landed(session, record)
        if landed is None:
            return None
        first = session.execute(
            select(func.min(Message.id)).where(Message.ticket_id == landed.ticket_id)
        ).scalar_one()
        return replace(landed, created=first == landed.message_id, duplicate=False)


def _landed(session: Session, record: InboundRecord) -> Processed | None:
    """Where an already processed record's message is (a duplicate answer), if it still is."""
    message = session.execute(
        select(Message).where(
            Message.channel == record.channel, Message.external_id == record.external_id
        )
    ).scalar_one_or_none()
    if message is None:
        return None
    t = message.ticket
    return Processed(t.id, t.reference, t.secret, message.id, created=False, duplicate=True)


def _mark_failed(ctx: Context, record_id: int, exc: Exception) -> None:
    """Record the error, unless another worker processed the record meanwhile."""
    logger.warning("processing inbound record %s failed: %s", record_id, type(exc).__name__)
    try:
        with ctx.sessions() as session, session.begin():
            record = session.execute(
                select(InboundRecord).where(InboundRecord.id == record_id).with_for_update()
            ).scalar_one_or_none()
            if record is not None and record.status != InboundStatus.DONE:
                record.status = InboundStatus.FAILED
                record.error = storable_text(f"{type(exc).__name__}: {exc}")[:2000]
                record.attempts += 1
    except SQLAlchemyError:
        logger.error("could not mark inbound record %s failed; it stays pending", record_id)


def ingest(ctx: Context, message: InboundMessage) -> Processed:
    """Both steps at once, for staff tools and tests (the caller sees the reference at
    once); a message `accept` keeps as ignored (it shows nothing) raises RecordIgnored."""
    accepted = accept(ctx, message)
    return process(ctx, accepted.record_id)


def prepare_waiting(ctx: Context, limit: int = 10) -> tuple[int, int]:
    """Complete records stored as `needs_preparing` with their channel's `prepare` hook, each
    outside any transaction (a download must not hold a lock: on SQLite it would stop every
    transport's store), and hand them to the workers (pending); returns (prepared, failed).

    A hook that raises leaves its record failed with the error, for `retry_pending`. The
    pipeline runs this in one thread per process: a record is only ever taken by it (while
    preparing) or by `retry_pending` (once failed), so one file is not fetched twice at once
    in a process; processes sharing PostgreSQL may each fetch it, and only the first result
    is kept.
    """
    hooks: dict[str, Prepare] = ctx.extras.get(PREPARE_KEY) or {}
    if not hooks:
        return 0, 0
    with ctx.sessions() as session:
        ids = list(
            session.execute(
                select(InboundRecord.id)
                .where(
                    InboundRecord.status == InboundStatus.PREPARING,
                    InboundRecord.channel.in_(tuple(hooks)),
                )
                .order_by(InboundRecord.id)
                .limit(limit)
            ).scalars()
        )
    results = [_prepare(ctx, hooks, record_id, InboundStatus.PREPARING) for record_id in ids]
    return results.count(True), results.count(False)


def _prepare(
    ctx: Context, hooks: dict[str, Prepare], record_id: int, status: InboundStatus
) -> bool:
    """Run the hook on one record still in `status`; False when it failed (marked so)."""
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        if record is None or record.status != status or record.channel not in hooks:
            return True
        message = deserialize(storable(record.normalized), record.raw, ctx.data_dir)
        channel, attempts = record.channel, record.attempts
    if not message.needs_preparing:
        return True
    try:
        prepared = hooks[channel](ctx, message, attempts)
        normalized = serialize(replace(prepared, needs_preparing=False), ctx.data_dir)
        with ctx.sessions() as session, session.begin():
            session.execute(
                update(InboundRecord)
                .where(InboundRecord.id == record_id, InboundRecord.status == status)
                .values(status=InboundStatus.PENDING, normalized=normalized, error=None)
            )
            announce(session, ctx.extras, InboundStatus.PENDING)
    except Exception as exc:
        _mark_failed(ctx, record_id, exc)
        return False
    return True


def retry_pending(ctx: Context, limit: int = 100, max_attempts: int = 10) -> tuple[int, int]:
    """Process records still pending or failed; returns (done, still failing). A failed
    record its channel has not completed yet (`needs_preparing`) is prepared first."""
    hooks: dict[str, Prepare] = ctx.extras.get(PREPARE_KEY) or {}
    with ctx.sessions() as session:
        ids = list(
            session.execute(
                select(InboundRecord.id)
                .where(
                    or_(
                        InboundRecord.status == InboundStatus.PENDING,
                        InboundRecord.status == InboundStatus.FAILED,
                    ),
                    InboundRecord.attempts < max_attempts,
                )
                .order_by(InboundRecord.id)
                .limit(limit)
            ).scalars()
        )
    done = failed = 0
    for record_id in ids:
        if hooks and not _prepare(ctx, hooks, record_id, InboundStatus.FAILED):
            failed += 1
            continue
        try:
            process(ctx, record_id)
            done += 1
        except Exception:  # already recorded on the row by process()
            failed += 1
    return done, failed
