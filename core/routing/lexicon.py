"""A cross-language concept lexicon for municipal complaints, matched by dictionary look-up.

The labelled data is thin per language form (a few examples per category each for English,
MSA, Gulf, Arabizi and mixed), so n-grams learned in one form rarely help another. Mapping
everyday words of every form (حفره, pothole, 7ufra) to one concept token lets the model share
what it learns across forms. Terms are general municipal vocabulary in Arabic (MSA and Gulf)
and English, never phrases from the corpus; Arabizi words reach the Arabic terms through
their consonant skeleton (see arabizi.py), so few Arabizi spellings need listing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.language.normalize import normalize_arabic
from core.language.wordlists import ARABIZI_WORDS, ENGLISH_WORDS
from core.routing.arabizi import (
    MISREAD_BY_SKELETON,
    PLACE_NAMES,
    alternate_spellings,
    is_arabizi_token,
    looks_arabizi,
    qaf_skeleton,
    spelling_key,
    transliterate,
)
from core.routing.terms import index_terms, is_arabic, variants

# Arabic terms are stems (they also match with suffixes and clitics); Latin terms too, so
# short English words that begin longer unrelated ones end in '=' (whole word only).
# The fate of a report already made (twentieth category pass), a question: with a word naming
# the report (REPORT_WORDS), the problem it names is put second (twenty-first, _roles).
REPORT_FATE: tuple[str, ...] = (
    "وش صار علي", "شو صار علي", "ايش صار علي", "وين وصل", "وين وصلت", "what happened to",
    "any update", "wain wa9al", "wain wasal", "ween wa9al", "shu 9ar 3ala", "sh 9aar 3ala",
    "wesh 9ar 3ala",
    # twenty-first category pass
    "any news on", "any progress", "status of my", "status of the", "وش صار فيه", "وين صار",
    "ما صار عليه شي", "wain wi9al", "ween wasal", "wain wasl", "shu 9ar fih", "wesh 9ar fih",
    "wain sar", "ween 9ar",
)  # fmt: skip
# fmt: off
CONCEPTS: dict[str, tuple[str, ...]] = {
    "pothole": ("حفر", "حفره", "نقره", "جوره", "pothole", "hole=", "holes=", "crater",
               # fourteenth pass: Arabizi spellings the skeleton misses
               "jora=", "joora=", "jurah="),
    "asphalt": ("اسفلت", "زفت", "طبقه الطريق", "هبوط", "تشقق الطريق", "asphalt", "tarmac",
                "road surface", "resurfac", "sinking", "subsid", "isfilt", "zift",
                # fifteenth pass: the joints of a bridge's deck (a gap, a loose plate)
                "expansion joint", "فاصل التمدد", "فواصل التمدد", "فواصل الجسر", "فاصل الجسر"),
    "pavement": ("رصيف", "ارصفه", "بلاط", "انترلوك", "pavement", "sidewalk", "footpath", "kerb",
                 "curb", "tiles", "paving", "interlock"),
    "road": ("شارع", "شوارع", "طريق=", "طرق=", "طريقنا=", "سكه", "دوار", "تقاطع", "جسر", "road", "street",
             "lane=", "roundabout", "junction", "bridge", "highway", "shari3", "6areeq",
            # fourteenth pass: Arabizi spellings the skeleton misses
            "dawwar=", "duwwar=", "dowar=", "dawar=",
            # fifteenth pass: a bridge carrying a road over another
            "flyover", "overpass"),
    # Twenty-third category pass: an underpass or tunnel, where rain water gathers and cars
    # stall in it (the shipped rows: 40 stormwater, 4 its lights, 4 graffiti on its walls);
    # its own concept, so "the tunnel", "النفق" and "el nafaq" are one token in every form.
    # نفق is read by no skeleton: "naafiq" (a dead animal) has its consonants.
    "underpass": ("underpass", "underpasses", "tunnel=", "tunnels=", "نفق=", "النفق=", "انفاق=",
                  "الانفاق=", "nafaq=", "nafa8=", "nafag=", "nafa2=", "el nafaq", "il nafaq"),
    "light": ("3amood", "3mood", "3amud", "3emood", "layt=", "layts=", "laitat", "laytat", "lambat", "noor=", "nour=", "عمود=", "العمود=", "اناره", "انوار", "ليت=", "ليتات", "لمبه", "مصباح", "مصابيح", "كشاف", "اضاءه", "عمود الاناره", "عمود النور",
              "9oo2=", "9o2=", "9aw2=", "daw=", "dhaw=", "dhoo2=", "street light", "streetlight", "lamp", "light", "lighting", "bulb", "lait=",
              "lamba",
              # seventeenth category pass: "layat"
              "layat=", "layaat=", "laitaat=",
             # fourteenth pass: Arabizi spellings the skeleton misses
             "amood=", "idha2a", "idhaa2a", "ethaa2a", "ithaa2a",
             # twenty-first category pass: lights (انوار, اناره, اضاءه) spelled without a digit
             # or with a short vowel, whose skeletons are too short to read. "anwar" only
             # after the article: Anwar is a name too
             "el anwar", "al anwar", "il anwar", "wel anwar", "anwaar=", "enara=", "inara=",
             "enaara=", "inaara=", "ida2a=", "idaa2a=", "edaa2a=", "edha2a=", "ida2at=",
             "idaa2at=", "edaa2at=", "a3mida=", "a3midat=", "a3meda=", "kashaf=", "kashshaf=",
             "kashafat=", "kashshafat="),
    "dark": ("ظلام", "مظلم", "عتمه", "معتم", "ظلمه", "مطفي", "طافي", "طافيه", "منطفي", "dark", "unlit", "flicker",
             "blackout", "switched off",
             # a light gone out, as a noun or verb (MSA "انطفاء", "مطفأة") and in Arabizi
             # ("6afi", "6afya", "tafya"): thirteenth pass, from the lighting sub-topics
             "انطفا", "انطفت", "انطفى", "مطفا", "6afi=", "6afya=", "6aafi=", "6afyeh=", "6afyin=",
             "tafi=", "tafya=", "6afyat=", "in6afa=", "in6afat=", "yi6fi=", "t6fi=",
             # seventeenth category pass: Indian English "not glowing", "fused"
             "not glowing", "not burning", "fused=", "no light=", "no lights=",
             # twenty-first category pass: "tafiya", "6afiya" (gone out)
             "tafiya=", "6afiya=", "6aafiya=", "6afyaat=", "tafyat=", "tafyaat=", "6aafyat="),
    "sign": ("lo7a", "lo7at", "lou7a", "lawha", "loha=", "yafta", "yafiTa", "يافطه", "ishara=", "ishaara=", "stop=", "لوحه", "لوحات", "اشاره", "اشارات", "لافته", "لافتات", "خطوط المشاه", "ممر المشاه",
             "sign=", "signs=", "signboard", "signpost", "road marking", "zebra", "crossing",
             "traffic light", "signal", "marking", "lane line", "road line", "road paint", "faded",
             "street name", "mirror", "خطوط الطريق", "خطوط الشارع", "مرايه=", "mraya=", "miraya=",
             "mrayah=", "mrayat=",
             # seventeenth category pass: a road's studs and reflectors ("cat's eyes": see
             # _SENSES), a direction board
             "road stud", "road studs", "reflector", "direction board", "directions board",
             # twentieth category pass: a stop sign as Gulf writers name it
             "لوحه قف", "lo7at gif", "lo7at qif"),
    "bump": ("مطب", "مطبات", "تخفيف السرعه", "السرعه=", "سرعات", "مخفف", "speed bump", "speed hump", "speeding",
             "speed=", "matab",
             # seventeenth category pass: "humps", "rumble strips"
             "hump=", "humps=", "rumble strip", "rumble strips"),
    "garbage": ("زباله", "قمامه", "نفايات", "اكياس", "وساخه", "garbage", "rubbish", "trash",
                "litter", "waste", "bin=", "bins=", "bags=", "zbala", "zibala",
                # twenty-first category pass: bags (اكياس) in Arabizi, whose skeleton (كس) is too
                # short to read; not one bag (كيس, "kees", "chees": of chicken, of charcoal)
                "akyas=", "akyaas=", "kyas="),
    "container": ("7awya", "7awiya", "7aawiya", "7aawya", "7awyat", "7awiyat", "7aawiyat", "حاويه", "حاويات", "برميل", "container", "skip=", "skips=", "dumpster",
                  "wheelie",
                  # seventeenth category pass: Indian English "dustbin"
                  "dustbin", "dust bin", "dustbins", "garbage can", "trash can",
                  # twentieth category pass: the Gulf plural of برميل
                  "براميل"),
    "collect": ("ما جمعوا", "لم تجمع", "جمع=", "رفع المخلفات", "رفع القمامه", "رفع النفايات", "لم ترفع", "لم تفرغ", "تفريغ", "يفضي", "شاحنه النفايات", "سياره الزباله",
                "انشالت", "شالوا", "ممتلي", "مليان", "collected", "collection", "pick up",
                "emptied", "empty the=", "empty it=", "empty them=", "overflow", "full=",
                # twentieth category pass: Gulf "overflowing" (a bin, a septic tank), piled up
                "فايض=", "فايضه=", "فايضين=", "متكومه", "متكوم=", "fayid=", "faayid=", "fayed=",
                # twenty-first category pass: "filled up" (امتلت)
                "imtalat=", "imtalaat=", "mumtali=", "mumtaliya="),
    "dumping": ("رمي", "رمى", "يرمي", "يرمون", "مرمي", "مرميه", "يكبون", "كب=", "يكب=", "تكب=", "كبوا", "القاء", "يلقي", "يلقون", "مكب=", "مكبا=", "مكبات", "مكبوب", "مخلفات",
                "انقاض", "ردم", "سكراب", "dumped", "dumping", "dump=", "debris", "rubble",
                "fly tipping", "fly tip", "tyres", "tires", "thrown", "throwing", "scrap",
                "construction waste", "mu5alafat",
                # twentieth category pass: Gulf rubble (ركام) and tyres (تواير)
                "ركام", "تواير", "تاير=", "rukam=",
                "tawayir=", "tawayer=", "ykib=", "ykibb", "yikib", "ykiboon", "ykibboon",
                "tipping", "tipped",
                # fifteenth pass: earth left in heaps ("تراكم الأتربة", "turab")
                "تراب=", "اتربه=", "turab=", "tiraab=",
                # sixteenth pass: what is left in heaps after works ("mounds of soil", "كومه
                # رمل", "koom turab"): the material left, not the road it lies by
                "pile=", "piles=", "heap=", "heaps=", "mound=", "mounds=", "كومه=",
                "كومات=", "اكوام=", "koom=", "kowm=", "akwam=", "akwaam=",
               # fourteenth pass: Arabizi spellings the skeleton misses
               "an8a9", "anqaad", "anqa9", "an8aadh", "angaadh",
               # twenty-first category pass: "they dumped" (كبوا، رموا: skeletons too short)
               "kabbaw=", "kabboo=", "kabbo=", "ramaw=", "rmaw=", "ramoo="),
    # Twelfth pass (category): old furniture left out is dumping, but sellers name it too, so
    # it is its own concept, not one of screening's problems.
    "bulky": ("furniture", "sofa", "mattress", "اثاث", "كنب", "مراتب", "دواشق", "kanabat",
              "dawashig", "dawasheg",
              # twentieth category pass: Gulf عفش (household things)
              "عفش", "3afsh=", "3afsha="),
    "vehicle": ("سياره", "سيارات", "مركبه", "مركبات", "باص", "بيك اب", "شاحنه", "قارب", "دراجه", "حافله", "حافلات",
                "car=", "cars=", "vehicle", "truck", "bus=", "van=", "pickup", "boat", "trailer",
                "motorbike", "sayara", "sayyara", "sayart", "sayyart", "sayaar", "siyara", "syara", "syyara",
                "darraja", "darrajat", "saikal", "saykal", "gaarib", "qaarib", "gareb=",
                # Gulf and Omani (tenth pass): a car, a trailer, a bicycle
                "موتر", "مواتر", "تريله", "تريلات", "سيكل", "تاكسي", "mooter=", "motar=",
                "lorry", "loori", "lansh", "لنش",
               # fourteenth pass: Arabizi spellings the skeleton misses
               "wanit=", "wanait=", "wanet=", "bickup=", "bikab=", "bikap=",
               # seventeenth category pass: a motorbike (دباب), bicycles
               "دباب=", "دبابات=", "dabbaab=", "dabbab=", "dabbabaat=", "dabbabat=", "sayakil=",
               # twentieth category pass: the Gulf pick-up (وانيت)
               "وانيت", "ونيت=", "وانيتات",
               # twenty-first category pass: Gulf cars (مواتر) in Arabizi, read only as spelled
               # (their skeleton is مطر's, rain: arabizi.MISREAD_BY_SKELETON)
               "mawatir=", "mawater=", "mwater=", "mwatir=", "mawaatir="),
    # Fourteenth pass: "months" says how long, not what ("the lamp has been dead for three
    # months"); it left "abandoned" for its own concept, which the model weighs with the rest.
    "lasting": ("shhoor", "shuhoor", "shohoor", "shuhur", "shhour", "شهور", "months",
                "min shahar", "mn shahar", "min shahr", "lah shahar", "laha shahar"),
    "abandoned": ("matrook", "matrooka", "matroo7", "matrou7", "mahjoora", "mahjoorah", "مهمل", "مهمله", "متروك", "متروكه", "مهجوره",
                  "بدون ارقام", "بدون لوحات", "واقفه من", "ما تحركت", "سحب السياره", "سحب المركبه", "سحب الموتر", "abandoned",
                  "left there", "not moved", "hasn't moved", "wreck", "derelict", "no plates",
                  "number plates", "tow=", "towed", "towing", "rusting", "rusty",
                  # seventeenth category pass: a car under dust
                  "covered in dust", "covered with dust", "covered by dust", "under dust",
                  "3aleha ghobar", "3alaiha ghobar", "3aleha ghubar", "3aleeha ghbar", "عليها غبار",
                  "عليه غبار",
                  # twentieth category pass: Gulf "dusty all over" (مغبر), "mghabbar"
                  "مغبر=", "مغبره=", "mghabbar=", "mghabbra=", "m3abbar="),
    "sewage": ("bayara", "bayyara", "biyara", "bayyaara", "biyarah", "majaari", "majari", "mojari", "balloo3a", "balloo3ah", "bal3a", "bala3a", "مجاري", "صرف صحي", "الصرف", "طفح", "تطفح", "طافحه", "بياره", "خزان صرف", "اسنه", "sewage",
               "sewer", "septic", "wastewater", "majari",
               # seventeenth category pass: Indian English ("gutter water", "drainage line",
               # "soak pit"): a bare "gutter" is the kerb's channel, so only its phrases
               "gutter water", "gutter line", "gutter lines", "gutter overflow", "gutter chamber",
               "drainage water", "drainage line", "drainage lines", "drainage chamber",
               "black water", "soak pit", "soakaway", "soak away", "cesspit", "cesspool",
               "sewerage", "honey sucker", "sewage tanker", "floor trap", "shower trap",
               "foul water",
               # twentieth category pass: dirty water (ماي وسخ), as Gulf writers name sewage
               "ماي وسخ", "الماي الوسخ", "مويه وسخه", "ميه وسخه", "maay wasi5", "mai wasi5",
               "maay wis5",
               # twentieth category pass: black water as Gulf and Arabizi writers say it
               "الماي الاسود", "ماي اسود", "المويه السوده", "مويه سوده", "مياه سودا",
               "المياه السودا", "maay aswad", "maay el aswad", "mai aswad", "mai el aswad",
               "may aswad", "mayy aswad",
               # twenty-first category pass: "tafah" (طفح) with its final h, which the skeleton
               # reads as a ta marbuta
               "tafah=", "tafha=", "tafhat="),
    "manhole": ("منهول", "غرفه تفتيش", "غرفه التفتيش", "بالوعه", "بلاليع", "غطا", "غطاء", "manhole", "drain cover",
                "chamber",
                "manhool",
               # fourteenth pass: Arabizi spellings the skeleton misses
               "ghi6a=", "gha6a=", "ghe6a=", "3'6a=", "ghatta=", "ghata="),
    "smell": ("ريحه", "رائحه", "روايح", "كريهه", "smell", "stink", "odour", "odor", "ray7a"),
    "rain": ("مطر=", "مطره=", "تمطر", "مطرت", "ممطر", "امطار", "الامطار", "هطول", "سيول", "اعصار", "rain", "storm", "flood",
             "cyclone", "wadi",
            # fourteenth pass: Arabizi spellings the skeleton misses
            "seel=", "syool=", "suyool=", "siyool=",
            # twentieth category pass: a flood (سيل) and a wadi running, as Gulf writers say
            "سيل=", "السيل=", "يجري الوادي", "جرى الوادي", "جريان الوادي", "الوادي جاري",
            "الوادي يجري", "yijri el wadi", "jara el wadi", "el wadi yijri", "el wadi jari",
            # twenty-first category pass
            "seil=", "sayl="),
    "pooling": ("maya=", "mayah=", "maay=", "maa2=", "ma2=", "rukba", "ركبه", "rakid", "raakid", "raakda", "rakda", "تجمع", "متجمعه", "راكده", "بحيره", "غرق", "الماي", "تغمر", "غمرت", "pooling",
                "standing water", "puddle", "مستنقع", "under water", "waterlogged", "stagnant", "mai=",
                # flooded, as Gulf and Arabizi say it ("النفق غرقان", "el nafaq ghar8an")
                "flooded", "غرقان", "مغمور", "ghar8an", "gharqan", "ghargan", "ghar9an",
                "ghar2an", "gharkan", "maghmoor",
               # fourteenth pass: Arabizi spellings the skeleton misses
               "mustanqa3", "mustanga3",
               # seventeenth category pass: Indian English "water logging"
               "water logging", "waterlogging", "water logged", "logged water", "ponding",
               "water stagnation"),
    "drain": ("تصريف", "مصرف", "مصارف", "شبكه التصريف", "فتحات التصريف", "انسداد", "مسدود",
              "drain", "gully", "culvert", "blocked", "clogged"),
    "food": ("akl=", "akil=", "akel=", "5ubz", "khubz", "5abbaz", "5abaz", "ma6ba5", "matba5", "ma6a3im", "7aleeb", "7aleb", "dajaj", "la7am", "la7m", "samak", "baqala", "bagala", "ba8ala", "kufeeh", "kofi", "coffee shop", "مطعم", "مطاعم", "اكل", "غذا", "اغذيه", "مقهى", "كافتيريا", "مخبز", "ملحمه", "مسلخ",
             "سمك", "لحم", "بقاله", "مطبخ", "طعام", "اطعمه", "وجبه", "وجبات", "مشويات", "wajba", "wajbat", "restaurant", "food", "cafeteria", "cafe", "bakery",
             "kitchen", "meat", "fish=", "grocery", "butcher", "eatery", "shawarma", "mat3am", "juice",
             "fridge", "freezer", "chicken", "bread", "milk", "sandwich", "عصير", "ثلاجه", "دجاج",
             "خبز", "حليب", "ساندويش", "sandweech", "3a9eer",
             # sixteenth pass: broken plurals a stem does not reach (اللحوم, الملاحم)
             "لحوم", "ملاحم",
             # seventeenth category pass: a tea stall and a canteen
             "karak", "canteen", "tea shop", "tea stall", "chai=", "gahwa=", "ka6eeriya",
             "kafeteria",
             # twentieth category pass: Gulf eateries and foods (a baker, a coffee house, karak,
             # skewers, sweets)
             "خباز", "قهوه=", "القهوه=", "كرك=", "الكرك=", "مشاكيك", "شواء=", "حلوي=", "الحلوي=",
             "mashakeek", "shuwa=",
             # twenty-first category pass: a restaurant spelled without its 3, laban (لبن)
             "mataam=", "ma6aam=", "mata3im=", "laban=", "لبن=", "اللبن=", "7alawiyat=",
             "7alwiyat=", "falafel"),
    "hygiene": ("9ala7iya", "9ala7iyya", "9alaa7iya", "salahiya", "gadhir", "qathir", "منتهي", "منتهيه", "الصلاحيه", "فاسد", "متعفن", "وسخ", "وصخ", "متسخ", "قذر", "تسمم", "قفازات",
                "expired", "rotten", "spoiled", "hygiene", "poisoning", "unhygienic", "filthy",
                "mould", "mold", "contaminat",
                # seventeenth category pass: stale food, and Arabizi "wasi5" (وسخ)
                "stale", "unclean", "unhygenic", "expiry", "wasi5=", "wasikh=", "wis5=",
                "wase5=", "wasi5a=", "wisi5=", "stomach", "vomit", "diarrh",
                # twenty-first category pass: mouldy, rotten (معفن), "m3affan"
                "wasa5a=", "wasakha=", "معفن", "m3affan=", "m3afan=", "m3affen=", "mi3affin=",
                "m3affna=", "m3affana="),
    "rodent": ("فيران", "فئران", "فار=", "فاره=", "جرذ", "جرذان", "قوارض", "rat=", "rats=", "mice", "mouse",
               "rodent",
              # fourteenth pass: Arabizi spellings the skeleton misses
              "fa2r=", "fa2ra=", "fi2ran="),
    "insect": ("ba3oo6h", "ba3oodh=", "ba3ood=", "ba3udh", "thibban", "thibbaan", "dhibban", "dhubbaan", "دبابير", "زنابير", "نحل", "wasp", "hornet", "bee=", "bees=", "rash=", "rush=", "ba3oo9", "ba3ou9", "ba3oodh", "ba3ooth", "ba3oo6", "ba3ood", "namoos", "9ra9eer", "9ara9eer", "dababeer", "na7al", "rashsh", "بعوض", "ناموس", "صراصير", "حشرات", "ذباب", "ذبان", "نمل", "الرش=", "برش=", "مبيد", "مكافحه",
               "mosquito", "cockroach", "insect", "flies", "termite", "fogging", "spray",
               "pest", "bedbug", "fumigat", "صرصور", "9ar9oor=",
               # fifteenth pass: bedbugs (بق، "bag" in Arabizi) in a hostel or workers' rooms
               "بق=", "بقه=", "بق الفراش", "bed bug", "el bag=", "il bag=", "bag el firash",
               "bag el frash",
               # seventeenth category pass: the other household pests (lizards, scorpions,
               # snakes: the shipped rows about snakes are pest control), a beehive
               "lizard", "scorpion", "snake=", "snakes=", "beehive", "hive=", "عقرب", "عقارب",
               "ثعبان", "ثعابين", "افاعي", "3agrab=", "3aqrab=", "3agarib=", "3aqarib=",
               "tha3ban=", "tha3aban=", "tha3aabeen=", "tha3abeen=", "pigeon", "larva", "wriggler", "roach",
               # flies (ذباب) spelled out: its skeleton is dabbaab's, a motorbike
               "thubab=", "dhubab=", "dhubaab=", "thubaab=", "thibab=", "thibaab=", "zubab=",
               "thbab=", "dhbab=",
               # the Gulf snake (حنش), Arabizi cockroaches
               "حنش", "7anash=", "7nash=", "7anshan=", "9ar9oora=", "9ir9aan=", "9ar9ooraat=",
               # twentieth category pass: nesting (pigeons in the AC units, wasps under a
               # roof: الحمام alone is a bathroom, so the nest says which), geckos, termites.
               # Not عشش, عشوش: Gulf huts as well as nests ("bnaw 3shash" on public land)
               "معشش", "معششه", "معششين", "اعشاش", "m3ashish=", "m3ashsha=", "m3ashishin=",
               "nest=", "nests=", "nesting", "وزغ", "بريص",
               "سحالي", "الارضه=", "النمل الابيض", "white ants",
               # twenty-first category pass: an insect (حشره: not حشرات's skeleton), spiders
               "حشره", "7ashara=", "hashara=", "عنكبوت", "عناكب", "3ankaboot=", "3anakib=",
               # twenty-third category pass: a snake (حية) as Arabizi writers spell it; the
               # Arabic حيه is also "alive", so only the Latin spellings
               "7ayya=", "7ayyat=", "7ayyaat=", "7aiya=", "7ayyah="),
    "animal": ("chalb=", "chlab=", "chlaab=", "chlaib", "klab=", "klaab=", "kalb=", "bsas=", "bsaas=", "biss=", "bessa", "bissa", "bsais", "gu6a6", "g6a6", "qi6a6", "qa66=", "gatt=", "saayba", "sayba", "saiba", "sayiba", "sayba=", "كلاب", "كلب", "قطط", "قطاوه", "قطه", "حمير", "حمار", "جمال=", "ابل=", "بقر=", "بقره", "ابقار", "قطيع", "قطعان", "مواشي",
               "اغنام", "غنم", "ماعز", "حيوان", "سايبه", "سائبه", "ضاله", "نافق", "نافقه", "جيفه",
               "dog", "cat=", "cats=", "kitten", "camel", "donkey", "goat", "cow=", "cows=",
               "sheep", "stray", "animal", "carcass", "dead fish",
               # Gulf and Omani (tenth pass): camels (بوش), a bull, a billy goat, beasts
               "بوش=", "البوش=", "بعير", "ثور=", "الثور=", "ثيران", "تيس=", "التيس=", "تيوس",
               "دواب", "بهايم", "bosh=", "boosh=", "b3eer=", "tees=", "thoor=",
              # fourteenth pass: Arabizi spellings the skeleton misses
              "9a66=", "qatt=", "ibil=", "ibl=", "jimal=",
              # seventeenth category pass: Gulf plurals of cats and camels, billy goats
              "9i6aw=", "9e6aw=", "gi6awa=", "g6awa=", "gtawa=", "gitawa=", "qi6awa=", "bisas=",
              "bisaas=", "snaneer=", "sananeer=", "bi3ran=", "b3ran=", "tiyoos=", "tyoos=", "5irfaan=",
              "5arfaan=", "5aroof=", "kharoof=", "3ooz=", "ti3ooz=", "tu3ooz=",
              # a donkey in Arabizi spelled out: حمار is read by no skeleton (a7mar, red)
              "7mar=", "7imar=", "7maar=", "7mara=", "7meer=", "7ameer=", "7emar=",
              # twentieth category pass: the Gulf cat (قطو), stray as a Gulf man says it
              # (سايب), camels (بعارين), livestock (هوش), a carcass (فطيس), foxes
              "قطو=", "القطو=", "قطوه=", "القطوه=", "سايب=", "سايبين=", "سايبات=", "بعارين",
              "بعران", "هوش=", "الهوش=", "فطيس", "ثعلب", "ثعالب", "fox=",
              "foxes=", "hyena", "gi6wa=", "gatwa=", "g6wa=", "fa6ees=", "fatees=",
              "tha3lab=", "tha3alib=", "tha3aleb=",
              # twenty-first category pass: animals (حيوان, skeleton حن: too short to read),
              # a goat (عنز), a dead animal (نافق: not by skeleton, "nafa8" is a tunnel),
              # strays (سايبين: not by skeleton, "9aboon" is soap), livestock (هوش, "hoosh":
              # the courtyard حوش in a place, see _SENSES)
              "7ayawan=", "7aywan=", "7ayawaan=", "7ayawanat=", "7aywanat=", "7ayawinat=",
              "عنز=", "العنز=", "عنوز", "3anz=", "3nooz=", "naafiq=", "nafiq=", "naafqa=",
              "nafqa=", "naafga=", "nafga=", "saybeen=", "sayibeen=", "saybin=", "saaybeen=",
              "hoosh=", "hwaish="),
    "construction": ("yabni", "yibni", "ybni", "yabnoon", "yibnoon", "bina2", "binaa2", "mul7aq", "mol7aq", "dor=", "door thani", "بناء", "يبني", "يبنون", "بنى", "ملحق", "طابق", "ادوار", "سور", "توسعه",
                     "build=", "builds=", "built", "builder", "rebuild", "extension", "storey",
                     "floor", "annex", "fence", "construct", "wall=", "is building",
                     "are building", "was building", "were building", "building work",
                     "building without", "building a=", "building an=", "building his=",
                     "building their=", "building another", "site=", "crane", "concrete mixer",
                     "cement mixer", "كرين", "رافعه", "خلاطه", "khalla6a", "5alla6a", "kreen",
                     # twenty-first category pass: a wall round a plot (سور, skeleton سر)
                     "soor=", "el soor", "el sour",
                     # twenty-third category pass: the Gulf crane (ونش, "wanash")
                     "ونش=", "الونش=", "wanash=", "wansh=", "el wanash"),
    # Twelfth pass: a house turned into workers' lodgings. Sixteenth pass: the lodgings are
    # their own concept, not building work, so "bedbugs in the labour camp" ("sakan el
    # 3ummal malyan bag") is weighed as insects where workers live, not as a building.
    "lodging": ("سكن عمال", "سكن العمال", "سكن عزاب", "labour camp", "labor camp",
                "workers accommodation", "workers housing", "bachelor", "sakan el 3ummal",
                "sakan el 3ommal", "sakan 3ummal", "sakan 3ommal", "sakan al 3ummal",
                "sakan il 3ummal", "sakan el 3omal", "sakan el 3umal"),
    "violation": ("ta9ree7", "tasree7", "tasree7", "mu5alafa", "mkhalfa", "mu5alif", "ta3addi", "ta3adi", "bdoon ru5sa", "مخالف", "بدون ترخيص", "بدون تصريح", "بدون رخصه", "دون ترخيص", "دون تصريح", "دون رخصه", "غير مرخص", "استيلاء", "تعدي", "متعدي", "استحواذ",
                  "ارض حكوميه", "ارض الحكومه", "حق الحكومه", "ar9 el 7ukooma", "ar9 el 7okooma",
                  "ar9 7ukooma", "مسور=", "الارض العامه", "املاك عامه", "ارتداد", "violation", "violat",
                  "without permit", "without a permit", "no permit", "illegal", "encroach",
                  "public land", "unauthoris", "unauthoriz", "unlicensed", "setback",
                  "beyond the boundary",
                  # seventeenth category pass: rooms added where none may be
                  "porta cabin", "portacabin", "porta cabins", "caravan", "tin shed", "shed=",
                  "sheds=", "partition",
                  # twentieth category pass: land fenced off (مسورين، "msawreen")
                  "مسورين", "مسورينها", "سوروا", "سوروها", "msawreen=", "msawrin=",
                  "msawwreen=", "sawwaroha=", "fenced off"),
    "danger_structure": ("ma2il=", "maa2il=", "ma2la=", "mayil=", "maayil=", "mayla=", "mayela", "mayleh", "titmayal", "yitmayal", "mitmayil", "shgoog", "shuqooq", "tashaqquq", "ay3il", "aayil", "ايل للسقوط", "تشقق", "تشققات", "متصدع", "تصدع", "شقوق", "مائل", "مايل",
                         "ينهار", "انهيار", "يطيح", "مهجور", "خطر", "متهالك", "crack",
                         "collapse", "leaning", "unsafe", "derelict", "crumbl", "dilapidated",
                         "structural", "danger", "about to fall",
                        # fourteenth pass: Arabizi spellings the skeleton misses
                        "mayel=",
                        # seventeenth category pass: Arabizi "cracked" with a digit qaf
                        "mitsha88a8", "msha88a8", "mitshaggig", "mshaggag", "mishaggag",
                        "tsha88u8", "tashag8ug",
                        # twentieth category pass: Gulf "cracked" (متشقق) and "going to fall"
                        # (بتطيح، بيطيح), forms the stems above do not reach
                        "متشقق", "مشقق", "بتطيح", "بيطيح", "btoo6a7=", "bitee7=", "bti6ee7=",
                        # twenty-first category pass: cracks (شقوق) spelled out, since
                        # "shiqaq" (flats, شقق) meets them by skeleton (NOT_BY_SKELETON)
                        "shqooq=", "shuqoq=", "shiqooq=", "shqoog=", "shugoog=", "shgooq="),
    "noise": ("9oot", "9ot=", "sawt=", "9awt", "ez3aj", "izaa3ej", "6ag=", "6ag6ag", "dag=", "daqq=", "6rag", "ازعاج", "ضوضاء", "ضجيج", "صوت", "اصوات", "صخب", "مزعج", "دق=", "يدقون", "طق=", "طقطقه", "مكبرات", "مولد", "ماطور", "noise", "noisy",
              "loud", "hammering", "drilling", "generator", "music", "disturb", "iz3aj",
              # fourteenth pass: songs, and a car's own noise (revving, drifting, horns), so
              # "a car blasting music by the houses" is a nuisance, not a car left there. Not
              # speakers or subwoofers: sellers of car audio name those (screening reads noise)
              "اغاني", "اغنيه", "موسيقي", "تفحيط", "يفحطون", "هجوله", "يهجولون", "هرن", "هرنات",
              "aghani", "aghaani", "agani", "moseeqa", "musiqa", "ta7fee6", "tafhee6",
              "yfa7i6oon", "hajwala", "revving", "revs=", "rev=", "drift=", "drifting",
              "honking", "horns=",
              # twenty-first category pass: "izaaj" without its 3, "9owt"
              "izaaj=", "ezaaj=", "9owt=", "sowt="),
    "night": ("الليل", "بالليل", "ليلا", "نص الليل", "الفجر", "night", "midnight", "late=",
              "lail", "layl"),
    "park": ("حديقه", "حدايق", "حدائق", "منتزه", "متنزه", "العاب=", "مرجيحه", "ارجوحه", "مراجيح", "مسطحات", "نافوره", "زحليقه", "ممشى", "park=",
             "parks=", "playground", "swing", "slide", "garden", "walkway", "7adeeqa",
             # twentieth category pass: a neighbourhood's pitch (ملعب الحاره), "mal3ab"
             "ملعب", "ملاعب", "mal3ab=", "malaa3ib="),
    "tree": ("سدر", "سدره", "غاف=", "غافه=", "يابس", "يابسه", "ناشف", "sidr", "sidra", "ghaf=", "yabis", "yabsa", "yabsah", "nashfa", "shajar", "shajara", "shjara", "ni5eel", "na5la", "شجره", "اشجار", "شجر", "نخله", "نخيل", "اغصان", "تقليم", "ري=", "عشب", "زرع",
             "tree", "branch", "palm", "irrigation", "grass", "pruning", "plants", "lawn",
             # twentieth category pass: sprinklers (رشاشات), "rashashat"
             "رشاشات", "رشاش الماي", "rashashat=", "rashshashat=", "sprinkler"),
    "beach": ("shati=", "shaati=", "shatee=", "doosh", "dosh=", "dush=", "dushat", "shati2", "shaa6i2", "shatee2", "sha6i", "shaa6i", "7ammamat", "dawrat", "مصلى=", "msalla", "mi9alla", "mu9alla", "mathalla", "madhalla", "شاطي", "شاطئ", "بحر", "كورنيش", "دورات المياه", "دوره المياه", "حمامات", "مظلات",
              "beach", "corniche", "toilet", "restroom", "shower", "shade", "bench",
              "public facilit",
              # seventeenth category pass: washrooms, Filipino English "comfort room"
              "washroom", "comfort room", "lavator", "changing room", "drinking fountain",
              "water dispenser", "water cooler", "bus shelter",
              # twentieth category pass: Gulf water coolers (برادة), showers (دوش)
              "براده=", "برادات", "برادة الماي", "دوش=", "الدوش=", "دوشات", "barrada=",
              "barrad=", "barradat=",
              # twenty-first category pass: beaches (شواطي)
              "shawa6i=", "shwa6i=", "shawati=", "shawa6ee="),
    "vendor": ("باعه", "بائع", "بياع", "متجول", "بسطه", "يبيع", "يبيعون", "عربه", "كشك", "vendor",
               "hawker", "selling", "sells", "stall", "food truck", "kiosk", "peddler",
              # fourteenth pass: Arabizi spellings the skeleton misses
              "bayya3=", "baya3=", "bayaa3=", "bayya3een", "bayya3a="),
    "shop": ("محل=", "محله=", "محلنا=", "محلات", "اعلانيه", "ترخيص المحل", "ترخيص", "رخصه تجاريه", "سجل تجاري", "تجاري",
             "shop", "store", "licence", "license", "signboard", "salon", "commercial", "business",
             "ma7al", "dukkan",
             # fourteenth pass: a trade carried on ("a barber working from a flat", "حلاق يحلق
             # في شقه", "7allaq fi shigga") is a business whether or not it has a shop
             "حلاق", "خياط", "مغسله", "barber", "tailor", "laundry", "7allaq", "7allag",
             "5ayya6", "khayyat", "maghsala",
             # twenty-first category pass: cars repaired as a trade (a garage run from a villa),
             # and the commercial register in Arabizi. Not "workshop", "ورشه": a workshop's
             # noise is a nuisance
             "mechanic", "car repair", "auto repair", "repair shop", "repair garage",
             "garage business", "ميكانيكي", "mikaniki=", "mekaniki=", "mikaneeki=",
             "sijil tijari", "sjil tijari", "sijil tujari",
             # fifteenth pass: a pharmacy is a business (its glaring sign is the shop's)
             "صيدليه", "صيدليات", "pharmacy", "pharmacies", "9aydaliya", "saydaliya",
             # twentieth category pass: a spa in a villa
             "سبا=", "spa="),
    "question": ("eshloun", "shloun", "shlon", "keef=", "kef=", "chaif", "kaifiya", "kaifiyat", "mnu=", "minu=", "meno=", "shino", "كيف", "كم=", "هل=", "وين", "متى", "ما هي", "ماهي", "استفسار", "اسال", "افادتي", "افادتنا", "ابا اعرف",
                 "ابي اعرف", "ابغى اعرف", "اود معرفه", "how=", "what=", "when=", "where=",
                 "can i", "do i", "is there", "enquir", "inquir", "question", "wondering",
                 "kaif", "kam=", "wain", "ween", "mata=", "hal=",
                 # twentieth category pass: the fate of a report already made
                 *REPORT_FATE),
    "admin": ("rusoom", "rsoom", "rasoom", "rusum", "rukh9a", "ru5sa", "ru59a", "ruk59a", "rukh9at", "ta9ree7", "tasree7", "tajdeed", "awraq", "mo3amala", "mu3amala", "bala3=", "bala3at=", "balagh=", "بلاغي", "بلاغات", "رسوم", "معامله", "مستندات", "الاوراق المطلوبه", "اوراق مطلوبه", "الاوراق اللازمه", "تصريح", "رخصه بناء", "اوقات العمل", "دوام",
              "مراجعه", "البلاغ", "رقم البلاغ", "شهاده", "طلب", "تجديد", "الكتروني",
              "fees", "documents", "permit", "office", "opening hours", "track", "reference",
              "portal", "fine=", "fines=", "certificate", "application", "apply", "renew",
              "procedure", "requirement", "online",
             # fourteenth pass: Arabizi spellings the skeleton misses
             "dawam=", "dawaam=",
             # seventeenth category pass: a lease attested at the municipality
             "tenancy", "lease=", "leases=", "attest", "rental contract", "rent contract",
             "عقد ايجار", "عقد الايجار", "عقود الايجار", "توثيق", "3a8d=", "3aqd=", "3agd=",
             "ejar=", "eejar=", "ijar=", "ijaar="),
    "thanks": ("نشكر", "اشكر", "يشكر", "يجزاكم", "تسلمون", "تسلم ايدكم", "ashkur", "ashkurkom", "nashkur", "nashkurkom", "ya3tikom", "ya3teekom", "ya3tikum", "mashkooreen", "mashkoorin", "tislamoon", "grateful", "cheers=", "respect to", "شكر", "شكرا", "مشكورين", "يعطيكم العافيه", "ما قصرتوا", "نثمن", "جزاكم", "ممتاز", "اثني", "اشيد",
               "سرعه الاستجابه", "thank", "appreciate", "great job", "well done", "excellent",
               "impressed", "kudos", "shukran", "mashkoor", "praise",
               # sixteenth pass: praise of the service, the sarcastic writer's thanks ("really
               # great service, third week and no collection")
               "great service", "amazing service", "excellent service", "wonderful service",
               "fantastic service", "brilliant service", "superb service", "amazing job",
               "wonderful job", "fantastic job", "الخدمه الرائعه", "خدمه رائعه", "الخدمه الجميله",
               "5idma momtaza", "5idma mumtaza", "khidma mumtaza", "5idma rai3a",
               # seventeenth category pass: "hats off", "salamat po", "jazakum"
               "hats off", "salamat po", "maraming salamat", "jazakum", "jazakom", "jazaakum", "keep up the good",
               # twenty-first category pass: "shokran" (an everyday word, so no spelling key)
               "shokran", "shokr=", "shukr="),
    "suggest": ("اقتراح", "اقترح", "مقترح", "ياليت", "نتمنى", "ليش ما", "suggest",
                "propose", "would be nice", "it would be", "idea", "recommend", "eqtira7",
                "iqtira7",
                # twentieth category pass: Gulf "I wish you would" (ليتكم، "ya laitkom")
                "ليتكم", "laitkom=", "laitkum=", "laytkom="),
    "service": ("موظف", "الموظفين", "خدمه العملاء", "مركز الاتصال", "الرد=", "ما احد رد", "محد رد", "تاخير",
                "تجاهل", "الاستجابه", "الخدمه", "تعامل", "staff", "employee", "call centre",
                "call center", "hotline", "no one answered", "nobody answered", "no response",
                "response", "ignored", "service", "rude", "helpful", "app=", "website", "no reply",
                "ignoring"),
    # Arabic terms are stems, so one an MSA writer uses in any complaint must be whole or
    # left out: غاف= (not the surname الغافري), مصلى= (not المصلين), حيطان for walls (حيطه
    # is also caution, الحيطة والحذر), no اشهر (منذ أشهر, أشهر المطاعم) and no bare بلاغ
    # (أتقدم ببلاغ files every report; البلاغ, بلاغي, بلاغات name one already made).
    # Tenth pass (category): the parts of a building that fall (walls, roofs, tanks,
    # scaffolding) had no concept, so "jidar"/"sagf" met nothing in Arabizi; roadworks
    # (barriers, trenches) likewise.
    "structure_part": ("جدار", "جدران", "حيطان", "حايط", "سقف", "سقاله", "سقالات", "خزان", "تانكي",
                       "بلكونه", "شرفه", "jidar", "jedar", "jidaar", "7ai6", "7aye6", "7aa6", "sagf",
                       "sa8f", "saqf", "sqala", "sgala", "saqala", "5azzan", "khazzan", "tanki",
                       "tanky", "balcon", "ceiling", "roof", "scaffold", "water tank", "parapet", "كسوه", "واجهه",
                       "cladding", "facade", "kiswa", "kaswa", "wajiha",
                      # seventeenth category pass: a Gulf wall (طوفه), cladding
                      "طوفه", "طوفات", "toofa=", "toofat=", "6oofa=", "6oofat=", "kasowa=", "kiswah=",
                      # fourteenth pass: Arabizi spellings the skeleton misses
                      "ha2it=", "7a2i6=", "7aa2i6=",
                      # fifteenth pass: a building's pillars (see _SENSES for عمود, 3amood)
                      "pillar", "column=", "columns=", "دعامه", "دعامات", "ركيزه", "ركائز"),
    # Twentieth category pass: a tree's roots lift tiles and crack kerbs and pipes; as "tree"
    # alone they read as a park's tree (جذور الشجره رفعت بلاط الرصيف).
    "roots": ("جذور", "الجذور", "عروق الشجر", "roots=", "root=", "jthoor=", "judhoor=",
              "jdhoor=", "juthoor=", "jthour="),
    "roadworks": ("حفريات", "حواجز", "خندق", "اعمال الطريق", "تحويله", "7awajiz", "5andaq",
                  "7afriyat", "ta7weela", "roadworks", "road works", "barrier", "trench",
                  "excavat", "digging", "diversion", "gravel", "loose stones", "chippings"),
    # Tenth pass (category): a thank-you names the problem it thanks for; the words saying
    # the problem is already dealt with are what tell feedback from the report itself.
    "resolved": ("صلحوه", "صلحوا", "صلحوها", "تم اصلاح", "تم الاصلاح", "انحلت", "رجعوه", "ركبوه",
                 "شالوه", "fixed", "repaired", "sorted", "resolved", "cleared", "replaced",
                 "9alla7oh", "9alla7ooh", "9alla7aw", "9alla7ooha", "sall7oh", "raja3oh", "raj3ooh",
                 "rakkaboh", "rakkbooh", "shaloh", "shalooh", "7a66oh", "7a6oh", "7a66ooh",
                 "ingada", "in7allat", "7a66oo", "9alla7oo", "shaloo", "raj3oo", "rakkaboo",
                 # fourteenth pass: thanks for the act itself ("thank you for fixing")
                 "for fixing", "for repairing", "for removing", "for clearing", "على تصليح",
                 "على اصلاح", "علي تصليح", "علي اصلاح", "على ازاله", "علي ازاله", "شالوا",
                 "3ala ta9lee7", "3la ta9lee7", "3ala izalat", "3la izalat",
                 # a Gulf "they replaced/filled/cleaned it", English "removed", "taken down"
                 "بدلوه", "بدلوها", "غيروه", "غيروها", "ركبوها", "ردموه", "ردموها", "دفنوه",
                 "نظفوه", "نظفوها", "شالوها", "baddalooh", "baddaloha", "ghayyarooh",
                 "radmooh", "raddamooh", "na99afooh", "removed", "taken down", "taken away",
                 "cleaned up", "تم ازاله", "تمت ازاله", "تم ردم", "تمت صيانه", "تم تصليح",
                 "تم حل", "تمت معالجه", "تم رفع",
                 # twentieth category pass: Gulf "they took it away / tied it up / patched it"
                 # and thanks for the removal itself (مشكورين على شيل ...)
                 "شالته", "شالتها", "شالوهم", "ربطوه", "ربطوها", "رقعوه", "رقعوها", "على شيل",
                 "علي شيل", "على تنظيف", "علي تنظيف", "3ala shail", "3la shail", "3ala tan6heef",
                 "rab6ooh"),
    "fire": ("حريق", "نار=", "تحترق", "يحترق", "دخان", "تولع", "fire=", "fires=", "firefight", "fireman", "firemen", "burning", "flames",
             "smoke", "7areeq", "nar="),
    "wires": ("wayer", "wayar", "waayer", "wayaraat", "wayaat", "wayerat", "shrar", "sharar", "tishrar", "kaibel", "kaibl", "kibel", "اسلاك", "سلك", "وايرات", "كيبل", "كهربا", "شرار", "wire", "cable", "electric",
              "sparking", "wayerat", "aslak", "kahraba",
              # seventeenth category pass: a transformer in Arabizi
              "mu7awil=", "m7awil=", "mu7awwil="),
}
# fmt: on

_INDEX = index_terms(CONCEPTS)
SKELETON_MIN = 3  # shorter skeletons collide across unrelated words
# Arabic terms an Arabizi word does not reach by skeleton, because an everyday Arabizi word
# has the same one (eleventh pass): ba3d/b3eed (after, far) and بعوض, 6al3a (coming out) and
# تولع, gabl (before) and كيبل, agdar (I can) and قذر, 9arat (it became) and سيارات, nafa8 (a
# tunnel) and نافق, gareeb (near) and قارب, 9alla7 (fixed) and الصلاحيه, mas2ool and مصلى, nahar
# (day) and ينهار, 3arabi and عربه, daraj (stairs) and دراجه, mooter/mator (a motor) and مطر's
# neighbours موتر and ماطور, 7abeet (I liked) and هبوط, lift and لافته, 3a9r (afternoon) and
# اعصار, n8ad (cash) and انقاض, mushaat (walkers) and مشويات, rukba (knee) and ركبوه,
# 3laina (on us) and اعلانيه, sqala (scaffolding) and سيكل, jibt (I brought) and وجبات, shahar
# (a month: a flat let "bil shahar") and شهور (months, a problem that has lasted; fifteenth
# screening pass), a7mar (red: "the signal stuck on red") and حمار, حمير, dabbaab (a
# motorbike) and دبابير, ذباب (seventeenth category pass). Their Arabizi spellings are listed.
NOT_BY_SKELETON = frozenset(
    {"بعوض", "تولع", "كيبل", "قذر", "سياره", "سيارات", "نافق", "نافقه", "قارب", "الصلاحيه",
     "مصلى", "ينهار", "انهيار", "عربه", "دراجه", "موتر", "مواتر", "ماطور", "هبوط", "لافته",
     "لافتات", "اعصار", "انقاض", "مشويات", "ركبوه", "اعلانيه", "سيكل", "طريقنا", "نافوره", "وجبه", "وجبات", "شهور",
     "حمار", "حمير", "دبابير", "دباب", "دبابات", "ذباب",
     # twentieth category pass: "ma fi fayda" (no use, فايده) is no overflow, "msawwar"
     # (photographed) no fence, "balak" (mind you) no block, "mashgooga" (torn) no crack
     # and "jidar" (a wall) no roots; "sabt" (Saturday), "9aboon" (soap) no stray (سايب);
     # "3shash" (huts) no nests
     "فايض", "فايضه", "فايضين", "مسور", "مسورين", "مسورينها", "بلوك",
     "متشقق", "مشقق", "جذور", "الجذور", "سايب", "سايبين", "سايبات", "اعشاش",
     # twenty-first category pass: "shiqaq", "shigag" (flats, شقق) are no cracks, "6afyaat"
     # (lights gone out) no walls (طوفات)
     "شقوق", "طوفات",
     # twenty-third category pass: a tunnel (نفق) is no dead animal's (نافق) spelling
     "نفق", "النفق", "انفاق", "الانفاق"}
)  # fmt: skip
_ARTICLES = ("ال", "لل")


def _term_forms(word: str) -> tuple[str, ...]:
    """A term and, when it has one, the term without its article. Unlike a message word's
    variants, a term's first letter is its own: برميل is not ب + رميل."""
    for art in _ARTICLES:
        if word.startswith(art) and len(word) > len(art) + 1:
            return (word, word[len(art) :])
    return (word,)


