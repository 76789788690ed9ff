"""Stop the database under a running `balagh serve` in the middle of traffic on SMTP, the
web form and Telegram, start it again, and check that nothing acknowledged was lost and that
the service resumed by itself (no restart of serve): a private PostgreSQL cluster that the
test starts with initdb and pg_ctl on a free port.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from tests.balagh.test_fault_sigkill import PATIENCE, stored, wait_until_processed
from tests.fault_kit import ServeProcess, TelegramTraffic, smtp_burst, wait_for, web_burst
from tests.pg_cluster import PrivateCluster
from tests.telegram_fake import FakeBotApi

pytestmark = [pytest.mark.fault, pytest.mark.timeout(600)]  # generous: waits are on states
# Seconds of traffic around the outage, at least: each phase also lasts until every burst
# shows it (acknowledged before, refused during, acknowledged again after).
BEFORE, OUTAGE, AFTER = 1.5, 3.0, 2.5


def test_database_stopped_mid_traffic_loses_nothing_acknowledged_and_service_resumes(
    cluster: PrivateCluster, fake_api: FakeBotApi, serve_on: Callable[[str], ServeProcess]
) -> None:
    serve = serve_on(cluster.url)
    serve.start()
    telegram = TelegramTraffic(fake_api, 8000)
    bursts = [smtp_burst(serve, "stop", pause=0.05), web_burst(serve, pause=0.05)]
    for burst in [*bursts, telegram.burst]:
        burst.start()
    time.sleep(BEFORE)
    wait_for(lambda: all(b.acked for b in bursts), PATIENCE, "traffic acknowledged before")
    refused_before = [b.refused for b in bursts]
    cluster.stop()
    during = [len(b.acked) for b in bursts]
    time.sleep(OUTAGE)
    wait_for(
        lambda: all(b.refused > n for b, n in zip(bursts, refused_before, strict=True)),
        PATIENCE,
        "every burst refused during the outage",
    )
    health_during = httpx.get(f"{serve.web}/healthz", timeout=30).status_code
    acked_in_outage = [len(b.acked) - n for b, n in zip(bursts, during, strict=True)]
    cluster.start()
    resumed = [len(b.acked) for b in bursts]
    time.sleep(AFTER)
    wait_for(
        lambda: all(len(b.acked) > n for b, n in zip(bursts, resumed, strict=True)),
        PATIENCE,
        "every burst acknowledged again after the outage",
    )
    for burst in [*bursts, telegram.burst]:
        burst.stop()
    fake_api.wait_for(lambda: not fake_api.pending, timeout=PATIENCE)
    wait_until_processed(cluster.url)
    health_after = httpx.get(f"{serve.web}/healthz", timeout=30).status_code
    serve.stop()
    records, messages, pending = stored(cluster.url)
    acked = {"email": bursts[0].acked, "web": bursts[1].acked, "telegram": telegram.acked()}
    print(
        "acknowledged:",
        {k: len(v) for k, v in acked.items()},
        "refused during the outage:",
        {b.name: b.refused for b in bursts},
    )
    assert health_during == 503 and health_after == 200
    assert acked_in_outage[0] <= 1 and acked_in_outage[1] <= 1  # at most one in flight
    assert all(len(b.acked) > n for b, n in zip(bursts, resumed, strict=True))  # resumed
    # the outage was felt and answered as temporary
    assert all(b.refused > n for b, n in zip(bursts, refused_before, strict=True))
    for channel, ids in acked.items():
        assert ids and all(records.get((channel, i)) == 1 for i in ids), channel
        assert all(messages.get((channel, i)) == 1 for i in ids), channel
    assert pending == 0
