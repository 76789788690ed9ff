"""Not for us: empty, gibberish, spam and adverts, flagged for an agent (never dropped).

A false flag costs a citizen a slower answer, and a spam flag costs the usual acknowledgement
(no mail back to spammers; a neutral one where no backscatter is possible or the text still
names a place or a problem, `names_place_or_problem`), so the rules are conservative. Spam needs two things:
advertising intent (the router's learned advert model, or phrase cues: offers, prices, sales,
loans, prizes, calls to buy) and no municipal problem. Contact details are never a cue on
their own: citizens are asked to give a phone number, an email address or a link to their
photos. A message that describes a problem and a place, or reports advertising or a business,
is never spam whatever it also says; the router's confidence in a category clears an advert
found by one phrase cue only. The cues are read in the writer's own words: what a citizen
quotes, retells or asks about is the thing reported, not their intent (seventeenth pass). Figures on a labelled set of adverts, scams and genuine reports with
contact details: docs/ROUTING_DATA.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from core.routing.lexicon import PLACE_TERMS, concepts
from core.routing.reading import Reading, read
from core.routing.terms import TermIndex, index_terms, variants

EMPTY = "empty"
GIBBERISH = "gibberish"
SPAM = "spam"

# A router answer at least this confident clears a borderline advert (see _is_spam). Set
# below the triage threshold (0.6): a hesitant but plausible report keeps its acknowledgement.
MUNICIPAL_CONFIDENCE = 0.5
# The advert model's probability (classifier.py: a logistic model on the router's features,
# adverts and scams against every genuine training row) at which a message has advertising
# intent without any cue. Chosen on out-of-fold predictions of the shipped rows (5 folds, fold
# seeds 0 and 1): the lowest threshold at which no genuine row is flagged on either seed;
# rechecked with the seventh pass's rows (a genuine Arabizi row reaches 0.49 on seed 1;
# docs/ROUTING_DATA.md). The problem-and-place and reported-advertising guards still clear it.
# Ninth pass: 0.4 is the lowest clean one on both seeds, but only after guards written from
# the rows above it, and an Arabizi hygiene report sits at 0.39; 0.45 keeps a margin and
# catches 4 and 1 more of 287 shipped adverts out of fold than 0.5 (docs/ROUTING_DATA.md).
ADVERT_THRESHOLD = 0.45
# Twelfth pass: the router's confidence at which a message that says where, and has no
# seller's phrase at all, is taken as a report though the advert model leans to an advert
# (the issue's "a message the router places in a municipal category with reasonable
# confidence"). Out of fold (seeds 0-2) 0.8 clears 1-2 of 405 adverts (a shop's offer that
# names its area); at 0.5 it would clear 4, and without the place 13-16.
# Fourteenth pass: the triage threshold (0.6), whatever the advert model or the cues say, once
# an offer to the reader (_OFFER) and promotions count as seller's phrases: out of fold (seeds
# 0 and 1) it clears no more shipped advert than 0.8 did, and with the advert model forced to
# 0.9 it clears 85-95 more genuine rows (docs/ROUTING_DATA.md).
REPORT_CONFIDENCE = 0.6
# Seventeenth pass: the router's confidence at which a message with no seller's word at all (no
# strong or weak cue, no part of an offer, in the writer's own words) is a report whatever the
# advert model says: the issue's "placed in a municipal category with reasonable confidence".
# Out of fold (seeds 0 and 1, adverts in the folds) 0.6 lost 9-10 of 405 shipped adverts that
# only the advert model catches (salary advances, an online shop, an inheritance scam), 0.9
# 3-4, before the seller's words below took most of them back; with the advert model forced to
# 0.9 it clears 370-380 more genuine rows that only the model's margin guarded.
CLEAR_CONFIDENCE = 0.9
# A bare domain starts where a run of word characters and hyphens starts (the look-behind), so
# a long run is scanned once, not once per position inside it.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w-])[\w-]+\.(?:com|net|org|io|xyz|info|biz|ly|me|top|site"
    r"|online|shop|store|click|link|live|app|co|om)\b",
    re.I,
)
_EMAIL = re.compile(r"@[\w-]+\.\w")
# Advertising intent: offers, sales and rentals, money and prize scams, calls to buy. Never
# contact words ("للتواصل", "call me", "whatsapp"): a citizen uses them too.
_AD_TERMS = (
    # twenty-third screening pass: coursework written for pay, equipment let by the day
    "حل الواجبات", "حل واجبات", "7al wajibat", "7al el wajibat", "homework help",
    "assignments done", "daily and weekly rates", "weekly rates", "rental for events",
    # a promise to spare the reader the municipality's counter; a channel promoted
    "no visit needed", "no need to visit", "no documents needed", "no paperwork needed",
    "ما تحتاج تراجع", "بدون ما تراجع", "bdoon ma trajji3", "bdoon ma traji3", "my channel",
    "our channel", "قناتي", "قناتنا", "qanati", "qanatna", "like and subscribe",
    "اشتركوا في", "اشترك في القناه", "اشتركوا بالقناه", "ishtarikoo", "ishtarkoo",
    "chance to win", "win a free", "فرصه للفوز", "bala ma traji3", "bdoon ma traji3",
    "بلا ما تراجع",
    "buy now", "order now", "shop now", "call now", "book now", "register now", "join now",
    "limited offer", "limited time", "special offer", "offer=", "offers=", "deal=", "deals=",
    "discount", "sale=", "mega sale", "free delivery", "free installation", "best price",
    "lowest price", "for sale", "for rent", "we buy", "click here", "claim", "you have won",
    "lucky draw", "prize", "crypto", "bitcoin", "forex", "trading", "invest", "guaranteed",
    "double your money", "earn", "per day", "loan", "low interest", "seo=", "followers",
    "whatsapp us", "subscribe", "promo", "free quote", "dear customer", "verify your",
    "card is suspended", "للبيع", "للايجار", "خصم", "خصومات", "تخفيضات", "عرض خاص", "عروض",
    "اطلب الان", "اتصل الان", "اتصل الحين", "سجل الان", "التوصيل مجاني", "توصيل مجاني",
    "تركيب مجاني", "تمويل", "قرض", "قروض", "بدون تحويل راتب", "اربح", "ربحت", "ربح مضمون",
    "جايزه", "جائزه", "العملات الرقميه", "بيتكوين", "تداول", "استثمر", "استثمار", "واتساب فقط",
    "سعر مغري", "بسعر مغري", "اسعار مغريه", "ارخص الاسعار", "عزيزي العميل", "تحديث بياناتك",
    "ايقاف بطاقتك", "بطاقتك البنكيه", "special=", "lil bai3", "5a9m", "khasm", "o6lub",
    "itasil al7een", "3roodh", "3orood", "mughri", "ruba7t", "jayza", "tamweel",
    # Offers, shops and scams (issue 17, second pass): what only a seller or a scammer says.
    "half price", "cash on delivery", "dm us", "dm me", "dm for", "order via", "order on",
    "prices from", "packages start", "no down payment", "affordable prices", "competitive prices",
    "customs fee", "reply with your", "work from home", "no experience needed", "100% safe",
    "get rich", "you won", "t.me", "نصف السعر", "لفتره محدوده", "احجز موعدك", "احجز الان",
    "اسعار تنافسيه", "سعر خاص", "قابل للتفاوض", "المهتم يتواصل", "المهتم يكلمني", "بالاقساط",
    "بدون دفعه", "دون كفيل", "بدون كفيل", "فائده منخفضه", "موافقه فوريه", "فاز رقمك",
    "رقمك الفائز", "رسوم الشحن", "دخل يومي", "ادفع اشتراك", "تعليق حسابك", "حسابك المصرفي",
    "رمز التحقق", "lel bee3", "lil bee3", "lelbee3", "3ard 5as", "bdon kafeel", "8ro9", "qroo9",
    "fa2z", "jayeza", "jaa2iza", "bayanat el bitaqa", "mutaba3",
    # The seller's own voice and account scams (issue 17, third pass): "call us", "our prices".
    "call us", "contact us", "visit us", "we visit", "we buy", "our prices", "best rates",
    "free consultation", "for the price of", "delivery all over", "confirm your details",
    "update your", "will be closed", "redelivery", "تواصل معنا", "اتصل بنا", "اتصلوا بنا",
    "كلمونا", "اسعارنا", "بافضل الاسعار", "باسعار مناسبه", "باسعار رمزيه", "بارخص سعر",
    "ارخص سعر", "الاستشاره مجانيه", "قابل للنقاش", "التوصيل لكل", "الرقم السري", "تم تجميد",
    "kalmoona", "kalmona", "kalmna", "kalimna", "majjanan", "majanan",
    "qabil lel tafawudh",
    # Sellers' phrases of other trades (issue 17, seventh pass): bookings, deliveries, buyers
    # of scrap, refund and card scams; written from general advert vocabulary.
    "seats limited", "limited seats", "limited stock", "book your slot", "same-day service",
    "same day service", "free towing", "any condition", "enter your card", "card details",
    "24/7 booking", "money back", "delivered to your door", "order before", "see our work",
    "follow us", "early bird", "cash price", "first session", "بأعلى سعر", "بأعلى الأسعار",
    "السحب علينا", "احجزي", "يوصلكم", "اطلب قبل", "المقاعد محدودة", "المقاعد محدود",
    "مقاعد محدود", "دوره مكثفه", "intensive course", "dawra mukathafa", "أدخل بيانات",
    "ادخل بيانات", "بيانات بطاقتك", "أول جلسة", "بنص السعر", "حول العربون", "حوّل العربون",
    "أرقام مميزة", "شحن لجميع", "اطلبها الآن", "اطلبه الآن", "i7jzi", "i7jiz", "a3la si3r",
    "el sa7b 3alaina", "ywa9lkum", "nu9 el si3r", "awwal jalsa", "idfa3 el ishtirak",
    "message us", "packages from", "consultation free", "call for rates", "for hire",
    "free tickets", "complete the survey", "processing fee", "file fee", "limited quantity",
    "quantity limited", "monthly returns", "get the 3rd free", "appointments on whatsapp",
    "رسوم الملف", "التعيين مضمون", "للأسعار", "باقات تبدأ من", "حملة تجريبية", "حجز مسبق",
    "الكمية محدودة", "أرباح", "اثباتات التحويل", "إثباتات التحويل", "rusoom el malaf",
    "arbaa7", "ithbatat",
    # Arabizi sellers' words, each spelling listed (issue 17, ninth pass): discounts, offers,
    # loans, prizes, free delivery, "message us", "order now", written from general knowledge.
    "5asm", "5usoomat", "khusoomat", "5a9omat", "takhfeedhat", "takhfeedat", "ta5feedat",
    "ta5fee9at", "3ard 5a9", "3ardh 5aas", "3ard 5aa9", "3ard 5aas", "3urood", "3rood", "3roo9",
    "3roodh el", "b nu9 el si3r", "itta9il al7een", "ittasil al7een", "itta9l al7een",
    "kallimna al7een", "kalmna al7een", "whatsapp al7een", "wtsp al7een", "whatsapp now",
    "tawa9al ma3ana", "tawasal ma3na",
    "tawa9al ma3na", "tawa9alo ma3na", "tawseel majjani", "tawseel majani", "tawseel mjani",
    "tawseel bilash", "el tawseel majjani", "el tawseel majani", "qar9 shakh9i", "qroodh",
    "qurood", "gro9", "groo9", "salafa", "salaf 3la el ratib", "bdoon kafeel", "bala kafeel",
    "bdon kfeel", "muwafaqa fawriya", "mwafaqa fawriya", "el muwafaqa fawriya", "irba7",
    "rba7t", "rabi7t", "ja2iza", "jaiza", "jayiza", "el sa7b 3la", "i6lub al7een", "i6lub",
    "o6lubha", "i6lboo", "el kamiya ma7dooda", "lfatra ma7dooda", "li fatra ma7dooda",
    "lfatra m7dooda", "lel bai3", "lel ijar", "lil ijar", "lil eejar", "lel eejar",
    "salafa fawriya", "jumla w mufarrag", "mabaashara mn el maalik", "mubashara mn el maalik",
    "nzoorkum", "el kamiya galeela", "el kamiya ma7dooda", "ra8m el bi6aaqa", "bayanaat el bi6aaqa",
    # Arabizi account scams (tenth pass): "dear customer", "your bank account will be frozen",
    # "update your details", each spelling listed
    "3azeezi el 3ameel", "3azizi el 3ameel", "3azeezi el 3ameil", "7isaabak el ma9rifi",
    "7isabak el ma9rifi", "7isaabak el masrafi", "7isabak el masrafi", "ra7 yitjammad",
    "sa yitjammad", "bi yitjammad", "7addith bayanaatak", "7adith bayanatak",
    "7addith bayanatak", "7addis bayanatak", "bayanaat bi6aaqtak", "bayanat bi6aqtak",
    # Kinds of advert the eleventh pass's sub-topic list named (docs/ROUTING_DATA.md), each in
    # every form: visa and maid agents, driver recruitment, salary loans and cards, trading
    # returns, flats by size, home tutors and movers who come to you, slimming, fines that
    # threaten a travel ban or doubling, donations to an account, chain messages, sponsored
    # posts, Eid bundles, catering orders, internet subscriptions.
    "visit visa", "work visa", "visa within", "فيز زياره", "فيزا زياره", "تاشيرات عمل",
    "تاشيره عمل", "تاشيرات زياره", "fee8 ziyara", "feez ziyara", "veeza ziyara", "maids available",
    "شغالات جاهزات", "shaghalat jahzeen", "drivers wanted", "hiring drivers", "riders wanted",
    "hiring delivery", "earn up to", "salary up to", "flexible hours", "send your cv",
    "مطلوب سائقين", "مطلوب سائقون", "مطلوب سواقين", "مطلوب سواق", "ne7taj sawaaqeen",
    "matloob sawaqeen", "الدوام على كيفك", "el dawam 3la keefak",
    "no salary transfer", "without salary transfer", "bdoon ta7weel ratib", "bdon ta7weel ratib",
    "no bank statement", "approval within", "instant approval", "signals group", "vip signals",
    "weekly return", "عائد اسبوعي", "خل فلوسك", "5alli floosak", "arba7 kil usboo3",
    "ارباح كل اسبوع", "bhk", "serious tenants", "family only", "للعائلات فقط", "عائلات فقط",
    "home tutor", "private tutor", "private lessons", "اجي البيت", "aji el bait", "نجي لك وين",
    "nji lik wain", "wain ma kint", "وين ما كنت", "اينما كنت", "wherever you are",
    "house shifting", "packers", "فك وتركيب", "fak w tarkeeb", "slimming", "weight loss",
    "lose weight", "no diet", "تنحيف", "انقاص الوزن", "لانقاص الوزن", "بدون رجيم", "tan7eef",
    "bdoon rijeem", "travel ban", "منع سفرك", "ينمنع سفرك", "yinmana3 safarak",
    "قبل ما تتضاعف", "قبل لا تتضاعف", "تجنبا لمضاعفتها", "before it doubles", "any amount helps",
    "every rial counts", "transfer to the account", "transfer to account", "حول على الحساب",
    "التحويل على الحساب", "7awwil 3la el 7isab", "ولو بريال", "wlaw b riyal", "كفاله يتيم", "ولك الاجر", "رقم حسابها",
    "رقم حسابه", "ra8m 7isaabha", "ra8m 7isabah", "forward this", "share this message",
    "break the chain", "لا تقطع السلسله", "انشرها", "inshirha", "la twagifha", "لا توقفها",
    "اعلان ممول", "sponsored ad", "i3laan mumawwal", "buy 2 get", "buy one get",
    "الثالثه مجانا", "ما تتعوض", "ma tit3awadh", "نقبل الطلبات", "الطلبات تبدا", "orders from",
    "el talabat tibda", "اشترك الحين", "اشترك الان", "subscribe now", "ishtarik al7een",
    "installation free", "التركيب مجانا",
    # a demand to pay with a threat, as fake fines word it (twelfth pass): the municipality's
    # own notices are not sent through this channel, and a citizen quotes them as a question
    "avoid legal action", "legal action will", "لتجنب الاحاله", "لتجنب الاجراءات",
    "تجنبا للاجراءات", "قبل تتضاعف", "8abl la tit9a3af", "gabl la tit9a3af", "tit9a3af",
    "titdha3af", "tit6a3af",
    # fourteenth pass, by meaning in every form: prices given only in private messages ("DM
    # to buy"), a sales season, the cheapest price and limited seats where a form lacked them
    "price in dm", "prices in dm", "inbox us", "price in inbox", "على الخاص", "ع الخاص",
    "بالخاص", "السعر خاص", "3la el 5a9", "3al 5a9", "3la el khas", "3al khas", "bil 5a9",
    "تنزيلات", "tanzeelat", "tanazeelaat", "tanazeelat", "tanzilat", "ar5a9 si3r",
    "ar5as si3r", "arkhas si3r", "b ar5a9", "el maqa3id ma7dooda", "el mgaa3id ma7dooda",
    "السعر يبدا", "الاسعار تبدا", "بسعر يبدا", "el si3r yibda", "el as3ar tibda",
    # a demand to pay now, a buyer of the reader's goods or debts, a request to forward a code
    "pay now", "ادفع الان", "ادفع الحين", "سدد الان", "سددها الان", "idfa3 al7een",
    "idfa3 alaan", "saddid al7een", "نشتريها", "نشتريه", "نشتري منك", "we buy any",
    "nishtariha", "nishtareeha", "nishtari 3nk", "nishtari 3ank", "nishtari minnak",
    "send it to me", "ارسله لي", "ارسلها لي", "ترسله لي", "ترسلها لي", "tirsila li",
    "tirsilah li", "tirsilha li", "irsila li", "irsilah li",
    # eighteenth screening pass: a promotion's terms in every form (installments sold as easy,
    # a first month free, stock running out, shipping free, a link in the seller's bio)
    "easy installments", "easy instalments", "easy monthly installments", "0% interest",
    "interest free", "interest-free", "اقساط مريحه", "باقساط مريحه", "اقساط ميسره",
    "باقساط ميسره", "دفعات مريحه", "دفعات ميسره", "بدون فوايد", "dafa3at mureeha",
    "dafa3at muree7a", "aqsa6 mureeha", "aqsat mureeha", "bdoon fawa2id",
    "first month free", "first month on us", "الشهر الاول مجانا", "اول شهر مجانا",
    "awwal shahar majjan", "awwal shahar majjani", "while stocks last", "while stock lasts",
    "حتي نفاد الكميه", "لحين نفاد الكميه", "الي نفاد الكميه", "free shipping", "شحن مجاني",
    "الشحن مجاني", "sha7n majjani", "link in bio", "link in our bio", "الرابط في البايو",
    "الرابط بالبايو", "el link fil bio", "follow our page", "تابعوا حسابنا", "تابعونا علي",
    # nineteenth screening pass, by kind in every form: a fake renewal's order (health card,
    # Mulkiya, a shop's licence), a prize wheel, a parcel held for a fee, trading returns,
    # instant loans and cards, plots by instalment with the deed ready, job and visa agents,
    # tyre fitting, followers for sale, chain messages, a hijacked account asking for the code
    "renew now", "renew today", "renew it now", "renew your", "جدد الان", "جدد الحين",
    "جددها الحين", "جددها الان", "جدد بطاقتك", "جدد رخصتك", "jaddid al7een", "jaddidha",
    "jaddidha al7een", "spin the wheel", "spin to win", "عجله الحظ", "لف العجله",
    "lif el 3ajala", "liff el 3ajala", "you have been selected", "your number was selected",
    "your number has been selected", "تم اختيار رقمك", "claim your prize", "استلم جائزتك",
    "استلم جايزتك", "istalim jaa2iztak", "istalim jayiztak", "all participants win",
    "كل المشاركين فايزين", "parcel is on hold", "package is on hold", "shipment is on hold",
    "parcel could not be delivered", "package could not be delivered", "شحنتك معلقه",
    "طردك معلق", "شحنتك متوقفه", "shu7natak mo3allaqa", "shu7natak m3allaqa",
    "el shu7na 7aggak", "el shu7na 7agak", "6ardak mo3allaq", "idfa3 el rusoom",
    "idfa3 rusoom", "trading bot", "ai trading", "usdt", "passive income", "daily profit",
    "daily profits", "vip group", "join the vip", "ارباح يوميه", "ربح يومي", "ارباح مضمونه",
    "arba7 yomiya", "arba7 yawmiya", "ribi7 yawmi", "tadawul", "istithmar", "isti8mar",
    "credit card approval", "card approval", "no salary certificate", "بدون شهاده راتب",
    "قرض فوري", "gar 9 fawri", "gar9 fawri", "qar9 fawri", "garth fawri", "بالتقسيط",
    "bil ta8see6", "bil taqseet", "bil ta8seet", "bel taqseet", "bil tagseet", "الصك جاهز",
    "الصكوك جاهزه", "el sak jahiz", "el 9ak jahiz", "وظائف شاغره", "wadhayef shaghira",
    "wadha2if shaghira", "job vacancies", "vacancies available", "we are hiring",
    "now hiring", "hiring now", "nabi sawaqeen", "nabi sawwaqeen", "نبي سواقين", "free visa",
    "فيزا حره", "فيز حره", "feeza 7urra", "تنازل سريع", "جاهزات للنقل", "jahzat lel naql",
    "jahzeen lel naql", "راسلنا خاص", "راسلنا على", "راسلونا خاص", "rasilna 3la",
    "rasilna 5a9", "kallimna", "kallimoona", "fitting and balancing", "fitting و balancing",
    "fitting w balancing", "free fitting", "free balancing", "تركيب وترصيص", "ترصيص مجاني",
    "tarkeeb w tar9ee9", "free course", "الدوره مجانيه", "el dawra majjaniya",
    "el dawra majaniya", "زياده متابعين", "ziyadat mutaba3een", "real followers",
    "verified badge", "blue tick", "لا تجعلها تقف عندك", "لا تخليها توقف عندك",
    "لا تخليها تقف عندك", "insharha", "inshurha", "anshurha", "lak el ajr", "wlak el ajr",
    "la t5alleeha", "la tkhalleeha", "send this to 10", "forward it to 10", "forward to 10",
    "join our channel", "اشترك في القناه", "تابعوا القناه", "ishtarik fi el qanat",
    "ish tarik fi el qanat", "send me the code", "send it back to me", "ارسل لي الكود",
    "ارسلي الكود", "الكود اللي وصلك", "el code elli wa9alk", "el code elli wa9lak",
    "vote for my", "صوت لي", "sawwit li", "apply now", "قدم طلبك الان", "قدم الان",
    "qaddim al7een", "qaddim 6alabak", "انضم الي قناتنا", "انضموا الي قناتنا",
    "ارسلها الي عشره", "ارسلها لعشره", "رسوم اعاده التوصيل", "اعاده التوصيل", "عميلنا العزيز",
    "متابع حقيقي", "متابعين حقيقيين", "التركيب علينا", "الترصيص علينا", "خذ عرضك",
    "tarkeeb 3alaina", "rusoom ta5zeen", "rusoom takhzeen", "رسوم تخزين", "storage fee",
    "send me el code", "irsil li el code", "irsili el code", "6arrish li el code", "send cv",
    "send your resume",
    # twentieth screening pass: a refund offered to the reader for their details, as fake
    # utility and fee refunds word it; a customer asks for their own money back
    "بيانات البطاقه", "رقم حسابك", "نرجع لك المبلغ", "نرجعلك المبلغ", "نرجع لك فلوسك",
    "نعيد لك المبلغ", "claim your refund", "get your refund", "your refund is ready",
    "we will refund you", "we'll refund you", "send your account number", "your card number",
    "ra8m 7isabak", "raqam 7isabak", "nrajji3 lak el mablagh", "nrajji3lak floosak",
    "nrajji3 lak floosak",
    # twenty-first screening pass, by kind in every form: chain messages' orders to pass them
    # on, a free inspection visit offered, a price "that pleases you", a listing's terms
    "انشروها", "ارسلوها لكل", "ارسلوها للكل", "للاهل والاصدقاء", "لاهلك واصدقائك",
    "لكل اصدقائك", "لكل من تعرف", "share before", "before it s too late", "forward to everyone",
    "forward it to everyone", "send it to everyone", "share with everyone", "share it with all",
    "inshirooha", "inshiroha", "nshirooha", "irsilooha", "6arrishooha", "6arrishoha",
    "lil ahal w el a9diqa2", "lel ahal w el as7ab", "l ahlak w a9diqa2ak", "free site visit",
    "free inspection", "free survey", "معاينه مجانيه", "المعاينه مجانيه", "المعاينه مجانا",
    "معاينه مجانا", "الكشف مجاني", "mu3ayana majjaniya", "mu3ayna majjaniya", "mu3aina majaniya",
    "el kashf majjani", "سعر يرضيك", "اسعار ترضيك", "si3r yir9eek", "si3r yirdheek",
    "as3ar tir9eek", "serious enquiries", "serious inquiries", "serious buyers",
    "للجادين", "lil jaddeen", "lel jaddeen", "prime location",
    # a chain message's promise and plea, a scam's "dear citizen", an offer's terms
    "لا تكسر السلسله", "don't break the chain", "costs nothing", "ما تكلفك شي", "ما بتخسر شي",
    "بتسمع خبر", "بيجيك رزق", "btisma3 5abar", "ra7 tisma3 5abar", "byjeek rizq",
    "عزيزي المواطن", "عزيزي المقيم", "dear citizen", "dear resident", "3azeezi el muwa6in",
    "3azizi el muwa6in", "3azeezi el muwatin", "بياناتك ناقصه", "your details are incomplete",
    "bayanatak na8sa", "bayanatak naqsa", "first visit free", "first visit is free",
    "الزياره الاولي مجانا", "الزياره الاولي بلا مقابل", "الزياره الاولي مجانيه",
    "اول زياره مجانيه", "awwal ziyara majjaniya", "el ziyara el oola majjan", "عرض الشهر",
    "offer of the month", "3ard el shahar", "3ard el shahr", "التركيب والتوصيل",
    "التوصيل والتركيب", "el tarkeeb w el tawseel", "للطلب=", "lil 6alab=", "lel 6alab=",
    "حاكونا", "حاكينا", "7akoona", "7akeena", "jobs welcome", "pitch to let", "space to let",
    "shop to let", "kiosk to let", "unit to let", "office to let",
    # twenty-second screening pass, by kind in every form: a shop sold as a going concern, a
    # trade claiming the municipality's approval (a citizen asks whether it is, in a question
    # or a quote, which the own-words reading leaves out), job and visa agents' terms, a
    # prize "your number won", a refund's bank details, a chain's promise, a deed ready
    "للتقبيل", "lil taqbeel", "lel taqbeel", "lil tagbeel", "for takeover",
    "approved by the municipality", "municipality approved", "approved by muscat municipality",
    "معتمد من البلديه", "معتمده من البلديه", "معتمدين من البلديه", "معتمدون من البلديه",
    "mu3tamad mn el baladiya", "mu3tamad min el baladiya", "mu3tamadeen mn el baladiya",
    "mu3tamadeen min el baladiya", "mu3tamada mn el baladiya", "urgent hiring",
    "visa provided", "free accommodation", "passport copy", "copy of your passport",
    "براتب مغري", "راتب مغري", "رواتب مغريه", "سكن مجاني", "ارسل صوره البطاقه",
    "ارسل صوره جوازك", "no certificate needed", "ما يحتاج شهاده", "لا يشترط شهاده",
    "ma y7taj shahada", "ma yi7taj shahada", "bdoon shahada", "ratib mughri", "rawatib mughriya",
    "رقمك فاز", "ra8mak faz", "raqmak faz", "confirm your bank", "your bank details",
    "سترى العجب", "bitisma3 5abar", "bitsma3 5abar", "لا تجعله يقف عندك", "لا تخلونها توقف",
    "لا توقفونها", "la t5alloonha", "la tkhalloonha", "صك جاهز", "9ak jahiz", "sak jahiz",
)  # fmt: skip
# Words a seller uses that a citizen may use too ("congratulations on the new park", "the
# new branch blocks our gate"): they add to a strong cue but never make an advert alone.
_WEAK_TERMS = (
    "congratulations", "selected", "reward", "winner", "draw=", "profit", "income",
    "bank account", "brand new", "warranty", "free drinks", "free gift", "book today", "book on",
    "our new", "try our", "visit our", "new branch", "grand opening", "wholesale", "installments",
    "باقه", "باقات", "باسعار", "للمهتمين", "فرع جديد", "افتتاح", "زورونا", "جربوا", "اقساط",
    "نوفر لك", "نقدم لكم", "مطعمنا", "محلنا", "شركتنا", "خدماتنا", "التوصيل لين", "توصيل لين",
    "مبروك", "فزت", "للاستلام", "مضمون", "ضاعف", "mabrook", "mabrouk", "fozt", "si3r", "as3ar",
    "tawseel", "tawaseel", "kafeel", "nwafr",
    "home visits", "per metre", "per meter", "refund of", "fixed prices", "register before",
    "حياكم", "مبلغ مسترد", "على مدار الساعة", "احصل على", "مجاناً", "مجانا", "بالجملة",
    "7ayakom", "ishtirak", "mustarad", "made to measure", "على المقاس", "weekly visits",
    "بعقد شهري", "مجانية", "free test", "showroom", "hourly",
    # Arabizi (ninth pass): gifts, guarantees, "our shop", "visit us", "we have"
    "hadiya", "hadaya", "dhaman", "madhmoon", "madhmoona", "far3na", "ma7alna", "matjarna",
    "mat-jarna", "sharikatna", "zooroona", "zoorona", "zoorna", "majjani", "majjaniya",
    "majaniya", "ta5feed", "takhfeed", "3indna", "nwa9il", "ywa9lik", "yw9lik", "tawseel lain",
    # eleventh pass: words of the listed advert kinds that a citizen may use too ("the tutoring
    # centre is noisy", "I want to donate clothes", "the maids' stickers")
    "donate", "donation", "تبرع", "tabarra3", "tutoring", "دروس خصوصيه", "credit card",
    "بطاقه ائتمانيه", "unlimited", "غير محدود", "متابعين", "mutaba3een",
    "خبر سار", "خبر حلو", "5abar 7ilu", "good news", "scrap", "سكراب", "movers", "للمناسبات",
    "lel munasabat", "كشف حساب",
    # seventeenth pass: the sellers' words of adverts the advert model alone caught, which a
    # sure router would otherwise clear (CLEAR_CONFIDENCE): salary advances, an online shop
    "سلفه", "salary advance", "no paperwork", "بدون اوراق", "دون اوراق", "bdoon awraq",
    "متجرنا", "our store", "online store", "our online",
    # nineteenth screening pass: a scam's threat and a listing's or agent's terms, which a
    # citizen may write of their own fine, flat or maid
    "مجاني", "my new number", "رقمي الجديد", "raqmi el jdeed", "ra8mi el jdeed",
    "to avoid a penalty", "to avoid the penalty", "to avoid the fine", "to avoid a fine",
    "تجنبا للغرامه", "لتجنب الغرامه", "gabl la tit3aqab", "3shan ma tit3aqab",
    "down payment", "بمقدم", "awal dafa3", "اول دفعه", "راسلنا", "rasilna", "شهاده معتمده",
    "shahada mu3tamada", "تنازل", "نقل كفاله", "naql kafala", "sponsorship transfer",
    "medical fee", "رسوم الفحص", "rusoom el fa7s", "enter the code", "مع السكن",
    "مكتب استقدام", "عاملات منزليات", "3amilat manzil", "domestic workers", "قناتنا",
    "لايكات", "مشاهدات", "likes and views", "الترصيص", "كفرات جديده", "new tyres",
    "lazim tidfa3", "aramex", "ارامكس", "mo3allaq", "تمليك", "tamleek", "el code",
    # twenty-first screening pass: a bill's account number is the citizen's own (a question
    # about the waste fee on the electricity bill gives it); a listing's praise of its spot
    "رقم الحساب", "ideal for", "good location", "موقع مميز", "mawqa3 momtaz",
    "mawqa3 mumayyaz", "years of experience", "years in oman", "سنوات خبره", "خبره سنوات",
    "بلا مقابل", "bala muqabil", "handyman",
    # twenty-second screening pass: a receipt fee, jobs (a citizen asks after them too)
    "رسوم الاستلام", "رسوم استلام", "رسوم التسجيل", "وظائف", "wa9aif", "wadha2if", "wazayif",
)  # fmt: skip
# The advertising is what the citizen reports, or they ask whether a message is genuine: "loan
# adverts stuck on the bus stop, please remove them", "the salon has offers and no licence",
# "I got a message to pay a fine by link, is it really from you?".
_REPORTED = index_terms(
    {"reported": ["please remove", "remove them", "remove it",
     # twenty-first pass: asking us to send a team or paint over it: a seller sends nobody
     "please send someone", "please send a team", "please send an inspector",
     "نرجو ارسال فريق", "ارجو ارسال فريق", "نرجو ارسال مفتش", "نرجو ارسال احد",
     "ارجو ارسال احد", "ارسلوا لنا فريق", "tirsiloon 7ad", "tarsiloon fareeg", "paint over",
     "اطمسوها", "امسحوها", "امسحوه=", "im7ooha", "emsa7oha",
     # seventeenth pass: asking us to stop the advertising ("please stop the shops' SMS")
     "please stop", "stop them", "make them stop", "stop these", "وقفوهم", "اوقفوهم",
     "امنعوهم", "wagfoohum", "waqfoohum", "im3oohum", "ازالتها", "ازالتهم", "ازالته",
     "شيلوها", "شيلوه", "تشيلونها", "تشيلونه", "tsheeloonha", "tsheelonha", "sheeloha", "شوهت", "ملصقه", "ملصقين", "stuck on", "no licence", "no license",
     "without a licence", "without a license", "unlicensed", "illegal", "ما عنده ترخيص",
     "ما عندهم ترخيص", "بدون ترخيص", "is this real", "is it real", "is this really", "is that really", "is it really",
     "is that you", "is this you", "is it you", "هل هذا انتم", "هل هم منكم",
     "is it genuine", "is this genuine", "is this legit", "is it legit", "is this true",
     "is this a scam", "هل هذا صحيح", "هل هذه الرسالة", "from you=", "منكم", "minkom", "نصب=", "نصابين", "نصاب=", "صدق ولا",
     "scam=",
     # a complaint about a business: asking for an inspection, fake or expired goods, no permit
     "please check", "please inspect", "inspect it", "تفتيش", "التفتيش", "وهميه", "مغشوش",
     "taqleed", "ta8leed", "counterfeit", "مقلده", "يراقبهم", "يراقبونهم", "رقابه على",
     "yraqibhum", "yiraqibhum", "anyone checking",
     "مغشوشه", "تقليد", "fake=", "overcharg", "expired", "منتهيه الصلاحيه", "منتهي الصلاحيه",
     "without permit", "without a permit", "without any permit", "no permit", "اي تصريح",
     "دون تصريح", "بدون تصريح", "maghshoosh", "ashtaki",
     "اشتكي", "اشتكيت", "شكوى", "complain", "food poisoning", "تسمم", "tasammum",
     "el maktooba", "المكتوبه", "got sick", "made us sick", "we got sick", "تعبنا", "مرضنا",
     "until midnight", "all night", "every night", "طول الليل", "كل ليله",
     # sleep lost to a business's noise (fourteenth pass): only a neighbour says it
     "can't sleep", "cannot sleep", "couldn't sleep", "could not sleep", "ما نقدر ننام",
     "ما قدرنا ننام", "ما نعرف ننام", "لا نستطيع النوم", "لم نستطع النوم", "ma ngdar nnam",
     "ma gdarna nnam", "ma nigdar nnam", "ma nigdar nanam", "kil laila", "kil lail",
     # shut in by a business's goods or cars (seventeenth pass): only a neighbour says it
     "can't get out", "cannot get out", "can't leave the house", "ما نقدر نطلع", "ما نقدر نخرج",
     "ما قدرنا نطلع", "لا نستطيع الخروج", "ma ngdar n6la3", "ma nigdar n6la3", "ma gdarna n6la3"],
     # a business's goods, stalls, tables or cars blocking the public way: a complaint about it,
     # though it may quote the shop's own offer ("the sign says 50% off"; seventh blind set)
     "obstruction": ["blocking the pavement", "blocking the sidewalk", "blocking the walkway",
     "blocking the footpath", "blocking the pathway", "blocking the road", "blocking the street",
     "blocking the lane", "blocking the entrance", "blocking the way=", "blocks the pavement",
     "blocks the sidewalk", "blocks the walkway", "blocks the footpath", "blocks the pathway",
     "blocks the road", "blocks the street", "blocks the lane", "blocks the entrance",
     "blocks the way=", "blocked the pavement", "blocked the sidewalk", "blocked the walkway",
     "blocked the footpath", "blocked the pathway", "blocked the road", "blocked the street",
     "blocked the lane", "blocked the entrance", "blocked the way=",
     "obstructing", "obstructs", "encroach", "pedestrians cannot", "pedestrians can't",
     "pedestrians cant", "people cannot pass", "people can't pass", "walk on the road",
     "يمنع المشاه", "يمنعون المشاه", "منع المشاه", "يسد الممر", "يسدون الممر", "يسد الرصيف",
     "يسدون الرصيف", "سادين الرصيف", "سادين الممر", "سادين الممشى", "يسد الممشى", "سد الممشى",
     "مسكرين الممشى", "مسكرين الرصيف", "مسكر الرصيف", "يغلق الرصيف", "يغلقون الرصيف",
     "يغلق الممر", "تعدي على", "التعدي على", "متعدي على", "متعدين على", "ما نقدر نمشي",
     "ما يقدرون يمشون", "saad el mamsha", "sad el mamsha", "saad el ra9eef", "sad el ra9eef",
     "sadeen el ra9eef", "sadeen el mamsha", "msakreen el ra9eef", "msakkreen el ra9eef",
     "ysid el ra9eef", "yisid el mamar", "ysid el mamar", "ymna3 el mashya", "yimna3 el nas"],
     # a citizen asking what a service costs ("abgha a3arf kam si3r tafreegh el bayyara"):
     # sellers state prices, citizens ask them (ninth pass, out-of-fold on the shipped rows)
     "asking": ["i want to know", "i would like to know", "can you tell me", "ابغى اعرف",
     "ابي اعرف", "ابا اعرف", "اريد ان اعرف", "اود الاستفسار", "اود معرفه", "ودي اعرف",
     "abgha a3arf", "abgha a3rf", "abgha a3rif", "abga a3arf", "abi a3rf", "abi a3arf",
     "ab8a a3arf", "abgha as2al", "kam si3r", "kam el si3r", "كم سعر", "كم رسوم", "kam rusoom",
     "abgha a6lob", "abgha a6lub", "abi a6lub", "abi a6lob", "hal fi rsoom", "hal fi rusoom",
     "هل فيه رسوم", "هل توجد رسوم", "ابغى اطلب", "ابي اطلب",
     # whether a fee, a sum, a link, a sender or an "approved" offer is genuine or correct: a
     # citizen checks what a landlord, agent or message asks of them; a seller asserts it
     # (issue 17, tenth pass, written from kinds of money question, not from blind rows)
     "which is correct", "which one is correct", "which is right", "which one is right",
     "is this fee", "is that fee", "is the fee", "is this amount", "is the amount",
     "is this correct", "is that correct", "is it correct", "is the percentage",
     "is that the correct", "is that the real", "is this the real", "is this link",
     "is that link", "is this email", "is that your email", "is this your email",
     "is this your link", "is this your website", "is this your number", "did you send",
     "is this from", "is that from", "really approved", "is there an approved",
     "is that even possible", "do your inspectors", "do you collect",
     # a message the citizen received, told to us (fifteenth pass): a scammer sends, he
     # never says he got one ("got a text: clear it now at a link; do you send such texts?")
     "got a text", "got an sms", "got a message", "got this message", "got this text",
     "received a text", "received an sms", "received a message", "received this message",
     "do you send", "وصلتني رساله", "وصلني مسج", "وصلتني مسج", "جاتني رساله", "جاني مسج",
     "جاتني مسج", "ja ani msg", "jani msg", "ja atni risala", "jatni risala",
     "wa9latni risala", "wiselni msg", "telling me", "telling her", "telling him",
     "telling us", "asking me to", "asking her to", "asking him to", "asked me to", "saying i",
     "saying my", "saying that", "يطالبني", "يطلب مني", "تطلب مني", "طلبوا مني", "يقولون لي",
     "ygool", "tgool", "ygoloon",
     # whether a business may do what it does (fifteenth pass): "is an agency allowed to..."
     "allowed to do", "is that allowed", "is this allowed", "is it allowed", "are they allowed",
     "هل يسمح", "هل مسموح", "مسموح لهم", "مسموح له", "hal masmoo7", "masmoo7 lahum",
     "masmoo7 lah",
     "هل المبلغ", "المبلغ صحيح", "المبلغ الصحيح", "هل النسبه", "هل الرسوم", "هل هذه الرسوم",
     "هذه الرسوم حقيقيه", "هل الرابط", "هل هذا الرابط", "الرابط هذا", "تابع لكم", "تابعه لكم",
     "هل البريد", "الايميل حقكم", "الايميل تابع", "هل ارسلتم", "هذي منكم", "هذا منكم", "صح هالكلام",
     "صح هذا الكلام", "هل هذا الكلام", "ايش الصح", "ايهما الصحيح", "فايهما الصحيح",
     "معتمده فعلا", "صدق معتمده", "هل هي معتمده", "قائمه معتمده", "قائمه المقاولين",
     "صدق ولا كذب", "هذا يصير", "هل هذا ممكن", "ياخذون كاش",
     # quoting what a message, site or sign says, to ask the municipality about it ("50% off
     # if paid this week, call now it says; is the offer real?"; thirteenth pass): a seller
     # says it in his own voice, never "it says"
     "it says", "it said", "the message says", "the sms says", "the sign says",
     "is the offer", "is this offer", "is that offer", "on your site", "on your website",
     "on your page", "مكتوب فيها", "مكتوب فيه", "الرساله تقول", "تقول الرساله", "هل العرض",
     "العرض صحيح", "في موقعكم", "على موقعكم", "maktoob fiha", "maktoob feeha",
     "el risala tgool", "hal el 3ard", "el 3ard 9a7ee7", "el 3ard sa7ee7", "fi mawqi3kum",
     "sa7 hal kalam", "9a7 hal kalam", "sa7 hatha el kalam", "aish el 9a7", "aish el sa7",
     "hal el mablagh", "hal el nisba", "hal el rusoom", "hal el link", "el link haatha",
     "taba3kum", "email 7agkum", "haathi minkum", "haatha minkum", "9idg mu3tamada",
     "9idg walla kidb", "sidg walla kidb", "haatha yi9eer", "ya5thoon cash",
     # hearsay about a sum ("I heard 50, someone said 100"): a seller states his own price
     "i heard", "i have heard", "someone told me", "someone said", "واحد قال لي", "قالوا لي",
     "simi3t", "wa7ad gal li", "wa7ad gal", "واحد يقول", "wa7d ygool", "wa7ad ygool",
     "someone says",
     # a seller's price raised, told by a buyer (twentieth pass): a seller announces cuts
     "raised the price", "raised prices", "raised their prices", "increased the price",
     "put up the price", "رفع سعر", "رفع السعر", "رفعوا سعر", "رفعوا الاسعار", "زاد سعر",
     "زادوا سعر", "zad si3r", "zadaw si3r", "rafa3 si3r", "rafa3aw el as3ar",
     # whether the municipality itself does what a message claims ("are you really hiring?",
     # eleventh pass): the citizen asks us, the scammer speaks for us
     "are you really", "do you really", "is it true that", "هل فعلا", "هل حقا", "هل صحيح",
     "hal sa7ee7", "hal 9a7ee7", "sa7ee7 intum", "9idg intum",
     # when the municipality's offices are open: only a citizen asks
     "تداوم", "تداومون", "يداومون", "tdawim", "tdawmoon", "is the municipality open",
     "are you open", "what time do you open", "opening hours"],
     # a scam retold by the citizen (sixteenth pass): someone posing as the municipality, a
     # message that reached a relative, the citizen's own "I never applied" or "it's fake", a
     # request to report the account. A scammer speaks as the municipality, never of someone
     # pretending to be it, and never says its target owns no shop.
     "retold": ["pretending to be", "pretends to be", "pretended to be", "claiming to be",
     "claims to be", "claimed to be", "posing as", "impersonat", "fake account",
     "municipality logo", "municipality's logo", "saying he's from", "saying he is from",
     "saying she's from", "saying they're from", "saying they are from", "said he was from",
     "said they were from", "came to my phone", "came to my mobile", "my father got",
     "my father received", "my mother got", "my mother received", "my dad got",
     "my mom got", "my brother got", "my wife got", "my husband got", "phoned my",
     "called my", "got a link", "got a call", "got a whatsapp", "got this whatsapp",
     "message says", "group says", "post says", "whatsapp says", "never applied",
     "has no shop", "have no shop", "doesn't have a shop", "don't have a shop",
     "we did not pay", "we didn't pay", "i did not pay", "i didn't pay", "it's fake",
     "its fake", "this is fake", "warn people", "please report it", "ينتحل", "ينتحلون",
     "انتحال", "يدعي انه", "يدعون انهم", "تدعي انها", "يزعم", "تزعم", "يزعمون", "باسم البلديه",
     "شعار البلديه", "اسم البلديه", "قالوا من البلديه", "قال انه من البلديه", "يقول انه من",
     "ورد الي هاتف", "وصل لابوي", "وصل لاخوي", "وصل لامي", "وصلت لامي", "وصلت لابوي",
     "وصله مسج", "وصلها مسج", "دقوا علي امي", "دقوا علي ابوي", "اتصلوا علي امي", "اتصلوا علي ابوي", "لا يملك محلا",
     "ما عنده محل", "ما عندي محل", "ما عندنا محل", "لم اتقدم", "ما قدمت", "ما دفعنا",
     "لم ندفع", "نرجو التوضيح", "بلغوا عنه", "بلغوا عنهم", "كلام صح", "الكلام صح",
     "ygoolhum", "ygool inna", "ygoolon inna", "yidda3i", "ydda3i", "shi3ar el baladiya",
     "isim el baladiya", "b isim el baladiya", "jaha msg", "jah msg", "wa9alah msg",
     "wa9alha msg", "daggaw 3la ummi", "daggaw 3la ubooy", "ma 3inda ma7al",
     "ma 3indi ma7al", "ma dafa3na", "balighoo 3anh", "balighoo 3anhum", "kalam 9a7",
     "kalam sa7",
     # nineteenth screening pass: the writer's own account taken over, and a warning not to
     # answer what comes from it; the thief writes as the friend, never of the theft
     "account was hacked", "account got hacked", "account has been hacked", "was hacked",
     "got hacked", "been hacked", "please ignore it", "please ignore them",
     "account was stolen", "my account is hacked", "حسابي انسرق", "انسرق حسابي",
     "تهكر حسابي", "حسابي تهكر", "انهكر حسابي", "حسابي انهكر", "تم اختراق حسابي",
     "اخترقوا حسابي", "7isabi insaraq", "insaraq 7isabi", "7isabi in hakar", "7isabi inhakar",
     "7isabi t hakar", "7isabi thakar", "don't reply to it", "do not reply to it",
     "don't reply to them", "do not reply to them", "ignore any message", "ignore any request",
     "لا تردون عليه", "لا تردون عليها", "لا تردوا عليه", "لا تردوا عليها", "la triddoon 3alaih"],
     # volunteers offering the municipality their hands (a beach or a wadi to clean): they
     # ask for bags and a truck, a seller for custom
     "volunteer": ["volunteer", "volunteers", "volunteering", "متطوع", "متطوعين", "متطوعون",
     "تطوعي", "تطوعيه", "التطوع", "تطوع=", "mutatawi3", "mutatawi3een", "ta6awu3i",
     "tatawu3i", "tatawu3",
     # twenty-second pass: the bags and bins a volunteers' clean-up asks us for
     "نحتاج الي اكياس", "نحتاج اكياس", "we need bags", "need rubbish bags", "need garbage bags",
     "nabi akyas", "ni7taj akyas"],
     # their own payment to the municipality that failed: a complaint, though it names a sum
     # and a card; the scammer's "your payment failed" is not first person
     "payment": ["my card was declined", "my card keeps", "my card is declined",
     "card declined every", "charged me twice", "رفضت بطاقتي",
     "البطاقه ترفض", "بطاقتي ترفض", "انخصمت مني", "خصم مني المبلغ مرتين", "el card tinrafidh",
     "ankha9mat minni", "in5a9mat minni", "no receipt", "didn't get a receipt",
     "did not get a receipt", "never got a receipt", "still pending", "ما وصلني", "لم يصلني",
     "ما جاني ايصال", "ma wa9alni", "ma jani ee9al",
     # a shop or office took more than it should from the citizen (eleventh pass)
     "charged me", "اخذ مني", "اخذوا مني", "خذ مني", "a5th minni", "a5ath minni",
     "a5thaw minni", "akhadh minni", "تقاضى مني", "تقاضوا مني", "charged us"],
     # (the bare "charged twice" is a fake refund's "you were charged twice" too since the
     # twentieth pass: _customer_voice needs whose money it was;
     # the seventeenth pass's bare "i paid", دفعت, "dafa3t" need what went wrong since the
     # twentieth: _customer_voice; "I paid 120 for a phone that broke, now I buy only from
     # ..." is a testimonial)
     # a citizen asking the municipality to take something away ("can you pick them up?",
     # "ممكن تاخذونها"); a mover offers to, in his own voice ("we pick up"; eleventh pass)
     "request": ["can you pick", "could you pick", "please pick", "pick them up", "pick it up",
     "take them away", "take it away", "تاخذونها", "تاخذونه", "ترفعونها", "ترفعونه", "ترفعوها",
     "تاخذوها", "ta5thoonha", "ta5thoonah", "takhthoonha", "tirfa3oonha", "tirfa3oonah"],
     # a citizen following up their own report or complaining of how we answered it ("we have
     # been reporting for a month", "no update in two weeks", "your agent hung up on me")
     "follow_up": ["my report", "my complaint", "no update", "hung up", "was very rude",
     "نبلغ", "بلاغي", "بلاغاتنا", "البلاغات المقدمه", "دون اي تحديث", "بدون اي تحديث",
     "ما رديتوا", "ما احد رد", "لم يرد احد", "ballaghna", "nballigh", "ballaght", "balaghi",
     "ma raddaitaw", "ma a7ad radd"],
     # something of theirs that does not work, said in exasperation: a complaint
     "broken": ["ykharrib", "yikharrib", "yi5arrib", "y5arrib", "يخرب", "7asbeeya", "7asbiya",
     "حسبي الله", "حسبيه", "ma yishtaghil", "ma yshtaghil", "ما يشتغل", "مب شغال", "مو شغال",
     "mb shaghal", "mob shaghal", "mu shaghal",
     # the same of a thing spoken of as feminine (a light, a pump: "el layt ma tishtaghil")
     "ma tishtaghil", "ma tshtaghil", "ma tishta3'il", "ma tishta3il", "ma tshta3il",
     "ما تشتغل", "مب شغاله", "مو شغاله", "mob shaghala", "mb shaghala"]}
)  # fmt: skip
# A seller's promise to skip the municipality's procedure ("without inspection", "بدون
# مراجعات", "bdoon tafteesh"): "without" and a procedure word at most three words on. It is a
# strong cue, and the inspection it names is no citizen's request for one: the "reported"
# guard's "تفتيش" cleared such agents (eleventh pass). A bare "no" is left out: "no inspection
# yet" is a citizen's complaint.
_WITHOUT = frozenset({"بدون", "دون", "بلا", "without", "bdoon", "bdon", "bidoon", "bala", "غير"})
_PROCEDURE = ("تفتيش", "مراجع", "معاين", "طابور", "طوابير", "inspect", "tafteesh", "taftee",
              "muraja3", "mu3aayan", "queue",
              # or going to the office at all ("بدون ما تراجع البلدية", "bdoon ma troo7 el
              # baladiya"; twelfth pass). Not "visit": "closed without anyone visiting" is a
              # citizen's complaint about us.
              "تراجع", "تروح", "troo", "trou7", "tiroo")  # fmt: skip
_WAIVED_SPAN = 4
_COMPANY = frozenset(
    {"llc", "co", "company", "est", "establishment", "and", "contracting", "services", "group",
     "enterprises", "spc", "saog", "saoc", "l", "ltd", "international"}
)  # fmt: skip
_YOUR = frozenset({"your", "ur", "yr", "حقك", "حقتك", "7aggak", "7agak", "7ag6ak"})
# Thanks to the municipality: a citizen's feedback, though it praises a market's prices.
_THANKED = index_terms(
    {"us": ["municipality", "baladiya", "baladiyah", "baladiyat", "بلديه", "البلديه"]}
)  # fmt: skip
# A citizen weighing two sums for a fee ("is it 50 or 75 rials?", "عشرون ريالا ام ثلاثون",
# "30 walla 45 riyal"): two amounts joined by "or", in a question. A seller states one price.
_AMOUNT = (
    r"(?:\d+(?:\.\d+)?|عشر\w*|ثلاث\w*|اربع\w*|خمس\w*|ست[هتو]\w*|سبع\w*|ثمان\w*|تسع\w*"
    r"|مي[هت]\w*|مائ\w*|ميتين|twenty|thirty|forty|fifty|hundred)"
)
_CURRENCY = r"(?:\s(?:omr|ro|rials?|riyals?|ريال\w*))?"
_EITHER_SUM = re.compile(
    rf"(?<!\w){_AMOUNT}{_CURRENCY}\s(?:or|ولا|او|ام|walla|wala|willa|wila|wla|aw|ola)\s"
    rf"{_AMOUNT}(?!\w)"
)
_QUESTION = re.compile(r"[?؟]")
# The customer's voice (twentieth screening pass, issue 17): the writer's own purchase, payment
# or charge, past, and what went wrong with it ("I bought labneh at ..., 1.250 OMR, receipt
# 448213, both expired"; "انخصم مني ٥ ريال ... ليش؟"; "7asabni 9 riyal ... fi el menu 5"). A
# customer names the seller, the price, the receipt, the order number and a phone, as an
# advert does; a seller never says that he paid, bought or was charged, and a scammer speaks
# of the reader's money ("you paid twice", "انخصمت منك", "claim your refund"). Both parts are
# needed: a testimonial says "I bought it" too, but not that it was bad, short or charged
# twice. It replaces the eleventh pass's bought-and-spoiled pair, whose words it keeps.
_TRANSACTION = index_terms(
    {"paid": ["i paid", "we paid", "i've paid", "i have paid", "we have paid", "paid for",
     "i was charged", "we were charged", "was i charged", "were we charged", "i got charged",
     "i've been charged", "i have been charged", "charged me", "charged us", "deducted from my",
     "taken from my", "took my", "ate my", "swallowed my", "kept my", "i put", "i inserted",
     "i renewed", "my receipt", "my bill", "i want a refund", "i want my money",
     "refund me", "return my money", "coins=", "كوينات", "koinat", "i deposited",
     "paid a deposit", "we deposited",
     "دفعت=", "دفعنا=", "دفعتها", "دفعته=", "دفعناها", "سددت=", "سددنا=", "سددتها", "اودعت",
     "ينخصم علي", "ينخصم مني", "يخصمون علي", "يخصمون مني", "جددت=", "ادخلت=", "حطيت=", "حاسبني",
     "حاسبونا", "حسبوا علي", "خصم مني", "خصموا مني", "خصموا علي", "انخصم مني", "انخصمت مني",
     "اقتطع مني", "من فاتورتي", "من حسابي", "من راتبي", "من بطاقتي", "ارجو اعاده المبلغ",
     "نرجو اعاده المبلغ", "ارجو استرجاع", "نرجو استرجاع", "ارجو ارجاع", "اريد استرجاع",
     "ابي فلوسي", "ابغى فلوسي", "ابي ارجع فلوسي", "ابي استرجع", "ابغى استرجع",
     "dafa3t", "dafa3na", "dafa3taha", "dafa3tah", "yin5a9im 3alai", "yin5a9im minni", "saddadt", "saddadna", "jaddadt", "7a6ait", "7a66ait", "7asabni",
     "7asboona", "7asbona", "in5a9am minni", "in5a9mat minni", "inkhasam minni",
     "5a9amaw minni", "khasamaw minni", "min fatoorti", "min 7isabi", "min ratibi",
     "abi floosi", "abgha floosi", "abi arajji3 floosi"],
     "bought": ["i bought", "we bought", "i ordered", "we ordered", "i ate", "we ate",
     "had dinner", "had lunch", "had breakfast", "اشتريت", "اشترينا",
     "شريت", "شرينا", "طلبت=", "طلبنا=", "خذت=", "اخذت=", "خذينا=", "تناولت", "تناولنا",
     "اكلنا=", "اكلت=", "تعشينا", "تغدينا", "shtarait", "ishtarait", "ishtaraina",
     "shtaraina", "sharait", "sharaina", "6alabt", "6alabna", "talabt", "talabna", "5atht",
     "a5atht", "5athaina", "akalna", "t3ashaina", "tghaddaina"],
     # twenty-first screening pass: a purchase or charge told of someone the writer names
     # (_KIN: "my neighbour was charged", ابوي شرا, "jaari 7asaboh"); counted only with no
     # seller's phrase (_customer_voice), as a seller's story of another's bad buy sells
     "their_paid": ["was charged", "were charged", "charged him", "charged her", "charged them",
     "he paid", "she paid", "they paid", "حاسبه=", "حاسبها", "حاسبهم", "حسب عليه", "حسب عليها",
     "حسب عليهم", "حسبوا عليه", "حسبوا عليها", "حسبوا عليهم", "خصموا منه", "خصموا منها",
     "خصموا منهم", "انخصم منه", "انخصم منها", "دفعوا", "dafa3at", "dafa3aw", "7asab 3la",
     "7asabhum", "7asbhum", "7asabah", "7asabha", "7asbooh", "5a9amaw minnah"],
     # twenty-second screening pass: a fee on the writer's utility bill ("رسوم البلدية في
     # فاتورة الكهربا", "the waste fee on my electricity bill"), a charge the citizen pays
     # monthly; counted, as a charge told of kin, only with no seller's phrase (a fake refund
     # speaks of "your bill" with a claim or a link)
     "billed": ["electricity bill", "water bill", "my bill", "فاتوره الكهربا",
     "فاتوره الكهرباء", "فاتوره الماء", "فاتوره المياه", "فاتوره الماي", "فاتورتي",
     "fatoorat el kahraba", "fatoorat el may", "fatoora el kahraba",
     "fatoorti"],
     "their_bought": ["bought=", "he bought", "she bought", "they bought", "sold him",
     "sold her", "sold them", "sold my", "اشتري=", "اشترت", "اشتروا", "شرا=", "شري=", "شرت=",
     "باع له", "باع لها", "باعوا له", "باعوا لها", "باع لهم", "باعت له", "باعت لها", "تعشوا",
     "تغدوا", "اكلوا", "ishtara=", "shtara=", "ishtarat", "shtarat", "ishtaraw", "shtaraw",
     "shara=", "sharat", "sharaw", "ba3 la", "ba3at la", "ba3aw la", "ba3 lah", "ba3at lah",
     "akalaw", "t3ashaw", "tghaddaw"]}
)  # fmt: skip
# Whom the writer tells of (twenty-first pass): kin, neighbours, the building's or area's
# people. Beside a third-person purchase or charge, their complaint told by the writer.
_KIN = index_terms(
    {"kin": ["neighbour", "neighbor", "father", "dad", "mother", "mum", "mom", "brother",
     "sister", "uncle", "aunt", "son=", "daughter", "wife", "husband", "grandfather",
     "grandmother", "grandma", "friend", "colleague", "people in", "residents", "family",
     "جار=", "جاري", "جارنا", "جارتي", "جارتنا", "جيران", "الجيران", "ابوي", "والدي", "والدتي",
     "امي", "الوالد", "الوالده", "اخوي", "اخي", "اختي", "خالي", "خالتي", "عمي", "عمتي", "ولدي",
     "بنتي", "زوجتي", "زوجي", "جدي", "جدتي", "صديقي", "ربعي", "الجماعه", "السكان", "الناس",
     "اهل=", "jaari", "jarna", "jaarna", "jaaratna", "jeeran", "el jeeran", "ubooy", "abooy",
     "ummi", "omi", "ukhooy", "a5ooy", "u5ti", "5ali", "5alti", "3ammi", "wildi", "binti",
     "zawjti", "9adeeqi", "el nas", "ahl=", "el sukkan", "el jama3a"]}
)  # fmt: skip
_GRIEVANCE = index_terms(
    # money taken wrongly: a complaint beside the writer's payment ("paid twice", "why?")
    {"charge": ["twice", "double charged", "charged double", "more than the", "more than what",
     "اكثر من السعر", "اكثر من المكتوب", "akthar min el si3r", "extra=",
     "wrong amount", "unpaid", "late fee", "no notice", "why=", "didn't get", "did not get",
     "never got", "never received", "haven't received", "have not received", "not received",
     "مرتين", "مرتان", "زياده=", "غلط", "خطا=", "لم يصلني", "لم تصلني",
     "ما وصلني", "ما وصلتني", "ليش", "لماذا", "لم استلم", "ما استلمت", "martain",
     "marratain", "ziyada=", "zyada=", "ghala6", "ghalat", "ma wa9alni", "ma wa9latni",
     "leish", "lesh", "laish", "pay again", "paid again", "never registered",
     "not registered", "not in the system", "not found", "ادفع مره ثانيه", "ندفع مره ثانيه",
     "ادفع من جديد", "لم يسجل", "ما تسجل", "غير مسجل", "ma tsajjal", "ma sajjalat", "مضطرا",
     "مضطر=", "مجبورا", "not returned", "never returned", "didn't return", "did not return",
     "لم يرد", "لم يعد", "ما رجع", "ما رجعوا", "ما ردوا", "ma rajja3", "ma rajja3aw",
     "ابا حقي", "ابي حقي", "ابغى حقي", "aba 7aggi", "abi 7aggi",
     # twenty-second screening pass: a fee that rose with no word to the payer
     "doubled", "tripled", "went up", "بانتظار الدفع", "قيد الدفع", "awaiting payment",
     "pending payment", "بدل=", "تضاعفت", "تضاعف=", "بدون سبب", "بدون اي سبب",
     "دون سبب", "no reason", "without any reason", "without notice", "بدون اشعار", "دون اشعار",
     "اي اشعار", "zadat", "t9a3afat", "tdha3afat", "bdoon sabab", "bala sabab",
     # a landlord's rise the tenant paid ("he added 30 rials to my rent", زاد علينا الإيجار)
     "raised the rent", "raised my rent", "increased the rent", "increased my rent",
     "put up the rent", "to my rent", "رفع الايجار", "رفع المؤجر", "زاد الايجار", "زاد علينا",
     "زادوا علينا", "مكرها", "غصب=", "zad el eejar", "zad el ijar", "zad 3laina",
     "zado 3laina", "ghasb="],
     # what a seller or a machine did to the buyer: beside a purchase too (a testimonial says
     # "I ordered twice", never "short weight" or "they refused")
     "seller": ["overcharg", "not on the menu", "on the menu", "in the menu", "the menu says",
     "price on the shelf", "shelf price", "posted price", "no receipt", "no ticket",
     "printed nothing", "nothing came out", "refused", "wouldn't refund", "no refund",
     # twenty-first pass: Gulf "would not" (ما رضى يرجع، "ma ridha ybaddil")
     "ما رضي", "ما رضت", "ما رضوا", "ma ridha", "ma r9a", "ma ri9at", "ma r9aw",
     "short=", "weighed less", "weighed only", "weighed", "وزنته", "وزنتها", "wazantah",
     "wazantha", "refuse", "lost my", "ضيعوا", "ضيعت", "يعوضوني", "يعوضونا", "compensat",
     "y3awwidhooni", "ta3weedh", "don't answer", "doesn't answer", "won't answer",
     "not answering", "ما يردون", "ما يرد=", "ma yraddoon", "ma yrid=", "turned out", "اتضح",
     "تبين=", "تبين ان", "the scale", "fine=", "fined",
     "ticket on", "got a ticket", "still got", "parking ticket", "complain",
     "في المنيو", "علي المنيو", "السعر المكتوب", "بدون ايصال", "لم يخرج", "ما طلع", "ما طلعت",
     "ناقص", "الميزان", "رفض", "رفضوا", "يرفض", "مخالفه", "اشتكي", "fi el menu",
     "3la el menu", "el si3r el maktoob", "ma 6la3", "ma 6il3at", "na8i9", "naqi9", "nagi9",
     "el meezan", "rafadh", "rafadhaw", "rafadhoo", "mu5alafa", "mukhalafa"],
     # a service that failed, which the writer paid for elsewhere ("the water is cut off")
     "service": ["cut off", "no water", "مقطوع", "مقطوعه", "انقطاع", "منقطع", "mag6oo3",
     "maq6oo3", "mgaa6i3", "ma fi may", "mafi may"],
     "bad": ["expired", "out of date", "past its date", "expiry", "the date on", "sour=",
     "gone off", "went off", "تاريخ الانتهاء", "تاريخ الصلاحيه", "tarikh el intiha", "حامض",
     "7amu9", "7amudh", "ni=", "nai=", "nayy", "ri7a=", "ta3abt", "spoiled", "spoilt", "rotten", "mouldy",
     "moldy", "smelled", "stank", "smells bad", "sick=", "vomit", "diarrh", "food poisoning",
     "cockroach", "insect", "worm", "hair=", "plastic", "glass=", "raw=", "undercooked",
     "fake=", "counterfeit", "منتهي", "منتهيه", "انتهت صلاحيته", "انتهي", "خالص=", "خالصه",
     "فاسد", "خربان", "خايس", "متعفن", "ريحته", "ريحتها", "صرصور", "صراصير", "حشره", "حشرات",
     "دود=", "شعر=", "بلاستيك", "زجاج", "ني=", "تسمم", "اسهال", "قيء", "استفراغ", "استفرغ",
     "تعبنا", "مرضنا", "تقليد", "مغشوش", "5ala9", "5ala9at", "khala9", "muntahi", "mintahi",
     "5arban", "khayis", "5ayis", "5aysa", "ri7ta", "ri7tah", "mit3affin", "fasid", "9ar9oor",
     "9ara9eer", "7ashara", "dood=", "sha3ar", "blastic", "tasammum", "tsammam", "isshal",
     "is-hal", "targee3", "ta3abna", "ta8leed", "maghshoosh"]}
)  # fmt: skip
# An English customer drops the "I" before the first verb ("Paid 55 OMR online, still unpaid";
# "Bought lamb at the stall, it weighed 1.5 kg"): the message's first word.
_FIRST_VERB = frozenset({"paid", "bought", "ordered", "renewed"})
# Advertising intent as an offer of a service to the reader (issue 17, fourteenth pass): a
# seller speaks of the reader's home, family and debts, comes or delivers to them, speaks for
# "our team", lists the premises it serves, describes a listing, quotes a rate per hour, day
# or month, or covers every brand and nationality (not speed: "the same day", "within the
# hour" are citizens' thanks as often). A citizen writes to the
# municipality, which has no home, parents or loans, and names their own ("my house"). Each
# part is common enough alone ("the same day", "80 rials a month" in a complaint), so an
# offer needs two different ones, or one with a seller's phrase; written by meaning for every
# form, not from rows.
_OFFER_GROUPS: dict[str, list[str]] = {
    "reader_home": ["your home", "your house", "your villa", "your flat", "your apartment",
     "your doorstep", "your door", "منزلك", "منزلكم", "بيتك", "بيتكم", "شقتك", "فيلتك",
     "baitak", "baitik", "baitkum", "bai6ak", "manzilak", "manzilkum", "shigtak",
     # twenty-fourth screening pass: the reader's other premises ("your restaurant", سطحك)
     "your restaurant", "your garden", "your roof", "your plot", "your office", "مطعمك",
     "سطحك", "حديقتك", "مكتبك", "ma63amak", "sa67ak", "7adeeqtak"],
     "reader_life": ["your parents", "your children", "your kids", "your family", "your loans",
     "your debts", "your credit cards", "your salary", "your grades", "your skin", "your weight",
     "your business", "والديك", "والدينك", "اطفالك", "عيالك", "قروضك", "ديونك", "بطاقاتك",
     "راتبك", "بشرتك", "وزنك", "مشروعك", "walidaink", "walidainak", "walideenak", "3yalak",
     "3iyalak", "atfalak", "groo9ak", "qroo9ak", "gro9ak", "duyoonak", "bi6aqatak",
     "ratibak", "bashratak", "waznak", "mashroo3ak"],
     "comes_to_reader": ["comes to you", "come to you", "we come to", "to your door",
     "delivered to you", "delivery to your", "at your service", "we reach you", "يصل اليك",
     "يصلون اليك", "نصل اليك", "نصلك", "نجيك", "نجيكم", "نوصلك", "نوصل لك", "نوصلها",
     "نوصلهن", "نوصله لين", "نوصلكم", "في خدمتك", "في خدمتكم", "njeek", "njeekum", "njeekom",
     "nwa9lak", "nwa9lha", "nwa9lhin", "nwa9lkum", "nwasilha", "fi 5idmatak", "fi khidmatak",
     # sixteenth pass: collected from the reader and brought back ("pickup and delivery",
     # استلام وتسليم, "nistalim mn el bait"); a citizen asks us to pick things up (_REPORTED)
     "pickup and delivery", "pick up and delivery", "pickup from", "free pickup",
     "استلام وتسليم", "نستلم من", "نستلمها من", "nistalim mn", "nistalim min", "nstalim mn",
     "istilam w tasleem", "nji lain 3indak", "nji lain", "نجي لين", "نجيك لين",
     "nijeek lain",
     # twenty-second screening pass: the reader's site ("نشيل المخلفات من موقعك")
     "من موقعك", "الي موقعك", "لموقعك", "your site", "your premises", "lain mawqi3ak",
     "min mawqi3ak"],
     "our_staff": ["our team", "our technicians", "our technician", "our staff", "our experts",
     "our nurses", "our teachers", "our drivers", "our company", "our services",
     "our certified", "our trained", "our workers", "our crew", "our engineers", "طاقمنا",
     "مهندسينا", "فريقنا", "فنيونا", "فنيينا", "كوادرنا",
     "خبراؤنا", "ممرضاتنا", "عمالنا", "fareegna", "fareeqna", "farigna", "fanniyeena",
     "kawadirna", "3ummalna",
     # fifteenth pass: the trades that sell to homes ("our painters", صباغينا, 9abbagheena)
     "our painters", "our gardeners", "our cleaners", "our movers", "our nannies",
     "our babysitters", "our maids", "our plumbers", "our electricians", "our tutors",
     "our labourers", "صباغينا", "دهانينا", "مزارعينا", "منظفاتنا", "شغالاتنا", "مربياتنا",
     "سباكينا", "مدرسينا", "9abbagheena", "9ubbaghna", "dahhaneena", "shaghalatna",
     "murabiyatna", "mudarriseena"],
     "premises": ["villas and flats", "villas and apartments", "homes and offices",
     "houses and offices", "villas and offices", "offices and villas", "homes and businesses",
     "الفلل والشقق", "فلل وشقق", "للفلل والشقق", "المنازل والمكاتب", "البيوت والمكاتب",
     "للفلل والمكاتب", "الفلل والمكاتب", "home and shop", "homes and shops", "للبيت والمحل",
     "للبيوت والمحلات", "lel bait w el ma7al", "lel byoot w el m7alat", "fellal w shigag", "el fellal w el shigag",
     "lel fellal w el makatib", "fellal w makatib", "byoot w makatib", "للشقق والفلل",
     "الشقق والفلل", "lil shigag w el fellal", "shigag w fellal",
     # fifteenth pass: a service "for homes" or "for villas" alone (one part)
     "for homes", "for villas", "for all homes", "للمنازل", "للبيوت", "للفلل", "lel byoot",
     "lil byoot", "lel fellal", "lil fellal"],
     "listing": ["furnished", "مفروش=", "مفروشه=", "mafroosh", "mafroosha", "studio flat",
     "spacious", "fully furnished", "furnished flat", "furnished apartment",
     "bedroom flat", "bedroom apartment", "bedroom villa", "available now", "ready to move",
     "جاهزه للسكن", "جاهز للسكن", "متوفره الان", "متوفر الان", "شقه مفروشه", "غرف نوم",
     "ثلاث غرف", "اربع غرف", "خمس غرف", "غرفتين وصاله", "jahza lel sakan", "jahiz lel sakan",
     "thalath ghuraf", "arba3 ghuraf", "ghurfatain w 9ala",
     # sixteenth pass: bathrooms counted, as listings do ("1 bathroom", حمامين, 7ammamain)
     "1 bathroom", "2 bathrooms", "3 bathrooms", "two bathrooms", "attached bathroom",
     "غرفتين وحمامين", "وحمامين", "غرفه وحمام", "7ammamain", "ghurfatain w 7ammam",
     "ghurfa w 7ammam", "غرفه وصاله", "ghurfa w 9ala", "bachelor room", "for bachelors",
     "للعزاب", "lel 3uzzab", "lil 3uzzab"],
     # what a listing's rent leaves to the tenant or includes ("water and electricity on the
     # tenant", الكهرباء على المستأجر, "el may 3la el musta2jir", "electricity included")
     "tenancy": ["on the tenant", "on tenant", "paid by the tenant", "paid by tenant",
     "tenant pays", "water included", "electricity included", "internet included",
     "wifi included", "bills included", "utilities included", "علي المستاجر",
     "يتحملها المستاجر", "شامل الكهربا", "شامل الما", "شامل الفواتير", "الكهربا مشترك",
     "الما مشترك", "الماي مشترك", "3la el musta2jir", "3ala el musta2jir", "3la el mustajir",
     "3al musta2jir", "shamil el kahraba", "shamil el may", "kahraba mushtarak",
     "may mushtarak"],
     "per_period": ["per day", "per month", "per hour", "per night", "by the hour",
     "by the month", "monthly", "شهريا", "بالشهر", "باليوم", "بالساعه", "bil shahar",
     "bel shahar", "bil yom", "bel yom", "bil sa3a", "bel sa3a", "shahri=", "shahriyan",
     "monthly package", "باقه شهريه", "yearly contract", "annual contract",
     "annual contracts", "monthly or yearly", "عقود سنويه", "عقد سنوي", "شهري او سنوي",
     "3aqd sanawi", "3uqood sanawiya"],
     # hours a carer or a maid keeps for the reader ("day or night shifts", مناوبات, "lail aw
     # nahar", مبيت): a worker offered; a citizen's "day and night" is a complaint's length
     "shifts": ["shifts", "day or night", "live in maid", "live in nanny", "مناوبات", "مناوبه",
     "ليلي او نهاري", "ليليه او نهاريه", "نهاري او ليلي", "يومي او مبيت", "دوام او مبيت",
     "lail aw nahar", "nahar aw lail", "yawmi aw mabeet", "mabeet="],
     # work done and handed back by a time ("ready in 3 days", جاهزة خلال, "nrajji3ha jahza")
     "turnaround": ["ready in", "ready within", "جاهزه خلال", "جاهز خلال", "نرجعها جاهزه",
     "نرجعه جاهز", "nrajji3ha jahza", "nraj3ha jahza", "jahza 5ilal", "jahza khilal",
     # twenty-second screening pass: done "in 5 working days"
     "working days", "ايام عمل", "ayyam 3amal"],
     # twenty-second screening pass: an order to book with the seller ("احجز زيارتك", "Book on
     # 9233...", "7ijz 3la"): one part (a citizen asks how to book, with no order)
     "reader_books": ["احجز زيارتك", "احجز مكانك", "احجز عند", "احجز علي", "احجز الحين",
     "احجزوا", "احجزي موعدك", "book on", "book at", "book via", "book your", "to book call",
     "7ijz 3la", "i7jiz 3ind", "i7jiz 3la", "i7jizoo"],
     "coverage": ["all brands", "all types", "all models", "all nationalities",
     "any nationality", "لجميع الانواع", "لكل الانواع", "جميع الانواع", "جميع الماركات",
     "لجميع الجنسيات", "لكل الجنسيات", "كل الجنسيات", "جميع الجنسيات", "l kil el anwa3",
     "lkil el anwa3", "l kil el jinsiyat", "kil el jinsiyat", "jamee3 el jinsiyat",
     # twenty-first screening pass: every area served ("all over Muscat", جميع ولايات مسقط)
     "جميع ولايات", "جميع مناطق", "كافه مناطق", "كل مناطق", "all areas of", "all over muscat",
     "across muscat", "kil manati8", "kil manatiq", "jamee3 el wilayat", "في اي منطقه",
     "any area", "fi ay mantiqa", "fi ay manti8a"],
     # fifteenth pass: the seller's "we" doing a home service ("we paint", نصبغ, n9bugh): a
     # citizen reports what others do, in the third person; a volunteer's "we clean the
     # beach" is one part alone
     "we_serve": ["we paint", "we clean", "we wash", "we spray", "we move", "we pack",
     "we install", "we repair", "we fix", "we service", "we trim", "we plant", "we deliver",
     "we provide", "we offer", "we teach", "we rent", "we arrange", "we process",
     "نصبغ", "ندهن", "ننظف", "نغسل", "نعقم", "نرش=", "ننقل", "نركب", "نصلح", "نصين", "نزرع",
     "نقدم", "نوفر", "نؤجر", "نوجر", "ندرس", "نخلص", "n9bugh", "nsbugh", "n9bo8", "ndahhin",
     "nnadhif", "nnadhdhif", "nnathif", "nghasil", "nghassil", "n3aqqim", "nrish", "nrush",
     "nanqil", "nnigil", "nrakkib", "nrakib", "n9alli7", "nsalli7", "nizra3", "nzra3",
     "nqaddim", "ngaddim", "nwaffir", "nwafir", "n5alli9", "nkhallis", "ndarris",
     # twenty-first screening pass: the formal "we carry out" (نقوم بتنظيف), Gulf "we do"
     # (نسوي صيانة) and "we take away" (نشيل المخلفات)
     "نقوم بتنظيف", "نقوم بتركيب", "نقوم بصيانه", "نقوم برش", "نقوم بنقل", "نقوم بعزل",
     "نقوم بترميم", "نقوم بشفط", "نقوم بتسليك", "نسوي صيانه", "نسوي تنظيف", "نسوي لك",
     "نشيل مخلفات", "نشيل المخلفات", "نشيل الانقاض", "nsawwi siyana", "nsawwi tan9eef",
     "nsawwi lik", "nsheel el mu5allafat", "nsheel mu5allafat", "ونشيل", "نزيل=",
     "نخدم=", "nkhadim", "n5adim", "n5addim", "we serve", "we cover",
     # twenty-fourth screening pass: the trades that clear a problem ("we clear", "نسلكها لك")
     "we clear", "we unblock", "we remove", "we treat", "we get rid", "we exterminate",
     "نسلك=", "نسلكها", "نشفط=", "نشفطها", "نكافح", "نعالج", "نخلصك", "nsallik", "nsalikha",
     "nsallikha", "nshaf6=", "nshaf6ha", "nshafu6ha"],
     # what a seller promises about the work ("safe for kids", مع ضمان, ma3 dhaman); a
     # guarantee named with its length is a promotion (_DISCOUNT)
     "reassurance": ["مع guarantee", "with ضمان", "clean work", "neat finishing",
     "شغلهم نظيف", "شغلنا نظيف", "تشطيب نظيف", "shughlhum nadheef", "shughulhum nadheef",
     "shughulna nadheef", "shughlna nadheef", "safe for kids", "safe for children", "safe for pets", "safe for family",
     "with guarantee", "with a guarantee", "odourless", "odorless", "no smell", "امنه على",
     "امنه للاطفال", "امن على الاطفال", "امن للاطفال", "مع ضمان", "بضمان", "بدون رائحه",
     "بدون ريحه", "ma3 dhaman", "ma3 9aman", "b dhaman", "bdhaman", "aamina 3la el 3yal",
     "amna 3la el 3yal", "bdoon ree7a", "bala ree7a",
     # sixteenth pass: the materials the seller promises ("safe, approved materials")
     "safe materials", "approved materials", "safe gel", "مواد امنه", "بمواد امنه",
     "مواد معتمده", "mawad aamina", "mawad amna", "mawad mu3tamada",
     # twenty-first screening pass: Gulf "clean work" without "our"
     "شغل نظيف", "shughl nadheef", "shughul nadheef"],
     # skill the seller claims ("professional painters", دهانين محترفين, "experienced")
     "skilled": ["professional", "professionals", "experienced", "skilled", "qualified",
     "محترفين", "محترفه", "محترف=", "ذوي خبره", "ذات خبره", "خبره طويله", "mu7tarifeen",
     "mu7tarif", "m7tarfeen", "5ibra 6aweela", "3indhum 5ibra",
     # sixteenth pass: trained carers and workers ("trained caregivers", ممرضات مدربات)
     "trained", "certified", "مدربين", "مدربات", "مدربه", "mudarrabat", "mudarrabeen",
     "mudarraba", "mdarrabat"],
     # a home service named as a trade ("landscaping", نقل عفش, naql 3afsh); pest control
     # is left out, as citizens ask for the municipality's own ("نبي رش مبيدات")
     "trade": ["landscaping", "garden maintenance", "house painting", "villa painting",
     "deep cleaning", "sofa cleaning", "carpet cleaning", "tank cleaning", "furniture moving",
     "تنسيق الحدايق", "تنسيق حدايق", "صيانه الحدايق", "تنظيف الكنب", "تنظيف كنب",
     "تنظيف السجاد", "تنظيف خزانات", "نقل عفش", "نقل اثاث", "صباغه بيوت", "صباغه فلل",
     "دهان فلل", "دهانات حديثه", "tanseeq 7adayiq", "tanseeq 7ada2iq", "naql 3afsh",
     "nagl 3afsh", "9ibagha byoot", "tnadhif kanabat", "tan9eef kanabat", "tan9eef 5azzanat",
     # nineteenth screening pass: air conditioners serviced, homes cleaned
     "صيانه مكيفات", "صيانه المكيفات", "تعبيه فريون", "تعبئه فريون", "غسيل مكيفات",
     "ac service", "ac servicing", "gas refill", "siyanat mukayyifat", "siyanat mkayyifat",
     "ta3biyat freon", "ta3bi2at freon", "tan6eef manazil", "tan9eef manazil",
     "تنظيف البيوت", "تنظيف بيوت", "تنظيف بعد البناء", "تنظيف بعد التشطيب",
     "post-construction cleaning", "cleaning after construction", "septic tank emptying",
     "tank emptying", "termite treatment", "tan9eef el byoot", "tan9eef byoot",
     "tnadhif manazil", "تنظيف منازل", "تنظيف المنازل", "house cleaning", "home cleaning",
     "villa cleaning",
     # twenty-first screening pass: building trades sold by the municipality's own words
     # (roofs sealed, cracks treated, cesspits emptied, drains unblocked)
     "waterproofing", "crack repair", "full renovation", "عزل الاسطح", "عزل اسطح", "عزل مائي",
     "ترميم وصيانه", "صيانه عمارات", "صيانه مباني", "شفط بيارات", "شفط البيارات",
     "تسليك مجاري", "تسليك المجاري", "3azl el as6u7", "3azl as6u7", "siyanat 3imarat",
     "shaf6 bayyarat", "shafa6 bayarat", "tasleek majari", "tasleek el majari",
     # twenty-second screening pass: the municipality's own works and paperwork sold to the
     # reader (debris removal, demolition, permit drawings and clearance, tank disinfection,
     # speed bumps and kerbs)
     "shaf6 bayarat", "shaf6 el bayarat", "debris removal", "rubble removal", "demolition",
     "تكسير مباني", "هدم مباني", "هدم المباني", "ازاله مخلفات", "ازاله المخلفات", "نقل مخلفات",
     "permit drawings", "permit clearance", "تخليص معاملات", "تخليص جميع معاملات",
     "تخليص المعاملات",
     "تعقيب معاملات", "ta5lee9 mu3amalat", "takhlees mu3amalat", "tank disinfection",
     "تعقيم الخزانات", "تنظيف الخزانات", "speed bump installation", "kerb painting",
     "تركيب مطبات", "tarkeeb ma6abbat", "tan9eef 5azzanat el may"],
     # sixteenth pass: trades sold to homes that the fifteenth pass's probe B found missing
     # (tailoring, carers for the elderly, a car wash that comes, solar panels, water by
     # tanker). Citizens name them as often, asking a licence for their own tailoring shop or
     # complaining of a car wash's water, so one counts only beside another part of an offer
     # (_advert_cues), never with a seller's phrase alone, a number to call or a question's
     # "need a"
     "named_trade": ["tailoring", "alterations", "تفصيل وخياطه", "خياطه وتفصيل", "تفصيل دشاديش",
     "خياطه عبايات", "tafseel w 5iya6a", "5iya6a w tafseel", "elderly care",
     "care for the elderly", "caring for the elderly", "home nursing", "home care",
     "رعايه كبار السن", "رعايه المسنين", "تمريض منزلي", "ri3aya lkbar el sin",
     "ri3ayat kbar el sin", "ri3aya l kbar el sin", "tamreedh manzili", "mobile car wash",
     "غسيل سيارات متنقل", "غسيل متنقل", "ghaseel sayarat mutanaqqil", "ghaseel mutanaqqil",
     "solar panels", "solar panel installation", "solar installation", "الواح طاقه شمسيه",
     "الواح شمسيه", "alwa7 6aqa shamsiya", "alwa7 shamsiya", "water tanker delivery",
     "توصيل مياه", "توصيل ماي", "tawseel may", "tawseel mayy"],
     # the reader asked whether they want a service ("need a cleaner?", تبي تنظيف؟, tabi
     # tnadhif?): counted only in a question (_advert_cues)
     # twenty-fourth screening pass: a service offered to the reader in words no citizen uses
     # (an advert that names the problem it sells against, with no price, number or offer
     # word, was a plain report): an order to reach or book the seller ("call us", كلمونا،
     # "wts ap", "link in bio"), "for all your ... needs", the seller's hours (24/7 said of a
     # service), a free inspection, a guarantee. A citizen says "call me", and "كلمنا" alone is
     # "we spoke"; "24/7" alone is a generator's noise
     "reader_orders": ["call us", "contact us", "whatsapp us", "message us", "dm us",
     "inbox us", "text us", "order now", "book now", "visit our page", "visit our website",
     "visit our profile", "check our page", "link in bio", "in our bio", "in the profile",
     "follow our page", "اتصلوا بنا", "اتصل بنا", "اتصلو بنا", "تواصل معنا", "تواصلوا معنا",
     "كلمونا", "كلمنا واتساب", "كلمنا علي", "كلمنا الحين", "راسلنا", "راسلونا", "اطلب الان",
     "اطلبها الان", "اطلب الحين", "زوروا صفحتنا", "زوروا موقعنا", "زوروا حسابنا", "زور صفحتنا",
     "احجز now", "kalmona", "kalmoona", "kallimona", "kalmna wts", "rasilna", "raslna",
     "tawasal ma3na", "tawa9al ma3na", "ittasil bina", "itti9il bina", "wts ap", "wtsap",
     "fi el profile", "fi el bio", "i7jiz alhin", "i7jiz al7in", "i7jiz al7een",
     "ot6lub alhin"],
     "all_needs": ["for all your", "all your needs", "لجميع احتياجاتكم", "لجميع احتياجاتك",
     "لكل احتياجاتك", "لكل احتياجاتكم", "جميع احتياجاتكم", "كل احتياجاتكم", "l kil i7tiyajatak",
     "kil i7tiyajatak", "kil e7tiyajatak", "jamee3 i7tiyajatkum"],
     "service_hours": ["available 24", "open 24", "24 7 service", "service 24", "we work 24",
     "around the clock", "نعمل علي مدار", "خدمه 24", "متوفرين 24", "متواجدين 24",
     "علي مدار 24", "khidma 24", "mitwafreen 24", "24 sa3a khidma"],
     "free_check": ["free inspection", "free quote", "free quotation", "free estimate",
     "free consultation", "free site visit", "معاينه مجانيه", "المعاينه مجانا", "فحص مجاني",
     "كشف مجاني", "استشاره مجانيه", "mu3ayana majaniya", "m3aina majaniya", "fa7s majani",
     "kashf majani"],
     "guarantee": ["we guarantee", "year guarantee", "years guarantee", "gone for good",
     "guaranteed results", "نضمن", "نتايج مضمونه", "ضمان سنه", "ضمان سنتين", "n9ammin",
     "nidhman", "ndhamin", "madhmoon 100", "ma9moon 100"],
     "reader_asked": ["need a", "need an", "want a", "want an", "looking for a",
     "looking for an", "tired of", "shifting house", "moving house", "تبي=", "تبغى=", "تبغي=",
     "تحتاج=", "تدور=", "tabi=", "tibi=", "tibgha=", "tibghi=", "t7taj=", "ti7taj=",
     "tdawwir="]}  # fmt: skip
_OFFER = index_terms(_OFFER_GROUPS)
# A trade offered as available: a worker's noun with "available" or "ready" at most four words
# on ("Experienced babysitter available", "مربية أطفال ذات خبرة متاحة", "9abbagh mitwafir").
# A report names a worker too ("the park's gardener"), never as on offer.
_AVAILABLE = index_terms(
    {"worker": ["babysitter", "nanny", "nannies", "maid", "maids", "housemaid", "cleaner",
     "cleaners", "gardener", "gardeners", "painter", "painters", "driver", "drivers", "tutor",
     "teacher", "nurse", "nurses", "plumber", "electrician", "technician", "labourer",
     "labourers", "مربيه", "مربيات", "خادمه", "خادمات", "شغاله", "شغالات", "عامله", "عاملات",
     "منظفه", "منظفات", "مزارع=", "بستاني", "دهان=", "دهانين", "صباغ=", "صباغين", "سايق",
     "سايقين", "سواق", "مدرس", "معلمه", "ممرضه", "ممرضات", "سباك", "كهربائي", "فني=",
     "فنيين", "murabiya", "murabbiya", "mrabbiya", "shaghala", "shaghalat", "5adima",
     "khadima", "3amila", "munadhifa", "mzari3", "bustani", "9abbagh", "9abbagheen",
     "sabbagh", "dahhan", "sawaq", "sawwaq", "mudarris", "mudarrisa", "mu3allima", "mumarridha",
     "sabbak", "kahrabai", "fanni"],
     "available": ["available", "ready to work", "ready for work", "for hire", "متاحه=",
     "متاح=", "متوفره=", "متوفر=", "متوفرين=", "متوفرات=", "جاهزه للعمل", "جاهز للعمل",
     "جاهزات", "mitwafra", "mitwafir", "mutawaffira", "mutawaffir", "mitwafreen", "jahza",
     "jahzeen", "jahzat", "mutaa7a", "muta7a"]}
)  # fmt: skip
_AVAILABLE_SPAN = 5  # "available" at most four words after the worker
# Cheap looks at the raw text before the two scans above (screen() runs on every message): a
# link word, and a word of _AVAILABLE's "available" label (their stems, any spelling).
_LINK_WORD = re.compile(r"link|click|\btap\b|رابط|اضغط|raa?bi[6t]", re.I)
_READY_WORD = re.compile(r"availab|ready|hire|متا[حخ]|متو[فق]ر|جاهز|mitwaf|mutawaf|jahz|muta", re.I)
# "the gardener is not available": a negation between them is a complaint
_NOT = frozenset({"not", "isn", "never", "no", "ما", "مب", "مو", "غير", "ليس", "لا", "mob", "mb",
                  "mu", "mo", "ma", "mub", "mish"})  # fmt: skip
_OFFER_NEEDED = 2  # parts of an offer that make an advert with no seller's phrase
# A rate: a sum "a day" or "a month" ("8 OMR a day", "180 a month"); "for a month" alone is a
# citizen's how long. Fifteenth pass: "an hour" and "the hour", and the Arabic and Arabizi
# sum with "the hour" or "for the hour" ("ريالين للساعة", "٣ ريال الساعة", "2 riyal el sa3a");
# not "the day" or اليوم, which is also "today" ("paid 10 rials today").
_RATE = re.compile(
    r"\d\s?(?:omr|ro|rials?|riyals?)?\s?(?:(?:an?|per|/)\s?(?:day|month|hour|night)|the hour)\b"
    r"|(?:ريال|ريالين|ريالات|ر\.ع)\s?(?:لل|ال|في ال|بال)ساع[ةه]"
    r"|\d\s?(?:omr|rials?|riyals?|ryals?)\s?(?:el|al|l|lil|lel|bil|fil|fi el) ?sa3a\b"
    # eighteenth screening pass: a price per square metre, as plots and flats are sold
    # ("12 OMR per sqm", السعر للمتر ١٢ ريالاً, "el mitr b 12 riyal")
    r"|\d\s?(?:omr|ro|rials?|riyals?)?\s?(?:per|a|/)\s?(?:sqm|m2|square met)"
    r"|(?:للمتر|المتر|بالمتر|el mitr|il mitr|lel mitr|lil mitr)\s(?:ب\s?|b\s?|bi\s)?\d",
    re.I,
)
# A call to ring a number ("call Rashid 9345 1122", "اتصل على 99887766", "itti9il 9988..."): a
# seller's order to the reader (sixteenth pass), one part of an offer. A citizen gives a
# number as "call me on" (not matched: "me", "us", علي) or says "I call ..." (not matched).
_CALL_NUMBER = re.compile(
    r"(?<![\w])(?<!i )(?<!we )(?:call|ring|whatsapp|اتصل|itti9il|itta9il|ittasil|itasil)"
    r"(?:\s+(?!me\b|us\b|him\b|her\b|علي\b)[^\s\d]+){0,2}\s+(?:\+?968[\s-]?)?[279]\d{3}",
    re.I,
)
# A demand to pay through a link (fifteenth pass): fake fines, fees, parcels and card
# blocks. A citizen pays the municipality too ("كيف ادفع المخالفة؟", "the payment link fails"),
# so a demand needs all three: a payment verb as an order ("settle it", سددها, saddidha), a
# link (a word for one, or an address), and a threat or deadline or the reader addressed as
# owing ("overdue", "before it doubles", قبل لا, "you have", عليك, shi7natak). A citizen
# quoting such a message to ask about it is cleared by _REPORTED ("it says", "is this real").
_PAY_DEMAND = index_terms(
    {"pay": ["pay now", "pay today", "pay immediately", "pay it", "pay your", "pay the", "pay through", "pay via", "pay at", "pay online",
     "settle it", "settle your", "settle the", "settle now", "complete the payment",
     "complete payment", "complete your payment", "make the payment", "make payment",
     "سددها", "سدده=", "سددي", "سدد=", "سددوا", "يرجى سداد", "يرجى السداد", "يرجى الدفع",
     "قم بالدفع", "قم بالسداد", "اكمل الدفع", "اكمل السداد", "ادفع=", "ادفعها", "ادفعه=",
     "ادفعوا", "idfa3", "idfa3ha", "idfa3ah", "idfa3o", "saddid", "saddidha", "sadidha",
     "saddidah", "saddidoha", "kammil el daf3",
     # nineteenth screening pass: the formal order ("قم بسداد رسوم التجديد")
     "قم بسداد", "يرجي سداد", "يرجي دفع", "قم بدفع",
     # a renewal ordered through a link with a deadline is the same demand
     "renew your", "renew now", "renew today", "جدد=", "جددها", "جدديها", "jaddid=",
     "jaddidha",
     # twenty-first screening pass: the fine "and its payment" ordered after a formal "please
     # review" (يرجى مراجعة التفاصيل وسداد الغرامة), Arabizi "you must settle it", a renewal
     # "at" an address
     "وسداد الغرامه", "وسداد المخالفه", "سداد الغرامه", "سداد المخالفه", "tsaddidha",
     "tsaddid=", "tsadidha", "renew at", "renew via", "renew here", "pay here"],
     # "pay" or "settle" alone is a citizen's too ("I want to pay my fine"): an order only
     # to a reader addressed as owing ("your parcel ... pay 0.5 OMR at the link")
     "pay_word": ["pay=", "settle=", "clear it", "clear your", "clear the fine"],
     # twenty-fourth screening pass: an account "suspended" and an order to activate or verify
     # it through the link, with no pay word (read only beside a threat: a citizen says "I
     # cannot activate my account")
     "activate": ["activate", "reactivate", "verify your", "verify it", "فعل=", "فعله=",
     "فعليه", "بتفعيله", "بتفعيل", "تفعيل=", "تفعيله", "fa3il=", "fa3ila", "fa3ilah",
     "fa3ilha", "fa33il"],
     "link": ["link", "links", "click", "tap", "رابط", "الرابط", "اضغط", "el link", "3al link",
     "min el link", "rabi6", "el rabi6", "raabi6", "rabit=", "el rabit"],
     "threat": ["overdue", "unpaid", "outstanding", "doubled", "doubles", "penalty",
     "to avoid", "within 24", "within 48", "will be cancelled", "will be canceled",
     "will be suspended", "will be blocked", "suspended", "final notice", "final reminder",
     "last reminder", "غير مسدده", "غير المسدده", "ما سددتها", "ما سددته", "متاخره",
     "متاخرات", "لتجنب", "تجنبا", "تتضاعف", "مضاعفتها", "ايقاف", "يوقفون", "توقيف", "الغاء",
     "اغلاق", "خلال 24", "خلال 48", "اخر تذكير", "اشعار نهايي", "قبل لا", "قبل ما",
     "gabl la", "8abl la", "gabl ma", "qabl la", "tit3aqad", "ma saddadtha", "ma saddadta",
     "muta5ira", "mit2a55ra", "ywagfoon", "ywaqfoon", "iqaaf", "ilgha", "5ilal 24",
     "khilal 24", "final notice", "will be fined", "ستفرض", "سيتم فرض", "tinghalig",
     "yitsakkar", "tit3aqab",
     # twenty-fourth screening pass: an account suspended ("تم تعليق حسابك", "7isabak mwagaf")
     "has been suspended", "been blocked", "deactivated", "تعليق", "تم ايقاف", "موقوف",
     "mwagaf", "mwaggaf", "mawgoof", "maw8oof", "m3allag", "mu3allaq"],
     "owing": ["you have", "your fine", "your parcel", "your package", "your shipment",
     "your card", "your account", "your licence", "your license", "your permit",
     "your vehicle", "عليك", "لديك", "لديكم", "عندك", "شحنتك", "طردك", "بطاقتك", "حسابك",
     "سيارتك", "رخصتك", "ترخيصك", "محلكم", "مخالفتك", "3alaik", "3alaich", "3indak", "3ndak",
     "shi7natak", "6ardak", "bi6aqatak", "7isabak", "sayyartak", "ru5satak", "mukhalaftak",
     "عقارك", "منشاتك", "محلك", "مبناك", "3aqarak", "ma7allak", "your property", "your shop"]}
)  # fmt: skip
# Words after which a listing names what its price includes ("including water and
# electricity", "شامل الماء والكهرباء", "shamil el may"): no problem, though the lexicon reads
# water and electricity as one (fifteenth pass).
_INCLUDING = frozenset(
    {"including", "includes", "inclusive", "incl", "شامل", "شامله", "يشمل", "تشمل", "shamil",
     "shaamil", "shamel", "shamla"}
)  # fmt: skip
# Sixteenth pass: what follows the utilities in a listing ("water and electricity included",
# "on the tenant", الماي والكهربا مشترك, "3la el musta2jir"): the words just after the run
# (a preposition first, for the tenant) that make it the rent's terms, not a leak or a cut.
_TENANCY_AFTER = frozenset(
    {"included", "extra", "separate", "separately", "shared", "مشترك", "مشتركه", "منفصل",
     "منفصله", "mushtarak", "mshtarak", "mushtaraka", "munfasil"}
)  # fmt: skip
_TENANCY_ON = frozenset({"on", "by", "paid", "علي", "3la", "3ala", "3al", "the", "el", "al"})
_TENANT = ("tenant", "المستاجر", "مستاجر", "musta2jir", "mustajir", "mista2jir")
# What a price includes: utilities and the little words between them, read until another word.
_UTILITIES = frozenset(
    {"water", "electricity", "internet", "wifi", "gas", "bills", "utilities", "and", "of",
     "الما", "الماي", "ماي", "مي", "الكهربا", "كهربا", "النت", "الانترنت", "الغاز", "الفواتير",
     "el", "al", "w", "wa", "may", "maay", "mayya", "kahraba", "net", "ghaz"}
)  # fmt: skip
_AD = TermIndex((term, term) for term in _AD_TERMS)  # each cue counts once
_WEAK = TermIndex((term, term) for term in _WEAK_TERMS)
_WEAK_NEEDED = 3  # weak cues that make an advert with no strong one
_AD_NEEDED = 2  # cues needed on their own; one strong cue is enough with contact details
_PERCENT = re.compile(r"\d\s?%|٪")
# A promotion as the seller states it ("15% off", "free for the first 100 customers", "لأول 50
# زبون", "10 year guarantee", "ضمان ستة شهور"): a strong cue; a quoted one is cleared by the
# guards.
_DISCOUNT = re.compile(
    r"\d\s?[%٪]\s?off\b|\bfirst \d+ (?:customers|clients|visitors|callers)"
    r"|\d+[\s-]?(?:years?|months?)[\s-]?(?:guarantee|warranty)"
    r"|(?:ضمان|كفال[ةه]|dhaman|dhamaan|kafala) (?:لمد[ةه] |limuddat )?(?:\d+|سنه|سنتين|ستة|ست|خمس|عشر|sana|sanatain"
    r"|\w+ (?:سنوات|شهور|[اأ]شهر|sanawat|shhoor|ashhur))"
    r"|(?:لاول|لأول|awwal|awal) \d+ (?:زبون|زبائن|عميل|عملاء|zboon|zaboon|3ameel)",
    re.I,
)
# Twenty-third screening pass: a price "starting from" ("بأسعار تبدأ من 25 ريالاً", "villas
# from 25,000 OMR", "yibda min 10 riyal"): a seller's lowest price, one strong cue. Not a sum
# that changed ("went up from 2 to 5 OMR", "ارتفعت من ٣ الى ٦"): _from_price reads what is on
# either side.
_FROM_PRICE = re.compile(
    r"(?:(?<!\w)(?:starting|prices?|only) (?:from|at)|(?<!\w)from(?: only)?|تبد[اأ] من|يبد[اأ] من"
    r"|ابتداء[اً]* من|اسعار من|أسعار من|(?:tibda|tebda|yibda|yebda|ibtida2an) min)"
    r"\s?\d[\d,.]*\s?(?:k\s?)?(?:omr\b|ro\b|rials?\b|riyals?\b|ريال|ر\.ع)",
    re.I,
)
_CHANGED = re.compile(
    r"(?:up|down|rose|risen|increased|raised|jumped|went|gone|changed|fell|dropped|ارتفع\w*|زاد\w*"
    r"|زادت|صار\w*|تغير\w*|نزل\w*)\s*$",
    re.I,
)
_CHANGED_TO = re.compile(r"^\s*(?:to|until|till|الى|إلى|لين|ل|-|–|ila|l)\b", re.I)


def _from_price(raw: str) -> bool:
    """A seller's "starting from" price (_FROM_PRICE), not a sum told as changed."""
    if not re.search(r"from|من|min", raw, re.I):
        return False  # a cheap look: most messages have none
    text = raw.translate(_DIGITS)
    for found in _FROM_PRICE.finditer(text):
        if _CHANGED.search(text[max(0, found.start() - 20) : found.start()]):
            continue
        if _CHANGED_TO.search(text[found.end() : found.end() + 8]):
            continue
        return True
    return False