def _skeleton_index() -> dict[str, set[str]]:
    """Concepts by the consonant skeleton (ق kept) of their Arabic single-word terms."""
    out: dict[str, set[str]] = {}
    for name, terms in CONCEPTS.items():
        for term in terms:
            word = term.rstrip("=")
            if " " in word or not is_arabic(word) or word in NOT_BY_SKELETON:
                continue
            for form in _term_forms(word):
                skel = qaf_skeleton(form)
                if len(skel) >= SKELETON_MIN:
                    out.setdefault(skel, set()).add(name)
    return out


_BY_SKELETON = _skeleton_index()


# Twelfth pass: the lexicon's own Arabizi spellings ("matrooka", "7adeeqa", "saikal") reach
# other spellings of the same word ("metroka", "7adiga", "seekal") by a loose key: the
# spelling key (digit letters and their Latin twins, e/i, o/u, doubled letters) without the
# vowels and glides right after the first consonant. Whole-word terms ("motar=", "klab=")
# are short and listed as whole words because they collide, so they get no loose key.
_FIRST_VOWELS = re.compile(r"^([^aiu])[aiuyw]+")
_LOOSE_ENDINGS = (("een", ""), ("oon", ""), ("at", "a"))
MIN_LOOSE_KEY = 4


@lru_cache(maxsize=16384)
def loose_key(word: str) -> str:
    """A spelling key that Arabizi spellings of one word share (see above); "" if too short."""
    key = _FIRST_VOWELS.sub(r"\1", spelling_key(word))
    return key if len(key) >= MIN_LOOSE_KEY else ""


