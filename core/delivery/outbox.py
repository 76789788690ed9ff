"""The outbox: replies are written with the ticket change and delivered afterwards.

Items are claimed in a short transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL, the single
writer lock on SQLite), sent outside any transaction, then marked. A claim is a lease: an
item whose worker died mid-send becomes due again after the lease, so nothing is lost.
Temporary failures back off exponentially up to a limit; permanent ones fail at once and
show in the inbox with the error. A message a sender delivers in parts records each delivered
part on its item (`parts_delivered`, the first part's id in `external_id`) as it goes, so a
retry after a partial failure, in this process or after a restart, sends only the rest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, Table, bindparam, case, func, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, aliased, sessionmaker

from core.context import Context
from core.delivery.bounces import mark_unreachable
from core.metrics import DELIVERY_LAG, observe_lag
from core.models import Delivery, Message, OutboxItem, Ticket
from core.outbound import (
    OutboundAttachment,
    OutboundMessage,
    PermanentDeliveryError,
    Progress,
    ResumableSender,
    RoundSender,
    TemporaryDeliveryError,
)
from core.tickets import record_event

logger = logging.getLogger(__name__)

SETTLED = "_balagh_outbox_settled"  # on the session factory: who to tell of an item's outcome
LEASE = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=6)
CLAIM_LOCK = 0x0B0_C1A1  # PostgreSQL advisory lock: claims one after another
# A round's successful sends are recorded together (`_record_sent_many`: two statements for
# all, not two and a commit each, ~1 ms of the courier's CPU per acknowledgement in a storm,
# bench/RESULTS.md), at the round's end or once the oldest unrecorded one is this old. An
# item sent but not yet recorded when the process dies is sent again after its lease (with
# the same delivery key), as one was between its send and its record before; this bounds how
# many, and how long a waiter for the recipient's queue (`when_settled`) waits for the news.
RECORD_SENT_EVERY_SECONDS = 0.2


def when_settled(
    sessions: sessionmaker[Session], callback: Callable[[str, str], None]
) -> Callable[[], None]:
    """Call `callback(channel, address)` once an item for that recipient has left the queue
    (sent, waiting to retry or failed; its outcome committed), from the thread that delivered
    it, in this process only. Whoever waits for a recipient's queue to empty (Telegram's
    prompt after the acknowledgement) wakes then, with a slow poll only for items another
    process delivers. Returns a function that stops the calls."""
    callbacks: list[Callable[[str, str], None]] = sessions.__dict__.setdefault(SETTLED, [])
    callbacks.append(callback)
    return lambda: callbacks.remove(callback) if callback in callbacks else None


def _tell_settled(ctx: Context, channel: str, address: str) -> None:
    for call in list(ctx.sessions.__dict__.get(SETTLED, ())):
        try:
            call(channel, address)
        except Exception:  # a waiter's bug must not undo a delivery already recorded
            logger.exception("outbox: a listener for settled items failed")


def enqueue(
    session: Session, message: OutboundMessage, *, ticket: Ticket | None, now: datetime
) -> OutboxItem:
    """Add one outbound message to the outbox, in the caller's transaction."""
    payload = _payload(message)
    item = OutboxItem(
        ticket=ticket,
        message_id=message.message_id,
        channel=message.channel,
        address=message.to,
        kind=message.kind,
        payload=payload,
        status=Delivery.QUEUED,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(item)
    return item


_FIELDS = tuple(f.name for f in fields(OutboundMessage))


def _payload(message: OutboundMessage) -> dict[str, Any]:
    """`asdict(message)`, the outbox item's payload. A message with no attachments or extras
    (an acknowledgement) is built directly, the same dict: its other fields are strings,
    numbers or None and in_reply_to a tuple of strings, whose deep copies are themselves, so
    asdict's recursion (15 calls a message, 1.5 % of a storm ticket's worker CPU in session
    21's profile) would give them back unchanged."""
    if (
        type(message) is not OutboundMessage  # a subclass's own fields are asdict's
        or message.attachments
        or message.extras
        or type(message.in_reply_to) is not tuple
    ):
        return asdict(message)
    payload = {name: getattr(message, name) for name in _FIELDS}
    payload["extras"] = {}  # asdict's own dict, never the message's
    return payload


def delivery_key(item: OutboxItem) -> str:
    """The item's identity for receivers: the same on every retry, unique per item.

    The creation time keeps keys apart across databases (a restored backup reuses ids).
    """
    return f"{item.id}.{item.created_at:%Y%m%d%H%M%S%f}"


def _to_message(item: OutboxItem) -> OutboundMessage:
    data: dict[str, Any] = dict(item.payload)
    data.pop("delivery_key", None)
    if data.get("message_id") is None:  # queued with its message, before either had an id
        data["message_id"] = item.message_id
    data["attachments"] = tuple(OutboundAttachment(**a) for a in data.get("attachments", ()))
    data["in_reply_to"] = tuple(data.get("in_reply_to", ()))
    return OutboundMessage(**data)


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


PENDING = (Delivery.QUEUED, Delivery.RETRYING, Delivery.SENDING)


def _behind_earlier(now: datetime) -> ColumnElement[bool]:
    """An item with an older one to the same address that this round cannot send first.

    Each recipient reads their messages in the order they were queued: while an earlier
    item is in flight with another worker (the courier beside the `outbox` job, a bot
    kicking the outbox) or waiting for its retry, a later one waits too. Without it a
    storm's "already known" notice overtook the acknowledgement it follows.
    """
    earlier = aliased(OutboxItem)
    return (
        select(earlier.id)
        .where(
            earlier.channel == OutboxItem.channel,
            earlier.address == OutboxItem.address,
            earlier.id < OutboxItem.id,
            earlier.status.in_(PENDING),
            earlier.next_attempt_at > now,
        )
        .exists()
    )


@dataclass(frozen=True, order=True)
class Claimed:
    """A leased item: its id (the queueing order) and its recipient; what to send and how
    much of it was sent already, as the claim read them (the lease keeps them so until its
    outcome is recorded), so delivering it needs no second read of the item."""

    id: int
    channel: str
    address: str
    message: OutboundMessage | None = field(default=None, compare=False)
    progress: Progress = field(default_factory=lambda: Progress(0, None), compare=False)
    message_id: int | None = field(default=None, compare=False)  # the inbox's copy
    created_at: datetime | None = field(default=None, compare=False)  # for the delivery lag


def claim_due(ctx: Context, limit: int) -> list[Claimed]:
    """Lease up to `limit` due items to this worker; no other worker can claim them.

    They come back oldest first, so one worker sends one recipient's items in order.
    """
    now = ctx.now()
    with ctx.sessions() as session, session.begin():
        query = (
            select(OutboxItem)
            .where(
                OutboxItem.status.in_(PENDING),
                OutboxItem.next_attempt_at <= now,
                ~_behind_earlier(now),
            )
            .order_by(OutboxItem.next_attempt_at, OutboxItem.id)
            .limit(limit)
        )
        if session.get_bind().dialect.name == "postgresql":
            # one claim at a time: a claim not yet committed would not hold the next back
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CLAIM_LOCK})
            query = query.with_for_update(skip_locked=True)
        items = list(session.execute(query).scalars())
        for item in items:
            item.status = Delivery.SENDING
            item.next_attempt_at = now + LEASE
        return sorted(
            Claimed(
                item.id,
                item.channel,
                item.address,
                *_what_to_send(item),
                message_id=item.message_id,
                created_at=item.created_at,
            )
            for item in items
        )


