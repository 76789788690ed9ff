"""Text the database can store, whatever a citizen or a member of staff typed or pasted.

PostgreSQL refuses NUL in text columns (and `\\u0000` in jsonb), and no driver can encode a
lone surrogate (which `json.loads` happily produces from `"\\ud800"`). SQLite accepts both, so
a NUL that slipped through would only fail in production. Every text that reaches core from
outside goes through `storable_text` (inbound messages in `core.intake.ingest`, staff text in
`core.staff.actions`), and lookups by a key from a URL check `is_storable` first so junk is
"not found" instead of a database error.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# C0 controls except tab, line feed and carriage return: NUL breaks PostgreSQL, the others
# are never meaningful in a report. Everything else stays, including the zero-width
# (non-)joiners and direction marks Arabic and Persian text needs.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Bidi embeddings, overrides and isolates: in a one-line label they reorder what follows,
# so `invoice<U+202E>fdp.exe` reads as `invoiceexe.pdf`. Marks (U+200E/F, U+061C) stay.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def storable_text(text: str) -> str:
    """`text` without NUL and the other C0 controls; a lone surrogate becomes U+FFFD."""
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))


def visible_or_empty(text: str | None) -> str:
    """The text made storable and stripped, or "" when nothing in it would show (only spaces,
    zero-width characters, direction marks or controls): such a text says nothing to whoever
    reads it. The one rule for a citizen's report and a member of staff's reply or note."""
    value = storable_text(text or "").strip()
    shown = any(not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc") for ch in value)
    return value if shown else ""


def plain_label(text: str) -> str:
    """A file name or subject as it will be shown: storable, without bidi reordering."""
    return _BIDI_CONTROLS.sub("", storable_text(text))


def storable(value: Any) -> Any:
    """`storable_text` applied to every string in nested dicts, lists and tuples (and keys)."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable(v) for v in value]
    if isinstance(value, tuple):
        return tuple(storable(v) for v in value)
    return value


def is_storable(text: str) -> bool:
    """Whether `text` can be stored or looked up as it is (no controls, no lone surrogates)."""
    return _CONTROLS.search(text) is None and _SURROGATES.search(text) is None


def json_bytes(payload: Any) -> bytes:
    """A channel's raw payload as stored: readable UTF-8 JSON, or with ASCII escapes when it
    holds a lone surrogate (valid JSON `"\\ud800"`, kept by json.loads), which no UTF-8
    encoder takes: raising there refused the message (a 500 or 503 the sender repeats)."""
    try:
        return json.dumps(payload, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return json.dumps(payload).encode()