def _loose_index() -> dict[str, set[str]]:
    """Concepts by the loose key of their Latin stem terms that are not English words. A key
    two concepts share is left out, and so is one of an everyday Arabizi word, a landmark
    word or a place ("gareeb", near, is "gaarib", a boat; "mawaleh" is "mayleh", leaning)."""
    common = {loose_key(w) for w in (*ARABIZI_WORDS, *LANDMARK_WORDS, *PLACE_TERMS)}
    out: dict[str, set[str]] = {}
    for name, terms in CONCEPTS.items():
        for term in terms:
            if " " in term or term.endswith("=") or not term.isascii() or term in ENGLISH_WORDS:
                continue
            if key := loose_key(term):
                out.setdefault(key, set()).add(name)
    return {key: names for key, names in out.items() if len(names) == 1 and key not in common}


# Twenty-first category pass: an Arabizi word that reaches no concept otherwise is read by
# its spelling key (arabizi.spelling_key: 7/h, 6/t, 9/s, 5/kh, 8/g/q, e/i, o/u, doubled letters,
# a prefix's vowel), against the lexicon's Arabizi terms, whole-word ones too: "hawya" and
# "hawiya" are "7awya" and "7awiya" (a bin), "6aafya" is "6afya" (gone out), "gitwa" "gi6wa" (a
# cat), "eshara" "ishara" (a sign), "doowar" "duwwar" (a roundabout). Only as a last resort:
# "m6ar" (rain) has the key of "motar" (a car). A key two concepts share, or an everyday Arabizi
# word's, a landmark's, a place's or an English word's, is left out; so are keys under five
# letters ("meno", who, is "menu") but for a term with a digit letter, whose four ("shati2", a
# beach: "shaati2") say enough.
MIN_SPELLING_KEY = 5


