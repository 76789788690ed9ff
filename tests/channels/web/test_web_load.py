"""The web under load: a bounded queue answered 503 past it, and slow clients held off."""

from __future__ import annotations

import contextlib
import http.client
import io
import os
import re
import shlex
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from balagh.serve import WebServer
from channels.web.server import BodyDeadline, LoadShedder, make_server, request_late
from core.context import Context
from tests.child_process import popen
from tests.conftest import make_settings
from tests.email_support import free_port

ROOT = Path(__file__).resolve().parents[3]


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


JPEG = b"image/jpeg"
DEFAULTS = (10.0, 500, 600.0)  # BALAGH_WEB_HEADER_TIMEOUT, _BODY_MIN_RATE, _REQUEST_TIMEOUT


def _late_during(
    size: int, rate: float, limits: tuple[float, int, float], stall: float = 0
) -> bool:
    """Whether a body of `size` bytes sent at `rate` bytes a second (after 0.5 s of headers,
    pausing `stall` seconds a third of the way in) is ever late, checked every second."""
    started, body_since = 0.0, 0.5
    now = body_since
    sent = 0.0
    while sent < size:
        now += 1
        paused = body_since + size / rate / 3 <= now < body_since + size / rate / 3 + stall
        sent = min(size, sent + (0 if paused else rate))
        if request_late(now, started, body_since, int(sent), limits):
            return True
    return False


def test_a_slow_mobile_upload_of_a_few_megabytes_is_in_time_with_the_defaults() -> None:
    """5 MB at 12 kB/s (EDGE, about 7 minutes), even with a 30 s stall in a tunnel."""
    assert not _late_during(5_000_000, 12_000, DEFAULTS)
    assert not _late_during(5_000_000, 12_000, DEFAULTS, stall=30)
    assert not _late_during(3_000_000, 64_000, DEFAULTS, stall=60)


def test_a_body_at_a_byte_a_second_or_a_request_of_more_than_ten_minutes_is_late() -> None:
    assert _late_during(100_000, 1, DEFAULTS)
    assert request_late(11.0, 0.0, 0.5, 10, DEFAULTS)  # 10 bytes in 10.5 s
    assert not request_late(599.0, 0.0, 0.5, 40_000_000, DEFAULTS)
    assert request_late(601.0, 0.0, 0.5, 40_000_000, DEFAULTS)
    assert request_late(10.5, 0.0, None, 0, DEFAULTS)  # headers still unfinished


class Echo:
    """A WSGI app that answers with the length of the body it read."""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        size = len(environ["wsgi.input"].read())
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [str(size).encode()]


@pytest.fixture
def echo(tmp_path: Path) -> Iterator[int]:
    """An Echo behind the web's server, with a 1 s header timeout and a 4 s request timeout
    (the defaults' 10 s and 600 s, shrunk to keep the tests short)."""
    settings = make_settings(
        tmp_path,
        "sqlite://",
        web_port=free_port(),
        web_header_timeout=1.0,
        web_request_timeout=4.0,
    )
    server = make_server(Echo(), settings)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield settings.web_port
    server.stop()


