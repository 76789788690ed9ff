"""A secret someone sent compared with the one we keep: in constant time, for any text.

`hmac.compare_digest` takes two `str` only when both are ASCII and raises TypeError
otherwise. A status link with words pasted onto its key (`?k=...الرابط`, as chat apps
link it), a bearer token or a reply address's token in UTF-8 (SMTPUTF8) raised there: a 500
for the citizen's page and /metrics, an SMTP 451 repeated until the sender gave up. Their
UTF-8 bytes compare without that case (lone surrogates, which JSON can carry, included).
"""

from __future__ import annotations

import hmac


def same_secret(given: str, kept: str) -> bool:
    """Whether `given` is `kept`, in time that does not depend on where they differ."""
    return hmac.compare_digest(_utf8(given), _utf8(kept))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")