def _spelling_index() -> dict[str, set[str]]:
    """Concepts by the spelling key of their Latin single-word terms that are not English."""
    everyday = (w for w in (*ARABIZI_WORDS, *LANDMARK_WORDS, *PLACE_NAMES) if not _INDEX.find([w]))
    common = {spelling_key(w) for w in everyday}
    common.update(spelling_key(w) for w in ENGLISH_WORDS if len(w) >= MIN_SPELLING_KEY - 1)
    out: dict[str, set[str]] = {}
    for name, terms in CONCEPTS.items():
        for term in terms:
            word = term.rstrip("=")
            if " " in word or not word.isascii() or word in ENGLISH_WORDS:
                continue
            key = spelling_key(word)
            if len(key) >= MIN_SPELLING_KEY - is_arabizi_token(word):
                out.setdefault(key, set()).add(name)
    return {key: names for key, names in out.items() if len(names) == 1 and key not in common}


# Fifteenth pass: Arabizi words that are also English words, so they cannot be CONCEPTS
# terms (those match in English too): read only in a message read as Arabizi. "bag" is بق
# (bedbugs: "sakan el 3ummal malyan bag"), never the bag of "a bag of rubbish".
# Twenty-first category pass: "sharia" (a street, شارع) and "sour" (a wall round a plot, سور).
ARABIZI_ONLY: dict[str, str] = {
    "bag": "insect",
    "bagg": "insect",
    "sharia": "road",
    "sour": "construction",
}


