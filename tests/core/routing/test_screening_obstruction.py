"""A complaint about a business blocking the public way is never spam, even when it quotes the
business's own offer ("the sign says 50% off"): the citizen reports the shop, not sells for it.

Found on the seventh blind screening set (issue 17): a genuine report of a shop's goods on a
market walkway, which quoted its discount sign, was flagged spam because the offer cues made
an advert and goods blocking a walkway was no municipal problem the screen knew. The phrasings
below are written for every form from the kinds of obstruction, not from that row.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen

OBSTRUCTIONS = [
    # English: goods, stalls and cars blocking the footway, quoting the offer
    "The furniture shop near Ruwi roundabout puts its sofas on the pavement with a big "
    "'50% discount' banner and blocks the walkway, people walk on the road",
    "a mobile phone shop in the souq keeps blocking the sidewalk with its stands, 'mega sale' "
    "signs everywhere, pedestrians cannot pass",
    # MSA
    "مطعم في الخوير يضع طاولاته على الرصيف ويعلق لافتة عروض خاصة بخصم 30٪ ويسد الممر على المارة",
    "محل الأثاث يعرض بضائعه على الرصيف مع لوحة تخفيضات ويمنع المشاة من المرور",
    # Gulf
    "المحل اللي جنب الدوار حاطين بضاعتهم على الرصيف وكاتبين خصم ٥٠٪ ومسكرين الممشى على الناس",
    # Arabizi
    "el ma7al 3ind el dawwar 7a6 bdha3tah 3al ra9eef w katib 5asm 50% w saad el mamsha 3al nas",
    # mixed
    "المحل حق الجوالات عند السوق حاط stands على الرصيف مع sale 40% و blocking the walkway",
]


@pytest.mark.parametrize("text", OBSTRUCTIONS)
def test_a_shop_blocking_the_public_way_is_not_spam_though_it_quotes_an_offer(text: str) -> None:
    assert screen(text, advert_probability=0.9) != SPAM


ADVERTS = [
    # a seller's own offer, with no one blocked: still spam
    "Mega sale at our furniture showroom in Ruwi, 50% discount on all sofas, free delivery, "
    "call now 9xxxxxxx",
    "عروض خاصة في محلنا بالخوير، خصم 50٪ على جميع الأثاث، اتصل الآن 9xxxxxxx",
]


@pytest.mark.parametrize("text", ADVERTS)
def test_an_offer_with_no_obstruction_is_still_spam(text: str) -> None:
    assert screen(text) == SPAM
