"""Term lists matched by dictionary look-up on the words of normalised text.

Terms are written naturally (Arabic, English, Arabizi) and normalised with the same function
as the messages, so spelling variants match. A term matches at the start of a word (Arabic
words may carry a clitic prefix such as و/ب/ال) and by default as a stem; a trailing '='
demands the whole word, which keeps short Arabizi and English words from matching inside
longer ones. In a phrase the earlier words are whole words and the last follows the same
stem rule.

Matching is a few dictionary probes per word (its clitic-stripped variants and their stem
prefixes), cached per word, instead of one large regular expression scanned over the text:
the same answers in microseconds.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import compress

from core.language.normalize import normalize_arabic
from core.language.wordlists import ARABIZI_WORDS, ENGLISH_WORDS
from core.routing.arabizi import (
    MIN_FOLD,
    NEVER_FOLDED,
    arabizi_keys,
    fold,
    is_arabizi_token,
    looks_arabizi,
    transliterate,
)

_CONJ = "وفبلك"
_ARTICLES = ("ال", "لل")
_CACHE = 65536
# How a word is read by fold (TermIndex._word): never, in an Arabizi message, always; find
# folds the words whose kind is at least its threshold (_NO_FOLD: none).
_FOLD_NEVER, _FOLD_IN_ARABIZI, _FOLD_ALWAYS, _NO_FOLD = 0, 1, 2, 3


def is_arabic(word: str) -> bool:
    """True when a word starts with an Arabic letter."""
    return "\u0600" <= word[0] <= "\u06ff"


@lru_cache(maxsize=_CACHE)
def variants(word: str) -> tuple[str, ...]:
    """The word and, for Arabic, the word without a leading conjunction/preposition/article."""
    if not is_arabic(word):
        return (word,)
    found = [word]
    bases = [word]
    if word[0] in _CONJ and len(word) > 2:
        bases.append(word[1:])
    for base in bases:
        if base is not word:
            found.append(base)
        for art in _ARTICLES:
            if base.startswith(art) and len(base) > len(art) + 1:
                found.append(base[len(art) :])
    return tuple(dict.fromkeys(found))


# Arabizi endings that a fold keeps as consonants (-een, -oon, -at, -ha...): a word is also
# folded without one, as an Arabic stem matches with its suffixes.
_ARABIZI_SUFFIXES = ("een", "oon", "at", "ha", "hum", "hom", "na", "ah", "oh")
_MIN_BASE = 4
# Gulf "b" or "bi" of the future before a present-tense verb, glued in Arabizi: "btinhar",
# "byinhar", "bityi7" (it will collapse, fall). Some spellings are listed ("bi6ee7"); the
# others are folded without it too (sixteenth pass). Only before y or t not followed by a, e,
# o or u, leaving five letters or more: "byoot" (houses), "bitaqa" (a card), "binzeen"
# (petrol) keep their "b"; a word that matches only as spelled (NEVER_FOLDED) stays so.
_FUTURE = re.compile(r"^bi?(?=[yt][^aeou][a-z0-9]{3})")
# An Arabizi phrase ("3la el share3", "mafi 5a6ar") matches its other spellings word by word
# by consonant fold ("3ala al shari3", "ma fee khatar"), the article optional ("3la share3").
# Its folds together must say enough ("fi nu9", in the middle, is the least).
_LATIN_ARTICLES = frozenset({"el", "al", "il", "l", "ul"})
MIN_PHRASE_FOLD = 3


@lru_cache(maxsize=_CACHE)
def phrase_fold(word: str) -> str:
    """The consonant fold of one Latin word of an Arabizi phrase ("" for a vowel-only word)."""
    return fold(transliterate(word))


def _foldable_phrase(words: Sequence[str]) -> tuple[str, ...] | None:
    """Folds of an Arabizi phrase's words without its articles, or None when the phrase is
    not Arabizi (an English phrase's folds are noise) or says too little."""
    if not all(w.isascii() for w in words):
        return None
    if not (looks_arabizi(list(words)) or any(map(is_arabizi_token, words))):
        return None
    keys = tuple(phrase_fold(w) for w in words if w not in _LATIN_ARTICLES)
    if len(keys) < 2 or not keys[0] or sum(map(len, keys)) < MIN_PHRASE_FOLD:
        return None
    return keys


@lru_cache(maxsize=_CACHE)
def fold_kind(word: str) -> int:
    """How a word is read by fold (_FOLD_NEVER, _FOLD_IN_ARABIZI or _FOLD_ALWAYS): the same in
    every index, so a new word's kind is worked out once for all of them."""
    if not (word.isascii() and not word.isdigit() and word not in NEVER_FOLDED):
        return _FOLD_NEVER
    if is_arabizi_token(word):
        return _FOLD_ALWAYS
    return _FOLD_NEVER if word in ENGLISH_WORDS else _FOLD_IN_ARABIZI


class TermIndex:
    """Terms, each tagged with labels, found in a list of normalised words.

    With `arabizi`, a Latin word of an Arabizi message (or one with a digit letter) also
    matches a single-word term by its fold or spelling key (core/routing/arabizi.py):
    "7ree8", "hareeq" and "el7areeg" meet حريق, "ytee7" meets the listed "y6ee7", without
    listing every spelling.
    """

    def __init__(
        self,
        tagged: Iterable[tuple[str, str]],
        arabizi: bool = False,
        min_fold: int = MIN_FOLD,
        fold_mixed: bool = False,
    ) -> None:
        # single[word] -> labels for whole-word terms; stems[prefix] -> labels for stems
        self._exact: dict[str, set[str]] = {}
        self._stems: dict[str, set[str]] = {}
        # phrases[first word] -> (later words, last is whole word, label)
        self._phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        # folds[key] and spellings[key] -> labels, for Arabizi words (`arabizi`)
        self._arabizi = arabizi
        # `fold_mixed`: a message with Arabic-script words reads its non-English Latin words
        # by fold too ("el wire mkashaf near the school والعيال"): its writer writes Arabic,
        # so a Latin word that is not English is Arabizi however many English words surround it
        self._fold_mixed = fold_mixed
        self._min_fold = min_fold
        self._folds: dict[str, set[str]] = {}
        self._spellings: dict[str, set[str]] = {}
        # folded_phrases[first word's fold] -> (later words' folds, last is whole word, label)
        self._folded_phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for term, label in tagged:
            whole = term.endswith("=")
            words = normalize_arabic(term.rstrip("=")).split()
            if not words:
                continue
            if len(words) == 1:
                target = self._exact if whole else self._stems
                target.setdefault(words[0], set()).add(label)
                if arabizi:
                    self._add_folded(words[0], label)
            else:
                entry = (tuple(words[1:]), whole, label)
                self._phrases.setdefault(words[0], []).append(entry)
                keys = _foldable_phrase(words) if arabizi else None
                if keys:
                    self._folded_phrases.setdefault(keys[0], []).append((keys[1:], whole, label))
        self._lengths = sorted({len(s) for s in self._stems}, reverse=True)
        self._phrase_next = {
            form: _by_next_word(entries, _stem_phrase) for form, entries in self._phrases.items()
        }
        self._folded_next = {
            key: _by_next_word(entries, _stem_fold) for key, entries in self._folded_phrases.items()
        }
        self._word_cache: dict[str, tuple[frozenset[str], tuple[str, ...], int]] = {}
        # Cached words that can add nothing here: no labels, no phrase, not read by fold in
        # any message (_word). Most of a message's words, in most indexes; find skips them.
        self._inert: set[str] = set()
        self._fold_floor = _FOLD_IN_ARABIZI if arabizi else _NO_FOLD
        self._folded_cache: dict[str, frozenset[str]] = {}

    def _add_folded(self, term: str, label: str) -> None:
        """Index an Arabic term by its fold, an Arabizi one by its spelling keys and folds."""
        if is_arabic(term):
            key = fold(term)
            if len(key) >= self._min_fold:
                self._folds.setdefault(key, set()).add(label)
        else:
            spellings, folds = arabizi_keys(term)
            # A Latin term that may be English ("smoke", "fell") is not folded, and matches by
            # its spelling key only when that is long: its skeleton is too often an Arabizi
            # word's ("samak", fish), its short key too ("fil", in the).
            arabizi = is_arabizi_token(term) or term in ARABIZI_WORDS
            for key in spellings:
                if arabizi or len(key) > MIN_FOLD:
                    self._spellings.setdefault(key, set()).add(label)
            if not arabizi:
                return
            for key in folds:
                if len(key) >= self._min_fold:
                    self._folds.setdefault(key, set()).add(label)

    def _folded(self, word: str) -> frozenset[str]:
        """Labels an Arabizi word matches by its fold or spelling key."""
        hit = self._folded_cache.get(word)
        if hit is not None:
            return hit
        bases = [word] + [
            word[: -len(end)]
            for end in _ARABIZI_SUFFIXES
            if word.endswith(end) and len(word) - len(end) >= _MIN_BASE
        ]
        if word.endswith("at") and len(word) > _MIN_BASE:
            bases.append(word[:-1])  # "toofat el madrasa": the construct form of "toofa"
        future = _FUTURE.match(word)
        if future and word[future.end() :] not in NEVER_FOLDED:
            bases.append(word[future.end() :])  # "btinhar": "tinhar", it will collapse
        labels: set[str] = set()
        for base in bases:
            spellings, folds = arabizi_keys(base)
            for key in spellings:
                labels.update(self._spellings.get(key, ()))
            for key in folds:
                labels.update(self._folds.get(key, ()))
        hit = frozenset(labels)
        if len(self._folded_cache) < _CACHE:
            self._folded_cache[word] = hit
        return hit

    def _word(self, word: str) -> tuple[frozenset[str], tuple[str, ...], int]:
        """Labels a word matches on its own, its variants that start a phrase, and whether it
        is read by fold (_FOLD_NEVER, _FOLD_IN_ARABIZI or _FOLD_ALWAYS); cached per word."""
        hit = self._word_cache.get(word)
        if hit is not None:
            return hit
        labels: set[str] = set()
        starts = []
        stems = self._stems
        for form in variants(word):
            labels.update(self._exact.get(form, ()))
            size = len(form)
            for n in self._lengths:
                if n <= size and (found := stems.get(form[:n])):
                    labels.update(found)
            if form in self._phrases:
                starts.append(form)
        hit = (frozenset(labels), tuple(starts), fold_kind(word))
        if len(self._word_cache) < _CACHE:
            self._word_cache[word] = hit
            if not (labels or starts or hit[2] >= self._fold_floor):
                self._inert.add(word)
        return hit

    def find(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """Every match as (first word index, index after the last word, label)."""
        out: list[tuple[int, int, str]] = []
        n = len(words)
        # A word is read by fold when it is an Arabizi token, or any non-English Latin word
        # of a message that looks Arabizi (see _word).
        # Whether the message looks Arabizi decides only for _FOLD_IN_ARABIZI words (a
        # _FOLD_ALWAYS word folds either way), so it is asked at the first such word
        # (`pending` until then): a message without one, every Arabic one, is never scanned.
        # Words known to add nothing (_inert) are skipped without a look at their entry: the
        # walk below visits the few others, in order, so the matches come in the same order.
        fold_from = _FOLD_ALWAYS if self._arabizi else _NO_FOLD
        pending = self._arabizi
        cache = self._word_cache
        nexts = self._phrase_next
        live = map(operator.not_, map(self._inert.__contains__, words))
        for i in compress(range(n), live):
            word = words[i]
            labels, starts, kind = cache.get(word) or self._word(word)
            if pending and kind == _FOLD_IN_ARABIZI:
                fold_from = _FOLD_IN_ARABIZI if self._reads_arabizi(words) else _FOLD_ALWAYS
                pending = False
            if kind >= fold_from:
                labels = labels | self._folded(word)
                out.extend(self._find_folded_phrases(words, i))
            for label in labels:
                out.append((i, i + 1, label))
            if i + 1 < n:
                for form in starts:
                    out.extend(_phrases_from(nexts[form], words, i))
        return out

    def _reads_arabizi(self, words: Sequence[str]) -> bool:
        """True when the non-English Latin words of a message are read by fold: it looks
        Arabizi, or (with `fold_mixed`) it has a word in Arabic script."""
        if self._fold_mixed and any(map(is_arabic, words)):
            return True
        return looks_arabizi(list(words))

    def _find_folded_phrases(self, words: Sequence[str], at: int) -> list[tuple[int, int, str]]:
        """Arabizi phrases starting at words[at], matched by fold, articles skipped."""
        nexts = self._folded_next.get(phrase_fold(words[at]))
        if not nexts:
            return []
        i, n = at + 1, len(words)
        while i < n and words[i] in _LATIN_ARTICLES:
            i += 1
        if i >= n or not words[i].isascii():
            return []
        out = []
        for _, rest, whole, label in _candidates(nexts, phrase_fold(words[i])):
            end = _folded_phrase_end(words, at + 1, rest, whole)
            if end is not None:
                out.append((at, end, label))
        return out

    def labels(self, words: Sequence[str]) -> set[str]:
        """The set of labels whose terms occur in the words."""
        return {label for _, _, label in self.find(words)}


# A phrase under its first word, by its next word: (place in the first word's list, later
# words, last is whole word, label). `exact`: phrases whose next word must be the message's
# as written; `prefixed`: those whose next word may be a prefix of it (a stem), with the
# lengths of those prefixes. Folded phrases are grouped the same way by their next word's
# fold. Common first words ("انهار", "طاح", "el") start hundreds of phrases; the next word
# rules out all but a few with a look-up or two, where testing each phrase in turn cost most
# of a cold classification (twenty-second pass).
_Entry = tuple[int, tuple[str, ...], bool, str]
_NextWords = tuple[dict[str, list[_Entry]], dict[str, list[_Entry]], tuple[int, ...]]


def _stem_phrase(rest: tuple[str, ...], whole: bool) -> bool:
    """Whether a phrase's next word matches as a prefix (see find's phrases)."""
    return not whole and len(rest) == 1


def _stem_fold(rest: tuple[str, ...], whole: bool) -> bool:
    """Whether a folded phrase's next fold matches as a prefix (see _folded_phrase_end)."""
    return not whole and len(rest) == 1 and len(rest[0]) >= MIN_FOLD


def _by_next_word(
    entries: Sequence[tuple[tuple[str, ...], bool, str]],
    stemmed: Callable[[tuple[str, ...], bool], bool],
) -> _NextWords:
    """A first word's phrases grouped by their next word (see _Entry)."""
    exact: dict[str, list[_Entry]] = {}
    prefixed: dict[str, list[_Entry]] = {}
    for pos, (rest, whole, label) in enumerate(entries):
        target = prefixed if stemmed(rest, whole) else exact
        target.setdefault(rest[0], []).append((pos, rest, whole, label))
    return exact, prefixed, tuple(sorted({len(first) for first in prefixed}))


def _candidates(nexts: _NextWords, nxt: str) -> list[_Entry]:
    """The phrases whose next word `nxt` can be, in their listed order."""
    exact, prefixed, lengths = nexts
    found = exact.get(nxt)
    candidates = list(found) if found else []
    size = len(nxt)
    for length in lengths:
        if length > size:
            break
        more = prefixed.get(nxt[:length])
        if more:
            candidates.extend(more)
    if len(candidates) > 1:
        candidates.sort()
    return candidates


def _phrases_from(nexts: _NextWords, words: Sequence[str], i: int) -> list[tuple[int, int, str]]:
    """The phrases of one first word (at words[i]) that match, in their listed order."""
    n, out = len(words), []
    for _, rest, whole, label in _candidates(nexts, words[i + 1]):
        end = i + 1 + len(rest)
        if end > n or (len(rest) > 1 and not _phrase_matches(words, i + 1, rest, whole)):
            continue
        out.append((i, end, label))
    return out


def _phrase_matches(words: Sequence[str], at: int, rest: tuple[str, ...], whole: bool) -> bool:
    last = len(rest) - 1
    for j, part in enumerate(rest):
        word = words[at + j]
        if j < last or whole:
            if word != part:
                return False
        elif not word.startswith(part):
            return False
    return True


def _folded_phrase_end(
    words: Sequence[str], at: int, rest: tuple[str, ...], whole: bool
) -> int | None:
    """Index after the words matching a phrase's later folds from `at` (articles skipped),
    or None. The last word may carry a suffix unless the term is whole or its fold short."""
    i, n, last = at, len(words), len(rest) - 1
    for j, key in enumerate(rest):
        while i < n and words[i] in _LATIN_ARTICLES:
            i += 1
        if i >= n or not words[i].isascii():
            return None
        got = phrase_fold(words[i])
        stem = j == last and not whole and len(key) >= MIN_FOLD
        if not (got == key or (stem and got.startswith(key))):
            return None
        i += 1
    return i


def index_terms(
    groups: Mapping[str, Iterable[str]],
    arabizi: bool = False,
    min_fold: int = MIN_FOLD,
    fold_mixed: bool = False,
) -> TermIndex:
    """One index over several named term lists; a match's label is its list's name."""
    pairs = ((term, name) for name, terms in groups.items() for term in terms)
    return TermIndex(pairs, arabizi, min_fold, fold_mixed)