def deliver_due(ctx: Context, limit: int = 50) -> DeliveryReport:
    """Deliver every due outbox item once; the `outbox` job calls this every few seconds.

    Failures are recorded as they happen; successes together (`RECORD_SENT_EVERY_SECONDS`)."""
    report = DeliveryReport()
    stopped: set[tuple[str, str]] = set()  # recipients whose earlier item waits to retry
    sent: list[tuple[Claimed, str | None]] = []  # sent, outcome not recorded yet
    oldest = 0.0  # when the first of them was sent
    rounds = ExitStack()  # senders that keep a connection for the round: closed at its end
    in_round: set[str] = set()
    try:
        for claimed in claim_due(ctx, limit):
            recipient = (claimed.channel, claimed.address)
            if recipient in stopped:
                _release(ctx, claimed.id)  # sent after the earlier one, in a later round
                continue
            if claimed.channel not in in_round:
                in_round.add(claimed.channel)
                sender = ctx.senders.get(claimed.channel)
                if isinstance(sender, RoundSender):
                    rounds.enter_context(sender.round())
            assert claimed.message is not None  # claim_due reads it
            message, progress = claimed.message, claimed.progress
            outcome, external_id = _send(ctx, claimed.id, claimed.channel, message, progress)
            if outcome is None:
                if not sent:
                    oldest = time.monotonic()
                sent.append((claimed, external_id))
                outcome = "sent"
                if time.monotonic() - oldest >= RECORD_SENT_EVERY_SECONDS:
                    _record_sent_many(ctx, sent)
                    sent = []
            setattr(report, outcome, getattr(report, outcome) + 1)
            if outcome == "retrying":
                stopped.add(recipient)
    finally:
        try:
            if sent:  # recorded first: a connection that fails to close loses no outcome
                _record_sent_many(ctx, sent)
        finally:
            rounds.close()
    return report


