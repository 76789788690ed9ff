"""Text and distance measures used to suggest possible duplicate tickets.

Duplicates are suggested, never merged: two reports of the same pothole rarely share words
exactly, so text is compared as character n-grams of normalised text, which survives
spelling variants, and locations by great-circle distance.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.language.normalize import head, normalize_arabic

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), metres
NGRAM = 3


def _ngrams(text: str, n: int = NGRAM) -> Counter[str]:
    norm = normalize_arabic(head(text))
    grams: Counter[str] = Counter()
    for word in norm.split():
        padded = f" {word} "
        if len(padded) <= n:
            grams[padded] += 1
            continue
        for i in range(len(padded) - n + 1):
            grams[padded[i : i + n]] += 1
    return grams


FEATURE_CHARS = 1000  # what duplicate suggestion compares: the start of the first message


def text_features(text: str) -> dict[str, int]:
    """The trigram counts stored on a ticket (`Ticket.text_features`) for `feature_similarity`."""
    return dict(_ngrams(text[:FEATURE_CHARS]))


def text_similarity(a: str, b: str) -> float:
    """Cosine similarity (0..1) of character trigram counts of the normalised texts."""
    return feature_similarity(_ngrams(a), _ngrams(b))


def feature_similarity(ga: Mapping[str, int], gb: Mapping[str, int]) -> float:
    """Cosine similarity (0..1) of two trigram count vectors (see `text_features`)."""
    if not ga or not gb:
        return 0.0
    dot = sum(count * gb[gram] for gram, count in ga.items() if gram in gb)
    norm_a = math.sqrt(sum(c * c for c in ga.values()))
    norm_b = math.sqrt(sum(c * c for c in gb.values()))
    return dot / (norm_a * norm_b)


# Trigram positions past this start a new `_GramIndex` (the vocabulary of the texts seen
# is bounded in practice, a few tens of thousands; a stream of random characters is not): a
# mask is at most this many bits (8 kB), and features prepared under an older index are
# compared by their sets instead.
MAX_GRAM_POSITIONS = 1 << 16


class _GramIndex:
    """A bit position for each trigram this process has prepared, so a text's trigrams are
    one integer and the trigrams two texts share are `a & b`, counted by `int.bit_count`:
    a storm compares each new report with up to 200 near-identical ones, and intersecting
    two frozensets allocated a set of the shared trigrams for every one of them.

    Lock-free for threads: `next` on the counter and `dict.setdefault` are each atomic under
    the GIL, so two threads adding one trigram agree on its position (a lost number is an
    unused bit)."""

    def __init__(self) -> None:
        self.positions: dict[str, int] = {}
        self._numbers = itertools.count()

    def mask(self, grams: Iterable[str]) -> int:
        positions, found = self.positions, []
        for gram in grams:
            position = positions.get(gram)
            if position is None:
                position = positions.setdefault(gram, next(self._numbers))
            found.append(position)
        if not found:
            return 0
        bits = bytearray((max(found) >> 3) + 1)
        for position in found:
            bits[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(bits, "little")


_INDEX = _GramIndex()


def _current_index() -> _GramIndex:
    """The index new features are prepared under; a fresh one once it is full."""
    global _INDEX
    if len(_INDEX.positions) >= MAX_GRAM_POSITIONS:
        _INDEX = _GramIndex()
    return _INDEX


@dataclass(frozen=True)
class PreparedFeatures:
    """Trigram counts with their Euclidean norm computed once, for many comparisons, the
    trigrams that occur more than once (most occur once: see `prepared_similarity`), the
    trigrams as a frozenset, and as a bit mask under `index` (`_GramIndex`): two prepared
    under the same index intersect as integers, else as sets."""

    counts: Mapping[str, int]
    norm: float
    repeated: frozenset[str] = frozenset()
    grams: frozenset[str] = frozenset()
    bits: int = 0
    index: _GramIndex | None = None


def prepare_features(features: Mapping[str, int]) -> PreparedFeatures:
    """`features` ready for `prepared_similarity` (the norm is `feature_similarity`'s)."""
    index = _current_index()
    return PreparedFeatures(
        features,
        math.sqrt(sum(c * c for c in features.values())),
        frozenset(gram for gram, count in features.items() if count > 1),
        frozenset(features),
        index.mask(features),
        index,
    )


def prepared_similarity(a: PreparedFeatures, b: PreparedFeatures) -> float:
    """Exactly `feature_similarity(a.counts, b.counts)`, bit for bit, at a fraction of the CPU.

    The dot product runs only over the trigrams both texts share (an AND of their bit
    masks, or a set intersection, done in C), so two unrelated texts cost almost nothing;
    and since most trigrams occur once in a text, a shared one adds 1 unless either text
    repeats it: the dot product is the number shared plus a correction for the few repeated
    ones (a storm compares each new report with up to 200 near-identical ones, where the
    per-trigram products were most of the cost). The counts are integers, so the dot
    product and the squared norms are exact integer sums whatever order they are added in;
    the norms are the same `math.sqrt` of the same integers and the result the same
    division, hence the same float as `feature_similarity`.
    """
    return prepared_similarities(a, (b,))[0]


def prepared_similarities(
    a: PreparedFeatures, others: Iterable[PreparedFeatures | None]
) -> list[float]:
    """`prepared_similarity(a, b)` for each of `others` (0.0 for None), in one loop: a new
    report is compared with up to 200 candidates, and a call per candidate was a third of
    the comparison's CPU."""
    if not a.counts:
        return [0.0 for _ in others]
    grams, repeated, counts, norm, bits, index = (
        a.grams, a.repeated, a.counts, a.norm, a.bits, a.index
    )  # fmt: skip
    found: list[float] = []
    for b in others:
        if b is None or not b.counts:
            found.append(0.0)
            continue
        # Under an index since replaced, the sets: their positions mean other trigrams.
        dot = (bits & b.bits).bit_count() if b.index is index else len(grams & b.grams)
        if not dot:
            found.append(0.0)
            continue
        # Each repeated trigram both texts have adds its product less the 1 counted above.
        if repeated:
            theirs = b.counts
            for gram in repeated:
                other = theirs.get(gram)
                if other:
                    dot += counts[gram] * other - 1
        for gram in b.repeated:
            if gram not in repeated:
                mine = counts.get(gram)
                if mine:
                    dot += mine * b.counts[gram] - 1
        found.append(dot / (norm * b.norm))
    return found


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two WGS84 points (haversine formula)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