# Eighteenth screening pass: a promotion's grammar, read on the normalised words (any count,
# any item): "buy 3 get 1 free", اشتر اطارين واحصل على الثالث, "ishtri 3 w 5ith el rabi3", the
# Nth one free (الرابعه هديه, "el rabi3 majjan"), "get the 4th free". Only a seller writes it;
# a citizen quoting or retelling it is cleared by _own_words, one naming a problem and a
# place by the guards. Counts two strong cues (an advert on its own).
_BUY_GET = re.compile(
    r"\bbuy (?:\d+|one|two|three|four|five|any \w+) (?:and |& )?get\b"
    r"|\bget (?:the |a |your )?(?:\d+(?:st|nd|rd|th)?|one|another|second|third|fourth|fifth)"
    r" (?:\w+ )?(?:free|for free)\b"
    r"|(?<!\S)اشتر[يو]?ا? (?:\S+ ){1,2}(?:و ?احصل|و ?خذ|و ?خذي|و ?عليك)"
    r"|(?<!\S)(?:خذ|خذي|خذوا) \S+ (?:\S+ )?(?:و ?عليك|و ?الثاني|و ?الثالث|و ?الرابع)"
    r"|(?<!\S)(?:ال)?(?:ثاني|ثانيه|ثالث|ثالثه|رابع|رابعه|خامس|خامسه) (?:مجانا|ببلاش|بلاش|هديه|علينا)(?!\S)"
    r"|(?<!\S)(?:ishtri|ishtiri|eshtri|shtri|ishtaree) (?:\S+ ){1,2}(?:w|wa|o) ?"
    r"(?:5ith|5uth|khith|khuth|5oth|a5ith|i5ith|5udh|khudh|7a9il|ta7a9al)(?!\S)"
    r"|(?<!\S)(?:el|il|al) ?(?:thani|thaani|thalith|thaalith|rabi3|raabi3|5amis)"
    r" (?:majjan\w*|majan\w*|bilash|bbalash|hadiya|3alaina)(?!\S)"
)
# A saving promised up to a figure ("save up to 70%", وفر حتى ٧٠٪, "tiwaffir 70%"): one
# strong cue; the percentage is the weak one beside it. A citizen's "to save 5 rials" has no
# "up to" and no seller's "you save".
_SAVE_UP_TO = re.compile(
    r"(?<!\S)save up ?to \d"
    r"|(?<!\S)(?:و?وفر|و?وفري|توفير|توفر|نوفر ?لك|tiwaffir|twaffir|waffir|tewaffer)"
    r" (?:(?:حتي|الي|lain|ila|7atta|hatta) )?\d"
)
# Twenty-first screening pass: a chain message's order to pass it on to a crowd ("send this to
# 7 people", "Send to all your groups", ارسلوها لكل من تحبون, دزها لعشرة من ربعك, "irsiloha l kil
# el groupat"), read on the normalised words in every form. A citizen asks us to tell people,
# never to forward a message to their own groups; "send someone" names no crowd. Counts two
# strong cues, as _BUY_GET does.
_PASS_ON = re.compile(
    r"(?<!\S)(?:forward|send|share|pass)(?: (?:this|it|the message|this message)(?: on)?| on)?"
    r" (?:it )?(?:to|with) (?:everyone|everybody|(?:all )?your (?:groups|contacts|friends|family)"
    r"|all (?:groups|contacts|friends)|\d+ (?:people|persons|friends|contacts|groups)"
    r"|every (?:group|chat|contact|friend)s?)(?!\S)"
    r"|(?<!\S)و?(?:وصل|عمم|طرش|ابعث|حول)(?:ها|وها|يها|ه|وه|يه) (?:الي |علي )?(?:لكل|للكل|لجميع"
    r"|للقروبات|لقروباتك|القروبات|المجموعات|للمجموعات|الجروبات|لاصدقايك|لربعك|لاهلك|للاهل"
    r"|لعشره|ل\d+)(?!\S)"
    r"|(?<!\S)t?(?:irsil|inshir|6arrish|wa9il|3ammim)\w* (?:\S+ ){0,3}(?:l|li|lil|la|ila) ?"
    r"(?:kil|\d+|3ashara|groupat|el groupat|a9diqa2ak|rab3ak|ahlak)(?!\S)"
    r"|(?<!\S)و?(?:ارسل|انشر|دز|وزع|انقل)(?:ها|وها|يها|ه|وه|يه)(?: \S+)? (?:الي |علي )?(?:كل|لكل|عشره"
    r"|لعشره|\d+|ل\d+|القروبات|للقروبات|قروباتك|لقروباتك|اصدقايك|لاصدقايك|ربعك|لربعك|اهلك"
    r"|لاهلك|للاهل|الكل|للكل|جميع|لجميع)(?!\S)"
    r"|(?<!\S)(?:irsil|inshir|dizz?|6arrish|wazzi3)(?:ha|oha|ooha|iha)(?: \S+)?"
    r" (?:(?:l|li|lil|la|3la|ila) )?(?:kil|el kil|\d+|3ashara|groupat|el group|el groubat"
    r"|a9diqa2ak|rab3ak|ahlak)(?!\S)"
)
_PASS_HINT = re.compile(
    r"forward|send|share|pass|ارسل|أرسل|انشر|دز|وزع|انقل|وصل|عمّ?م|طرش|ابعث|حول|irsil|inshir|diz"
    r"|6arrish|wazzi3|wa9il|3ammim",
    re.I,
)
# Twenty-second screening pass: a notice addressed to the residents or owners as its audience,
# in its first words ("إعلان هام لسكان ولاية بوشر", "تنبيه لأهالي العامرات", "NOTICE TO ALL
# VILLA OWNERS", "i3lan lil sukkan"): one part of an offer. A citizen writes to the
# municipality, and "no notice to residents" (a negation first) is a complaint.
_NOTICE = re.compile(
    r"^(?:\S+ ){0,2}(?:اعلان|تنبيه|تعميم|بشري|notice|attention|announcement|i3lan|tanbeeh|bushra)"
    r"(?: \S+)? (?:ل|لل|الي |لجميع |الي جميع |to (?:all )?|lil |lel |l |li )?(?:ال)?"
    r"(?:سكان|اهالي|ملاك|مالكي|residents|owners|villa owners|house owners|tenants|sukkan"
    r"|ahali|ahaali)(?!\S)"
)
# Words one of which _BUY_GET or _SAVE_UP_TO needs: a cheap look before either scan.
_PROMO_HINT = frozenset(
    {"buy", "get", "save", "اشتر", "اشتري", "اشترو", "اشتروا", "خذ", "خذي", "خذوا", "مجانا",
     "ببلاش", "بلاش", "هديه", "علينا", "ishtri", "ishtiri", "eshtri", "shtri", "ishtaree",
     "majjan", "majjani", "majjanan", "majjaniya", "majan", "majani", "majanan", "bilash",
     "bbalash", "hadiya", "3alaina", "وفر", "ووفر", "وفري", "ووفري", "توفير", "توفر", "نوفر",
     "نوفرلك", "tiwaffir", "twaffir", "waffir", "tewaffer"}
)  # fmt: skip
# A sum of money: a number and a currency, or the Gulf dual "two rials" in one word.
_PRICE = re.compile(
    r"\d\s?(?:(?:k|thousand|الف|ألف|آلاف)\s?)?(?:omr\b|o\.m\.r|ro\b|r\.o\b|rials?\b|riyals?\b|ryals?\b|bz\b|baisa\b|baiza\b"
    r"|usd\b|dollars?\b|ريال|ر\.ع|دولار|درهم|بيسه)"
    r"|\$\s?\d|ريالين",
    re.I,
)
# States of a problem the lexicon's concepts do not name (seventeenth pass): something leaking
# ("the tank leaks into the stairwell", تسريب, "ysarrib"), food gone bad at the shop ("el la7am
# ri7ta mu zaina"). A place beside one is a report (_problem_and_place), as with the concepts.
_PROBLEM_STATE = index_terms(
    {"leak": ["leak", "leaks", "leaking", "leaked", "leakage", "تسرب", "تسريب", "يسرب", "تسرب=",
     "gushing", "burst pipe", "pipe burst", "انفجر الانبوب", "انكسر الانبوب", "infajar",
     "يخر=", "تخر=", "tasarrub", "tasreeb", "ysarrib", "yisarrib", "ykhur", "yi5ur", "y5ur"],
     "spoiled": ["spoiled", "spoilt", "rotten", "mouldy", "moldy", "smelled bad", "smells bad",
     "فاسد", "فاسده", "خايس", "خايسه", "متعفن", "ريحته مو زينه", "ريحتها مو زينه",
     "ريحته مب زينه", "ريحتها مب زينه", "ri7ta mu zaina", "ri7ta mob zaina", "ri7ta mb zaina",
     "ri7tah mu zaina", "ri7ta 5aysa", "ri7ta khaisa", "khayis", "5ayis", "mit3affin",
     "fasid", "faasid"],
     # twenty-third screening pass: a thing broken or out of order, and a disturbance (loud
     # speakers, a DJ, neighbours who cannot sleep): states the lexicon's concepts miss
     "broken": ["broken", "out of order", "not working", "مكسور", "مكسوره", "مكسرة", "مكسره",
     "متكسر", "متكسره", "خربان", "خربانه", "عطلان", "عطلانه", "معطل=", "معطله", "maksoor",
     "maksoora", "mkassar", "mkassra", "5arban", "5arbana", "khirban", "khraban", "3a6lan",
     "3atlan", "m3a66al", "not a single working", "not one working", "nothing works",
     "ما يشتغل", "ما تشتغل", "مو شغال", "مب شغال", "ma yishtaghil", "ma tishtaghil",
     "mo shaghal", "mub shaghal"],
     "disturbance": ["loudspeakers", "loud speakers", "speakers blasting", "blasting music",
     "loud music", "can't sleep", "cannot sleep", "السماعات", "سماعات", "مكبرات الصوت",
     "ما نقدر ننام", "ما قدرنا ننام", "لا نستطيع النوم", "mikrofonat", "maykrofonat",
     "sama3at", "sammaa3at", "ma nigdar nnam", "ma nigdar nanam", "ma yigdroon yinamoon",
     "ma nigdar nnaam"],
     # twenty-fourth screening pass: a firm dumping by the writer's home ("تلقي الكراتين")
     "dumped": ["dumps=", "ترمي=", "تلقي الكراتين", "تلقي المخلفات", "تلقي النفايات",
     "تلقي القمامه", "tarmi=", "yarmi=", "yirmi=", "yarmoon", "yirmoon"]}
)  # fmt: skip
# A problem the municipality handles: the lexicon's concepts for things broken, dirty,
# dangerous, unlawful or disturbing (not those for thanks, questions or services).
_PROBLEMS = frozenset(
    {"pothole", "asphalt", "pavement", "dark", "garbage", "container", "collect", "dumping",
     "abandoned", "sewage", "manhole", "smell", "pooling", "drain", "hygiene", "rodent", "insect",
     "animal", "violation", "danger_structure", "noise", "fire", "wires", "vendor",
     "lasting"}  # "for months" was part of "abandoned" until the fourteenth pass: kept as it was
)  # fmt: skip
# Place names and address words (the lexicon's) that say where, without the bare articles and
# words a seller uses too: "el"/"al" are in every Arabizi message, and an Arabizi advert read
# as a report "with a place" because of them (ninth pass, out-of-fold on the shipped adverts).
_NOT_PLACES = frozenset({"al=", "el=", "way=", "block=", "north=", "south="})
_PLACE_NAMES = index_terms({"place": [t for t in PLACE_TERMS if t not in _NOT_PLACES]})
_ADDRESS = re.compile(r"\b(?:way|block|sikka|sikkat|سكه|السكه)\s?(?:no\.?|رقم)?\s?\d", re.I)
# Where: a road word, a place name or address word (the lexicon's), or a spatial relation.
# "3ind" (at) only whole, as "عند=": "3indna" and "3indak" are also "we have" and "at your
# place", what a seller says ("3indna 3ard 5aas", "nwa9il lain 3indak"; tenth pass).
_WHERE = index_terms(
    {"where": ["near=", "next to", "in front of", "behind=", "outside=", "opposite=", "beside=",
     "our street", "our area", "our lane", "our building", "neighbourhood", "neighborhood",
     "roundabout", "junction", "road=", "street", "lane=", "قرب", "جنب", "بجانب", "بجوار", "امام",
     "قدام", "خلف", "عند=", "حارتنا", "حينا", "الحي=", "منطقتنا", "شارع", "طريق", "دوار",
     "تقاطع", "jamb", "3ind=", "gddam", "giddam", "shari3",
     "share3=", "el share3", "sharee3", "6areeq", "6ari8", "sikka=", "el sikka", "dawwar",
     "jidam", "jiddam", "gidam", "el ra9eef", "el rasee8", "el ra9ee8",
     "7aretna", "7aritna", "el 7ara", "mante8atna", "mantiqatna", "3nd=", "jambna", "giddamna",
     # a business named as "the ..." is where a report happens; an advert says "our shop"
     "the restaurant", "the shop", "the salon", "the bakery", "the gym", "the showroom",
     "the kitchen", "المطعم=", "المحل=", "الصالون=", "المخبز=", "المعرض=", "البقاله=",
     "الورشه=", "المطبخ=", "el ma6a3im", "el mat3am", "el ma7al",
     "next door", "next to us", "downstairs", "جنبنا", "بجوارنا", "جيراننا",
     # seventeenth pass: under or inside the building a tenant complains of
     "under the building", "in the building", "stairwell", "تحت العماره", "تحت البنايه",
     "في العماره", "درج العماره", "t7t el 3imara", "ta7t el 3imara", "ta7t el 3imarah",
     "fi el 3imara", "daraj el 3imara",
     # twenty-first screening pass: Arabizi "the neighbourhood" (الحي is listed)
     "el 7ayy=", "el 7ay=", "fi 7ayy=", "fi 7ay=", "7ayyna", "7ayna",
     # twenty-third screening pass: Gulf "behind" and "in the quarter of"
     "ورا=", "وراء=", "في حي", "fi 7ai="]}
)  # fmt: skip
# The public way blocked (fourteenth pass): a blocking verb with a way word at most three
# words on ("blocks the service road", "يغلق الطريق الخدمي", "ysakkir el masar"), or
# something standing on the footway ("15 cars on the sidewalk", "على الرصيف"). A business
# named by its hours, prices or number is then the offender of a report; the seventh pass's
# "obstruction" phrases in _REPORTED list whole phrases, this reads the meaning.
_BLOCKING = index_terms(
    {"block": ["block", "blocks=", "blocked", "blocking", "obstruct", "يسد=", "يسدون", "سادين",
     "ساد=", "سدوا", "يغلق", "يغلقون", "مغلقين", "يسكر=", "يسكرون", "مسكر=", "مسكرين", "سكروا",
     "ysid=", "ysidd", "yisid", "تسد=", "سدت=", "tsid=", "tsidd=", "ysiddoon", "sadeen", "saddeen", "ysakkir", "ysakir", "msakkir", "msakir",
     "msakkreen", "msakreen", "sakkaraw", "yghlig", "yighlig"],
     "way": ["road", "street", "lane", "entrance", "exit=", "sidewalk", "pavement", "footpath",
     "walkway", "driveway", "gate=", "traffic", "الطريق", "طريق=", "الشارع", "شارع", "المسار",
     "مسار=", "المدخل", "مدخل=", "المخرج", "الممر", "ممر=", "الرصيف", "الممشى", "السكه",
     "الدوار", "el 6areeq", "6areeq", "el share3", "share3=", "el masar", "masar=",
     "el madkhal", "madkhal=", "el mamar", "el mamsha", "el ra9eef", "ra9eef=", "el sikka",
     "el dawwar", "el darb", "darb="],
     "on_footway": ["on the sidewalk", "on the pavement", "on the footpath", "on the walkway",
     "على الرصيف", "فوق الرصيف", "على الممشى", "3ala el ra9eef", "3al ra9eef",
     "3la el ra9eef", "fog el ra9eef"]}
)  # fmt: skip
_BLOCK_SPAN = 4  # a way word at most three words after the blocking verb
# Advertising put up in public (flyers on windscreens, banners on lamp posts, stickers, numbers
# sprayed on walls): the municipality removes it, so a message naming it and where it is, is a
# report, whatever advert it quotes (twelfth pass). An advert names its product, not the medium
# it is stuck on; "اعلان" alone heads adverts ("اعلان: شقة للايجار"), the plural is the citizen's.
_AD_MEDIA = index_terms(
    {"ad_media": ["flyer", "leaflet", "pamphlet", "banner", "poster", "sticker", "graffiti",
     "business cards", "cards=", "كروت", "بطاقات اعلانيه", "اعلانيه=", "kroot", "karoot",
     "spray painted", "spray-painted", "sprayed on", "sprayed its", "sprayed their",
     "sprayed numbers", "painted on", "ملصق", "لافته", "لافتات", "بوستر", "منشورات",
     "اوراق اعلان", "اعلانات", "بالبخاخ", "mal9aq", "mul9aq", "malsaq", "lafta", "lafitat",
     "boster", "manshoorat", "i3lanat", "i3lanaat", "ba55a5", "bakhakh",
     # seventeenth pass: the English plural, as the Arabic one (a seller names his offer)
     "ads=", "adverts", "advertisements",
     # sixteenth pass: an advert stuck, hung or tied on something ("a flat-for-rent notice
     # hung on the lamp post", ملصوق على الجدار, "mal9oo9 3la el jidar"): only the one who
     # wants it gone says where an advert is stuck
     "stuck to", "taped to", "glued to", "hung on", "hanging on", "tied to", "ملصوق",
     "لاصقين", "معلق علي", "معلقه علي", "معلقين علي", "مربوط علي", "مربوطه علي", "mal9oo9",
     "mal9ooga", "malsoog", "m3allag 3la", "m3allaq 3la", "m3allga 3la", "mrabbo6 3la",
     # nineteenth screening pass: one leaflet stuck on ("لاصق ورقة إعلان", "7a6 i3lan")
     "لاصق=", "ورقه اعلان", "lasig", "lasiq", "7a6 i3lan", "7a6 ilan", "7at i3lan"]}
)  # fmt: skip
# Surfaces that advertising is stuck on: a place enough for a report of it.
_SURFACES = index_terms(
    {"surface": ["lamp post", "light pole", "pole", "wall", "windscreen", "windshield", "wipers",
     "قزاز", "ماسحات", "gzaz",
     "cars=", "car park", "underpass", "bus stop", "عمود", "اعمده", "جدار", "جدران", "سور",
     "زجاج", "السيارات", "النفق", "المواقف", "3amood", "a3mida", "jidar", "jidraan", "soor=",
     "zujaj", "jam=", "el sayarat", "nafa8", "mawaqif", "my car", "سيارتي", "sayyarti",
     "sayarti", "every door", "the doors", "our door", "ابواب", "abwab"]}
)  # fmt: skip
# Twenty-first pass: "by way of" (عن طريق, "3n 6areeq"), whose road word is no place, and a
# cheap look for its road word first.
_VIA = index_terms(
    {"via": ["عن طريق=", "3n 6areeq", "3an 6areeq", "3n tareeq", "3an tareeq", "an 6areeq",
     "3n 6ariq", "3an 6ariq"]}
)  # fmt: skip
_VIA_HINT = re.compile(r"طريق|6ar[ie]{1,2}q|tareeq", re.I)
# What a listing lets or sells is named just before these (_without_listed).
_LISTED = index_terms(
    {"listed": ["for rent", "for sale", "for lease", "to let", "للايجار", "للبيع", "للتقبيل",
     "lil eejar", "lel eejar", "lil ijar", "lel ijar", "lel bee3", "lil bee3", "lel bai3",
     "space available", "spot available", "unit available"]}
)  # fmt: skip
# A map pin or coordinates say where as well as any street name does.
_PIN = re.compile(
    r"maps\.app\.goo\.gl|goo\.gl/maps|google\.[\w.]+/maps|maps\.google|"
    r"\b\d{1,2}\.\d{3,},\s?\d{1,3}\.\d{3,}\b",
    re.I,
)
# The writer's own words (seventeenth pass): what a citizen quotes or retells is the thing
# reported, not their intent. Quoted text ("the banner says 'MEGA SALE 70% OFF call now'") and
# reported speech, from a frame to the end of its clause (مكتوب عليها خصم ٧٠٪ اتصل الحين، ...;
# "he called saying he is an inspector"; "ubooy wa9alah msg: ..."; "سمعت فيه خصم"), are left
# out of the cues; an advert speaks in its own voice and never reports what it says. A
# message whose advertising is all quoted or retold is a report about it, whatever the advert
# model reads in the quote (_is_spam). "اعلان:" and "offer:" head adverts, so they are no frame.
_QUOTED = re.compile(
    r"[\"“”«»„]([^\"“”«»„\n]{3,})[\"“”«»„]|(?<![\w'’])['‘’]([^'‘’\n]{3,}?)['‘’](?![\w])"
)
# A message or text named before a colon: its words run to the end of the sentence.
_COLON_FRAME = re.compile(
    r"(?<!\w)(?:message|text|sms|msg|whatsapp|email|رسال[ةه]|الرسال[ةه]|مسج|المسج|رساله نصيه"
    r"|risala|rsala|masj)\s?:[^.!?؟\n]*",
    re.I,
)
# A verb of saying, writing, posting or offering: its words run to the end of the clause.
_SAYING = (
    "says", "said", "saying", "reads", "reading", "written", "writing", "claims", "claiming",
    "i heard", "heard that", "مكتوب", "مكتوبه", "مكتوبة", "كاتبين", "كاتب عليها", "كاتب عليه",
    "يقول", "تقول", "يقولون", "تقولون", "قايل", "قايلين", "سمعت", "سمعنا", "maktoob",
    "maktooba", "katbeen", "katib 3laiha", "ygool", "tgool", "y8ool", "t8ool", "ygooloon",
    "ygoloon", "simi3t", "sami3t", "sim3at",
    # an offer made to the writer, or one they saw: "I got an offer to clean the tank for 15"
    "got an offer", "offered me", "offered us", "offered to", "i saw", "we saw", "saw on",
    "عرض علي", "عرض عليه", "عرضوا علي", "عرضوا علينا", "عرض علينا", "شفت", "شفنا",
    "3arad 3lai", "3aradh 3lai", "3ard 3lai", "3ardh 3lai", "3ara9 3lai", "shift fi",
    "shift 3la", "shifna",
    # what a group, page or account posts or shares: "our area's group posts 'offer on ...'"
    "posts", "posted", "shares", "shared", "ينشر", "ينشرون", "نشر", "نشروا", "نازل", "نزلوا",
    "yinshir", "yinshiroon", "nashar", "nasharaw",
    # what someone told the writer
    "told us", "told me", "قال لنا", "قالوا لنا", "قالوا لي", "gal lana", "galaw lana",
    "galaw li",
    # twenty-third screening pass: "and written on it" (the regex reads a leading و; the hint
    # reads words)
    "ومكتوب", "ومكتوبه", "wmaktoob", "w maktoob",
)  # fmt: skip
_SAID_FRAME = re.compile(
    r"(?<!\w)و?(?:" + "|".join(sorted(map(re.escape, _SAYING), key=len, reverse=True)) + r")"
    r"(?!\w)[^.!?؟,،;؛\n]*",
    re.I,
)
_SAID_HINT = index_terms({"said": list(_SAYING)})  # the words first: most messages have none
# A question the writer asks about a fee, an offer or a rule ("is there a discount for
# retirees?", "how much per day?", هل فيه خصم؟, "kam el rusoom?"), or puts to the
# municipality in the plural a citizen uses for it ("intum tsawwonha?"): asked, not offered. A
# seller's question is put to the reader's wants ("need a loan?", تبي قرض؟): not this.
_ASKING = re.compile(
    r"(?<!\w)(?:how much|how many|is there|are there|can i|can we|could i|do i|do we|do you"
    r"|does the|is it|is this|is that|why|which|who|هل|كم|ليش|لماذا|متى|وين|كيف|ايش|شو|مين|kam|hal"
    r"|laish|leish|lesh|lish|mata|wain|kaif|keef|aish|shu|انتم|انتو|intum|antum|intu)(?!\w)",
    re.I,
)
_WANTS = re.compile(
    r"(?<!\w)(?:need|want|looking|tired|interested|searching|تبي|تبغى|تبغي|تحتاج|تدور|تبحث"
    r"|تريد|محتاج|tabi|tibi|tibgha|t7taj|ti7taj|tdawwir)(?!\w)",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?؟\n]*[.!?؟\n]?")