def _release(ctx: Context, item_id: int) -> None:
    """Give a claimed item back unsent: due at once, held by `_behind_earlier` meanwhile."""
    with ctx.sessions() as session, session.begin():
        session.execute(
            update(OutboxItem).where(OutboxItem.id == item_id).values(next_attempt_at=ctx.now())
        )


def _what_to_send(item: OutboxItem) -> tuple[OutboundMessage, Progress]:
    """The item's message (with its delivery key) and the parts of it delivered already."""
    message = replace(_to_message(item), delivery_key=delivery_key(item))
    return message, Progress(
        item.parts_delivered, item.external_id if item.parts_delivered else None
    )


def deliver_one(ctx: Context, item_id: int) -> str:
    """Send one claimed item and record the outcome: 'sent', 'retrying' or 'failed'."""
    with ctx.sessions() as session:
        item = session.get(OutboxItem, item_id)
        assert item is not None
        message, progress = _what_to_send(item)
        channel = item.channel
    return _deliver(ctx, item_id, channel, message, progress)


def _deliver(
    ctx: Context, item_id: int, channel: str, message: OutboundMessage, progress: Progress
) -> str:
    """Send a claimed item's message through its channel's sender and record the outcome."""
    outcome, external_id = _send(ctx, item_id, channel, message, progress)
    if outcome is None:
        return _record_sent(ctx, item_id, external_id, ctx.now())
    return outcome


def _send(
    ctx: Context, item_id: int, channel: str, message: OutboundMessage, progress: Progress
) -> tuple[str | None, str | None]:
    """Send a claimed item's message through its channel's sender: (None, the id the channel
    gave it) when sent, for the caller to record; else the failure's outcome, recorded."""
    sender = ctx.senders.get(channel)
    external_id: str | None = None
    error: str | None = None
    permanent = False
    retry_after: float | None = None
    if sender is None:
        error, permanent = f"no sender is configured for channel '{channel}'", False
    else:
        try:
            if isinstance(sender, ResumableSender):
                receipt = sender.send_from(
                    message, progress, lambda done: _checkpoint(ctx, item_id, done)
                )
            else:
                receipt = sender.send(message)
            external_id = receipt.external_id
        except PermanentDeliveryError as exc:
            error, permanent = str(exc) or type(exc).__name__, True
        except TemporaryDeliveryError as exc:
            error, retry_after = str(exc) or type(exc).__name__, exc.retry_after
        except Exception as exc:  # a sender bug must not lose the item: retry, show error
            logger.exception("sender for %s raised unexpectedly", channel)
            error = f"{type(exc).__name__}: {exc}"
    if error is None:
        return None, external_id
    return _record_outcome(ctx, item_id, error, permanent, retry_after), None


def _checkpoint(ctx: Context, item_id: int, progress: Progress) -> None:
    """Store the parts delivered so far; if the database is away, the worst is a repeat."""
    try:
        with ctx.sessions() as session, session.begin():
            session.execute(
                update(OutboxItem)
                .where(OutboxItem.id == item_id)
                .values(parts_delivered=progress.parts, external_id=progress.first_id)
            )
    except SQLAlchemyError as exc:
        logger.warning(
            "outbox item %s: could not record %d delivered parts (%s); a retry may repeat them",
            item_id,
            progress.parts,
            type(exc).__name__,
        )


