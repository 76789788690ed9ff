"""Phone numbers in one form, E.164 (`+96891234567`), so one number finds one contact.

Citizens type numbers every way (`9123 4567`, `0096891234567`, `+968 9123-4567`); WhatsApp
gives them without the plus. `phonenumbers` (Google's libphonenumber) reads them all, with
Oman as the region for numbers written without a country code. An extension ("ext 5",
"x 5", "تحويلة 5") is kept after the number as RFC 3966 writes it (`+96824123456;ext=5`): a
call back to an office line needs it, and the form reads back the same way.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

DEFAULT_REGION = "OM"
_SEPARATORS = re.compile(r"[\s\-().]")
# What people write before an extension that libphonenumber does not read (it reads "ext",
# "x", "#", "extension" and RFC 3966's ";ext="): the Arabic words for it.
_ARABIC_EXTENSION = re.compile(r"\s*(?:تحويلة|تحويله|داخلي|فرعي)\s*[:.]?\s*")
# A trailing extension as typed into a form, split off before the number's digits are checked.
_EXTENSION = re.compile(
    r"\s*(?:;\s*ext\s*=|ext\.?|extension|x|#|تحويلة|تحويله|داخلي|فرعي)\s*[:.]?\s*(\d{1,7})\s*$",
    re.IGNORECASE,
)


def without_separators(typed: str) -> str:
    """A typed number without what people put between its digits: spaces, dashes, brackets,
    dots, and the invisible direction marks and joiners (Unicode Cf) a number copied from an
    Arabic page or contact card carries around or inside it."""
    return "".join(ch for ch in _SEPARATORS.sub("", typed) if unicodedata.category(ch) != "Cf")


def split_extension(typed: str) -> tuple[str, str | None]:
    """`typed` without a trailing extension ("ext 5", "x5", "#5", "تحويلة 5"), and the
    extension's digits (None when there is none)."""
    found = _EXTENSION.search(typed)
    if found is None or not typed[: found.start()].strip():
        return typed, None
    return typed[: found.start()], found.group(1)


def normalize_phone(text: str | None, region: str = DEFAULT_REGION) -> str | None:
    """The number in E.164 with its extension, if any, as `;ext=N` (RFC 3966), or None when
    it is not a possible phone number."""
    if not text or not text.strip():
        return None
    raw = _ARABIC_EXTENSION.sub(" ext ", text.strip())
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not number.extension:
        return e164
    extension = "".join(str(unicodedata.digit(ch)) for ch in number.extension)
    return f"{e164};ext={extension}"


def normalize_typed_phone(typed: str, shape: re.Pattern[str]) -> str | None:
    """A number typed into a form (separators already removed by the caller are fine; `00`
    for +) in E.164 with its extension, if its digits have the form's `shape`; else None."""
    main, extension = split_extension(typed)
    digits = without_separators(main)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if not shape.match(digits):
        return None
    return normalize_phone(f"{digits};ext={extension}" if extension else digits)


def phones_as_national_numbers(text: str, region: str = DEFAULT_REGION) -> str:
    """`text` with each phone number written any way (`0096891234567`, `00968 9123 4567`,
    `+968-9123-4567`) replaced by its national number, which is inside the E.164 form
    (`+96891234567`): what staff search for a number typed as the caller wrote it."""
    for match in reversed(list(phonenumbers.PhoneNumberMatcher(text, region))):
        national = str(match.number.national_number)
        text = f"{text[: match.start]} {national} {text[match.end :]}"
    return text
