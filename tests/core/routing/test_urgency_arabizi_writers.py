"""Urgency in Arabizi and Gulf Arabic as other writers spell it (issue 17, tenth pass): each
hazard phrasing from the tenth pass's sub-topic list (docs/ROUTING_DATA.md) is urgent however
its Arabizi is spelled, and its negated, settled, past or feared counterpart is not.

Written from the sub-topic list, never from a test set's messages.
"""

from __future__ import annotations

import pytest

from core.routing.arabizi import spelling_key
from core.routing.urgency import urgent_rule

# kind -> a danger now, in Arabizi and in Gulf Arabic script
URGENT: dict[str, list[str]] = {
    "animal_on_highway_after_a_landmark": [
        "jmal 3la el 6areeq el sree3 ba3d doowar el burj w el sayyarat msr3a",
        "بوش على الطريق السريع بعد جسر الموالح والسيارات مسرعه",
    ],
    "manhole_without_its_cover": [
        "fi manhole bala ghe6a 3al ra9eef giddam el madrasa",
        "el manhool bila ghi6a w el 3yal ymurroon",
        "فتحه المجاري جنب البوابه ما لها غطا",
    ],
    "old_well_uncovered": [
        "el bi2r el gadeem ma 3laih ghe6a w el 3yal yil3aboon jambah",
        "el be2r fil mazra3a maftoo7 w el yahal 7aolah",
    ],
    "pieces_coming_off_a_wall": [
        "el jidar ynzil minah 6oob 3al ra9eef",
        "7ijaar tinzil mn el jidar 3la el mamsha",
    ],
    "roof_sheet_flying": [
        "el sheenko 7ag el ma7al ytayir ma3 el hawa",
        "الشينكو مال المحل يطير مع الهوا",
    ],
    "sign_swinging_in_wind": [
        "اللوحه الاعلانيه فوق المحل تتارجح مع الريح",
        "lo7at el e3lan el kbeera titmarja7 ma3 el hawa fog el mamsha",
    ],
    "crane_swinging_its_load": ["الكرين يتمرجح بالحموله فوق بيوتنا"],
    "snake_indoors": [
        "thu3baan kbeer da5al el 9af fi el madrasa",
        "ثعبان داخل الفصل في المدرسه",
        "fee tho3ban fil ghurfa 7ag el 3yal",
    ],
    "sign_fallen_onto_cars": [
        "ishara 8of sa8a6at 3ala el sayyarat fi el doowar",
        "اللوحه طاحت على السيارات عند الدوار",
    ],
    "water_knee_deep_at_home": [
        "el mai wa9al lil rukba fi el bait",
        "el maay wasal lain el rukba fil 9ala",
    ],
    "wire_lying_in_rain_water": ["السلك طايح في ماي المطر عند باب البيت"],
    "wall_toppled_onto_lane": [
        "el 7ai6 ngalab 3la el sikka w el 3yal fog el 6oob",
        "الحوطه انقلبت على السكه",
    ],
    "footbridge_hanging_onto_road": [
        "الجسر مال المشاه انكسر واطرافه نازله على الشارع",
        "el jisr inkasar w a6raafah nazla 3al share3",
    ],
    "gate_hanging_by_a_bolt": ["el bawaba el 7adeed m3allaga b burgi wa7ed fog el mamsha"],
    "wall_leaning_over_the_pavement": [
        "el jidar fih shaq kabeer w yimil 3ala el rasif w el banat yimshoon tahtah",
    ],
    "roof_sheet_blown_onto_road": ["el sheenko 6ayir 3al tareeg el 3aam w el sayyarat tlif"],
    "roof_collapsing_imperfect_without_its_vowel": [
        "el sagf ynhar 3alaina",
        "el sagf yinhar 3alaina",
    ],
}
URGENT_CASES = [(kind, text) for kind, texts in URGENT.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), URGENT_CASES)
def test_each_arabizi_and_gulf_hazard_phrasing_is_urgent(kind: str, text: str) -> None:
    assert urgent_rule(text), (kind, text)


CALM = [
    # past, and filled in since
    "gabl sana kaan fi 5andaq bala ishara hina, el7een raddoh w zaffatooh",
    "قبل اسبوع كان فيه خندق بلا اشاره هني، ردموه",
    # the smell had a cause and was fixed
    "ri7at el ghaz kaanat mn anboob el 6abba5 w khalas mafi shay",
    "ريحة الغاز كانت من الطباخ، صلحنا الانبوب وخلاص ما فيه ريحه",
    # a fire denied
    "el do5an mn el mazra3a 7ar8 3adi lil sa3af, mb 7ree8",
    "الدخان اللي تشوفونه حرق عادي للسعف، مب حريق",
    # "if" in Gulf spellings
    "lo 9ar 7ree8 fil 3imara wain el makhraj?",
    "idha sar 7areeq fil mabna wain nrou7?",
    # smoke every night: a nuisance to report, not danger now
    "y7ar8oon el zbala kil lail w el do5an yid5al el byoot",
    "يحرقون الزباله والدخان يدخل البيوت كل ليله",
    # a snake denied, dead or seen last year
    "ما فيه ثعبان في الفصل، بس نبغى رش",
    "el thu3baan elli shifnaah fil bait kaan mayit",
    "shifna thu3baan fil bait el sana elli fatat",
    # not yet, with its negation further back
    "الجمال ما طلعت للحين على الطريق السريع بعد",
    # water that has not come in, a sign that fell last month
    "el mai ma wa9al el bait, bas el 7oosh malyaan",
    "el ishara kaanat 6ay7a 3ala el sayyarat el shahar el mathi w rakkabooha",
    "el sagf ma ynhar, bas fi sha8 9agheer",
    "فتحه المجاري ما لها غطا من شهر، ياليت تركبون واحد",
    # leaning, and feared one day
    "el jidar yimil shway 3ala el rasif w 5aifeen y6ee7 yom mn el ayyam",
    "el sheenko kaan 6ayir 3al tareeg ams w shalooh",
]


@pytest.mark.parametrize("text", CALM)
def test_negated_settled_past_or_feared_counterparts_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, (text, urgent_rule(text))


@pytest.mark.parametrize(
    ("one", "other"),
    [("yinzil", "ynzil"), ("tinhar", "tnhar"), ("makshoof", "mkshoof"), ("mu3allaga", "m3allaga")],
)
def test_a_prefix_vowel_before_two_consonants_is_one_spelling(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("ta7t", "6a7at"), ("mayil", "mayit"), ("nazil", "nizal"), ("yinzil", "yinzal")],
)
def test_the_fold_keeps_words_that_differ_in_their_consonants_or_later_vowels_apart(
    one: str, other: str
) -> None:
    """ "ta7t" (under) is not "6a7at" (it fell), nor "mayil" (leaning) "mayit" (dead)."""
    assert spelling_key(one) != spelling_key(other)
