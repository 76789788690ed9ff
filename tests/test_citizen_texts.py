"""Citizen texts: every key in both languages, parameters, subjects and status labels."""

from __future__ import annotations

import re

import pytest

from core.language.catalog import STATUS_LABELS, TEXTS
from core.language.texts import MissingParameterError, render, status_label, subject

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
}
REQUIRED_KEYS = [
    "ack", "forwarded", "need_info", "resolved", "closed", "reopened", "satisfaction",
    "duplicate", "reply", "awaiting_reminder", "autoclosed", "rejected", "help",
    "error_too_large", "error_unsupported_file", "error_rate_limited", "error_temporary",
    "error_empty", "error_group_chat", "error_not_found",
]  # fmt: skip
STATUSES = [
    "new", "triaged", "assigned", "awaiting_citizen", "resolved", "closed", "reopened",
    "duplicate", "rejected",
]  # fmt: skip


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_every_required_key_exists(key: str) -> None:
    assert key in TEXTS


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_arabic_text_is_written_in_arabic(key: str) -> None:
    text = render(key, "ar", **PARAMS)
    assert ARABIC_RE.search(text)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_english_text_has_no_arabic(key: str) -> None:
    assert not ARABIC_RE.search(render(key, "en", **PARAMS))


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_no_language_gives_arabic_then_a_blank_line_then_english(key: str) -> None:
    both = render(key, None, **PARAMS)
    assert both == render(key, "ar", **PARAMS) + "\n\n" + render(key, "en", **PARAMS)


@pytest.mark.parametrize("key", sorted(k for k in TEXTS if "{reference}" in TEXTS[k]["en"]))
@pytest.mark.parametrize("language", ["ar", "en"])
def test_reference_appears_in_the_text(key: str, language: str) -> None:
    assert "MCT-000123" in render(key, language, **PARAMS)


def test_reference_in_arabic_text_is_bidi_isolated() -> None:
    assert f"{FSI}MCT-000123{PDI}" in render("closed", "ar", reference="MCT-000123")


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


@pytest.mark.parametrize(
    ("key", "param"), [("resolved", "answer"), ("need_info", "question"), ("reply", "body")]
)
def test_block_parameter_stands_in_the_text(key: str, param: str) -> None:
    assert f"\n\n{PARAMS[param]}\n\n" in render(key, "en", **PARAMS)


def test_unknown_key_raises_key_error() -> None:
    with pytest.raises(KeyError):
        render("no_such_text", "en", reference="MCT-1")


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


def test_arabic_subject_isolates_the_reference() -> None:
    assert subject("ack", "ar", reference="MCT-000123").startswith(f"{FSI}[MCT-000123]{PDI} ")


def test_subject_without_language_holds_both() -> None:
    line = subject("resolved", None, reference="MCT-1")
    assert ARABIC_RE.search(line) and "Your report was resolved" in line


@pytest.mark.parametrize("key", ["some_future_kind", "reply", "error_too_large"])
def test_every_kind_gets_a_subject(key: str) -> None:
    assert subject(key, "en", reference="MCT-1").startswith("[MCT-1] ")


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_status_has_a_label(status: str, language: str) -> None:
    assert status_label(status, language) == STATUS_LABELS[status][language]


def test_status_label_without_language_holds_both() -> None:
    assert status_label("closed", None) == "مغلق / Closed"


def test_unknown_status_raises_key_error() -> None:
    with pytest.raises(KeyError):
        status_label("archived", "en")
