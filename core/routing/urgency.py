"""Urgency: danger to life or property now, by safety rules over normalised text plus the model.

The taxonomy's rule (something about to fall or collapse, exposed or sparking wires, an open
or broken manhole, water, sewage or smoke inside a home, fire, a fallen tree, sign or pole on a
road, a sinking road or an open trench, a gas leak, an attacking animal or one on a fast road,
a person trapped or in danger) is written as small named rules over a hazard lexicon in every
form: MSA, Gulf, English, Arabizi with its digit letters, and mixed. Each rule needs all its
concept groups close together; a negation or a fear right before the danger ("hasn't come
inside yet", "ما دخل", "mb 6ay7a", "could fall one day") cancels it, and so do words around it
that say the danger is over, denied or long past ("was fixed", "no danger", "last year",
"every time it rains"). Recall comes first: a missed emergency costs far more than a false
alarm, so a rule fires on the danger words alone. The trade-off is measured per form in
docs/ROUTING_DATA.md. The urgent model catches phrasings the rules miss, but it reads words,
not tense: it counts only on a message that says its danger is happening now, or when it is
confident, and never on one that says the danger is over or only feared (model_may_flag).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from core.routing import urgency_meaning as meaning
from core.routing.reading import Reading, read
from core.routing.terms import TermIndex, index_terms, is_arabic

WINDOW = 14  # words: all parts of a rule must sit within this span
# A railing, its being gone and the drop it guarded: a long sentence names the railing first
# and the open edge at its end ("The railing along the third floor corridor ... came off and
# toddlers walk past the open edge"); three concepts together are rare in a calm message.
BARRIER_WINDOW = 32
# Urgent-model probability that counts as urgent without a rule, for a message that says its
# danger is happening now (urgent, الحين, al7een...) and not that it is over or only feared.
# Chosen on out-of-fold predictions of all shipped rows (5 folds, fold seeds 0 and 1): the
# highest threshold with recall 0.957 on both seeds (precision 0.88); lower ones add one
# urgent message for ten false alarms. The rules alone find 100% of the corpus's urgent
# messages but under half of those in rows written blind: the model carries the rest
# (docs/ROUTING_DATA.md). Fourteenth pass, recall first: 0.2 -> 0.15 found 2 and 1 more
# urgent rows out of fold (seeds 0, 1) for 2 and 1 more false alarms; 0.1 found none more.
MODEL_THRESHOLD = 0.15
# Probability at which the model counts without a 'now' word (still not on a message that says
# the danger is over or only feared). Costs 2-3 false alarms in 280 on the out-of-fold rows, and
# keeps an urgent message written calmly ("chunks keep dropping from the balcony") whose
# writer did not say "now"; the blind urgency set showed such messages (docs/ROUTING_DATA.md).
# Fourteenth pass, recall first (blind recall 0.80-0.87 at precision 0.96 on the newest set):
# 0.8 -> 0.75 found 1 and 2 more urgent rows out of fold (seeds 0, 1) for 12 and 7 more false
# alarms (precision 0.919 -> 0.910, 0.922 -> 0.917) and keeps the dev corpus's cross-validated
# precision at 0.828 (the 0.80 floor of test_routing_model); 0.7 leaves it at 0.803.
MODEL_CONFIDENT = 0.75

# Negation right before a hazard's state ("not exposed", "ما دخل", "mb 6ay7"), or "yet" after.
_NEGATION = index_terms(
    {"negation": ["not=", "no=", "never=", "hasn=", "hasnt=", "haven=", "havent=", "isn=", "isnt=",
     "aren=", "arent=", "didn=", "didnt=", "doesn=", "doesnt=", "wasn=", "wasnt=", "weren=",
     "no longer", "without=", "nothing=", "غير=", "ما=", "لم=", "لا=", "ليس=", "ليست=", "مو=", "مب=", "مش=", "مهب=",
     "بدون=", "ma=", "mb=", "mu=", "mo=", "mob=", "mub=", "mish=", "msh=", "la=", "mahu=", "mahy=",
     # "there is no" in one word (fourteenth pass): "mafi ri7at ghaz", "مافي ريحه غاز"
     "mafi=", "mafee=", "mafeeh=", "mafeh=", "mafy=", "مافي=", "مافيه=",
     "لمنع=", "منع=", "prevent=", "to stop", "cannot=", "cant=", "can t=", "couldn=", "couldnt=", "couldn t=", "won t=", "don=", "dont=",
     "don t="]}
)  # fmt: skip
_STILL_NOT = index_terms({"yet": ["yet=", "بعد=", "ba3d=", "ba3ad="]})
# Fear of what might happen one day is a reason to inspect, not danger now.
_FEAR = ["اخاف=", "نخاف=", "نخشى=", "يخشى=", "might=", "could=", "afraid", "worried", "fear",
         "akhaf", "a5af", "n5af", "nkhaf", "خايف", "خايفين", "خايفه", "5ayf", "khayf", "5aif", "khaif",
         "5aayf",
         # nineteenth pass: Arabizi spellings with a long vowel ("n5aaf y6ee7 yom")
         "n5aaf", "nkhaaf", "a5aaf", "akhaaf", "5aayfeen", "5ayfeen", "khaayfeen"]  # fmt: skip
# Two kinds of hedge: a fear or a "may" ("fear": a present sign can override it, "we fear it
# falls now" is danger now) and a condition ("if", "before", "god forbid": never now).
_HYPOTHETICAL = index_terms(
    {"fear": [*_FEAR, "ممكن=", "may=", "mumkin=", "momkin=", "will="],
     "if": ["before=", "قبل لا", "gabl la", "قبل ان", "gabl an", "qabl an", "لا سمح الله", "god forbid", "in case", "لو=", "if=",
     "law=", "اذا=", "iza=", "itha=", "lo=", "lau=", "idha=", "ida=", "eza=", "etha=", "whether="]}
)  # fmt: skip
_NOT_NOW_FEAR = index_terms({"fear": _FEAR})
# A worry said anywhere near a weaker sign (ninth pass: leaning), "الله يستر" (God protect us).
_FEARED = index_terms({"fear": [*_FEAR, "الله يستر", "allah yistur", "allah yestur"]})
# A message that says its danger is happening now: what the urgent model cannot read itself.
_NOW = index_terms(
    {"now": ["now=", "right now", "right away", "straight away", "by the minute", "at the moment", "as i type", "urgent", "urgently", "emergency",
     "asap", "immediately", "quickly", "hurry", "help=", "please come", "send someone",
     "send help", "fast=", "الان=", "الحين", "الحينه", "حاليا", "هالحين", "عاجل", "عاجله", "فورا",
     "فوري", "بسرعه", "الحقوا", "الحقونا", "تكفون", "تكفى", "طوارئ", "الطوارئ", "النجده",
     "ساعدونا", "اسرعوا", "قبل قليل", "قبل شوي", "توه", "توها", "al7een", "el7een", "al7en",
     "el7en", "il7een", "7een=", "bsr3a", "bsora3a", "bsur3a", "ns3'ankom", "tkfoon", "tkfon",
     "el7goona", "il7agoona", "sa3doona", "sa3dona", "3ajil", "faoran",
     "tonight", "still rising", "keeps rising", "getting bigger", "as we speak", "please hurry",
     "come quickly", "send a team", "this minute", "في اي لحظه", "قبل دقائق", "تعالوا", "ta3aloo",
     "ta3alo",
     "any minute", "any moment", "any second", "any time now", "7alan", "7aalan", "حالا",
     "da7een", "دحين", *meaning.NOW_GULF, *meaning.NOW_MSA, *meaning.PLEA,
     *meaning.QUICKLY, *meaning.HELP_SPELLED]},
    arabizi=True,
    min_fold=4,  # اسرعوا (hurry) folds as "sur3a" (speed): "el ishara 7g el sur3a"
)  # fmt: skip
# "Until now", "still": a "now" word inside one says how long a problem has lasted, not that
# danger is happening now ("حطيتوا ستيكر قبل شهر ولين الحين ما سحبتوها"; ninth pass, read
# from the urgent model's out-of-fold false alarms on the shipped rows).
_UNTIL_TERMS = (
    {"until": ["لين الحين", "للحين", "الى الحين", "الين الحين", "لحد الحين", "لحد الان",
     "حتى الان", "الى الان", "لغايه الان", "until now", "till now", "up to now", "up till now",
     "lain al7een", "lain el7een", "lain il7een", "lin al7een", "la7d al7een", "la7ad al7een",
     "7atta al7een", "ila al7een", "lil7een=", "lel7een=", *meaning.NOW_ASKING]}
)  # fmt: skip
_UNTIL_NOW = index_terms(_UNTIL_TERMS)
# Over, or never dangerous: a hazard near one of these is history or a denial, not danger now
# ("the exposed wires were fixed", "السور اللي طاح السنه الماضيه", "mafi 5a6ar").
_SETTLED = index_terms(
    {"settled": ["fixed", "repaired", "was removed", "were removed", "been removed", "cleared",
     "sorted", "resolved", "made safe", "now safe", "no danger", "not dangerous", "no risk",
     "not urgent", "nothing urgent", "not an emergency", "last year", "last month", "months ago",
     "years ago", "thank", "thanks", "put out", "extinguished", "انطفت", "انطفى", "طفوها", "طفوه",
     "اطفوها", "تم اصلاح", "تم اصلاحه", "تم اصلاحها", "تم ازاله", "تمت ازاله",
     "تمت معالجه", "اصلحوا", "اصلحوه", "اصلحوها", "صلحوا", "صلحوه", "صلحوها", "انصلح", "انصلحت",
     "شالوه", "شالوها", "شكرا", "مشكورين", "لا يوجد خطر", "لا خطر", "ما في خطر", "مافي خطر",
     "ما فيه خطر", "مب خطير", "مو خطير", "غير خطير", "ليس خطير", "ليس عاجل", "مب مستعجل",
     "for months", "for weeks", "for a long time", "last week", "من زمان", "من اسبوعين",
     "من شهور", "من اشهر", "منذ اشهر", "منذ عده اشهر",
     "الاسبوع الماضي", "الاسبوع اللي فات", "min zaman",
     "السنه الماضيه", "العام الماضي", "الشهر الماضي", "قبل شهور", "قبل سنه", "قبل سنوات",
     "الشهر اللي فات", "الشهر اللي طاف", "السنه اللي فاتت", "السنه اللي طافت",
     "الاسبوع اللي طاف", "من اسبوع", "من شهر", "من شهرين", "for a week", "for two weeks",
     "for a month", "since last month", "min usboo3", "min shahar", "min shahrain",
     "el shahar elli fat", "el sana elli 6afat", "el sana elli fatat", "9alla7o", "sala7o",
     "sall7oh", "shaloh", "shalooh", "mafi 5a6ar", "mafi khatar",
     "ma fee 5a6ar", "shukran", "mashkoor",
     "was covered", "were covered", "are covered", "been covered", "was replaced", "were replaced",
     "been replaced", "all safe", "تمت تغطيه", "تم تغطيه", "تم استبدال", "انحلت",
     "now covered", "for years",
     "last winter", "dry now", "all good now", "all fine now", "taped", "boxed in",
     "ما عاد فيه", "still in place", "sitting in place", "غطوه", "غطوها", "ربطوه", "ربطوها",
     "6afooh", "6afoha", "6afooha", "6afaw", "6afoo", "tafooh", "tafooha",
     "min sneen", "mn sneen", "min sineen", "min snin", "من سنين", "من سنوات", "منذ سنوات",
     "from years", "from months", "el usboo3 elli fat", "el esboo3 elli fat", "el usbu3 elli fat",
     "el usboo3 el mathi", "el shahar el mathi", "el sana el mathya", "تم اغلاقه",
     "road is clear=", "road is open again", "reopened", "الطريق سالك", "الشارع سالك",
     "5ala9 mafi shay", "خلاص ما في شي", "خلاص مافي شي", "المطر اللي فات",
     "المطره اللي فاتت", "الامطار اللي فاتت", "the last rain", "the last rains",
     "el m6ar elli fat", "box is locked", "now locked",
     "been locked", "locked it", "قفلوه", "قفلوها", "تم قفله", "gaflooh", "gafloh",
     "in6afa", "in6afat", "cut and removed", "cut up and removed",
     # tenth pass: a year or a week ago in Arabizi, filled in, "that's it, nothing", a fire
     # denied. Not "we fixed" (9alla7na, صلحنا): its fold is "they fix" (ysal7oon, يصلحون).
     "gabl sana", "gabil sana", "8abl sana", "qabl sana", "gabl shahar", "gabl shahrain",
     "gabl usboo3", "gabl esboo3", "gabl sneen", "قبل اسبوع", "قبل اسبوعين", "قبل شهر",
     "قبل شهرين", "ردموه", "ردموها", "radmooh", "radamooh", "raddooh", "raddoh", "zaffatooh",
     "zaffatoh", "زفلتوه", "زفتوه", "khalas mafi", "khala9 mafi", "خلاص ما فيه", "خلاص مافيه",
     "مب حريق", "مو حريق", "ليس حريقا", "not a fire", "mb 7ree8", "mb 7areeq", "mo 7ree8", "mub 7ree8",
     # tenth pass, English: torn down, sealed, or a worry that it happens again
     "demolished", "taken down", "good job", "well done", "now sealed", "sealed in", "appreciated",
     "happens again", "happen again", "لا تتكرر", "لا يتكرر",
     # fifteenth pass: a past season ("a fire here last summer", "الصيف الماضي")
     *meaning.PAST_SEASON,
     # seventeenth pass: weeks ago ("three weeks ago a child fell into an open manhole")
     *meaning.SETTLED_WEEKS]},
    arabizi=True,
    min_fold=4,  # a short fold cancels danger: طفوها (put out) folds as "6af7a" (overflowing)
)  # fmt: skip
SETTLED_BEFORE, SETTLED_AFTER = 6, 10  # words around a match searched for _SETTLED
# Habitual ("every time", "sometimes", "all night"): settled as the list above, unless the
# message also says the danger is happening now ("every time it rains, and right now...";
# eleventh pass, docs/ROUTING_DATA.md).
_RECURRING = index_terms({"recurring": meaning.RECURRING}, arabizi=True, min_fold=4)
_NOW_PLAIN = index_terms({"now": meaning.NOW_PLAIN}, arabizi=True, min_fold=4)

# Hazard lexicon, every form: MSA, Gulf, English, Arabizi (with its digit letters) and mixed.
# Arabic terms are stems (clitics and suffixes match), Latin ones too unless marked '='.
_WIRES = ["wire", "wiring", "cable", "electric", "live cable", "اسلاك", "سلك", "وايرات", "واير",
          "كيبل", "كابل", "كهرب", "wayer", "wayar", "waiyer", "aslak", "silk=", "kahraba", "kahrab",
          "kaibl", "keebl", "cable=", "lamp post", "light pole", "pole=", "عمود", "3mood",
          "3amood", "generator", "مولد", "socket", "sockets",
          "feeder pillar", "junction box", "electricity box", "electric box", "power line",
          "power cable", "fuse box", "transformer", "محول", "خزانه الكهرباء", "صندوق الكهرباء", "كابلات", "waayer",
          "waayar", "kabl", "kablat", "wayrat", "wayarat", "wairat"]  # fmt: skip
_EXPOSED = ["exposed", "bare", "naked", "hanging", "dangling", "spark", "live=", "visible",
            "hanging out", "sticking out", "uncovered", "torn", "loose", "electrocut",
            "shock", "ممدوده", "on the ground", "مكشوف", "ظاهر", "عاري", "عريان", "شرار", "متدلي", "مدلي", "برع",
            "مقطوع", "سايب", "صعق", "تكهرب", "مكهرب", "barra", "bara=", "6al3", "tal3", "mkshoof",
            "makshoof", "mkshof", "makshof", "mkshoofa", "makshoofa", "shrar", "sharar", "mitdali",
            "mdali", "3aryan", "mgtoo3", "sayb", "tkahrab", "mkahrab",
            "poking out", "buzzing", "smoking", "smashed open", "snapped", "pulled out", "ripped out", "cut wire", "cut wires", "cut cable", "cut cables",
            "is cut", "are cut", "was cut", "were cut", "been cut",
            "lying in the", "in the puddle", "in a puddle", "tingle", "felt current", "giving shock", "تتدلى", "يتدلى",
            "مخلوع", "عاريه", "tishrar", "3aarya", "3arya", "6aal3", "طالعه من", "طالع من", "طالعين من",
            "crackling", "crackles", "burnt", "burned out", "jolt", "lying across", "touching the water",
            "in the water", "box is open", "door is open", "شرر",
            "شراره", "محروق", "محروقه", "بابه مفتوح", "في الماي", "في الماء", "شرارات",
            "طنين", "يطن", "tneen",
            "fi el mai", "fi el maay", "fil mai", "fil maay", "fi el maya", "6aye7 3la el ar9",
            "6ay7a 3la el ar9", "طايح على الارض", "طايحه على الارض", "feeh kahraba", "3ariya", "3areya", "fih kahraba", "feeha kahraba", "fiha kahraba", "فيه كهرباء",
            "فيها كهرباء", "فيه كهربا", "فيها كهربا", "يمسك كهربا", "يمسك كهرباء",
            "في ماي", "بماي", "في مويه", "fi mai", "fi maay"]  # fmt: skip
# An electricity box, cabinet or pillar left open: "open" alone with "electricity" is also a
# shop that is open ("المحل مفتوح والكهرباء شغالة"), so it counts only beside a box word.
_BOX = ["box", "boxes", "cabinet", "pillar", "panel", "صندوق", "صناديق", "خزانه", "كابينه", "كبينه",
        "9andoog", "9andooq", "9ndoog", "9andoq", "kabina", "kabeena", "khazna"]  # fmt: skip
_BOX_OPEN = ["open", "opened", "smashed", "broken", "no door", "without a door", "door missing",
             "مفتوح", "مفتوحه", "مكسور", "مكسوره", "بدون باب", "بلا باب", "maftoo7",
             "maftoo7a", "maftu7", "maksoor", "maksoora", "bdoon bab", "bala bab"]  # fmt: skip
# Electricity as a bill or an account, not a wire: "fatoorat el kahraba 6al3a" is a bill that
# came out high, "mablagh min el kahraba" a refund.
_BILLING = ["bill=", "bills=", "billing", "refund", "فاتوره", "فواتير", "مبلغ", "رسوم", "fatoora",
            "fatoorat", "fatura", "mablagh", "rusoom"]  # fmt: skip
_MANHOLE = ["manhole", "manhool", "manhol", "inspection chamber", "drain cover", "sewer cover",
            "gully cover", "منهول", "غرفه التفتيش", "غرفه تفتيش", "فتحه صرف", "فتحه الصرف",
            "فتحه المجاري", "غطا البالوعه", "غطاء البالوعه", "غطا المنهول", "غطاء المنهول",
            "بالوعه", "fat7at el majari", "fat7at majari", "fat7a", "ghata el manhole",
            "3'6a el manhole", "bal3a", "balloo3a",
            "drain chamber", "inspection cover", "manhole lid", "drain lid", "فتحه تصريف",
            "فتحه التصريف", "غطاء فتحه", "غطا فتحه", "balloo3a", "ballo3a", "حفره تصريف", "حفره صرف", "sewer chamber", "chamber cover", "iron cover", "metal cover", "غطا الحديد",
            "غطاء الحديد", "غطاء حديد",
            "mbloo3a", "فوهه", "fat7at el majaari", "ghata el majari", "غطا المجاري",
            "غطاء المجاري", "غطا الصرف", "غطاء الصرف"]  # fmt: skip
_OPEN = ["open", "missing", "no cover", "without cover", "without a cover", "uncovered", "removed",
         "stolen", "caved", "gone", "deep hole", "broken", "collapsed", "smashed",
         "مفتوح", "مفقود", "بدون غطا", "بلا غطا", "مكشوف", "مسروق", "طاير", "مكسور", "مكسوره",
         "متكسر", "منكسر", "مهدوم", "maftoo7", "maftoo7a", "maftu7", "bdoon 3'6a", "bdoon 36a",
         "bala 3'6a", "bdoon ghata", "maksoor", "maksoora", "mkassar", "mitkassar", "5arban",
         "where the manhole",
         "lid off", "cover off", "taken off", "gaping", "open hole", "no lid", "without a lid",
         "lifted", "popped off", "pushed up",
         "بلا غطاء", "بدون غطاء", "cracked in two", "sunk in", "hole is open", "flipped over", "انقلب",
         "bdoon 3'a6a", "bala 3'a6a", "bala ghata", "bila ghata", "bdoon ghe6a", "6ayer", "6ar=",
         "6aar=", "عميقه", "انكسر", "انكسرت", "مو موجود", "مب موجود", "مش موجود", "غير موجود", "mo mawjood",
         "mb mawjood", "mob mawjood", "not there", "mafi ghata", "ma fi ghata",
         "ma 3laih ghata", "ma 3laiha ghata", "mafi 3laiha ghata", "mafi 3laih ghata", "ما عليه غطا", "ما عليها غطا", "مافي غطا",
         "ما فيه غطا", "مافيه غطا", "ما عليه غطاء", "ما عليها غطاء",
         # tenth pass: the cover's Arabizi spellings ("ghe6a", "ghi6a") after bala/bila
         "bala ghe6a", "bila ghe6a", "bala ghi6a", "bila ghi6a", "bdoon ghi6a", "bala 3'e6a",
         "ma 3laih ghe6a", "ma 3laiha ghe6a", "mafi ghe6a", "ما لها غطا", "ما له غطا", "مالها غطا",
         "ماله غطا", "ma laha ghata", "ma lah ghata", "ma laha ghe6a"]  # fmt: skip
_STRUCTURE = ["wall", "ceiling", "roof", "building", "balcony", "structure", "stairwell", "facade",
              "parapet", "water tank", "tank=", "scaffold", "pole", "billboard", "house=",
              "جدار", "سقف", "سور", "بنايه", "مبني", "مبنى", "شرفه", "البيت", "منزل", "عماره", "خزان",
              "تانكي", "سقاله", "سقالات", "الواجهه", "واجهه", "بلكونه", "عمود", "لوحه اعلان", "حايط",
              "حيطه", "jidar", "jdar", "saqf", "sagf", "sa8f", "soor", "sur=", "bait", "3imara",
              "3maara", "5azzan", "khazzan", "tanki", "sgala", "sqala", "saqala", "skala", "7ai6",
              "7aye6", "7ayi6", "7ee6a", "3amood", "3mood", "balcon", "canopy", "cladding", "slab",
              "bridge", "طوفه", "الطوفه", "مظله", "المظلات", "جسر", "الجسر", "بلاطه", "6ofa", "6oofa",
              "6oofah", "wajhat", "mbna", "mabna", "jisr",
              "plaster", "brick", "bricks", "panel", "panels", "shelter", "gantry", "chimney",
              "جبس", "طوب", "حجاره", "بلوك", "الشرفه", "jibs", "6oob", "7jar",
              "لوحه المحل", "يافطه", "لافته", "yafta",
              "sunshade", "awning", "shop front", "shopfront", "storefront", "shade=", "railing", "minaret", "مناره", "مئذنه", "arcade", "لوح=", "الواح=",
              "baranda", "برنده", "toofa", "bough", "boughs",
              "7ayt", "7ait", "7ay6", "7ee6an", "حيطان", "sheenko", "shinko", "شينكو", "zinc",
              # ninth pass: signboards, cranes, lamp posts and poles, tanks and balconies
              "signboard", "sign board", "shop sign", "advertising hoarding", "advertising board",
              "لوحه اعلان", "لوحه اعلانيه", "اللوحه الاعلانيه", "لوحه الاعلانات",
              "لوحات اعلانيه", "lo7at e3lan", "lo7at el e3lan", "lo7a e3lanya", "lo7at i3lan",
              "crane", "cranes", "tower crane", "رافعه البناء", "الرافعه", "كرين", "الكرين",
              "كرينات", "ونش=", "الونش=", "krain", "kreen", "krane", "winch", "wanash",
              "lamp post", "lamppost", "light pole", "street light pole", "lamp column",
              "عمود الاناره", "عمود النور", "عمود الليت", "عمود الكهرباء", "3amood el layt",
              "3mood el layt", "3amood el noor", "3mood el noor", "3amood kahraba",
              "roof tank", "tank stand", "التانكي", "تانكي الماي", "خزان الماي", "خزان الماء",
              "5azzan el mai", "tanki", "tankee", "balcona", "balkona", "بلكونه", "البلكونه",
              "البلكونات"]  # fmt: skip
# tenth pass: gates, stones ("7ijaar") and the Omani حوطه (a compound wall)
_STRUCTURE += ["gate=", "gates=", "بوابه", "البوابه", "bawaba", "bawwaba", "bawabat", "7ijaar",
               "7ijara", "حجار", "حوطه", "الحوطه", "7oo6a", "7au6a", "7aw6a", "7ou6a"]  # fmt: skip
_COLLAPSING = ["collapsing", "collapsed", "collapse", "falling", "fell", "caving", "gave way",
               "giving way", "coming down", "about to fall", "going to fall",
               "tilting", "leaning over", "swaying", "toppl", "ينهار", "انهار",
               "بالانهيار", "تنهار", "انهيار", "يطيح", "تطيح", "بيطيح", "بتطيح", "بيطيح", "يتساقط",
               "تتساقط", "سقط", "يسقط", "تسقط", "طاح", "طاحت", "ايل للسقوط", "وشك السقوط",
               "يتمايل", "تتمايل", "يتهاوى", "منهار", "متساقط", "y6ee7", "t6ee7", "bi6ee7",
               "bit6ee7", "6a7", "6a7at", "yinhar", "tinhar", "inhar", "inhiyar", "yitsaqa6",
               "yitmayal", "titmayal", "evacuat", "اخلا", "dropped a chunk",
               "pieces falling", "chunks falling", "widening", "moved after",
               "moving", "more today", "تساقطت", "قاعد يطيح", "يكبر بالساعه", "ازداد ميلانه",
               "زاد ميلانه", "مالت اكثر", "تتحرك", "يتحرك", "t6i7", "ti6i7", "bt6i7", "bit6i7",
               "wshk", "tsaqa6",
               "breaking off", "coming off", "come loose", "came loose", "flapping", "swinging",
               "buckling", "hanging by", "cracking open", "crashing", "landing on", "dropped onto",
               "يكاد يقع", "يكاد يسقط", "يكاد ينهار", "على وشك", "تتساقط", "يتساقط", "yitsaqa6",
               "titsaqa6", "tiskot", "yiskot",
               "come down", "comes down", "give way", "leaning onto",
               "started to lean", "leaning dangerously", "dropping onto", "dropping on",
               "keep dropping", "wobbling", "ripped off", "torn off", "tipped over",
               "just missed", "nearly hit", "almost hit",
               "just dropped", "dropped a", "broke away", "broken away", "came away", "come away",
               "slid off", "slid to", "slipped off", "bowing out", "piece fell", "piece fall",
               "pieces fell", "tsaaqa6", "titsaaqa6", "cracked off", "lumps of concrete",
               "chunks of concrete", "توشك على السقوط", "يوشك على السقوط", "nazal minah", "nazal minha", "نزل منه",
               "نزل منها", "يتناثر", "تتناثر", "انزلق", "انزلقت",
               "ينزل منه", "تنزل منه", "يطيح منه", "ynzil mnah", "yinzil minah", "yinzil mnah",
               "tinzil minha", "انشق", "انزلاق", "تنزلق", "ينزلق", "بالانزلاق", "ta6ee7",
               "ti6ee7", "yi6ee7",
               "mayil 3alaina", "mayil 3lena", "mayil 3alaihum", "مايل علينا", "مايله علينا",
               "مائل علينا", "مايل عليهم", "مايله عليهم", "انهدم", "ينهدم", "تنهدم", "inhadam",
               "yinhidim", "tinhidim", "ynzil 3alaina", "tinzil 3alaina", "ينزل علينا",
               "تنزل علينا", "ينزل عليهم", "تنزل عليهم", "sagging",
               "shaking in the wind", "shaking with the wind", "shaking with wind", "fall down",
               "falls down", "split off", "dangles by", "dangling by", "m3allag", "m3allaga",
               "6ayir ma3 el hawa", "طاير مع الهوا", "تطير مع الهوا", "flying off in the wind",
               "blowing off",
               # ninth pass: pieces and fixings giving way
               "cracking away", "pulling away", "coming away", "detached from", "hanging from one", "held by one", "one bolt", "by a thread",
               "ينفصل", "انفصلت عن", "انفصل عن", "معلقه ببرغي", "معلق ببرغي", "ببرغي واحد",
               "b burgi wa7ed", "b burgi wa7id", "bburgi wa7ed", "ytmayal", "titmayyal",
               "yitmayyal", "يهتز مع الهوا", "تهتز مع الهوا", "يهتز مع الريح", "تهتز مع الريح",
               "yhtaz ma3 el hawa", "tihtaz ma3 el hawa", "slipped half off", "half off its",
               # tenth pass: flying off, toppled, swinging, hanging down onto a road (not bulging: the
               # shipped labels call a bulging wall one to inspect)
               "ytayir ma3 el hawa", "y6ayir ma3 el hawa", "y6eer ma3 el hawa", "يطير مع الهوا",
               "يطير مع الريح", "تطير مع الريح", "ynzil 3al naas", "ynzil 3la el naas",
               "tinzil 3al naas", "ينزل على الناس", "تنزل على الناس", "nazla 3al share3",
               "nazla 3la el share3", "nazil 3al share3", "نازله على الشارع", "نازل على الشارع",
               "نازله على الطريق", "نازل على الطريق", "نازله على السيارات", "يتارجح", "تتارجح",
               "يتمرجح", "تتمرجح", "yitmarja7", "titmarja7", "انقلب", "انقلبت", "ngalab",
               "ngalabat", "ingalab", "ingalabat", "inqalab", "7ijaar tinzil", "7jaar tinzil", "حجاره تنزل", "حجار تنزل",
               "stones falling", "stones dropping", "ynzil minah", "ynzil minha", "yinzil minha",
               "tinzil minah", "tinzil minha", "6ayir 3al", "6ayir 3la", "6ayra 3al", "6ayra 3la",
               "طاير على", "طايره على"]  # fmt: skip
_WATER = ["water", "rain", "flood", "sewage", "sewer", "dirty water", "smoke", "fumes",
          "ماي=", "الماي=", "مايه", "مية=", "المية=", "ميه=", "الميه=", "دخان", "الدخان", "مياه",
          "الامطار", "مطر=", "المطر=", "مطره=", "المطره=", "سيل", "سيول", "المجاري", "مجاري", "الصرف", "البياره", "بياره",
          "الماي الوسخ", "mai=", "maay=", "maya=", "m6ar", "mu6ar", "majari", "mjari", "seil",
          "sail=", "siyool", "bayara", "9arf", "majaari", "majary", "maya=", "ma2=", "dokhan", "do5an", "du5an", "mooya=", "moya=", "mayya=", "مويه=", "المويه=", "black water", "wastewater",
          "waste water"]  # fmt: skip
_INSIDE = ["inside", "into our", "into the house", "into the flat", "into the rooms", "entering",
           "coming into", "came into", "coming in", "coming up through", "coming up", "backing up",
           "backed up", "floor drain", "in the living room", "in our flat", "ankle deep",
           "knee deep", "دخل", "دخلت", "تدخل", "يدخل", "داخل", "غمر", "غرق", "غرقت", "وصل الغرف",
           "في الغرف", "راجعه", "ترجع", "يرجع", "رجعت", "وصل", "وصلت",
           "تتسرب الى", "تتدفق", "pouring into", "under our front door", "coming in under",
           "spreading into", "rj3at", "wa9lat", "dakhel", "da5al", "da5il", "da5el", "dakhal", "dakhil", "dakhla", "da5la", "dkhal", "d5al",
           "yid5al", "tid5al", "yidkhal", "tidkhal", "ghirig", "gharqan", "ghar8an", "3'ar8an",
           "ghar2an", "raj3a", "tirja3", "yirja3",
           # a drain is not inside a home (eleventh pass); coming up out of one, or a bathroom
           # or kitchen drain, is
           "من البلاعه", "من البلاعات", "من بلاعه", "بلاعه الحمام", "بلاعه المطبخ",
           "بلاعات الحمام", "mn el bal3a", "min el bal3a", "mn el balloo3a", "min el balloo3a",
           "bal3at el 7ammam", "bal3at el ma6ba5", "bal3at el 7amam",
           "bubbling up", "gushing into", "gushing in", "pouring in", "flooded with",
           "flooding our", "flooding the", "floating", "has reached", "reached the", "تنتشر في",
           "ارتفعت داخل", "غمرت", "غامره", "6al3a mn", "tfee9", "fa9at",
           "all over the floor", "all over our", "على الارضيه",
           "floor trap", "in the bedroom", "pouring through", "dripping through",
           "through the ceiling", "من السقف", "in the bedrooms", "into the bedroom", "on the carpet",
           "rising through", "spread across", "coming through", "filling with", "لين الركبه",
           "الى الركبه", "للركبه", "تسربت الى", "الى غرف النوم", "الى غرفه النوم",
           "6al3a fi", "6al3 fi", "طالعه في", "طالع في", "bubbling out",
           # tenth pass: it reached (wa9al), knee-deep in Arabizi
           "wa9al", "wasal", "wi9al", "lil rukba", "lel rukba", "lain el rukba",
           "7ad el rukba", "ila el rukba"]  # fmt: skip
_HOME = ["house", "home", "flat", "flats", "villa", "room", "bedroom", "hall", "bathroom",
         "kitchen", "ground floor", "basement", "majlis", "بيت", "منزل", "منازل", "بيوت", "الغرف",
         "غرفه", "الصاله", "المجلس", "الشقه", "الشقق", "شقه", "الحمام", "المطبخ", "الحوش", "bait",
         "beit", "bet=", "baitna", "beitna", "bitna", "byoot", "shaqqa", "shaqa", "9ala", "3'oraf",
         "ghoraf", "ghurfa", "ghurfat", "7amam", "7ammam", "7mam", "ma6ba5", "me6ba5", "7oosh",
         "villa", "البيسمنت", "الصاله", "living room", "ground-floor", "ground floor",
         "hallway", "corridor", "toilet", "shower", "downstairs", "living area", "غرف=",
         "الحمامات", "الممر", "للمجلس", "للصاله", "للغرف", "للحمام", "lounge"]  # fmt: skip
# Gulf "تولع/يولع" also means a lamp coming on ("الليتات تولع"), so it is not a fire word.
_FIRE = ["fire=", "fires=", "on fire", "burning", "flames", "ablaze", "smoke pouring", "حريق",
         "تحترق", "يحترق", "النار=", "النيران", "اشتعل", "اشتعلت", "7areeq", "7ariq", "nar=",
         "naar=", "t7tareg", "yi7tarig", "ti7tarig", "7arig", "ولعوا", "حرقوا", "يحرقون", "حرق=",
         "7ara8", "7arag", "catch fire", "caught fire",
         "torched", "set fire", "set on fire", "smouldering", "smoldering", "blaze", "مشتعله",
         "مشتعل", "تشتعل", "يشتعل", "ولعت", "7areeg", "mi7tarig", "lahab=", "اللهب", "لهيب"]  # fmt: skip
# "Fire" naming a service, drill or piece of equipment, not a fire: "a fire drill", "the fire
# engines", "fire extinguishers". A word matched here is not the fire rule's "fire".
_FIRE_NAMING = ["fire drill", "fire drills", "fire safety", "fire brigade", "fire engine",
                "fire engines", "fire truck", "fire trucks", "fire station", "fire extinguisher",
                "fire extinguishers", "fire exit", "fire exits", "fire alarm", "fire alarms",
                "fire department", "fire service", "fire services", "fire hydrant",
                "fire hydrants", "fire escape", "fire fighters", "fire door", "fire doors",
                "تمرين حريق", "تمرين الحريق", "تمرين اطفاء", "حريق وهمي", "tamreen 7ree8",
                "tamreen 7areeq", "tamreen 7ariq", "tamreen el 7areeq", "tamreen hareeq",
                "tamreen 7areeg", "tamreen e6fa2", "اطفاء حريق", "اطفاء الحريق",
                "burning sun", "sun is burning", "burning hot", "burning heat",
                "fire blackened", "fire damaged", "fire gutted",
                # burned by the sun, not by a fire (ninth pass)
                "yi7tariqoon bil shams", "yi7tarigoon bil shams", "ti7tarig bil shams",
                "yi7tarig bil shams", "يحترقون بالشمس", "يحترقون من الشمس", "تحترق من الشمس",
                "يحترق من الشمس", "burning in the sun"]  # fmt: skip
_TREE = ["tree", "palm", "branch", "شجره", "نخله", "شجر", "غصن", "shajara", "shajra", "ni5la",
         "nakhla", "ghu9n",
         "ghaf", "sidr", "neem", "سدر", "غاف", "سمر", "sidra"]  # fmt: skip
_SIGN = ["sign=", "signs=", "signboard", "signpost", "road sign", "billboard", "traffic light",
         "lamp post", "light pole", "pole=", "عمود", "3mood", "3amood",
         "لوحه", "لوحات", "اشاره", "لافته", "لوحه ارشاديه", "لوحه المرور", "lo7a", "lau7a",
         "ishara", "ishaara", "yafta",
         "gantry", "overhead sign", "direction sign", "street light column", "lamp column",
         "لوحه الاتجاهات", "لوحه ارشاد", "lo7at", "ishart", "isharat", "اشارات"]  # fmt: skip
_FALLEN = ["fallen", "fell", "down", "came down", "uprooted", "blown over", "knocked over",
           "dangling", "lying", "سقطت", "طاحت", "طايحه", "طايح", "سقوط", "ساقطه",
           "متدليه", "معلقه", "منقلعه", "مقلوعه", "6a7at", "6a7", "6ay7a", "6ay7", "6aa7at", "6aa7", "sa8a6at",
           "saqa6at", "m3allaga", "mitdalya", "mgloo3a",
           "toppled", "lying across", "hanging off", "hanging across", "hanging over", "clipped",
           "knocked down", "اقتلعت", "اقتلعتها", "انقلعت", "مائل فوق", "يكاد يقع", "6ayy7a", "bent over", "snapped", "hanging by",
           "tayeh", "taye7", "6aye7", "tayha", "6aye7a", "6ayi7a", "knocked flat", "flattened", "انفك", "انفكت", "تتارجح", "يتارجح", "swinging", "raqda", "raqdat", "راقده", "رقدت",
           "انكسرت", "انكسر", "inkasarat", "inkasar", "تتدلى", "يتدلى", "انفصلت", "mab6oo7", "mabtoo7"]  # fmt: skip
_ROAD = ["road", "street", "lane", "way=", "traffic", "carriageway", "roundabout", "junction",
         "شارع", "طريق", "الطريق", "سكه", "الشارع", "دوار", "تقاطع", "shari3", "sharee3", "6areeq",
         "6ari8", "sikka", "dawwar", "taqato3",
         "share3", "shaari3", "6ariq", "masar"]  # fmt: skip
# On the carriageway, blocking it or hanging over it: a sign or pole that fell at a junction
# and lies on the verge is a missing sign, not danger now; one across a lane is.
_ON_ROAD = ["across", "onto the road", "onto the street", "on the road", "on the street",
            "in the road", "in the middle", "middle of", "blocking", "blocked", "blocks", "lane=",
            "lanes=", "carriageway", "over the road", "over the traffic", "over the cars",
            "over the highway", "above the road", "على الشارع", "على الطريق", "على السكه",
            "في نص", "نص الشارع", "نص الطريق", "وسط الشارع", "وسط الطريق", "فوق الطريق",
            "فوق الشارع", "فوق السيارات", "عرض الطريق", "سد", "سدت", "ساده", "يسد", "تسد",
            "سكر", "سكرت", "مسكر", "اغلق", "اغلقت", "تغلق", "يغلق", "المسار", "المسارين",
            "حاره كامله", "3la el share3", "3la el shari3", "3la el 6areeq", "3la el 6aree8",
            "3la el sikka", "3ala el share3", "fi nu9", "nu9 el", "wasa6 el", "sakkar", "sakkarat",
            "msakkar", "sadd", "saddat", "fog el sayarat", "fog el share3", "fog el 6areeq",
            "both lanes", "fast lane", "slow lane", "slip road", "the lane", "the highway",
            "the motorway", "بعرض", "المسار", "كل الطريق", "el masar", "flyover", "overpass", "above the cars",
    "3ar9 el", "3arth el", "b3ar9",
    # tenth pass: fallen onto cars
    "على السيارات", "على سياره", "3la el sayyarat", "3ala el sayyarat", "3al sayyarat",
    "on the cars", "onto the cars", "onto a car", "on a car", "on parked cars"]  # fmt: skip
# Dust and noise coming into homes are nuisances, not water: "the dust comes into the houses,
# they never spray water" names water and a home without water getting in.
# Nor is water a tanker delivers: "ماي الصهريج وصل البيت" is supply reaching the house.
_NUISANCE = ["dust", "غبار", "الغبار", "عجاج", "ghobar", "ghubar", "ghubaar", "ghobaar", "noise",
             "ازعاج", "صوت", "الصوت", "ماي الصهريج", "صهريج الماي", "صهريج المياه",
             "water tanker", "water delivery"]  # fmt: skip
# Stuck in traffic or a queue is a delay, not a person trapped.
_DELAY = ["in traffic", "in the traffic", "traffic jam", "stuck behind", "in the queue",
          "في الزحمه", "بالزحمه", "زحمه السير", "زحمه الطريق", "في الطابور", "fi el zi7ma",
          "fil zi7ma", "fi el za7ma", "fil za7ma"]  # fmt: skip
# A sinking road, a hole or trench left open without barriers.
_GROUND = ["road", "street", "asphalt", "ground", "lane", "hole", "trench", "pit=", "الشارع",
           "شارع", "الطريق", "طريق", "الارض", "حفره", "الحفره", "خندق", "share3", "shari3",
           "7ufra", "7ofra", "6areeq", "excavation", "6aree8", "ar9=", "ar6=",
           "isfilt", "asfalt", "الاسفلت", "اسفلت", "zift=", "الزفت"]  # fmt: skip
_SINKING = ["collapsed", "caved in", "sinkhole", "sink hole",
            "no barriers", "no barrier", "without barriers", "انخسف", "انهار",
            "انهيار", "هبط فجاه", "تجويف", "بدون حواجز", "ما في حواجز", "مافي حواجز", "بلا حواجز",
            "دون اي علامات", "حاط حواجز", "n5asaf", "inkhasaf", "inhar", "ma fi ay 7awajez",
            "bdoon 7awajez",
            "crater", "opened up", "انهار جزء", "inkhasaf",
            "no fence", "no fencing", "unfenced", "not fenced", "unguarded", "no cones", "no tape",
            "just sank", "road sank", "has sunk", "in5asaf", "mafi 7awajez", "دون اي حاجز",
            "بدون حاجز", "بلا حاجز", "مافي حاجز", "ولا فيه حاجز",
            "sank", "هبوط مفاجئ", "ابتلعت", "bdoon 7awajiz", "bdoon 7awajeez",
            "bala 7awajiz", "ma fee 7awajiz", "ma fi 7awajiz", "cavity", "void under",
            "dropped into a", "left open", "خلوه مفتوح", "خلوها مفتوحه", "تركوه مفتوح",
            "تركوها مفتوحه", "5allooh maftoo7", "5allatah maftoo7", "هبطت", "hab6at", "inhab6at"]  # fmt: skip
# Gas, fuel: a leak is danger now.
_LEAK = ["gas leak", "smell of gas", "gas smell", "leaking gas", "leaking petrol", "leaking fuel",
         "petrol leak", "رائحه غاز", "ريحه غاز", "ريحة الغاز", "تسرب غاز", "تسرب الغاز", "تسرب بترول",
         "تسرب بنزين", "تسرب بترول", "ray7at gaz", "ri7at gaz", "tasarrub gaz",
         "يتسرب منها البنزين", "يتسرب منه البنزين", "يتسرب منها الوقود", "يتسرب منه الوقود",
         "تسرب الوقود", "تسرب وقود", "fuel leaking", "petrol leaking", "leaking diesel",
         "smell gas", "strong gas"]  # fmt: skip
# Gas: the gas word and a smell or leak close by ("ri7at el ghaz", "a smell of gas in the
# stairwell", "تسرب من خط الغاز").
_GAS = [
    "gas=",
    "غاز",
    "الغاز",
    "ghaz=",
    "ghaaz=",
    "gaz=",
    "el ghaz",
    "ghaz",
    "gaaz=",
    "petrol=",
    "diesel=",
    "بنزين",
    "البنزين",
    "ديزل",
    "binzeen",
    "banzeen",
]
_SMELL = ["smell", "smells", "leak", "leaking", "ريحه", "رائحه", "ريحة", "تسرب", "يتسرب", "ri7a",
          "ri7at", "ray7a", "ray7at", "re7a", "tasarrub", "tasarrob", "tasarub", "yitsarrab",
          "titsarrab", "تتسرب", "leaks"]  # fmt: skip
# Gas that names a sewer's smell or a place, not a leak.
_NOT_GAS = ["sewer gas", "sewage gas", "غاز المجاري", "غازات المجاري", "gas station",
            "gas stations", "محطه غاز", "محطه الغاز", "petrol station", "petrol stations",
            "محطه بنزين", "محطه البنزين", "ma7a6at binzeen"]  # fmt: skip
# Animals that attack or stand on a fast road. "عض", "عضه" (bite) only whole or before a dog:
# with the clitic ب stripped they are also "بعض", "بعضه" ("some"). A dead animal is a carcass
# to remove, not an attack.
_BEAST = ["dog", "dogs", "camel", "camels", "cow=", "cows=", "donkey", "bees", "wasps", "swarm",
          "كلب", "كلاب", "جمال", "جمل", "بعير", "ابل", "حمير", "نحل", "دبابير", "kalb", "klab",
          "jamal", "jmal", "b3eer",
          "cattle", "goats", "بوش", "بقر", "ثور", "klaab", "kilab", "bosh", "ba8ar", "bagar", "baqar", "bull=", "bulls=",
          "chlaab", "chalb", "ثعبان", "افعى", "snake", "boosh", "bosh="]  # fmt: skip
# A snake inside a home, classroom or shop (tenth pass): danger now where a snake in a park or
# on waste ground is one to report. "حيه" is also "alive", so only unambiguous words.
_SNAKE = ["snake", "snakes", "cobra", "viper", "ثعبان", "ثعابين", "افعى", "افاعي", "thu3baan",
          "thu3ban", "tho3baan", "tho3ban", "thi3ban", "tha3ban", "af3a=", "af3aa="]  # fmt: skip
_INDOORS = [*_HOME, "inside", "indoors", "classroom", "class=", "shop=", "داخل", "دخل", "دخلت",
            "فصل", "الفصل", "صف=", "الصف=", "المحل", "da5al", "dakhal", "da5il", "dakhil", "9af=",
            "el 9af", "fasl=", "el fasl", "ghurfa", "ghurfat"]  # fmt: skip
# "السريع" is the expressway ("طريق مسقط السريع"), and also a quick response ("نرجو التدخل
# السريع"): a word matched here is not the animal rule's road.
_QUICK = ["التدخل السريع", "بالتدخل السريع", "تدخل سريع", "الاستجابه السريعه", "استجابه سريعه",
          "الرد السريع", "الحل السريع", "quick response", "fast response"]  # fmt: skip
_DEAD = ["dead", "carcass", "ميت", "ميته", "نافق", "نافقه", "جيفه", "mayit", "mayyit", "mayta",
         "mayyta", "mait="]  # fmt: skip
_ATTACK = ["attacking", "biting", "foaming", "rabid", "expressway", "highway", "motorway",
           "hard shoulder", "يهاجم", "تهاجم", "يهاجمون", "عضته=", "عضتها=", "عضني=", "عضتني=", "يعض=", "تعض=",
           "يعضون=", "عضه كلب", "عضه الكلب", "عضها الكلب", "عضهم الكلب", "عضه كلاب", "مسعور", "الطريق السريع", "الخط السريع",
           "السريع", "3a9", "3add=", "3addah=", "3addat=", "3addni=", "yhajim",
           "el 6areeq el sree3", "el share3 el sree3", "el masar el sree3", "المسار السريع", "6areeq sree3", "el 5a6 el sree3",
           "chasing", "charging at", "تطارد", "يطارد", "يطاردون", "tla7ig", "tlaa7ig", "y6ardoon", "snarling", "lunged", "lunging",
           "dual carriageway", "slip road", "fast lane", "knocked a man", "knocked over a", "knocked down a",
           "butted", "نطح", "ينطح",
           "هاجم", "هجم", "هائج", "هايج", "stung", "stinging", "لسع", "لسعت", "لدغ", "لدغت",
           "lasa3", "las3at", "ladagh"]  # fmt: skip
# A person in danger now: who, and what is happening to them.
_PERSON = ["child", "children", "kid", "kids", "boy=", "girl=", "toddler", "baby", "student",
           "worker", "a man", "a woman", "person", "people", "طفل", "اطفال", "ولد", "بنت", "عيال",
           "يهال", "جهال", "ياهل", "طالب", "طلاب", "عامل", "شخص", "رجال", "حرمه", "family", "car=", "موتر", "سياره", "sayara", "sayyara", "6ifl", "6fl", "a6fal", "atfal", "yahal", "yahhal",
           "3yal", "3eyal", "walad", "bint", "6alib", "6ullab", "3amil", "sha5s", "cyclist",
           "pedestrian", "اسره", "عائله", "عايله", "neighbours", "elderly", "old man",
           "old woman", "old lady", "3ayla", "3aila", "3aayla", "mo6ar=", "mooter=", "mootar="]  # fmt: skip
_PERIL = ["trapped", "stuck", "fell into", "fallen into", "drowning", "electrocuted", "attacking",
          "being attacked", "bleeding", "unconscious",
          "can't get out", "cannot get out", "swept away", "stalled", "عالقه", "3alqa", "3al8a", "عالق", "عالقين", "محبوس", "محبوسين",
          "محاصر", "محاصرين", "طاح في", "طاحت في", "سقط في", "يغرق", "غرقان", "انصعق", "مصعوق",
          "يهاجم", "تهاجم", "يهاجمون", "ينزف", "مغمى", "جرفه", "جرفهم", "3alig", "3algeen",
          "m7boos", "m7boseen", "m7a9ar", "6a7 fi", "yighrag", "ghargan", "in9i3ag", "yihajim",
          "yhajmoon", "yinzif",
          "stuck on the roof", "swept along", "swept off", "being swept", "got swept", "fell in", "cut off by", "محاصرين بالماء", "جرفت", "جرفتهم",
    "6a7 feeha", "6a7 feeh", "6a7at feeha", "انجرف", "انجرفت", "جرفها", "swept away",
          "ma yigdar ye6la3", "ما يقدر يطلع", "ما يقدرون يطلعون", "مب قادر يطلع", "ma yigdar yinzil", "ما يقدر ينزل"]  # fmt: skip

# Ninth pass (docs/ROUTING_DATA.md): leaning over people, park hazards, running wadis, unmarked
# holes. A pole, tank, sign or crane leaning is danger when it leans over a road, cars, homes
# or people; "leaning" alone is also a calm wall or canopy reported for inspection.
_LEANING = ["leaning", "leans", "tilted", "tilting", "bent over", "bent toward", "bent towards",
            "مايل", "مايله", "مائل", "مائله", "مالت", "ميلان", "ينحني", "منحني",
            "mayil", "mayel", "mayla", "maila", "maayil", "malat",
            # tenth pass: it leans, present tense
            "يميل", "تميل", "yimil", "yameel", "ymeel", "yimeel", "timil", "tameel"]  # fmt: skip
_OVER_PEOPLE = ["over the road", "over the street", "over the pavement", "over the sidewalk",
                "over the houses", "over the cars", "over the car park", "over our", "over the lane",
                "over the highway", "over the traffic", "over people", "over the playground",
                "onto the road", "onto the street", "into the road", "into the street",
                "فوق البيوت", "فوق السيارات", "فوق الرصيف", "فوق الناس", "فوق المارة",
                "فوق الشارع", "فوق الطريق", "على الشارع", "على الطريق", "على السكه",
                "على البيوت", "على السيارات", "على الرصيف", "على المارة", "على الناس",
                                "3la el share3", "3al share3", "3la el 6areeq", "3al 6areeq", "3la el sikka",
                "3la el sayarat", "3la el byoot", "3la el nas", "fog el byoot", "fog el sayarat",
                "fog el share3", "fog el nas", "fo8 el byoot", "fo8 el sayarat", "فوق المنازل", "على المنازل", "فوق البيت",
                "على البيت", "فوق بيتنا", "على بيتنا", "over the house", "over the site",
                "fog el bait", "3la el bait", "3la el mamar", "على الممر", "فوق الممر",
                "over the walkway", "fog el 6areeq", "fo8 el 6areeq", "fog el sikka", "over the slow lane",
                "over the fast lane", "over the carriageway", "over the service road", "فوق المساكن",
                "على المساكن",
                # tenth pass: the pavement in Arabizi
                "3la el ra9eef", "3ala el ra9eef", "3al ra9eef", "3ala el rasif", "3la el rasif",
                "fog el ra9eef", "fo8 el ra9eef"]  # fmt: skip
_CRANE = ["crane", "cranes", "tower crane", "رافعه البناء", "الرافعه", "كرين", "الكرين", "كرينات",
          "ونش=", "الونش=", "krain", "kreen", "krane", "wanash", "رافعه برجيه", "الرافعه البرجيه",
          "رافعات"]  # fmt: skip
# A crane leaning, or its arm or load swinging or shaking over homes.
_CRANE_DANGER = [*_LEANING, "swinging", "swaying", "shaking", "wobbling", "loads over", "load over",
                 "over the houses", "over occupied", "يهتز", "تهتز", "يتارجح", "تتارجح",
                 "بحمولتها فوق", "فوق البيوت", "فوق المساكن", "yihtazz", "tihtazz", "yhtaz",
                 "yitmarja7", "titmarja7", "fog byootna", "fog el byoot", "fo8 el byoot",
                 "يتمرجح", "تتمرجح", "بالحموله", "فوق بيوتنا"]  # fmt: skip
# Play equipment with sharp or jagged metal, nails or broken glass: children cut now.
_PLAY = ["slide=", "slides=", "swing=", "swings=", "see-saw", "seesaw", "see saw", "climbing frame",
         "play equipment", "playground", "play area", "monkey bars", "trampoline", "zip line",
         "زحليقه", "زحاليق", "الزحليقه", "زلاقه", "الزلاقه", "مرجيحه", "المرجيحه", "مراجيح",
         "المراجيح", "ارجوحه", "الارجوحه", "اراجيح", "الاراجيح", "العاب الاطفال", "الالعاب=",
         "العاب الحديقه", "منطقه الالعاب", "ملعب الاطفال", "zo7leega", "zo7leeqa", "zu7leega",
         "zalaqa", "zallaaga", "zalaaga", "zlaaga", "marjee7a", "mrjee7a", "mraajee7", "maraajee7",
         "marajee7", "al3ab=",
         "el al3ab", "al3ab el a6fal", "al3ab el yahal"]  # fmt: skip
_SHARP = ["sharp", "jagged", "razor", "sticking out", "poking out", "exposed bolt", "exposed bolts",
          "exposed screws", "rusty nails", "nails sticking", "broken glass", "torn metal",
          "حاد=", "حاده=", "حواف",
          "مسامير", "مسمار", "زجاج مكسور", "قزاز مكسور", "حديد بارز", "حديد طالع", "بارزه",
          "بارز", "جرح", "انجرح", "انجرحت", "7aad", "7ada=", "7adda", "masameer", "mismar",
          "zijaj maksoor", "gzaz maksoor", "7adeed 6aali3", "7adeed 6al3", "injara7", "jara7"]  # fmt: skip
# Someone on the equipment now, or already hurt: "before a child gets hurt" is a reason to
# repair, and the shipped labels (the centre's corpus among them) call it not urgent.
_PLAYING = ["playing", "play on it", "play on them", "using it", "climbing on", "got cut",
            "cut his", "cut her", "cut their", "was cut", "were cut", "bleeding", "injured",
            "يلعبون", "يلعب", "تلعب", "يلعبوا", "يتزحلقون", "انجرح", "انجرحت", "تعور", "تعورت",
            "ينزف", "تنزف", "yil3aboon", "yl3boon", "yil3boon", "yil3ab", "yl3ab", "til3ab",
            "injara7", "injar7at", "t3awwar", "ta3awwar", "yinzif", "yitzal7agoon", "yitzal7aqoon",
            "itzal7ag", "yitmarja7oon", "يتمرجحون"]  # fmt: skip
# An open pit, shaft or well, and the way it is open ("an open pit in the park").
_PIT = ["pit=", "pits=", "hole=", "holes=", "trench", "shaft", "excavation", "open well",
        "حفره", "الحفره", "حفريه", "الحفريه", "حفر=", "الحفر=", "خندق", "الخندق", "بئر=", "البئر=", "بير=", "البير=",
        "7ufra", "7ofra", "7ufar", "5andaq", "khandaq", "bir=", "beer=", "bi2r=", "be2r=", "bi2ir=",
        "el bi2r", "el be2r"]  # fmt: skip
_PIT_OPEN = ["open=", "uncovered", "no cover", "not covered", "without a cover", "without cover",
             "unfenced", "no fence", "no fencing", "not fenced", "no barrier", "no barriers",
             "مفتوحه", "مفتوح", "مكشوفه", "مكشوف", "بدون غطا", "بدون غطاء", "بلا غطا", "بلا غطاء",
             "ما عليها غطا", "ما عليه غطا", "ما عليها شي", "ما عليه شي", "بدون سياج", "بلا سياج",
             "maftoo7a", "maftoo7", "maftu7a", "makshoofa", "makshoof", "bdoon ghata", "bala ghata",
             "ma 3laiha shay", "ma 3laih shay", "ma 3laiha ghata", "bdoon siyaj", "ma 3laih ghata",
             "ma 3laih ghe6a", "ma 3laiha ghe6a", "bala ghe6a", "bdoon ghe6a", "bala ghata"]  # fmt: skip
# "Open land", "open space": a place, not a pit left open.
_OPEN_PLACE = ["open land", "open space", "open spaces", "open area", "open ground", "open air",
               "open plot", "open plots", "open field", "open to the public", "الارض المفتوحه",
               "ارض مفتوحه", "الساحه المفتوحه", "ساحه مفتوحه", "مفتوحه للجمهور", "مفتوح للجمهور",
               "مفتوحه للناس"]  # fmt: skip
# Standing water people can fall into, and a fence or railing round it that is broken or absent.
_WATER_BODY = ["pond", "ponds", "lake", "lakes", "pool=", "pools=", "swimming pool", "canal",
               "lagoon", "khor=", "reservoir", "water channel", "بركه", "البركه", "برك=",
               "بحيره", "البحيره", "حوض", "الحوض", "مسبح", "المسبح", "القناه", "قناه",
               "الخور=", "خور=", "birka", "birkat", "bu7aira", "bo7aira", "ba7ira", "masba7",
               "7oo9", "7awdh", "el khor"]  # fmt: skip
_FENCE = ["fence", "fencing", "railing", "railings", "barrier", "guard rail", "guardrail",
          "سياج", "السياج", "سور=", "السور=", "الحاجز", "حاجز", "الدرابزين", "درابزين",
          "soor=", "siyaj", "syaj", "7ajiz", "darabzeen"]  # fmt: skip
_FENCE_BROKEN = ["broken", "missing", "fallen", "down=", "gone", "damaged", "bent", "gap",
                 "no fence", "no fencing", "unfenced", "not fenced", "no railing", "no barrier",
                 "without a fence", "without fence", "مكسور", "مكسوره", "طايح", "طايحه", "ساقط",
                 "ساقطه", "مفقود", "مو موجود", "مب موجود", "غير موجود", "بدون سياج", "بلا سياج",
                 "بدون سور", "بلا سور", "ما عليها سور", "ما عليه سور", "مافي سور", "ما فيه سور",
                 "مقطوع", "فيه فتحه", "فيها فتحه", "maksoor", "maksoora", "6aye7", "6ay7",
                 "bdoon soor", "bala soor", "ma 3laiha soor", "ma 3laih soor", "mafi soor",
                 "bdoon siyaj", "mgtoo3", "bala siyaj", "ma 3laiha siyaj", "mafi siyaj",
                 "ma 3laih siyaj", "ما عليها سياج", "ما عليه سياج", "مافي سياج", "منهار", "منهاره", "مهدوم", "متهالك", "collapsed", "inhar"]  # fmt: skip
# A wadi in flow, and people or cars crossing it ("الوادي حامل", "el wadi jaari").
_WADI = ["wadi", "wadis", "وادي", "الوادي", "الاوديه", "اوديه", "wady", "wdyan", "el wadi",
         "الشعبه", "flood water", "floodwater", "flash flood", "السيل", "سيل=", "seil="]  # fmt: skip
_FLOWING = ["running", "flowing", "in flood", "in spate", "flooding", "raging", "rushing",
            "strong current", "current is strong", "water is strong", "water is rising",
            "full of water", "جاري", "جاريه", "جار=", "يجري", "جريان", "جريانه", "حامل",
            "حامله", "سال=", "سالت", "يسيل", "سايل", "هادر", "فايض", "قوي", "قويه", "مرتفع",
            "jaari", "jari=", "yaari", "yijri", "yjri", "7aamil", "7amil", "7aamla", "7amla",
            "saal=", "sayil", "msayyil", "msayel", "gawi", "gawee", "qawi", "ساير=", "sayir=",
            # Omani "نزل الوادي" (the wadi came down: it flows), a wadi full to the banks
            "نزل=", "نازل", "نازله", "nazil", "naazil", "nazal=", "مليان", "مليانه", "malyan",
            "malyaan", "full=", "in full flow"]  # fmt: skip
_CROSSING = ["crossing", "cross=", "crosses", "drive through", "driving through", "drives through",
             "drove through", "drove into", "driving into", "walking through", "walking across",
             "walk across", "wading", "trying to cross", "try to cross", "يعبر", "يعبرون", "تعبر",
             "عبور", "العبور", "يقطع", "يقطعون", "تقطع", "يخوض", "يخوضون", "تخوض", "يدخلون فيه",
             "تدخل فيه", "يدخل فيه", "يمشون فيه", "ya3bur", "y3abir", "y3abroon", "t3abir",
             "ta3bur", "yi8a6i3", "y8a6i3", "y8a6i3oon", "ygta3", "yigta3", "ygt3oon",
             "yga6i3", "yga6i3oon", "tga6i3", "yi5oodh", "y5oodh", "yd5loon feeh", "td5al feeh",
             # Gulf "عدّى" (to get across), English fording
             "يعدون", "يعدي", "تعدي", "عدوا", "يبون يعدون", "ya3addoon", "y3addoon", "t3addi",
             "y3addi", "fording", "drive across", "driving across", "drove across", "walk through",
             "cross it"]  # fmt: skip
# A hole, trench or dug road that nobody can see: no lights, signs, cones or reflectors.
_HOLE = ["hole=", "holes=", "trench", "excavation", "crater", "dug up", "digging", "pit=",
         "حفره", "الحفره", "حفريه", "الحفريه", "حفر=", "الحفر=", "خندق", "الخندق", "حفريات", "الحفريات", "7ufra",
         "7ofra", "7ufar", "5andaq", "khandaq", "7afriyat"]  # fmt: skip
_UNMARKED = ["unmarked", "not marked", "no warning", "no warnings", "no signs", "no sign=",
             "without signs", "without any signs", "without a sign", "no lights", "no light=",
             "no lighting", "no reflectors", "no reflector", "no cones", "no tape", "can't see it",
             "cannot see it", "can t see it", "can t see", "invisible", "completely dark",
             "pitch dark", "بدون اشارات", "بدون اشاره", "بدون اي اشارات", "بدون علامات",
             "دون علامات", "بلا اشارات", "بلا اشاره", "بدون تحذير", "بدون اناره", "بلا اناره",
             "بدون انارة", "ما عليها اشارات", "ما عليها اشاره", "ما عليه اشاره",
             "ولا ليتات", "ولا اناره", "ما تنشاف", "ما تبين", "لا تراها", "لا يراها", "غير مرئيه",
             "bala ishara", "bdoon ishara", "bdoon isharat", "bala isharat", "ma 3laiha ishara",
             "ma tbayyin", "ma tbayin", "ma tinshaf", "wala layt", "bala layt", "bdoon layt",
             "بدون signs", "بدون اي signs", "بلا signs", "بدون lights", "بدون اي lights",
             "ma 3laiha ay ishara", "wala anwaar", "bala anwaar", "bdoon anwaar"]  # fmt: skip


# Tenth pass (docs/ROUTING_DATA.md, "Tenth pass: English and mixed writers"): how other
# writers put the same dangers in English and in Arabic with English words: a line "came
# down across" a road, a cover "cracked in half", a wall "bulging" and "crumbling", sheets
# "flying off" a roof, water that "entered" a shop, a limb "dangling above" a carriageway,
# dogs "cornering" people. Kept apart and added to the groups above by name, so a pass's
# terms stay together and read as one list.
_TENTH_PASS: dict[str, list[str]] = {
    "exposed": ["live terminals", "live parts", "within reach", "prised off", "prised open",
                "pried open", "pried off", "forced open", "current is there", "current in it",
                "lying in water", "came down", "down across", "fallen across", "fell across",
                "touching the cars", "touching cars", "touching the parked", "fizzing", "arcing",
                "flashing", "flashes", "humming", "hums=", "burning smell", "smell of burning",
                "smells of burning", "on the pavement", "on the footpath", "on the tarmac",
                "wires out", "showing", "can see", "leaking into", "water getting into",
                "water inside", "ممدود", "ريحه احتراق", "رائحه احتراق"],
    "box_open": ["prised", "pried", "forced open", "door off", "ripped off"],
    "fire_naming": ["hot as fire", "hot like fire", "burn like fire"],
    "manhole": ["drain hole", "sewer hole", "grate", "grating", "sewer lid", "chamber lid",
                "lid of the chamber", "storm drain cover"],
    "open": ["in half", "in two", "dropped into", "fell into", "fallen into", "fell in=",
             "collapsed inside", "caved in", "flipping up", "flips up", "flipped up", "tips up",
             "lifted off", "walked off with", "took the lid", "without its lid"],
    "structure": ["footbridge", "tower", "hoarding", "hoardings", "soffit",
                  "underside", "arcade", "mud house", "sheets", "roof sheets", "metal sign",
                  "big sign", "large sign"],
    "collapsing": ["came down", "tipping over", "tipping forward", "flying off", "blown off",
                   "blown over", "cracking sound", "cracking sounds", "cracking noise",
                   "cracking noises", "creaking", "broke off", "broken off", "falling off", "fell off", "has dropped",
                   "visibly dropped", "dropped since", "moved again", "about to go",
                   "ready to fall", "threatening to fall", "in danger of collapsing",
                   "close to collapse", "near collapse", "on the verge", "barely holding",
                   "spalling", "spalled", "hanging loose", "coming apart", "dropping into",
                   "dropping off", "hanging down", "تطير من",
                   "طارت من", "يطير من", "صوت تكسير", "صوت طقطقه"],
    "inside": ["enter=", "entered", "enters=", "came through", "under water", "underwater",
               "is flooding", "are flooding", "pouring down", "running into", "rushing into",
               "flowing into", "into the basement", "gurgling up", "spewing", "taking in",
               "filling up", "up to the knee", "up to our knees", "waist deep", "يتعبى",
               "تتعبى", "يتعبا", "تتعبا", "كله ماي", "كلها ماي", "كله مي", "كلها مي"],
    "home": ["my shop", "into the shop", "classroom", "washroom", "wc=", "apartment",
             "underground parking", "محلي", "دكاني"],
    "fire": ["is alight", "are alight", "set alight", "went up in flames", "نار تحت", "نار في",
             "فيها نار", "فيه نار", "منها نار", "منه نار"],
    "gas": ["lpg=", "gas bottle", "gas bottles"],
    "smell": ["hissing", "hisses", "pouring out", "spilling", "spilled", "spilt", "gushing",
              "smells like", "يسرب", "يصفر"],
    "tree": ["limb=", "limbs=", "bough", "trunk", "gulmohar", "eucalyptus", "acacia"],
    "sign": ["signal post", "signal pole", "stop post", "gantry board", "traffic signal"],
    "fallen": ["hanging loose", "hangs off", "hangs over", "hangs across", "hangs from", "dangle", "dangles", "leaning over",
               "leaning across", "roots pulled", "roots out", "split from", "lying flat",
               "lies over", "lies across", "lying over", "blocking the road",
               "blocking the street", "bent down", "bent into", "smashed by", "معلق", "منحني",
               "انضرب"],
    "on_road": ["over the junction", "over the intersection", "above the junction",
                "above the traffic", "over the expressway", "the expressway", "on the tarmac",
                "the tarmac", "the slip road", "cross roads", "crossroads", "where the buses",
                "فوق التقاطع", "على التقاطع", "فوق الدوار"],
    "person": ["ناس=", "الناس", "two men", "men=", "driver", "passengers", "labourer",
               "labourers", "brother", "wife", "pickup", "saloon", "vehicle", "bus="],
    "peril": ["marooned", "stranded", "can t open the doors", "cant open the doors",
              "cannot open the doors", "standing on the cab", "on the roof of their",
              "had to climb", "cornered"],
    "beast": ["strays=", "hornet", "hornets"],
    "attack": ["cornering", "cornered", "going for", "growling", "snapping at", "jumping at",
               "running after", "all three lanes", "between the lanes", "stings=", "surrounded",
               "surrounding", "circling"],
    "playing": ["queuing", "queueing", "still using", "was on it", "were on it", "on it when"],
    "crossing": ["swimming", "swim in", "playing in the"],
    "crane_danger": ["بالحموله", "بحموله", "الحموله فوق", "فوق بيوتنا", "over our houses",
                     "loads over"],
}  # fmt: skip
# Metal that gives a shock: a railing, a lamp post or a fence with current in it.
_METAL = ["railing", "railings", "handrail", "rail=", "metal=", "iron=", "fence", "gate=",
          "lamp post", "lamppost", "pole=", "bus shelter", "swing=", "swings=", "door handle",
          "tap=", "الحديد", "حديد", "درابزين", "سياج", "البوابه", "بوابه", "عمود",
          "7adeed", "3amood", "3mood"]  # fmt: skip
_LIVE_CURRENT = ["a shock", "shocks=", "got shock", "get shock", "electric shock", "electrocut",
                 "tingle", "tingling", "feel the current", "felt the current",
                 "current is there", "current in it", "current in the", "current passing",
                 "is live", "still live", "are live", "electrified", "zapped", "فيه كهربا",
                 "فيها كهربا", "فيه كهرباء", "فيها كهرباء", "يمسك كهربا", "يكهرب", "تكهرب",
                 "مكهرب", "انصعق", "صعقه", "صعقني", "جاه shock", "جاها shock", "fee kahraba",
                 "feeh kahraba", "fiha kahraba", "ykahrib", "tkahrib"]  # fmt: skip
# A gas cylinder or bottle hissing or leaking: the cylinder can be a few words from the leak.
_CYLINDER = ["cylinder", "cylinders", "gas bottle", "gas bottles", "lpg=", "سلندر", "اسطوانه",
             "اسطوانات", "جره غاز", "silinder", "slinder", "cylender"]  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """A named rule: every group must match within WINDOW words; `negatable` group indexes."""

    name: str
    groups: tuple[str, ...]
    negatable: tuple[int, ...] = ()
    window: int = WINDOW
    unless: str | None = None  # a group that cancels the rule within `window` words of it
    not_at: str | None = None  # a group whose match over a word takes that word out of the rule
    # a fear anywhere within `window` words cancels it ("مايل ... خايفين يطيح"), unless an
    # imminence phrase says it is any minute now
    fear_cancels: bool = False
    # an `unless` match right after a negation does not cancel ("ليس في أمان", not safe; "ما
    # لقيناه", not found): twenty-second pass
    unless_negatable: bool = False
    # a group whose match over an `unless` word keeps it from cancelling: "من أمس" (since
    # yesterday) is a span, not "yesterday" (twenty-third pass)
    unless_not_at: str | None = None


_EARLIER_GROUPS: dict[str, list[str]] = {
    "wires": _WIRES, "exposed": _EXPOSED, "box": _BOX, "billing": _BILLING, "box_open": _BOX_OPEN, "manhole": _MANHOLE, "open": _OPEN,
    "structure": _STRUCTURE, "collapsing": _COLLAPSING, "water": _WATER, "inside": _INSIDE,
    "home": _HOME, "fire": _FIRE, "tree": _TREE, "sign": _SIGN, "fallen": _FALLEN,
    "road": _ROAD, "on_road": _ON_ROAD, "nuisance": _NUISANCE, "delay": _DELAY, "person": _PERSON, "peril": _PERIL, "ground": _GROUND, "sinking": _SINKING,
    "leak": _LEAK, "beast": _BEAST, "attack": _ATTACK, "dead": _DEAD, "quick": _QUICK, "fire_naming": _FIRE_NAMING,
    "gas": _GAS, "smell": _SMELL, "not_gas": _NOT_GAS, "snake": _SNAKE, "indoors": _INDOORS,
    "leaning": _LEANING, "crane": _CRANE, "crane_danger": _CRANE_DANGER, "over_people": _OVER_PEOPLE, "play": _PLAY, "sharp": _SHARP, "playing": _PLAYING,
    "pit": _PIT, "pit_open": _PIT_OPEN, "open_place": _OPEN_PLACE, "water_body": _WATER_BODY,
    "fence": _FENCE, "fence_broken": _FENCE_BROKEN, "wadi": _WADI, "flowing": _FLOWING,
    "crossing": _CROSSING, "hole": _HOLE, "unmarked": _UNMARKED,
}  # fmt: skip
_GROUPS: dict[str, list[str]] = {
    **{name: [*terms, *_TENTH_PASS.get(name, [])] for name, terms in _EARLIER_GROUPS.items()},
    "metal": _METAL,
    "live_current": _LIVE_CURRENT,
    "cylinder": _CYLINDER,
    # eleventh pass: concepts by meaning (core/routing/urgency_meaning.py)
    "people_now": meaning.PEOPLE_NOW,
    "wild": meaning.WILD,
    "livestock": meaning.LIVESTOCK,
    "main_road": meaning.MAIN_ROAD,
    "bite": meaning.BITE,
    "some": meaning.SOME,
    "recent": meaning.RECENT,
    "fumes": meaning.FUMES,
    "symptom": meaning.SYMPTOM,
    "pipe": meaning.PIPE,
    "burst": meaning.BURST,
    "obstacle": meaning.OBSTACLE,
    "obstacle_state": meaning.OBSTACLE_STATE,
    "barrier": meaning.BARRIER,
    "barrier_gone": meaning.BARRIER_GONE,
    "drop": meaning.DROP,
    "crowded": meaning.CROWDED,
    "charging": meaning.CHARGING,
    "deep": meaning.DEEP,
    # twelfth pass: who is at risk, by place (urgency_meaning.py)
    "giving_way": meaning.GIVING_WAY,
    "trap": meaning.TRAP,
    "children_play": meaning.CHILDREN_PLAY,
    "fell_in": meaning.FELL_IN,
    "hurt": meaning.HURT,
    # thirteenth pass: a thing giving way near people (urgency_meaning.py)
    "thing": meaning.THING,
    "state": meaning.STATE,
    "near": [*meaning.PEOPLE_NOW, *meaning.NEAR, *_OVER_PEOPLE],
    "asking": meaning.ASKING,
    # fourteenth pass: an animal threatening a person now, glass hanging over people
    "threat": meaning.THREAT,
    "now_sign": meaning.NOW_PLAIN,
    "until": [term for terms in _UNTIL_TERMS.values() for term in terms],
    "glass": meaning.GLASS,
    "hanging": meaning.HANGING,
    "smoke": meaning.SMOKE,
    "emerging": meaning.EMERGING,
    "someday": meaning.SOMEDAY,  # no rule's group: read by _someday
    # sixteenth pass: fainting in the heat, shut in a vehicle, swimming in a flooded pit
    "faint": meaning.FAINT,
    "heat": meaning.HEAT,
    "vehicle": meaning.VEHICLE,
    "shut_in": meaning.SHUT_IN,
    "shut_people": meaning.SHUT_PEOPLE,
    "not_vehicle": meaning.NOT_VEHICLE,
    "swimming": meaning.SWIMMING,
    "swimming_place": meaning.SWIMMING_PLACE,
    "pool_unsafe": meaning.POOL_UNSAFE,
    # seventeenth pass: a vehicle kept locked away; a lift stuck with someone in it; an
    # underpass full of water with cars in it; a power line down on a road
    "kept_locked": meaning.KEPT_LOCKED,
    "lift": meaning.LIFT,
    "lift_stuck": meaning.LIFT_STUCK,
    "lift_occupied": meaning.LIFT_OCCUPIED,
    "underpass": meaning.UNDERPASS,
    "underpass_flooded": meaning.UNDERPASS_FLOODED,
    "caught": meaning.CAUGHT,
    "power_line": meaning.POWER_LINE,
    # eighteenth pass: a body harmed now, a hazard moving toward people (urgency_meaning.py)
    "harm": meaning.HARM,
    "harm_now": meaning.HARM_NOW,
    "harm_ongoing": meaning.HARM_ONGOING,
    "rescue": meaning.RESCUE,
    "threat_move": meaning.THREAT_MOVE,
    "not_blast": meaning.NOT_BLAST,
    "toward_people": [*meaning.PEOPLE_NOW, *meaning.TOWARD],
    "stinger": meaning.STINGER,
    "not_stinger_now": [*_DEAD, *meaning.PEST_REQUEST],
    "swarm": meaning.SWARM,
    "swarm_inside": meaning.SWARM_INSIDE,
    "distress": meaning.DISTRESS,
    # eighteenth pass: a vehicle in the middle of a wadi's water
    "mid_water": meaning.MID_WATER,
    # nineteenth pass: a person down or shut in; a vehicle that struck a person
    "human": meaning.HUMAN,
    "body_down": meaning.BODY_DOWN,
    "hit_verb": meaning.HIT_VERB,
    "near_miss": [*meaning.NEAR_MISS, *meaning.DOWN_BEFORE],
    "fell_from": meaning.FELL_FROM,
    "down_on_person": meaning.DOWN_ON_PERSON,
    "height": meaning.HEIGHT,
    "not_down_now": [*meaning.ASKING, *meaning.DOWN_BEFORE, *meaning.IN_TRAFFIC],
    # twentieth pass (Gulf): a sick person's second sign; a young child alone on a fast road
    "sick_sign": meaning.SICK_SIGN,
    "young": meaning.YOUNG,
    "alone": meaning.ALONE,
    "not_alone_now": meaning.NOT_ALONE_NOW,
    "burns": meaning.BURNS,
    "catches": meaning.CATCHES,
    "swelling": meaning.SWELLING,
    # twenty-first pass: waves on people, a fuel leak near homes, stairs gone with people
    # above, a person shaking, a child in the road, a lost person on a fast road
    "waves": meaning.WAVES,
    "waves_reach": meaning.WAVES_REACH,
    "fuel": meaning.FUEL,
    "fuel_leak": meaning.FUEL_LEAK,
    "fuel_place": meaning.FUEL_PLACE,
    "fuel_near": [*_HOME, *meaning.PEOPLE_NOW, *meaning.FUEL_NEAR],
    "stairs": meaning.STAIRS,
    "stairs_gone": meaning.STAIRS_GONE,
    "stairs_above": meaning.STAIRS_ABOVE,
    "shaking": meaning.SHAKING,
    "not_shaking_now": meaning.NOT_SHAKING_NOW,
    "road_middle": meaning.ROAD_MIDDLE,
    "lost": meaning.LOST,
    "figurative_fire": meaning.FIGURATIVE_FIRE,
    "delay_or_safe": [*_DELAY, *meaning.SAFE_NOW],
    "yesterday_or_asked": meaning.YESTERDAY_OR_ASKED,
    "shut_in_over": [*meaning.SAFE_NOW, *meaning.YESTERDAY_OR_ASKED],
    # twenty-second pass: a person missing, in trouble in the sea, pulled out of water and not
    # responding, hanging by a rope, fallen and not answering
    "missing": meaning.MISSING,
    "still_missing": meaning.STILL_MISSING,
    "found_or_over": [
        *meaning.FOUND_OR_NOT_A_PERSON,
        *meaning.SAFE_NOW,
        *meaning.YESTERDAY_OR_ASKED,
    ],
    "sea": meaning.SEA,
    "sea_trouble": meaning.SEA_TROUBLE,
    "pulled_out": meaning.PULLED_OUT,
    "water_place": meaning.WATER_PLACE,
    "unresponsive": meaning.UNRESPONSIVE,
    "hanging_by": meaning.HANGING_BY,
    "fell_down": meaning.FELL_DOWN,
    "not_answering": meaning.NOT_ANSWERING,
    "over_or_asked": [*meaning.SAFE_NOW, *meaning.YESTERDAY_OR_ASKED, *meaning.WHAT_IF],
    "waves_over": [*meaning.YESTERDAY_OR_ASKED, *meaning.WAVES_DAILY],
    "footbridge": meaning.FOOTBRIDGE,
    "crossing_broken": meaning.CROSSING_BROKEN,
    "crossing_in_use": meaning.CROSSING_IN_USE,
    # twenty-third pass: a person not back, not out or not answering for a span or from a
    # dangerous place; a confused elder exposed; someone shut in a room; a cracked gas hose;
    # flood water up to door handles; a board in the only lane at night; a vehicle rolling
    "not_back": meaning.NOT_BACK,
    "absence_sign": [*meaning.SPAN, *meaning.DANGER_PLACE],
    "not_back_over": [
        *meaning.SAFE_NOW,
        *meaning.YESTERDAY_OR_ASKED,
        *meaning.CAME_BACK,
        *meaning.NOT_BACK_DELAY,
        *meaning.FOUND,
        *meaning.NOT_A_PERSON,  # "el gi6wa ... 6ay3a min sa3a w ma lgaina" (a lost cat)
    ],
    "shut_over": [
        *meaning.SAFE_NOW,
        *meaning.YESTERDAY_OR_ASKED,
        *meaning.CAME_BACK,
        *meaning.WHAT_IF,
    ],
    "since_yesterday": meaning.SINCE_YESTERDAY,
    "confused": meaning.CONFUSED,
    "elder": meaning.ELDER,
    "wandering": [*meaning.WANDERING, *meaning.CONFUSED],
    "exposed_place": meaning.EXPOSED_PLACE,
    "shut_inside": meaning.SHUT_INSIDE,
    "shut_sign": meaning.SHUT_SIGN,
    "gas_thing": meaning.GAS_THING,
    "gas_hose": meaning.GAS_HOSE,
    "hose_broken": meaning.HOSE_BROKEN,
    "flood_water": meaning.FLOOD_WATER,
    "depth_mark": meaning.DEPTH_MARK,
    "lane_object": meaning.LANE_OBJECT,
    "lane_request": meaning.LANE_REQUEST,
    "in_lane": meaning.IN_LANE,
    "unlit": meaning.UNLIT,
    "rolling_vehicle": meaning.ROLLING_VEHICLE,
    "by_itself": meaning.BY_ITSELF,
    "rolling": meaning.ROLLING,
    # twenty-third pass, second round
    "no_cooling": meaning.NO_COOLING,
    "heat_now": meaning.HEAT_NOW,
    "vulnerable": meaning.VULNERABLE,
    "height_edge": meaning.HEIGHT_EDGE,
    "edge_over": [*meaning.SAFE_NOW, *meaning.YESTERDAY_OR_ASKED, *meaning.EDGE_OVER],
    "lying": meaning.LYING,
    "not_moving": meaning.NOT_MOVING,
    "young_or_person": [*meaning.YOUNG, *meaning.HUMAN, *meaning.HUMAN_TWENTY_SECOND],
    "cooling_over": [*meaning.SAFE_NOW, *meaning.YESTERDAY_OR_ASKED, *meaning.ASK_IF],
    # twenty-fourth pass
    "not_back_yet": meaning.NOT_BACK_YET,
    "on_road_posture": meaning.ON_ROAD_POSTURE,
    "road_spot": [*meaning.ROAD_MIDDLE, *meaning.ASPHALT],
    "elder_road_over": [*meaning.NOT_ALONE_NOW, *meaning.SAFE_NOW, *meaning.CAME_BACK,
                        *meaning.FOUND, *meaning.ELDER_ROAD_OVER],
    "slumped": [*meaning.SLUMPED, *meaning.LYING],
    "no_response": meaning.NO_RESPONSE,
    "public_spot": meaning.PUBLIC_SPOT,
    "went_in": meaning.WENT_IN,
    "inside_place": meaning.INSIDE_PLACE,
    "not_out": meaning.NOT_OUT,
    "out_over": [*meaning.SAFE_NOW, *meaning.YESTERDAY_OR_ASKED, *meaning.WHAT_IF,
                 *meaning.CAME_BACK, *meaning.FOUND, *meaning.NOT_A_PERSON],
}  # fmt: skip
for _name, _terms in itertools.chain(
    meaning.ADDED.items(),
    meaning.ADDED_TWELFTH.items(),
    meaning.ADDED_THIRTEENTH.items(),
    meaning.ADDED_FOURTEENTH.items(),
    meaning.ADDED_FIFTEENTH.items(),
    meaning.ADDED_SIXTEENTH.items(),
    meaning.ADDED_SEVENTEENTH.items(),
    meaning.ADDED_EIGHTEENTH.items(),
    meaning.ADDED_EIGHTEENTH_GULF.items(),
    meaning.ADDED_NINETEENTH.items(),
    meaning.ADDED_TWENTIETH.items(),
    meaning.ADDED_TWENTY_FIRST.items(),
    meaning.ADDED_TWENTY_SECOND.items(),
    meaning.ADDED_TWENTY_THIRD.items(),
    meaning.ADDED_TWENTY_THIRD_ROUND_TWO.items(),
    meaning.ADDED_TWENTY_FOURTH.items(),
):
    _GROUPS[_name] = [*_GROUPS[_name], *_terms]
# Who can be gone, shut in or wandering: every earlier person and the twenty-third pass's
# neighbours, brothers, divers, young men (not added to "human": "my neighbour's wall fell").
_GROUPS["absent_person"] = [
    *_GROUPS["human"],
    *meaning.HUMAN_TWENTY_THIRD,
    *_GROUPS["elder"],
    *meaning.GUARD,  # twenty-fourth pass: "the guard isn't answering anyone"
]


def cross_script(terms: list[str]) -> list[str]:
    """The terms and, for each multi-word one, its spellings with one little word said in
    the other script (urgency_meaning.LINKS): "coming out of" is also "coming out من",
    "طالع من" also "طالع from". A code-switched message joins a phrase across its two
    languages (fifteenth pass); a one-script message reads as before."""
    out = list(terms)
    for term in terms:
        words = term.split()
        if len(words) < 2:
            continue
        for i, word in enumerate(words):
            for other in _LINKED.get(word.rstrip("="), ()):
                out.append(
                    " ".join([*words[:i], other + "=" * word.endswith("="), *words[i + 1 :]])
                )
    return out


# Each little word's equivalents in the other script (a Latin word's Arabic ones and back).
_LINKED: dict[str, tuple[str, ...]] = {
    word: tuple(o for o in line if is_arabic(o) != is_arabic(word))
    for line in meaning.LINKS
    for word in line
}
_INDEX: TermIndex = index_terms(
    {name: cross_script(terms) for name, terms in _GROUPS.items()}, arabizi=True, fold_mixed=True
)
# Gulf "j" for qaf (Kuwaiti, Bahraini and some Omani speech: حريج, "7areej" for حريق, طريج,
# "6areej" for طريق). Matched only as spelled, never by fold: the fold of "7areej" is that of
# "7araj" ("ma fee 7araj", no problem) and "7araaj" (an auction yard), and qaf-as-j folded in
# general would meet علاج ("3ilaj", treatment) in عالق (trapped) and حرج in حريق (docs/
# ROUTING_DATA.md, ninth pass). "g" for qaf ("7areeg", "6areeg") already folds as ق.
_GULF_J: TermIndex = index_terms(
    {"fire": ["حريج=", "الحريج=", "7areej=", "7reej=", "7arej=", "el7areej=", "hareej=", "7ariij=",
     ],
     "road": ["طريج=", "الطريج=", "6areej=", "6reej=", "el6areej=", "tareej=", "6ariij="],
     "ground": ["طريج=", "الطريج=", "6areej=", "6reej=", "el6areej=", "tareej=", "6ariij="]}
)  # fmt: skip

# Dogs surrounding a person in Gulf (محاوطين) and the MSA verbal noun تطاير (flying off),
# matched only as spelled: by fold محاوطه is a bus station (ma7a6a), يحاوطون "our walls" and
# تطاير the Arabizi "yt6ayar" (fourteenth pass, urgency_meaning.py).
# "Tired" (ta3baan, تعبان), matched only as spelled too: by fold it is "snake" (thu3baan).
_SPELLED: TermIndex = index_terms(
    {
        "tired": meaning.TIRED,
        "attack": meaning.THREAT_SPELLED,
        **meaning.MASDAR_SPELLED,
        "threat_move": meaning.BLAST_SPELLED,  # eighteenth pass
        "harm_now": meaning.HELP_SPELLED,
        "body_down": meaning.BODY_DOWN_SPELLED,  # nineteenth pass
        "hit_verb": meaning.HIT_VERB_SPELLED,
        "vomit": meaning.VOMIT_SPELLED,  # twentieth pass: by fold يطرش is spraying
        "exposed": meaning.EXPOSED_SPELLED,
        "not_back": [*meaning.NOT_BACK_LATIN, *meaning.NOT_SEEN_LATIN],
        # twenty-fourth pass: as spelled for the same reason
        "not_back_yet": meaning.NOT_BACK_YET_LATIN,
        "not_out": meaning.NOT_OUT_LATIN,
        "no_response": meaning.NO_RESPONSE_LATIN,
    }
)


# The danger a rule names is in its last group ("exposed", "collapsing"...): that is the group
# a negation in front of it cancels ("not exposed", "ما طاح").
def _person_over(
    name: str,
    groups: tuple[str, ...],
    *,
    over: str,
    window: int = 20,
    negatable: tuple[int, ...] = (),
) -> Rule:
    """A person at risk until the text says it is over (`over`: back, found, got out). The
    gates the twenty-third pass's person rules share, said once: a fear nearby cancels it as
    for every fear_cancels rule ("what if he ..."), an `over` word after a negation ("ما رجع",
    not back) does not cancel it, and "since yesterday" is how long it has lasted, not a
    yesterday that ended it."""
    return Rule(
        name,
        groups,
        negatable=negatable,
        window=window,
        unless=over,
        fear_cancels=True,
        unless_negatable=True,
        unless_not_at="since_yesterday",
    )


def _person_down(
    name: str, groups: tuple[str, ...], *, window: int = WINDOW, negatable: tuple[int, ...] = ()
) -> Rule:
    """A person down, hurt, sick, slumped or not responding, until the text says it is over
    (`not_down_now`: got up, was helped, was yesterday). The gates these rules share, said
    once: a fear nearby cancels it as for every fear_cancels rule ("what if someone faints")."""
    return Rule(
        name, groups, negatable=negatable, window=window, unless="not_down_now", fear_cancels=True
    )


RULES: tuple[Rule, ...] = (
    Rule("exposed_wiring", ("wires", "exposed"), negatable=(1,), unless="billing"),
    Rule("open_electricity_box", ("box", "wires", "box_open"), negatable=(2,), window=8),
    Rule("open_manhole", ("manhole", "open"), negatable=(1,)),
    Rule("collapsing_structure", ("structure", "collapsing"), negatable=(1,)),
    # tighter: "water", "inside" and "home" words are common apart (dust "داخل البيوت")
    Rule(
        "water_inside_home",
        ("water", "inside", "home"),
        negatable=(1,),
        window=10,
        unless="nuisance",
    ),
    Rule("fire", ("fire",), negatable=(0,), not_at="fire_naming"),
    Rule("fallen_tree_on_road", ("tree", "fallen", "road"), negatable=(1, 2)),
    Rule("fallen_sign_or_pole_on_road", ("sign", "fallen", "on_road"), negatable=(1, 2)),
    Rule(
        "person_at_risk",
        ("person", "peril"),
        negatable=(1,),
        unless="delay_or_safe",  # twenty-first pass: or out and well ("خرج سالما")
        not_at="kept_locked",  # seventeenth pass: "the bus is locked in the depot"
    ),
    Rule("road_collapse_or_open_trench", ("ground", "sinking"), negatable=(1,)),
    Rule("gas_or_fuel_leak", ("leak",), negatable=(0,)),
    Rule("gas_smell", ("gas", "smell"), negatable=(0, 1), window=4, not_at="not_gas"),
    Rule(
        "animal_attack_or_on_highway",
        ("beast", "attack"),
        negatable=(1,),
        unless="dead",
        not_at="quick",
    ),
    # ninth pass (docs/ROUTING_DATA.md)
    # leaning is a weaker sign than falling: the shipped labels call a leaning wall or tank
    # the writer only fears for calm, so a fear near it cancels (any minute aside)
    Rule(
        "leaning_over_people",
        ("structure", "leaning", "over_people"),
        negatable=(1, 2),
        window=12,
        fear_cancels=True,
    ),
    Rule("leaning_crane", ("crane", "crane_danger"), negatable=(1,), window=10),
    Rule("sharp_play_equipment", ("play", "sharp", "playing"), negatable=(1, 2), window=16),
    Rule("open_pit", ("pit", "pit_open"), negatable=(1,), window=6, not_at="open_place"),
    Rule("unfenced_water", ("water_body", "fence", "fence_broken"), negatable=(2,), window=10),
    Rule("crossing_running_wadi", ("wadi", "flowing", "crossing"), negatable=(1, 2), window=12),
    # tenth pass: a snake indoors; a dead one is a carcass to remove
    Rule(
        "snake_indoors",
        ("snake", "indoors"),
        negatable=(0, 1),
        window=8,
        unless="dead",
        not_at="tired",  # eleventh pass: "ta3baneen" (tired) folds as "snake"
    ),
    # not negatable: the danger is itself an absence ("ما عليها اشارات", "no lights")
    Rule("unmarked_hole", ("hole", "unmarked")),
    # tenth pass (docs/ROUTING_DATA.md)
    Rule("live_metal", ("metal", "live_current"), negatable=(1,), window=12),
    Rule("leaking_cylinder", ("cylinder", "smell"), negatable=(1,), window=8),
    # eleventh pass: by meaning, a danger and the people it reaches now (urgency_meaning.py)
    Rule(
        "dangerous_animal_near_people",
        ("wild", "people_now"),
        negatable=(0, 1),
        unless="dead",
        not_at="tired",
    ),
    Rule(
        "dangerous_animal_at_school",
        ("wild", "crowded"),
        negatable=(0,),
        unless="dead",
        not_at="tired",
    ),
    Rule("bite_just_now", ("beast", "bite", "recent"), negatable=(1,), window=20, not_at="some"),
    Rule("livestock_on_main_road", ("livestock", "main_road", "people_now"), negatable=(1, 2)),
    Rule("livestock_charging", ("livestock", "charging"), negatable=(1,), unless="dead"),
    Rule("flood_reaching_people", ("wadi", "inside", "people_now"), negatable=(1, 2), window=12),
    Rule("fumes_harming_people", ("fumes", "symptom"), negatable=(1,)),
    Rule("burst_main_on_road", ("pipe", "burst", "road"), negatable=(1,)),
    Rule(
        "deep_pit_by_people",
        ("pit", "deep", "people_now"),
        negatable=(1, 2),
        window=16,
        fear_cancels=True,
    ),
    Rule("obstacle_on_road", ("obstacle", "obstacle_state", "road"), negatable=(1,), window=12),
    # seventeenth pass: a long sentence names the railing far from the edge it guarded
    Rule(
        "barrier_gone_over_drop",
        ("barrier", "barrier_gone", "drop"),
        negatable=(1,),
        window=BARRIER_WINDOW,
    ),
    # twelfth pass: something giving way with people under or beside it; a fridge where
    # children play; a hole someone has just fallen into (urgency_meaning.py)
    Rule(
        "giving_way_over_people",
        ("giving_way", "people_now"),
        negatable=(0, 1),
        window=10,
        fear_cancels=True,
    ),
    Rule("fridge_where_children_play", ("trap", "children_play"), negatable=(0, 1)),
    Rule("hole_someone_fell_into", ("hole", "fell_in"), negatable=(1,), window=8),
    Rule("someone_hurt_just_now", ("hurt", "recent"), negatable=(0,), window=10),
    # thirteenth pass: a thing in a state of giving way with people under, on or beside it
    Rule(
        "thing_giving_way_near_people",
        ("thing", "state", "near"),
        negatable=(1, 2),
        window=12,
        unless="asking",
        fear_cancels=True,
    ),
    # fourteenth pass: an animal chasing or cornering a person with a present sign (a chase
    # said as a standing complaint is calm in the shipped labels); glass left hanging in a
    # shattered door or window where people walk (urgency_meaning.py)
    Rule(
        "animal_threatening_now",
        ("beast", "threat", "now_sign"),
        negatable=(1,),
        unless="dead",
        not_at="until",
    ),
    Rule("smoke_from_a_home", ("smoke", "emerging", "home"), negatable=(0, 1), window=8),
    Rule(
        "glass_hanging_over_people",
        ("glass", "hanging", "near"),
        negatable=(1, 2),
        window=12,
        unless="asking",
    ),
    # sixteenth pass: a person fainted in the heat; children shut in a bus or car; people
    # swimming in a flooded pit or a rain pool, not a swimming pool or the sea
    # (seventeenth pass: 20 words, a third person's report names the heat at its end: "a
    # labourer on the roof next door is lying down and not responding, ... in this heat")
    Rule("collapsed_in_heat", ("person", "faint", "heat"), negatable=(1,), window=20),
    Rule(
        "shut_in_a_vehicle",
        ("vehicle", "shut_in", "shut_people"),
        negatable=(1,),
        window=12,
        unless="shut_in_over",  # twenty-first pass: "yesterday ... is fine"
        not_at="not_vehicle",
    ),
    Rule(
        "swimming_in_unsafe_water",
        ("swimming", "pool_unsafe"),
        negatable=(0,),
        window=8,
        not_at="swimming_place",
    ),
    # seventeenth pass: someone in a lift stuck between floors; cars or people caught in an
    # underpass full of water; a power line down on a road (urgency_meaning.py)
    # (nineteenth pass: the occupant negatable too, "w ma kan fih a7ad", nobody was in it)
    Rule("stuck_in_a_lift", ("lift", "lift_stuck", "lift_occupied"), negatable=(1, 2), window=12),
    Rule(
        "caught_in_flooded_underpass",
        ("underpass", "underpass_flooded", "caught"),
        negatable=(1,),
        window=12,
    ),
    Rule(
        "power_line_down_on_road",
        ("power_line", "fallen", "on_road"),
        negatable=(1, 2),
        window=10,
        unless="billing",
    ),
    # eighteenth pass: danger to people now, whatever the hazard (urgency_meaning.py): a body
    # harmed now or a moment ago (stung, shocked, drowning, vomiting, buried) with a now or a
    # plea; a hazard rolling, sliding or swinging toward people or homes, or an explosion near
    # them; a scorpion or monkeys with a now; a swarm inside a room with people in it. (Not
    # not_at="until": by fold its "lil7een" (until now) is "el7een", now.)
    Rule(
        "harm_to_people_now",
        ("harm", "harm_now"),
        negatable=(0,),
        unless="asking",
        fear_cancels=True,
    ),
    Rule(
        "hazard_moving_toward_people",
        ("threat_move", "toward_people"),
        negatable=(0,),
        window=12,
        unless="asking",
        not_at="not_blast",
        fear_cancels=True,
    ),
    Rule(
        "stinging_or_grabbing_animal_now",
        ("stinger", "harm_now"),
        negatable=(0,),
        unless="not_stinger_now",  # dead, or a request to spray
        fear_cancels=True,
    ),
    Rule("rescue_under_way", ("rescue",), negatable=(0,), unless="asking"),
    Rule(
        "swarm_in_a_room_with_people",
        ("swarm", "swarm_inside", "people_now"),
        negatable=(1,),
        window=12,
    ),
    # eighteenth pass (Gulf and Arabizi): a car or bus standing in the middle of a wadi's
    # water (urgency_meaning.MID_WATER)
    Rule("vehicle_in_flood_water", ("vehicle", "mid_water"), negatable=(1,), window=8),
    # nineteenth pass (harms told as events, Gulf and Arabizi): a named person lying fallen,
    # not moving, shut in or drowned-in ("واحد طايح في الحمام", "el 3aamil m7boos"), or a harm
    # and a body down in one message ("تكهرب ... وهو ما يستجيب"); a vehicle
    # that struck a person ("سيارة صدمت ولد", "sayyara 9idmat walad"), not a near miss
    _person_down("person_down_now", ("human", "body_down"), negatable=(1,), window=5),
    _person_down("harmed_and_down", ("harm", "body_down"), negatable=(1,)),
    _person_down("fell_from_a_height", ("human", "fell_from", "height"), negatable=(1,), window=6),
    _person_down("came_down_on_a_person", ("down_on_person",), negatable=(0,)),
    Rule(
        "vehicle_hit_a_person",
        ("vehicle", "hit_verb", "human"),
        negatable=(1,),
        window=8,
        unless="near_miss",
        fear_cancels=True,
    ),
    # twentieth pass (Gulf and Omani; urgency_meaning.py): someone vomiting with a second sign
    # of illness ("العجوز تطرش وتدوخ"); a young child alone on a main road or in the middle of
    # one ("ياهل بروحه في نص الخط السريع"); neither said of yesterday nor asked about
    _person_down("person_sick_now", ("vomit", "sick_sign"), negatable=(0,), window=8),
    Rule(
        "thing_caught_fire",
        ("burns", "catches"),
        negatable=(1,),
        window=4,
        unless="figurative_fire",  # twenty-first pass: "السوق ولع من الزحمة"
    ),
    Rule(
        "stung_and_swelling",
        ("harm", "swelling"),
        negatable=(0,),
        window=10,
        unless="not_stinger_now",  # a request to spray
        fear_cancels=True,
    ),
    Rule(
        "child_alone_on_road",
        ("young", "alone", "main_road"),
        window=12,
        unless="not_alone_now",
        fear_cancels=True,
    ),
    # twenty-first pass (urgency_meaning.py): sea waves reaching people ("الموج قاعد يغطيهم");
    # a diesel or fuel tank leaking near homes or people ("تانكي الديزل يهرب ورا البيوت");
    # stairs broken with people still above; a named person shaking or convulsing, not from
    # the cold; a young child in the middle of a road or on a fast one; a lost person on one
    Rule(
        "waves_reaching_people",
        ("waves", "waves_reach", "near"),
        negatable=(1,),
        window=12,
        unless="waves_over",  # twenty-second pass: or every afternoon ("kil 3a9r")
        fear_cancels=True,
    ),
    Rule(
        "fuel_leaking_near_people",
        ("fuel", "fuel_leak", "fuel_near"),
        negatable=(1,),
        window=12,
        unless="asking",
        not_at="fuel_place",  # "the petrol station toilets leak"
        fear_cancels=True,
    ),
    _person_down(
        "stairs_gone_with_people_above",
        ("stairs", "stairs_gone", "stairs_above"),
        negatable=(1,),
        window=12,
    ),
    Rule(
        "person_shaking_now",
        ("human", "shaking"),
        negatable=(1,),
        window=10,
        unless="not_shaking_now",
        fear_cancels=True,
    ),
    Rule(
        "young_child_in_the_road",
        ("young", "road_middle"),
        window=8,
        unless="not_alone_now",
        fear_cancels=True,
    ),
    Rule(
        "person_lost_on_road",
        ("human", "lost", "road_middle"),
        negatable=(1,),
        window=12,
        unless="not_alone_now",
        fear_cancels=True,
    ),
    # twenty-second pass (urgency_meaning.py): a person lost and still missing ("تاهت ... ولم
    # نعثر عليها"), someone in the sea who cannot get back or a boat drifting out, a person
    # pulled out of water who does not respond, a worker hanging by a rope or harness, a
    # person fallen who does not answer; none found, safe, of yesterday or asked about
    Rule(
        "person_missing_now",
        ("human", "missing", "still_missing"),
        negatable=(1,),
        window=16,
        unless="found_or_over",
        fear_cancels=True,
        unless_negatable=True,
    ),
    Rule(
        "in_trouble_in_the_sea",
        ("sea", "sea_trouble"),
        negatable=(1,),  # "if": "هل يوجد منقذ إذا رجل في البحر لا يستطيع العودة؟"
        window=12,
        unless="over_or_asked",
        fear_cancels=True,
        unless_negatable=True,
    ),
    Rule(
        "pulled_out_unresponsive",
        ("pulled_out", "water_place", "unresponsive"),
        window=14,
        unless="over_or_asked",
        fear_cancels=True,
        unless_negatable=True,
    ),
    Rule(
        "hanging_by_a_rope",
        ("human", "hanging_by"),
        negatable=(1,),
        window=8,
        unless="yesterday_or_asked",
        fear_cancels=True,
    ),
    _person_down(
        "fell_and_not_answering", ("human", "fell_down", "not_answering"), negatable=(1,), window=14
    ),
    Rule(
        "broken_crossing_in_use",
        ("footbridge", "crossing_broken", "crossing_in_use"),
        negatable=(1, 2),
        window=16,
        unless="asking",
        fear_cancels=True,
    ),
    # twenty-third pass (urgency_meaning.py): a named person not back, not out, not found or
    # not answering, for a span of minutes or hours or from a dangerous place ("ولم يعد منذ
    # ثلاث ساعات", "haven't come out of the culvert", "ma 6ala3 min 40 da8eega"); not back,
    # found, of yesterday, asked about, or a work delay or an office ("the contractor hasn't
    # come back to finish"); "since yesterday" is a span, not yesterday
    # negatable (1): "if": "what do we do if he hasn't come back by ..."
    _person_over(
        "person_not_back_now",
        ("absent_person", "not_back", "absence_sign"),
        over="not_back_over",
        negatable=(1,),
    ),
    _person_over(
        "confused_person_exposed",
        ("absent_person", "confused", "exposed_place"),
        over="not_back_over",
    ),
    _person_over(
        "elder_wandering_exposed",
        ("elder", "wandering", "exposed_place"),
        over="not_back_over",
        window=14,
    ),
    _person_over(
        "shut_in_a_room",
        ("absent_person", "shut_inside", "shut_sign"),
        over="shut_over",
        negatable=(1,),
    ),
    Rule(
        "gas_hose_broken",
        ("gas_thing", "gas_hose", "hose_broken"),
        negatable=(2,),
        window=10,
        unless="over_or_asked",
        fear_cancels=True,
    ),
    Rule(
        "flood_water_up_to",
        ("flood_water", "depth_mark"),
        negatable=(1,),  # "if it reaches the door handles"; Arabizi "la mgabidh" is "to" them
        window=12,
        unless="over_or_asked",
        fear_cancels=True,
    ),
    Rule(
        "obstacle_in_the_lane",
        ("lane_object", "in_lane", "unlit"),
        window=16,
        unless="lane_request",  # "please put barriers in the lane at night", a permit
        fear_cancels=True,
    ),
    Rule(
        "vehicle_moving_by_itself",
        ("rolling_vehicle", "by_itself", "rolling"),
        negatable=(2,),
        window=12,
        unless="over_or_asked",
        fear_cancels=True,
        unless_not_at="by_itself",  # "bro7ha" (by itself) folds as "el bar7a" (yesterday)
    ),
    # twenty-third pass, second round (urgency_meaning.py): an elder, a baby or a sick person
    # with the air conditioning broken or the power cut in the heat; a child on a balcony's
    # railing or a roof's low wall; a named person lying and not moving
    Rule(
        "no_cooling_in_the_heat",
        ("vulnerable", "no_cooling", "heat_now"),
        negatable=(1,),
        window=20,
        unless="cooling_over",
        fear_cancels=True,
        unless_not_at="since_yesterday",
    ),
    Rule(
        "child_at_a_height_edge",
        ("young_or_person", "height_edge"),
        window=10,
        unless="edge_over",  # "nabi 7adeed 3ala el balkonat" (a railing asked for)
        fear_cancels=True,
    ),
    _person_down("person_lying_still", ("human", "lying", "not_moving"), negatable=(2,), window=12),
    # twenty-fourth pass (urgency_meaning.py): a person not back or answering nobody, the
    # "yet" in the phrase ("still not home", "لم يرجع إلى الآن", "ما يرد على احد"); an elder
    # sitting or walking on the road itself; someone slumped or not responding on a bench, at
    # a bus stop or in a car; someone gone into a chamber, a tank or a manhole and not out,
    # whatever he went in to do ("to fix it" is no work delay there)
    _person_over(
        "person_not_back_yet",
        ("absent_person", "not_back_yet"),
        over="not_back_over",
        window=12,
    ),
    Rule(
        "elder_in_the_road",
        ("elder", "on_road_posture", "road_spot"),
        window=10,
        unless="elder_road_over",
        fear_cancels=True,
    ),
    _person_down(
        "person_unresponsive_in_public", ("human", "public_spot", "no_response"), window=14
    ),
    _person_down("slumped_not_responding", ("human", "slumped", "no_response"), window=12),
    Rule(
        "gone_in_and_not_out",
        ("went_in", "inside_place", "not_out"),
        window=14,
        unless="out_over",
        fear_cancels=True,
        unless_negatable=True,
    ),
)
MAX_HITS = 8  # positions kept per group: enough for the window check, bounded work


# "قد" is "may" before a present-tense verb ("قد يسقط") and "has" before a past one ("قد سقط").
_PRESENT_PREFIXES = ("ي", "ت", "ن")
# "بعد" and "ba3d" are "yet" at the end of a clause ("ما دخل بعد") and "after" before a noun
# or a clause ("بعد العاصفه", "ba3d el m6ar", "بعد ما"): only the first says not yet.
_AFTER_NEXT = ("ال", "el", "al", "il")
_AFTER_WORDS = frozenset({"ما", "ma", "شوي", "shway"})


def _may(words: list[str], start: int) -> bool:
    """True when "قد" in the four words before a match is "may": a present-tense verb follows."""
    return any(
        words[i] == "قد" and words[i + 1].startswith(_PRESENT_PREFIXES)
        for i in range(max(0, start - 4), start)
    )


def _not_yet(words: list[str], start: int, end: int) -> bool:
    """True when 'yet' follows a match that a negation precedes ("hasn't come inside yet",
    "ما دخل بعد"). With no negation "بعد"/"ba3d" is "after": "على الطريق السريع بعد جسر
    الموالح" (on the expressway after the bridge; tenth pass)."""
    if not _negation_before(words[max(0, start - NEGATION_REACH_OR) : start]):
        return False
    for at, _, _ in _STILL_NOT.find(words[end : end + 2]):
        following = words[end + at + 1] if end + at + 1 < len(words) else ""
        if following.startswith(_AFTER_NEXT) or following in _AFTER_WORDS:
            continue  # "after the storm", not "yet"
        return True
    return False


