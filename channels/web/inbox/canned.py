"""Canned replies staff pick from, in both languages, with placeholders filled per ticket.

Their words are in the inbox's catalog (`canned_label_<key>`: the choice's name,
`canned_text_<key>`: the text), like every other inbox word.
"""

from __future__ import annotations

from dataclasses import dataclass

from channels.web.inbox.i18n import words
from core.language.catalog import LANGUAGES, defaults
from core.language.texts import ByLanguage

# In the order the ticket page offers them.
CANNED_KEYS = ("received", "need_location", "team_dispatched", "not_municipal")


@dataclass(frozen=True)
class Canned:
    key: str
    label: dict[str, str]
    text: dict[str, str]


def canned_replies() -> tuple[Canned, ...]:
    """Every canned reply with its name and text in each language (from the catalog)."""
    return tuple(
        Canned(
            key,
            {lang: words(lang)[f"canned_label_{key}"] for lang in LANGUAGES},
            {lang: words(lang)[f"canned_text_{key}"] for lang in LANGUAGES},
        )
        for key in CANNED_KEYS
    )


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_canned(key: str, language: str | None, **params: str | ByLanguage | None) -> str | None:
    """The canned text in the ticket's language (Arabic when unknown), or None if no such key;
    a value worded in each language (`ByLanguage`) is taken in the text's."""
    if key not in CANNED_KEYS:
        return None
    lang = language if language in ("ar", "en") else "ar"
    values = _Keep(
        {k: v.in_language(lang) if isinstance(v, ByLanguage) else v for k, v in params.items() if v}
    )
    values.setdefault("name", "")  # "Hello , ..." is tidied below
    # No directorate yet reads as the system texts say it ("the department responsible").
    values.setdefault("directorate", defaults(lang).get("directorate", ""))
    text = words(lang)[f"canned_text_{key}"].format_map(values)
    return text.replace("  ", " ").replace(" ,", ",").replace(" ،", "،")
