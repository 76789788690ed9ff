"""Texts only WhatsApp uses (the rating list's labels), in Arabic and English.

They live in `locale/<language>/LC_MESSAGES/whatsapp.po` beside this module, read on first
use; the citizen texts every channel shares stay in core's `balagh.po`.
"""

from __future__ import annotations

from core.language.catalog import load_catalog

# The row ids of the rating list, the only interactive message we send: a reply's id acts
# only when it is one of these (channels.whatsapp.normalize).
RATING_IDS = tuple(str(r) for r in range(1, 6))
PACKAGE = "channels.whatsapp"
DOMAIN = "whatsapp"


def wa_text(key: str, language: str | None) -> str:
    """A WhatsApp text in `language`, Arabic when the language is unknown (Oman's default)."""
    texts = load_catalog(PACKAGE, DOMAIN)
    chosen = language if language is not None and language in texts else "ar"
    return texts[chosen][key]