# "Was" right before a danger's state in Arabic and Arabizi: the state is past ("el wayar elli
# kan mdalli", the wire that was hanging). Only right before: "elli kan barra da5al el bait"
# (what was outside came in) is danger now.
_WAS = frozenset(
    {"كان", "كانت", "kan", "kaan", "kanat", "kanet", "kaanat",
     # twenty-third pass: "were" ("elli kanaw 3al8een", those who were stuck)
     "كانوا", "kanaw", "kaanaw", "kanu", "kaanu"}
)  # fmt: skip
# English says it with a relative clause: "the wall that was falling", "the wires which were
# hanging" name a danger by what it was; "the wall was falling" alone may be a report of now.
_RELATIVE_PAST = frozenset(
    (who, was) for who in ("that", "which") for was in ("was", "were", "had")
)


# "Or" carries a negation on to the next danger: "no sparks or exposed wires", "لا توجد شرارات
# أو أسلاك ظاهرة", "ma fee 7ree8 wala do5an".
_OR = frozenset({"or", "nor", "او", "ولا", "aw", "wala", "wla"})
NEGATION_REACH, NEGATION_REACH_OR = 4, 8  # words before a match searched for a negation


# "Nobody" negates what happens to a person, not a danger to things: "ما حد انصاب" (nobody
# was hurt) is no emergency, "ما حد يرد والماي داخل البيت" (nobody answers and water is in
# the house) and "ما حد منتبه للسلك العريان" (nobody notices the bare wire) are. So "nobody"
# cancels only a match of a _PERSON_GROUPS group, and only when at most NOBODY_GAP words
# ("got", "was", "منهم") stand between: in "محد انتبه ان الولد انجرح توه" (nobody noticed
# the boy got hurt just now) it is the noticing that nobody did.
_NOBODY = index_terms(
    {"nobody": ["nobody=", "no one", "noone=", "no body", "not anyone", "not one",
     "ما حد", "ما احد", "لا احد", "ولا احد", "ولا حد", "محد=", "ماحد=", "مااحد=", "ما في احد",
     "مافي احد", "ما فيه احد", "ما في حد", "مافي حد",
     "ma 7ad", "ma a7ad", "ma ahad", "ma had", "m7d=", "m7ad=", "ma7ad=", "mahad=", "mahhad=",
     "wala a7ad", "wala 7ad", "wla a7ad", "wla 7ad", "wala ahad", "la a7ad", "la ahad",
     "mafi 7ad", "mafi a7ad", "ma fi 7ad", "ma fee 7ad", "mafee 7ad", "mafeeh 7ad",
     # no children, no people: nobody of a kind
     "no children", "no kids", "no people", "no students", "not any children", "no child",
     "لا يوجد اطفال", "لا يوجد احد", "لا اطفال", "ما في اطفال", "مافي اطفال", "ما في عيال",
     "مافي عيال", "ما في ناس", "مافي ناس", "ما فيه عيال", "ما في يهال", "مافي يهال",
     "mafi atfal", "ma fi atfal", "mafi 3yal", "mafi 3iyal", "ma fi 3yal", "mafi yahal",
     "mafi nas", "ma fi nas", "mafee atfal", "mafee 3yal"]}
)  # fmt: skip
NOBODY_GAP = 2
# What happens to a person or what a person does in the danger: hurt, fallen in, trapped or
# drowning, sick from fumes, bitten, stung or attacked, crossing a running wadi, playing on it,
# walking across a broken footbridge, inside a stuck lift (twenty-second pass: "nobody is
# walking across it", "the lift stopped between floors, nobody inside").
_PERSON_GROUPS = frozenset(
    {"hurt", "fell_in", "peril", "symptom", "bite", "attack", "crossing", "playing", "harm",
     "crossing_in_use", "lift_occupied"}
)  # fmt: skip
# Who is there: people near the danger, under it, children where it lies. Only a "no" or a
# "nobody" right before the people themselves says they are not there ("no children",
# "ما في اطفال", "mafi 7ad yil3ab"); a negation a few words back negates something else:
# "وما في ليتات، السيارات تتلافاها" (no lights, the cars swerve round them).
_PRESENT_GROUPS = frozenset({"people_now", "over_people", "children_play", "near"})
_THERE = frozenset({"في", "فيه", "fi", "fee", "feeh", "fih", "any", "there"})
_NONE_THERE = frozenset({"مافي", "مافيه", "mafi", "mafee", "mafeeh", "mafeh", "mafy"})
# A negation does not reach past "and" or "but" into the next clause: "el ghe6a mafi w el
# waayer barra" (the cover is missing and the wires are out).
_CLAUSE = frozenset({"w", "wa", "و", "and", "but", "bs", "bas", "بس", "لكن"})
# Arabic writes "and" glued to the next word: "والسلك" (and the wire), "وبيطيح" (and it will
# fall), "ونخشى" (and we fear). Such a word starts a clause of its own when "و" comes before an
# article or a present-tense verb's prefix; not "ولا" (nor, _OR), "وما" (and not), nor a word
# that merely starts with و (وايرات, wires; وادي, a wadi).
_GLUED_AND_BEFORE = ("ال", "لل", "بي", "بت", "ي", "ت", "ن")
MIN_GLUED_CLAUSE = 4  # letters after "و": "ويا" (with) and "وين" (where) are no clause