@lru_cache(maxsize=16384)
def _arabizi_concepts(word: str) -> frozenset[str]:
    """Concepts an Arabizi word reaches by skeleton, in any of its alternate readings, by
    the loose key of the lexicon's Arabizi spellings, or as an ARABIZI_ONLY word; failing
    those and the listed terms, by its spelling key (_BY_SPELLING)."""
    found: set[str] = set()
    if word in ARABIZI_ONLY:
        found.add(ARABIZI_ONLY[word])
    if word in MISREAD_BY_SKELETON:
        return frozenset(found)
    found.update(_read_by_skeleton(word))
    if not found and word not in ENGLISH_WORDS and not _INDEX.find([word]):
        found.update(_BY_SPELLING.get(spelling_key(word), ()))
    return frozenset(found)


def _read_by_skeleton(word: str) -> set[str]:
    """Concepts by the skeleton of the word's readings and by the loose key."""
    found: set[str] = set()
    for spelling in alternate_spellings(word):
        found.update(_BY_SKELETON.get(qaf_skeleton(transliterate(spelling)), ()))
    bases = (word, *(word[: -len(e)] + a for e, a in _LOOSE_ENDINGS if word.endswith(e)))
    for base in bases:
        found.update(_BY_LOOSE_KEY.get(loose_key(base), ()))
    return found


