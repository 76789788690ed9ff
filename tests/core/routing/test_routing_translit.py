"""The transliteration view: Arabizi words carry the features of the Arabic words they spell."""

from __future__ import annotations

import math

import pytest

from core.routing.arabizi import arabizi_keys, fold, spelling_key
from core.routing.features import FeatureSpace, ViewSpec, prepare
from core.routing.terms import index_terms

# Only views that read words as written: without the transliteration view a Latin word
# shares nothing with these Arabic-script training texts.
_WRITTEN = (ViewSpec("chars", 1.0, 2, 5), ViewSpec("stems", 1.5))
_ARABIC_ONLY = [
    "توجد حفرة كبيرة في الشارع",
    "الحفرة عميقة أمام البيت",
    "الزبالة ما انشالت من أسبوع",
    "الزبالة كثيرة عند الحاوية",
]


def _cosine(space: FeatureSpace, a: str, b: str) -> float:
    va = dict(zip(*space.vector(a), strict=True))
    vb = dict(zip(*space.vector(b), strict=True))
    dot = sum(v * vb.get(k, 0.0) for k, v in va.items())
    norm = math.sqrt(sum(v * v for v in va.values()) * sum(v * v for v in vb.values()))
    return dot / norm if norm else 0.0


def test_arabizi_words_share_features_with_arabic_training_words() -> None:
    space = FeatureSpace(_WRITTEN).fit(_ARABIC_ONLY)
    pothole = _cosine(space, "7ufra kbeera", "توجد حفرة كبيرة في الشارع")
    rubbish = _cosine(space, "el zbala kteera", "الزبالة كثيرة عند الحاوية")
    assert pothole > 0.3 and rubbish > 0.3
    assert _cosine(space, "7ufra kbeera", "الزبالة كثيرة عند الحاوية") < pothole / 2


def test_digit_letters_and_spelling_variants_reach_the_same_arabic_word() -> None:
    space = FeatureSpace(_WRITTEN).fit(_ARABIC_ONLY)
    for spelling in ("7ufra", "7ofra", "hufra", "7frah"):
        assert _cosine(space, f"fi {spelling}", "الحفرة") > 0.3, spelling


def test_english_words_are_not_read_as_arabizi() -> None:
    assert prepare("the rubbish bins near our house are full").arabizi == ()
    assert prepare("el zbala ma t7allat").arabizi != ()


@pytest.mark.parametrize("spelling", ["7ree8", "7areeq", "hareeq", "7areeg", "el7areeq"])
def test_arabizi_spellings_of_a_word_share_its_arabic_fold(spelling: str) -> None:
    assert fold("حريق") in arabizi_keys(spelling)[1]


def test_the_fold_keeps_qaf_apart_from_kaf() -> None:
    """ "7arakat" (it moved) would otherwise fold as حريق (fire)."""
    assert fold("حريق") not in arabizi_keys("7arakat")[1]


def test_a_short_word_meets_its_variants_by_spelling_key() -> None:
    assert spelling_key("ytee7") == spelling_key("y6ee7") == spelling_key("yti7")
    assert spelling_key("maftou7") == spelling_key("maftoo7")
    assert spelling_key("wayer") != spelling_key("wire")


@pytest.mark.parametrize("text", ["3ala al shari3", "3la share3", "wa9ef 3ala el sharee3 el7een"])
def test_an_arabizi_phrase_meets_its_other_spellings_word_by_word(text: str) -> None:
    index = index_terms({"on_road": ["3la el share3"]}, arabizi=True)
    assert index.labels(text.split()) == {"on_road"}


@pytest.mark.parametrize("text", ["3la el bait", "share3 3la", "3la el share3"])
def test_a_folded_phrase_needs_its_words_in_order_and_an_arabizi_index(text: str) -> None:
    folded = index_terms({"on_road": ["3la el share3"]}, arabizi=True)
    written = index_terms({"on_road": ["3ala el shari3"]})
    assert written.labels(text.split()) == set()
    assert folded.labels(text.split()) == ({"on_road"} if text == "3la el share3" else set())


def test_an_english_phrase_is_not_folded() -> None:
    index = index_terms({"on_road": ["on the road"]}, arabizi=True)
    assert index.labels(["wa9ef", "an", "el", "reed"]) == set()
