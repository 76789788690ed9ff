"""Twelfth pass (issue 17): a message with two problems says which one it is about ("some
rubbish too, but the main problem is the sewage", "المشكله", "bas el mushkila el klaab"), and
thanks for a problem still there is sarcasm ("thank you for the lovely potholes, please fix
them"). The problem put second, and such thanks, become "~name" tokens, so the model can
weigh them less than the one the message is about."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_roles, concept_view


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).split())[0]


@pytest.mark.parametrize(
    ("text", "second", "main"),
    [
        ("There is some rubbish around, but the main problem is the sewage overflowing",
         "garbage", "sewage"),
        ("lights are dim too but mainly the road has a deep pothole", "light", "pothole"),
        ("الزباله منتشره بس المشكله الكلاب الضاله عند البيوت", "garbage", "animal"),
        ("el zibala mnaththara bas el mushkila el klaab elli t3aggib el 3iyal", "garbage",
         "animal"),
    ],
)  # fmt: skip
def test_the_problem_named_before_the_main_one_is_second(text: str, second: str, main: str) -> None:
    tokens = _tokens(text)
    assert f"~{second}" in tokens and second not in tokens
    assert main in tokens


@pytest.mark.parametrize(
    "text",
    [
        "المشكله ان الحاويه مليانه من اسبوع",  # the cue opens the message: nothing is second
        "the problem is the garbage was not collected and the bins are full",
        "the garbage is everywhere, the problem is nobody cares",  # no object after the cue
    ],
)
def test_without_a_second_object_nothing_is_put_second(text: str) -> None:
    assert not any(t.startswith("~") for t in _tokens(text))


@pytest.mark.parametrize(
    "text",
    [
        "thank you so much for the beautiful potholes, please fix it already",
        "shukran ya baladiya 3ala el zibala elli sar laha 5 ayyam",
        "مشكورين على الحفره اللي للحين ما انصلحت",
    ],
)
def test_thanks_for_a_problem_still_there_is_not_thanks(text: str) -> None:
    tokens = _tokens(text)
    assert "~thanks" in tokens and "thanks" not in tokens


@pytest.mark.parametrize(
    "text",
    [
        "thank you for fixing the pothole so quickly",
        "shukran 3ala 9alla7tu el 3amood",
        "thanks, the lights were repaired but the pole is still leaning",  # resolved named
    ],
)
def test_thanks_for_work_done_stays_thanks(text: str) -> None:
    assert "thanks" in _tokens(text)


def test_concept_roles_still_lists_a_second_problem_as_the_subjects() -> None:
    main, _ = concept_roles(
        normalize_arabic("some rubbish too, but the main problem is the sewage").split()
    )
    assert "garbage" in main and "sewage" in main
