"""Term lists compiled to regexes over normalised text, shared by lexicon and urgency rules.

Terms are written naturally (Arabic, English, Arabizi) and normalised with the same function
as the messages, so spelling variants match. A term matches at the start of a word (Arabic
words may carry a clitic prefix such as و/ب/ال) and by default as a stem; a trailing '='
demands the whole word, which keeps short Arabizi and English words from matching inside
longer ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.language.normalize import normalize_arabic

_ARABIC = re.compile("[\u0600-\u06ff]")
# Clitics that glue onto Arabic words: conjunctions, prepositions and the article.
_AR_PREFIX = "(?:[وفبلك]?(?:ال|لل)?)?"


def _pattern(term: str) -> str | None:
    whole = term.endswith("=")
    norm = normalize_arabic(term.rstrip("="))
    if not norm:
        return None
    body = r"\s+".join(re.escape(part) for part in norm.split())
    prefix = _AR_PREFIX if _ARABIC.match(norm) else ""
    end = r"(?![^\W_])" if whole else ""
    return rf"(?<![^\W_]){prefix}{body}{end}"


def compile_terms(terms: Iterable[str]) -> re.Pattern[str]:
    """Compile terms into one alternation that matches any of them in normalised text."""
    parts = [p for p in (_pattern(t) for t in terms) if p]
    if not parts:
        return re.compile(r"(?!x)x")
    # Longest first so multi-word terms win over their first word.
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts))


def token_index(text: str, offset: int) -> int:
    """Index of the word containing a character offset in normalised (single-spaced) text."""
    return text.count(" ", 0, offset)
