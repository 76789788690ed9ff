"""Twenty-second screening pass (issue 17): a business named as the cause of a nuisance with
its number read on its sign or a video the writer filmed, a price questioned with "?!", a
shortage counted against homes, a fee on the writer's own bill and a shop's price told against
the posted one are reports; notices to residents selling a service, chain messages in more
words, trades in the municipality's works and job and visa agents are spam.

Reports stay unflagged with the advert model forced to 0.9 and a hesitant router (0.5);
adverts are flagged by the rules alone (the advert model kept out, a hesitant router at 0.5).
"""

from __future__ import annotations

import pytest

from core.routing.reading import read
from core.routing.screening import SPAM, _advert_cues, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


REPORTS = [
    # the business's number or name read on its sign, door or truck; a video the writer filmed
    ("msa", "مصنع الطابوق خلف المساكن في الجفنين يشغل الكسارات بعد منتصف الليل، ورقمه مكتوب "
     "على البوابة 92004417"),
    ("english", "The tyre shop behind our villas in Bousher burns old tyres in its yard every "
     "Friday. Their phone number 9120 3387 is painted on the shutter."),
    ("arabizi", "el garage elli jamb el masjid fi el 7ail yirsh 9ubgh fi el sikka, ra8mhum "
     "maktoob 3la el bab 9934 0021"),
    ("gulf", "سيارة شفط تفرغ في الوادي ورى المزارع، صورت فيديو والرقم على الشاحنة 99330174 "
     "youtu.be/aQ3x"),
    ("mixed", "The contractor next door يصب خرسانة 3am, I filmed it: drive.google.com/file/d/9k "
     "واسم الشركة على اللوحة"),
    # a price questioned with "?!"
    ("english", "5 rials for a sticker to park outside my own house?! Who sets these fees?"),
    ("gulf", "٣٠ ريال عشان شهادة ما فيها إلا ختم؟! وش ذا"),
    ("msa", "خمسون ريالاً مقابل نقل حاوية واحدة؟! نرجو مراجعة هذه الرسوم"),
    # a shortage counted against homes or a whole lane
    ("english", "One bin for forty flats! It overflows by noon and the cats tear the bags."),
    ("arabizi", "7awiya wa7da l 15 bait w tinkib kil yom, nabi wa7da thania"),
    ("gulf", "عمود واحد بس شغال في الحارة كلها والباقي طافي من شهر"),
    # a fee on the writer's own bill, raised with no word; a shop's price against the posted one
    ("mixed", "رسوم البلدية على my water bill went up from 2 to 5 OMR بدون أي إشعار، "
     "account 4420019"),
    ("msa", "تضاعفت رسوم النفايات في فاتورة الكهرباء من ثلاثة إلى ستة ريالات دون سبب، "
     "رقم الحساب 3301287"),
    ("gulf", "البقالة اللي عند الدوار يحاسبون على ربطة الخبز ٣٠٠ بيسة والمكتوب على الرف ٢٠٠"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), REPORTS, ids=_ids(REPORTS))
def test_a_witness_an_indignant_payer_or_a_shortage_is_no_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=0.9) is None, form


ADVERTS = [
    # a notice to residents selling a service, with a booking or a call
    ("msa", "تنبيه لسكان حي الموج: بدأت حملة رش البعوض للمنازل، احجز موعدك على 92118870"),
    ("english", "Attention residents of Al Mawaleh: annual drain flushing for villas, book on "
     "9300 1122"),
    ("arabizi", "i3lan l ahali el ma3bela: tan9eef 5azzanat el may w ta3qeem, 7ijz 3la "
     "9520 6613"),
    # chain messages in more words
    ("gulf", "الحين القروبات تتكلم عن خطف بنات عند الحدائق، طرشوها لكل قروباتكم"),
    ("english", "Water cut across Seeb for 3 days from Sunday, pass this on to every group "
     "you have"),
    ("msa", "ادعية الصباح المباركة، انشره لكل من تعرف ولا تجعله يقف عندك"),
    # the municipality's works and paperwork sold to the reader; job and visa agents
    ("mixed", "Demolition و تكسير مباني قديمة، we serve all areas of Muscat، 9633 2201"),
    ("english", "Permit drawings approved by the municipality, done in 7 working days, call "
     "9811 2204"),
    ("msa", "مطلوب عمال نظافة براتب مغري وسكن مجاني، أرسل صورة البطاقة على 95112203"),
    ("arabizi", "shaf6 bayarat mu3tamadeen mn el baladiya, kallimna 9501 2233"),
    ("gulf", "محل حلويات للتقبيل في السيب، ديكور كامل، للجادين 92551109"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), ADVERTS, ids=_ids(ADVERTS))
def test_a_notice_chain_trade_or_agent_in_municipal_words_is_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.5, advert_probability=None) == SPAM, form


def test_a_notice_negated_in_its_first_words_is_no_offer_to_the_reader() -> None:
    # "no notice to residents" is a complaint; "a notice to residents" heads a promotion
    for text, parts in (
        ("ما في أي تنبيه للسكان قبل ما قطعوا الماي", 0),
        ("تنبيه للسكان قبل ما قطعوا الماي", 1),
    ):
        reading = read(text)
        assert _advert_cues(reading.raw, list(reading.words))[2] == parts, text


def test_one_price_for_the_whole_house_is_no_shortage() -> None:
    assert screen("سعر واحد للبيت كله، تنظيف كامل، اتصل 92334455", 0.5, 0.9) == SPAM
    assert screen("حاوية واحدة للحارة كلها، تنكب كل يوم", 0.5, 0.9) is None
