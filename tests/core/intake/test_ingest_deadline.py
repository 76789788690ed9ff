"""How long a store may take under a caller's answer deadline, the same on both databases."""

from __future__ import annotations

import time

import pytest

from core.context import Context
from core.db import answer_within
from core.errors import StorageUnavailable
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import accept
from tests.core.intake.test_ingest import telegram_message


def test_a_store_has_only_what_is_left_of_the_callers_deadline(ctx: Context) -> None:
    started = time.monotonic()
    with answer_within(0.2):
        time.sleep(0.3)  # the caller used it all (SMTP: a slow reply-token look-up)
        with pytest.raises(StorageUnavailable):
            accept(ctx, telegram_message())
    assert time.monotonic() - started < 1.0  # not a fresh db_answer_timeout_seconds (8 s)


def test_a_web_report_reserving_its_reference_keeps_a_deadline_of_its_own(ctx: Context) -> None:
    # The request's deadline runs while its photos are cleaned, which is no database wait.
    report = InboundMessage(
        channel="web",
        sender="web:t1",
        text="حفرة كبيرة في شارع الخوض",
        external_id="web:t1",
        thread=ThreadHints(new_ticket=True),
    )
    with answer_within(0.2):
        time.sleep(0.3)
        accepted = accept(ctx, report, reserve=True)
    assert accepted.reference is not None and not accepted.duplicate
