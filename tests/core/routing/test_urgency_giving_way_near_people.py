"""Urgency by a thing giving way near people (issue 17, thirteenth pass).

A thing that can fall on someone (glass, a tent, a swing frame, an AC unit, scaffold boards, a
ceiling, roof sheets, a branch), in a state of giving way (bulging, lifting off, tipping,
hanging by one bracket, rattling, creaking, flying in the wind), with people under, on or
beside it. Each in every form, in the order English, MSA, Gulf, Arabizi, mixed; then the same
scene negated, past and fixed, asked about, feared, or with nobody there. Also the ground split
open, sewage gushing from a drain into a home, a cable lying in a pool of water, a car stuck
in a flooded tunnel. Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Thirteenth
pass"), never from a test set's messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

URGENT: dict[str, list[str]] = {
    "glass bulging over people": [
        "The glass panel over the mall entrance is bulging outwards and shoppers walk beneath it",
        "زجاج المظلة فوق مدخل السوق منتفخ للخارج والمتسوقين يمرون من تحته",
        "القزاز حق المعرض منفوخ لبرا والناس واقفين تحته ينطرون الباص",
        "el gzaz mal el ma3ra9 manfookh w el nas wagfeen ta7tah",
        "The glass حق المحل is bulging والناس يمشون تحته",
    ],
    "a tent lifting off with people inside": [
        "The marquee at the school fair is lifting off its poles with families still inside",
        "الخيمة في ساحة المهرجان تقتلع أوتادها والزوار بداخلها",
        "خيمة العرس قاعدة ترتفع عن العواميد مع الهوا والحريم داخلها",
        "el 5aima mal el 3irs gaa3da tirtifi3 3an el 3awameed w el 7areem daakhilha",
        "The tent في الساحة is lifting off والعيال داخلها",
    ],
    "a swing frame tipping with children on it": [
        "The climbing frame is tipping over while the children are still on it",
        "هيكل الأرجوحة ينقلب الآن والأطفال يلعبون فوقه",
        "المرجيحة تتمرجح وتنقلب والعيال راكبين فيها",
        "el marjee7a tingalib w el 3yal rakbeen feeha",
        "The swing frame ينقلب والـ kids يلعبون",
    ],
    "hanging by one bracket, rattling, flying over people": [
        "An old AC unit is hanging by one bracket above the shop entrance where customers queue",
        "المكيف الخارجي معلق ببرغي واحد فوق مدخل العمارة والسكان يمرون تحته",
        "السقالة فكت وتتهز فوق روس العمال",
        "9afayi7 el shinko t6eer ma3 el hawa fog ro2oos el nas",
        "Roof sheets تتطاير فوق الناس في الموقف",
    ],
    "the ground split open": [
        "The ground split open across our lane after the storm",
        "انشقت الأرض في ساحة الحي بعد الأمطار",
        "الزفت هبط عند الدوار بعد ما انفجر البيب",
        "el ar9 inshaggat fi nu9 el fereej",
        "The ground انشقت قدام البيت",
    ],
    "sewage gushing from a drain into a home": [
        "Sewage is gushing from the drain into the house",
        "مياه الصرف تندفع من فتحة الحمام إلى داخل المنزل",
        "المجاري تندفع من بلاعه المطبخ وتغمر البيت",
        "el majari 6al3a mn bal3at el 7ammam w da5lat el bait",
        "The sewage تندفع من drain الحمام into the house",
    ],
    "a fire catching, a cable in a pool of water, a car stuck in a flooded tunnel": [
        "A cable is lying in a pool of water at the bus stop",
        "سيارة علقت في النفق والماء واصل للدريشه وفيها أسرة",
        "النخل اللي ورا البيوت ولع نار",
        "sayyara 3lgat fi el nafag w feeha 3ayla",
        "The palm trees شبت نار behind the houses",
    ],
}

CALM: dict[str, list[str]] = {
    "negated": [
        "The glass over the entrance is not bulging, it is just dirty",
        "الزجاج فوق المدخل ليس منتفخا، فقط يحتاج تنظيف",
        "القزاز حق المحل مب منفوخ، بس وسخ",
        "el gzaz mb manfookh, bas wasi5",
        "The tent ما ترتفع عن الـ poles، كلها ثابتة",
    ],
    "past and fixed": [
        "The marquee that was lifting off its poles was tied down yesterday, thanks",
        "الخيمة التي كانت ترتفع عن أوتادها تم تثبيتها، شكرا لكم",
        "المرجيحة اللي كانت تنقلب صلحوها، مشكورين",
        "el marjee7a elli kanat tingalib 9alla7ooha, mashkoorin",
        "The AC unit اللي كان معلق ببرغي واحد fixed last week",
    ],
    "questions": [
        "Who checks whether shop signs are hanging by one bracket above the pavement?",
        "هل تفحص البلدية الخيام التي ترتفع عن أوتادها في المهرجانات؟",
        "منو نكلم اذا السقالة تتهز فوق الشارع؟ بس نسأل",
        "meno nkallim idha el marjee7a tingalib? bas nis2al",
        "Who do we call if a tent ترتفع عن الأعمدة?",
    ],
    "feared or nobody there": [
        "We fear the shop glass might bulge over the pavement one day",
        "نخشى أن تنقلب الأرجوحة يوما ما على الأطفال",
        "خايفين السقالة تتهز فوق الشارع اذا جا هوا",
        "el marjee7a tingalib shway bas mafi 3yal yil3aboon feeha",
        "The swing frame ينقلب بس ما في أطفال في الحديقة",
    ],
    "the same fire, cable and car, over or denied": [
        "The cable that was lying in a pool of water was removed, thanks",
        "السيارة التي علقت في النفق الأسبوع الماضي تم سحبها",
        "النخل اللي ولع نار السنه الماضيه ما احد زرع مكانه",
        "el sayyara elli 3lgat fi el nafag shalooha, mashkoorin",
        "The lamp تولع كل ليلة عادي، no fire",
    ],
}

# dogs running after children: the shipped labels call strays chasing children calm
STRAYS_CHASING = [
    "Stray dogs run after the kids on the way to school",
    "كلاب ضالة في الحارة تلحق الياهل لين باب البيت",
    "klaab saayba jamb el madrasa yla7goon el 3yal",
]


@pytest.mark.parametrize(
    ("scene", "text"), [(scene, text) for scene, texts in URGENT.items() for text in texts]
)
def test_a_thing_giving_way_near_people_is_urgent(scene: str, text: str) -> None:
    assert urgent_rule(text), scene


@pytest.mark.parametrize(
    ("kind", "text"), [(kind, text) for kind, texts in CALM.items() for text in texts]
)
def test_the_same_scene_negated_past_asked_feared_or_empty_is_not(kind: str, text: str) -> None:
    assert urgent_rule(text) is None, kind


@pytest.mark.parametrize("text", STRAYS_CHASING)
def test_strays_running_after_children_stay_for_the_model(text: str) -> None:
    assert urgent_rule(text) is None
