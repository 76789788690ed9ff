"""Hostile text cannot stall intake: routing and language detection read a bounded head of a
message, and every text pattern they use runs in linear time (issue 14, defect 2).

The budgets are generous on purpose (seconds for work that takes milliseconds): the quadratic
patterns these tests replaced took tens of seconds to minutes on the same inputs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from core.language import detect
from core.language.detect import detect_language
from core.language.normalize import READ_LIMIT, head
from core.routing import screening
from core.routing.arabizi import is_arabizi_token, skeleton_words
from core.routing.features import prepare
from core.routing.screening import screen
from core.routing.similarity import text_similarity
from core.routing.urgency import urgent_rule

BUDGET_S = 2.0  # linear code needs a few milliseconds here; the old patterns took 20-200 s
LONG = 60_000

HOSTILE = {
    "one letters-only token": "a" * LONG,
    "letter-digit pairs then a stray digit": "a2" * (LONG // 2) + "0",
    "dotted run then an at sign": "a." * (LONG // 2) + " @",
    "hyphenated run": "a-" * (LONG // 2),
}


def _seconds(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("arabizi digit search", lambda t: is_arabizi_token(t)),
        ("language detection's arabizi word test", lambda t: detect.is_arabizi_digit_word(t)),
        ("language detection's address pattern", lambda t: detect.URL_RE.sub(" ", t)),
        ("screening's link pattern", lambda t: screening._URL.search(t)),
    ],
)
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_text_patterns_are_linear_on_uncapped_hostile_tokens(
    name: str, call: Callable[[str], Any], text: str
) -> None:
    assert _seconds(lambda: call(text)) < BUDGET_S, name


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_routing_and_detection_finish_quickly_on_a_huge_message(text: str) -> None:
    def everything() -> None:
        detect_language(text)
        screen(text)
        urgent_rule(text)
        text_similarity(text, text)
        skeleton_words(list(prepare(text).words))

    assert _seconds(everything) < BUDGET_S


def test_router_reads_only_the_head_of_a_message() -> None:
    words = prepare("pothole " * LONG).words
    assert 0 < len(words) <= READ_LIMIT // len("pothole ") + 1
    assert head("x" * LONG) == "x" * READ_LIMIT


def test_the_router_classifies_a_60000_letter_email_body(routing_model: Any) -> None:
    result: list[Any] = []
    assert _seconds(lambda: result.append(routing_model.classify("a" * LONG))) < BUDGET_S
    assert result[0].category is not None


def test_a_huge_single_token_report_is_routed_quickly_and_stored_whole(routed_ctx: Any) -> None:
    from sqlalchemy import select

    from core.inbound import InboundMessage
    from core.intake.ingest import ingest
    from core.models import Message

    body = "pothole " + "a" * LONG
    msg = InboundMessage(channel="email", sender="x@example.om", text=body, external_id="m-1")
    done: list[Any] = []
    assert _seconds(lambda: done.append(ingest(routed_ctx, msg))) < 10 * BUDGET_S
    with routed_ctx.sessions() as session:
        stored = session.scalars(select(Message).where(Message.id == done[0].message_id)).one()
        assert stored.text == body
