"""Real `balagh worker` / `balagh serve` processes on a test's PostgreSQL database.

Shared by tests/balagh/test_worker_processes.py and test_serve_worker_processes.py, which
each wrote the same environment, LISTEN count, mail burst and record counts.
"""

from __future__ import annotations

import os
import smtplib
from collections.abc import Iterable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from core.context import Context
from core.models import Direction, InboundRecord, Message
from core.routing.classifier import MODEL_FILE

ROOT = Path(__file__).resolve().parents[1]
LISTENING = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND query = 'LISTEN balagh_inbound'"
)


def process_env(ctx: Context, sink: Any, routing_model: Any, **extra: str) -> dict[str, str]:
    """The environment of a child process on the test's database and mail sink.

    The routing model is saved into the data directory first, so each child loads it
    instead of training its own (seconds each, minutes on a loaded machine)."""
    settings = ctx.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    routing_model.save(settings.data_dir / MODEL_FILE)
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BALAGH_DATABASE_URL": settings.database_url,
        "BALAGH_DATA_DIR": str(settings.data_dir),
        "BALAGH_SECRET_KEY": settings.secret_key,
        "BALAGH_MAIL_DOMAINS": settings.mail_domains,
        "BALAGH_MAIL_ADDRESS": settings.mail_address,
        "BALAGH_RELAY_HOST": "127.0.0.1",
        "BALAGH_RELAY_PORT": str(sink.port),
        **extra,
    }


def listening(ctx: Context) -> int:
    """How many connections of this database wait on the inbound notifications."""
    with ctx.engine.connect() as conn:
        return int(conn.execute(LISTENING).scalar_one())


def send_leaks(port: int, numbers: Iterable[int], tag: str) -> None:
    """One citizen's water-leak mail per number, on one SMTP connection."""
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
        for n in numbers:
            msg = EmailMessage()
            msg["From"] = f"citizen{n}@example.org"
            msg["To"] = "1111@balagh.test"
            msg["Subject"] = f"Water leak {n}"
            msg["Message-ID"] = f"<{tag}.{n}@example.org>"
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