def _starts_clause(word: str) -> bool:
    """True when a word opens a new clause: "and"/"but" alone, or an Arabic word that carries
    a glued "و" before an article or a present-tense verb (sixteenth pass: "ما في خطر
    والسلك مكشوف", no danger they say, and the wire is bare, is a report of danger)."""
    if word in _CLAUSE:
        return True
    rest = word[1:]
    return (
        word.startswith("و")
        and len(rest) >= MIN_GLUED_CLAUSE
        and rest.startswith(_GLUED_AND_BEFORE)
    )


def _clause_start(before: list[str]) -> int:
    """Index in `before` where the last clause starts: after a lone "and"/"but", or at a word
    that carries a glued "و" (that word is the new clause's own)."""
    cut = 0
    for i, word in enumerate(before):
        if word in _CLAUSE:
            cut = i + 1
        elif _starts_clause(word):
            cut = i
    return cut


def _negations(words: list[str]) -> list[tuple[int, int]]:
    """The negations in the words, but never a word with an article: "الماء" (the water)
    normalises to "الما", whose article-less variant is "ما" (not); "الماء داخل البيت" was
    read as "not inside" (fifteenth pass: MSA and mixed water inside a home missed)."""
    objects = {s for s, _, _ in _NEGATED_OBJECT.find(words)}
    return [
        (s, e)
        for s, e, _ in _NEGATION.find(words)
        if not _has_article(words[s]) and s not in objects
    ]


