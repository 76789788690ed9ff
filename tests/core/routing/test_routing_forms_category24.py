"""Twenty-fourth category pass (issue 17): an emergency's category is the service of its place
or thing, in every form. A snake named as a cobra or a viper is pest control, children at a
wadi's bed ("majra el wadi") are stormwater, a child in a site's open foundation pit is the
site's conduct (building violation, not a road's hole), a request for the licence renewal link
is the licence's (not a general enquiry), and a person lost in the middle of a roundabout is the
road's traffic service. The texts are new, written after the pass, none of them a training row;
the start of the pass (main ecbf12a) routed the snakes to licensing, parks, roads and food, the
wadi's bed to sewage, the link to enquiry and the roundabout to road damage."""

from __future__ import annotations

import pytest

from core.routing.classifier import Model


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("there is a viper coiled behind the washing machine in our laundry room, the kids are next door", "pest_control"),
        ("a cobra just slid under our gate into the garden where the kids play", "pest_control"),
        ("af3a kbeera ta7t el sayyara 3ind el bab w el yahal barra", "pest_control"),
        ("وجدنا أفعى في المطبخ والأطفال في الصالة", "pest_control"),
        ("3iyal waqfeen 3ind majra el wadi w el maay jay 8awi", "stormwater_flooding"),
        ("a child slipped into the open foundation pit on the building site next to our house, there's no fence", "building_violation"),
        ("can you send the link for renewing my shop licence, i can't find it on the website", "commercial_licensing"),
        ("an elderly lady is standing in the middle of the roundabout confused and cars are swerving round her", "traffic_signs"),
    ],
)  # fmt: skip
def test_an_emergency_or_request_routes_to_the_service_of_its_place_or_thing(
    routing_model: Model, text: str, category: str
) -> None:
    assert routing_model.classify(text).category == category
