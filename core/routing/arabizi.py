"""Arabizi to Arabic script, and a consonant skeleton where Arabic and Arabizi spellings meet.

Gulf Arabic written in Latin letters ("el zbala ma t7allat") shares no characters with the
same words in Arabic script ("الزباله ما تحلت"), so n-grams learned in one never help the
other. Transliterating Arabizi (3 -> ع, 7 -> ح, sh -> ش, ...) and reducing both to a
consonant skeleton (vowels, the article and emphatic/plain distinctions dropped, since
Arabizi spells them inconsistently and Arabic omits short vowels) gives both forms one
shared view: "zbala" and "زباله" both become "زبل", "7ufra" and "حفره" both "حفر".
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.language.wordlists import ARABIZI_WORDS, ENGLISH_WORDS

# Digits Arabizi uses for letters with no Latin equivalent; an apostrophe adds the dot.
_DOTTED = {"3'": "غ", "6'": "ظ", "9'": "ض", "7'": "خ"}
_DIGITS = {"2": "ء", "3": "ع", "4": "ذ", "5": "خ", "6": "ط", "7": "ح", "8": "ق", "9": "ص"}
_DIGRAPHS = {"sh": "ش", "kh": "خ", "th": "ث", "dh": "ذ", "gh": "غ", "ch": "تش", "ee": "ي",
             "ii": "ي", "oo": "و", "ou": "و", "aa": "ا", "ai": "ي", "ay": "ي", "ei": "ي"}  # fmt: skip
_LETTERS = {"a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "ي", "f": "ف", "g": "ق", "h": "ه",
            "i": "ي", "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "p": "ب",
            "q": "ق", "r": "ر", "s": "س", "t": "ت", "u": "و", "v": "ف", "w": "و", "x": "كس",
            "y": "ي", "z": "ز"}  # fmt: skip
_VOWELS = set("aeiou")
# A letter right before a digit, or a digit (maybe with its dot) before a letter. One letter
# is enough: "[a-z]+[2-9]" means the same but retries every start of a long word (O(n^2)).
_ARABIZI_DIGIT = re.compile(r"[a-z][2-9]|[2-9]'?[a-z]")
# Skeleton: letters Arabizi writers cannot or do not distinguish fold together, and the
# letters that are mostly vowels (alef, waw, ya, hamza) and ta marbuta's ه go.
_SKELETON = str.maketrans(
    {"ط": "ت", "ث": "ت", "ص": "س", "ض": "د", "ظ": "د", "ذ": "د", "ق": "ك", "ه": "ح",
     "ا": None, "و": None, "ي": None, "ء": None, "ى": None, "ة": None}
)  # fmt: skip
_ARTICLES = frozenset({"al", "el", "il", "l", "ul"})
_CLITIC_ARTICLE = ("وال", "بال", "فال", "كال", "ال", "لل")
MIN_SKELETON = 2
# Shorter skeletons name too many Arabic words to stand for one of them.
MIN_TRANSLIT_SKELETON = 3


# Per-word answers are cached: a classification asks them about the same words many times
# (every term index, every view), and most messages reuse words seen before.
_WORD_CACHE = 65536


@lru_cache(maxsize=_WORD_CACHE)
def is_arabizi_token(token: str) -> bool:
    """A Latin token with an Arabizi letter-digit (3, 7, 5, 6, 9...) inside a word."""
    return token.isascii() and not token.isdigit() and bool(_ARABIZI_DIGIT.search(token))


@lru_cache(maxsize=_WORD_CACHE)
def _votes(token: str) -> tuple[int, int]:
    """A Latin token's votes (Arabizi, English) in looks_arabizi."""
    if is_arabizi_token(token):
        return 2, 0
    if token in ARABIZI_WORDS or token in _ARTICLES:
        return 1, 0
    return (0, 1) if token in ENGLISH_WORDS else (0, 0)


def looks_arabizi(tokens: list[str]) -> bool:
    """True when the Latin words of a message read as Arabizi rather than English.

    Asked about a message's words four or five times per classification (the term indexes
    that fold Arabizi, the concepts, the skeletons), so each word's votes are cached.
    """
    arabizi = english = 0
    for tok in tokens:
        if tok.isascii():
            for_arabizi, for_english = _votes(tok)
            arabizi += for_arabizi
            english += for_english
    return arabizi > english


