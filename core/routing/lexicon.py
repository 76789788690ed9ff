"""A small cross-language concept lexicon for municipal complaints.

The labelled data is thin per language form (a few examples per category each for English,
MSA, Gulf, Arabizi and mixed), so n-grams learned in one form rarely help another. Mapping
everyday words of every form (حفره, pothole, 7ufra) to one concept token lets the model share
what it learns across forms. Terms are general vocabulary, never phrases from the corpus.
"""

from __future__ import annotations

from core.routing.terms import compile_terms

# fmt: off
CONCEPTS: dict[str, tuple[str, ...]] = {
    "pothole": ("حفر", "حفره", "نقره", "pothole", "hole in the road", "7ufr", "7ofr", "7ufra",
                "7ofra"),
    "asphalt": ("اسفلت", "زفت", "طبقه الطريق", "هبوط", "تشقق الطريق", "asphalt", "tarmac",
                "road surface", "sinking", "isfilt", "zift"),
    "pavement": ("رصيف", "ارصفه", "بلاط", "انترلوك", "pavement", "sidewalk", "footpath", "kerb",
                 "curb", "tiles", "rasif", "ra9ee", "bla6"),
    "light": ("اناره", "انوار", "ليت", "لمبه", "مصباح", "مصابيح", "عمود الاناره", "عمود النور",
              "street light", "streetlight", "lamp", "light", "lights", "lighting", "enara",
              "lait", "lamba", "ly6", "3mood el"),
    "dark": ("ظلام", "مظلم", "مطفي", "طافي", "طافيه", "ما تشتغل", "dark", "unlit", "not working",
             "flicker", "off at night", "6afy", "6afya", "6'alam", "dalam"),
    "sign": ("لوحه", "لوحات", "اشاره", "اشارات", "لافته ارشاديه", "sign", "signs", "signboard",
             "stop sign", "road marking", "zebra", "crossing", "lo7a", "lo7at", "ishara"),
    "bump": ("مطب", "مطبات", "تخفيف السرعه", "speed bump", "speed hump", "speeding", "matab",
             "mataab", "ma6ab", "b sor3a", "bsor3a"),
    "garbage": ("زباله", "قمامه", "نفايات", "اكياس", "garbage", "rubbish", "trash", "waste bin",
                "bin", "bins", "zbala", "zibala", "qmama", "akyas"),
    "container": ("حاويه", "حاويات", "برميل", "container", "skip", "dumpster", "7awya", "7awiya",
                  "barmeel"),
    "collect": ("ما جمعوا", "لم تجمع", "تفريغ", "يفضي", "شاحنه النفايات", "سياره الزباله",
                "collected", "collection", "pick up", "emptied", "overflowing bin", "t7allat",
                "ma sheloha"),
    "dumping": ("رمي", "مرمي", "مرميه", "يكبون", "كب", "مكبوب", "مخلفات", "انقاض", "ردم",
                "dumped", "dumping", "debris", "rubble", "fly tipping", "tyres", "ykbon", "kab=",
                "mu5alafat", "mkbooba"),
    "vehicle": ("سياره", "سيارات", "مركبه", "باص", "بيك اب", "car", "vehicle", "truck", "bus",
                "sayara", "sayyara", "pick up", "pickup"),
    "abandoned": ("مهمل", "مهمله", "متروكه", "خربان", "خربانه", "واقفه من", "ما تحركت", "غبار",
                  "abandoned", "left for", "dusty", "flat tyres", "mhmal", "5arban", "3'bar"),
    "sewage": ("مجاري", "صرف صحي", "الصرف", "طفح", "تطفح", "طافحه", "بيارة", "خزان صرف", "sewage",
               "sewer", "septic", "majari", "t6f7", "6af7", "y6af7"),
    "manhole": ("منهول", "غرفه تفتيش", "بالوعه", "بلاليع", "غطا", "غطاء", "manhole",
                "drain cover", "manhool", "balo3a"),
    "smell": ("ريحه", "رائحه", "روايح", "كريهه", "smell", "stink", "odour", "odor", "ray7a"),
    "rain": ("مطر", "امطار", "الامطار", "سيول", "وادي", "rain", "storm", "flood", "m6ar", "mu6ar"),
    "pooling": ("تجمع", "متجمعه", "واقف", "راكده", "بحيره", "غرق", "الماي", "مياه", "pooling",
                "standing water", "puddle", "under water", "waterlogged", "mai=", "wagif", "wagfa"),
    "drain": ("تصريف", "مصرف", "مصارف", "شبكه التصريف", "فتحات التصريف", "drain", "drains",
              "gully", "culvert", "msdood"),
    "food": ("مطعم", "مطاعم", "اكل", "غذا", "اغذيه", "مقهى", "كافتيريا", "مخبز", "ملحمه", "سمك",
             "لحم", "بقاله", "restaurant", "food", "cafeteria", "bakery", "kitchen", "meat",
             "fish", "grocery", "ma63am", "mat3am", "akl", "baqala", "9aloon"),
    "hygiene": ("منتهي", "منتهيه", "الصلاحيه", "فاسد", "متعفن", "وسخ", "قذر", "صراصير بالمطبخ",
                "تسمم", "expired", "rotten", "spoiled", "dirty kitchen", "hygiene", "poisoning",
                "unhygienic", "montahi", "fased", "wasi5"),
    "rodent": ("فيران", "فئران", "جرذ", "جرذان", "قوارض", "rat", "rats", "mice", "rodent",
               "fe2ran", "firan", "jr4an"),
    "insect": ("بعوض", "ناموس", "صراصير", "حشرات", "ذباب", "نمل", "رش", "مبيد", "mosquito",
               "mosquitoes", "cockroach", "insects", "flies", "termite", "fogging", "spray",
               "ba3oodh", "ba3ood", "9ara9eer", "rash=", "dhbab"),
    "animal": ("كلاب", "كلب", "قطط", "قطاوه", "قطه", "حمير", "حمار", "جمال", "ابل", "بقر",
               "اغنام", "حيوان", "سايبه", "سائبه", "ضاله", "نافق", "نافقه", "ميت", "ميته", "dog",
               "dogs", "cat", "cats", "camel", "donkey", "goats", "stray", "animal", "carcass",
               "dead", "kilab", "klab", "qa6wa", "9a6wa", "7mar", "sayba", "mayta", "mayit",
               "jamal"),
    "construction": ("بناء", "يبني", "بنى", "ملحق", "طابق", "دور ثالث", "سور", "build", "built",
                     "building", "extension", "storey", "floor", "annex", "bina", "yabni", "6abiq"),
    "violation": ("مخالفه", "بدون ترخيص", "بدون تصريح", "تعدي", "متعدي", "ارض حكوميه",
                  "الارض العامه", "بدون رخصه", "violation", "without permit", "no permit",
                  "illegal", "encroach", "public land", "unauthorised", "unauthorized",
                  "bdoon tar5ee9", "bdoon ru5sa", "bdoon rukh9a", "ta3addi"),
    "danger_structure": ("آيل للسقوط", "تشقق", "تشققات", "متصدع", "تصدعات", "شقوق", "مائل",
                         "مايل", "ينهار", "انهيار", "يطيح", "مهجور", "crack", "cracks", "cracked",
                         "collapse", "collapsing", "leaning", "unsafe", "derelict", "crumbling",
                         "mshaqqaq", "shqooq", "mayel", "y6ee7", "mhjoor"),
    "noise": ("ازعاج", "ضوضاء", "ضجيج", "صوت", "مزعج", "دق", "طق", "noise", "noisy", "loud",
              "hammering", "drilling", "generator", "9oot", "9ouat", "iz3aj", "ez3aj"),
    "night": ("الليل", "بالليل", "ليلا", "نص الليل", "الفجر", "night", "midnight", "am every",
              "pm every", "lail", "layl"),
    "park": ("حديقه", "حدايق", "حدائق", "منتزه", "العاب الاطفال", "مرجيحه", "ممشى", "park",
             "playground", "swing", "slide", "garden", "7adeeqa", "7adiqa", "mrji7a"),
    "tree": ("شجره", "اشجار", "نخله", "نخيل", "اغصان", "تقليم", "ري", "عشب", "زرع", "tree",
             "trees", "branch", "palm", "irrigation", "grass", "pruning", "shajara", "shjar",
             "ni5la"),
    "beach": ("شاطي", "شاطئ", "بحر", "كورنيش", "دورات المياه", "دوره المياه", "حمامات", "مظلات",
              "beach", "corniche", "toilet", "toilets", "restroom", "showers", "shade", "shati2",
              "sha6i", "7mamat", "7ammamat"),
    "vendor": ("باعه", "بائع", "متجول", "بسطه", "يبيع", "يبيعون", "عربه", "vendor", "vendors",
               "hawker", "selling", "stall", "food truck", "ba3a", "ba2i3", "ybee3", "yby3"),
    "shop": ("محل", "محلات", "ترخيص المحل", "ترخيص", "رخصه تجاريه", "لوحه المحل", "shop", "store",
             "licence", "license", "signboard", "salon", "ma7al", "dukkan", "tar5ee9", "ru5sa"),
    "question": ("كيف", "كم", "هل", "وين", "متى", "ما هي", "ماهي", "استفسار", "اسال", "ابا اعرف",
                 "how", "what", "when", "where", "can i", "do i", "is there", "enquiry",
                 "inquiry", "question", "kaif", "kam=", "wain", "ween", "mata=", "hal="),
    "admin": ("رسوم", "معامله", "مستندات", "اوراق", "تصريح", "رخصه بناء", "اوقات العمل", "دوام",
              "مراجعه", "البلاغ", "رقم البلاغ", "fees", "documents", "permit", "office",
              "opening hours", "track", "reference", "portal", "fine", "fines", "rusoom", "rsoom",
              "mu3amala", "ta9ree7", "tasree7", "dawam"),
    "thanks": ("شكر", "شكرا", "مشكورين", "يعطيكم العافيه", "ما قصرتوا", "نثمن", "جزاكم", "thank",
               "thanks", "appreciate", "great job", "well done", "shukran", "mashkoreen",
               "ma 8a9artu", "ma 8a9artoo"),
    "suggest": ("اقتراح", "اقترح", "مقترح", "ياليت", "ليش ما", "suggest", "suggestion", "propose",
                "would be nice", "eqtira7", "iqtira7"),
    "fire": ("حريق", "نار", "تحترق", "يحترق", "دخان", "تولع", "fire", "burning", "flames",
             "smoke", "7areeq", "nar="),
    "wires": ("اسلاك", "سلك", "وايرات", "كيبل", "كهربا", "شرار", "wire", "wires", "cable",
              "cables", "electric", "sparking", "wayerat", "aslak", "kahraba"),
}
# fmt: on

_COMPILED = {name: compile_terms(terms) for name, terms in CONCEPTS.items()}


def concept_tokens(normalised: str) -> str:
    """Space-separated concept tokens (e.g. 'zc_pothole zc_night') found in normalised text."""
    return " ".join(f"zc_{name}" for name, pat in _COMPILED.items() if pat.search(normalised))


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
)  # fmt: skip
_PLACES = compile_terms(PLACE_TERMS)


def strip_places(normalised: str) -> str:
    """Remove place names and address words from normalised text."""
    return " ".join(_PLACES.sub(" ", normalised).split())
