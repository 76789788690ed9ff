"""Sixteenth screening pass (issue 17): a citizen retelling a scam is asking us, not selling.

The retelling carries the scam's own words (a demand to pay now, through a link, a promise to
skip an inspection), so the seller's cues fire; what makes it a citizen's is said around them:
someone posing as the municipality, a message that reached a relative, "I never applied", "he
has no shop", "we didn't pay", "report the account". A scam speaks as the municipality and
never says so. The advert model is forced to lean to an advert (0.9), and the router to be
sure (0.9), so the rules alone decide.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


RETOLD = [
    ("english", "A man came to our door claiming to be from the municipality and asked 25 OMR "
     "for a water inspection fee, pay now he said. We didn't pay."),
    ("english", "My mother got a WhatsApp: your house has a violation, settle it at the link "
     "within 24 hours. She has never had a violation."),
    ("msa", "وصل لأبوي إشعار فيه رابط يطلب سداد غرامة البلدية خلال 24 ساعة لتجنب الإحالة"),
    ("gulf", "واحد ينتحل اسم البلدية في الانستا ويبيع تصاريح بدون مراجعة، بلغوا عنه"),
    ("arabizi", "fi wa7ad yidda3i inna mn el baladiya w y6lub 20 riyal 3la kil bait, "
     "idfa3 al7een"),
    ("mixed", "My brother got a link يقول pay now or the shop licence is cancelled, بس ما عنده "
     "محل"),
]  # fmt: skip

SCAMS = [
    ("english", "Municipality notice: your shop licence will be cancelled, pay now via the link"),
    ("gulf", "تصاريح بناء بدون مراجعة البلدية، كلمنا على الخاص"),
    ("arabizi", "3alaik gharama baladiya, idfa3 al7een mn el link gabl la tit9a3af"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), RETOLD, ids=_ids(RETOLD))
def test_a_scam_retold_by_a_citizen_is_no_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.9, advert_probability=0.9) != SPAM, form


@pytest.mark.parametrize(("form", "text"), SCAMS, ids=_ids(SCAMS))
def test_the_scam_itself_stays_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.9, advert_probability=0.9) == SPAM, form
