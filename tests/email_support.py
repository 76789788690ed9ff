"""Helpers for the email tests: fixture paths, free ports, a recording SMTP sink."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

MAIL_DATA = Path(__file__).parent / "data" / "mail"
CORPUS = MAIL_DATA / "corpus"
ARABIC = MAIL_DATA / "arabic"


def fixture(name: str) -> bytes:
    """The raw bytes of a mail fixture ('arabic/x.eml' or 'corpus/y.eml')."""
    return (MAIL_DATA / name).read_bytes()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SinkHandler:
    """Records every message the relay is given; answers with a configurable code."""

    def __init__(self) -> None:
        self.messages: list[tuple[Envelope, EmailMessage]] = []
        self.rcpt_reply: str | None = None
        self.data_reply: str | None = None

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply:
            return self.data_reply
        raw = envelope.original_content or b""
        self.messages.append((envelope, message_from_bytes(raw, policy=policy.default)))  # type: ignore[arg-type]
        return "250 OK"


class Sink:
    """An aiosmtpd relay on a free loopback port."""

    def __init__(self) -> None:
        self.handler = SinkHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def messages(self) -> list[tuple[Envelope, EmailMessage]]:
        return self.handler.messages

    def stop(self) -> None:
        self.controller.stop()