_QUOTE_MARK = re.compile(r"[\"“”«»„'‘’]")
_OWN_WORDS_NEEDED = 3  # words outside quotation marks for a quote to be a report of it
# A citizen asking what they need for their own permit or business ("do I need a permit?",
# "نحتاج تصريح؟", "ay mustanadaat a7taajha?"): first person and a question. A seller asks the
# reader ("تحتاج سباك؟", "need a permit?"), so the second person is left out.
_NEED = index_terms(
    {"need": ["do i need", "do we need", "what do i need", "what do we need", "احتاج", "نحتاج",
     "a7taaj", "a7taj", "a7tajha", "ni7taj", "n7taj", "ne7taj", "na7taaj"]}
)  # fmt: skip
# An Omani number as citizens and sellers write it: +968, 00968 or 968 first or not, a mobile
# (7, 9) number of eight digits in one run or two groups of four ("9123 4567", "9123-4567"), a
# landline (2) in one run (two groups of four starting 2 are years: "2025 2026"), or masked
# ("9xxxxxxx", "95xxxxxx"). Arabic-Indic digits are read as digits (_DIGITS) first.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)?968[\s-]?)?(?:[79][\dx]{3}[\s-]?[\dx]{4}|2[\dx]{7})(?!\w)", re.I
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Keyboard rows and runs typed when mashing keys.
_KEYBOARD_ROWS = (
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "ضصثقفغعهخحجد",
    "شسيبلاتنمكط",
    "ئءؤرلاىةوزظ",
)
_LATIN_VOWELS = set("aeiouy")


