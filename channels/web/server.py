"""The web's production server (waitress) hardened for storms and slow clients.

`GuardedServer`: a connection limit well above a busy centre's needs, a cap on connections
per client address, and deadlines for a request's headers and body
(`channels.web.slow_clients.request_late`), so sockets that hold unfinished requests
(slowloris, or a body sent a byte at a time) cannot take every connection. Behind nginx the
proxy enforces its own limits (README).

The app's own defences are WSGI middleware, so they hold under gunicorn too:
`channels.web.shedding` (`LoadShedder`, `AnswerDeadline`: how many requests run, how long
their database waits) and `channels.web.slow_clients` (`BodyDeadline`: gunicorn's bodies).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask

from channels.web.shedding import SPARE_THREADS, AnswerDeadline, LoadShedder, WSGIApp
from channels.web.slow_clients import LATE_ANSWER, BodyDeadline, request_late
from core.settings import Settings

# The middleware's names, where importers found them before the split
__all__ = [
    "AnswerDeadline",
    "BodyDeadline",
    "GuardedChannel",
    "GuardedServer",
    "LoadShedder",
    "TruthfulTask",
    "make_server",
    "request_late",
    "waitress_threads",
]

logger = logging.getLogger(__name__)


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
