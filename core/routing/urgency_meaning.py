"""Eleventh pass: urgency by meaning, concept lists for core/routing/urgency.py's rules.

Each earlier pass listed phrases for the dangers it thought of; each new writer described
danger in words no list had. These concepts are written the other way round: a rule is a
small combination of meanings that any writer needs to say a danger is happening to people
now, in every form (MSA, Gulf, English, Arabizi, mixed):

- a dangerous animal (snake, hyena) near people or now; a biting animal and "just now";
  livestock on a main road with traffic reacting; stinging insects attacking;
- fumes, smoke or a chemical smell and what it does to people (coughing, dizzy, eyes burning);
- a burst water main on a road; a rock or oil on a road with people falling or blocked;
- a barrier gone over a drop; a person locked in, stuck, surrounded by water, not moving.

A rule fires when all its concepts sit close together (urgency.WINDOW words or less), and
the usual guards still apply: a negation or a fear before the state, words that say the
danger is over, and, new here, words that say it is habitual ("sometimes", "all night",
"every time") unless the message also says it is happening now (docs/ROUTING_DATA.md,
"Eleventh pass").
"""

from __future__ import annotations

# People present, or the danger said to be happening now: who is exposed, and when. Drivers
# count by what they do (swerving, braking), not by name: "a danger to drivers" is the
# centre's calm warning about camels on a road (dev-0107).
PEOPLE_NOW = [
    "child", "children", "kid", "kids", "boy=", "girl=", "pupils", "students", "people",
    "passers", "pedestrians", "guests", "residents", "worker",
    "workers", "family", "rider", "a man", "a woman", "my son", "my daughter", "baby",
    "toddler", "elderly", "underneath", "under it", "under them", "walking under",
    "walking past", "walking along", "playing", "waiting", "right now", "just now",
    "a minute ago", "minutes ago", "still there", "at this moment", "this minute",
    "as we speak", "cars pass", "cars passing", "swerving", "braking", "brakes", "asleep",
    "sleeping",
    "طفل", "اطفال", "الطلاب", "طلاب", "الناس", "ناس=", "الماره", "السكان", "العيال", "عيال", "يهال", "اليهال", "ولد=", "ولدي", "بنت=", "بنتي", "عامل",
    "العمال", "اسره", "الاسر", "عايله", "عائله", "نايمين", "نائمين", "نائمه", "يمرون", "يمشون", "يلعبون", "يلعب",
    "الحين", "الان=", "توه", "توها", "قبل شوي", "قبل قليل", "قبل دقائق", "قبل لحظات",
    "ما زال", "لا يزال", "هذه اللحظه", "هاللحظه", "تمر تحتها", "تمر تحته", "ماره تحته",
    "يمرون تحته", "يمشون تحته",
    "يتلافون", "تتلافاها", "تتفادى", "يتفادون", "تفرمل", "يفرملون", "المكابح", "حادث",
    "تكفون", "الحقونا",
    "6ifl", "a6fal", "3yal", "3iyal", "yahal", "el nas", "6ullab", "wildi", "binti", "3amil",
    "3ayla", "ymshoon", "yil3aboon", "ymurroon", "tmurr", "el7een",
    "al7een", "tawwah", "tawwha", "gabl shway", "tfarmil", "tit7arraf", "7adith", "tkfoon",
]  # fmt: skip

# Animals dangerous by being there, near people: a snake under a slide, a hyena in a village.
WILD = [
    "snake", "snakes", "cobra", "viper", "hyena", "hyenas", "wolf=", "wolves",
    "ثعبان", "ثعابين", "افعى", "افاعي", "حنش", "حناش", "ضبع", "ضباع", "ذئب", "ذيب=",
    # not "thu3ban": its fold is that of "ta3baan" (tired)
    "7anash", "7nash", "dhi2b",
]  # fmt: skip

# "Tired" (ta3baan, تعبان) folds as "snake" (ثعبان): that word is never the animal.
TIRED = ["ta3baan", "ta3ban", "ta3baneen", "ta3banin", "ta3bana", "ta3baana", "t3baan",
         "t3ban", "t3baneen", "تعبان", "تعبانين", "تعبانه"]  # fmt: skip

# Livestock, which are dangerous on a fast or main road (not in a farm or by a track).
LIVESTOCK = [
    "camel", "camels", "cow=", "cows=", "cattle", "goats", "donkey", "donkeys", "bull=", "bulls=",
    "sheep", "horse", "horses", "livestock",
    "جمل=", "جمال", "الجمال", "بعير", "ابل=", "الابل", "بقر", "ابقار", "الابقار", "ثور=",
    "غنم", "ماعز", "حمار", "حمير", "خيل=", "بوش", "البوش",
    "jamal", "jmal", "jmaal", "b3eer", "bagar", "baqar", "thor=", "ghanam", "7imar", "7meer",
    "bosh=", "boosh=",
]  # fmt: skip
# A main road, a ring road, the middle of a road: where an animal meets fast traffic.
MAIN_ROAD = [
    "main road", "main street", "ring road", "highway", "expressway", "dual carriageway",
    "motorway", "bypass", "middle of the road", "in the road", "all over the road",
    "الشارع العام", "الطريق العام", "الطريق الرئيسي", "الشارع الرئيسي", "الدائري",
    "الطريق الدائري", "وسط الشارع", "وسط الطريق", "نص الشارع", "نص الطريق",
    "el share3 el 3am", "el shari3 el 3am", "el 6areeq el ra2eesi", "6areeq ra2eesi",
    "el 6areeq el 3am", "el dayri", "dayri=", "nu9 el share3", "wasa6 el share3",
]  # fmt: skip

# Livestock charging at people: a loose bull or camel, not dogs that chase children (the
# shipped labels call strays chasing children calm).
CHARGING = [
    "charging", "charging at", "يطارد", "يطاردون", "يلحق الناس", "يلحق الماره", "ينطح", "نطح",
    "yil7ag el nas", "yl7ag el nas", "ynati7", "yinta7",
]  # fmt: skip

# An animal's bite, said as a past event: danger now only with "just now" or "still there".
BITE = [
    "bit my", "bit a", "bit the", "bit our", "bit his", "bit her", "bit him", "bit me",
    "bit two", "bit one", "just bit", "has bitten", "got bitten", "was bitten", "attacked",
    "mauled", "jumped on", "هاجمت", "hajam", "hajamat",
    "عض=", "عضت=", "عضني", "عضتني", "عضه=", "عضها=", "عضهم",
    "3a9=", "3a99=", "3a9at", "3a99at", "3addah",
]  # fmt: skip
# "بعض" (some) is "عض" (bit) behind the clitic ب: that word is never the bite.
SOME = ["بعض=", "بعضه=", "وبعض=", "لبعض=", "بعضها=", "بعضهم="]
RECENT = [
    "just now", "a minute ago", "minutes ago", "right now", "still there", "still at",
    "still in", "still here", "is still", "now=", "توه", "توها", "قبل شوي", "قبل قليل",
    "قبل دقائق", "قبل لحظات", "ما زال", "لا يزال", "الحين", "الان=", "tawwah", "tawwha",
    "gabl shway", "el7een", "al7een", "ba3dah", "ba3deh",
]  # fmt: skip

# Places full of children: a snake or hyena there is near people even when none is named.
CROWDED = [
    "school=", "schoolyard", "school yard", "nursery", "kindergarten", "playground",
    "classroom", "break time", "during break", "مدرسه", "المدرسه", "روضه", "الروضه", "حضانه",
    "ملعب", "الفسحه", "الاستراحه", "madrasa", "el madrasa", "rawdha", "mal3ab", "fus7a",
]  # fmt: skip
# A pit or trench said to be deep (with people by it: a rule that fears cancel).
DEEP = [
    "deep=", "metres deep", "meters deep", "very deep", "عميقه", "عميق", "عميقة", "3ameeg",
    "3ameega", "3ameeqa", "3ameeq",
]  # fmt: skip

# Fumes, smoke or a chemical smell, and what it does to the people breathing it.
FUMES = [
    "smell", "smells", "fumes", "smoke", "chemical", "chemicals", "chlorine", "ammonia",
    "odour", "odor", "vapour", "gas=",
    "ريحه", "رائحه", "روائح", "دخان", "ابخره", "غاز", "كيماوي", "كيماويه", "كيماويات",
    "كلور", "امونيا",
    "ri7a", "ri7at", "ray7a", "ray7at", "dokhan", "do5an", "du5an", "kimawi", "kimawiyat",
    "klor=",
]  # fmt: skip
SYMPTOM = [
    "coughing", "choking", "can t breathe", "cant breathe", "cannot breathe", "dizzy",
    "dizziness", "fainted", "fainting", "passed out", "vomiting", "threw up", "throwing up",
    "eyes burn", "eyes burning", "burning our eyes", "burning my eyes", "making my eyes",
    "suffocating", "short of breath",
    "يكحون", "يسعلون", "سعال", "كحه", "اختناق", "بالاختناق", "يختنق", "يختنقون", "خانقه",
    "بالدوار", "دوخه", "مغمى", "اغمي", "يستفرغ", "استفراغ", "تحرق العيون",
    "يحرق العيون", "تحرق عيوننا", "ضيق تنفس", "ضيق في التنفس", "ما نقدر نتنفس",
    "yik7oon", "ykhtinig", "ikhtinag",
    "t7rig el 3yoon", "ti7rig el 3yoon", "yistafrigh", "ma nigdar nitnaffas",
]  # fmt: skip

# A water main bursting onto a road; not "a pipe" (a park's irrigation pipe that burst and
# runs into the road is calm in the shipped labels).
PIPE = [
    "water main", "main=", "mains=", "pipeline", "ماسوره", "مواسير", "خط المياه", "خط الماي",
    "masoora", "mawaseer",
]  # fmt: skip
BURST = [
    "burst", "bursting", "shooting up", "gushing", "spraying", "exploded", "انفجر", "انفجرت",
    "انفجار", "ينفجر", "يندفع", "تندفع", "يطلع بقوه", "infajar", "infajrat", "y6la3 b gowa",
    "yi6la3 b gowa",
]  # fmt: skip

# Something on a road that makes people fall or blocks a lane: a rock, spilt oil.
OBSTACLE = [
    "rock", "rocks", "boulder", "boulders", "oil=", "engine oil", "صخره", "صخور", "صخرة",
    "زيت", "9a5ra", "9ukhoor", "zait", "zeit",
]  # fmt: skip
OBSTACLE_STATE = [
    "fell onto", "fell on", "rolled onto", "rolled into", "just fell", "spilled", "spilt",
    "skidded", "slid and", "blocking", "سقطت على", "نزلت على", "نزلت الحين", "سقطت للتو",
    "منسكب", "مكبوب", "انزلقت", "انزلق", "طاحوا", "تسد", "سكرت", "makboob", "nazlat",
    "6a7aw", "sakkarat",
]  # fmt: skip

# A barrier gone over a drop: a guardrail on a bridge, a roof with no wall.
BARRIER = [
    "guardrail", "guard rail", "crash barrier", "railing", "railings", "parapet",
    "الحاجز", "حاجز", "الدرابزين", "درابزين", "سور", "7ajiz", "darabzeen",
]  # fmt: skip
BARRIER_GONE = [
    "gone", "missing", "ripped out", "torn off", "knocked off", "no barrier", "nothing stopping",
    "اختفى", "راح=", "مفقود", "مب موجود", "غير موجود", "لا يوجد اي سور", "ولا يوجد اي سور",
    "ra7=", "mb mawjood", "mafi soor",
]  # fmt: skip
DROP = [
    "drop", "drop-off", "cliff", "wadi", "bridge", "edge", "الوادي", "الجسر", "منحدر", "حافه",
    "حافة", "طرف", "wadi", "jisr", "6araf",
]  # fmt: skip

# Eleventh-pass terms added to the earlier groups of urgency.py by name.
ADDED: dict[str, list[str]] = {
    # a person locked in, stuck, surrounded by water, carried off, not moving
    "person": ["girl=", "my son", "our son", "daughter", "rider", "guests", "ولدي", "بنتي",
               "wildi", "wild el", "el rayyal", "3amil", "الباص", "el bas"],
    "peril": ["locked in", "locked inside", "shut inside", "stuck in the lift",
              "stuck in the elevator", "stuck on top", "محتجز", "مقفول عليه", "مقفول عليها",
              "مقفل عليه", "مقفل عليها", "mgfool 3alaih", "mgfool 3alaiha", "surrounded by water",
              "water surrounding", "water rising around", "محاوطهم", "محاصره", "m7aw6hum",
              "m7awe6hum", "on top of their car", "collapsed from",
              "وما يتحرك", "ولا يتحرك", "is not moving", "not breathing", "الماي يرتفع",
              "الماء يرتفع", "el mai yirtifi3", "water is rising",
              "مغشيا", "fainted", "at the bottom", "can t reach", "cannot reach", "ما نقدر نطلعه",
              "لا نستطيع اخراجه", "carrying him", "carrying her", "الماي يسحبه", "التيار يسحبه",
              "الماء يسحبه", "el mai yis7abah", "edge of the roof", "حافه سطح",
              "on the edge", "عالق في", "3aalig", "3aalqa"],
    # MSA "الماء" (the water) normalises to "الما"; "the flood" reaching people
    "water": ["الما="],
    "wadi": ["the flood", "flood=", "floods="],
    # a bus in flood water; water rising round people, a wire in water around it
    "exposed": ["الماي حواليه", "الماء حوله", "water around it", "el mai 7awaleh"],
    # a drop opened in a road, its edge gone
    "sinking": ["broken away", "broke away", "dropped down", "gave way", "caved into",
                "انهدم", "خسفت", "انخسفت", "5asafat", "5asaf", "inhadam"],
    # glass, sheets, tents, signboards working loose over people
    "structure": ["glass pane", "pane=", "glass panel", "زجاج", "قزاز", "gzaz", "zijaj",
                  "tent=", "خيمه", "5aima", "صفائح", "صفايح", "9afaye7", "roof sheets"],
    "collapsing": ["banging", "lifting off", "lifting in the wind", "sliding out", "half torn",
                   "half ripped", "تضرب مع", "يضرب مع", "تطق مع", "يطق مع", "t6ig ma3",
                   "y6ig ma3", "تتطاير", "طايره مع", "6ayra ma3", "انفكت", "infakkat",
                   "يوشك ان ينفصل", "متعلق فوق", "m3allag fog", "poles bending", "about to fly"],
    # a crane lifting over a road with people or cars under it
    "crane_danger": ["over the road", "فوق الشارع", "fog el share3", "underneath", "تمر تحتها",
                     "ماره تحته", "ta7tah"],
    # stinging insects are beasts that attack
    # a box whose door has fallen off
    "box_open": ["طايح", "6aye7", "مخلوع", "makhloo3", "door fallen", "door hanging"],
    "road": ["dowar", "dawar", "doowar"],
    # thick or black smoke, burning plastic: a fire in progress
    "fire": ["black smoke", "thick smoke", "دخان اسود", "دخان كثيف", "dokhan aswad",
             "do5an aswad", "بلاستيك محترق", "بلاستيك محروق", "blastic m7roog", "plastic burning"],
    # hot "as fire" from the sun (Arabizi "naar" is a fire word, Arabic bare نار is not)
    "fire_naming": ["naar mn el 7arr", "naar min el 7arr", "nar mn el 7ar", "y9eer naar",
                    "t9eer naar"],
    "pit_open": ["لا يحيط بها", "ولا شبك", "ما عليها شبك", "mafi shabak", "bala shabak",
                 "no fence at all"],
    "obstacle_state": ["spill=", "bikes fell", "skid"],
}  # fmt: skip

# Habitual or long-standing: "sometimes", "always", "all night", "every time". A hazard near
# one is not danger now, unless the message also says it is happening now ("every time it
# rains, and right now the water is coming in").
RECURRING = [
    "every time", "each time", "whenever", "every night", "each night", "every season",
    "every rainy season", "every winter", "each winter", "sometimes", "often", "usually",
    "all night", "always=",
    "كل مره", "كلما", "كل مطره", "اي مطر", "كل ليله", "كل موسم", "كل شتاء", "احيانا", "دايم",
    "دايما", "دائما", "عاده", "طول الليل", "طوال الليل",
    "kil lail", "kil lailah", "kil mara", "kil marra", "kul mara", "a7yanan", "ahyanan", "dayman", "daiman", "6ool el lail",
]  # fmt: skip
# Happening now, said plainly: what overrides a habitual word near a rule's danger.
NOW_PLAIN = [
    "now=", "right now", "just now", "at the moment", "at this moment", "as we speak",
    "this minute", "a minute ago", "minutes ago", "الحين", "الان=", "حاليا", "توه", "توها",
    "قبل شوي", "قبل قليل", "قبل دقائق", "قبل لحظات", "هذه اللحظه", "هاللحظه", "el7een",
    "al7een", "tawwah", "tawwha", "gabl shway", "7alyan",
]  # fmt: skip

# Twelfth pass (docs/ROUTING_DATA.md, "Twelfth pass: who is at risk, by place"). Each new
# writer put danger where people gather (a mosque, a beach, a school gate, a market, a bus
# stop, a building site, a car park) and named the people by what they were doing there:
# worshippers, swimmers, shoppers, passengers waiting, labourers, pupils getting off a bus.
# Added to PEOPLE_NOW, so every rule that needs people near a danger reads them. Not يصلون
# (praying) nor "6alibat" (pupils): their folds are those of "wa9alni" (it reached me) and
# "6alabt" (I asked).
AT_RISK = [
    "worshippers", "worshipers", "praying", "at prayer", "during prayer", "swimmers",
    "people swimming", "kids swimming", "children swimming", "bathers", "shoppers", "customers", "passengers", "commuters", "labourers",
    "laborers", "pedestrians", "walkers", "cyclists", "bikers", "motorcyclists", "visitors",
    "schoolchildren", "schoolkids", "school kids", "old people", "old man", "old woman",
    "standing under", "standing next", "standing below", "sitting under", "queuing",
    "المصلين", "مصلين", "المصلون", "وقت الصلاه", "اثناء الصلاه", "السباحين", "يسبحون",
    "المتسوقين", "متسوقين", "الزبائن", "الزباين", "الركاب", "ركاب=", "المنتظرين", "ينتظرون",
    "عمال=", "المشاه", "مشاه=", "ماشيين", "الزوار", "زوار=", "التلاميذ", "تلاميذ",
    "كبار السن", "الشياب", "شياب=", "العجايز", "الحريم", "واقفين تحت", "جالسين تحت", "قاعدين تحت",
    "m9alleen", "msalleen", "mu9alleen", "el m9allin", "yisba7oon", "ysb7oon",
    "yasba7oon", "el rukkab", "rukkab=", "yintathroon", "yinti6roon", "3ummal", "3omal",
    "el 3mmal", "mashyeen", "mashiyeen", "zuwwar", "talameeth", "talamee4", "shiyab",
    "shyab", "el naas", "naas=", "nnas=", "alnas=", "elnas=", "atfal=", "a6faal", "awlad=",
    "el awlad", "ryayeel", "rayayeel", "el rayayel", "musafreen", "musafireen", "yimshon",
    "yimshun", "yitmashoon", "el mushat", "el mushaa", "الاولاد", "اولاد=", "الرياييل",
    "رياييل", "المسافرين", "shwayba", "el 3ajayiz", "wagfeen ta7t", "gaa3deen ta7t",
]  # fmt: skip
PEOPLE_NOW += AT_RISK
# "Now" in Omani and Kuwaiti speech (هالحزه, ذلحين), read as the plain "now" of NOW_PLAIN.
NOW_GULF = ["هالحزه", "الحزه=", "ذلحين", "دلحين", "hal7azza", "hal7aza", "el7azza",
            "dil7een", "thil7een",
            # eighteenth pass (Gulf and Arabizi): Hijazi ذحين, "I/we just" (توني، تونا),
            # "a moment ago" as Arabizi writers spell it with and without digits; _NOW read
            # only "قبل شوي" in Arabic script, so "sar 7adith gabl shway" had no now word
            "ذحين", "توني", "تونا", "من شوي", "من دقايق", "قبل شوي", "قبل دقايق",
            "gabl shway", "gabl shwai", "gabl shwy", "gabl shwaya", "gbl shway", "gbl shwy",
            "qabl shway", "qabl shwai", "9abl shway", "min shway", "gabl dgayg", "gabl dagayig",
            "qabl daqayiq", "tawh=", "taw=", "tawni", "tawna", "tawhum", "lheen=", "ilheen",
            "halheen", "hal heen", "dhelheen", "thelheen", "halhaza", "hal haza", "halhazza"]  # fmt: skip
PEOPLE_NOW += NOW_GULF
NOW_PLAIN += NOW_GULF

# Something giving way onto whoever is under or beside it: a fan or chandelier shaking over a
# prayer hall, a market shade bending over shoppers, bars dropping from a scaffold. Names the
# movement, not the thing, so any object a writer names counts when people are there too.
# Not "fell" or "slipped" alone: "an old man slipped on the wet steps" is a person's fall the
# shipped labels call calm.
GIVING_WAY = [
    "about to fall", "going to fall", "ready to fall", "about to collapse", "about to drop",
    "falling on", "falling onto", "falling from", "dropping from", "dropping on",
    "dropping onto", "coming down on", "collapsing", "caving in", "sagging", "buckling",
    "wobbling", "swaying", "shaking loose", "hanging by", "swinging over", "crumbling onto",
    "بيطيح", "بتطيح", "يطيح على", "تطيح على", "يطيح من", "تطيح من", "على وشك السقوط",
    "ايل للسقوط", "يتساقط على", "تتساقط على", "يسقط على", "تسقط على", "تسقط من", "يسقط من",
    "يتارجح", "تتارجح", "يهتز", "تهتز", "ينهار", "تنهار", "تنحني", "ينحني", "يتمايل",
    "تتمايل", "معلق فوق", "معلقه فوق", "متعلق فوق",
    "bit6ee7", "bi6ee7", "bt6ee7", "t6ee7 3la", "y6ee7 3la", "y6ee7 mn", "t6ee7 mn",
    "yitsaqa6", "titsaqa6", "yihtaz", "tihtaz", "yhtaz", "thtaz", "yinhar", "tinhar",
    "yitmarja7", "titmarja7", "yitmayal", "titmayal", "m3allag fog", "m3allaga fog",
]  # fmt: skip

# A fridge or freezer left where children play: a child shuts itself in.
TRAP = ["fridge", "fridges", "freezer", "freezers", "icebox", "ثلاجه", "ثلاجات", "فريزر",
        "thallaja", "thallajat", "thalaja", "tallaja", "frizer", "freezar"]  # fmt: skip
CHILDREN_PLAY = [
    "play=", "plays=", "playing", "playground", "play area", "hide in", "hiding in",
    "climb into", "يلعب", "يلعبون", "تلعب", "يلعبوا", "ملعب", "يتخبون", "يختبئون",
    "yil3ab", "yil3aboon", "yal3ab", "yal3aboon", "il3ab", "mal3ab",
]  # fmt: skip

# Someone has just fallen into or hit a hole: a hole that is taking people now.
FELL_IN = [
    "fell in", "fell into it", "fallen in", "hit it", "hit the hole", "hit that hole",
    "crashed into it", "went into it", "went into the hole", "rode into it", "drove into it",
    "drove into the hole", "طاح فيها", "طاح فيه", "طاحوا فيها", "طاحت فيها",
    "سقط فيها", "سقط فيه", "سقطت فيها", "وقع فيها", "وقع فيه", "وقعت فيها", "دخل فيها",
    "6a7 feeha", "6a7 feeh", "6a7aw feeha", "6a7at feeha", "wiga3 feeha", "wa8a3 feeha",
    "sa8a6 feeha",
]  # fmt: skip

# Someone hurt by a danger that is still there: a person injured "just now" (RECENT). A hurt
# said without "just now" is history (a report of last week's fall) and stays calm.
HURT = [
    "injured", "got hurt", "was hurt", "got cut", "cut his", "cut her", "cut my",
    "broke his", "broke her", "broke my", "انجرح", "انجرحت", "تعور", "تعورت", "انصاب",
    "انصابت", "اصيب", "اصيبت", "injara7", "injar7at", "t3awwar", "ta3awwar", "t3awrat",
    "in9aab", "in9aabat",
]  # fmt: skip

# Twelfth-pass terms added to earlier groups of urgency.py by name.
ADDED_TWELFTH: dict[str, list[str]] = {
    # a car park or parking floor sinking or caving in
    "ground": ["car park", "carpark", "parking", "parking lot", "الباركن", "باركن", "الباركنج",
               "مواقف السيارات", "موقف السيارات", "المواقف", "el parking", "el barking",
               "mawagif", "mawaqif", "ارضيه", "الارضيه"],
    # (not "sinking" alone: the shipped labels call asphalt sinking into a dip calm; not
    # "tihba6": its fold is that of "7abeet", I liked)
    "sinking": ["sinking under", "sank under", "caving", "keeps dropping", "خسف", "ينخسف",
                "تنخسف", "فجوه تحت", "فجوات تحت", "yinkhisif", "tinkhisif"],
    # fans and chandeliers hang over people; a site fence falls (not any fence: a park's
    # fallen fence panel is calm in the shipped labels)
    "structure": ["ceiling fan", "fan=", "chandelier", "light fitting", "مروحه", "المروحه",
                  "ثريا", "الثريا", "نجفه", "marwa7a", "thurayya", "site fence", "construction fence"],
    "over_people": ["on the road", "on the street", "on the pavement"],
    # unlit at night, no light on a hole
    "unmarked": ["unlit", "not lit", "no street light", "no streetlight", "ما عليها ليت",
                 "ما عليه ليت", "ما فيها ليت", "بدون ليت", "بلا ليت", "ma 3laiha layt",
                 "mafi layt", "bdoon layt"],
    # dogs surrounding people (as "surrounding", "circling" in the tenth pass)
    # (not "m7aw6a", محاوطه: their fold is that of "ma7a6a", a bus station; not
    # يحاوطون: that of "7ee6ana", our walls)
    "attack": ["محاوطين", "تحاصر", "يحاصرون", "m7aw6een"],
    # water pouring over a crossing; wadi water running
    "flowing": ["pouring over", "running over", "over the crossing", "تجري بقوه", "يجري بقوه",
                "tijri b gowa", "yijri b gowa"],
    "crossing": ["still trying", "trying to drive", "trying to get across", "تحاول العبور"],
}  # fmt: skip

