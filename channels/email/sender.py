"""SmtpSender: core's Sender for email, through the municipality's relay (BALAGH_RELAY_*).

Every message is multipart/alternative (UTF-8 text plus sanitised HTML, `dir="rtl"` and
`lang="ar"` for Arabic, paragraphs `dir="auto"` and web links clickable), from the public
address under the centre's name (BALAGH_MAIL_NAME), with our own Message-ID (returned as the
receipt's external id so replies thread), In-Reply-To/References, Content-Language, the
reference in the subject, and a per-ticket tokenised Reply-To. Automatic notifications carry
`Auto-Submitted: auto-replied` (RFC 3834) so well-behaved responders stay quiet.
SMTP 4xx and connection problems are temporary; a 5xx refusal of the recipient or the
message is permanent.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import logging
import mimetypes
import re
import smtplib
import ssl
import threading
from base64 import b64encode
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email import policy as email_policy

# Private but unchanged since 3.6: the content manager's own choice and encoding of a text
# body (7bit, 8bit, quoted-printable or base64) and the generator's boundary; the tests
# compare what they make with `build`'s message, so a change in a new Python shows there.
from email.contentmanager import _encode_text  # type: ignore[attr-defined]
from email.generator import _make_boundary  # type: ignore[attr-defined]
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import nh3

from channels.email.threads import message_ids, reply_address
from core.outbound import (
    PERSON_WRITTEN_KINDS,
    DeliveryReceipt,
    OutboundMessage,
    PermanentDeliveryError,
    TemporaryDeliveryError,
)
from core.settings import Settings

logger = logging.getLogger(__name__)
URL_RE = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")  # not a final stop or bracket

TIMEOUT = 30.0
MAX_REFERENCES = 10

# What the composer below writes without the stdlib's header registry: a recipient that is a
# plain ASCII addr-spec, ids and language tags of printable ASCII without spaces. Anything
# else (and any attachment) goes through `build` and the stdlib's generator as before.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\Z")
_PLAIN_TOKEN = re.compile(r"[\x21-\x7e]+\Z")
_PLAIN_TEXT = re.compile(r"[\x20-\x7e]*\Z")
_MAX_HEADER = 900  # well under RFC 5322's 998, so no header line needs folding
_ENCODED_WORD_BYTES = 45  # 45 UTF-8 bytes -> 60 base64 chars: a 72-character encoded word


class SmtpSender:
    """Delivers one OutboundMessage through an SMTP relay."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        from_address: str,
        from_name: str = "",
        user: str = "",
        password: str = "",
        starttls: bool = False,
        secret_key: str = "",
        tls_context: ssl.SSLContext | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.host, self.port = host, port
        self.from_address = from_address
        self.from_name = from_name.strip()
        self.user, self.password = user, password
        self.starttls = starttls
        self.secret_key = secret_key
        self.tls_context = tls_context
        self.timeout = timeout
        self.domain = from_address.rpartition("@")[2] or "balagh.localhost"
        self._from_cache: str | None = None
        self._held = threading.local()  # a round's connection, per delivering thread

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpSender:
        return cls(
            host=settings.relay_host,
            port=settings.relay_port,
            from_address=settings.mail_address,
            from_name=settings.mail_name,
            user=settings.relay_user,
            password=settings.relay_password,
            starttls=settings.relay_starttls,
            secret_key=settings.secret_key,
        )

    def send(self, message: OutboundMessage) -> DeliveryReceipt:
        """Build and relay the mail; the receipt carries our Message-ID for threading."""
        composed = self.compose(message)
        mail = self.build(message) if composed is None else None
        try:
            refused = self._relay(message.to, composed, mail)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reply = next(iter(exc.recipients.values()), (550, b"refused"))
            raise _error(code, reply, "recipient refused") from exc
        except smtplib.SMTPDataError as exc:
            raise _error(exc.smtp_code, exc.smtp_error, "message refused") from exc
        except smtplib.SMTPSenderRefused as exc:
            # Our sender address refused: a relay configuration problem, not the citizen's.
            raise TemporaryDeliveryError(f"relay refused our sender: {exc.smtp_code}") from exc
        except smtplib.SMTPAuthenticationError as exc:
            raise TemporaryDeliveryError(f"relay authentication failed: {exc.smtp_code}") from exc
        except smtplib.SMTPResponseException as exc:
            raise _error(exc.smtp_code, exc.smtp_error, "relay error", permanent_5xx=False) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise TemporaryDeliveryError(f"relay unreachable: {type(exc).__name__}: {exc}") from exc
        if refused:
            code, reply = next(iter(refused.values()))
            raise _error(code, reply, "recipient refused")
        if composed is not None:
            return DeliveryReceipt(external_id=composed[0])
        assert mail is not None
        return DeliveryReceipt(external_id=str(mail["Message-ID"]))

    @contextmanager
    def round(self) -> Iterator[None]:
        """Keep one relay connection for this thread's sends until the round ends.

        Each mail on a connection of its own cost a TCP connect, the relay's greeting, EHLO
        (and STARTTLS and AUTH where set) and QUIT: four of its six exchanges, ~0.5 ms of the
        courier's CPU per acknowledgement (bench/RESULTS.md, session 22). The outbox's round
        is short (one claimed batch), so the relay's idle timeout does not close it under us;
        if it does, `_relay` opens a new one.
        """
        self._held.keep = True
        try:
            yield
        finally:
            self._held.keep = False
            self._drop(polite=True)

    def _relay(
        self, to: str, composed: tuple[str, bytes] | None, mail: EmailMessage | None
    ) -> dict[str, tuple[int, bytes]]:
        """Hand the mail to the relay; smtplib's exceptions pass through to `send`."""
        if not getattr(self._held, "keep", False):
            with self._connect() as smtp:
                return _transfer(smtp, self.from_address, to, composed, mail)
        held: smtplib.SMTP | None = getattr(self._held, "smtp", None)
        if held is not None:
            try:
                return _transfer(held, self.from_address, to, composed, mail)
            except (smtplib.SMTPServerDisconnected, ConnectionError):
                # The relay closed the kept connection: send on a new one, as a retry
                # would (the same Message-ID, should the relay have taken it after all).
                self._drop(polite=False)
            except BaseException:
                self._drop(polite=False)
                raise
        smtp = self._held.smtp = self._connect()
        try:
            return _transfer(smtp, self.from_address, to, composed, mail)
        except BaseException:
            self._drop(polite=False)
            raise

    def _connect(self) -> smtplib.SMTP:
        """A connection to the relay, greeted (and secured and logged in where set)."""
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if self.starttls:
                smtp.starttls(context=self.tls_context or ssl.create_default_context())
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _drop(self, *, polite: bool) -> None:
        """Close this thread's kept connection, if any (QUIT first when `polite`)."""
        smtp: smtplib.SMTP | None = self._held.__dict__.pop("smtp", None)
        if smtp is None:
            return
        try:
            if polite:
                smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass  # closing anyway: the mails were handed over or failed already
        finally:
            smtp.close()

    def message_id(self, message: OutboundMessage) -> str:
        """Our Message-ID: fixed per outbox item, so a retry after a relay timeout that did
        deliver is a copy the citizen's mail client can recognise (RFC 5322 3.6.4)."""
        key = message.delivery_key
        if not key:
            return make_msgid(idstring="balagh", domain=self.domain)
        digest = hmac.new(self.secret_key.encode(), key.encode(), hashlib.sha256).hexdigest()
        return f"<balagh.{key}.{digest[:16]}@{self.domain}>"

    def compose(self, message: OutboundMessage) -> tuple[str, bytes] | None:
        """The wire bytes (CRLF) of `build`'s message and its Message-ID, written directly.

        `build` plus the generator cost ~1.4 ms of CPU per acknowledgement, nearly all of it in
        the stdlib's header registry (parsing every header we set, then folding it again) and
        content manager. Here each header is written as the text it is, and each body is
        encoded once by the content manager's own encoder (same 7bit / quoted-printable /
        base64 choice); only a non-ASCII subject needs RFC 2047 encoded words. None where the
        message needs the registry (an attachment, a recipient or an id that is not plain
        ASCII): the caller then uses `build`.
        """
        if message.attachments or not _PLAIN_ADDRESS.match(message.to):
            return None
        headed = self._header_lines(message)
        if headed is None:
            return None
        message_id, lines = headed
        language = message.language or ""
        wire = _alternative_wire(lines, message.text or "", _html(message), language)
        # An 8bit body (short non-ASCII lines) holds its UTF-8 bytes as surrogates, written
        # out as the bytes they stand for, as the stdlib's BytesGenerator does.
        return message_id, wire.encode("ascii", "surrogateescape")

    def _header_lines(self, message: OutboundMessage) -> tuple[str, list[str]] | None:
        """Our Message-ID and `build`'s headers before the MIME ones, each line the text it
        is; None where one needs the registry: an id or a language tag that is not a plain
        token, References too long for one line, a subject `_subject_header` does not
        write, a Reply-To that is not a plain address."""
        ids = _thread_ids(message)
        references = " ".join(ids[-MAX_REFERENCES:])
        language = message.language or ""
        if any(not _PLAIN_TOKEN.match(i) for i in ids) or len(references) > _MAX_HEADER:
            return None
        if language and not _PLAIN_TOKEN.match(language):
            return None
        subject = _subject_header(_subject(message))
        if subject is None:
            return None
        message_id = self.message_id(message)
        lines = [
            self._from_line(),
            f"To: {message.to}",
            f"Subject: {subject}",
            f"Date: {format_datetime(datetime.now(UTC))}",
            f"Message-ID: {message_id}",
        ]
        if ids:
            lines += [f"In-Reply-To: {ids[-1]}", f"References: {references}"]
        if message.reference and self.secret_key:
            reply_to = reply_address(self.from_address, message.reference, self.secret_key)
            if not _PLAIN_ADDRESS.match(reply_to):
                return None
            lines.append(f"Reply-To: {reply_to}")
        if message.kind not in PERSON_WRITTEN_KINDS:
            lines += ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"]
        return message_id, lines

    def _from_line(self) -> str:
        """The From header as the stdlib folds it (an Arabic name encoded), made once."""
        cached = self._from_cache
        if cached is None:
            mail = EmailMessage()
            mail["From"] = _from_header(self.from_name, self.from_address)
            folded = mail.policy.fold("From", mail["From"])
            cached = folded.rstrip("\r\n").replace("\n", "\r\n")
            self._from_cache = cached
        return cached

    def build(self, message: OutboundMessage) -> EmailMessage:
        """The MIME message for one outbound message (public for tests and previews)."""
        mail = EmailMessage()
        mail["From"] = _from_header(self.from_name, self.from_address)
        mail["To"] = message.to
        mail["Subject"] = _subject(message)
        mail["Date"] = format_datetime(datetime.now(UTC))
        mail["Message-ID"] = self.message_id(message)
        ids = _thread_ids(message)
        if ids:
            mail["In-Reply-To"] = ids[-1]
            mail["References"] = " ".join(ids[-MAX_REFERENCES:])
        if message.reference and self.secret_key:
            mail["Reply-To"] = reply_address(self.from_address, message.reference, self.secret_key)
        if message.kind not in PERSON_WRITTEN_KINDS:
            mail["Auto-Submitted"] = "auto-replied"
            mail["X-Auto-Response-Suppress"] = "All"
        mail.set_content(message.text or "", charset="utf-8")
        mail.add_alternative(_html(message), subtype="html", charset="utf-8")
        for att in message.attachments:
            _attach(mail, att.path, att.filename, att.content_type)
        if message.language:  # after the body: make_alternative moves Content-* headers inward
            mail["Content-Language"] = message.language
        # Headers folded only past 998 characters: Python's folder drops the space between two
        # encoded words when it folds an Arabic subject there ("في القرم" -> "فيالقرم"). The
        # bodies above are already encoded in 76-character lines.
        mail.policy = mail.policy.clone(max_line_length=998)
        return mail


