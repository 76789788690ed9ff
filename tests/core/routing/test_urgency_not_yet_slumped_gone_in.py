"""Urgency, twenty-fourth pass: danger now said with no span or hazard word, in every form: a
person not back or answering nobody with the "yet" in the phrase ("still not home", "لم يرجع
إلى الآن", "ما يرد على احد"); a door not opened or a person not seen since yesterday; an elder
who does not know where he is going, or sitting on the road itself; someone slumped or not
responding on a bench, at a bus stop or in a car; a worker gone into a chamber to fix it and
not out; a vehicle that slipped its brake; fuel or chemicals in water where children swim; a
child at a drop. And their calm look-alikes: back or found, a work delay or an office, a
request, a habit, of yesterday, asked about.

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Urgency 24"), never from a test
set or a probe.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import urgent_rule

URGENT = {
    # person_not_back_yet: a named person and a not-back phrase that holds its own "yet"
    "husband_still_not_home_english": (
        "my husband left for the dunes in the afternoon and is still not home", "person_not_back_yet"),
    "guard_answering_nobody_english": (
        "the night watchman at the reservoir isn't answering anyone, we tried everything",
        "person_not_back_yet"),
    "son_not_back_to_now_msa": ("خرج ابني الصغير ليلعب عند الجيران ولم يرجع إلى الآن", "person_not_back_yet"),
    "yet_before_the_verb_msa": (
        "خرج جدي إلى السوق القديم بعد الظهر وحتى الآن لم يرجع", "person_not_back_yet"),
    "attendant_answering_nobody_english": (
        "the car wash attendant locked himself in the back room and isn't answering anyone",
        "person_not_back_yet"),
    "chemical_in_swimming_pool_msa": (
        "تسرب سائل كيماوي من خزان قرب المسبح والأطفال يسبحون فيه", "fuel_leaking_near_people"),
    "neighbour_answering_nobody_msa": ("جارنا المسن لا يرد على أحد ونحن قلقون عليه", "person_not_back_yet"),
    "brother_not_back_still_gulf": ("اخوي طلع بالطراد وللحين ما رجع", "person_not_back_yet"),
    "elder_answering_nobody_gulf": ("الشيبة اللي ساكن جنبنا ما يرد على احد", "person_not_back_yet"),
    "dad_not_back_still_arabizi": ("ubooy 6ala3 ymshi ba3d el 3asha w lel7een ma rja3", "person_not_back_yet"),
    "sister_answering_nobody_arabizi": ("u5ti ma trd 3la a7ad w hiya fil bait", "person_not_back_yet"),
    "kids_still_not_home_mixed": ("العيال went cycling to the lake and they're still not home",
                                  "person_not_back_yet"),
    # person_not_back_now: a door not opened, nobody has seen her, since yesterday
    "door_not_opened_since_yesterday_english": (
        "the old lady upstairs hasn't opened her door since yesterday and lives on her own",
        "person_not_back_now"),
    "not_seen_since_yesterday_arabizi": ("jaratna ma shafha a7ad min ams", "person_not_back_now"),
    # confused_person_exposed: does not know where he is going
    "shaib_not_knowing_where_gulf": (
        "شايب يمشي عند الإشارة ما يدري وين رايح", "confused_person_exposed"),
    "elder_not_knowing_where_msa": (
        "امرأة مسنة في منتصف الطريق السريع لا تعرف إلى أين تذهب", "confused_person_exposed"),
    "shayeb_not_knowing_arabizi": (
        "el shayeb waqif 3ind el dowar w ma yadri ween rayi7", "confused_person_exposed"),
    # elder_in_the_road
    "grandmother_sitting_on_the_road_english": (
        "an elderly woman is sitting on the tarmac of the service road and won't get up",
        "elder_in_the_road"),
    "ajooz_in_the_middle_of_the_road_gulf": ("عجوز قاعد في نص الشارع العام", "elder_in_the_road"),
    # person_unresponsive_in_public / slumped_not_responding
    "man_in_car_not_responding_english": (
        "a man is in his car in the mall car park, eyes closed, and doesn't respond to knocking",
        "person_unresponsive_in_public"),
    "woman_at_bus_stop_gulf": ("حرمة قاعدة على كرسي موقف الباص وما ترد علينا", "person_unresponsive_in_public"),
    "man_on_bench_arabizi": ("fi rayyal 3ala el kursi fil 7adeega ma yistajeeb", "person_unresponsive_in_public"),
    "worker_slumped_english": (
        "a worker is slumped over the wheel of the digger and not responding", "slumped_not_responding"),
    # gone_in_and_not_out: whatever he went in to do
    "worker_in_pump_room_english": (
        "a council worker went down into the pump room to repair it and hasn't come up",
        "gone_in_and_not_out"),
    "worker_in_wet_well_english": (
        "the fitter climbed down into the wet well with a torch and has not come back up",
        "gone_in_and_not_out"),
    "worker_in_tank_gulf": ("العامل نزل الخزان عشان يصلحه وما طلع", "gone_in_and_not_out"),
    "worker_in_manhole_arabizi": (
        "el 3aamil nizal el manhole y9alli7ha w ma 6il3", "gone_in_and_not_out"),
    "worker_in_chamber_mixed": ("The technician نزل غرفة التفتيش and ما طلع", "gone_in_and_not_out"),
    # vehicle_moving_by_itself: slipped its brake
    "van_slipped_brake_english": (
        "the bin lorry slipped its brake at the top of the hill and is rolling towards the stalls",
        "vehicle_moving_by_itself"),
    # fuel_leaking_near_people: chemicals, water where children swim
    "chemicals_where_children_swim_english": (
        "chemicals are leaking from drums into the pond where children swim", "fuel_leaking_near_people"),
    # open_electricity_box: a hatch
    "electrical_hatch_open_english": (
        "the electrical hatch beside the splash pad is open with wires inside", "open_electricity_box"),
    # child_at_a_height_edge: a sea wall over rocks
    "child_on_sea_wall_english": (
        "a little girl is climbing on the sea wall above the rocks by herself", "child_at_a_height_edge"),
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(URGENT))
def test_danger_now_fires_its_rule(key: str) -> None:
    text, rule = URGENT[key]
    assert urgent_rule(text) == rule


CALM = {
    # back, found, a work delay, an office, a thing
    "son_came_back_gulf": "ولدي اللي قلت لكم للحين ما رجع، رجع الحمدلله وهو بخير",
    "contractor_not_back_yet_english": "the contractor still hasn't come back to finish the kerb",
    "workers_not_back_to_finish_msa": "العمال لم يرجعوا إلى الآن لإكمال الحفريات أمام بيتنا",
    "office_answering_nobody_msa": "الموظف في مكتب البلدية لا يرد على أحد منذ الصباح",
    "hotline_answering_nobody_english": "your hotline is not answering anyone today",
    "guard_intercom_english": "our building guard is not answering the intercom, please fix it",
    # an elder with a request, a habit, found
    "elders_walk_in_road_request_english": (
        "elderly people walk in the middle of the road every day, please build a pavement"),
    "shaib_found_gulf": "الشايب اللي ما كان يدري وين رايح لقيناه ورجع بيته",
    # someone resting, a broken thing, of yesterday, eyes closed alone (asleep)
    "asleep_on_bench_english": "a man sleeps on the park bench every night with his eyes closed",
    "bench_broken_english": "the bench at the bus stop is broken and nobody responds to our complaints",
    # gone in and out, a workshop, a cat, asked
    "worker_came_out_english": (
        "a worker went into the manhole this morning and came out fine, the cover is loose"),
    "car_in_workshop_english": "my car went into the workshop on Monday and still hasn't come out",
    "cat_in_drain_english": "a cat went into the storm drain and hasn't come out",
    "what_if_worker_gulf": "وش نسوي لو العامل نزل الخزان وما طلع؟",
    "worker_late_arabizi": "el 3amil gal bey9alli7ha bs ma ja min usboo3",
    # a brake fixed, water tested, a hatch locked
    "brake_fixed_english": "the bus's brakes failed last month and it was fixed",
    "swim_water_test_english": "kids swim in the lake, can you test the water quality?",
    "hatch_locked_english": "the electrical hatch at the fountain was open last week but it is locked now",
    "sea_wall_railing_asked_english": "please put a railing on the sea wall above the rocks, kids climb it",
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(CALM))
def test_look_alike_fires_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


def test_fixing_it_is_no_fixed_it() -> None:
    """Arabizi "y9alli7ha" (he fixes it) once folded as صلحوها (they fixed it), a word that
    ends a danger: a worker gone into a manhole to fix it read as over."""
    text = "el 3aamil dakhal el manhole y9alli7ha w ma 6ala3"
    assert urgent_rule(text) == "gone_in_and_not_out"
