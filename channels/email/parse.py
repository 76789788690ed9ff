"""MIME bytes -> InboundMessage: a pure function, no database, no network, never raises.

The stdlib parser (modern policy) is used for structure only; every header and body is
decoded here, because `get_content()` raises on a multipart whose boundary never appears
(KeyError) and on unknown charsets (LookupError), decodes mislabelled Arabic to replacement
characters, and puts a spurious space between adjacent encoded-words in display names
(CPython gh-128110). `email.header.decode_header` is correct, so headers go through it.
"""

from __future__ import annotations

import hashlib
import html
import logging
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.header import decode_header
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import Message as MimePart
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from functools import lru_cache
from typing import Any

import nh3

from channels.email.charsets import decode_bytes, is_arabic_label
from channels.email.htmltext import html_to_text, nests_deeper_than
from channels.email.loops import (
    Bounce,
    MailFacts,
    automatic_reason,
    bounce_from_status,
    bounce_from_text,
)
from channels.email.quotes import cut_quoted
from channels.email.threads import message_ids, subject_reference, thread_ids
from channels.email.tnef import TNEF_TYPES, read_tnef
from core.geo import location_from_text
from core.inbound import InboundAttachment, InboundMessage, ThreadHints

logger = logging.getLogger(__name__)

CHANNEL = "email"
# A forward's subject ("FW:", "Fwd:", Outlook's Arabic "إعادة توجيه:"): Outlook forwards
# below the same "-----Original Message-----" or header block as it quotes a reply.
FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|إعادة توجيه|اعادة توجيه)\s*:", re.I)
MAX_DEPTH = 12
MAX_PARTS = 200
FORWARD_BANNER = "---------- Forwarded message ----------"
MIME_LINE = re.compile(
    r"^(?:--\S{6,}|Content-[\w-]+:.*|MIME-Version:.*|This is a multi-?part message in MIME"
    r" format\.?)$",
    re.I,
)
DELIMITER = re.compile(r"^--(\S{1,70}?)(--)?[ \t]*\r?$", re.M)
FOLD = re.compile(r"\r?\n[ \t]+")
REPLY_PREFIX = re.compile(
    r"^(?:\s*(?:re|fwd?|aw|wg|tr|sv|rv|رد|إعادة توجيه|اعادة توجيه|توجيه)\s*(?:\[\d+\])?\s*:)+",
    re.I,
)


class _RememberedHeaders(HeaderRegistry):
    """The modern policy's header objects, parsed once per (name, value) and then reused.

    Every `get` of a header (`get_content_type`, `get_param`, `get_filename`, the parser's
    own look-ups) parses its value again through the header registry: ten parses of the
    same Content-Type per small mail, ~70% of `parse_email`'s time (bench/RESULTS.md). A
    header object is immutable and depends only on its name and value, so a remembered one
    is the very object a new parse would give; values repeat across mails too (`text/plain;
    charset="utf-8"`). Only short values are kept, so the memory stays small."""

    MAX_VALUE = 500

    def __init__(self) -> None:
        super().__init__()
        self._remembered = lru_cache(maxsize=1024)(super().__call__)

    def __call__(self, name: str, value: str) -> BaseHeader:
        if len(value) > self.MAX_VALUE:
            return super().__call__(name, value)
        return self._remembered(name, value)


# The stdlib's modern policy (`policy.default`) with remembered header objects.
MIME_POLICY = policy.default.clone(header_factory=_RememberedHeaders())


@dataclass(frozen=True)
class Limits:
    """Attachment limits: per file, per message, and how many files."""

    max_file: int = 10 * 1024 * 1024
    max_total: int = 25 * 1024 * 1024
    max_files: int = 20


@dataclass
class _Body:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    charsets: list[str] = field(default_factory=list)
    attachments: list[InboundAttachment] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    forwarded: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    original_ids: list[str] = field(default_factory=list)
    tnef: list[tuple[str, bytes]] = field(default_factory=list)  # winmail.dat: name, bytes
    size: int = 0
    parts: int = 0


