"""Text features for the router: several TF-IDF views of a message, computed in pure Python.

Views (each sublinear TF-IDF, L2-normalised, then weighted):
- chars: character n-grams inside words of the normalised text, place names removed; robust
  to spelling, dialect and Arabizi variation;
- words: word unigrams and bigrams of the same text;
- stems: light stems of the words (Arabic clitics and suffixes, English -s/-ed/-ing off), so
  inflected forms share one feature;
- skeleton: character n-grams of the consonant skeletons of Arabic and Arabizi words, the
  space where "zbala" meets "زباله" (see arabizi.py);
- concepts: cross-language concept tokens (see lexicon.py);
- transliteration (inside chars and stems): each Arabizi word also stands for the Arabic
  training word with the same consonant skeleton ("7ufra" -> "حفره"), whose character n-grams
  and stem it adds, so what the model learns from Arabic-script rows serves Arabizi too;
- opening: the light stems of the first words after any greeting, marked as openings. How a
  message opens says what it is ("thank you for removing...", "how do I...", "كيف أجدد",
  "شكراً على") where the rest of it names a service: thanks and questions about a service
  read like reports of it, word for word.

Vocabularies are plain dicts fitted on the training texts; turning one message into features
is dictionary look-ups, with none of scikit-learn's per-call input validation, which costs
more than the arithmetic for a single message.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from core.routing.arabizi import (
    MIN_TRANSLIT_SKELETON,
    arabizi_skeletons,
    skeleton,
    skeleton_words,
)
from core.routing.lexicon import concept_view, strip_place_words
from core.routing.reading import Reading, read
from core.routing.terms import is_arabic, variants

if TYPE_CHECKING:
    import scipy.sparse as sp


@dataclass(frozen=True)
class Prepared:
    """A message's normalised words in the forms the views read."""

    words: tuple[str, ...]
    skeletons: tuple[str, ...]
    concepts: tuple[str, ...]
    arabizi: tuple[str, ...] = ()  # skeletons of the Arabizi words alone


def prepare(text: str) -> Prepared:
    """Normalise once and derive every view's input."""
    return prepare_words(read(text).words)


@lru_cache(maxsize=4096)
def prepare_words(words: tuple[str, ...]) -> Prepared:
    """Every view's input from a message's normalised words (routing.reading), so a
    classification that has read the message already does not read it again (cached:
    retries and batches repeat)."""
    tokens, said = concept_view(list(words))
    kept = strip_place_words(said)
    return Prepared(
        tuple(kept),
        tuple(skeleton_words(kept)),
        tuple(tokens),
        tuple(arabizi_skeletons(kept)),
    )


def _char_ngrams(words: Sequence[str], lo: int, hi: int) -> list[str]:
    """scikit-learn's char_wb n-grams: each word padded with spaces, short words whole."""
    out: list[str] = []
    for word in words:
        padded = f" {word} "
        size = len(padded)
        for n in range(lo, hi + 1):
            if size <= n:
                out.append(padded)
                break
            out.extend(padded[i : i + n] for i in range(size - n + 1))
    return out


