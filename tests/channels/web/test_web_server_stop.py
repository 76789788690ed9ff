"""Stopping the web server from another thread: the loop ends cleanly, then all is closed."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from channels.web.server import GuardedServer, make_server
from tests.conftest import make_settings
from tests.email_support import free_port


def hello(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


class Serving:
    """A GuardedServer run in a thread that records what its loop raised."""

    def __init__(self, server: GuardedServer) -> None:
        self.server = server
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.server.run()
        except BaseException as exc:  # the loop's death is what these tests look for
            self.errors.append(exc)


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Serving]:
    settings = make_settings(tmp_path, "sqlite://", web_port=free_port())
    running = Serving(make_server(hello, settings))
    yield running
    running.server.stop()


def test_stop_while_the_loop_gathers_its_sockets_ends_the_loop_without_an_error(
    serving: Serving,
) -> None:
    # Hold the loop between listing the trigger's descriptor and calling select, where a
    # close from another thread used to leave select a closed descriptor (EBADF).
    server = serving.server
    gathering, go_on = threading.Event(), threading.Event()
    original = server.readable

    def held_readable() -> bool:
        if not go_on.is_set():
            gathering.set()
            go_on.wait(5)
        return bool(original())

    server.readable = held_readable  # type: ignore[method-assign]
    assert gathering.wait(5)
    stopper = threading.Thread(target=server.stop)
    stopper.start()
    stopper.join(0.3)  # the old close() returned here, with the loop still holding the list
    go_on.set()
    stopper.join(10)
    serving.thread.join(10)
    assert not stopper.is_alive() and not serving.thread.is_alive()
    assert serving.errors == []


def test_stop_closes_the_port_and_ends_the_request_threads(serving: Serving) -> None:
    port = serving.server.effective_port
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: balagh\r\n\r\n")
        assert _whole_response(sock).startswith(b"HTTP/1.1 200")
        serving.server.stop()  # with the keep-alive connection still open
        assert sock.recv(1024) == b""
    serving.thread.join(10)
    assert not serving.thread.is_alive() and serving.errors == []
    assert serving.server.task_dispatcher.threads == set()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def _whole_response(sock: socket.socket) -> bytes:
    """The answer's head and its body, which may arrive in separate reads: left unread, the
    body is what the next read after stop() returns instead of the end of the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(1024)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        body += sock.recv(1024)
    return data