def _record_outcome(
    ctx: Context,
    item_id: int,
    error: str,
    permanent: bool,
    retry_after: float | None,
) -> str:
    """A failed delivery: retried later with backoff, or failed for good (shown to staff)."""
    now = ctx.now()
    with ctx.sessions() as session, session.begin():
        item = session.get(OutboxItem, item_id)
        assert item is not None
        item.attempts += 1
        if permanent or item.attempts >= ctx.settings.outbox_max_attempts:
            item.status, item.last_error = Delivery.FAILED, error
            if permanent:  # e.g. the bot was blocked: the address stopped working
                mark_unreachable(ctx, session, item, error)
        else:
            item.status, item.last_error = Delivery.RETRYING, error
            item.next_attempt_at = now + _backoff(ctx, item.attempts, retry_after)
        if item.message_id is not None:
            _mirror_on_message(session, item)
        if item.status == Delivery.FAILED:
            logger.warning("outbox item %s failed for good: %s", item.id, error)
        outcome = str(item.status)
        recipient = (item.channel, item.address)
    _tell_settled(ctx, *recipient)
    return outcome


_ITEM: Table = OutboxItem.__table__  # type: ignore[assignment]
_MESSAGE: Table = Message.__table__  # type: ignore[assignment]


def _record_sent(ctx: Context, item_id: int, external_id: str | None, now: datetime) -> str:
    """A delivery's success, the usual outcome, in two UPDATEs: the item's, and the same
    state mirrored on its message (`_mirror_on_message`'s rule: the sent id becomes the
    message's only on the message's own channel). Loading both through the ORM first was
    a third of the courier's CPU per acknowledgement in a storm (bench/RESULTS.md)."""
    with ctx.sessions() as session, session.begin():
        connection = session.connection()
        item = connection.execute(
            update(_ITEM)
            .where(_ITEM.c.id == item_id)
            .values(
                attempts=_ITEM.c.attempts + 1,
                status=Delivery.SENT,
                sent_at=now,
                external_id=external_id,
                last_error=None,
            )
            .returning(_ITEM.c.message_id, _ITEM.c.channel, _ITEM.c.address, _ITEM.c.created_at)
        ).one()
        if item.message_id is not None:
            values: dict[str, Any] = {"delivery_status": Delivery.SENT, "delivery_error": None}
            if external_id:
                values["external_id"] = case(
                    (_MESSAGE.c.channel == item.channel, external_id),
                    else_=_MESSAGE.c.external_id,
                )
            connection.execute(
                update(_MESSAGE).where(_MESSAGE.c.id == item.message_id).values(**values)
            )
        observe_lag(DELIVERY_LAG, item.channel, item.created_at, now)
    _tell_settled(ctx, item.channel, item.address)
    return "sent"


# The same two UPDATEs for many items, each statement sent once with every item's values
# (psycopg pipelines an executemany: one round trip). The message's sent id as
# `_record_sent` sets it: only on the message's own channel, and only a non-empty one.
_SENT_ITEMS = (
    update(_ITEM)
    .where(_ITEM.c.id == bindparam("b_id"))
    .values(
        attempts=_ITEM.c.attempts + 1,
        status=Delivery.SENT,
        sent_at=bindparam("b_now"),
        external_id=bindparam("b_sent_id", type_=String),
        last_error=None,
    )
)
_SENT_MESSAGES = (
    update(_MESSAGE)
    .where(_MESSAGE.c.id == bindparam("b_id"))
    .values(
        delivery_status=Delivery.SENT,
        delivery_error=None,
        external_id=case(
            (
                _MESSAGE.c.channel == bindparam("b_channel", type_=String),
                func.coalesce(
                    func.nullif(bindparam("b_sent_id", type_=String), ""), _MESSAGE.c.external_id
                ),
            ),
            else_=_MESSAGE.c.external_id,
        ),
    )
)


def _record_sent_many(ctx: Context, sent: list[tuple[Claimed, str | None]]) -> None:
    """Several successful deliveries recorded in one transaction, as `_record_sent` records
    one: each item sent, and its state mirrored on its message (two statements for all, with
    what the claim read: no item is read again)."""
    now = ctx.now()
    with ctx.sessions() as session, session.begin():
        connection = session.connection()
        connection.execute(
            _SENT_ITEMS,
            [{"b_id": c.id, "b_now": now, "b_sent_id": sent_id} for c, sent_id in sent],
        )
        mirrored = [
            {"b_id": c.message_id, "b_channel": c.channel, "b_sent_id": sent_id}
            for c, sent_id in sent
            if c.message_id is not None
        ]
        if mirrored:
            connection.execute(_SENT_MESSAGES, mirrored)
    for claimed, _ in sent:
        if claimed.created_at is not None:
            observe_lag(DELIVERY_LAG, claimed.channel, claimed.created_at, now)
        _tell_settled(ctx, claimed.channel, claimed.address)


