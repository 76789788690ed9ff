"""Language detection, Arabic normalisation and the texts Balagh sends citizens."""

from core.language.detect import Detection, detect_language
from core.language.normalize import normalize_arabic
from core.language.texts import MissingParameterError, render, status_label, subject

__all__ = [
    "Detection",
    "MissingParameterError",
    "detect_language",
    "normalize_arabic",
    "render",
    "status_label",
    "subject",
]
