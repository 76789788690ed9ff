"""Shares as staff read them: whole percents, with a decimal only where rounding would hide
that something is left over (a 0.996 share read "100%" though one report in 250 missed)."""

from __future__ import annotations


def percent(share: float) -> str:
    """`share` (0..1) as a percent: "83%"; "99.6%" and "0.4%" where the whole number would
    read as all or none; ">99.9%" and "<0.1%" where even a decimal would."""
    value = share * 100
    whole = f"{value:.0f}"
    hides_a_remainder = (whole == "100" and value < 100) or (whole == "0" and value > 0)
    if not hides_a_remainder:
        return f"{whole}%"
    tenth = f"{value:.1f}"
    if tenth in ("100.0", "0.0"):
        return ">99.9%" if value > 50 else "<0.1%"
    return f"{tenth}%"
