"""Urgency: danger to life or property now, by rules over normalised text plus the model.

The taxonomy's rule (exposed wiring, open manhole, collapsing structure, flooding or sewage
inside homes, fire, fallen tree blocking a road) is written as small named rules. Each rule
needs all its concept groups close together in the message, and a negation right before the
action ("hasn't come inside yet", "ما دخل") cancels it. The rules catch the clear cases in
any language form; a confident urgent model catches the phrasings the rules miss.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from core.language.normalize import normalize_arabic
from core.routing.terms import compile_terms, token_index

WINDOW = 14  # words: all parts of a rule must sit within this span
MODEL_THRESHOLD = 0.8  # urgent-model probability that counts as urgent on its own

_NEGATION = compile_terms(
    ["not=", "no=", "never=", "hasn=", "hasnt=", "haven=", "havent=", "isn=", "isnt=", "didn=",
     "didnt=", "doesn=", "wasn=", "ما=", "لم=", "لا=", "ليس=", "مو=", "مب=", "ma=", "mb=", "mu=",
     "la="]
)  # fmt: skip
_STILL_NOT = compile_terms(["yet=", "بعد=", "ba3d="])
# Fear of what might happen one day is a reason to inspect, not danger now.
_HYPOTHETICAL = compile_terms(
    ["اخاف=", "نخاف=", "نخشى=", "يخشى=", "قد=", "ممكن=", "might=", "could=", "may=", "afraid",
     "worried", "fear", "akhaf", "n5af", "could=", "will="]
)  # fmt: skip

_WIRES = ["wire", "wiring", "cable", "electric", "اسلاك", "سلك", "وايرات", "واير", "كيبل",
          "كابل", "كهرب", "wayer", "aslak", "kahraba"]  # fmt: skip
_EXPOSED = ["exposed", "bare", "hanging", "spark", "live=", "visible", "open", "hanging out", "sticking out", "مكشوف",
            "ظاهر", "عاري", "شرار", "طالع", "متدلي", "مفتوح", "برع", "barra", "6al3", "mkshoof",
            "shrar"]  # fmt: skip
_MANHOLE = ["manhole", "manhool", "inspection chamber", "drain cover", "sewer cover", "منهول",
            "غرفه التفتيش", "غرفه تفتيش", "فتحه صرف", "فتحه الصرف", "فتحه المجاري", "غطا البالوعه",
            "غطاء البالوعه", "غطا المنهول"]  # fmt: skip
_OPEN = ["open", "missing", "no cover", "without cover", "without a cover", "uncovered", "removed",
         "stolen", "caved", "gone", "deep hole", "مفتوح", "مفقود", "بدون غطا", "بلا غطا", "مكشوف",
         "مسروق", "طاير", "maftoo7", "bdoon 3'6a", "bdoon 36a", "bala 3'6a", "where the manhole"]  # fmt: skip
_STRUCTURE = ["wall", "ceiling", "roof", "building", "balcony", "structure", "stairwell", "جدار",
              "سقف", "سور", "بنايه", "مبني", "مبنى", "شرفه", "البيت", "منزل", "jidar", "saqf",
              "soor", "bait", "3imara", "عماره"]  # fmt: skip
_COLLAPSING = ["collapsing", "collapsed", "collapse", "falling", "fell", "caving", "gave way",
               "giving way", "crumbling", "coming down", "ينهار", "انهار", "بالانهيار", "تنهار",
               "يطيح", "تطيح", "بيطيح", "يتساقط", "تتساقط", "سقط", "يسقط", "طاح", "y6ee7", "t6ee7",
               "6a7", "yinhar", "evacuat", "اخلا"]  # fmt: skip
_WATER = ["water", "rain", "flood", "sewage", "ماي", "مياه", "المطر", "الامطار", "مطر", "سيل",
          "المجاري", "مجاري", "الصرف", "mai=", "m6ar", "majari", "seil"]  # fmt: skip
_INSIDE = ["inside", "into our", "into the house", "entering", "coming into", "came into",
           "coming up through", "in the living room", "in our flat", "ankle deep", "knee deep",
           "دخل", "دخلت", "تدخل", "يدخل", "داخل", "غمر", "غرق", "وصل الغرف", "في الغرف", "da5al",
           "dakhal", "dakhla", "da5la", "dkhal", "da5il"]  # fmt: skip
_HOME = ["house", "home", "flat", "flats", "villa", "room", "bedroom", "hall", "bathroom",
         "kitchen", "ground floor", "basement", "بيت", "منزل", "منازل", "بيوت", "الغرف", "غرفه",
         "الصاله", "المجلس", "الشقه", "الشقق", "شقه", "الحمام", "المطبخ", "bait", "byoot",
         "shaqqa", "9ala", "3'oraf", "ghoraf"]  # fmt: skip
_FIRE = ["fire", "burning", "flames", "ablaze", "حريق", "تحترق", "يحترق", "النار",
         "نار", "النيران", "تولع", "يولع", "اشتعل", "7areeq", "nar=", "t7tareg", "twalla3"]  # fmt: skip
_TREE = ["tree", "palm", "شجره", "نخله", "شجر", "shajara", "ni5la"]
_FALLEN = ["fallen", "fell", "down", "came down", "uprooted", "سقطت", "طاحت", "طايحه", "سقوط",
           "6a7at", "sa8a6at"]  # fmt: skip
_ROAD = ["road", "street", "lane", "way=", "traffic", "شارع", "طريق", "الطريق", "سكه", "الشارع",
         "shari3", "6areeq", "sikka"]  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """A named rule: every group must match within WINDOW words; `negatable` group indexes."""

    name: str
    groups: tuple[re.Pattern[str], ...]
    negatable: tuple[int, ...] = ()


def _rule(name: str, *groups: list[str], negatable: tuple[int, ...] = ()) -> Rule:
    return Rule(name, tuple(compile_terms(g) for g in groups), negatable)


RULES: tuple[Rule, ...] = (
    _rule("exposed_wiring", _WIRES, _EXPOSED),
    _rule("open_manhole", _MANHOLE, _OPEN),
    _rule("collapsing_structure", _STRUCTURE, _COLLAPSING, negatable=(1,)),
    _rule("water_inside_home", _WATER, _INSIDE, _HOME, negatable=(1,)),
    _rule("fire", _FIRE, negatable=(0,)),
    _rule("fallen_tree_on_road", _TREE, _FALLEN, _ROAD, negatable=(1,)),
)


def _negated(text: str, start: int, end: int) -> bool:
    """True when a negation or a fear sits in the three words before a match, or 'yet' after."""
    before = " ".join(text[:start].split()[-3:])
    after = " ".join(text[end:].split()[:2])
    return bool(
        _NEGATION.search(before) or _HYPOTHETICAL.search(before) or _STILL_NOT.search(after)
    )


def _positions(text: str, rule: Rule) -> list[list[int]] | None:
    found: list[list[int]] = []
    for i, pattern in enumerate(rule.groups):
        hits = [
            token_index(text, m.start())
            for m in pattern.finditer(text)
            if i not in rule.negatable or not _negated(text, m.start(), m.end())
        ]
        if not hits:
            return None
        found.append(hits[:8])
    return found


def urgent_rule(text: str) -> str | None:
    """Name of the first urgent rule the text meets, or None."""
    norm = normalize_arabic(text)
    for rule in RULES:
        positions = _positions(norm, rule)
        if positions is None:
            continue
        for combo in itertools.product(*positions):
            if max(combo) - min(combo) <= WINDOW:
                return rule.name
    return None


def is_urgent(text: str, model_probability: float | None = None) -> tuple[bool, str | None]:
    """Urgent when a rule fires, or the urgent model is confident; returns (urgent, why)."""
    rule = urgent_rule(text)
    if rule:
        return True, f"rule:{rule}"
    if model_probability is not None and model_probability >= MODEL_THRESHOLD:
        return True, "model"
    return False, None