# Thirteenth pass (docs/ROUTING_DATA.md, "Thirteenth pass: a thing giving way near people").
# Blind writers named dangers no list had (glass bulging over a pavement, a tent lifting off
# its poles, a swing frame tipping with children on it, an AC unit hanging by one bracket over
# an entrance) and said them in Gulf verbs (فك, يتهز, منفوخ, ينقلب, يطقطق). Written as one
# frame, not phrases: a THING that can fall on someone, in a STATE of giving way, NEAR people
# or a place where people are. A state alone ("the glass is cracked", "the swing is loose") is
# one to inspect; with people under or beside it, it is danger now. Arabic terms also meet
# their Arabizi spellings by fold (terms.py), so Arabizi is listed only where folds miss.
THING = [
    "glass", "window", "windows", "shopfront", "glass front", "facade", "cladding", "ac unit",
    "air conditioner", "aircon", "a c unit", "condenser", "tent", "marquee", "shade",
    "canopy", "awning", "swing frame", "swing set", "climbing frame", "frame=", "slide=",
    "scaffold", "scaffolding", "boards", "planks", "ceiling", "false ceiling", "ceiling panels",
    "ceiling tiles", "plaster", "balcony", "railing", "handrail", "water tank", "tank=",
    "heater", "sign=", "signboard", "shop sign", "billboard", "pole=", "lamp post", "wall=",
    "roof", "roof sheets", "sheets", "branch", "bough", "tree", "palm", "beam", "girder",
    "chandelier", "fan=", "speaker", "speakers",
    "screen", "statue", "arch=", "gate=", "stage", "bleachers", "stands=",
    "قزاز", "زجاج", "دريشه", "الدريشه", "دريشات", "نافذه", "نوافذ", "واجهه", "الواجهه",
    "مكيف", "المكيف", "مكيفات", "تكييف", "التكييف", "كمبروسر", "خيمه", "الخيمه", "خيام", "مظله", "المظله",
    "مظلات", "شراع", "مرجيحه", "مراجيح", "ارجوحه", "اراجيح", "زحليقه", "سقاله", "السقاله",
    "سقالات", "الواح", "لوح=", "خشب", "سقف", "السقف", "جبس", "الجبس", "بلكونه", "شرفه",
    "درابزين", "تانكي", "خزان", "سخان", "السخان", "لوحه", "اللوحه", "يافطه", "لافته",
    "عمود", "العمود", "جدار", "الجدار", "حايط", "الحايط", "طوفه", "سور=", "صفايح", "صفائح",
    "شينكو", "الشينكو", "غصن", "الغصن", "اغصان", "شجره", "سدره", "السدره", "نخله", "ثريا", "مروحه", "سماعه", "سماعات", "شاشه",
    "بوابه", "منصه", "المنصه", "مدرجات", "المدرجات",
    "شبره", "الشبره", "سعفه", "سعف", "كنديشن", "الكنديشن", "بيت الالعاب",
    "shabra", "sa3fa", "kandeeshan", "kandishan", "swing=", "swings=", "gzaz", "zijaj", "dareesha", "wajha", "mkayyif", "mukayyif", "mkeef", "5aima", "khaima",
    "ma6alla", "mi6alla", "marjee7a", "sigala", "sgala", "alwa7", "lo7=", "sagf", "saqf",
    "jibs", "balkona", "darabzeen", "tanki", "sa55an", "sakhkhan", "lo7a", "yafta", "3amood",
    "jidar", "7ai6", "9afayi7", "9afaye7", "shinko", "ghu9n", "ghusn", "shajara", "sidra",
    "marwa7a", "bawwaba", "manassa",
]  # fmt: skip
STATE = [
    "bulging", "bulges", "bowing", "bowed out", "bowing out", "pushed out", "cracking",
    "splitting", "split open", "coming loose", "come loose", "came loose", "rattling",
    "shaking", "swaying", "wobbling", "tipping", "tips over", "tilting", "lifting off",
    "lifting up", "lifted off", "hanging off", "hanging by", "hanging from", "by one bracket",
    "one bracket", "by one bolt", "by one chain", "one chain", "one screw", "one nail",
    "dangling", "shifting", "moving", "coming apart", "coming away", "giving way", "sagging",
    "bits falling", "pieces falling", "bits dropping", "pieces dropping", "creaking",
    "snapping", "rusted through", "come out of", "came out of", "pulled out of", "ripped out",
    "about to go",
    # cracking, splitting, bulging as it happens (not "متشقق", cracked: one to inspect)
    "يتشقق", "تتشقق", "تفلق", "يتفلق", "تتفلق", "انفلق", "انفلقت", "يتصدع", "تتصدع",
    "منفوخ", "منفوخه", "منتفخ", "منتفخه", "انتفخ", "انتفخت", "ينتفخ", "تنتفخ",
    "الشق يكبر", "الشق قاعد يكبر", "الشرخ يكبر", "يتسع",
    # come loose, moving, shaking, swinging, tipping, hanging down
    "فاك=", "فاكه=", "فكت=", "فك=", "انفك", "متخلخل", "متخلخله", "يتخلخل", "تتخلخل",
    "يتحرك", "تتحرك", "يتهز", "تتهز", "يهتز", "تهتز", "يتمرجح", "تتمرجح", "يتارجح", "تتارجح",
    "ينقلب", "تنقلب", "بينقلب", "بتنقلب", "متدلي", "متدليه", "يتدلى", "تتدلى", "متعلق",
    "متعلقه", "معلق نصه", "معلق فوق", "معلقه فوق", "نازله على", "نازل على",
    "بدعامه واحده", "بحديده وحده", "بحديده واحده", "ببرغي واحد", "بمسمار واحد",
    "بسلسله وحده", "بسلسله واحده",
    # lifting, pulled out, breaking up, flying, coming down in pieces
    "ترتفع عن", "يرتفع عن", "تنشال", "ينشال", "تقتلع", "يقتلع", "تنقلع", "ينقلع", "انقلع",
    "انقلعت", "ينخلع", "تنخلع", "انخلع", "ينزل قطع", "تنزل قطع", "قطع تنزل", "قاعد ينزل",
    "قاعده تنزل", "يتفتت", "تتفتت", "يتكسر", "تتكسر", "يطقطق", "تطقطق", "طقطقه", "يتطاير",
    "تتطاير", "يطير", "تطير", "بيطيح", "بتطيح", "يبا يطيح", "يبي يطيح", "تبا تطيح", "تبي تطيح",
    "tfallag", "yitfallag", "manfookh", "manfoo5", "muntafi5", "fakk=", "fakka=", "fakkat",
    "yit7arrak", "tit7arrak", "yithaz", "tithaz", "titmarja7", "yitmarja7", "yingalib",
    "tingalib", "m3allag fog", "m3allag nu9ah", "mit3allig", "mit3allga", "tirtifi3",
    "yirtifi3", "ingala3", "ingal3at", "ynzil g6a3", "tinzil g6a3", "gaa3d yinzil",
    "ga3d yinzil", "gaa3da tinzil", "y6agg6ig", "t6agg6ig", "t6eer", "y6eer", "yitsaqa6",
    "bi6ee7", "bit6ee7", "yaba y6ee7", "yaba t6ee7", "yibi y6ee7",
]  # fmt: skip
# Where people are: under it, beside it, on it, inside it, or a place full of people.
NEAR = [
    "under it", "under them", "underneath", "beneath", "below it", "walk under", "walking under",
    "walking right under", "right under", "over the pavement", "over the footpath",
    "above the footpath", "above the pavement", "above the entrance", "over the entrance",
    "over the walkway", "over the heads", "heads=", "people inside", "still inside",
    "guests inside", "inside it", "inside the tent", "داخلها", "داخله",
    "daakhilha", "dakhilha", "da5ilha",
    "pavement", "footpath", "sidewalk", "walkway", "entrance", "doorway", "bus stop",
    "car park", "parking", "our house", "our kitchen", "our roof", "next door", "neighbours",
    "neighbour s",
    "تحته", "تحتها", "تحتهم", "من تحته", "من تحتها", "فوق روس", "على روس", "فوق رووس",
    "على رووس", "فوق راس", "على راس", "روس الناس", "بداخلها", "بداخله", "الرصيف", "الممر", "ممر المشاه", "المدخل", "مدخل",
    "موقف", "المواقف", "مواقف", "بيتنا", "بيت الجيران", "الجيران", "علينا", "عليهم",
    "ta7tah", "ta7taha", "ta7tha", "mn ta7tah", "fog ro2oos", "fog roos", "3la roos",
    "ra9eef", "mamar", "madkhal", "mawgif",
    "maw8af", "mawagif", "baitna", "bait el jeeran", "el jeeran", "3alaina",
]  # fmt: skip

# Thirteenth-pass terms added to earlier groups of urgency.py by name.
ADDED_THIRTEENTH: dict[str, list[str]] = {
    # the ground split open (انشقت الارض); asphalt dropped over a burst pipe
    "sinking": ["انشق", "تشققت الارض", "split open", "split apart", "cracked open",
                "inshagg", "inshaggat", "الزفت هبط", "هبط الزفت",
                "الشارع هبط", "هبط الشارع", "الطريق هبط", "الارض هبطت"],
    # sewage or flood water, present tense: it floods the house, it gushes from a drain
    "inside": ["تغمر البيت", "تغمر المنزل", "تغمر الغرف", "يغمر البيت", "يغمر المنزل",
               "تندفع من", "يندفع من"],
    # a fire catching (Gulf ولع/شب, said with نار or حريق; not تولع alone: a lamp coming on)
    "fire": ["ولع نار", "ولعت نار", "ولعت فيه نار", "شب نار", "شبت نار", "شب حريق", "شبت فيه",
             "wala3 naar", "wala3at naar", "shabb naar", "shabbat naar"],
    # a classroom is a room people are in: sewage coming up in one
    "home": ["الفصل", "فصل=", "الصف="],
    # a socket (فيش) sparking by a leak
    "wires": ["فيش", "الفيش", "افياش"],
    # a cable lying in a pool of water
    "exposed": ["طايح في", "طايحه في", "6aye7 fi", "6ay7a fi", "في بركه", "in a pool of water",
                "lying in a puddle"],
    # a car stuck in a tunnel or underpass with the water at its windows
    "peril": ["علقت في", "علق في", "علقوا في", "3lgat fi", "3elgat fi", "3algat fi",
              "3ilgat fi", "واصل للدريشه", "واصل الدريشه", "up to the windows",
              "wa9al lil dareesha"],
}  # fmt: skip

# Asking who handles a kind of danger, or whether it is checked: a question about the service,
# not a report of danger now ("who do we call if a tent lifts off its poles?").
ASKING = [
    "who checks", "who inspects", "who do we call", "who do i call", "who should i call",
    "who is responsible", "who s responsible", "is it allowed", "do you inspect",
    "does the municipality", "how do i report", "how do we report",
    "منو نكلم", "منو اكلم", "من نكلم", "منو المسؤول", "من المسؤول", "مين المسؤول",
    "هل تفحص", "هل يفحص", "هل تقوم", "هل يجوز", "هل مسموح", "كيف ابلغ", "كيف نبلغ",
    "meno nkallim", "mino nkallim", "meno akallim", "meno el mas2ool", "mino el mas2ool",
    "shlon ablagh", "kaif ablagh",
]  # fmt: skip

# Fourteenth pass (docs/ROUTING_DATA.md, "Fourteenth pass: urgency ..."). Blind writers put
# danger where people gather indoors that is not a home (a mosque's ablution area, a prayer
# hall, a clinic's waiting room, labour-camp rooms), had animals threaten a person now (dogs
# round a sweeper, a child chased), left glass hanging in a shattered door over a walkway, and
# wrote a fear with a present sign ("we fear it falls now"): danger now, not a worry.

# Rooms and places people occupy that are not a home: water, sewage or smoke inside one is as
# urgent as inside a house. Not a whole school or mosque (rain pooling in its yard is a
# drainage request), only the rooms people are in.
PEOPLE_PLACES = [
    "ablution", "wudu", "wudhu", "prayer hall", "prayer room", "prayer area", "musalla",
    "waiting room", "waiting area", "waiting hall", "clinic", "health centre", "health center",
    "ward=", "wards=", "labour camp", "labor camp", "labour accommodation", "labor accommodation",
    "workers accommodation", "workers rooms", "dorm", "dormitory", "accommodation rooms",
    "ميضه", "الميضه", "ميضات", "الميضات", "الميضاه", "ميضاه", "مكان الوضوء", "اماكن الوضوء",
    "دوره المياه", "دورات المياه", "المتوضا", "متوضا", "مصلى", "المصلى", "مصلي=", "المصلي=",
    "قاعه الصلاه", "مصلى النساء", "العياده", "عياده", "المستوصف", "مستوصف", "المركز الصحي",
    "قاعه الانتظار", "غرفه الانتظار", "صاله الانتظار", "الجناح", "العنبر", "سكن العمال",
    "غرف العمال", "سكن عمال", "مساكن العمال", "الفصول", "الصفوف",
    "maydha", "maydha2", "el maydha", "mayda=", "makan el wudhu2", "makan el wudu", "wudhu2",
    "wudu2", "m9alla", "mu9alla", "el m9alla", "3iyada", "el 3iyada", "mustawsaf",
    "sakan el 3ummal", "ghuraf el 3ummal", "ghurfat el 3ummal", "sakan el 3omal",
]  # fmt: skip

# An animal threatening a person: chasing, surrounding, cornering, lunging. The shipped labels
# call strays that "chase children" calm when it is a standing complaint, so a chase counts
# only with a present sign (now, just now, right now: urgency._present_sign) or a person who
# cannot get away; surrounding a person is itself an attack (ADDED_FOURTEENTH "attack").
THREAT = [
    "chasing", "chased", "being chased", "chase=", "running after", "ran after", "went after",
    "going after", "surrounding", "surrounded", "cornered", "cornering", "lunging", "lunged",
    "يطارد", "يطاردون", "تطارد", "طاردت", "طارد=", "يلحق", "يلحقون", "تلحق", "لاحقين",
    "لاحقينه", "لاحقينها", "لاحقتهم", "لحقوا", "لحقت", "تحيط", "يحيط", "احاطت", "تحاصر",
    "يحاصرون", "حاصرت", "محاصرينه", "y6ardoon", "y6ardoonah", "t6arid", "y6arid",
    "yl7agoon", "yil7agoon", "til7ag", "la7gin", "la7geenah", "la7geenha", "m7aw6een",
    "m7aw6ina", "y7aw6oon",
]  # fmt: skip
# Said only as spelled, never by fold: محاوطه folds as "ma7a6a" (a bus station) and يحاوطون
# as "7ee6ana" (our walls), so these meet the Arabic spelling alone (twelfth pass).
THREAT_SPELLED = ["محاوطين", "محاوطينه", "محاوطينها", "محاوطه", "محاوطينهم", "يحاوطون",
                  "يحاوطونه", "تحاوط", "حاوطوا", "حاوطت"]  # fmt: skip

# Glass broken and still hanging where people walk: shards in a shattered door or window over
# an entrance or walkway (a thing that falls on whoever is under it).
GLASS = [
    "glass", "shards", "shard=", "jagged pieces", "pane=", "panes=", "window", "glass door",
    "زجاج", "الزجاج", "قزاز", "القزاز", "شظايا", "قطع الزجاج", "قطع زجاج", "قطع القزاز",
    "gzaz", "zijaj", "g6a3 el gzaz", "g6a3 el zijaj",
]  # fmt: skip
HANGING = [
    "hanging", "dangling", "still in the frame", "stuck in the frame", "hanging in",
    "about to drop", "could drop", "معلقه", "معلق=", "متدليه", "متدلي", "عالقه في",
    "باقي قطع", "m3allga", "m3allaga", "m3allag", "mit3allga", "mitdalya",
]  # fmt: skip

# Said with "one day", "someday", "in the future": a danger feared for later, not now.
SOMEDAY = [
    "one day", "someday", "some day", "in future", "in the future", "sooner or later",
    "يوم من الايام", "في يوم", "مستقبلا", "في المستقبل", "بالمستقبل", "عاجلا ام اجلا",
    "yoom mn el ayyam", "yom min el ayam", "yoom min el ayyam", "fil mustaqbal",
    "fi el mustaqbal", "bil mustaqbal",
]  # fmt: skip

ON_A_CAR = [
    "على السياره",
    "على الموتر",
    "فوق السياره",
    "فوق الموتر",
    "3la el sayyara",
    "3al sayyara",
    "3la el mooter",
    "on the car",
    "onto the car",
    "on top of the car",
]
# Fourteenth-pass terms added to earlier groups of urgency.py by name.
ADDED_FOURTEENTH: dict[str, list[str]] = {
    "home": [*PEOPLE_PLACES, "الطابق الارضي", "الدور الارضي", "الطابق السفلي", "القبو", "السرداب",
             "البدروم"],
    # dogs that surround a person attack them (MSA and English; Gulf as spelled: THREAT_SPELLED)
    "attack": ["تحيط ب", "تحيط بالعامل", "يحيطون ب", "احاطت ب", "surrounded a", "surrounded the",
               "surrounded him", "surrounded her", "surrounded my", "surrounded our"],
    # a person collapsed from the heat, unresponsive, or shut in a hot car
    "peril": ["passed out", "he s not responding", "he is not responding", "she s not responding",
              "she is not responding", "unresponsive", "heatstroke", "heat stroke",
              "collapsed in the heat", "locked car", "in a hot car", "left in the car",
              "left in a car", "لا يستجيب", "طاح من الحر", "انهار من الحر", "انهار من شده الحر",
              "ضربه شمس", "مغشي عليه", "اغمي عليه", "في سياره مغلقه", "داخل سياره مغلقه",
              "في سياره مقفله", "داخل سياره مقفله", "6a7 mn el 7arr", "6a7 min el 7ar",
              "6a7 mn el 7ar", "darbat shams", "fi sayyara msakkara", "fi sayyara mgfoola",
              "ما يقدر يتحرك", "لا يستطيع التحرك", "ma yigdar yit7arrak"],
    # MSA names a danger by its verbal noun, in a headline's register: تساقط (falling in
    # pieces), تطاير (flying off), تأرجح (swinging), آيلة/معرضة للسقوط (liable to fall)
    # (تطاير as spelled only, MASDAR_SPELLED: its fold is the Arabizi "yt6ayar")
    "collapsing": ["للسقوط", "بالسقوط", "للانهيار", "تساقط", "تارجح", "تمايل"],
    "state": ["تساقط", "تارجح", "اهتزاز", "تمايل", "تدلي"],
    # a pavement that caves in; a vehicle or passengers trapped by water (MSA مركبة)
    "ground": ["الرصيف", "رصيف="],
    "person": ["مركبه", "المركبه", "الركاب"],
    # a ground floor or basement flooding (تغمر الطابق); Gulf "داش" (it got in: الماي داش
    # البيت), not bare دش, which is also a shower
    "inside": ["تغمر الطابق", "يغمر الطابق", "تغمر الدور", "تغمر القبو", "تغمر المنازل",
               "تغمر البيوت", "تغمر الشقق", "تغمر المساكن", "غمرت الطابق", "غمرت المنازل",
               "داش", "داشه", "دشت", "يدش", "تدش"],
    # a tree or pole fallen on a car (with its article: the phrase's last word keeps it)
    "on_road": ON_A_CAR,
    "road": ON_A_CAR,
    # a flood cutting across a road (السيل قاطع الشارع) with cars crossing it
    "flowing": ["قاطع الشارع", "قاطع الطريق", "قاطع الخط", "قاطعه الشارع", "gaa6i3 el share3",
                "cutting across the road"],
    # water dripping onto a socket or wires (يخر على الفيش)
    "exposed": ["يخر على", "تخر على", "يخر ماي على", "ينقط على", "يقطر على", "يتسرب على",
                "ykhurr 3la", "yikhurr 3la", "dripping onto", "leaking onto"],
}  # fmt: skip
# Smoke coming out of a home or a room people use: a fire inside (not a chimney or a tip:
# the rule needs a home word, urgency.RULES "smoke_from_a_home").
SMOKE = ["smoke", "دخان", "الدخان", "do5an", "dokhan", "du5an", "dukhan"]
EMERGING = ["coming out of", "coming from", "pouring out of", "billowing", "طالع من", "طالعه من",
            "يطلع من", "تطلع من", "ينبعث من", "يخرج من", "يتصاعد من", "6aali3 mn", "6al3 mn",
            "yi6la3 mn", "6aal3 min", "6al3 min"]  # fmt: skip
# Verbal nouns matched only as spelled (their folds meet Arabizi verbs the labels call calm).
MASDAR_SPELLED = {"collapsing": ["تطاير="], "state": ["تطاير="]}

# People a place is full of, named by why they are there (as AT_RISK): patients in a clinic,
# visitors to a ward, a sweeper at his work.
AT_RISK_FOURTEENTH = [
    "patients", "the patients", "visitors", "sweeper", "cleaner", "cleaners",
    "المرضى", "المراجعين", "المراجعون", "عامل النظافه", "عمال النظافه", "المتوضئين",
    "يتوضون", "يتوضؤون", "el mardha", "el mar9a", "el muraji3een", "3amil el nathafa",
    "3ummal el nathafa",
]  # fmt: skip
PEOPLE_NOW += AT_RISK_FOURTEENTH

# MSA "just now" and "a moment ago" (للتو, منذ قليل, منذ دقائق), read as the Gulf توه and
# قبل شوي are: a plain now for the rules, the urgent model and a fear's present sign. "للتو"
# whole: as a stem it starts "للتواصل" (for contact). And people named in MSA plurals.
NOW_MSA = ["للتو=", "منذ قليل", "منذ دقائق", "منذ لحظات", "في الحال", "في هذه الاثناء"]
NOW_PLAIN += NOW_MSA
RECENT += NOW_MSA
PEOPLE_NOW += [*NOW_MSA, "الطلبه", "طلبه=", "الاهالي", "اهالي=", "القاطنين", "المتنزهين",
               "مرتادي", "رواد=", "المارين", "العاملين"]  # fmt: skip

# Fifteenth pass: mixed messages and calm states (docs/ROUTING_DATA.md).
# A code-switched message says a phrase's little word in its other language: "smoke coming
# out من الشقة", "الجبس طايح on the patients", "falling على الناس". Each word here stands for
# the others of its line, in any script, inside a multi-word term (urgency.cross_script).
LINKS: tuple[tuple[str, ...], ...] = (
    ("of", "from", "من", "mn", "min"),
    ("on", "onto", "over", "على", "فوق", "3ala", "3la", "fog"),
    ("in", "into", "inside", "في", "داخل", "fi", "da5el"),
    ("near", "beside", "جنب", "عند", "قرب", "yamm", "3ind"),
)
# A transformer in its Gulf loan word (الترانس), as "transformer" and محول already read.
ADDED_FIFTEENTH: dict[str, list[str]] = {"wires": ["ترانس", "الترانس", "tranis"]}
# A now word followed by a calm state ("now it's dry", "والحين الشارع ناشف", "al7een nashef",
# "now the road is fine") says the danger is over, whatever day it happened: the urgent model
# reads "now" as a sign of danger (urgency._calm_now).
CALM_STATE = [
    "dry=", "dried", "fine=", "ok=", "okay=", "safe=", "clear=", "normal=", "calm=", "quiet=",
    "back to normal", "under control", "no problem",
    "ناشف", "ناشفه", "نشف", "نشفت", "جاف", "جافه", "جف=", "جفت", "سالك", "سالكه", "طبيعي",
    "طبيعيه", "تمام", "زين=", "عادي", "امان=", "امن=", "آمن", "آمنه", "مستقر", "هادي",
    "nashef", "nashif", "nashfa", "jaaf", "salik", "saalik", "6abee3i", "tamam", "zain=",
    "zein=", "3adi", "aman=",
    # twentieth pass: "now he's fine" ("والحين بخير")
    "بخير", "زينين", "b5air", "bkhair", "bikhair",
]  # fmt: skip
CALM_REACH = 4  # words after a now word searched for a calm state
# A season gone by: the danger is history ("a grass fire here last summer", "الصيف الماضي",
# "el 9ayf elli fat"), as "last year" and "last winter" already read (urgency._SETTLED).
PAST_SEASON = [
    "last summer", "last spring", "last autumn", "last season", "the summer before",
    "الصيف الماضي", "الصيف اللي فات", "الصيف اللي طاف", "الصيف المنصرم", "صيف العام الماضي",
    "الشتاء الماضي", "الشتا الماضي", "الشتا اللي فات", "الشتاء اللي فات", "الشتا اللي طاف",
    "الربيع الماضي", "الخريف الماضي", "الموسم الماضي", "الموسم اللي فات",
    "el 9ayf elli fat", "el sayf elli fat", "el 9ayf el mathi", "el sayf el mathi",
    "el 9aif elli fat", "el shita elli fat", "el shta elli fat", "el shita el mathi",
    "el 9ayf elli 6af", "el shita elli 6af",
]  # fmt: skip

