"""Shares never read as all or none when they are not (channels.web.percent)."""

from __future__ import annotations

import pytest

from channels.web.percent import percent


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (1.0, "100%"),
        (0.0, "0%"),
        (0.83, "83%"),
        (0.9949, "99%"),
        (0.996, "99.6%"),
        (0.9996, ">99.9%"),
        (0.004, "0.4%"),
        (0.0004, "<0.1%"),
        (0.005, "0.5%"),
    ],
)
def test_a_share_is_a_whole_percent_unless_rounding_hides_a_remainder(
    share: float, shown: str
) -> None:
    assert percent(share) == shown