@lru_cache(maxsize=8192)
def transliterate(token: str) -> str:
    """Arabic-script spelling of one lower-case Arabizi token (best effort, for features)."""
    out: list[str] = []
    i, n = 0, len(token)
    while i < n:
        pair = token[i : i + 2]
        ch = token[i]
        if pair in _DOTTED:
            out.append(_DOTTED[pair])
            i += 2
        elif ch in _DIGITS:
            out.append(_DIGITS[ch])
            i += 1
        elif pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
        elif ch in _VOWELS and 0 < i < n - 1:
            i += 1  # a single vowel inside a word is a short vowel, unwritten in Arabic
        elif ch in _LETTERS:
            # Doubled consonants (shadda) are written once.
            if not (i and token[i - 1] == ch and ch not in _VOWELS):
                out.append(_LETTERS[ch])
            i += 1
        else:
            i += 1
    return "".join(out)


@lru_cache(maxsize=16384)
def skeleton(token: str) -> str:
    """Consonant skeleton of an Arabic-script token, with the article removed."""
    for prefix in _CLITIC_ARTICLE:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            token = token[len(prefix) :]
            break
    if token.endswith("ه") and len(token) >= 3:
        token = token[:-1]  # ta marbuta (normalised to ه), like Arabizi's final -a, goes
    return token.translate(_SKELETON)


@lru_cache(maxsize=16384)
def qaf_skeleton(token: str) -> str:
    """The skeleton with ق kept apart from ك (the concept lexicon's key, as `fold` is the
    urgency terms'): Arabizi writes ق as q, g or 8 and keeps k for ك, so merging them only
    made "muraaqaba" (monitoring) meet مركبه (a vehicle)."""
    for prefix in _CLITIC_ARTICLE:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            token = token[len(prefix) :]
            break
    if token.endswith("ه") and len(token) >= 3:
        token = token[:-1]
    return token.translate(_FOLD)


# Gulf Arabizi writes ظ with the 6 of ط ("mowa6af" موظف), ض with the 9 of ص ("9oo2" ضوء,
# "mari9" مريض) and ذ with the th of ث ("thibbaan" ذبان), and ك as ch where the dialect says
# it so ("chahraba" كهرباء, "dichan" دكان, "chees" كيس; eighteenth category pass: ch stays
# تش in the skeletons too, for "corniche", "bancher" and the ش of "ychoof"): a word is also
# read that way.
_ALTERNATE_LETTERS = (("6", "6'"), ("9", "9'"), ("th", "dh"), ("ch", "k"))
# A final h after ee/ii is ح as often as the pronoun's ه: writers without digits spell
# "tasree7" (a permit) "tasreeh", "yitee7" (it falls) "yteeh", "mafatee7" (keys) "mafateeh"
# (eighteenth category pass). The word is also read with ح there. Not after oo: -ooh is
# mostly "it" on a verb ("6afooh", they put it out; 6afoo7 would be طفح, an overflow); and the
# ta marbuta's -ah/-eh (one short vowel before h) stays ه.
_FINAL_LONG_H = re.compile(r"(ee|ii)h$")


@lru_cache(maxsize=16384)
def alternate_spellings(token: str) -> tuple[str, ...]:
    """The Arabizi word and its readings with 6 as ظ, 9 as ض, th as ذ and ch as ك (each, and
    all), and with a final h after ee/ii as ح."""
    out = [token]
    every = token
    for plain, other in _ALTERNATE_LETTERS:
        if plain in token and other not in token:
            out.append(token.replace(plain, other))
            every = every.replace(plain, other)
    if every not in out:
        out.append(every)
    if _FINAL_LONG_H.search(token):
        out.extend(_FINAL_LONG_H.sub(r"\g<1>7", spelling) for spelling in list(out))
    return tuple(out)


