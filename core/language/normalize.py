"""Arabic normalisation shared by routing and search.

Citizens write the same word many ways (hamza carriers, ta marbuta vs ha, diacritics,
Persian/Urdu letter forms, Arabic-Indic digits). Folding them makes "مستشفى" match "مستشفي".
One `str.translate` table does the letter work, so normalising stays a few microseconds.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, Quranic marks, superscript alef, tatweel: removed.
DIACRITICS = (
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)
# Invisible format characters (bidi marks, zero-width joiners, BOM, soft hyphen): removed, so
# a Persian ZWNJ or a stray RLM never splits a word.
FORMAT_CHARS = ["\u00ad", "\u061c", "\ufeff"] + [
    chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
]
# A lone hamza is dropped (سماء ~ سما); hamza on a carrier becomes the carrier.
DROPPED = "ء"

LETTER_MAP = {
    # alef forms
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    # ya / alef maqsura and Persian-Urdu ya forms, hamza on ya
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي", "ے": "ي", "ۓ": "ي", "ێ": "ي",
    # ta marbuta and heh forms
    "ة": "ه", "ۃ": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۂ": "ه",
    # waw with hamza and variants
    "ؤ": "و", "ۇ": "و", "ۆ": "و", "ۈ": "و", "ۋ": "و", "ٶ": "و",
    # kaf and gaf forms
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڭ": "ك", "ګ": "ك",
    # Persian / Urdu consonants to the nearest Arabic letter
    "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڥ": "ف", "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن",
}  # fmt: skip
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

TABLE = str.maketrans(
    {
        **LETTER_MAP,
        **{d: str(i) for i, d in enumerate(ARABIC_INDIC_DIGITS)},
        **{d: str(i) for i, d in enumerate(PERSIAN_DIGITS)},
        **dict.fromkeys([*DIACRITICS, *FORMAT_CHARS, DROPPED]),
    }
)
# Routing and language detection read at most this many characters of a message: its first
# lines say what it is about, and reading a huge body would let one message stall intake.
# The full text is always stored; only what these readers look at is cut.
READ_LIMIT = 5_000


def head(text: str) -> str:
    """The part of a message routing and language detection read (see READ_LIMIT)."""
    return text[:READ_LIMIT]


PUNCT_RE = re.compile(r"[^\w\s]|_")
SPACE_RE = re.compile(r"\s+")

# The definite article, alone or fused with a proclitic: و/ف/ب/ك + ال, and ل + ال written
# لل. Longest first. A bare و/ب/ل is not stripped: too many words start with those letters.
ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
# Shorter remainders are words of their own (الي "to" is not ال + ي).
MIN_STEM = 2


def normalize_arabic(text: str) -> str:
    """Fold Arabic spelling variants, digits, case, punctuation and spacing for matching."""
    text = unicodedata.normalize("NFKC", text).translate(TABLE)
    text = PUNCT_RE.sub(" ", text.lower())
    return SPACE_RE.sub(" ", text).strip()


def strip_article(word: str) -> str:
    """A normalised word without its leading definite article (الكلاب, بالحفره -> كلاب, حفره).

    Returns the word unchanged when it has no article or too little would remain.
    """
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            return word[len(prefix) :]
    return word


DIGITS_TABLE = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS + "٫", "0123456789" * 2 + ".")


def ascii_digits(text: str) -> str:
    """`text` with Arabic-Indic and Persian digits (and the Arabic decimal mark) made ASCII.

    Only digits change, unlike `normalize_arabic`: for numbers people type (phone numbers,
    coordinates) in either script.
    """
    return text.translate(DIGITS_TABLE)
