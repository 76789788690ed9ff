"""Deadlines for clients that send a request slowly (slowloris, a body a byte at a time).

`request_late` is the one rule, used by `balagh serve`'s waitress server
(channels/web/server.py `GuardedServer`) and by `BodyDeadline`, the WSGI middleware for
gunicorn, whose gthread worker reads a body on a blocking socket with no deadline and whose
--timeout is only its workers' heartbeat: the same body deadline, from the socket gunicorn
hands the app.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from werkzeug.exceptions import RequestTimeout

from channels.web.shedding import WSGIApp
from core.settings import Settings

LATE_BODY = (
    "استغرق إرسال الطلب وقتًا أطول من المسموح؛ يُرجى المحاولة مرة أخرى.\n"
    "The request took too long to arrive; please try again.\n"
).encode()
LATE_ANSWER = (
    b"HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(LATE_BODY), LATE_BODY)
)


def request_late(
    now: float,
    started: float,
    body_since: float | None,
    body_bytes: int,
    limits: tuple[float, int, float],
) -> bool:
    """Whether an unfinished request is past its deadline.

    `limits` is (header timeout, body minimum rate in bytes per second, request timeout).
    Headers must be complete within the header timeout. A body then has as long again, plus
    a second for every `minimum rate` bytes received (Apache mod_reqtimeout's
    `body=...,MinRate=...`): a phone uploading a photo at a few kB/s keeps gaining time, a
    client sending a byte a second runs out of it in seconds. And no request, however fast
    it trickles, takes longer than the request timeout.
    """
    header_timeout, min_rate, request_timeout = limits
    if now - started > request_timeout:
        return True
    if body_since is None:
        return now - started > header_timeout
    return now - body_since > header_timeout + body_bytes / min_rate


READ_PIECE = 4096  # bytes per read under BodyDeadline: at the minimum rate, 8 s of the 10 s


class BodyTooSlow(RequestTimeout):
    """408: the body did not arrive at the minimum rate (or within the request timeout)."""

    description = LATE_BODY.decode()


class _Watch:
    """One request's body being read: its deadline, and whether the watcher cut it off."""

    def __init__(self, sock: socket.socket, limits: tuple[float, int, float]) -> None:
        self.sock = sock
        self.limits = limits
        self.started = time.time()
        self.received = 0
        self.reading = False
        self.cut = False

    def late(self, now: float) -> bool:
        return request_late(now, self.started, self.started, self.received, self.limits)


class _Watcher:
    """A daemon thread that, twice a second, shuts the reading side of every socket whose
    body is past its deadline: the blocked recv() in gunicorn returns at once (a timeout
    on the socket would not do: a byte before each timeout keeps one read() going)."""

    def __init__(self) -> None:
        self.watches: set[_Watch] = set()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def add(self, watch: _Watch) -> None:
        with self.lock:
            self.watches.add(watch)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="body-deadline", daemon=True)
                self.thread.start()

    def remove(self, watch: _Watch) -> None:
        with self.lock:
            self.watches.discard(watch)

    def _run(self) -> None:
        while True:
            time.sleep(0.5)
            now = time.time()
            with self.lock:
                late = [w for w in self.watches if w.reading and not w.cut and w.late(now)]
            for watch in late:
                watch.cut = True
                with contextlib.suppress(OSError):  # the client may have gone meanwhile
                    watch.sock.shutdown(socket.SHUT_RD)


_WATCHER = _Watcher()


class _DeadlineInput:
    """`wsgi.input` read in pieces of at most READ_PIECE bytes, each under the watcher."""

    def __init__(self, stream: Any, watch: _Watch) -> None:
        self.stream = stream
        self.watch = watch

    def _read(self, reader: Callable[[int], bytes], size: int | None) -> bytes:
        watch = self.watch
        if watch.cut or watch.late(time.time()):
            watch.cut = True
            raise BodyTooSlow()
        wanted = READ_PIECE if size is None or size < 0 else min(size, READ_PIECE)
        watch.reading = True
        try:
            data = reader(wanted)
        except Exception as exc:
            if watch.cut:
                raise BodyTooSlow() from exc
            raise
        finally:
            watch.reading = False
        if watch.cut:
            raise BodyTooSlow()
        watch.received += len(data)
        return data

    def read(self, size: int | None = -1) -> bytes:
        if size is not None and 0 <= size <= READ_PIECE:
            return self._read(self.stream.read, size)
        pieces = []
        left = -1 if size is None or size < 0 else size
        while left:
            piece = self._read(self.stream.read, left if left > 0 else None)
            if not piece:
                break
            pieces.append(piece)
            left = max(left - len(piece), 0) if left > 0 else -1
        return b"".join(pieces)

    def readline(self, size: int | None = -1) -> bytes:
        limit = -1 if size is None or size < 0 else size
        line = b""
        while limit < 0 or len(line) < limit:
            piece = self._read(self.stream.readline, READ_PIECE if limit < 0 else limit - len(line))
            line += piece
            if not piece or piece.endswith(b"\n"):
                break
        return line

    def readlines(self, hint: int = -1) -> list[bytes]:
        return list(iter(self.readline, b""))

    def __iter__(self) -> Any:
        return iter(self.readline, b"")


class BodyDeadline:
    """WSGI middleware: under gunicorn, a request body must arrive as under `balagh serve`
    (`request_late`: the header timeout plus a second per BALAGH_WEB_BODY_MIN_RATE bytes
    received, and never past BALAGH_WEB_REQUEST_TIMEOUT), else 408 with Connection: close.

    gunicorn's gthread worker reads the body in the request's thread on a blocking socket
    without any deadline, and its `--timeout` only restarts a worker whose main loop stops
    (never while a thread waits on a client): a body sent a byte a second held a thread as
    long as the client liked. Here `wsgi.input` is read through a watcher that shuts the
    socket's reading side at the deadline. Servers that do not hand the app their socket
    (waitress reads the whole body before the app runs, under GuardedServer's deadlines)
    are left as they are.
    """

    def __init__(self, app: WSGIApp, settings: Settings) -> None:
        self.app = app
        self.limits = (
            settings.web_header_timeout,
            settings.web_body_min_rate,
            settings.web_request_timeout,
        )

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        sock = environ.get("gunicorn.socket")
        if not isinstance(sock, socket.socket) or "wsgi.input" not in environ:
            return self.app(environ, start_response)
        watch = _Watch(sock, self.limits)
        environ["wsgi.input"] = _DeadlineInput(environ["wsgi.input"], watch)

        def closing(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            if watch.cut:  # the socket cannot be read again: no keep-alive
                headers = [(k, v) for k, v in headers if k.lower() != "connection"]
                headers.append(("Connection", "close"))
            return start_response(status, headers, *args)

        _WATCHER.add(watch)
        try:
            return self.app(environ, closing)
        finally:
            _WATCHER.remove(watch)
