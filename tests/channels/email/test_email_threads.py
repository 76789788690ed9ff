"""Reply addresses: the token after the reference proves which ticket a mail answers."""

from __future__ import annotations

from channels.email.threads import reference_from_address, reply_address

KEY = "secret-key"


def test_a_reply_address_proves_its_ticket() -> None:
    address = reply_address("1111@balagh.test", "MCT-000042", KEY)
    assert reference_from_address(address, KEY) == "MCT-000042"


def test_a_reply_address_with_a_utf8_token_proves_nothing_and_raises_nothing() -> None:
    """SMTPUTF8 lets a sender put any character there; the comparison raised TypeError and
    the listener answered 451 to that mail until its sender gave up."""
    assert reference_from_address("1111+mct-000042.é@balagh.test", KEY) is None