def _send_body(
    port: int, size: int, rate: float, chunk: int, path: bytes = b"/upload", kind: bytes = JPEG
) -> tuple[bytes, float]:
    """POST `size` bytes at about `rate` bytes a second, `chunk` bytes at a time, until the
    body is sent or the server answers or closes: what it answered, and after how long."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    started = time.monotonic()
    answer = b""
    try:
        sock.sendall(
            b"POST %s HTTP/1.1\r\nHost: balagh\r\nContent-Type: %s\r\n"
            b"Connection: close\r\nContent-Length: %d\r\n\r\n" % (path, kind, size)
        )
        sent = 0
        while sent < size and time.monotonic() - started < 20:
            sock.sendall(b"\xff" * min(chunk, size - sent))
            sent += min(chunk, size - sent)
            sock.settimeout(chunk / rate)
            try:
                answer = sock.recv(4096)
                break  # answered (or closed) before the body was all sent
            except TimeoutError:
                pass
        sock.settimeout(10)
        while True:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        sock.close()
    return answer, time.monotonic() - started


def test_a_body_sent_a_few_bytes_a_second_gets_408_or_is_dropped_within_seconds(
    echo: int,
) -> None:
    """Before, a body trickled at a byte a second held its connection as long as the client
    liked (70 s and more for 45 connections; each byte reset waitress's idle timer)."""
    answer, took = _send_body(echo, 100_000, rate=10, chunk=2)
    assert took < 3.5, took  # 1 s for the body plus 2 bytes/500, and a maintenance pass
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n"), answer


def test_no_request_outlasts_the_request_timeout_even_above_the_minimum_rate(
    echo: int,
) -> None:
    answer, took = _send_body(echo, 100_000, rate=2_000, chunk=1_000)  # 50 s at 2 kB/s
    assert 4 <= took < 6.5, took
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n"), answer


def test_a_steady_upload_past_the_header_timeout_is_received_whole(echo: int) -> None:
    """60 kB at 20 kB/s: three times the header timeout, well above the minimum rate."""
    answer, took = _send_body(echo, 60_000, rate=20_000, chunk=2_000)
    assert took >= 2.5, took
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n") and answer.endswith(b"\r\n\r\n60000"), answer


def _exchange(port: int, head: bytes, body: bytes = b"") -> tuple[bytes, float]:
    """Send `head`; after a '100 Continue' (if one comes within 0.5 s) send `body`; what the
    server answered until it closed, and after how long."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    started = time.monotonic()
    answer = b""
    try:
        sock.sendall(head)
        if body:
            sock.settimeout(0.5)
            with contextlib.suppress(TimeoutError):
                answer = sock.recv(4096)
            sock.sendall(body)
            sock.settimeout(10)
        while chunk := sock.recv(4096):
            answer += chunk
    finally:
        sock.close()
    return answer, time.monotonic() - started


def test_an_empty_post_that_expects_100_continue_is_answered_at_once(echo: int) -> None:
    """waitress sent '100 Continue' and then waited for a body of 0 bytes: nothing came back
    until the header timeout's 408 (a client that always sends Expect, as .NET's does)."""
    answer, took = _exchange(
        echo,
        b"POST /open311 HTTP/1.1\r\nHost: balagh\r\nExpect: 100-continue\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 200 ") and answer.endswith(b"\r\n\r\n0"), answer
    assert took < 0.9  # well before the 1 s header timeout


def test_a_post_with_a_body_still_gets_100_continue_before_it(echo: int) -> None:
    answer, _took = _exchange(
        echo,
        b"POST /report HTTP/1.1\r\nHost: balagh\r\nExpect: 100-continue\r\n"
        b"Content-Length: 5\r\nConnection: close\r\n\r\n",
        b"hello",
    )
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 "), answer
    assert answer.endswith(b"\r\n\r\n5")


def _documented_gunicorn() -> list[str]:
    """The web's gunicorn command line as README's "Running it for real" gives it."""
    found = re.search(r"`(gunicorn --preload[^`]*)`", (ROOT / "README.md").read_text())
    assert found, "README gives no gunicorn command"
    return shlex.split(found.group(1))


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[int]:
    """The real web app (tests/gunicorn_app.py: header 1 s, request 4 s) under gunicorn with
    README's settings, one worker, on a free port."""
    args = _documented_gunicorn()
    port = free_port()
    args[args.index("-b") + 1] = f"127.0.0.1:{port}"
    args[args.index("-w") + 1] = "1"
    args[-1] = "tests.gunicorn_app:app"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BALAGH_TEST_DATA": str(tmp_path)}
    with (tmp_path / "gunicorn.log").open("wb") as log:
        server = popen([sys.executable, "-m", *args], cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 120
        while fetch_or_none(port) is None:
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(40)


def fetch_or_none(port: int) -> int | None:
    try:
        return fetch(port, "/healthz")[0]
    except OSError:
        return None


FORM = b"application/x-www-form-urlencoded"


def test_under_the_documented_gunicorn_a_body_sent_a_few_bytes_a_second_gets_408(
    gunicorn: int,
) -> None:
    """gunicorn's gthread worker read the body on a blocking socket with no deadline and its
    --timeout is only the workers' heartbeat: the body went on for as long as the client
    liked (20 s, the test's own limit); now as under `balagh serve`."""
    answer, took = _send_body(gunicorn, 100_000, rate=10, chunk=2, path=b"/report", kind=FORM)
    assert took < 4, took  # 1 s for the body plus 2 bytes/500, and the watcher's half second
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"connection: close" in answer.lower()


def test_under_the_documented_gunicorn_a_steady_upload_is_read_whole(gunicorn: int) -> None:
    """60 kB at 20 kB/s: three header timeouts, well above the minimum rate; the form is read
    (and refused for its missing token, which needs all of it)."""
    answer, took = _send_body(
        gunicorn, 60_000, rate=20_000, chunk=2_000, path=b"/report", kind=FORM
    )
    assert took >= 2.5, took
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]


def test_the_body_deadline_hands_the_app_the_whole_body_in_every_read_style(
    tmp_path: Path,
) -> None:
    """Under gunicorn `wsgi.input` is read in pieces of 4 kB: whole lines, sizes and the
    rest come back as the body has them."""
    body = b"line one\n" + b"x" * 10_000 + b"\nlast"
    seen: list[Any] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        stream = environ["wsgi.input"]
        seen.extend([stream.readline(), stream.readline(), stream.readline(2), stream.read()])
        start_response("200 OK", [])
        return [b""]

    settings = make_settings(tmp_path, "sqlite://")
    left, right = socket.socketpair()
    with left, right:
        environ = {"wsgi.input": io.BytesIO(body), "gunicorn.socket": left}
        BodyDeadline(app, settings)(environ, lambda *_: None)
        assert seen == [b"line one\n", b"x" * 10_000 + b"\n", b"la", b"st"]
