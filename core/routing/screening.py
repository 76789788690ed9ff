"""Not for us: empty, gibberish, spam and adverts, flagged for an agent (never dropped).

A false flag costs a citizen a slower answer, so the rules are conservative: a short real
complaint ("bridge lights off, Bawshar") has real words and must never be flagged.
"""

from __future__ import annotations

import re
import unicodedata

from core.language.normalize import head, normalize_arabic
from core.routing.terms import TermIndex

EMPTY = "empty"
GIBBERISH = "gibberish"
SPAM = "spam"

# A bare domain starts where a run of word characters and hyphens starts (the look-behind), so
# a long run is scanned once, not once per position inside it.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w-])[\w-]+\.(?:com|net|org|io|xyz|info|biz|ly)\b", re.I
)
_PROMO_TERMS = (
    "buy now", "order now", "shop now", "limited offer", "limited time", "special offer",
     "discount", "free delivery", "click here", "claim", "you have won", "congratulations",
     "winner", "prize", "crypto", "bitcoin", "forex", "trading", "invest", "guaranteed",
     "double your money", "earn", "per day", "loan", "instant loan", "low interest", "seo=",
     "followers", "whatsapp us", "call now", "subscribe", "promo",
     "للبيع", "للايجار", "خصم", "خصومات", "تخفيضات", "عرض خاص", "عروض", "اطلب الان", "اتصل الان",
     "التوصيل مجاني", "توصيل مجاني", "تمويل", "قرض", "قروض", "بدون تحويل راتب", "اربح", "ربح",
     "العملات الرقميه", "بيتكوين", "تداول", "استثمار", "واتساب فقط", "للتواصل", "سعر مغري",
     "lil bai3", "5a9m", "khasm", "o6lub", "itasil"
)  # fmt: skip
_PROMO = TermIndex((term, term) for term in _PROMO_TERMS)  # each cue counts once
_PROMO_NEEDED = 2  # promo cues needed on their own; one is enough with a link or a phone number
_PHONE = re.compile(r"(?:\+?968)?\s?[79]\d{7}\b|\b[79]x{7}\b", re.I)
# Keyboard rows and runs typed when mashing keys.
_KEYBOARD_ROWS = (
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "ضصثقفغعهخحجد",
    "شسيبلاتنمكط",
    "ئءؤرلاىةوزظ",
)
_LATIN_VOWELS = set("aeiouy")


def screen(text: str) -> str | None:
    """Why a message looks not-for-us ('empty', 'gibberish', 'spam'), or None if it looks real."""
    text = head(text or "")
    norm = normalize_arabic(text)
    letters = [ch for ch in norm if unicodedata.category(ch).startswith("L")]
    if not letters:
        return EMPTY
    if _is_spam(text, norm):
        return SPAM
    if _is_gibberish(text, norm):
        return GIBBERISH
    return None


def _is_spam(raw: str, norm: str) -> bool:
    cues = len(_PROMO.labels(norm.split()))
    has_contact = bool(_URL.search(raw) or _PHONE.search(raw))
    return cues >= _PROMO_NEEDED or (cues >= 1 and has_contact)


def _is_gibberish(raw: str, norm: str) -> bool:
    words = norm.split()
    if not words:
        return True
    compact = "".join(words)
    if len(set(compact)) <= 2 and len(compact) >= 4:
        return True  # "jjjjjjj", "ههههههه"
    if len(compact) >= 5 and any(_keyboard_run(w) for w in words):
        return True
    latin = [w for w in words if w.isascii() and w.isalpha()]
    if latin and len(latin) == len(words):
        vowelless = [w for w in latin if len(w) >= 4 and not (set(w) & _LATIN_VOWELS)]
        return len(vowelless) * 2 >= len(latin)
    return False


def _keyboard_run(word: str) -> bool:
    """A word of five or more letters that is a stretch of one keyboard row."""
    if len(word) < 5:
        return False
    return any(word in row or word[:5] in row and len(word) <= len(row) for row in _KEYBOARD_ROWS)
