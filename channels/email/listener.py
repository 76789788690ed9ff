"""The SMTP listener: aiosmtpd accepts mail for our domains, stores it, answers, hands it on.

RCPT refuses foreign domains with 550, so Balagh is never an open relay, and caps the
recipients per message. DATA stores the raw mail (core.intake.ingest.accept) before answering 250,
or answers 451 so the sending server retries; processing into a ticket happens afterwards on
the inbound pipeline's workers (core.intake.pipeline), woken at once, never inside the SMTP
callback. aiosmtpd enforces the size limit (552), the line length (500) and the idle timeout.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import ssl
from concurrent.futures import ThreadPoolExecutor
from email._header_value_parser import get_addr_spec, get_angle_addr
from email.errors import HeaderParseError
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from channels.email.intake import BOUNCE, PROCESS, handle_record, receive
from core.context import Context
from core.errors import StorageUnavailable
from core.intake.pipeline import (
    EXTRA_KEY,
    pending_backlog,
    start_pipeline,
    stop_pipeline,
    wake,
)

logger = logging.getLogger(__name__)

MAX_RECIPIENTS = 50
IDLE_TIMEOUT = 60.0
COMMAND_LIMIT = 100
# aiosmtpd counts each command per connection, not per message. A client sending one mail to
# more than MAX_RECIPIENTS of our addresses gets 452 for the extra ones (it sends those later,
# RFC 5321 4.5.3.1.10) and must still reach DATA: at COMMAND_LIMIT RCPTs the connection would
# be closed with a 421 before DATA, every retry alike, and the mail lost after days of tries.
RCPT_LIMIT = 1000
# At most one wake-up of the inbound workers per this many seconds (`MailHandler._wake_soon`).
WAKE_EVERY = 0.05
# RFC 5321 says 1000, but real mail (long HTML lines, some MTAs) exceeds it; refusing it
# would lose a citizen's message. Still bounded, so a client cannot grow our buffers at will.
LINE_LIMIT = 64 * 1024


class BalaghSMTP(SMTP):
    """aiosmtpd's SMTP with a more tolerant, still bounded, line length, and its address
    parsing remembered."""

    line_length_limit = LINE_LIMIT

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        """aiosmtpd's MAIL/RCPT address parsing, remembered per argument: aiosmtpd 1.4.6
        defines a typing.Protocol class inside `_getaddr`, a new class on every MAIL and
        RCPT (with the parse, ~30% of the listener's event loop under py-spy,
        bench/RESULTS.md), and our own address is in every RCPT. Long arguments (a
        command line may be 64 KB here) are parsed each time, so the memory stays small."""
        if len(arg) > REMEMBERED_ARG_CHARS:
            return _parse_address(arg, self.local_part_limit)
        return _remembered_address(arg, self.local_part_limit)


REMEMBERED_ARG_CHARS = 512


# `<local@domain>` in plain ASCII dot-atoms, what nearly every MTA sends: the stdlib's
# header parser takes ~0.2-0.5 ms for it (a citizen's address is new each time, so not
# remembered), on the event loop every SMTP session shares (bench/RESULTS.md, session 12).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(rf"<({_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>")


def _parse_address(arg: str, local_part_limit: int) -> tuple[str | None, str | None]:
    """(address, rest of the argument), or (None, None) when it does not parse or its local
    part is over the limit; as aiosmtpd's `SMTP._getaddr` (a test compares them)."""
    if not arg:
        return "", ""
    plain = _plain_address(arg)
    if plain is not None:
        addr, rest = plain
    else:
        try:
            addr, rest = _parsed_address(arg)
        except HeaderParseError:
            return None, None
    localpart = addr.rpartition("@")[0]
    if local_part_limit and len(localpart) > local_part_limit:
        return None, None
    return addr, rest


def _plain_address(arg: str) -> tuple[str, str] | None:
    """A plain `<local@domain>` and what follows, as the header parser would split them
    (the space after `>` dropped); None for anything else (comments, quotes, literals,
    non-ASCII, leading space), which the parser reads."""
    match = _PLAIN_ADDRESS.match(arg)
    if match is None:
        return None
    rest = arg[match.end() :]
    if "(" in rest:  # a comment after the address: the parser drops it
        return None
    if rest[:1] in (" ", "\t"):
        rest = rest.lstrip()
    return match.group(1), rest


def _parsed_address(arg: str) -> tuple[str, str]:
    """The address and the rest by the stdlib's header parser, as aiosmtpd reads them."""
    parse = get_angle_addr if arg.lstrip().startswith("<") else get_addr_spec
    address, rest = parse(arg)
    addr: str = address.addr_spec
    return addr, rest


_remembered_address = functools.lru_cache(maxsize=1024)(_parse_address)


class BalaghController(Controller):
    """A Controller that serves BalaghSMTP."""

    def factory(self) -> SMTP:
        return BalaghSMTP(self.handler, **self.SMTP_kwargs)


