"""Twenty-third category pass (issue 17): three words an emergency's category turns on, read in
every form. A snake in Arabizi ("7ayya") is a pest, as ثعبان and "tha3ban" already were; the Gulf
crane (ونش, "wanash") is building work, as "kreen" and كرين were; an underpass or tunnel ("the
tunnel", النفق, "el nafaq") is one concept in every form, the place rain water gathers. Look-alikes
keep out: a greeting ("7ayyak allah") is no snake, and a dead animal ("naafiq", نافق) is no
tunnel though a tunnel's consonants are its own."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).lower().split())[0]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("7ayya kbeera fil 7oosh", "insect"),
        ("shifna 7ayyat ta7t el sayyara", "insect"),
        ("el wanash yshil 7adeed", "construction"),
        ("الونش حق المشروع يلف", "construction"),
        ("the tunnel is full of water", "underpass"),
        ("water in the underpass again", "underpass"),
        ("النفق مليان ماي", "underpass"),
        ("el nafaq ta7t el jisr", "underpass"),
    ],
)  # fmt: skip
def test_a_word_names_its_concept(text: str, concept: str) -> None:
    assert concept in _tokens(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("7ayyak allah ya 5oy", "insect"),
        ("shifna kalb naafiq 3ind el dowar", "underpass"),
        ("حيوان نافق جنب البيت", "underpass"),
    ],
)  # fmt: skip
def test_a_look_alike_does_not(text: str, concept: str) -> None:
    assert concept not in _tokens(text)