def _from_header(name: str, address: str) -> str:
    """`Name <address>` (the policy encodes an Arabic name), or the bare address."""
    if not name:
        return address
    return str(Address(display_name=name.replace("\r", " ").replace("\n", " "), addr_spec=address))


_BODY_POLICY = email_policy.default  # what `build` encodes its bodies under (78-char lines)


def _thread_ids(message: OutboundMessage) -> list[str]:
    """The ids of the earlier mail ours answers, oldest first, each in angle brackets (an id
    `message_ids` does not read is bracketed as it is), for In-Reply-To and References."""
    return [i for mid in message.in_reply_to for i in message_ids(mid) or [f"<{mid.strip('<>')}>"]]


def _alternative_wire(headers: list[str], text: str, html_text: str, language: str) -> str:
    """The mail as `build`'s generator writes it (CRLF lines): `headers`, then the text and
    its HTML as multipart/alternative, each body encoded once by the content manager's own
    encoder, under a boundary neither body holds."""
    text_cte, text_body = _encode_text(text, "utf-8", None, _BODY_POLICY)
    html_cte, html_body = _encode_text(html_text, "utf-8", None, _BODY_POLICY)
    boundary = _make_boundary()
    while boundary in text_body or boundary in html_body:  # only a 7bit body can hold it
        boundary = _make_boundary()
    lines = [
        *headers,
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
    ]
    if language:
        lines.append(f"Content-Language: {language}")
    return "\r\n".join(
        [
            *lines,
            "",
            f"--{boundary}",
            'Content-Type: text/plain; charset="utf-8"',
            f"Content-Transfer-Encoding: {text_cte}",
            "",
            text_body.replace("\n", "\r\n"),
            f"--{boundary}",
            'Content-Type: text/html; charset="utf-8"',
            f"Content-Transfer-Encoding: {html_cte}",
            "MIME-Version: 1.0",  # as the stdlib's add_alternative writes it
            "",
            html_body.replace("\n", "\r\n"),
            f"--{boundary}--",
            "",
        ]
    )


