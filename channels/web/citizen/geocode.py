"""The report form's map: the tile server's origin (for the page's CSP) and the reverse
geocoder (BALAGH_GEOCODER_URL), asked by the server so the citizen's browser talks only to us.

A geocoder that is slow, down or answers nonsense costs the citizen nothing: the address box
simply stays as it is.
"""

from __future__ import annotations

import logging
import math
from urllib.parse import quote, urlsplit

import httpx

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 4.0
MAX_ADDRESS = 500  # the form's address box holds no more


def tile_origin(template: str) -> str:
    """The scheme and host a Leaflet tile template loads from ('' for none or same-site).

    A `{s}` subdomain placeholder becomes a wildcard (`https://*.tile.example.org`).
    """
    if not template or "://" not in template:
        return ""
    parts = urlsplit(template.replace("{s}", "x"))
    host = parts.netloc.replace("x.", "*.", 1) if "{s}." in template else parts.netloc
    return f"{parts.scheme}://{host}" if parts.scheme in ("http", "https") and host else ""


def coordinates(lat: str | None, lon: str | None) -> tuple[float | None, float | None]:
    """Latitude and longitude from query strings, or (None, None) when not a valid pair."""
    try:
        a, b = float(lat or ""), float(lon or "")
    except ValueError:
        return None, None
    if not (math.isfinite(a) and math.isfinite(b) and abs(a) <= 90 and abs(b) <= 180):
        return None, None
    return a, b


def reverse(url_template: str, lat: float, lon: float, language: str) -> str | None:
    """The geocoder's address for the point (Nominatim's `display_name`), or None."""
    url = (
        url_template.replace("{lat}", f"{lat:.6f}")
        .replace("{lon}", f"{lon:.6f}")
        .replace("{lang}", quote(language))
    )
    try:
        response = httpx.get(
            url, timeout=TIMEOUT_SECONDS, headers={"User-Agent": "Balagh report form"}
        )
        response.raise_for_status()
        name = response.json().get("display_name")
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        logger.info("reverse geocoder gave no address: %s", exc)
        return None
    return name.strip()[:MAX_ADDRESS] if isinstance(name, str) and name.strip() else None