def screen(
    text: str,
    category_confidence: float | None = None,
    advert_probability: float | None = None,
    reading: Reading | None = None,
) -> str | None:
    """Why a message looks not-for-us ('empty', 'gibberish', 'spam'), or None if it looks real.

    `category_confidence` is the router's confidence in its category, when it has one;
    `advert_probability` the advert model's, when the model has one; `reading` the text
    already read (routing.reading).
    """
    reading = reading or read(text)
    text, norm = reading.raw, reading.norm
    if not _has_letters(norm):
        return EMPTY
    if _is_spam(text, list(reading.words), category_confidence, advert_probability):
        return SPAM
    if _is_gibberish(text, norm):
        return GIBBERISH
    return None


def names_place_or_problem(text: str, reading: Reading | None = None) -> bool:
    """Whether the text names a place or a municipal problem (either one; both together
    already keep a message from being spam): the signals `_is_spam` reads, exposed so a
    spam-flagged email that reads like a report is still acknowledged (core.intake.triage)
    rather than silenced. It decides no flag."""
    reading = reading or read(text)
    raw, words = reading.raw, list(reading.words)
    if _way_blocked(words) or _PROBLEM_STATE.find(words):
        return True
    if not _PROBLEMS.isdisjoint(concepts(_without_included(words))):
        return True
    return _has_place(raw, words)