def _backoff(ctx: Context, attempts: int, retry_after: float | None) -> timedelta:
    base = ctx.settings.outbox_base_delay_seconds * (2 ** (attempts - 1))
    delay = timedelta(seconds=max(base, retry_after or 0))
    return min(delay, MAX_BACKOFF)


def _mirror_on_message(session: Session, item: OutboxItem) -> None:
    """Copy delivery state onto the message the inbox shows."""
    message = session.get(Message, item.message_id)
    if message is None:
        return
    message.delivery_status = item.status
    message.delivery_error = item.last_error
    if item.status == Delivery.SENT and item.external_id and item.channel == message.channel:
        message.external_id = item.external_id


# A channel's receipts can arrive out of order (read before delivered); a state only moves on.
_RECEIPT_RANK = {
    Delivery.QUEUED: 0,
    Delivery.SENDING: 1,
    Delivery.RETRYING: 1,
    Delivery.SENT: 2,
    Delivery.DELIVERED: 3,
    Delivery.READ: 4,
}


@dataclass(frozen=True)
class DeliveryReceipt:
    """A channel's word on a message it sent: the id it gave the message, the new state, and
    for a failure why and whether for good (the address is unreachable)."""

    external_id: str
    state: Delivery
    error: str | None = None
    permanent: bool = False


# Receipts applied per transaction: a WhatsApp webhook call may carry thousands (Meta batches
# statuses as it batches messages); one transaction and one look-up each, 2,000 took 17.5 s
# of the call's answer on SQLite.
RECEIPT_CHUNK = 500


def record_delivery_state(
    ctx: Context,
    channel: str,
    external_id: str,
    state: Delivery,
    *,
    error: str | None = None,
    permanent: bool = False,
) -> bool:
    """Apply a channel's receipt (delivered, read, failed) to the message it sent.

    `external_id` is the id the channel gave the message when it was sent. A failure the
    channel calls permanent marks the address unreachable, as an email bounce does. False
    when no sent message has that id (a receipt for something we never sent).
    """
    receipt = DeliveryReceipt(external_id, state, error, permanent)
    return bool(record_delivery_states(ctx, channel, [receipt]))


def record_delivery_states(ctx: Context, channel: str, receipts: list[DeliveryReceipt]) -> set[str]:
    """Apply many receipts in order, as `record_delivery_state` applies one, RECEIPT_CHUNK
    per transaction with one look-up of their messages; returns the ids that were found."""
    found: set[str] = set()
    for start in range(0, len(receipts), RECEIPT_CHUNK):
        chunk = receipts[start : start + RECEIPT_CHUNK]
        with ctx.sessions() as session, session.begin():
            wanted = sorted({receipt.external_id for receipt in chunk})
            items: dict[str, list[OutboxItem]] = {}
            for item in session.execute(
                select(OutboxItem)
                .where(OutboxItem.channel == channel, OutboxItem.external_id.in_(wanted))
                .order_by(OutboxItem.id)
            ).scalars():
                items.setdefault(item.external_id or "", []).append(item)
            message_ids = [i.message_id for its in items.values() for i in its if i.message_id]
            # Held here, so `_mirror_on_message` finds each in the session, not by a query.
            held = list(
                session.execute(select(Message).where(Message.id.in_(message_ids))).scalars()
            )
            for receipt in chunk:
                for item in items.get(receipt.external_id, ()):
                    _apply_receipt(ctx, session, item, receipt)
                    found.add(receipt.external_id)
            del held
    return found


def _apply_receipt(
    ctx: Context, session: Session, item: OutboxItem, receipt: DeliveryReceipt
) -> None:
    state = receipt.state
    if state == Delivery.FAILED:
        failure = f"not delivered: {receipt.error or 'unknown error'}"[:2000]
        item.status, item.last_error = Delivery.FAILED, failure
        if item.ticket is not None:
            record_event(session, item.ticket, "delivery_failed", at=ctx.now(), error=failure)
        if receipt.permanent:  # staff see why replies stop, as after an email bounce
            mark_unreachable(ctx, session, item, failure)
    elif _RECEIPT_RANK.get(Delivery(item.status), 5) < _RECEIPT_RANK[state]:
        item.status = state
    if item.message_id is not None:
        _mirror_on_message(session, item)
