"""Twenty-first category pass (issue 17): how Arabizi words reach the lexicon's concepts.

An Arabizi word that reaches no concept by skeleton or listed term is read by its spelling key
("hawya" is "7awya", a bin; "6aafya" is "6afya", gone out), never before another reading ("m6ar"
stays rain though its key is "motar"'s, a car). Words whose skeleton is another Arabic word's
are not read by skeleton: "broo7ah" (by itself) is not البارحه, "tiwalli3" (a lamp comes on)
not يطلع, "dhuhr" (noon) not ظاهر (exposed), "mawatir" (cars) not مطر (rain); "shiqaq" (flats)
are no cracks. Short-skeleton words are listed ("el anwar", "akyas", "7ayawan", "laban"),
"hoosh" is livestock but a courtyard in a place, and asking what became of a report puts the
problem it names second."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.arabizi import arabizi_skeletons, skeleton_words
from core.routing.lexicon import concept_view, concepts_of_word
from core.routing.urgency import urgent_rule


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).lower().split())[0]


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("hawya", "container"),
        ("hawiya", "container"),
        ("6aafya", "dark"),
        ("6afyaat", "dark"),
        ("gitwa", "animal"),
        ("eshara", "sign"),
        ("doowar", "road"),
        ("shaati2", "beach"),
        ("sayyaara", "vehicle"),
        ("shokran", "thanks"),
    ],
)
def test_an_arabizi_spelling_variant_reaches_its_listed_words_concept(
    word: str, concept: str
) -> None:
    assert concept in concepts_of_word(word)


@pytest.mark.parametrize(
    ("word", "kept", "not_read_as"),
    [
        ("m6ar", "rain", "vehicle"),  # the spelling key of "motar" only as a last resort
        ("mawatir", "vehicle", "rain"),  # cars, whose skeleton is مطر's
        ("6afyaat", "dark", "structure_part"),  # lights out, not walls (طوفات)
    ],
)
def test_a_word_keeps_its_own_concept_and_not_a_look_alikes(
    word: str, kept: str, not_read_as: str
) -> None:
    found = concepts_of_word(word)
    assert kept in found
    assert not_read_as not in found


def test_menu_is_not_the_arabizi_who() -> None:
    assert "question" not in concepts_of_word("menu")


def test_flats_are_not_cracks_and_cracks_still_are() -> None:
    assert "danger_structure" not in concepts_of_word("shiqaq")
    assert "danger_structure" not in concepts_of_word("shigag")
    assert "danger_structure" in concepts_of_word("shqooq")
    assert "danger_structure" in concepts_of_word("shuqooq")


@pytest.mark.parametrize("word", ["broo7ah", "tiwalli3", "dhuhr"])
def test_a_word_misread_by_its_skeleton_lends_no_arabic_words_features(word: str) -> None:
    said = ["el", "lait", "ysawwi", word, "ba3d", "el", "maghrib"]
    without = [w for w in said if w != word]
    assert arabizi_skeletons(said) == arabizi_skeletons(without)
    assert skeleton_words(said) == skeleton_words(without)


@pytest.mark.parametrize(
    "text",
    [
        "el laitat fil share3 tishtaghil min el dhuhr w el kahraba ra7at 5asara",
        "el kaibel el jdeed 7ag el laitat rakkaboh el dhuhr w el laitat shaghala al7een zain",
    ],
)
def test_noon_in_a_calm_lamp_report_is_no_exposed_wire(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el anwar fil mamsha kilha 6afya", "light"),
        ("el inara jamb el masjid ma tishtaghil", "light"),
        ("el akyas 7awaleen el 7awya", "garbage"),
        ("7ayawanat mayta 3ind el wadi", "animal"),
        ("shareet laban w tala3 khareb", "food"),
        ("el mataam el 9eeni wasi5", "food"),
        ("hoosh saybeen yakloon el zar3", "animal"),
        ("fi mikaniki yishtaghil min bait jaarna", "shop"),
        ("A mechanic fixes customers' cars in his driveway", "shop"),
    ],
)
def test_a_short_skeleton_word_is_read_by_its_listing(text: str, concept: str) -> None:
    assert concept in _tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "Regards, Anwar",  # a name, not the lights
        "el maay el wasi5 fil hoosh min el bayara",  # a courtyard
        "the sewage is coming up in our hoosh",
        "hoosh el bait malyan maay",
    ],
)
def test_a_name_or_a_courtyard_is_no_light_nor_livestock(text: str) -> None:
    tokens = _tokens(text)
    assert "light" not in tokens
    assert "animal" not in tokens


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("el majari 6af7a w rafa3t bala3 min usboo3, wain wa9al?", "sewage"),
        ("I reported the sewer overflow on Monday, any update?", "sewage"),
        ("المجاري طافحه وبلغت عنها قبل اسبوع، وش صار على البلاغ؟", "sewage"),
    ],
)
def test_asking_after_a_report_puts_its_problem_second(text: str, problem: str) -> None:
    tokens = _tokens(text)
    assert "question" in tokens
    assert f"~{problem}" in tokens
    assert problem not in tokens


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("what happened to the street lights? all dark since friday", "light"),  # no report
        ("I reported the sewage last week and it is still overflowing", "sewage"),  # no question
    ],
)
def test_a_problem_without_a_question_after_its_report_stays_first(text: str, problem: str) -> None:
    assert problem in _tokens(text)