def report_signs(text: str, flag: str | None, reading: Reading | None = None) -> bool | None:
    """`names_place_or_problem` for a message flagged spam, None for any other (not looked
    at: only a spam flag withholds the acknowledgement, and most messages are not flagged)."""
    return names_place_or_problem(text, reading) if flag == SPAM else None


def is_empty(text: str, reading: Reading | None = None) -> bool:
    """No letter in the message (blank, digits, emoji, punctuation): what `screen` calls
    'empty', without the spam and gibberish reading a non-empty message then gets."""
    return not _has_letters((reading or read(text)).norm)


def _has_letters(norm: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in norm)


def _is_spam(
    raw: str, words: list[str], category_confidence: float | None, advert_probability: float | None
) -> bool:
    """Advertising intent, no municipal problem and no report about the advertising.

    Three steps, each its own function: the writer's own advertising intent (_own_intent), a
    report it may still be (_reads_as_report: a problem and a place, a report about the
    advertising, a citizen's or customer's voice) and what the router's confidence clears
    (_router_clears). What is left is spam when the advert model says so, when it has two cues,
    or when the router is not even MUNICIPAL_CONFIDENCE sure of a category: the router's
    confidence clears a borderline advert (one strong cue plus contact details).
    """
    learned = advert_probability is not None and advert_probability >= ADVERT_THRESHOLD
    intent = _own_intent(raw, words, learned)
    if intent is None or _reads_as_report(raw, words, intent):
        return False
    if _router_clears(raw, words, intent, category_confidence):
        return False
    if learned:
        return True
    confident = category_confidence is not None and category_confidence >= MUNICIPAL_CONFIDENCE
    return intent.strong + intent.weak >= _AD_NEEDED or not confident


