"""Coordinates in a citizen's text: map links and typed pairs become a location."""

from __future__ import annotations

import pytest

from core.geo import location_from_text


@pytest.mark.parametrize(
    "text",
    [
        "The street is flooded: https://maps.google.com/?q=23.5880,58.3829 please help",
        "https://www.google.com/maps/place/X/@23.5880,58.3829,17z",
        "https://www.openstreetmap.org/?mlat=23.5880&mlon=58.3829#map=17/23.5/58.3",
        "https://www.openstreetmap.org/#map=18/23.5880/58.3829",
        "geo:23.5880,58.3829?z=17",
        "الموقع: 23.5880، 58.3829",
        "Location 23.58800, 58.38290 near the mosque",
    ],
)
def test_map_links_and_typed_pairs_give_the_place(text: str) -> None:
    location = location_from_text(text)
    assert location is not None
    assert (round(location.lat or 0, 4), round(location.lon or 0, 4)) == (23.588, 58.3829)


@pytest.mark.parametrize(
    "text",
    [
        "The water is 1.5, 2.25 metres deep",
        "Call 24.123456 tomorrow",  # one number is not a place
        "geo:123.5,58.3",  # latitude beyond 90
        "",
    ],
)
def test_text_without_a_plausible_place_gives_none(text: str) -> None:
    assert location_from_text(text) is None
