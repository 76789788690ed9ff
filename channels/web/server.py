"""The web's production server (waitress) hardened for storms and slow clients.

Three defences, each in one place:
- `AnswerDeadline` (WSGI): every database wait of a request ends within
  BALAGH_DB_ANSWER_TIMEOUT_SECONDS, so a hung database gives 503 + Retry-After (the app's
  outage handler) instead of a request, and a thread, that waits for ever.
- `LoadShedder` (WSGI, so it works under gunicorn too): at most `slots` requests run at
  once and at most `queue` wait for a slot, each for at most QUEUE_WAIT seconds; past that
  the answer is 503 with Retry-After at once, instead of a queue that grows without bound
  (a storm of form posts on SQLite used to wait minutes). /healthz and /metrics skip it, so
  operators still see the state of a busy centre.
- `BodyDeadline` (WSGI, for gunicorn, whose gthread worker reads a body on a blocking socket
  with no deadline and whose --timeout is only its workers' heartbeat): the same body
  deadline as `GuardedServer`'s, from the socket gunicorn hands the app.
- `GuardedServer` (waitress): a connection limit well above a busy centre's needs, a cap
  on connections per client address, and deadlines for a request's headers and body
  (`request_late`), so sockets that hold unfinished requests (slowloris, or a body sent a
  byte at a time) cannot take every connection. Behind nginx the proxy enforces its own
  limits (README).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask
from werkzeug.exceptions import RequestTimeout

from core.db import answer_within
from core.settings import Settings

logger = logging.getLogger(__name__)

QUEUE_WAIT = 10.0  # seconds a request may wait for a slot before it is told to come back
RETRY_AFTER = "5"
SPARE_THREADS = 4  # threads that only ever answer 503, so shedding never waits for a slot
UNSHED_PATHS = frozenset({"/healthz", "/metrics"})
BUSY_BODY = (
    "الخدمة مشغولة الآن؛ يُرجى المحاولة بعد لحظات.\n"
    "The service is busy right now; please try again in a few seconds.\n"
).encode()
LATE_BODY = (
    "استغرق إرسال الطلب وقتًا أطول من المسموح؛ يُرجى المحاولة مرة أخرى.\n"
    "The request took too long to arrive; please try again.\n"
).encode()
LATE_ANSWER = (
    b"HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(LATE_BODY), LATE_BODY)
)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class LoadShedder:
    """WSGI middleware: a bounded number of running and waiting requests, 503 past it."""

    def __init__(self, app: WSGIApp, slots: int, queue: int, wait: float = QUEUE_WAIT) -> None:
        self.app = app
        self.slots = threading.BoundedSemaphore(slots)
        self.queue = queue
        self.wait = wait
        self.waiting = 0
        self.lock = threading.Lock()
        self.shed = 0

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("PATH_INFO") in UNSHED_PATHS:
            return self.app(environ, start_response)
        if not self._admit():
            return self._busy(start_response)
        # The slot covers the view's work; a body still streaming (an attachment) is the
        # server's to send, and a client that never reads it must not keep the slot.
        try:
            return self.app(environ, start_response)
        finally:
            self.slots.release()

    def _admit(self) -> bool:
        if self.slots.acquire(blocking=False):
            return True
        with self.lock:
            if self.waiting >= self.queue:
                return False
            self.waiting += 1
        try:
            return self.slots.acquire(timeout=self.wait)
        finally:
            with self.lock:
                self.waiting -= 1

    def _busy(self, start_response: Callable[..., Any]) -> list[bytes]:
        with self.lock:
            self.shed += 1
        start_response(
            "503 Service Unavailable",
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(BUSY_BODY))),
                ("Retry-After", RETRY_AFTER),
                ("Cache-Control", "no-store"),
            ],
        )
        return [BUSY_BODY]


class AnswerDeadline:
    """WSGI middleware: the request's database work must answer within `seconds`.

    Past it the request's connection is dropped (core.db.answer_within) and the view's
    OperationalError becomes 503 with Retry-After, in the shape of the part of the site
    asked (API, inbox, Open311, the citizen pages). Inside the load shedder, so time spent
    waiting for a slot is not taken from the database's share.
    """

    def __init__(self, app: WSGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        with answer_within(self.seconds):
            return self.app(environ, start_response)


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


class TruthfulTask(WSGITask):
    """A request with SERVER_PROTOCOL as the client sent it ("the version of the protocol the
    client used", PEP 3333): waitress put HTTP/1.0 there for any version it does not speak,
    so an HTTP/9.9 request was answered 200 as if it were 1.0; conformance.HttpConformance
    refuses it."""

    def get_environment(self) -> dict[str, Any]:
        environ: dict[str, Any] = super().get_environment()
        if self.request.version:  # none on a bare "GET /" line: waitress's 1.0 stays
            environ["SERVER_PROTOCOL"] = f"HTTP/{self.request.version}"
        return environ


class GuardedChannel(HTTPChannel):
    """A waitress channel that remembers when its unfinished request began, when its
    headers were complete and how much of its body has come since."""

    task_class = TruthfulTask

    partial_since: float | None = None
    body_since: float | None = None
    body_bytes = 0

    def received(self, data: bytes) -> bool:
        now = time.time()
        before = self.request
        if data and before is None:
            self.partial_since, self.body_since, self.body_bytes = now, None, 0
        elif self.body_since is not None:
            self.body_bytes += len(data)
        done = bool(super().received(data))
        if self.request is None:
            self.partial_since = self.body_since = None
        elif self.request is not before and before is not None:  # pipelined: a new request
            self.partial_since, self.body_since, self.body_bytes = now, None, 0
        if self.request is not None and self.body_since is None and self.request.headers_finished:
            self.body_since = now
        return done

    def send_continue(self) -> None:
        """No '100 Continue' for a request that is already whole (`Expect: 100-continue` with
        no body: Content-Length 0, or a request refused at its headers): waitress sent one
        and then marked the request unfinished, waiting for a body that never comes, so an
        empty POST from a client that always asks (.NET's HttpClient does) got no answer
        (plain waitress: none at all; here the 408 after the header timeout)."""
        if self.request is not None and self.request.completed:
            self.request.expect_continue = False
            return
        super().send_continue()

    def answer_late(self) -> None:
        """408 and close, from the server's loop: no task runs on this channel, so the answer
        goes straight to its output buffer (as waitress's `send_continue` does); nothing more
        is read from it."""
        with self.outbuf_lock:
            self.outbufs[-1].append(LATE_ANSWER)
            self.current_outbuf_count += len(LATE_ANSWER)
            self.total_outbufs_len += len(LATE_ANSWER)
        self.request = None
        self.partial_since = self.body_since = None
        self.close_when_flushed = True


class GuardedServer(TcpWSGIServer):
    """waitress's TCP server with a per-client connection cap, deadlines for a request's
    headers and body, and a `stop` that may be called from any thread."""

    channel_class = GuardedChannel
    client_connections = 50
    header_timeout = 10.0
    body_min_rate = 500  # bytes per second
    request_timeout = 600.0
    stop_timeout = 5.0  # seconds `stop` waits for the loop, then for the request threads

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.stopping = threading.Event()
        self.looping = threading.Lock()  # held by the thread running the loop
        super().__init__(*args, **kwargs)

    def run(self) -> None:
        """waitress's loop, one pass at a time, until `stop` or until nothing is left open."""
        with self.looping:
            while self._map and not self.stopping.is_set():
                try:
                    self.asyncore.loop(
                        timeout=self.adj.asyncore_loop_timeout,
                        map=self._map,
                        use_poll=self.adj.asyncore_use_poll,
                        count=1,
                    )
                except (SystemExit, KeyboardInterrupt):
                    self.task_dispatcher.shutdown()
                    return

    def stop(self) -> None:
        """End the loop, close the connections and the listening socket, stop the request
        threads, then close the trigger.

        waitress's `close()` from another thread closes sockets the loop may be about to
        `select` on, and the loop dies with EBADF. Here the loop is woken through its
        trigger and sees `stopping`; only once it has returned are the sockets closed, from
        this thread, which then owns them. The trigger is closed last: request threads pull
        it when they finish, and a write to its closed (perhaps reused) descriptor would
        land elsewhere.
        """
        if self.stopping.is_set():
            return
        self.stopping.set()
        self.pull_trigger()
        if not self.looping.acquire(timeout=self.stop_timeout):
            logger.warning("web: the server loop did not stop within %.0f s", self.stop_timeout)
            return
        try:
            for channel in list(self.active_channels.values()):
                channel.handle_close()  # wakes a request thread waiting to write to it
            wasyncore.dispatcher.close(self)
            self.task_dispatcher.shutdown(timeout=self.stop_timeout)
            if not self.task_dispatcher.threads:
                self.trigger.close()
        finally:
            self.looping.release()

    def handle_accept(self) -> None:
        try:
            accepted = self.accept()
            if accepted is None:
                return
            conn, addr = accepted
        except OSError:
            return
        host = addr[0] if isinstance(addr, tuple) else addr
        held = sum(1 for c in list(self.active_channels.values()) if _host(c) == host)
        if held >= self.client_connections:
            logger.warning("web: refused a connection from %s: %d already open", host, held)
            conn.close()
            return
        self.set_socket_options(conn)
        self.channel_class(self, conn, self.fix_addr(addr), self.adj, map=self._map)

    def maintenance(self, now: float) -> None:
        """Also end requests whose headers or body are not in on time (`request_late`): a
        408 once the headers are in and nothing else is under way on the connection, else
        the connection is closed."""
        super().maintenance(now)
        limits = (self.header_timeout, self.body_min_rate, self.request_timeout)
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "partial_since", None)
            request = channel.request
            if started is None or request is None or channel.will_close:
                continue
            if channel.close_when_flushed:
                continue
            if not request_late(now, started, channel.body_since, channel.body_bytes, limits):
                continue
            logger.info("web: a request from %s was too slow to arrive", _host(channel))
            if request.headers_finished and not channel.requests:
                channel.answer_late()
            else:
                channel.will_close = True


def _host(channel: Any) -> Any:
    addr = getattr(channel, "addr", None)
    return addr[0] if isinstance(addr, tuple) else addr


def waitress_threads(settings: Settings) -> int:
    """Running slots + waiting places + spare threads that answer 503."""
    return settings.web_threads + settings.web_queue + SPARE_THREADS


def make_server(app: WSGIApp, settings: Settings) -> GuardedServer:
    """The app on a GuardedServer bound to BALAGH_WEB_HOST:BALAGH_WEB_PORT (not yet run)."""
    adj = Adjustments(
        host=settings.web_host,
        port=settings.web_port,
        threads=waitress_threads(settings),
        connection_limit=settings.web_connection_limit,
        channel_timeout=max(30.0, settings.web_header_timeout),
        cleanup_interval=max(1.0, min(10.0, settings.web_header_timeout / 2)),
        # waitress drops X-Forwarded-* by default; with trusted proxies the app's ProxyFix
        # (BALAGH_PROXY_HOPS) reads them, so they must reach it.
        clear_untrusted_proxy_headers=settings.proxy_hops == 0,
    )
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    server = GuardedServer(
        app, {}, True, None, dispatcher=dispatcher, adj=adj, sockinfo=adj.listen[0]
    )
    server.client_connections = settings.web_client_connections
    server.header_timeout = settings.web_header_timeout
    server.body_min_rate = settings.web_body_min_rate
    server.request_timeout = settings.web_request_timeout
    return server
