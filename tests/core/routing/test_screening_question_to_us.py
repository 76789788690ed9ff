"""Sixteenth screening pass (issue 17): a question the router places confidently, with no
seller's word and no part of an offer, is a citizen asking us, whatever the advert model says.

The advert model alone flagged a question about booking an office appointment online once
booking adverts were added to its rows; a seller's question carries an offer ("need a ...?",
"your home") or a seller's word.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


QUESTIONS = [
    ("english", "Can I reserve a slot with the building permits office online, or do I queue?"),
    ("msa", "هل يمكن حجز موعد لدى قسم التراخيص إلكترونيا أم يجب الحضور شخصيا؟"),
    ("gulf", "أقدر أحجز موعد في قسم الرخص من الموقع ولا لازم أروح وأنتظر؟"),
    ("arabizi", "agdar a7jiz maw3id fi gism el ru5a9 online walla lazim aroo7 w antadhir?"),
    ("mixed", "ممكن أحجز appointment مع قسم الرخص online ولا لازم walk-in؟"),
]  # fmt: skip

SELLERS_QUESTIONS = [
    ("english", "Need a maid for Ramadan? Your home cleaned daily"),
    ("gulf", "تبي تنظيف لبيتك؟ فريقنا جاهز"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), QUESTIONS, ids=_ids(QUESTIONS))
def test_a_confidently_placed_question_with_no_sellers_word_is_no_spam(
    form: str, text: str
) -> None:
    assert screen(text, category_confidence=0.95, advert_probability=0.9) != SPAM, form


@pytest.mark.parametrize(("form", "text"), SELLERS_QUESTIONS, ids=_ids(SELLERS_QUESTIONS))
def test_a_sellers_question_with_an_offer_stays_an_advert(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.95, advert_probability=0.9) == SPAM, form
