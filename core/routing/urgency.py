"""Urgency: danger to life or property now, by rules over normalised text plus the model.

The taxonomy's rule (exposed wiring, open manhole, collapsing structure, flooding or sewage
inside homes, fire, fallen tree blocking a road) is written as small named rules. Each rule
needs all its concept groups close together in the message, and a negation right before the
action ("hasn't come inside yet", "ما دخل") cancels it. The rules catch the clear cases in
any language form; a confident urgent model catches the phrasings the rules miss.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from core.language.normalize import head, normalize_arabic
from core.routing.terms import TermIndex, index_terms

WINDOW = 14  # words: all parts of a rule must sit within this span
# Urgent-model probability that counts as urgent on its own. Chosen on 5-fold CV of all the
# shipped labelled rows (corpus and our own): the highest recall whose precision keeps a
# margin over 0.80 (0.5: P 0.83, R 0.85; 0.8 gave P 0.86, R 0.77). The rules alone find 100%
# of the corpus's urgent messages but under half of those in rows written blind, whose
# phrasings the rules were never shown: the model carries the rest.
MODEL_THRESHOLD = 0.5

_NEGATION = index_terms(
    {"negation": ["not=", "no=", "never=", "hasn=", "hasnt=", "haven=", "havent=", "isn=", "isnt=", "didn=",
     "didnt=", "doesn=", "wasn=", "ما=", "لم=", "لا=", "ليس=", "مو=", "مب=", "ma=", "mb=", "mu=",
     "la="]}
)  # fmt: skip
_STILL_NOT = index_terms({"yet": ["yet=", "بعد=", "ba3d="]})
# Fear of what might happen one day is a reason to inspect, not danger now.
_HYPOTHETICAL = index_terms(
    {"fear": ["اخاف=", "نخاف=", "نخشى=", "يخشى=", "قد=", "ممكن=", "might=", "could=", "may=", "afraid",
     "worried", "fear", "akhaf", "n5af", "could=", "will="]}
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
    groups: tuple[str, ...]
    negatable: tuple[int, ...] = ()


_GROUPS: dict[str, list[str]] = {
    "wires": _WIRES, "exposed": _EXPOSED, "manhole": _MANHOLE, "open": _OPEN,
    "structure": _STRUCTURE, "collapsing": _COLLAPSING, "water": _WATER, "inside": _INSIDE,
    "home": _HOME, "fire": _FIRE, "tree": _TREE, "fallen": _FALLEN, "road": _ROAD,
}  # fmt: skip
_INDEX: TermIndex = index_terms(_GROUPS)

RULES: tuple[Rule, ...] = (
    Rule("exposed_wiring", ("wires", "exposed")),
    Rule("open_manhole", ("manhole", "open")),
    Rule("collapsing_structure", ("structure", "collapsing"), negatable=(1,)),
    Rule("water_inside_home", ("water", "inside", "home"), negatable=(1,)),
    Rule("fire", ("fire",), negatable=(0,)),
    Rule("fallen_tree_on_road", ("tree", "fallen", "road"), negatable=(1,)),
)
MAX_HITS = 8  # positions kept per group: enough for the window check, bounded work


def _negated(words: list[str], start: int, end: int) -> bool:
    """True when a negation or a fear sits in the three words before a match, or 'yet' after."""
    before = words[max(0, start - 3) : start]
    return bool(
        _NEGATION.find(before)
        or _HYPOTHETICAL.find(before)
        or _STILL_NOT.find(words[end : end + 2])
    )


def urgent_rule(text: str) -> str | None:
    """Name of the first urgent rule the text meets, or None."""
    words = normalize_arabic(head(text)).split()
    hits: dict[str, list[tuple[int, int]]] = {}
    for start, end, group in _INDEX.find(words):
        hits.setdefault(group, []).append((start, end))
    for rule in RULES:
        positions: list[list[int]] = []
        for i, group in enumerate(rule.groups):
            spans = hits.get(group, [])
            if i in rule.negatable:
                spans = [(s, e) for s, e in spans if not _negated(words, s, e)]
            if not spans:
                break
            positions.append([s for s, _ in spans[:MAX_HITS]])
        else:
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