# A negation of who is in a vehicle ("no driver", "بدون سواق"), not of what follows it.
_NEGATED_OBJECT = index_terms({"object": meaning.NEGATED_OBJECT}, arabizi=True)


def _has_article(word: str) -> bool:
    """True for an Arabic word that carries the article, after a clitic (الما, والما, بالما)."""
    return word.startswith(_ARTICLED) or (word[:1] in "وفبك" and word[1:].startswith(_ARTICLED))


_ARTICLED = ("ال", "لل")


def _negation_before(before: list[str], person: bool = False) -> bool:
    """True when a negation in the words, after the last "and"/"but", negates what follows:
    a "nobody" ("ما حد", "m7d", "no one") only when what follows happens to a `person` and
    comes at most NOBODY_GAP words after it."""
    before = before[_clause_start(before) :]
    nobody = _NOBODY.find(before)
    if person and any(len(before) - e <= NOBODY_GAP for _, e, _ in nobody):
        return True
    taken = {i for s, e, _ in nobody for i in range(s, e)}
    return any(s not in taken for s, _ in _negations(before))


# A fear or a "may" with "any minute" right after is danger now, not one day (ninth pass).
_IMMINENT = index_terms(
    {"soon": ["any minute", "any moment", "any second", "any time now", "at any moment",
     "في اي لحظه", "اي لحظه", "باي لحظه", "في اي وقت", "اي وقت", "اي ساعه", "ay la7tha",
     "ay la7dha", "ay lahza", "ay wagt", "ay waqt", "ay sa3a"]},
    arabizi=True,
)  # fmt: skip
IMMINENT_REACH = 6  # words after a hedged danger searched for _IMMINENT
_SOMEDAY = index_terms({"someday": meaning.SOMEDAY}, arabizi=True, min_fold=4)


