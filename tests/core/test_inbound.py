"""core.inbound.Location keeps coordinates only when they are numbers of degrees in range.

Every channel builds its Location here; coordinates a channel could not vouch for (text,
true/false, NaN, beyond ±90/±180) are dropped so the message is stored without a place
instead of failing processing, and an address stays.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from core.inbound import InboundMessage, Location


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(23.588, 58.3829), (23, 58), (Decimal("23.588"), Decimal("58.3829")), (Fraction(47, 2), -180)],
)
def test_numbers_of_degrees_in_range_are_kept_as_floats(lat: object, lon: object) -> None:
    place = Location(lat, lon, "Al Khuwair")  # type: ignore[arg-type]
    assert (place.lat, place.lon) == (float(lat), float(lon))  # type: ignore[arg-type]
    assert isinstance(place.lat, float) and isinstance(place.lon, float)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        ("23.588", "58.38"),
        ("north", 58.38),
        (True, 58.38),
        (float("nan"), 58.38),
        (float("inf"), 58.38),
        (90.5, 58.38),
        (23.5, -180.01),
        (23.5, None),
        ([23.5], {"lon": 58}),
    ],
)
def test_coordinates_that_are_not_a_place_are_dropped_and_the_address_kept(
    lat: object, lon: object
) -> None:
    place = Location(lat, lon, "Al Khuwair")  # type: ignore[arg-type]
    assert (place.lat, place.lon, place.address) == (None, None, "Al Khuwair")


def test_an_address_alone_is_a_location_without_coordinates() -> None:
    assert Location(None, None, "Way 2601") == Location(address="Way 2601")


@pytest.mark.parametrize(
    "place",
    [Location(lat=123.0, lon=58.38), Location(lat="north", lon="east"), Location()],  # type: ignore[arg-type]
)
def test_a_location_with_no_coordinates_and_no_address_is_no_location(place: Location) -> None:
    """One rule for every channel: a shared place whose coordinates were dropped and that
    names nothing is no place, so a message of it alone says nothing (Telegram kept it as an
    empty message on the ticket; a place with a name keeps its name)."""
    msg = InboundMessage(channel="telegram", sender="1", text="", external_id="1:1", location=place)
    assert msg.location is None
    named = Location(lat=123.0, lon=58.38, address="Qurum Park")
    kept = InboundMessage(
        channel="telegram", sender="1", text="", external_id="1:2", location=named
    )
    assert kept.location == Location(address="Qurum Park")
