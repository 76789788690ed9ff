"""SmtpSender.compose writes the same mail as build + the stdlib's generator, cheaper.

The reference is `build` (the EmailMessage composer every message used before, and still the
path for attachments and addresses that are not plain ASCII), flattened as smtplib's
send_message flattens it. Both are parsed back with the modern policy and compared header by
header and body by body: what a mail client reads.
"""

from __future__ import annotations

from email import message_from_bytes, policy
from email.generator import BytesGenerator
from io import BytesIO

import pytest

from channels.email.sender import SmtpSender
from core.outbound import OutboundAttachment, OutboundMessage
from tests.email_support import Sink

AR_ACK = "وصلنا بلاغكم رقم MCT-000123 وسيُحوَّل إلى القسم المختص.\n\nتابعوا بلاغكم: https://balagh.example.om/t/MCT-000123?k=a&b=1\n\nبلدية مسقط"
EN_ACK = (
    "We received your report MCT-000124 and passed it to the department responsible for it.\n\n"
    "Follow it: https://balagh.example.om/t/MCT-000124?k=abc=def\n\nMuscat Municipality"
)


def message(**overrides: object) -> OutboundMessage:
    values: dict[str, object] = {
        "channel": "email",
        "to": "salim@example.om",
        "text": AR_ACK,
        "language": "ar",
        "reference": "MCT-000123",
        "kind": "ack",
        "subject": "استلمنا بلاغكم",
        "in_reply_to": ("<c1@example.om>",),
        "delivery_key": "42",
    }
    values.update(overrides)
    return OutboundMessage(**values)  # type: ignore[arg-type]


REPRESENTATIVE = {
    "arabic ack": message(),
    "english ack": message(
        to="john.smith@example.com", text=EN_ACK, language="en", subject="We received it"
    ),
    "short ascii body (7bit)": message(text="Received.", language="en", subject="Thanks"),
    "bilingual, no language": message(language=None, text="وصلنا بلاغكم.\n\nWe received it."),
    "staff reply, many references": message(
        kind="reply",
        subject="رد بخصوص بلاغكم",
        in_reply_to=tuple(f"<c{i}@example.om>" for i in range(14)) + ("bare-id@example.om",),
    ),
    "no threading, no delivery key": message(in_reply_to=(), delivery_key=None),
    "supplied html": message(kind="reply", html="<p>تم <b>الإصلاح</b></p><script>x</script>"),
    "long arabic subject": message(subject="بخصوص " * 30 + "الحفرة في شارع السلطان قابوس"),
    "mixed subject": message(subject="بلاغ about الحفرة near Qurum القرم"),
    "no subject": message(subject=None),
    "empty text": message(text=""),
    "long english lines": message(text="word " * 200, language="en", subject="x" * 300),
}


def sender(**overrides: object) -> SmtpSender:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": 1,
        "from_address": "1111@balagh.test",
        "from_name": "بلدية مسقط",
        "secret_key": "k" * 32,
    }
    values.update(overrides)
    return SmtpSender(**values)  # type: ignore[arg-type]


def reference_bytes(smtp_sender: SmtpSender, outbound: OutboundMessage) -> bytes:
    """`build`'s message as smtplib.send_message flattens it (CRLF, the message's policy)."""
    mail = smtp_sender.build(outbound)
    out = BytesIO()
    BytesGenerator(out, False, policy=mail.policy.clone(linesep="\r\n")).flatten(mail)
    return out.getvalue()


def as_read(
    raw: bytes, random_id: bool = False
) -> list[tuple[list[tuple[str, str]], object, list[str]]]:
    """Every part's headers (but the Date, the random boundary and a random Message-ID, whose
    domain is kept), content and defects."""
    parts = []
    for part in message_from_bytes(raw, policy=policy.default).walk():
        headers = [
            (name, str(value))
            for name, value in part.items()
            if name != "Date" and not (name == "Content-Type" and part.is_multipart())
        ]
        if random_id:
            headers = [(n, v.rpartition("@")[2] if n == "Message-ID" else v) for n, v in headers]
        if part.is_multipart():
            headers.append(("Content-Type", part.get_content_type()))
        content = None if part.is_multipart() else part.get_content()
        parts.append((headers, content, [type(d).__name__ for d in part.defects]))
    return parts


@pytest.mark.parametrize("name", list(REPRESENTATIVE))
@pytest.mark.parametrize("with_name", [True, False])
@pytest.mark.parametrize("with_key", [True, False])
def test_composed_mail_reads_back_as_the_generators_mail(
    name: str, with_name: bool, with_key: bool
) -> None:
    smtp_sender = sender(
        from_name="بلدية مسقط" if with_name else "", secret_key="k" * 32 if with_key else ""
    )
    outbound = REPRESENTATIVE[name]
    composed = smtp_sender.compose(outbound)
    assert composed is not None
    message_id, raw = composed
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    random_id = outbound.delivery_key is None  # make_msgid: a new id on every call
    read = as_read(raw, random_id)
    assert read == as_read(reference_bytes(smtp_sender, outbound), random_id)
    assert read[0][2] == [] and all(defects == [] for _, _, defects in read)
    assert ("Message-ID", message_id) in as_read(raw)[0][0]


def test_a_mail_the_composer_does_not_write_goes_through_build(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "map.pdf"
    path.write_bytes(b"%PDF-1.4")
    attachment = (OutboundAttachment("map.pdf", "application/pdf", str(path)),)
    for outbound in (
        message(attachments=attachment),
        message(to="سالم@مثال.عمان"),
        message(to='"Salim Said" <salim@example.om>'),
        message(subject="=?utf-8?q?not_encoded?= literally"),
        message(subject="two  spaces"),
    ):
        assert sender().compose(outbound) is None


def test_the_composed_mail_is_what_the_relay_receives(sink: Sink) -> None:
    receipt = sender(port=sink.port).send(message(text=EN_ACK, language="en"))
    [(envelope, mail)] = sink.messages
    assert envelope.rcpt_tos == ["salim@example.om"]
    assert mail["Message-ID"] == receipt.external_id
    assert mail["Subject"] == "[MCT-000123] استلمنا بلاغكم"
    assert mail.get_body(("plain",)).get_content().splitlines() == EN_ACK.splitlines()