# Sixteenth pass (docs/ROUTING_DATA.md, "Sixteenth pass: urgency"). Situations a private
# probe found unread in every form: a worker fainting in the heat, said in the feminine and
# in MSA (سقطت عاملة مغمى عليها من الحر, "6a7at mn el 7ar"); children shut in a bus or car;
# boys swimming in a flooded pit or a rain pool; a child on a high window ledge; stairs of a
# footbridge breaking under walkers; something fallen onto people (طايح على الناس).

# Someone fainting, falling down or collapsing, said of a person (not of a wall: the
# collapsed_in_heat rule needs a person and the heat beside it).
FAINT = [
    "fainted", "fainting", "collapsed", "passed out", "fell down", "keeled over", "unconscious",
    "dropped to the ground", "fell to the ground", "went down", "lying on the ground",
    "طاح=", "طاحت=", "طايح", "طايحه", "سقط=", "سقطت=", "ساقط", "ساقطه", "انهار=", "انهارت",
    "اغمي", "مغمى", "مغشي", "دايخ", "دايخه", "دوخه", "فقد الوعي", "فقدت الوعي", "غاب عن الوعي",
    "غابت عن الوعي", "6a7=", "6a7at", "6aye7", "6ay7a", "sa8a6", "inhar=", "inharat",
    "mghma", "mughma", "ighmi", "ughmi", "dayi5", "day5a", "faqad el wa3i",
]  # fmt: skip
# The heat or the sun as what felled them: said as a cause ("from the heat", "من الحر"), not
# a hot day ("el 9eif 7aar", the summer is hot, beside a plea for shade).
HEAT = [
    "heat=", "the sun", "in this sun", "heatstroke", "heat stroke", "heat exhaustion", "hot sun",
    "من الحر", "من الحراره", "من شده الحر", "من شده الحراره", "بسبب الحر", "بسبب الحراره",
    "في الحر", "من الشمس", "تحت الشمس", "في الشمس", "الاجهاد الحراري", "ضربه شمس",
    "mn el 7ar", "min el 7ar", "mn el 7arr", "min el 7arr", "mn el shams", "min el shams",
    "fi el shams", "darbat shams",
]  # fmt: skip

# Children shut in a vehicle: a school bus or car with its doors locked or its engine off.
VEHICLE = [
    "bus=", "school bus", "van=", "minibus", "car=", "vehicle",
    "باص", "الباص", "حافله", "الحافله", "سياره", "السياره", "موتر", "الموتر",
    "bas=", "baas=", "el bas", "sayyara", "sayara", "mooter", "motar",
]  # fmt: skip
# (not "forgot" alone: "the bus forgot my son at the stop" is a complaint; nor a bare "مغلق":
# "الباص مغلق الطريق" is a bus blocking a road; nor "locked" alone: "the car park gate is
# locked and the kids can't get to the bus", seventeenth pass)
SHUT_IN = [
    "locked in", "locked inside", "in a locked", "locked car", "locked bus", "locked van",
    "locked vehicle", "doors shut", "doors closed", "doors are shut",
    "doors are closed", "windows closed", "windows shut", "engine off", "engine is off",
    "left inside", "forgotten inside", "stuck inside", "can t get out", "cant get out",
    "مقفول عليهم", "مقفول عليه", "مقفول عليها", "مقفل عليهم", "مقفل عليه", "مقفل عليها",
    "مغلق عليهم", "مغلق عليه", "مسكر عليهم", "مسكر عليه", "مسكره عليهم", "الابواب مغلقه",
    "الابواب مقفله", "الابواب مقفوله", "الابواب مسكره", "الابواب مسكرات", "الابواب مقفلات",
    "الدرايش مسكره", "المكينه طافيه", "نسوه داخل", "نسوها داخل", "نسوهم داخل", "نسوه في",
    "نسوها في", "نسوهم في",
    "mgfool 3alaihum", "m2fool 3alaihum", "mgfool 3alaih", "m2fool 3alaih", "msakkar 3alaihum",
    "el abwab mgfoola", "el abwab m2foola", "el abwab msakkara", "el abwab maqfoola",
]  # fmt: skip
# Who is shut in: children, pupils, a worker, someone (not "the car" itself).
SHUT_PEOPLE = [
    "child", "children", "kid", "kids", "pupils", "students", "baby", "toddler", "infant",
    "my son", "my daughter", "someone", "a man", "a woman", "worker", "workers",
    "طفل", "اطفال", "الاطفال", "رضيع", "العيال", "عيال", "يهال", "اليهال", "الطلاب", "طلاب",
    "الطالبات", "التلاميذ", "ولدي", "بنتي", "ولد=", "بنت=", "شخص", "عامل", "العمال",
    "6ifl", "a6fal", "atfal", "3yal", "3iyal", "yahal", "6ullab", "wildi", "binti",
]  # fmt: skip
# A car park, a bus stop: a place named by a vehicle, not the vehicle.
NOT_VEHICLE = [
    "car park", "car parks", "bus stop", "bus stops", "bus station", "bus shelter", "car wash",
    "موقف الباص", "محطه الباص", "موقف الحافلات", "محطه الحافلات", "مواقف السيارات",
    "موقف السيارات", "غسيل السيارات", "mawgif el bas", "ma7a6at el bas",
]  # fmt: skip

# Swimming or wading in water nobody should swim in: a flooded pit, a trench, a rain pool.
# Not a wadi's pools or a falaj's: swimming there is an outing ("is swimming allowed in the
# wadi pools?"); a wadi in flood is crossing_running_wadi's.
SWIMMING = [
    "swimming", "swim=", "swims=", "bathing", "wading", "playing in the water", "jumping into",
    "jumping in=", "diving into", "diving in=", "يقفزون في", "ينطون في", "يتنططون في",
    "يسبحون", "يسبح", "تسبح", "يتسبحون", "يسبحوا", "يتروشون", "يلعبون في الماي",
    "يلعبون في الماء", "yisb7oon", "ysb7oon", "yasba7oon", "yisba7", "yl3boon fi el mai",
]  # fmt: skip
# A swimming pool, the sea: where swimming is what people do there.
SWIMMING_PLACE = [
    "swimming pool", "swimming pools", "pool=", "pools=", "beach", "sea=", "مسبح", "المسبح",
    "البحر", "الشاطئ", "الشاطي", "شاطئ", "masba7", "el ba7ar", "ba7ar", "shati",
]  # fmt: skip
POOL_UNSAFE = [
    "pit=", "pits=", "hole=", "trench", "excavation", "foundation", "quarry", "flooded",
    "rain pool", "rainwater pool", "flood water", "floodwater",
    "حفره", "الحفره", "حفر=", "حفريه", "الحفريه", "خندق", "كساره", "الكساره", "مقلع",
    "برك المطر", "بركه مطر", "بركه المطر", "برك الامطار", "مياه الامطار", "ماي المطر",
    "الاساسات", "7ufra", "7ofra", "khandaq", "kassara", "mai el m6ar", "mooyat el m6ar",
]  # fmt: skip

# Sixteenth-pass terms added to earlier groups of urgency.py by name.
ADDED_SIXTEENTH: dict[str, list[str]] = {
    # a child on a window ledge, a balcony or roof edge, high up
    "peril": ["on the ledge", "window ledge", "window sill", "windowsill", "outside ledge",
              "the ledge of", "hanging out of the window", "climbing out of the window",
              "leaning out of the window", "on the balcony railing", "over the balcony railing",
              "على حافه الدريشه", "على حافه النافذه", "على حافه الشباك", "على حافه البلكونه",
              "على حافه الشرفه", "على حافه السطح", "حافه الدريشه", "حافه النافذه", "حافه الشباك",
              "على درابزين البلكونه", "طالع على الدريشه", "متدلي من الدريشه",
              "7afat el dareesha", "7afat el shibbak", "7afat el balkona", "7afat el sa6",
              "3la 7afat el dareesha", "3la 7afat el shibbak", "outside sill", "on the sill",
              "حافه الشرفه", "حافه البلكونه", "حافه السطح", "يتسلق حافه", "تتسلق حافه",
              "يتسلق الدرابزين", "تتسلق الدرابزين", "climbing the railing", "climbing over the railing",
              "roof edge", "edge of a roof", "طرف السطح", "طرف سطح", "6araf el s6a7",
              "6araf s6a7"],
    # the Omani well (طوي, "6awi") as a pit
    "pit": ["طوي=", "الطوي=", "6awi=", "el 6awi"],
    "hole": ["طوي=", "الطوي=", "6awi=", "el 6awi"],
    # a railing come away from a balcony or a corridor over a drop
    "barrier_gone": ["came off", "come off", "fell off", "broke off", "انخلع", "انخلعت", "انفصل",
                     "انفصلت", "طاح=", "طايح", "ingala3", "inkhala3", "6a7="],
    "drop": ["balcony", "balconies", "open edge", "شرفه", "الشرفه", "بلكونه", "البلكونه",
             "balkona", "balcona"],
    # a fainted cleaner, a collapsed labourer; a man, a driver or a rider in every form (Gulf
    # ريال and "rayyal" are "a man"; not ريال alone with a number: that is the currency)
    "person": ["cleaner", "labourer", "guard=", "security guard", "عامله", "حارس", "الحارس",
               "3amla", "7aris", "el 7aris", "driver", "delivery rider",
               "delivery guy", "delivery man", "motorcyclist", "رجل=", "الرجل=", "سائق",
               "السائق", "امراه", "المراه", "سيده", "مسن", "مسنه", "شاب=", "الشاب=",
               "ريال التوصيل", "ريال كبير", "الريال=", "رياييل", "الرياييل", "ياهل", "الياهل",
               "شايب", "عجوز", "rayyal", "rayal=", "ryayeel", "yahil", "yaahil", "sawwag",
               "shayib", "3ajooz"],
    # stairs and steps of a footbridge or building breaking under whoever walks on them
    "thing": ["stairs", "steps", "staircase", "stairway", "footbridge", "درج=", "الدرج",
              "درجات", "الدرجات", "السلالم", "سلالم", "سلم=", "الدرج الخارجي", "جسر المشاه",
              "daraj=", "el daraj", "salalim", "jisr el mushat", "bridge", "جسر=", "الجسر",
              "jisr="],
    "state": ["breaking", "crumbling", "crumbles", "breaking up", "breaking under",
              "giving way under", "تتفتت", "يتفتت", "yitkassar", "titkassar", "yitfattat",
              "titfattat"],
    # fallen onto people: "السقف طايح على الناس", "6aye7 3la el nas" (not onto anything:
    # "طايحة على الرمل", lying on the sand, is a sign to put back)
    "giving_way": ["طايح على الناس", "طايحه على الناس", "طاح على الناس", "طاحت على الناس",
                   "سقط على الناس", "سقطت على الناس", "سقط على الماره", "سقطت على الماره",
                   "طايح علينا", "طاح علينا", "طاحت علينا", "طايح عليهم", "طاح عليهم",
                   "طاحت عليهم", "6aye7 3la el nas", "6ay7a 3la el nas", "6a7 3la el nas",
                   "6a7at 3la el nas", "6a7 3alaina", "6a7at 3alaina", "fell on people",
                   "fallen on people", "collapsed on people", "fell on top of"],
}  # fmt: skip

# Seventeenth pass (docs/ROUTING_DATA.md, "Seventeenth pass: urgency"). A private probe in
# every form found dangers read only by the urgent model (a power line down on a road, an
# underpass full of water with cars in it, children swimming in a wadi that is rising, a
# person in a lift stuck between floors, a railing gone far from the edge it guarded) and
# false alarms read by rules (a fine asked about for burning garden waste, a bus locked in
# its depot, a child's fall "three weeks ago").

# Burning waste named as an activity ("burning garden waste", حرق المخلفات, "7arg el
# zibala"): a habit to fine or a smell to stop, not a fire (the shipped labels call a
# farm's usual burning and youths burning rubbish at night calm). Taken out of the fire
# rule's words (urgency.RULES "fire", not_at); flames, a blaze or a fire said as such still
# fire it.
_BURNT_WASTE = ["garden waste", "farm waste", "green waste", "waste", "rubbish", "trash",
                "garbage", "leaves", "dry leaves", "dry grass", "palm fronds", "dry fronds",
                "weeds", "dry weeds",
                "tyres", "tires"]  # fmt: skip
FIRE_ACTIVITY = [
    *(f"{verb} {thing}" for verb in ("burning", "burn", "burns", "burned", "burnt",
                                     "burning of", "burning the", "burn the")
      for thing in _BURNT_WASTE),
    *(f"{verb} {thing}" for verb in ("حرق", "يحرق", "يحرقون", "حرقوا")
      for thing in ("المخلفات", "مخلفات", "النفايات", "نفايات", "القمامه", "قمامه",
                    "الزباله", "زباله", "الحشائش", "حشائش", "العشب", "الاعشاب", "السعف",
                    "سعف", "الاوراق", "اوراق", "الاطارات", "اطارات", "التواير")),
    *(f"{verb} {thing}" for verb in ("7arg", "7ar8", "7arq", "y7argoon", "y7ar8oon",
                                     "yi7rigoon", "7argaw")
      for thing in ("el 7ashaish", "el zibala", "el zbala", "el zibalah", "el mu5allafat",
                    "el mukhallafat", "el nifayat", "el 3ushb", "el 3shb", "el sa3f",
                    "el tawayer", "zibala", "zbala", "7ashaish")),
]  # fmt: skip

# A vehicle locked or parked where it is kept (a depot, a garage, a yard): the vehicle is
# shut away with nobody in it. Taken out of person_at_risk's words ("the school bus is
# locked in the depot over the weekend" named a bus and "locked in").
_KEPT_AT = ["depot", "garage", "yard", "compound", "workshop", "warehouse", "shed", "car park",
            "parking", "bus depot", "bus yard", "school compound", "school yard",
            "school garage", "company yard"]  # fmt: skip
KEPT_LOCKED = [
    f"{verb} {place}"
    for verb in ("locked in the", "locked inside the", "locked up in the", "locked in a",
                 "locked in", "kept in the", "parked in the")
    for place in _KEPT_AT
]  # fmt: skip

# A lift stopped with someone inside: stuck between floors, the doors will not open.
LIFT = ["lift=", "lifts=", "elevator", "elevators", "مصعد", "المصعد", "لفت=", "اللفت=",
        "el lift", "il lift", "mas3ad", "el mas3ad", "al mas3ad"]  # fmt: skip
LIFT_STUCK = [
    "stopped", "stuck", "broke down", "broken down", "jammed", "stalled", "between floors",
    "doors won t open", "door won t open", "won t open", "will not open",
    "وقف=", "واقف=", "تعطل", "متعطل", "عطلان", "خربان", "علق=", "عالق", "معلق بين",
    "بين الادوار", "بين الطوابق", "بين الدورين", "ما ينفتح", "ما يفتح", "لا يفتح",
    "wagaf", "waguf", "waaguf", "wagif", "3alig", "3a6lan", "5arban", "kharban",
    "bain el adwar", "ma yinfata7", "ma yifta7",
]  # fmt: skip
LIFT_OCCUPIED = [
    "inside", "in it", "inside it", "trapped", "داخله", "داخلها", "بداخله", "بداخلها",
    "فيه ناس", "فيه واحد", "فيه شخص", "فيه طفل", "فيه مريض", "فيه عيال", "فيه اطفال",
    "da5la", "da5leh", "dakhla", "dakhleh", "dakhilah", "fee nas", "feeh nas", "fee wa7ed",
    "feeh wa7ed", "fee mareedh", "feeh mareedh", "fee 3yal",
]  # fmt: skip

# An underpass or tunnel full of water with cars or people caught in it (the tenth pass's
# water rules need a home or a wadi; an underpass is neither).
UNDERPASS = ["underpass", "underpasses", "tunnel", "tunnels", "نفق", "النفق", "الانفاق",
             "انفاق", "nafaq", "el nafaq", "nafag", "el nafag", "nafa8"]  # fmt: skip
UNDERPASS_FLOODED = [
    "flooded", "full of water", "under water", "underwater", "filled with water",
    "filling with water", "filling up", "water in it", "water inside",
    "مليان ماي", "مليان مي", "مليان مويه", "مليان ميه", "مليانه ماي", "غرقان", "غرقانه",
    "غمرته", "غمرتها", "مغمور", "مغموره", "امتلا بالمياه", "ممتلئ بالمياه", "فيه ماي",
    "malyan mai", "malyaan mai", "malyan maay", "ghargan", "ghar2an", "gharqan", "maghmoor",
]  # fmt: skip
# (not "got stuck": "two cars got stuck" after yesterday's rain is a report of the day before)
CAUGHT = [
    "are stuck", "is stuck", "still stuck", "stuck in it", "stuck inside", "are stalled",
    "is stalled", "stalled in", "trapped", "stranded", "inside", "in it", "cars in", "cars still",
    "people in", "driving into", "driving through", "still driving", "still going in",
    "عالق", "عالقه", "عالقين", "علقت", "علق=", "واقفه داخله", "داخله", "بداخله", "بداخلها",
    "بداخلهما", "فيه سيارات", "فيه سياره", "والناس فيها", "الناس فيها", "الناس داخلها",
    "3alig", "3alga", "3algeen", "3al8een", "dakhla", "da5la", "dakhleh", "feeh sayyarat",
    "fi sayyarat", "fee sayyarat", "el nas feeha",
]  # fmt: skip

# Water rising while people are in or crossing it: children swimming in a wadi's pools as it
# rises (swimming there on a calm day is an outing, sixteenth pass), cars crossing it.
RISING = [
    "rising", "rising fast", "water rising", "coming up fast", "level is rising", "getting higher",
    "قاعد يزيد", "قاعده تزيد", "الماي يزيد", "الماء يزيد", "المي يزيد", "يزيد بسرعه", "تزيد بسرعه",
    "يرتفع", "ترتفع", "منسوب المياه", "منسوب الماي", "المنسوب",
    "gaa3d yzeed", "ga3d yzeed", "gaa3id yizeed", "el mai yzeed", "el mai yizeed",
    "yzeed bsor3a", "yirtifi3", "tirtifi3", "el mai y6la3",
]  # fmt: skip

# Electricity lines and cables said with "electricity" (the wires a fallen line on a road is).
POWER_LINE = [
    "power line", "power lines", "power cable", "power cables", "electric line", "electric lines",
    "electricity line", "electricity cable", "electric cable", "electric cables", "overhead line",
    "overhead cable", "live wire", "live line", "high voltage",
    "خط كهرباء", "خط الكهرباء", "خطوط الكهرباء", "خطوط كهرباء", "سلك كهرباء", "سلك الكهرباء",
    "سلك الكهربا", "سلك كهربا", "السلك الكهربائي", "السلك الكهربا", "كيبل كهرباء",
    "كيبل الكهرباء", "اسلاك الكهرباء", "اسلاك كهرباء", "الضغط العالي",
    "silk kahraba", "silk el kahraba", "silk kahrba", "khat kahraba", "khat el kahraba",
    "aslak el kahraba", "aslak kahraba", "cable kahraba", "kaibal kahraba",
]  # fmt: skip

# Seventeenth-pass terms added to earlier groups of urgency.py by name.
ADDED_SEVENTEENTH: dict[str, list[str]] = {
    # a lift stopped between floors with someone in it
    "peril": ["between floors", "بين الادوار", "بين الطوابق", "bain el adwar", "unresponsive"],
    # a vehicle kept locked in a depot: not shut in with someone (shut_in_a_vehicle)
    "not_vehicle": KEPT_LOCKED,
    # burning waste as an activity is not the fire rule's fire
    "fire_naming": FIRE_ACTIVITY,
    # the valve or meter chamber of a water line: a manhole by another name
    "manhole": ["valve chamber", "valve pit", "meter chamber", "meter pit", "غرفه المحبس",
                "غرفه محبس", "غرفه العداد", "ghurfat el ma7bas"],
    # smoke drifting or seeping out of a room
    "emerging": ["drifting out", "drifting from", "seeping out", "seeping from", "leaking out",
                 "puffing out", "pouring from", "billowing from", "يتسرب من", "ينبعث"],
    # a snake in Gulf speech (حنش), as the wild-animal rules read it
    "snake": ["حنش", "حناش", "الحنش", "7anash", "7nash", "el 7anash"],
    # "سقط" (it fell), as سقطت already reads
    "fallen": ["سقط=", "سقط على", "sa8a6", "saqa6"],
    # a wadi rising, and children swimming in it
    "flowing": RISING,
    "crossing": ["swimming", "swim=", "يسبحون", "يسبح", "يتسبحون", "yisb7oon", "ysb7oon",
                 "yasba7oon", "yisba7"],
    # a labourer "lying down and not responding" in the heat, said by someone else
    "faint": ["not responding", "isn t responding", "unresponsive", "won t wake up",
              "lying down and"],
    "heat": ["afternoon sun", "midday sun", "noon sun"],
    # the last clause of a long email: a concrete sunshade or a chunk of it hanging off over
    # the entrance "where everyone walks in and out"
    "thing": ["sunshade", "sun shade", "concrete", "chunk", "chunks"],
    "near": ["where everyone walks", "everyone walks", "people walk", "walk in and out",
             "walks in and out", "in and out"],
    # leaning with children under it ("w el 3iyal yil3aboon ta7tah"), or toward where small
    # children play; people named, not "under it" alone ("الحديد اللي تحته كله صدي", the iron
    # under it is rusty)
    "over_people": ["playing under", "playing underneath", "walking under", "sitting under",
                    "standing under", "يلعبون تحت", "يمشون تحت", "واقفين تحت", "قاعدين تحت",
                    "جالسين تحت", "play area", "playground", "the nursery", "schoolyard",
                    "school yard",
                    *(f"{verb} {under}" for verb in ("yil3aboon", "yil3boon", "yl3boon",
                                                     "yil3abon", "ymshoon", "yimshoon",
                                                     "wagfeen", "gaa3deen")
                      for under in ("ta7t", "ta7tah", "ta7taha", "ta7tha"))],
    # a ceiling that has started coming down (صار ينزل, "9ar ynzil")
    "state": ["صار ينزل", "صار يطيح", "قاعد يطيح", "9ar ynzil", "9ar yinzil", "9aar yinzil",
              "9ar y6ee7", "gaa3d ynzil", "gaa3d yinzil", "ga3d yinzil", "gaa3d y6ee7"],
    # dirty water spreading into someone's room
    "inside": ["into her", "into his", "into my", "into their", "spreading across",
               "spreading into"],
}  # fmt: skip
# Eighteenth pass (Gulf and Arabizi vocabulary, docs/ROUTING_DATA.md): the words Gulf and
# Omani writers use for dangers the groups already name, in Arabic script and in Arabizi with
# and without digit letters ("ytee7", "yteeh"; "3yal", "eyal"). Arabizi skeletons shorter than
# three letters never match by fold (arabizi.MIN_TRANSLIT_SKELETON), so "yteeh" (يطيح) and
# "btee7" are listed as spelled.
_FALLS_GULF = ["yteeh", "yteh=", "yeteeh", "ytih=", "yti7=", "tteeh", "tetee7", "teteeh",
               "ti6ee7", "t6ee7", "tetih="]  # fmt: skip
_WILL_FALL_GULF = ["بطيح=", "بتطيح", "bitee7", "bteeh", "btee7", "bte7=", "bytee7", "byteeh",
                   "b yteeh", "bi ytee7", "btetee7", "bteteeh", "bt6ee7"]  # fmt: skip
# A person who got an electric shock ("ضربته كهربا", "dharabta kahraba"), or who is shut in,
# swept off by a wadi, not breathing: what the person_at_risk rule reads as peril.
_SHOCKED = [
    f"{verb} {power}"
    for verb in ("ضربته", "ضربتها", "ضربتني", "ضربني", "ضربه", "ضربها", "ضربتهم", "يضرب", "تضرب",
                 "قاعده تضرب", "قاعد يضرب")
    for power in ("كهربا", "الكهربا", "كهرباء", "الكهرباء")
] + [
    f"{verb} {power}"
    for verb in ("dharabta", "dharbata", "dhrabta", "9arabta", "dharabat", "dharbat", "dharabni",
                 "dharabatni", "ydhrob", "tdhrob", "yidhrub", "tidhrub", "ydhrub", "tdhrub",
                 "darabta", "dharabah", "9arbata", "tethrob", "tedhrob", "ydrob", "tdrob")
    for power in ("kahraba", "kahraba2", "el kahraba", "kahrba", "kahrab", "elkahraba")
] + ["ينكهرب", "انكهرب", "انكهربت", "تنكهرب", "ynkahrib", "yinkahrib", "inkahrab", "inkahrabat",
     "tinkahrib"]  # fmt: skip
