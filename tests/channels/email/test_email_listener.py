"""The SMTP listener over real sockets: store before 250, thread safely, never loop."""

from __future__ import annotations

import asyncio
import random
import smtplib
import socket
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP
from sqlalchemy import event, func, select

from channels.email.intake import tell_skipped_attachments
from channels.email.listener import (
    WAKE_EVERY,
    BalaghController,
    BalaghSMTP,
    MailHandler,
    SmtpListener,
)
from core.context import Context
from core.delivery.bounces import record_bounce
from core.delivery.outbox import deliver_due
from core.errors import StorageUnavailable
from core.intake.conversation import Processed
from core.intake.pipeline import EXTRA_KEY
from core.models import (
    ContactIdentity,
    Delivery,
    Event,
    InboundRecord,
    Message,
    OutboxItem,
    Ticket,
)
from tests.email_support import ARABIC, CORPUS, Sink, fixture, free_port

ARABIC_REPORT = "توجد حفرة كبيرة في الشارع العام قرب مسجد الخوض وتسبب خطرا على السيارات"


def send(
    listener: SmtpListener,
    raw: bytes,
    sender: str = "salim@example.om",
    to: str = "1111@balagh.test",
) -> None:
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.sendmail(sender, [to], crlf(raw))
    assert listener.wait_idle()


def crlf(raw: bytes) -> bytes:
    """Line endings as they travel over SMTP (smtplib sends bytes as given)."""
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def citizen_mail(
    text: str = ARABIC_REPORT,
    *,
    msgid: str = "<c1@example.om>",
    sender: str = "salim@example.om",
    subject: str = "حفرة",
    in_reply_to: str | None = None,
) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"سالم <{sender}>"
    mail["To"] = "1111@balagh.test"
    mail["Subject"] = subject
    mail["Message-ID"] = msgid
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
        mail["References"] = in_reply_to
    mail.set_content(text)
    return mail.as_bytes()


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def tickets(ctx: Context) -> list[Ticket]:
    with ctx.sessions() as session:
        return list(session.execute(select(Ticket).order_by(Ticket.id)).scalars())


