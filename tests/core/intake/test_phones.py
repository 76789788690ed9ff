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