class _Intent(NamedTuple):
    """The writer's own advertising intent (_own_intent): cue counts in their own words."""

    strong: int  # seller's and scammer's phrases, offers to the reader counted in
    weak: int  # words, a percentage or a sum citizens use too
    offer: int  # parts of an offer to the reader (_OFFER)
    waived: list[tuple[int, int]]  # promises to skip a procedure, in the whole text's words
    own_raw: str  # the text without what the writer quotes, retells or asks about
    own: list[str]  # its words (the whole text's `words` object when nothing is left out)

    @property
    def seller(self) -> bool:
        """A seller's phrase: a strong cue, or three weak ones."""
        return self.strong > 0 or self.weak >= _WEAK_NEEDED


def _own_intent(raw: str, words: list[str], learned: bool) -> _Intent | None:
    """The advertising intent in the writer's own words, or None when there is none.

    Intent is the advert model's probability at ADVERT_THRESHOLD or more (`learned`), or a
    strong cue (a phrase only sellers and scammers use) with a second cue or contact details,
    or three weak cues, or a service offered to the reader (two parts of _OFFER, or one with a
    strong cue). The cues are phrase lists that lag adverts written by others. Seventeenth
    pass: every cue is read in the writer's own words (_own_words: not what they quote, retell
    or ask about), and advertising that is only quoted or asked about is a report, whatever
    the advert model reads in the quote.
    """
    strong, weak, offer, waived = _intent(raw, words)
    if not (strong or weak >= _WEAK_NEEDED or learned):
        return None  # most messages: no seller's word and an advert model far from it
    sells = strong > 0 or weak >= _WEAK_NEEDED
    own_raw, own = _own_words(raw, words)
    if own is not words:
        strong, weak, offer, waived = _intent(own_raw, own)
    intent = _Intent(strong, weak, offer, waived, own_raw, own)
    advert = strong > 0 and (strong + weak >= _AD_NEEDED or _has_contact(own_raw))
    if not (advert or weak >= _WEAK_NEEDED or learned):
        return None
    quoted = own is not words and sells and not intent.seller
    if quoted and _unquoted_words(raw) >= _OWN_WORDS_NEEDED:
        return None  # the advertising is what the writer quotes, retells or asks about
    return intent