# Everyday Arabizi words whose skeleton is another, commoner Arabic word's (twenty-first category
# pass): "broo7ah" (by itself, بروحه) is البارحه's (yesterday), "tiwalli3" (a lamp comes on, تولّع)
# يطلع's (it comes out, sticks out), "dhuhr" (noon, ظهر) ظاهر's (exposed, of wiring), "mawatir"
# (cars, مواتر) مطر's (rain). Read by
# skeleton they lent a calm lamp report the words of another: they get no skeleton, so no
# Arabic word's features and no concept (core/routing/lexicon.py) by skeleton.
MISREAD_BY_SKELETON = frozenset(
    {"broo7ah", "broo7a", "brou7ah", "brou7a", "broo7ha", "brou7ha", "broo7o", "broo7ih",
     "bro7ah", "bro7a", "tiwalli3", "twalli3", "yiwalli3", "ywalli3", "tiwali3", "twali3",
     "yiwali3", "ywali3", "dhuhr", "dhohr", "thuhr", "thohr", "duhr", "dhuhur", "6uhr", "6ohr",
     "mawatir", "mawater", "mwater", "mwatir", "mawaatir"}
)  # fmt: skip


def skeleton_words(tokens: list[str]) -> list[str]:
    """Skeletons of a message's Arabic words, and of its Latin words when it is Arabizi."""
    arabizi = looks_arabizi(tokens)
    out = []
    for tok in tokens:
        if tok.isascii():
            if tok in _ARTICLES or not (arabizi or is_arabizi_token(tok)) or tok.isdigit():
                continue
            if tok in MISREAD_BY_SKELETON:
                continue
            tok = transliterate(tok)
        elif not ("\u0600" <= tok[0] <= "\u06ff"):
            continue
        skel = skeleton(tok)
        if len(skel) >= MIN_SKELETON:
            out.append(skel)
    return out


def arabizi_skeletons(tokens: list[str]) -> list[str]:
    """Skeletons of a message's Arabizi words only (Latin words read as Arabic).

    The feature space maps each to the Arabic word of the training texts with the same
    skeleton, so an Arabizi message also gets the Arabic words' features (features.py).
    """
    arabizi = looks_arabizi(tokens)
    out = []
    for tok in tokens:
        if not tok.isascii() or tok.isdigit() or tok in _ARTICLES or tok in MISREAD_BY_SKELETON:
            continue
        if arabizi or is_arabizi_token(tok):
            skel = skeleton(transliterate(tok))
            if len(skel) >= MIN_TRANSLIT_SKELETON:
                out.append(skel)
    return out


# Matching an Arabizi word against a term list (core/routing/terms.py): two keys where the
# spellings of one word meet. The fold is the skeleton without merging ق into ك, which would
# make "7arakat" (it moved) the fold of حريق (fire); Arabizi writers spell ق as q, g or 8 and
# keep k for ك. The spelling key keeps the vowels, for short words whose fold says too little
# ("y6ee7", "ytee7": يطيح).
_FOLD = str.maketrans(
    {"ط": "ت", "ث": "ت", "ص": "س", "ض": "د", "ظ": "د", "ذ": "د", "ه": "ح",
     "ا": None, "و": None, "ي": None, "ء": None, "ى": None, "ة": None}
)  # fmt: skip
_SPELLING_PAIRS = (("sh", "S"), ("kh", "5"), ("gh", "G"), ("th", "T"), ("dh", "D"), ("ch", "k"))
_SPELLING = str.maketrans({"7": "h", "6": "t", "9": "s", "8": "q", "g": "q", "2": None,
                           "e": "i", "o": "u", "c": "k"})  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")
# The vowel of a verb's or participle's prefix (yi-, ti-, ni-, mu-/ma-/mi-) is written by some
# and not by others: "yinzil"/"ynzil" (it comes down), "makshoof"/"mkshoof" (exposed),
# "mu3allaga"/"m3allaga" (hanging). Dropped before a consonant in words of five letters or more
# (tenth pass); a shorter word's vowel is too much of what tells it apart.
_PREFIX_VOWEL = re.compile(r"^([mnty])[aiu](?=[^aiu])")
MIN_PREFIX_VOWEL_WORD = 5
# The article fused with a conjunction or preposition ("wel7ree8", "bil share3", "lil bait").
_LATIN_PREFIXES = ("wal", "wel", "wil", "bal", "bel", "bil", "fal", "fel", "fil", "lal", "lel",
                   "lil", "al", "el", "il")  # fmt: skip
