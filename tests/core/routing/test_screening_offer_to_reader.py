"""An advert with no seller's stock phrase and no number is still an advert when it offers a
service to the reader (issue 17, fourteenth pass): two parts of an offer (the reader's home,
family or debts; coming or delivering to the reader; "our team"; the premises served; a
listing; a rate per hour, day or month; every brand or nationality) make
one, in every form. One part alone does not: a citizen thanks a crew that came "the same
day", pays "80 rials a month" or speaks of "our company" in a report. The advert model is left
out (None), so the cues alone decide.
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen

OFFERS = [
    ("english", "Physiotherapists visit your home after surgery, sessions for your parents "
     "seven days a week"),
    ("english", "Our technicians service washing machines and fridges of all brands"),
    ("english", "Fully furnished studio in Ghubra, 220 per month, water and internet included"),
    ("msa", "فريقنا يعقم خزانات المياه للفلل والشقق بمواد معتمدة"),
    ("msa", "نسدد قروضك ونحول راتبك إلى بنك آخر خلال أيام"),
    ("gulf", "سواقين خاصين بالشهر يوصلون عيالك للمدرسة ويرجعونهم"),
    ("gulf", "نجيكم لين البيت ونركب ستلايت لكل الانواع"),
    ("arabizi", "fareegna yghasil el kanabat fi baitak b bu5ar"),
    ("arabizi", "sawaq 5a9 bil shahar ywa9il 3yalak lel madrasa"),
    ("mixed", "Our nurses يجون لين بيتك for elderly care و injections"),
    ("mixed", "Studio مفروشة fully furnished في الغبرة، 220 per month"),
]  # fmt: skip

ONE_PART = [
    ("english", "Thank you, the crew removed the fallen tree the same day"),
    ("english", "I pay the building guard 20 rials per month and still nobody empties the bins"),
    ("msa", "شكرا لفريقنا التطوعي والبلدية على تنظيف الشاطئ في نفس اليوم"),
    ("english", "Our team of volunteers cleaned the beach and the crew came within the hour"),
    ("gulf", "ندفع ١٠ ريال بالشهر للحارس والزباله ما تنشال"),
    ("arabizi", "shukran 3la el sur3a, shaloo el zbala nafs el yom"),
    ("mixed", "Our company خلصت البناء والحين نبي شهادة الإنجاز، what documents?"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("form", "text"), OFFERS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(OFFERS)]
)
def test_a_service_offered_to_the_reader_is_an_advert_without_phrase_or_number(
    form: str, text: str
) -> None:
    assert screen(text) == SPAM, form


@pytest.mark.parametrize(
    ("form", "text"), ONE_PART, ids=[f"{f}-{i}" for i, (f, _) in enumerate(ONE_PART)]
)
def test_one_part_of_an_offer_alone_is_no_advert(form: str, text: str) -> None:
    assert screen(text) != SPAM, form


def test_one_part_of_an_offer_with_a_sellers_phrase_is_an_advert() -> None:
    assert screen("Rent a pickup by the hour, best price in Seeb") == SPAM
