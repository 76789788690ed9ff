"""Twelfth pass (issue 17): "build" was a stem, so "our building", "the building opposite" and
"the building's bins" fired the construction concept and pulled reports of rubbish, rats or
lights towards building control. Building as work ("is building", "built", "builders",
"building without a permit") still does."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts


def _concepts(text: str) -> list[str]:
    return concepts(normalize_arabic(text).split())


@pytest.mark.parametrize(
    "text",
    [
        "rats in the basement parking of our building",
        "the garbage room of our building has not been emptied",
        "the lights in front of the building are off",
        "dogs sleep at the entrance of my building",
    ],
)
def test_a_building_where_people_live_is_not_construction(text: str) -> None:
    assert "construction" not in _concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour is building a second floor",
        "they built a fence on the road",
        "the builders start at 5 am",
        "building without a permit next door",
        "they want to build on the public land",
        "a crane on the site beeps all night",
    ],
)
def test_building_as_work_is_construction(text: str) -> None:
    assert "construction" in _concepts(text)
