"""Texts only the Telegram bot uses (buttons, command answers), in Arabic and English.

They live in the gettext catalogs `locale/<language>/LC_MESSAGES/telegram.po` next to this
module, read on first use (`core.language.catalog.load_catalog`). The citizen texts shared
with other channels (greeting and help, acknowledgement, errors) stay in core's `balagh.po`.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.language.catalog import load_catalog
from core.language.texts import BOTH_SEPARATOR, FSI, LANGUAGES, PDI

PACKAGE = "channels.telegram"
DOMAIN = "telegram"

# Each language's own name: the /language buttons show them as they are, never translated.
LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}


def catalog() -> Mapping[str, Mapping[str, str]]:
    """Language -> key -> text of the bot's catalog (read once, then cached)."""
    return load_catalog(PACKAGE, DOMAIN)


def bot_text(key: str, language: str | None, **params: object) -> str:
    """A bot text in `language`, or Arabic then English when the language is unknown."""
    languages = (language,) if language in LANGUAGES else LANGUAGES
    texts = catalog()
    parts = []
    for lang in languages:
        values = dict(params)
        if lang == "ar" and "reference" in values:  # keep "MCT-000123" intact in RTL text
            values["reference"] = f"{FSI}{values['reference']}{PDI}"
        parts.append(texts[lang][key].format(**values))
    return BOTH_SEPARATOR.join(parts)


def button_label(key: str, language: str | None) -> str:
    """A short label for a button: one language, Arabic when unknown (buttons are small)."""
    return catalog()[language if language in LANGUAGES else "ar"][key]
