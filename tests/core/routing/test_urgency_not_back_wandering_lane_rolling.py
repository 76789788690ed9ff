"""Urgency, twenty-third pass: danger now said as a situation, with no hazard word, in every
form: a person not back, not out, not found or not answering for a span of minutes or hours, or
from a dangerous place ("ولم يعد منذ ساعتين", "haven't come out of the culvert", "ma rja3 min
sa3a"); a confused or wandering elder in the heat or on a road; someone shut in a room and
banging on the door; a cracked gas hose; flood water up to door handles; a board or block in the
only lane at night with no lights; a parked vehicle rolling on its own. And their calm
look-alikes: back or found, of yesterday, asked about, a work delay or an office that does not
answer, a permit, habitual, days and weeks.

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Twenty-third pass"), never from
a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

URGENT = {
    # person_not_back_now: a named person, not back / out / answering, a span or a place
    "father_not_back_for_hours_msa": (
        "خرج جدي إلى المزرعة بعد الظهر ولم يرجع منذ أربع ساعات", "person_not_back_now"),
    "worker_not_out_of_manhole_msa": (
        "دخل عامل المنهول لتسليك المجاري ولم يخرج حتى الآن", "person_not_back_now"),
    "son_not_back_from_wadi_gulf": (
        "ولدي راح الوادي مع ربعه وما رجع من ثلاث ساعات", "person_not_back_now"),
    "neighbour_not_answering_since_yesterday_gulf": (
        "جارنا الشايب ما يرد على الباب من امس والسيارة واقفة", "person_not_back_now"),
    "kids_not_out_of_culvert_english": (
        "two boys climbed into the storm culvert and haven't come out, the rain has started",
        "person_not_back_now"),
    "swimmer_not_surfaced_english": (
        "a swimmer dived off the jetty and hasn't surfaced for ten minutes", "person_not_back_now"),
    "brother_not_back_arabizi": (
        "a5ooy ra7 y9eed fi el ba7ar w ma rja3 min el 9ob7", "person_not_back_now"),
    "worker_not_out_of_tank_arabizi": (
        "el 3aamil nazal el khazzan w ma 6ala3 min rub3 sa3a", "person_not_back_now"),
    "mother_not_answering_mixed": (
        "أمي not answering her phone since the morning وهي ساكنه بروحها", "person_not_back_now"),
    "kids_not_back_mixed": (
        "العيال went to the wadi و ما رجعوا for two hours", "person_not_back_now"),
    "not_heard_from_father_msa": (
        "لم نسمع من والدي منذ الصباح وهو يسكن وحده", "person_not_back_now"),
    "lost_contact_english": (
        "my husband went hiking up the mountain and we lost contact five hours ago",
        "person_not_back_now"),
    # confused_person_exposed / elder_wandering_exposed
    "confused_man_on_road_english": (
        "a man is standing by the roundabout in the sun, he can't tell us where he lives",
        "confused_person_exposed"),
    "old_woman_wandering_heat_english": (
        "an old woman is wandering along the dual carriageway in this heat, no one with her",
        "elder_wandering_exposed"),
    "elder_barefoot_gulf": (
        "عجوز تمشي حافية عند الدوار وما تعرف وين بيتها", "confused_person_exposed"),
    "elder_confused_msa": (
        "رجل مسن يهيم في الشارع تحت الشمس ولا يعرف اسمه", "confused_person_exposed"),
    "elder_wandering_msa": ("رجل مسن يهيم على الطريق وحده في الحر", "elder_wandering_exposed"),
    "shaiba_wandering_arabizi": (
        "shaiba 6aye3 fi el share3 fi el shams w mb 3arf ween baitah", "confused_person_exposed"),
    "jaddi_wandering_arabizi": ("jaddi ha2im fi el share3 fi el 7ar", "elder_wandering_exposed"),
    # shut_in_a_room
    "grandmother_locked_in_bathroom_english": (
        "my grandmother got locked in the bathroom at the mall and she is banging on the door",
        "shut_in_a_room"),
    "man_shut_in_toilet_gulf": (
        "واحد علق داخل الحمام العام والقفل خربان ويصيح من نص ساعة", "shut_in_a_room"),
    # gas_hose_broken
    "gas_hose_cracked_english": (
        "the gas hose from the cylinder to the cooker has a crack in it", "gas_hose_broken"),
    "gas_hose_cut_msa": ("خرطوم اسطوانة الغاز في المطبخ مقطوع", "gas_hose_broken"),
    "gas_hose_split_arabizi": ("el barbeesh 7ag el ghaz mshgoog", "gas_hose_broken"),
    # flood_water_up_to
    "water_to_car_windows_english": (
        "the water on our road is up to the car windows now", "flood_water_up_to"),
    "water_to_door_handles_gulf": ("الماي وصل لين مقابض الابواب في الفريج", "flood_water_up_to"),
    "water_to_chest_msa": ("المياه في النفق وصلت حتى الصدر", "flood_water_up_to"),
    "water_to_door_handles_arabizi": (
        "el may wa9al mgabidh el abwab 7ag el sayyarat", "flood_water_up_to"),
    # obstacle_in_the_lane
    "barrier_in_fast_lane_english": (
        "a concrete block is sitting in the fast lane of the bypass with no reflectors, at night",
        "obstacle_in_the_lane"),
    "board_after_bend_gulf": (
        "حاطين لوحة تحويلة بعد المنعطف في نص الخط وما عليها ضو في الليل",
        "obstacle_in_the_lane"),
    "barrier_in_lane_mixed": (
        "حواجز in the only lane على طريق الجبل and it's pitch dark", "obstacle_in_the_lane"),
    # vehicle_moving_by_itself
    "truck_rolling_english": (
        "a parked water truck is rolling down the slope toward the school gate",
        "vehicle_moving_by_itself"),
    "car_rolling_msa": (
        "شاحنة متوقفة بدون سائق تنزل المنحدر باتجاه المدرسة", "vehicle_moving_by_itself"),
    "bus_rolling_arabizi": (
        "el bas waagif w bda yinzil bro7ah 3la el shar3", "vehicle_moving_by_itself"),
    # second round: stuck on a mountain, no cooling in the heat, a child on a height's edge,
    # lying still
    "climbers_cannot_get_down_english": (
        "three climbers on the cliff path above the wadi can't get down", "person_at_risk"),
    "shabab_cannot_come_down_arabizi": (
        "el shabab 3al8een 3ala el jabal w ma yigdroon yinzloon", "person_at_risk"),
    "elder_no_ac_in_heat_english": (
        "my grandfather is alone, the AC broke this morning and it is 47 degrees inside",
        "no_cooling_in_the_heat"),
    "baby_ac_broken_heat_gulf": (
        "المكيف خربان عندنا من الظهر وعندنا رضيع والحر ما ينطاق", "no_cooling_in_the_heat"),
    "elder_no_ac_arabizi": (
        "yaddi mareedh w el mukayyif kharban w el 7ar wayid", "no_cooling_in_the_heat"),
    "child_on_roof_wall_gulf": (
        "ياهل قاعد على سور السطح في البناية المقابلة", "child_at_a_height_edge"),
    "child_on_roof_edge_arabizi": (
        "6ifl 9agheer 3ala 7afat el so6a7 fo8 el 3imara", "child_at_a_height_edge"),
    "man_lying_still_mixed": (
        "في رجال lying عند الإشارة from an hour, مو قاعد يتحرك", "person_lying_still"),
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(URGENT))
def test_danger_now_fires_its_rule(key: str) -> None:
    text, rule = URGENT[key]
    assert urgent_rule(text) == rule


CALM = {
    # back, found, of yesterday, asked, a work delay, an office, a span of weeks
    "son_came_back_gulf": "ولدي اللي ما رجع من الوادي امس رجع بالليل وهو بخير",
    "came_back_english": "my son hadn't come back from the beach for two hours but he is fine now",
    "worker_not_back_to_finish_msa": "العامل لم يعد منذ ساعتين لإكمال الحفرة أمام المنزل",
    "workers_not_back_for_weeks_english": (
        "the workers haven't come back for three weeks to finish the pavement"),
    "hotline_not_answering_english": "your hotline has not been answering for an hour",
    "office_not_answering_gulf": "الموظف ما يرد على التلفون من الصبح وعندي بلاغ",
    "asked_if_not_back_english": (
        "what should we do if our son hasn't come back from the wadi after an hour?"),
    "not_back_yesterday_arabizi": "wldi elli ma rja3 ams min el ba7ar rja3 w hwa zain",
    "what_if_not_back_gulf": "شو نسوي لو ولدي ما رجع من البحر من ساعتين؟",
    "school_bus_late_english": "my son hasn't come back from school, the bus is late 20 minutes",
    # an elder well, a habit, a question
    "elder_picked_up_english": (
        "the old man who was wandering by the roundabout yesterday is home, his son picked him up"),
    "road_markings_at_night_gulf": "الخطوط ممسوحة وبالليل الواحد ما يعرف وين المسار",
    # a hose replaced, a question, a permit
    "gas_hose_replaced_english": "the cracked gas hose at the bakery was replaced last week",
    "gas_hose_if_gulf": "لو خرطوم الغاز انشق شو اسوي؟",
    # water depth of yesterday, asked
    "water_to_handles_yesterday_english": (
        "yesterday the water came up to the door handles, it has drained now"),
    # a permit for a board, a board removed
    "permit_for_road_closed_board_english": (
        "can I get a permit to put a road closed board on our street for a wedding at night?"),
    "barriers_asked_for_english": "please put barriers in the fast lane at night during the works",
    "water_to_handles_what_if_english": "what do we do if the water reaches the door handles?",
    # a vehicle parked for weeks, of yesterday, asked
    "pickup_parked_for_weeks_english": "a pick-up has been parked on the slope for three weeks",
    "truck_rolled_yesterday_english": (
        "yesterday a parked truck rolled down the hill by itself, luckily it hit nothing"),
    "shut_in_yesterday_gulf": "امس عامل انقفل عليه باب المخزن وطلعناه بعد ساعة",
    # second round
    "were_stuck_yesterday_arabizi": (
        "el 3yal elli kanaw 3al8een 3ala el jabal nazzalohom el difa3"),
    "ac_question_arabizi": "abi as2al law el mukayyif kharban 3ind el kbar, fi raqam 6awari?",
    "ac_fixed_english": "my grandmother's AC broke in the heat last week, it was fixed, thanks",
    "railing_asked_for_arabizi": "nabi 7adeed 3ala 7afat el so6a7 3ashan el yahal",
    "man_lying_yesterday_english": (
        "yesterday a man was lying by the signal and not moving, the ambulance took him"),
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(CALM))
def test_look_alike_fires_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


def test_not_back_holds_back_and_since_yesterday_is_no_past() -> None:
    """ "ما رجع" holds "رجع" (came back) and "من امس" holds "امس" (yesterday): neither ends
    the danger; "رجع" on its own and "امس" of the event do."""
    assert urgent_rule("ولدي ما رجع من البحر من ساعتين") == "person_not_back_now"
    assert urgent_rule("جدتي ما ترد على التلفون من امس وهي عايشة بروحها") == ("person_not_back_now")
    assert urgent_rule("ولدي ما رجع من البحر امس من ساعتين ورجع الحين") is None


def test_arabizi_water_is_no_negation() -> None:
    """By fold "el mai" (water) is "ما" (not): "el mai wa9al" (the water reached) is no "did
    not arrive"; the Latin not-back phrases are matched as spelled."""
    text = "el jeeran 3ndhom el mai wa9al 3nd el bab min sa3a"
    assert urgent_rule(text) != "person_not_back_now"
