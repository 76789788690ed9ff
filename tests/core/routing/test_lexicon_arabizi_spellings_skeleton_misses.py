"""Fourteenth pass (issue 17): Arabizi spellings whose consonant skeleton is too short or
collides, so they met no concept in an Arabizi message ("jora" a pothole, "dawwar" a
roundabout, "ghi6a" a cover, "seel" a flood, "an8a9" rubble, "wanit" a pickup, "dawam"
working hours); each is listed and reaches its concept inside an Arabizi sentence."""

from __future__ import annotations

import pytest

from core.routing.lexicon import concept_view


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("fi jora kbeera fi el shari3 gidam el bait", "pothole"),
        ("el sayyarat twaqif 3nd el dawwar kil yom", "road"),
        ("el idha2a fi sikkatna kilha 6afya", "light"),
        ("ghi6a el bayara maksoor w maftoo7", "manhole"),
        ("el seel dakhal el byoot ams", "rain"),
        ("fi mustanqa3 mai gidam el madrasa", "pooling"),
        ("shifna fa2r kbeer fi el ma6ba5", "rodent"),
        ("ibil waagfa 3la el shari3 el 3am", "animal"),
        ("el ha2it 7ag el bait el gadeem mayel", "structure_part"),
        ("el 7ai6 mayel w bay6ee7", "danger_structure"),
        ("bayya3 5u9ar waagif 3la el rasee6 kil yom", "vendor"),
        ("7ad kab an8a9 fi el ar9 el fa9ya", "dumping"),
        ("shino el dawam 7ag el maktab fi ramadhan", "admin"),
        ("wanit 5arban waagif gidam el bait min shhoor", "vehicle"),
    ],
)  # fmt: skip
def test_an_arabizi_spelling_reaches_its_concept(sentence: str, concept: str) -> None:
    assert concept in concept_view(sentence.split())[0]
