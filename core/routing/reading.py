"""One reading of a message per classification, shared by every view that reads it.

The model's features, the urgency rules, the urgent model's check and screening all read the
same thing: a message's head (core.language.normalize.head), normalised and split into words.
Each used to compute it itself, three to five normalisations per classification; the model
(and the router's empty check) now read a message once and hand the reading down. Each view
still accepts the bare text, reading it itself, for callers that classify nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.language.normalize import head, normalize_arabic


@dataclass(frozen=True)
class Reading:
    """A message as the routing views read it."""

    raw: str  # the head as written: the patterns for prices, phones and links read it
    norm: str  # normalised (core.language.normalize.normalize_arabic)
    words: tuple[str, ...]  # the normalised words; a tuple, so no view can change another's


def read(text: str | None) -> Reading:
    """The reading of a message's head (None reads as an empty message)."""
    raw = head(text or "")
    norm = normalize_arabic(raw)
    return Reading(raw, norm, tuple(norm.split()))
