"""The web under load: a bounded queue answered 503 past it, and slow clients held off."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from balagh.serve import WebServer
from channels.web.server import LoadShedder, make_server
from core.context import Context
from tests.email_support import free_port


def fetch(port: int, path: str, source: str = "127.0.0.1") -> tuple[int, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        conn.close()


class Blocking:
    """A WSGI app whose /slow requests wait until released."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Semaphore(0)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        if environ["PATH_INFO"] == "/slow":
            self.entered.release()
            self.release.wait(30)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]


@pytest.fixture
def shedding_server(ctx: Context) -> Iterator[tuple[int, Blocking]]:
    settings = ctx.settings.model_copy(
        update={"web_port": free_port(), "web_threads": 1, "web_queue": 1}
    )
    app = Blocking()
    server = make_server(LoadShedder(app, slots=1, queue=1, wait=30), settings)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield settings.web_port, app
    app.release.set()
    server.stop()


def test_an_over_full_web_queue_answers_503_with_retry_after_at_once(
    shedding_server: tuple[int, Blocking],
) -> None:
    port, app = shedding_server
    answers: list[int] = []
    first = threading.Thread(target=lambda: answers.append(fetch(port, "/slow")[0]))
    first.start()
    assert app.entered.acquire(timeout=10)  # the one slot is taken
    second = threading.Thread(target=lambda: answers.append(fetch(port, "/slow")[0]))
    second.start()
    time.sleep(0.3)  # let it take the one waiting place
    status, headers = fetch(port, "/other")
    assert (status, headers.get("Retry-After")) == (503, "5")
    assert fetch(port, "/healthz")[0] == 200  # operators still see a busy centre
    app.release.set()
    first.join(10)
    second.join(10)
    assert answers == [200, 200]


@pytest.fixture
def web(ctx: Context) -> Iterator[int]:
    ctx.settings = ctx.settings.model_copy(
        update={"web_port": free_port(), "web_client_connections": 20, "web_header_timeout": 1.0}
    )
    server = WebServer(ctx)
    yield ctx.settings.web_port
    server.stop()


def test_slow_clients_holding_unfinished_requests_do_not_take_the_web_down(web: int) -> None:
    sockets = []
    try:
        for _ in range(110):
            sock = socket.create_connection(("127.0.0.1", web), timeout=5)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: balagh\r\n")  # never finished
            sockets.append(sock)
        assert fetch(web, "/healthz", source="127.0.0.2")[0] == 200
        time.sleep(2.5)  # past the header deadline and a maintenance pass
        assert all(_closed_by_server(sock) for sock in sockets)
    finally:
        for sock in sockets:
            sock.close()


def _closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(3)
    try:
        return sock.recv(1024) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False
