"""Dates in words, for every page of the web channel: the one place month names come from.

Month names are Babel's (CLDR), for the citizen pages and the inbox alike, so the two cannot
name a month differently. The month is always a word: numbers alone ("12-05") read as 5
December to some and 12 May to others. English is written as Oman writes it, the day before
the month ("12 May 2025", where Babel's "en" says "May 12, 2025").
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_skeleton

# Babel's locale for each page language; Arabic for any other
BABEL_LOCALES = {"ar": "ar", "en": "en_GB"}
DEFAULT_LANGUAGE = "ar"
# Between a date and its time of day: the Arabic comma in Arabic
TIME_SEPARATORS = {"ar": "، ", "en": ", "}


def _locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, BABEL_LOCALES[DEFAULT_LANGUAGE])


def _format(skeleton: str, moment: datetime, lang: str) -> str:
    return format_skeleton(skeleton, moment, tzinfo=moment.tzinfo, locale=_locale(lang))


def long_date(moment: datetime, lang: str, *, with_time: bool = False) -> str:
    """The date with the month's full name ("12 مايو 2025", "12 May 2025"), as the moment's
    own clock reads it, and its time of day when asked ("12 May 2025, 14:05")."""
    day = _format("yMMMMd", moment, lang)
    if not with_time:
        return day
    separator = TIME_SEPARATORS.get(lang, TIME_SEPARATORS[DEFAULT_LANGUAGE])
    return f"{day}{separator}{_format('Hm', moment, lang)}"


def short_date(moment: datetime, today: date, lang: str) -> str:
    """A date for a narrow column: the month's short name ("5 Dec", "5 ديسمبر"), with the time
    when it is `today` ("5 Dec 14:05") and the year when it is another year's ("5 Dec 2025")."""
    if moment.year != today.year:
        return _format("yMMMd", moment, lang)
    day = _format("MMMd", moment, lang)
    if moment.date() != today:
        return day
    return f"{day} {_format('Hm', moment, lang)}"
