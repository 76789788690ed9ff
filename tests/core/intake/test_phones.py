"""Phone numbers in E.164 whatever way they were typed, Oman as the default region."""

from __future__ import annotations

import pytest

from core.phones import normalize_phone


@pytest.mark.parametrize(
    "typed",
    ["9123 4567", "91234567", "+968 9123-4567", "0096891234567", "+96891234567", "96891234567"],
)
def test_an_omani_mobile_number_typed_any_way_is_one_e164_number(typed: str) -> None:
    assert normalize_phone(typed) == "+96891234567"


def test_a_foreign_number_keeps_its_own_country_code() -> None:
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"


@pytest.mark.parametrize("typed", ["", "   ", "call me", "12", None])
def test_text_that_is_no_phone_number_gives_none(typed: str | None) -> None:
    assert normalize_phone(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "24123456 ext 5",
        "+968 2412 3456 ext. 5",
        "24123456 x5",
        "24123456 #5",
        "+96824123456;ext=5",
        "24123456 تحويلة 5",
        "٢٤١٢٣٤٥٦ تحويلة ٥",
        "00968 24123456 داخلي 5",
    ],
)
def test_an_extension_is_kept_after_the_number_as_rfc_3966_writes_it(typed: str) -> None:
    assert normalize_phone(typed) == "+96824123456;ext=5"


def test_a_number_with_its_extension_reads_back_as_itself() -> None:
    assert normalize_phone("+96824123456;ext=5") == "+96824123456;ext=5"
    assert normalize_phone("24123456") != normalize_phone("24123456 ext 5")
