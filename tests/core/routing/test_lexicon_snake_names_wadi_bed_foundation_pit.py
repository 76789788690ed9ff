"""Twenty-fourth category pass (issue 17): words an emergency's category turns on, read in every
form. A snake by its name ("cobra", "viper", افعى, "af3a") is a pest, as "snake" and ثعبان were;
a wadi's bed (مجرى الوادي, "majra el wadi") is where flood water runs, so it reads as rain and the
Arabizi "majra" (a channel) no longer reaches sewage (مجاري) by its consonants; a site's
foundation pit (حفرة الاساسات, "foundation pit") is building work. Look-alikes keep out: sewage
said as "majari" still reads as sewage, and a district called Wadi Kabir is no flood."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).lower().split())[0]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("a cobra under the car", "insect"),
        ("there is a viper by the door", "insect"),
        ("أفعى في الحوش", "insect"),
        ("af3a kbeera fil 7oosh", "insect"),
        ("el 3iyal 3ind majra el wadi", "rain"),
        ("مجرى الوادي مسدود بالتراب", "rain"),
        ("a deep foundation pit next to the school", "construction"),
        ("حفرة الأساسات مفتوحة", "construction"),
    ],
)  # fmt: skip
def test_a_word_names_its_concept(text: str, concept: str) -> None:
    assert concept in _tokens(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el 3iyal 3ind majra el wadi", "sewage"),
        ("حفرة في الوادي الكبير", "rain"),
    ],
)  # fmt: skip
def test_a_look_alike_does_not(text: str, concept: str) -> None:
    assert concept not in _tokens(text)


def test_sewage_said_as_majari_still_reads_as_sewage() -> None:
    assert "sewage" in _tokens("el majari tafha 3ind el bait")
