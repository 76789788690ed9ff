"""IMAP intake against a fake IMAP server on loopback: seen only after stored, never a loop."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from channels.email.imap import ImapConfig, ImapPoller, start_imap
from core.context import Context
from core.errors import StorageUnavailable
from core.models import InboundRecord, OutboxItem, Ticket
from tests.email_support import fixture
from tests.imap_fake import FakeImapServer

USER = "1111@muni.example"
PASSWORD = "Pa55-w0rd-never-logged"


@pytest.fixture
def server() -> Iterator[FakeImapServer]:
    fake = FakeImapServer(USER, PASSWORD)
    yield fake
    fake.stop()


def config(server: FakeImapServer, **overrides: object) -> ImapConfig:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": server.port,
        "user": USER,
        "password": PASSWORD,
        "ssl": False,
        "poll_seconds": 300.0,
    }
    values.update(overrides)
    return ImapConfig(**values)  # type: ignore[arg-type]


@pytest.fixture
def poller(ctx: Context, server: FakeImapServer) -> Iterator[ImapPoller]:
    """A poller driven by hand with poll_once() (no thread)."""
    imap = ImapPoller(ctx, config(server))
    yield imap
    imap.stop()


def citizen_mail(text: str, msgid: str, sender: str = "salim@example.om") -> bytes:
    mail = EmailMessage()
    mail["From"] = f"Salim <{sender}>"
    mail["To"] = "1111@muni.example"
    mail["Subject"] = "Streetlight"
    mail["Message-ID"] = msgid
    mail["Return-Path"] = f"<{sender}>"
    mail.set_content(text)
    return mail.as_bytes().replace(b"\n", b"\r\n")


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_unseen_messages_become_tickets_and_are_marked_seen(
    ctx: Context, server: FakeImapServer, poller: ImapPoller
) -> None:
    first = server.deliver(citizen_mail("The streetlight on Way 2341 is out.", "<a1@example.om>"))
    second = server.deliver(
        citizen_mail("Garbage not collected for a week.", "<a2@example.om>", "huda@example.om")
    )
    result = poller.poll_once()
    assert (result.found, result.stored, result.seen) == (2, 2, 2)
    assert count(ctx, Ticket) == 2
    assert server.seen(first) and server.seen(second)
    fetches = [c for c in server.commands if "FETCH" in c.upper()]
    assert fetches and all("BODY.PEEK[]" in c for c in fetches)


def test_storage_failure_leaves_the_message_unseen_and_the_next_poll_takes_it(
    ctx: Context, server: FakeImapServer, poller: ImapPoller, monkeypatch: pytest.MonkeyPatch
) -> None:
    uid = server.deliver(citizen_mail("Water leak near the roundabout.", "<w1@example.om>"))

    def database_down(ctx: Context, message: object, **_: object) -> None:
        raise StorageUnavailable("database down")

    with monkeypatch.context() as patch:
        patch.setattr("channels.email.intake.accept", database_down)
        assert poller.poll_once().stored == 0
    assert not server.seen(uid) and count(ctx, InboundRecord) == 0
    assert poller.poll_once().stored == 1
    assert server.seen(uid) and count(ctx, Ticket) == 1


def test_auto_reply_is_stored_ignored_and_marked_seen_without_a_ticket(
    ctx: Context, server: FakeImapServer, poller: ImapPoller
) -> None:
    uid = server.deliver(fixture("arabic/arabic-autoreply.eml"))
    poller.poll_once()
    assert server.seen(uid)
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
    assert record.status == "ignored"
    assert (count(ctx, Ticket), count(ctx, OutboxItem)) == (0, 0)


def test_message_taken_again_after_a_failed_seen_flag_makes_one_ticket(
    ctx: Context, server: FakeImapServer, poller: ImapPoller
) -> None:
    uid = server.deliver(citizen_mail("Pothole on the Corniche.", "<p1@example.om>"))
    server.fail_store = True
    assert poller.poll_once().seen == 0
    assert not server.seen(uid)
    server.fail_store = False
    poller.poll_once()
    assert server.seen(uid)
    assert (count(ctx, InboundRecord), count(ctx, Ticket)) == (1, 1)


def test_mail_arriving_during_idle_is_taken_without_waiting_for_the_interval(
    ctx: Context, server: FakeImapServer
) -> None:
    imap = ImapPoller(ctx, config(server, poll_seconds=300.0))
    imap.start()
    try:
        assert server.idling.wait(20)
        server.deliver(citizen_mail("A fallen tree blocks the road.", "<t1@example.om>"))
        assert wait_for(lambda: count(ctx, Ticket) == 1)
    finally:
        imap.stop()
    assert imap.thread is not None and not imap.thread.is_alive()


def test_server_without_idle_is_polled_at_the_interval(ctx: Context) -> None:
    fake = FakeImapServer(USER, PASSWORD, idle=False)
    imap = ImapPoller(ctx, config(fake, poll_seconds=0.1))
    imap.start()
    try:
        assert wait_for(lambda: imap.last_poll is not None)
        fake.deliver(citizen_mail("Stray dogs near the school.", "<d1@example.om>"))
        assert wait_for(lambda: count(ctx, Ticket) == 1)
        assert imap.idle_supported is False
    finally:
        imap.stop()
        fake.stop()


def test_serve_starter_logs_the_mailbox_and_probe_but_never_the_password(
    ctx: Context, server: FakeImapServer, caplog: pytest.LogCaptureFixture
) -> None:
    ctx.settings = ctx.settings.model_copy(
        update={
            "imap_host": "127.0.0.1",
            "imap_port": server.port,
            "imap_user": USER,
            "imap_password": PASSWORD,
            "imap_ssl": False,
        }
    )
    caplog.set_level(logging.DEBUG)
    imap = start_imap(ctx)
    assert imap is not None
    try:
        server.deliver(citizen_mail("Broken bench in the park.", "<b1@example.om>"))
        assert wait_for(lambda: count(ctx, Ticket) == 1)
        state = ctx.extras["channel_probes"]["imap"]()
    finally:
        imap.stop()
    assert f"imap: polling {USER}@127.0.0.1:{server.port}/INBOX" in caplog.text
    assert state["mailbox"] == f"{USER}@127.0.0.1:{server.port}/INBOX"
    assert PASSWORD not in caplog.text and PASSWORD not in str(state)


def test_login_refusal_that_echoes_the_password_is_logged_redacted(
    ctx: Context, server: FakeImapServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.echo_login_failure = True
    caplog.set_level(logging.DEBUG)
    wrong = PASSWORD + "-old"
    imap = ImapPoller(ctx, config(server, password=wrong))
    imap.start()
    try:
        assert wait_for(lambda: imap.last_error is not None)
    finally:
        imap.stop()
    assert "AUTHENTICATIONFAILED" in caplog.text
    assert wrong not in caplog.text and PASSWORD not in caplog.text
    assert wrong not in str(imap.probe())


def test_no_imap_host_starts_nothing(ctx: Context) -> None:
    assert start_imap(ctx) is None
    assert "imap" not in ctx.extras.get("channel_probes", {})
