"""Urgency in Arabizi, mixed Arabic-English and MSA (issue 17, third writer): each hazard kind
fires whichever way its Arabizi words are spelled (digit letters 3/7/5/6/9/8 or their Latin
alternatives, vowels and doubled letters), and negated, settled or past ones do not.

Written from the hazard kinds list, never from a test set's messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

# kind -> spellings of one danger now, in Arabizi
ARABIZI: dict[str, list[str]] = {
    "about_to_fall": [
        "el jidar yibi ytee7 3la el 3yal",
        "el jidar yibi y6ee7 3la el 3yal",
        "el 7ai6 bi6ee7 3ala el sikka",
        "el sa8f gaa3d yinhaar fo8 rooseena",
    ],
    "exposed_wires": [
        "wayer kahraba makshoof jamb el madrasa",
        "waayar kahrba mkashaf 3ind el madrasa",
        "el aslaak 3aarya w tishrar",
    ],
    "open_manhole": [
        "el manhool maftoo7 jamb el masjid",
        "el manhol maftou7 jamb el masjid",
        "el mbloo3a bala ghata fi el mamsha",
    ],
    "water_inside": [
        "el mai da5el el bait mn el bab",
        "el maay dakhal el bait mn el bab",
        "el majari 6al3a mn el bala3a fi el 7ammam",
    ],
    "fire": [
        "fee 7ree8 fi el 7awya",
        "fee hareeq fi el 7awya",
        "fi 7areeg jamb el byoot",
        "shifna el7areeq mn el dreesha",
    ],
    "tree_or_sign_on_road": [
        "shajara 6a7at 3la el share3",
        "nakhla 6aay7a 3la el 6areeg",
        "lo7at el share3 6ay7a fi nu9 el 6areeq",
    ],
    "person_at_risk": [
        "walad 3al8 fi el 7ufra",
        "3amil 3alig fi el 7ufra",
    ],
    "gas": [
        "ri7at ghaz qawiya fi el 3imara",
        "ray7at el ghaaz fi el mamar",
        "tasarrob ghaz mn el ma6bakh",
    ],
    "car_in_wadi": [
        "sayara ghargana fi el wadi w feeha 3ayla",
        "sayyara gharqana fi el wadi w feeha 3ayla",
    ],
    "collapsed_trench": [
        "el 5andaq inhar 3ala el 3ummal",
        "el khandaq inhaar 3ala el 3ummal",
    ],
    "animals": [
        "chlaab t6aarid el yahal el7een",
        "klaab tla7ig el 3yal 3ind el madrasa",
    ],
}
ARABIZI_CASES = [(kind, text) for kind, texts in ARABIZI.items() for text in texts]

# kind -> a mixed Arabic-English message and an MSA one reporting the danger now
MIXED_AND_MSA: dict[str, tuple[str, str]] = {
    "about_to_fall": (
        "el 5azzan fo8 el roof is tilting، بيطيح on the cars",
        "سور المدرسة انشق وبدأت حجارته بالانزلاق على الرصيف",
    ),
    "exposed_wires": (
        "The electricity box مفتوح and kids touching the الأسلاك",
        "خزانة الكهرباء مفتوحة والأسلاك مكشوفة بجانب الملعب",
    ),
    "open_manhole": (
        "The drain cover انكسر on the walkway, big hole",
        "فوهة صرف بلا غطاء في ممر المشاة",
    ),
    "water_inside": (
        "el mai da5el el bait from under the door",
        "مياه المجاري تدخل المنزل من مصرف الحمام",
    ),
    "fire": (
        "7ree8 in the palm fronds behind our house",
        "اندلع حريق في المخلفات بجانب البيوت",
    ),
    "tree_or_sign_on_road": (
        "A tree طاحت across the road near the school",
        "لافتة المرور انفصلت وتتدلى فوق السيارات",
    ),
    "person_at_risk": (
        "A child عالق in the pit at the site",
        "طفل عالق في حفرة المشروع",
    ),
    "gas": (
        "Strong ri7at ghaz in the building stairwell",
        "رائحة غاز قوية في ممر العمارة",
    ),
    "car_in_wadi": (
        "A car عالقة in the wadi with people inside",
        "انجرفت سيارة في الوادي وركابها فوقها",
    ),
    "collapsed_trench": (
        "The trench انهار on the workers",
        "انهار الخندق على العمال",
    ),
    "animals": (
        "Stray dogs هاجموا a boy near the shop",
        "ثور هائج يركض بين المارة في السوق",
    ),
}
MIXED_CASES = [(k, "mixed", t[0]) for k, t in MIXED_AND_MSA.items()] + [
    (k, "msa", t[1]) for k, t in MIXED_AND_MSA.items()
]


@pytest.mark.parametrize(("kind", "text"), ARABIZI_CASES, ids=[k for k, _ in ARABIZI_CASES])
def test_each_hazard_kind_in_arabizi_is_urgent_however_it_is_spelled(kind: str, text: str) -> None:
    assert urgent_rule(text), (kind, text)


@pytest.mark.parametrize(
    ("kind", "form", "text"), MIXED_CASES, ids=[f"{k}-{f}" for k, f, _ in MIXED_CASES]
)
def test_each_hazard_kind_mixed_and_msa_is_urgent(kind: str, form: str, text: str) -> None:
    assert urgent_rule(text), (kind, form, text)


@pytest.mark.parametrize(
    "text",
    [
        # settled, thanked for, put out
        "el jidar elli kan yibi ytee7 shaloh, mashkoreen",
        "el 7ree8 6afooh el difa3 el madani",
        "The wires got covered yesterday، shukran",
        # negated
        "ma fee ay wayer makshoof, bas el lait 6afi",
        "el mai ma da5al el bait, bas 3ind el bab",
        "No gas smell anymore، الفني صلحه",
        "لم تنتشر أي رائحة غاز في العمارة",
        # a state that was: "kan" right before it
        "el waayar elli kan mitdali mn el 3amood rakkaboh",
        # long-standing, or a drill
        "el shajara el mayla 3la sooorna min sneen",
        "nbi nsawi tamreen 7ree8 fi el madrasa",
        "نريد تنفيذ تمرين حريق في المدرسة",
        # a sewer's smell is not a gas leak
        "The whole corridor smells of sewer gas",
    ],
)
def test_negated_settled_or_past_hazards_in_arabizi_mixed_and_msa_are_not_urgent(
    text: str,
) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        # "ta7t" (under) folds like "6a7at" (it fell); "blat" (tiles) like بلاطه (a slab)
        "el 3yal yil3aboon ta7t el jidar",
        "el blat mkassar fi el mamsha",
        # "7arakat" (it moved) is not 7areeq (fire): ق is kept apart from ك
        "el sayara 7arakat mn makanha",
        # "ma" (not) is not "ma2" (water)
        "el makhbaz ma 3ndhom shahadat w dakhel el ma6ba5 wasi5",
        # "ma7al" (a shop) is not محول (a transformer), "yshta3il" (it works) not يشتعل (burns)
        "kl mara ada5il 3la mawqi3 el ma7al y6la3 error",
        "el lait yshta3il 6ool el lail",
        # a meter is not a bite: "3addad" is not "3add"
        "3ish dababeer fi 9andoog el 3addad",
    ],
)
def test_everyday_arabizi_words_do_not_fold_into_hazards(text: str) -> None:
    assert urgent_rule(text) is None, text


def test_was_only_right_before_a_state_makes_it_past() -> None:
    assert urgent_rule("el mai elli kan barra da5al el bait w el ghuraf")


# Eighth pass: each hazard kind again in Arabizi spelt another way (an Arabizi phrase meets its
# other spellings word by word, the article optional), with Gulf words, and mixed.
ARABIZI_SPELT_AGAIN: dict[str, list[str]] = {
    "about_to_fall": [
        "el 7ayt mayil wayed w bi6i7 3la el sayarat el7een",
        "el saqf 7ag el ma6ba5 bda ynzil 3laina 7ajar",
        "el bait el qadeem inhadam w el 3yal ga3deen jambah",
        "jidar el 7oosh mayil 3alaina w el 3yal ta7tah",
    ],
    "exposed_wires": [
        "el wayraat 3aariya jamb el masbe7",
        "kaybal el kahraba maqtoo3 w 6aye7 fil mai",
        "3mood el kahraba 6a7 w el wayer 6aye7 3la el ar9",
        "el sooor 7ag el 7adeeqa feeh kahraba",
    ],
    "open_manhole": [
        "fat7at el majaari mafee 3laiha ghata jamb el madrasa",
        "ghata el majari 6ayer w el 7ofra 3meeqa",
    ],
    "water_inside": [
        "el mooya dakhla el bait mn ta7t el bab",
        "mai el majaari 6al3 fi el ghurfa",
        "do5an 6al3 mn el shaqqa jeeranna",
    ],
    "fire": ["7areej fi el sayara w el lahab wa9il lel bait"],
    "tree_or_sign_on_road": [
        "3mood el noor 6aye7 3ala el 6areeq",
        "ishart el muroor 6ay7a fi nu9 el dawwar",
        "el na5la 6aaye7a 3ala el 6areeq el 3am",
    ],
    "person_at_risk": [
        "fi 3ayla 3alqa fi el wadi w el mai ga3d yirtifi3",
        "el rayyal fo8 el sa8f ma yigdar yinzil, el mo6ar 3alig",
    ],
    "sinking_road": ["el ar9 hab6at fi nu9 el share3"],
    "animals": [
        "8a6ee3 boosh wa8if fi nu9 el highway",
        "dababeer las3at el 6ullab 3ind bab el 9af",
    ],
}
SPELT_AGAIN_CASES = [(k, t) for k, texts in ARABIZI_SPELT_AGAIN.items() for t in texts]


@pytest.mark.parametrize(("kind", "text"), SPELT_AGAIN_CASES, ids=[k for k, _ in SPELT_AGAIN_CASES])
def test_each_hazard_kind_in_arabizi_spelt_again_is_urgent(kind: str, text: str) -> None:
    assert urgent_rule(text), (kind, text)


@pytest.mark.parametrize(
    "text",
    [
        # the same dangers negated, put out, feared or over
        "el 7ayt ma mayil 3alaina, bs feeh shag",
        "el 7ree8 in6afa w shaloo el sayara",
        "fat7at el majaari kan mafee 3laiha ghata bs 9alla7oha",
        "el mooya ma dakhlat el bait al7amdilla",
        "law y6ee7 el 7ayt yoom bey9eer mushkila",
        "3mood el noor elli 6a7 3ala el 6areeq shalooh el shahar elli fat",
        "ma fee 5a6ar, el wayer mb 3aari",
    ],
)
def test_the_new_arabizi_spellings_negated_settled_or_feared_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        # electricity named (a refund, a bill) is not a live wire
        "wa9latni risala in 3indi mablagh min el kahraba w ad5il el bitaqa",
        # a leaning tank written calmly, toward the street: not "leaning onto us"
        "التانكي اللي فوق السطح مايل على جهة الشارع والحديد صدي",
        # bags left on the ground by a pole are not a cable on the ground
        "الناس يحطون أكياسهم على الأرض جنب العمود",
    ],
)
def test_wider_arabizi_terms_do_not_fire_on_everyday_messages(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "اذا طاح الجدار بيصير مشكله",
        "iza 6a7 el jidar bit9eer mushkila",
        "5aifeen el jidar y6ee7 3la el 3yal yoom",
    ],
)
def test_if_and_fear_in_gulf_and_arabizi_are_not_danger_now(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        # "nobody" negates a person, not the danger
        "ما حد يرد والماي داخل البيت",
        "no one came and the water is coming into the house",
        # a negation stops at "and": the cover is missing and the wires are out
        "el ghe6a ta7t el 3amood mafi w el waayer barra 3ind el yahal",
    ],
)
def test_nobody_and_a_negation_in_another_clause_do_not_cancel_a_danger(text: str) -> None:
    assert urgent_rule(text), text
