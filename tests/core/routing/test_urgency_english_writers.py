"""Urgency, tenth pass (issue 17): the same dangers as other writers put them in English and
in Arabic with English words (a line "came down across" a road, a cover "cracked in half",
a railing that gives a shock, a cylinder hissing, water that "entered my shop"); their
negated, past, feared, settled and permit-question counterparts do not fire.

Written from the tenth pass's sub-topic list (docs/ROUTING_DATA.md), never from a test set's
messages, and not copied from the training rows.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

# kind -> form -> a message reporting that danger now
DANGERS: dict[str, dict[str, str]] = {
    "line_down_across_road": {
        "english": "A power line came down across Way 3307 in the storm and lies over the cars",
        "mixed": "الـ power cable came down across the road قدام المدرسة",
    },
    "cabinet_forced_open": {
        "english": "Somebody forced open the feeder pillar by the mosque, live parts within reach",
        "mixed": "الـ feeder pillar عند الحديقة prised open والأسلاك showing",
    },
    "junction_box_arcing": {
        "english": "The junction box under the lamp column is arcing and fizzing in the rain",
        "mixed": "الـ junction box حق العمود flashing وفيه burning smell",
    },
    "live_metal": {
        "english": "My daughter got a shock from the handrail at the bus stop, it is still live",
        "mixed": "الدرابزين حق الممشى فيه كهربا، ولدي جاه shock لما مسكه",
    },
    "cover_cracked_in_half": {
        "english": "The drain cover on the school path cracked in half and one piece fell in",
        "mixed": "الـ manhole cover انكسر in half قدام الروضة",
    },
    "grate_collapsed": {
        "english": "The storm drain grate at the car park entrance collapsed inside, a deep gap",
        "mixed": "الـ drain grate عند باب السوق collapsed inside والناس يمشون حوله",
    },
    "cover_flipping_up": {
        "english": "The sewer lid flips up as the lorries pass and one just landed in the lane",
        "mixed": "غطا الـ manhole flipping up كل ما تمر سيارة في الشارع",
    },
    "sheets_flying_off": {
        "english": "Tin sheets are flying off the warehouse roof onto the road in this wind",
        "mixed": "ألواح الشينكو تطير من سقف المخزن على الشارع",
    },
    "cracking_sounds": {
        "english": "Loud cracking sounds from the walls of our block tonight, we all went out",
        "mixed": "نسمع صوت تكسير في جدار العمارة والـ families طلعوا برع",
    },
    "piece_broke_off": {
        "english": "A lump of the balcony broke off and hit the pavement beside the shops",
        "mixed": "قطعة من الـ balcony broke off وطاحت على الرصيف",
    },
    "tank_tipping": {
        "english": "The roof tank next door is tipping over towards our courtyard",
        "mixed": "الـ tank فوق السطح tipping over على حوشنا",
    },
    "footbridge_shedding": {
        "english": "Pieces are dropping off the underside of the footbridge onto traffic",
        "mixed": "الـ footbridge يطيح منه اسمنت على السيارات",
    },
    "gantry_hanging": {
        "english": "The gantry sign hangs off one bracket above the traffic on the expressway",
        "mixed": "لوحة الـ gantry hangs off فوق الطريق السريع above the traffic",
    },
    "limb_over_carriageway": {
        "english": "A split limb of the old ghaf tree dangles over the road near the clinic",
        "mixed": "غصن الشجرة مكسور ومعلق فوق الطريق hanging over the road",
    },
    "palm_leaning_over_street": {
        "english": "The palm by our gate is leaning over the street with its roots pulled up",
        "mixed": "النخلة leaning over the street بعد العاصفة",
    },
    "signal_post_hanging": {
        "english": "The signal post was hit by a bus and now hangs over the junction",
        "mixed": "عمود الإشارة الضوئية انضرب ومعلق فوق التقاطع",
    },
    "water_in_shop": {
        "english": "Rain water entered my shop and it is all over the floor by the sockets",
        "mixed": "الماي دخل my shop وكله ماي عند الأفياش",
    },
    "house_under_water": {
        "english": "Our house is flooding, the water came through the kitchen door",
        "mixed": "بيتنا is flooding والماي came through الباب",
    },
    "basement_filling": {
        "english": "The basement flat is filling up with rainwater and a family lives in it",
        "mixed": "الـ basement يتعبى ماي والـ family ساكنين فيه",
    },
    "cylinder_leaking": {
        "english": "A gas cylinder on the balcony below is hissing and the whole stairwell smells",
        "mixed": "سلندر الغاز في المطعم يسرب gas والمطبخ شغال",
    },
    "fuel_pouring": {
        "english": "Diesel pouring out of a parked tanker into the storm drain by the school",
        "mixed": "diesel pouring out من التانكر على الشارع",
    },
    "stranded_in_wadi": {
        "english": "Two men are stranded on their pickup in the middle of the wadi",
        "mixed": "ناس عالقين فوق سيارتهم في الوادي والماي يرتفع",
    },
    "dogs_cornering": {
        "english": "Stray dogs are cornering the children at the bus stop, growling",
        "mixed": "الكلاب الضالة cornering العيال عند محطة الباص",
    },
    "swing_in_use_sharp": {
        "english": "The swing has a sharp snapped chain and kids are queuing for it",
        "mixed": "المرجيحة فيها حديد حاد والعيال still using it",
    },
    "bin_alight": {
        "english": "The big bin behind the bakery is alight and the wind is blowing sparks",
        "mixed": "الحاوية ورا المخبز فيها نار والهوا قوي",
    },
    "wires_visible": {
        "english": "The lamppost hatch is gone and you can see all the wires at a child's height",
        "mixed": "باب العمود طايح و you can see the wires عند المدرسة",
    },
    "water_into_panel": {
        "english": "Rain is leaking into the electrical panel on the ground floor of our block",
        "mixed": "الماي leaking into الـ electric panel حق العمارة",
    },
    "slab_hanging_down": {
        "english": "A balcony slab is hanging down over the building entrance",
        "mixed": "الـ balcony slab hanging down فوق المدخل",
    },
    "sign_hanging_loose": {
        "english": "The road sign is hanging loose over the highway near the exit",
        "mixed": "لوحة الطريق hanging loose فوق السيارات في الـ highway",
    },
    "swimming_in_running_wadi": {
        "english": "Boys are swimming in the flowing wadi at Al Khoud",
        "mixed": "العيال swimming في الوادي وهو جاري",
    },
    "dogs_surrounding": {
        "english": "A pack of dogs surrounded the girls at the bus stop",
        "mixed": "الكلاب surrounded البنات عند محطة الباص",
    },
    "crane_load_over_homes": {
        "english": "The crane is swinging its loads over our houses in this wind",
        "mixed": "الـ crane يلف بالحمولة فوق بيوتنا",
    },
}

# Calm counterparts of the kinds above: negated, over, past, feared one day, or a question.
CALM: list[str] = [
    "The power line that was down across Way 3307 has been repaired, thanks",
    "No live parts showing at the feeder pillar, only the paint is peeling",
    "The junction box was arcing last month; the electricity company replaced it",
    "No current in the handrail at the bus stop, the electrician checked it, all safe",
    "The drain cover that cracked in half last year was replaced, thank you",
    "Can you check the storm drain grate? It is not broken, just full of leaves",
    "The sewer lid was flipping up last winter, now it is fixed",
    "I am afraid the tin sheets on the warehouse roof might fly off in a storm one day",
    "Do I need a permit to take down the old balcony of my own house?",
    "The roof tank that was tipping over next door was taken down last week",
    "The gantry sign that was hanging over the expressway is fixed now, well done",
    "Please prune the ghaf tree by the clinic before the summer, nothing has fallen",
    "The signal post that was hit by a bus last month has been replaced",
    "Water never entered my shop, it only pools at the door after rain",
    "Our house was flooding two years ago; please clean the drain before the rains",
    "The gas cylinder is not leaking, I only ask about the rules for storing cylinders",
    "How do I get a permit to keep a diesel tank at my workshop?",
    "Nobody is stranded in the wadi, the road is closed and dry now",
    "The dogs were cornering people last month, then your team took them away",
    "The swing chain was replaced last week, thank you for the quick work",
    "Fire drill at the bakery today, no fire, just practice",
    "The crane at the site is only noisy, it is not swinging anything",
    "bees made a hive in our tree, they are calm, nobody stung",
    "the wall that was falling near the school was demolished, good job",
    "No water leaking into the electrical panel now, the roof was sealed",
    "The road sign that was hanging loose over the highway was fixed last week",
    "Is swimming allowed in the wadi pools when the wadi is dry?",
    "The dogs that surrounded the girls last month were taken away",
    "الدرابزين حق الممشى ما فيه كهربا، بس الصبغ مقشر",
    "سلندر الغاز ما يسرب، بس أبي أعرف الـ permit حق التخزين",
    "الماي ما دخل my shop، بس يتجمع قدام الباب",
]

CASES = [(kind, form, text) for kind, forms in DANGERS.items() for form, text in forms.items()]


@pytest.mark.parametrize(("kind", "form", "text"), CASES, ids=[f"{k}-{f}" for k, f, _ in CASES])
def test_each_english_and_mixed_hazard_kind_is_urgent(kind: str, form: str, text: str) -> None:
    assert urgent_rule(text), (kind, form)


@pytest.mark.parametrize("text", CALM)
def test_negated_past_feared_or_settled_counterparts_are_calm(text: str) -> None:
    assert urgent_rule(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I was in shock to see the fence built on the public land",
        "The current gate times of the park are too short",
        "Please send the electrician to fix the street light, nothing is exposed",
        "fly tipping again near the roundabout, building waste everywhere",
        "the coffee shop's water dispenser is dirty inside",
        "It is hot as fire in the park, the slides burn the kids' hands",
    ],
)
def test_words_the_new_terms_share_with_calm_messages_do_not_fire(text: str) -> None:
    """The new terms read as dangers only where they name one: "shock" without an electric
    one, "current" the adjective, "tipping" in fly tipping, "inside" a dispenser."""
    assert urgent_rule(text) is None
