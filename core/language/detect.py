"""Reply-language detection for citizen messages (Arabic script, English, Arabizi, mixed).

Rules first (script counts, Arabizi digit-letters, small word lists), because they are fast,
deterministic and right on short complaint text; seeded langdetect only to name a longer text
that is neither Arabic nor English. No signal falls back to the contact's known language, then
the channel hint, then `None` (reply in both languages).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core.language.normalize import head
from core.language.wordlists import (
    ARABIZI_WORDS,
    ENGLISH_WORDS,
    NEUTRAL_WORDS,
    PERSIAN_WORDS,
    TEXT_SPEAK,
    URDU_WORDS,
)

REPLY_LANGUAGES = ("ar", "en")

# An address's local part starts where its run of characters starts (the look-behind), so a
# long run without '@' is scanned once, not once per position inside it (O(n^2)).
URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+\b", re.IGNORECASE)
REFERENCE_RE = re.compile(r"\b[A-Za-z]{2,5}-\d{3,}\b")
PHONE_RE = re.compile(r"\+?\d[\d\s\-()]{6,}\d")
# Arabic-script letters and marks (not Arabic punctuation or digits).
ARABIC_LETTERS = "\u0620-\u065f\u0670-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
# One pass over the lower-cased text: (Arabic word) | (Latin word, digits allowed) | (other).
TOKEN_RE = re.compile(rf"([{ARABIC_LETTERS}]+)|([a-zà-öø-ÿ0-9]+(?:'[a-zà-öø-ÿ0-9]+)?)|([^\W\d_]+)")

# Letters Persian and Urdu use but Arabic does not (ی and ک are left out: Arabic typed on a
# Persian keyboard uses them too).
PERSIAN_LETTERS = frozenset("پچژگ")
URDU_LETTERS = frozenset("ٹڈڑںےۓہۂ")
# Every Persian or Urdu text has one of these; Arabic text without them skips the marking.
PERSIAN_URDU_HINT_RE = re.compile("[یکپچژگٹڈڑںےۓہۂھ]")

# Latin tokens with digits that are not Arabizi: ordinals, times, units, codes like 3B or A4.
NUMERIC_LATIN_RE = re.compile(
    r"^(?:\d+(?:am|pm|s|x|k|m|km|kg|g|cm|mm|ml|l|h|hr|hrs|min|mins|sec|secs|"
    r"mb|gb|kb|omr|ro|bz|sqm|m2|kw|kwh|v|w|d|yr|yrs|ft)|[a-z]\d+|\d+[a-z]|[a-z]{1,3}\d{2,}|"
    r"\d+[a-z]\d+|mp3|mp4|h2o|co2|a4|a3|g5|b2b)$"
)
ORDINAL_RE = re.compile(r"^\d*(\d)(st|nd|rd|th)$")


def is_ordinal(token: str) -> bool:
    """1st, 2nd, 3rd, 4th, 11th, 22nd...; '3nd' or '5st' are Arabizi, not ordinals."""
    match = ORDINAL_RE.match(token)
    if match is None:
        return False
    last, suffix = match.groups()
    teen = len(token) >= 4 and token[-4] == "1"
    expected = "th" if teen else {"1": "st", "2": "nd", "3": "rd"}.get(last, "th")
    return suffix == expected


# Arabizi: letters and Arabic-sound digits (2 3 5 6 7 8 9) only, a digit next to a letter.
ARABIZI_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
ARABIZI_DIGITS = frozenset("2356789")
ARABIZI_CHARS = ARABIZI_LETTERS | ARABIZI_DIGITS | {"'"}


def is_arabizi_digit_word(token: str) -> bool:
    """Only letters, Arabic-sound digits and "'", two letters or more, a digit beside a letter.

    One linear pass: the regular expression this replaces backtracked quadratically on a long
    token of letter-digit pairs.
    """
    if not ARABIZI_CHARS.issuperset(token):
        return False
    if sum(ch in ARABIZI_LETTERS for ch in token) < 2:
        return False
    return any(
        (a in ARABIZI_LETTERS and b in ARABIZI_DIGITS)
        or (a in ARABIZI_DIGITS and b in ARABIZI_LETTERS)
        for a, b in zip(token, token[1:], strict=False)
    )


SCRIPT_LANGUAGES = (
    ("DEVANAGARI", "hi"),
    ("BENGALI", "bn"),
    ("GURMUKHI", "pa"),
    ("GUJARATI", "gu"),
    ("TAMIL", "ta"),
    ("TELUGU", "te"),
    ("KANNADA", "kn"),
    ("MALAYALAM", "ml"),
    ("SINHALA", "si"),
    ("THAI", "th"),
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
    ("ETHIOPIC", "am"),
)

LANGDETECT_MIN_WORDS = 4
LANGDETECT_MIN_PROBABILITY = 0.85
# langdetect names Arabizi as one of these; never trust it for them on Latin text.
LANGDETECT_ARABIZI_CONFUSIONS = frozenset({"so", "sw", "id", "tl", "af", "cy", "sq", "tr", "fi"})


@dataclass(frozen=True)
class Detection:
    """The reply language, how sure we are, the written form and any third language."""

    language: str | None  # 'ar' | 'en'; None = no signal at all -> reply in both
    confidence: float  # 0..1
    form: str  # 'arabic' | 'english' | 'arabizi' | 'mixed' | 'none'
    other: str | None = None  # ISO code when the text is neither Arabic nor English


@dataclass
class _Counts:
    arabic: int = 0
    arabic_weighted: float = 0.0
    latin: int = 0
    english: int = 0
    arabizi_words: int = 0
    arabizi_digits: int = 0
    latin_content: int = 0  # Latin words that are neither neutral nor text-speak
    persian: int = 0
    urdu: int = 0
    other_scripts: dict[str, int] | None = None
    first: str | None = None  # 'arabic' | 'latin': script of the first word


def detect_language(text: str, *, known: str | None = None, hint: str | None = None) -> Detection:
    """Detect the language to reply in; falls back to `known`, then `hint`, then both."""
    cleaned = _clean(head(text))
    detection = _from_counts(_count(cleaned), cleaned)
    if detection.language is not None:
        return detection
    fallback = _reply_language(known) or _hint_language(hint)
    if fallback is None:
        return detection
    confidence = 0.3 if detection.other else 0.5 if _reply_language(known) else 0.4
    return Detection(fallback, confidence, detection.form, detection.other)


def _clean(text: str) -> str:
    """NFKC, then URLs, e-mail addresses, references and phone numbers set aside."""
    text = unicodedata.normalize("NFKC", text).lower()
    if "http" in text or "www." in text or "@" in text:
        text = URL_RE.sub(" ", text)
    if "-" in text:
        text = REFERENCE_RE.sub(" ", text)
    return PHONE_RE.sub(" ", text)


def _count(text: str) -> _Counts:
    counts = _Counts()
    previous = ""
    marked = PERSIAN_URDU_HINT_RE.search(text) is not None
    for arabic, latin, other in TOKEN_RE.findall(text):
        if arabic:
            counts.arabic += 1
            counts.arabic_weighted += 1.0
            if marked:
                _mark_persian_urdu(counts, arabic)
            counts.first = counts.first or "arabic"
            previous = arabic
        elif latin:
            if not latin.isdigit():
                _count_latin(counts, latin, after_arabic_article=previous == "الـ")
                counts.first = counts.first or "latin"
            previous = latin
        else:
            script = _script_language(other)
            if script is not None:
                counts.other_scripts = counts.other_scripts or {}
                counts.other_scripts[script] = counts.other_scripts.get(script, 0) + 1
            previous = other
    return counts


def _mark_persian_urdu(counts: _Counts, token: str) -> None:
    if token in URDU_WORDS or not URDU_LETTERS.isdisjoint(token):
        counts.urdu += 1
    elif token in PERSIAN_WORDS or not PERSIAN_LETTERS.isdisjoint(token):
        counts.persian += 1


def _count_latin(counts: _Counts, token: str, *, after_arabic_article: bool) -> None:
    if token in NEUTRAL_WORDS:
        return
    has_digit = not token.isalpha()
    if has_digit and (token in TEXT_SPEAK or NUMERIC_LATIN_RE.match(token) or is_ordinal(token)):
        return
    counts.latin_content += 1
    if after_arabic_article:
        # "الـ road": an English noun inside an Arabic sentence counts for Arabic.
        counts.arabic_weighted += 1.0
        return
    if token in ENGLISH_WORDS:
        counts.english += 1
        counts.latin += 1
    elif token in ARABIZI_WORDS:
        counts.arabizi_words += 1
    elif has_digit and is_arabizi_digit_word(token):
        counts.arabizi_digits += 1
    else:
        counts.latin += 1


def _script_language(token: str) -> str | None:
    name = unicodedata.name(token[0], "")
    for script, code in SCRIPT_LANGUAGES:
        if name.startswith(script):
            return code
    return None


def _from_counts(counts: _Counts, text: str) -> Detection:
    scripts = counts.other_scripts or {}
    if sum(scripts.values()) > counts.arabic + counts.latin_content:
        # Mostly Devanagari, Cyrillic, CJK...: the script names the language.
        return Detection(None, 0.0, "none", max(sorted(scripts), key=scripts.__getitem__))
    if counts.arabic and _looks_persian_or_urdu(counts):
        return Detection(None, 0.0, "none", _persian_or_urdu(counts, text))
    if counts.arabic and counts.latin_content:
        return _mixed(counts)
    if counts.arabic:
        confidence = 0.99 if counts.arabic >= 3 else 0.9
        return Detection("ar", confidence, "arabic")
    if counts.latin_content:
        return _latin(counts, text)
    return Detection(None, 0.0, "none")


def _looks_persian_or_urdu(counts: _Counts) -> bool:
    marked = counts.persian + counts.urdu
    return marked >= 2 and marked * 4 >= counts.arabic


def _persian_or_urdu(counts: _Counts, text: str) -> str:
    guess = _langdetect(text)
    if guess in {"fa", "ur", "ps"}:
        return guess
    return "ur" if counts.urdu >= counts.persian else "fa"


def _mixed(counts: _Counts) -> Detection:
    arabizi = counts.arabizi_words + counts.arabizi_digits
    arabic = counts.arabic_weighted + arabizi
    english = float(counts.latin)
    if english == 0:
        # Only Arabizi or Arabic-article Latin words: Arabic with borrowed words.
        return Detection("ar", 0.95, "arabic" if arabizi == 0 else "mixed")
    if counts.english == 0:
        # Latin words that are not English (place or brand names) inside Arabic text.
        return Detection("ar", 0.9, "arabic")
    if arabic > english:
        language = "ar"
    elif english > arabic:
        language = "en"
    else:
        language = "ar" if counts.first == "arabic" else "en"
    margin = abs(arabic - english) / (arabic + english)
    return Detection(language, round(0.55 + 0.4 * margin, 3), "mixed")


def _latin(counts: _Counts, text: str) -> Detection:
    if _maybe_other_latin(counts):
        # No Arabizi cue and hardly any English: maybe French, Spanish, German... langdetect
        # names it; its Arabizi confusions (it calls Arabizi "Somali") are never trusted.
        guess = _langdetect(text)
        if guess is not None and guess not in LANGDETECT_ARABIZI_CONFUSIONS | {"en"}:
            return Detection(None, 0.0, "none", guess)
    arabizi = counts.arabizi_words + 2.0 * counts.arabizi_digits
    short = counts.latin_content < 3
    if arabizi > counts.english:
        margin = (arabizi - counts.english) / (arabizi + counts.english)
        confidence = 0.6 + 0.35 * margin
        return Detection("ar", round(confidence * (0.85 if short else 1.0), 3), "arabizi")
    if counts.english:
        ratio = counts.english / counts.latin_content
        confidence = min(0.99, 0.6 + 0.4 * ratio)
        return Detection("en", round(confidence * (0.85 if short else 1.0), 3), "english")
    return Detection(None, 0.0, "none")


def _maybe_other_latin(counts: _Counts) -> bool:
    """True for a longer Latin text with no Arabizi cue and under a quarter English words."""
    return (
        counts.latin_content >= LANGDETECT_MIN_WORDS
        and counts.arabizi_words + counts.arabizi_digits == 0
        and counts.english * 4 < counts.latin_content
    )


@lru_cache(maxsize=1)
def _langdetect_module() -> Any:
    """Import and seed langdetect once, on first use (loading its profiles takes ~0.3 s)."""
    import langdetect

    langdetect.DetectorFactory.seed = 0
    return langdetect


def _langdetect(text: str) -> str | None:
    """Best seeded-langdetect guess for a text, or None when it is unsure."""
    langdetect = _langdetect_module()
    try:
        candidates = langdetect.detect_langs(text)
    except langdetect.LangDetectException:  # no usable letters in the text
        return None
    if not candidates or candidates[0].prob < LANGDETECT_MIN_PROBABILITY:
        return None
    return str(candidates[0].lang)


def _reply_language(code: str | None) -> str | None:
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in REPLY_LANGUAGES else None


def _hint_language(hint: str | None) -> str | None:
    """First of ar/en in a language tag or Accept-Language value, by q-weight."""
    if not hint:
        return None
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(hint.split(",")):
        tag, _, params = part.partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        language = _reply_language(tag)
        if language is not None and quality > 0:
            ranked.append((-quality, index, language))
    return min(ranked)[2] if ranked else None
