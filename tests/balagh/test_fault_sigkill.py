"""SIGKILL `balagh serve` in the middle of bursts on SMTP, the web form and Telegram, start
it again, and check that every item it acknowledged is stored exactly once (PostgreSQL, a
real process, real sockets; the Bot API and the mail relay are fakes on loopback).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, func, select

from core.models import InboundRecord, Message
from tests.conftest import fresh_pg_database
from tests.fault_kit import ServeProcess, TelegramTraffic, smtp_burst, wait_for, web_burst
from tests.telegram_fake import FakeBotApi

# Generous for a loaded machine (the session's routing model may be trained in this test's
# setup); every wait inside is on a state, so a quiet run takes seconds.
pytestmark = [pytest.mark.fault, pytest.mark.timeout(600)]
BURST_SECONDS = 2.0  # at least; until every channel has had something acknowledged
PATIENCE = 180.0  # seconds any awaited state may take on a loaded machine


@pytest.fixture
def database() -> Iterator[str]:
    with fresh_pg_database("balagh_fault") as url:
        yield url


def stored(url: str) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int], int]:
    """Records and inbound messages per (channel, external id), and records not yet done."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            records = {
                (c, e): n
                for c, e, n in conn.execute(
                    select(InboundRecord.channel, InboundRecord.external_id, func.count()).group_by(
                        InboundRecord.channel, InboundRecord.external_id
                    )
                )
            }
            messages = {
                (c, e): n
                for c, e, n in conn.execute(
                    select(Message.channel, Message.external_id, func.count())
                    .where(Message.direction == "in")
                    .group_by(Message.channel, Message.external_id)
                )
            }
            pending = conn.execute(
                select(func.count())
                .select_from(InboundRecord)
                .where(InboundRecord.status.in_(["pending", "failed"]))
            ).scalar_one()
    finally:
        engine.dispose()
    return records, messages, int(pending)


def wait_until_processed(url: str, timeout: float = PATIENCE) -> None:
    deadline = time.monotonic() + timeout
    while stored(url)[2] and time.monotonic() < deadline:
        time.sleep(0.5)


def test_sigkill_mid_burst_loses_and_doubles_nothing_acknowledged(
    database: str, fake_api: FakeBotApi, serve_on: Callable[[str], ServeProcess]
) -> None:
    serve = serve_on(database)
    serve.start()
    telegram = TelegramTraffic(fake_api, 7000)
    bursts = [smtp_burst(serve, "kill"), web_burst(serve), telegram.burst]
    for burst in bursts:
        burst.start()
    time.sleep(BURST_SECONDS)
    wait_for(
        lambda: bursts[0].acked and bursts[1].acked and telegram.acked(),
        PATIENCE,
        "something acknowledged on every channel before the kill",
    )
    serve.kill()
    for burst in bursts:
        burst.stop()
    serve.start()
    fake_api.wait_for(lambda: not fake_api.pending, timeout=PATIENCE)
    wait_until_processed(database)
    serve.stop()
    records, messages, pending = stored(database)
    acked = {
        "email": bursts[0].acked,
        "web": bursts[1].acked,
        "telegram": telegram.acked(),
    }
    print("acknowledged before/around SIGKILL:", {k: len(v) for k, v in acked.items()})
    assert all(acked.values()), {k: len(v) for k, v in acked.items()}
    for channel, ids in acked.items():
        assert all(records.get((channel, i)) == 1 for i in ids), channel
        assert all(messages.get((channel, i)) == 1 for i in ids), channel
    assert pending == 0
    assert max(messages.values()) == 1