# "Now" opening a question ("الحين ابي اعرف متى ترجع الكهربا", "alheen abi as2al"): Gulf
# writers start a request with الحين as "so"; a now word inside one of these is no sign of
# danger (read as urgency._UNTIL_TERMS' "until now" are).
NOW_ASKING = [
    f"{now} {ask}"
    for now in ("الحين", "والحين", "ذلحين", "alheen", "al7een", "el7een", "il7een", "dl7een")
    for ask in ("ابي اعرف", "ابغى اعرف", "ابغي اعرف", "ودي اعرف", "ابي اسال", "ابغى اسال",
                "ابي استفسر", "abi a3rif", "abi a3arf", "abi a3rf", "abi as2al", "abgha a3rif",
                "abi asal", "abi astafsir", "wddi a3rif", "widdi a3rif")
]  # fmt: skip
# Water carrying someone or a car away (Gulf شال, سحب: "السيل شال سيارة", "الموج سحب ولد",
# "el sail shal", "el mooj s7ab"), said with its subject: شال alone is "took away" (rubbish);
# not جر (dragged): by fold it is "yijri" (runs), "el mai yijri" (the water runs).
_CARRIED_OFF = [
    f"{water} {verb}"
    for water in ("السيل", "الوادي", "الماي", "الموج", "التيار", "البحر", "el sail", "el wadi",
                  "el may", "el mai", "el mooj", "el mouj", "el tayyar", "el ba7ar")
    for verb in ("شال", "شاله", "شالها", "شالهم", "سحب", "سحبه", "سحبها", "سحبهم", "shal",
                 "shala", "shalah", "shalha", "shalhom", "s7ab", "s7aba", "s7abah", "s7abha",
                 "sa7ab")
] + [
    f"{verb} {water}"
    for verb in ("شاله", "شالها", "شالهم", "سحبه", "سحبها", "سحبهم", "shalah", "shalha",
                 "s7abah", "s7abha")
    for water in ("السيل", "الوادي", "الماي", "الموج", "التيار", "el sail", "el wadi", "el may",
                  "el mooj", "el tayyar")
]  # fmt: skip
# A canopy, shade or roof folding or buckling (تنطوي، ينثني، "tin6awi", "tinthani").
_BUCKLING = ["تنطوي", "ينطوي", "انطوت", "انطوى", "ينثني", "تنثني", "انثنت", "انثنى", "tin6awi",
             "yin6awi", "in6awat", "tinthani", "yinthani", "inthanat", "tintawi", "yintawi"]  # fmt: skip
ADDED_EIGHTEENTH_GULF: dict[str, list[str]] = {
    # Omani and Gulf "ضو" is fire when it "holds" something (ماسك) or breaks out (شب ضو);
    # not "ضو" alone, which is also a light ("الضو طافي"), nor "شب الضو" (the light came on)
    "fire": ["ضو ماسك", "الضو ماسك", "ماسك ضو", "ماسكه ضو", "ماسكه فيها ضو", "ماسك فيه ضو",
             "ماسك فيها ضو", "مسك ضو", "مسكت ضو", "مسكت فيه ضو", "شب ضو", "شبت ضو", "شاب ضو",
             "النار ماسكه", "النار ماسك", "9aw masik", "9aw maasik", "9aw mask", "dhaw masik",
             "daw masik", "dhaw maasik", "el 9aw masik", "masik 9aw", "maska 9aw", "shab 9aw",
             "shabb 9aw", "shabat 9aw", "shab dhaw", "shabb dhaw", "el nar masika",
             "el nar maska", "al nar masika"],
    "peril": [*_SHOCKED, *_CARRIED_OFF, "شله الوادي", "شلهم الوادي", "شلته الوادي", "شله السيل", "شلهم السيل",
              "ماخذه الماي", "ماخذتهم الماي", "ماخذه الوادي", "ماخذهم الوادي", "جرفه الماي",
              "ما يتنفس", "ما تتنفس", "فاقد الوعي", "فاقده الوعي", "محشور", "محشوره",
              "محشورين", "انحشر", "انحشرت", "shallah el wadi", "shalhom el wadi",
              "shallaha el wadi", "shallah el sail", "jarfah el may", "jarafah el wadi",
              "ma yitnaffas", "ma titnaffas", "ma yetnafas", "m7shoor", "ma7shoor", "m7shoora",
              "in7ashar", "in7asharat", "yeghraq", "yeghrag", "yighraq",
              "yeghraqoon", "yighraqoon", "ghareeq"],
    "live_current": [*_SHOCKED, "تماس", "ماس كهربائي", "tamas kahraba", "tamas kahrabi"],
    "hurt": _SHOCKED,
    "exposed": ["يشرر", "تشرر", "يطق شرار", "تطق شرار", "تماس", "ماس كهربائي", "shrara",
                "y6ig shrar", "ytig shrar", "yi6ig shrar", "tamas=",
                # high-voltage lines sagging onto a roof
                "تلمس السطح", "تلمس سطح", "لامسه السطح", "لامسه سطح", "tilmis sa6a7",
                "tilmis el sa6a7", "talmis el sa6a7"],
    "collapsing": [*_FALLS_GULF, *_WILL_FALL_GULF, "انهد", "انهدت", "انهدم", "انهدمت", "inhad=",
                   "inhadd=", "inhaddat", "inhadam", "inhadmat"],
    "giving_way": [*_WILL_FALL_GULF, *_BUCKLING],
    "state": [*_WILL_FALL_GULF, "يرتج", "ترتج", "مخلخل", "مخلخله", "متخلخله", "يتزحزح",
              "تتزحزح", "مفكوك", "مفكوكه", "مرتخي", "مرتخيه", "mkhalkhal", "mkhal5al",
              "mkhalkhala", "yitza7za7", "titza7za7", "mafkook", "mafkooka", "mfakkak",
              "mfakka", "yirtaj", "tirtaj", "يتفكك", "تتفكك", "yitfakkak", "titfakkak"],
    # a railing come loose or pulled out, over a footbridge
    "barrier_gone": ["مفكوك", "مفكوكه", "مخلوع", "مخلوعه", "انخلع", "انخلعت", "mafkook",
                     "mafkooka", "mfakkak", "makhloo3", "makhloo3a", "inkhala3"],
    "drop": ["جسر المشاه", "جسر مشاه", "جسور المشاه", "jisr el mushat", "jisr el mushaa",
             "jisr mushat"],
    # oil or diesel spilt on a road and riders slipping on it
    "obstacle": ["ديزل", "الديزل", "deezil", "dezel", "diesel"],
    "obstacle_state": ["يزلقون", "يزلق=", "تزلق=", "زلق=", "زلقت", "زلقوا", "تزحلق",
                       "منكب", "انكب", "ينكب", "سايل على", "yzlagoon", "yizlagoon", "yzlag=",
                       "yizlag=", "tizlag", "zalag=", "zilgaw", "zlagaw", "mnkab", "minkab",
                       "inkab", "yinkab", "sayil 3la"],
    # a wadi that has "come down" (حادر, Omani and Emirati)
    "flowing": ["حادر", "حادره", "حدر=", "7adar=", "7adra", "hadra=", "hadar="],
    # a sting or bite, in Gulf and Arabizi ("قرصته عقرب", "garsatah 3agrab", "lidghah")
    "bite": ["قرص=", "قرصت", "قرصته", "قرصتها", "قرصني", "قرصتني", "قرصها", "قرصهم",
             "لدغته", "لدغتها", "لسعته", "لسعتها", "garas=", "garsat", "garsah", "garsatah",
             "garsataha", "garsaha", "garsatni", "gar9at", "lidghah", "ladghatah", "ladghat",
             "las3ah", "las3atah"],
    # not wasps or bees: a nest that stung someone once is a pest to remove in the shipped
    # labels, and "لسع" (stung) is already the attack rule's
    "beast": ["عقرب", "عقارب", "3agrab", "3aqrab", "3agarib", "3aqarib"],
    # Omani "داب" (a snake), as حنش already reads; "الهوش" (sheep and goats) on a main road
    "snake": ["داب=", "الداب=", "daab=", "el daab"],
    "wild": ["داب=", "الداب=", "daab=", "el daab"],
    "livestock": ["الهوش", "هوش="],
    "main_road": ["الخط السريع", "الخط العام", "الخط الرئيسي", "الشارع السريع",
                  "el khat el saree3", "el khat el sree3", "khat saree3", "el 5a6 el sree3",
                  "el khat el 3am", "el 5at el 3am"],
    "recent": ["توني", "تونا", "توهم", "من شوي", "قبل دقايق", "gabl shwai", "gabl shwy",
               "gabl shwaya", "qabl shway", "tawh=", "taw=", "tawni", "tawna", "tawhum"],
    # Gulf water (ماي) in Arabizi, and it "entering" a home (داش, "dash")
    "water": ["el may", "il may", "al may", "el mai", "il mai", "mai=", "maay=", "el maay",
              "mayy=", "el moya", "moya="],
    "inside": ["dash=", "dasha=", "dashat", "داشه", "داشين"],
    # gas "escaping" (يهرب) or seeping out of a line or a bottle
    "leak": ["الغاز يهرب", "غاز يهرب", "يهرب غاز", "الغاز قاعد يهرب", "تسريب غاز",
             "تسريب الغاز", "تسريب في الغاز", "el ghaz yhrib", "el ghaz yahrib", "ghaz yhrib",
             "el ghaz yihrib", "el ghaz gaa3d yhrib", "tasreeb ghaz", "tasreeb el ghaz"],
    # a distribution board (طبلون) standing open
    "box": ["طبلون", "الطبلون", "6ablon", "tablon", "6ablone"],
    # swimming where the waves are high or the red flag is up (the beach alone is calm)
    "pool_unsafe": ["الموج عالي", "موج عالي", "الموج قوي", "موج قوي", "الموج مرتفع",
                    "العلم احمر", "العلم الاحمر", "البحر هايج", "high waves",
                    "waves are high", "big waves", "strong waves", "rough sea", "sea is rough",
                    "red flag", "rip current", "el mooj 3ali", "el mouj 3ali", "el moj 3ali",
                    "mooj 3ali", "el mooj gawi", "el 3alam a7mar", "el ba7ar hayij"],
    # an old mud-brick house (بيت الطين), crumbling (يتفكك) in the rain
    "structure": ["بيت الطين", "بيوت الطين", "البيت الطين", "البيوت الطين", "bait el 6een",
                  "bait 6een", "byoot el 6een", "bait el teen"],
    "thing": ["بيت الطين", "بيوت الطين", "bait el 6een", "byoot el 6een"],
    # a smell that chokes (تخنق), in Gulf and Arabizi
    "symptom": ["تخنق", "يخنق", "خنقتنا", "خنقتهم", "تكتم النفس", "ti5nig", "tikhnig",
                "yikhnig", "yi5nig", "5ana8atna", "khanagatna"],
    # a main burst (منفجره, the participle), on "el share" (the street, no digit)
    "burst": ["منفجر", "منفجره", "monfajra", "monfajer", "mnfajra", "munfajira", "minfijra"],
    # someone in a stuck lift, in Arabizi spellings of فيه (with "9" for ض, "fi", "fih")
    "lift_occupied": [f"{fee} {who}" for fee in ("fi", "fee", "feeh", "fih", "feh")
                      for who in ("maree9", "mareedh", "mareeth", "nas", "3yal", "eyal",
                                  "yahal", "6ifl", "tifl", "a7ad", "ahad", "wa7id", "wahid")],
    # a roundabout in Arabizi, where riders slip on spilt oil
    "road": ["dwaar=", "dwar=", "dawwar=", "duwwar=", "el dwar", "el dwaar", "el share="],
    # "el yahil" (the small child) and "eyal" without digits
    "people_now": ["eyal=", "el eyal", "3yaal", "yahil=", "el yahil", "yaahil", "bzran",
                   "bazran", "بزران", "البزران", "بزارين", "البياعين", "بياعين", "الباعه",
                   "bayya3een", "el bayya3een", "bayya3in"],
}  # fmt: skip

# A car or bus standing in the middle of a wadi's or a flood's water (Gulf "في نص الماي",
# "fi nus el may"): the people in it are cut off, whatever the water is called.
MID_WATER = [
    f"{mid} {water}"
    for mid in ("في نص", "في وسط", "وسط", "بنص", "fi nus", "fi nu9", "fi noss", "b nus",
                "wasa6", "wasat", "fi wasa6", "in the middle of", "in the middle of the")
    for water in ("الماي", "الماء", "المياه", "الوادي", "السيل", "الفيضان", "el may", "el mai",
                  "el wadi", "el sail", "el sayl", "water", "wadi", "flood")
]  # fmt: skip

# Weeks ago, a while back: as "months ago", "قبل اسبوعين" (a child's fall "three weeks ago" is
# history); "nothing dangerous", as "not dangerous".
SETTLED_WEEKS = ["weeks ago", "a week ago", "a while back", "a while ago", "nothing dangerous", "قبل اسابيع", "منذ اسابيع", "منذ اسبوع",
                 "منذ اسبوعين", "gabl asabee3", "min asabee3", "mn asabee3",
                 # nineteenth pass: days ago ("قبل يومين واحد طاح من السقالة")
                 "days ago", "قبل يومين", "قبل ايام", "قبل كم يوم", "منذ يومين", "منذ ايام",
                 "gabl yomain", "gabl ayyam", "gabl kam yom",
                 # Gulf طاف (passed) in Arabizi: "el shahar elli 6af" (last month)
                 "el shahar elli 6af", "el usboo3 elli 6af", "el sana elli 6afat",
                 "el esboo3 elli 6af", "el shahar elli taf", "el sana elli tafat",
                 # "min shahar" (for a month) as Arabizi also writes it, with "mn"
                 "mn shahar", "mn shahrain", "mn usboo3", "mn esboo3", "mn zaman"]  # fmt: skip

# Understatement in English ("kind of drifting out of", "sort of sunk in", "a bit of a smell",
# "leaning quite a lot"): words that soften a danger without changing it, read as absent by
# the rules, whose windows they would stretch (urgency._unhedged). Not Arabic شوي or Arabizi
# "shway": "قبل شوي" (a moment ago) is a now word.
HEDGES: tuple[tuple[str, ...], ...] = (
    ("a", "little", "bit"),
    ("kind", "of"),
    ("sort", "of"),
    ("a", "bit"),
    ("a", "little"),
    ("kinda",),
    ("sorta",),
    ("quite",),
    ("somewhat",),
    ("slightly",),
)

# Eighteenth pass (docs/ROUTING_DATA.md, "Eighteenth pass: urgency by harm to people now").
# Each blind writer brought dangers no list named (scorpions in a nursery, bees in a
# classroom, rocks rolling onto a corniche, a truck rolling down a hill, a generator in a
# shut room, guests vomiting after a meal, a shock from a beach shower). Lists of hazards stop
# generalising; what every such message shares is a body being harmed, or a hazard moving
# toward people, said as happening now. These frames read that, whatever the hazard is.

# A body being harmed now or a moment ago: stung, bitten, burnt, shocked, drowning, choking,
# bleeding, crushed, buried, fainted, vomiting, swept off, hit, fallen from a height. Not
# قرص / "gar9" (mosquito bites), حروق (its fold is حريق, "7ree8"), nor "دايخين", "day5een"
# (by fold, "dukhaan": smoke or tobacco), nor يغرق / غريق (by fold "ghargaana", a flooded
# house: peril already reads يغرق with a person), يطرش (vomits; by fold "tarsh", spraying),
# يتقيؤون (by fold "taqniyat"), "9idmatah" (by fold "9admat", a shock), nor "hit by", "struck by", "stuck under": things
# are hit and stuck too ("the sign points the wrong way after being hit by a truck").
HARM = [
    "stung", "getting stung", "bitten", "got bitten", "scalded", "scalding", "got burned",
    "got burnt", "getting burned", "burning his", "burning her", "burning their",
    "burning the kids", "burns on", "got a shock", "getting shocks", "getting shocked",
    "got shocked", "gets a shock", "getting a shock", "electric shock", "drowning",
    "choking", "can t breathe", "cant breathe", "cannot breathe", "not breathing",
    "struggling to breathe", "bleeding", "crushed", "pinned under", "pinned by",
    "buried under", "buried up to", "trapped", "fainted", "passed out", "unconscious",
    "not moving", "vomiting", "throwing up", "threw up", "food poisoning", "poisoned",
    "swept away", "swept out", "dragged by the current", "pulled out by the current",
    "carried away by", "hit by a car", "knocked down by", "run over", "fell from",
    "fell off the", "dizzy", "can t wake", "cant wake", "won t wake", "wont wake",
    "got electrocuted", "getting electrocuted", "sucked into", "sucked under",
    "hit his head", "hit her head", "burned his hand", "burned her hand", "burnt his",
    "burnt her", "ينصعق", "تنصعق", "ضربته الكهرباء", "ضربتها الكهرباء", "انضرب كهربا",
    "طاح على راسه", "طاحت على راسها", "سحبته المضخه", "in9i3ag", "6a7 3la raasah",
    "لدغ", "لدغته", "لدغتها", "لدغت", "لسعته", "لسعتها", "لسعت", "تلسع", "يلسع",
    "صعقه", "صعقته", "صعقتها", "انصعق", "انصعقت",
    "يختنق", "تختنق", "اختنق", "يختنقون", "لا يتنفس", "لا يستطيع التنفس",
    "ينزف", "تنزف", "ينزفون", "نزيف", "دهسته", "دهستها", "دهسه", "سحقته", "محشور",
    "محشوره", "مدفون", "انردم", "ردم عليه", "فاقد الوعي", "فاقده الوعي", "فقد الوعي",
    "فقدت الوعي", "مغمى عليه", "مغمى عليها", "يتقيا",
    "تسمم", "حالات تسمم", "جرفه", "جرفها", "جرفتهم", "سحبه التيار", "سحبها التيار",
    "سحبه الموج", "سحبها الموج", "سحبه البحر", "سقط من", "سقطت من", "وقع من", "وقعت من",
    "صدمته سياره", "صدمتها سياره", "يستغيث", "يستنجد",
    "ضربه كهربا", "ضربها كهربا", "ضربته كهربا", "ضربتها كهربا",
    "ضربتني كهربا", "ضربه كهرباء", "مسكته كهربا", "مسكتها كهربا", "جاته كهربا",
    "جاتها كهربا", "جاته كهرباء", "جاتها كهرباء", "يستفرغ", "يستفرغون",
    "انحرق", "انحرقت", "ما يتنفس", "ما يقدر يتنفس", "طاح من", "طاحت من",
    "دعمته سياره", "دعمه موتر", "دعمته موتر", "دايخ=", "دايخه=", "ما يصحى",
    "ldagh", "ldaghah", "ldaghat", "ldaghatah", "lidagh", "lisa3", "las3at", "jatha kahraba", "jatah kahraba", "jaatah kahraba", "jaatha kahraba",
    "darbah kahraba", "darbatah kahraba", "darbaha kahraba", "masakatah kahraba",
    "masakatha kahraba", "yighrag", "yighraq", "tighrag", "yikhtinig", "yikhtinag",
    "ma yitnaffas", "ma yigdar yitnaffas", "yinzif", "yinzifoon", "dahasatah", "dahsatah",
    "di3mah", "di3matah", "sadmatah", "6a7 min", "6a7at min", "6a7 mn",
    "6a7at mn", "yistafrighoon", "yistafrigh", "in7arag",
    "in7aragat", "sa7bah el moj", "sa7bah el ba7ar", "sa7bah el tayyar", "sa7abah el moj",
    "jarafah", "dayi5=", "dayikh=", "ma y9a7i",
]  # fmt: skip
# A body in a harmed state that lasts while it is read: drowning, choking, not breathing,
# bleeding, trapped, buried, unconscious, vomiting. For the urgent model (model_may_flag) these
# say the danger is happening now; an event ("stung", "bitten", "fell from") may be last
# week's ("several children have been stung", "the whole lane gets bitten": calm labels).
HARM_ONGOING = [
    "drowning", "choking", "can t breathe", "cant breathe", "cannot breathe", "not breathing",
    "struggling to breathe", "bleeding", "pinned under", "pinned by", "buried under",
    "buried up to", "unconscious", "not moving", "vomiting", "throwing up", "dizzy",
    "can t wake", "cant wake", "won t wake", "wont wake",
    "يختنق", "تختنق", "يختنقون", "لا يتنفس", "لا يستطيع التنفس", "ينزف",
    "تنزف", "ينزفون", "محشور", "محشوره", "مدفون", "فاقد الوعي", "فاقده الوعي",
    "مغمى عليه", "مغمى عليها", "يتقيا", "يستغيث", "يستنجد",
    "يستفرغ", "يستفرغون", "ما يتنفس", "ما يقدر يتنفس", "دايخ=", "دايخه=",
    "ما يصحى",
    "yighrag", "yighraq", "tighrag", "yikhtinig", "yikhtinag", "ma yitnaffas",
    "ma yigdar yitnaffas", "yinzif", "yinzifoon", "yistafrighoon", "yistafrigh",
    "dayi5=", "dayikh=", "ma y9a7i",
]  # fmt: skip
# Someone going in after a person, or trying to get one out: a rescue under way is danger to
# a person now, whatever took them (a sewage pit, a well, sand that buried a worker). Probe B
# of the eighteenth pass: "his friend went in after him", "زميله يحاول إنقاذه".
RESCUE = [
    "went in after him", "went in after her", "went down after him", "went down after her",
    "jumped in after", "trying to rescue", "trying to pull him out", "trying to pull her out",
    "trying to get him out", "trying to get her out", "trying to dig him out",
    "يحاول انقاذه", "يحاول انقاذها", "يحاولون انقاذه", "يحاولون انقاذها", "يحاول اخراجه",
    "يحاولون اخراجه", "يحاولون اخراجها", "نزل وراه", "نزل وراها", "نزلوا وراه",
    "يحاولون يطلعونه", "يحاولون يطلعونها", "قاعدين يطلعونه", "يحفرون عليه",
    "nizil waraah", "nizil waraaha", "nazal waraah", "y7awloon y6al3oonah", "y7awil yin9ithah",
]  # fmt: skip
HARM_ONGOING += [*RESCUE, "دفن عامل", "دفنت", "ودفن", "buried up", "buried alive"]
# A hazard moving onto or toward people: rolling, tumbling, sliding, swinging, about to hit or
# explode; an explosion. Not Arabic انفجر / انفجرت (a pipe bursting: a burst main is
# burst_main_on_road's, and a park's burst pipe is calm); not a direction alone ("heading
# towards", "spreading to", تنتشر باتجاه: a smell, weeds, a queue of trucks spread and head
# toward houses too) nor "a loud bang" (fireworks at a wedding).
THREAT_MOVE = [
    "rolling down", "rolling towards", "rolling toward", "rolling backwards", "rolling onto",
    "rolling into", "tumbling down", "tumbling onto", "bouncing down", "bounced past",
    "bouncing onto", "sliding down towards", "sliding towards", "sliding toward",
    "about to hit", "about to explode", "about to blow", "going to explode", "swinging over",
    "swinging above", "swinging around over", "explosion", "blew up",
    "تتدحرج", "يتدحرج", "تدحرجت", "تدحرج", "ينزلق باتجاه", "تنزلق باتجاه",
    "على وشك الانفجار", "بينفجر", "بتنفجر", "قاعد ينفجر", "تتارجح فوق", "يتارجح فوق",
    "قاعد ينزل من المنحدر", "قاعده تنزل من المنحدر", "تنزل من المنحدر", "ينزل من المنحدر",
    "نازله من المنحدر", "titda7raj", "yitda7raj", "tida7raj", "yida7raj", "bi yinfajir",
    "tinzil min el mun7adar", "ynzil min el mun7adar",
]  # fmt: skip
# An explosion, matched as spelled only: by fold انفجار is "infajar", a pipe that burst.
BLAST_SPELLED = ["انفجار", "دوي=", "دوي انفجار", "infijar="]
HELP_SPELLED = [
    "الحقونا=", "il7agoona=", "el7goona=", "il7goona=",
    # nineteenth pass: more Arabizi spellings of الحقونا ("il7agona", "l7agoona", "il7aqoona")
    "il7agona=", "el7agona=", "l7agona=", "l7agoona=", "il7gona=", "el7gona=", "l7gona=",
    "il7aqoona=", "il7aqona=", "el7aqoona=", "il7agooni=", "el7agooni=", "l7agooni=",
    # and "h" for 7 (no digit letters), "help them" (الحقوهم, "ilhagoohom")
    "ilhagoona=", "ilhagona=", "elhagoona=", "elhagona=", "lhagoona=", "ilhaqoona=",
    "il7agoohom=", "ilhagoohom=", "il7goohom=", "el7agoohom=", "elhagoohom=",
    # الحقوني (help me): by fold "7agna" too ("bintain lidaghat 3ind el bait 7agna", calm)
    "الحقوني=",
]  # fmt: skip
# An explosion named as a pipe's or a tyre's: a burst, not a blast near people.
NOT_BLAST = [
    "انفجار ماسوره", "انفجار الماسوره", "انفجار انبوب", "انفجار الانبوب", "انفجار خط",
    "انفجار في الماسوره", "انفجار في خط", "انفجار كفر", "انفجار تاير", "pipe explosion",
    "tyre explosion", "tire explosion", "infijar masoora", "infijar el masoora",
]  # fmt: skip
# Whom a moving hazard is heading for, besides the people of PEOPLE_NOW: homes, a road.
TOWARD = [
    "towards the houses", "toward the houses", "towards the homes", "toward the homes",
    "towards our", "toward our", "towards the road", "toward the road", "onto the road",
    "towards the children", "towards people", "onto the walkway", "onto the houses",
    "باتجاه البيوت", "باتجاه المنازل", "نحو المنازل", "نحو البيوت", "صوب البيوت",
    "على البيوت", "على المنازل", "على بيتنا", "باتجاه بيتنا", "صوب بيتنا",
    "9ob el byoot", "9ob byootna", "3la el byoot", "3la byootna", "bittijah el byoot",
]  # fmt: skip
# Creatures dangerous in a room with people now: scorpions; monkeys and baboons that get into
# homes and grab at children (Dhofar). Not with "kids" alone (the shipped labels call
# "scorpions keep appearing, we have small kids" a pest request): with a now or a plea.
STINGER = [
    "scorpion", "scorpions", "monkey", "monkeys", "baboon", "baboons",
    "عقرب", "عقارب", "العقرب", "العقارب", "قرد=", "قرود", "القرود", "القرد=",
    "3agrab", "3aqrab", "3gareb", "3agareb", "3aqarib", "gurood", "qurood", "8urood",
    "el gurood", "gird=", "qird=",
]  # fmt: skip
# Asking for a pest service: "scorpions in the yard now, we want spraying" is a pest request.
PEST_REQUEST = [
    "spray", "spraying", "fumigate", "fumigation", "pest control", "رش=", "الرش", "رشه=",
    "مكافحه", "rash=", "rashsh", "rush=", "mukafa7a",
]  # fmt: skip
# Bees, wasps, hornets in a swarm: inside a room with people is danger now (a nest in a tree
# at a school's entrance, "several children have been stung", is a removal in the labels).
SWARM = [
    "swarm", "swarms", "bees", "wasps", "hornets", "نحل", "النحل", "دبابير", "الدبابير",
    "زنابير", "الزنابير", "na7al", "na7il", "el na7al", "dababeer", "zanabeer",
]  # fmt: skip
# Inside a room, a class, a home: where a swarm is among people (a nest under a window is not).
SWARM_INSIDE = [
    "inside", "in the classroom", "into the classroom", "in the class", "into the class",
    "in the room", "into the room", "in the hall", "into the hall", "came in", "come in",
    "flew in", "داخل", "دخل", "دخلت", "في الصف", "في الفصل", "في الغرفه", "في القاعه",
    "da5al", "dakhal", "da5il", "dakhil", "fi el 9af", "fi el fasl", "fi el ghurfa",
]  # fmt: skip
# "No driver", "بدون سواق": a negation of who is in a vehicle, not of what it does ("a pickup
# with no driver is rolling down the hill").
NEGATED_OBJECT = [
    "no driver", "without a driver", "without driver", "nobody driving", "no one driving",
    "no one in it", "nobody in it", "بدون سواق", "بدون سائق", "بلا سواق", "بلا سائق",
    "ما فيها سواق", "ما فيه سواق", "مافيها سواق", "bdoon sawwag", "bdoon sawag", "bala sawwag",
    "bdoon sayig", "bdoon sa2eq", "mafi sawwag",
]  # fmt: skip
# A plea to come now in the citizen's words: with a harm it is danger now.
# Not "bsr3a" (quickly), "hurry" or "send someone": a hornet nest that "stung my sister, remove
# it bsr3a" is a removal in the shipped labels.
HELP_NOW = [
    "please come", "come quickly", "come now", "send help", "help us", "الحقوا",
    "تكفون", "النجده", "ساعدونا", "تعالوا بسرعه", "tkfoon",
    "sa3doona",
]  # fmt: skip
# (not RECENT's "ba3dah": its fold is "ba3d", after; الحقونا, "il7agoona" as spelled only,
# HELP_SPELLED: by fold they are "7agna", ours; not تكفى: by fold تكفي, it is enough)
# "Just got", "has just": a harm a moment ago (not bare "just": "just a small cut").
JUST = ["just got", "just been", "has just", "have just", "was just", "just fell", "is still",
        "are still"]  # fmt: skip
