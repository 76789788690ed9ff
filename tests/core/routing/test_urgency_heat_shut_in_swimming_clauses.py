"""Urgency, sixteenth pass: fainting in the heat, shut in a vehicle, swimming where nobody
should, a child on a ledge, stairs breaking under walkers, a negation's own clause, places.

Each rule in every form (english, msa, gulf, arabizi, mixed), with look-alikes that stay calm:
a request for shade, a late bus, a swimming pool, a past drowning, a fear. A negation governs
only its own clause, also when the next clause carries a glued "و" ("ما في خطر والسلك
مكشوف" is a report of a bare wire; "مافي تسريب ولا شرار" denies both). A Muscat place name in
Latin letters ("Ghubrah", "Ghobra") is never read by fold as a hazard or nuisance word.
Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Sixteenth pass"), never from a
test set.
"""

from __future__ import annotations

import pytest

from core.routing.arabizi import PLACE_NAMES
from core.routing.lexicon import strip_place_words
from core.routing.urgency import model_may_flag, urgent_rule

HEAT = {
    "english": "a cleaner lady keeled over in the heat by the bus shelter",
    "msa": "سقطت عاملة نظافة من شدة الحرارة قرب السوق",
    "gulf": "العامل طايح من الحر جنب الدوار وما يتكلم",
    "arabizi": "el 3amla 6a7at min el 7arr 3nd el ishara",
    "mixed": "العاملة طاحت in the heat",
}
SHUT_IN = {
    "english": "toddler locked in a car in the mall car park, windows shut",
    "msa": "طفل داخل سيارة والأبواب مقفلة تحت الشمس في الموقف",
    "gulf": "الباص واقف والعيال مقفول عليهم داخله",
    "arabizi": "el bas wagif w el 3yal mgfool 3alaihum",
    "mixed": "baby inside the car والأبواب مقفلة",
}
SWIMMING = {
    "english": "two boys swimming in the flooded trench by the new road",
    "msa": "أطفال يسبحون في بركة مياه الأمطار داخل حفرة البناء",
    "gulf": "اليهال يسبحون في الحفرة اللي تعبت ماي",
    "arabizi": "el yahal yisb7oon fi el 7ufra el malyana",
    "mixed": "boys يسبحون in the excavation pit",
}
LEDGE = {
    "english": "a little girl is on the window ledge of the fifth floor flat",
    "msa": "طفل على حافة النافذة في الطابق الرابع",
    "gulf": "بنت صغيرة على حافة الدريشة فوق",
    "arabizi": "bint 9agheera 3la 7afat el dareesha",
    "mixed": "طفل on the window ledge up high",
}
STAIRS = {
    "english": "the footbridge stairs are crumbling under the people crossing",
    "msa": "درجات جسر المشاة تتفتت تحت المارة",
    "gulf": "الدرج يتكسر تحت الناس في الجسر",
    "arabizi": "el daraj yitkassar ta7t el nas",
    "mixed": "the stairs تتفتت under the walkers",
}
OTHER_CLAUSE = {
    "english": "they said no danger but the wire is still bare",
    "msa": "قالوا لا يوجد خطر والسلك مكشوف",
    "gulf": "يقولون ما في خطر والسلك مكشوف",
    "arabizi": "gaaloo mafi khatar w el silk makshoof",
    "mixed": "they said مافي خطر والسلك مكشوف",
}


@pytest.mark.parametrize("form", HEAT)
def test_a_person_fainted_in_the_heat_is_urgent(form: str) -> None:
    assert urgent_rule(HEAT[form]), HEAT[form]


@pytest.mark.parametrize("form", SHUT_IN)
def test_people_shut_in_a_vehicle_are_urgent(form: str) -> None:
    assert urgent_rule(SHUT_IN[form]), SHUT_IN[form]


@pytest.mark.parametrize("form", SWIMMING)
def test_swimming_in_a_flooded_pit_is_urgent(form: str) -> None:
    assert urgent_rule(SWIMMING[form]), SWIMMING[form]


@pytest.mark.parametrize("form", LEDGE)
def test_a_child_on_a_window_ledge_is_urgent(form: str) -> None:
    assert urgent_rule(LEDGE[form]), LEDGE[form]


@pytest.mark.parametrize("form", STAIRS)
def test_stairs_breaking_under_walkers_are_urgent(form: str) -> None:
    assert urgent_rule(STAIRS[form]), STAIRS[form]


