"""Urgency, twenty-second pass: a person in danger said with no hazard word, MSA and English
first: a child or an elder lost in a public place and still missing; someone in the sea who
cannot get back, a boat or kayak drifting out; a person pulled out of water who does not
respond; a worker hanging by a rope or a harness; someone fallen who does not answer; a child
shut in a car's boot; a footbridge with panels gone that people still cross; the MSA sea's
verbs (اجتاحت، جرفت), يرتعش. And their calm look-alikes: found (لقيناه، "found safe", "في
أمان"), a lost cat or phone, of yesterday, asked about, a lift out of order with nobody
inside, a worn footbridge, waves on the walkway every afternoon ("kil 3a9r").

Written from the pass's sub-topic list (docs/ROUTING_DATA.md, "Twenty-second pass"), never
from a test set.
"""

from __future__ import annotations

import pytest

from core.routing.urgency import model_may_flag, urgent_rule

URGENT = {
    # person_missing_now
    "girl_lost_in_souq_not_found_msa": (
        "طفلة صغيرة تاهت في السوق منذ ساعة ولم نعثر عليها", "person_missing_now"),
    "boy_lost_at_beach_gulf": ("ولدي ضاع عند البحر من ساعتين وما لقيناه", "person_missing_now"),
    "grandfather_with_dementia_walked_out_english": (
        "my grandad has dementia and walked out of the house an hour ago", "person_missing_now"),
    "little_girl_wandering_crying_english": (
        "a little girl is wandering round the car park crying for her dad", "person_missing_now"),
    "son_lost_mall_arabizi": ("wldi 6aye3 fi el mall min sa3a", "person_missing_now"),
    "son_lost_mixed": ("ولدي lost في الحديقة وما لقيناه", "person_missing_now"),
    # in_trouble_in_the_sea
    "swimmer_cannot_get_back_msa": (
        "رجل في البحر يلوح بيده ولا يستطيع العودة إلى الشاطئ", "in_trouble_in_the_sea"),
    "boat_drifting_with_current_msa": (
        "قارب فيه صيادون يبتعد مع التيار بعد أن توقف", "in_trouble_in_the_sea"),
    "kayak_drifting_out_english": (
        "a kayak is drifting out from the beach with two kids in it", "in_trouble_in_the_sea"),
    "someone_cannot_get_back_gulf": (
        "واحد في البحر بعيد وما يقدر يرجع", "in_trouble_in_the_sea"),
    "cannot_get_back_arabizi": ("wa7ed fi el ba7ar ma yigdar yirja3", "in_trouble_in_the_sea"),
    # pulled_out_unresponsive
    "boy_pulled_from_pond_msa": (
        "انتشلنا صبيا من البركة وشفتاه زرقاوان", "pulled_out_unresponsive"),
    "girl_pulled_from_pool_english": (
        "we pulled a girl out of the lake, she isn t responding", "pulled_out_unresponsive"),
    # hanging_by_a_rope
    "worker_hanging_by_rope_msa": ("عامل معلق بحبل على واجهة البرج", "hanging_by_a_rope"),
    "cleaner_dangling_from_harness_english": (
        "a cleaner is dangling from his harness on the tower", "hanging_by_a_rope"),
    "worker_hanging_by_rope_arabizi": ("el 3amil m3allag bil 7abl fog", "hanging_by_a_rope"),
    # fell_and_not_answering
    "old_man_fell_not_answering_gulf": (
        "الشيبه طاح في الممر وما يرد علينا", "fell_and_not_answering"),
    "woman_fell_not_answering_english": (
        "a woman fell by the entrance and is not answering", "fell_and_not_answering"),
    # shut_in_a_vehicle: a child in a car's boot
    "child_in_car_boot_msa": ("طفل داخل صندوق سيارة في المواقف", "shut_in_a_vehicle"),
    "girl_shut_in_boot_gulf": ("بنت انقفلت في دبة السيارة", "shut_in_a_vehicle"),
    # broken_crossing_in_use
    "footbridge_panels_missing_people_crossing_english": (
        "the footbridge has panels missing and kids are still crossing it",
        "broken_crossing_in_use"),
    "footbridge_boards_missing_msa": (
        "جسر المشاة فيه ألواح مفقودة والناس يعبرونه", "broken_crossing_in_use"),
    # the MSA sea's verbs and يرتعش read by earlier rules
    "waves_swept_a_man_msa": ("اجتاحت الأمواج الممشى وجرفت رجلا", "waves_reaching_people"),
    "boy_trembling_msa": ("طفل يرتعش بجوار المسجد", "person_shaking_now"),
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(URGENT))
def test_danger_now_fires_its_rule(key: str) -> None:
    text, rule = URGENT[key]
    assert urgent_rule(text) == rule


CALM = {
    "lost_girl_found_safe_msa": "عثرنا على الطفلة التي تاهت في السوق منذ ساعة وهي في أمان",
    "lost_boy_found_gulf": "ولدي ضاع في المول من ساعة ولقيناه الحمدلله",
    "lost_boy_yesterday_english": "my son got lost at the beach for an hour yesterday",
    "lost_cat_arabizi": "el gi6wa 7agat wldi 6ay3a min sa3a w ma lgaina",
    "lost_phone_english": "my son lost his phone at the park and we can't find it",
    "lifeguard_question_msa": "هل يوجد منقذ إذا رجل في البحر لا يستطيع العودة؟",
    "past_rescue_english": (
        "yesterday a kayak was drifting out and the coast guard brought it back, thanks"),
    "pulled_out_fine_english": "we pulled a boy out of the pool and he is fine now",
    "lift_out_of_order_nobody_inside": "the lift has stopped between floors, nobody inside",
    "worn_footbridge": "the wooden bridge in the park has broken planks, nobody uses it now",
    "waves_every_afternoon_arabizi": "el mooj y6la3 3al rasif w el nas kil 3a9r",
    "shivering_after_swim_msa": "كان ابني يرتعش من البرد بعد السباحة",
    "contractor_not_back": "المقاول طلع من الموقع وما رجع للحين والشغل واقف",
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(CALM))
def test_look_alike_fires_no_rule(key: str) -> None:
    assert urgent_rule(CALM[key]) is None


def test_not_found_keeps_a_missing_person_urgent() -> None:
    """ "ما لقيناه" (not found) holds "لقيناه" (found), which must not end the danger."""
    assert urgent_rule("ولدي ضاع في السوق من ساعة وما لقيناه") == "person_missing_now"
    assert urgent_rule("my daughter went missing an hour ago and hasn't been found") == (
        "person_missing_now"
    )


def test_an_inability_is_no_denial_for_the_model() -> None:
    """ "the parents can't open it": a danger reported, not denied; the model keeps counting."""
    text = "a child got shut in the boot of a car, the parents can't open it"
    assert model_may_flag(text, 0.93)
    assert not model_may_flag("the manhole is not open any more, they covered it", 0.93)
