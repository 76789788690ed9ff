"""Seventeenth screening pass (issue 17): spam is advertising in the writer's own words.

A citizen quotes the banner, retells the message or asks whether the discount is real, so the
seller's words are in the text; what they said around them is theirs. Quoted text, reported
speech (from "says", مكتوب عليها, "ygool", سمعت, "I got an offer" to the end of the clause)
and a question the writer asks (how much, is there, هل, كم, kam) are left out of the cues; an
advert speaks in its own voice. The advert model is forced to lean to an advert (0.9) and the
router to hesitate (0.55), so the rules alone decide.
"""

from __future__ import annotations

import pytest

from core.routing.screening import CLEAR_CONFIDENCE, SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


def _screen(text: str, confidence: float = 0.55) -> str | None:
    return screen(text, category_confidence=confidence, advert_probability=0.9)


QUOTED = [
    ("english", "Someone keeps sending \"loan approved, no salary transfer, call now\" to my "
     "phone, can you do anything?"),
    ("english", "my dad received \"your municipality fine is overdue, pay now\" on whatsapp, "
     "he is scared"),
    ("gulf", "في لوحة كبيرة على الدوار مكتوب عليها خصم ٧٠٪ اتصل الحين، مغطية الإشارة"),
    ("msa", "تصلني يوميا رسائل نصية تقول \"قرض فوري بدون كفيل اتصل الآن\" فهل يمكنكم "
     "إيقافها؟"),
    ("arabizi", "el i3lan fog el ma7al maktoob 3laih ta5feedat 50% w ydhawi fi ghurfatna"),
    ("mixed", "المطعم has a sign 'buy one get one free' بس الأكل بارد"),
]  # fmt: skip

RETOLD_OR_ASKED = [
    ("english", "i got an offer from a company to clean our water tank for 15 rials, do you do "
     "it for free?"),
    ("english", "Rent a stall for the winter festival? I want to sell coffee, how much per day? "
     "whatsapp me 92233445"),
    ("gulf", "بسطة في سوق الجمعة كم ايجارها؟ سمعت فيه خصم للمتقاعدين"),
    ("msa", "اتصل بي شخص يقول إنه موظف في البلدية ويعرض تصريحا بدون مراجعة مقابل 200 ريال"),
    ("arabizi", "wa7d 3araDH 3lai tan9eef el khazzan b 15 riyal, intum tsawwonha majjanan?"),
    ("mixed", "سمعت ان فيه خصم 50% on fines paid this month, is that true?"),
]  # fmt: skip

# The seller's own voice stays an advert: the cue outside the quote, a rhetorical question to
# the reader's wants, a question with the offer after it, and a message that is all quote.
ADVERTS = [
    ("english", "Our customers call it 'the best' - deep cleaning 25 OMR per room, call now "
     "92233445"),
    ("english", "Need a loan? Instant approval, no salary transfer, call now 95112200"),
    ("gulf", "تبي قرض؟ موافقة فورية بدون تحويل راتب، كلمنا واتساب ٩٥٦٦٧٧٨٨"),
    ("arabizi", "tabi qar9 shakh9i? muwafaqa fawriya bdoon ta7weel ratib, kalmna al7een"),
    ("mixed", "'Special offer' خصم ٥٠٪ على التنظيف، call now 99880011"),
    ("english", "\"Mega sale 70% off, call now 92345678\""),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), QUOTED, ids=_ids(QUOTED))
def test_an_advert_the_citizen_quotes_is_no_spam(form: str, text: str) -> None:
    assert _screen(text) != SPAM, form


@pytest.mark.parametrize(("form", "text"), RETOLD_OR_ASKED, ids=_ids(RETOLD_OR_ASKED))
def test_an_offer_retold_or_asked_about_is_no_spam(form: str, text: str) -> None:
    assert _screen(text) != SPAM, form


@pytest.mark.parametrize(("form", "text"), ADVERTS, ids=_ids(ADVERTS))
def test_an_advert_in_its_own_voice_stays_spam(form: str, text: str) -> None:
    assert _screen(text) == SPAM, form


# A sure router clears a message with no seller's word of the writer's own, whatever the
# advert model says; below CLEAR_CONFIDENCE, or with one seller's word, it does not.
NO_SELLER_WORD = [
    ("english", "The stairs outside our building are broken and the handrail is gone"),
    ("gulf", "الدرج الخارجي حق العمارة مكسر والدرابزين طايح"),
    ("arabizi", "el daraj el 5arijee 7ag el 3imara mkassar w el dirabzeen maksoor"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), NO_SELLER_WORD, ids=_ids(NO_SELLER_WORD))
def test_a_sure_router_clears_a_message_with_no_sellers_word(form: str, text: str) -> None:
    assert _screen(text, CLEAR_CONFIDENCE) is None, form