@pytest.mark.parametrize("form", OTHER_CLAUSE)
def test_a_denial_in_another_clause_does_not_cancel_the_danger(form: str) -> None:
    assert urgent_rule(OTHER_CLAUSE[form]), OTHER_CLAUSE[form]


@pytest.mark.parametrize(
    "text",
    [
        "Please provide shade for the workers, the heat is unbearable",
        "a worker fainted from the heat last week, please add a shade",
        "العمال يشتغلون في الشمس بدون مظلة",
        "el 3ummal yishtaghloon fi el shams bdoon 6ill",
        "the school bus forgot my son at the stop this morning",
        "الباص مغلق الطريق والطلاب ينتظرون",
        "kids waiting for the bus in the sun, please build a shelter",
        "kids swimming in the pool at the sports complex, please add a lifeguard",
        "اطفال يسبحون في المسبح البلدي ونحتاج منقذ",
        "3yal yisb7oon fi el ba7ar 3nd el shati",
        "we fear children will swim in the open pit after the rain",
        "last year a boy drowned swimming in this quarry, please fence it",
        "الاولاد كانوا يسبحون في الحفرة الشهر الماضي",
        "please fit window guards in the flats, children lean out",
        "the footbridge steps are dirty, please clean them",
        "درج جسر المشاة يحتاج صيانة",
    ],
)
def test_look_alikes_of_the_new_rules_stay_calm(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "مافي تسريب ولا شرار، بس الصندوق قديم",
        "ما في ماي داخل البيت والحمد لله",
        "mafi tasreeb wala sharar, bas el 9andoog 9adeem",
        "the wire is exposed but no danger, it is dead",
        "السلك مكشوف بس مافي خطر ما فيه كهربا",
    ],
)
def test_a_negation_or_a_denial_in_the_same_clause_still_calms(text: str) -> None:
    assert urgent_rule(text) is None, text
    assert not model_may_flag(text, 0.9), text


@pytest.mark.parametrize(
    "text",
    [
        "el mai da5al el byoot fi el ghubra",
        "el mai da5al el byoot fi el Ghobrah al7een",
        "المطر داخل البيوت in Ghobra",
    ],
)
def test_a_place_name_is_not_folded_into_a_nuisance_that_cancels_danger(text: str) -> None:
    assert urgent_rule(text) == "water_inside_home", text


def test_a_place_name_is_stripped_from_the_model_words() -> None:
    assert "ghubrah" in PLACE_NAMES
    assert strip_place_words(["flood", "in", "ghobra"]) == ["flood", "in"]


# A man, a driver, a rider named in every form (Gulf ريال, "rayyal": a man), a roof's edge,
# the Omani well (طوي, "6awi").
PERSON_WORDS = {
    "english": "the delivery rider keeled over from the heat at the junction",
    "msa": "السائق فقد الوعي من الحر داخل سيارته عند الدوار",
    "gulf": "الريال طاح من الحر عند المسجد",
    "arabizi": "el rayyal 6a7 mn el 7arr jamb el masjid",
    "mixed": "the driver طاح from the heat at the petrol station",
}
ROOF_EDGE_OR_WELL = {
    "english": "an old man is sitting on the roof edge of the mosque annex",
    "msa": "رجل مسن يقف على طرف سطح العمارة",
    "gulf": "ياهل طاح في الطوي عند البيت",
    "arabizi": "el yahil 6a7 fi el 6awi 3nd el bait",
    "mixed": "ولد fell in the طوي next to the farm",
}


@pytest.mark.parametrize("form", PERSON_WORDS)
def test_a_man_or_a_driver_fainted_in_the_heat_is_urgent(form: str) -> None:
    assert urgent_rule(PERSON_WORDS[form]), PERSON_WORDS[form]


@pytest.mark.parametrize("form", ROOF_EDGE_OR_WELL)
def test_a_person_on_a_roof_edge_or_fallen_in_a_well_is_urgent(form: str) -> None:
    assert urgent_rule(ROOF_EDGE_OR_WELL[form]), ROOF_EDGE_OR_WELL[form]


@pytest.mark.parametrize(
    "text",
    [
        "دفعت 20 ريال والمبلغ عالق في الجهاز",
        "the driver of the water tanker is always late",
        "الطوي القديم في المزرعة نبا له غطا",
        "el rayyal 7ag el baladiya ma yrid 3la el telefon",
    ],
)
def test_a_man_a_riyal_or_a_well_alone_stays_calm(text: str) -> None:
    assert urgent_rule(text) is None, text
