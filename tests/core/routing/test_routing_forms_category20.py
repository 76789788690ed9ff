"""Twentieth category pass (issue 17): the model trained on the shipped rows routes Gulf,
Arabizi and mixed reports across the boundaries their own words draw: pigeons nesting are
pests (الحمام alone is a bathroom), black water is sewage, a traffic light out is a signal,
foxes are strays, Gulf ليت ("lait") before a verb is a wish, a tree's roots lifting tiles are
road damage. The texts are new, written after the pass for the sub-topics whose probe rows the
start of the pass (fe14e3a) routed elsewhere."""

from __future__ import annotations

import pytest

from core.routing.classifier import Model


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Gulf
        ("الحمام معشش على الدرايش ومخلي الريش في كل مكان", "pest_control"),
        ("ثعلب يدخل المزرعه كل ليله ويشيل الدجاج", "stray_animals"),
        ("ليت تسوون مظلات في ملعب العيال", "feedback"),
        # Arabizi
        ("maay aswad ynizz min ghata fil sikka w el ray7a 9a3ba", "sewage_overflow"),
        ("el 7amam m3ashish fog el shubbak w wasa55 el sayyarat", "pest_control"),
        ("jthoor el shajar rafa3at el ra9eef jiddam el bait", "road_damage"),
        # mixed
        ("the traffic light عند الدوار طافية and cars go anyhow", "traffic_signs"),
    ],
)  # fmt: skip
def test_a_gulf_boundary_routes_by_the_writers_words(
    routing_model: Model, text: str, category: str
) -> None:
    assert routing_model.classify(text).category == category
