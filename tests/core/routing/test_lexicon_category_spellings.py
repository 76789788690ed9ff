"""Arabizi and English words of each category reach the concept their Arabic-script
equivalent reaches (issue 17, tenth pass, category): short Arabizi words ("7awya", "lo7a",
"9oot") have skeletons too short to meet the Arabic terms, so their spellings are listed; and
words that look alike but mean something else stay apart."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic
from core.routing.lexicon import concepts


def _concepts(text: str) -> list[str]:
    return concepts(normalize_arabic(text).split())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el 3amood 6afi mn usboo3", "light"),
        ("عمود النور طافي", "light"),
        ("el 7awya maleyana zbala", "container"),
        ("lo7at el ittijah 6aa7at", "sign"),
        ("ba3oo9 wayed bil lail", "insect"),
        ("a wasp nest under the balcony", "insect"),
        ("chlaab saayba 3nd el madrasa", "animal"),
        ("el bayyara fay9a", "sewage"),
        ("el 9oot 3aali mn el warsha", "noise"),
        ("7ammamat el shati2 mghallaga", "beach"),
        ("the scaffolding is swaying", "structure_part"),
        ("jidar el bait fi shgoog", "structure_part"),
        ("سقف المحل نازل", "structure_part"),
        ("roadworks barriers left in the lane", "roadworks"),
        ("el 7awajiz 7ag el 7afriyat ba3adha", "roadworks"),
        ("el jaar yabni dor thaani", "construction"),
        ("el jaar yabni bdoon ta9ree7", "violation"),
        ("kam rusoom el ru5sa", "admin"),
        ("eshloun atab3 el bala3", "question"),
        ("el sidra yabsa mn el 7ar", "tree"),
        ("sayyara matrooka mn shhoor", "abandoned"),
        ("el 3amood mayil 3al share3", "danger_structure"),
    ],
)
def test_category_words_in_arabizi_and_english_reach_their_concept(text: str, concept: str) -> None:
    assert concept in _concepts(text)


def test_a_report_number_in_arabizi_is_paperwork_not_a_drain() -> None:
    """ "bala3" (بلاغ, a report, 3 for غ) and "balloo3a" (بالوعه, a drain) share a skeleton."""
    assert "admin" in _concepts("atab3 el bala3 elli rafa3taha")
    assert "sewage" not in _concepts("atab3 el bala3 elli rafa3taha")
    assert "sewage" in _concepts("el balloo3a maftoo7a")


def test_a_bathroom_is_not_an_animal() -> None:
    """حمام is a bathroom in Gulf speech as often as pigeons: it names no animal."""
    assert "animal" not in _concepts("الحمام فيه ريحه مجاري")


def test_an_english_door_is_not_a_floor_being_built() -> None:
    """ "dor" (دور, a storey) is listed whole-word only, so "door" stays out of construction."""
    assert "construction" not in _concepts("please open the door of the shop")


@pytest.mark.parametrize(
    "text", ["el zbala mkawwama fi el fireej", "el fireeq ja w shal el shajara"]
)
def test_a_neighbourhood_or_a_team_is_not_a_fire(text: str) -> None:
    """ "fireej" (فريج, a neighbourhood) and "fireeq" (فريق, a team) begin with "fire"."""
    assert "fire" not in _concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "el manhool 7a66oo 3'a6a jdeed, ashkurkom",
        "the overflow in our street was sorted overnight",
        "صلحوا الحفره امس",
    ],
)
def test_a_problem_already_dealt_with_reaches_resolved(text: str) -> None:
    """Feedback names the problem it thanks for; "resolved" is what tells them apart."""
    assert "resolved" in _concepts(text)
