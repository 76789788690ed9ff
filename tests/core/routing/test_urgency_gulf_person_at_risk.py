"""Urgency, twentieth pass: danger now in everyday Gulf and Omani words, above all a person at
risk said with no hazard word: an old woman vomiting and dizzy (تطرش وتدوخ), someone lying on
the road (نايم على الخط), a toddler alone in the middle of the expressway (ياهل بروحه في نص
الخط السريع), a scorpion sting whose hand has swollen (انلدغ ... يده انتفخت), a school bus
that "صدم طالب"; a palm or a meter catching fire said with the masculine ولع / يشب; a socket
that crackles (يطق) or smells of scorching (ريحة شياط); a tree that "سكرت الخط" (blocked the
road). And their calm look-alikes: the same words of yesterday, asked about, fixed, of a lamp
coming on (الليت ولع), of Emirati "send" (تطرش حد), of a mosquito bite with a spray request.

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Twentieth pass, Gulf"), never
from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

URGENT = {
    # person_sick_now: vomiting with a second sign of illness
    "old_woman_vomiting_dizzy_gulf": (
        "العجوز حق الجيران تطرش وتدوخ من الصبح ورا ما كلت من المطعم",
        "person_sick_now",
    ),
    "children_vomiting_poisoned_gulf": (
        "العيال في الروضة يطرشون وصاروا دايخين بعد وجبة الغدا",
        "person_sick_now",
    ),
    "children_vomiting_dizzy_arabizi": (
        "el yahal yetarshoon w daaykheen ba3d ma klaw mn el math3am",
        "person_sick_now",
    ),
    # child_alone_on_road
    "toddler_alone_expressway_gulf": (
        "في ياهل صغير يمشي بروحه في نص الخط السريع عند المعبيلة",
        "child_alone_on_road",
    ),
    "toddler_alone_main_road_arabizi": (
        "fi yahal broo7ah yimshi fi nus el khat 3ind el dowar",
        "child_alone_on_road",
    ),
    "girls_dizzy_vomiting_feminine_gulf": (
        "الطالبات دايخات ويستفرغن بعد وجبة الفطور في المخيم",
        "person_sick_now",
    ),
    # person_down_now with the Gulf words for lying on the road, fainted, not breathing
    "man_lying_on_the_road_gulf": ("واحد نايم على الخط عند الاشارة وما يرد", "person_down_now"),
    "man_thrown_on_the_ground_gulf": ("رجال مرمي على الارض عند المحطة", "person_down_now"),
    "old_woman_lying_gulf": ("الشيبانه منسدحه عند باب الجمعية", "person_down_now"),
    "son_not_breathing_gulf": ("ولدي ما يقدر يتنفس في المسبح", "person_down_now"),
    # vehicle_hit_a_person: the bare masculine past and a pupil
    "bus_hit_pupil_gulf": ("ضروري الباص حق المدرسه صدم طالب وهرب", "vehicle_hit_a_person"),
    # stung_and_swelling
    "scorpion_sting_swelling_gulf": (
        "ولدي انلدغ من عقربه في الحديقه ويده انتفخت",
        "stung_and_swelling",
    ),
    "scorpion_sting_swelling_arabizi": (
        "binti inldaghat mn 3agraba fil 7adeeqa w eedha mintifkha",
        "stung_and_swelling",
    ),
    # thing_caught_fire
    "dry_palms_caught_fire_gulf": ("النخل اليابس جنب المسجد ولع والهوا قوي", "thing_caught_fire"),
    "meter_catching_fire_gulf": ("الميتر برع البيت قاعد يشب", "thing_caught_fire"),
    "palms_caught_fire_arabizi": ("el nakhal wala3 3ind el masjid", "thing_caught_fire"),
    # exposed_wiring in Gulf words
    "socket_crackling_gulf": ("الكهربا تطق في الحمام والماي على الارض", "exposed_wiring"),
    "socket_scorching_smell_gulf": ("الفيش حق الغرفة فيه ريحة شياط", "exposed_wiring"),
    "socket_crackling_arabizi": ("el feesh 7ag el ghurfa y6ig w fee ri7at shya6", "exposed_wiring"),
    # open_manhole: a cover "pulled off"
    "manhole_cover_pulled_off_gulf": (
        "غطا المنهول مشلوع عند باب الروضة والبزران يمرون من جنبه",
        "open_manhole",
    ),
    # a fallen tree that blocked the (Omani) road
    "tree_blocked_the_road_gulf": (
        "شجرة الغاف طاحت وسكرت الخط كله والسيارات توقف فجاه",
        "fallen_tree_on_road",
    ),
    # leaning over a yard
    "wall_leaning_over_the_yard_gulf": (
        "الحيطة منفلعة ومايلة على حوش الجيران والعيال فيه",
        "leaning_over_people",
    ),
}


@pytest.mark.parametrize("key", sorted(URGENT))
def test_gulf_danger_now_fires_its_rule(key: str) -> None:
    text, rule = URGENT[key]
    assert urgent_rule(text) == rule


CALM = {
    "vomited_yesterday_now_fine": "الجدة كانت تطرش وتدوخ امس ونقلوها المستشفى والحين بخير",
    "vomiting_question": "ابي اعرف لو واحد يطرش ويدوخ من اكل مطعم وين اشتكي",
    "emirati_send_someone": "ياريت تطرش حد يشوف الحفرة اللي قدام البيت",
    "toddler_alone_yesterday": "ياهل بروحه في نص الخط السريع امس والحمدلله الشرطة رجعوه",
    "toddler_alone_question": "لو شفت ياهل بروحه في الخط السريع منو اكلم",
    "lamp_came_on": "الليت ولع بعد ما صلحوه مشكورين",
    "we_lit_charcoal": "ولعنا الفحم في الحديقة وما لقينا حاويات",
    "palms_burnt_last_week": "النخل اللي ولع الاسبوع الماضي شالوه",
    "nothing_caught_fire": "ما شب شي الحمدلله بس الميتر قديم",
    "bus_hit_the_kerb": "الباص صدم الرصيف وكسر الحجر",
    "man_on_the_road_yesterday": "واحد نايم على الخط امس والشرطة شالوه",
    "cable_denied_crackling": "الكيبل ما يطق ولا فيه ريحة شياط بس ابي اعرف متى بيغيرونه",
    "sting_last_month": "ولدي انلدغ من عقربه الشهر اللي طاف، نبي رش للحي",
    "mosquito_swelling_spray": "ولدي انقرص من بعوض ويده منتفخة شوي، نبي رش",
    "pole_leaning_for_years": "العمود مايل على الخط من سنين وثابت",
    "old_woman_fell_last_week": "الشيبانه طاحت قبل اسبوع في الممشى ونبي درابزين",
    "restaurant_grill_smell": "المطعم ريحته شياط كل ليلة من الشوي",
    "student_licence": "ابي رخصة طالب جامعي للسكن",
    "manhole_cover_replaced": "المنهول اللي كان غطاه مشلوع ركبوا له غطا جديد، مشكورين",
    "sting_a_month_ago_arabizi": "wildi inldagh mn 3agrab gabl shahar w eedah intafakhat, bas el7een zain",
}


@pytest.mark.parametrize("key", sorted(CALM))
def test_gulf_look_alike_fires_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


def test_now_he_is_fine_keeps_the_model_quiet() -> None:
    text = "الجدة كانت تطرش وتدوخ امس ونقلوها المستشفى والحين بخير"
    assert not model_may_flag(text, 0.5)
