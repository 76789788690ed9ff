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
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from core.context import Context
from core.errors import StorageUnavailable
from core.files import store_file
from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.models import InboundRecord
from core.storable import storable, storable_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Accepted:
    """The stored raw record; `duplicate` when this exact message was accepted before."""

    record_id: int
    duplicate: bool


@dataclass(frozen=True)
class Processed:
    """Where the message landed."""

    ticket_id: int
    reference: str
    secret: str
    message_id: int
    created: bool
    duplicate: bool = False


def serialize(message: InboundMessage, data_dir: Path) -> dict[str, Any]:
    """A JSON-safe, storable form of the message; attachment bytes go to the file store.

    Every string is passed through `storable_text`: a NUL a citizen pasted (or an email's
    quoted-printable `=00`) would make PostgreSQL refuse the ticket. The raw bytes keep it.
    """
    data = asdict(message)
    data.pop("raw")
    data["received_at"] = message.received_at.isoformat()
    data["attachments"] = [
        {
            "filename": a.filename,
            "content_type": a.content_type,
            "size": len(a.data),
            "sha256": store_file(data_dir, a.data),
        }
        for a in message.attachments
    ]
    return storable(data)


def deserialize(data: dict[str, Any], raw: bytes, data_dir: Path) -> InboundMessage:
    """Rebuild the normalised message from a stored record."""
    from core.files import read_file

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
    values["received_at"] = datetime.fromisoformat(values["received_at"])
    values["raw"] = raw
    return InboundMessage(**values)


def accept(ctx: Context, message: InboundMessage) -> Accepted:
    """Store the raw message durably; only after this returns may the transport acknowledge."""
    if not message.external_id:
        raise ValueError("an inbound message needs an external id for de-duplication")
    try:
        normalized = serialize(message, ctx.data_dir)
        channel, external_id = normalized["channel"], normalized["external_id"]
        raw = message.raw or json.dumps(normalized, ensure_ascii=False).encode()
        with ctx.sessions() as session:
            existing = _find_record(session, channel, external_id)
            if existing is not None:
                return Accepted(existing, duplicate=True)
            record = InboundRecord(
                channel=channel,
                external_id=external_id,
                raw=raw,
                normalized=normalized,
                received_at=message.received_at,
            )
            session.add(record)
            try:
                session.commit()
            except IntegrityError:  # the same message raced in on another connection
                session.rollback()
                found = _find_record(session, channel, external_id)
                if found is None:
                    raise
                return Accepted(found, duplicate=True)
            return Accepted(record.id, duplicate=False)
    except (SQLAlchemyError, OSError) as exc:
        logger.error("could not store inbound %s message: %s", message.channel, type(exc).__name__)
        raise StorageUnavailable("The message could not be stored; try again shortly.") from exc


def _find_record(session: Session, channel: str, external_id: str) -> int | None:
    return session.execute(
        select(InboundRecord.id).where(
            InboundRecord.channel == channel, InboundRecord.external_id == external_id
        )
    ).scalar_one_or_none()


def process(ctx: Context, record_id: int) -> Processed:
    """Turn a stored record into a message on a ticket, all or nothing."""
    from core.conversation import handle_message

    try:
        with ctx.sessions() as session, session.begin():
            record = session.get(InboundRecord, record_id)
            if record is None:
                raise LookupError(f"no inbound record {record_id}")
            # Records accepted before text was made storable on the way in are cleaned here,
            # so retrying one that failed on a NUL now succeeds.
            normalized = storable(record.normalized)
            if normalized != record.normalized:
                record.normalized = normalized
            message = deserialize(normalized, record.raw, ctx.data_dir)
            result = handle_message(ctx, session, message, record)
            record.status, record.error = "done", None
            record.processed_at, record.ticket_id = ctx.now(), result.ticket_id
            record.attempts += 1
            return result
    except Exception as exc:
        _mark_failed(ctx, record_id, exc)
        raise


def _mark_failed(ctx: Context, record_id: int, exc: Exception) -> None:
    logger.warning("processing inbound record %s failed: %s", record_id, type(exc).__name__)
    try:
        with ctx.sessions() as session, session.begin():
            record = session.get(InboundRecord, record_id)
            if record is not None:
                record.status = "failed"
                record.error = storable_text(f"{type(exc).__name__}: {exc}")[:2000]
                record.attempts += 1
    except SQLAlchemyError:
        logger.error("could not mark inbound record %s failed; it stays pending", record_id)


def ingest(ctx: Context, message: InboundMessage) -> Processed:
    """Both steps at once, for the web form (the citizen sees the reference immediately)."""
    accepted = accept(ctx, message)
    return process(ctx, accepted.record_id)


def retry_pending(ctx: Context, limit: int = 100, max_attempts: int = 10) -> tuple[int, int]:
    """Process records still pending or failed; returns (done, still failing)."""
    with ctx.sessions() as session:
        ids = list(
            session.execute(
                select(InboundRecord.id)
                .where(
                    or_(InboundRecord.status == "pending", InboundRecord.status == "failed"),
                    InboundRecord.attempts < max_attempts,
                )
                .order_by(InboundRecord.id)
                .limit(limit)
            ).scalars()
        )
    done = failed = 0
    for record_id in ids:
        try:
            process(ctx, record_id)
            done += 1
        except Exception:  # already recorded on the row by process()
            failed += 1
    return done, failed