def _subject_header(subject: str) -> str | None:
    """The Subject header's value: plain ASCII words as they are, each run of words with a
    non-ASCII letter as RFC 2047 base64 encoded words (a run's inner spaces inside them, so a
    reader joining adjacent encoded words loses none), folded between encoded words. None
    for what this does not write (a literal `=?`, two spaces in a row, control characters, a
    very long subject).
    """
    if "=?" in subject or "  " in subject or len(subject) > _MAX_HEADER:
        return None
    if any(c < " " or c == "\x7f" for c in subject):
        return None
    if _PLAIN_TEXT.match(subject):
        return subject
    out: list[str] = []
    run: list[str] = []
    for word in subject.split(" "):
        if word.isascii():
            if run:
                out.append(_encoded_words(" ".join(run)))
                run = []
            out.append(word)
        else:
            run.append(word)
    if run:
        out.append(_encoded_words(" ".join(run)))
    return " ".join(out)


def _encoded_words(text: str) -> str:
    """`=?utf-8?b?...?=` words of at most 45 UTF-8 bytes each, never splitting a letter."""
    words: list[str] = []
    chunk = b""
    for char in text:
        data = char.encode("utf-8")
        if chunk and len(chunk) + len(data) > _ENCODED_WORD_BYTES:
            words.append(f"=?utf-8?b?{b64encode(chunk).decode('ascii')}?=")
            chunk = b""
        chunk += data
    words.append(f"=?utf-8?b?{b64encode(chunk).decode('ascii')}?=")
    return "\r\n ".join(words)


