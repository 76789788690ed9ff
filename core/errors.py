"""Core's small exception family, translated to status codes at each channel's edge."""

from __future__ import annotations


class BalaghError(Exception):
    """Base of every domain error."""

    code = "error"


class InputError(BalaghError):
    """The sender's mistake: bad input, clear message, nothing else changed (HTTP 4xx)."""

    code = "invalid"


class NotFound(BalaghError):
    """No such thing, or not yours to see (both look the same from outside)."""

    code = "not_found"


class Forbidden(BalaghError):
    """Known to the caller but not allowed to them."""

    code = "forbidden"


class InvalidTransition(BalaghError):
    """A workflow move the ticket's state or the actor's role does not allow."""

    code = "invalid_transition"


class StorageUnavailable(BalaghError):
    """Our fault: the database could not store an inbound message; transports retry later."""

    code = "unavailable"