def _was_before(words: list[str], start: int) -> bool:
    """True when "was" (كان, kan) or "that was" sits right before a match: a past state."""
    if start and words[start - 1] in _WAS:
        return True
    return start >= 2 and (words[start - 2], words[start - 1]) in _RELATIVE_PAST


def _negated(words: list[str], start: int, end: int, group: str = "") -> bool:
    """True when a negation or a fear sits in the four words before a match (eight when one
    of the two words right before it is "or"), 'was' right before it, or 'yet' after. A
    match of a _PERSON_GROUPS `group` is negated by a "nobody" too; one of _PRESENT_GROUPS
    only by a "no" or "nobody" right before it (_nobody_there)."""
    if group in _PRESENT_GROUPS:
        return _nobody_there(words, start)
    person = group in _PERSON_GROUPS
    low = max(0, start - NEGATION_REACH)
    if _OR.intersection(words[max(0, start - 2) : start]):
        low = max(0, start - NEGATION_REACH_OR)
    before = words[low:start]
    if _was_before(words, start) or _negation_before(before, person) or _not_yet(words, start, end):
        return True
    hedges = [h for h in _HYPOTHETICAL.find(before) if not _water_may(words, low + h[0])]
    if hedges or _may(words, start):
        # "could come down any minute", "ممكن يطيح أي وقت": imminent, not one day; a fear or
        # a "may" with a present sign ("خايفين يطيح الحين") is danger now, a condition never
        if all(kind == "fear" for _, _, kind in hedges):
            return not _present_sign(words, start - NEGATION_REACH, end + IMMINENT_REACH)
        return not _IMMINENT.find(words[end : end + IMMINENT_REACH])
    return False