def _reads_as_report(raw: str, words: list[str], intent: _Intent) -> bool:
    """A message with advertising intent that is still a report: a described problem and
    place, a question weighing two sums, a report about the advertising or business, or a
    citizen's or customer's voice.

    Twenty-first pass: a service offered to the reader with a way to reach the seller, or a
    chain's order, in the writer's own words, names the problem it sells against and the
    areas it serves ("تسليك مجاري ... نخدم السيب ... 9445..."); a citizen offers the reader
    nothing, so the problem and place clear no such message; a chain's warning of
    impersonators ("posing as") is no report of them either. Twenty-fourth pass: an order to
    reach the seller ("WhatsApp us") is a way to reach him, and the writer's own place and
    problem (_own_problem) is a report.
    """
    strong, weak, offer, waived, own_raw, own = intent
    chain = _passed_on(own_raw, own)
    offered = chain or (offer >= _OFFER_NEEDED and _reachable(own_raw, own))
    if (not offered and _problem_and_place(raw, words)) or _either_sum(raw, words):
        return True
    if not chain and (_own_problem(raw, words, intent) or _thanked_for_free(raw, words, intent)):
        return True  # twenty-fourth pass: the writer's own problem, or sarcastic thanks
    told = _asserted(raw, words, _put_to_reader)  # "Tired of being overcharged?" reports nothing
    if not chain and _reported(told, waived if told is words else _waived_spans(told)):
        return True
    if not chain and (_WITNESSED.search(" ".join(told)) or _charged_over_posted(told)):
        return True  # twenty-second pass: the writer as the business's witness or customer
    if not chain and _asks_if_genuine(raw):
        return True  # twenty-third pass: the writer asks whether it is official
    if _plain_report(words, intent) or _asks_for_papers(words, intent):
        return True  # twenty-third pass: only the advert model's margin called these adverts
    if not (chain or offered) and _facility_complaint(raw, words):
        return True  # twenty-third pass: a public facility's problem, told with no contact
    return _citizen_voice(raw, words, strong, weak, waived) or _customer_voice(raw, words, strong)


def _reachable(own_raw: str, own: list[str]) -> bool:
    """A way to reach the seller: contact details, or (twenty-fourth pass) an order to call,
    message or book him ("WhatsApp us", كلمونا) where the number is in his profile or image."""
    return _has_contact(own_raw) or "reader_orders" in _OFFER.labels(own)


def _router_clears(
    raw: str, words: list[str], intent: _Intent, category_confidence: float | None
) -> bool:
    """The router's confidence in a category clears an advert with no seller's phrase.

    Any advert with no seller's phrase (no strong cue or offer, fewer than three weak cues:
    prices, hours, contact details and shop names are none) when the router is confident
    (REPORT_CONFIDENCE) and the text says where; not more: the router never saw adverts in
    training, so it is confident about some of them (a pest-control company's offer reads as
    pest control). Sixteenth pass: a question with no seller's word and no part of an offer,
    which the router places confidently, is a citizen asking (the advert model alone flagged
    "can I book the appointment online?" when booking adverts were added to its rows).
    Seventeenth pass: a router at CLEAR_CONFIDENCE clears a message with no seller's word at
    all.
    """
    if category_confidence is None or category_confidence < REPORT_CONFIDENCE:
        return False
    strong, weak, offer = intent.strong, intent.weak, intent.offer
    if not intent.seller and _has_place(raw, words):
        return True
    if category_confidence >= CLEAR_CONFIDENCE and not (strong or weak or offer):
        return True  # the router is sure and the writer sells nothing in their own words
    if not (strong or weak) and not _PROBLEMS.isdisjoint(concepts(words)):
        return True  # a confident report of a problem with no seller's word at all
    # a question to us, confidently placed, with no seller's word or offer
    return not (strong or weak or offer) and bool(_QUESTION.search(raw))


def _own_words(raw: str, words: list[str]) -> tuple[str, list[str]]:
    """The text and words without what the writer quotes, retells or asks about (_QUOTED,
    _COLON_FRAME, _SAID_FRAME, _asked); the same `words` object when there is nothing of the
    kind (most messages). Each scan runs only when a cheap look finds its mark."""
    own = _QUOTED.sub(" ", raw) if _QUOTE_MARK.search(raw) else raw
    if ":" in own:
        own = _COLON_FRAME.sub(" ", own)
    if _SAID_HINT.find(words):
        own = _SAID_FRAME.sub(" ", own)
    if "?" in own or "؟" in own:
        own = _without_asked(own)
    if own == raw:
        return raw, words
    return own, list(read(own).words)


def _without_asked(text: str) -> str:
    """The text without its questions that ask (_ASKING) rather than put the reader's wants
    (_WANTS, after the asking word: "I want to sell coffee, how much per day?" asks)."""
    kept = []
    for sentence in _SENTENCE.findall(text):
        asking = _ASKING.search(sentence) if sentence.endswith(("?", "؟")) else None
        asked = asking is not None and not _WANTS.search(sentence, asking.start())
        kept.append(" " if asked else sentence)
    return "".join(kept)


def _intent(raw: str, words: list[str]) -> tuple[int, int, int, list[tuple[int, int]]]:
    """Strong and weak cues, offer parts and promises to skip a procedure in a text; a service
    offered to the reader and a promise to skip a procedure count as seller's phrases."""
    waived = _waived_spans(words)
    strong, weak, offer = _advert_cues(raw, words)
    strong += 2 * bool(waived)  # an advert on its own: only an agent sells skipping a procedure
    if offer >= _OFFER_NEEDED or (offer and strong):
        strong += offer  # a service offered to the reader is a seller's phrase
    return strong, weak, offer, waived


def _unquoted_words(raw: str) -> int:
    """How many words the writer wrote outside quotation marks (frames and questions count:
    "I got an offer ..., do you do it for free?" is all the writer's own)."""
    return len(_QUOTED.sub(" ", raw).split())


def _has_contact(raw: str) -> bool:
    """A link, an email address or a phone number (read only when one strong cue needs it)."""
    return bool(_URL.search(raw) or _EMAIL.search(raw) or _PHONE.search(raw.translate(_DIGITS)))


def _citizen_voice(
    raw: str, words: list[str], strong: int, weak: int, waived: list[tuple[int, int]]
) -> bool:
    """A citizen speaking to the municipality: asking what they need for their own permit, or,
    with no seller's phrase at all, thanking it or asking it a question (a fee, how to apply).

    The advert model reads a question about a licence fee with a phone number as an advert; a
    seller's question is rhetorical and comes with a call to act ("need a permit? call us"),
    which is a strong cue.
    """
    asks = bool(_QUESTION.search(raw))
    if asks and not waived and _NEED.find(words):
        return True
    if strong or weak >= _WEAK_NEEDED:
        return False
    if _indignant_sum(raw) or _shortage(words):
        return True  # twenty-second pass: "100 rials for a permit?!", "two bins for 20 houses"
    found = concepts(words)
    return ("thanks" in found and bool(_THANKED.find(words))) or (asks and "question" in found)


def _own_problem(raw: str, words: list[str], intent: _Intent) -> bool:
    """Twenty-fourth pass: the writer's own place or payment (_OWN_MARK: our street, بيتنا،
    "sikkatna", "we paid", ندفع) and a municipal problem, or thanks for it with no contact (sarcasm: "thanks for the free
    pool outside our house"), and nothing offered to the reader in the writer's own words
    (_TO_READER, a demand to pay or activate, a draw): a report, whatever prices, numbers or a
    business's discount it quotes. A seller's "we" sells to "your" home and asks to be called."""
    if not _OWN_MARK.find(words):
        return False  # most messages: no first-person place
    if not _TO_READER.isdisjoint(_OFFER.labels(intent.own)):
        return False
    if _pay_demand(intent.own_raw, intent.own) or _follow_and_win(intent.own):
        return False
    if _has_problem(words) or _way_blocked(words):
        return True
    return "thanks" in concepts(words) and not _has_contact(raw)


def _thanked_for_free(raw: str, words: list[str], intent: _Intent) -> bool:
    """Twenty-fourth pass: thanks for something "free" at a place (_FREE: "thanks for the free
    pool in the underpass", شكراً على الألعاب المجانية في الحديقة), with no contact and nothing
    offered to the reader: sarcasm about a public place. A seller who thanks his customers
    gives a way to reach him."""
    if "thanks" not in concepts(words) or not _FREE.search(" ".join(words)):
        return False
    if _has_contact(raw) or not _TO_READER.isdisjoint(_OFFER.labels(intent.own)):
        return False
    return _has_place(raw, words) or bool(_FACILITY.find(words) or _OWN_MARK.find(words))


def _asks_if_genuine(raw: str) -> bool:
    """Twenty-third pass: a question (a sentence ending in ? or ؟) whether something is official
    or genuine (_GENUINE), not put to the reader's wants (_WANTS: "want the official
    discount?"): the writer checks an offer or a site with us, whatever it quotes of it."""
    if "?" not in raw and "؟" not in raw:
        return False
    return any(
        sentence.rstrip().endswith(("?", "؟"))
        and _GENUINE.search(sentence)
        and not _WANTS.search(sentence)
        for sentence in _SENTENCE.findall(raw)
    )


def _has_problem(words: list[str]) -> bool:
    """A municipal problem: one of the lexicon's problem concepts or a state it misses."""
    return not _PROBLEMS.isdisjoint(concepts(words)) or bool(_PROBLEM_STATE.find(words))


def _plain_report(words: list[str], intent: _Intent) -> bool:
    """Twenty-third pass: no seller's word at all in the writer's own words (no strong or weak
    cue, no part of an offer) and a municipal problem named: a report, whatever the advert
    model reads (issue 17: spam needs advertising intent and no municipal problem). Of the
    shipped adverts two had no cue and a problem word (coursework written for pay, equipment
    rented by the day); their trades are cues now."""
    return not (intent.strong or intent.weak or intent.offer) and _has_problem(words)


def _asks_for_papers(words: list[str], intent: _Intent) -> bool:
    """Twenty-third pass: with no seller's word at all, a first-person request (_REQUEST: "send
    me", ابي، أرجو تزويدي، "3tooni") and a licence, permit, renewal or fee (the lexicon's
    "admin"): a citizen asks us for the link or form of their own paperwork. A seller offers
    to do the paperwork ("we do all the paperwork", نتولى) and never asks to be sent it."""
    if intent.strong or intent.weak or intent.offer:
        return False
    joined = " ".join(words)
    papers = "admin" in concepts(words) or bool(_PAPERS.search(joined))
    return papers and bool(_REQUEST.search(joined))


def _facility_complaint(raw: str, words: list[str]) -> bool:
    """Twenty-third pass: a public facility (a park, a bus stop, public toilets, a beach) or the
    municipality addressed (يا بلدية، "ya baladiya") with a municipal problem, and no phone,
    link or email: a complaint, sarcastic or plain ("the park's offer: buy one swing get
    zero, every game broken"); a seller gives a way to reach him."""
    if not _FACILITY.find(words) or not _has_problem(words):
        return False
    return not _has_contact(raw)


def _indignant_sum(raw: str) -> bool:
    """A sum in a sentence that ends in both a question and an exclamation ("3 rials to park
    for an hour?!", "ريالين عشان تدخل الحمام؟!"): the payer's indignation; a seller asserts
    his price and never questions it."""
    if "!" not in raw:
        return False  # most messages: no scan
    return any(_SUM.search(part) for part in _INDIGNANT.findall(raw.translate(_DIGITS)))


def _shortage(words: list[str]) -> bool:
    """A municipal thing counted against the homes it serves ("only two bins for twenty
    houses", "لثلاثين منزلاً", "l 20 bait") or one for a whole street or lane ("بس لمبة وحدة
    شغالة في السكة كلها"): a complaint of shortage. Not a price ("سعر واحد للبيت كله")."""
    joined = " ".join(words)
    found = _SHORTAGE.search(joined)
    if found is None:
        return False
    before = " ".join(joined[: found.start()].split()[-2:])  # "سعر واحد": the price is before
    return _PRICE_WORD.search(f"{before} {found.group()}") is None


# Twenty-second screening pass: the writer as witness of a business named as the cause of a
# nuisance: they filmed it ("صورت فيديو", "I filmed", "9awwart"), or read its number or name
# on its sign, door or truck ("رقمها مكتوب على اللوحة", "their name and number (...) are on
# the hoarding", "ra8mhum maktoob 3la el lo7a"). A seller gives his number; he never says
# where he read it, and never that he filmed.
_WITNESSED = re.compile(
    r"(?<!\S)(?:i|we) (?:filmed|recorded|videoed|took (?:a )?(?:video|videos|photos|pictures)"
    r" of)(?!\S)"
    r"|(?<!\S)و?(?:صورت|سجلت) (?:فيديو|فديو|مقطع)"
    r"|(?<!\S)(?:9awwart|sawwart|9awwarna|9awwartah|9awwartha|9awwarthum)(?!\S)"
    r"|(?<!\S)و?(?:رقمهم|رقمه|رقمها|(?:رقم|اسم) (?:الشركه|المقاول|الورشه|المحل|المؤسسه|الكراج))"
    r"(?: \S+){0,3} (?:مكتوب\S*|علي (?:ال)?(?:لوحه|لافته|باب|شاحنه|سياره|جدار|سور|يافطه|بوابه))"
    r"(?!\S)"
    r"|(?<!\S)(?:their|its|his|the company s|the contractor s|the workshop s)"
    r"(?: (?:phone|mobile|contact))? (?:number|numbers|name and number)(?: \S+){0,4}"
    r" (?:on|painted|written|printed)(?!\S)"
    r"|(?<!\S)(?:their|its) (?:sign|board|signboard|van|truck|hoarding) (?:gives|says|shows|has"
    r"|reads)(?!\S)"
    r"|(?<!\S)(?:ra8m|raqm|ragm)(?:hum|hom|ah|ha)(?: \S+){0,2} (?:maktoob\S*|3la el (?:lo7a|bab"
    r"|sayyara|sayara|jidar))(?!\S)"
    # twenty-third pass: a sign or banner put up with their number on it ("حاط لوحة فيها رقمه",
    # "a banner with his number", "lo7a fiha ra8mah")
    r"|(?<!\S)(?:ال)?(?:لوحه|لافته|يافطه|بنر|بانر) (?:\S+ )?(?:فيها|عليها|بها|عليه|فيه) (?:\S+ )?"
    r"(?:رقمه|رقمها|رقمهم|رقم (?:تلفون|هاتف|جوال)\S*)(?!\S)"
    r"|(?<!\S)(?:sign|board|signboard|banner|hoarding) with (?:his|their|its|the contractor s"
    r"|the company s|a) (?:phone |mobile |contact )?number(?!\S)"
    r"|(?<!\S)(?:lo7a|lafta|banner) (?:\S+ )?(?:fiha|3laiha|3leha) (?:ra8m|raqm|ragm)\S*(?!\S)"
)
# A business's price told against its posted or official one (twenty-second pass): "the barber
# charges 4 and the wall says 2" (يحاسب ... والمكتوب), "yibee3 ... w el si3r el rasmi 800
# baisa". A seller says "we sell", or "below the official price" (_POSTED's "below").
_POSTED = index_terms(
    {"charges": ["يحاسب", "يحاسبون", "يبيع=", "يبيعون", "ياخذ=", "ياخذون", "charges=", "charging",
     "sells=", "selling", "is asking", "yi7asib", "y7asib", "yi7asboon", "yibee3", "ybee3",
     "yibee3oon", "ya5ith", "ya5thoon"],
     "posted": ["المكتوب", "السعر الرسمي", "المنيو", "علي الرف", "marked", "on the shelf",
     "the menu", "official price", "price board", "price list", "the board says", "el maktoob",
     "el si3r el rasmi", "el menu", "fi el lo7a"],
     "below": ["below", "less than", "lower than", "cheaper than", "اقل من", "ارخص من", "تحت السعر",
     "a8al min", "agal min", "ar5a9 min"]}
)  # fmt: skip
# A sentence ending in "?!" (or "!?") and a sum in it (_indignant_sum), digits read as digits.
_INDIGNANT = re.compile(r"[^.!?؟\n]*(?:[?؟]+\s*!+|!+\s*[?؟]+)")
_SUM = re.compile(
    r"\d[\d.,]*\s?(?:omr\b|ro\b|rials?\b|riyals?\b|ryals?\b|baisa\b|baiza\b|ريال|ر\.ع|بيس)"
    r"|(?:مئ|مي|ميت|الف|ألف|عشر|خمس|ثلاث|اربع|أربع|ست|سبع|ثمان|تسع)\w*(?:\s+و\w+)?\s+(?:ريال|بيس)"
    r"|ريالين",
    re.I,
)
# A shortage (_shortage): a count against homes, or one for a whole street, read on the words.
_SHORTAGE = re.compile(
    r"(?:(?<!\S)(?:for|per|l|li|lil|la|serving|serves|يخدم|تخدم|yikhdim|y5dim) |(?<!\S)ل ?)"
    r"(?:(?:more than|over|اكثر من|akthar min) )?"
    r"(?:\d+|twenty|thirty|forty|fifty|hundred|two hundred"
    r"|عشر\S*|ثلاث\S*|اربع\S*|خمس\S*|ست\S*|سبع\S*|ثمان\S*|تسع\S*|مي\S*|3ishreen|thalatheen"
    r"|arba3een|5amseen|miya)(?: و\S+)? (?:houses|homes|villas|families|flats|buildings|households|bait"
    r"|byoot|buyoot|manazil|منزل\S*|منازل|بيت|بيوت|فيل\S*|فلل|اسر\S*|عائل\S*|عايل\S*|شق\S*"
    r"|عماره|عمارات|بنايات|طلاب|الطلاب|طالب\S*|students|people|residents|workers|عمال|العمال|السكان"
    r"|ساكن|nas|sukkan|3ummal|visitors|users|worshippers|زوار|الزوار|زاير|مستخدم\S*|مصل\S*"
    r"|zuwwar)(?!\S)"
    r"|(?<!\S)(?:one|a single|only one)(?: \S+){0,4} (?:for|in) (?:the )?(?:whole|entire)"
    r" (?:street|lane|road|neighbourhood|neighborhood|area|building|village|block)(?!\S)"
    r"|(?<!\S)(?:one|وحده|واحده|واحد|wa7da|wa7ed|wa7id)(?: \S+){0,5} (?:كلها|كله|بكامله"
    r"|بكاملها|kilha|kullaha|kilah)(?!\S)"
)
# Twenty-fourth screening pass: the writer's own place, where they live or pray or their
# children study, or what they paid (_own_problem). Sellers write "your home" and "our team",
# never "our street" or "we paid".
_OWN_MARK = index_terms(
    {"ours": ["our street", "our road", "our lane", "our house", "our home", "our building",
     "our neighbourhood", "our neighborhood", "our area", "our block", "our villa", "our flat",
     "our compound", "our mosque", "our school", "our village", "our district", "my house",
     "my home", "my street", "my flat", "my villa", "my building", "my neighbourhood",
     "شارعنا", "بيتنا", "منزلنا", "حارتنا", "حينا=", "فريجنا", "سكتنا", "عمارتنا", "بنايتنا",
     "منطقتنا", "قريتنا", "مسجدنا", "مدرستنا", "فلتنا", "شقتنا", "جيراننا", "بيتي=", "منزلي=",
     "شقتي=", "شارعي=", "حارتي=", "baitna", "bai6na", "byootna", "manzilna", "sikkatna",
     "sikkitna", "7aritna", "7aratna", "7ayna", "fareejna", "fereejna", "frejna", "shari3na",
     "share3na", "3imaratna", "3maratna", "mantiqatna", "manti8atna", "qaryatna", "garyatna",
     "masjidna", "madrasatna", "shigatna", "shiqqatna", "baiti=", "jiranna"],
     # what the writer paid or was charged for the problem (a seller says "we pay cash")
     "paid": ["we paid", "i paid", "i was charged", "we were charged", "charged us",
     "charged me", "دفعنا", "دفعت=", "ندفع=", "dafa3na", "dafa3t", "nedfa3", "nidfa3"]}
)  # fmt: skip
# "Free" said of a thing at a place (_thanked_for_free)
_FREE = re.compile(r"(?<!\S)(?:free|complimentary|\S*مجاني\S*|majani\S*)(?!\S)")
# Parts of an offer (_OFFER) that address the reader: any one keeps _own_problem from clearing
_TO_READER = frozenset(
    {"reader_home", "reader_life", "comes_to_reader", "our_staff", "we_serve", "premises",
     "listing", "tenancy", "coverage", "reassurance", "shifts", "reader_books", "reader_asked",
     "reader_orders", "all_needs", "service_hours", "free_check", "guarantee"}
)  # fmt: skip
# Twenty-third pass: a first-person request for something sent or given to the writer
# (_asks_for_papers); "send us your details" asks the reader, and is left out.
_REQUEST = re.compile(
    r"(?<!\S)(?:send me|give me|can i get|could i get|where can i find|where is the"
    r"|i need the|we need the|i want the|please share the|please send|could you send"
    r"|can you send|could you share|can you share|ارجو ارسال|نرجو ارسال|ممكن|mumkin|ابي|ابغي|ابا|نبي|نبغي|اريد|نريد|ارجو تزويدي"
    r"|ارجو تزويدنا|زودوني|زودونا|ارسلوا لي|ارسلو لي|ارسلوا لنا|عطوني|عطونا|وين (?:ال)?رابط"
    r"|3tooni|a3tooni|3touni|3tuni|abi|abgha|abga|ariid|areed|nabi|nabgha|6arrishooli"
    r"|6arrshooli|rsiloo li|rsilooli|dizzooli|wain el link|wein el link)(?!\S)"
)
# Twenty-third pass: what a customer paid or was asked to have removed is a problem of ours
# too: bulky waste ("quoted us 20 and 35 OMR to remove the old furniture"); only beside the
# writer's own payment or a sum asked of them (_customer_voice), never for a problem and place.
_CUSTOMER_PROBLEMS = _PROBLEMS | {"bulky"}
# Twenty-third pass: a licence, permit or its form (the lexicon's "admin" lacks some forms).
_PAPERS = re.compile(
    r"licen[cs]e|permit|renewal|application form|رخص|ترخيص|تصريح|تجديد|نموذج|استمار"
    r"|ru5s|rukh|tasree7|tajdeed",
    re.I,
)
# Twenty-third pass: a question whether a site, page, link, message or offer is official or
# genuine ("is X an official site of yours?", "رسمي ولا لا؟", "ra7miya?", "هي تبعكم؟"): the
# writer asks us (_asks_if_genuine). A seller asserts he is official; he never asks.
_GENUINE = re.compile(
    r"official|genuine|legit|authentic|(?:is|are) (?:it|this|that|they) (?:real|yours|from you)"
    r"|of yours|رسمي|تابع\S* لكم|تبعكم|تبعكم|منكم|من عندكم|حقكم|صحيح\S*|حقيقي\S*|ra7mi|rasmi"
    r"|min 3indkum|mn 3indkum|7agkum|ta3kum|9a7ee7|sa7ee7",
    re.I,
)
# Twenty-third pass: public facilities, and the municipality addressed (_facility_complaint).
_FACILITY = index_terms(
    {"facility": ["park=", "the park", "playground", "bus stop", "bus shelter", "public toilets",
     "toilets", "beach=", "corniche", "الحديقه=", "حديقه=", "الحدائق", "المنتزه", "الملعب=",
     "الملاعب", "موقف الباص", "موقف الحافلات", "الحمامات", "دورات المياه", "دوره المياه",
     "الشاطي", "الكورنيش", "7adeeqa", "7adeega", "el 7adeeqa", "el 7adeega", "mal3ab",
     "el mal3ab", "mawgif el ba9", "mawqif el ba9", "mawgif el bas", "7ammamat", "el 7ammamat",
     "shati2", "el shati2", "el corniche", "el kornaish",
     "يا بلديه", "ya baladiya", "ya baladiyya", "dear municipality"]}
)  # fmt: skip
_PRICE_WORD = re.compile(r"سعر|price|si3r|ريال|rial|riyal|omr", re.I)
# A sum the seller took from the writer ("the laundry took 3 OMR", "charged us 2 rials"): a
# charge told by the one who paid it; a seller states his price, never that he took it.
_TOOK_SUM = re.compile(
    r"\b(?:took|charged|charging|asked for)\s(?:me\s|us\s)?\d[\d.,]*\s?"
    r"(?:omr|ro|rials?|riyals?|baisa|baiza)\b"
    # twenty-third pass: a sum a firm asked of the writer ("quoted 35 OMR", "طلبت مني 40 ريال",
    # "6alabat 25 riyal"): a price told by the one it was asked of; a seller states his own
    r"|\b(?:quoted|asked|wanted|demanded)\s(?:me\s|us\s|for\s)?\d[\d.,]*"
    r"(?:\s(?:and|or|to|-)\s\d[\d.,]*)?\s?(?:omr|ro|rials?|riyals?)\b"
    r"|(?<!\w)(?:طلب|طلبت|طلبوا|طالب|يطلب|يطلبون|يبون|يبغون|بغوا|بغت|يريدون)"
    r"\s(?:مني|منا|منّا|منه|منهم)?\s?(?:\S+\s)?\d[\d.,]*\s?(?:ريال|ر\.ع|بيس)"
    r"|\b(?:6alab|6alabat|6alabaw|6alboo|yi6lub|y6lub|yibon|yibgon)\s(?:minni|minna|mni|mna)?"
    r"\s?\d[\d.,]*\s?(?:riyal|rial|omr|ro)\b",
    re.I,
)
# Twenty-third pass: a sum asked of the writer in the first person ("quoted me 45 OMR", "طلبت
# مني 40 ريال", "6alabat minni 30 riyal"): their own account even inside a question with no
# asking word ("... ma 3indkum rush lel byoot?"); a seller's opener asks of the reader ("منك").
_ASKED_OF_ME = re.compile(
    r"\b(?:quoted|asked|wanted|demanded)\s(?:me|us)\s(?:for\s)?\d"
    r"|(?<!\w)(?:طلب|طلبت|طلبوا|يطلب|يطلبون|يبون|يبغون|بغوا|بغت|يريدون)\s(?:مني|منا|منّا)\s?"
    r"(?:\S+\s)?\d"
    r"|\b(?:6alab|6alabat|6alabaw|6alboo|yi6lub|y6lub|yibon|yibgon)\s(?:minni|minna|mni|mna)\s?\d",
    re.I,
)


