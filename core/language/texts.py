"""Render the citizen texts (gettext catalogs, see `catalog`) in the citizen's language or both.

Inline values (a reference, a directorate name) are wrapped in Unicode bidi isolates inside
Arabic text, so "MCT-000123" or a Latin name keeps its order in a right-to-left sentence.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

from core.language.catalog import (
    LANGUAGES,
    PAGE,
    STATUS,
    SUBJECT,
    defaults,
    messages,
    text_keys,
)

BOTH_SEPARATOR = "\n\n"
SUBJECT_SEPARATOR = " / "
FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
INLINE_PARAMS = frozenset({"reference", "original", "directorate", "directorate_name"})
ARABIC_RE = re.compile("[\u0600-\u06ff]")


class MissingParameterError(TypeError):
    """A text was rendered without a parameter it needs."""


class ByLanguage(dict[str, str]):
    """A parameter worded in each language (a directorate's name) for a text whose language is
    unknown: each language's part of the text takes its own wording, so the English part does
    not name the Arabic directorate; alone, as str(), it reads "Arabic / English"."""

    def __str__(self) -> str:
        return SUBJECT_SEPARATOR.join(self[lang] for lang in LANGUAGES if lang in self)

    def in_language(self, language: str) -> str:
        return self.get(language) or str(self)


Then = str | tuple[str, ...] | None


def render(key: str, language: str | None, *, then: Then = None, **params: object) -> str:
    """The text `key` in `language`; None (or an unknown language) gives Arabic then English.

    `then` names a text (or texts, in order) added after it in each language (a paragraph of
    its own, from the same parameters), so that both languages' parts stay whole.
    """
    return _render(key, _templates(key), language, params, then)


def render_on_page(key: str, language: str | None, *, then: Then = None, **params: object) -> str:
    """`render`, as the citizen reads the text on their report's page, which has its own
    form to write to us: the catalog's `page.<key>` where the text says to reply to a
    message, else the text itself."""
    templates = _templates(key)
    if PAGE + key in messages(LANGUAGES[0]):
        templates = {lang: messages(lang)[PAGE + key] for lang in LANGUAGES}
    return _render(key, templates, language, params, then)


def _render(
    key: str,
    templates: Mapping[str, str],
    language: str | None,
    params: Mapping[str, object],
    then: Then = None,
) -> str:
    _check_params(key, templates, params)
    languages = _languages(language)
    parts = [_fill(templates[lang], lang, params) for lang in languages]
    for following in (then,) if isinstance(then, str) else then or ():
        after = _templates(following)
        _check_params(following, after, params)
        parts = [
            f"{part}{BOTH_SEPARATOR}{_fill(after[lang], lang, params)}"
            for part, lang in zip(parts, languages, strict=True)
        ]
    return BOTH_SEPARATOR.join(parts)


def subject(key: str, language: str | None, **params: object) -> str:
    """An email subject line "[REF] ..." for text `key`; any other key gets a generic one."""
    reference = params.get("reference")
    msgid = SUBJECT + key
    if msgid not in messages(LANGUAGES[0]):
        msgid = SUBJECT + ("error" if key.startswith("error_") else "update")
    languages = _languages(language)
    phrase = SUBJECT_SEPARATOR.join(messages(lang)[msgid] for lang in languages)
    if reference is None:
        return phrase
    # No direction marks: an invisible character before the reference would break the
    # "[REF]" mail clients and filters match, and a subject line is isolated on its own.
    return f"[{reference}] {phrase}"


def status_label(status: str, language: str | None) -> str:
    """A ticket status in plain words for the citizen (both languages when None)."""
    msgid = STATUS + str(status).rsplit(".", 1)[-1].lower()
    return SUBJECT_SEPARATOR.join(messages(lang)[msgid] for lang in _languages(language))


def status_line(reference: str, status: str, language: str | None) -> str:
    """One ticket's state for the citizen ("• MCT-000123 — ..."): Telegram's /status list and
    the answer to a status question written in chat say it the same way."""
    shown = reference if language == "en" else f"{FSI}{reference}{PDI}"
    return f"• {shown} — {status_label(status, language)}"


def keys() -> tuple[str, ...]:
    """Every text key `render` knows, sorted."""
    return text_keys()


def _templates(key: str) -> dict[str, str]:
    """Language -> template of a message-body key; KeyError for anything else."""
    if "." in key:  # subject.*, status.* and default.* are not texts of their own
        raise KeyError(key)
    return {lang: messages(lang)[key] for lang in LANGUAGES}


def _languages(language: str | None) -> tuple[str, ...]:
    return (language,) if language in LANGUAGES else LANGUAGES


def _check_params(key: str, templates: Mapping[str, str], params: Mapping[str, object]) -> None:
    needed = {
        field
        for template in templates.values()
        for _, field, _, _ in string.Formatter().parse(template)
        if field
    }
    optional = defaults(LANGUAGES[0])
    missing = sorted(f for f in needed if f not in params and f not in optional)
    if missing:
        raise MissingParameterError(f"text {key!r} needs parameter(s): {', '.join(missing)}")


def _fill(template: str, language: str, params: Mapping[str, object]) -> str:
    optional = defaults(language)
    values: dict[str, object] = dict(optional)
    for name, value in params.items():
        if value is None and name in optional:
            continue
        if isinstance(value, ByLanguage):
            value = value.in_language(language)
        values[name] = isolate(str(value), language) if name in INLINE_PARAMS else value
    return template.format_map(values)


def isolate(value: str, language: str) -> str:
    """Wrap an inline value in bidi isolates where the surrounding direction differs."""
    if language == "ar" or ARABIC_RE.search(value):
        return f"{FSI}{value}{PDI}"
    return value