HARM_NOW = [*NOW_PLAIN, *(t for t in RECENT if not t.startswith("ba3d")), *HELP_NOW, *JUST]
# People in distress now: not a rule's word (children scream at play), but a sign for the
# urgent model that its danger is happening now (urgency.model_may_flag).
DISTRESS = [
    "screaming", "panicking", "crying for help", "shouting for help", "يصرخون", "يصارخون",
    "يصيحون", "يستغيثون", "مذعورين", "yi9ar5oon", "y9ar5oon", "yi9ee7oon", "y9ee7oon",
]  # fmt: skip

# Eighteenth-pass terms added to earlier groups of urgency.py by name.
ADDED_EIGHTEENTH: dict[str, list[str]] = {
    # a generator or charcoal burning in a shut room: fumes whose symptoms are dizziness
    "fumes": ["generator running", "generator inside", "المولد شغال", "مولد شغال",
              "moled shaghal", "el moled shaghal", "charcoal", "فحم", "منقله", "fa7am"],
    "symptom": ["دايخ=", "دايخه=", "dayi5=", "can t wake", "cant wake",
                "won t wake", "ما يصحى", "ma y9a7i"],
}  # fmt: skip

# Nineteenth pass (Gulf and Arabizi; harms told as events, pleas): docs/ROUTING_DATA.md.
# A person named as a person (not "the car", not "residents" in general): who lies fallen, is
# shut in, or was struck. Gulf ياهل، شيبة، رجال، حرمة، "wa7ed" (someone); Arabizi spellings.
HUMAN = [
    "a boy", "a girl", "a child", "a kid", "an old man", "an old woman", "old lady", "a worker",
    "a man", "a woman", "someone", "somebody", "my neighbour", "my neighbor", "my son",
    "my daughter", "my father", "my mother", "labourer", "laborer",
    "ولد=", "الولد=", "ولدي", "ولدين", "بنت=", "البنت=", "بنتي", "طفل", "الطفل", "طفله",
    "الطفله", "ياهل", "الياهل", "بزر=", "البزر=", "شيبه", "الشيبه", "شايب", "الشايب", "عجوز",
    "العجوز", "رجال=", "الرجال=", "رجل=", "الرجل=", "حرمه", "الحرمه", "امراه", "المراه",
    "عامل=", "العامل=", "عمال", "العمال", "واحد=", "شخص", "جارنا", "جارتنا", "جاري", "ابوي",
    "امي=", "اخوي", "اختي", "ولد الجيران", "عايله", "عائله", "family",
    "walad=", "el walad", "wildi", "waladain", "bint=", "el bint", "binti", "6ifl", "el 6ifl",
    "yahal", "el yahal", "shaiba", "el shaiba", "shayib", "3ajooz", "el 3ajooz", "rayyal",
    "el rayyal", "rajjal", "7irma", "el 7irma", "3aamil", "el 3aamil", "3ommal", "el 3ommal",
    "wa7ed=", "wa7id=", "jarna", "jaratna", "aboy", "ummi", "a5oy", "u5ti", "wild el jeeran",
    "3ayla", "wa7da=",
]  # fmt: skip
# A body down or shut in now, said of that person: lying fallen (طايح، "6ayi7"), not moving,
# cannot get up, drowned-in (غرقان), shut in (محبوس، انحبس، علقان، "m7boos"), injured. Not
# "ما يرد" (the office "does not answer" as often as a fallen man), not يبكي or a plural
# يصارخون (workers shouting on a site: a noise complaint), not "ghargaana" (a flooded house).
BODY_DOWN = [
    "lying on the ground", "can t get up", "cant get up", "not responding", "unresponsive",
    "طايح=", "طايحه=", "مطيوح", "ما يتحرك", "ما تتحرك", "ما يقدر يقوم",
    "ما تقدر تقوم", "ما قدر يقوم", "مو قادر يقوم", "ما يستجيب", "ما تستجيب", "ما نقدر نطلعه",
    "ما قدرنا نطلعه", "غرقان", "غرقانه", "محبوس", "محبوسه", "محبوسين", "انحبس", "انحبست",
    "انحبسوا", "علقان", "علقانه", "عالق", "عالقه", "عالقين", "انقفل عليه", "انقفل عليها",
    "تسكر عليه", "تسكر عليها", "مصاب=", "مصابه=", "مصابين", "يستنجد",
    "ma yt7arrak", "ma yit7arrak", "ma yistajeeb", "ma tistajeeb", "ma ystajeeb",
    "ma tit7arrak", "ma ygdar ygoom", "ma yigdar yigoom", "ma ygdar yiqoom", "ma nigdar n6al3ah",
    "ma ngdar n6l3ah", "ghargan=", "m7boos", "m7boosa", "m7booseen", "ma7boos", "3al8an",
    "3alqan", "3algan", "3aalig", "3aaliq", "in7abas", "in7absat", "mu9ab", "m9ab", "m9aab",
    # heat stroke, and water that carried the person off (with the water as subject)
    "heat stroke", "heatstroke", "ضربه شمس", "dharbat shams", "6arbat shams", "darbat shams",
    "الوادي شال", "الوادي شل", "الماي شال", "السيل شل", "الموج سحب", "البحر سحب", "الفلج شال",
    "الفلج شل", "الساقيه شالت", "el wadi shal", "el may shal", "el sail shal", "el mooj s7ab",
    "el ba7ar s7ab", "el falaj shal", "il falaj shal",
]  # fmt: skip
# Arabizi "lying fallen" (طايح) and طايحين, matched as spelled only: by fold "6aye7" and طايحين
# meet "y6ee7oon" (they fall, of children at play every afternoon).
BODY_DOWN_SPELLED = ["طايحين=", "6ayi7=", "6aye7=", "6ay7=", "6aay7=", "6ay7a=", "6ay7een=", "6ayi7a=",
                     "tayi7=", "6aaye7="]  # fmt: skip
# Something come down on a named person, in that order ("الخندق انهد على عامل", "inhad 3ala
# 3aamil", "came down on a worker"): the verb and "on" before the person, so that "ولدي طاح على
# وجهه" (fell on his face) is not read.
_DOWN_ON = [
    "انهد على", "انهدت على", "انهار على", "انهارت على", "طاح على", "طاحت على", "نزل على",
    "نزلت على", "سقط على", "سقطت على", "وقع على", "وقعت على", "inhad 3ala", "inhad 3la",
    "inhadat 3ala", "6a7 3ala", "6a7 3la", "6a7at 3ala", "6a7at 3la", "nizal 3ala", "nizal 3la",
    "came down on", "fell on", "collapsed on", "collapsed onto",
]  # fmt: skip
_ON_WHOM = [
    "عامل", "العامل", "عمال", "العمال", "ولد", "الولد", "بنت", "البنت", "طفل", "الطفل", "ياهل",
    "الياهل", "واحد", "رجال", "الرجال", "شيبه", "الشيبه", "حرمه", "الحرمه", "اخوي", "ولدي", "بنتي",
    "الحريم", "البنات", "الطلاب", "الطالبات", "العيال", "el 7areem", "7areem", "el banat",
    "el 6ullab", "el 3yal",
    "3aamil", "el 3aamil", "3ommal", "el 3ommal", "walad", "el walad", "bint", "el bint",
    "yahal", "el yahal", "wa7ed", "rayyal", "el rayyal", "shaiba", "7irma", "a5oy", "wildi",
    "a worker", "the worker", "workers", "the workers", "a boy", "a child", "a man", "a woman",
    "someone",
]  # fmt: skip
DOWN_ON_PERSON = [f"{verb} {whom}" for verb in _DOWN_ON for whom in _ON_WHOM]
# A vehicle struck a person (its past tense: a moment ago unless a time says otherwise). Not
# bare صدم / صدمه (a shock) nor دعم (support): the forms with a person as object.
HIT_VERB = [
    "hit a", "ran over", "run over", "knocked down", "mowed down",
    "صدمت", "صدموا", "صدمته", "صدمتها", "دعمت", "دعمته", "دعمتها", "دعمه=", "دعمها=",
    "دهست", "دهس=", "دهسه", "دهسها", "دهسته", "دهستها",
]  # fmt: skip
# Stuck in traffic: "الولد عالق في الزحمة" is late, not shut in.
IN_TRAFFIC = ["in traffic", "traffic jam", "في الزحمه", "بالزحمه", "fil za7ma", "bil za7ma"]
# Fallen from a height: a floor, a roof, a scaffold, a balcony, a window (with a person named:
# "وحدة من العاملات طاحت من الدور الثاني", "el walad 6a7 mn el s6a7").
FELL_FROM = [
    "fell from", "fell off", "fallen from", "fallen off", "طاح من", "طاحت من", "سقط من",
    "سقطت من", "وقع من", "وقعت من", "6a7 mn", "6a7 min", "6a7at mn", "6a7at min", "ta7 mn",
    "ta7at mn", "wi8a3 mn", "wog3 mn",
]  # fmt: skip
HEIGHT = [
    "roof", "scaffold", "scaffolding", "balcony", "window", "floor", "storey", "ladder",
    "السطح", "سطح=", "السقاله", "سقاله", "البلكونه", "بلكونه", "الشباك", "الدريشه", "الدور",
    "الطابق", "الدرج", "السلم", "el s6a7", "s6a7", "el sgala", "sgala", "el balakona",
    "el dreesha", "el dor", "el 6abig", "el daraj", "el sillam",
]  # fmt: skip
# The Arabizi forms, matched as spelled only: by fold "9idmat" meets "9adeem" (old: "mafi
# tasreeb wala sharar, bas el 9andoog 9adeem" was no longer a denial for the urgent model).
HIT_VERB_SPELLED = [
    "9idmat=", "9adamat=", "9admat=", "9dmat=", "sadmat=", "d3amat=", "da3amat=", "di3mat=",
    "d3amah=", "d3amath=", "dahasat=", "dahsat=", "dahas=", "d3am=", "9idmatah=", "dahasah=",
]  # fmt: skip
# Nearly, almost: a near miss at a crossing is a request for a sign or a bump (calm labels).
NEAR_MISS = [
    "nearly", "almost", "near miss", "كادت", "كاد=", "بغت", "بغى=", "تقريبا", "كان بيصدم",
    "كانت بتصدم", "kaad", "kadat", "bghat", "bagha=", "ta8reeban", "tagreeban", "taqreeban",
]  # fmt: skip
# Pleas for help in Gulf and Arabizi: فزعة (come to our aid), انقذونا, "saa3dona" and its
# spellings. With a harm they say it is happening now (harm_to_people_now), and they count as
# a now word for the urgent model. Not "الفزعة" (thanks for the help, "مشكورين على الفزعة").
PLEA = [
    "فزعه=", "فزعتكم", "نبي فزعه", "ساعدوني", "انقذونا", "انقذوني", "انقذوه", "الحقوا علينا",
    "الحقوهم", "ساعدوهم", "saadoona", "saadona",
    "الحقوه", "بسرعه تعالوا", "faz3a=", "faz3atkom", "saa3dona", "saa3doona",
    "sa3idoona", "saa3dooni", "sa3dooni", "angithoona", "anqithoona", "angthoona", "n8thoona",
    "in8ithoona",
]  # fmt: skip
# "Quickly" in Arabizi spellings: a now word for the urgent model only, not a plea with a harm
# ("a hornet stung my sister, remove it bsr3a" is a removal in the shipped labels). Not "b sor3a"
# (with speed: "el sayyarat timshi b sor3a", cars speeding, a calm request for a bump).
QUICKLY = ["bsor3a", "bisor3a", "bsoor3a"]
# A fall, a shut door or a car striking someone said of yesterday or days ago, or that it is
# over (taken to hospital, got out) or nothing came of it: not a person down now ("الياهل طاح
# منها امس والحمدلله ما صار له شي"; "امس سيارة صدمت ولد عند الاشارة، نبي مطب").
DOWN_BEFORE = [
    "yesterday", "nothing happened", "days ago", "the other day", "taken to hospital",
    "was taken to", "got him out", "got her out", "was rescued", "were rescued",
    "امس=", "البارحه", "ما صار له شي", "ما صار لها شي", "ما صار فيه شي", "قبل يومين",
    "قبل ايام", "قبل كم يوم", "من يومين", "نقلوه", "نقلوها", "نقلوهم", "تم نقله", "تم نقلها",
    "طلعوه", "طلعوها", "طلعوهم", "ams=", "el bar7a", "il bar7a", "ma 9ar lah shay",
    "ma 9ar 4ay", "gabl yomain", "gabl ayyam", "gabl kam yom", "naglooh", "nagaloh",
    "6al3ooh", "6al3ooha",
]  # fmt: skip
# A harm a moment ago said with a Gulf verb: with a now or a plea (harm_to_people_now).
ADDED_NINETEENTH: dict[str, list[str]] = {
    "harm": ["انكهرب", "انكهربت", "تكهرب", "تكهربت", "tkahrab", "inkahrab", "tkahrabat",
             "tsammamaw", "تسمموا", "تسممت"],
    "harm_now": PLEA,
    # smoke filling a flat or a room (smoke_from_a_home): مالي الشقة، "mali el bait"
    "emerging": ["مالي=", "ماليه=", "mali=", "maali=", "m3abbi", "filling the",
                 "filled the"],
}  # fmt: skip

# Twentieth pass (Gulf and Omani; docs/ROUTING_DATA.md, "Twentieth pass, Gulf"): a person at
# risk said with no hazard word, the way Omanis write it on WhatsApp: an old woman vomiting and
# dizzy (تطرش وتدوخ), someone lying on the road (نايم على الخط), a toddler alone in the middle
# of the expressway (ياهل بروحه في نص الخط السريع), a scorpion sting whose hand has swollen
# (انلدغ ... يده انتفخت), a school bus that "صدم طالب" (hit a pupil).
# Who, in the Gulf words the nineteenth pass's list lacked: an old woman (الشيبانه), an elderly
# person (مسن، كبير السن), a pupil (طالب، طالبه; whole: مطالب and طالبنا are demands), a child
# (الجاهل in Omani speech). Not plurals (العيال، الشيبان): "العيال محبوسين في البيت من الحر"
# (kept indoors by the heat) and "الشيبان يطيحون عليه" (a pavement's calm label, extra-0005).
HUMAN_GULF = [
    "الشيبانه", "شيبانه", "مسن=", "المسن=", "مسنه=", "المسنه=", "كبير السن", "كبيره السن",
    "طالب=", "الطالب=", "طالبه=", "الطالبه=", "تلميذ=", "التلميذ=", "الجاهل=", "جدتي", "يدتي",
    "shaibana", "el shaibana", "shebana", "mosin=", "el mosin", "el 6alib", "el 6aliba",
    "el jahil", "jaddati", "yaddati",
]  # fmt: skip
# Lying on a road or the ground, said of a named person (person_down_now): نايم على الخط (the
# Omani road is الخط), منسدح، ممدد، مرمي على الارض; fainted said with مغشي and the common
# spelling مغمي. Not "نايم" alone: a labourer asleep in a park is a complaint.
BODY_DOWN_GULF = [
    "نايم على الخط", "نايم في الخط", "نايم في نص الخط", "نايم على الشارع", "نايم في الشارع",
    "نايم في نص الشارع", "نايم على الطريق", "نايم على الارض", "نايمه على الارض",
    "منسدح", "منسدحه", "ممدد على", "ممدده على", "مرمي على الارض", "مرميه على الارض",
    "مغشي عليه", "مغشي عليها", "مغمي عليه", "مغمي عليها", "مغمى عليه", "مغمى عليها",
    "nayim 3ala el khat", "naayim 3ala el khat", "nayim fi nus el khat", "nayim 3ala el share3",
    "nayim 3al ar9", "mansedi7", "mnsed7", "mansid7", "mghma 3alaih", "mughma 3alaih",
    "mghmi 3alaih", "mgh4i 3alaih", "mghshi 3alaih", "maghmi 3alaih", "mughma 3alaiha",
    "mghma 3alaiha",
]  # fmt: skip
# A vehicle's blow in the bare masculine past, whole ("الباص صدم طالب"): as a stem صدم is also
# صدمه (a shock), kept out since the nineteenth pass.
HIT_VERB_GULF = ["صدم=", "صدموه", "صدمو=", "دعموه", "دهسو="]
# Vomiting in Omani speech (يطرش), matched as spelled and only with a second sign of illness
# (person_sick_now): by fold يطرش is "tarsh" (spraying), and in Emirati and Kuwaiti speech
# طرّش is "send" ("ياريت تطرشون حد يشيله", gen-gulf-0094). The past (طرشوا، استفرغوا) is
# history: "the kids all vomited in the night" is a calm food complaint (extra-0615).
VOMIT_SPELLED = [
    "يطرش=", "تطرش=", "يطرشون=", "يطرشن=", "قاعد يطرش", "قاعده تطرش", "يستفرغ=", "تستفرغ=",
    "يستفرغون=", "يتقيا=", "تتقيا=", "يتقيؤون=", "yetrish=", "yitrish=", "titrish=",
    "yetarshoon=", "yitarshoon=", "yetershoon=", "yistafrigh=", "tistafrigh=",
    "yistafrighoon=", "يستفرغن=", "يطرشون=", "yistafrighin=", "yetarshin=",
]  # fmt: skip
# The second sign: dizzy, poisoned, feverish, convulsing, turned blue, can't stand.
SICK_SIGN = [
    "dizzy", "poisoned", "fever", "fitting", "seizure", "يدوخ", "تدوخ", "يدوخون", "دايخ=",
    "دايخه=", "دايخين", "دايخات", "تسمم", "تسمموا", "مسموم", "مسمومين", "حرارته", "حرارتها",
    "اسهال", "يتشنج", "تتشنج", "ازرق", "زرقا", "ما يقدر يوقف", "ما تقدر توقف", "ما يقدر يقوم",
    "ما تقدر تقوم", "daaykh", "daaykha", "daaykheen", "daay5een", "dayi5=", "dayikh=",
    "ydookh", "tdookh", "tsammamaw", "mtsammim", "7raarta", "7rarta", "ma ygdar yogaf",
]  # fmt: skip
# A sting's or bite's swelling: a body part swollen now (with a harm: stung_and_swelling,
# unless a spray is asked for: "انقرص من بعوض ويده منتفخة، نبي رش" is a pest request).
# Body parts only: a wall "منتفخ" bulges (a structure's state, not a body's).
_LIMBS = ["يده", "ايده", "يدها", "ايدها", "رجله", "رجلها", "وجهه", "وجهها", "اصبعه", "صبعه",
          "اصبعها", "صبعها", "ذراعه", "ذراعها"]  # fmt: skip
_SWOLLEN = ["انتفخت", "انتفخ", "منتفخه", "منفخه", "متورمه", "ورمت", "تورمت", "منتفخ", "متورم"]
SWELLING = [
    *(f"{limb} {state}" for limb in _LIMBS for state in _SWOLLEN),
    *(f"{state} {limb}" for limb in _LIMBS for state in _SWOLLEN),
    "his hand is swelling", "her hand is swelling", "swelling up", "swollen up",
    "eeda mintefkha", "eedah mintifkha", "yaddah mintifkha", "rijlah mintifkha",
    "eedha mintifkha", "eeda mintifkha", "yadha mintifkha", "rijlha mintifkha",
    "eedah intafakhat", "eedha intafakhat", "rijlah intafakhat", "wajhah mintifikh",
]  # fmt: skip
# A young child alone where traffic is fast (child_alone_on_road): who, and alone.
YOUNG = [
    "toddler", "a small child", "a little boy", "a little girl", "a child", "a kid",
    "ياهل", "الياهل", "طفل", "الطفل", "طفله", "الطفله", "بزر=", "البزر=", "ولد صغير",
    "بنت صغيره", "الجاهل=", "yahal", "el yahal", "yahil", "6ifl", "el 6ifl", "walad 9agheer",
    "bint 9agheera", "walad sagheer", "bint sagheera",
]  # fmt: skip
# Said of yesterday or asked about: not a child alone now. Not البارحه: by fold it is
# "broo7ah" (alone) itself.
NOT_ALONE_NOW = [*ASKING, *(t for t in DOWN_BEFORE if "bar7a" not in t and t != "البارحه")]
ALONE = [
    "alone", "on his own", "on her own", "by himself", "by herself", "unattended",
    "بروحه", "بروحها", "لحاله", "لحالها", "بدون اهله", "بدون اهلها", "ما معه احد",
    "ما معها احد", "محد معه", "محد معها", "b roo7ah", "broo7ah", "b roo7ha", "broo7ha",
    "la7alah", "la7ala", "la7alha", "bdoon ahla", "bdoon ahlah", "mu7ad ma3ah",
]  # fmt: skip
# The middle of a road in Omani speech (الخط is the road): beside MAIN_ROAD's ones.
MIDDLE_OF_THE_ROAD_GULF = [
    "نص الخط", "وسط الخط", "في الخط السريع", "nus el khat", "nu9 el khat", "nuss el khat",
    "wasa6 el khat", "nus el share3", "nuss el share3",
]  # fmt: skip
# A thing catching fire said with the Gulf masculine ولع / والع / مولع / يشب (thing_caught_fire):
# only beside something that burns ("النخل اليابس ولع", "الميتر يشب"); ولع alone is also a
# lamp coming on ("الليت ولع"), and whole words only: as stems they meet ولعنا (we lit the
# barbecue) and ولعوا (they set rubbish alight: the shipped labels call that calm).
BURNS = [
    "النخل", "النخله", "نخله", "الشجره", "الشجر", "السعف", "الحشيش", "العشب", "السياره",
    "الموتر", "الباص", "الحاويه", "الحاويات", "البيت", "الشقه", "المطبخ", "المحل", "الدكان",
    "المخزن", "الميتر", "العداد", "الفيش", "الكيبل", "الواير", "المكيف", "الطبلون", "الترانس",
    "المولد", "el nakhal", "el nakhla", "el shajara", "el sayyara", "el mooter", "el 7awiya",
    "el meter", "el feesh", "el cable", "el wayer", "el mukayyif", "el moled",
]  # fmt: skip
CATCHES = [
    "ولع=", "والع=", "مولع=", "والعه=", "مولعه=", "يشب=", "تشب=", "شب=", "قاعد يولع",
    "قاعده تولع", "wala3=", "wal3a=", "wale3=", "mwalli3=", "yshib=", "tshib=",
]  # fmt: skip
# The road blocked, said with the Omani الخط ("شجرة طاحت وسكرت الخط"): "سكر الخط" is also a
# phone hung up, so these are road words only where a fallen tree or sign needs one.
ROAD_BLOCKED_GULF = [
    "سكرت الخط", "سكر الخط", "مسكر الخط", "مسكره الخط", "سادين الخط", "ساده الخط", "سادت الخط",
    "قاطعه الخط", "قاطع الخط", "قطعت الخط", "sakrat el khat", "sakkarat el khat",
    "saddat el khat", "gat3at el khat",
]  # fmt: skip
# Where a leaning thing hangs over people in Omani speech: the yard (الحوش), the lane (الدرب),
# the road (الخط), a car park (leaning_over_people).
OVER_PEOPLE_GULF = [
    "على الحوش", "على حوش", "على حوشنا", "فوق الحوش", "فوق حوشنا", "على الدرب", "فوق الدرب",
    "على الخط", "فوق الخط", "على الموقف", "فوق الموقف", "على المواقف", "3ala el 7oosh",
    "3al 7oosh", "fog el 7oosh", "3ala el darb", "3ala el khat", "fog el khat",
]  # fmt: skip
# A socket, a meter or a cable crackling (يطق، تطق: whole words, beside a wire word) or
# giving off smoke or a scorching smell: exposed_wiring's danger in Gulf words.
EXPOSED_GULF = [
    "قاعد يطق", "قاعده تطق", "ريحه شياط", "ريحت شياط", "يطلع دخان", "تطلع دخان",
    "طالع منه دخان", "طالع منها دخان", "ri7at shya6", "ri7at shiya6",
]  # fmt: skip
# The single words, matched as spelled: by fold يطق meets other Arabizi verbs, and يدخن
# meets "do5an" (smoke) itself.
EXPOSED_SPELLED = ["يطق=", "تطق=", "شياط=", "يدخن=", "تدخن=", "y6ig=", "t6ig=", "shya6="]
# Not breathing, said of a named person (person_down_now): "ولدي ... ما يقدر يتنفس".
NOT_BREATHING = ["ما يتنفس", "ما تتنفس", "ما يقدر يتنفس", "ما تقدر تتنفس", "ma yitnaffas",
                 "ma titnaffas", "ma yigdar yitnaffas", "ma ygdar yitnaffas"]  # fmt: skip
