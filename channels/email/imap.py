"""IMAP intake: take citizen mail from a mailbox that lives on another server (BALAGH_IMAP_*).

Each UNSEEN message is fetched with BODY.PEEK[] (which, unlike BODY[], does not set \\Seen),
taken through the same path as the SMTP listener (parse, store with core.intake.ingest.accept,
automatic mail ignored, then processed into a ticket), and flagged \\Seen only after it was
stored. If storing fails the message stays unseen and the next poll takes it again; a
message taken twice has the same Message-ID, so core stores it once.

Waiting between polls: where the server advertises IDLE (RFC 2177) the poller idles, so new
mail is taken as soon as the server announces it. imaplib (3.11) has no idle(), so IDLE and
DONE are written on imaplib's connection by hand and the wait is a select() on its socket.
Each IDLE ends after BALAGH_IMAP_POLL_SECONDS at most (RFC 2177 asks for less than 29
minutes) and the folder is searched again, so an announcement that arrived in imaplib's read
buffer together with the "+" continuation (select cannot see it) costs at most one interval.
Servers without IDLE are searched every BALAGH_IMAP_POLL_SECONDS.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
import select
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses

from channels.email.intake import handle_record, receive
from core.context import Context
from core.errors import StorageUnavailable
from core.settings import Settings

logger = logging.getLogger(__name__)

TIMEOUT = 30.0
BATCH = 100  # messages per search; a full batch is followed at once by another search
STOP_CHECK = 0.5  # seconds between looks at the stop flag while idling
MAX_BACKOFF = 300.0
IDLE_TAG = b"BALAGHIDLE"
NEW_MAIL = re.compile(rb"^\* \d+ (?:EXISTS|RECENT)\b", re.I)


@dataclass(frozen=True)
class ImapConfig:
    """Where the mailbox is and how to reach it."""

    host: str
    port: int = 993
    user: str = ""
    password: str = ""
    ssl: bool = True
    folder: str = "INBOX"
    poll_seconds: float = 60.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ImapConfig:
        return cls(
            host=settings.imap_host,
            port=settings.imap_port,
            user=settings.imap_user,
            password=settings.imap_password,
            ssl=settings.imap_ssl,
            folder=settings.imap_folder or "INBOX",
            poll_seconds=settings.imap_poll_seconds,
        )

    @property
    def label(self) -> str:
        """user@host:port/folder, for logs and /healthz (never the password)."""
        return f"{self.user}@{self.host}:{self.port}/{self.folder}"


@dataclass(frozen=True)
class PollResult:
    """One search of the folder: unseen found, stored (incl. duplicates), flagged seen."""

    found: int
    stored: int
    seen: int


class ImapPoller:
    """Polls one IMAP folder on a background thread; `stop()` ends it."""

    def __init__(
        self, ctx: Context, config: ImapConfig, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self.ctx = ctx
        self.config = config
        self.ssl_context = ssl_context
        self.imap: imaplib.IMAP4 | None = None
        self.idle_supported: bool | None = None
        self.last_poll: datetime | None = None
        self.last_error: str | None = None
        self.taken = 0
        self._stop = threading.Event()
        self._idles = 0
        self.thread: threading.Thread | None = None

    # -- component -------------------------------------------------------------------------

    def start(self) -> None:
        """Start polling on a daemon thread and register the /healthz probe."""
        self.ctx.extras.setdefault("channel_probes", {})["imap"] = self.probe
        logger.info("imap: polling %s", self.config.label)
        self.thread = threading.Thread(target=self._run, name="imap-poller", daemon=True)
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self.thread is not None:
            self.thread.join(timeout)
        self.disconnect()

    def probe(self) -> dict[str, object]:
        """State for /healthz."""
        return {
            "mailbox": self.config.label,
            "connected": self.imap is not None,
            "idle": self.idle_supported,
            "last_poll": self.last_poll.isoformat() if self.last_poll else None,
            "taken": self.taken,
            "error": self.last_error,
        }

    def _run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            try:
                result = self.poll_once()
                backoff = 1.0
                if result.found < BATCH:
                    self.wait()
            except Exception as exc:  # a dead connection or a refusal: reconnect later
                self.disconnect()
                self.last_error = self._redact(f"{type(exc).__name__}: {exc}")[:500]
                logger.warning(
                    "imap: %s failed (%s); retrying in %.0fs",
                    self.config.label,
                    self.last_error,
                    backoff,
                )
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
        self.disconnect()

    # -- connection ------------------------------------------------------------------------

    def connect(self) -> imaplib.IMAP4:
        """The logged-in connection with the folder selected (opened when needed)."""
        if self.imap is not None:
            return self.imap
        cfg = self.config
        imap: imaplib.IMAP4
        if cfg.ssl:
            context = self.ssl_context or ssl.create_default_context()
            imap = imaplib.IMAP4_SSL(cfg.host, cfg.port, ssl_context=context, timeout=TIMEOUT)
        else:
            imap = imaplib.IMAP4(cfg.host, cfg.port, timeout=TIMEOUT)
        try:
            imap.login(cfg.user, cfg.password)
            typ, data = imap.select(_quote_folder(cfg.folder))
            if typ != "OK":
                raise imaplib.IMAP4.error(f"cannot select {cfg.folder!r}: {data!r}")
        except BaseException:
            _close(imap)
            raise
        self.idle_supported = "IDLE" in imap.capabilities
        self.imap, self.last_error = imap, None
        return imap

    def disconnect(self) -> None:
        imap, self.imap = self.imap, None
        if imap is not None:
            try:
                imap.logout()
            except Exception:  # already gone; nothing to release but the socket
                _close(imap)

    # -- polling ---------------------------------------------------------------------------

    def poll_once(self) -> PollResult:
        """Take every unseen message (up to BATCH) in the folder once."""
        imap = self.connect()
        typ, data = imap.uid("SEARCH", "UNSEEN")
        if typ != "OK":
            raise imaplib.IMAP4.error(f"UID SEARCH refused: {data!r}")
        imap.untagged_responses.pop("EXISTS", None)  # noted; keep imaplib's dict small
        imap.untagged_responses.pop("RECENT", None)
        uids = [u.decode() for u in b" ".join(d for d in data if d).split()][:BATCH]
        stored = seen = 0
        for uid in uids:
            if self._stop.is_set():
                break
            try:
                taken, marked = self.take(imap, uid)
            except StorageUnavailable:
                logger.warning("imap: could not store message uid %s; left unseen", uid)
                break  # the database is down: the rest would fail too
            stored += taken
            seen += marked
        self.last_poll = self.ctx.now()
        self.taken += stored
        return PollResult(found=len(uids), stored=stored, seen=seen)

    def take(self, imap: imaplib.IMAP4, uid: str) -> tuple[bool, bool]:
        """Fetch, store, flag seen, process one message; (stored, flagged seen)."""
        typ, data = imap.uid("FETCH", uid, "(BODY.PEEK[])")
        raw = _literal(data) if typ == "OK" else None
        if raw is None:  # expunged meanwhile, or the server would not give it
            logger.info("imap: message uid %s could not be fetched", uid)
            return False, False
        envelope_sender, recipients = _envelope(raw)
        record_id, wanted = receive(self.ctx, raw, envelope_sender, recipients)
        typ, data = imap.uid("STORE", uid, "+FLAGS", "(\\Seen)")
        marked = typ == "OK"
        if not marked:  # stored anyway; taken again next poll and de-duplicated then
            logger.warning("imap: could not flag uid %s seen: %r", uid, data)
        if wanted:
            try:
                handle_record(self.ctx, record_id)
            except Exception:  # left on the record as failed; the inbound job retries it
                logger.warning("imap: processing record %s failed; left for retry", record_id)
        return True, marked

    # -- waiting ---------------------------------------------------------------------------

    def wait(self) -> None:
        """Until the next search: IDLE where offered, else the poll interval."""
        if self.imap is not None and self.idle_supported:
            self.idle(self.imap, self.config.poll_seconds)
        else:
            self._stop.wait(self.config.poll_seconds)

    def idle(self, imap: imaplib.IMAP4, seconds: float) -> bool:
        """RFC 2177 IDLE until new mail is announced, `seconds` pass or stop(); True on mail."""
        self._idles += 1
        tag = b"%s%d" % (IDLE_TAG, self._idles)
        imap.send(tag + b" IDLE\r\n")
        first = imap.readline()
        if not first.startswith(b"+"):  # refused after all: poll by interval from now on
            self.idle_supported = False
            _read_to_tag(imap, tag, first, check=False)
            self._stop.wait(seconds)
            return False
        announced = False
        deadline = time.monotonic() + seconds
        while not self._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            if not _readable(imap, min(STOP_CHECK, remaining)):
                continue
            line = imap.readline()
            if not line or line.startswith(b"* BYE"):
                raise imaplib.IMAP4.abort("connection closed while idling")
            if NEW_MAIL.match(line):
                announced = True
                break
        imap.send(b"DONE\r\n")
        _read_to_tag(imap, tag)
        return announced

    def _redact(self, text: str) -> str:
        password = self.config.password
        return text.replace(password, "***") if password else text


def start_imap(ctx: Context) -> ImapPoller | None:
    """Starter for `balagh serve`: the IMAP poller when BALAGH_IMAP_HOST is set."""
    if not ctx.settings.imap_host:
        return None
    poller = ImapPoller(ctx, ImapConfig.from_settings(ctx.settings))
    poller.start()
    return poller


# -- helpers -------------------------------------------------------------------------------


def _quote_folder(folder: str) -> str:
    """The folder as an IMAP quoted string (names may hold spaces)."""
    escaped = folder.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _literal(data: list[object]) -> bytes | None:
    """The message bytes from a FETCH answer: the literal of its first (header, bytes) pair."""
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    return None


def _envelope(raw: bytes) -> tuple[str | None, tuple[str, ...]]:
    """Envelope facts the delivering server wrote into headers: Return-Path and recipients.

    Return-Path: <> marks a bounce (null sender), as MAIL FROM:<> does on the listener. The
    recipients matter for tokenised reply addresses, which prove themselves by their HMAC.
    """
    try:
        headers = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
        return_path = headers.get("return-path")
        values: list[str] = []
        for name in ("delivered-to", "x-original-to", "to", "cc"):
            values.extend(str(v) for v in headers.get_all(name) or ())
        recipients = tuple(dict.fromkeys(a for _, a in getaddresses(values) if "@" in a))
    except Exception:  # headers are parsed properly later; this is only a hint
        return None, ()
    sender = str(return_path).strip().strip("<>").strip() if return_path is not None else None
    return sender, recipients[:50]


def _readable(imap: imaplib.IMAP4, timeout: float) -> bool:
    sock = imap.sock
    if isinstance(sock, ssl.SSLSocket) and sock.pending():
        return True  # decrypted bytes already wait inside the TLS layer
    ready, _, _ = select.select([sock], [], [], timeout)
    return bool(ready)


def _read_to_tag(
    imap: imaplib.IMAP4, tag: bytes, line: bytes | None = None, *, check: bool = True
) -> None:
    """Read responses up to our tagged completion of IDLE; with `check`, NO/BAD is an error."""
    while True:
        if line is None:
            line = imap.readline()
        if not line:
            raise imaplib.IMAP4.abort("connection closed during IDLE")
        if line.startswith(tag + b" "):
            if check and not line[len(tag) + 1 :].upper().startswith(b"OK"):
                raise imaplib.IMAP4.error(f"IDLE: {line.decode('ascii', 'replace').strip()}")
            return
        line = None


def _close(imap: imaplib.IMAP4) -> None:
    with contextlib.suppress(OSError):  # the socket may already be gone
        imap.shutdown()
