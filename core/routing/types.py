"""What the router answers, and the interface core calls it through."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

# A message whose category's confidence reaches this is routed with no person involved
# (core.intake.triage); below it, or flagged not-for-us, it waits in the intake queue. The
# setting BALAGH_ROUTE_THRESHOLD defaults to it, and `balagh eval` measures the share routed
# so and its accuracy (issue 17: >= 95% of reports at >= 95% accuracy).
ROUTE_THRESHOLD = 0.6


@dataclass(frozen=True)
class Classification:
    """The router's answer for one text.

    `not_for_us` names why a message looks like spam/advert/gibberish/empty (an agent
    decides; nothing is dropped). `alternatives` are the next best (category, confidence).
    `names_place_or_problem`, looked at only for a message flagged spam (None otherwise):
    whether its text still names a place or a municipal problem (the screening's own
    signals). It changes no flag; it decides whether a flagged email is acknowledged
    (core.intake.triage): one that reads like a report may be a citizen wrongly flagged.
    """

    category: str | None
    directorate: str | None
    confidence: float
    urgent: bool = False
    alternatives: tuple[tuple[str, float], ...] = ()
    not_for_us: str | None = None
    model_version: str | None = None
    names_place_or_problem: bool | None = None
    extras: dict[str, object] = field(default_factory=dict)


class Router(Protocol):
    """Classifies a citizen's text to a category and directorate."""

    def classify(self, text: str) -> Classification: ...


class UnroutedRouter:
    """Sends everything to the intake queue; used when no model is available."""

    def classify(self, text: str) -> Classification:
        return Classification(category=None, directorate=None, confidence=0.0)
