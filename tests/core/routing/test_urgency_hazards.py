"""The urgency rules as a safety rule set: every hazard kind in every language form fires,
and a negated, settled or long-past hazard does not (issue 17).

Written from the taxonomy's list of dangers, never from test-set messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import is_urgent, urgent_rule

# kind -> form -> a message reporting that danger now
HAZARDS: dict[str, dict[str, str]] = {
    "about_to_fall": {
        "msa": "جدار المبنى القديم على وشك السقوط فوق الرصيف والمارة يمرون تحته",
        "gulf": "الطوفة حق الجيران بتطيح على السكة الحين، الياهل يمرون جنبها",
        "english": "The scaffolding on the new building is swaying and about to fall onto the street",
        "arabizi": "el 5azzan fog el sa6 7g el jeeran bi6ee7 3la el share3",
        "mixed": "الـ water tank فوق السطح is about to fall على الموترات",
    },
    "exposed_wires": {
        "msa": "أسلاك كهربائية مكشوفة بجانب بوابة المدرسة والأطفال يلمسونها",
        "gulf": "الوايرات طالعة برع من العمود جدام المدرسة وفيها كهربا",
        "english": "Bare electric cables hanging from the lamp post next to the school gate",
        "arabizi": "el aslak makshoofa jamb el madrasa w el 3yal yl3boon 3ndha",
        "mixed": "في wires مكشوفة عند الـ school gate والعيال حولها",
    },
    "open_manhole": {
        "msa": "غطاء المنهول مكسور على الرصيف أمام المسجد والفتحة عميقة",
        "gulf": "غطا المنهول طاير والفتحة مفتوحة في نص السكة",
        "english": "The manhole cover on the pavement is broken and there is a deep hole",
        "arabizi": "el manhole bdoon ghata jamb el ma7al, 7ufra 3meeqa",
        "mixed": "الـ manhole cover مكسور على الرصيف قدام البقالة",
    },
    "water_or_sewage_inside": {
        "msa": "مياه الصرف الصحي تدخل المنزل من فتحات الحمام وغمرت الغرف",
        "gulf": "المجاري طالعة من البلاعة في الحمام ودخلت الصالة",
        "english": "Sewage is coming up through the floor drain into our bedroom",
        "arabizi": "el mai da5el el bait mn el bab w el 9ala kilha mai",
        "mixed": "الماي دخل الـ ground floor flat والغرف غرقانة",
    },
    "fire": {
        "msa": "حريق في حاوية النفايات بجانب المنازل والدخان كثيف",
        "gulf": "الحاوية اللي جنب بيتنا فيها حريق الحين",
        "english": "The rubbish skip behind the shops is on fire",
        "arabizi": "fi 7areeq fi el 7awya jamb el byoot",
        "mixed": "في fire في الحاوية جنب البيوت",
    },
    "fallen_tree_or_sign_on_road": {
        "msa": "سقطت شجرة كبيرة على الطريق وأغلقت المسارين",
        "gulf": "لوحة المرور طاحت على الشارع والسيارات تلف حولها",
        "english": "A road sign has fallen across the street after the wind",
        "arabizi": "shajara 6a7at 3la el share3 w sakkrat el 6areeq",
        "mixed": "الـ traffic sign طاحت على الشارع عند الدوار",
    },
    "person_at_risk": {
        "msa": "طفل عالق في حفرة عميقة في موقع البناء ولا يستطيع الخروج",
        "gulf": "في عامل طاح في الحفرة حق المجاري وعالق الحين",
        "english": "A child is trapped in the flooded underpass, please come now",
        "arabizi": "fi sayara 3al8a fi el wadi w fiha nas",
        "mixed": "في طفل trapped داخل الحفرة عند الـ site",
    },
}
CASES = [(kind, form, text) for kind, forms in HAZARDS.items() for form, text in forms.items()]


@pytest.mark.parametrize(("kind", "form", "text"), CASES, ids=[f"{k}-{f}" for k, f, _ in CASES])
def test_each_hazard_kind_in_each_form_is_urgent(kind: str, form: str, text: str) -> None:
    assert urgent_rule(text), (kind, form, text)


@pytest.mark.parametrize(
    "text",
    [
        "The exposed wires at the lamp post were fixed yesterday, thank you",
        "تم إصلاح الأسلاك المكشوفة عند عمود الإنارة، شكراً لكم",
        "el aslak el makshoofa 9alla7oh, shukran",
        "The wires are not exposed any more, the cover is back on",
        "Sewage is pooling near the houses but hasn't come inside yet",
        "المجاري ما دخلت البيت بس واقفة في السكة",
        "The wall is cracked but there is no danger, please inspect when you can",
        "السور فيه شقوق بس ما في خطر، ياريت تشوفونه",
        "The fire in the skip was put out by the neighbours, the ashes are still there",
        "النار انطفت من الحاوية بس الرماد باقي",
        "The wall of the old house fell down last year and the rubble is still on the plot",
        "السور اللي طاح السنة الماضية مخلفاته للحين في الأرض",
        "Water came into our house every time it rains last winter, please fix the drain",
        "We are worried the tank on the roof could fall one day",
        "mb 6ay7a el shajara, bs 3la el ra9eef",
        "The street lights flicker every night on our lane",
    ],
)
def test_negated_settled_or_past_hazards_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "The balcony of the old building is cracked, please inspect it",
        "الجدار فيه شقوق والبلدية لازم تشوفه",
        "el 6oofa mshaqqaqa, nabi 7ad yshoofha",
    ],
)
def test_a_leaning_urgent_model_needs_the_message_to_say_now(text: str) -> None:
    """The model reads words, not tense: below MODEL_CONFIDENT it counts only when the
    message says its danger is happening now."""
    assert is_urgent(text, 0.5) == (False, None), text
    assert is_urgent(text + " - urgent, please come now", 0.5) == (True, "model"), text
    assert is_urgent(text, 0.9) == (True, "model"), text


@pytest.mark.parametrize(
    "text",
    [
        "the wall has small cracks, nothing urgent, please come quickly to look",
        "We are worried the lamp post might fall, please come quickly",
        "The tree that fell in the park was cleared, thank you, came fast",
        "نخشى سقوط الشجرة على البيت، نرجو الحضور بسرعة",
    ],
)
def test_the_urgent_model_never_counts_on_a_danger_over_or_only_feared(text: str) -> None:
    assert is_urgent(text, 0.99) == (False, None), text


@pytest.mark.parametrize(
    "text",
    [
        "stop sign at the junction is gone, someone knocked it down",
        "لوحة قف طايحة عند الدوار والسيارات ما توقف",
        "lo7at el stop 3nd el dawwar 6a7at",
        "The dust from the site comes into the houses every day, they never spray water",
        "الغبار داخل علينا البيوت من الموقع وما يرشون ماي",
        "A dead camel is lying by the highway near the exit, the smell is strong",
        "بعض الكلاب في الحارة تنبح طول الليل",
    ],
)
def test_lookalikes_of_hazards_are_not_urgent(text: str) -> None:
    """A sign that fell at a junction but lies off the carriageway, dust coming into homes,
    a dead animal, and "بعض" (some) are not danger now."""
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "The stop sign fell down and is lying across the lane at the roundabout",
        "لوحة المرور طاحت في نص الشارع وسادة حارة كاملة",
        "lo7at el share3 6a7at 3la el share3 w sakkarat el 6aree8",
        "تعرض ابني لعضة كلب ضال أمام البيت والكلب ما زال يتجول",
    ],
)
def test_a_sign_on_the_carriageway_and_a_dog_bite_are_urgent(text: str) -> None:
    assert urgent_rule(text), text
