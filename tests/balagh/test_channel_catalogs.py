"""The channels' own gettext catalogs (the Telegram bot, the citizen pages, the inbox) and the loader that
reads a named domain from a package: both languages, same keys and placeholders, no empty or
fuzzy entry, every key the code asks for, bidi isolation in Arabic."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from channels.telegram.texts import bot_text, button_label
from channels.web.citizen.texts import text
from core.language import catalog
from core.language.catalog import LANGUAGES, CatalogError, load_catalog, locale_path, messages

REPO = Path(__file__).resolve().parents[2]
CATALOGS = [
    ("channels.telegram", "telegram"),
    ("channels.web.citizen", "citizen"),
    ("channels.web.inbox", "inbox"),
    ("channels.whatsapp", "whatsapp"),
    ("core.delivery", "staff_mail"),
]
ARABIC_RE = re.compile("[\u0600-\u06ff]")
FSI, PDI = "\u2068", "\u2069"
# The link to the other language is written in that language on purpose.
# "none" is a dash in both.
OTHER_LANGUAGE_KEYS = {"switch_language", "switch_language_label", "none"}
CITIZEN_KEY_PATTERNS = [
    r"""\bt\(\s*["']([\w.]+)["']\s*[,)]""",
    r"""\btext\(\s*["']([\w.]+)["']\s*[,)]""",
    r"""_key=["'](\w+)["']""",
    r"""_error_page\(\s*"(\w+)",\s*"(\w+)\"""",
    r"""["'](err_\w+)["']""",
    r"""return "(\w+)",""",
]
TELEGRAM_KEY_PATTERN = r"""\b(?:bot_text|button_label)\(\s*["'](\w+)["']"""


def _raw(package: str, domain: str, language: str) -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy) straight from the .po file, header left out."""
    with locale_path(package, domain, language).open("rb") as handle:
        po = read_po(handle)
    return {str(m.id): (str(m.string), m.fuzzy) for m in po if m.id}


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _keys_used(files: list[Path], patterns: list[str]) -> set[str]:
    found: set[str] = set()
    for path in files:
        source = path.read_text(encoding="utf-8")
        for pattern in patterns:
            for match in re.finditer(pattern, source):
                found.update(group for group in match.groups() if group)
    return found


@pytest.mark.parametrize(("package", "domain"), CATALOGS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_a_po_file_inside_its_package(package: str, domain: str, language: str) -> None:
    path = locale_path(package, domain, language)
    folder = Path(*package.split("."))
    assert path.relative_to(REPO) == folder / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    assert path.is_file()


@pytest.mark.parametrize(("package", "domain"), CATALOGS)
def test_both_languages_hold_the_same_keys(package: str, domain: str) -> None:
    assert set(_raw(package, domain, "ar")) == set(_raw(package, domain, "en"))


@pytest.mark.parametrize(("package", "domain"), CATALOGS)
def test_both_languages_use_the_same_placeholders_for_each_key(package: str, domain: str) -> None:
    arabic, english = _raw(package, domain, "ar"), _raw(package, domain, "en")
    differing = {
        key: (_placeholders(arabic[key][0]), _placeholders(text_[0]))
        for key, text_ in english.items()
        if _placeholders(arabic[key][0]) != _placeholders(text_[0])
    }
    assert differing == {}


@pytest.mark.parametrize(("package", "domain"), CATALOGS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_empty_or_fuzzy(package: str, domain: str, language: str) -> None:
    raw = _raw(package, domain, language)
    assert raw and [key for key, (value, fuzzy) in raw.items() if not value or fuzzy] == []


@pytest.mark.parametrize(("package", "domain"), CATALOGS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_loaded_catalog_matches_the_po_file(package: str, domain: str, language: str) -> None:
    raw = {key: value for key, (value, _) in _raw(package, domain, language).items()}
    assert dict(load_catalog(package, domain)[language]) == raw


@pytest.mark.parametrize(("package", "domain"), CATALOGS)
def test_arabic_is_written_in_arabic_and_english_holds_none(package: str, domain: str) -> None:
    texts = load_catalog(package, domain)
    keys = set(texts["ar"]) - OTHER_LANGUAGE_KEYS
    assert [k for k in sorted(keys) if not ARABIC_RE.search(texts["ar"][k])] == []
    assert [k for k in sorted(keys) if ARABIC_RE.search(texts["en"][k])] == []


def test_every_key_the_bot_asks_for_is_in_its_catalog() -> None:
    used = _keys_used(sorted((REPO / "channels/telegram").glob("*.py")), [TELEGRAM_KEY_PATTERN])
    assert used and used - set(load_catalog("channels.telegram", "telegram")["en"]) == set()


def test_every_key_the_citizen_pages_ask_for_is_in_their_catalog() -> None:
    folder = REPO / "channels/web/citizen"
    files = sorted(folder.glob("*.py")) + sorted(folder.glob("templates/**/*.html"))
    used = _keys_used(files, CITIZEN_KEY_PATTERNS) | {f"rating_{n}" for n in range(1, 6)}
    assert len(used) > 50
    assert used - set(load_catalog("channels.web.citizen", "citizen")["en"]) == set()


def test_core_catalog_loads_through_the_package_loader_too() -> None:
    loaded = load_catalog("core.language", "balagh")
    assert {lang: dict(loaded[lang]) for lang in LANGUAGES} == {
        lang: dict(messages(lang)) for lang in LANGUAGES
    }


def _package(root: Path, name: str, entries: dict[str, dict[str, str]]) -> None:
    (root / name).mkdir()
    (root / name / "__init__.py").write_text("", encoding="utf-8")
    for language, texts in entries.items():
        po = root / name / "locale" / language / "LC_MESSAGES" / "bot.po"
        po.parent.mkdir(parents=True)
        body = "".join(f'msgid "{key}"\nmsgstr "{value}"\n\n' for key, value in texts.items())
        po.write_text(body, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "entries", "complaint"),
    [
        ("empty_entry_pkg", {"ar": {"hi": "أهلًا"}, "en": {"hi": ""}}, "hi"),
        (
            "one_language_pkg",
            {"ar": {"hi": "أهلًا", "bye": "مع السلامة"}, "en": {"hi": "Hi"}},
            "bye",
        ),
        ("missing_file_pkg", {"ar": {"hi": "أهلًا"}}, "cannot read"),
    ],
)
def test_loader_refuses_an_unusable_catalog(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    entries: dict[str, dict[str, str]],
    complaint: str,
) -> None:
    _package(tmp_path, name, entries)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(CatalogError, match=complaint):
            load_catalog(name, "bot")
    finally:
        catalog.load_catalog.cache_clear()


def test_loader_refuses_a_module_that_is_not_a_package() -> None:
    with pytest.raises(CatalogError, match="not a package"):
        locale_path("core.language.catalog", "balagh", "en")


def test_importing_the_channel_texts_does_not_load_the_catalogs() -> None:
    script = (
        "import sys, channels.telegram.texts, channels.web.citizen.texts, "
        "channels.web.inbox.i18n; "
        "print('babel.messages.pofile' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "False"


def test_bot_reference_in_arabic_is_bidi_isolated() -> None:
    assert f"{FSI}MCT-000123{PDI}" in bot_text("location_saved", "ar", reference="MCT-000123")
    assert FSI not in bot_text("location_saved", "en", reference="MCT-000123")


def test_bot_text_without_language_gives_arabic_then_english() -> None:
    both = bot_text("status_more", None, count=10)
    assert both == bot_text("status_more", "ar", count=10) + "\n\n" + bot_text(
        "status_more", "en", count=10
    )


def test_button_label_without_language_is_arabic() -> None:
    assert button_label("share_location_button", None) == "📍 مشاركة الموقع"


@pytest.mark.parametrize("key", ["no_such_text", ""])
def test_unknown_bot_key_raises_key_error(key: str) -> None:
    with pytest.raises(KeyError):
        bot_text(key, "en")


def test_page_reference_in_arabic_is_bidi_isolated() -> None:
    assert text("status_title", "ar", reference="MCT-000123") == f"بلاغ رقم {FSI}MCT-000123{PDI}"
    assert text("status_title", "en", reference="MCT-000123") == "Report MCT-000123"


def test_latin_file_name_in_arabic_error_is_bidi_isolated() -> None:
    assert f"«{FSI}photo (1).exe{PDI}»" in text(
        "err_photo_not_image", "ar", filename="photo (1).exe"
    )


def test_arabic_file_name_in_english_error_is_bidi_isolated() -> None:
    assert f"“{FSI}صورة.exe{PDI}”" in text("err_photo_not_image", "en", filename="صورة.exe")


def test_page_text_in_an_unknown_language_is_arabic() -> None:
    assert text("submit", "fr") == text("submit", "ar") == "إرسال البلاغ"
