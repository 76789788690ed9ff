"""An SMTP listener that only stores and acknowledges (BALAGH_INBOUND_WORKERS=0) beside real
`balagh worker` processes doing the processing, woken by NOTIFY (PostgreSQL): each record is
processed once, by a worker process, never by the listener's."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from channels.email.listener import SmtpListener
from core.context import Context
from core.models import Direction, InboundRecord, Message
from core.routing.classifier import MODEL_FILE
from tests.email_support import free_port

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
ROOT = Path(__file__).resolve().parents[2]
MAILS, CONNECTIONS = 30, 3


@pytest.fixture
def worker_processes(ctx: Context, sink: Any, routing_model: Any) -> Iterator[None]:
    """Two `balagh worker` processes on the test's database, listening for notifications."""
    settings = ctx.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    routing_model.save(settings.data_dir / MODEL_FILE)  # loaded, not trained, by each
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BALAGH_DATABASE_URL": settings.database_url,
        "BALAGH_DATA_DIR": str(settings.data_dir),
        "BALAGH_SECRET_KEY": settings.secret_key,
        "BALAGH_MAIL_DOMAINS": settings.mail_domains,
        "BALAGH_MAIL_ADDRESS": settings.mail_address,
        "BALAGH_RELAY_HOST": "127.0.0.1",
        "BALAGH_RELAY_PORT": str(sink.port),
        "BALAGH_LOG_LEVEL": "WARNING",
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "balagh", "worker"], env=env, cwd=settings.data_dir.parent
        )
        for _ in range(2)
    ]
    try:
        wait_listening(ctx, procs)
        yield
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()


def wait_listening(ctx: Context, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + 120
    listening = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND query = 'LISTEN balagh_inbound'"
    )
    while time.monotonic() < deadline:
        assert all(proc.poll() is None for proc in procs), "a balagh worker exited"
        with ctx.engine.connect() as conn:
            if conn.execute(listening).scalar_one() >= len(procs):
                return
        time.sleep(0.2)
    raise AssertionError("the balagh workers never listened")


def send(port: int, numbers: range) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
        for n in numbers:
            msg = EmailMessage()
            msg["From"] = f"citizen{n}@example.org"
            msg["To"] = "1111@balagh.test"
            msg["Subject"] = f"Water leak {n}"
            msg["Message-ID"] = f"<procs.{n}@example.org>"
            msg.set_content(f"Water leaking from a pipe on street {n} in Al Khuwair")
            smtp.send_message(msg)


def records(ctx: Context) -> tuple[dict[str, int], set[int], dict[int, int]]:
    """Records per status, their attempt counts, and inbound messages per record."""
    with ctx.sessions() as session:
        statuses = dict(
            session.execute(
                select(InboundRecord.status, func.count()).group_by(InboundRecord.status)
            ).all()
        )
        tries = set(session.execute(select(InboundRecord.attempts)).scalars())
        messages = dict(
            session.execute(
                select(Message.inbound_record_id, func.count())
                .where(Message.direction == Direction.IN)
                .group_by(Message.inbound_record_id)
            ).all()
        )
    return statuses, tries, messages


def test_a_listener_without_workers_leaves_each_mail_to_one_worker_process_once(
    ctx: Context, worker_processes: None
) -> None:
    ctx.settings.inbound_workers = 0
    listener = SmtpListener(ctx, host="127.0.0.1", port=free_port())
    try:
        assert listener.pipeline.threads == []  # nothing is processed in this process
        senders = [
            threading.Thread(target=send, args=(listener.port, range(c, MAILS, CONNECTIONS)))
            for c in range(CONNECTIONS)
        ]
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join(120)
        deadline = time.monotonic() + 120
        while records(ctx)[0] != {"done": MAILS} and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        listener.stop()
    statuses, tries, messages = records(ctx)
    assert statuses == {"done": MAILS}
    assert tries == {1}
    assert len(messages) == MAILS and set(messages.values()) == {1}