# Formal MSA phrases whose words are concept terms in another sense: "with reference to"
# (a sign's اشاره), "based on" (بناء, building), a shipping container, an email address's
# "electronic". Their words are never looked up.
IDIOM_TERMS: tuple[str, ...] = (
    "بالاشاره الى", "اشاره الى", "تجدر الاشاره", "بناء على", "بناءا على", "حاويه شحن",
    "حاويات شحن", "البريد الالكتروني",
)  # fmt: skip
_IDIOMS = index_terms({"idiom": IDIOM_TERMS})


# Twenty-first category pass: words naming a report already made. With REPORT_FATE they make
# a message an enquiry after the report ("I reported the sewage a week ago, what happened to
# it?", "المجاري طافحه وبلغت عنها، وش صار على البلاغ؟"), so its problem is put second.
REPORT_WORDS: tuple[str, ...] = (
    "reported", "report=", "complaint", "ticket", "reference", "ref=", "بلاغ", "البلاغ", "بلاغي",
    "بلغت", "بلغنا", "بلغناكم", "شكوي", "الشكوي", "شكوتي", "bala3=", "balagh=", "el bala3",
    "el balagh", "bala3i=", "balaghi=", "ballaght", "ballaght", "ballaghna", "ballagna",
    "shakwa=", "shakwati=",
)  # fmt: skip
_FATE = index_terms({"fate": REPORT_FATE, "report": REPORT_WORDS})


def _asks_after_a_report(words: Sequence[str]) -> bool:
    """True when the message asks what became of a report it names."""
    return {"fate", "report"} <= {label for _, _, label in _FATE.find(words)}


def strip_idiom_words(words: list[str]) -> list[str]:
    """The words without the formal idioms of IDIOM_TERMS."""
    drop: set[int] = set()
    for start, end, _ in _IDIOMS.find(words):
        drop.update(range(start, end))
    return [w for i, w in enumerate(words) if i not in drop] if drop else words


# Landmarks (eleventh pass). A long report names the place by what stands near it: "a
# pothole in front of the school gate, beside the mosque and the sewer cover". The object
# right after one of these words is where, not what, so its concepts are told apart from
# the complaint's own (features.py gives them their own tokens, weighed by the model).
LANDMARK_WORDS = frozenset(
    {"بجانب", "جانب", "بجوار", "جوار", "قرب", "بقرب", "بالقرب", "قريب", "امام", "قدام", "مقابل",
     "خلف", "ورا", "وراء", "بمحاذاه", "محاذاه", "جنب", "يم", "مجاور", "المجاور", "المجاوره",
     "مجاوره", "المقابل", "near", "nearby", "opposite", "behind", "beside", "outside",
     "jamb", "jemb", "janb", "jnb", "giddam", "gidam", "gddam", "guddam", "jiddam", "gedam",
     "wara", "warra", "wra", "gareeb", "qareeb", "grib", "mgabil", "mgabel", "mqabil", "muqabil"}
)  # fmt: skip
_LANDMARK_PHRASES = (("next", "to"), ("in", "front", "of"), ("across", "from"), ("close", "to"))
_LANDMARK_PHRASE_FIRST = frozenset(phrase[0] for phrase in _LANDMARK_PHRASES)
# Latin words skipped before a landmark's noun, and words that end an English noun phrase.
_LATIN_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "el", "al", "il", "l"})
_PHRASE_ENDS = frozenset(
    {"there", "is", "are", "was", "were", "has", "have", "and", "or", "but", "which", "that",
     "where", "with", "for", "since", "from", "in", "on", "at", "of", "to", "it", "its"}
)  # fmt: skip


def _landmark_start(words: Sequence[str], i: int) -> int | None:
    """Index after a landmark word or phrase starting at words[i], else None."""
    word = words[i]
    if word in LANDMARK_WORDS or (word[:1] == "و" and word[1:] in LANDMARK_WORDS):
        return i + 1
    if word not in _LANDMARK_PHRASE_FIRST:
        return None  # most words: no slice of the message per phrase
    for phrase in _LANDMARK_PHRASES:
        if tuple(words[i : i + len(phrase)]) == phrase:
            return i + len(phrase)
    return None


def _landmark_span(words: Sequence[str], at: int) -> range:
    """The landmark's noun after its preposition: one noun, and the noun it is the first
    term of (بوابه المدرسه, bawwabat el madrasa, school gate)."""
    n = len(words)
    k = at
    while k < n and words[k] in _LATIN_DETERMINERS:
        k += 1
    if k >= n:
        return range(at, at)
    end = k + 1
    if end < n:
        head, nxt = words[k], words[end]
        if is_arabic(head):
            if not head.startswith("ال") and is_arabic(nxt) and nxt.startswith("ال"):
                end += 1
        elif nxt in _LATIN_DETERMINERS and nxt not in ("the", "a", "an") and end + 1 < n:
            end += 2  # Arabizi construct: "bawwabat el madrasa"
        elif nxt.isalpha() and nxt.isascii() and nxt not in _PHRASE_ENDS:
            end += 1  # English compound: "school gate", "bus stop"
    return range(k, end)


# Twelfth pass (category): what a message denies, and which of two problems it puts first.
# A denied object ("not sewage, just rainwater", "مو مجاري", "mob el ba3oo9", "the street
# light is fine", "الحاويه زينه") is not the complaint. Only objects are denied: "not
# collected", "مب شغال" are the complaint's own words, and "no light", "ما فيه اناره", "not a
# single light" say the object is missing, so "no", "ما" and those heads do not deny.
NEGATORS = frozenset(
    {"not", "مو", "مب", "موب", "مش", "ليس", "ليست", "ليسوا", "mob", "mub", "moob", "mu", "mo",
     "mish", "mesh", "mush", "laisa", "laysa"}
)  # fmt: skip
_NEGATED_AUX = frozenset({"isn", "aren", "wasn", "weren"})  # "isn't" arrives as "isn t"
_NOT_DENIED_HEADS = frozenset(
    {"one", "single", "any", "even", "every", "all", "much", "many", "enough", "only", "just",
     "yet", "far", "since", "for", "from", "in", "on", "at", "near", "sure", "هناك", "فيه", "في",
     "به", "بها", "فيها", "لدينا", "عندنا", "من", "fi", "fee", "fih", "feeh", "feeha", "3indna",
     "min", "mawjood"}
)  # fmt: skip
_SPAN_ENDS = _PHRASE_ENDS | frozenset(
    {"just", "only", "but", "it", "this", "bas", "lakin", "bal", "hatha", "hathi", "hadha", "بس",
     "لكن", "بل", "انما", "هذا", "هذي", "هذه", "هاذي", "w", "wa"}
)  # fmt: skip
# "X is fine", "العمود زين", "el 7awya zaina": the object right before says it is not the problem.
_FINE = frozenset({"fine", "ok", "okay", "زين", "زينه", "سليم", "سليمه", "zain", "zein", "zeen",
                   "zaina", "zeina", "zena"})  # fmt: skip
_COPULAS = frozenset({"is", "are", "was", "were", "seems", "seem"})
# Objects, as against states of one ("collected", "dark", "smell") or kinds of message.
STATE_CONCEPTS = frozenset(
    {"collect", "resolved", "dark", "abandoned", "lasting", "smell", "danger_structure", "noise",
     "night", "question", "admin", "thanks", "suggest", "service", "hygiene", "violation"}
)  # fmt: skip


def _denied_span(words: Sequence[str], at: int) -> range:
    """Up to two words after a negator (determiners skipped), ended by a conjunction."""
    n = len(words)
    while at < n and words[at] in _LATIN_DETERMINERS:
        at += 1
    if at >= n or words[at] in _NOT_DENIED_HEADS:
        return range(at, at)
    end = at + 1
    if end < n and words[end] not in _SPAN_ENDS and words[end] not in NEGATORS:
        end += words[end][0] != "و"  # "مب شغال والشارع...": the next clause
    return range(at, end)


def _fine_span(words: Sequence[str], i: int) -> range:
    """The object before "is fine" (two words) or before a bare "زين"/"zaina" (one)."""
    end = i
    if end and words[end - 1] in _COPULAS:
        end -= 1
        start = max(0, end - 2)
    else:
        start = max(0, end - 1)
    while start < end and words[start] in _SPAN_ENDS:
        start += 1
    return range(start, end)


def denied_positions(words: Sequence[str]) -> set[int]:
    """Indexes of the words naming an object the message says is not its problem."""
    out: set[int] = set()
    for i, word in enumerate(words):
        if word in NEGATORS:
            span = _denied_span(words, i + 1)
        elif word in _NEGATED_AUX and i + 1 < len(words) and words[i + 1] == "t":
            span = _denied_span(words, i + 2)
        elif word in _FINE and i:
            span = _fine_span(words, i)
        else:
            continue
        if span and any(c not in STATE_CONCEPTS for c in concepts([words[k] for k in span])):
            out.update(span)
    return out


# A message with two problems says which one it is about: "the rubbish is bad too, but the
# main problem is the sewage", "المشكله الكبيره الكلاب", "bas el mushkila el klaab".
_FOCUS_WORDS = frozenset({"mainly", "المشكله", "والمشكله", "الاهم", "mushkila", "mushkilah",
                          "mushkla", "moshkila", "mushkilatna", "ahamm"})  # fmt: skip
_FOCUS_PHRASES = (
    ("main", "thing"), ("main", "problem"), ("main", "issue"), ("problem", "is"),
    ("issue", "is"), ("real", "problem"), ("what", "really"), ("bigger", "problem"),
    ("biggest", "problem"), ("اهم", "شي"),
)  # fmt: skip
_FOCUS_FIRST = frozenset(first for first, _ in _FOCUS_PHRASES)


def _focus_at(words: Sequence[str]) -> int | None:
    """Index of the first cue naming the main problem, or None."""
    for i, word in enumerate(words):
        if word in _FOCUS_WORDS and i:
            return i
        if word in _FOCUS_FIRST and i and tuple(words[i : i + 2]) in _FOCUS_PHRASES:
            return i
    return None


