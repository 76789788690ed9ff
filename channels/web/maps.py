"""The credit a map owes its tiles, in the page's language: one place for the citizen pages'
and the inbox's maps (the report form, a ticket, an incident, the dashboard).

OpenStreetMap's tiles are credited as its community words it ("© OpenStreetMap contributors",
"© مساهمو OpenStreetMap", https://www.openstreetmap.org/copyright); a centre that sets
BALAGH_MAP_TILES to another tile server is not made to claim OpenStreetMap's tiles: its map
names that server. Leaflet's own link (its prefix) stays as the library adds it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup

OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"
OSM_CONTRIBUTORS = {"ar": "مساهمو OpenStreetMap", "en": "OpenStreetMap contributors"}
TILES_FROM = {"ar": "الخرائط: {host}", "en": "Map tiles: {host}"}


def _tile_host(tiles: str) -> str:
    """The tile server's host name from a URL template (`https://{s}.tile.example/{z}/...`)."""
    host = urlsplit(tiles).hostname or ""
    return host.removeprefix("{s}.")


def map_attribution(tiles: str | None, language: str) -> str:
    """The attribution line (HTML for Leaflet) for a map drawn from `tiles` on a page in
    `language`; "" for a map without tiles. Returned as text, so a template escapes it into
    a data attribute and the script reads back the HTML."""
    if not tiles:
        return ""
    host = _tile_host(tiles)
    words = "ar" if language == "ar" else "en"
    if host == "openstreetmap.org" or host.endswith(".openstreetmap.org"):
        return str(Markup('© <a href="{}">{}</a>').format(OSM_COPYRIGHT, OSM_CONTRIBUTORS[words]))
    return str(Markup("{}").format(TILES_FROM[words].format(host=host or tiles)))
