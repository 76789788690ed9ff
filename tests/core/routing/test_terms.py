"""TermIndex.find: which words are read by fold, pinned on a small index (the per-word cache
that keeps this cheap must not change a match)."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.arabizi import looks_arabizi
from core.routing.terms import fold_kind, index_terms

_GROUPS = {
    "hole": ["حفره", "7ufra"],
    "road": ["شارع", "3la el share3"],
    "fire": ["حريق", "fire="],
    "smoke": ["smoke", "دخان"],
    "under": ["تحت"],
}
_FOLDING = index_terms(_GROUPS, arabizi=True)
_PLAIN = index_terms(_GROUPS)

CASES = [
    # an Arabizi message: its non-English Latin words are read by fold
    (
        "fi 7frah kbeera 3ala al shari3 jamb el masjid",
        ([(1, 2, "hole"), (3, 6, "road"), (5, 6, "road")], []),
    ),
    # an English message: only its Arabizi token is
    (
        "There is a 7ofra near the school gate and hofra",
        ([(3, 4, "hole")], []),
    ),
    (
        "الماء يتسرب من الانبوب في الشارع والحريق",
        ([(5, 6, "road"), (6, 7, "fire")], [(5, 6, "road"), (6, 7, "fire")]),
    ),
    # a word never folded (ta7t) and an English word (fire) in an Arabizi message
    (
        "hareeq fi el bait w el dukhan kather ta7t el fire",
        ([(0, 1, "fire"), (6, 7, "smoke"), (10, 11, "fire")], [(10, 11, "fire")]),
    ),
    (
        "the smoke from the fire is everywhere, 999",
        ([(1, 2, "smoke"), (4, 5, "fire")], [(1, 2, "smoke"), (4, 5, "fire")]),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_reads_by_fold_the_words_it_always_did(text: str, expected: object) -> None:
    words = normalize_arabic(text).split()
    assert (sorted(_FOLDING.find(words)), sorted(_PLAIN.find(words))) == expected


def test_a_new_words_fold_kind_is_worked_out_once_for_every_index() -> None:
    words = ["zq7uvx"]  # a word no other test reads (any other may be new on this worker)
    before = fold_kind.cache_info().misses
    _FOLDING.find(words)
    _PLAIN.find(words)
    index_terms(_GROUPS, arabizi=True).find(words)
    assert fold_kind.cache_info().misses - before == 1


def test_looks_arabizi_counts_each_kind_of_latin_word() -> None:
    assert looks_arabizi(["el", "7ufra", "fire", "smoke"])  # 2 + 1 against 2
    assert not looks_arabizi(["the", "fire", "smoke", "el"])  # 1 against 3
    assert not looks_arabizi(["حفره", "ya", "the"])  # 1 against 1: Arabic words do not vote


# Phrases under one first word, kept in a list whose order matches must keep: exact next
# words, a whole last word, a stem last word, a three-word phrase, and Arabizi ones by fold.
_SHARED_HEAD = index_terms(
    {
        "wall": ["انهار جدار", "انهار السور=", "fell the wall"],
        "roof": ["انهار سقف البيت", "انهار سق", "fell down="],
        "road": ["3la el share3", "3la el dareeb="],
    },
    arabizi=True,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انهار جدارهم وانهار السور", [(0, 2, "wall"), (2, 4, "wall")]),
        ("انهار السوره", []),  # a whole last word is not a stem
        ("انهار سقف البيت", [(0, 3, "roof"), (0, 2, "roof")]),  # listed order, not length
        ("the wall fell the walls and fell down", [(2, 5, "wall"), (6, 8, "roof")]),
        ("fell", []),  # a first word with nothing after it
        ("7ufra 3ala al shari3 w 3la dareeb", [(1, 4, "road"), (5, 7, "road")]),
    ],
)
def test_phrases_sharing_a_first_word_match_by_their_next_word(
    text: str, expected: list[tuple[int, int, str]]
) -> None:
    """Phrases are looked up by their next word (hundreds share a first word); the matches
    and their order are what testing each phrase in turn gave."""
    words = normalize_arabic(text).split()
    assert _SHARED_HEAD.find(words) == expected


class _CountingCache(dict[str, object]):
    """A word cache that records which words `find` looks up."""

    looked_up: list[str]

    def get(self, key: str, default: object = None) -> object:
        self.looked_up.append(key)
        return super().get(key, default)


def test_a_word_known_to_add_nothing_is_skipped_without_a_look_up() -> None:
    """Most of a message's words add nothing to most indexes; once a word is known so, find
    passes it by, and the matches stay the same, in the same order."""
    index = index_terms(_GROUPS, arabizi=True)
    words = normalize_arabic("the big 7ufra and the fire under the old tree").split()
    first = index.find(words)
    cache = _CountingCache(index._word_cache)
    cache.looked_up = []
    index._word_cache = cache  # type: ignore[assignment]
    assert index.find(words) == first == [(2, 3, "hole"), (5, 6, "fire")]
    assert cache.looked_up == ["7ufra", "fire"]
