"""Coordinates a citizen put in the text itself: a map link or a plain "lat, lon" pair.

An email has no location field, so citizens paste a map link ("https://maps.google.com/?q=
23.588,58.383", an OpenStreetMap link, a `geo:` URI from a phone) or type the numbers. A pure
function, so every channel without a location of its own can use it.
"""

from __future__ import annotations

import re

from core.inbound import Location

NUMBER = r"(-?\d{1,3}\.\d+)"
# In order of trust: explicit map links first, a bare pair of decimals last.
PATTERNS = (
    re.compile(rf"\bgeo:{NUMBER},{NUMBER}"),
    re.compile(rf"[?&](?:q|query|ll|destination)=(?:loc:)?{NUMBER}(?:,|%2C)\s*{NUMBER}", re.I),
    re.compile(rf"/@{NUMBER},{NUMBER}"),
    re.compile(rf"[?&]mlat={NUMBER}&mlon={NUMBER}"),
    re.compile(rf"#map=\d{{1,2}}/{NUMBER}/{NUMBER}"),
    # A typed pair needs at least three decimals each, so "1.5, 2.25" in prose is not a place.
    re.compile(r"(?<![\d.])(-?\d{1,2}\.\d{3,})\s*[,،]\s*(-?\d{1,3}\.\d{3,})(?![\d.])"),
)


def location_from_text(text: str | None) -> Location | None:
    """The first plausible coordinates in the text, or None."""
    for pattern in PATTERNS:
        for match in pattern.finditer(text or ""):
            lat, lon = float(match.group(1)), float(match.group(2))
            if -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0):
                return Location(lat, lon)
    return None
