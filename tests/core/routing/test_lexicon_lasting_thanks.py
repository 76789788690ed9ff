"""Fourteenth pass (issue 17): thanks for a problem that has lasted is sarcasm ("مشكورين
والله، الليت له شهرين طافي", "thanks a lot, the lamp has been dead for three months"), in every
form: the thanks becomes "~thanks" and its words leave the views, so the message reads as the
light out. Thanks for a problem fixed, even one that lasted, stays thanks; and "months" says
how long, not that a car was left ("lasting", no longer "abandoned")."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _view(text: str) -> tuple[list[str], list[str]]:
    return concept_view(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "thanks_word"),
    [
        ("مشكورين والله، الليت له شهرين طافي", "مشكورين"),  # Gulf
        ("شكرا جزيلا، فعمود الاناره امام منزلنا مطفا منذ ثلاثه اشهر", "شكرا"),  # MSA
        ("Thanks a lot, really, the lamp outside our block has been dead for three months now",
         "thanks"),  # English
        ("mashkoreen wallah, el layt 7ag sikkatna 6afi min shahrain", "mashkoreen"),  # Arabizi
        ("thank you so much، الـ street light في سكتنا طافي من اسبوعين", "thank"),  # mixed
    ],
)  # fmt: skip
def test_thanks_for_a_problem_that_has_lasted_is_not_thanks(text: str, thanks_word: str) -> None:
    tokens, said = _view(text)
    assert "~thanks" in tokens and "thanks" not in tokens
    assert thanks_word not in said  # no view reads the thanks as the message


@pytest.mark.parametrize(
    "text",
    [
        "thank you for fixing the light that was out for two weeks",
        "مشكورين صلحوا الليت اللي كان طافي من شهر",
        "shukran, 9alla7ooh ba3d usboo3",
        "thank you for the quick response, great job",  # no duration at all
        "شكرا على سرعه الاستجابه",
    ],
)
def test_thanks_for_work_done_keeps_its_words(text: str) -> None:
    tokens, said = _view(text)
    assert "thanks" in tokens and "~thanks" not in tokens
    assert len(said) == len(normalize_arabic(text).split())


@pytest.mark.parametrize(
    "text",
    [
        "the lamp has been dead for months",
        "الليت طافي من شهور",
        "el layt 6afi min shhoor",
    ],
)
def test_months_say_how_long_not_that_something_was_left(text: str) -> None:
    tokens, _ = _view(text)
    assert "lasting" in tokens and "abandoned" not in tokens


@pytest.mark.parametrize(
    "text",
    [
        "an abandoned car has been left there for months",
        "سياره متروكه من شهور",
        "sayyara matrooka min shhoor",
    ],
)
def test_a_car_left_is_still_abandoned(text: str) -> None:
    assert "abandoned" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "بس حبيت اشكر الشباب، السياره الخربانه كانت واقفه من سنه",
        "thanks to the team, the wreck was there for months",
        "shukran, el sayyara kaanat waagfa min sana",
    ],
)
def test_thanks_for_a_problem_that_lasted_and_ended_stays_thanks(text: str) -> None:
    assert "thanks" in _view(text)[0]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("غطا المنهول اللي كان منكسر بدلوه اليوم، مشكورين", "manhole"),  # Gulf
        ("تم اصلاح الاسلاك المكشوفه في عمود الاناره، نشكر فريق الصيانه", "wires"),  # MSA
        ("The drain cover was flipped last week and your team fixed it the same evening. "
         "Thank you", "manhole"),  # English
        ("el waayer elli kanat 6al3a mn el 3amood 9alla7oha el yom, mashkoorin", "wires"),
        ("Thanks، the exposed wires اللي كانت near the school تم اصلاحها", "wires"),  # mixed
    ],
)  # fmt: skip
def test_thanks_for_a_fix_puts_the_fixed_problem_second(text: str, problem: str) -> None:
    tokens, _ = _view(text)
    assert "thanks" in tokens and f"~{problem}" in tokens and problem not in tokens


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Please get the broken light fixed. Thank you", "light"),  # the fix is asked for
        ("Thanks for removing the car last time. Now there is another car dumped", "vehicle"),
        ("the fence was repaired, thanks, but the water is green and smells", "smell"),
        ("مشكورين صلحوا الحفره بس الحين رجعت", "pothole"),
        ("shukran 9alla7ooh bas el layt ba3dah 6afi", "light"),  # still there
    ],
)
def test_a_fix_asked_for_or_followed_by_a_problem_keeps_it(text: str, problem: str) -> None:
    assert problem in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "thanks a lot for fixing the road, oh wait it's broken again",  # English
        "شكرا على تصليح الشارع، وبعد اسبوع رجعت الحفر",  # Gulf
        "نشكركم على اصلاح الاناره، لكن عاد الظلام بعد يومين",  # MSA
        "shukran 3ala ta9lee7 el shari3, w ba3d usboo3 rij3at el 7ufar",  # Arabizi
        "thank you على تصليح الـ street light، بس رجع طافي",  # mixed
    ],
)
def test_thanks_for_a_fix_that_came_back_is_not_thanks(text: str) -> None:
    tokens, _ = _view(text)
    assert "~thanks" in tokens and "thanks" not in tokens