def _word_ngrams(words: Sequence[str]) -> list[str]:
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: Arabic without clitics and common suffixes, English without -s/-ed/-ing."""
    if is_arabic(word):
        word = variants(word)[-1]
        for suffix in _AR_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word
    for suffix in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_AR_SUFFIXES = ("هما", "كم", "هم", "ها", "نا", "ات", "ون", "ين", "ه", "ي")
_EN_SUFFIXES = ("ing", "ies", "ed", "es", "s", "ly")


# Greetings and email furniture skipped before a message's opening words (normalised forms).
_GREETING_WORDS = (
    "hi hello hey dear sir sirs madam mam salam slm salaam assalamu assalam alaikum alaykum "
    "aleikum team subject re fwd fw balagh municipality "
    "السلام سلام عليكم ورحمه الله وبركاته مرحبا اهلا هلا مساء صباح الخير النور الموضوع "
    "تحيه طيبه وبعد الساده الاخوه الكرام المحترمين بلدية بلديه مسقط"
)
_GREETINGS = frozenset(_GREETING_WORDS.split())


def opening_words(words: Sequence[str], count: int) -> list[str]:
    """The first `count` words after leading greetings, as light stems marked '^'."""
    start = 0
    while start < len(words) and words[start] in _GREETINGS:
        start += 1
    return ["^" + stem(w) for w in words[start : start + count]]


def _arabic_by_skeleton(prepared: Sequence[Prepared]) -> dict[str, str]:
    """Each skeleton of the training texts' Arabic words -> the commonest word with it."""
    seen: dict[str, Counter[str]] = {}
    for p in prepared:
        for word in p.words:
            if not is_arabic(word):
                continue
            skel = skeleton(word)
            if len(skel) >= MIN_TRANSLIT_SKELETON:
                seen.setdefault(skel, Counter())[variants(word)[-1]] += 1
    return {skel: words.most_common(1)[0][0] for skel, words in seen.items()}


@dataclass(frozen=True)
class ViewSpec:
    """One view: its name, weight in the union, and the n-gram settings it reads."""

    name: str
    weight: float
    lo: int = 1
    hi: int = 1
    min_df: int = 1


def _extract(spec: ViewSpec, p: Prepared) -> list[str]:
    if spec.name == "chars":
        return _char_ngrams(p.words, spec.lo, spec.hi)
    if spec.name == "words":
        return _word_ngrams(p.words)
    if spec.name == "stems":
        stems = [stem(w) for w in p.words]
        return _word_ngrams(stems) if spec.hi > 1 else stems
    if spec.name == "skeleton":
        return _char_ngrams(p.skeletons, spec.lo, spec.hi)
    if spec.name == "concepts":
        return list(p.concepts)
    if spec.name == "opening":
        return opening_words(p.words, spec.hi)
    raise ValueError(f"unknown view {spec.name}")


# Weights, n-gram ranges and C (classifier.py) chosen on a small grid by 5-fold
# cross-validation of the dev corpus over three fold seeds. The opening view (four words,
# weight 0.8: the middle of the 0.6-1.0 range that helped) was checked on cross-validation
# and on a test set written blind for the purpose (docs/ROUTING_DATA.md).
DEFAULT_VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("chars", 1.0, 2, 5),
    ViewSpec("words", 0.5),
    ViewSpec("stems", 1.5),
    ViewSpec("skeleton", 0.6, 2, 4),
    ViewSpec("concepts", 0.6),
    ViewSpec("opening", 0.8, 1, 4),
)


@dataclass
class _View:
    spec: ViewSpec
    vocab: dict[str, int] = field(default_factory=dict)
    idf: list[float] = field(default_factory=list)
    offset: int = 0
    # word -> its character n-grams' columns; rebuilt lazily, so it is not saved
    word_columns: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["word_columns"] = {}
        return state


_PER_WORD = frozenset({"chars", "skeleton"})  # views whose n-grams never cross a word
WORD_CACHE = 50_000