# Gulf water (ماي) in Arabizi is "el may": "may" after an article is the noun, not the English
# hedge ("masoorat el may monfajra", the water main has burst; eighteenth pass, Gulf/Arabizi).
_ARTICLE_WORDS = frozenset({"el", "il", "al", "l"})


def _water_may(words: list[str], at: int) -> bool:
    """True when the word at `at` is "may" right after an Arabizi article."""
    return words[at] == "may" and at > 0 and words[at - 1] in _ARTICLE_WORDS


def _nobody_there(words: list[str], start: int) -> bool:
    """True when "no", "there is no" or "nobody" sits right before the people a match names."""
    before = words[max(0, start - NEGATION_REACH) : start]
    if any(len(before) - e <= NOBODY_GAP for _, e, _ in _NOBODY.find(before)):
        return True
    at = start - 1 if start and words[start - 1] in _THERE else start
    if at and words[at - 1] in _NONE_THERE:
        return True
    before = words[max(0, at - 2) : at]
    return any(e == len(before) for _, e in _negations(before))


def _settled(words: list[str], first: int, last: int) -> bool:
    """True when the words around a match say the danger is over or denied, or habitual
    ("sometimes", "every time") in a message that does not say it is happening now."""
    low = max(0, first - SETTLED_BEFORE)
    around = words[low : last + SETTLED_AFTER]
    return any(
        not _denial_in_other_clause(words, low + s, first) for s, _, _ in _SETTLED.find(around)
    ) or _habitual(words, around)


