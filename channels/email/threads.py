"""Threading hints from mail headers, and the per-ticket tokenised reply address.

A reply joins a ticket through the Message-IDs it names (`In-Reply-To`, `References`), which
core matches only against that contact's tickets, or through a plus-address whose token is an
HMAC of the reference. A reference in the subject ("[MCT-000123]", or typed bare) is passed on
as a bare reference: core never grants access on a reference without its secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from core.digests import same_secret

MSGID = re.compile(r"<([^<>\s]{1,250})>")
BARE_MSGID = re.compile(r"^\s*([^<>\s@]+@[^<>\s]+)\s*$")
MAX_THREAD_IDS = 20
TOKEN_LENGTH = 16


def message_ids(value: str | None) -> list[str]:
    """Every Message-ID in a header value, normalised to '<id>' form, in order."""
    if not value:
        return []
    found = [f"<{m}>" for m in MSGID.findall(value)]
    if not found:
        bare = BARE_MSGID.match(value)
        if bare:
            found = [f"<{bare.group(1)}>"]
    return found


def thread_ids(in_reply_to: str | None, references: str | None) -> tuple[str, ...]:
    """Ids this mail replies to, the direct parent first, without repeats, capped."""
    ordered = message_ids(in_reply_to) + list(reversed(message_ids(references)))
    seen: dict[str, None] = {}
    for mid in ordered:
        seen.setdefault(mid, None)
    return tuple(list(seen)[:MAX_THREAD_IDS])


def subject_reference(subject: str | None, prefix: str = r"[A-Z]{1,8}") -> str | None:
    """A ticket reference in the subject: in brackets ("Re: [MCT-000123] ..."), as we send
    it, or bare, as citizens type it ("Re: MCT-000123 pothole", "MCT-000123: update").

    A bare one counts only written as we write references (six digits, more only without a
    leading zero) and as a whole token, not inside "XMCT-000123", "MCT-0001234", "MCT-000123-2"
    or a link's path. Either way it is only a hint: core threads on it only to the sender's
    own ticket.
    """
    if not subject:
        return None
    match = re.search(rf"\[\s*({prefix}-\d{{4,10}})\s*\]", subject, re.I) or re.search(
        rf"(?<![\w@/.-])({prefix}-(?:\d{{6}}|[1-9]\d{{6,9}}))(?![\w@/-])", subject, re.I
    )
    return match.group(1).upper() if match else None


def reply_token(secret_key: str, reference: str) -> str:
    """A short unforgeable token binding a reply address to one ticket."""
    digest = hmac.new(secret_key.encode(), f"reply:{reference}".encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()).decode().lower()[:TOKEN_LENGTH]


def reply_address(public_address: str, reference: str, secret_key: str) -> str:
    """The public address plus-tagged for one ticket: 1111+mct-000123.token@domain."""
    local, _, domain = public_address.partition("@")
    return f"{local}+{reference.lower()}.{reply_token(secret_key, reference)}@{domain}"


def reference_from_address(address: str, secret_key: str) -> str | None:
    """The ticket reference a tokenised reply address proves, or None if it proves nothing."""
    if not secret_key:
        return None
    local = address.partition("@")[0]
    if "+" not in local:
        return None
    tag = local.split("+", 1)[1]
    reference, _, token = tag.rpartition(".")
    if not reference or not token:
        return None
    reference = reference.upper()
    if same_secret(token.lower(), reply_token(secret_key, reference)):
        return reference
    return None
