"""Reply-language detection: forms, edge cases, fallbacks, other languages, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from core.language.detect import Detection, detect_language

# The routing corpus, read from its one place (never a copy under tests/).
CORPUS = Path(__file__).resolve().parents[3] / "core" / "routing" / "data" / "dev.jsonl"
REPO = Path(__file__).resolve().parents[3]
FORM_TARGETS = {"msa": 0.995, "gulf": 0.995, "english": 0.995, "arabizi": 0.95, "mixed": 0.95}


def _corpus() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _accuracy_by_form() -> dict[str, float]:
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row in _corpus():
        total[row["form"]] += 1
        right[row["form"]] += detect_language(row["text"]).language == row["lang"]
    return {form: right[form] / total[form] for form in total}


def test_corpus_accuracy_overall_is_at_least_97_percent() -> None:
    rows = _corpus()
    right = sum(detect_language(r["text"]).language == r["lang"] for r in rows)
    assert right / len(rows) >= 0.97


@pytest.mark.parametrize("form", sorted(FORM_TARGETS))
def test_corpus_accuracy_meets_target_for_each_form(form: str) -> None:
    assert _accuracy_by_form()[form] >= FORM_TARGETS[form]


@pytest.mark.parametrize(
    ("text", "language", "form"),
    [
        ("شكرا", "ar", "arabic"),
        ("thanks", "en", "english"),
        ("help", "en", "english"),
        ("salam", "ar", "arabizi"),
        ("الشارع مكسور قدام البيت", "ar", "arabic"),
        ("The street light outside my house is broken", "en", "english"),
    ],
)
def test_single_language_text_gives_its_language_and_form(
    text: str, language: str, form: str
) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == (language, form)


@pytest.mark.parametrize(
    "text",
    ["👍", "😡😡😡", "12345", "https://example.com/report?id=7", "MCT-004217", "ok", "?", "", "  "],
)
def test_text_without_signal_gives_no_language(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0, "none")


@pytest.mark.parametrize(
    "text",
    [
        "wayed zbala 3ind el bait",
        "el shari3 mkassar mn ams",
        "mafi mai fi el bait 3 ayam",
        "ana sakin fi bosher w el share3 5arban",
        "9ar9oor fi el ma6bakh",
        "3ajel",
    ],
)
def test_arabizi_is_answered_in_arabic(text: str) -> None:
    assert detect_language(text) == Detection("ar", detect_language(text).confidence, "arabizi")


@pytest.mark.parametrize(
    "text",
    [
        "room 3B on 2nd floor",
        "b4 2morrow pls",
        "the lights go off at 5pm every day",
        "the road is closed for 10km after the 3rd roundabout",
        "gr8 job, the bins were collected 2day",
        "please call me on +968 9123 4567 about MCT-000042",
    ],
)
def test_text_speak_ordinals_times_and_units_are_english_not_arabizi(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("en", "english")


@pytest.mark.parametrize(
    "text",
    [
        "انا ساكن في Al Khuwair والشارع مكسر من أسبوع",
        "الإنارة طافية عند Lulu في بوشر",
    ],
)
def test_arabic_with_latin_place_name_is_arabic(text: str) -> None:
    assert detect_language(text).language == "ar"


@pytest.mark.parametrize(
    "text",
    [
        "The road near the مسجد is broken and nobody has fixed it",
        "Garbage has not been collected for a week, الرجاء المتابعة",
    ],
)
def test_english_with_an_arabic_clause_is_english(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("en", "mixed")


@pytest.mark.parametrize(
    "text",
    [
        "في pothole كبير قدام البيت والسيارات تتضرر",
        "الـ street lights في شارعنا طافية من أسبوع، please fix",
    ],
)
def test_arabic_with_english_words_is_arabic(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("ar", "mixed")


@pytest.mark.parametrize(
    "text",
    ["الشارع مکسر و الماء یتسرب من الأنبوب", "البلدیة ما جات تشیل الزبالة"],
)
def test_arabic_typed_on_a_persian_keyboard_is_arabic(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.other) == ("ar", None)


def test_arabic_indic_digits_do_not_change_arabic_detection() -> None:
    assert detect_language("البيت رقم ٣٤٥ في الشارع ١٢").language == "ar"


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("یہ سڑک بہت خراب ہے، براہ مہربانی اس کو ٹھیک کریں", "ur"),
        ("این خیابان خیلی خراب است و شهرداری باید آن را تعمیر کند", "fa"),
        ("यह सड़क बहुत खराब है कृपया ठीक करें", "hi"),
        ("Bonjour, la route devant ma maison est cassée depuis deux semaines, merci", "fr"),
        ("Hola, la calle está rota desde hace dos semanas, por favor arreglarla", "es"),
    ],
)
def test_text_in_a_third_language_names_it_as_other(text: str, other: str) -> None:
    assert detect_language(text).other == other


def test_third_language_without_fallback_is_answered_in_both() -> None:
    assert detect_language("یہ سڑک بہت خراب ہے، براہ مہربانی اس کو ٹھیک کریں").language is None


def test_third_language_is_answered_in_the_known_language() -> None:
    detection = detect_language("यह सड़क बहुत खराब है कृपया ठीक करें", known="en")
    assert (detection.language, detection.other) == ("en", "hi")


@pytest.mark.parametrize(
    ("known", "hint", "language"),
    [
        ("ar", None, "ar"),
        ("en", "ar-OM", "en"),
        (None, "ar-OM", "ar"),
        (None, "en", "en"),
        (None, "en-GB,en;q=0.9,ar;q=0.8", "en"),
        (None, "fr-FR,ar;q=0.9,en;q=0.8", "ar"),
        (None, "fr-FR", None),
        (None, None, None),
        ("fr", None, None),
    ],
)
def test_no_signal_falls_back_to_known_then_hint_then_both(
    known: str | None, hint: str | None, language: str | None
) -> None:
    assert detect_language("👍", known=known, hint=hint).language == language


def test_text_signal_wins_over_known_language_and_hint() -> None:
    assert detect_language("الشارع مكسور", known="en", hint="en-US").language == "ar"


@pytest.mark.parametrize("text", ["شكرا", "thanks", "salam", "👍", "Bonjour la route est cassée"])
def test_confidence_is_between_zero_and_one(text: str) -> None:
    assert 0.0 <= detect_language(text, hint="ar").confidence <= 1.0


DETERMINISM_SCRIPT = """
import json, sys
from core.language.detect import detect_language
texts = json.loads(sys.stdin.read())
print(json.dumps([list(detect_language(t).__dict__.values()) for t in texts]))
"""
DETERMINISM_TEXTS = [
    "Bonjour, la route devant ma maison est cassée depuis deux semaines",
    "Hola, la calle está rota desde hace dos semanas por favor",
    "این خیابان خیلی خراب است و شهرداری باید آن را تعمیر کند",
    "wayed zbala 3ind el bait",
    "The road near the مسجد is broken",
]


def _detect_in_new_process() -> str:
    result = subprocess.run(
        [sys.executable, "-c", DETERMINISM_SCRIPT],
        input=json.dumps(DETERMINISM_TEXTS),
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    return result.stdout


def test_detection_is_the_same_in_two_processes() -> None:
    assert _detect_in_new_process() == _detect_in_new_process()


def test_arabic_and_english_detection_never_loads_langdetect() -> None:
    script = (
        "import sys\nfrom core.language.detect import detect_language\n"
        "detect_language('الشارع مكسور'); detect_language('the road is broken')\n"
        "detect_language('wayed zbala'); print('langdetect' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "False"


# Edge cases from the acceptance list, beyond the cases above.


@pytest.mark.parametrize(
    "text",
    [
        "🙏🏼",  # skin-tone modifier
        "👍🏽👍🏽",
        "❤️",  # variation selector
        "👨‍👩‍👧",  # zero-width-joiner sequence
        "👍 !!",
    ],
)
def test_emoji_only_gives_no_language(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0, "none")


@pytest.mark.parametrize(
    "text", ["123 456", "١٢٣٤٥", "۱۲۳۴", "٣", "+968 9123 4567", "12/05/2024", "١٢:٣٠"]
)
def test_digits_only_in_any_script_give_no_language(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0, "none")


@pytest.mark.parametrize(("text", "hint"), [("١٢٣٤٥", "ar"), ("12345", "en-GB")])
def test_digits_only_fall_back_to_the_channel_hint(text: str, hint: str) -> None:
    assert detect_language(text, hint=hint).language == hint[:2]


@pytest.mark.parametrize(
    "text",
    [
        "https://maps.app.goo.gl/3abc7XyZ",
        "www.example.com",
        "citizen@example.om",
        "<https://x.om/7ala>",
    ],
)
def test_url_or_address_alone_gives_no_language(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0, "none")


def test_url_inside_arabic_text_leaves_it_arabic() -> None:
    detection = detect_language("الرابط https://balagh.example/s/MCT-1/abc ما يفتح")
    assert (detection.language, detection.form) == ("ar", "arabic")


def test_arabizi_looking_url_inside_english_text_leaves_it_english() -> None:
    detection = detect_language("the link https://balagh.example/s/3ala7/abc does not open")
    assert (detection.language, detection.form) == ("en", "english")


@pytest.mark.parametrize(
    ("text", "language", "form"),
    [
        ("شكراً", "ar", "arabic"),
        ("شكرًا", "ar", "arabic"),
        ("Thanks!", "en", "english"),
        ("THANKS", "en", "english"),
        ("Salam", "ar", "arabizi"),
        ("HELP!", "en", "english"),
        ("help?", "en", "english"),
        ("مساعدة", "ar", "arabic"),
    ],
)
def test_one_word_in_any_case_or_punctuation_gives_its_language(
    text: str, language: str, form: str
) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == (language, form)


@pytest.mark.parametrize(
    "text",
    [
        "text",
        "Test",
        "TEST",
        "body",
        "message",
        "Text text text.",
        "Test - body content",
        "please see attached",
        "Dear Sir/Madam, please find the application form attached.",
        "Thanks and regards",
    ],
)
def test_short_plain_english_is_english(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("en", "english")


@pytest.mark.parametrize(
    "text",
    [
        "ana fi el bait",
        "la wallah mafi shay",
        "ya akhi el share3 5arban",
        "shu el mushkila",
        "bas abi a3rf el status",
        "abi a3ref el system",
        "hi ya habibi",
        "zain",
    ],
)
def test_arabizi_with_english_looking_words_stays_arabic(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("ar", "arabizi")


@pytest.mark.parametrize("text", ["foo", "asdf", "qwerty zxcv"])
def test_nonsense_latin_word_gives_no_language(text: str) -> None:
    assert detect_language(text).language is None


@pytest.mark.parametrize("text", ["OK", "Ok.", "ok!", "okay"])
def test_ok_in_any_spelling_gives_no_language(text: str) -> None:
    assert detect_language(text).language is None


@pytest.mark.parametrize(("known", "hint"), [("ar", "en"), ("en", "ar"), (None, "ar-OM")])
def test_ok_falls_back_to_known_language_then_hint(known: str | None, hint: str) -> None:
    assert detect_language("ok", known=known, hint=hint).language == (known or "ar")


@pytest.mark.parametrize(
    "text", ["mct-004217", "#MCT-004217?", "MCT-004217 MCT-000042", "(MCT-1234)"]
)
def test_reference_number_alone_gives_no_language(text: str) -> None:
    assert detect_language(text) == Detection(None, 0.0, "none")


@pytest.mark.parametrize(
    ("text", "language"), [("بخصوص البلاغ MCT-004217", "ar"), ("any news on MCT-004217?", "en")]
)
def test_reference_number_does_not_count_as_a_latin_word(text: str, language: str) -> None:
    assert detect_language(text).language == language


@pytest.mark.parametrize(
    "text",
    [
        "الشارع مكسر قدام City Centre Seeb",
        "في حفرة كبيرة جنب Oman Avenues Mall",
        "أسكن في Madinat Qaboos والماء مقطوع من أمس",
    ],
)
def test_arabic_with_an_english_place_name_is_arabic(text: str) -> None:
    assert detect_language(text).language == "ar"


@pytest.mark.parametrize(
    "text",
    [
        "Please fix the road near الخوض",
        "The light is broken near the دوار",
        "There is a big pothole in front of the بلدية office",
    ],
)
def test_english_with_one_arabic_word_is_english_mixed(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("en", "mixed")


@pytest.mark.parametrize(
    "text", ["Room 3B on 2nd floor", "ROOM 3B ON 2ND FLOOR", "B4 2MORROW PLS", "ok b4 2morrow pls"]
)
def test_text_speak_and_ordinals_in_any_case_are_english(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("en", "english")


@pytest.mark.parametrize("text", ["شکرا", "البلدیة", "الشارع مکسر", "یرجی إصلاح الشارع"])
def test_short_arabic_typed_on_a_persian_keyboard_is_arabic_not_persian(text: str) -> None:
    assert detect_language(text) == Detection("ar", detect_language(text).confidence, "arabic")


@pytest.mark.parametrize(
    "text", ["الشارع رقم ٤٥ مكسر", "البيت رقم ۴۵ في الشارع ۱۲", "اتصلوا على ٩٩١٢٣٤٥٦"]
)
def test_arabic_with_arabic_indic_or_persian_digits_is_arabic(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form, detection.other) == ("ar", "arabic", None)


@pytest.mark.parametrize("text", ["building ٣٤ is dark", "the street ١٢ light is off"])
def test_arabic_indic_digits_do_not_make_english_text_arabic(text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.form) == ("en", "english")


CORPUS_DETERMINISM_SCRIPT = """
import json, sys
from core.language.detect import detect_language
with open(sys.argv[1], encoding="utf-8") as handle:
    texts = [json.loads(line)["text"] for line in handle if line.strip()]
