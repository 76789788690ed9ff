"""Urgency: "nobody" negates what happens to a person, not the danger (issue 17).

"ما حد انصاب" (nobody was hurt) and "no children play there" say nobody is at risk: the rules
for someone hurt, someone fallen in or people near a danger must not fire. "ما حد منتبه والسلك
عريان جنب المدرسة" (nobody notices, and the wire is bare beside the school) says nobody is
doing something about the danger: the danger is still there, so it stays urgent, and so does
"محد انتبه ان الولد انجرح توه" (nobody noticed the boy got hurt just now), where the "nobody"
is the one who noticed, not the one hurt. Each in every form: English, MSA, Gulf, Arabizi, mixed.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

NOBODY_HURT = [
    "The swing chain snapped, nobody got injured just now",
    "No one was hurt just now, the broken bench is still in the park",
    "لم يُصب أحد قبل قليل عندما انكسرت الأرجوحة",
    "لا أحد انجرح قبل قليل في الحديقة",
    "ما حد انصاب توه، بس المرجيحه خربانه",
    "محد انجرح توه من الحديد، الحمدلله",
    "ما احد تعور توه الحمدلله",
    "ولا احد انجرح توه بس الدرج مكسور",
    "ma 7ad injara7 tawwah, bs el mrjee7a 5arbana",
    "m7d t3awwar tawwah el7amdila",
    "mahad injara7 tawwah",
    "wala a7ad in9aab tawwah",
    "ما حد got injured just now, الحمدلله",
    "nobody انجرح توه، الحمدلله",
]

NOBODY_FELL_IN = [
    "nobody fell in the hole just now",
    "ma 7ad 6a7 fi el 7ufra tawwah",
]

NO_CHILDREN_THERE = [
    "An old fridge dumped in the yard but no children play there",
    "ثلاجه مرميه في الحوش ولا يوجد اطفال يلعبون هناك",
    "ما في اطفال يلعبون هناك والثلاجه مرميه",
    "ثلاجه قديمه مرميه بس ما حد يلعب هناك",
    "mafi atfal yil3aboon hnak w el thallaja mrmiya",
    "mafi 7ad yil3ab hnak w el thallaja mrmiya",
    "An old fridge مرميه, nobody plays there",
]

# rule -> a danger now beside a "nobody" that negates something else
STILL_URGENT: dict[str, list[str]] = {
    "exposed_wiring": [
        "nobody noticed the exposed wires next to the school",
        "لا أحد ينتبه والأسلاك مكشوفة بجانب المدرسة",
        "ما حد منتبه والسلك عريان جنب المدرسة",
        "محد منتبه للسلك العريان جنب المدرسه",
        "ma 7ad muntabih lel silk el 3aryan jamb el madrasa",
        "m7d muntabih, el wayer makshoof jamb el madrasa",
        "ما حد منتبه, the wires are exposed next to the school",
    ],
    "someone_hurt_just_now": [
        "nobody noticed the boy got hurt just now",
        "محد انتبه ان الولد انجرح توه",
        "my son got hurt just now and no one came",
        "ولدي تعور توه من السلك",
        "wildi injara7 tawwah mn el 7adeed",
    ],
    "person_at_risk": [
        "a child fell in the hole just now, nobody is helping",
        "طفل طاح في الحفره توه",
        "ولد طاح في الحفره توه ومحد ساعده",
    ],
    "hole_someone_fell_into": ["wild 6a7 fi el 7ufra tawwah"],
    "water_inside_home": ["ما حد يرد والماي داخل البيت"],
}


@pytest.mark.parametrize("text", NOBODY_HURT)
def test_nobody_hurt_is_not_someone_hurt(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize("text", NOBODY_FELL_IN)
def test_nobody_fell_in_is_not_someone_fallen_in(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize("text", NO_CHILDREN_THERE)
def test_no_children_there_is_not_children_at_risk(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in STILL_URGENT.items() for text in texts]
)
def test_nobody_noticing_or_answering_leaves_the_danger_urgent(rule: str, text: str) -> None:
    assert urgent_rule(text) == rule
