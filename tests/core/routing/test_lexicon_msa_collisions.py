"""Arabic terms added for Gulf and Arabizi writers (tenth pass, category) must not fire on
everyday MSA words that begin with them: a surname (الغافري), worshippers (المصلين), caution
(الحيطة والحذر), a duration or "most famous" (منذ أشهر, أشهر المطاعم), filing a new report
(أتقدم ببلاغ). Each says nothing of the category, and MSA writers use them in any complaint,
so a concept firing on them pulls the complaint to the concept's category. The words the terms
were added for still reach their concept."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts


def _concepts(text: str) -> list[str]:
    return concepts(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("المواطن سالم الغافري يبلغ عن حفرة في الشارع", "tree"),
        ("سيارات المصلين تغلق الطريق وقت صلاة الجمعة", "beach"),
        ("نرجو أخذ الحيطة والحذر عند المرور بالموقع", "structure_part"),
        ("الإنارة مطفأة منذ أشهر في الحي", "abandoned"),
        ("أحد أشهر المطاعم في السوق يبيع لحوماً فاسدة", "abandoned"),
        ("أتقدم ببلاغ عن تسرب مياه الصرف الصحي في الشارع", "admin"),
        ("أود تقديم بلاغ بخصوص حفرة كبيرة", "admin"),
    ],
)
def test_an_everyday_msa_word_does_not_reach_a_concept_it_only_begins_like(
    text: str, concept: str
) -> None:
    assert concept not in _concepts(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("شجرة الغاف في الحديقة يابسة", "tree"),
        ("دورات المياه في المصلى مغلقة", "beach"),
        ("الجدار آيل للسقوط", "structure_part"),
        ("حايط البيت مشقق", "structure_part"),
        ("ما هو رقم البلاغ", "admin"),
        ("متى يردون على بلاغي", "admin"),
        ("السيارة واقفة من شهور", "abandoned"),
    ],
)
def test_the_word_a_term_was_added_for_still_reaches_its_concept(text: str, concept: str) -> None:
    assert concept in _concepts(text)