# A sting said with the Gulf passive (انلدغ): a harm (with a swelling, a now or a plea). Not
# انقرص: a mosquito or an ant "pinches" too.
ADDED_TWENTIETH: dict[str, list[str]] = {
    "human": HUMAN_GULF,
    "body_down": [*BODY_DOWN_GULF, *NOT_BREATHING],
    "person": ["الجاهل=", "الشيبانه", "شيبانه", "el jahil", "el shaibana"],
    "over_people": OVER_PEOPLE_GULF,
    "exposed": EXPOSED_GULF,
    # a socket in Arabizi; a manhole cover "pulled off" (مشلوع)
    "wires": ["feesh=", "el feesh", "feeshat="],
    "open": ["مشلوع", "مشلوعه", "منشلع", "منشلعه", "mashloo3", "mshloo3", "minshili3"],
    "hit_verb": HIT_VERB_GULF,
    "harm": ["انلدغ", "انلدغت", "inldagh", "inlidagh", "inldaghat"],
    "main_road": MIDDLE_OF_THE_ROAD_GULF,
    "on_road": ROAD_BLOCKED_GULF,
    "road": ROAD_BLOCKED_GULF,
}  # fmt: skip

# Twenty-first pass (urgent recall in every form, Gulf and MSA first; docs/ROUTING_DATA.md,
# "Twenty-first pass"): kinds the rules did not read. Sea waves reaching people on a corniche,
# a beach or rocks (الموج قاعد يوصل لهم، الأمواج تصل إلى المارة); a diesel or fuel tank leaking
# (Gulf يهرب) near homes or people; stairs broken with people still above; a person shaking or
# convulsing (يرجف، يرتجف); the Gulf diminutives for a child (بنيتي، وليدي); a young child in
# the middle of a road with no "alone"; a lost old man on a fast road; a jet ski that struck a
# swimmer; buried (انطمر) and shut in a car (مسكر عليه) in Gulf words.
WAVES = [
    "الموج=", "موج=", "الامواج=", "امواج=", "موجه=", "الموجه=", "waves=", "wave=", "the surf",
    "mooj=", "el mooj", "moj=", "el moj", "amwaj=", "el amwaj", "mooja=", "el mooja", "mooja kabeera",
]  # fmt: skip
# What the waves do to the people (with a person or a now within the window: waves_reaching
# _people). Not "high" or "rising" (يرتفع، عالي): "the waves are high every afternoon, put a
# sign" is a calm request.
WAVES_REACH = [
    "يوصل", "توصل", "تصل", "يصل=", "وصل=", "وصلت", "واصل", "يضرب على", "تضرب على", "يضرب الناس",
    "تضرب الناس", "ضرب على", "ضربت على", "يغطي", "تغطي", "غطاهم", "غطت", "يسحب", "تسحب", "سحب=", "سحبت", "يطلع فوق",
    "يطلع على", "طالع فوق", "تطلع فوق", "تجرف", "يجرف", "يكسر على", "تتكسر على", "يرش على",
    "crashing over", "crashing onto", "crashing into", "breaking over", "washing over",
    "sweeping", "swept", "reaching", "reached", "pulling", "dragging", "knocked",
    "yoo9al", "yu9al", "wa9al=", "wa9lat", "y6la3 3al", "y6la3 fog", "yitla3 3al", "yghatti",
    "ys7ab", "yis7ab", "yidhrib 3al", "yadhrib 3ala", "tsi7ib", "ts7ab", "tis7ab", "ysi7ib",
]  # fmt: skip
# Who the waves reach on a shore: young men on a breakwater, anglers, swimmers (with "near").
SHORE_PEOPLE = [
    "الشباب", "الصيادين", "صيادين", "السباحين", "سباحين", "المصطافين", "anglers", "fishermen", "families", "picnickers",
    "swimmers", "el shabab", "el 9ayyadeen",
]  # fmt: skip
FUEL = [
    "ديزل", "الديزل", "وقود", "الوقود", "بنزين", "البنزين", "مازوت", "diesel", "fuel", "petrol",
    "deezel", "dezel", "deesel", "benzeen", "banzeen", "binzeen",
]  # fmt: skip
# A fuel station named as a place ("the petrol station toilets leak"): not the fuel.
FUEL_PLACE = [
    "petrol station", "petrol stations", "fuel station", "gas station", "محطه الوقود",
    "محطه وقود", "محطه البنزين", "محطه بنزين", "ma7a6at el benzeen", "ma7a6at benzeen",
]  # fmt: skip
# Leaking, in Gulf speech "يهرب" (runs away: only with a fuel word, fuel_leaking_near_people).
FUEL_LEAK = [
    "يهرب=", "تهرب=", "قاعد يهرب", "يسرب", "تسرب", "يتسرب", "يخر=", "يقطر", "يسيل", "ينقط",
    "leaking", "leaks=", "leak=", "spilling", "dripping", "dribbling", "seeping", "oozing",
    "يرشح", "ينز=", "pouring out", "yhrab=", "yihrab=",
    "yhrib=", "yihrib=", "ysarrib", "yisarrib", "yitsarrab", "tasarrub", "yikhir=",
]  # fmt: skip
# Where a fuel leak reaches people: houses, neighbours, a school, children.
FUEL_NEAR = [
    "البيوت", "بيوت", "المنازل", "منازل", "الجيران", "المدرسه", "مدرسه", "الحاره", "الحي=",
    "houses", "homes", "neighbours", "neighbors", "school", "el byoot", "byoot=", "el jeeran",
    "el 7ara", "el madrasa",
]  # fmt: skip
# Stairs gone with people above (stairs_gone_with_people_above). The Gulf "الدري" (ج as ي).
# Whole words: درجه is a degree and the stem meets درجات الحرارة.
STAIRS = [
    "الدرج=", "درج=", "الدري=", "دري=", "السلم=", "سلم=", "درجات السلم", "الدرجات=",
    "stairs", "staircase", "stairway", "steps=", "daraj=", "el daraj", "el dray", "el sillam",
]  # fmt: skip
STAIRS_GONE = [
    "انكسر", "انكسرت", "مكسور", "مكسوره", "طاح=", "طاحت=", "انهار", "انهارت", "سقط=", "سقطت",
    "انهد", "انهدم", "collapsed", "gave way", "broke=", "broken", "fell=", "came down",
    "inkasar", "6a7=", "inhar=", "inhad=", "maksoor",
]  # fmt: skip
# Who is still above: upstairs, on a floor, cannot come down.
STAIRS_ABOVE = [
    "فوق في", "فوق بالدور", "السكان فوق", "الناس فوق", "وهم فوق", "اهلي فوق", "في الدور",
    "بالدور", "في الطابق", "في الطوابق", "الطوابق العليا", "الادوار العليا", "النزول=",
    "ما يقدرون ينزلون", "ما يقدر ينزل", "ما تقدر تنزل", "عالقين فوق", "محبوسين فوق",
    "upstairs", "still on the", "on the top floor", "on the second floor", "on the third floor",
    "can t get down", "cant get down", "trapped above", "fog fi", "el sukkan fog", "el nas fog",
    "ynzloon", "ynzilon", "fil dor", "fi el dor",
]  # fmt: skip
# Shaking or convulsing, said of a named person (person_shaking_now).
SHAKING = [
    "يرجف", "ترجف", "يرتجف", "ترتجف", "ينتفض", "تنتفض", "يتشنج", "تتشنج", "تشنجات",
    "shaking", "convulsing", "having a fit", "fitting=", "seizure", "yarjif", "tarjif", "yirjif",
    "tirjif", "yartajif", "yintafi9", "yitshannaj", "titshannaj",
]  # fmt: skip
# Shaking from the cold or fear, or fine now: not an emergency ("كان يرجف من البرد").
NOT_SHAKING_NOW = [
    *ASKING, "yesterday", "امس=", "البارحه", "ams=", "el bar7a", "من البرد", "البرد=", "بارد", "cold", "shivering", "fine now",
    "is fine", "بخير", "min el bard", "bikhair", "b5air",
]  # fmt: skip
# The Gulf diminutives for a child: my little girl, my little boy.
DIMINUTIVE = ["بنيتي", "بنيتنا", "وليدي", "وليدنا", "bnayti", "bnaiti", "wlaidi", "wlaydi"]
# A young child in the middle of a road, no "alone" needed (young_child_in_the_road), or a lost
# person on a fast one (person_lost_on_road).
ROAD_MIDDLE = [
    *MIDDLE_OF_THE_ROAD_GULF, "middle of the road", "in the road", "وسط الشارع", "وسط الطريق",
    "نص الشارع", "نص الطريق", "منتصف الطريق", "منتصف الشارع", "بين السيارات", "الطريق السريع",
    "الخط السريع", "الشارع السريع", "between the cars", "between cars", "the highway",
    "the expressway", "nu9 el share3", "wasa6 el share3", "bain el sayyarat", "bein el sayarat",
    "el khat el sree3", "el 6areeq el sree3", "الخط العام", "el khat el 3am",
]  # fmt: skip
LOST = [
    "ضايع=", "ضايعه=", "تايه=", "تايهه=", "تائه=", "تائهه=", "ضائع=", "ضائعه=", "lost=",
    "wandering", "confused", "6aye3=", "dhaye3=", "dhaay3=", "6ay3a=",
]  # fmt: skip
# A jet ski, and a swimmer as the person it strikes.
JET_SKI = [
    "جت سكي", "جيت سكي", "الجت سكي", "دراجه مائيه", "الدراجه المائيه", "دراجات مائيه",
    "الدباب البحري", "دباب بحري", "jet ski", "jetski", "jet skis", "water bike", "jet sky",
]  # fmt: skip
SWIMMER = ["سباح=", "السباح=", "بسباح=", "سباحين=", "swimmer", "a swimmer", "sabba7="]
ADDED_TWENTY_FIRST: dict[str, list[str]] = {
    "human": [*DIMINUTIVE, *SWIMMER, "فتاه=", "الفتاه=", "فتى=", "صبي=", "الصبي=",
              "elderly man", "elderly woman", "an elderly"],
    "near": SHORE_PEOPLE,
    "young": [*DIMINUTIVE, "طفله صغيره", "فتاه صغيره"],
    "person": DIMINUTIVE,
    "shut_people": DIMINUTIVE,
    "vehicle": JET_SKI,
    "hit_verb": ["اصطدم", "اصطدمت", "ضرب=", "ضربت=", "struck a", "struck the", "ran into a"],
    # sand or earth pouring onto a named person (MSA انهالت)
    "down_on_person": [
        f"{verb} {whom}"
        for verb in ("انهالت على", "انهال على", "انهالت الرمال على", "انهال التراب على",
                     "انهالت الحجاره على", "انهار التراب على", "inhalat 3ala")
        for whom in _ON_WHOM
    ],
    "main_road": ROAD_MIDDLE,
    # buried by earth, or shut in a car, said of a named person in Gulf and MSA words
    # a dog's bite on a named child (not عضه alone: by clitic بعضه is "some of it"), with
    # blood flowing now (harm_to_people_now)
    "harm": [
        f"عض {whom}"
        for whom in ("ياهل", "الياهل", "طفل", "الطفل", "ولد", "الولد", "بنت", "البنت", "ولدي",
                     "بنتي", *DIMINUTIVE)
    ],
    "harm_now": ["الدم ينزل", "ينزل منه دم", "ينزل منها دم", "el dam yinzil", "el dam ynzil"],
    "body_down": ["انطمر", "انطمرت", "مطمور=", "مطموره=", "in6amar", "محتجز", "محتجزه",
                  "مسكر عليه", "مسكر عليها", "مقفل عليه", "مقفل عليها"],
}  # fmt: skip
# Said of yesterday or asked about (waves_reaching_people): not DOWN_BEFORE whole, whose
# "6al3ooh" (they got him out) folds as "y6la3" (the waves climb over).
YESTERDAY_OR_ASKED = [
    *ASKING, "yesterday", "the other day", "days ago", "امس=", "البارحه", "قبل يومين",
    "قبل ايام", "ams=", "el bar7a", "il bar7a", "اللي طاف=", "اللي فات=", "elli 6af", "elli fat",
]  # fmt: skip
# A vehicle's shut door that is over: the child got out and is well, or it was yesterday.
# "I want to ask if ...": a question about a danger, not a danger ("abi as2al law el yahal
# 6a7 fi el 7ufra mino el mas2ool?"). Read by the urgent model's gate (model_may_flag).
_ASK_OPENERS = [
    "abi as2al", "abi asal", "abi as2l", "abeey as2al", "ba as2al", "bas as2al", "wdi as2al",
    "ابي اسال", "ابغى اسال", "ابغي اسال", "ودي اسال", "بس اسال", "حاب اسال", "اريد ان اسال",
    "اود ان اسال", "اود الاستفسار", "i want to ask", "i wanted to ask", "just asking",
    "just wanted to ask", "i d like to ask",
]  # fmt: skip
_IF_WORDS = ["law", "lo", "iza", "itha", "لو", "اذا", "ان كان", "if", "whether"]
ASK_IF = [f"{ask} {cond}" for ask in _ASK_OPENERS for cond in _IF_WORDS]
# "السوق ولع" (the market is heaving), "الاسعار نار": a burning said of a crowd or prices.
FIGURATIVE_FIRE = ["الزحمه", "زحمه=", "الاسعار", "اسعار=", "za7ma", "el as3ar", "prices"]
# Out, safe and well: the end of what happened to a person ("خرج سالما", "is fine").
SAFE_NOW = [
    "خرج سالما", "خرجت سالمه", "خرجوا سالمين", "طلع سالم", "طلعت سالمه", "is fine", "are fine",
    "was fine", "were fine", "is okay", "are okay", "is ok=", "are safe", "is safe now",
]  # fmt: skip

# Twenty-second pass (urgent recall in every form, MSA and English first; docs/ROUTING_DATA.md,
# "Twenty-second pass"): a person in danger said with no hazard word. A child or an elder lost
# in a public place and not yet found; someone in the sea who cannot get back, a boat or kayak
# drifting out; a person pulled out of water who does not respond; a worker hanging by a rope
# or harness; someone who fell and does not answer; a child shut in a car's boot; MSA sea verbs
# (اجتاحت، جرفت), يرتعش, "في أمان" (safe) as an end, Arabizi "kil 3a9r" (every afternoon).

# Lost or gone off, said of a person (person_missing_now, with the person and a sign they are
# still missing). Not "ما رجع" or "لم يعد" here: "the contractor has not come back" is a
# complaint; they count only as a sign beside a word of going missing.
MISSING = [
    "ضاع=", "ضاعت=", "ضايع=", "ضايعه=", "تاه=", "تاهت=", "تايه=", "تايهه=", "تائه=", "تائهه=",
    "مفقود=", "مفقوده=", "اختفى=", "اختفت=", "فقدنا=", "طلع من البيت", "طلعت من البيت", "خرج من البيت",
    "خرجت من البيت", "خرج من المنزل", "خرجت من المنزل", "lost=", "missing=", "went missing",
    "gone missing", "wandered off", "wandering", "walked out", "walked off", "ran off",
    "6aye3=", "6ay3a=", "6a3=", "6a3at=", "dhaye3=", "mafqood=", "mafqooda=",
]  # fmt: skip
# A sign the person is still missing: nobody has found them, a search, the time since, a
# dementia that explains it. A sign alone is no emergency ("لم نعثر على الملف").
STILL_MISSING = [
    "ما لقيناه", "ما لقيناها", "ما حصلناه", "ما حصلناها", "ما لقوه", "ما لقوها", "لم نعثر عليه",
    "لم نعثر عليها", "لم نجده", "لم نجدها", "لم يعثر عليه", "ولم يعد", "ولم تعد", "وما رجع",
    "وما رجعت", "ما رجع للحين", "حتى الان", "للحين", "من ساعه", "من ساعتين", "من نص ساعه",
    "منذ ساعه", "منذ ساعتين", "منذ نصف ساعه", "منذ الصباح", "ندوره", "ندورها", "ندور عليه",
    "ندور عليها", "يدورونه", "يدورونها", "نبحث عنه", "نبحث عنها", "نبحث عنهم", "زهايمر",
    "الزهايمر", "ينسى", "تنسى", "نسيان", "تدوره", "تدورها", "يدورون عليه", "يدورون عليها",
    "can t find", "cant find", "cannot find", "no sign of", "looked everywhere",
    "looked around", "searching", "still missing", "crying for", "nobody seems to be with",
    "hours ago", "an hour ago", "for an hour", "for twenty minutes", "for half an hour",
    "dementia", "alzheimer",
    "ma lgaina", "ma lgainah", "ma lgaynah", "ma lgainaha", "ma lgooh", "mn nus sa3a",
    "min nus sa3a", "mn sa3a", "min sa3a", "ndawwrah", "ndawwir 3alaih", "lil7een",
]  # fmt: skip
# Found, home, safe, or a thing or a pet that is lost (not a person): the missing is over.
FOUND_OR_NOT_A_PERSON = [
    "found", "turned up", "is back", "came back", "got back", "safe and sound", "لقيناه",
    "لقيناها", "لقوه", "لقوها", "حصلناه", "حصلناها", "عثرنا عليه", "عثرنا عليها", "تم العثور",
    "وجدناه", "وجدناها", "رجع لاهله", "رجعت لاهلها", "رجع البيت", "رجعت البيت", "رجع للبيت",
    "lgaina", "lgainah", "lgooh", "lgooha",
    "phone", "wallet", "keys", "card", "passport", "bag=", "cat=", "cats=", "dog=", "parrot",
    "جواله", "تلفونه", "محفظته", "مفتاح", "بطاقه", "بطاقته", "جواز", "شنطه", "قطه", "قطتي",
    "القطوه", "قطوه", "قطو=", "بسه", "كلب", "ببغاء", "gi6wa", "g6wa", "bissa", "jawal",
]  # fmt: skip
# Someone in the sea who cannot get back, a boat drifting out, people on rocks as the sea
# rises round them (in_trouble_in_the_sea, beside a word of the sea). Not an engine failing
# alone (a pump's), nor "the water" alone, nor the tide rising with nobody named ("put signs
# at the rocks, the tide rises fast in the evening" is a calm request).
SEA = [
    "البحر", "بحر=", "الشاطئ", "الشاطي", "شاطئ", "الساحل", "الكورنيش", "الصخور", "صخور=",
    "قارب", "القارب", "طراد", "الطراد", "البحيره", "بحيره", "sea=", "the sea", "beach", "shore",
    "buoys", "the buoys", "breakwater", "rocks=", "boat", "kayak", "paddleboard", "the lake",
    "el ba7ar", "ba7ar=", "shati", "el shati", "el sa7il", "el 9ukhoor", "9ukhoor",
]  # fmt: skip
SEA_TROUBLE = [
    "can t get back", "cant get back", "cannot get back", "can t swim back", "can t make it back",
    "can t paddle back", "clinging to", "يتشبث", "تتشبث", "تتشبثان", "متشبث", "التيار يسحب",
    "waving his arms", "waving her arms", "waving their arms", "waving for help", "drifted out",
    "drifted way out", "drifting out", "drifting away", "adrift", "being carried out",
    "carried out to sea", "pulled out to sea", "tide is coming in", "tide coming in",
    "cut off by the tide",
    "يلوح بيديه", "يلوح بيده", "تلوح بيديها", "تلوح بيدها", "يلوحون", "ياشر بيده", "ياشر بيديه",
    "يأشر بيده", "ما يقدر يرجع", "ما يقدرون يرجعون", "ما تقدر ترجع", "لا يستطيع العوده",
    "لا يستطيع الرجوع", "لا يستطيعون العوده", "لا تستطيع العوده", "يبتعد مع التيار",
    "يبتعدون مع التيار", "تبتعد مع التيار", "يبعد عن الساحل", "قاعد يبعد", "يرتفع حولهم",
    "يرتفع حولهما", "يرتفع حوله", "يرتفع عليهم", "يرتفع عليه", "محاصرين بالمد",
    "ma yigdar yirja3", "ma yigdaroon yirj3oon", "y2ashir", "yilawwi7", "yirtifi3 3alaihom",
    "gaa3d yib3ad", "yib3ad 3an",
]  # fmt: skip
# Pulled out of water and not responding (pulled_out_unresponsive): the rescue, where from,
# and the state. "طلعوه" alone is over (DOWN_BEFORE); with a body that does not respond it is
# the start of an emergency.
PULLED_OUT = [
    "pulled", "got him out", "got her out", "dragged him out", "dragged her out", "اخرجنا",
    "اخرجوه", "اخرجوها", "انتشلنا", "انتشلوه", "انتشلوها", "طلعوه", "طلعوها", "طلعناه",
    "طلعناها", "6al3ooh", "6al3ooha", "6alla3naah", "6al3naah",
]  # fmt: skip
WATER_PLACE = [
    *SEA, "out of the water", "the water", "pool=", "the pool", "pond", "well=", "tank=",
    "canal", "المسبح", "البركه", "بركه", "الفلج", "فلج=", "البير", "البئر", "الماء", "الماي",
    "المياه", "الخزان", "el falaj", "el masba7", "el birka",
]  # fmt: skip
UNRESPONSIVE = [
    "not responding", "isn t responding", "isnt responding", "unresponsive", "not breathing",
    "isn t breathing", "unconscious", "turning blue", "gone blue", "لا يستجيب", "لا تستجيب",
    "ما يستجيب", "ما تستجيب", "لا يتنفس", "لا تتنفس", "ما يتنفس", "ما تتنفس", "فاقد الوعي",
    "فاقده الوعي", "مغمى عليه", "مغمى عليها", "زرقاوان", "ازرق=", "لونه ازرق", "لونها ازرق",
    "ma yitnaffas", "ma titnaffas", "ma ystajeeb", "ma yistajeeb", "ma tistajeeb",
]  # fmt: skip
# Hanging by a rope or a harness at height, said of a person (hanging_by_a_rope).
HANGING_BY = [
    "dangling from", "dangling off", "hanging from his", "hanging from her", "hanging from a rope",
    "hanging by a rope", "hanging by his", "hanging by her", "hanging off the side",
    "suspended from", "معلق بحبل", "معلق بالحبل", "معلقه بحبل", "متعلق بحبل", "متعلق بالحبل",
    "متعلقه بالحبل", "متعلق في الحبل", "معلق في الحبل", "متدلي بالحبل", "متدلي من الحبل",
    "m3allag bil 7abl", "m3allag b 7abl", "mit3allig bil 7abl", "mt3allig bil 7abl",
]  # fmt: skip
# Fallen and not answering, said of a named person (fell_and_not_answering): "ما يرد" alone is
# also an office that does not answer (nineteenth pass), so only beside a fall and a person.
FELL_DOWN = [
    "fell=", "fallen", "collapsed", "fainted", "طاح=", "طاحت=", "سقط=", "سقطت=", "وقع=",
    "وقعت=", "انهار=", "انهارت=", "6a7=", "6a7at=", "wi8a3=",
]  # fmt: skip
NOT_ANSWERING = [
    "not answering", "isn t answering", "not talking", "won t answer", "not answering us",
    "ما يرد", "ما ترد", "لا يرد", "لا ترد", "لا يجيب", "لا تجيب", "ما يتكلم علينا", "ma yrd",
    "ma trd", "ma yridd", "ma yrid", "ma tridd",
]  # fmt: skip
# Can't, cannot: an inability before a danger word ("the parents can't open it") reports the
# danger, it does not deny it (urgency._denied).
INABILITY = [
    "can t", "cant=", "cannot", "couldn t", "couldnt", "unable", "لا يستطيع", "لا يستطيعون",
    "لا تستطيع", "لا نستطيع", "ما يقدر", "ما يقدرون", "ما تقدر", "ما نقدر", "ما قدرنا",
    "ma yigdar", "ma ygdar", "ma yigdroon", "ma nigdar",
]  # fmt: skip
# Waves that climb the walkway every afternoon: the sea's daily habit, a sign to ask for
# (waves_reaching_people; Arabizi "kil 3a9r" was read as danger now in the twenty-first pass's
# probe B). Not in RECURRING: "the children play by the open well every afternoon" is urgent
# in the shipped labels (a standing hazard people are at daily).
WAVES_DAILY = [
    "every afternoon", "every evening", "every morning", "كل عصر", "كل مساء", "كل صباح",
    "kil 3a9r", "kil 3asr", "kil 3a9ir", "kil masa", "kil 9ob7", "kil sob7",
]  # fmt: skip
# A person in MSA's accusative ("جرفت رجلا", "أنقذوا طفلا"), a window cleaner, a toddler, an
# elderly parent: named people the earlier lists read only in other forms.
HUMAN_TWENTY_SECOND = [
    "رجلا", "شخصا", "طفلا", "صبيا", "شابا", "صيادا", "عاملا", "ولدا", "شاب=", "الشاب=",
    "والدي", "والدتي", "جدي=", "جدتي", "window cleaner", "a cleaner", "the cleaner",
    "a painter", "a little boy", "a little girl", "toddler", "elderly", "a teenager",
    "teenagers", "wldi", "wildi", "bnti", "my grandad", "my grandfather", "my grandmother",
    "my grandma", "my dad", "my mum", "my mom", "ابني", "ابنتي", "بنتنا", "ولدنا", "bintna",
    "wildna", "ibni",
    # "a little" is an English hedge (urgency._unhedged): "a little boy" is read as "boy"
    "boy=", "girl=",
]  # fmt: skip
# Shut in a car's boot: the MSA صندوق السيارة, the Gulf دبة, "the boot", "the trunk".
SHUT_IN_BOOT = [
    "in the boot", "in the trunk", "shut in the", "got shut in", "locked in the boot",
    "داخل صندوق", "في صندوق السياره", "في دبه", "في الدبه", "داخل الدبه", "انقفلت في",
    "انقفل في", "انحبس في", "انحبست في", "انقفلت داخل", "ingiflat fi", "ingifal fi",
    "in7ibsat fi", "fi dabbat",
]  # fmt: skip
ADDED_TWENTY_SECOND: dict[str, list[str]] = {
    "human": HUMAN_TWENTY_SECOND,
    "near": ["رجلا", "شخصا", "طفلا", "صبيا", "شابا", "صيادا"],
    # the MSA sea's verbs: swept over the walkway and carried a man off
    "waves_reach": ["اجتاحت", "اجتاح=", "جرفت", "جرف=", "ابتلعت", "ابتلع=", "غمرت"],
    # trembling (يرتعش), as يرجف and يرتجف
    "shaking": ["يرتعش", "ترتعش", "يرتعشون", "trembling", "yirti3ish", "yirtjif", "yirtijif",
                "tirtijif"],
    # MSA: cannot get out or come down (person_at_risk)
    "peril": ["لا يستطيع الخروج", "لا يستطيعون الخروج", "لا تستطيع الخروج",
              "لا يستطيع النزول", "لا يستطيعون النزول", "لا تستطيع النزول"],
    # a body that does not breathe or has fallen to the ground, in MSA
    "body_down": ["لا يتنفس", "لا تتنفس", "سقط ارضا", "سقطت ارضا", "مغشيا عليه"],
    "shut_in": SHUT_IN_BOOT,
    "shut_people": ["bint=", "el bint", "walad=", "el walad", "a child", "little girl",
                    "little boy"],
}  # fmt: skip
# Safe now in MSA ("وهي الآن في أمان"), as "is fine" and "خرج سالما" read (SAFE_NOW).
# Not "بخير" (well): "هل هو بخير؟" asks; the urgency.Rule unless_negatable reads "ليس في أمان".
SAFE_NOW += ["في امان", "بامان", "found safe", "safe and sound"]
# A footbridge or a wooden crossing with boards or panels gone, with people still crossing it
# (broken_crossing_in_use): a worn or peeling bridge, or one nobody uses, is one to repair.
FOOTBRIDGE = [
    "footbridge", "foot bridge", "pedestrian bridge", "wooden bridge", "walkway bridge",
    "جسر المشاه", "جسر مشاه", "الجسر الخشبي", "جسر خشبي", "جسر العبور", "المعبر",
    "jisr el mushat", "el jisr el khashabi",
]  # fmt: skip
CROSSING_BROKEN = [
    "panels missing", "missing panels", "panel missing", "boards missing", "missing boards",
    "planks missing", "missing planks", "broken planks", "broken boards", "gap in the",
    "hole in the", "الواح مفقوده", "الواح ناقصه", "الواح مكسوره", "الالواح مفقوده",
    "الالواح ناقصه", "الالواح مكسوره", "لوح مفقود", "لوح ناقص", "فيه فتحه", "فيها فتحه",
    "el alwa7 naag9a", "el alwa7 maksoora",
]  # fmt: skip
CROSSING_IN_USE = [
    "walking across", "walking over", "still walking", "still crossing", "crossing it",
    "people are still", "kids are still", "use it", "using it", "يعبرونه", "يعبرون عليه",
    "يمشون عليه", "يمرون عليه", "يمرون فوقه", "يعبرون فوقه", "قاعدين يعبرون", "ymshoon 3alaih",
    "yi3baroon", "y3broon",
]  # fmt: skip