def parse_email(
    raw: bytes,
    *,
    envelope_sender: str | None = None,
    recipients: tuple[str, ...] = (),
    received_at: datetime | None = None,
    limits: Limits = Limits(),
    ref_prefix: str = "MCT",
) -> InboundMessage:
    """The normalised message for raw RFC 5322 bytes; falls back to raw text, never raises."""
    error = ""
    for mime_policy in (MIME_POLICY, policy.compat32):
        try:
            return _parse(
                raw, envelope_sender, recipients, received_at, limits, ref_prefix, mime_policy
            )
        except Exception as exc:  # any parser surprise still leaves a stored, readable message
            error = f"{type(exc).__name__}: {exc}"
            logger.warning("mail parse failed (%s)", type(exc).__name__)
    return fallback_message(raw, envelope_sender, received_at, error)


def fallback_message(
    raw: bytes, envelope_sender: str | None, received_at: datetime | None, error: str
) -> InboundMessage:
    """A message carrying whatever text the raw bytes hold, for when parsing failed."""
    sender = (envelope_sender or "").strip("<>").lower() or "unknown@invalid"
    return InboundMessage(
        channel=CHANNEL,
        sender=sender,
        text=decode_bytes(raw[:200_000]),
        external_id=synthetic_id(raw),
        email=sender,
        received_at=received_at or datetime.now(UTC),
        raw=raw,
        extras={"parse_error": error[:500]},
    )


def synthetic_id(raw: bytes) -> str:
    """A stable id for mail without a usable Message-ID, so redelivery is still de-duplicated."""
    return f"<sha256.{hashlib.sha256(raw).hexdigest()}@balagh.invalid>"


def scoped_id(message_id: str, sender: str) -> str:
    """The de-duplication key of a mail: its Message-ID as given by that sender.

    A Message-ID is unique only by its author's care (RFC 5322 3.6.4 says "should"); keyed
    by the id alone, another sender reusing one would get 250 and its mail dropped as a
    repeat. `message_ids` still reads the bare id out of it for threading headers.
    """
    return f"{message_id} {sender}"


def _reply_to(headers: dict[str, list[str]], sender: str) -> tuple[str, ...]:
    """Ids this mail answers: ours (bare Message-IDs) and the sender's own earlier mail."""
    ids = thread_ids(_one(headers, "in-reply-to"), _one(headers, "references"))
    return ids + tuple(scoped_id(mid, sender) for mid in ids)


def _parse(
    raw: bytes,
    envelope_sender: str | None,
    recipients: tuple[str, ...],
    received_at: datetime | None,
    limits: Limits,
    ref_prefix: str,
    mime_policy: policy.Policy,
) -> InboundMessage:
    """`parse_email` under one MIME policy; raises on what that policy cannot read."""
    mime = BytesParser(policy=mime_policy).parsebytes(raw)
    headers = decoded_headers(mime)
    name, address = _sender(mime, headers, envelope_sender)
    subject = _one(headers, "subject") or None
    body = _Body()
    _walk(mime, body, limits, depth=0)
    tnef_error = _read_tnefs(body, limits)
    content_type = _content_type(mime)
    automatic = _why_automatic(mime, headers, address, envelope_sender, content_type)
    full_text, html_full = _texts(body)
    new_text = _new_text(full_text, subject, body.forwarded)
    display_html = _display_html(html_full, full_text, new_text)
    external_id = _external_id(headers, address, raw)
    bounce = _bounce(body, full_text, content_type) if automatic else None
    extras = _extras(
        mime, headers, body, recipients, envelope_sender, automatic, bounce, tnef_error
    )
    return InboundMessage(
        channel=CHANNEL,
        sender=address,
        text=new_text,
        external_id=external_id,
        display_name=name or None,
        language_hint=_language_hint(headers, body),
        thread=ThreadHints(
            reply_to=_reply_to(headers, address),
            reference=subject_reference(subject, ref_prefix),
        ),
        attachments=tuple(body.attachments),
        location=location_from_text(new_text),  # a map link or coordinates they pasted
        html=display_html,
        subject=subject[:300] if subject else None,
        email=address,
        received_at=received_at or datetime.now(UTC),
        raw=raw,
        extras=extras,
    )


def _why_automatic(
    mime: MimePart,
    headers: dict[str, list[str]],
    address: str,
    envelope_sender: str | None,
    content_type: str,
) -> str | None:
    """Why a machine sent this mail (`automatic_reason`: a bounce, an auto-reply, a list),
    or None for a person's mail: automatic mail is stored, not processed (`intake`)."""
    facts = MailFacts(
        headers=headers,
        sender=address,
        envelope_sender=envelope_sender,
        content_type=content_type,
        report_type=(mime.get_param("report-type") or None) if content_type else None,  # type: ignore[arg-type]
    )
    return automatic_reason(facts)


