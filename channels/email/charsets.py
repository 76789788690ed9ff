"""Turn the bytes of a mail part or header into text, whatever its charset label claims.

Mail lies about charsets: Arabic windows-1256 labelled utf-8 or iso-8859-1, no label at all,
labels Python does not know (`unicode-1-1-utf-7`, `invalid-charset`). Decoding never raises:
the declared charset is tried strictly first, then the likely ones, scored by how much of the
result reads as Arabic words or Latin prose rather than mojibake.
"""

from __future__ import annotations

import codecs
import re

# Labels seen in real mail that Python does not know, or knows as a narrower charset.
ALIASES = {
    "unicode-1-1-utf-7": "utf-7",
    "x-unknown": "",
    "unknown-8bit": "",
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "iso-8859-6-e": "iso-8859-6",
    "x-mac-arabic": "mac-arabic",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "iso-2022-jp": "iso2022_jp_ext",
    # Mail clients read these as windows-1252, a superset.
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
LATIN = frozenset({"cp1252", ""})  # "" is "no usable label"
ARABIC_CODECS = frozenset({"cp1256", "iso8859-6", "mac-arabic"})
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
ARABIC_WORD = re.compile("(?:^|\\s)(?:ال|في|من|على|إلى|عن)")


def normalize_label(label: str | None) -> str:
    """A codec name Python knows for `label`, or '' when there is none."""
    if not label:
        return ""
    name = str(label).strip().strip("\"'").lower()
    name = ALIASES.get(name, name)
    if not name:
        return ""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def is_arabic_label(label: str | None) -> bool:
    """Whether a charset label names an Arabic charset (a language hint)."""
    return normalize_label(label) in ARABIC_CODECS


def decode_bytes(data: bytes, label: str | None = None) -> str:
    """Text from `data`: the declared charset when it fits, else the most plausible one."""
    if not data:
        return ""
    codec = normalize_label(label)
    if codec in LATIN:
        return _decode_latin_or_unlabelled(data)
    if codec in ARABIC_CODECS:
        return _decode_arabic(data, codec)
    try:
        text = data.decode(codec)
        if codec != "utf-8" or "\ufffd" not in text:
            return text
    except (UnicodeDecodeError, LookupError):
        pass
    return _best_guess(data)


def _decode_latin_or_unlabelled(data: bytes) -> str:
    if not any(b > 0x7F for b in data):
        return data.decode("ascii")
    reading = _likely_reading(data)
    return reading if reading is not None else data.decode("latin-1")


def _decode_arabic(data: bytes, codec: str) -> str:
    """windows-1256 and ISO-8859-6 are often swapped in labels; keep the better reading."""
    readings = []
    for name in (codec, "cp1256", "iso8859-6", "utf-8"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        readings.append((arabic_score(text) + (0.01 if name == codec else 0.0), text))
    if not readings:
        return data.decode(codec, "replace")
    return max(readings, key=lambda r: r[0])[1]


def _best_guess(data: bytes) -> str:
    reading = _likely_reading(data)
    return reading if reading is not None else data.decode("utf-8", "replace")


def _likely_reading(data: bytes) -> str | None:
    """Bytes whose label is missing, Latin or unknown, read in the order that is most often
    right here: UTF-8 (real Latin-1 text almost never validates as it), then Arabic when they
    read as Arabic prose, then windows-1252; None when none of these reads them."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    arabic = _arabic_if_plausible(data)
    if arabic is not None:
        return arabic
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _arabic_if_plausible(data: bytes) -> str | None:
    """Arabic text when the bytes read as windows-1256 or ISO-8859-6 prose, else None."""
    high = sum(1 for b in data if b > 0x7F)
    letters = high + sum(1 for b in data if 0x41 <= (b | 0x20) <= 0x7A)
    if high < 2 or high / max(1, letters) < 0.4:
        return None
    best: tuple[float, str] | None = None
    for name in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = arabic_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0.7:
        return None
    return best[1]


def arabic_score(text: str) -> float:
    """Share of non-ASCII characters that are Arabic letters, plus a bonus for common words."""
    non_ascii = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not non_ascii:
        return 0.0
    arabic = sum(1 for c in non_ascii if ARABIC_LETTER.match(c))
    return arabic / len(non_ascii) + 0.02 * len(ARABIC_WORD.findall(text))
