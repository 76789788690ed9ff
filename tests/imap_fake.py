"""A small IMAP4rev1 server on loopback, standing in for the municipality's mail server.

Enough of RFC 3501 for a poller: CAPABILITY, LOGIN, SELECT, (UID) SEARCH UNSEEN, (UID) FETCH
BODY.PEEK[] / BODY[], (UID) STORE +FLAGS, NOOP, LOGOUT, and RFC 2177 IDLE when enabled.
Sequence numbers are positions in the mailbox (nothing is ever expunged). Switches let a
test make STORE fail, or make a refused LOGIN echo its arguments as a sloppy server might.
"""

from __future__ import annotations

import re
import select
import socketserver
import threading
import time
from dataclasses import dataclass, field


@dataclass
class FakeMessage:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


class FakeImapServer:
    """A threaded IMAP server on a free loopback port with one folder."""

    def __init__(
        self, user: str, password: str, *, idle: bool = True, folder: str = "INBOX"
    ) -> None:
        self.user, self.password, self.folder = user, password, folder
        self.idle_enabled = idle
        self.lock = threading.Lock()
        self.messages: list[FakeMessage] = []
        self.commands: list[str] = []
        self.fail_store = False
        self.echo_login_failure = False
        self.idling = threading.Event()
        server = self

        class Handler(_Handler):
            fake = server

        self.tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.tcp.daemon_threads = True
        self.port = int(self.tcp.server_address[1])
        self.thread = threading.Thread(target=self.tcp.serve_forever, daemon=True)
        self.thread.start()

    def deliver(self, raw: bytes) -> int:
        """Put a message in the folder, unseen; returns its UID."""
        with self.lock:
            uid = len(self.messages) + 1
            self.messages.append(FakeMessage(uid, raw))
            return uid

    def seen(self, uid: int) -> bool:
        with self.lock:
            return "\\Seen" in self.messages[uid - 1].flags

    def stop(self) -> None:
        self.tcp.shutdown()
        self.tcp.server_close()


TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')


def _args(text: str) -> list[str]:
    return [
        re.sub(r"\\(.)", r"\1", quoted) if quoted or bare == "" else bare
        for quoted, bare in TOKEN.findall(text)
    ]


def _numbers(spec: str, top: int) -> list[int]:
    out: list[int] = []
    for piece in spec.split(","):
        low, _, high = piece.partition(":")
        first = top if low == "*" else int(low)
        last = first if not high else (top if high == "*" else int(high))
        out.extend(range(min(first, last), max(first, last) + 1))
    return out


