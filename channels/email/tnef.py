"""winmail.dat (application/ms-tnef): the body and files Outlook wrapped in it.

Outlook sends some mail as a TNEF blob with no text part, so the citizen's words exist only
in it: a plain body, an HTML body, or compressed RTF. `tnefparse` reads the blob, but its
loops trust the counts the blob declares (a property count of 2**32 loops ~2**32 times, a
multi-value count as large fills memory, an embedded message is parsed again unchecked)
and it copies the rest of the blob for every object. So the blob's shape is walked here
first, bounded, and a blob whose counts do not fit its bytes is not given to it: the mail
then keeps winmail.dat as a file and its subject as text, like any unreadable attachment.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass, field

from compressed_rtf import decompress
from tnefparse.tnef import TNEF

from channels.email.charsets import decode_bytes
from channels.email.rtftext import rtf_to_text

logger = logging.getLogger(__name__)

TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
SIGNATURE = 0x223E9F78
MAX_OBJECTS = 200  # a real blob: ~15 message objects and ~7 per file; files are capped at 20
MAX_VALUES = 20_000  # MAPI property values in the whole blob, embedded messages included
MAX_EMBED_DEPTH = 3
MAX_RTF_COMPRESSED = 256 * 1024  # the decompressor is pure Python (~1 s per few MB out)
IMESSAGE_SIG = b"\x07\x03\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00\x46"
ATT_MAPIPROPS, ATT_RECIPTABLE, ATT_ATTACHMENT = 0x9003, 0x9004, 0x9005
LEVEL_ATTACHMENT = 2
FIXED_SIZE = {0x2: 2, 0xB: 2, 0x3: 4, 0x4: 4, 0xA: 4, 0x5: 8, 0x6: 8, 0x7: 8, 0x14: 8}
FIXED_SIZE |= {0x40: 8, 0x48: 16}
VARIABLE = frozenset({0x0, 0x1E, 0x1F, 0x0D, 0x102})
MULTI = 0x1000


class Malformed(ValueError):
    """The blob's structure does not fit its bytes (or exceeds the bounds above)."""


@dataclass
class TnefContent:
    """What a winmail.dat held: its body (at most one of the three forms) and its files."""

    text: str = ""
    html: str = ""
    codepage: str | None = None
    files: list[tuple[str, bytes]] = field(default_factory=list)


def read_tnef(data: bytes) -> TnefContent:
    """The body and files of a TNEF blob; raises (Malformed or the library's error) if
    it cannot be read, and the caller keeps the blob as a file."""
    check_shape(data)
    tnef = TNEF(data, do_checksum=False)
    content = TnefContent(codepage=tnef.codepage)
    if tnef.body:
        content.text = _as_text(tnef.body, tnef.codepage)
    elif tnef.htmlbody:
        content.html = _as_text(tnef.htmlbody, tnef.codepage)
    elif tnef._rtfbody:  # the compressed bytes; the public `rtfbody` decompresses unbounded
        content.text = _rtf_text(bytes(tnef._rtfbody))
    for attachment in tnef.attachments:
        if attachment.data and not hasattr(attachment, "embed"):
            content.files.append((str(attachment.long_filename() or ""), bytes(attachment.data)))
    return content


def _as_text(value: str | bytes, codepage: str | None) -> str:
    text = value if isinstance(value, str) else decode_bytes(value, codepage)
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _rtf_text(compressed: bytes) -> str:
    if len(compressed) > MAX_RTF_COMPRESSED:
        raise Malformed(f"compressed RTF of {len(compressed)} bytes")
    return rtf_to_text(decompress(compressed).decode("latin-1"))


# -- shape -----------------------------------------------------------------------------------


@dataclass
class _Budget:
    objects: int = 0
    values: int = 0