MIN_FOLD = 3  # a fold of fewer consonants names too many words
# Everyday words whose fold is a hazard word's: "ta7t" (under) folds as "6a7at" (it fell),
# "dhuhr" (noon) as ظاهر (exposed: "el lait yishtaghil ba3d el dhuhr" read as a bare wire),
# "blat", "blaa6" (floor tiles) as بلاطه (a slab), "ma7al" (a shop) as محول (a transformer),
# "yshta3il" (it works, 3 for غ) as يشتعل (it burns). They match only as spelled.
# Muscat's place names in Latin letters say where, never what: read by fold "Ghubrah" and
# "Ghobra" (الغبرة) are غبار (dust), which took a flood in Ghubrah's homes for a dust nuisance
# (sixteenth pass). They match only as spelled; core/routing/lexicon.py's PLACE_TERMS strips
# them from the model's words too.
PLACE_NAMES = frozenset(
    {"ghubrah", "ghubra", "ghobra", "ghobrah", "ghubrat", "alghubrah", "alghubra", "elghubra",
     "khuwair", "khuwayr", "5uwair", "khowair", "mawaleh", "mawalih", "azaiba", "athaiba",
     "azaibah", "bawshar", "bousher", "bowsher", "qurum", "qurm", "amerat", "amirat", "darsait",
     "muttrah", "mutrah", "matrah", "maabela", "maabilah", "mabela", "ma3bela", "khoudh",
     "khoud", "misfah", "qantab", "wattayah", "wattaya", "sarooj", "ansab", "rusayl", "halban",
     "jifnain", "ruwi", "seeb"}
)  # fmt: skip
NEVER_FOLDED = frozenset(
    {"ta7t", "ta7at", "t7t", "ta7ta", "ta7tah", "blat", "blaat", "ballat", "blaa6", "bla6",
     "ma7al", "m7al", "ma7all", "ma7alat", "ma7alaat", "yshta3il", "yishta3il", "tshta3il",
     "tishta3il", "shta3al", "ishta3al", "yshta3al", "tshta3al", *PLACE_NAMES,
     # twenty-first category pass: noon (ظهر) is no exposed (ظاهر) wire
     "dhuhr", "dhohr", "thuhr", "thohr", "duhr", "dhuhur", "6uhr", "6ohr",
     # twenty-fourth urgency pass: "he fixes it" is no "they fixed it" (صلحوها, settled):
     # "dakhal el manhole y9alli7ha w ma 6ala3" (went in to fix it and has not come out)
     "y9alli7ha", "y9alli7ah", "y9alli7hom", "ysalli7ha", "ysalli7ah", "y9al7ha", "ysal7ha"}
)  # fmt: skip


def fold(token: str) -> str:
    """Consonant fold of an Arabic-script token: its skeleton, keeping ق apart from ك.

    Only a bare article goes: "بالوعه" (a drain) is not ب + ال + وعه.
    """
    if token.startswith("ال") and len(token) >= 4:
        token = token[2:]
    if token.endswith("ه") and len(token) >= 3:
        token = token[:-1]
    return token.translate(_FOLD)


def spelling_key(token: str) -> str:
    """One spelling for an Arabizi word's variants: digit letters and their Latin
    alternatives (7/h, 6/t, 9/s, 8/q/g, 5/kh), e/i and o/u, doubled letters written once, and
    a prefix's vowel (yinzil/ynzil)."""
    for pair, mark in _SPELLING_PAIRS:
        token = token.replace(pair, mark)
    token = _DOUBLED.sub(r"\1", token.translate(_SPELLING))
    if len(token) >= MIN_PREFIX_VOWEL_WORD:
        token = _PREFIX_VOWEL.sub(r"\1", token)
    return token


@lru_cache(maxsize=16384)
def arabizi_keys(token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Spelling keys and folds of an Arabizi word, with and without a fused article."""
    bases = [token] + [
        token[len(p) :] for p in _LATIN_PREFIXES if token.startswith(p) and len(token) - len(p) >= 3
    ]
    spellings = tuple(dict.fromkeys(k for b in bases if len(k := spelling_key(b)) >= MIN_FOLD))
    folds = tuple(dict.fromkeys(f for b in bases if len(f := fold(transliterate(b))) >= MIN_FOLD))
    return spellings, folds
