"""Eighteenth category pass (issue 17): Gulf Arabizi spellings the concept lexicon missed.

Gulf Arabizi writes ك as ch where the dialect says it so ("chelb" كلب, a dog; "chahrba"
كهرباء, electricity), and writers without digits put h for the ح after a long vowel
("tasreeh" تصريح, a permit). A word is also read that way (arabizi.alternate_spellings);
"ch" stays تش in the skeletons, and -ooh (a verb's "it") keeps its ه."""

from __future__ import annotations

import pytest

from core.routing.arabizi import alternate_spellings
from core.routing.lexicon import concept_view


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("fi chelb 3ind baab el madrasa yn665 el eyal", "animal"),
        ("chilb mayit 3ala jamb el share3 min ams", "animal"),
        ("el jeeran yibnoon bdoon tasreeh min el baladiya", "admin"),
        ("abi a3rif shu el tasreeh elli ye7taajoona", "admin"),
    ],
)  # fmt: skip
def test_a_gulf_spelling_reaches_its_concept(sentence: str, concept: str) -> None:
    assert concept in concept_view(sentence.split())[0]


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        # -ooh is "it" on a verb: 6afooh (they put it out) is not طفح (an overflow)
        ("el 7ree8 fil 7awya 6afooh el difa3 el madani", "sewage"),
        # "feeh" (in it) and "3aleeh" (on it) are the pronoun's ه
        ("el share3 feeh 7ufra w 3aleeh trab", "fire"),
    ],
)  # fmt: skip
def test_look_alikes_keep_out_of_the_concept(sentence: str, concept: str) -> None:
    assert concept not in concept_view(sentence.split())[0]


def test_a_word_is_also_read_with_ch_as_kaf_and_a_final_long_h_as_ha() -> None:
    assert "dikan" in alternate_spellings("dichan")
    assert "tasree7" in alternate_spellings("tasreeh")
    assert "yitee7" in alternate_spellings("yiteeh")
    assert not any(s.endswith("7") for s in alternate_spellings("6afooh"))
    assert not any(s.endswith("7") for s in alternate_spellings("baitah"))
