"""Urgency, fourteenth pass: a fear with a present sign, places people are, animals now, glass.

A fear or a "may" with a present sign ("we fear it falls now", "خايفين يطيح الحين") is danger
now, for the rules and the urgent model alike; a fear for "one day" with no present sign stays
calm. Water or sewage inside a room people use that is not a home (a mosque's ablution area, a
prayer hall, a clinic's waiting room, labour-camp rooms) is urgent like water in a home. An
animal surrounding a person, or chasing one now, is urgent; strays that chase children as a
standing complaint are not. Glass left hanging in a shattered door over a walkway with people
under it is urgent. A worker collapsed from the heat, a child in a locked car. Each in every
form, in the order English, MSA, Gulf, Arabizi, mixed; then the calm twins. Written from the
pass's sub-topic list (docs/ROUTING_DATA.md, "Fourteenth pass"), never from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

URGENT: dict[str, list[str]] = {
    "a fear with a present sign": [
        "I'm afraid the shop canopy is collapsing right now, there are people under it",
        "نخشى أن يسقط جدار السور الآن فوق المارة",
        "خايفين اللوحة تطيح على السيارات الحين",
        "5ayfeen el jidar y6ee7 el7een 3la el nas",
        "We fear the sign بيطيح الحين on the cars",
    ],
    "water or sewage inside a room people use": [
        "Sewage is coming up inside the ablution area of the mosque",
        "دخلت مياه الأمطار إلى قاعة الانتظار في المستوصف",
        "المجاري طالعة داخل الميضة والمصلين يتوضون",
        "el mai da5al ghuraf el 3ummal fil sakan",
        "Rain water دخل المصلى والسجاد غرقان",
    ],
    "an animal surrounding a person": [
        "Five dogs surrounded the cleaner behind the hospital",
        "قطيع من الكلاب تحيط بطفل عند المدخل",
        "الكلاب محاوطين الولد عند البقالة",
        "chlaab m7aw6een el walad 3ind el ba8ala",
        "Stray dogs محاوطين الـ worker عند الحاويات",
    ],
    "an animal chasing a person now": [
        "Stray dogs are chasing a little girl down our road right now",
        "كلاب ضالة تطارد طفلا في الحي الآن",
        "الكلاب لاحقين ولد الجيران الحين في السكة",
        "el chlaab y6ardoon wild el jeeran el7een",
        "Dogs يطاردون طفل في الـ park الحين",
    ],
    "glass hanging over people": [
        "Broken glass is still hanging in the shopfront frame above the entrance people use",
        "قطع الزجاج معلقة في إطار الواجهة المكسورة فوق مدخل المشاة",
        "القزاز متكسر وباقي قطع معلقة فوق الممر والناس يمرون",
        "g6a3 el gzaz m3allga fog el madkhal w el nas y6la3oon",
        "The glass متكسر وفيه قطع hanging فوق الـ entrance",
    ],
    "a person collapsed from the heat or in a locked car": [
        "A labourer passed out on the roof at noon",
        "عامل انهار من شدة الحر في الورشة ولا يستجيب",
        "عامل طاح من الحر في الموقع",
        "3amil 6a7 mn el 7arr fil mazra3a",
        "A child متروك in a locked car في الشمس",
    ],
}

CALM: dict[str, list[str]] = {
    "a fear for one day, with no present sign": [
        "I'm worried the old canopy might come down one day",
        "نخشى أن يسقط جدار السور في يوم من الأيام إذا استمرت الأمطار",
        "اخاف اللوحة تطيح يوم من الايام",
        "a5af el jidar el gadeem y6ee7 yoom mn el ayyam",
        "Worried the sign بيطيح one day",
    ],
    "a bad smell or a past flood in a room people use": [
        "The ablution area smells of drains, please clean it",
        "دخلت مياه الأمطار إلى قاعة الانتظار الشهر الماضي ونطلب تحسين التصريف",
        "الميضة ريحتها خايسة من أسبوع",
        "el mai da5al ghuraf el 3ummal el shahar elli fat w el7een nashfa",
        "الـ wudu area needs cleaning من أسبوع",
    ],
    "strays as a standing complaint, dead or barking": [
        "الكلاب يلحقون العيال في الفريج، ودنا تمسكونهم",
        "el chlaab yil7agoon el 3yal kil yoom, nabi a7ad yimsikhum",
        "الكلاب تنبح طول الليل في الفريج",
        "fee chalb mayit 3ind el dawwar",
        "Stray dogs ينبحون طول الليل",
    ],
    "glass replaced, or asked about": [
        "The broken glass hanging over the entrance was removed yesterday, thank you",
        "تم إزالة قطع الزجاج المعلقة فوق المدخل، شكرا",
        "القزاز اللي كان معلق فوق الممر شالوه مشكورين",
        "el gzaz elli kan m3allag fog el madkhal shaloh, shukran",
        "The glass اللي كان hanging فوق الـ entrance تم تغييره",
    ],
    "no gas, said in one word": [
        "mafi ri7at ghaz, el ri7a min el bal3a",
        "مافي ريحة غاز، الريحة من البلاعة",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(kind, text) for kind, texts in table.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), _cases(URGENT))
def test_each_kind_of_danger_now_fires_a_rule_in_every_form(kind: str, text: str) -> None:
    assert urgent_rule(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), _cases(CALM))
def test_a_future_fear_a_nuisance_a_standing_complaint_or_a_settled_danger_stays_calm(
    kind: str, text: str
) -> None:
    assert urgent_rule(text) is None, f"{kind}: {text}"


@pytest.mark.parametrize(
    "text",
    [
        "نخشى أن ينهار سقف المسجد الآن",
        "خايفين السقف يطيح الحين",
        "We're scared the ceiling is coming down right now",
        "5aifeen el saqf y6ee7 el7een",
        "خايفين الـ ceiling يطيح الحين",
    ],
)
def test_a_fear_with_a_present_sign_lets_a_confident_model_count(text: str) -> None:
    assert model_may_flag(text, 0.9)


@pytest.mark.parametrize(
    "text",
    [
        "نخشى أن ينهار سقف المسجد القديم يوما ما",
        "خايفين السقف يطيح يوم من الايام",
        "We're scared the ceiling could come down one day",
        "5aifeen el saqf y6ee7, wa9fa el shikaya lil7een ma 7ad rad",
        "We fear the ceiling will fall, till now nobody came",
    ],
)
def test_a_fear_without_a_present_sign_keeps_the_model_off(text: str) -> None:
    assert not model_may_flag(text, 0.99)


@pytest.mark.parametrize(
    "text",
    ["عض كلب طفلا منذ قليل عند باب المدرسة", "عض كلب ضال عاملا للتو في الحديقة"],
)
def test_msa_just_now_makes_a_bite_danger_now(text: str) -> None:
    assert urgent_rule(text) == "bite_just_now"


def test_msa_just_now_is_a_now_for_the_urgent_model_and_for_contact_it_is_not() -> None:
    assert model_may_flag("سقطت قطعة من واجهة المبنى للتو", 0.5)
    assert not model_may_flag("سقطت قطعة من واجهة المبنى، رقمي للتواصل 99999999", 0.5)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # MSA verbal nouns: falling in pieces, liable to fall
        ("تشقق جسر المشاة وتساقط أجزاء منه على الطريق", "collapsing_structure"),
        ("واجهة المبنى آيلة للسقوط", "collapsing_structure"),
        ("تطاير ألواح سقف محطة الحافلات والركاب ينتظرون", "thing_giving_way_near_people"),
        # a pavement caving in; a ground floor flooding
        ("انهيار جزء من الرصيف في مجرى الوادي", "road_collapse_or_open_trench"),
        ("مياه الأمطار تغمر الطابق الأرضي لعمارة سكنية", "water_inside_home"),
        # Gulf: the water got in (داش); a tree on a car; a flood across a road with cars in it
        ("الماي داش البيت وواصل الغرف", "water_inside_home"),
        ("الشجرة طاحت على السيارة والرجال داخلها", "fallen_tree_on_road"),
        ("السيل قاطع الشارع والسيارات تقطع فيه", "crossing_running_wadi"),
        ("السقف قاعد يخر على الفيش والكهربا شغالة", "exposed_wiring"),
        # smoke coming out of a home, in every form
        ("Smoke is coming out of the flat upstairs and nobody answers", "smoke_from_a_home"),
        ("دخان يتصاعد من شقة في الطابق الثالث", "smoke_from_a_home"),
        ("الدخان طالع من شقة الجيران ومحد يفتح", "smoke_from_a_home"),
        ("do5an 6aali3 mn ghurfa fi sakan el 3ummal", "smoke_from_a_home"),
        ("Smoke طالع من الـ flat اللي فوقنا", "smoke_from_a_home"),
    ],
)
def test_msa_verbal_nouns_gulf_verbs_and_smoke_from_a_home_fire(text: str, rule: str) -> None:
    assert urgent_rule(text), rule  # `rule` names the rule written for it; another may fire first


@pytest.mark.parametrize(
    "text",
    [
        "Smoke from the landfill drifts over the houses every evening",
        "الدخان اللي طالع من المصنع يزعج البيوت كل ليلة",
        "الدش في الحمام يخر ماي",
        "انفجر أنبوب الري في الحديقة وتغمر المياه الممرات",
        "لا يوجد تساقط لأي أجزاء من الجسر، فقط طلاء قديم",
    ],
)
def test_a_chimney_a_shower_a_park_path_or_a_denial_is_not_danger_in_a_home(text: str) -> None:
    assert urgent_rule(text) is None