def _paragraph(text: str) -> str:
    """One paragraph of plain text as HTML: escaped, line breaks kept, web links clickable.

    `dir="auto"` lets each paragraph take the direction of its own first letters, so the
    English half of a bilingual message reads left to right inside an Arabic one and back.
    """
    escaped = html.escape(text)
    linked = URL_RE.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    return '<p dir="auto">' + linked.replace("\n", "<br>\n") + "</p>\n"


def _subject(message: OutboundMessage) -> str:
    subject = (message.subject or "").strip()
    if message.reference and message.reference not in subject:
        subject = f"[{message.reference}] {subject}".strip()
    return subject.replace("\r", " ").replace("\n", " ")


def _html(message: OutboundMessage) -> str:
    """The HTML alternative; a message in no one language (bilingual) gets no lang/dir."""
    if message.language in ("ar", "en"):
        direction = "rtl" if message.language == "ar" else "ltr"
        attrs = f' lang="{message.language}" dir="{direction}"'
    else:
        attrs = ' dir="auto"'
    if message.html:
        body = nh3.clean(message.html)
    else:
        body = "".join(_paragraph(p) for p in (message.text or "").split("\n\n"))
    return (
        f'<!DOCTYPE html>\n<html{attrs}><head><meta charset="utf-8"></head>\n'
        f"<body{attrs}><div{attrs}>\n{body}</div></body></html>\n"
    )


def _attach(mail: EmailMessage, path: str, filename: str, content_type: str) -> None:
    data = Path(path).read_bytes()
    ctype = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    maintype, _, subtype = ctype.partition("/")
    mail.add_attachment(
        data, maintype=maintype, subtype=subtype or "octet-stream", filename=filename
    )


def _transfer(
    smtp: smtplib.SMTP,
    sender: str,
    to: str,
    composed: tuple[str, bytes] | None,
    mail: EmailMessage | None,
) -> dict[str, tuple[int, bytes]]:
    """One mail's MAIL, RCPT and DATA on an open connection; the refused recipients."""
    if composed is not None:
        return smtp.sendmail(sender, [to], composed[1])
    assert mail is not None
    return smtp.send_message(mail, from_addr=sender, to_addrs=[to])


def _error(
    code: int, reply: bytes | str, what: str, *, permanent_5xx: bool = True
) -> TemporaryDeliveryError | PermanentDeliveryError:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    detail = f"{what}: {code} {text}".strip()[:500]
    if 500 <= code < 600 and permanent_5xx:
        return PermanentDeliveryError(detail)
    return TemporaryDeliveryError(detail)
