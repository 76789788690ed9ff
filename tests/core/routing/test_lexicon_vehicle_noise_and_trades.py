"""Fourteenth pass (issue 17): a car that makes noise by the houses (songs, music, revving,
drifting, horns) is a nuisance, not a car left there; and a trade carried on (a barber, a
tailor, a laundry) is a business whether or not it has a shop. Every form."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concept_view


def _tokens(text: str) -> list[str]:
    return concept_view(normalize_arabic(text).split())[0]


@pytest.mark.parametrize(
    "text",
    [
        "كل ليله سياره توقف جنب البيوت وتشغل اغاني بصوت عالي",  # Gulf
        "تقف سياره كل ليله بجانب المنازل وتشغل الموسيقى",  # MSA
        "Young men rev their engines and drift behind our houses every night",  # English
        "shabab yfa7i6oon b sayyaraathum wara el byoot",  # Arabizi
        "كل ليله في car توقف جنب البيوت وتشغل aghani",  # mixed
        "شباب يفحطون عند الدوار بعد نص الليل",
    ],
)
def test_a_noisy_car_is_noise(text: str) -> None:
    assert "noise" in _tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "a car has been parked by the houses for a year with flat tyres",
        "سياره متروكه جنب البيوت من سنه",
    ],
)
def test_a_quiet_parked_car_is_not_noise(text: str) -> None:
    assert "noise" not in _tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "في حلاق يحلق في شقه في العماره بدون رخصه",
        "A man runs a barber business from his flat",
        "fi 7allaq yi7lig fi shigga bdoon ru5sa",
        "الخياط اللي تحتنا حاط مكينه على الرصيف",
        "a laundry is working from a villa garage in our street",
    ],
)
def test_a_trade_is_a_business(text: str) -> None:
    assert "shop" in _tokens(text)