# Twenty-third pass (urgent recall in every form; docs/ROUTING_DATA.md, "Twenty-third pass"):
# danger now said as a situation, with no hazard word. A person not back, not out, not found
# or not answering for a span of time or from a dangerous place (a culvert, the sea, a
# manhole); a confused elder wandering in the heat or on a road; someone shut in a room and
# banging on the door; a cracked gas hose; flood water up to door handles or car windows; a
# board or block standing in the only lane at night with no lights; a parked vehicle rolling
# on its own.

# "What do we do if ...": a question about a danger that has not happened.
WHAT_IF = [
    f"{what} {cond}"
    for what in ("what do we do", "what should we do", "what do i do", "what should i do",
                 "what to do", "what happens", "who do we call", "who do i call", "شو نسوي",
                 "شو اسوي", "ايش نسوي", "وش نسوي", "ماذا نفعل", "ماذا افعل", "ما العمل",
                 "shu nsawwi", "shu asawwi", "wesh nsawwi")
    for cond in ("if", "when", "لو", "اذا", "عندما", "law", "iza", "itha")
]  # fmt: skip
# Not back, not out, not surfaced, not found, not answering: the negation is part of the
# phrase (person_not_back_now). Not "ما رجع" of a contractor: the rule needs a named person
# and cancels on a work delay (NOT_BACK_DELAY).
NOT_BACK = [
    "hasn t come back", "haven t come back", "has not come back", "have not come back",
    "not come back", "not back yet", "still not back", "isn t back", "aren t back", "not back=",
    "hasn t returned", "haven t returned", "has not returned", "have not returned",
    "not returned", "hasn t come home", "haven t come home", "not come home", "not home yet",
    "hasn t come out", "haven t come out", "has not come out", "have not come out",
    "not come out", "not out yet", "still not out", "hasn t come up", "haven t come up",
    "has not come up", "not come up", "hasn t surfaced", "has not surfaced", "not surfaced",
    "hasn t resurfaced", "not resurfaced", "not answering", "isn t answering",
    "hasn t answered", "has not answered", "not answered", "not picking up",
    "isn t picking up", "no answer from", "not replying", "can t find", "cant find",
    "cannot find", "can t reach", "cannot reach", "can t get hold of", "nobody has seen",
    "haven t heard from", "not heard from", "lost contact", "can t contact", "cannot contact",
    "unreachable",
    "no one has seen", "haven t seen", "not been seen",
    "لم يعد", "لم تعد", "لم يعودوا", "لم يرجع", "لم ترجع", "لم يرجعوا", "لم يخرج", "لم تخرج",
    "لم يخرجوا", "لم يصعد", "لم تصعد", "لم يطلع", "لم يظهر", "لم تظهر", "لم يصل", "لم تصل",
    "لا يرد", "لا ترد", "لا يجيب", "لا تجيب", "لم يرد", "لم ترد", "لم نجده", "لم نجدها",
    "لم نعثر عليه", "لم نعثر عليها", "لم يره احد", "لم يرها احد", "لم نسمع منه", "لم نسمع منها",
    "لم نسمع من", "انقطع الاتصال", "انقطع اتصاله", "انقطع اتصالها", "انقطع التواصل",
    "لا نستطيع الوصول اليه", "لا نستطيع الوصول اليها", "لا نستطيع التواصل",
    "ما سمعنا منه", "ما سمعنا منها", "ما نقدر نوصل له", "ما قدرنا نوصل له", "ما قدرنا نوصل لها",
    "ما رجع", "ما رجعت", "ما رجعوا", "ما ردوا", "ما طلع", "ما طلعت", "ما طلعوا", "ما يرد",
    "ما ترد", "ما يردون", "ما وصل", "ما وصلت", "ما وصلوا", "ما بان", "ما بانت", "ما ظهر",
    "مب راجع", "مو راجع", "ما لقيناه", "ما لقيناها", "ما حصلناه", "ما حصلناها", "ما نلقاه",
    "محد شافه", "محد شافها", "ما حد شافه", "ما احد شافه", "ما شافه احد",
    "ma rja3", "ma rij3", "ma rja3at", "ma rij3at", "ma rja3aw", "ma rij3aw", "ma rj3",
    "ma 6ala3", "ma 6il3", "ma 6la3", "ma 6al3at", "ma 6il3at", "ma 6ala3aw", "ma 6il3aw",
    "ma yrd", "ma yrid", "ma yridd", "ma trd", "ma trid", "ma tridd", "ma yraddoon",
    "ma ban", "ma banat", "ma lgaina", "ma lgainah",
    "ma lgainaha", "m7d shafah", "ma 7ad shafah", "mb raaje3", "mb raji3", "mo raji3",
]  # fmt: skip
# and the same with a glued "and" ("وما طلعوا", "ولا يرد"): the negation is one word with it
NOT_BACK += ["و" + t for t in NOT_BACK if t.startswith(("ما ", "لا ", "لم ", "مب ", "مو ", "محد "))]
# The Latin ones are matched as spelled (urgency._SPELLED): by fold Arabizi water, "el mai",
# is "ما" (الماء), so "el mai wa9al" (the water reached) would read "ma wi9al", not arrived.
NOT_BACK_LATIN = [t for t in NOT_BACK if t.isascii()]
NOT_BACK = [t for t in NOT_BACK if not t.isascii()]
# How long, or since when: minutes and hours, a time of day, "since" (the span a person has
# been gone). Not days and weeks: those are a delay complaint (SETTLED reads "for weeks").
SPAN = [
    "hour", "half an hour", "minute", "mins=", "since=", "all morning", "all afternoon",
    "this morning", "since dawn", "since noon", "since lunch",
    "ساعه=", "ساعتين", "ساعتان", "ساعات", "الساعه=", "دقيقه", "دقائق", "دقايق", "ربع ساعه",
    "نص ساعه", "نصف ساعه", "من الصبح", "من الصباح", "منذ الصباح", "منذ الصبح", "من الظهر",
    "منذ الظهر", "من العصر", "منذ العصر", "من المغرب", "منذ المغرب", "من الفجر", "منذ الفجر",
    "من الليل", "من امس", "منذ امس", "من البارحه", "منذ البارحه", "صار له", "صار لها",
    "صار لهم", "صارله", "صارلها", "مضى على", "مضت", "منذ ساعه", "من ساعه",
    "sa3a=", "sa3tain", "sa3tein", "sa3atain", "sa3at=", "da8eega", "da8ayi8", "dageega",
    "dgeega", "daqeeqa", "dagayig", "dagaayig", "nus sa3a", "nu9 sa3a", "rub3 sa3a",
    "min el 9ob7", "mn el 9ob7", "min el 9b7", "mn el 9b7", "min el subu7", "min el dhohor",
    "min el 6uhur", "min el 3a9r", "mn el 3a9r", "min el fajr", "mn el fajr", "min el maghrib",
    "min ams", "mn ams", "min el bar7a", "mn el bar7a", "9ar lah", "9ar laha", "9ar lahom",
    "9arlah", "9arlaha",
]  # fmt: skip
# A place a person can be lost in or under: gone into it and not out is danger even with no
# span ("the workers went into the culvert and haven't come out"); and who has nobody: living
# alone, a phone switched off, the dark or the rain coming.
DANGER_PLACE = [
    "lives alone", "living alone", "alone=", "بروحه", "بروحها", "لحاله", "لحالها", "وحده=",
    "وحدها=", "bro7ah", "bro7ha", "on her own", "on his own", "phone is off", "phone off",
    "switched off", "after dark", "getting dark", "عايش بروحه", "عايشه بروحها", "ساكن بروحه",
    "ساكنه بروحها", "يعيش وحده", "تعيش وحدها", "يسكن لوحده", "تسكن لوحدها", "يسكن وحده",
    "تلفونه مغلق", "تلفونه مقفل", "هاتفه مغلق", "هاتفها مغلق", "جواله مغلق", "جواله مقفل",
    "تلفونها مغلق", "جوالها مغلق", "tilifona maghloog", "tilifoonah maghloog", "jawwala maghloog",
    "y3eesh bro7ah", "saakin bro7ah",
    "culvert", "tunnel", "cave", "storm drain", "drain=", "manhole", "sewer", "the well",
    "tank=", "the sea", "sea=", "beach", "the water", "wadi", "the flood", "pit=", "trench",
    "the mountain", "the rocks", "diving", "dive=", "snorkel",
    "العباره", "عباره", "النفق", "نفق=", "الكهف", "كهف=", "المغاره", "البئر", "البير", "الخزان",
    "البحر", "الوادي", "السيل", "غرفه التفتيش", "المنهول", "منهول", "الحفره", "الجبل", "الغوص",
    "يغوص", "يسبح", "الشاطئ", "الشاطي", "البالوعه", "المجاري",
    "el wadi", "il wadi", "el ba7ar", "il ba7ar", "el bir", "el khazzan", "el ka7f", "el 3abbara",
    "3abbara", "el jabal", "el manhole", "ghaw9", "el ghaw9", "yghoo9", "el shati", "el nafag",
]  # fmt: skip
# A work delay, an office or a line that does not answer: not a person gone ("the workers
# haven't come back to finish", "الخط الساخن ما يرد من ساعة").
NOT_BACK_DELAY = [
    *WHAT_IF,
    "to finish", "to fix", "to complete", "to repair", "to collect", "to continue", "to pick up",
    "municipality", "office", "hotline", "helpline", "call centre",
    "call center", "customer service", "complaint", "the crew", "permit", "bus is late",
    "bus was late", "bus is running late",
    "يكمل", "يكملون", "يكملوا", "لاكمال", "لتكمله", "يصلح", "يصلحون", "لاصلاح", "يخلص",
    "البلديه", "المكتب", "الخط الساخن", "خدمه العملاء", "الموظف",
    "الموظفين", "بلاغ", "البلاغ", "شكوى", "الشكوى", "تصريح", "الباص متاخر", "الباص تاخر",
    "ykammil", "ykamloon", "y9alli7", "el baladiya",
]  # fmt: skip
# Back, found, home, out: the absence is over (unless right after a negation: "ما رجع").
# Not "طلع" or "6ala3": "طلع من البيت" is also going out of the house.
CAME_BACK = [
    "came back", "is back", "are back", "got back", "came home", "came out", "is home",
    "picked him up", "picked her up", "all good", "he s fine", "she s fine", "they re fine",
    "رجع=", "رجعت=", "رجعوا=", "وصل=", "وصلت=", "وهو بخير", "وهي بخير",
    "وهم بخير", "طلعت نايمه", "طلع نايم", "rja3=", "rij3=", "rja3at=", "w hwa zain",
    "w hiya zaina", "w hu zain",
]  # fmt: skip
# Found (FOUND_OR_NOT_A_PERSON without its things: "not answering his phone" is a person).
FOUND = [
    "found", "turned up", "safe and sound", "لقيناه", "لقيناها", "لقوه", "لقوها", "حصلناه",
    "حصلناها", "عثرنا عليه", "عثرنا عليها", "تم العثور", "وجدناه", "وجدناها", "lgaina",
    "lgainah", "lgooh", "lgooha",
]  # fmt: skip
# A thing or a pet that is lost, not a person: FOUND_OR_NOT_A_PERSON's things without the
# phone words ("not answering his phone" is said of a person).
NOT_A_PERSON = [
    "wallet", "keys", "card", "passport", "bag=", "cat=", "cats=", "dog=", "parrot", "محفظته",
    "مفتاح", "بطاقه", "بطاقته", "جواز", "شنطه", "قطه", "قطتي", "القطوه", "قطوه", "قطو=", "بسه",
    "كلب", "ببغاء", "gi6wa", "g6wa", "bissa",
]  # fmt: skip
# "Since yesterday", "من أمس": a span, not "yesterday" (the unless word is then no past).
SINCE_YESTERDAY = [
    "since yesterday", "since last night", "من امس", "منذ امس", "من البارحه", "منذ البارحه",
    "min ams", "mn ams", "min el bar7a", "mn el bar7a",
    # alone ("bro7ha") folds as "el bar7a" (yesterday) too
    "bro7ha", "bro7ah", "bi ro7ha", "bi ro7ah",
]  # fmt: skip
# Named people the earlier lists did not read: brothers, divers, fishermen, young men.
HUMAN_TWENTY_THIRD = [
    "my brother", "my sister", "my uncle", "my wife", "my husband", "my dad", "my mum",
    "brother", "neighbour", "neighbor", "diver", "divers", "fisherman", "fishermen", "hiker",
    "hikers", "old man", "old woman", "elderly lady", "grandpa", "grandma",
    "الشباب", "شباب=", "غواص", "الغواص", "صياد", "الصياد", "عمي", "خالي", "زوجي", "زوجتي",
    "اخوي", "اخي=", "اختي", "ابوي", "ابوه", "امي=", "جدي=", "جدتي", "والدي", "والدتي",
    "boys=", "girls=", "kids=", "children", "two men", "the men", "lads=", "a lady", "the lady",
    "فتيان", "الفتيان", "فتيات", "الفتيات", "شبان", "الشبان", "الوالده", "الوالد=",
    "العيال", "عيال=", "اليهال", "يهال=", "الاطفال", "اطفال=", "el 3yal", "3yal=", "3iyal=",
    "el shabab", "shabab", "ghawwa9", "ghawwas", "el ghawwa9", "9ayyad", "el 9ayyad", "a5ooy",
    "akhooy", "akhoy", "ubooy", "abooy", "uboy", "jaddi", "jaddati", "yadi", "yaddi",
]  # fmt: skip
# Confused, not knowing where or who: a lost elder said without "lost" (confused_person_exposed).
CONFUSED = [
    "confused", "disoriented", "disorientated", "dazed", "doesn t know where",
    "doesn t seem to know", "don t think he knows", "don t think she knows", "no idea where he",
    "no idea where she", "know where he is", "know where she is", "know where he lives",
    "know where she lives",
    "don t know where he", "can t tell us where", "cannot tell us where", "can t say where",
    "doesn t know his name", "doesn t know her name", "can t remember where",
    "doesn t know his way", "talking to himself", "talking to herself",
    # where his home is, where he is, his name: not "ما يعرف وين" alone ("الواحد ما يعرف وين
    # المسار بالليل", nobody can tell where the lane is at night: a road-marking complaint)
    *(f"{who} {where}"
      for who in ("مب عارف", "مب عارفه", "مو عارف", "مش عارف", "ما يعرف", "ما تعرف", "ما يدري",
                  "ما تدري", "لا يعرف", "لا تعرف", "ma y3rf", "ma ya3rif", "ma t3rf", "mb 3arf",
                  "mo 3arf", "ma yadri")
      for where in ("وين بيته", "وين بيتها", "وين هو", "وين هي", "وين اهله", "اين بيته",
                    "اين بيتها", "اين هو", "اين هي", "اين يسكن", "اين تسكن", "اسمه", "اسمها",
                    "ween baitah", "ween baitha", "ween hwa", "ween 7o", "ismah", "ismha")),
    "مشوش", "مشوشه", "تايه عقله", "mshawwash",
]  # fmt: skip
# An elder (elder_wandering_exposed): wandering alone in the heat or on a road is danger even
# with no word of confusion ("an elderly man wandering along the highway in the midday sun").
ELDER = [
    "elderly", "old man", "old woman", "old lady", "grandfather", "grandmother", "grandad",
    "grandpa", "grandma", "pensioner", "شيبه", "الشيبه", "شايب", "الشايب", "عجوز", "العجوز",
    "مسن", "المسن", "مسنه", "المسنه", "كبير في السن", "كبيره في السن", "كبير السن", "جدي=",
    "جدتي", "shaiba", "el shaiba", "shayib", "el shayib", "3ajooz", "el 3ajooz", "jaddi",
    "jaddati", "yaddi", "yadditi",
]  # fmt: skip
WANDERING = [
    "wandering", "wanders", "wandered", "walking in circles", "walking aimlessly", "shuffling",
    "يهيم", "هايم", "هايمه", "يلف في", "تلف في", "يدور في الشوارع", "تدور في الشوارع", "تايه",
    "تايهه", "ضايع", "ضايعه", "ha2im", "haayim", "yhim", "6aye3", "6ay3a",
]  # fmt: skip
# Where an elder wandering confused is in danger: heat, the sun, a road, the night, barefoot.
EXPOSED_PLACE = [
    *HEAT, *ROAD_MIDDLE, "midday", "noon sun", "full sun", "ring road", "kerb", "curb=", "barefoot", "no shoes", "at night", "road=",
    "roundabout", "traffic", "service road", "حافي", "حافيه", "الشمس", "الحر=", "الدوار",
    "دوار=", "الشارع", "الطريق", "الخط=", "في الليل", "بالليل", "7afi", "7aafi", "el shams",
    "el 7ar", "dowar", "el dowar", "el share3", "el shar3", "el 6areeg", "bil lail", "fi el lail",
]  # fmt: skip
# Shut inside a room, a toilet, a store (shut_in_a_room): a named person and a sign.
SHUT_INSIDE = [
    "locked inside", "locked in the", "locked in a", "shut inside", "stuck inside",
    "trapped inside", "jammed shut", "can t open the door", "cannot open the door",
    "انقفل عليه", "انقفل عليها", "انقفل عليهم", "مقفول عليه", "مقفول عليها", "تسكر عليه",
    "تسكر عليها", "محبوس داخل", "محبوسه داخل", "عالق داخل", "عالقه داخل", "محتجز داخل",
    "علق داخل", "علقت داخل", "انحبس داخل", "انحبست داخل", "3ilig dakhil", "3ilgat dakhil",
    "ingifal 3alaih", "ingiflat 3alaiha", "ingifal 3alaiha", "m7boos dakhil", "tsakkar 3alaih",
]  # fmt: skip
SHUT_SIGN = [
    *SPAN, "banging", "knocking", "shouting", "screaming", "crying", "calling for help",
    "heat=", "this heat", "يطق", "تطق", "يدق", "تدق", "يصيح", "تصيح", "يصارخ", "تصارخ", "يبكي",
    "تبكي", "الحر=", "ytig", "ydig", "y9ee7", "t9ee7", "yibchi", "tibchi",
]  # fmt: skip
# A gas hose, regulator or valve cracked or split (gas_hose_broken).
GAS_THING = [
    "gas=", "cylinder", "cylinders", "lpg=", "غاز", "الغاز", "سلندر", "السلندر", "اسطوانه",
    "ghaz", "gaz=", "slinder", "silinder", "cylender",
]  # fmt: skip
GAS_HOSE = [
    "hose", "regulator", "valve", "pipe=", "tube=", "لي الغاز", "لي السلندر", "خرطوم", "الخرطوم",
    "بربيش", "البربيش", "المنظم", "منظم=", "الصمام", "صمام=", "ساعه الغاز", "7ose", "el hose",
    "barbeesh", "khar6oom",
]  # fmt: skip
HOSE_BROKEN = [
    "cracked", "crack=", "cracks=", "split", "cut=", "torn", "burst", "broken", "melted",
    "perished", "has a hole",
    "مشقوق", "مشقوقه", "انشق", "مقطوع", "انقطع", "مشروخ", "مكسور", "ذايب", "محروق", "مخروم",
    "فيه خرم", "mshgoog", "mashgoog", "m8too3", "mgtoo3", "maksoor", "inshag", "makhroom",
]  # fmt: skip
# Flood water at a depth that reaches people: door handles, car windows, a child's chest.
FLOOD_WATER = [
    "water", "floodwater", "flood water", "flood=", "الماء", "الما=", "الماي", "المياه", "منسوب",
    "السيل", "مويه", "el mai", "el may", "el maay", "el mooya", "mai=", "el sail",
]  # fmt: skip
DEPTH_MARK = [
    "door handles", "door handle", "car windows", "the windows of the cars", "to the windows",
    "waist=", "waist deep", "chest=", "chest deep", "neck=", "مقابض", "مقبض الباب", "مسكات الابواب",
    "مسكه الباب", "نوافذ السيارات", "دريشات السيارات", "دريشه السياره",
    # a body's depth after "up to" only: by fold "5aa9ra" (stagnant) is الخصر (the waist)
    *(f"{to} {part}" for to in ("حتي", "لين", "الي", "وصل", "وصلت")
      for part in ("الخصر", "الصدر", "الرقبه", "صدورهم", "خصورهم")),
    "mgabidh", "mgabid", "maskat el abwab", "draishat el sayyarat", "bonnet", "bonnets",
    # Arabizi "la" is "to" before the depth ("wa9al la mgabidh"), not "no": read with it
    "la mgabidh", "lain mgabidh", "la maskat", "la draishat", "lain draishat",
    "halfway up the doors", "up to the seats", "كبوت السيارات", "كبوت السياره", "فوق الكبوت",
]  # fmt: skip
# A board, barrier or block standing in the only lane, unlit at night (obstacle_in_the_lane).
LANE_OBJECT = [
    "road closed", "closed board", "board=", "barrier", "barriers", "concrete block",
    "concrete blocks", "jersey barrier", "water barrier", "skip=", "diversion sign",
    "لوحه", "لوحات", "حاجز", "حواجز", "بلوك", "بلوكات", "صبه", "صبات", "الصبات", "براميل",
    "lo7a", "lo7at", "7ajiz", "7awajiz", "blok", "blokat", "9abbat",
]  # fmt: skip
IN_LANE = [
    "the only lane", "only open lane", "in the lane", "fast lane", "middle of the lane",
    "across the lane", "after the bend", "round the bend", "around the bend", "on the bend",
    "المسار الوحيد", "في المسار", "نص المسار", "وسط المسار", "في نص الخط", "في وسط الخط",
    "بعد المنعطف", "عند المنعطف", "في المنعطف", "بعد اللفه", "عند اللفه", "المسار السريع",
    "fi el masar", "nu9 el masar", "nus el masar", "ba3d el laffa", "ba3d el mun3a6af",
    "el masar el wa7eed",
]  # fmt: skip
UNLIT = [
    "no lights", "no light", "unlit", "no reflectors", "no reflector", "pitch dark",
    "pitch black", "in the dark", "at night", "dark out", "no lighting", "without lights",
    "nearly hit", "swerving", "ما عليها ولا ضو", "ما عليها ضو", "ما عليه ضو", "بدون اضاءه",
    "بدون انوار", "بلا اضاءه", "ما فيها انوار", "مافي ليتات", "ما عليها ليت", "في الليل",
    "بالليل", "في الظلام", "الظلام", "ظلام=", "مظلم", "ما عليه عاكسات", "ما عليها عاكسات",
    "بدون عاكسات", "بلا عاكسات", "كادت تصدم", "كاد يصدم", "ma 3alaiha 9aw",
    "bidoon idha2a", "mafi lay6", "fi el lail", "bil lail", "9alam", "mdhlim",
]  # fmt: skip
# A request for a board or barrier, not one standing there (obstacle_in_the_lane): "please put
# barriers in the fast lane at night", a permit for a road-closed board.
LANE_REQUEST = [
    *YESTERDAY_OR_ASKED, *WHAT_IF, "please put", "please place", "put up", "install", "permission",
    "permit", "can we", "can i", "could you put", "حطوا", "ضعوا", "تركيب", "نبي تحطون",
    "نطالب بوضع", "نرجو وضع", "تصريح", "ممكن نحط", "ممكن وضع", "7a66o", "7u66o", "ti9ree7",
]  # fmt: skip
# A parked vehicle moving with nobody driving it (vehicle_moving_by_itself).
ROLLING_VEHICLE = [
    *VEHICLE, "pick up", "pickup", "truck", "lorry", "tanker", "بيك اب", "البيك اب", "شاحنه",
    "الشاحنه", "وانيت", "الوانيت", "الدينه", "دينه=", "wanait", "el wanait", "shaa7na",
    "pick up=",
]  # fmt: skip
BY_ITSELF = [
    # parked: nobody is driving what moves
    "parked", "مصفوفه", "واقفه", "متوقفه", "موقفه", "waagfa", "waagif", "m9affa",
    "by itself", "on its own", "with nobody in it", "nobody inside", "no one inside",
    "nobody in it", "no one in it", "no driver", "without a driver", "driverless", "handbrake",
    "بروحها", "بروحه", "لحالها", "لحاله", "من تلقاء نفسها", "من تلقاء نفسه", "بدون سائق",
    "بدون سواق", "بلا سواق", "ما فيها احد", "مافيها احد", "ما فيه احد", "فرامل اليد",
    # "bro7ha" folds as "el bar7a" (yesterday): the rule keeps it from cancelling
    "الهاند بريك", "bro7ha", "bro7ah", "bi ro7ha", "la7alha", "ma feeha a7ad", "mafeeha a7ad",
    "bdoon sawwag", "bidoon sawwag",
]  # fmt: skip
ROLLING = [
    "rolling", "rolled", "rolls=", "sliding", "slid=", "started moving", "is moving",
    "moving by itself", "moving on its own", "creeping", "downhill", "down the slope",
    "down the hill", "تتدحرج", "يتدحرج", "تنزل", "ينزل", "تتحرك", "يتحرك", "انزلقت", "تنزلق",
    "تحرك=", "تحركت=", "انحدر", "انحدرت", "انزلق", "tinzil", "tnzil", "titda7raj",
    "tit7arrak", "yit7arrak", "yinzil", "t7arrak", "t7arrakat",
]  # fmt: skip
# Only family words join HUMAN for every earlier rule; "neighbour", "brother", "old man" read
# for the twenty-third pass's rules only (urgency's "absent_person" group): "my neighbour's
# wall fell" is no person fallen from a height.
ADDED_TWENTY_THIRD: dict[str, list[str]] = {
    "human": ["my brother", "my sister", "my dad", "my mum", "jaddi", "jaddati", "yaddi"],
    # an elder out of the house (person_missing_now): Arabizi "6ala3 min el bait"
    "missing": ["6ala3 min el bait", "6il3 min el bait", "6al3at min el bait", "6ala3 mn el bait",
                "left the house", "walked out of the house"],
    "still_missing": ["zahaymar", "zahaimar", "zahymar", "alzhaimer", "alzhaymar"],
}  # fmt: skip