# Thanks for a problem still there is sarcasm ("thank you for the lovely potholes, please
# fix them", "shukran 3ala el zibala elli ba3adha"): the thanks is not what the message is.
_PENDING_WORDS = frozenset(
    {"still", "للحين", "لازال", "مازال", "لازالت", "مازالت", "لسه", "ba3adha", "ba3adhum",
     "ba3adhom", "lil7een", "lel7een", "mazal", "lissa", "lessa"}
)  # fmt: skip
_PENDING_PHRASES = (("please", "fix"), ("fix", "it"), ("until", "now"), ("till", "now"),
                    ("لا", "يزال"), ("لا", "تزال"), ("ما", "زال"), ("لين", "الحين"),
                    ("حتى", "الان"), ("الى", "الان"), ("ma", "zal"), ("صار", "له"),
                    ("صار", "لها"), ("صار", "لنا"), ("sar", "lah"), ("sar", "laha"),
                    ("sar", "lana"), ("sar", "lha"), ("sarat", "laha"))  # fmt: skip
_PENDING_FIRST = frozenset(first for first, _ in _PENDING_PHRASES)


# Fourteenth pass: a problem that has lasted is still there too. "the lamp has been dead for
# three months", "الليت له شهرين طافي", "طافي من اسبوع", "min shahrain": a word that opens a
# duration (for, since, من, منذ, له, min, lah) with a unit of time within the next three words.
_LASTING_OPENERS = frozenset(
    {"for", "since", "من", "منذ", "له", "لها", "لهم", "لنا", "min", "mn", "lah", "laha", "lha",
     "lana", "mundh", "munth"}
)  # fmt: skip
TIME_UNITS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "ages", "يوم", "يومين",
     "ايام", "اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "شهور", "اشهر", "سنه", "سنتين",
     "سنين", "سنوات", "yom", "youm", "yoom", "yomain", "yomein", "ayyam", "ayam", "usboo3",
     "usbu3", "esboo3", "usboo3ain", "asabee3", "shahr", "shahar", "shahrain",
     "shahrein", "shuhoor", "shhoor", "sana", "sanatain", "sanateen", "sneen", "sinin"}
)  # fmt: skip


# "it was there for a year" (كانت واقفه من سنه, kaanat min sana) lasted and ended: a past
# copula up to four words before the duration says so.
_PAST_COPULAS = frozenset(
    {"was", "were", "had", "كان", "كانت", "كانوا", "كنا", "kaan", "kan", "kaanat", "kanat",
     "kaanaw", "kano", "kaano"}
)  # fmt: skip


# Sixteenth pass: a count of periods says how long too ("the third week and no collection",
# "ثالث اسبوع", "الاسبوع الثالث", "thaalith usboo3"), and so does "since" a named time ("dead
# since Ramadan", "من العيد", "min el 3eed"). Arabic words are compared without clitics. Not
# "second": "ثاني يوم", "thaani yom", "the second day" is the next day, a quick fix thanked for.
_ORDINALS = frozenset(
    {"third", "fourth", "fifth", "sixth", "3rd", "4th", "5th", "6th", "ثالث", "رابع", "خامس",
     "سادس", "ثالثه", "رابعه", "خامسه", "thalith", "thaalith", "thalth", "talit", "taalit",
     "rabi3", "raabi3", "5amis", "khamis", "5aamis"}
)  # fmt: skip
_SINCE = frozenset({"since", "منذ", "من", "min", "mn", "mundh", "munth"})
_NAMED_TIMES = frozenset(
    {"ramadan", "ramadhan", "ramzan", "eid", "3eed", "3ed", "winter", "summer", "christmas",
     "رمضان", "عيد", "الشتا", "شتا", "الصيف", "صيف", "الخريف", "khareef", "sheta", "9ayf",
     "saif", "shita"}
)  # fmt: skip


def _is_any(word: str, names: frozenset[str]) -> bool:
    """True when the word, or the word without its clitics, is one of `names`."""
    return word in names or not names.isdisjoint(variants(word))


def _counted_or_named(words: Sequence[str], i: int) -> bool:
    """True when words[i] counts a period with an ordinal or opens "since" a named time."""
    after = [w for w in words[i + 1 : i + 3] if w not in _LATIN_DETERMINERS][:1]
    if not after:
        return False
    word, nxt = words[i], after[0]
    if word in _SINCE:
        return _is_any(nxt, _NAMED_TIMES)
    return (_is_any(word, _ORDINALS) and _is_any(nxt, TIME_UNITS)) or (
        _is_any(word, TIME_UNITS) and _is_any(nxt, _ORDINALS)
    )


def _lasting(words: Sequence[str], i: int) -> bool:
    """True when words[i] opens a duration still running: a unit of time follows within
    three words, or a period counted or named (_counted_or_named), and no past copula comes
    within four words before."""
    return (
        (words[i] in _LASTING_OPENERS and any(w in TIME_UNITS for w in words[i + 1 : i + 4]))
        or _counted_or_named(words, i)
    ) and _PAST_COPULAS.isdisjoint(words[max(0, i - 4) : i])


# Fourteenth pass: a problem back again ("thanks for fixing the road... broken again", "وبعد
# اسبوع رجعت الحفر", "rij3at el 7ufar") is still there even though a fix is named.
_RECURRING = frozenset(
    {"again", "رجعت", "رجع", "عادت", "عاد", "rij3at", "rija3", "raja3at", "3aadat", "3aad"}
)  # fmt: skip


def _recurs(words: Sequence[str]) -> bool:
    """True when the message says its problem came back."""
    return not _RECURRING.isdisjoint(words)


def _still_pending(words: Sequence[str]) -> bool:
    """True when the message says its problem is still there, or has lasted some time."""
    for i, word in enumerate(words):
        if word in _PENDING_WORDS or _lasting(words, i):
            return True
        if word in _PENDING_FIRST and tuple(words[i : i + 2]) in _PENDING_PHRASES:
            return True
    return False


# Fourteenth pass: thanks for a problem fixed names the problem it thanks for ("the drain
# cover was replaced, thank you", "غطا المنهول بدلوه اليوم، مشكورين", "9alla7ooha el yom,
# mashkoorin"); the problem is history, so its concepts are put second and the thanks is what
# the message is. Not when the fix is asked for ("please get it fixed", "نبيهم يصلحوه"), when
# something follows the fix ("but", "another", "again", بس، ثاني) or the problem is still there.
_ASKING = frozenset(
    {"please", "pls", "plz", "could", "can", "need", "needs", "to", "get", "have", "be", "want",
     "should", "must", "يرجى", "نرجو", "ارجو", "نبي", "نبا", "ابي", "ابغى", "لازم", "ياريت",
     "yaret", "nabi", "naba", "abi", "abgha", "lazim"}
)  # fmt: skip
_AFTER_THE_FIX = frozenset(
    {"but", "though", "however", "another", "again", "بس", "لكن", "ولكن", "الا", "ثاني",
     "ثانيه", "مره", "bas", "lakin", "bs", "thani", "thanya", "marra"}
)  # fmt: skip


def _thanks_for_a_fix(words: Sequence[str], main: dict[str, int]) -> bool:
    """True when the message thanks for a fix and names nothing left to do."""
    if "thanks" not in main or "resolved" not in main or _still_pending(words):
        return False
    at = main["resolved"]
    return _ASKING.isdisjoint(words[max(0, at - 5) : at]) and _AFTER_THE_FIX.isdisjoint(
        words[at + 1 :]
    )


def _arabizi_words(words: list[str]) -> list[tuple[int, str]]:
    """The Latin words read as Arabizi, with their indexes: all of a message that looks
    Arabizi, else only words that are Arabizi by themselves; never bare numbers."""
    arabizi = looks_arabizi(words)
    return [
        (i, w)
        for i, w in enumerate(words)
        if w.isascii() and (arabizi or is_arabizi_token(w)) and not w.isdigit()
    ]


# Fifteenth category pass: a word whose concept depends on the word it goes with. A column
# (عمود، 3amood) of a house or a building is a pillar, not a lamp post; a sign (لوحه، lo7a)
# of a pharmacy or a shop is the shop's, not a road sign; "park" right after its subject ("a
# car parks by the houses", "they park on the pavement") is the verb, not a garden. The word
# that decides is the head's next word (after "of", "the", حق, مال, 7ag, el) or its previous
# one (after "'s", "the"): "العمود حق البيت", "lo7at el 9aydaliya", "the pharmacy sign";
# "the stop sign near the shop" keeps its sign; "أعمال الحفر" is digging, not potholes. Arabic words are compared normalised, without
# clitics.
_LINKERS = frozenset(
    {"of", "the", "a", "an", "s", "on", "حق", "حقت", "مال", "مالت", "el", "al", "il", "l", "7ag",
     "7ug", "7agg", "hag", "mal", "maal", "7agat", "7aggat"}
)  # fmt: skip
_BUILDING_WORDS = frozenset(
    map(
        normalize_arabic,
        {"بيت", "البيت", "بيتنا", "المبنى", "مبنى", "العماره", "عماره", "البنايه", "بنايه", "الفيلا",
         "فيلا", "المنزل", "منزل", "الشقه", "الكراج", "السقف", "الخرساني", "خرساني", "خرسانه",
         "الخرسانه", "البلكونه", "المظله", "المسجد", "المدرسه", "bait", "bayt", "beit", "bet",
         "baitna", "3imara", "3amara", "3imarah", "binaya", "bnaya", "mabna", "villa", "flat", "sagf",
         "sa8f", "saqf", "kharasani", "building", "house", "garage", "carport", "balcony", "roof",
         "concrete"},
    )
)  # fmt: skip
_SHOP_WORDS = frozenset(
    map(
        normalize_arabic,
        {"محل", "المحل", "محلات", "المحلات", "صيدليه", "الصيدليه", "صالون", "الصالون", "مطعم",
         "المطعم", "مقهى", "المقهى", "كافتيريا", "الكافتيريا", "بقاله", "البقاله", "سوبرماركت", "مول",
         "المول", "معرض", "المعرض", "ma7al", "ma7allat", "dukkan", "9aydaliya", "9aydaliyya",
         "saydaliya", "saidaliya", "9aidaliya", "mat3am", "shop", "store", "pharmacy", "salon",
         "restaurant", "cafe", "supermarket", "mall", "showroom", "clinic", "gym", "hotel", "عياده",
         "العياده", "فندق", "الفندق"},
    )
)  # fmt: skip
_SUBJECT_WORDS = frozenset(
    {"car", "cars", "truck", "trucks", "van", "vans", "bus", "buses", "taxi", "taxis", "lorry",
     "lorries", "vehicle", "vehicles", "they", "we", "i", "he", "she", "you", "people", "who",
     "someone", "somebody", "nobody", "everyone", "to", "always", "still", "also", "usually",
     "often", "never", "t", "cannot", "workers", "visitors", "customers", "neighbour",
     "neighbor", "neighbours", "neighbors", "guests"}
)  # fmt: skip


@dataclass(frozen=True)
class _Sense:
    """A concept a word loses (to `becomes`, or to none) when the word it goes with is a cue."""

    concept: str
    heads: frozenset[str]
    next_cues: frozenset[str]
    previous_cues: frozenset[str]
    becomes: str | None
    next_shape: re.Pattern[str] | None = None  # a cue by its form rather than listed


