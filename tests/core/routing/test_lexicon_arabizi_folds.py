"""Eleventh pass (issue 17): how an Arabizi word reaches an Arabic concept term by its
consonant skeleton.

Everyday Arabizi words met a concept they have nothing to do with: "ba3d" (after, still) met
بعوض (mosquitoes, ض folding to د), "6al3a" (coming out) met تولع (catching fire), "gabl"
(before) met كيبل, "agdar" (I can) met قذر (filthy), "9arat" (it became) met سيارات, "nafa8"
(a tunnel) met نافق (dead), "gareeb" (near) met قارب (a boat), "9alla7oh" (they fixed it) met
الصلاحيه (expiry). Terms whose skeleton an everyday word shares are not matched by skeleton
(their Arabizi spellings are listed instead); ق keeps apart from ك ("muraaqaba", monitoring,
no longer meets مركبه, a vehicle); and a term's own first letter is never taken for a clitic
(برميل is not ب + رميل, so "raml", sand, is no container; بلكونه is not ب + لكونه, "lakin").

Spellings that did not reach their term now do: 6 also writes ظ ("mowa6af" موظف), 9 also ض
("9oo2" ضوء), th also ذ ("thibbaan" ذبان)."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts


def _concepts(text: str) -> list[str]:
    return concepts(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el shari3 ba3d ma t9alla7", "insect"),
        ("el may 6al3a min el arth", "fire"),
        ("gabl usboo3 9ar 7adith", "wires"),
        ("ma agdar amshi fil sikka", "hygiene"),
        ("el sikka 9arat kilha 7ufar", "vehicle"),
        ("el may wagif fil nafa8 ta7t el jisr", "animal"),
        ("gareeb min el masjid fi 7ufra", "vehicle"),
        ("shukran 9alla7oh el 7een", "hygiene"),
        ("burj el muraaqaba mitshaggig", "vehicle"),
        ("el raml wayed 3al 6ariq", "container"),
        ("lakin ma 7ad ja", "structure_part"),
        ("el mas2ool ma rad 3alaina", "beach"),
        ("el 7arami jibt el shay", "food"),
        ("kil yom nahar w lail", "danger_structure"),
    ],
)
def test_an_everyday_arabizi_word_does_not_reach_a_term_it_only_shares_a_skeleton_with(
    text: str, concept: str
) -> None:
    assert concept not in _concepts(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el ba3ooth wayed 3indna", "insect"),
        ("el bait feeh 7areeq", "fire"),
        ("el kaibel maksoor", "wires"),
        ("sayyarat wagfa min shuhoor", "vehicle"),
        ("el sayarat ma tigdar tmurr", "vehicle"),
        ("el 7aawiya 7agna maksoora", "container"),
        ("el barmeel malyan", "container"),
        ("el balkona mitshaggiga", "structure_part"),
        ("el m6ar nizil wayed", "rain"),
        ("el mowa6af ma kaan muhathab", "service"),
        ("ma feeh ay 9oo2 fil nafa8", "light"),
        ("el thibbaan 3ala el akil", "insect"),
        ("el 7aleeb muntahi", "hygiene"),
        ("el sayyara mahjoora", "abandoned"),
        ("el doosh 3al shati 5arbaan", "beach"),
    ],
)
def test_an_arabizi_spelling_reaches_its_concept(text: str, concept: str) -> None:
    assert concept in _concepts(text)
