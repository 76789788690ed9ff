"""The gettext catalogs (Babel) of the texts Balagh sends citizens, in Arabic and English.

The texts live in `locale/<language>/LC_MESSAGES/balagh.po`. Each msgid is a stable key:
`ack` for a message body, `subject.ack` for an email subject, `status.closed` for a ticket
status, `default.directorate` for what an empty optional parameter reads as and `page.satisfaction`
for the text a citizen reads on the status page instead of `satisfaction`, where "reply to this
message" has no meaning (`texts.render_on_page`). A msgstr keeps
its `{name}` fields for `texts.render`. The .po files are parsed once, on first use, so there
is no build step at install time and no catalog load at start-up.

Channels keep their own texts the same way: `load_catalog("channels.telegram", "telegram")`
reads `channels/telegram/locale/<language>/LC_MESSAGES/telegram.po` for every language.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "balagh"
LANGUAGES = ("ar", "en")
SUBJECT = "subject."
STATUS = "status."
DEFAULT = "default."
PAGE = "page."


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
    return read_catalog(catalog_path(language), DOMAIN)


def locale_path(package: str, domain: str, language: str) -> Path:
    """`<package dir>/locale/<language>/LC_MESSAGES/<domain>.po` (the package is not imported)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise CatalogError(f"{package!r} is not a package")
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


@cache
def load_catalog(package: str, domain: str) -> Mapping[str, Mapping[str, str]]:
    """Language -> msgid -> msgstr of `domain`'s catalogs in `package` (read once, read-only).

    Every language must hold the same msgids, so a text never exists in one language only.
    """
    found = {
        language: read_catalog(locale_path(package, domain, language), domain)
        for language in LANGUAGES
    }
    first, *others = LANGUAGES
    for language in others:
        differing = sorted(set(found[first]) ^ set(found[language]))
        if differing:
            raise CatalogError(
                f"{package}/{domain}: {first} and {language} differ in: {', '.join(differing)}"
            )
    return MappingProxyType(found)


def read_catalog(path: Path, domain: str) -> Mapping[str, str]:
    """Every msgid -> msgstr of one .po file, read-only; CatalogError for an unusable entry."""
    # Imported here: Babel's catalog module costs ~30 ms, paid by the first text sent.
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, domain=domain, abort_invalid=True)
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


def plural_form(n: int) -> str:
    """Which counted form a number takes (Arabic's rule; English needs only one and other).

    One and two have their own words in Arabic; 3-10 take the plural, 11-99 the accusative
    singular and 100, 101... the singular, the same again past each hundred. A catalog keeps
    one text per form, `<key>.<form>`.
    """
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    rest = n % 100
    if 3 <= rest <= 10:
        return "few"
    if 11 <= rest <= 99:
        return "many"
    return "other"


def text_keys() -> tuple[str, ...]:
    """The message-body keys (msgids without a `subject.`/`status.`/`default.`/`page.` prefix),
    sorted."""
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
