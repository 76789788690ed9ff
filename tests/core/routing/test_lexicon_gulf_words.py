"""Gulf and Omani everyday words for vehicles and animals reach their concepts (issue 17, tenth
pass): "موتر" is a car and "بوش" camels, in Arabic script and in Arabizi."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("موتر مترك جنب البيت", "vehicle"),
        ("fi mooter 5arban jamb el bait", "vehicle"),
        ("تريله واقفه في السكه من شهر", "vehicle"),
        ("el bosh fi el sikka kil lail", "animal"),
        ("بوش سايبه عند المزارع", "animal"),
        ("ثور شارد في الحاره", "animal"),
        ("tees shard fi el 7ara", "animal"),
    ],
)
def test_gulf_words_for_vehicles_and_animals_reach_their_concept(text: str, concept: str) -> None:
    assert concept in concepts(normalize_arabic(text).split())