def _new_text(full_text: str, subject: str | None, forwarded: list[str]) -> str:
    """What the citizen wrote in this mail: its text without what it quotes, then the mails
    it forwards as attachments; the subject when that leaves nothing."""
    if not full_text:
        new_text = ""
    elif FORWARD_SUBJECT.match(subject or ""):
        new_text = full_text.strip()  # a forward's quoted part is the report itself
    else:
        new_text = cut_quoted(full_text)
    if forwarded:
        new_text = "\n\n".join([t for t in [new_text] if t] + forwarded)
    if not new_text.strip() and subject:
        new_text = subject_as_text(subject)  # all they wrote, or an attachment with a subject
    return new_text


def _external_id(headers: dict[str, list[str]], address: str, raw: bytes) -> str:
    """The mail's identity, so a redelivery is a repeat: its Message-ID as this sender gave
    it (`scoped_id`), or one made from its bytes when it has none or one too long to store."""
    ids = message_ids(_one(headers, "message-id"))
    external_id = scoped_id(ids[0], address) if ids else ""
    if not ids or len(external_id) > 300:
        return synthetic_id(raw)
    return external_id


def _extras(
    mime: MimePart,
    headers: dict[str, list[str]],
    body: _Body,
    recipients: tuple[str, ...],
    envelope_sender: str | None,
    automatic: str | None,
    bounce: Bounce | None,
    tnef_error: str,
) -> dict[str, Any]:
    """What the mail says beyond the citizen's message, for the loop and bounce rules and
    for staff: its envelope and date, why it is automatic and the bounce it reports, the
    attachments left out, a winmail.dat that could not be read, and its MIME defects."""
    extras: dict[str, Any] = {
        "recipients": list(recipients)[:50],
        "envelope_sender": envelope_sender,
        "date": _one(headers, "date") or None,
    }
    if automatic:
        extras["automatic"] = automatic
        if bounce is not None:
            extras["bounce"] = {
                "message_ids": list(bounce.message_ids),
                "reason": bounce.reason,
                "final": bounce.final,
            }
    if body.skipped:
        extras["skipped_attachments"] = body.skipped
    if tnef_error:
        extras["tnef_error"] = tnef_error
    if mime.defects:
        extras["defects"] = sorted({type(d).__name__ for d in mime.defects})[:10]
    return extras


def decode_header_value(value: str) -> str:
    """An RFC 2047 header value as text; raw 8-bit bytes decoded by plausibility."""
    value = FOLD.sub(" ", str(value))
    raw_bytes = value.encode("utf-8", "surrogateescape")
    if "=?" not in value:
        return decode_bytes(raw_bytes).strip()
    try:
        chunks = decode_header(value)
    except Exception:
        return decode_bytes(raw_bytes).strip()
    out = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            if charset is None:
                out.append(
                    decode_bytes(
                        chunk.decode("raw-unicode-escape").encode("utf-8", "surrogateescape")
                    )
                )
            else:
                out.append(decode_bytes(chunk, charset))
        else:
            out.append(decode_bytes(chunk.encode("utf-8", "surrogateescape")))
    return "".join(out).strip()


def decoded_headers(mime: MimePart) -> dict[str, list[str]]:
    """Every header, lower-case name -> decoded values, in order."""
    result: dict[str, list[str]] = {}
    for name, value in mime.raw_items():
        key = str(name).strip().lower()
        if key in ("from", "to", "cc", "reply-to", "sender"):
            result.setdefault(key, []).append(FOLD.sub(" ", str(value)))  # decoded per address
        else:
            result.setdefault(key, []).append(decode_header_value(value))
    return result


def subject_as_text(subject: str) -> str:
    """A subject without reply/forward prefixes: the text of a mail whose body is empty."""
    return REPLY_PREFIX.sub("", subject).strip()


def _one(headers: dict[str, list[str]], name: str) -> str:
    values = headers.get(name)
    return values[0].strip() if values else ""


