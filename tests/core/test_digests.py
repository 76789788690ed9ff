"""same_secret: a constant-time comparison that any text may reach."""

from __future__ import annotations

import pytest

from core.digests import same_secret


@pytest.mark.parametrize("given", ["الرابط", "é", "\ud800", "abcé"])
def test_a_secret_sent_in_any_characters_is_compared_not_an_error(given: str) -> None:
    assert same_secret(given, "abc") is False


def test_the_same_secret_matches_in_any_characters() -> None:
    assert same_secret("abc", "abc") and same_secret("رمز", "رمز")