class _Handler(socketserver.StreamRequestHandler):
    fake: FakeImapServer
    rbufsize = 0  # unbuffered, so select() on the socket tells the truth during IDLE

    def setup(self) -> None:
        super().setup()
        self.authenticated = False
        self.selected = False

    def out(self, line: str | bytes) -> None:
        data = line if isinstance(line, bytes) else line.encode()
        self.wfile.write(data + b"\r\n")

    def handle(self) -> None:
        self.out("* OK Fake IMAP ready")
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            with self.fake.lock:
                self.fake.commands.append(text)
            tag, _, rest = text.partition(" ")
            command, _, args = rest.partition(" ")
            command = command.upper()
            uid = command == "UID"
            if uid:
                command, _, args = args.partition(" ")
                command = command.upper()
            if command == "LOGOUT":
                self.out("* BYE logging out")
                self.out(f"{tag} OK LOGOUT completed")
                return
            method = getattr(self, f"do_{command.lower()}", None)
            if method is None or (command not in ("CAPABILITY", "NOOP", "LOGIN") and not self.ok()):
                self.out(f"{tag} BAD command unknown or not allowed now")
                continue
            method(tag, args, uid)

    def ok(self) -> bool:
        return self.authenticated

    def do_capability(self, tag: str, args: str, uid: bool) -> None:
        self.out("* CAPABILITY IMAP4rev1" + (" IDLE" if self.fake.idle_enabled else ""))
        self.out(f"{tag} OK CAPABILITY completed")

    def do_noop(self, tag: str, args: str, uid: bool) -> None:
        self.out(f"{tag} OK NOOP completed")

    def do_login(self, tag: str, args: str, uid: bool) -> None:
        user, password = (_args(args) + ["", ""])[:2]
        if (user, password) == (self.fake.user, self.fake.password):
            self.authenticated = True
            self.out(f"{tag} OK LOGIN completed")
        elif self.fake.echo_login_failure:
            self.out(f"{tag} NO [AUTHENTICATIONFAILED] no such login: {user} {password}")
        else:
            self.out(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials")

    def do_select(self, tag: str, args: str, uid: bool) -> None:
        if (_args(args) or [""])[0] != self.fake.folder:
            self.out(f"{tag} NO no such folder")
            return
        self.selected = True
        with self.fake.lock:
            count = len(self.fake.messages)
        self.out("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
        self.out(f"* {count} EXISTS")
        self.out("* 0 RECENT")
        self.out("* OK [UIDVALIDITY 1] UIDs valid")
        self.out(f"* OK [UIDNEXT {count + 1}] next UID")
        self.out(f"{tag} OK [READ-WRITE] SELECT completed")

    def do_search(self, tag: str, args: str, uid: bool) -> None:
        if args.strip().upper() != "UNSEEN":
            self.out(f"{tag} BAD only UNSEEN is searched here")
            return
        with self.fake.lock:
            hits = [
                str(m.uid if uid else i + 1)
                for i, m in enumerate(self.fake.messages)
                if "\\Seen" not in m.flags
            ]
        self.out("* SEARCH" + "".join(f" {h}" for h in hits))
        self.out(f"{tag} OK SEARCH completed")

    def _chosen(self, spec: str) -> list[tuple[int, FakeMessage]]:
        messages = self.fake.messages
        wanted = set(_numbers(spec, len(messages)))
        return [
            (i + 1, m) for i, m in enumerate(messages) if (m.uid if self._uid else i + 1) in wanted
        ]

    def do_fetch(self, tag: str, args: str, uid: bool) -> None:
        spec, _, items = args.partition(" ")
        peek = "BODY.PEEK[]" in items.upper()
        if not peek and "BODY[]" not in items.upper():
            self.out(f"{tag} BAD only BODY[] and BODY.PEEK[] are fetched here")
            return
        self._uid = uid
        with self.fake.lock:
            chosen = self._chosen(spec)
            for seq, message in chosen:
                if not peek:
                    message.flags.add("\\Seen")
                head = f"* {seq} FETCH (UID {message.uid} BODY[] {{{len(message.raw)}}}"
                self.wfile.write(head.encode() + b"\r\n" + message.raw + b")\r\n")
        self.out(f"{tag} OK FETCH completed")

    def do_store(self, tag: str, args: str, uid: bool) -> None:
        spec, _, rest = args.partition(" ")
        what, _, flags = rest.partition(" ")
        if self.fake.fail_store:
            self.out(f"{tag} NO STORE failed (mailbox is read-only today)")
            return
        if what.upper() != "+FLAGS":
            self.out(f"{tag} BAD only +FLAGS is stored here")
            return
        self._uid = uid
        names = set(flags.strip("()").split())
        with self.fake.lock:
            for seq, message in self._chosen(spec):
                message.flags |= names
                self.out(f"* {seq} FETCH (UID {message.uid} FLAGS ({' '.join(message.flags)}))")
        self.out(f"{tag} OK STORE completed")

    def do_idle(self, tag: str, args: str, uid: bool) -> None:
        if not self.fake.idle_enabled:
            self.out(f"{tag} BAD IDLE not supported")
            return
        with self.fake.lock:
            known = len(self.fake.messages)
        self.out("+ idling")
        self.fake.idling.set()
        try:
            while True:
                ready, _, _ = select.select([self.connection], [], [], 0.02)
                if ready:
                    line = self.rfile.readline(1024)
                    if line.strip().upper() == b"DONE" or not line:
                        break
                with self.fake.lock:
                    count = len(self.fake.messages)
                if count > known:
                    known = count
                    self.out(f"* {count} EXISTS")
                time.sleep(0)
        finally:
            self.fake.idling.clear()
        self.out(f"{tag} OK IDLE terminated")

    _uid = False
