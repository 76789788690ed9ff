"""Citizen texts: the gettext catalogs, every key in both languages, parameters, subjects and
status labels."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from core.language import catalog
from core.language.catalog import LANGUAGES, CatalogError, catalog_path, messages
from core.language.texts import (
    MissingParameterError,
    keys,
    render,
    render_on_page,
    status_label,
    subject,
)
from core.models import Status

ARABIC_RE = re.compile("[\u0600-\u06ff]")
LATIN_RE = re.compile("[A-Za-z]{3,}")
FSI, PDI = "\u2068", "\u2069"
PARAMS: dict[str, object] = {
    "reference": "MCT-000123",
    "status_url": "https://balagh.example/s/MCT-000123/abc",
    "directorate": "Seeb Directorate",
    "directorate_name": "Seeb Directorate",
    "question": "Which street is it on?",
    "answer": "The pothole was filled on Sunday.",
    "original": "MCT-000100",
    "body": "A team will visit tomorrow.",
    "reports": 5,
    "count": 3,
}
REQUIRED_KEYS = [
    "ack", "forwarded", "need_info", "resolved", "closed", "reopened", "satisfaction",
    "duplicate", "reply", "awaiting_reminder", "autoclosed", "rejected", "help",
    "error_too_large", "error_unsupported_file", "error_rate_limited", "error_temporary",
    "error_empty", "error_group_chat", "error_not_found", "ack_incident", "ack_neutral",
    "incident_reply", "incident_reply_alone", "status_link",
    "answer_by_message", "answer_by_page", "answer_by_call", "details_by_message",
    "details_by_page", "details_by_call", "reopen_by_message", "reopen_by_page", "reopen_by_call",
    "question_by_message", "question_by_page", "question_by_call",
    "incident_joined", "status_unknown", "status_several", "status_latest", "status_which",
    "status_none",
]  # fmt: skip
TEXT_KEYS = keys()
REPO = Path(__file__).resolve().parents[3]
STATUSES = [
    "new", "triaged", "assigned", "awaiting_citizen", "resolved", "closed", "reopened",
    "duplicate", "rejected",
]  # fmt: skip


def _raw_catalog(language: str) -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy) straight from the .po file, header left out."""
    with catalog_path(language).open("rb") as handle:
        po = read_po(handle)
    return {str(m.id): (str(m.string), m.fuzzy) for m in po if m.id}


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_a_po_file_inside_the_package(language: str) -> None:
    path = catalog_path(language)
    assert path.is_file()
    assert path.relative_to(REPO) == Path(f"core/language/locale/{language}/LC_MESSAGES/balagh.po")


def test_both_catalogs_hold_the_same_keys() -> None:
    assert set(_raw_catalog("ar")) == set(_raw_catalog("en"))


def test_both_catalogs_use_the_same_placeholders_for_each_key() -> None:
    arabic, english = _raw_catalog("ar"), _raw_catalog("en")
    differing = {
        key: (_placeholders(arabic[key][0]), _placeholders(english[key][0]))
        for key in english
        if _placeholders(arabic[key][0]) != _placeholders(english[key][0])
    }
    assert differing == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_catalog_entry_is_empty_or_fuzzy(language: str) -> None:
    unusable = [key for key, (text, fuzzy) in _raw_catalog(language).items() if not text or fuzzy]
    assert unusable == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_loaded_catalog_matches_the_po_file(language: str) -> None:
    raw = {key: text for key, (text, _) in _raw_catalog(language).items()}
    assert dict(messages(language)) == raw


def test_an_empty_translation_is_refused_when_the_catalog_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = tmp_path / "en" / "LC_MESSAGES" / "balagh.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "closed"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(catalog, "LOCALE_DIR", tmp_path)
    catalog.messages.cache_clear()
    try:
        with pytest.raises(CatalogError, match="closed"):
            messages("en")
    finally:
        catalog.messages.cache_clear()


def test_importing_the_language_package_does_not_load_the_catalogs() -> None:
    script = "import sys, core.language; print('babel.messages' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_every_required_key_exists(key: str) -> None:
    assert key in TEXT_KEYS


