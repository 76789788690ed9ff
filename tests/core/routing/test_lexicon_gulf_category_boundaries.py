"""Twentieth category pass (issue 17): the everyday Gulf and Omani words for the
municipality's categories, in Gulf Arabic, Arabizi and mixed messages (a Gulf cat قطو, foxes,
camels بعارين, nesting pigeons, black or dirty water for sewage, bins براميل "fayid", rubble
and tyres, a Gulf pick-up وانيت, a dusty car مغبر, water coolers برادة, showers دوش, a pitch
ملعب, sprinklers, cracked متشقق, land fenced off, a tree's roots, a report's fate), and the
two readings a neighbour decides: a traffic light is a signal, not a street light, and Gulf
ليت ("lait") before a plural verb is a wish, not a light. Look-alikes keep out: "balak"
(mind you), "3shash" (huts), "ma fi fayda" (no use), "sakkar el sikka" (closed the lane), وقف (stopped),
"jidar" (a wall), "sabt" (Saturday), "9aboon" (soap), "mashgooga" (torn)."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).lower().split())[0]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # Gulf
        ("قطو ميت عند باب البيت", "animal"),
        ("ثعالب تدخل الحاره بالليل", "animal"),
        ("بعارين سايبه على الطريق", "animal"),
        ("الحمام معشش في المكيفات", "insect"),
        ("الارضه اكلت باب المجلس", "insect"),
        ("الماي الاسود طالع من الارض", "sewage"),
        ("البراميل في السكه فايضه", "container"),
        ("البراميل في السكه فايضه", "collect"),
        ("واحد كب ركام وتواير في الخلا", "dumping"),
        ("وانيت واقف من شهور", "vehicle"),
        ("موتر مغبر من سنه", "abandoned"),
        ("برادة الماي في الكورنيش خربانه", "beach"),
        ("الدوش على الشاطئ ما فيه ماي", "beach"),
        ("ملعب الحاره العشب مقطع", "park"),
        ("الرشاشات في الحديقه خربانه", "tree"),
        ("جدار البيت متشقق", "danger_structure"),
        ("الجار مسور قطعه من ارض الحكومه", "violation"),
        ("جذور الشجره رفعت البلاط", "roots"),
        ("بلغت عن المجاري، وش صار على البلاغ", "question"),
        ("سيل قطع الطريق", "rain"),
        ("الكافتيريا والخباز والقهوه", "food"),
        ("مشكورين على شيل السياره", "resolved"),
        # Arabizi
        ("fi tha3lab yid5il el 7oosh", "animal"),
        ("el 7amam m3ashish fi el mukayyif", "insect"),
        ("maay aswad y6la3 min el ghata", "sewage"),
        ("el brameel fayid min ams", "collect"),
        ("kab rukam w tawayir fil wadi", "dumping"),
        ("sayyara mghabbar min shhoor", "abandoned"),
        ("el barrada fil corniche 5arbana", "beach"),
        ("mal3ab el 7ara maksoor", "park"),
        ("el rashashat ma tishtighil", "tree"),
        ("jarna msawreen ar9 el 7ukooma", "violation"),
        ("jthoor el shajara rafa3at el bla6", "roots"),
        ("sawwait balagh, wain wa9al?", "question"),
        # mixed and English
        ("pigeons nesting in the AC units", "insect"),
        ("a fox دخل الحوش", "animal"),
        ("the roots lifted the pavement tiles", "roots"),
        ("I reported it last week, what happened to it?", "question"),
    ],
)  # fmt: skip
def test_gulf_and_arabizi_words_name_their_concept(text: str, concept: str) -> None:
    assert concept in _tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "the traffic light at the roundabout طافيه since morning",
        "traffic lights are off at the junction",
    ],
)
def test_a_traffic_light_is_a_signal_not_a_street_light(text: str) -> None:
    tokens = _tokens(text)
    assert "sign" in tokens and "light" not in tokens


def test_a_street_light_is_still_a_light() -> None:
    assert "light" in _tokens("the street light is off")
    assert "light" in _tokens("light on the pole flickers")


@pytest.mark.parametrize(
    "text",
    [
        "ليت تحطون مظلات في الحديقه",
        "ليت تزيدون الظل",
        "lait t7i6oon ma6allat fil 7adeeqa",
        "bas lait tzeedoon el 6hill",
        "ليت لو تزرعون شجر",
        "ya laitkom t7i6oon 6ill fi mal3ab el 3yal",
    ],
)
def test_gulf_lait_before_a_plural_verb_is_a_wish_not_a_light(text: str) -> None:
    tokens = _tokens(text)
    assert "suggest" in tokens and "light" not in tokens


@pytest.mark.parametrize(
    "text",
    ["الليت طافي من اسبوع", "ليت الشارع طافي", "el lait 6afi min shahar", "lait y6fi w yishtaghil"],
)
def test_lait_as_a_lamp_stays_a_light(text: str) -> None:
    tokens = _tokens(text)
    assert "light" in tokens and "suggest" not in tokens


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("ydeer balak 3ala el 3yal", "dumping"),  # mind you, not a block
        ("ma fi fayda min el itti9al", "collect"),  # no use, not overflowing
        ("7ad sakkar el sikka b bawwaba", "resolved"),  # closed the lane, not "closed it up"
        ("المصعد وقف بين الادوار", "sign"),  # stopped, no stop sign
        ("el jidar maal el bait", "roots"),  # a wall
        ("el baladiya tdawim yom el sabt?", "animal"),  # Saturday, no stray
        ("ma fi 9aboon fil 7ammamat", "animal"),  # soap, no stray
        ("el akyas mashgooga 7awl el 7awya", "danger_structure"),  # torn bags, no crack
        ("sawwart el 7ufra w msawwar el makan", "violation"),  # photographed, no fence
        ("nas bnaw 3shash fi el ar9", "insect"),  # huts, not nests
    ],
)
def test_gulf_look_alikes_keep_out_of_the_concept(text: str, concept: str) -> None:
    assert concept not in _tokens(text)