def _denial_in_other_clause(words: list[str], start: int, first: int) -> bool:
    """True when a settled match at `start` is a denial ("no danger", "ما في خطر", "mafi
    khatar": it opens with a negation) in a clause before the danger's: a negation governs its
    own clause, so "قالوا ما في خطر والسلك مكشوف" (they said no danger, and the wire is bare)
    reports the wire (sixteenth pass)."""
    if start >= first or not _negations(words[start : start + 1]):
        return False
    between = words[start + 1 : first + 1]
    return any(_starts_clause(word) for word in between)


def _habitual(words: list[str], around: list[str]) -> bool:
    """True when the words around a match say the danger recurs and the message never says
    it is happening now: "just now" outweighs "every time" (eleventh pass)."""
    return bool(_RECURRING.find(around)) and not _NOW_PLAIN.find(words)


def _feared(words: list[str], low: int, high: int, margin: int) -> bool:
    """True when a fear sits within `margin` words of a match and nothing there says any
    minute or now (_present_sign)."""
    around = words[max(0, low - margin) : high + margin + 1]
    return bool(_FEARED.find(around)) and not _present_sign(around, 0, len(around))


def _present_sign(words: list[str], low: int, high: int) -> bool:
    """True when words[low:high] say the danger is happening now: "any minute", or a plain
    "now" (الحين, الآن, "right now", el7een, هالحزه) that is not "until now" (للحين).

    What turns a fear into a report of danger now (fourteenth pass): "خايفين يطيح الحين",
    "we're scared it's coming down right now", "5aifeen y6ee7 el7een". A fear with no present
    sign ("worried it might fall one day") stays a reason to inspect.
    """
    span = words[max(0, low) : max(0, high)]
    if _IMMINENT.find(span):
        return True
    until = {i for s, e, _ in _UNTIL_NOW.find(span) for i in range(s, e)}
    return any(not until.intersection(range(s, e)) for s, e, _ in _NOW_PLAIN.find(span))