def _sender(
    mime: MimePart, headers: dict[str, list[str]], envelope_sender: str | None
) -> tuple[str, str]:
    raw_from = _one(headers, "from") or _one(headers, "sender")
    name, address = "", ""
    if raw_from:
        pairs = getaddresses([raw_from]) or [parseaddr(raw_from)]
        for raw_name, addr in pairs:
            if "@" in addr:
                name, address = raw_name, addr
                break
        if not address:
            name = pairs[0][0] if pairs else ""
    if not address and envelope_sender:
        address = envelope_sender.strip("<> ")
    address = decode_bytes(address.encode("utf-8", "surrogateescape")).strip().lower()
    name = decode_header_value(name).strip().strip('"') if name else ""
    return name[:200], (address or "unknown@invalid")[:320]


def _language_hint(headers: dict[str, list[str]], body: _Body) -> str | None:
    lang = _one(headers, "content-language").lower()[:2]
    if lang in ("ar", "en"):
        return lang
    if any(is_arabic_label(c) for c in body.charsets):
        return "ar"
    return None


# -- body ----------------------------------------------------------------------------------


def _content_type(part: MimePart) -> str:
    try:
        return part.get_content_type().lower()
    except Exception:
        return "text/plain"


def _payload_bytes(part: MimePart) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    return b""


def _part_text(part: MimePart) -> str:
    charset = part.get_param("charset")
    label = charset if isinstance(charset, str) else None
    data = _payload_bytes(part) if not _base64_in_name_only(part) else _raw_payload(part)
    text = decode_bytes(data, label)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Base64 has no spaces and no punctuation but + / =: in a text part labelled base64, more
# of those than a stray character or two means words, not base64.
NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=\r\n]")
NOT_BASE64_SHARE = 0.05


def _base64_in_name_only(part: MimePart) -> bool:
    """A text part labelled base64 whose body is plain words (a broken mailer's): decoding
    drops what is not base64 and turns the rest into bytes nobody wrote ("pothole body" read
    as "¦‹a¢W›¡Ü"), which the ticket showed instead of the citizen's words."""
    if str(part.get("Content-Transfer-Encoding", "")).strip().lower() != "base64":
        return False
    raw = part.get_payload()
    if not isinstance(raw, str) or not raw.strip():
        return False
    return len(NOT_BASE64.findall(raw)) > NOT_BASE64_SHARE * len(raw.strip())


def _raw_payload(part: MimePart) -> bytes:
    payload = part.get_payload()
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def _is_attachment(part: MimePart) -> bool:
    disposition = (part.get("content-disposition") or "").split(";")[0].strip().lower()
    return disposition == "attachment" or (
        disposition != "inline" and bool(part.get_param("name")) and _filename(part) != ""
    )


def _filename(part: MimePart) -> str:
    try:
        name = part.get_filename() or part.get_param("name") or ""
    except Exception:
        name = ""
    if isinstance(name, tuple):  # RFC 2231 triple compat32 may hand back
        name = name[2]
    text = decode_header_value(str(name)) if name else ""
    return re.sub(r"[\\/\x00-\x1f]", "_", text).strip()[:200]


def _walk(part: MimePart, body: _Body, limits: Limits, depth: int) -> None:
    """Gather a MIME part into `body` by its type, and the parts it holds in turn: texts,
    a bounce's delivery status and original ids, forwarded mail, winmail.dat, attachments.
    Past MAX_PARTS parts the rest is left; past MAX_DEPTH the nesting is read flat."""
    body.parts += 1
    if body.parts > MAX_PARTS:
        return
    if depth > MAX_DEPTH:
        _walk_flat(part, body, limits)
        return
    ctype = _content_type(part)
    if ctype in ("message/delivery-status", "message/global-delivery-status"):
        _keep_delivery_status(part, body)
    elif part.is_multipart():
        _walk_children(part, ctype, body, limits, depth)
    elif ctype.startswith("multipart/"):
        _walk_without_boundary(part, ctype, body, limits, depth)
    elif ctype in ("text/rfc822-headers", "message/rfc822-headers"):
        body.original_ids.extend(re.findall(r"(?im)^message-id:\s*(<[^>]+>)", _part_text(part)))
    elif (
        ctype.startswith("text/")
        and not _is_attachment(part)
        and ctype in ("text/plain", "text/html")
    ):
        charset = part.get_param("charset")
        if isinstance(charset, str):
            body.charsets.append(charset)
        (body.html if ctype == "text/html" else body.plain).append(_part_text(part))
    elif ctype == "text/plain" and not body.plain and not _filename(part):
        body.plain.append(_part_text(part))
    elif ctype in TNEF_TYPES:
        body.tnef.append((_filename(part) or "winmail.dat", _payload_bytes(part)))
    else:
        _attach(part, ctype, body, limits)


