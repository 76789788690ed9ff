"""The gettext catalogs (Babel) of the texts Balagh sends citizens, in Arabic and English.

The texts live in `locale/<language>/LC_MESSAGES/balagh.po`. Each msgid is a stable key:
`ack` for a message body, `subject.ack` for an email subject, `status.closed` for a ticket
status and `default.directorate` for what an empty optional parameter reads as. A msgstr keeps
its `{name}` fields for `texts.render`. The .po files are parsed once, on first use, so there
is no build step at install time and no catalog load at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "balagh"
LANGUAGES = ("ar", "en")
SUBJECT = "subject."
STATUS = "status."
DEFAULT = "default."


class CatalogError(RuntimeError):
    """A catalog file is missing, unreadable or holds an unusable entry."""


def catalog_path(language: str) -> Path:
    """The .po file of `language`."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LANGUAGES))
def messages(language: str) -> Mapping[str, str]:
    """Every msgid -> msgstr of `language`'s catalog (read once, then cached, read-only)."""
    if language not in LANGUAGES:
        raise KeyError(language)
    # Imported here: Babel's catalog module costs ~30 ms, paid by the first text sent.
    from babel.messages.pofile import PoFileError, read_po

    path = catalog_path(language)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, domain=DOMAIN, abort_invalid=True)
    except (OSError, PoFileError) as error:
        raise CatalogError(f"cannot read {path}: {error}") from error
    found: dict[str, str] = {}
    for message in catalog:
        if not message.id:  # the header entry
            continue
        if not isinstance(message.id, str) or not isinstance(message.string, str):
            raise CatalogError(f"{path}: {message.id!r} has plural forms, which we do not use")
        # gettext would fall back to the msgid ("ack") for these: fail loudly instead.
        if not message.string or message.fuzzy:
            raise CatalogError(f"{path}: {message.id!r} is empty or fuzzy")
        found[message.id] = message.string
    return MappingProxyType(found)


def text_keys() -> tuple[str, ...]:
    """The message-body keys (msgids without a `subject.`/`status.`/`default.` prefix), sorted."""
    return tuple(sorted(key for key in messages(LANGUAGES[0]) if "." not in key))


@lru_cache(maxsize=len(LANGUAGES))
def defaults(language: str) -> Mapping[str, str]:
    """Optional parameter name -> what a missing or None value reads as in `language`."""
    return MappingProxyType(
        {
            key.removeprefix(DEFAULT): value
            for key, value in messages(language).items()
            if key.startswith(DEFAULT)
        }
    )
