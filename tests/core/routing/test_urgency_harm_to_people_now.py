"""Urgency, eighteenth pass: danger to people now, whatever the hazard is called.

A body harmed now or a moment ago (stung, shocked, drowning, vomiting, buried) with a now or
a plea; a hazard rolling, sliding or swinging toward people or homes, or an explosion by
them; a scorpion or monkeys with a now; a swarm inside a room with people. And the guards:
a harm said as last month's, feared, asked about or habitual stays calm; "no driver" negates
who is in a vehicle, not that it is rolling. For the urgent model, a harmed state or a hazard
moving toward people counts as a now word, a harm said as an event does not.

Each frame in every form (english, msa, gulf, arabizi, mixed). Written from the pass's
sub-topic list (docs/ROUTING_DATA.md, "Eighteenth pass"), never from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

HARM_NOW = {
    "english": "a boy just got a shock from the drinking fountain in the park and kids are still using it",
    "msa": "يختنق عامل الآن داخل خزان الصرف في موقع البناء",
    "gulf": "ولدي ينزف الحين من راسه بعد ما طاح عليه لوح من العمارة",
    "arabizi": "el 3amil yinzif el7een ba3d ma 6a7 3alaih el lo7",
    "mixed": "my neighbour is vomiting الحين after the pest control sprayed our building",
}
MOVING_TOWARD = {
    "english": "big stones are tumbling down the slope onto the houses at the foot of the hill",
    "msa": "صخور تتدحرج من الجبل باتجاه البيوت في القرية",
    "gulf": "الصخر يتدحرج من الجبل صوب البيوت والعيال برع",
    "arabizi": "9u5oor titda7raj min el jabal 9ob el byoot",
    "mixed": "a loaded trolley rolling down the ramp باتجاه the children at the gate",
}
STINGER_NOW = {
    "english": "there is a scorpion in my baby's cot right now",
    "msa": "عقرب في سرير الطفل الآن",
    "gulf": "عقرب في فراش الياهل الحين",
    "arabizi": "3agrab fi firash el yahil el7een",
    "mixed": "a scorpion تحت المخدة الحين",
}
SWARM_INSIDE = {
    "english": "a swarm of wasps flew in to the prayer room and people are still inside",
    "msa": "دخل سرب من الدبابير إلى قاعة الصف والطلاب داخلها",
    "gulf": "نحل وايد داخل الصف والعيال فيه",
    "arabizi": "na7al kather da5al el 9af w el 3yal feeh",
    "mixed": "bees دخلت the classroom والطلاب inside",
}


@pytest.mark.parametrize("form", HARM_NOW)
def test_a_body_harmed_now_is_urgent(form: str) -> None:
    assert urgent_rule(HARM_NOW[form]) is not None


@pytest.mark.parametrize("form", MOVING_TOWARD)
def test_a_hazard_moving_toward_people_is_urgent(form: str) -> None:
    assert urgent_rule(MOVING_TOWARD[form]) == "hazard_moving_toward_people"


@pytest.mark.parametrize("form", STINGER_NOW)
def test_a_scorpion_with_people_now_is_urgent(form: str) -> None:
    assert urgent_rule(STINGER_NOW[form]) == "stinging_or_grabbing_animal_now"


@pytest.mark.parametrize("form", SWARM_INSIDE)
def test_a_swarm_inside_a_room_with_people_is_urgent(form: str) -> None:
    assert urgent_rule(SWARM_INSIDE[form]) == "swarm_in_a_room_with_people"


RESCUE = {
    "english": "a labourer slipped into the well at the farm and his brother went down after him",
    "msa": "انزلق طفل في بئر مهجورة والجيران يحاولون إخراجه",
    "gulf": "عامل طاح في التانكي تحت الارض وربعه يحاولون يطلعونه",
    "arabizi": "3amil 6a7 fi el tanki ta7t el ar9 w rabee3ah nizil waraah",
    "mixed": "a boy fell in the بئر and the men are trying to pull him out",
}


@pytest.mark.parametrize("form", RESCUE)
def test_a_rescue_under_way_is_urgent(form: str) -> None:
    assert urgent_rule(RESCUE[form]) is not None


def test_a_rescue_long_past_stays_calm() -> None:
    # (the settled time within SETTLED_BEFORE words: "years ago a man fell in the old well and
    # his son went in after him" is past its reach, as for every rule)
    text = "when the boy slipped his father went in after him, years ago"
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A pickup with no driver is rolling backwards down the hill towards the kids",
        "تريلا بدون سواق قاعده تنزل من المنحدر صوب البيوت",
        "truck bdoon sawwag rolling down the hill towards the houses",
    ],
)
def test_no_driver_does_not_negate_a_rolling_vehicle(text: str) -> None:
    assert urgent_rule(text) == "hazard_moving_toward_people"


@pytest.mark.parametrize(
    "text",
    [
        # past
        "my son was stung by a scorpion last month, please spray the area",
        "لدغت عقرب ابني قبل شهر والحمد لله بخير، نرجو الرش",
        "wildi ldaghah 3agrab gabl shahar w zain el7een, nabi rash",
        # asked about, feared
        "what should we do if a child is drowning in the falaj? who do we call",
        "we are afraid a child could get a shock from that fountain one day",
        "نخاف الصخور تتدحرج على البيوت في يوم من الأيام",
        # habitual, said without a now
        "the beach shower sometimes gives a tingle when the floor is wet",
        "scorpions keep appearing in our yard at night, we have small kids",
        # negated
        "the rocks are not rolling anymore, the slope was netted",
        "ما في أحد ينزف الحين، بس الجدار متشقق",
        # a nest by a window is a removal, not a swarm in the room
        "3ish dababeer kbeer ta7t el shubbak 7ag ghurfat el 3yal",
        # a request to spray; "7agna" (ours) is no plea by fold; a pipe that burst (Arabizi)
        "3agareb wayed fi el 7oosh el7een, nabi rash lil mante8a",
        "bintain lidaghat 3ind el bait 7agna",
        "el masoora infajrat 3ind el bait w el nas ymurroon",
        # a direction without a hazard; a bang at a wedding
        "The smell from the dump is spreading to the houses and residents are complaining",
        "weeds are spreading towards the footpath where people walk",
        "الروائح تنتشر باتجاه البيوت والسكان متضايقين",
        "a loud bang from the fireworks at the wedding, children playing",
        # a plea with no harm; a pipe that burst
        "please come now to empty the bins, it has been five days",
        "انفجار ماسوره في الحديقة والناس يمرون والماي ضايع",
    ],
)
def test_look_alikes_of_the_eighteenth_pass_stay_calm(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A man is lying in the car park, he is unconscious and not moving",
        "fi waa7id yistafrigh w ma yigdar yitnaffas fi el 3irs",
        "الصخور تتدحرج على الكورنيش والناس يمشون",
        "the kids are screaming, the wasps are all over the school bus",
    ],
)
def test_the_model_counts_on_a_danger_reaching_people(text: str) -> None:
    assert model_may_flag(text, 0.3)


@pytest.mark.parametrize(
    "text",
    [
        "There is a bees' nest at the school entrance. Several children have been stung.",
        "my daughter got bitten by a stray cat in the stairwell, there are many cats here",
        "the man who was drowning in the wadi last year was saved",
    ],
)
def test_the_model_does_not_count_on_a_harm_said_as_an_event(text: str) -> None:
    assert not model_may_flag(text, 0.3)