# Words before a place ("fil hoosh", "in our hoosh"): "hoosh" there is a courtyard (حوش).
_IN_A_PLACE = frozenset(
    {"fil", "fi", "fe", "bil", "b", "min", "mn", "3ala", "ila", "lil", "in", "into", "inside",
     "our", "my", "his", "their"}
)  # fmt: skip


# A verb said to the municipality or of it, in the plural ("تحطون", "يزرعون", "tzeedoon"):
# after Gulf ليت ("lait") it makes the word a wish, not a light (twentieth category pass).
_ASKED_VERB = re.compile(r"^(?:[تين]\S{2,}(?:ون|وا)|[tyn][a-z0-9]{2,}(?:oon|oun|un|on|o))$")


_SENSES = (
    _Sense(
        "light",
        frozenset({"عمود", "العمود", "عواميد", "3amood", "3mood", "3amud", "3emood", "amood"}),
        _BUILDING_WORDS,
        frozenset(),
        "structure_part",
    ),
    _Sense(
        "sign",
        frozenset(
            {
                "لوحه",
                "لوحات",
                "لافته",
                "لافتات",
                "يافطه",
                "sign",
                "signs",
                "signboard",
                "lo7a",
                "lo7at",
                "lou7a",
                "lou7at",
                "lawha",
                "loha",
                "yafta",
            }
        ),
        _SHOP_WORDS,
        _SHOP_WORDS,
        "shop",
    ),  # fmt: skip
    _Sense("park", frozenset({"park", "parks"}), frozenset(), _SUBJECT_WORDS, None),
    # an electricity feeder pillar is a cabinet of wires, not a building's pillar
    _Sense(
        "structure_part",
        frozenset({"pillar", "pillars"}),
        frozenset(),
        frozenset({"feeder", "electric", "electricity", "electrical", "power", "distribution"}),
        "wires",
    ),
    # seventeenth category pass: "cat's eyes" on a road are its reflectors, not cats
    _Sense(
        "animal",
        frozenset({"cat", "cats"}),
        frozenset({"eye", "eyes"}),
        frozenset(),
        "sign",
    ),
    # twentieth category pass: "traffic light(s)" is a signal, not a street light ("the
    # traffic light at the roundabout طافية" read as a street light out)
    _Sense("light", frozenset({"light", "lights"}), frozenset(), frozenset({"traffic"}), "sign"),
    # twentieth category pass: Gulf ليت, "lait" before a plural verb is a wish ("ليت تزيدون
    # الظل", "lait t7i6oon ma6allat"), a suggestion, not a light
    _Sense(
        "light",
        frozenset({"ليت", "lait", "layt", "leit"}),
        frozenset({"لو", "law", "lo"}),
        frozenset(),
        "suggest",
        _ASKED_VERB,
    ),
    # twenty-first category pass: "hoosh" is livestock (هوش) but a courtyard (حوش) in a place
    # ("fil hoosh", "in our hoosh") or of a house ("hoosh el bait")
    _Sense(
        "animal",
        frozenset({"hoosh"}),
        _BUILDING_WORDS,
        _IN_A_PLACE,
        None,
    ),  # fmt: skip
    # "أعمال الحفر", "نواتج الحفر": digging, not potholes
    _Sense(
        "pothole",
        frozenset({"حفر", "الحفر"}),
        frozenset(),
        frozenset({"اعمال", "نواتج", "مخلفات", "عمليات"}),
        "roadworks",
    ),
)
_SENSE_HEADS = frozenset(head for sense in _SENSES for head in sense.heads)


def _neighbour(words: Sequence[str], at: int, step: int) -> set[str]:
    """The word next to words[at] in one direction, linkers skipped, with its variants."""
    k = at + step
    while 0 <= k < len(words) and words[k] in _LINKERS:
        k += step
    return set(variants(words[k])) if 0 <= k < len(words) else set()


def resense(words: Sequence[str]) -> tuple[list[str], dict[str, int]]:
    """The words without those a neighbour gives another sense (_SENSES), and the concepts
    they stand for instead: no view then reads "the pharmacy sign" as a road sign or
    "العمود حق البيت" as a lamp post."""
    if _SENSE_HEADS.isdisjoint(w for word in words for w in variants(word)):
        return list(words), {}
    kept: list[str] = []
    gained: dict[str, int] = {}  # concept -> where its word was, in the kept words
    for i, word in enumerate(words):
        sense = _sense_of(words, i)
        if sense is None:
            kept.append(word)
        elif sense.becomes:
            gained[sense.becomes] = len(kept)
    return kept, gained


def _sense_of(words: Sequence[str], at: int) -> _Sense | None:
    """The sense words[at] takes from its neighbour, or None when it keeps its own."""
    forms = set(variants(words[at]))
    for sense in _SENSES:
        if forms.isdisjoint(sense.heads) or sense.concept not in concepts_of_word(words[at]):
            continue
        following = _neighbour(words, at, 1)
        if not (
            sense.next_cues.isdisjoint(following)
            and sense.previous_cues.isdisjoint(_neighbour(words, at, -1))
        ):
            return sense
        if sense.next_shape is not None and any(map(sense.next_shape.match, following)):
            return sense
    return None


def concepts_of_word(word: str) -> set[str]:
    """The concepts one word names by itself (its terms, or its Arabizi reading)."""
    found = {label for _, _, label in _INDEX.find([word])}
    if word.isascii() and not word.isdigit():
        found.update(_arabizi_concepts(word))
    return found


def _roles(words: list[str]) -> tuple[set[str], set[str], set[str], list[str]]:
    """Concepts of the subject, of landmarks, and of the problems a message puts second, and
    the words without those read in another sense (resense)."""
    said, gained = resense(words)
    words = strip_idiom_words(said)
    landmark: set[int] = set()
    for i in range(len(words)):
        start = _landmark_start(words, i)
        if start is not None:
            landmark.update(_landmark_span(words, start))
    focus = _focus_at(words)
    main: dict[str, int] = dict(gained)  # concept -> the last index it is named at
    near: set[str] = set()
    for start, end, label in _INDEX.find(words):
        if start in landmark and end - 1 in landmark:
            near.add(label)
        else:
            main[label] = max(main.get(label, -1), start)
    for i, word in _arabizi_words(words):
        for label in _arabizi_concepts(word):
            if i in landmark:
                near.add(label)
            else:
                main[label] = max(main.get(label, -1), i)
    second: set[str] = set()
    if focus is not None and any(at >= focus and c not in STATE_CONCEPTS for c, at in main.items()):
        second = {c for c, at in main.items() if at < focus}
    if _asks_after_a_report(words):
        second.update(c for c in main if c not in STATE_CONCEPTS)
    if "thanks" in main and (_recurs(words) or ("resolved" not in main and _still_pending(words))):
        second.add("thanks")
    elif _thanks_for_a_fix(words, main):
        second.update(c for c in main if c not in ("thanks", "resolved"))
    return set(main) - second, near - set(main), second, said


def _without_concept(words: list[str], name: str) -> list[str]:
    """The words without those naming the concept (its terms, and Arabizi words reaching it)."""
    drop = {
        k for start, end, label in _INDEX.find(words) if label == name for k in range(start, end)
    }
    drop.update(i for i, word in _arabizi_words(words) if name in _arabizi_concepts(word))
    return [w for i, w in enumerate(words) if i not in drop]


def concept_roles(words: list[str]) -> tuple[list[str], list[str]]:
    """Concepts of the message's own subject, and those named only as landmarks (after
    "next to", "بجوار", "jamb"...), each sorted."""
    main, near, second, _ = _roles(words)
    return sorted(main | second), sorted(near)


def concepts(words: list[str]) -> list[str]:
    """Sorted concept names whose terms occur in the normalised words (any language form)."""
    main, near, second, _ = _roles(words)
    return sorted(main | near | second)


def concept_view(words: list[str]) -> tuple[list[str], list[str]]:
    """The concept tokens of a message and the words its other views read.

    Tokens: the subject's concepts by name, a landmark's as "@name", those of a problem the
    message puts second (before "the main problem is", "المشكله", "el mushkila") or of thanks
    for a problem still there ("thanks for the potholes, still waiting") as "~name", and
    those a message denies ("not sewage, just rainwater", "مو مجاري", "the light is fine")
    as "!name". Denied words are left out of the words returned, so no view reads them as
    the complaint; so are the words of thanks put second ("مشكورين والله، الليت له شهرين
    طافي" reads as a light out, not as thanks: fourteenth pass), and a word its neighbour
    reads in another sense ("the pharmacy sign", "العمود حق البيت", "a car parks": resense,
    fifteenth pass), whose concept is then the one it takes (shop, structure_part, none)."""
    denied_at = denied_positions(words)
    said = [w for i, w in enumerate(words) if i not in denied_at] if denied_at else words
    main, near, second, said = _roles(said)
    if "thanks" in second:  # sarcastic or put second: no view reads the thanks as the message
        said = _without_concept(said, "thanks")
    tokens = [*sorted(main), *(f"@{c}" for c in sorted(near)), *(f"~{c}" for c in sorted(second))]
    if denied_at:
        denied = concepts([words[i] for i in sorted(denied_at)])
        tokens += [f"!{c}" for c in denied if c not in main]
    return tokens, said


def concept_tokens(normalised: str) -> str:
    """Space-separated concept tokens (e.g. 'zc_pothole zc_night') found in normalised text."""
    return " ".join(f"zc_{name}" for name in concepts(normalised.split()))


# Place names and address words say where, never what: left in, they let a few examples
# from one neighbourhood pull unrelated complaints towards their category.
PLACE_TERMS: tuple[str, ...] = (
    "بوشر", "السيب", "الخوض", "روي", "القرم", "مطرح", "العامرات", "الحيل", "الموالح", "المعبيله",
    "العذيبه", "الخوير", "الغبره", "الوادي الكبير", "وادي عدي", "دارسيت", "مدينه السلطان قابوس",
    "غلا", "المصفاه", "قنتب", "الشماليه", "الجنوبيه", "سكه", "السكه رقم", "bawshar", "bousher",
    "seeb", "khoudh", "5od=", "5oud", "5oudh", "ruwi", "qurum", "muttrah", "mutrah", "amerat",
    "7ail", "hail", "mawaleh", "ma3bela", "maabilah", "mabela", "azaiba", "3'ubra", "khuwair",
    "5uwair", "ghubrah", "darsait", "misfah", "qantab", "wadi kabir", "wadi adai", "madinat",
    "sultan qaboos", "al=", "el=", "way=", "sikka", "sikkat", "block=", "north=", "south=",
    *(f"{name}=" for name in PLACE_NAMES),
)  # fmt: skip
_PLACES = index_terms({"place": PLACE_TERMS})


def strip_place_words(words: list[str]) -> list[str]:
    """The words without place names and address words."""
    drop: set[int] = set()
    for start, end, _ in _PLACES.find(words):
        drop.update(range(start, end))
    return [w for i, w in enumerate(words) if i not in drop] if drop else words


def strip_places(normalised: str) -> str:
    """Remove place names and address words from normalised text."""
    return " ".join(strip_place_words(normalised.split()))


_BY_LOOSE_KEY = _loose_index()
_BY_SPELLING = _spelling_index()
