"""SmtpSender against an aiosmtpd sink: MIME, threading headers, error mapping."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from channels.email.sender import SmtpSender
from core.outbound import OutboundMessage, PermanentDeliveryError, TemporaryDeliveryError
from tests.email_support import Sink, SinkHandler, free_port


def sender_for(port: int) -> SmtpSender:
    return SmtpSender(
        host="127.0.0.1", port=port, from_address="1111@balagh.test", secret_key="k" * 32
    )


def staff_reply(**overrides: object) -> OutboundMessage:
    values: dict[str, object] = {
        "channel": "email",
        "to": "salim@example.om",
        "text": "تم إصلاح الحفرة.\n\nمع التحية",
        "language": "ar",
        "reference": "MCT-000007",
        "kind": "reply",
        "subject": "رد بخصوص بلاغكم",
        "in_reply_to": ("<c1@example.om>", "<ack@balagh.test>", "<c2@example.om>"),
    }
    values.update(overrides)
    return OutboundMessage(**values)  # type: ignore[arg-type]


def test_staff_reply_arrives_with_threading_headers_and_rtl_html(sink: Sink) -> None:
    receipt = sender_for(sink.port).send(staff_reply())
    [(envelope, mail)] = sink.messages
    assert envelope.mail_from == "1111@balagh.test" and envelope.rcpt_tos == ["salim@example.om"]
    assert mail["Message-ID"] == receipt.external_id and receipt.external_id.endswith(
        "@balagh.test>"
    )
    assert mail["In-Reply-To"] == "<c2@example.om>"
    assert mail["References"] == "<c1@example.om> <ack@balagh.test> <c2@example.om>"
    assert "[MCT-000007]" in mail["Subject"] and mail["Content-Language"] == "ar"
    assert mail["Auto-Submitted"] is None  # a person's reply is not automatic
    assert mail["Reply-To"].startswith("1111+mct-000007.")
    assert mail.get_content_type() == "multipart/alternative"
    assert mail.get_body(("plain",)).get_content().startswith("تم إصلاح الحفرة.")
    html = mail.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html and 'lang="ar"' in html and "تم إصلاح الحفرة." in html


def test_automatic_notification_is_marked_auto_submitted(sink: Sink) -> None:
    sender_for(sink.port).send(staff_reply(kind="ack", language="en", text="Received"))
    mail = sink.messages[0][1]
    assert mail["Auto-Submitted"] == "auto-replied"
    assert 'dir="ltr"' in mail.get_body(("html",)).get_content()


def test_supplied_html_is_sanitised(sink: Sink) -> None:
    sender_for(sink.port).send(staff_reply(html="<p>ok</p><script>alert(1)</script>"))
    html = sink.messages[0][1].get_body(("html",)).get_content()
    assert "<p>ok</p>" in html and "script" not in html


def test_attachment_is_sent(sink: Sink, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core.outbound import OutboundAttachment

    path = tmp_path / "map.pdf"
    path.write_bytes(b"%PDF-1.4 test")
    sender_for(sink.port).send(
        staff_reply(attachments=(OutboundAttachment("map.pdf", "application/pdf", str(path)),))
    )
    [att] = list(sink.messages[0][1].iter_attachments())
    assert att.get_filename() == "map.pdf" and att.get_content() == b"%PDF-1.4 test"


def test_recipient_refused_with_5xx_is_permanent(sink: Sink) -> None:
    sink.handler.rcpt_reply = "550 5.1.1 No such user"
    with pytest.raises(PermanentDeliveryError, match="550"):
        sender_for(sink.port).send(staff_reply())


def test_4xx_from_relay_is_temporary(sink: Sink) -> None:
    sink.handler.data_reply = "451 4.3.0 Try later"
    with pytest.raises(TemporaryDeliveryError, match="451"):
        sender_for(sink.port).send(staff_reply())


def test_unreachable_relay_is_temporary() -> None:
    with pytest.raises(TemporaryDeliveryError):
        sender_for(free_port()).send(staff_reply())


def test_mail_comes_from_the_centres_name_in_arabic(sink: Sink) -> None:
    sender = SmtpSender(
        host="127.0.0.1", port=sink.port, from_address="1111@balagh.test", from_name="بلدية مسقط"
    )
    sender.send(staff_reply())
    mail = sink.messages[0][1]
    assert mail["From"].addresses[0].display_name == "بلدية مسقط"
    assert mail["From"].addresses[0].addr_spec == "1111@balagh.test"
    assert mail["Reply-To"] is None  # no secret key given: no tokenised address


def test_without_a_name_mail_comes_from_the_bare_address(sink: Sink) -> None:
    sender_for(sink.port).send(staff_reply())
    assert str(sink.messages[0][1]["From"]) == "1111@balagh.test"


def test_links_in_the_html_part_are_clickable_and_escaped(sink: Sink) -> None:
    text = "تابعوا بلاغكم: https://balagh.example.om/t/MCT-000007?k=a&b=1.\n\n<b>not bold</b>"
    sender_for(sink.port).send(staff_reply(text=text))
    html = sink.messages[0][1].get_body(("html",)).get_content()
    url = "https://balagh.example.om/t/MCT-000007?k=a&amp;b=1"
    assert f'<a href="{url}">{url}</a>.' in html  # the sentence's full stop stays outside
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html


def test_a_bilingual_message_lets_each_paragraph_take_its_own_direction(sink: Sink) -> None:
    text = "وصلنا بلاغكم.\n\nWe received your report."
    sender_for(sink.port).send(staff_reply(kind="ack", language=None, text=text))
    html = sink.messages[0][1].get_body(("html",)).get_content()
    assert 'dir="ltr"' not in html and 'dir="rtl"' not in html and 'lang="en"' not in html
    assert '<p dir="auto">وصلنا بلاغكم.</p>' in html
    assert '<p dir="auto">We received your report.</p>' in html


class ConnectionCountingHandler(SinkHandler):
    """The sink's handler, also keeping each mail's connection (aiosmtpd's session)."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[Session] = []
        self.servers: list[SMTP] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.sessions.append(session)
        self.servers.append(server)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def counting_sink() -> Iterator[Sink]:
    relay = Sink()
    relay.controller.stop()
    relay.handler = ConnectionCountingHandler()
    relay.controller = Controller(relay.handler, hostname="127.0.0.1", port=relay.port)
    relay.controller.start()
    yield relay
    relay.stop()


def connections(sink: Sink) -> int:
    handler = sink.handler
    assert isinstance(handler, ConnectionCountingHandler)
    return len({id(session) for session in handler.sessions})


def test_a_rounds_mails_share_one_relay_connection(counting_sink: Sink) -> None:
    sender = sender_for(counting_sink.port)
    with sender.round():
        for n in range(3):
            sender.send(staff_reply(kind="ack", text=f"Received {n}"))
    assert len(counting_sink.messages) == 3 and connections(counting_sink) == 1


def test_mails_outside_a_round_each_open_and_close_their_own_connection(
    counting_sink: Sink,
) -> None:
    sender = sender_for(counting_sink.port)
    for n in range(2):
        sender.send(staff_reply(kind="ack", text=f"Received {n}"))
    assert len(counting_sink.messages) == 2 and connections(counting_sink) == 2


def test_a_kept_connection_the_relay_closed_is_replaced_and_the_mail_sent_once(
    counting_sink: Sink,
) -> None:
    sender = sender_for(counting_sink.port)
    handler = counting_sink.handler
    assert isinstance(handler, ConnectionCountingHandler)
    with sender.round():
        sender.send(staff_reply(kind="ack", text="first"))
        closed = threading.Event()

        def close_it() -> None:
            handler.servers[0].transport.close()  # the relay's idle timeout, say
            closed.set()

        counting_sink.controller.loop.call_soon_threadsafe(close_it)
        assert closed.wait(5)
        time.sleep(0.1)  # the close reaches our socket
        sender.send(staff_reply(kind="ack", text="second"))
    texts = [mail.get_body(("plain",)).get_content().strip() for _, mail in counting_sink.messages]
    assert texts == ["first", "second"] and connections(counting_sink) == 2