# Twenty-third pass, second round (Arabizi and mixed first): people stuck on a mountain or a
# cliff who cannot come down; an elder alone with the air conditioning broken in the heat; a
# child on a balcony railing or a roof's wall; someone lying in the street who does not move.

# Who climbs and gets stuck: hikers, climbers, young men (person_at_risk's people).
CLIMBERS = ["hikers", "hiker", "climbers", "climber", "shabab", "el shabab", "الشباب", "شباب="]
# Cannot come down (person_at_risk's peril).
CANNOT_COME_DOWN = [
    "can t get down", "cannot get down", "can t come down", "cannot come down",
    "can t climb down", "ما يقدرون ينزلون", "ما يقدر ينزل", "ما تقدر تنزل", "لا يستطيعون النزول",
    "ma yigdroon yinzloon", "ma ygdroon ynzloon", "ma yigdar yinzil", "ma tigdar tinzil",
]  # fmt: skip
# The air conditioning broken or the power cut, for someone vulnerable in the heat
# (no_cooling_in_the_heat).
NO_COOLING = [
    "ac broke", "ac is broken", "ac broken", "ac not working", "ac stopped", "ac has stopped",
    "air conditioning failed", "air conditioning broke", "air conditioner broke", "no ac=",
    "no air conditioning", "power cut", "no power", "no electricity",
    "المكيف خربان", "المكيف خرب", "تعطل المكيف", "المكيف متعطل", "المكيف عطلان", "المكيف واقف",
    "المكيفات خربانه", "الكهرباء مقطوعه", "انقطعت الكهرباء", "ما في كهرباء", "مافي كهرباء",
    "el mukayyif kharban", "el mkayyif kharban", "el mukayyif 3a6lan", "el mkayef kharban",
    "el kahraba magtoo3a", "mafi kahraba",
]  # fmt: skip
HEAT_NOW = [
    "degrees", "degree", "heat=", "this heat", "so hot", "boiling", "درجه", "درجات", "الحر=",
    "حر=", "الحراره", "حاره", "حار=", "daraja", "el 7ar", "7ar=", "7arr", "7aar",
]  # fmt: skip
# Who suffers the heat: an elder, a baby, a sick person (no_cooling_in_the_heat).
VULNERABLE = [
    *ELDER, "baby", "newborn", "sick", "patient", "disabled", "bedridden", "my grandma",
    "my grandmother", "my grandad", "my grandfather", "رضيع", "مريض", "مريضه", "معاق",
    "طريح الفراش", "jaddati", "jaddi", "mareedh", "mareedha", "radhee3",
]  # fmt: skip
# A child on a balcony's railing, a roof's low wall, a window ledge (child_at_a_height_edge).
HEIGHT_EDGE = [
    "balcony railing", "railing of the balcony", "balcony rail", "edge of the roof",
    "roof edge", "parapet", "window ledge", "ledge of", "edge of the balcony",
    "سور السطح", "حافه السطح", "طرف السطح", "حافه البلكونه", "درابزين البلكونه", "سور البلكونه",
    "حافه الشباك", "حافه النافذه", "حافه الشرفه", "سور الشرفه",
    "7afat el so6a7", "7afat el s6a7", "7afat el balkona", "7afat el balkoona", "soor el so6a7",
    "soor el balkona", "7afat el shibbak", "dirabzeen el balkona",
]  # fmt: skip
EDGE_OVER = [*WHAT_IF, "nabi", "نبي", "please put", "please install", "install", "need a",
             "need railings", "نطلب", "نرجو تركيب", "تركيب"]  # fmt: skip
# Lying and not moving, said of a named person (person_lying_still): far apart in a
# mixed message ("واحد lying في الشارع at night مو قاعد يتحرك").
LYING = [
    "lying", "laying", "منسدح", "منسدحه", "طايح", "طايحه", "ممدد", "ملقى", "mnsid7", "minsid7",
]  # fmt: skip
NOT_MOVING = [
    "not moving", "isn t moving", "hasn t moved", "ما يتحرك", "ما تتحرك", "لا يتحرك", "لا تتحرك",
    "مو قاعد يتحرك", "مب قاعد يتحرك", "ما قاعد يتحرك", "مو قاعده تتحرك", "ma yit7arrak",
    "ma yt7arrak", "mo gaa3id yit7arrak", "mb gaa3id yit7arrak", "not responding",
]  # fmt: skip
ADDED_TWENTY_THIRD_ROUND_TWO: dict[str, list[str]] = {
    "person": CLIMBERS,
    "peril": CANNOT_COME_DOWN,
}

# Twenty-fourth pass: a person not back or not answering said with no span ("still not home",
# "لم يرجع إلى الآن", "ما يرد على احد"), a door not opened since yesterday, an elder lost on a
# road ("ما يدري وين رايح"), someone slumped or not responding in public, a worker gone into a
# chamber to fix it and not out, a vehicle that slipped its brake, fuel or chemicals in water
# where children swim.

# Not back, not out or answering nobody, the "yet" said in the phrase: no span is needed
# (person_not_back_yet). Not "no one answers" of an office: the rule needs a named person and
# cancels on a work delay or an office (NOT_BACK_DELAY).
_NOT_BACK_YET_AR = [
    *(f"{verb} {yet}"
      for verb in ("لم يرجع", "لم ترجع", "لم يرجعوا", "لم يعد", "لم تعد", "لم يعودوا", "لم يخرج",
                   "لم تخرج", "لم يخرجوا", "لم يصل", "لم تصل")
      for yet in ("الى الان", "حتى الان", "الى الحين", "بعد=")),
    # the "yet" first ("وإلى الآن لم تصل")
    *(f"{yet} {verb}"
      for yet in ("الى الان", "حتى الان", "لحد الان")
      for verb in ("لم يرجع", "لم ترجع", "لم يرجعوا", "لم يعد", "لم تعد", "لم يخرج", "لم تخرج",
                   "لم يصل", "لم تصل")),
    *(f"{yet} {verb}"
      for yet in ("للحين", "لين الحين", "الين الحين", "الى الحين", "بعده", "بعدها", "بعدهم")
      for verb in ("ما رجع", "ما رجعت", "ما رجعوا", "ما طلع", "ما طلعت", "ما طلعوا", "ما وصل",
                   "ما وصلت", "ما يرد", "ما ترد")),
    *(f"{verb} {yet}"
      for verb in ("ما رجع", "ما رجعت", "ما رجعوا", "ما طلع", "ما طلعت", "ما طلعوا", "ما وصل",
                   "ما وصلت")
      for yet in ("للحين", "لين الحين", "الى الحين", "الين الحين", "لحد الحين")),
    "لا يرد على احد", "لا ترد على احد", "لا يرد على اي احد", "لا ترد على اي احد",
    "لم يرد على احد", "لم ترد على احد", "ما يرد على احد", "ما ترد على احد", "ما يرد على اي احد",
    "ما ترد على اي احد", "ما يرد على حد", "ما ترد على حد", "ما يردون على احد",
]  # fmt: skip
NOT_BACK_YET = [
    *_NOT_BACK_YET_AR,
    *("و" + t for t in _NOT_BACK_YET_AR if t.startswith(("ما ", "لا ", "لم ", "للحين", "بعد"))),
]
# The Latin ones are matched as spelled, as NOT_BACK_LATIN ("el mai" folds as "ما").
NOT_BACK_YET_LATIN = [
    "not back yet", "still not back", "still not home", "still isn t home", "still isn t back",
    "still hasn t come back", "still hasn t come home", "still hasn t returned",
    "still hasn t come out", "still haven t come out", "still haven t come back",
    "hasn t come back yet", "hasn t come home yet", "hasn t returned yet", "hasn t come out yet",
    "haven t come back yet", "haven t come out yet", "not home yet", "still not answering",
    "not answering anyone", "isn t answering anyone", "not answering anybody",
    "isn t answering anybody", "radio is silent", "radio has gone silent", "radio went silent",
    "radio is dead silent",
    *(f"{yet} {verb}"
      for yet in ("lel7een", "lil7een", "lain al7een", "lain el7een", "ba3dah", "ba3da", "ba3dhom",
                  "lessa", "lissa", "lsa")
      for verb in ("ma rja3", "ma rij3", "ma rja3at", "ma rij3at", "ma rja3aw", "ma 6ala3",
                   "ma 6il3", "ma 6al3at", "ma yrd", "ma trd")),
    *(f"{verb} {yet}"
      for verb in ("ma rja3", "ma rij3", "ma rja3at", "ma rij3at", "ma rja3aw", "ma 6ala3",
                   "ma 6al3at")
      for yet in ("lel7een", "lil7een", "lain al7een", "lain el7een")),
    "ma yrd 3la a7ad", "ma trd 3la a7ad", "ma yrd 3ala a7ad", "ma trd 3ala a7ad",
    "ma yrid 3la a7ad", "ma trid 3la a7ad", "ma yridd 3la a7ad", "ma yraddoon 3la a7ad",
]  # fmt: skip
# A door not opened, a person not seen: with a span ("since yesterday") a person gone quiet
# (person_not_back_now's NOT_BACK).
NOT_SEEN_AR = [
    "لم يفتح الباب", "لم تفتح الباب", "ما فتح الباب", "ما فتحت الباب", "ما يفتح الباب",
    "ما تفتح الباب", "لا يفتح الباب", "لا تفتح الباب", "ما شافها احد", "ما شافهم احد",
    "محد شافهم", "ما حد شافها", "ما احد شافها",
]  # fmt: skip
NOT_SEEN_LATIN = [
    "hasn t opened the door", "hasn t opened her door", "hasn t opened his door",
    "not opened the door", "not opening the door", "not opening her door", "not opening his door",
    "ma tfta7 el bab", "ma yfta7 el bab", "ma fta7 el bab", "ma fat7 el bab", "ma fat7at el bab",
    "ma shafha a7ad", "ma shafah a7ad", "ma shafhom a7ad", "m7d shafha", "ma 7ad shafha",
]  # fmt: skip
# "Doesn't know where he is going" (confused_person_exposed): who does not know, and going.
CONFUSED_GOING = [
    *(f"{who} {where}"
      for who in ("ما يدري", "ما تدري", "ما يعرف", "ما تعرف", "لا يعرف", "لا تعرف", "لا يدري",
                  "لا تدري", "مب عارف", "مو عارف", "ma yadri", "ma tadri", "ma ydri", "ma tdri",
                  "ma y3rf", "ma ya3rif", "ma t3rf", "mb 3arf", "mo 3arf")
      for where in ("وين رايح", "وين رايحه", "وين يروح", "وين تروح", "الى اين يذهب",
                    "الى اين تذهب", "اين يذهب", "اين تذهب", "wain rayi7", "wain raayi7",
                    "ween rayi7", "ween raayi7", "wain ray7a", "ween ray7a", "wain raay7a",
                    "wain yrou7", "ween yrou7", "wain yroo7", "ween yroo7")),
    "doesn t know where he s going", "doesn t know where she s going",
    "no idea where he s going", "no idea where she s going",
]  # fmt: skip
# Elders as Gulf speech and Arabizi call them, and the asphalt a confused elder sits on.
ELDER_SPELLED = ["shayeb", "el shayeb", "shaib", "el shaib", "shaayib", "el shaayib",
                 "3ajouz", "el 3ajouz", "عجوزه"]  # fmt: skip
ASPHALT = [
    "asphalt", "tarmac", "الاسفلت", "اسفلت=", "el asfalt", "asfalt=", "el shari3", "shari3=",
    "el shaari3", "nos el shari3", "nu9 el shari3", "middle of the roundabout", "وسط الدوار",
    "نص الدوار", "nos el dowar", "nu9 el dowar",
    # a traffic signal: a confused elder at one is among the cars
    "traffic light", "traffic lights", "الاشاره", "اشاره=", "el ishara", "ishara=",
]  # fmt: skip
# Sitting, standing or walking, said of an elder on the road itself (elder_in_the_road).
ON_ROAD_POSTURE = [
    "sitting", "sat down", "standing", "walking", "lying", "قاعد", "قاعده", "جالس", "جالسه",
    "واقف", "واقفه", "يمشي", "تمشي", "منسدح", "منسدحه", "ga3id", "ga3da", "gaa3id", "gaa3da",
    "waqif", "wagif", "waagif", "waagfa", "yimshi", "timshi", "yemshi", "temshi",
]  # fmt: skip
# A request, a habit or an elder with someone: no elder stranded on the road now.
ELDER_ROAD_OVER = [
    "please build", "please add", "please put", "need a", "need pedestrian", "no pavement",
    "no sidewalk", "crossing=", "every day", "daily", "كل يوم", "يوميا", "نطلب", "نرجو", "نبي",
    "kil yoom", "nabi", "ممر مشاة", "جسر مشاة",
]  # fmt: skip
# Slumped, collapsed, lying: said of a person in a public place (person_unresponsive_in_public).
SLUMPED = [
    "slumped", "collapsed", "keeled over", "مستلق", "مستلقي", "منهار", "منهاره", "منسدح",
    "منسدحه", "mstalgi", "minhar",
]  # fmt: skip
# Not responding, not moving, not waking: the second sign of someone down in public. Not
# "eyes closed" alone: a man asleep on a bench every night is a complaint, not an emergency.
NO_RESPONSE = [
    "not responding", "isn t responding", "unresponsive", "doesn t respond", "won t respond",
    "won t wake", "not waking", "isn t waking",
    "لا يستجيب", "لا تستجيب", "ما يستجيب", "ما تستجيب", "لا يتحرك", "لا تتحرك", "ما يتحرك",
    "ما تتحرك", "ما يرد علينا", "ما ترد علينا", "لا يرد علينا", "لا ترد علينا",
    "ما يصحى", "ما تصحى", "ma ystajeeb", "ma tistajeeb", "ma yistajeeb", "ma yt7arrak",
    "ma yit7arrak", "ma tit7arrak", "ma yrd 3leena", "ma trd 3leena", "ma yrd 3alaina",
    "ma y9a7i", "ma t9a7i",
]  # fmt: skip
NO_RESPONSE_LATIN = [t for t in NO_RESPONSE if t.isascii() and t.startswith("ma ")]
NO_RESPONSE = [t for t in NO_RESPONSE if t not in NO_RESPONSE_LATIN]
# Where someone slumped or lying is in public: a bench, a bus stop, a booth, a car.
PUBLIC_SPOT = [
    "bench", "bus stop", "bus shelter", "booth", "kiosk", "in his car", "in her car",
    "in the car", "car park", "parking", "pavement", "sidewalk", "the park",
    "موقف الحافلات", "موقف الباص", "محطه الباص", "محطه الحافلات", "مظله الباص", "الكرسي",
    "كرسي=", "الكشك", "كشك=", "سيارته", "سيارتها", "المواقف", "الرصيف", "الحديقه",
    "bus station", "ba9 station", "bas station", "maw8if el ba9", "mawgif el ba9", "kursi",
    "el kursi", "el kushk", "sayyarta", "sayarta", "el raseef", "el 7adeega",
]  # fmt: skip
# Gone into a chamber, a tank or a manhole (worker_gone_in_not_out): the person is the verb's.
WENT_IN = [
    "went into", "went in", "went down", "climbed into", "climbed down", "entered",
    "دخل=", "دخلت=", "دخلوا=", "ودخل", "نزل=", "نزلت=", "نزلوا=", "ونزل",
    "dakhal", "da5al", "dikhal", "dkhal", "nizal", "nazal", "nzal",
]  # fmt: skip
INSIDE_PLACE = [
    "chamber", "pump room", "pump house", "pumping station", "manhole", "tank=", "the tank",
    "wet well", "septic tank",
    "culvert", "sewer", "the well", "pit=", "shaft", "غرفه التفتيش", "غرفه المضخه",
    "غرفه المضخات", "المنهول", "منهول", "الخزان", "خزان=", "البياره", "البئر", "البير", "العباره",
    "المجاري", "البالوعه", "الفتحه", "el manhole", "el khazzan", "khazzan=", "el bir", "el biyara",
    "el 3abbara", "ghurfat el mu9a", "el majari",
]  # fmt: skip
NOT_OUT = [
    "لم يخرج", "لم تخرج", "لم يخرجوا", "لم يطلع", "لم يصعد", "لم يصعدوا", "ما طلع", "ما طلعت",
    "ما طلعوا", "ولم يخرج", "ولم يخرجوا", "وما طلع", "وما طلعوا", "ما صعد", "ما رجع", "ولم يعد",
]  # fmt: skip
NOT_OUT_LATIN = [
    "hasn t come out", "haven t come out", "has not come out", "have not come out",
    "not come out", "not out yet", "still not out", "hasn t come up", "haven t come up",
    "has not come up", "not come up", "hasn t resurfaced", "not answering",
    "not come back up", "hasn t come back up", "has not come back up",
    "ma 6ala3", "ma 6il3", "ma 6la3", "ma 6al3at", "ma 6ala3aw", "ma 6il3aw", "ma rja3",
]  # fmt: skip
# A vehicle that slipped its brake (vehicle_moving_by_itself's BY_ITSELF).
SLIPPED_BRAKE = [
    "slipped its brake", "slipped its handbrake", "handbrake slipped", "brake slipped",
    "handbrake failed", "brakes failed", "brake failed", "no brakes", "فلت منها الهاند بريك",
    "فلتت فراملها", "الفرامل فلتت", "الفرامل خربت", "بدون فرامل", "ما فيها فرامل",
    "el handbrake fallat", "bdoon faramil",
]  # fmt: skip
# Water where people swim, paddle or drink, that fuel or chemicals reach.
SWIM_WATER = [
    "paddling", "paddle", "swimming", "swim=", "drinking water", "water we drink",
    "يسبحون", "يسبح=", "تسبح=", "يسبحوا", "مياه الشرب", "ماي الشرب", "نشرب منه",
    "yisba7oon", "ysb7oon", "yisba7", "mai el shurb",
]  # fmt: skip
CHEMICALS = ["chemicals", "chemical", "كيميائي", "كيميائيه", "كيماويات", "كيماوي", "كيماويه",
             "kimawiyat"]  # fmt: skip
# Who keeps a post and can go quiet there: a guard, a watchman (absent_person only).
GUARD = ["security guard", "the guard", "watchman", "night watchman", "attendant", "الحارس", "حارس=",
         "الناطور", "ناطور=", "el 7aris", "el 7aaris", "7aris=", "el na6oor"]  # fmt: skip
# A drop a child stands at: a sea wall over rocks, a cliff's edge (child_at_a_height_edge).
DROP_EDGE = [
    "sea wall", "above the rocks", "over the rocks", "edge of the cliff", "cliff edge",
    "فوق الصخور", "سور البحر", "حافه الجرف", "طرف الجرف", "foog el 9ekhoor", "foog el 9u5oor",
    "fog el 9ekhoor", "7afat el jurf", "soor el ba7ar",
]  # fmt: skip
ADDED_TWENTY_FOURTH: dict[str, list[str]] = {
    "height_edge": DROP_EDGE,
    "young_or_person": ["bzer", "bzar", "yahhal", "el bzer"],
    "not_back": NOT_SEEN_AR,
    "confused": CONFUSED_GOING,
    "elder": ELDER_SPELLED,
    "exposed_place": ASPHALT,
    "by_itself": SLIPPED_BRAKE,
    "fuel": CHEMICALS,
    "fuel_near": SWIM_WATER,
    "box": ["hatch", "hatches", "access hatch"],
}
