"""Eighteenth screening pass (issue 17): a promotion's grammar is a seller's word.

"Buy 3 get 1 free", "save up to 70%", "easy installments", "first month free", "while stocks
last", "link in bio" and a price per square metre are how adverts speak in every form; no
citizen writes them in their own voice. The advert model is kept out (None) and the router
hesitates (0.55), so the rules alone decide. A citizen quoting, retelling or asking about
such an offer is no spam, whatever the advert model says (forced to 0.9).
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


OFFERS = [
    ("english", "Battery week: buy 2 get 1 free on all car batteries, Ruwi branch"),
    ("english", "Stay connected with home fibre, first month free and easy installments on "
     "the router"),
    ("english", "Solar for your roof: save up to 60% of the bill, panels on 0% interest"),
    ("english", "Abayas from 9 OMR while stocks last, link in bio"),
    ("msa", "اشترِ علبتين واحصل على الثالثة مجاناً من عطورنا، الشحن مجاني"),
    ("msa", "أجهزة تكييف بأقساط مريحة بدون فوائد، الشهر الأول مجاناً"),
    ("gulf", "خذ ٣ كراتين ماي وعليك الرابعة هدية، وفر حتى ٤٠٪"),
    ("gulf", "أراضي في بركاء المتر ب ١٠ ريال ودفعات مريحة"),
    ("arabizi", "ishtri 2 tayer w 5ith el thalith majjan, 3rd el usboo3"),
    ("arabizi", "alwa7 shamsiya tiwaffir 70 bil miya, dafa3at mureeha"),
    ("mixed", "Perfume sale: get the 3rd bottle free, شحن مجاني لكل عمان"),
    ("mixed", "شقق للتمليك 350 OMR per sqm، easy instalments على ٥ سنوات"),
]  # fmt: skip

LOOK_ALIKES = [
    ("english", "The shop's banner says 'buy 2 get 1 free' but it blocks the footpath in "
     "Ruwi, please remove it"),
    ("english", "Is it true I can pay the building permit fee in easy installments?"),
    ("msa", "مكتوب على اللوحة \"اشتر اثنين واحصل على الثالث مجانا\" وهي ساقطة على الرصيف في "
     "الخوير"),
    ("gulf", "وصلتني رسالة تقول وفر حتى ٥٠٪ على المخالفات، هل هذا منكم؟"),
    ("arabizi", "el ma7al ykitbon 'ishtri 2 w 5ith 1' w y7i6on el kraateen fi el shari3 fi "
     "el ma3bela"),
    ("mixed", "I paid 12 OMR للمتر for the plot and the road to it is still not paved, متى "
     "يسفلتونه؟"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), OFFERS, ids=_ids(OFFERS))
def test_a_promotions_grammar_in_the_sellers_voice_is_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.55, advert_probability=None) == SPAM


@pytest.mark.parametrize(("form", "text"), LOOK_ALIKES, ids=_ids(LOOK_ALIKES))
def test_a_promotion_quoted_asked_or_paid_by_a_citizen_is_no_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.55, advert_probability=0.9) != SPAM