def test_citizen_mail_becomes_ticket_with_arabic_ack_at_the_relay(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    send(listener, citizen_mail())
    [ticket] = tickets(ctx)
    assert ticket.language == "ar" and ticket.channel == "email"
    assert deliver_due(ctx).sent == 1
    [(envelope, ack)] = sink.messages
    assert envelope.rcpt_tos == ["salim@example.om"]
    assert ticket.reference in str(ack["Subject"])
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["In-Reply-To"] == "<c1@example.om>"
    text = ack.get_body(("plain",)).get_content()
    assert "استلمنا بلاغكم" in text and ticket.reference in text
    html = ack.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html and 'lang="ar"' in html


def test_reply_to_our_ack_joins_the_same_ticket(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    send(listener, citizen_mail())
    deliver_due(ctx)
    ack_id = str(sink.messages[0][1]["Message-ID"])
    send(
        listener,
        citizen_mail(
            "ما زالت المشكلة قائمة", msgid="<c2@example.om>", subject="Re: ack", in_reply_to=ack_id
        ),
    )
    assert len(tickets(ctx)) == 1
    with ctx.sessions() as session:
        texts = (
            session.execute(
                select(Message.text).where(Message.direction == "in").order_by(Message.id)
            )
            .scalars()
            .all()
        )
    assert texts[-1] == "ما زالت المشكلة قائمة"


@pytest.mark.parametrize(
    ("subject", "msgid"),
    [("Re: [{ref}]", "<s1@evil.example>"), ("Re: {ref} pothole", "<s2@evil.example>")],
    ids=["bracketed", "bare"],
)
def test_stranger_with_the_reference_in_the_subject_gets_a_new_ticket(
    ctx: Context, listener: SmtpListener, subject: str, msgid: str
) -> None:
    send(listener, citizen_mail())
    [first] = tickets(ctx)
    send(
        listener,
        citizen_mail(
            "I want to see that ticket",
            msgid=msgid,
            sender="stranger@evil.example",
            subject=subject.format(ref=first.reference),
        ),
        sender="stranger@evil.example",
    )
    assert len(tickets(ctx)) == 2


def test_reply_through_tokenised_reply_to_address_threads(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    send(listener, citizen_mail())
    deliver_due(ctx)
    reply_to = str(sink.messages[0][1]["Reply-To"])
    assert reply_to.startswith("1111+mct-000001.")
    send(
        listener,
        citizen_mail(
            "from my other address",
            msgid="<o1@example.net>",
            sender="salim@work.example",
            subject="no ref",
        ),
        sender="salim@work.example",
        to=reply_to,
    )
    assert len(tickets(ctx)) == 1


def test_same_message_delivered_twice_makes_one_message(
    ctx: Context, listener: SmtpListener
) -> None:
    send(listener, citizen_mail())
    send(listener, citizen_mail())
    assert (count(ctx, InboundRecord), count(ctx, Ticket)) == (1, 1)
    with ctx.sessions() as session:
        assert (
            session.execute(
                select(func.count()).select_from(Message).where(Message.direction == "in")
            ).scalar_one()
            == 1
        )


def test_another_sender_reusing_a_message_id_is_stored_as_its_own_mail(
    ctx: Context, listener: SmtpListener
) -> None:
    send(listener, citizen_mail())
    send(
        listener,
        citizen_mail("Streetlight out on Way 3021", sender="huda@example.net"),
        sender="huda@example.net",
    )
    assert (count(ctx, InboundRecord), count(ctx, Ticket)) == (2, 2)


def test_foreign_recipient_domain_is_refused_with_550(listener: SmtpListener) -> None:
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.ehlo()
        client.mail("a@example.om")
        code, _ = client.rcpt("victim@elsewhere.example")
    assert code == 550


def test_a_listener_that_cannot_bind_closes_its_event_loop_and_its_pipeline(ctx: Context) -> None:
    """aiosmtpd leaves its loop open when the port is taken; its finaliser at exit then
    printed a traceback after serve's "port in use" message. Nothing is left for the exit."""

    opened: list[Any] = []
    real_start = BalaghController.start

    def start(self: BalaghController) -> None:
        opened.append(self)
        real_start(self)

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(BalaghController, "start", start)
            patch.setenv("AIOSMTPD_CONTROLLER_TIMEOUT", "2")
            with pytest.raises(OSError):
                SmtpListener(ctx, host="127.0.0.1", port=port)
    assert len(opened) == 1 and opened[0].loop.is_closed()
    assert EXTRA_KEY not in ctx.extras  # the pipeline it started was stopped


def test_message_over_the_size_limit_is_refused_with_552(ctx: Context, sink: Sink) -> None:
    ctx.settings = ctx.settings.model_copy(update={"smtp_max_size": 2048})
    smtp = SmtpListener(ctx, host="127.0.0.1", port=free_port())
    try:
        with (
            smtplib.SMTP("127.0.0.1", smtp.port, timeout=10) as client,
            pytest.raises(smtplib.SMTPResponseException) as refused,
        ):
            client.sendmail(
                "a@example.om",
                ["1111@balagh.test"],
                crlf(citizen_mail("\n".join(["x" * 60] * 100))),
            )
        assert refused.value.smtp_code == 552  # refused at MAIL (SIZE=) before any data
        with smtplib.SMTP("127.0.0.1", smtp.port, timeout=10) as client:
            client.ehlo()
            client.esmtp_features.pop("size", None)  # a client that does not declare SIZE
            client.mail("a@example.om")
            client.rcpt("1111@balagh.test")
            code, _ = client.data(crlf(citizen_mail("\n".join(["x" * 60] * 100))))
        assert code == 552
    finally:
        smtp.stop()
    assert count(ctx, InboundRecord) == 0


def test_storage_failure_answers_451_and_stores_nothing(
    ctx: Context, listener: SmtpListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: Context, message: object, **_: object) -> None:
        raise StorageUnavailable("database down")

    monkeypatch.setattr("channels.email.intake.accept", broken)
    with (
        smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client,
        pytest.raises(smtplib.SMTPDataError) as refused,
    ):
        client.sendmail("a@example.om", ["1111@balagh.test"], citizen_mail())
    assert refused.value.smtp_code == 451


@pytest.mark.parametrize(
    "name",
    [
        "corpus/sisimai__rfc3834-01.eml",
        "corpus/sisimai__rfc3834-02.eml",
        "corpus/flanker__bounce-mailbox-full.eml",
        "corpus/cpython__msg_16.eml",
        "arabic/arabic-autoreply.eml",
    ],
)
def test_auto_replies_bounces_and_list_mail_make_no_ticket_and_no_reply(
    ctx: Context, listener: SmtpListener, name: str
) -> None:
    send(listener, fixture(name), sender="robot@example.org")
    assert (count(ctx, Ticket), count(ctx, OutboxItem)) == (0, 0)
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
    assert record.status == "ignored" and record.error and record.raw == crlf(fixture(name))


def test_a_worker_claiming_right_after_the_store_finds_no_automatic_mail_to_process(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Automatic mail is stored already ignored: a pipeline worker that claims pending records
    the moment the store commits (before the SMTP answer) makes no ticket and no reply of it."""
    from channels.email import intake
    from core.intake.ingest import process_next

    real_accept = intake.accept
    claimed: list[object] = []

    def accept_then_a_worker_claims(*args: object, **kwargs: object) -> object:
        accepted = real_accept(*args, **kwargs)  # type: ignore[arg-type]
        claimed.append(process_next(ctx))
        return accepted

    monkeypatch.setattr(intake, "accept", accept_then_a_worker_claims)
    raw = crlf(fixture("corpus/cpython__msg_16.eml"))
    intake.receive(ctx, raw, "robot@example.org", ("1111@balagh.test",))
    assert claimed == [None]
    assert (count(ctx, Ticket), count(ctx, OutboxItem)) == (0, 0)


def delivery_report(
    original_id: str,
    *,
    action: str = "failed",
    status: str = "5.1.1",
    diagnostic: str = "smtp; 550 5.1.1 user unknown",
    msgid: str = "<dsn1@mx.example.om>",
) -> bytes:
    """An RFC 3464 delivery status notification about our message `original_id`."""
    return (
        "From: MAILER-DAEMON@mx.example.om\nTo: 1111@balagh.test\nSubject: Undelivered Mail\n"
        f"Message-ID: {msgid}\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nMailbox unavailable\n"
        "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.om\n\n"
        f"Final-Recipient: rfc822; salim@example.om\nAction: {action}\nStatus: {status}\n"
        f"Diagnostic-Code: {diagnostic}\n\n"
        f"--b\nContent-Type: text/rfc822-headers\n\nMessage-ID: {original_id}\nSubject: ack\n\n"
        "--b--\n"
    ).encode()


def sent_ack(ctx: Context, listener: SmtpListener, sink: Sink) -> str:
    """A citizen mail whose acknowledgement went out; returns the ack's Message-ID."""
    send(listener, citizen_mail())
    deliver_due(ctx)
    return str(sink.messages[0][1]["Message-ID"])


def citizen_address(ctx: Context, address: str = "salim@example.om") -> ContactIdentity:
    with ctx.sessions() as session:
        return session.execute(
            select(ContactIdentity).where(
                ContactIdentity.channel == "email", ContactIdentity.address == address
            )
        ).scalar_one()


def test_bounce_of_our_ack_marks_it_failed_with_the_reason(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    ack_id = sent_ack(ctx, listener, sink)
    send(listener, delivery_report(ack_id), sender="")
    with ctx.sessions() as session:
        ack = session.execute(select(Message).where(Message.external_id == ack_id)).scalar_one()
    assert ack.delivery_status == Delivery.FAILED
    assert "550 5.1.1 user unknown" in (ack.delivery_error or "")
    assert count(ctx, Ticket) == 1


def test_final_bounce_marks_the_citizens_address_unreachable_with_the_reason(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    ack_id = sent_ack(ctx, listener, sink)
    send(listener, delivery_report(ack_id), sender="")
    identity = citizen_address(ctx)
    assert identity.unreachable
    assert "550 5.1.1 user unknown" in (identity.unreachable_reason or "")
    with ctx.sessions() as session:
        events = (
            session.execute(select(Event).where(Event.kind == "contact_unreachable"))
            .scalars()
            .all()
        )
    assert [e.data["channel"] for e in events] == ["email"]


def test_delayed_delivery_report_changes_nothing(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    ack_id = sent_ack(ctx, listener, sink)
    report = delivery_report(
        ack_id, action="delayed", status="4.4.7", diagnostic="smtp; 451 4.4.7 try again later"
    )
    send(listener, report, sender="")
    identity = citizen_address(ctx)
    assert not identity.unreachable and identity.unreachable_reason is None
    with ctx.sessions() as session:
        ack = session.execute(select(Message).where(Message.external_id == ack_id)).scalar_one()
    assert ack.delivery_status == Delivery.SENT


def test_unreachable_reason_is_cut_to_a_readable_length(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    ack_id = sent_ack(ctx, listener, sink)
    record_bounce(ctx, [ack_id], "550 mailbox gone " + "x" * 3000)
    reason = citizen_address(ctx).unreachable_reason or ""
    assert reason.startswith("bounced: 550 mailbox gone") and len(reason) <= 500


def test_new_mail_from_an_unreachable_address_makes_it_reachable_again(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    ack_id = sent_ack(ctx, listener, sink)
    send(listener, delivery_report(ack_id), sender="")
    assert citizen_address(ctx).unreachable
    send(listener, citizen_mail("عاد بريدي يعمل", msgid="<c2@example.om>"))
    identity = citizen_address(ctx)
    assert not identity.unreachable and identity.unreachable_reason is None


def test_acknowledgements_to_one_sender_are_rate_limited(
    ctx: Context, listener: SmtpListener
) -> None:
    for i in range(7):
        send(listener, citizen_mail(f"report number {i}", msgid=f"<r{i}@example.om>"))
        with ctx.sessions() as session:  # each a separate ticket, as a robot would make
            for t in session.execute(select(Ticket)).scalars():
                t.status = "closed"
            session.commit()
    with ctx.sessions() as session:
        acks = session.execute(
            select(Message.delivery_status, Message.delivery_error)
            .where(Message.kind == "ack")
            .order_by(Message.id)
        ).all()
        queued = session.execute(select(OutboxItem.id).where(OutboxItem.kind == "ack")).all()
    assert [status for status, _ in acks] == [Delivery.QUEUED] * 5 + [Delivery.WITHHELD] * 2
    assert "acknowledgements to this address in an hour" in (acks[-1][1] or "")
    assert len(queued) == 5, "a withheld acknowledgement is never queued"


def test_every_corpus_message_goes_through_the_listener(
    ctx: Context, listener: SmtpListener
) -> None:
    files = sorted(CORPUS.glob("*.eml")) + sorted(ARABIC.glob("*.eml"))
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=30) as client:
        for path in files:
            client.sendmail("someone@example.org", ["1111@balagh.test"], crlf(path.read_bytes()))
    assert listener.wait_idle(120)
    with ctx.sessions() as session:
        states = dict(
            session.execute(
                select(InboundRecord.status, func.count()).group_by(InboundRecord.status)
            ).all()
        )
        assert set(states) <= {"done", "ignored"}, states
        assert states["ignored"] >= 20
        empty = session.execute(
            select(func.count())
            .select_from(Message)
            .where(Message.direction == "in", Message.text == "")
        ).scalar_one()
    assert sum(states.values()) == len(files)
    assert empty <= 5


def test_protocol_abuse_does_not_kill_the_listener(ctx: Context, listener: SmtpListener) -> None:
    import socket

    with socket.create_connection(("127.0.0.1", listener.port), timeout=10) as raw:
        raw.recv(1024)
        raw.sendall(b"EHLO x\r\n" + b"A" * 5000 + b"\r\n" + bytes(range(256)) + b"\r\n")
        raw.recv(4096)
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.ehlo()
        client.mail("a@example.om")
        codes = [client.rcpt(f"u{i}@balagh.test")[0] for i in range(55)]
    assert codes[:50] == [250] * 50 and set(codes[50:]) == {452}
    send(listener, citizen_mail())
    assert count(ctx, Ticket) == 1


def test_mail_to_more_recipients_than_kept_is_delivered_to_those_accepted(
    ctx: Context, listener: SmtpListener
) -> None:
    """150 of our addresses in one transaction: 50 are taken (452 for the rest, which the
    client sends later) and the mail still reaches DATA instead of a 421 that drops it."""
    recipients = ["1111@balagh.test"] + [f"office{i}@balagh.test" for i in range(149)]
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        refused = client.sendmail("salim@example.om", recipients, crlf(citizen_mail()))
    assert listener.wait_idle()
    assert len(refused) == 100 and {code for code, _ in refused.values()} == {452}
    assert (count(ctx, InboundRecord), count(ctx, Ticket)) == (1, 1)


def test_attachment_left_out_for_its_size_is_told_to_the_citizen_in_their_language(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    mail = EmailMessage()
    mail["From"] = "سالم <salim@example.om>"
    mail["To"] = "1111@balagh.test"
    mail["Subject"] = "فيديو الحفرة"
    mail["Message-ID"] = "<video1@example.om>"
    mail.set_content(ARABIC_REPORT)
    video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (11 * 1024 * 1024)  # over 10 MB a file
    mail.add_attachment(video, maintype="video", subtype="mp4", filename="hufra.mp4")
    send(listener, mail.as_bytes())
    [ticket] = tickets(ctx)
    with ctx.sessions() as session:
        kinds = list(
            session.execute(
                select(Message.kind).where(Message.direction == "out").order_by(Message.id)
            ).scalars()
        )
    assert kinds == ["ack", "error_too_large"]
    assert deliver_due(ctx).sent == 2
    texts = [m.get_body(("plain",)).get_content() for _, m in sink.messages]
    assert any("حجمه كبير جدًا" in text for text in texts) and ticket.language == "ar"


def test_mail_with_every_attachment_kept_gets_no_size_notice(
    ctx: Context, listener: SmtpListener
) -> None:
    send(listener, citizen_mail())
    with ctx.sessions() as session:
        kinds = list(
            session.execute(select(Message.kind).where(Message.direction == "out")).scalars()
        )
    assert kinds == ["ack"]


def test_a_mail_with_nothing_left_out_costs_the_after_step_one_small_query(
    ctx: Context, listener: SmtpListener
) -> None:
    """The usual mail: one statement asks for the record's list of attachments left out
    (none), not the message and the whole record (raw bytes and all)."""
    send(listener, citizen_mail())
    with ctx.sessions() as session:
        message = session.execute(select(Message).where(Message.direction == "in")).scalar_one()
        processed = Processed(message.ticket_id, "", "", message.id, created=True, duplicate=False)
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        tell_skipped_attachments(ctx, processed)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)
    queries = [s for s in seen if not s.startswith("BEGIN")]  # SQLite's own BEGIN IMMEDIATE
    assert len(queries) == 1 and "raw" not in queries[0], queries


def stored_mail(ctx: Context) -> tuple[Processed, dict[str, Any]]:
    """The processed mail's result and its record's stored message, as a worker holds them."""
    with ctx.sessions() as session:
        message = session.execute(select(Message).where(Message.direction == "in")).scalar_one()
        record = session.get(InboundRecord, message.inbound_record_id)
        assert record is not None
        processed = Processed(message.ticket_id, "", "", message.id, created=True, duplicate=False)
        return processed, dict(record.normalized)


def statements_during(ctx: Context, step: Callable[[], None]) -> list[str]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        step()
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)
    return seen


def test_the_after_step_given_the_workers_loaded_mail_asks_the_database_nothing(
    ctx: Context, listener: SmtpListener
) -> None:
    """The pipeline hands the hook the record its worker loaded: the usual mail, with
    nothing left out, costs the after-step no session and no query."""
    send(listener, citizen_mail())
    processed, normalized = stored_mail(ctx)
    assert (
        statements_during(ctx, lambda: tell_skipped_attachments(ctx, processed, normalized)) == []
    )


def test_the_after_step_given_a_loaded_mail_with_a_file_left_out_tells_the_citizen(
    ctx: Context, listener: SmtpListener
) -> None:
    """The loaded record decides as the query would: a mail listing a file left out is told."""
    send(listener, citizen_mail())
    processed, normalized = stored_mail(ctx)
    extras = dict(normalized.get("extras") or {})
    extras["skipped_attachments"] = [{"filename": "hufra.mp4", "reason": "too large"}]
    with ctx.sessions() as session, session.begin():  # as the listener stores such a mail
        record = session.execute(select(InboundRecord)).scalar_one()
        record.normalized = {**normalized, "extras": extras}
    tell_skipped_attachments(ctx, processed, {**normalized, "extras": extras})
    with ctx.sessions() as session:
        kinds = session.execute(
            select(Message.kind).where(Message.direction == "out").order_by(Message.id)
        ).scalars()
        assert list(kinds) == ["ack", "error_too_large"]


@pytest.mark.parametrize(
    "arg",
    [
        "<citizen@example.org>",
        "<citizen@example.org> SIZE=1000 BODY=8BITMIME",
        "citizen@example.org",
        " <1111@balagh.test>",
        "<>",
        "",
        '<"quoted local"@example.org>',
        "<no-at-sign>",
        "<broken@",
        "<" + "x" * 65 + "@example.org>",  # over the 64-octet local part limit
        "<سالم@example.om>",
        "not an address at all <<",
        "<" + "a" * 60 + "@" + "b" * 600 + ".org>",  # too long to be remembered
        # the plain form read without the header parser, and its near misses
        "<citizen17@example.org>  SIZE=1000",
        "<citizen@example.org>\tBODY=8BITMIME",
        "<citizen@example.org>(a comment) SIZE=1000",
        "<citizen@example.org> (a comment)",
        "<citizen@example.org>>",
        "<citizen@example.org>\r",
        "<a.b+c!#$%&'*/=?^_`{|}~-d@sub-1.example.org>",
        "<a..b@example.org>",
        "<.a@example.org>",
        "<a.@example.org>",
        "<a@example..org>",
        "<a@example.org.>",
        "<a@-example.org>",
        "<a@[127.0.0.1]>",
        "<@relay.example:a@example.org>",
        "<" + "x" * 64 + "@example.org>",
    ],
)
def test_the_remembered_address_parse_answers_as_aiosmtpds_own(arg: str) -> None:
    """BalaghSMTP remembers `_getaddr`'s answers (aiosmtpd 1.4.6 defines a class on every
    call); for the same argument it must answer exactly as aiosmtpd does, twice."""
    ours = BalaghSMTP(handler=None)
    theirs = SMTP(handler=None)
    assert outcome(ours._getaddr, arg) == outcome(theirs._getaddr, arg)
    assert outcome(ours._getaddr, arg) == outcome(theirs._getaddr, arg)  # remembered


def outcome(parse: Callable[[str], object], arg: str) -> object:
    """The answer, or the kind of error (the stdlib parser raises IndexError on some)."""
    try:
        return parse(arg)
    except Exception as exc:
        return type(exc)


ADDRESS_PIECES = ["<", ">", "@", ".", "a", "Z9", "-", "+", " ", "\t", "(", ")", '"', "x=1", ":"]
PLAIN_PIECES = ["a", "Z9", ".", "-", "+", "@", "_"]


def test_the_address_parse_answers_as_aiosmtpds_own_for_generated_arguments() -> None:
    """The plain-address shortcut and the parser behind it, against aiosmtpd's own parse
    on arguments assembled from the pieces that decide between them."""
    rng = random.Random(13)
    ours, theirs = BalaghSMTP(handler=None), SMTP(handler=None)
    for _ in range(3000):
        pieces = ADDRESS_PIECES if rng.random() < 0.5 else PLAIN_PIECES
        middle = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        arg = "<" + middle + "@example.org>" + rng.choice(["", " SIZE=1", "  x", "(c)", ">"])
        if rng.random() < 0.3:
            arg = "".join(rng.choice(ADDRESS_PIECES) for _ in range(rng.randint(0, 12)))
        assert outcome(ours._getaddr, arg) == outcome(theirs._getaddr, arg), arg


class CountingPipeline:
    """Stands in for the inbound pipeline: counts its wake-ups (a mail is never one for the
    preparer, which each wake-up of would cost a query)."""

    def __init__(self) -> None:
        self.woken = 0

    def wake(self, preparing: bool = True) -> None:
        assert not preparing
        self.woken += 1


def test_stored_mails_wake_the_workers_at_once_then_at_most_once_a_window(
    ctx: Context,
) -> None:
    """The first mail wakes the workers at once; more within WAKE_EVERY are covered by one
    wake-up at the window's end, never none; a mail after a quiet window wakes at once."""
    pipeline = CountingPipeline()
    ctx.extras[EXTRA_KEY] = pipeline
    handler = MailHandler(ctx)

    async def burst() -> list[int]:
        loop = asyncio.get_running_loop()
        seen = []
        handler._wake_soon(loop)
        seen.append(pipeline.woken)
        for _ in range(5):
            handler._wake_soon(loop)
        seen.append(pipeline.woken)
        await asyncio.sleep(WAKE_EVERY * 1.5)
        seen.append(pipeline.woken)
        await asyncio.sleep(WAKE_EVERY * 1.5)
        handler._wake_soon(loop)
        seen.append(pipeline.woken)
        return seen

    try:
        assert asyncio.run(burst()) == [1, 1, 2, 3]
    finally:
        del ctx.extras[EXTRA_KEY]
        handler.bounces.shutdown()


def test_a_burst_of_mails_in_one_session_all_become_tickets(
    ctx: Context, listener: SmtpListener
) -> None:
    """Mails closer together than WAKE_EVERY share wake-ups; none is left unprocessed."""
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        for n in range(12):
            sender = f"citizen{n}@example.om"
            raw = citizen_mail(f"{ARABIC_REPORT} {n}", msgid=f"<b{n}@example.om>", sender=sender)
            client.sendmail(sender, ["1111@balagh.test"], crlf(raw))
    assert listener.wait_idle()
    assert count(ctx, Ticket) == 12
    assert 1 <= listener.handler.wakes <= 12
