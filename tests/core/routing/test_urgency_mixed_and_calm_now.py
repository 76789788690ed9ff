"""Urgency, fifteenth pass: code-switched dangers, "the water", and calm said with "now".

A code-switched message (Arabic script and Latin in one message) joins a danger across its two
languages: a phrase's little word said in the other script ("smoke coming out من الشقة",
"falling على الناس"), and an Arabizi word without a digit letter among English
ones ("el wire mkashaf near the school والعيال"). "الماء" (the water) is not the negation
"ما": water inside a home in MSA is urgent. The urgent model does not count on a message that
denies every danger it names ("No gas smell now", "ما في ريحة غاز الحين"), says what is calm
now ("flowed yesterday, now it's dry") or puts the danger in a past season ("last summer",
"الصيف الماضي"). Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Fifteenth
pass"), never from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import cross_script, is_urgent, model_may_flag, urgent_rule

MIXED_DANGER = [
    "smoke coming out من الشقة اللي فوقنا",
    "الدخان طالع from the flat next door",
    "pieces of the facade falling على الناس",
    "el wire mkashaf near the school والعيال يلعبون",
    "the manhole maftooh w el atfal ymshoon جنبه",
    "الترانس يطلع شرار near the houses",
    "الماء داخل the house now",
]


@pytest.mark.parametrize("text", MIXED_DANGER)
def test_a_danger_said_across_two_scripts_fires_a_rule(text: str) -> None:
    assert urgent_rule(text), text


@pytest.mark.parametrize(
    "text",
    [
        "الماء داخل البيت والأطفال نائمون",
        "دخل الماء إلى غرف النوم",
        "الماء دخل البيت من الباب",
    ],
)
def test_the_water_in_msa_is_not_read_as_a_negation(text: str) -> None:
    assert urgent_rule(text) == "water_inside_home", text


@pytest.mark.parametrize(
    "text",
    [
        "لا يوجد ماء داخل البيت",
        "ما دخل الماء البيت",
        "the wire was mkashaf last summer بس صلحوه",
        "no smoke coming out من الشقة now, it was the neighbour's barbecue and it's out",
        "لوحة الـ stop طايحة على الرمل جنب الشارع، مب سادة شي",
    ],
)
def test_negated_past_or_empty_mixed_look_alikes_fire_no_rule(text: str) -> None:
    assert urgent_rule(text) is None, text


def test_a_little_word_is_linked_only_to_the_other_script() -> None:
    spellings = cross_script(["coming out of", "طالع من", "fire="])
    assert "coming out من" in spellings
    assert "طالع from" in spellings
    assert "coming out from" not in spellings  # English stays as written
    assert spellings.count("fire=") == 1


@pytest.mark.parametrize(
    "text",
    [
        "No gas smell now, the technician fixed the valve",
        "ما في ريحة غاز الحين",
        "لا توجد رائحة غاز الآن",
        "No exposed wires now, the box is closed",
        "ما فيه ماي داخل البيت الحين، بس الشارع فيه برك",
        "ma fee may da5el el bait al7een",
    ],
)
def test_a_message_denying_every_danger_it_names_keeps_the_model_off(text: str) -> None:
    assert not model_may_flag(text, 0.99), text


@pytest.mark.parametrize(
    "text",
    [
        "No gas smell now but the wires in the kitchen are sparking",
        "ما في ريحة غاز الحين بس الماي داخل البيت",
        "Not sure what it is, the smell of gas is strong now",
        "السقالات غير مثبتة وتتمايل الآن فوق ممر المشاة",
        "لو صار حريق الحين وين نشرد؟ باب الطوارئ مسكر بالطابوق",
    ],
)
def test_a_denial_beside_another_danger_leaves_the_model_on(text: str) -> None:
    assert model_may_flag(text, 0.9), text


@pytest.mark.parametrize(
    "text",
    [
        "The wadi flowed yesterday, now it's dry and the road is fine",
        "الوادي جرى امس والحين الشارع ناشف",
        "جرى الوادي أمس والآن الطريق جاف",
        "el wadi jara ams w al7een el share3 nashef",
        "the wadi flowed أمس, now it's dry",
    ],
)
def test_now_followed_by_a_calm_state_keeps_the_model_off(text: str) -> None:
    assert not model_may_flag(text, 0.99), text


@pytest.mark.parametrize(
    "text",
    [
        "It rained yesterday and now sewage is coming into our bedroom",
        "The wadi flowed yesterday and now cars are trying to cross it",
        "البارحة تشقق الجدار والحين بيطيح على الشارع",
        "Yesterday it was fine, now it's not safe, the wall is leaning over the kids",
    ],
)
def test_a_past_day_then_danger_now_still_lets_the_model_count(text: str) -> None:
    assert model_may_flag(text, 0.5), text


@pytest.mark.parametrize(
    "text",
    [
        "There was a fire here last summer, please clear the dry grass",
        "اندلع حريق في الحديقة الصيف الماضي ونطلب زيادة المطافئ",
        "الصيف اللي فات صار حريق في المزرعة",
        "el 9ayf elli fat kan fee 7ree8 fil 7adeega",
        "last summer كان فيه حريق في الحديقة, please add more trees",
    ],
)
def test_a_danger_in_a_past_season_is_not_urgent(text: str) -> None:
    assert is_urgent(text, 0.99) == (False, None), text