class FeatureSpace:
    """The fitted views; `vector` for one message, `matrix` for many."""

    def __init__(self, views: Sequence[ViewSpec] = DEFAULT_VIEWS) -> None:
        self._views = [_View(spec) for spec in views]
        self.size = 0
        # Transliteration: consonant skeleton -> the commonest Arabic training word with it,
        # so "7ufra" also carries the features of "حفره". Fitted, so saved with the model.
        self.arabic_by_skeleton: dict[str, str] = {}

    def fit(self, texts: Sequence[str]) -> FeatureSpace:
        """Learn each view's vocabulary and smoothed IDF from training texts."""
        prepared = [prepare(t) for t in texts]
        self.arabic_by_skeleton = _arabic_by_skeleton(prepared)
        n_docs = len(prepared)
        offset = 0
        for view in self._views:
            df: Counter[str] = Counter()
            for p in prepared:
                df.update(set(self._terms(view.spec, p)))
            terms = sorted(t for t, c in df.items() if c >= view.spec.min_df)
            view.vocab = {t: i for i, t in enumerate(terms)}
            view.idf = [math.log((1 + n_docs) / (1 + df[t])) + 1.0 for t in terms]
            view.offset = offset
            view.word_columns = {}
            offset += len(terms)
        self.size = offset
        return self

    def vector(self, text: str, reading: Reading | None = None) -> tuple[list[int], list[float]]:
        """Column indexes and values of one message's feature row (`reading`: the message
        already read, routing.reading)."""
        p = prepare_words((reading or read(text)).words)
        cols: list[int] = []
        vals: list[float] = []
        for view in self._views:
            counts = self._counts(view, p)
            if not counts:
                continue
            idf = view.idf
            weights = [
                idf[j] if c == 1 else (1.0 + math.log(c)) * idf[j] for j, c in counts.items()
            ]
            # map(mul): the same products summed in the same order as a generator of w * w,
            # without resuming a generator per term
            scale = view.spec.weight / math.sqrt(sum(map(operator.mul, weights, weights)))
            cols.extend(map(view.offset.__add__, counts))
            vals.extend([w * scale for w in weights])
        return cols, vals

    def _terms(self, spec: ViewSpec, p: Prepared) -> list[str]:
        """A view's terms; chars and stems add those of the Arabic words Arabizi stands for."""
        terms = _extract(spec, p)
        if spec.name == "stems" and p.arabizi:
            terms.extend(stem(w) for w in self._arabic_words(p))
        elif spec.name == "chars" and p.arabizi:
            terms.extend(_char_ngrams(self._arabic_words(p), spec.lo, spec.hi))
        return terms

    def _arabic_words(self, p: Prepared) -> list[str]:
        """The Arabic training words the message's Arabizi words stand for."""
        table = self.arabic_by_skeleton
        return [table[s] for s in p.arabizi if s in table]

    def _counts(self, view: _View, p: Prepared) -> Counter[int]:
        """Term counts of one view; character views reuse each word's cached n-gram columns."""
        counts: Counter[int] = Counter()
        spec = view.spec
        if spec.name not in _PER_WORD:
            vocab = view.vocab
            counts.update(j for j in map(vocab.get, self._terms(spec, p)) if j is not None)
            return counts
        cache = view.word_columns
        words = p.words if spec.name == "chars" else p.skeletons
        if spec.name == "chars" and p.arabizi:
            words = (*words, *self._arabic_words(p))
        found: list[int] = []  # counted once at the end: same counts, same order
        for word in words:
            columns = cache.get(word)
            if columns is None:
                vocab = view.vocab
                grams = _char_ngrams((word,), spec.lo, spec.hi)
                columns = tuple(j for j in map(vocab.get, grams) if j is not None)
                if len(cache) < WORD_CACHE:
                    cache[word] = columns
            found.extend(columns)
        counts.update(found)
        return counts

    def matrix(
        self, texts: Sequence[str], readings: Sequence[Reading] | None = None
    ) -> sp.csr_matrix:
        """Feature rows for many messages as one sparse matrix (training and evaluation);
        `readings`, when given, are the texts already read (routing.reading).

        SciPy is imported here, not at the top: a server classifies one message at a time
        (`vector`) and need not hold scipy.sparse in memory.
        """
        import scipy.sparse as sp

        indptr = [0]
        cols: list[int] = []
        vals: list[float] = []
        for i, text in enumerate(texts):
            c, v = self.vector(text, None if readings is None else readings[i])
            cols.extend(c)
            vals.extend(v)
            indptr.append(len(cols))
        return sp.csr_matrix(
            (np.asarray(vals, dtype=np.float64), np.asarray(cols, dtype=np.int64), indptr),
            shape=(len(texts), self.size),
        )
