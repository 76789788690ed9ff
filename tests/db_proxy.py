"""A TCP proxy in front of PostgreSQL that a test can freeze or cut, to fake an outage.

`freeze()` stops relaying bytes in both directions while keeping every socket open, as a
server stopped with SIGSTOP does (the kernel still accepts connections and acknowledges
data; nothing answers). `cut()` closes every connection and refuses new ones, as a server
that went down. `resume()` relays again. `close()` ends it all, once however often called.

Only a connection's relay thread closes its two sockets: `cut()` shuts them down, which
wakes the thread with an end of file. Closed from another thread, a socket's number became
-1 under the relay's next select (ValueError in the thread, a warning in the test run).
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from urllib.parse import urlsplit, urlunsplit


class DatabaseProxy:
    """Relays loopback connections to `target_url`'s host and port; `url` points at it."""

    def __init__(self, target_url: str) -> None:
        parts = urlsplit(target_url)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 5432)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        netloc = (
            f"{parts.username}@127.0.0.1:{self.port}"
            if parts.username
            else f"127.0.0.1:{self.port}"
        )
        self.url = urlunsplit(parts._replace(netloc=netloc))
        self.relaying = threading.Event()
        self.relaying.set()
        self.refusing = False
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.relays: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.closed = False
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def freeze(self) -> None:
        self.relaying.clear()

    def cut(self) -> None:
        self.refusing = True
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for sock in pair:
                _shut(sock)  # its relay thread closes it

    def resume(self) -> None:
        self.refusing = False
        self.relaying.set()

    def close(self) -> None:
        """Stop accepting and relaying, and wait for the threads to end; again: nothing."""
        if self.closed:
            return
        self.closed = True
        self.cut()
        self.relaying.set()
        _shut(self.server)  # wakes the accept() it is blocked in
        self.server.close()
        self.acceptor.join(5)
        with self.lock:
            relays = list(self.relays)
        for relay in relays:
            relay.join(5)

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if self.refusing:
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            relay = threading.Thread(target=self._relay, args=(client, upstream), daemon=True)
            with self.lock:
                self.pairs.append((client, upstream))
                self.relays.append(relay)
            relay.start()

    def _relay(self, client: socket.socket, upstream: socket.socket) -> None:
        peers = {client: upstream, upstream: client}
        try:
            while not self.closed:
                self.relaying.wait()
                readable, _, _ = select.select(list(peers), [], [], 0.1)
                if not self.relaying.is_set():
                    continue  # frozen: leave the bytes unread, as a stopped server would
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    peers[sock].sendall(data)
        except OSError:
            return
        finally:
            _close(client)
            _close(upstream)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # not connected, or closed already
        sock.shutdown(socket.SHUT_RDWR)


def _close(sock: socket.socket) -> None:
    _shut(sock)
    sock.close()
