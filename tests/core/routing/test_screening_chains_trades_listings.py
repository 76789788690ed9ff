"""Twenty-first screening pass (issue 17): chain messages, fake municipal notices, promotions in
the municipality's own words and listings that name a park are spam; complaints told of kin or
neighbours, questions about a bill and reports quoting such messages are not.

Adverts are flagged by the rules alone (the advert model kept out, a hesitant router at 0.5);
fake notices also with a router sure of its category (0.95). Look-alikes stay unflagged with
the advert model forced to 0.9 and a hesitant router (0.5).
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


CHAINS = [
    # an order to pass the message on to a crowd (_PASS_ON), with a warning or a prayer
    ("english", "URGENT: thieves posing as gas inspectors in Seeb. Forward this to all your "
     "contacts tonight"),
    ("mixed", "Jumu'ah Mubarak 🤲 share it with 5 friends و شوف الفرج قبل الليل"),
    ("msa", "حديث شريف عن فضل الصدقة، انشروها لكل المجموعات ولكم الأجر"),
    ("gulf", "تراهم يخطفون العيال عند المولات، دزوها لكل قروباتكم الله يحفظكم"),
    ("arabizi", "dizzooha l kil el groupat, fi 7aramiya yidigoon el abwab fi el ma3bela"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), CHAINS, ids=_ids(CHAINS))
def test_a_chain_messages_order_to_pass_it_on_is_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=None) == SPAM, form


TRADES = [
    # a service in the municipality's words, offered with a number, naming the areas served:
    # the problem and place are what it sells against, not a report
    ("gulf", "تسليك بلاليع وشفط بيارات، نخدم بوشر والخوض والعذيبة، اتصل 93120987"),
    ("english", "Blocked drains and sewage backing up? We serve all areas of Muscat, 24h "
     "tanker, call 9345 6610"),
    ("arabizi", "nrish 9ara9eer w ba8 fi el shigag, nji lain 3indak fi el 7ail w el "
     "mawaleh, wtsp 9612 0044"),
    ("msa", "نقوم بعزل الأسطح ومعالجة تسربات المياه في الفلل والعمارات بالسيب ومطرح، "
     "للطلب 92018833"),
    # a kiosk or pitch let at a park or beach: the kiosk is let, no vendor is reported
    ("mixed", "كشك للايجار في حديقة الريام، near the fountain، call 9507 3321"),
    ("arabizi", "kushk lil eejar 3nd shati2 el sawadi, 150 riyal bil shahar, kallimni "
     "9901 4432"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), TRADES, ids=_ids(TRADES))
def test_a_trade_or_listing_in_municipal_words_naming_a_place_is_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=None) == SPAM, form


def test_a_fake_fine_paid_by_way_of_a_link_is_no_violation_on_a_road() -> None:
    # "3n 6areeq" is "by way of": its road word names no place for the violation
    text = ("3alaik mu5alafa baladiya 25 riyal, saddidha 3n 6areeq el link mm-pay.site "
            "gabl la titdha3af")  # fmt: skip
    assert screen(text, category_confidence=0.5, advert_probability=None) == SPAM


NOTICES = [
    # a fake notice: a formal "please review ... and pay the fine" or a renewal "at" a site
    ("msa", "بلدية مسقط: سجلت مخالفة على منشأتك، يرجى الاطلاع وسداد الغرامة عبر الرابط "
     "mct-baladia.site خلال 24 ساعة"),
    ("english", "Your food handler card expired. Renew at mm-health-card.net within 48 hours "
     "to avoid a penalty"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), NOTICES, ids=_ids(NOTICES))
def test_a_fake_notice_is_spam_though_the_router_is_sure(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.95, advert_probability=0.9) == SPAM, form


def test_a_bills_account_number_asked_about_is_no_sellers_phrase() -> None:
    # "رقم الحساب" is the citizen's own bill account; a scam asks for "رقم حسابك"
    text = "ما هي رسوم البلدية في فاتورة الكهرباء؟ المبلغ 4 ريالات، رقم الحساب 40012766"
    assert screen(text, category_confidence=0.95, advert_probability=None) != SPAM


def test_a_sellers_question_about_overcharging_is_no_complaint() -> None:
    # "overcharg" reports a business, but not in a question put to the reader's wants
    text = ("Tired of garages that overcharge? Full car service 18 OMR, pick-up from your "
            "home, WhatsApp 9200 7711")  # fmt: skip
    assert screen(text, category_confidence=0.5, advert_probability=None) == SPAM


LOOK_ALIKES = [
    # a purchase or charge told of kin or neighbours, with a price or a phone (_KIN)
    ("english", "My neighbour bought a bag of rice at a shop in Ruwi for 4 OMR and it had "
     "weevils; the owner refused to swap it. 9244 0178"),
    ("gulf", "خالي شرا دجاج بريالين وطلع لونه متغير، والبياع ما رضى يبدله. رقمي 92233110"),
    ("arabizi", "jaari shtara 6amaa6 b riyal w nu9 w kilha kharbana, w el bayya3 rafadh "
     "yrajji3ha, ra8mi 9512 0033"),
    ("msa", "والدتي اشترت زيت زيتون بثلاثة ريالات وظهر أنه مخلوط بزيت رخيص، والبائع رفض "
     "إرجاع المبلغ"),
    # asking us to send a team, with no place the screening knows
    ("msa", "نرجو إرسال فريق لرش البق في مساكن العمال، هاتف المشرف 92260044"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), LOOK_ALIKES, ids=_ids(LOOK_ALIKES))
def test_a_complaint_told_of_others_or_a_request_for_a_team_is_no_spam(
    form: str, text: str
) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=0.9) != SPAM, form


# The pass-on rule's edges (unflagged before this pass too): a chain quoted to ask whether it
# is true, and a citizen asking us to tell the residents.
PASS_ON_EDGES = [
    ("english", "Is this true? Got a message: 'forward to all your groups, the tap water in "
     "Amerat is poisoned'"),
    ("english", "Please share this with all residents of Al Ansab: is the bulky waste pickup "
     "on Saturday?"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), PASS_ON_EDGES, ids=_ids(PASS_ON_EDGES))
def test_a_quoted_chain_or_a_request_to_tell_residents_is_no_chain(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=0.9) != SPAM, form
