"""The urgency rules as a safety rule set: every hazard kind in every language form fires,
and a negated, settled or long-past hazard does not (issue 17).

Written from the taxonomy's list of dangers, never from test-set messages.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import is_urgent, model_may_flag, urgent_rule

# kind -> form -> a message reporting that danger now
HAZARDS: dict[str, dict[str, str]] = {
    "about_to_fall": {
        "msa": "جدار المبنى القديم على وشك السقوط فوق الرصيف والمارة يمرون تحته",
        "gulf": "الطوفة حق الجيران بتطيح على السكة الحين، الياهل يمرون جنبها",
        "english": "The scaffolding on the new building is swaying and about to fall onto the street",
        "arabizi": "el 5azzan fog el sa6 7g el jeeran bi6ee7 3la el share3",
        "mixed": "الـ water tank فوق السطح is about to fall على الموترات",
    },
    "exposed_wires": {
        "msa": "أسلاك كهربائية مكشوفة بجانب بوابة المدرسة والأطفال يلمسونها",
        "gulf": "الوايرات طالعة برع من العمود جدام المدرسة وفيها كهربا",
        "english": "Bare electric cables hanging from the lamp post next to the school gate",
        "arabizi": "el aslak makshoofa jamb el madrasa w el 3yal yl3boon 3ndha",
        "mixed": "في wires مكشوفة عند الـ school gate والعيال حولها",
    },
    "open_manhole": {
        "msa": "غطاء المنهول مكسور على الرصيف أمام المسجد والفتحة عميقة",
        "gulf": "غطا المنهول طاير والفتحة مفتوحة في نص السكة",
        "english": "The manhole cover on the pavement is broken and there is a deep hole",
        "arabizi": "el manhole bdoon ghata jamb el ma7al, 7ufra 3meeqa",
        "mixed": "الـ manhole cover مكسور على الرصيف قدام البقالة",
    },
    "water_or_sewage_inside": {
        "msa": "مياه الصرف الصحي تدخل المنزل من فتحات الحمام وغمرت الغرف",
        "gulf": "المجاري طالعة من البلاعة في الحمام ودخلت الصالة",
        "english": "Sewage is coming up through the floor drain into our bedroom",
        "arabizi": "el mai da5el el bait mn el bab w el 9ala kilha mai",
        "mixed": "الماي دخل الـ ground floor flat والغرف غرقانة",
    },
    "fire": {
        "msa": "حريق في حاوية النفايات بجانب المنازل والدخان كثيف",
        "gulf": "الحاوية اللي جنب بيتنا فيها حريق الحين",
        "english": "The rubbish skip behind the shops is on fire",
        "arabizi": "fi 7areeq fi el 7awya jamb el byoot",
        "mixed": "في fire في الحاوية جنب البيوت",
    },
    "fallen_tree_or_sign_on_road": {
        "msa": "سقطت شجرة كبيرة على الطريق وأغلقت المسارين",
        "gulf": "لوحة المرور طاحت على الشارع والسيارات تلف حولها",
        "english": "A road sign has fallen across the street after the wind",
        "arabizi": "shajara 6a7at 3la el share3 w sakkrat el 6areeq",
        "mixed": "الـ traffic sign طاحت على الشارع عند الدوار",
    },
    "person_at_risk": {
        "msa": "طفل عالق في حفرة عميقة في موقع البناء ولا يستطيع الخروج",
        "gulf": "في عامل طاح في الحفرة حق المجاري وعالق الحين",
        "english": "A child is trapped in the flooded underpass, please come now",
        "arabizi": "fi sayara 3al8a fi el wadi w fiha nas",
        "mixed": "في طفل trapped داخل الحفرة عند الـ site",
    },
}
CASES = [(kind, form, text) for kind, forms in HAZARDS.items() for form, text in forms.items()]


@pytest.mark.parametrize(("kind", "form", "text"), CASES, ids=[f"{k}-{f}" for k, f, _ in CASES])
def test_each_hazard_kind_in_each_form_is_urgent(kind: str, form: str, text: str) -> None:
    assert urgent_rule(text), (kind, form, text)


@pytest.mark.parametrize(
    "text",
    [
        "The exposed wires at the lamp post were fixed yesterday, thank you",
        "تم إصلاح الأسلاك المكشوفة عند عمود الإنارة، شكراً لكم",
        "el aslak el makshoofa 9alla7oh, shukran",
        "The wires are not exposed any more, the cover is back on",
        "Sewage is pooling near the houses but hasn't come inside yet",
        "المجاري ما دخلت البيت بس واقفة في السكة",
        "The wall is cracked but there is no danger, please inspect when you can",
        "السور فيه شقوق بس ما في خطر، ياريت تشوفونه",
        "The fire in the skip was put out by the neighbours, the ashes are still there",
        "النار انطفت من الحاوية بس الرماد باقي",
        "The wall of the old house fell down last year and the rubble is still on the plot",
        "السور اللي طاح السنة الماضية مخلفاته للحين في الأرض",
        "Water came into our house every time it rains last winter, please fix the drain",
        "We are worried the tank on the roof could fall one day",
        "mb 6ay7a el shajara, bs 3la el ra9eef",
        "The street lights flicker every night on our lane",
    ],
)
def test_negated_settled_or_past_hazards_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "The balcony of the old building is cracked, please inspect it",
        "الجدار فيه شقوق والبلدية لازم تشوفه",
        "el 6oofa mshaqqaqa, nabi 7ad yshoofha",
    ],
)
def test_a_leaning_urgent_model_needs_the_message_to_say_now(text: str) -> None:
    """The model reads words, not tense: below MODEL_CONFIDENT it counts only when the
    message says its danger is happening now."""
    assert is_urgent(text, 0.5) == (False, None), text
    assert is_urgent(text + " - urgent, please come now", 0.5) == (True, "model"), text
    assert is_urgent(text, 0.9) == (True, "model"), text


@pytest.mark.parametrize(
    "text",
    [
        "the wall has small cracks, nothing urgent, please come quickly to look",
        "We are worried the lamp post might fall, please come quickly",
        "The tree that fell in the park was cleared, thank you, came fast",
        "نخشى سقوط الشجرة على البيت، نرجو الحضور بسرعة",
    ],
)
def test_the_urgent_model_never_counts_on_a_danger_over_or_only_feared(text: str) -> None:
    assert is_urgent(text, 0.99) == (False, None), text


@pytest.mark.parametrize(
    "text",
    [
        "stop sign at the junction is gone, someone knocked it down",
        "لوحة قف طايحة عند الدوار والسيارات ما توقف",
        "lo7at el stop 3nd el dawwar 6a7at",
        "The dust from the site comes into the houses every day, they never spray water",
        "الغبار داخل علينا البيوت من الموقع وما يرشون ماي",
        "A dead camel is lying by the highway near the exit, the smell is strong",
        "بعض الكلاب في الحارة تنبح طول الليل",
    ],
)
def test_lookalikes_of_hazards_are_not_urgent(text: str) -> None:
    """A sign that fell at a junction but lies off the carriageway, dust coming into homes,
    a dead animal, and "بعض" (some) are not danger now."""
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "The stop sign fell down and is lying across the lane at the roundabout",
        "لوحة المرور طاحت في نص الشارع وسادة حارة كاملة",
        "lo7at el share3 6a7at 3la el share3 w sakkarat el 6aree8",
        "تعرض ابني لعضة كلب ضال أمام البيت والكلب ما زال يتجول",
    ],
)
def test_a_sign_on_the_carriageway_and_a_dog_bite_are_urgent(text: str) -> None:
    assert urgent_rule(text), text


# Phrasings added in the fourth pass (issue 17), written from general vocabulary per hazard
# kind and form: electricity boxes, lids taken off, cladding and plaster coming off, water
# bubbling up or gushing in, torched heaps, toppled trees, gantry signs, craters, chasing dogs.
FOURTH_PASS: dict[str, dict[str, str]] = {
    "exposed_wires": {
        "english": "The fuse box on the outside wall of the clinic is smashed open and buzzing",
        "msa": "صندوق الكهرباء في الممر مخلوع الباب والكابلات تتدلى منه",
        "gulf": "كابلات الكهرباء تتدلى من العمود على الممشى",
        "arabizi": "el kablat 3aarya 3ind bab el 7adeeqa",
        "mixed": "The junction box مكسور and the wires poking out near the mosque",
    },
    "open_manhole": {
        "english": "Someone took the lid off the drain chamber by the bus stop, it's a gaping hole",
        "msa": "فتحة التصريف في الرصيف بلا غطاء أمام المخبز",
        "gulf": "فتحة التصريف عند البقالة بدون غطاء",
        "arabizi": "el ballo3a gddam el ma7al maftoo7a",
        "mixed": "The drain lid مفقود on the walkway near the school",
    },
    "about_to_fall": {
        "english": "Cladding panels are coming off the tower and landing on the entrance",
        "msa": "جبس السقف في الفصل يكاد يقع على الطلاب",
        "gulf": "لوحة المحل الكبيرة قاعدة تتمايل مع الهوا فوق الرصيف",
        "arabizi": "el 6oob yitsaqa6 mn el balcon 3la el ra9eef",
        "mixed": "The shelter roof came loose وقاعد يطيح on the people waiting",
    },
    "water_or_sewage_inside": {
        "english": "Dirty water is bubbling up through the shower and flooding the hallway",
        "msa": "مياه المجاري تفيض من الحمام وغمرت الممر في الشقة",
        "gulf": "المجاري دخلت البيت من بلاعة الحمامات",
        "arabizi": "el majari 6al3a mn el 7ammam fi el bait",
        "mixed": "Flood water gushing into the house من الباب الخلفي",
    },
    "fire_and_fallen_tree": {
        "english": "Kids torched the heap of tyres behind the flats, thick smoke everywhere",
        "msa": "النيران مشتعلة في أكوام المخلفات خلف الحي",
        "gulf": "شجرة الغاف اقتلعت وطاحت على الطريق وسدت المسار",
        "arabizi": "shajarat el sidr 6a7at 3la el share3 w sakkarat el masar",
        "mixed": "A neem tree toppled على الطريق across both lanes",
    },
    "sign_road_animal": {
        "english": "The overhead gantry sign is hanging off its bracket over the fast lane",
        "msa": "حفرة انهيار مفاجئة في وسط الشارع عند الدوار",
        "gulf": "كلاب تطارد العيال عند الملعب الحين",
        "arabizi": "klaab tla7ig el yahal 3ind el mal3ab",
        "mixed": "A crater opened up in the road قدام المستشفى",
    },
}
FOURTH_CASES = [(k, f, t) for k, forms in FOURTH_PASS.items() for f, t in forms.items()]


@pytest.mark.parametrize(
    ("kind", "form", "text"), FOURTH_CASES, ids=[f"{k}-{f}" for k, f, _ in FOURTH_CASES]
)
def test_fourth_pass_phrasings_are_urgent_in_each_form(kind: str, form: str, text: str) -> None:
    assert urgent_rule(text), (kind, form, text)


@pytest.mark.parametrize(
    "text",
    [
        "The fuse box door was replaced and the cables are covered now, thank you",
        "فتحة التصريف تم تغطيتها أمس، شكراً",
        "el kablat ma 3aarya, bas el lait 6afi",
        "The cladding came loose last year and was fixed, all safe",
        "No fire, just someone burning incense next door",
        "الكابلات ليست مكشوفة، فقط الإنارة لا تعمل",
    ],
)
def test_fourth_pass_phrasings_negated_or_settled_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None


# Fifth pass (issue 17): English phrasings from a second writer's hazard list (awnings and
# shop fronts shedding pieces, scaffolds wobbling, shelter roofs ripped off, walls starting to
# lean, wires pulled out or cables lying in water, manhole covers lifted, trenches with no
# fence, dogs lunging), with Gulf and mixed ones; "fire" that names a service or a drill.
FIFTH_PASS: dict[str, str] = {
    "shop front": "The shop front above the pharmacy is crumbling and a big piece just missed a woman",
    "awning": "Bits of the concrete awning keep dropping on the people queuing at the bakery",
    "scaffold": "The scaffold at the tower site is wobbling in the wind over the pavement",
    "shelter roof": "The tin roof of the bus shelter is half ripped off and banging in the wind",
    "wall leaning": "Their boundary wall has started to lean towards the footpath after the storm",
    "wires pulled out": "lamp post knocked by a truck, the wires pulled out at the base",
    "cable in water": "A power cable is lying in the puddle by the bus stop",
    "lifted cover": "the sewer cover on the corner was lifted by the water pressure",
    "unfenced trench": "the contractor's trench across our street has no fence at all",
    "dog lunging": "A stray dog lunged at my son outside the shop",
    "gulf drain pit": "في حفرة صرف بلا غطاء عند باب المدرسة والعيال يلعبون",
    "mixed sewage on floor": "Sewage يطلع من التواليت all over the floor of the flat",
    "fire beside a naming": "Fire in the kitchen of the flat next door, the fire brigade is not here yet",
}


@pytest.mark.parametrize("text", FIFTH_PASS.values(), ids=FIFTH_PASS.keys())
def test_fifth_pass_phrasings_are_urgent(text: str) -> None:
    assert urgent_rule(text), text


@pytest.mark.parametrize(
    "text",
    [
        "We are planning a fire drill at the school, will the fire engines need a permit?",
        "Where can a shop buy fire extinguishers and book a fire safety inspection?",
        "The old awning has been cracked for years, nothing is dropping",
        "The lamp post by the park has had bare wires showing for years",
        "The manhole cover was lifted by the flood and the hole was covered the same day",
        "The cable lying in the puddle was removed yesterday, thank you",
        "The exposed wires at the lamp post are now covered",
        "The trench on our street has no fence but it was filled in last week",
    ],
)
def test_fifth_pass_phrasings_named_settled_or_negated_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Mutrah (مطرح) is a place, not rain (مطر)
        "بيوت مطرح القديمة يدخلها الشباب كل ليلة",
        # "cut" the verb, not a cut cable
        "Please cut the branches touching the cable near our house",
        # every season is long-standing, not danger now
        "مع كل موسم أمطار تدخل المياه المنازل في الحي",
    ],
)
def test_a_place_name_a_verb_or_every_season_is_not_a_hazard(text: str) -> None:
    assert urgent_rule(text) is None


def test_a_cable_that_was_cut_is_still_exposed_wiring() -> None:
    assert urgent_rule("The cable by the school gate was cut by the digger") == "exposed_wiring"


def test_any_minute_says_now_to_the_urgent_model() -> None:
    # Since the ninth pass the rules read "will ... any minute" as danger now themselves
    # (test_urgency_overhead_parks_wadis.py), so the model's side is asserted directly.
    assert model_may_flag("the shed roof will come down any minute", 0.3)
    assert is_urgent("the shed roof will come down any minute", 0.3)[0]
    assert is_urgent("the shed roof has had cracks for a while", 0.3) == (False, None)


# Seventh pass (issue 17): phrasings a third writer's hazard rows used that the rules missed,
# in every form: pieces breaking or coming away, tanks sliding, walls bowing out, cables
# crackling or lying in water, chamber covers cracked in two, sewage on a bedroom carpet,
# basements filling, unguarded excavations, branches snapped, cows and camels in the fast
# lane, Gulf and Arabizi words for scattering stones and a road caving in, MSA "قد" + past.
SEVENTH_PASS: dict[str, str] = {
    "english broke away": "A chunk of the parapet broke away and the rest hangs over the shop door",
    "english came away": "The balcony railing came away from the wall above the bus stop",
    "english slid": "The roof tank slid off its rusty stand and now hangs over our driveway",
    "english bowing out": "The old mud wall is bowing out over the alley the kids use",
    "english crackling": "The cable at the base of the lamp post is crackling and burnt black",
    "english wire in water": "The electric box by the mosque door is open and a wire is touching the water",
    "english chamber cover": "The sewer chamber cover cracked in two by the nursery gate",
    "english floor trap": "Sewage came up the floor trap into the bedroom",
    "english rising through": "Dirty water rising through the shower drain into our flat",
    "english basement": "Our basement is filling with rain water and the panels are down there",
    "english excavation": "The excavation beside the footpath is unguarded and a cyclist fell in",
    "english road sank": "The road sank near the pipe works and there are no cones round the hole",
    "english snapped branch": "A branch snapped off the tree and hangs by a strip over the road",
    "english fast lane": "Two camels standing in the fast lane by the Nizwa exit",
    "gulf scattering stones": "جدار بيت الطين منفوخ والحصى يتناثر على السكة والعيال يمرون",
    "gulf cable in water": "الكيبل نازل من العمود وطايح في الماي اللي في الشارع",
    "gulf burnt wires": "صندوق الكهربا عند الحديقة بابه مفتوح والوايرات محروقة",
    "gulf knee deep": "الوادي طاف وبيتنا فيه ماي لين الركبة",
    "msa qad with past": "قد سقط جزء من سقف الممر فوق مدخل السكان صباح اليوم",
    "msa tank slid": "انزلق الخزان عن قاعدته وأصبح معلقاً فوق الرصيف",
    "msa sparks": "عمود الإنارة المقابل للمستوصف يتطاير منه شرر",
    "msa bedrooms": "تسربت مياه الصرف من فتحة الحمام إلى غرف النوم في شقتنا",
    "msa family trapped": "أسرة محاصرة بالمياه داخل سيارتها في النفق",
    "msa fuel": "مركبة متروكة يتسرب منها البنزين بجوار محطة الوقود",
    "msa after the storm": "سقطت نخلة على الطريق بعد العاصفة وأغلقت المسارين",
    "arabizi stones": "6oofat el bait el qadeem tsaaqa6 minha 7jar 3al sikka",
    "arabizi ceiling": "el sagf nazal minah jibs kbeer fil ma6ba5",
    "arabizi road caved": "el 6aree8 in5asaf 3ind el wadi, mafi 7awajez",
    "arabizi cows": "ba8ar fi wasa6 el 6aree8 el sree3 w el sayaraat t7awwil",
    "mixed chamber": "The chamber cover مكسور and the hole is open قدام المدرسة",
    "english ceiling light": "Rain water pouring through the ceiling light in our lounge",
    "english minaret": "Part of the minaret cracked off and pieces are falling in the courtyard",
    "english iron cover": "The iron cover of the drain flipped over and the hole is open",
    "english elderly trapped": "Our elderly neighbours are stuck upstairs, the ground floor is flooded",
    "english gas": "I smell strong gas in the stairwell of our building",
    "english bull": "A loose bull in the car park knocked a man over",
    "gulf iron cover": "غطا الحديد حق المجرى انقلب والفتحة مفتوحة في نص الشارع",
    "msa about to fall": "ألواح الزجاج في البرج تهتز وتوشك على السقوط على الرصيف",
    "msa transformer": "صندوق المحول في زاوية الشارع يطلق شرارات",
    "msa pit without barrier": "حفرة عميقة عند بوابة المدرسة دون أي حاجز",
}


@pytest.mark.parametrize("text", SEVENTH_PASS.values(), ids=SEVENTH_PASS.keys())
def test_seventh_pass_phrasings_are_urgent(text: str) -> None:
    assert urgent_rule(text), text


@pytest.mark.parametrize(
    "text",
    [
        "How do I get a permit to demolish my late father's house? It is empty and nothing is falling",
        "غطاء فتحة الصرف في الشارع قديم لكنه ثابت وغير مكسور",
        "قد يسقط الجدار يوماً ما إذا لم يتم ترميمه",
        "The loose cable at the lamp post was taped and boxed yesterday, all good now",
        "During last winter's storm water came into our ground floor, it is dry now",
        "The manhole cover cracked in two but is still in place, it only rocks",
        "الكيبل اللي كان مدلي من العمود ربطوه وغطوه، ما عاد فيه شي",
        "el wayar elli kan mdalli min el 3amood ma 9aar fee shrar",
        # a stop sign (لوحة) is not a glass panel (لوح), and sand covering a walkway is not a
        # manhole cover
        "لوحة قف سقطت على الأرض عند التقاطع، نرجو إعادة تركيبها",
        "el mamsha ghe6ah ramal w el korasi maksoora",
    ],
)
def test_seventh_pass_phrasings_negated_settled_or_feared_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text


def test_after_is_not_yet_and_qad_with_a_present_verb_is_may() -> None:
    """ "بعد" before a noun is "after", not "yet"; "قد" before a present verb is "may"."""
    assert urgent_rule("سقطت لوحة كبيرة على الطريق بعد الحادث وسدت المسار")
    assert urgent_rule("ba3d el m6ar el mai da5al el bait") == "water_inside_home"
    assert urgent_rule("الماء ما دخل البيت بعد") is None
    assert urgent_rule("سقف المخزن ينهار بعد الأمطار والعمال بالداخل")
    assert urgent_rule("قد تسقط اللوحة على الطريق") is None


# Eighth pass (issue 17): an electricity box left open in every form, and precision rules read
# from the rules themselves: "open" next to "electricity" is also a shop that is open, so it
# counts only beside a box; electricity as a bill; "or" carries a negation on; a road open
# again and the last rain are over. ("Every night" and "every morning" were tried as
# long-standing and left out: "kids pass there every morning" says who is in danger.)
OPEN_BOX = {
    "msa": "صندوق الكهرباء مفتوح بجانب الحديقة والأطفال يلعبون حوله",
    "gulf": "صندوق الكهربا اللي جنب الحديقة مفتوح والياهل حواليه",
    "english": "The electricity box by the playground is open",
    "arabizi": "9andoog el kahraba jamb el 7adeeqa maftoo7 w el yahal 7awalah",
    "mixed": "The electricity box جنب الحديقة مفتوح and kids around it",
}


@pytest.mark.parametrize(("form", "text"), OPEN_BOX.items(), ids=list(OPEN_BOX))
def test_an_electricity_box_left_open_is_urgent_in_each_form(form: str, text: str) -> None:
    assert urgent_rule(text) == "open_electricity_box", (form, text)


@pytest.mark.parametrize(
    "text",
    [
        "صندوق الكهرباء ما هو مفتوح، بس صدي",
        "The electricity box was open but they locked it yesterday",
        "9andoog el kahraba mb maftoo7",
    ],
)
def test_an_electricity_box_negated_or_settled_is_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        # a shop that is open, electricity named
        "المحل مفتوح لين الساعة ١٢ والكهرباء شغالة",
        "ابي اعرف كم رسوم توصيل الكهرباء للمحل المفتوح جديد",
        # a bill that came out high
        "fatoorat el kahraba 6al3a wayed hal shahar",
        # "or" carries the negation on
        "صندوق المحول صدئ، ولا توجد شرارات أو أسلاك ظاهرة",
        "No sparks or exposed wires at the box, it is just rusty",
        # over: the road is open again, the last rain
        "The tree اللي طاحت was cut and removed, الطريق سالك now",
        "البلاعة مسدودة من المطر اللي فات والحين ناشفة",
    ],
)
def test_an_open_shop_a_bill_an_or_negation_or_a_past_event_is_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text


def test_wires_coming_out_of_a_pole_are_exposed_in_gulf_and_arabizi() -> None:
    assert urgent_rule("فيه أسلاك طالعة من عمود الليت والعيال حواليه")
    assert urgent_rule("3amood layt 6ay7 w el aslak 6al3a")


@pytest.mark.parametrize(
    "text",
    [
        # "السريع" is also a quick response, not only the expressway
        "كلاب ضالة كثيرة في الحي، نرجو التدخل السريع",
        # stuck in traffic is a delay; workers sweeping a street are not swept away
        "people stuck in traffic for an hour because of the roadworks",
        "the workers swept the street but left the pile of dust by the kids park",
        # water a tanker delivers reaching the house is supply
        "ماي الصهريج وصل البيت متأخر",
        # a burning sun is weather
        "the sun is burning and the bus shelter has no roof",
    ],
)
def test_a_quick_response_traffic_a_tanker_or_the_sun_is_not_a_hazard(text: str) -> None:
    assert urgent_rule(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "كلاب ضالة على الطريق السريع والسيارات تنحرف",
        "جمال على طريق مسقط السريع بعد الجسر",
        # "the street is open" inside a report of an open manhole is not "the road is open again"
        "غطاء المنهول اللي في الشارع مفتوح والعيال يمرون",
        # a sewage tanker named beside sewage inside a home
        "البيارة فايضة والمجاري داخل البيت، نبي صهريج شفط",
        "camels on el 6areeq el sree3 near the exit",
        "a car stuck in the flooded wadi with a family inside",
        "a child being swept by the current in the wadi",
        "سيول دخلت البيت والماي وصل الغرف",
    ],
)
def test_the_narrowed_cues_still_find_their_dangers(text: str) -> None:
    assert urgent_rule(text), text


# Eighth pass: phrasings the new English and Arabizi training rows used that the rules missed
# (written from the sub-topic lists; no test set read), and lookalikes they must not fire on.
@pytest.mark.parametrize(
    "text",
    [
        "the concrete canopy over the shops is sagging and people sit under it",
        "the old mud house have big part of wall fall down and other part shaking with wind",
        "Stop sign got knocked flat into the middle of the junction",
        "the asphalt just dropped into a cavity in the left lane",
        "Contractor dug a trench across our lane and left open, no tape",
        "Black water is bubbling out of the shower drain into the corridor",
        "a thick bough split off and dangles by its bark above the see-saw",
        "el sheenko 6ayir ma3 el hawa fog el bait",
        "sidra inkasarat w raqdat b 3ar9 el sikka",
        "ba8ar wa8feen fi el masar el sarea3 ba3d el jisr",
        "sayara mahjoora titsarrab minha binzeen w el 3yal 7awalha",
        "Manhole cover مو موجود على الرصيف قدام الـ clinic",
        "لوحة الـ exit الكبيرة على الـ flyover انفك نصها وتتأرجح",
    ],
)
def test_eighth_pass_phrasings_are_urgent(text: str) -> None:
    assert urgent_rule(text), text


@pytest.mark.parametrize(
    "text",
    [
        "A fire-blackened van shell has been dumped on the shoulder for ages",
        "the canopy is not sagging, it is only faded",
        "the petrol station toilets smell bad and leak",
        "الأغصان المتساقطة ما زالت في ممرات الحديقة منذ الرياح الأخيرة",
    ],
)
def test_eighth_pass_lookalikes_are_not_urgent(text: str) -> None:
    assert urgent_rule(text) is None, text