def _keep_delivery_status(part: MimePart, body: _Body) -> None:
    """A bounce's delivery-status part, its blocks of fields as text, for `_bounce`."""
    blocks = part.get_payload()
    if isinstance(blocks, list):
        body.status.append("\n\n".join(_header_block(b) for b in blocks if isinstance(b, MimePart)))
    else:
        body.status.append(_part_text(part))


def _walk_children(part: MimePart, ctype: str, body: _Body, limits: Limits, depth: int) -> None:
    """The parts a multipart holds: a forwarded mail's text and id, one alternative (the
    one `_preferred_alternative` picks), or each part in turn."""
    children = [c for c in part.get_payload() if isinstance(c, MimePart)]
    if ctype == "message/rfc822":
        for inner in children[:1]:
            body.forwarded.append(_forwarded_text(inner, limits, depth))
            body.original_ids.extend(message_ids(inner.get("message-id")))
        return
    if ctype == "multipart/alternative":
        children = _preferred_alternative(children)
    for child in children:
        _walk(child, body, limits, depth + 1)


def _walk_without_boundary(
    part: MimePart, ctype: str, body: _Body, limits: Limits, depth: int
) -> None:
    """A multipart whose boundary never appears. Often the header mangled it (an unquoted
    "=" cuts `boundary=----=_NextPart...` short): parse again with the delimiter the body
    really uses. Otherwise recover the text and drop the MIME scaffolding."""
    reparsed = _reparse_with_used_boundary(part, ctype)
    if reparsed is not None:
        _walk(reparsed, body, limits, depth + 1)
        return
    text = _part_text(part)
    lines = [ln for ln in text.split("\n") if not MIME_LINE.match(ln.strip())]
    recovered = "\n".join(lines)
    (body.html if "<html" in recovered.lower() else body.plain).append(recovered)


def _reparse_with_used_boundary(part: MimePart, ctype: str) -> MimePart | None:
    """The part parsed with the boundary its body uses, if that makes it a real multipart."""
    raw = _payload_bytes(part)  # get_payload() would turn 8-bit bytes into U+FFFD
    payload = raw.decode("ascii", "surrogateescape")
    opened: dict[str, int] = {}
    closed: set[str] = set()
    for match in DELIMITER.finditer(payload):
        if match.group(2):
            closed.add(match.group(1))
        else:
            opened[match.group(1)] = opened.get(match.group(1), 0) + 1
    found = [b for b, n in opened.items() if b in closed or n > 1]
    if not found or found[0] == part.get_param("boundary"):
        return None
    boundary = max(found, key=lambda b: opened[b])
    head = f'Content-Type: {ctype}; boundary="{boundary}"\n\n'
    data = head.encode() + raw
    reparsed = BytesParser(policy=part.policy).parsebytes(data)
    return reparsed if reparsed.is_multipart() else None


def _header_block(block: MimePart) -> str:
    return "\n".join(f"{k}: {FOLD.sub(' ', str(v))}" for k, v in block.raw_items())


def _preferred_alternative(children: list[MimePart]) -> list[MimePart]:
    """From alternatives keep one plain text and one HTML rendering (the last of each)."""
    plain = [c for c in children if _content_type(c) == "text/plain"]
    rich = [c for c in children if _content_type(c) == "text/html"]
    other = [c for c in children if c.is_multipart()]
    chosen = plain[-1:] + rich[-1:]
    return chosen or other[-1:] or children[:1]


