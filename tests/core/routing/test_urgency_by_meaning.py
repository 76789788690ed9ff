"""Urgency by meaning (issue 17, eleventh pass): a danger and the people it reaches now.

Each rule of core/routing/urgency_meaning.py is pinned in every form, in the order English, MSA, Gulf, Arabizi, mixed:
a danger now is urgent, and its past, settled, negated, feared or dead counterpart is not.
A habit ("every time", "sometimes") is not danger now unless the message says it is happening
now; a drain outdoors is not inside a home. Written from the pass's sub-topic list
(docs/ROUTING_DATA.md, "Eleventh pass"), never from a test set's messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

# rule -> a danger now, one sentence per form
URGENT: dict[str, list[str]] = {
    "dangerous_animal_near_people": [
        "There is a snake by the sandpit and children are playing right next to it",
        "افعى كبيرة قرب مظلة الانتظار والأطفال يجلسون بجانبها",
        "حنش في الحوش والعيال يلعبون جنبه",
        "7anash kabeer jamb el baab w el yahal yil3aboon barra",
        "A snake تحت السيارة و الاطفال around it",
    ],
    "dangerous_animal_at_school": [
        "A cobra slid into the nursery garden",
        "ثعبان في ساحة المدرسة",
        "حنش دخل الروضه",
        "7anash fi el madrasa 3ind el bawwaba",
        "Snake seen في المدرسة near the gate",
    ],
    "bite_just_now": [
        "A stray dog bit a boy outside the bakery a minute ago and it is still there",
        "كلب عض طفلة أمام البقالة قبل قليل",
        "الكلب عضني توه عند الباب",
        "el kalb 3a9 bint el jeeran gabl shway",
        "كلب bit my daughter just now عند البيت",
    ],
    "livestock_on_main_road": [
        "Camels on the main road near the roundabout, drivers swerving",
        "جمال على الطريق الرئيسي والسائقون يتفادونها بصعوبة",
        "بوش في نص الشارع العام والسيارات تفرمل",
        "bosh 3la el share3 el 3am w el sayyarat tfarmil",
        "Cows على الشارع العام و cars braking",
    ],
    "livestock_charging": [
        "A loose camel is charging at people in the parking lot",
        "ثور هائج ينطح الناس في الساحة",
        "الثور يلحق الناس في الحلال",
        "el thor yil7ag el nas 3ind el soog",
        "A bull charging at people في السوق",
    ],
    "fumes_harming_people": [
        "A strong chemical smell from the warehouse and my kids are coughing",
        "رائحة غاز قوية من المستودع والسكان يشعرون بالاختناق",
        "ريحة كيماويات من الورشه والعيال يكحون",
        "ri7at kimawiyat mn el warsha w el 3yal yik7oon",
        "Smell قوية من المصنع and people are dizzy",
    ],
    "burst_main_on_road": [
        "The water main burst and water is gushing across the road",
        "انفجر خط المياه وغمر الشارع",
        "الماسوره انفجرت والماي يطلع في الشارع",
        "el masoora infajrat w el mai 3al share3",
        "Water main burst في الشارع and cars stopping",
    ],
    "obstacle_on_road": [
        "A boulder rolled onto the road at the bend",
        "صخرة سقطت على الطريق عند المنعطف",
        "زيت مكبوب على الدوار والسيكلات تطيح",
        "zait makboob 3la el share3 3ind el dowar",
        "Rock fell onto الطريق near the bend",
    ],
    "barrier_gone_over_drop": [
        "The railing on the footbridge over the wadi is gone",
        "الحاجز على حافة الجسر مفقود",
        "الحاجز حق الجسر راح",
        "el 7ajiz 7ag el jisr ra7",
        "Guardrail missing على الجسر",
    ],
    "deep_pit_by_people": [
        "A very deep trench by the bus stop and children walking past it",
        "حفرة عميقة بجانب المدرسة والأطفال يمرون بجانبها",
        "حفره عميقه قدام البيت والعيال يلعبون حواليها",
        "7ufra 3ameega jamb el bait w el 3yal yil3aboon",
        "Deep حفرة near the park و kids playing",
    ],
    "flood_reaching_people": [
        "The wadi flood has reached the tents and people are asleep inside",
        "السيل وصل إلى المخيم والأسر نائمة",
        "السيل وصل البيوت والعيال داخل",
        "el seil wa9al el byoot w el 3yal jowwa",
        "The flood وصل the camp و الناس نايمين",
    ],
    "person_at_risk": [
        "A toddler is locked inside a car in the sun at the mall",
        "طفل محتجز داخل سيارة مغلقة تحت الشمس",
        "ياهل مقفول عليه في الموتر والشمس حاره",
        "6ifl mgfool 3alaih fi el mooter",
        "A kid locked in a car عند المجمع",
    ],
}

# rule -> the same danger past, settled, negated, feared or dead, one sentence per form
CALM: dict[str, list[str]] = {
    "dangerous_animal_near_people": [
        "We saw a snake near the sandpit last month, no children were hurt, please spray",
        "لا يوجد ثعبان قرب الأطفال الآن، تم الإمساك به، شكرا",
        "ما في حنش جنب العيال، طلع ورل",
        "ma fi 7anash jamb el yahal, kan wa7ed waral",
        "Dead snake جنب الاطفال area, please remove",
    ],
    "bite_just_now": [
        "A stray dog bit a boy outside the bakery last month",
        "عض كلب طفلة أمام البقالة الشهر الماضي",
        "بعض الكلاب تنبح الحين عند الباب",
        "el kalb 3a9 bint el jeeran el shahar elli fat",
        "كلب bit my daughter last year, please take the strays",
    ],
    "livestock_on_main_road": [
        "Camels graze far from the main road in the farm, no danger",
        "لا توجد جمال على الطريق الرئيسي بعد تركيب السياج",
        "البوش ما تطلع الشارع العام، السياج زين",
        "el bosh ma 76la3 el share3 el 3am, el siyaj zain",
        "Dead cows جنب الشارع العام, please remove",
    ],
    "fumes_harming_people": [
        "There is a smell from the warehouse but nobody is coughing",
        "رائحة خفيفة من المستودع لكن لا يوجد أي اختناق",
        "ريحة المجاري كل ليله والعيال ما يكحون",
        "ri7at el warsha mb 5a6eera, ma 7ad yik7",
        "Smell from the factory last year made people dizzy, شكرا تم الحل",
    ],
    "burst_main_on_road": [
        "The water main burst last week and it was repaired",
        "انفجر خط المياه الشهر الماضي وتم اصلاحه",
        "الماسوره ما انفجرت بس فيها تسريب بسيط",
        "el masoora infajrat el shahar elli fat w 9alla7ooha",
        "The irrigation pipe burst في الحديقة, water on the road",
    ],
    "obstacle_on_road": [
        "Rocks sometimes roll onto the road after rain, please add a net",
        "أحيانا تسقط صخور على الطريق بعد المطر",
        "الصخره اللي طاحت على الطريق شالوها، مشكورين",
        "el 9a5ra elli nazlat 3la el 6areeq shalooha, mashkoreen",
        "Rock fell onto الطريق last year, please build a wall",
    ],
    "barrier_gone_over_drop": [
        "The railing on the footbridge over the wadi was replaced, thanks",
        "الحاجز على حافة الجسر تم استبداله",
        "الحاجز حق الجسر موجود بس يبغاله صبغ",
        "el 7ajiz 7ag el jisr 9alla7ooh, shukran",
        "Guardrail على الجسر fixed, thanks",
    ],
    "deep_pit_by_people": [
        "A deep trench by the bus stop, we are afraid a child might fall in one day",
        "حفرة عميقة بجانب المدرسة نخشى أن يسقط فيها طفل",
        "حفره عميقه قدام البيت خايفين يطيح فيها ياهل",
        "7ufra 3ameega jamb el bait, 5ayfeen y6ee7 feeha 6ifl",
        "Deep حفرة near the park, afraid kids might fall",
    ],
}

HABIT_BUT_NOW = [
    "Every time it rains the sewage comes up, and right now it is inside the bedroom",
    "كل مرة يمطر يدخل الماء، والآن الماء داخل غرف المنزل",
    "كل مره تمطر يدخل الماي البيت والحين الماي داخل الغرف",
    "kil mara tm6ir yid5al el mai el bait w el7een el mai da5il el ghoraf",
    "Every time it rains الماي يدخل, right now داخل البيت",
]
HABIT = [
    "Every time it rains the water comes into the house",
    "كل مرة يمطر يدخل الماء إلى غرف المنزل",
    "كل مره تمطر يدخل الماي البيت",
    "kil mara tm6ir yid5al el mai el bait",
    "Sometimes the sewage comes up في الحمام",
]
DRAIN_OUTDOORS = [
    "Rain water is collecting at the drain in front of the house",
    "مياه الأمطار متجمعة عند البلاعة أمام المنزل",
    "الماي متجمع عند البلاعه قدام البيت",
    "el mai mitjammi3 3ind el bal3a giddam el bait",
    "Water متجمع عند البلاعه outside the house",
]


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in URGENT.items() for text in texts]
)
def test_danger_reaching_people_now_is_urgent(rule: str, text: str) -> None:
    assert urgent_rule(text), rule


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in CALM.items() for text in texts]
)
def test_the_same_danger_past_settled_negated_or_feared_is_not(rule: str, text: str) -> None:
    assert urgent_rule(text) is None, rule


@pytest.mark.parametrize("text", HABIT_BUT_NOW)
def test_a_habit_said_to_be_happening_now_is_urgent(text: str) -> None:
    assert urgent_rule(text)


@pytest.mark.parametrize("text", HABIT)
def test_a_habit_alone_is_not_danger_now(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize("text", DRAIN_OUTDOORS)
def test_a_drain_outdoors_is_not_water_inside_a_home(text: str) -> None:
    assert urgent_rule(text) is None


def test_a_habit_still_keeps_a_leaning_model_answer_out_even_with_now() -> None:
    # the model reads no tense: "now it has become a big pile" after "every night" is not
    # danger now, so the model path keeps the habit as settled
    assert not model_may_flag("someone dumps rubble every night, now it is a big pile", 0.5)


@pytest.mark.parametrize(
    "text",
    [
        # "tired" (ta3baan) folds as "snake" (ثعبان)
        "7ammamaat el shaa6i mgaffala w el nas ta3baneen",
        # an irrigation pipe is not a water main
        "The irrigation pipe in the park has burst and water is running into the road",
        # stray dogs that chase children, stinging insects: the shipped labels call them calm
        "الكلاب السايبه وايد في الحاره ويلحقون العيال",
        "wasp nest under the bus shelter roof, people getting stung",
    ],
)
def test_words_that_only_look_like_a_new_concept_do_not_fire(text: str) -> None:
    assert urgent_rule(text) is None


def test_smoke_in_arabizi_is_not_a_symptom_of_itself() -> None:
    # "dakhan" (smoke) folds as "دايخين" (dizzy), which is left out of the symptoms
    text = "el dakhan mn el mazra3a w el 3yal ga3deen barra"
    assert urgent_rule(text) != "fumes_harming_people"


def test_a_word_that_starts_like_now_is_not_now() -> None:
    # "الانارة" (the lighting) and "الانصب" (a district) start with "الان" (now)
    assert not model_may_flag("الانارة في شارعنا ضعيفة جدا", 0.5)
    text = "هناك جمال سائبة على الطريق العام قرب الأنصب ليلا، مما يشكل خطرا على السائقين"
    assert urgent_rule(text) is None


def test_drivers_named_are_not_traffic_reacting() -> None:
    # the centre's corpus calls "camels on the road, a danger to drivers" a warning, not urgent
    assert urgent_rule("Camels on the main road at night, a danger to drivers") is None
