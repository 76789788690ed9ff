"""Sixteenth category pass (issue 17): sarcasm worded as praise of the service with a count
of periods ("really great service, third week and no collection", "ثالث اسبوع", "since Eid")
reads as the problem, in every form; what is left in heaps after works is dumping; a labour
camp is where workers live (its own concept), not building work; broken plurals of meat and
butchers are food."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _view(text: str) -> tuple[list[str], list[str]]:
    return concept_view(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "praise_word"),
    [
        ("Really great service guys, third week and nobody has emptied our bins", "great"),
        ("شكرا على الخدمه الرائعه، الحاويه مليانه للاسبوع الثالث", "الرائعه"),  # MSA
        ("مشكورين على الخدمه الممتازه، ثالث اسبوع والزباله ما احد شالها", "مشكورين"),  # Gulf
        ("mashkoreen 3ala el 5idma el momtaza, el layt 6afi min el 3eed", "mashkoreen"),  # Arabizi
        ("amazing service 👏 الليت طافي since Ramadan", "amazing"),  # mixed
    ],
)  # fmt: skip
def test_praise_for_a_problem_counted_in_periods_is_not_thanks(text: str, praise_word: str) -> None:
    tokens, said = _view(text)
    assert "~thanks" in tokens and "thanks" not in tokens
    assert praise_word not in said  # no view reads the praise as the message


@pytest.mark.parametrize(
    "text",
    [
        "great service, they emptied the bins the same day, thank you",
        "the lamp was dead since Ramadan but they fixed it, thanks",  # lasted and ended
        "شكرا على الخدمه الرائعه",
        "thanks, the third team that came fixed it",  # an ordinal, no unit of time
        "ashkurkom, el 3amood rakkabooh lamba jdeeda thaani yom",  # the next day: quick
        "شكرا، صلحوا الليت ثاني يوم",
    ],
)
def test_praise_with_no_count_of_time_left_stays_thanks(text: str) -> None:
    tokens, _ = _view(text)
    assert "thanks" in tokens and "~thanks" not in tokens


@pytest.mark.parametrize(
    "text",
    [
        "the crew left mounds of soil along the verge after the resurfacing",
        "بقاء اكوام الرمل على جانب الطريق بعد المشروع",  # MSA
        "الشركه خلت كومه رمل عند باب البيت",  # Gulf
        "el sharika 5allat akwam asfalt 3ala jamb el sikka",  # Arabizi
        "the pipeline works خلصت بس the earth still in heaps عند المسجد",  # mixed
    ],
)
def test_heaps_left_after_works_are_dumping(text: str) -> None:
    tokens, _ = _view(text)
    assert "dumping" in tokens


@pytest.mark.parametrize(
    "text",
    [
        "sakan el 3ummal wara el ma7atta malyan bag",
        "the labour camp rooms are full of bed bugs",
        "سكن العمال مليان بق",
    ],
)
def test_a_labour_camp_is_lodging_not_building_work(text: str) -> None:
    tokens, _ = _view(text)
    assert "lodging" in tokens and "insect" in tokens
    assert "construction" not in tokens


@pytest.mark.parametrize(
    ("text", "also"),
    [
        ("el jaar 7awwal el villa sakan 3ummal bdoon tasree7", "violation"),
        ("the villa became a labour camp for forty workers", None),
    ],
)
def test_a_villa_turned_into_lodging_is_lodging(text: str, also: str | None) -> None:
    tokens, _ = _view(text)
    assert "lodging" in tokens and "construction" not in tokens
    assert also is None or also in tokens


@pytest.mark.parametrize(
    "text", ["عرض اللحوم مكشوفه تحت الشمس", "الملاحم في السوق بلا تبريد"]
)  # fmt: skip
def test_broken_plurals_of_meat_and_butchers_are_food(text: str) -> None:
    tokens, _ = _view(text)
    assert "food" in tokens
