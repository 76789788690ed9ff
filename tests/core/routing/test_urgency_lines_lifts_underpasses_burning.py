"""Urgency, seventeenth pass: a power line down on a road, someone in a lift stuck between
floors, cars caught in an underpass full of water, children in a wadi that is rising, a
railing gone far from the edge it guarded; and the calm look-alikes a rule fired on: a fine
asked about for burning garden waste, a bus locked in its depot, a fall weeks ago.

Each rule in every form (english, msa, gulf, arabizi, mixed). Written from the pass's
sub-topic list (docs/ROUTING_DATA.md, "Seventeenth pass"), never from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

POWER_LINE = {
    "english": "an electricity cable has fallen onto the street by the roundabout",
    "msa": "سقط سلك الكهرباء على الشارع قرب الدوار",
    "gulf": "خط الكهرباء طايح على الطريق عند المدرسة",
    "arabizi": "silk el kahraba 6a7 3la el 6areeq 3ind el masjid",
    "mixed": "خط الكهرباء fell across the road near the mosque",
}
LIFT = {
    "english": "the elevator in block C is stuck between floors with a pregnant woman inside",
    "msa": "المصعد تعطل وبداخله طفلان منذ ربع ساعة",
    "gulf": "المصعد واقف بين الادوار وفيه ناس",
    "arabizi": "el mas3ad wagaf w fee nas da5la mn 3ashr dagayig",
    "mixed": "the lift عالق and my father is inside",
}
UNDERPASS = {
    "english": "the Qurum underpass is flooded and a taxi is stalled in it with passengers",
    "msa": "النفق غمرته المياه وسيارات عالقة بداخله",
    "gulf": "النفق مليان ماي والسيارات عالقة فيه",
    "arabizi": "el nafaq malyan mai w fi sayyarat 3algeen",
    "mixed": "the tunnel مليان ماي and cars are stuck in it",
}
RISING_WADI = {
    "english": "children are swimming in the wadi and the water is rising fast",
    "msa": "أطفال يسبحون في الوادي ومنسوب المياه يرتفع",
    "gulf": "اليهال يسبحون في الوادي والماي قاعد يزيد",
    "arabizi": "el yahal yisb7oon fi el wadi w el mai gaa3d yzeed",
    "mixed": "kids يسبحون في الوادي and the water is rising",
}
RAILING_FAR = {
    "english": (
        "The metal railing on the walkway of the fourth floor of building 7 near the health"
        " centre, the side that faces the car park, broke off and children run along the open"
        " edge after school"
    ),
    "msa": (
        "انفصل درابزين الممر في الطابق الخامس من العمارة السكنية المقابلة للسوق المركزي"
        " في الحي والأطفال يمرون بجانب الحافة المكشوفة"
    ),
    "gulf": (
        "درابزين البلكونة في الدور الرابع من العمارة اللي ورا الجمعية عند الدوار طاح كله"
        " والعيال يلعبون عند الحافة"
    ),
    "arabizi": (
        "darabzeen el balkona fi el door el rabi3 mal el 3imara elli wara el jam3iya 3ind"
        " el dowar ra7 kamil w el 3yal yil3boon 3ind el 7afa"
    ),
    "mixed": (
        "the railing of the balcony في الدور الرابع من العمارة اللي جنب المسجد في الحي"
        " came off and the kids play at the open edge"
    ),
}


@pytest.mark.parametrize("form", POWER_LINE)
def test_a_power_line_down_on_a_road_is_urgent(form: str) -> None:
    assert urgent_rule(POWER_LINE[form]), POWER_LINE[form]


@pytest.mark.parametrize("form", LIFT)
def test_someone_in_a_stuck_lift_is_urgent(form: str) -> None:
    assert urgent_rule(LIFT[form]), LIFT[form]


@pytest.mark.parametrize("form", UNDERPASS)
def test_cars_caught_in_a_flooded_underpass_are_urgent(form: str) -> None:
    assert urgent_rule(UNDERPASS[form]), UNDERPASS[form]


@pytest.mark.parametrize("form", RISING_WADI)
def test_children_swimming_in_a_rising_wadi_are_urgent(form: str) -> None:
    assert urgent_rule(RISING_WADI[form]), RISING_WADI[form]


@pytest.mark.parametrize("form", RAILING_FAR)
def test_a_railing_gone_far_from_its_open_edge_is_urgent(form: str) -> None:
    assert urgent_rule(RAILING_FAR[form]), RAILING_FAR[form]


@pytest.mark.parametrize(
    "text",
    [
        # burning waste as an activity, asked about or complained of
        "What is the fine for burning garden waste in our yard?",
        "neighbours keep burning rubbish behind the villas, the smell is awful",
        "هل يسمح بحرق المخلفات الزراعية في المزرعة؟",
        "الجيران يحرقون الزبالة كل ليلة والريحة تدخل البيت",
        "kam el mukhalafa 3la 7arg el zibala fi el 7awsh?",
        # a vehicle kept locked away, a locked gate
        "the school bus is locked in the depot during the holiday, the pupils walk",
        "our car park gate is locked and the kids can't get to the bus",
        "the minibus is locked in the school compound at night, the pupils wait in the morning",
        "is the burning of dry weeds on a farm allowed or fined?",
        # a fall weeks ago
        "a child fell into the open manhole three weeks ago, who pays for his treatment?",
        # a lift, an underpass, a wadi, a power line: calm
        "the lift in our building stopped working, please repair it",
        "the underpass floods every time it rains, please fix the drains",
        "after yesterday's rain the tunnel was under water and two cars got stuck",
        "are children allowed to swim in the wadi pools on Fridays?",
        "the electricity bill went down this month, thank you",
        "الوادي جاف والعيال يلعبون فيه",
    ],
)
def test_look_alikes_of_the_seventeenth_pass_stay_calm(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "someone set fire to the rubbish behind the school and the flames reach the palms",
        "حريق في المخلفات جنب البيوت والنار تكبر",
        "a little boy is locked inside the school bus in the sun",
    ],
)
def test_a_fire_or_a_child_locked_in_is_still_urgent(text: str) -> None:
    assert urgent_rule(text), text


# Understatement and reports at second hand: a hedge ("kind of", "a bit", "quite") between a
# danger's words, a third person's report that names the heat at its end, the danger in the
# last clause of a long email.
UNDERSTATED = [
    "smoke is kind of drifting out of the meter room of our block",
    "the water is sort of coming up through the floor drain into my room",
    "my cousin says a worker on the site across the road is lying down and not responding,"
    " they were laying bricks in this heat",
    "Dear team, thank you for the new benches in the park and the repainted lines on our"
    " street. One more thing: a concrete chunk is hanging off the sunshade over the clinic"
    " entrance where everyone walks in and out.",
    "the old wall of the school is leaning toward the play area with the wind",
    "el sagf mal el 9ala 9ar ynzil w el 3yal gaa3deen ta7tah",
]


@pytest.mark.parametrize("text", UNDERSTATED)
def test_an_understated_or_second_hand_danger_is_urgent(text: str) -> None:
    assert urgent_rule(text), text


@pytest.mark.parametrize(
    "text",
    [
        "a few tiles on the outer wall came loose a while back, nothing dangerous, just ugly",
        "the iron under the neighbour's water tank is all rusty, الحديد اللي تحته كله صدي",
        "what kind of fine is there for parking on the pavement?",
    ],
)
def test_understated_calm_stays_calm(text: str) -> None:
    assert urgent_rule(text) is None, text
