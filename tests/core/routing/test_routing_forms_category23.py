"""Twenty-third category pass (issue 17): an emergency's category is the service responsible
for the place or the thing, not the danger. A crane's load swung over a road is the building
site's conduct (building violation), a child shut in a skip is waste collection, a person
collapsed at a park's play area is the park's, a bus in a flooded tunnel is stormwater, a snake
in the house (Arabizi "7ayya") is pest control, camels on a road are strays, a live cable from
a lamp post is street lighting, a bus shelter's roof tearing off is an unsafe structure. The
texts are new, written after the pass, none of them a training row; the start of the pass
(4444108) routed the English crane to unsafe structure."""

from __future__ import annotations

import pytest

from core.routing.classifier import Model


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the tower crane next to the mall is carrying a concrete bucket over the busy road and traffic is not stopped", "building_violation"),
        ("el kreen 7ag el binaya el jdeeda ydawwir el 7adeed foog el sayyarat fil share3, mafi 7ad ysakkir el 6ariq", "building_violation"),
        ("a boy crawled inside the rubbish skip behind the supermarket and the lid slammed shut on him", "waste_collection"),
        ("رجل مسن فقد وعيه عند ألعاب الأطفال في الحديقة العامة ولا يوجد حارس", "parks_maintenance"),
        ("7ayya kbeera ta7t sareer el 3yal, kilna 6la3na barra", "pest_control"),
        ("a minibus is stuck in the flooded tunnel near the roundabout and the water is rising to the windows", "stormwater_flooding"),
        ("the cable from the lamp post by the mosque snapped and is lying live on the wet pavement", "street_lighting"),
        ("camels crossing the expressway in the dark near the interchange, a car just braked hard", "stray_animals"),
        ("the roof sheets of the bus stop are tearing off in the wind and one landed on the road", "unsafe_structure"),
    ],
)  # fmt: skip
def test_an_emergency_routes_to_the_service_of_its_place_or_thing(
    routing_model: Model, text: str, category: str
) -> None:
    assert routing_model.classify(text).category == category
