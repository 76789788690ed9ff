"""Phone numbers in one form, E.164 (`+96891234567`), so one number finds one contact.

Citizens type numbers every way (`9123 4567`, `0096891234567`, `+968 9123-4567`); WhatsApp
gives them without the plus. `phonenumbers` (Google's libphonenumber) reads them all, with
Oman as the region for numbers written without a country code.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

DEFAULT_REGION = "OM"
_SEPARATORS = re.compile(r"[\s\-().]")


def without_separators(typed: str) -> str:
    """A typed number without what people put between its digits: spaces, dashes, brackets,
    dots, and the invisible direction marks and joiners (Unicode Cf) a number copied from an
    Arabic page or contact card carries around or inside it."""
    return "".join(ch for ch in _SEPARATORS.sub("", typed) if unicodedata.category(ch) != "Cf")


def normalize_phone(text: str | None, region: str = DEFAULT_REGION) -> str | None:
    """The number in E.164, or None when it is not a possible phone number."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phones_as_national_numbers(text: str, region: str = DEFAULT_REGION) -> str:
    """`text` with each phone number written any way (`0096891234567`, `00968 9123 4567`,
    `+968-9123-4567`) replaced by its national number, which is inside the E.164 form
    (`+96891234567`): what staff search for a number typed as the caller wrote it."""
    for match in reversed(list(phonenumbers.PhoneNumberMatcher(text, region))):
        national = str(match.number.national_number)
        text = f"{text[: match.start]} {national} {text[match.end :]}"
    return text
