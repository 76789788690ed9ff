"""Urgency, nineteenth pass: harms told as events in Gulf, Omani and Arabizi writing, with no
"now" word ("a bus hit a boy", "an old man is lying fallen at the bus stop", "a woman is stuck
in the clinic's lift", "a girl fell from the third-floor balcony"), pleas in dialect (فزعة،
انقذونا، "saa3dona", "il7agona"), and the calm look-alikes: the same harm said of yesterday or
days ago, taken to hospital or got out, a near miss at a crossing, a question, late in traffic,
a worker fallen "last month" in Arabizi ("el shahar elli 6af"), a fear said "n5aaf".

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Nineteenth pass"), never from
a test set.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen
from core.routing.urgency import model_may_flag, urgent_rule

URGENT = {
    # person_down_now: a named person lying fallen, not moving, shut in
    "old_man_down_gulf": "شيبة طايح عند موقف الباص في المعبيلة وما يقدر يقوم",
    "old_man_down_arabizi": "shaiba 6ayi7 3ind mawgif el bas w ma ygdar ygoom",
    "old_man_down_arabizi_no_digit_vowel": "walad 6ay7 fil share3 w damm 7ool raasa",
    "woman_stuck_gulf": "الحرمة علقانة في اللفت حق العمارة من ربع ساعة",
    "woman_shut_in_arabizi": "el 3ajooz m7boosa fi 7ammam el jami3 w el bab ma yinfti7",
    "shut_in_washroom_gulf": "الشيبة انحبس في حمام الجامع والباب ما ينفتح",
    "heat_stroke_gulf": "بنت ضربتها ضربة شمس في الطابور الصباحي",
    "wadi_took_brother_gulf": "تكفون الحقونا الوادي شال اخوي",
    "wadi_took_brother_arabizi": "tkfoon il7agona el wadi shal a5oy",
    "plea_and_man_down_gulf": "الله يخليكم الحقونا، الشيبة طايح في الحمام وما نقدر نفتح الباب",
    "english_man_down": "an old man is lying on the ground at the bus stop and not responding",
    # fell_from_a_height: a named person fallen from a floor, a roof, a scaffold
    "fell_from_floor_arabizi": "wa7da mn el 3aamlat 6a7at mn el dor el thani",
    "fell_from_roof_gulf": "عامل طاح من السطح في البيت اللي يبنونه جنبنا",
    "fell_from_scaffold_english": "a worker fell from the scaffold at the tower on 18th November St",
    # vehicle_hit_a_person
    "bus_hit_boy_gulf": "سيارة صدمت ولد عند الممشى اللي ما فيه إشارة في العامرات",
    "car_hit_boy_arabizi": "sayyara 9idmat walad 3ind el mamsha, el walad 3al ar9",
    "car_ran_over_worker_gulf": "سيارة دهست عامل في الشارع اللي جنب السوق",
    "car_ran_over_worker_arabizi": "sayyara dahsat 3aamil fil share3",
    "car_hit_english": "a car hit a boy at the crossing by the school",
    # smoke filling a home
    "smoke_fills_flat_gulf": "الدخان مالي الشقة وفيها عجوز ما تقدر تمشي",
    "smoke_fills_flat_arabizi": "el dukhan mali el sha8a w fiha 3ajooz ma tigdar timshi",
    # a harm with a Gulf verb and a plea
    "shocked_with_plea_gulf": "ساعدوني ولدي انكهرب من الفيش اللي في الحديقة",
    "shocked_with_plea_arabizi": "saa3dona wildi tkahrab min el lait fil 7adeeqa",
}


@pytest.mark.parametrize("key", sorted(URGENT))
def test_harm_told_as_an_event_fires_a_rule(key: str) -> None:
    assert urgent_rule(URGENT[key]) is not None


CALM = {
    "hit_yesterday_gulf": "امس سيارة صدمت ولد عند الاشارة والحمدلله بخير، نبي مطب",
    "hit_yesterday_arabizi": "ams sayyara 9idmat walad 3ind el ishara, nabi ma6ab",
    "near_miss_gulf": "سيارة كادت تصدم طفل عند المدرسة، نبي مطب",
    "near_miss_every_day_gulf": "كل يوم السيارات بغت تدعم العيال عند المدرسة",
    "got_her_out": "العامل كان عالق في المصعد ساعة وطلعوه الحمدلله",
    "taken_to_hospital": "عامل مصاب نقلوه المستشفى، نبي حواجز للحفرية",
    "fell_two_days_ago_gulf": "قبل يومين واحد طاح من السقالة في المشروع، ما عندهم سلامة",
    "fell_two_days_ago_arabizi": "gabl yomain wa7ed 6a7 mn el sgala fil mashroo3",
    "question_gulf": "ابي اعرف اذا واحد طاح في حفرة البلدية من يعوضه",
    "question_arabizi": "abi a3rf law walad 6a7 fi 7ofra 7ag el baladiya mn el mas'ool?",
    "late_in_traffic": "الولد عالق في الزحمة ويتأخر عن المدرسة",
    "habit_gulf": "الشيبة يطيح كل مرة في الممشى لان البلاط مكسر",
    "swing_yesterday_nothing_happened": "الكرسي طايح، الياهل طاح منها امس والحمدلله ما صار له شي",
    "workers_shouting_noise": "الشاحنات تدخل وتطلع والعمال يصارخون من الساعة ٦",
    "last_month_arabizi": "el shahar elli 6af el kilab 3a99at walad 3ind el mazari3",
    "fear_long_vowel_arabizi": "jedar el soor mayil shway w n5aaf y6ee7 yom 3al 3yal",
    "lift_nobody_was_in_it_arabizi": "el lift wagaf ams sa3a w ma kan fih a7ad, bas nabi 9iyana",
    "plea_for_bins_arabizi": "saa3dona bas el 7awiya matroosa min 3 ayyam",
    "mabaila_is_a_place": "الحاوية اللي جدام الدكان في المعبيلة الثامنة مكسورة",
}


@pytest.mark.parametrize("key", sorted(CALM))
def test_a_past_denied_or_feared_harm_fires_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


@pytest.mark.parametrize(
    "text",
    [
        "faz3a ya jama3a el may dash el bait",
        "انقذونا الماي داخل البيت",
        "bsor3a el may dash el bait",
    ],
)
def test_dialect_pleas_let_the_model_flag(text: str) -> None:
    assert model_may_flag(text, 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "مشكورين يا فريق الطوارئ على الفزعة يوم الوادي حدر",
        "قبل ايام تسممنا من شاورما المطعم، نبي تفتشونه",
        "el shahar elli 6af ghirag walad fil birka, n6alib b soor",
    ],
)
def test_thanks_days_ago_and_last_month_keep_the_model_quiet(text: str) -> None:
    assert not model_may_flag(text, 0.9)


@pytest.mark.parametrize(
    "text",
    [
        "سيارة صدمت ولد عند دوار الحيل والولد طايح، اتصلوا علي 99123456",
        "sayyara 9idmat walad 3ind el dowar, ana 3ind el ishara, raqmi 92345678",
    ],
)
def test_a_harm_with_a_phone_number_is_no_spam(text: str) -> None:
    assert screen(text, category_confidence=0.55, advert_probability=None) != SPAM


@pytest.mark.parametrize(
    "text",
    [
        "عروض الفزعة! خصم ٥٠٪ على كل المكيفات، اطلب بسرعة قبل نفاد الكمية، واتساب 91234567",
        "saa3dona nwa9il lkom: ta5fee9 el wazn bdoon rejeem, el ta3bi2a b 9 riyal, whatsapp 91234567",
    ],
)
def test_an_advert_with_a_plea_word_is_still_spam(text: str) -> None:
    assert screen(text, category_confidence=0.55, advert_probability=0.9) == SPAM


@pytest.mark.parametrize(
    "text",
    [
        "الخندق حق المقاول انهد على عامل ونص جسمه تحت التراب",
        "el 5andaq inhad 3ala 3aamil w nu9 jismah ta7t el turab",
        "the trench came down on a worker at the Mabela site",
        "السقف المعلق نزل على الحريم في القاعة",
    ],
)
def test_something_come_down_on_a_named_person_fires(text: str) -> None:
    assert urgent_rule(text) == "came_down_on_a_person"


@pytest.mark.parametrize(
    "text",
    [
        "3yal el jeeran y9ee7oon w y6ee7oon fil 7oosh kil 3a9ir",
        "ولدي طاح على وجهه في الحديقة امس بسبب البلاط",
        "el wadi shal el sayyara el 3atiga mn shahar",
    ],
)
def test_children_falling_at_play_or_a_fall_yesterday_fire_no_rule(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ولد تكهرب من الليت اللي في نص الحديقة واهله حاملينه وهو ما يستجيب",
        "walad tkahrab mn el lait elli fil 7adeeqa w ahla 7amleenah w ma yistajeeb",
    ],
)
def test_a_harm_and_a_body_down_in_one_message_fire(text: str) -> None:
    assert urgent_rule(text) == "harmed_and_down"


def test_a_harm_and_a_body_down_days_ago_fire_no_rule() -> None:
    text = "قبل يومين ولد تكهرب من الليت في الحديقة وكان ما يستجيب، نقلوه المستشفى"
    assert urgent_rule(text) is None


def test_help_them_without_digit_letters_lets_the_model_flag() -> None:
    assert model_may_flag("el wadi hadir w el shabab y9addoon bel sayyara, ilhagoohom", 0.5)


def test_cars_driving_with_speed_in_arabizi_is_no_now_word() -> None:
    assert not model_may_flag("nabi matab 3ind el madrasa, el sayyarat tmshi b sor3a", 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "el mooter 7ag el jaar el gadeem ma t7arrak min sana, wagif 3al rasif",
        "mafi tasreeb wala sharar, bas el 9andoog 9adeem",
    ],
)
def test_a_still_car_or_an_old_box_is_no_danger_for_the_urgent_model(text: str) -> None:
    assert not model_may_flag(text, 0.9)
