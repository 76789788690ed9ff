"""Core's small exception family, translated to status codes at each channel's edge.

Each error carries an English message (what the API, the CLI and the logs show) and may carry
a `key` and `params`: a user interface with its own words (the staff inbox, in Arabic or
English) looks the key up and fills in the params, and shows the English message when it has
no words for the key.
"""

from __future__ import annotations


class BalaghError(Exception):
    """Base of every domain error."""

    code = "error"

    def __init__(self, message: str = "", key: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


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
