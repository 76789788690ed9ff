"""Dates in words on every web page: one helper (channels/web/dates.py), Babel's month names."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from channels.web.citizen.texts import catalog
from channels.web.dates import long_date, short_date

OMAN = timezone(timedelta(hours=4))
# The status page's month names before they came from Babel (its catalog's month.1-12)
ARABIC_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@pytest.mark.parametrize(("lang", "months"), [("ar", ARABIC_MONTHS), ("en", ENGLISH_MONTHS)])
def test_the_status_pages_dates_read_as_they_did_in_both_languages(
    lang: str, months: tuple[str, ...]
) -> None:
    for number, month in enumerate(months, start=1):
        assert long_date(datetime(2025, number, 12, 9, tzinfo=OMAN), lang) == f"12 {month} 2025"


def test_a_date_with_its_time_keeps_each_languages_comma() -> None:
    moment = datetime(2025, 5, 12, 14, 5, tzinfo=OMAN)
    assert long_date(moment, "ar", with_time=True) == "12 مايو 2025، 14:05"
    assert long_date(moment, "en", with_time=True) == "12 May 2025, 14:05"
    assert long_date(moment, "fr") == "12 مايو 2025"  # any other language: Arabic


def test_the_citizen_pages_and_the_inbox_name_a_month_alike() -> None:
    """Month names came from two sources, the citizen catalog's and Babel's (the inbox):
    now the citizen catalog holds none, and the inbox's short Arabic names are the same words."""
    assert not [key for key in catalog()["ar"] if key.startswith("month.")]
    today = date(2026, 12, 7)
    for number, month in enumerate(ARABIC_MONTHS, start=1):
        assert short_date(datetime(2026, number, 5, 8, tzinfo=OMAN), today, "ar") == f"5 {month}"


def test_a_short_date_has_the_time_today_and_the_year_in_another_year() -> None:
    today = date(2026, 12, 7)
    assert short_date(datetime(2026, 12, 7, 14, 5, tzinfo=OMAN), today, "en") == "7 Dec 14:05"
    assert short_date(datetime(2025, 12, 5, 8, tzinfo=OMAN), today, "en") == "5 Dec 2025"
    assert short_date(datetime(2026, 5, 5, 8, tzinfo=OMAN), today, "ar") == "5 مايو"
