"""The screening's place-or-problem signal, exposed for the acknowledgement of a message it
flags as spam (core.intake.triage): it reads the text and decides no flag."""

from __future__ import annotations

import pytest

from core.routing import screening


@pytest.mark.parametrize(
    "text",
    [
        "There is a big pothole, my number for contact 91234567",
        "الشارع قرب دوار العذيبة، للتواصل 91234567",
        "el zibala ma tshaloha min usbu3, call me 91234567",
    ],
)
def test_a_place_or_a_problem_alone_reads_like_a_report(text: str) -> None:
    assert screening.names_place_or_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mega sale! 50% discount on all perfumes, order now and get free delivery.",
        "قروض بدون تحويل راتب، اتصل الان 91234567",
    ],
)
def test_an_advert_with_neither_does_not_read_like_a_report(text: str) -> None:
    assert not screening.names_place_or_problem(text)


def test_the_signal_is_read_only_for_a_spam_flag() -> None:
    text = "There is a big pothole, my number for contact 91234567"
    assert screening.report_signs(text, screening.SPAM) is True
    assert screening.report_signs(text, None) is None
    assert screening.report_signs(text, screening.GIBBERISH) is None
