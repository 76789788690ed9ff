"""Urgency, twenty-first pass: kinds of danger to people now that no rule read, in Gulf and
MSA first: sea waves reaching people on a shore (الموج يغطيهم، الأمواج تصل إلى المارة); a
diesel or fuel tank leaking (Gulf يهرب) near homes or people; stairs fallen with people still
above; a named person shaking or convulsing (يرجف، ترتجف); the Gulf diminutives for a child
(بنيتي، وليدي) in the road; a lost old man on a fast road; a jet ski or a water bike that
struck a swimmer; sand pouring onto a worker (انهالت على). And their calm look-alikes: of
yesterday or of a past storm, fixed, asked about ("abi as2al law ..."), shivering from the
cold, out and well (خرج سالما، "is fine"), a market that "ولع" from the crowd.

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Twenty-first pass"), never
from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

URGENT = {
    # waves_reaching_people
    "waves_cover_boys_on_rocks_gulf": (
        "الموج العالي قاعد يغطي الاولاد اللي فوق صخور الكاسر", "waves_reaching_people"),
    "waves_reach_walkers_msa": (
        "الأمواج تصل إلى المارة على ممشى الشاطئ في هذه اللحظة", "waves_reaching_people"),
    "wave_struck_young_men_gulf": (
        "موجه كبيره ضربت على الشباب عند الحاجز", "waves_reaching_people"),
    "waves_over_families_arabizi": (
        "el mooj y6la3 3al mamsha w el 3yal gaa3deen hnak", "waves_reaching_people"),
    "waves_crashing_onto_families_english": (
        "waves crashing over the seawall onto families picnicking", "waves_reaching_people"),
    # fuel_leaking_near_people
    "diesel_tank_leaking_by_houses_gulf": (
        "تانكي ديزل يهرب جنب البيوت من الصبح", "fuel_leaking_near_people"),
    "fuel_tanker_leaking_by_school_msa": (
        "يتسرب الوقود من الصهريج بجوار المدرسة", "fuel_leaking_near_people"),
    "diesel_leaking_by_homes_arabizi": (
        "el diesel yhrab mn el tanki janb el byoot", "fuel_leaking_near_people"),
    "diesel_seeping_to_kids_english": (
        "diesel seeping from the drum where kids play", "fuel_leaking_near_people"),
    # stairs_gone_with_people_above
    "stairs_fell_family_above_gulf": (
        "الدرج طاح والعايله فوق في الدور الثاني", "stairs_gone_with_people_above"),
    "staircase_collapsed_residents_upper_floors_msa": (
        "انهار السلم وبقي السكان في الطوابق العليا", "stairs_gone_with_people_above"),
    "stairs_broken_mother_above_arabizi": (
        "el daraj inkasar w ummi fog fi el dor", "stairs_gone_with_people_above"),
    "stairs_gave_way_neighbours_upstairs_english": (
        "the stairs gave way and our neighbours are upstairs", "stairs_gone_with_people_above"),
    # person_shaking_now
    "worker_shaking_gulf": ("العامل يرجف عند المضخة وعيونه مقلوبه", "person_shaking_now"),
    "old_woman_convulsing_msa": ("امرأة مسنة ترتجف ولا تتكلم", "person_shaking_now"),
    "daughter_shaking_arabizi_diminutive": ("bnayti tirjif w ma trod", "person_shaking_now"),
    # young_child_in_the_road and person_lost_on_road
    "little_girl_in_the_middle_of_the_road_gulf": (
        "بنيتي ركضت لين نص الشارع", "young_child_in_the_road"),
    "child_between_the_cars_msa": ("طفل صغير يمشي بين السيارات", "young_child_in_the_road"),
    "lost_old_man_on_expressway_gulf": (
        "شيبه ضايع يمشي على الخط السريع", "person_lost_on_road"),
    "lost_old_man_on_highway_msa": ("مسن تائه على الطريق السريع", "person_lost_on_road"),
    # vehicle_hit_a_person: a jet ski or water bike struck a swimmer
    "jet_ski_hit_swimmer_gulf": ("جت سكي صدم سباح عند الشاطئ", "vehicle_hit_a_person"),
    "water_bike_struck_swimmer_msa": (
        "دراجة مائية اصطدمت بسباح قرب الحاجز", "vehicle_hit_a_person"),
    # person_down_now: buried, shut in a car, a girl stuck in a lift
    "worker_buried_gulf": ("العامل انطمر في الحفره", "person_down_now"),
    "girl_stuck_in_lift_msa": ("فتاة عالقة في مصعد المبنى", "person_down_now"),
    # came_down_on_a_person: sand poured onto a worker
    "sand_poured_onto_worker_msa": ("انهالت الرمال على عامل في الخندق", "came_down_on_a_person"),
    # harm_to_people_now: a dog bit a child and the blood is flowing
    "dog_bit_child_bleeding_gulf": ("كلب عض ياهل والدم ينزل", "harm_to_people_now"),
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(URGENT))
def test_danger_now_fires_its_rule(key: str) -> None:
    text, rule = URGENT[key]
    assert urgent_rule(text) == rule


CALM = {
    "waves_reached_walk_yesterday": "الموج وصل الممشى امس والناس طلعوا قبل",
    "waves_in_the_last_storm": "الموج غطى الكورنيش في المنخفض اللي طاف والحين الناس يمشون عادي",
    "waves_question_arabizi": "abi as2al law el mooj wa9al el nas mino el mas2ool",
    "waves_high_every_afternoon": "الموج عالي كل عصر عند الشاطئ ونبي رايات تنبيه",
    "diesel_leak_fixed": "تانكي الديزل اللي كان يهرب جنب البيوت صلحوه",
    "fuel_leak_question": "منو المسؤول لو الديزل يهرب من تانكي جنب البيوت؟",
    "prices_scare_people_off": "الاسعار في السوق الجديد تهرب الناس",
    "fuel_station_as_a_place": "حمامات محطة الوقود يتسرب منها الماي والناس يتضايقون",
    "stairs_fixed": "الدرج اللي انكسر صلحوه والسكان فوق مرتاحين",
    "stairs_fell_yesterday": "الدرج طاح امس والسكان نزلوا كلهم قبل",
    "shivering_from_the_cold": "ولدي يرجف من البرد بعد السباحة",
    "shaking_yesterday": "العامل كان يرجف امس ونقلوه",
    "market_heaving": "السوق ولع اليوم من الزحمة",
    "girl_out_of_the_lift_safe": "الطفل الذي علق في المصعد خرج سالما ونطلب صيانة",
    "kid_locked_in_car_yesterday_fine": (
        "the kid who got locked in the car yesterday is fine, please add signs"),
    "diminutive_at_the_park": "بنيتي تحب الحديقة ونبي العاب جديدة",
    "lost_man_found": "الشيبه الضايع لقيناه في البيت والحمدلله بخير",
    "jet_ski_noise": "الجت سكي يزعجون السباحين كل جمعة",
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(CALM))
def test_look_alike_fires_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


@pytest.mark.parametrize(
    "text",
    [
        "abi as2al law el yahal 6a7 fi 7ufra mino el mas2ool",
        "ابي اسال لو طاح جدار على سيارتي منو يعوضني",
        "I wanted to ask if a child falls into an open pit who is responsible",
    ],
)
def test_a_question_if_keeps_the_model_quiet(text: str) -> None:
    assert not model_may_flag(text, 0.95)


def test_a_danger_now_keeps_the_model_counting() -> None:
    assert model_may_flag("ولدي طاح في حفره مفتوحه الحين تكفون", 0.95)
