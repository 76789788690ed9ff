"""Eighteenth category pass (issue 17): the model trained on the shipped rows routes Arabizi,
English and mixed reports of situations whose label was unclear, by the conventions written in
docs/ROUTING_DATA.md: workers kept at work in the midday heat are the site's conduct
(building_violation); a generator's exhaust in a stairwell is a nuisance (noise_nuisance); a
crush at an event in a public space, and broken shade or water at the beach, are public
facilities. Only the Arabizi workers in the midday heat were routed otherwise at the start,
and the other cases pin the conventions as the rows now teach them."""

from __future__ import annotations

import pytest

from core.routing.classifier import Model


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Arabizi
        ("el 3ummal fil binaya yishtighloon 3ala el sa6 wagt el dhuhur fil 7arr, ma fi 6ill",
         "building_violation"),
        ("el moolad 7a66eenah fil darj w d5aana yi6la3 lil shuqaq kil lail", "noise_nuisance"),
        ("za7ma fil 7afla 3ind el corniche, el naas yitdaafa3oon 3ind el bawwaba", "public_facilities"),
        ("el dushat fil shati2 ma feeha mai w el mathallat maksoora", "public_facilities"),
        # English
        ("the generator under our staircase fills the stairwell with diesel smoke every night",
         "noise_nuisance"),
        ("people crushing at the single exit after the beach fireworks, no stewards", "public_facilities"),
        # mixed
        ("العمال يشتغلون في الظهر in full sun at the site بدون مظلة", "building_violation"),
        ("دخان المولد in the stairwell كل ليلة", "noise_nuisance"),
    ],
)  # fmt: skip
def test_an_unclear_situation_routes_by_its_convention(
    routing_model: Model, text: str, category: str
) -> None:
    assert routing_model.classify(text).category == category
