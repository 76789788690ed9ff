"""Twelfth pass (issue 17): a message that says what its problem is not ("not sewage, just
rainwater", "مو مجاري", "mob majari", "the street light is fine") names that object without
complaining of it. Its concepts become "!name" tokens and its words leave the word views, so
the model reads the object the message does complain of. Only objects are denied: "not
collected" and "مب شغال" are the complaint, and "no light", "ليس هناك إنارة", "not a single
light" say the object is missing."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.features import prepare
from core.routing.lexicon import concept_view, concepts


def _view(text: str) -> tuple[list[str], list[str]]:
    return concept_view(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "denied", "subject"),
    [
        ("Not sewage, just rainwater standing in the lane", "sewage", "rain"),
        ("it isn't the sewer, it is only rain water", "sewage", "rain"),
        ("The street light is fine, there is a pothole under it", "light", "pothole"),
        ("مو مجاري، هذا ماي مطر واقف", "sewage", "rain"),
        ("ليست مياه أمطار بل مجاري طافحة", "rain", "sewage"),
        ("الحاويه زينه بس الناس يرمون انقاض جنبها", "container", "dumping"),
        ("mob majari, hatha may mu6ar", "sewage", "rain"),
        ("el 7awya zaina bas fi nas yirmoon 5arab", "container", "dumping"),
    ],
)
def test_a_denied_object_is_its_own_token_and_leaves_the_words(
    text: str, denied: str, subject: str
) -> None:
    tokens, said = _view(text)
    assert f"!{denied}" in tokens and denied not in tokens
    assert subject in tokens
    assert len(said) < len(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("the garbage is not collected since Sunday", "collect"),
        ("there is no light in our street", "light"),
        ("not a single light works on this road", "light"),
        ("ليس هناك إنارة في الشارع", "light"),
        ("العمود مب شغال والشارع ظلام", "light"),
        ("mob fi 7awya fil sikka", "container"),
        ("the bins are not emptied and not enough", "garbage"),
    ],
)
def test_a_missing_object_or_a_state_is_not_denied(text: str, concept: str) -> None:
    tokens, said = _view(text)
    assert concept in tokens
    assert not any(t.startswith("!") for t in tokens)
    assert said == normalize_arabic(text).split()


def test_the_same_object_named_again_as_the_complaint_stays_the_subject() -> None:
    tokens, _ = _view("not a road problem, the lights on the service road are off")
    assert "light" in tokens and "road" in tokens and "!road" not in tokens


def test_the_features_read_the_denied_words_only_as_tokens() -> None:
    prepared = prepare("Not sewage, just rainwater standing in the lane")
    assert "sewage" not in prepared.words
    assert "!sewage" in prepared.concepts


def test_screening_still_sees_every_concept() -> None:
    assert "sewage" in concepts(normalize_arabic("mob majari, hatha may mu6ar").split())
