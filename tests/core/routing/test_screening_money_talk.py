"""A citizen who asks whether a fee, a sum, a link, a sender or an "approved" offer is genuine,
or whose own payment to us failed, is never spam, though the message names rials, a card, a
link and a phone number; the advert model read such messages as adverts (issue 17, tenth pass:
the lead's measure on a blind set, whose rows were not read). A scam asking a fee to pay out a
prize or a job, or an agent selling permits, is still spam: only a citizen checks a claim, the
seller makes it. The phrasings are written for every form from kinds of money question.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen

# advert_probability forced high: the guard is what clears them
CITIZEN_CHECKS = [
    # English
    "The agent says the municipality fee on my tenancy contract is 95 OMR. Is this fee correct?",
    "Got a text saying pay 9.750 OMR parking fine at mm-fines.xyz, is this link from you?",
    "A company says it is on the municipality list and wants 150 rials upfront, is there an "
    "approved list of contractors I can check?",
    "I tried to pay the 30 OMR licence fee online and my card was declined four times",
    "Paid 25 rials for the signboard permit through the app, no receipt and it is still pending",
    # MSA
    "يطلب مني المكتب 85 ريالاً رسوماً للبلدية عن تصريح اللوحة، فهل المبلغ صحيح؟",
    "وصلتني رسالة تطلب سداد 7 ر.ع عبر رابط mm-pay.info، فهل هذا الرابط تابع لكم؟",
    # Gulf
    "صاحب البيت يقول في رسوم بلدية 120 ريال على العقد، صح هالكلام؟ رقمه 9xxxxxxx",
    "دفعت رسوم التصريح 40 ريال وانخصمت مني مرتين، ابغى ترجعون المبلغ",
    # Arabizi
    "el wakeel ygool rusoom el baladiya 80 riyal 3la el ru5sa, sa7 hal kalam?",
    "jatni sms fiha link idfa3 15 riyal mu5alafa, hal el link taba3kum?",
    "rusoom ta9ree7 el 7afr 30 walla 45 riyal? simi3t el ithnain",
    "I heard the market stall permit is 20 rials, someone said 35, which is right?",
    # mixed
    "the contractor says his company is معتمدة من البلدية and wants 200 OMR, هل هي معتمدة فعلا؟",
    "the landlord wants 60 rials as رسوم البلدية, is this fee real or not? هل المبلغ صحيح",
]


@pytest.mark.parametrize("text", CITIZEN_CHECKS)
def test_a_citizen_checking_a_fee_link_or_offer_is_not_spam(text: str) -> None:
    assert screen(text, advert_probability=0.9) != SPAM


SCAMS_AND_AGENTS = [
    "You have been selected for a 400 OMR municipal grant! Pay a 6 rial processing fee at "
    "grant-mm.xyz to receive it.",
    "We get your building permit from the municipality in two days without inspection, "
    "only 300 OMR, call 9xxxxxxx",
    "تهانينا، ربحت 1000 ريال في سحب البلدية، ادفع رسوم التحويل 5 ريالات لاستلام الجائزة",
    "نخلص لك رخصة المحل من البلدية في يوم وانت في بيتك، 50 ريال بس، كلمنا 9xxxxxxx",
    "wathayif fi el baladiya, 7awwil 15 riyal rusoom el malaf w el ta3yeen madhmoon",
    "Approved contractor: municipality drawings and permits guaranteed, villas from 8,500 OMR, "
    "contact us today",
    "وظائف from home، pay 10 rials registration fee و ابدأ today، WhatsApp 9xxxxxxx",
]


@pytest.mark.parametrize("text", SCAMS_AND_AGENTS)
def test_a_fee_to_receive_scam_or_a_permit_agent_is_still_spam(text: str) -> None:
    assert screen(text, advert_probability=0.9) == SPAM
