"""Urgency by who is at risk and where (issue 17, twelfth pass).

People named by what they are doing where they gather (worshippers, swimmers, shoppers,
passengers, labourers, pupils) near a danger; something giving way over them; a car park or
parking floor caving in; a fridge dumped where children play; a hole someone has just fallen
into. Each in every form, in the order English, MSA, Gulf, Arabizi, mixed, with its past,
settled, negated or feared counterpart. Written from the pass's sub-topic list
(docs/ROUTING_DATA.md, "Twelfth pass"), never from a test set's messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

# rule -> a danger now, one sentence per form
URGENT: dict[str, list[str]] = {
    "giving_way_over_people": [
        "The chandelier in the wedding hall is swaying over the guests' tables",
        "الثريا في قاعة المسجد تهتز فوق المصلين",
        "المروحه حق الفصل بتطيح على الطلاب",
        "el thurayya fi el jame3 tihtaz fog el m9alleen",
        "The fan في المسجد is wobbling over the worshippers",
    ],
    "road_collapse_or_open_trench": [
        "The basement car park floor is sinking under the parked cars",
        "أرضية مواقف السيارات خلف البنك تنخسف تحت السيارات",
        "الباركن حق العماره خسف",
        "el parking 7ag el mustashfa 5asaf",
        "The parking lot عند المول is caving in",
    ],
    "fridge_where_children_play": [
        "An old chest freezer has been left on the sand where children play every afternoon",
        "ثلاجة مهملة في الساحة التي يلعب فيها الأطفال",
        "فريزر قديم مرمي عند الملعب حق العيال",
        "thallaja gadeema mrmiya fi el sa7a w el yahal yil3aboon 3indha",
        "Broken fridge مرمي next to the playground",
    ],
    "hole_someone_fell_into": [
        "The kid on the bike went into the hole just now",
        "سقط رجل في الحفرة أمام الصيدلية، وقع فيها قبل قليل",
        "الحفره اللي عند الدوار توه واحد طاح فيها",
        "el 7ufra 3ind el ishara tawwah wa7ed wiga3 feeha",
        "The حفرة near the bakery, a man went into it just now",
    ],
    "dangerous_animal_near_people": [
        "A snake is coiled under the bench where the passengers are sitting",
        "ثعبان قرب الشاطئ والسباحين على بعد أمتار",
        "حنش عند باب المسجد والمصلين طالعين",
        "7anash jamb el ma9la w el m9alleen barra",
        "Snake في الممشى and the shoppers nearby",
    ],
    "someone_hurt_just_now": [
        "A boy got cut on the broken swing just now and the glass is still there",
        "طفل انجرح قبل قليل من الحديد البارز في الحديقة",
        "ولدي تعور توه من السلك",
        "wildi injara7 tawwah mn el 7adeed",
        "My son got injured just now على الزحليقة",
    ],
    "deep_pit_by_people": [
        "A deep trench beside the bus stop and commuters all around it",
        "حفرة عميقة بجانب الموقف والركاب حولها",
        "حفره عميقه جنب الباص والركاب نازلين",
        "7ufra 3ameega jamb el ma7a6a w el rukkab 3indha",
        "Deep حفرة near the mosque و worshippers around",
    ],
}

# the same scene past, settled, negated or feared; a person's own fall; a fridge on sale
CALM: dict[str, list[str]] = {
    "giving_way_over_people": [
        "The chandelier that was swaying over the guests was fixed last week, thanks",
        "الثريا في قاعة المسجد لا تهتز، تم تثبيتها، شكرا",
        "المروحه حق الفصل ما تطيح بس صوتها عالي",
        "el thurayya fi el jame3 ma tihtaz, 9alla7ooha",
        "We fear the shade في السوق might sag over the shoppers one day",
    ],
    "road_collapse_or_open_trench": [
        "The car park floor sank two years ago and was repaired",
        "أرضية مواقف السيارات لم تهبط، فقط تحتاج دهان",
        "الباركن حق العماره خسف السنه الماضيه وصلحوه",
        "el parking ma 5asaf, bs yibghaleh ta5tee6",
        "The parking lot needs new lines, no danger",
    ],
    "fridge_where_children_play": [
        "The fridge dumped by the playground was removed, thank you",
        "ثلاجات معروضة للبيع، منطقة ألعاب للأطفال مجانا",
        "الثلاجه اللي عند الملعب شالوها مشكورين",
        "el thallaja elli 3ind el mal3ab shalooha, mashkoorin",
        "No fridge near the playground anymore, شكرا",
    ],
    "hole_someone_fell_into": [
        "A cyclist went into the trench last month, please fill it",
        "نخشى أن يقع فيها أحد، الحفرة أمام الصيدلية",
        "الحفره اللي عند الدوار ردموها، ما حد طاح فيها",
        "el 7ufra 3ind el ishara, a5af wa7ed y6ee7 feeha",
        "The حفرة near the bakery, someone could fall in it",
    ],
    "someone_hurt_just_now": [
        "A boy got cut on the broken swing last month, please change it",
        "انجرح طفل من الحديد البارز في الحديقة الشهر الماضي",
        "ولدي تعور من السلك السنه الماضيه",
        "wildi injara7 mn el 7adeed el shahar elli fat",
        "Nobody got injured just now, بس الزحليقة مكسورة",
    ],
}

# people tripping, slipping or walking through a nuisance: the shipped labels call them calm
NUISANCE_WITH_PEOPLE = [
    "Several elderly worshippers have slipped on the wet steps after the rain",
    "البلاط مكسور والشياب يتعثرون فيه",
    "ماي مجاري متجمع عند باب المسجد والمصلين يدوسون فيه",
    "el ra9eef maksoor w el shiyab y6ee7oon mn zaman",
    "The shoppers complain the market toilets are dirty",
]


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in URGENT.items() for text in texts]
)
def test_danger_where_people_gather_is_urgent(rule: str, text: str) -> None:
    assert urgent_rule(text), rule


@pytest.mark.parametrize(
    ("rule", "text"), [(rule, text) for rule, texts in CALM.items() for text in texts]
)
def test_the_same_scene_past_settled_negated_or_feared_is_not(rule: str, text: str) -> None:
    assert urgent_rule(text) is None, rule


@pytest.mark.parametrize("text", NUISANCE_WITH_PEOPLE)
def test_people_beside_a_nuisance_is_not_danger_now(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "كل مره تمطر الماي يدخل الغرف هالحزه",
        "kil mara tm6ir el mai yid5al el ghoraf hal7azza",
        "حنش في الحوش هالحزه",
    ],
)
def test_omani_now_reads_as_now(text: str) -> None:
    assert urgent_rule(text)


def test_omani_now_lets_a_leaning_model_answer_count() -> None:
    assert model_may_flag("السقف حق المجلس فيه شق كبير هالحزه", 0.5)