def _charged_over_posted(words: list[str]) -> bool:
    """A business's charge told against its posted or official price (_POSTED), not below it."""
    found = _POSTED.labels(words)
    return {"charges", "posted"} <= found and "below" not in found


def _customer_voice(raw: str, words: list[str], strong: int) -> bool:
    """The writer's own purchase, payment or charge and what went wrong with it (_TRANSACTION,
    _GRIEVANCE, or a municipal problem): a customer's complaint, whatever prices, receipts or
    numbers it gives. A
    purchase needs more than a money word ("I ordered twice": a testimonial); a verb after a
    negation is no transaction ("ma saddadtha", you have not paid it: a fake fine's threat;
    Gulf دفعت and "dafa3t" are "you paid" as well as "I paid"). A seller's rhetorical question
    to the reader ("Paid twice for your water bill?", اشتريت لحم وكان خايس؟ جرب ملحمتنا) is
    not the writer's account: questions with no asking word are left out (_rhetorical).
    Twenty-first pass: with no seller's phrase (`strong`), a purchase or charge told of kin or
    neighbours (_KIN: "my neighbour was charged 18 OMR ... refuses") is theirs to complain of.
    Twenty-second pass: so is, with no seller's phrase, a fee on the writer's utility bill
    ("رسوم البلدية في فاتورة الكهربا صارت ١٢ ريال بدل ٤"). Twenty-third pass: a sum asked of
    the writer in the first person (_ASKED_OF_ME) is their account even in a question."""
    if not _ASKED_OF_ME.search(raw.translate(_DIGITS)):
        words = _asserted(raw, words)
    found = [
        label
        for start, _, label in _TRANSACTION.find(words)
        if not start or words[start - 1] not in _NOT
    ]
    retold = not strong and bool(_KIN.find(words))
    done = {
        label.removeprefix("their_") for label in found if retold or not label.startswith("their_")
    }
    if "billed" in done and not strong:
        done.add("paid")  # a fee on the writer's own bill
    if (words and words[0] in _FIRST_VERB) or _TOOK_SUM.search(raw):
        done.add("paid")
    wrongs = {label for _, _, label in _GRIEVANCE.find(words)}
    if not wrongs and done and not _CUSTOMER_PROBLEMS.isdisjoint(concepts(words)):
        wrongs = {"problem"}  # paid, and a problem the municipality handles
    return bool(wrongs) and ("paid" in done or ("bought" in done and wrongs != {"charge"}))


def _asserted(raw: str, words: list[str], opener: Callable[[str], bool] | None = None) -> list[str]:
    """The words without the questions that are a seller's opener (`opener`: _rhetorical, no
    asking word, or _put_to_reader), not the writer's account."""
    if "?" not in raw and "؟" not in raw:
        return words
    opener = opener or _rhetorical
    asserted = "".join(" " if opener(part) else part for part in _SENTENCE.findall(raw))
    if asserted == raw:
        return words
    return list(read(asserted).words) if asserted.strip() else []


def _put_to_reader(sentence: str) -> bool:
    """A question with no asking word put to the reader's wants (_WANTS: "Tired of being
    overcharged?", "Need a cleaner?"); "هذي منكم؟" and "Do your inspectors ...?" ask us."""
    return _rhetorical(sentence) and bool(_WANTS.search(sentence))


def _rhetorical(sentence: str) -> bool:
    """A question with no asking word (_ASKING): put to the reader, as a seller's opener."""
    return sentence.rstrip().endswith(("?", "؟")) and not _ASKING.search(sentence)


def _waived_spans(words: list[str]) -> list[tuple[int, int]]:
    """Spans of words where a seller promises to skip a procedure ("without inspection")."""
    spans = []
    for i, word in enumerate(words):
        if not _WITHOUT.intersection(variants(word)):
            continue
        ahead = words[i + 1 : i + _WAIVED_SPAN]
        if any(v.startswith(_PROCEDURE) for w in ahead for v in variants(w)):
            spans.append((i, i + _WAIVED_SPAN))
    return spans


def _reported(words: list[str], waived: list[tuple[int, int]]) -> bool:
    """A report about the advertising or business, outside any promise to skip a procedure,
    and not the reader's own document said to have expired (_readers_expired)."""
    return any(
        not any(a <= start < b for a, b in waived) and not _readers_expired(words, start)
        for start, _, _ in _REPORTED.find(words)
    )


def _readers_expired(words: list[str], start: int) -> bool:
    """The word "expired" at most four words after "your" ("your Mulkiya expired, renew now";
    twenty-first pass: "your food handler card expired"): a fake renewal's words to its reader
    (nineteenth screening pass); a citizen's expired goods are the shop's."""
    return words[start] == "expired" and not _YOUR.isdisjoint(words[max(0, start - 4) : start])


def _either_sum(raw: str, words: list[str]) -> bool:
    """A question that weighs two sums ("50 or 75 rials?"): a citizen asking a fee."""
    return bool(_QUESTION.search(raw) and _EITHER_SUM.search(" ".join(words)))


# Twenty-fourth screening pass: a page or account to follow, and a draw or prize (_follow_and_win)
_FOLLOW_WIN = index_terms(
    {"follow": ["follow us", "follow our", "follow my", "تابعونا", "تابع حسابنا", "تابعوا حسابنا",
     "تابع صفحتنا", "تابعوا صفحتنا", "تابعوني", "follow 7isabna", "follow 9af7atna",
     "tab3ona", "taba3ona", "tab3oona", "tabi3 7isabna", "tab3o 7isabna"],
     "draw": ["draw", "giveaway", "win a", "win an", "السحب علي", "السحب الكبير", "ادخل السحب",
     "وادخل السحب", "في السحب", "جوايز", "اربح", "el sa7b", "fi el sa7b", "jawa2iz", "jawayiz"]}
)  # fmt: skip


_FOLLOW_HINT = re.compile(r"follow|تابع|tab[3i]|taba3")  # the words are lower case


def _advert_cues(raw: str, words: list[str]) -> tuple[int, int, int]:
    """Distinct strong cues (offer and scam phrases; a demand to pay through a link counts
    two), weak ones (words sellers share with citizens, a percentage, a sum of money) and parts
    of an offer to the reader (_OFFER, a rate, a worker available)."""
    labels = _AD.labels(words)
    if "trading" in labels and _company_trading(words):
        labels = labels - {"trading"}  # "Gulf Star Trading LLC": a company's name signs a report
    strong = len(labels) + bool(_DISCOUNT.search(raw)) + 2 * _pay_demand(raw, words)
    strong += _from_price(raw)  # twenty-third pass: a price "starting from"
    strong += 2 * _passed_on(raw, words)  # a chain message's order: an advert alone
    strong += 2 * _follow_and_win(words)  # twenty-fourth pass: "follow us and win"
    if not _PROMO_HINT.isdisjoint(words):  # most messages: no scan
        joined = " ".join(words)
        strong += 2 * bool(_BUY_GET.search(joined)) + bool(_SAVE_UP_TO.search(joined))
    weak = len(_WEAK.labels(words)) + bool(_PERCENT.search(raw)) + bool(_PRICE.search(raw))
    offer = _OFFER.labels(words)
    if "per_period" not in offer and _RATE.search(raw):
        offer = offer | {"per_period"}
    if "reader_asked" in offer and not _QUESTION.search(raw):
        offer = offer - {"reader_asked"}
    if _worker_available(raw, words):
        offer = offer | {"worker_available"}
    if _NOTICE.search(" ".join(words[:8])) and _NOT.isdisjoint(words[:3]):
        offer = offer | {"notice_to_residents"}
    if (offer or strong) and _CALL_NUMBER.search(raw.translate(_DIGITS)):
        offer = offer | {"call_number"}  # a part alone is nothing: read only beside another
    if "named_trade" in offer and not offer - {"named_trade", "reader_asked", "call_number"}:
        offer = offer - {"named_trade"}
    if not offer.isdisjoint(_CUE_PARTS):  # twenty-fourth pass: a phrase counts once
        offer = offer - {part for part in offer & _CUE_PARTS if labels & _cues_of(part)}
    return strong, weak, len(offer)


# Twenty-fourth pass: the parts of an offer whose phrases are often strong cues too ("call
# us", "free inspection"): one phrase is one cue, as before the part was added
_CUE_PARTS = frozenset({"reader_orders", "free_check", "guarantee"})


@lru_cache(maxsize=len(_CUE_PARTS))
def _cues_of(part: str) -> frozenset[str]:
    """The strong cues (_AD's labels) found in the phrases of an offer's part."""
    found = (_AD.labels(list(read(term.rstrip("=")).words)) for term in _OFFER_GROUPS[part])
    return frozenset().union(*found)


def _follow_and_win(words: list[str]) -> bool:
    """An order to follow the writer's page or account, and a draw or prize in the same text
    (_FOLLOW_WIN): a giveaway, an advert alone. A citizen "follows up" a matter
    (تابعوا الموضوع) and the water is pumped (سحب المياه): neither is the writer's page."""
    if not _FOLLOW_HINT.search(" ".join(words)):
        return False  # most messages: no index scan
    found = _FOLLOW_WIN.labels(words)
    return {"follow", "draw"} <= found


def _passed_on(raw: str, words: list[str]) -> bool:
    """An order to pass the message on to a crowd (_PASS_ON), after a cheap look (_PASS_HINT)."""
    return bool(_PASS_HINT.search(raw) and _PASS_ON.search(" ".join(words)))


def _company_trading(words: list[str]) -> bool:
    """Every "trading" in the words is part of a company's name ("Al Noor Trading LLC",
    "Trading & Contracting"): Omani firms are registered so, and sign reports with it."""
    at = [i for i, word in enumerate(words) if word == "trading"]
    return bool(at) and all(i + 1 < len(words) and words[i + 1] in _COMPANY for i in at)


def _pay_demand(raw: str, words: list[str]) -> bool:
    """An order to pay through a link, with a threat or the reader addressed as owing; or to
    activate or verify something through it, with a threat (a suspended account)."""
    if not (_LINK_WORD.search(raw) or _URL.search(raw)):
        return False  # most messages: no index scan
    found = _PAY_DEMAND.labels(words)
    order = "pay" in found or {"pay_word", "owing"} <= found
    if order and found & {"threat", "owing"}:
        return True
    return {"activate", "threat"} <= found  # twenty-fourth pass: "suspended, activate it here"


def _worker_available(raw: str, words: list[str]) -> bool:
    """A worker's noun with "available" at most four words on (_AVAILABLE)."""
    if not _READY_WORD.search(raw):
        return False  # most messages: no index scan
    found = _AVAILABLE.find(words)
    workers = [start for start, _, label in found if label == "worker"]
    ready = [start for start, _, label in found if label == "available"]
    return any(
        0 < r - w < _AVAILABLE_SPAN and _NOT.isdisjoint(words[w:r]) for w in workers for r in ready
    )


def _problem_and_place(raw: str, words: list[str]) -> bool:
    """The text names a municipal problem and where it is: what makes a message a report.

    The problem is one of the lexicon's problem concepts, or advertising put up in public; the
    place a road or spatial word, a place name, an address, a map pin, or (for advertising) the
    surface it is stuck on. A way blocked is both: the road or footway it names is where.
    """
    if _way_blocked(words):
        return True  # the way it names is where
    media = bool(_AD_MEDIA.find(words))
    if (
        not media
        and _PROBLEMS.isdisjoint(concepts(_without_included(_without_listed(words))))
        and not _PROBLEM_STATE.find(words)
    ):
        return False
    return _has_place(raw, words) or (media and bool(_SURFACES.find(words)))


def _without_included(words: list[str]) -> list[str]:
    """The words without a listing's terms for the utilities: what a price includes
    (_INCLUDING), or utilities followed by "included", "shared" or "on the tenant"
    (_tenancy_terms): a listing's water is no leak."""
    out: list[str] = []
    run: list[str] = []  # utilities not yet known to be a listing's terms
    included = False
    for i, word in enumerate(words):
        stem = word[1:] if word[0] == "و" and len(word) > 2 else word
        included = word in _INCLUDING or (included and stem in _UTILITIES)
        if included:
            continue
        if stem in _UTILITIES:
            run.append(word)
            continue
        if not _tenancy_terms(word, words[i:]):
            out.extend(run)
        run = []
        out.append(word)
    return out + run


def _without_listed(words: list[str]) -> list[str]:
    """The words without a kiosk or stall that a listing lets or sells: the word just before
    "for rent", للايجار, "lil eejar" or "space available" (_LISTED), when the lexicon reads it
    as a vendor ("كشك للايجار في حديقة الصحوة" lets a kiosk, it reports no vendor at a park).
    Only the vendor: "villat lel eejar" on farmland is a violation the citizen reports."""
    listed = {start - 1 for start, _, _ in _LISTED.find(words) if start}
    if not listed:
        return words
    found = set(concepts(words))  # read in context: an Arabizi "kushk" folds only in a message
    drop = {i for i in listed if "vendor" in found - set(concepts(words[:i] + words[i + 1 :]))}
    return [word for i, word in enumerate(words) if i not in drop] if drop else words


def _tenancy_terms(word: str, rest: list[str]) -> bool:
    """The word after a run of utilities (and the rest from it) makes them a listing's terms:
    "included", "shared", or "on/paid by the tenant" (_TENANCY_AFTER, _TENANT)."""
    if word in _TENANCY_AFTER:
        return True
    if word not in _TENANCY_ON:
        return False
    after = [w for w in rest[:4] if w not in _TENANCY_ON]
    return bool(after) and after[0].startswith(_TENANT)


def _way_blocked(words: list[str]) -> bool:
    """A blocking verb with a way word just after it, or something on the footway."""
    found = _BLOCKING.find(words)
    if any(label == "on_footway" for _, _, label in found):
        return True
    verbs = [start for start, _, label in found if label == "block"]
    ways = [start for start, _, label in found if label == "way"]
    return any(0 < w - v < _BLOCK_SPAN for v in verbs for w in ways)


def _has_place(raw: str, words: list[str]) -> bool:
    """A road or spatial word, a place name, an address or a map pin; not the road of "by way
    of" (_VIA: "pay it 3n 6areeq el link", عن طريق الرابط names a means)."""
    means = {end - 1 for _, end, _ in _VIA.find(words)} if _VIA_HINT.search(raw) else set()
    return (
        any(start not in means for start, _, _ in _WHERE.find(words))
        or any(start not in means for start, _, _ in _PLACE_NAMES.find(words))
        or bool(_ADDRESS.search(" ".join(words)))
        or bool(_PIN.search(raw))
    )


def _is_gibberish(raw: str, norm: str) -> bool:
    words = norm.split()
    if not words:
        return True
    compact = "".join(words)
    if len(set(compact)) <= 2 and len(compact) >= 4:
        return True  # "jjjjjjj", "ههههههه"
    if len(compact) >= 5 and any(_keyboard_run(w) for w in words):
        return True
    latin = [w for w in words if w.isascii() and w.isalpha()]
    if latin and len(latin) == len(words):
        vowelless = [w for w in latin if len(w) >= 4 and not (set(w) & _LATIN_VOWELS)]
        return len(vowelless) * 2 >= len(latin)
    return False


@lru_cache(maxsize=65536)
def _keyboard_run(word: str) -> bool:
    """A word of five or more letters that is a stretch of one keyboard row (cached per
    word: asked of every long word of every message, against each row)."""
    if len(word) < 5:
        return False
    return any(word in row or word[:5] in row and len(word) <= len(row) for row in _KEYBOARD_ROWS)
