"""Eleventh pass (issue 17): a long report names its place by what stands near it ("a pothole
in front of the school gate, beside the mosque and the sewer cover"). The object right after
"next to", "بجوار", "أمام", "jamb", "giddam"... is where, not what: its concepts are told
apart from the complaint's own (`concept_roles`), so the model can weigh a landmark's
concepts less than the object complained about. Screening still sees every concept."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.features import prepare
from core.routing.lexicon import concept_roles, concepts


def _roles(text: str) -> tuple[list[str], list[str]]:
    return concept_roles(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "subject", "landmark"),
    [
        ("الحاوية بجانب عمود الإنارة ممتلئة", "container", "light"),
        ("كلاب ضالة بالقرب من الحديقة", "animal", "park"),
        ("تسرب مياه الصرف الصحي أمام بوابة الحديقة", "sewage", "park"),
        ("Rats everywhere next to the bins in our building", "rodent", "garbage"),
        ("stray dogs near the park chased the kids", "animal", "park"),
        ("a car abandoned in front of the street light", "vehicle", "light"),
        ("klab sayba jamb el 7adeeqa", "animal", "park"),
        ("el manhool yi6fa7 giddam bawwabat el 7adeeqa", "manhole", "park"),
    ],
)
def test_an_object_after_a_landmark_word_is_a_landmark_not_the_subject(
    text: str, subject: str, landmark: str
) -> None:
    main, near = _roles(text)
    assert subject in main
    assert landmark in near and landmark not in main


@pytest.mark.parametrize(
    "text",
    [
        "حفرة كبيرة بجوار منزلنا والحفرة تكبر",
        "near the school gate there is a deep pothole",
        "giddam el bait fi 7ufra",
    ],
)
def test_the_complaint_named_after_the_landmark_stays_the_subject(text: str) -> None:
    main, near = _roles(text)
    assert "pothole" in main and "pothole" not in near


def test_a_concept_named_both_as_subject_and_landmark_is_the_subject() -> None:
    main, near = _roles("الإنارة مطفأة بجانب عمود الإنارة الآخر")
    assert "light" in main and "light" not in near


def test_screening_still_sees_a_landmark_concept() -> None:
    assert "park" in concepts(normalize_arabic("كلاب ضالة بالقرب من الحديقة").split())


def test_the_model_reads_landmark_concepts_as_their_own_tokens() -> None:
    got = prepare("الحاوية بجانب عمود الإنارة ممتلئة").concepts
    assert "@light" in got and "light" not in got and "container" in got
