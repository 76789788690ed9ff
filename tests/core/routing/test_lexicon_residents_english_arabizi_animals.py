"""Seventeenth category pass (issue 17): the words Muscat's English-writing residents use
(Indian English "gutter water", "water logging", "not glowing", "dustbin", "hump"; Filipino
English "comfort room"), household pests and rooms added where none may be, a lease
attested at the municipality, and Arabizi and Gulf words for animals, walls, mirrors,
lights and a motorbike; "cat's eyes" on a road are reflectors and "a7mar" (red) is no
donkey."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).split())[0]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("gutter water is coming out near the mosque", "sewage"),
        ("the drainage line of our street is choked", "sewage"),
        ("the soak pit of the villa is full", "sewage"),
        ("the honey sucker lorry spilled on the lane", "sewage"),
        ("dirty water rising from the floor trap", "sewage"),
        ("water logging at the junction every time it rains", "pooling"),
        ("please put humps near the mosque", "bump"),
        ("the direction board shows the old name", "sign"),
        ("road studs on the bend are gone", "sign"),
        ("one more dustbin for our building please", "container"),
        ("street lamp is not glowing since a week", "dark"),
        ("the bulbs on the poles are fused", "dark"),
        ("the bread was stale", "hygiene"),
        ("my son was vomiting after the buffet", "hygiene"),
        ("the comfort room at the beach is dirty", "beach"),
        ("the washroom on the corniche is locked", "beach"),
        ("the drinking fountain on the track is dry", "beach"),
        ("lizards and scorpions in the yard", "insect"),
        ("pigeons all over the balcony", "insect"),
        ("roaches in the stairwell", "insect"),
        ("two porta cabins on his roof", "violation"),
        ("the villa is partitioned into small rooms", "violation"),
        ("how do I attest my tenancy agreement", "admin"),
        ("a grey car covered in dust for a year", "abandoned"),
        ("the karak stall washes cups in dirty water", "food"),
        ("hats off to the team", "thanks"),
    ],
)
def test_residents_english_words_name_their_concept(text: str, concept: str) -> None:
    assert concept in _tokens(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el gtawa wayed fi el 3imara", "animal"),  # Gulf plural of cats
        ("bi3ran sayba 3ala el shari3", "animal"),
        ("ti3ooz w 5irfaan min 3izbat el jaar", "animal"),
        ("fi 7mar sa2ib fi el shari3", "animal"),
        ("fi 3agarib fi el 7ay", "insect"),
        ("fi 7anash kabeer ta7t el zo7leega", "insect"),  # a snake
        ("el toofa 7ag el bait mayla", "structure_part"),  # a wall
        ("el mraya 3ind el lafa inkasarat", "sign"),  # a corner mirror
        ("el layat shaghala fil nahar", "light"),
        ("fee dabbaab 3atee8 marboo6 min shhoor", "vehicle"),  # a motorbike
        ("el mat3am wasi5 jiddan", "hygiene"),
        ("el jidar mitsha88a8", "danger_structure"),
        ("kaif awath8 3a8d el ejar", "admin"),
        ("sayyara 3aleha ghobar min shuhoor", "abandoned"),
        ("el mu7awil wara el 3imara y6in", "wires"),  # a transformer
        ("jazakum allah 5air 3ala ta9lee7 el lait", "thanks"),
        ("فيه حنش دخل حوش البيت", "insect"),  # Gulf
        ("الطوفه حق البيت مايله", "structure_part"),  # Gulf
        ("كيف اوثق عقد الايجار", "admin"),  # MSA and Gulf
        ("فيه دباب مهمل من شهور", "vehicle"),  # Gulf
        ("الـ dustbin عند العماره full", "container"),  # mixed
        ("الـ humps عند المدرسه بدون صبغ", "bump"),  # mixed
    ],
)
def test_arabizi_and_gulf_words_name_their_concept(text: str, concept: str) -> None:
    assert concept in _tokens(text)


def test_cats_eyes_on_a_road_are_reflectors_not_cats() -> None:
    for text in ("road studs (cats eyes) on the hill road are gone", "the cat's eyes on the bend"):
        tokens = _tokens(text)
        assert "sign" in tokens and "animal" not in tokens
    assert "animal" in _tokens("a cat is stuck on the roof")
    assert "animal" in _tokens("the cats eat from the bins")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("kerbstones knocked loose and lying in the gutter", "sewage"),  # the kerb's channel
        ("ishara el moroor 3allaga 3al a7mar min el 9ob7", "animal"),  # red, not a donkey
        ("please send someone", "admin"),  # "please" is no lease
        ("we approached the office", "insect"),  # no roach
        ("fee dabbaab 3atee8 marboo6 min shhoor", "insect"),  # a motorbike, not wasps
    ],
)
def test_look_alikes_keep_out_of_the_concept(text: str, concept: str) -> None:
    assert concept not in _tokens(text)
