"""Every word on the citizen pages, in Arabic and English.

The texts live in the gettext catalogs `locale/<language>/LC_MESSAGES/citizen.po` next to this
module, read on first use (`core.language.catalog.load_catalog`). The Arabic is written the way
the municipality addresses a citizen (polite Modern Standard Arabic, plural of respect), not
translated word for word. Templates call `t(key)`; status names come from core's catalog
(`core.language.texts.status_label`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from channels.web.citizen.photos import FORMAT_NAMES, MAX_PHOTO_BYTES
from core.language.catalog import LANGUAGES, load_catalog, plural_form
from core.language.texts import isolate

PACKAGE = "channels.web.citizen"
DOMAIN = "citizen"
DEFAULT_LANGUAGE = "ar"
# Values that stand inside a sentence (a reference, a file name): bidi-isolated where their
# direction may differ from the text's, so "MCT-000123" or "photo (1).png" keeps its order.
INLINE_PARAMS = frozenset({"reference", "filename"})


def catalog() -> Mapping[str, Mapping[str, str]]:
    """Language -> key -> text of the pages' catalog (read once, then cached)."""
    return load_catalog(PACKAGE, DOMAIN)


def text(key: str, language: str, **params: object) -> str:
    """The page text `key` in `language` (Arabic when unknown), with `{params}` filled."""
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    value = catalog()[lang][key]
    for name, fact in FACTS.items():
        if "{" + name + "}" in value and name not in params:
            params = {**params, name: fact(lang)}
    if not params:
        return value
    values = {
        name: isolate(str(param), lang) if name in INLINE_PARAMS else param
        for name, param in params.items()
    }
    return value.format(**values)


def photo_formats(language: str) -> str:
    """The photo formats the server accepts, as a list a citizen reads ("JPG, PNG or GIF")."""
    texts = catalog()[language if language in LANGUAGES else DEFAULT_LANGUAGE]
    names = [name for name, _ in FORMAT_NAMES.values()]
    if len(names) == 1:
        return names[0]
    return texts["list_or_between"].join(names[:-1]) + texts["list_or_last"] + names[-1]


def photo_megabytes(_language: str) -> str:
    """The per-photo size limit the server enforces, in whole megabytes ("10")."""
    return str(MAX_PHOTO_BYTES // (1024 * 1024))


# Facts the texts state, filled in from the code that enforces them, so the words the citizen
# reads cannot drift from the rule (a text names them as {formats}, {photo_megabytes}).
FACTS: dict[str, Callable[[str], str]] = {
    "formats": photo_formats,
    "photo_megabytes": photo_megabytes,
}


def counted(key: str, n: int, language: str) -> str:
    """The text `key.<form>` for `n` ("3 أيام", "11 يومًا"), with `{n}` filled."""
    return text(f"{key}.{plural_form(n)}", language, n=n)
