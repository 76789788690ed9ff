"""Sixteenth screening pass (issue 17): a listing's terms for the utilities, and trades sold to
homes that name a municipal-sounding thing, read by meaning in every form.

- Utilities followed by "included", "shared" or "on the tenant" are a listing's terms, not a
  cut or a leak that makes the message a report; a citizen whose water or power is cut still
  reports it, though a tenant is named.
- Tailoring, carers for the elderly, a car wash that comes to you, solar panels and water by
  tanker are trades; collected and brought back, ready in days, trained staff, day or night
  shifts, safe materials and "call <number>" are parts of an offer. Two parts make an advert,
  also when the router is sure of a category at a place; one part alone (a citizen naming the
  trade, or giving a number to call) never does.
The advert model is left out (None) unless a case says otherwise, so the rules alone decide.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


LISTING_TERMS = [
    ("english", "2 bedroom flat in Mawaleh South, electricity and water paid by the tenant"),
    ("english", "Bachelor room near Ruwi roundabout, water and internet included, 90 OMR"),
    ("msa", "غرفة وصالة قرب دوار الحيل، الماء والكهرباء على المستأجر، 140 ريالا"),
    ("gulf", "ملحق للإيجار في العذيبة، الماي والكهربا مشتركة، 120 ريال"),
    ("arabizi", "mul7aq lel ijar fi el 3thaiba, el may w el kahraba mushtarak, 120"),
    ("mixed", "Annex للإيجار في Azaiba, water و electricity على المستأجر"),
]  # fmt: skip

CUT_WITH_A_TENANT = [
    ("english", "No water and electricity since Monday in our building on Way 2312, the tenant "
     "upstairs has a baby"),
    ("msa", "انقطاع الماء والكهرباء منذ يومين عن العمارة بجانب جامع الخوير، والمستأجرون كبار سن"),
    ("gulf", "الماي والكهربا مقطوعة عن البيت في الحيل، وعلى المستأجر يدفع الفواتير كاملة"),
    ("arabizi", "el may w el kahraba maqtoo3a 3an el 3imara fi ruwi, w el musta2jireen "
     "3indhum 3yal"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), LISTING_TERMS, ids=_ids(LISTING_TERMS))
def test_a_listings_terms_for_the_utilities_are_no_problem_at_a_place(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.7, advert_probability=0.8) == SPAM, form


@pytest.mark.parametrize(("form", "text"), CUT_WITH_A_TENANT, ids=_ids(CUT_WITH_A_TENANT))
def test_a_cut_to_water_or_power_is_a_report_though_a_tenant_is_named(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.7, advert_probability=0.9) != SPAM, form


HOME_TRADES = [
    ("english", "Gents tailoring, dishdashas stitched and altered, pickup and delivery in Seeb"),
    ("english", "Elderly care by trained nurses, day or night shifts, anywhere in Bausher"),
    ("english", "Termite treatment with approved materials, call Saif 9456 2211"),
    ("msa", "رعاية المسنين في بيوتهم بممرضات مدربات، مناوبات نهارية، قرب مستشفى خولة"),
    ("msa", "خياطة وتفصيل الزي المدرسي، جاهزة خلال أسبوع، في شارع السوق بالسيب"),
    ("gulf", "غسيل متنقل للسيارات، نستلم من البيت ونرجعها نظيفة، في الخوض والموالح"),
    ("gulf", "رش صراصير بمواد آمنة، اتصل على 93456677"),
    ("arabizi", "tafseel w 5iya6a dshadeesh, jahza khilal usboo3, fi sooq el seeb"),
    ("arabizi", "alwa7 shamsiya lel byoot, fanniyeen mudarrabeen, itti9il 93456677"),
    ("mixed", "Solar installation للفلل, trained technicians, call 9456 2211"),
    ("mixed", "Home nursing لكبار السن, live-in أو day shifts في Qurum"),
]  # fmt: skip

ONE_PART = [
    ("english", "The mobile car wash by the mosque in Al Hail lets its foam run down the road"),
    ("english", "Please call me on 9123 4567, the manhole cover on our lane is missing"),
    ("msa", "شركة تمريض منزلي تركن سياراتها أمام مدخل العمارة في الخوير"),
    ("gulf", "الواح الطاقة الشمسية حق الجيران طايحة على السور جنبنا في العامرات"),
    ("arabizi", "el ghaseel el mutanaqqil jamb el masjid y5alli el may fi el share3"),
    ("mixed", "The tailoring shop جنبنا puts its generator on the pavement, call me 9123 4567"),
    # a trade named beside a seller's phrase alone, or a question's "need a"
    ("english", "Renewing the licence of my tailoring shop fails after I enter the card details"),
    ("english", "A home tailoring workshop with six workers living in it, shouldn't that need a "
     "licence?"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), HOME_TRADES, ids=_ids(HOME_TRADES))
def test_a_home_trade_offered_is_an_advert_even_for_a_sure_router_at_a_place(
    form: str, text: str
) -> None:
    assert screen(text) == SPAM, form
    assert screen(text, category_confidence=0.8) == SPAM, form


@pytest.mark.parametrize(("form", "text"), ONE_PART, ids=_ids(ONE_PART))
def test_a_trade_named_or_a_number_to_call_alone_is_no_advert(form: str, text: str) -> None:
    assert screen(text) != SPAM, form


LISTINGS_STUCK_UP = [
    ("english", "A villa for rent notice has been taped to the bus stop pole in Al Hail for weeks"),
    ("msa", "إعلان شقة للإيجار معلق على عمود الإنارة عند مدخل الحي منذ أسابيع"),
    ("gulf", "ورقة غرفة للإيجار ملصوقة على سور المدرسة من شهر"),
    ("arabizi", "wara8at shiqqa lel ijar mal9ooga 3la jidar el masjid min usboo3ain"),
    ("mixed", "Flat for rent ورقة مربوطة على the lamp post جنب الدوار"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), LISTINGS_STUCK_UP, ids=_ids(LISTINGS_STUCK_UP))
def test_a_listing_stuck_up_on_a_public_surface_is_a_report(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=0.9) != SPAM, form
