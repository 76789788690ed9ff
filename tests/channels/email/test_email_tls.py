"""STARTTLS on our listener and towards the relay, with certificates made at test time."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from sqlalchemy import func, select

from channels.email.listener import SmtpListener
from channels.email.sender import SmtpSender
from core.context import Context
from core.models import Ticket
from core.outbound import OutboundMessage, TemporaryDeliveryError
from tests.email_support import SinkHandler, free_port

RELAY_USER = "balagh"
RELAY_PASSWORD = "relay-Pa55"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture(scope="module")
def client_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture
def cert_files(ca: trustme.CA, tmp_path: Path) -> tuple[str, str]:
    cert = ca.issue_cert("127.0.0.1", "localhost")
    chain, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    chain.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    key.write_bytes(cert.private_key_pem.bytes())
    return str(chain), str(key)


def citizen_mail() -> bytes:
    mail = EmailMessage()
    mail["From"] = "Salim <salim@example.om>"
    mail["To"] = "1111@balagh.test"
    mail["Subject"] = "Streetlight"
    mail["Message-ID"] = "<tls1@example.om>"
    mail.set_content("The streetlight on Way 2341 has been out for a week.")
    return mail.as_bytes().replace(b"\n", b"\r\n")


# -- the listener --------------------------------------------------------------------------


@pytest.fixture
def tls_listener(ctx: Context, cert_files: tuple[str, str]) -> Iterator[SmtpListener]:
    cert, key = cert_files
    ctx.settings = ctx.settings.model_copy(update={"smtp_tls_cert": cert, "smtp_tls_key": key})
    listener = SmtpListener(ctx, host="127.0.0.1", port=free_port())
    yield listener
    listener.stop()


def test_listener_with_a_certificate_takes_mail_over_starttls(
    ctx: Context, tls_listener: SmtpListener, client_context: ssl.SSLContext
) -> None:
    with smtplib.SMTP("127.0.0.1", tls_listener.port, timeout=10) as client:
        client.ehlo()
        assert client.has_extn("starttls")
        client.starttls(context=client_context)
        client.ehlo()
        assert not client.has_extn("starttls")  # now inside TLS
        client.sendmail("salim@example.om", ["1111@balagh.test"], citizen_mail())
    assert tls_listener.wait_idle()
    with ctx.sessions() as session:
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 1
    assert tls_listener.probe()["tls"] is True


def test_listener_without_a_certificate_does_not_offer_starttls(ctx: Context) -> None:
    listener = SmtpListener(ctx, host="127.0.0.1", port=free_port())
    try:
        with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
            client.ehlo()
            assert not client.has_extn("starttls")
    finally:
        listener.stop()


# -- the relay -----------------------------------------------------------------------------


class AuthSink(SinkHandler):
    """A recording relay that also remembers each session's TLS state and login."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[tuple[bool, str]] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        login = session.auth_data.decode() if isinstance(session.auth_data, bytes) else ""
        self.sessions.append((session.ssl is not None, login))
        return await super().handle_DATA(server, session, envelope)


def authenticator(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        RELAY_USER.encode(),
        RELAY_PASSWORD.encode(),
    )
    # handled=False: aiosmtpd answers a failure with 535 itself
    return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


@pytest.fixture
def tls_relay(server_context: ssl.SSLContext) -> Iterator[tuple[AuthSink, int]]:
    handler = AuthSink()
    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        tls_context=server_context,
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=authenticator,
    )
    controller.start()
    yield handler, port
    controller.stop()


def relay_sender(port: int, context: ssl.SSLContext | None, **overrides: Any) -> SmtpSender:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "from_address": "1111@balagh.test",
        "user": RELAY_USER,
        "password": RELAY_PASSWORD,
        "starttls": True,
        "secret_key": "k" * 32,
        "tls_context": context,
        "timeout": 10.0,
    }
    values.update(overrides)
    return SmtpSender(**values)


def reply() -> OutboundMessage:
    return OutboundMessage(
        channel="email",
        to="salim@example.om",
        text="The streetlight was repaired.",
        language="en",
        reference="MCT-000001",
        kind="reply",
        subject="Your report",
    )


def test_sender_uses_starttls_and_logs_in_at_the_relay(
    tls_relay: tuple[AuthSink, int], client_context: ssl.SSLContext
) -> None:
    handler, port = tls_relay
    receipt = relay_sender(port, client_context).send(reply())
    [(envelope, mail)] = handler.messages
    assert handler.sessions == [(True, RELAY_USER)]
    assert envelope.rcpt_tos == ["salim@example.om"]
    assert mail["Message-ID"] == receipt.external_id


def test_wrong_relay_password_is_a_temporary_failure(
    tls_relay: tuple[AuthSink, int], client_context: ssl.SSLContext
) -> None:
    handler, port = tls_relay
    with pytest.raises(TemporaryDeliveryError, match="authentication"):
        relay_sender(port, client_context, password="wrong").send(reply())
    assert handler.messages == []


def test_relay_certificate_that_is_not_trusted_is_refused(
    tls_relay: tuple[AuthSink, int],
) -> None:
    handler, port = tls_relay
    with pytest.raises(TemporaryDeliveryError):
        relay_sender(port, ssl.create_default_context()).send(reply())
    assert handler.messages == []


def test_sender_without_starttls_does_not_send_its_password_in_clear(
    tls_relay: tuple[AuthSink, int],
) -> None:
    handler, port = tls_relay
    with pytest.raises(TemporaryDeliveryError):
        relay_sender(port, None, starttls=False).send(reply())
    assert handler.messages == []
