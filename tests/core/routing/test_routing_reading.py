"""A classification reads its message once: one normalisation shared by every view."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from core.language import normalize
from core.routing.classifier import Model, ModelStore
from core.routing.router import ModelRouter
from core.routing.taxonomy import load_taxonomy

# Each form, and each path through the views: a hazard a rule names, a danger only the urgent
# model reads (its 'now' check reads the words too), an advert, a plain report.
TEXTS = (
    "the electricity box by the school is open and the wires are sparking right now",
    "الماء دخل البيت الحين والوضع صعب، ارجو الاسراع",
    "el mai da5el el bait al7een w ma 7ad yrd",
    "BUY NOW cheap villa for rent 50% off call 99123456 www.deal.example",
    "حفرة كبيرة في شارعنا بالعذيبة من أسبوعين",
    "!!!",
)


def normalisations(call: Callable[[], Any]) -> int:
    """How many times normalize_arabic runs during `call`, counted on its code object, so a
    module's own imported name for it counts as well."""
    code = normalize.normalize_arabic.__code__
    seen = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal seen
        if event == "call" and frame.f_code is code:
            seen += 1

    sys.setprofile(count)
    try:
        call()
    finally:
        sys.setprofile(None)
    return seen


@pytest.mark.parametrize("text", TEXTS)
def test_classify_normalises_the_message_once(routing_model: Model, text: str) -> None:
    assert normalisations(lambda: routing_model.classify(text)) == 1


@pytest.mark.parametrize("text", TEXTS)
def test_the_router_normalises_the_message_once(
    routing_model: Model, tmp_path: Path, text: str
) -> None:
    store = ModelStore(tmp_path, load_taxonomy(None))
    store.install(routing_model)
    router = ModelRouter(store)
    assert normalisations(lambda: router.classify(" " + text)) == 1


def test_classify_many_normalises_each_message_once(routing_model: Model) -> None:
    texts = [f"{text} (batch)" for text in TEXTS]
    assert normalisations(lambda: routing_model.classify_many(texts)) == len(texts)
