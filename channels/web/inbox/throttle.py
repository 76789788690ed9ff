"""Sign-in throttling: growing waits per client address and per account, never a lockout.

Only failed sign-ins count. Three stacked windows give growing delays (a few quick tries,
then a wait of up to a minute, then an hour, then a day):
- per client address, over every account: stops spraying one password across accounts;
- per account from that address: stops guessing one account from one place;
- per account from everywhere, set high enough that one stranger's address is throttled
  long before it: a distributed guess is slowed, but one stranger cannot lock the owner out.
An account's counts start afresh when its password is reset (the key carries its version).
The account itself is never locked, so its owner signs in from their own place while a
stranger's attempts wait. Counts live in the rate limiter's storage (memory, or Redis when
BALAGH_REDIS_URL is set, shared by every web process).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from flask import Flask, current_app
from limits import RateLimitItem, parse_many, storage, strategies

ADDRESS_LIMITS = parse_many("10 per minute;30 per hour;60 per day")
ACCOUNT_AT_ADDRESS_LIMITS = parse_many("5 per minute;10 per hour;30 per day")
ACCOUNT_LIMITS = parse_many("90 per hour;300 per day")
EXTENSION = "balagh_login_throttle"
# What a limit counts: failures from one address (any account), at one account from one
# address, or at one account from every address (which makes its owner wait too).
Scope = Literal["address", "pair", "account"]


@dataclass(frozen=True)
class Wait:
    """How long an address must wait before trying an account again, and which limit says
    so (the longest wait's), so the page can say what is limited."""

    seconds: int
    scope: Scope


@dataclass(frozen=True)
class Throttle:
    """The failure counters for sign-ins, on one limiter storage."""

    limiter: strategies.RateLimiter

    def _checks(
        self, address: str, account: str
    ) -> Sequence[tuple[RateLimitItem, Scope, tuple[str, ...]]]:
        return (
            [(limit, "address", ("address", address)) for limit in ADDRESS_LIMITS]
            + [(limit, "pair", ("pair", account, address)) for limit in ACCOUNT_AT_ADDRESS_LIMITS]
            + [(limit, "account", ("account", account)) for limit in ACCOUNT_LIMITS]
        )

    def wait(self, address: str, account: str) -> Wait | None:
        """How long until this address may try this account again; None when it may now."""
        longest: tuple[float, Scope] | None = None
        for limit, scope, keys in self._checks(address, account):
            if not self.limiter.test(limit, *keys):
                reset = self.limiter.get_window_stats(limit, *keys).reset_time
                if longest is None or reset - time.time() > longest[0]:
                    longest = (reset - time.time(), scope)
        if longest is None:
            return None
        return Wait(max(1, math.ceil(longest[0])), longest[1])

    def failed(self, address: str, account: str) -> None:
        """Count one failed sign-in against the address, the pair and the account."""
        for limit, _scope, keys in self._checks(address, account):
            self.limiter.hit(limit, *keys)

    def succeeded(self, address: str, account: str) -> None:
        """A correct password clears this pair's count (typos before it were the owner's).

        The address's count stays: signing into one's own account must not reset the
        budget for guessing others'.
        """
        for limit in ACCOUNT_AT_ADDRESS_LIMITS:
            self.limiter.clear(limit, "pair", account, address)


def init_throttle(app: Flask, storage_uri: str) -> None:
    """Create the throttle on the same storage as the citizen pages' rate limits."""
    backend = storage.storage_from_string(storage_uri)
    app.extensions[EXTENSION] = Throttle(strategies.MovingWindowRateLimiter(backend))


def throttle() -> Throttle:
    throttle_: Throttle = current_app.extensions[EXTENSION]
    return throttle_
