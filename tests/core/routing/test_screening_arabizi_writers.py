"""Screening Arabizi and Gulf adverts and reports as other writers word them (issue 17, tenth
pass): a seller's or scammer's message is spam, and a report that gives a phone number, a link
or an email address never is, whatever the advert model says.

Written from the tenth pass's sub-topic list (docs/ROUTING_DATA.md), never from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen

ADVERTS = [
    # an account-freezing scam in Arabizi
    "3azeezi el 3ameel, 7isaabak el ma9rifi ra7 yitjammad, 7addith bayanaatak mn bit.ly/x1",
    # a scrap buyer who comes to "your place" (3indak is not a place the report is at)
    "nshtiri el sayyarat el 5arbaana b a3la si3r, nwa9il lain 3indak, itta9il el7een 9xxxxxxx",
    # a pest-control company's offer: "we have" (3indna) is not where a problem is
    "rash 7asharaat lil byoot, 3indna 3ard 5aas w dhamaan sana, kalmoona 9xxxxxxx",
]


@pytest.mark.parametrize("text", ADVERTS)
def test_arabizi_scams_and_sellers_offers_are_spam(text: str) -> None:
    assert screen(text) == SPAM


REPORTS = [
    "el 7ufra 3ind doowar el mawaleh mazalat, ra8mi 9xxxxxxx law ti7tajoon 9uwar",
    "el zbala mitkaddisa jamb bitna mn usboo3, el 9uwar: https://photos.app.goo.gl/abc w ra8mi 92xxxxxx",
    "الزباله متكدسه عند بيتنا من اسبوع، الصور هني https://photos.app.goo.gl/q1 ورقمي للتواصل 92xxxxxx",
    "el mat3am fil sou8 yibee3 akl mintahi, 3indi 9uwar, whatsapp 9xxxxxxx, a.s@example.com",
    "منهول مفتوح في الممشى عند مدرسه البنات، اتصلوا على 9xxxxxxx بسرعه",
]


@pytest.mark.parametrize("text", REPORTS)
def test_an_arabizi_or_gulf_report_with_contacts_is_never_spam(text: str) -> None:
    """Even when the advert model leans to an advert: the problem and its place clear it."""
    assert screen(text, category_confidence=0.3, advert_probability=0.9) is None