texts += json.loads(sys.argv[2])
for text in texts:
    d = detect_language(text)
    print(json.dumps([d.language, d.confidence, d.form, d.other]))
"""


def _detect_corpus_with_hash_seed(seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CORPUS_DETERMINISM_SCRIPT,
            str(CORPUS),
            json.dumps(DETERMINISM_TEXTS),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=True,
    )
    return result.stdout.splitlines()


def test_corpus_detection_is_the_same_in_processes_with_different_hash_seeds() -> None:
    first, second = _detect_corpus_with_hash_seed("1"), _detect_corpus_with_hash_seed("4242")
    assert len(first) == len(_corpus()) + len(DETERMINISM_TEXTS)
    assert first == second


@pytest.mark.parametrize(
    "token", ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st"]
)
def test_real_ordinals_are_not_arabizi(token: str) -> None:
    from core.language.detect import is_ordinal

    assert is_ordinal(token)


@pytest.mark.parametrize("token", ["3nd", "5st", "2th", "7rd"])
def test_digit_letter_tokens_that_are_not_ordinals_stay_arabizi_candidates(token: str) -> None:
    from core.language.detect import is_ordinal

    assert not is_ordinal(token)


def test_arabizi_with_a_pseudo_ordinal_is_arabic() -> None:
    assert detect_language("el block 3nd el masjid").language == "ar"
