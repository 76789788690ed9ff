"""A light gone out, a place flooded and a wall leaning, as MSA, Gulf and Arabizi say them,
reach the problem concepts that screening's problem-and-place guard reads (issue 17,
thirteenth pass): "انطفاء", "el 3amood 6afi", "el nafaq ghar8an", "el jidar ma2il" named only
the object, so a genuine report the advert model leaned on had no problem to clear it."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("انطفاء أعمدة الإنارة في شارعنا", "dark"),
        ("عمود الإنارة مطفأ من أسبوع", "dark"),
        ("الليتات انطفت كلها عند الدوار", "dark"),
        ("el 3amood 6afi min isboo3", "dark"),
        ("el laitat 6afya kilha", "dark"),
        ("the underpass is flooded again", "pooling"),
        ("النفق غرقان عند الدوار", "pooling"),
        ("el nafaq ghar8an ba3d el ma6ar", "pooling"),
        ("el jidar ma2il 3ala el sikka", "danger_structure"),
    ],
)
def test_an_outage_a_flood_and_a_lean_reach_their_problem(text: str, concept: str) -> None:
    assert concept in concepts(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("the street light is on all night, good job", "dark"),
        ("el 3amood jdeed w shaghal", "dark"),
        ("the wadi flows after rain", "pooling"),
        ("el jidar jdeed w zain", "danger_structure"),
    ],
)
def test_a_working_light_a_flowing_wadi_or_a_sound_wall_do_not(text: str, concept: str) -> None:
    assert concept not in concepts(normalize_arabic(text).split())
