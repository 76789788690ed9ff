"""One answer deadline for a received mail: the reply token's look-up and the store share it."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from channels.email.intake import receive
from channels.email.threads import reply_address
from core.context import Context
from core.errors import StorageUnavailable
from tests.channels.email.test_email_listener import citizen_mail, crlf

DEADLINE = 2.0
LOOKUP_WAIT = 1.2  # the write lock is held this long as the look-up begins


class Locker:
    """Another connection to the SQLite file, taking and holding its write lock."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.lock = threading.Lock()

    def take(self) -> None:
        with self.lock:
            if not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        with self.lock:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")


@pytest.fixture
def locker(ctx: Context) -> Iterator[Locker]:
    held = Locker(str(ctx.engine.url.database))
    yield held
    held.release()
    held.conn.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the within() store
def test_a_slow_reply_token_lookup_leaves_the_store_only_the_rest_of_the_deadline(
    ctx: Context, locker: Locker
) -> None:
    ctx.settings.db_answer_timeout_seconds = DEADLINE
    caller = threading.get_ident()

    def lock_again_before_the_store(_conn: Any) -> None:
        if threading.get_ident() != caller:  # the store's own thread (core.db.within)
            locker.take()

    event.listen(ctx.engine, "begin", lock_again_before_the_store, insert=True)
    to = reply_address(ctx.settings.mail_address, "MCT-000001", ctx.settings.secret_key)
    locker.take()
    threading.Timer(LOOKUP_WAIT, locker.release).start()
    started = time.monotonic()
    try:
        with pytest.raises(StorageUnavailable):
            receive(ctx, crlf(citizen_mail()), "salim@example.om", (to,))
        took = time.monotonic() - started
    finally:
        event.remove(ctx.engine, "begin", lock_again_before_the_store)
    assert took >= LOOKUP_WAIT  # the look-up did wait for the lock, then found no ticket
    assert took < DEADLINE + 0.5  # 451 within the one deadline, not look-up + a fresh one
