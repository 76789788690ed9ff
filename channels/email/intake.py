"""From received bytes to a stored record, and from a stored record to a ticket.

`receive` runs inside the SMTP DATA callback: parse (pure, fast), store (core.intake.ingest.accept),
and keep automatic mail as an ignored record in the same transaction, all before the 250. `handle_record`
runs afterwards on the worker thread: a final bounce (its DSN parsed into message ids and a
reason) goes to core.delivery.bounces.record_bounce, which holds the rule; everything else goes to
core.intake.ingest.process (the per-address acknowledgement limit is core's, from the
channel's `acks_per_hour`, checked before the acknowledgement is queued).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from sqlalchemy import select

from channels.email.parse import Limits, parse_email
from channels.email.threads import reference_from_address
from core.context import Context
from core.db import answer_within, is_outage
from core.delivery.bounces import record_bounce
from core.delivery.notify import notify_citizen
from core.errors import StorageUnavailable
from core.inbound import InboundMessage
from core.intake.conversation import Processed
from core.intake.ingest import accept, process
from core.models import (
    InboundRecord,
    InboundStatus,
    Message,
    Ticket,
)

logger = logging.getLogger(__name__)

PROCESS = "process"
BOUNCE = "bounce"


def receive(
    ctx: Context, raw: bytes, envelope_sender: str | None, recipients: tuple[str, ...]
) -> tuple[int, str]:
    """Store one received mail; returns (record id, what is left to do: PROCESS, BOUNCE or "").

    PROCESS: a citizen's mail for the inbound pipeline; BOUNCE: a final bounce to apply
    (`handle_record`); "": nothing (a duplicate, or automatic mail kept as ignored).
    """
    message = parse_email(
        raw,
        envelope_sender=envelope_sender,
        recipients=recipients,
        received_at=ctx.now(),
        limits=Limits(max_total=ctx.settings.smtp_max_size),
        ref_prefix=ctx.settings.ref_prefix,
    )
    # One deadline for the answer: the reply token's look-up and the store share it (nested
    # blocks keep the earlier one), so a hung database is a 451 within the answer timeout.
    with answer_within(ctx.settings.db_answer_timeout_seconds):
        message = _with_reply_token(ctx, message, recipients)
        automatic = message.extras.get("automatic")
        reason = str(automatic) if automatic else None
        accepted = accept(ctx, message, ignore=reason)  # raises StorageUnavailable -> 451
    if accepted.duplicate:
        return accepted.record_id, ""
    if reason:
        return accepted.record_id, BOUNCE if message.extras.get("bounce") else ""
    return accepted.record_id, PROCESS


def _with_reply_token(
    ctx: Context, message: InboundMessage, recipients: tuple[str, ...]
) -> InboundMessage:
    """A tokenised reply address proves the ticket: thread with its reference and secret.

    Its look-up runs under the caller's answer deadline; a database that does not answer
    by then, or is down, is StorageUnavailable (451), as for the store that follows.
    """
    for rcpt in recipients:
        reference = reference_from_address(rcpt, ctx.settings.secret_key)
        if reference is None:
            continue
        try:
            with ctx.sessions() as session:
                secret = session.execute(
                    select(Ticket.secret).where(Ticket.reference == reference)
                ).scalar_one_or_none()
        except Exception as exc:
            if not is_outage(exc):
                raise
            logger.error("looking up the ticket of a reply address: %s", type(exc).__name__)
            raise StorageUnavailable("The database did not answer; try again shortly.") from exc
        if secret is not None:
            hints = dataclasses.replace(message.thread, reference=reference, secret=secret)
            return dataclasses.replace(message, thread=hints)
    return message


def handle_record(ctx: Context, record_id: int) -> None:
    """Worker step for one stored record: apply a bounce, or process into a ticket."""
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        if record is None:
            return
        status = record.status
        extras = dict(record.normalized.get("extras") or {})
    if status == InboundStatus.IGNORED:
        bounce = extras.get("bounce")
        if bounce and bounce.get("final"):
            record_bounce(ctx, list(bounce.get("message_ids") or ()), str(bounce.get("reason")))
        return
    if status not in (InboundStatus.PENDING, InboundStatus.FAILED):
        return
    process(ctx, record_id)  # failures are on the record, for the retry job


def tell_skipped_attachments(
    ctx: Context, processed: Processed, normalized: dict[str, Any] | None = None
) -> None:
    """After a mail joined a ticket: when attachments were left out of it (over the per-file,
    per-mail or count limits of `parse.Limits`), the citizen is told once, on the ticket, in
    its language, rather than a video or photo vanishing without a word; staff see the notice
    in the conversation. The mail itself, attachments included, stays in its inbound record.

    `normalized` is the record's stored mail as the worker loaded it: the usual mail, with
    nothing left out, then costs no query at all (without it, one small query asks).
    """
    if processed.duplicate:
        return
    if normalized is not None:
        if not _skipped(normalized):
            return
    elif not _left_out_any(ctx, processed.message_id):
        return
    with ctx.sessions() as session, session.begin():
        message = session.get(Message, processed.message_id)
        record_id = message.inbound_record_id if message is not None else None
        record = session.get(InboundRecord, record_id) if record_id is not None else None
        skipped = _skipped(record.normalized) if record is not None else []
        if not skipped:
            return
        ticket = session.get(Ticket, processed.ticket_id)
        if ticket is not None:
            logger.info(
                "mail record %s: %d attachment(s) left out; citizen told",
                record_id,
                len(skipped),
            )
            notify_citizen(ctx, session, ticket, "error_too_large")


# The record's list of attachments left out, read in the database (a JSON path), so that
# the usual mail, with none left out, costs one small query instead of loading its message
# and its whole record (raw bytes, the normalised JSON decoded): that was ~14% of a worker's
# GIL samples in a burst, taken from the listener sharing its process (bench/RESULTS.md).
_SKIPPED = InboundRecord.normalized[("extras", "skipped_attachments")]


def _skipped(normalized: dict[str, Any] | None) -> list[Any]:
    """The attachments a stored mail lists as left out (`_SKIPPED` in Python)."""
    extras = (normalized or {}).get("extras") or {}
    return list(extras.get("skipped_attachments") or [])


def _left_out_any(ctx: Context, message_id: int) -> bool:
    """Whether the inbound record of this message lists attachments left out."""
    with ctx.sessions() as session:
        skipped = session.execute(
            select(_SKIPPED)
            .join(Message, Message.inbound_record_id == InboundRecord.id)
            .where(Message.id == message_id)
        ).scalar_one_or_none()
    return bool(skipped)
