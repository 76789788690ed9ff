"""Twelfth pass (issue 17): an Arabizi word reaches the concept of the lexicon's own Arabizi
spelling of it by a loose key (vowels and glides after the first consonant dropped, on top of
the spelling key), so "metroka", "7adiga" and "seekal" meet the listed "matrooka", "7adeeqa"
and "saikal" without listing them. Everyday words and places with the same key stay apart."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts, loose_key


def _concepts(text: str) -> list[str]:
    return concepts(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("syaara metroka min 3eed el fi6r", "abandoned"),
        ("seekal bdoon raqam marbo6 fil 3amood", "vehicle"),
        ("el 7adiga 7ag el 7ara ma fiha 3ushb", "park"),
        ("gi6a6 wayed fil 3imara", "animal"),
        ("b3ir mayyit 3ala el 6areeq", "animal"),
        ("fi lansh 3ala trailla fil mawgif", "vehicle"),
    ],
)
def test_another_spelling_of_a_listed_arabizi_word_reaches_its_concept(
    text: str, concept: str
) -> None:
    assert concept in _concepts(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el 7ufra gareeb min el beit", "vehicle"),  # gareeb (near), not gaarib (a boat)
        ("fi 7ufra fil mawaleh", "danger_structure"),  # a place, not mayleh (leaning)
        ("el layt 6afi fil 3imara", "vehicle"),
    ],
)
def test_everyday_words_and_places_do_not_reach_by_loose_key(text: str, concept: str) -> None:
    assert concept not in _concepts(text)


def test_the_loose_key_joins_spellings_and_needs_four_letters() -> None:
    assert loose_key("matrooka") == loose_key("metroka")
    assert loose_key("7adeeqa") == loose_key("7adiga")
    assert loose_key("sayyara") == ""  # "sra" says too little