def check_shape(data: bytes, budget: _Budget | None = None, depth: int = 0) -> None:
    """Walk the blob as tnefparse will, raising Malformed where a declared count or length
    overruns the bytes, or the blob holds more objects or values than a real one does."""
    budget = budget or _Budget()
    if depth > MAX_EMBED_DEPTH or len(data) < 6 or _u32(data, 0) != SIGNATURE:
        raise Malformed("no TNEF signature, or embedded too deep")
    offset = 6
    while offset + 12 < len(data):
        budget.objects += 1
        if budget.objects > MAX_OBJECTS:
            raise Malformed("too many objects")
        level, name = data[offset], _u16(data, offset + 1)
        length = min(len(data) - offset, _u32(data, offset + 5) + 11)
        body = data[offset + 9 : offset + length - 2]
        if name == ATT_RECIPTABLE and level != LEVEL_ATTACHMENT:
            rows, at = _u32(body, 0), 4
            if rows > len(body) // 4:
                raise Malformed("recipient rows")
            for _ in range(rows):
                at = _check_mapi(body, at, budget, depth)
        elif name == (ATT_ATTACHMENT if level == LEVEL_ATTACHMENT else ATT_MAPIPROPS):
            _check_mapi(body, 0, budget, depth)
        offset += length


def _check_mapi(data: bytes, offset: int, budget: _Budget, depth: int) -> int:
    """The end of a MAPI property list at `offset`, as tnefparse's decode_mapi reads it."""
    count = _u32(data, offset)
    offset += 4
    if count > (len(data) - offset) // 4:
        raise Malformed("property count")
    for _ in range(count):
        if offset >= len(data):
            return offset
        ptype, pname = _u16(data, offset), _u16(data, offset + 2)
        offset += 4
        if pname >= 0x8000:  # a named property: GUID, kind, then an id or a name
            kind = _u32(data, offset + 16)
            offset += 24 if kind == 0 else 24 + _pad4(_u32(data, offset + 20))
        values, multi = 1, bool(ptype & MULTI)
        if multi:
            ptype ^= MULTI
            values = max(_u32(data, offset), 1)
            offset += 4
        if ptype not in FIXED_SIZE and ptype not in VARIABLE:
            return len(data)  # tnefparse stops at an unknown type; so do we
        if values > (len(data) - offset) // 2 + 1:
            raise Malformed("multi-value count")
        budget.values += values
        if budget.values > MAX_VALUES:
            raise Malformed("too many property values")
        for _ in range(values):
            offset = _check_value(data, offset, ptype, multi, budget, depth)
        if values % 2 and ptype in (0x2, 0xB):
            offset += 2
    return offset


def _check_value(
    data: bytes, offset: int, ptype: int, multi: bool, budget: _Budget, depth: int
) -> int:
    if ptype in FIXED_SIZE:
        offset += FIXED_SIZE[ptype]
        if offset > len(data):
            raise Malformed("value past the end")
        return offset
    items = 1
    if not multi:
        items = _u32(data, offset)
        offset += 4
        if items > (len(data) - offset) // 4:
            raise Malformed("string count")
    for _ in range(items):
        size = _pad4(_u32(data, offset))
        start, offset = offset + 4, offset + 4 + size
        if offset > len(data):
            raise Malformed("value past the end")
        if data.startswith(IMESSAGE_SIG, start):  # an embedded message tnefparse will parse
            if multi:  # it would join every value into one blob: not a shape Outlook writes
                raise Malformed("multi-valued embedded message")
            embedded = data[start + len(IMESSAGE_SIG) : offset].rstrip(b"\x00")  # as tnefparse
            check_shape(embedded, budget, depth + 1)
    return offset


def _pad4(n: int) -> int:
    return n + (-n % 4)


def _u16(data: bytes, offset: int) -> int:
    try:
        return int(struct.unpack_from("<H", data, offset)[0])
    except struct.error as exc:
        raise Malformed("truncated") from exc


def _u32(data: bytes, offset: int) -> int:
    try:
        return int(struct.unpack_from("<I", data, offset)[0])
    except struct.error as exc:
        raise Malformed("truncated") from exc
