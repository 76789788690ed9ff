"""Fifteenth category pass (issue 17): a word read in the sense its neighbour gives it. A
column of a house or a building is a pillar, not a lamp post; a pharmacy's or a shop's sign is
the shop's, not a road sign; "park" after its subject is the verb, not a garden. The word
leaves every view and its new concept stands for it. And the concepts the pass added: bedbugs
(Arabic بق, Arabizi "bag" only in an Arabizi message), a bridge's expansion joints, pillars,
pharmacies, earth tipped. Every form, with look-alikes that keep their sense."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _view(text: str) -> tuple[list[str], list[str]]:
    return concept_view(normalize_arabic(text).split())


@pytest.mark.parametrize(
    "text",
    [
        "The column of the house is cracked",  # English (column is a pillar by itself)
        "ظهر شرخ في عمود المبنى الخرساني",  # MSA
        "العمود حق البيت متشقق",  # Gulf
        "el 3amood 7ag el bait mshaggag",  # Arabizi
        "العمود حق العماره cracked",  # mixed
        "3amood el 3imara fi crack",
    ],
)
def test_a_column_of_a_building_is_a_pillar_not_a_lamp(text: str) -> None:
    tokens, words = _view(text)
    assert "structure_part" in tokens
    assert "light" not in tokens
    assert not {"عمود", "العمود", "3amood"} & set(words)


@pytest.mark.parametrize(
    "text",
    [
        "3amood el layt ma2il 3ala el share3",
        "عمود الانارة مايل",
        "العمود اللي قدام البيت طافي",  # the lamp in front of the house: a landmark, not its own
        "el 3amood 6afi min usboo3",
    ],
)
def test_a_lamp_column_stays_a_light(text: str) -> None:
    assert "light" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "the pharmacy sign flashes into our bedrooms",  # English
        "إضاءة لوحة الصيدلية شديدة",  # MSA
        "لوحة المحل تضوي علينا طول الليل",  # Gulf
        "lo7at el 9aydaliya tthawi wayed",  # Arabizi
        "the shop's sign يرمش طول الليل",  # mixed
    ],
)
def test_a_shops_sign_is_the_shops(text: str) -> None:
    tokens, words = _view(text)
    assert "shop" in tokens
    assert "sign" not in tokens


@pytest.mark.parametrize(
    "text",
    [
        "the stop sign near the shop is bent",
        "لوحة قف امام المحل ساقطة",
        "lo7at el ismn 6aa7at",
        "the sign at the junction fell",
    ],
)
def test_a_road_sign_near_a_shop_stays_a_sign(text: str) -> None:
    assert "sign" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "a car parks by the houses every night",
        "they park on the pavement",
        "trucks park in front of the gate",
        "the car park is dark",
        "ال cars park جنب البيوت",
    ],
)
def test_park_after_its_subject_is_the_verb(text: str) -> None:
    tokens, words = _view(text)
    assert "park" not in tokens
    assert "park" not in words


@pytest.mark.parametrize(
    "text",
    ["the kids play in the park", "the park lights are off", "a park near our house is dirty"],
)
def test_a_park_stays_a_park(text: str) -> None:
    assert "park" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "bed bugs in the workers rooms",  # English
        "انتشار البق في سكن العمال",  # MSA
        "السكن مليان بق",  # Gulf
        "sakan el 3ummal malyan bag",  # Arabizi
        "el bag fi kil el ghuraf",
        "bedbugs في السكن",  # mixed
    ],
)
def test_bedbugs_are_insects(text: str) -> None:
    assert "insect" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    ["a bag of rubbish left on the road", "البقاله تبيع اكل منتهي", "بقي الوضع كما هو"],
)
def test_a_bag_a_grocery_and_remained_are_not_bugs(text: str) -> None:
    assert "insect" not in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "the expansion joint on the flyover is loose",  # English
        "تلف فاصل التمدد في الجسر",  # MSA
        "فواصل الجسر طالعه",  # Gulf
        "the expansion joint في الجسر مفكوك",  # mixed
    ],
)
def test_a_bridge_joint_is_the_road_surface(text: str) -> None:
    assert "asphalt" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "a lorry was tipping soil into the wadi",
        "they tipped rubble at the end of the lane",
    ],
)
def test_tipping_is_dumping(text: str) -> None:
    assert "dumping" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    ["the pharmacy sells expired medicine", "الصيدليه ما عندها ترخيص", "9aydaliya bdoon ru5sa"],
)
def test_a_pharmacy_is_a_business(text: str) -> None:
    assert "shop" in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "تراكم الأتربة على جانب الطريق بعد أعمال الحفر",  # MSA
        "نواتج الحفر مرمية عند الوادي",
        "tarakum el turab 3ala janb el 6areeq",  # Arabizi
        "التراب متكوم جنب البيت",  # Gulf
    ],
)
def test_digging_and_heaped_earth_are_not_potholes(text: str) -> None:
    tokens = _view(text)[0]
    assert "pothole" not in tokens
    assert "dumping" in tokens or "roadworks" in tokens


@pytest.mark.parametrize(
    "text", ["حفر في الشارع الرئيسي", "في حفره كبيره عند الدوار", "الحفر كثيره في الطريق"]
)
def test_potholes_stay_potholes(text: str) -> None:
    assert "pothole" in _view(text)[0]


@pytest.mark.parametrize("text", ["طريق ترابي يحتاج سفلته", "the food will spoil in the heat"])
def test_an_earth_road_and_spoiling_food_are_not_dumping(text: str) -> None:
    assert "dumping" not in _view(text)[0]


@pytest.mark.parametrize(
    "text",
    ["the feeder pillar door is open with cables showing", "an electricity pillar box is open"],
)
def test_a_feeder_pillar_is_wires_not_a_building(text: str) -> None:
    tokens = _view(text)[0]
    assert "wires" in tokens
    assert "structure_part" not in tokens


def test_a_buildings_pillar_stays_a_structure_part() -> None:
    assert "structure_part" in _view("the pillar under the balcony is leaning")[0]
