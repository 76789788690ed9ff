"""Urgency, eighteenth pass: the Gulf, Omani and Arabizi words for dangers the rules already
read (fire as "ضو ماسك", an electric shock as "ضربته كهربا", Omani "بطيح" for falling,
"حادر" for a wadi in flood, riders slipping on spilt oil, a scorpion's sting just now, gas
"escaping", "el may" for water, Arabizi "gabl shwai" and "tawni" for just now), a car or bus
in the middle of a wadi's water, and the calm look-alikes: "ضو" as a light, "الحين ابي اعرف"
(now as "so" before a question), a wadi that came down last week, wasps at a school and a
sting last week as standing complaints, a street that "drowns" every rain.

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Eighteenth pass"), never from
a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

URGENT = {
    "fire_omani_daw": "في ضو ماسك في الحشيش اليابس جنب سور البيوت والعيال برا",
    "fire_omani_daw_arabizi": "fi 9aw masik fi el 7sheesh wara el byoot",
    "fire_breaks_out": "شب ضو في المخزن اللي ورا العمارة",
    "shock_gulf": "الولد توه ضربته كهربا من عمود الليت اللي عند الملعب",
    "shock_arabizi": "el walad dharabta kahraba min bab el 7oosh",
    "fence_shocking": "الشبك حق الحديقة قاعد يضرب كهربا والعيال حوله",
    "will_fall_omani": "السقف حق المجلس بطيح على الناس اللي قاعدين تحت",
    "railing_loose_footbridge": "الدرابزين في جسر المشاه مفكوك والطلاب يعبرون عليه",
    "wadi_hadir_crossing": "الوادي حادر والشباب يقطعونه بالموترات",
    "oil_riders_slipping": "زيت منكب على الدوار والسياكل يزلقون",
    "oil_riders_slipping_arabizi": "zait mnkab 3la el dwaar w el syakil yzlagoon",
    "sting_just_now_arabizi": "3agrab garsat binti gabl shwai fi el 7oosh",
    "sting_just_now_gulf": "عقرب قرصت ولدي قبل شوي في الحوش",
    "gas_escaping": "الغاز يهرب من المطعم اللي تحت العمارة",
    "gas_escaping_arabizi": "el ghaz yhrib min el ma63am ta7t el 3imara",
    "water_inside_arabizi": "el may dash el bait w wasal el ghuraf",
    "bus_mid_wadi": "باص المدرسة واقف في نص الماي والسيل ماخذ الطريق",
    "bus_mid_wadi_arabizi": "el bas wagif fi nus el may w el sail ma5ith el 6areeg",
    "swimming_high_waves": "بزران يسبحون في البحر والموج عالي",
    "omani_snake_indoors": "داب كبير داخل غرفة اليهال تحت السرير",
}


@pytest.mark.parametrize("key", sorted(URGENT))
def test_gulf_and_arabizi_danger_words_fire_a_rule(key: str) -> None:
    assert urgent_rule(URGENT[key]) is not None


CALM = {
    "daw_is_a_light": "الضو طافي في الشارع من أسبوع",
    "daw_light_on_all_day": "الضو شاب في النهار والليل في شارعنا",
    "shock_denied": "ما ضربته كهربا بس نبي تشيكون على الشبك",
    "falls_feared": "الجدار فيه شقوق، خايفين يطيح يوم",
    "wadi_came_down_last_week": "الوادي حدر الأسبوع اللي فات وخرب الطريق الترابي",
    "hadarna_to_the_office": "حدرنا البلدية أمس عشان التصريح",
    "rubbish_spills": "الزبالة تنكب من الحاوية كل يوم",
    "scorpions_at_home_again": "في عقارب وايد في الحي هالأيام، نبي رش",
    "beach_calm": "بزران يسبحون في البحر والجو حلو، ابي اسأل عن المظلات",
    "wasps_nest_question": "في عش دبابير في الفصل، متى بتجون ترشون؟",
    "wasps_at_school_habitual": "dababeer wayed 3ind bab el madrasa w yigir9oon el 3yal",
    "scorpion_stung_last_week": "عقرب قرصت ولدي الأسبوع اللي فات، نبي رش للحي",
    "street_floods_every_rain": "kil m6ar tighrag el 7ara w el share3",
    "car_in_wadi_last_month": "سيارة مهجورة في نص الوادي من شهر",
    "gas_licence": "ابي تصريح لبيع الغاز في البقالة",
}


@pytest.mark.parametrize("key", sorted(CALM))
def test_gulf_and_arabizi_calm_look_alikes_fire_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


@pytest.mark.parametrize(
    "text",
    [
        "el raml ghat el khat el saree3 w sar 7adith gabl shway",
        "el 3amood 6a7 3la el sayyara tawni",
        "الجدار طاح على الموتر توني",
    ],
)
def test_arabizi_and_gulf_just_now_let_the_model_flag(text: str) -> None:
    assert model_may_flag(text, 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "الحين ابي اعرف الكهربا متى بترجع للحلة",
        "alheen abi a3rif el kahraba mita btirja3",
        "al7een abi as2al 3n el tasree7",
    ],
)
def test_now_opening_a_question_does_not_let_the_model_flag(text: str) -> None:
    assert not model_may_flag(text, 0.5)


def test_someone_in_a_stuck_lift_in_arabizi_spelling_fires() -> None:
    assert urgent_rule("el mas3ad wagaf bain el adwar w feeh maree9 3la kursi") is not None


@pytest.mark.parametrize(
    "text",
    [
        "الموج سحب ولد من الشاطئ وأبوه يصيح",
        "السيل شال سيارة عند العبارة وشفناها تمشي مع الماي",
        "el sail shal sayyara 3ind el 3abbara",
        "el mooj s7ab bint min el shati",
    ],
)
def test_water_carrying_someone_or_a_car_off_fires(text: str) -> None:
    assert urgent_rule(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "المظلة الحديد في السوق قاعدة تنطوي من الهوا والبياعين تحتها",
        "el mathalla fi el soog tin6awi min el hawa w el bayya3een ta7tha",
    ],
)
def test_a_canopy_folding_over_sellers_fires(text: str) -> None:
    assert urgent_rule(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "السيل شال الطريق الترابي حق الحلة، نبي تسوونه",
        "البلدية شالوا السيارة المهجورة أمس، شكرا",
        "السيل شال سيارة السنة اللي فاتت وللحين ما طلعوها",
        "ma7al el ghaseel 3al share3 w el mai yijri fi el sikka",
        "المظلة في السوق قماشها مشقق وتنطوي إذا جا هوا، نبي تغيير",
    ],
)
def test_carried_off_and_folding_look_alikes_fire_no_rule(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "بيت الطين اللي جنب المسجد يتفكك ويتساقط والعيال يلعبون جنبه",
        "قواطي كيماويات منكبة جنب المدرسة وريحتها تخنق الطلاب",
        "ماسورة الماي الرئيسية منفجرة والماي طالع في الشارع",
        "اسلاك الضغط العالي مرتخية لين تلمس سطح البيت",
    ],
)
def test_mud_house_choking_smell_burst_main_and_wires_on_a_roof_fire(text: str) -> None:
    assert urgent_rule(text) is not None


def test_el_may_is_water_not_a_hedge_in_arabizi() -> None:
    assert urgent_rule("masoorat el may monfajra w el may tale3 fi el share") is not None


@pytest.mark.parametrize(
    "text",
    [
        "the old wall may collapse one day, please inspect it",
        "بيت الطين القديم جنبنا مهجور ويبيله إزالة، متى تجون؟",
        "ماسورة الماي انفجرت أمس وصلحوها، بس الشارع فيه طين",
    ],
)
def test_a_hedge_an_empty_mud_house_and_a_mended_main_fire_no_rule(text: str) -> None:
    assert urgent_rule(text) is None
