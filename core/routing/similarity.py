"""Text and distance measures used to suggest possible duplicate tickets.

Duplicates are suggested, never merged: two reports of the same pothole rarely share words
exactly, so text is compared as character n-grams of normalised text, which survives
spelling variants, and locations by great-circle distance.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

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


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two WGS84 points (haversine formula)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
