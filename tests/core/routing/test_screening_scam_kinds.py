"""Nineteenth screening pass (issue 17): the scams and adverts that spam an Omani
municipality's channels, each kind in every form, and the citizens who write about them.

A fake renewal ordered through a link (a health card, a Mulkiya, a shop's licence), a prize
wheel, a parcel held for a fee, trading returns, instant loans and cards, plots by instalment
with the deed ready, job and visa agents, tyre fitting, followers for sale, chain messages and
a taken-over account asking for the code are a seller's or scammer's words. The advert model
is kept out (None) and the router hesitates (0.55), so the rules alone decide. A citizen
warning of such a message, reporting a leaflet on their car, signing a hazard report with
their company's name or telling us their own account was taken over is no spam, whatever the
advert model says (forced to 0.9).
"""

from __future__ import annotations

import pytest

from core.routing.screening import SPAM, screen


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{form}-{i}" for i, (form, _) in enumerate(cases)]


SCAMS = [
    # a renewal ordered through a link with a deadline
    ("english", "Your Mulkiya expired yesterday. Renew your registration through the link "
     "within 24 hours to avoid a penalty"),
    ("msa", "انتهت بطاقتك الصحية، جدد بطاقتك عبر الرابط خلال ٤٨ ساعة وإلا ستفرض غرامة"),
    ("gulf", "رخصة محلك حقك خلصت، جددها من الرابط قبل لا يسكرون المحل"),
    ("arabizi", "el ba6aqa 7aggak 5ala9at, jaddidha min el rabi6 gabl la tit3aqab"),
    ("mixed", "Final notice: الملكية حقك expired، renew now عبر الرابط"),
    # a prize wheel, a parcel held for a fee
    ("english", "You have been selected! Spin the wheel and take home a 500 OMR voucher"),
    ("msa", "تم اختيار رقمك في سحب الشهر، استلم جائزتك بعد دفع رسوم الشحن"),
    ("arabizi", "liff el 3ajala w irba7, kil el mushtarikeen yfoozoon"),
    ("english", "Your parcel is on hold at the depot, a storage fee of 0.400 OMR is due"),
    ("gulf", "شحنتك معلقة عند المندوب، ادفع نص ريال رسوم إعادة التوصيل"),
    ("arabizi", "el shu7na 7aggak mo3allaqa, idfa3 el rusoom 0.300 3shan nwa9lha"),
    # trading, loans, plots by instalment
    ("mixed", "AI trading يشتغل بدالك، daily profit مضمون، deposit 50 USDT"),
    ("gulf", "قرض فوري للمتقاعدين لين ٢٠ ألف، بدون شهادة راتب"),
    ("msa", "أراض سكنية بالتقسيط على خمس سنوات والصك جاهز"),
    ("arabizi", "ara'9i fi el seeb bil taqseet, el sak jahiz w awal dafa3 400 riyal"),
    # jobs and visas, tyres, followers
    ("english", "Now hiring delivery riders, salary 300 OMR, send CV on WhatsApp"),
    ("arabizi", "feeza 7urra w naql kafala, tanazul saree3, kallimna"),
    ("mixed", "Tyres جديدة، free fitting and balancing على كل أربعة"),
    ("gulf", "زيادة متابعين حقيقيين، ألف متابع حقيقي بثلاث ريال"),
    # chain messages, a taken-over account asking for the code
    ("msa", "انشرها ولك الأجر ولا تخليها توقف عندك، وانضموا إلى قناتنا"),
    ("arabizi", "insharha w lak el ajr, w ishtarik fi el qanat"),
    ("english", "Hey it's me, this is my new number. A code came to you by mistake, send it "
     "back to me"),
    ("gulf", "هذا رقمي الجديد، وصلك كود مني بالغلط ارسل لي الكود"),
    ("mixed", "Please vote for my بنتي في المسابقة، enter the code اللي يوصلك"),
]  # fmt: skip

LOOK_ALIKES = [
    ("english", "My father got a text saying his Mulkiya expired and to renew it through a "
     "link. Is this from you? Please warn people"),
    ("english", "This is Hamed, Al Reef Trading LLC. Our truck cracked a water pipe near the "
     "Rusayl roundabout and water is gushing onto the road, tel 9xxxxxxx"),
    ("english", "My WhatsApp was hacked. If you get a message from my number asking for a "
     "code, please ignore it"),
    ("msa", "وصلتني رسالة تطلب مني دفع رسوم إعادة توصيل شحنة عبر رابط، هل هذه الرسالة "
     "منكم؟"),
    ("msa", "محل إطارات في صناعية بركاء يحرق الإطارات القديمة كل ليلة والدخان يدخل البيوت"),
    ("gulf", "واحد لاصق ورقة إعلان قروض على زجاج سيارتي في مواقف المول"),
    ("gulf", "تهكر حسابي وقاعد ينشر إعلانات تداول باسمي، لو وصلكم شي مني لا تردوا عليه"),
    ("arabizi", "7isabi in hakar, lo jakum mni 6alab floos la triddoon 3alaih"),
    ("arabizi", "wa7d 7a6 i3lan 'qar9 fawri' 3la sayyarti w 5arrab el zujaj"),
    ("mixed", "جاني msg يقول 'spin the wheel and win' is this legit؟"),
    ("mixed", "Our volunteer group نبي ننظف شاطئ العذيبة يوم السبت، who should we contact?"),
    ("msa", "دفعت عشرين ريالا لصهريج ماء لأن المياه مقطوعة عن حارتنا في السيب منذ يومين"),
]  # fmt: skip


@pytest.mark.parametrize(("form", "text"), SCAMS, ids=_ids(SCAMS))
def test_a_scam_or_advert_of_a_listed_kind_is_spam(form: str, text: str) -> None:
    assert screen(text, category_confidence=0.55, advert_probability=None) == SPAM


@pytest.mark.parametrize(("form", "text"), LOOK_ALIKES, ids=_ids(LOOK_ALIKES))
def test_a_citizen_writing_about_a_scam_or_signing_a_report_is_no_spam(
    form: str, text: str
) -> None:
    assert screen(text, category_confidence=0.55, advert_probability=0.9) != SPAM