def _read_tnefs(body: _Body, limits: Limits) -> str:
    """Each winmail.dat's files as the mail's own, and its body as the mail's text when
    the mail has no text part (Outlook then sends the words only there). A blob that
    cannot be read, or gives neither, stays a file; read errors are returned for extras."""
    errors = []
    for name, data in body.tnef:
        try:
            content = read_tnef(data)
        except Exception as exc:  # a malformed blob must not cost the mail
            logger.warning("winmail.dat unreadable (%s)", type(exc).__name__)
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
            _keep(name, "application/ms-tnef", data, body, limits)
            continue
        read = not _texts(body)[0] and bool(content.text.strip() or content.html.strip())
        if read:
            (body.html if content.html else body.plain).append(content.html or content.text)
            if content.codepage:
                body.charsets.append(content.codepage)
        elif not content.files:  # nothing taken out of it: the blob itself stays
            _keep(name, "application/ms-tnef", data, body, limits)
        for filename, file_data in content.files:
            filename = re.sub(r"[\\/\x00-\x1f]", "_", filename).strip()[:200]
            filename = filename or f"attachment-{len(body.attachments) + 1}"
            ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
            _keep(filename, ctype, file_data, body, limits)
    return "; ".join(errors)


def _attach(part: MimePart, ctype: str, body: _Body, limits: Limits) -> None:
    data = _payload_bytes(part)
    name = _filename(part) or f"attachment-{len(body.attachments) + 1}"
    _keep(name, ctype, data, body, limits)


def _keep(name: str, ctype: str, data: bytes, body: _Body, limits: Limits) -> None:
    """A file kept as the mail's attachment within the limits; noted as skipped beyond."""
    if not data:
        return
    if (
        len(data) > limits.max_file
        or body.size + len(data) > limits.max_total
        or len(body.attachments) >= limits.max_files
    ):
        body.skipped.append(f"{name} ({len(data)} bytes)")
        return
    body.size += len(data)
    body.attachments.append(InboundAttachment(name, ctype[:120], data))


def _walk_flat(part: MimePart, body: _Body, limits: Limits) -> None:
    """Below MAX_DEPTH, every leaf in document order, found with a stack instead of recursion:
    a mail nested 50 deep (broken or hostile) keeps its words and files, and the recursion
    stays bounded. Forwarded mail down there is read as plain parts."""
    stack = [part]
    while stack and body.parts <= MAX_PARTS:
        current = stack.pop()
        if current.is_multipart():
            children = [c for c in current.get_payload() if isinstance(c, MimePart)]
            stack.extend(reversed(children))
        else:
            _walk(current, body, limits, depth=MAX_DEPTH)


def _forwarded_text(inner: MimePart, limits: Limits, depth: int) -> str:
    sub = _Body()
    _walk(inner, sub, limits, depth + 1)
    text, _ = _texts(sub)
    headers = decoded_headers(inner)
    lines = [FORWARD_BANNER]
    for key, label in (("from", "From"), ("date", "Date"), ("subject", "Subject")):
        value = _one(headers, key)
        if value:
            lines.append(f"{label}: {decode_header_value(value) if key == 'from' else value}")
    return "\n".join(lines) + "\n\n" + text.strip()


def _texts(body: _Body) -> tuple[str, str | None]:
    """The full plain text (HTML rendered when there is no plain part) and the full HTML."""
    plain = "\n\n".join(t.strip("\n") for t in body.plain if t.strip())
    rich = "\n".join(body.html) if body.html else None
    if not plain and rich:
        plain = html_to_text(rich)
    return plain.strip(), rich


def _display_html(html_full: str | None, full_text: str, new_text: str) -> str | None:
    """The original, sanitised for display; plain mail that lost a quote keeps its full text.
    HTML nested too deep to sanitise in bounded time is shown as its text."""
    if html_full and not nests_deeper_than(html_full):
        return nh3.clean(html_full)
    if full_text and full_text.strip() != new_text.strip():
        return f'<pre dir="auto">{html.escape(full_text)}</pre>'
    return None


def _bounce(body: _Body, full_text: str, content_type: str) -> Bounce | None:
    ids = list(dict.fromkeys(body.original_ids))
    if body.status:
        return bounce_from_status("\n".join(body.status), ids, full_text)
    if content_type == "multipart/report":
        return None
    found = re.findall(
        r"(?im)^\s*message-id:\s*(<[^>]+>)", full_text + "\n" + "\n".join(body.forwarded)
    )
    ids = ids or list(dict.fromkeys(found))
    if ids and re.search(r"(?i)undeliver|failure|failed|not be delivered|returned", full_text):
        return bounce_from_text(full_text, ids)
    return None
