"""Urgency, ninth pass (issue 17): things about to fall (roof tanks, balconies, signboards,
leaning poles, cranes), park hazards (sharp play equipment in use, open pits, unfenced ponds),
people or cars crossing a running wadi, and unmarked holes at night, in every form; their
negated, past, feared and routine counterparts do not fire.

Written from the kinds the lead listed and general knowledge, never from a test set's messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

# kind -> form -> messages reporting that danger now (Arabizi spelt several ways)
DANGERS: dict[str, dict[str, list[str]]] = {
    "roof_tank": {
        "english": ["The water tank on the roof next door is leaning over the street"],
        "msa": ["خزان الماء فوق سطح الجيران مائل ويكاد يسقط على الشارع"],
        "gulf": ["التانكي فوق سطح الجيران مايل وبيطيح على السكة"],
        "arabizi": [
            "el tanki fog sa6 el jeeran mayil w bi6ee7 3la el sikka",
            "el 5azzan fo8 el sa6 mayel 3la el sayarat",
            "el khazzan foog el sat7 maayil 3la el share3",
        ],
        "mixed": ["الـ water tank فوق السطح mayil وبيطيح على السيارات"],
    },
    "balcony": {
        "english": ["The balcony on the third floor is cracking away from the wall"],
        "msa": ["شرفة الطابق الثالث متصدعة وتتساقط منها قطع الخرسانة على المارة"],
        "gulf": ["البلكونة حق الدور الثالث متشققة وقاعدة تطيح منها قطع على الناس"],
        "arabizi": [
            "el balcona 7g el door el thalith mshaqqaqa w t6ee7 minha 8i6a3",
            "el balkona y6ee7 minha 7jar 3la el nas",
        ],
        "mixed": ["الـ balcony حق الدور الثاني is coming down على الرصيف"],
    },
    "signboard": {
        "english": [
            "The signboard of the shop above us is hanging by one bolt over the pavement",
            "A big billboard on the roundabout is bent and could come down on cars any minute",
        ],
        "msa": ["لوحة إعلانية كبيرة على الدوار مائلة وقد تسقط على السيارات في أي لحظة"],
        "gulf": ["اللوحة الإعلانية حق المحل معلقة ببرغي واحد فوق الرصيف"],
        "arabizi": [
            "lo7at el e3lan 3nd el dawwar mayla w bit6ee7 3la el sayarat",
            "el yafta 7g el ma7al m3allaga b burgi wa7ed fog el ra9eef",
            "lo7at i3lan kbeera 6aay7a 3la el share3",
        ],
        "mixed": ["الـ billboard عند الدوار مايل and about to fall على السيارات"],
    },
    "leaning_pole": {
        "english": [
            "The lamp post by the school is leaning badly over the road after a truck hit it",
            "A light pole is tilted over the street and swaying in the wind",
        ],
        "msa": ["عمود الإنارة مائل بشدة على الطريق بعد أن صدمته شاحنة"],
        "gulf": ["عمود الليت مايل على الشارع بعد ما صدمه تريلا"],
        "arabizi": [
            "3amood el ishara mayil 3la el share3 ba3d ma 9idma trailer",
            "3mood el layt mayel 3al 6areeq w yitmayal ma3 el hawa",
            "el 3amood maayil 3la el sayarat",
        ],
        "mixed": ["الـ lamp post مايل على الشارع after the accident"],
    },
    "crane": {
        "english": ["A tower crane on the site next to us is leaning, please send someone now"],
        "msa": ["رافعة البناء في الموقع المجاور مائلة وتحمل أحمالا فوق المنازل"],
        "gulf": ["الكرين حق الموقع اللي جنبنا مايل وفوق البيوت"],
        "arabizi": [
            "el krain 7g el mashroo3 mayil fog el byoot",
            "el kreen mayla 3la el bait",
            "el wanash yilif w el 7iml fog byootna w el dra3 yihtazz",
        ],
        "mixed": ["الـ crane حق الموقع leaning فوق البيوت"],
    },
    "sharp_play_equipment": {
        "english": [
            "The slide in the park is broken and has sharp metal edges, kids are playing on it",
            "Jagged metal sticking out of the swings, a boy got cut in the playground",
        ],
        "msa": ["الزحليقة في الحديقة مكسورة وفيها حواف حديدية حادة والأطفال يلعبون عليها"],
        "gulf": ["الزحليقة في الحديقة مكسورة وفيها حديد حاد والعيال يلعبون عليها الحين"],
        "arabizi": [
            "el zo7leega fi el 7adeeqa maksoora w feeha 7adeed 7aad w el 3yal yil3aboon",
            "el marjee7a feeha masameer 6al3a w el yahal yl3boon 3laiha",
        ],
        "mixed": ["الـ slide في الـ park مكسورة وفيها sharp edges والعيال يلعبون"],
    },
    "open_pit": {
        "english": ["There is an open pit in the middle of the park with children around it"],
        "msa": ["حفرة مكشوفة في وسط الحديقة بدون غطاء والأطفال حولها"],
        "gulf": ["في حفرة مفتوحة في نص الحديقة ما عليها شي والعيال حولها"],
        "arabizi": [
            "fi 7ufra maftoo7a fi nu9 el 7adeeqa w el yahal 7walha",
            "7ofra makshoofa jamb el al3ab",
        ],
        "mixed": ["في open pit في الحديقة and kids around it"],
    },
    "unfenced_water": {
        "english": [
            "The pond in the park has no fence and small kids are running by the edge",
            "The fence around the lake is broken and toddlers can walk into the water",
        ],
        "msa": [
            "السياج حول البحيرة في الحديقة مكسور والأطفال يمكنهم الوصول إلى الماء",
            "سياج البركة منهار والأطفال يقتربون من الحافة",
        ],
        "gulf": ["البركة في الحديقة ما عليها سور والياهل يركضون جنبها"],
        "arabizi": [
            "el birka fi el 7adeeqa ma 3laiha soor w el yahal y6ardoon 3la 6arafha",
            "el soor 7g el bu7aira maksoor w el 3yal ygdroon ywi9loon el mai",
        ],
        "mixed": ["الـ fence حق الـ lake مكسور والعيال قريبين من الماي"],
    },
    "crossing_running_wadi": {
        "english": [
            "People are crossing the wadi while it is running",
            "Cars keep driving through the flowing wadi on the Amerat road",
        ],
        "msa": ["أشخاص يعبرون الوادي وهو جارٍ وسيارة تحاول العبور الآن"],
        "gulf": ["الناس يقطعون الوادي وهو حامل والسيارات تدخل فيه"],
        "arabizi": [
            "el nas y8a6i3oon el wadi w huwa jaari",
            "el wadi jaari w el sayarat t3abir feeh al7een",
            "el wadi 7aamil w fi sayara t7awil ta3bur",
        ],
        "mixed": ["الناس crossing الوادي وهو جاري"],
    },
    "unmarked_hole": {
        "english": [
            "There is a deep hole in the road with no lights or signs, cars can't see it",
            "Big trench across the lane, completely dark, no warning signs at all",
        ],
        "msa": ["حفرة عميقة في الطريق بدون إنارة أو علامات تحذيرية والسيارات لا تراها ليلا"],
        "gulf": [
            "حفرة كبيرة في الشارع ما عليها إشارات ولا ليتات وبالليل ما تنشاف",
            "المقاول خلا الحفرية في السكة بدون اشارات ولا ليتات",
        ],
        "arabizi": [
            "7ufra kabeera fi el share3 bala ishara wala layt w bil lail ma tbayyin",
            "el 5andaq fi el 6areeq bdoon isharat bil lail",
        ],
        "mixed": ["حفرة كبيرة في الـ road بدون أي signs بالليل"],
    },
}
CASES = [
    (kind, form, text)
    for kind, forms in DANGERS.items()
    for form, texts in forms.items()
    for text in texts
]


@pytest.mark.parametrize(
    ("kind", "form", "text"), CASES, ids=[f"{k}-{f}-{i}" for i, (k, f, _) in enumerate(CASES)]
)
def test_each_new_danger_kind_fires_in_each_form(kind: str, form: str, text: str) -> None:
    assert urgent_rule(text), (kind, form, text)


# kind -> negated, past, feared, planned or routine counterparts that must not fire
CALM: dict[str, list[str]] = {
    "roof_tank": [
        "The water tank on the roof was leaning but the owner fixed the stand last week",
        "التانكي كان مايل على السكة بس صلحوه، مشكورين",
        "el tanki mb mayil 3la el share3, bs y9abb mai",
    ],
    "balcony": ["The balcony railing was repaired, thank you", "البلكونة صلحوها الأسبوع الماضي"],
    "signboard": [
        "We are worried the billboard could fall one day in a storm",
        "نخشى أن تسقط اللوحة الإعلانية يوما ما",
        "5aif lo7at el e3lan t6ee7 yom min el ayam",
    ],
    "leaning_pole": [
        "The lamp post is not leaning over the road any more after your team came",
        "تم إصلاح عمود الإنارة المائل على الطريق، شكرا لكم",
        "el 3amood kan mayil 3la el share3 bs 9alla7oh, shukran",
        # leaning (weaker than falling) that the writer only fears for
        "عمود الإنارة مايل على الشارع ونخاف يطيح يوم",
        "the lamp post is tilted over the road, we are worried about it",
    ],
    "crane": [
        "the crane was taken down last week, thank you",
        "The crane company works until midnight, the noise is terrible",
        "الكرين شالوه من الموقع، مشكورين",
        "the crane was leaning last year, now it is fixed",
    ],
    "sharp_play_equipment": [
        "The see-saw has sharp edges, please fix it before a child gets hurt",
        "الزحليقة في الحديقة قديمة وفيها حديد حاد، نرجو صيانتها قبل لا ينجرح ياهل",
        "el zo7leega feeha 7adeed 7aad, mu7taaja 9eyana",
    ],
    "open_pit": [
        "They dumped rubbish on the open land behind the park, the holes are full of bags",
        "الحفرة في الحديقة تم تغطيتها، شكرا",
        "el 7ufra mb maftoo7a, 7a66aw 3laiha ghata",
    ],
    "unfenced_water": [
        "Please install a fence around the park pond, it would be safer",
        "The fence around the lake was fixed last month, thanks",
        "السياج حول البركة مب مكسور، بس الماي وسخ",
    ],
    "crossing_running_wadi": [
        "Last year people crossed the wadi when it was running",
        "We need a bridge over the wadi, we cannot cross when the wadi is running",
        "الوادي ما جاري اليوم والناس يعبرون عادي",
        "el wadi mb jaari, el nas y3abroon 3adi",
        "نقترح لوحات تحذيرية عند الوادي لمنع العبور أثناء الجريان",
    ],
    "unmarked_hole": [
        "The hole in the road was filled and marked, thank you",
        "The street has no lights at night, please fix the lamps",
        "الحفرة اللي في الشارع حطوا عليها إشارات واضحة، مشكورين",
        "Thanks, the trench is now fenced and lit every night",
    ],
}
CALM_CASES = [(kind, text) for kind, texts in CALM.items() for text in texts]


@pytest.mark.parametrize(
    ("kind", "text"), CALM_CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CALM_CASES)]
)
def test_negated_past_feared_or_routine_counterparts_do_not_fire(kind: str, text: str) -> None:
    assert urgent_rule(text) is None, (kind, text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("fi 7areej fi el 7awya jamb el byoot", "fire"),
        ("الحريج في المزرعة والدخان واصل البيوت", "fire"),
        ("el 6areej fih 7ufra maftoo7a w el yahal 7walha", "open_pit"),
        ("fee 7areeg fi el mazra3a", "fire"),
    ],
)
def test_gulf_j_and_g_for_qaf_are_read_in_hazard_words(text: str, rule: str) -> None:
    """Gulf speakers write ق as g or j: "7areeg" folds as حريق, "7areej" is listed as spelled."""
    assert urgent_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "ma fee 7araj, 3adi nroo7 el sooq",  # "no problem": 7araj folds as 7areej would
        "souq el 7araaj feeh zi7ma kil jum3a",  # an auction yard
        "3ilaj el 3amil fi el mustashfa 6ayyib",  # treatment: علاج as عالق with j for qaf
    ],
)
def test_words_that_a_qaf_as_j_fold_would_meet_do_not_fire(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The billboard could come down any minute on the cars below",
        "اللوحة الإعلانية ممكن تطيح أي لحظة على السيارات",
        "el jidar mumkin y6ee7 ay wagt 3la el yahal",
        "عمود الإنارة مايل على الشارع ونخاف يطيح في أي لحظة",
    ],
)
def test_a_hedged_danger_with_any_minute_after_it_is_danger_now(text: str) -> None:
    assert urgent_rule(text)


@pytest.mark.parametrize(
    "text",
    [
        "The billboard could come down one day in a storm",
        "اللوحة الإعلانية ممكن تطيح يوم من الأيام",
    ],
)
def test_a_hedged_danger_without_any_minute_is_not(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "حطيتوا ستيكر على السيارة قبل شهر ولين الحين ما سحبتوها",
        "the cracks in the school wall are still there, until now nobody came",
        "el 7ufra fi el sikka lain al7een ma 6ammoha",
    ],
)
def test_until_now_is_not_a_now_word_for_the_urgent_model(text: str) -> None:
    """ "لين الحين", "until now" say how long a problem has lasted (ninth pass, read from the
    urgent model's out-of-fold false alarms on the shipped rows)."""
    assert not model_may_flag(text, 0.5), text


def test_now_said_apart_from_until_now_still_counts() -> None:
    assert model_may_flag("الحين الماي داخل البيت وللحين ما جا احد", 0.5)
    assert model_may_flag("el mai da5el el bait al7een", 0.5)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("نزل الوادي والسيارات يبون يعدون", "crossing_running_wadi"),
        ("الوادي نازل والموترات تعدي فيه", "crossing_running_wadi"),
        ("el wadi nazil w el sayarat y3addoon", "crossing_running_wadi"),
        ("The wadi is in full flow and a pickup is fording it", "crossing_running_wadi"),
        ("el birka ma 3laiha siyaj w el yahal y3laboon jambha", "unfenced_water"),
        ("el zallaaga feeha 7adeed 7aad w el yahal yil3aboon", "sharp_play_equipment"),
    ],
)
def test_omani_and_gulf_words_for_a_flowing_wadi_crossing_and_play_equipment(
    text: str, rule: str
) -> None:
    """ "نزل الوادي" (the wadi came down: it flows), "يعدون" (they get across), "zallaaga"."""
    assert urgent_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    ["الوادي ما نزل اليوم والناس يعدون عادي", "نزل الضيوف من السيارة وعدوا الشارع"],
)
def test_a_wadi_that_did_not_flow_or_guests_crossing_a_street_is_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None
