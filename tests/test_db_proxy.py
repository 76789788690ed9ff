"""The PostgreSQL proxy of the outage tests (tests/db_proxy.py) ends quietly."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from tests.db_proxy import DatabaseProxy


@pytest.mark.parametrize("outage", ["freeze", "freeze, cut, resume"])
def test_closing_the_proxy_after_an_outage_ends_its_threads_without_an_error(
    pg_database: str, monkeypatch: pytest.MonkeyPatch, outage: str
) -> None:
    """Its relay threads died of a ValueError, every one, when a socket was closed under them
    while frozen (select on file number -1): a warning in the runs of the tests using it."""
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    proxy = DatabaseProxy(pg_database.replace("postgresql+psycopg://", "postgresql://"))
    connections = [psycopg.connect(proxy.url, connect_timeout=5) for _ in range(3)]
    try:
        for connection in connections:
            connection.execute("SELECT 1")
        proxy.freeze()
        time.sleep(0.3)  # the relay threads, polling every 0.1 s, now wait frozen
        if outage == "freeze, cut, resume":
            proxy.cut()
            proxy.resume()
            with pytest.raises(psycopg.OperationalError):
                connections[0].execute("SELECT 1")
        proxy.close()
        proxy.close()  # a second close does nothing
        assert len(proxy.relays) == 3
        assert not proxy.acceptor.is_alive()
        assert not any(relay.is_alive() for relay in proxy.relays)
        assert raised == []
    finally:
        for connection in connections:
            connection.close()
