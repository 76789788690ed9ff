"""Fixtures of the fault tests: a private PostgreSQL cluster and `balagh serve` processes
that are gone when the test ends, whatever failed (a frozen database, a server that never
became healthy, a timeout), so no test leaves a server or a SIGSTOPped cluster behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.routing.classifier import MODEL_FILE
from tests.email_support import Sink
from tests.fault_kit import Burst, ServeProcess
from tests.pg_cluster import PrivateCluster
from tests.telegram_fake import FakeBotApi


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    """A running private cluster; thawed, stopped and removed at teardown."""
    pg = PrivateCluster()
    try:
        pg.start()
        yield pg
    finally:
        pg.close()


@pytest.fixture
def serve_on(
    tmp_path: Path, fake_api: FakeBotApi, sink: Sink, routing_model: Any
) -> Iterator[Callable[[str], ServeProcess]]:
    """`serve_on(url)`: a `balagh serve` (not yet started) against `url`, with the Bot API and
    the relay fakes and the session's routing model; killed at teardown if still running."""
    made: list[ServeProcess] = []

    def make(url: str) -> ServeProcess:
        (tmp_path / "data").mkdir(parents=True, exist_ok=True)
        routing_model.save(tmp_path / "data" / MODEL_FILE)  # trained once per session
        made.append(ServeProcess(tmp_path, url, fake_api.url, sink.port))
        return made[-1]

    yield make
    for burst in list(Burst.running):  # a test that failed mid-traffic
        burst.stop()
    for serve in made:
        serve.close()
