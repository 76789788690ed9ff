"""Ingestion: store first, process after; once only; all or nothing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.context import Context
from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.intake.ingest import (
    NOTHING_VISIBLE,
    RecordIgnored,
    accept,
    ingest,
    process,
    retry_pending,
    serialize,
)
from core.models import (
    NAME_MAX,
    Attachment,
    InboundRecord,
    InboundStatus,
    Message,
    OutboxItem,
    Ticket,
)
from core.storable import storable


def telegram_message(
    external_id: str = "100:1", text: str = "في حفرة كبيرة في شارع الخوض"
) -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        sender="100",
        text=text,
        external_id=external_id,
        display_name="Salim",
        raw=b'{"update_id": 1}',
    )


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_same_inbound_message_twice_makes_one_message_and_one_ticket(ctx: Context) -> None:
    first = ingest(ctx, telegram_message())
    second = ingest(ctx, telegram_message())
    assert first.ticket_id == second.ticket_id
    assert (count(ctx, Message), count(ctx, Ticket), count(ctx, InboundRecord)) == (2, 1, 1)
    # two messages: the citizen's and our acknowledgement


def test_accept_stores_raw_payload_exactly_before_processing(ctx: Context) -> None:
    accepted = accept(ctx, telegram_message())
    with ctx.sessions() as session:
        record = session.get(InboundRecord, accepted.record_id)
        assert record is not None
        assert (record.raw, record.status) == (b'{"update_id": 1}', "pending")
    assert count(ctx, Ticket) == 0


def test_new_ticket_gets_reference_secret_and_acknowledgement_in_citizen_language(
    ctx: Context,
) -> None:
    result = ingest(ctx, telegram_message())
    with ctx.sessions() as session:
        ticket = session.get(Ticket, result.ticket_id)
        assert ticket is not None
        assert ticket.reference == "MCT-000001" and len(ticket.secret) >= 24
        assert ticket.language == "ar" and ticket.status == "new"
        ack = session.execute(select(OutboxItem)).scalar_one()
    assert ack.channel == "telegram" and ack.address == "100"
    assert "MCT-000001" in ack.payload["text"]
    assert f"/t/MCT-000001?k={ticket.secret}" in ack.payload["text"]


def test_references_increase_per_ticket(ctx: Context) -> None:
    refs = [
        ingest(
            ctx,
            InboundMessage(
                channel="email",
                sender=f"c{i}@example.om",
                text="Pothole on the road",
                external_id=f"<m{i}@example.om>",
            ),
        ).reference
        for i in range(3)
    ]
    assert refs == ["MCT-000001", "MCT-000002", "MCT-000003"]


def test_followup_from_same_contact_joins_open_ticket(ctx: Context) -> None:
    first = ingest(ctx, telegram_message("100:1"))
    second = ingest(ctx, telegram_message("100:2", text="وهذي صورة الحفرة"))
    assert second.ticket_id == first.ticket_id and not second.created


def test_reference_without_secret_does_not_thread_into_another_citizens_ticket(
    ctx: Context,
) -> None:
    victim = ingest(ctx, telegram_message("100:1"))
    hint = ThreadHints(reference=victim.reference, secret="guessed")
    attacker = ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender="999", text="let me in", external_id="999:1", thread=hint
        ),
    )
    assert attacker.ticket_id != victim.ticket_id and attacker.created


def test_reference_with_secret_threads_into_ticket(ctx: Context) -> None:
    original = ingest(ctx, telegram_message("100:1"))
    hint = ThreadHints(reference=original.reference, secret=original.secret)
    follow = ingest(
        ctx,
        InboundMessage(
            channel="web", sender="web:anon", text="any news?", external_id="web-1", thread=hint
        ),
    )
    assert follow.ticket_id == original.ticket_id


def test_attachments_and_location_are_kept(ctx: Context) -> None:
    photo = InboundAttachment("hole.jpg", "image/jpeg", b"\xff\xd8fakejpeg")
    msg = InboundMessage(
        channel="telegram",
        sender="5",
        text="pothole",
        external_id="5:1",
        attachments=(photo,),
        location=Location(23.58, 58.38, "Al Khuwair"),
    )
    result = ingest(ctx, msg)
    with ctx.sessions() as session:
        att = session.execute(select(Attachment)).scalar_one()
        ticket = session.get(Ticket, result.ticket_id)
        assert ticket is not None and (ticket.lat, ticket.lon) == (23.58, 58.38)
    assert att.size == len(photo.data) and len(att.sha256) == 64
    assert (
        ctx.data_dir / "files" / att.sha256[:2] / att.sha256[2:4] / att.sha256
    ).read_bytes() == photo.data


def test_failure_mid_ingest_leaves_no_partial_ticket_and_a_retryable_record(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.intake.conversation

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("router exploded")

    monkeypatch.setattr(core.intake.conversation, "route_new_ticket", broken)
    accepted = accept(ctx, telegram_message())
    with pytest.raises(RuntimeError):
        process(ctx, accepted.record_id)
    assert (count(ctx, Ticket), count(ctx, Message), count(ctx, OutboxItem)) == (0, 0, 0)
    with ctx.sessions() as session:
        record = session.get(InboundRecord, accepted.record_id)
        assert record is not None and record.status == "failed"
        assert "router exploded" in (record.error or "")
    monkeypatch.undo()
    assert retry_pending(ctx) == (1, 0)
    assert count(ctx, Ticket) == 1


def test_a_name_longer_than_the_column_is_kept_cut_and_the_message_becomes_a_ticket(
    ctx: Context,
) -> None:
    long_name = "Salim " + "bin Said " * 40  # an email's From or an Open311 name can be this
    message = InboundMessage(
        channel="email",
        sender="salim@example.om",
        text="The streetlight on Way 3021 is out.",
        external_id="<long-name@example.om>",
        display_name=long_name,
    )
    processed = ingest(ctx, message)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None and ticket.contact.name == long_name[:NAME_MAX].strip()
        assert ticket.contact.identities[0].display_name == ticket.contact.name


def test_a_name_loses_bidi_overrides_that_would_reverse_the_words_after_it(
    ctx: Context,
) -> None:
    """A name is a one-line label put inside sentences (the canned "Hello {name}, please
    send us the location..."): a right-to-left override in it reversed the rest of the line
    in the reply staff sent (the QA walk's web form name '<b>Bob</b>\u202e"x')."""
    message = InboundMessage(
        channel="email",
        sender="bob@example.om",
        text="The streetlight on Way 3021 is out.",
        external_id="<bidi-name@example.om>",
        display_name='Bob\u202e"x \u2067\u0633\u0627\u0644\u0645\u2069 \u200f',
    )
    processed = ingest(ctx, message)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        assert ticket.contact.name == 'Bob"x \u0633\u0627\u0644\u0645 \u200f'
        assert ticket.contact.identities[0].display_name == ticket.contact.name


def test_the_stored_form_of_a_message_is_its_fields_with_every_string_storable(
    tmp_path: Path,
) -> None:
    """`serialize` walks the message once, without asdict's deep copy; its result is still
    asdict's with every string storable (keys too), field order kept."""
    message = InboundMessage(
        channel="email",
        sender="a\x00b@example.org",
        text="leak\x00 \ud800 here",
        external_id="<x@example.org>",
        subject="invoice\u202efdp.exe",
        thread=ThreadHints(reply_to=("<1@example.org>", "<2\x01@example.org>"), new_ticket=True),
        attachments=(InboundAttachment("photo\u202e.jpg", "image/jpeg", b"\xff\xd8"),),
        location=Location(23.6, 58.4, "Al Khuwair\x00"),
        extras={
            "automatic": None,
            "bounce": {"message_ids": ["<m\x00>"], "final": True},
            "k\x00": ("t", 1, 2.5),
        },  # fmt: skip
        staff_notes=("note\x02",),
        raw=b"raw",
    )
    expected = storable(asdict(message))
    del expected["raw"]
    expected["received_at"] = message.received_at.isoformat()
    expected["subject"] = "invoicefdp.exe"
    expected["attachments"] = [
        {
            "filename": "photo.jpg",
            "content_type": "image/jpeg",
            "size": 2,
            "sha256": hashlib.sha256(b"\xff\xd8").hexdigest(),
        }
    ]
    stored = serialize(message, tmp_path)
    assert stored == expected and list(stored) == list(expected)
    assert json.dumps(stored) == json.dumps(expected)


def the_record(ctx: Context, record_id: int) -> InboundRecord:
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        assert record is not None
        return record


def test_ingest_of_a_message_that_shows_nothing_keeps_it_ignored_and_opens_no_ticket(
    ctx: Context,
) -> None:
    with pytest.raises(RecordIgnored) as refused:
        ingest(ctx, telegram_message(text="\u200b \u200f\u2066 "))
    record = the_record(ctx, refused.value.record_id)
    assert (record.status, record.error) == (InboundStatus.IGNORED, NOTHING_VISIBLE)
    assert (count(ctx, Ticket), count(ctx, Message), count(ctx, OutboxItem)) == (0, 0, 0)


def test_processing_a_record_accepted_as_ignored_refuses_and_leaves_it_ignored(
    ctx: Context,
) -> None:
    accepted = accept(ctx, telegram_message(), ignore="auto-reply")
    with pytest.raises(RecordIgnored):
        process(ctx, accepted.record_id)
    record = the_record(ctx, accepted.record_id)
    assert record.status == InboundStatus.IGNORED and record.attempts == 0
    assert (count(ctx, Ticket), count(ctx, Message), count(ctx, OutboxItem)) == (0, 0, 0)