class MailHandler:
    """aiosmtpd handler: recipient policy in RCPT, store-then-250 in DATA."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        # Final bounces are applied in order on one thread, after the 250.
        self.bounces = ThreadPoolExecutor(1, thread_name_prefix="smtp-bounces")
        self.domains = set(ctx.settings.mail_domain_list)
        self.wakes = 0  # the pipeline woken (tests)
        self._woken_at = -WAKE_EVERY  # loop time of the last wake-up
        self._wake_due = False  # a wake-up is due at the end of this window

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        domain = address.rpartition("@")[2].strip().lower().rstrip(".")
        if "@" not in address or domain not in self.domains:
            return "550 5.7.1 Relaying denied: we accept mail only for our own domains"
        if len(envelope.rcpt_tos) >= MAX_RECIPIENTS:
            return "452 4.5.3 Too many recipients"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        mail_from = envelope.mail_from if envelope.mail_from is not None else None
        loop = asyncio.get_running_loop()
        try:
            record_id, wanted = await loop.run_in_executor(
                None, receive, self.ctx, bytes(raw), mail_from, tuple(envelope.rcpt_tos)
            )
        except StorageUnavailable:
            return "451 4.3.0 Temporarily unable to store the message; try again later"
        except Exception:
            logger.exception("unexpected error storing a mail")
            return "451 4.3.0 Temporary local problem; try again later"
        if wanted == PROCESS:
            self._wake_soon(loop)
        elif wanted == BOUNCE:
            self.bounces.submit(self._apply_bounce, record_id)
        return "250 2.0.0 OK: message stored"

    def _wake_soon(self, loop: asyncio.AbstractEventLoop) -> None:
        """Wake the workers now, or once at the end of the current WAKE_EVERY window when
        they were woken within it (on the loop thread, so no lock). A wake-up per mail ran
        the pipeline's preparer (a query) each time, a third of the ack path's own GIL time
        in a burst (bench/RESULTS.md, session 12); a busy worker claims the next records
        without one, and an idle one is woken within the window."""
        if self._wake_due:
            return
        now = loop.time()
        due = self._woken_at + WAKE_EVERY
        if now >= due:
            self._wake_now(loop)
        else:
            self._wake_due = True
            loop.call_at(due, self._wake_now, loop)

    def _wake_now(self, loop: asyncio.AbstractEventLoop) -> None:
        self._wake_due = False
        self._woken_at = loop.time()
        self.wakes += 1
        wake(self.ctx)

    def _apply_bounce(self, record_id: int) -> None:
        try:
            handle_record(self.ctx, record_id)
        except Exception:  # the bounce record is kept; staff still see the delivery as sent
            logger.exception("applying the bounce in mail record %s failed", record_id)

    def wait_bounces(self, timeout: float) -> bool:
        """Whether every bounce received so far was applied within `timeout` seconds."""
        try:
            self.bounces.submit(lambda: None).result(timeout)
        except TimeoutError:
            return False
        return True


def tls_context(cert: str, key: str) -> ssl.SSLContext:
    """A server TLS context for STARTTLS from the configured certificate and key."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class SmtpListener:
    """The listener component: controller + worker; `stop()` shuts both down."""

    def __init__(self, ctx: Context, host: str | None = None, port: int | None = None) -> None:
        settings = ctx.settings
        self.ctx = ctx
        self.host = host or settings.smtp_host
        self.port = port if port is not None else settings.smtp_port
        self.owns_pipeline = EXTRA_KEY not in ctx.extras
        self.pipeline = start_pipeline(ctx)
        kwargs: dict[str, Any] = {
            "data_size_limit": settings.smtp_max_size,
            "enable_SMTPUTF8": True,
            "decode_data": False,
            "timeout": IDLE_TIMEOUT,
            "command_call_limit": {"*": COMMAND_LIMIT, "RCPT": RCPT_LIMIT},
            "ident": "Balagh ESMTP",
        }
        if settings.smtp_tls_cert and settings.smtp_tls_key:
            kwargs["tls_context"] = tls_context(settings.smtp_tls_cert, settings.smtp_tls_key)
        self.handler = MailHandler(ctx)
        self.controller = BalaghController(
            self.handler, hostname=self.host, port=self.port, **kwargs
        )
        try:
            self.controller.start()
        except BaseException:
            self._abandon()
            raise
        ctx.extras.setdefault("channel_probes", {})["email"] = self.probe
        logger.info("smtp: listening on %s:%s", self.host, self.port)

    def _abandon(self) -> None:
        """Undo a start that failed (e.g. the port is in use). aiosmtpd leaves its event loop
        open when it cannot bind; left to the interpreter's exit, its finaliser could meet its
        self-pipe already closed and print a traceback after `balagh serve`'s one-line "port in
        use" message (seen once in CI)."""
        if not self.controller.loop.is_running():
            self.controller.loop.close()
        self.handler.bounces.shutdown(wait=False)
        if self.owns_pipeline:
            stop_pipeline(self.ctx)

    def probe(self) -> dict[str, object]:
        """State for /healthz: listening address and the processing backlog."""
        return {
            "listening": f"{self.host}:{self.port}",
            "backlog": pending_backlog(self.ctx).get("email", 0),
            "tls": bool(self.ctx.settings.smtp_tls_cert),
        }

    def wait_idle(self, timeout: float = 10.0) -> bool:
        return self.handler.wait_bounces(timeout) and self.pipeline.wait_idle(timeout)

    def stop(self) -> None:
        self.controller.stop()
        self.handler.bounces.shutdown(wait=True)
        if self.owns_pipeline:  # else `balagh serve`'s inbound component stops it
            stop_pipeline(self.ctx)


def start_listener(ctx: Context) -> SmtpListener | None:
    """Starter for `balagh serve`: the listener unless BALAGH_SMTP_PORT is 0."""
    if not ctx.settings.smtp_port:
        return None
    return SmtpListener(ctx)