def test_a_hesitant_router_leaves_the_advert_model_to_decide() -> None:
    # no seller's word and no municipal problem: the advert model decides. Twenty-third
    # pass: a problem named with no seller's word is a report whatever the model says.
    text = "Hello dear, I texted you a 6 digit code by mistake, kindly send it back to me"
    assert _screen(text, CLEAR_CONFIDENCE - 0.05) == SPAM
    problem = "el daraj el 5arijee 7ag el 3imara mkassar w el dirabzeen maksoor"
    assert _screen(problem, CLEAR_CONFIDENCE - 0.05) is None


@pytest.mark.parametrize(
    "text",
    [
        "سلفة على الراتب لموظفي الحكومة دون أوراق، والمبلغ في حسابك غدا",
        "Salary advance for government staff, no paperwork, money in your account tomorrow",
        "متجرنا أونلاين فيه كل مستلزمات البحر، اطلب من الرابط",
    ],
)
def test_a_sellers_word_keeps_a_sure_router_from_clearing(text: str) -> None:
    assert _screen(text, 0.95) == SPAM


# A problem the lexicon's concepts miss (a leak, food gone bad) or a place under the building,
# beside a listing or a shop's discount: a report.
PROBLEM_STATE = [
    ("english", "The landlord advertised fully furnished flats, water included, but the tank "
     "leaks into the stairwell. Building 114, way 3312"),
    ("gulf", "صاحب العمارة منزل اعلان شقق للايجار، والمجاري طافحة تحت العمارة"),
    ("arabizi", "el ma7al jamb el masjid 7a6 ta5feedat 3la el la7am bs el la7am ri7ta mu zaina"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), PROBLEM_STATE, ids=_ids(PROBLEM_STATE))
def test_a_leak_or_spoiled_food_at_a_place_is_a_report(form: str, text: str) -> None:
    assert _screen(text) != SPAM, form


def test_asking_us_to_stop_the_advertising_is_a_report() -> None:
    text = "Please stop the shops in Ruwi from sending SMS offers every hour, 50% off this"
    assert _screen(text, 0.9) != SPAM


# A question or a frame that carries no seller's word leaves nothing reported: what the
# advert model reads in the rest decides ("Why pay rent?" is the seller's own question).
NOTHING_QUOTED = [
    ("english", "Why pay rent? Own a flat in Bausher with 10% down payment, call our sales team "
     "92220000"),
    ("msa", "يقول عملاؤنا إن خدمتنا الأسرع في السلطنة: شحن الطرود إلى الإمارات خلال 24 ساعة "
     "بسعر 3 ريالات"),
    ("mixed", "سمعت عن عرضنا؟ Full car detailing 20 OMR only this week, call 99887766"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), NOTHING_QUOTED, ids=_ids(NOTHING_QUOTED))
def test_a_frame_with_no_sellers_word_in_it_clears_nothing(form: str, text: str) -> None:
    assert _screen(text) == SPAM, form


def test_an_offer_a_group_posts_is_reported() -> None:
    text = "قروب الحارة ينشر offer on pest control 10 OMR بس الشركة رشت مبيد قوي والريحة خنقتنا"
    assert _screen(text) != SPAM


# Probe C's (written before scoring, then fixed): a business's ads as the nuisance and
# neighbours shut in by a showroom's cars.
PROBE_C = [
    ("english", "The gym's speakers on the roof blast summer offer, join now ads every evening "
     "until 11pm"),
    ("mixed", "The car showroom في الحيل puts SALE balloons and cars on the service road, ما "
     "نقدر نطلع من البيت"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), PROBE_C, ids=_ids(PROBE_C))
def test_ads_as_a_nuisance_and_being_shut_in_are_reports(form: str, text: str) -> None:
    assert _screen(text) != SPAM, form


def test_a_sum_someone_told_us_of_leaves_a_sure_router_free_to_clear() -> None:
    text = (
        "Price of a burial plot permit? The funeral office told us fees included but then "
        "asked for 25 OMR"
    )
    assert _screen(text, 0.95) is None


# The writer's own payment, in the past (probe D): a seller asks for one, never says he paid.
PAID = [
    ("english", "I paid 3 OMR at the Mutrah parking machine (receipt attached, 3.000 OMR) and "
     "still got a 10 OMR ticket"),
    ("gulf", "دفعت ٥ ريال في جهاز المواقف وجتني مخالفة ١٠ ريال"),
    ("arabizi", "dafa3t 5 riyal fi jihaz el mawaqif w jatni mu5alafa 10 riyal"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), PAID, ids=_ids(PAID))
def test_a_sum_the_writer_paid_is_a_complaint(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=0.9) != SPAM, form