def _someday(words: list[str], spans: list[tuple[int, int]], high: int) -> bool:
    """True when "one day", "someday", "في يوم من الأيام" (a `spans` match) follows a rule's
    last match within IMMINENT_REACH words with no present sign between: feared for later."""
    return any(
        high < s <= high + IMMINENT_REACH and not _present_sign(words, high, e) for s, e in spans
    )


def _near(spans: list[tuple[int, int]], low: int, high: int, margin: int) -> bool:
    """True when one of the spans sits within `margin` words of a match."""
    return any(low - margin <= s and e <= high + margin for s, e in spans)


# Each rule's groups as a set: urgent_rule skips a rule one of whose groups has no match
# without filtering the others' matches for negation first (the same answer, sooner).
_NEEDS: tuple[frozenset[str], ...] = tuple(frozenset(rule.groups) for rule in RULES)


def _unhedged(words: list[str]) -> list[str]:
    """The words without English hedges ("kind of", "a bit", "quite": urgency_meaning.HEDGES).
    Residents understate danger ("smoke is kind of drifting out of the electrical room"); the
    hedge changes nothing a rule reads but stretches the span its words must sit in
    (seventeenth pass)."""
    if _HEDGES_BY_START.keys().isdisjoint(words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        hedges = _HEDGES_BY_START.get(words[i], ())
        hedge = next((h for h in hedges if tuple(words[i : i + len(h)]) == h), None)
        if hedge:
            i += len(hedge)
            continue
        out.append(words[i])
        i += 1
    return out


# Each hedge under its first word, longest first ("a little bit" before "a little").
_HEDGES_BY_START: dict[str, list[tuple[str, ...]]] = {}
for _hedge in sorted(meaning.HEDGES, key=len, reverse=True):
    _HEDGES_BY_START.setdefault(_hedge[0], []).append(_hedge)


def urgent_rule(text: str, reading: Reading | None = None) -> str | None:
    """Name of the first urgent rule the text meets, or None (`reading`: the text already
    read, routing.reading)."""
    words = _unhedged(list((reading or read(text)).words))
    hits: dict[str, list[tuple[int, int]]] = {}
    for start, end, group in itertools.chain(
        _INDEX.find(words), _GULF_J.find(words), _SPELLED.find(words)
    ):
        hits.setdefault(group, []).append((start, end))
    found = hits.keys()
    for rule, needs in zip(RULES, _NEEDS, strict=True):
        if not needs <= found:
            continue  # a group without a match: the loop below would stop at it
        positions: list[list[int]] = []
        for i, group in enumerate(rule.groups):
            spans = hits.get(group, [])
            if rule.not_at:
                taken = {i for s, e in hits.get(rule.not_at, []) for i in range(s, e)}
                spans = [(s, e) for s, e in spans if s not in taken]
            if i in rule.negatable:
                spans = [(s, e) for s, e in spans if not _negated(words, s, e, group)]
            if not spans:
                break
            positions.append([s for s, _ in spans[:MAX_HITS]])
        else:
            for combo in itertools.product(*positions):
                low, high = min(combo), max(combo)
                if high - low > rule.window or _settled(words, low, high):
                    continue
                if _near(_unless_spans(words, hits, rule), low, high, rule.window):
                    continue
                if rule.fear_cancels and _feared(words, low, high, rule.window):
                    continue
                if _someday(words, hits.get("someday", []), high):
                    continue
                return rule.name
    return None


def _unless_spans(
    words: list[str], hits: dict[str, list[tuple[int, int]]], rule: Rule
) -> list[tuple[int, int]]:
    """The matches of a rule's `unless` group; for an `unless_negatable` rule not one right
    after a negation (within UNLESS_NEGATION words): "ما لقيناه" (not found) and "ليس في أمان"
    (not safe) keep the danger, "لقيناه" and "في أمان" end it."""
    spans = hits.get(rule.unless or "", [])
    if rule.unless_not_at:
        taken = {i for s, e in hits.get(rule.unless_not_at, []) for i in range(s, e)}
        spans = [(s, e) for s, e in spans if s not in taken]
    if not rule.unless_negatable:
        return spans
    return [
        (s, e) for s, e in spans if not _negation_before(words[max(0, s - UNLESS_NEGATION) : s])
    ]


UNLESS_NEGATION = 3  # words before an unless match searched for a negation ("hasn t been found")


def model_may_flag(text: str, probability: float, reading: Reading | None = None) -> bool:
    """True when the urgent model's probability counts: the message says its danger is
    happening now (or the model is confident), and not that it is over, denied, long-standing
    or only feared.

    The rules read tense and negation next to a hazard; the urgent model reads only which
    words a message has, and "the wall has cracks, nothing urgent", "we fear the tree might
    fall" or "the stop sign fell down" share most of them with an emergency. Danger now is
    what urgency means, so a leaning model answer needs the message to say so. Measured on
    out-of-fold predictions of the shipped rows: docs/ROUTING_DATA.md.
    """
    if probability < MODEL_THRESHOLD:
        return False
    words = list((reading or read(text)).words)
    if _SETTLED.find(words) or _RECURRING.find(words) or _feared_only(words):
        return False
    if _calm_now(words) or _denied(words) or _ASK_IF.find(words):
        return False
    if probability >= MODEL_CONFIDENT or _danger_to_people_now(words):
        return True
    until = {i for s, e, _ in _UNTIL_NOW.find(words) for i in range(s, e)}
    return any(not until.intersection(range(s, e)) for s, e, _ in _NOW.find(words))


_CALM = index_terms({"calm": meaning.CALM_STATE}, arabizi=True, min_fold=4)
# "I want to ask if ..." (twenty-first pass): a question about a danger; as spelled.
_ASK_IF = index_terms({"ask_if": meaning.ASK_IF})


def _calm_now(words: list[str]) -> bool:
    """True when a now word says what is calm now: "flowed yesterday, now it's dry", "والحين
    الشارع ناشف", "al7een el share3 nashef" (a calm state within CALM_REACH words after it,
    not negated: "now it's not safe" is no calm). The urgent model reads the now word as a
    sign of danger (fifteenth pass)."""
    for _, end, _ in _NOW_PLAIN.find(words):
        after = words[end : end + meaning.CALM_REACH]
        for s, _, _ in _CALM.find(after):
            if not _negation_before(after[max(0, s - 2) : s]):
                return True
    return False


# The groups that name a danger or its state, the ones a negation cancels ("no gas smell",
# "لا يوجد حريق", "no exposed wires"), without the people and places a danger reaches: "the
# kids are home", "the road" do not un-deny "no gas smell now", "ما في ماي داخل البيت".
_PLACE_GROUPS = frozenset({"road", "on_road", "indoors", "home", "main_road", "crowded", "drop"})
# Nor the nineteenth pass's people and events (a body down, a vehicle's blow, a fall, who is in
# a lift): "el mooter ma t7arrak min sana" (a car that has not moved) is no denied danger, and
# their words left unnegated would keep a denied one from calming ("mafi tasreeb wala sharar").
_EVENT_GROUPS = frozenset(
    {"body_down", "hit_verb", "fell_from", "down_on_person", "lift_occupied",
     # twenty-third pass: its groups are no danger a negation denies for the urgent model.
     # Some hold their own negation ("ma yit7arrak", not moving; "ما رجع", not back): "el
     # mooter ... ma t7arrak min sana" (a car that has not moved) must stay denied; others are
     # common verbs ("ينزل", goes down) a stray "ما" before would deny a real danger with
     "not_back", "not_moving", "shut_inside", "hose_broken", "depth_mark", "rolling",
     "no_cooling"}
)  # fmt: skip
_DANGER_GROUPS = (
    frozenset(rule.groups[i] for rule in RULES for i in rule.negatable)
    - _PRESENT_GROUPS
    - _PLACE_GROUPS
    - _EVENT_GROUPS
)


def _denied(words: list[str]) -> bool:
    """True when the message names a danger and a negation cancels every mention: "No gas
    smell now", "ما في ريحة غاز الحين", "mafi ri7at ghaz al7een". The rules read negation
    next to a hazard; the urgent model reads "gas", "smell" and "now" as an emergency
    (fifteenth pass: its false alarms on probe A)."""
    dangers = [(s, e, g) for s, e, g in _INDEX.find(words) if g in _DANGER_GROUPS]
    return bool(dangers) and all(
        _plainly_negated(words, s, e, g) and not _unable_before(words, s) for s, e, g in dangers
    )


# "Can't", "ما يقدر": an inability reports the danger ("the parents can't open it", the boot a
# child is shut in), it does not deny it (twenty-second pass: the model's p 0.93 was gated).
_INABILITY = index_terms({"unable": meaning.INABILITY}, arabizi=True)
INABILITY_REACH = 3  # words before a danger word searched for an inability


def _unable_before(words: list[str], start: int) -> bool:
    """True when "can't", "cannot", "لا يستطيع", "ma yigdar" sits right before a match."""
    return bool(_INABILITY.find(words[max(0, start - INABILITY_REACH) : start]))


# What says the danger is reaching people now, whatever it is (eighteenth pass): a body in a
# harmed state (drowning, vomiting, buried, unconscious), a hazard rolling or swinging toward
# people, people screaming. For the urgent model it counts as a now word (model_may_flag).
# Not a harm said as an event ("stung", "bitten"): the shipped labels call "several children
# have been stung" and "the whole lane gets bitten" calm.
_TO_PEOPLE_GROUPS = ("harm_ongoing", "threat_move", "distress")


def _danger_to_people_now(words: list[str]) -> bool:
    """True when a harmed state, a moving hazard or distress is in the words, not negated, feared
    or said to be over: "the kids are screaming", "rolling down the hill towards"."""
    found = [*_INDEX.find(words), *_SPELLED.find(words)]
    blasts = {i for s, e, g in found if g == "not_blast" for i in range(s, e)}
    return any(
        g in _TO_PEOPLE_GROUPS
        and s not in blasts
        and not _negated(words, s, e, g)
        and not _settled(words, s, e - 1)
        for s, e, g in found
    )


def _plainly_negated(words: list[str], start: int, end: int, group: str) -> bool:
    """True when a plain negation (not a fear or an "if": "لو صار حريق" names no denial)
    sits before a match, or 'yet' after it. A match whose word carries "و" (and) starts a
    clause of its own: in "غير مثبتة وتتمايل" (not fixed, and swaying) the negation is the
    fixing's, not the swaying's."""
    if words[start].startswith("و") and len(words[start]) > 3:
        return False
    reach = (
        NEGATION_REACH_OR if _OR.intersection(words[max(0, start - 2) : start]) else NEGATION_REACH
    )
    before = words[max(0, start - reach) : start]
    return _negation_before(before, group in _PERSON_GROUPS) or _not_yet(words, start, end)


def _feared_only(words: list[str]) -> bool:
    """True when the message fears its danger and never says it is happening now, or says
    it fears it for "one day": "نخشى أن ينهار الآن" counts, "we fear it may fall" does not."""
    if not _NOT_NOW_FEAR.find(words):
        return False
    return bool(_SOMEDAY.find(words)) or not _present_sign(words, 0, len(words))


def is_urgent(
    text: str, model_probability: float | None = None, reading: Reading | None = None
) -> tuple[bool, str | None]:
    """Urgent when a rule fires, or the urgent model's probability counts (model_may_flag);
    returns (urgent, why). `reading`: the text already read (routing.reading), read once."""
    reading = reading or read(text)
    rule = urgent_rule(text, reading)
    if rule:
        return True, f"rule:{rule}"
    if model_probability is not None and model_may_flag(text, model_probability, reading):
        return True, "model"
    return False, None
