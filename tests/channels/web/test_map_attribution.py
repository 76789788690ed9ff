"""The maps' attribution: one place (channels.web.maps), in the page's language, naming the
tile server set (the four map scripts each said "© OpenStreetMap contributors" in English)."""

from __future__ import annotations

from pathlib import Path

import pytest

from channels.web.maps import map_attribution

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
STATIC = Path(__file__).resolve().parents[3] / "channels" / "web"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ar", '© <a href="https://www.openstreetmap.org/copyright">مساهمو OpenStreetMap</a>'),
        (
            "en",
            '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>',
        ),
    ],
)
def test_openstreetmaps_tiles_are_credited_in_the_pages_language(language: str, words: str) -> None:
    assert map_attribution(OSM, language) == words
    assert map_attribution("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", language) == words


def test_another_tile_server_is_named_not_credited_to_openstreetmap() -> None:
    tiles = "https://tiles.mct.gov.om/{z}/{x}/{y}.png"
    assert map_attribution(tiles, "ar") == "الخرائط: tiles.mct.gov.om"
    assert map_attribution(tiles, "en") == "Map tiles: tiles.mct.gov.om"


def test_a_map_without_tiles_credits_nothing() -> None:
    assert map_attribution("", "ar") == ""


def test_no_map_script_words_its_own_attribution() -> None:
    scripts = [*STATIC.glob("citizen/static/*.js"), *STATIC.glob("inbox/static/*.js")]
    assert scripts
    assert [p.name for p in scripts if "OpenStreetMap contributors" in p.read_text()] == []
