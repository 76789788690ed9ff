"""The Router core calls: the trained model, urgency rules and not-for-us screening together.

If the model cannot be built (e.g. a broken data directory), messages still get the urgency
rules and screening, and go to the intake queue unclassified rather than failing intake.
"""

from __future__ import annotations

import logging

from core.routing import screening, urgency
from core.routing.model import ModelStore
from core.routing.reading import read
from core.routing.types import Classification

logger = logging.getLogger(__name__)


class ModelRouter:
    """Classifies a citizen's text with the store's current model."""

    def __init__(self, store: ModelStore) -> None:
        self.store = store

    def prepare(self) -> None:
        """Load the model now (building it into the data directory if missing), not on the
        first citizen's message."""
        self.store.get()

    def classify(self, text: str) -> Classification:
        """Category, directorate, confidence, alternatives, urgency and not-for-us reason.

        The text is read once (routing.reading) for the empty check and the model alike.
        """
        reading = read(text)
        if screening.is_empty(text, reading):  # the model screens everything else itself
            return Classification(
                category=None, directorate=None, confidence=0.0, not_for_us=screening.EMPTY
            )
        try:
            model = self.store.get()
        except (OSError, ValueError) as exc:
            logger.error("routing model unavailable, sending to intake: %s", exc)
            urgent, why = urgency.is_urgent(text, None, reading)
            flag = screening.screen(text, reading=reading)
            return Classification(
                category=None,
                directorate=None,
                confidence=0.0,
                urgent=urgent,
                not_for_us=flag,
                names_place_or_problem=screening.report_signs(text, flag, reading),
                extras={"urgent_reason": why, "error": "model unavailable"},
            )
        return model.classify(text, reading)
