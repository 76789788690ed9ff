"""Arabic normalisation: spelling variants fold together so routing and search match."""

from __future__ import annotations

import pytest

from core.language.normalize import normalize_arabic


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("مُسْتَشْفَى", "مستشفي"),
        ("الـــشارع", "الشارع"),
        ("أمانة", "امانه"),
        ("إصلاح", "اصلاح"),
        ("آبار", "ابار"),
        ("ٱلمدينة", "المدينه"),
    ],
)
def test_diacritics_tatweel_and_alef_forms_fold(variant: str, plain: str) -> None:
    assert normalize_arabic(variant) == plain


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("مستشفى", "مستشفي"),
        ("حديقة", "حديقه"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("سماء", "سما"),
    ],
)
def test_maqsura_ta_marbuta_and_hamza_carriers_fold(variant: str, plain: str) -> None:
    assert normalize_arabic(variant) == plain


@pytest.mark.parametrize(
    ("persian", "arabic"),
    [("مکسر", "مكسر"), ("البلدیة", "البلديه"), ("گلی", "كلي"), ("پارک", "بارك"), ("ٹوٹی", "توتي")],
)
def test_persian_and_urdu_letters_map_to_arabic(persian: str, arabic: str) -> None:
    assert normalize_arabic(persian) == arabic


@pytest.mark.parametrize(("digits", "ascii_digits"), [("٣٤٥", "345"), ("۱۲۳", "123"), ("٠٩", "09")])
def test_arabic_indic_and_persian_digits_become_ascii(digits: str, ascii_digits: str) -> None:
    assert normalize_arabic(digits) == ascii_digits


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("الشارع  ،  مكسور؟", "الشارع مكسور"),
        ("نعم!!\n\nشكرا؛", "نعم شكرا"),
        ("Hello, World_x", "hello world x"),
        ("\u200fالشارع\u200f", "الشارع"),
    ],
)
def test_punctuation_and_whitespace_fold_to_single_spaces(text: str, folded: str) -> None:
    assert normalize_arabic(text) == folded


def test_zero_width_non_joiner_does_not_split_a_word() -> None:
    assert normalize_arabic("می\u200cخواهم") == "ميخواهم"


def test_presentation_forms_become_plain_letters() -> None:
    assert normalize_arabic("ﻻ") == "لا"


def test_normalising_is_idempotent() -> None:
    once = normalize_arabic("إسـتراحةُ  الطريق، مکسورة ٣")
    assert normalize_arabic(once) == once
