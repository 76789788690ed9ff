"""The inbox's own words in Arabic and English: a thin `t(key)` over gettext catalogs.

The words live in `locale/<language>/LC_MESSAGES/inbox.po` beside this module, read on first
use like every other catalog (`core.language.catalog.load_catalog`: both languages hold the
same keys, no entry is empty). Templates and views call `t(key, **params)` with a stable key,
so a template reads `t('sign_in')` rather than a sentence. A key without a word shows as
itself rather than breaking the page. Counts keep Arabic number agreement in code
(`count_phrase`: the form is chosen here, each form's words are in the catalog).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.language.catalog import LANGUAGES, load_catalog, plural_form

__all__ = [
    "LANGUAGES",
    "RTL",
    "count_phrase",
    "has_word",
    "label",
    "translate",
    "wait_phrase",
    "words",
]

PACKAGE = "channels.web.inbox"
DOMAIN = "inbox"
DEFAULT_LANGUAGE = "ar"
RTL = frozenset({"ar"})


def words(lang: str) -> Mapping[str, str]:
    """Key -> word of `lang`'s catalog (Arabic for an unknown language; read once, cached)."""
    catalogs = load_catalog(PACKAGE, DOMAIN)
    return catalogs[lang if lang in catalogs else DEFAULT_LANGUAGE]


def has_word(key: str) -> bool:
    """Whether the inbox has words for `key` (both catalogs hold the same keys)."""
    return key in words(DEFAULT_LANGUAGE)


def translate(key: str, lang: str, **params: object) -> str:
    """The word for `key` in `lang`, `{params}` filled (the key itself when there is none)."""
    text = words(lang).get(key, key)
    return text.format(**params) if params else text


def label(group: str, code: object, lang: str) -> str:
    """A stored code (a channel, a language, a message kind...) as a word in `lang`.

    The word is the catalog's `<group>_<code>`; no code reads as the group's `<group>_none`
    word (or `none`), and a code without a word shows as itself, so nothing silently
    disappears.
    """
    text = "none" if code is None or code == "" else str(code)
    key = f"{group}_{text}"
    if has_word(key):
        return translate(key, lang)
    return translate("none", lang) if text == "none" else text


def count_phrase(noun: str, n: int, lang: str) -> str:
    """`n` of `noun` ("بلاغان", "3 بلاغات", "11 بلاغًا"; "3 tickets"): the catalog's
    `<noun>.<form>`, the form chosen by Arabic number agreement (zero has its own words)."""
    form = "zero" if n == 0 else plural_form(n)
    return translate(f"{noun}.{form}", lang, n=n)


def wait_phrase(seconds: int, lang: str) -> str:
    """A wait in the unit a person reads ("45 ثانية", "3 دقائق", "ساعتين"; "2 hours"): seconds
    up to a minute and a half, then whole minutes up to an hour and a half, then whole hours,
    each rounded up so no one comes back too early (the catalog's `wait_<unit>.<form>`)."""
    if seconds <= 90:
        return count_phrase("wait_second", seconds, lang)
    if seconds <= 90 * 60:
        return count_phrase("wait_minute", math.ceil(seconds / 60), lang)
    return count_phrase("wait_hour", math.ceil(seconds / 3600), lang)