def test_keys_are_the_message_bodies_only() -> None:
    assert all("." not in key for key in TEXT_KEYS) and len(TEXT_KEYS) == len(REQUIRED_KEYS)


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_arabic_text_is_written_in_arabic(key: str) -> None:
    text = render(key, "ar", **PARAMS)
    assert ARABIC_RE.search(text)


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_english_text_has_no_arabic(key: str) -> None:
    assert not ARABIC_RE.search(render(key, "en", **PARAMS))


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_no_language_gives_arabic_then_a_blank_line_then_english(key: str) -> None:
    both = render(key, None, **PARAMS)
    assert both == render(key, "ar", **PARAMS) + "\n\n" + render(key, "en", **PARAMS)


REFERENCE_KEYS = [k for k in TEXT_KEYS if "{reference}" in messages("en")[k]]


@pytest.mark.parametrize("key", REFERENCE_KEYS)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_reference_appears_in_the_text(key: str, language: str) -> None:
    assert "MCT-000123" in render(key, language, **PARAMS)


@pytest.mark.parametrize("key", REFERENCE_KEYS)
def test_reference_in_arabic_text_is_bidi_isolated(key: str) -> None:
    assert f"{FSI}MCT-000123{PDI}" in render(key, "ar", **PARAMS)


def test_original_reference_in_arabic_duplicate_notice_is_bidi_isolated() -> None:
    assert f"{FSI}MCT-000100{PDI}" in render("duplicate", "ar", **PARAMS)


def test_latin_directorate_name_in_arabic_text_is_bidi_isolated() -> None:
    assert f"{FSI}Seeb Directorate{PDI}" in render("ack", "ar", **PARAMS)


def test_reference_in_english_text_is_not_wrapped() -> None:
    assert FSI not in render("closed", "en", reference="MCT-000123")


def test_arabic_name_in_english_text_is_bidi_isolated() -> None:
    text = render("forwarded", "en", reference="MCT-1", directorate_name="مديرية السيب")
    assert f"{FSI}مديرية السيب{PDI}" in text


@pytest.mark.parametrize("language", ["ar", "en"])
def test_acknowledgement_holds_the_private_status_link_on_its_own_line(language: str) -> None:
    text = render("ack", language, **PARAMS)
    assert "\nhttps://balagh.example/s/MCT-000123/abc" in text


@pytest.mark.parametrize(
    ("key", "param"), [("ack", "directorate"), ("forwarded", "directorate_name")]
)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_missing_directorate_reads_as_the_department_responsible(
    key: str, param: str, language: str
) -> None:
    text = render(key, language, **{**PARAMS, param: None})
    assert "None" not in text
    assert {"ar": "الجهة المختصة", "en": "the department responsible"}[language] in text


def test_omitted_directorate_reads_as_the_department_responsible() -> None:
    params = {k: v for k, v in PARAMS.items() if k != "directorate"}
    assert "It will be passed to the department responsible" in render("ack", "en", **params)


@pytest.mark.parametrize(
    ("key", "param"), [("resolved", "answer"), ("need_info", "question"), ("reply", "body")]
)
def test_block_parameter_stands_in_the_text(key: str, param: str) -> None:
    """A paragraph of its own, also where a text follows (a reply's `answer_by_*`)."""
    text = render(key, "en", then="answer_by_message", **PARAMS)
    assert f"\n\n{PARAMS[param]}\n\n" in text


@pytest.mark.parametrize("key", ["no_such_text", "subject.ack", "status.closed", ""])
def test_unknown_key_raises_key_error(key: str) -> None:
    with pytest.raises(KeyError):
        render(key, "en", reference="MCT-1")


@pytest.mark.parametrize("language", ["fr", ""])
def test_unknown_language_gives_both(language: str) -> None:
    assert render("closed", language, reference="MCT-1") == render(
        "closed", None, reference="MCT-1"
    )


@pytest.mark.parametrize(
    ("key", "missing"), [("ack", "status_url"), ("resolved", "answer"), ("closed", "reference")]
)
def test_missing_parameter_raises_an_error_naming_it(key: str, missing: str) -> None:
    params = {k: v for k, v in PARAMS.items() if k != missing}
    with pytest.raises(MissingParameterError, match=missing):
        render(key, "en", **params)


def test_extra_parameters_are_ignored() -> None:
    assert render("error_temporary", "en", reference="MCT-1") == render("error_temporary", "en")


def test_parameter_braces_are_not_formatted_again() -> None:
    assert "{reference}" in render("reply", "en", reference="MCT-1", body="see {reference}")


def test_english_subject_starts_with_the_bracketed_reference() -> None:
    assert subject("ack", "en", reference="MCT-000123") == "[MCT-000123] Your report was received"


def test_arabic_subject_starts_with_the_reference_and_no_invisible_mark() -> None:
    line = subject("ack", "ar", reference="MCT-000123")
    assert line.startswith("[MCT-000123] ") and FSI not in line and PDI not in line


def test_subject_without_language_holds_both() -> None:
    line = subject("resolved", None, reference="MCT-1")
    assert ARABIC_RE.search(line) and "Your report was resolved" in line


@pytest.mark.parametrize("key", ["some_future_kind", "reply", "error_too_large"])
def test_every_kind_gets_a_subject(key: str) -> None:
    assert subject(key, "en", reference="MCT-1").startswith("[MCT-1] ")


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_status_has_a_label(status: str, language: str) -> None:
    assert status_label(status, language) == messages(language)[f"status.{status}"]


@pytest.mark.parametrize("status", [Status.CLOSED, "Status.CLOSED"])
def test_status_label_accepts_the_ticket_status_enum(status: str) -> None:
    assert status_label(status, "en") == "Closed"


def test_status_label_without_language_holds_both() -> None:
    assert status_label("closed", None) == "مغلق / Closed"


def test_unknown_status_raises_key_error() -> None:
    with pytest.raises(KeyError):
        status_label("archived", "en")


PAGE_KEYS = sorted(k.removeprefix(catalog.PAGE) for k in messages("en") if k.startswith("page."))


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_status_page_text_stands_for_a_text_with_its_placeholders(key: str) -> None:
    """A `page.<key>` with no `<key>`, or other fields, would never be shown or fail to fill."""
    for lang in LANGUAGES:
        own, page = messages(lang)[key], messages(lang)[catalog.PAGE + key]
        fields = {f for _, f, _, _ in string.Formatter().parse(own) if f}
        assert {f for _, f, _, _ in string.Formatter().parse(page) if f} <= fields | {"reference"}


@pytest.mark.parametrize(
    "key", [k for k in TEXT_KEYS if k != "reply" and not k.endswith("_by_message")]
)
def test_no_text_read_on_the_status_page_says_to_reply_to_a_message(key: str) -> None:
    """`reply` heads a staff reply only as delivered (`with_reference`): the page shows the
    reply's own words; `*_by_message` closes only a delivered copy (notify.answer_by gives
    the page `*_by_page`)."""
    params = {"question": "Q", "answer": "A", "body": "B", "reports": 3, "original": "MCT-1"}
    params |= {"status_url": "http://x/t", "count": 2, "reference": "MCT-000123"}
    assert "reply to this message" not in render_on_page(key, "en", **params)
    assert "الرد على هذه الرسالة" not in render_on_page(key, "ar", **params)


# Second-person singular words a citizen-facing Arabic text should not use: every page and
# message addresses the citizen in the polite plural ("تودّون", "يمكنكم", "لديكم").
SINGULAR_ADDRESS = re.compile(r"(?<![\w\u0600-\u06ff])(تودّ|تود|يمكنك|لديك)(?![\w\u0600-\u06ff])")


@pytest.mark.parametrize(
    "path",
    [
        REPO / "channels/web/citizen/locale/ar/LC_MESSAGES/citizen.po",
        REPO / "core/language/locale/ar/LC_MESSAGES/balagh.po",
    ],
    ids=["citizen pages", "messages"],
)
def test_arabic_citizen_texts_address_the_citizen_in_the_polite_plural(path: Path) -> None:
    """The rating's comment box asked "أي ملاحظة تودّ إضافتها" (found driving the demo), in
    the singular on a page that says "يمكنكم" everywhere else."""
    with path.open("rb") as handle:
        singular = [
            (str(m.id), str(m.string))
            for m in read_po(handle)
            if m.id and SINGULAR_ADDRESS.search(str(m.string))
        ]
    assert singular == []
