"""Fixtures shared by the core tests that feed the intake emails and count its statements
(test_batchanswers, test_newrows, intake/test_statements_per_ticket)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from core.context import Context
from core.inbound import InboundMessage

EMAIL_REPORT = "Street lights have been off for a week on way 3021 in Al Khuwair"
Mail = Callable[..., InboundMessage]


class Recorded(list[str]):
    """The statements run, in order, and `parameters`: each one's bound parameters, by index
    (what a test needs to EXPLAIN a statement as it ran)."""

    def __init__(self) -> None:
        super().__init__()
        self.parameters: list[Any] = []

    def with_parameters(self) -> list[tuple[str, Any]]:
        """(statement, parameters) pairs, in order."""
        return list(zip(self, self.parameters, strict=True))


Statements = Callable[..., AbstractContextManager[Recorded]]


@pytest.fixture
def mail() -> Mail:
    """`mail(sender, text=EMAIL_REPORT, subject="Street lights")`: a citizen's email with a
    Message-ID of its own, as the intake stores it."""

    def make(
        sender: str, text: str = EMAIL_REPORT, subject: str = "Street lights"
    ) -> InboundMessage:
        return InboundMessage(
            channel="email",
            sender=sender,
            text=text,
            subject=subject,
            external_id=f"<{secrets.token_hex(6)}@example.org>",
        )

    return make


@pytest.fixture
def statements() -> Statements:
    """`with statements(ctx) as seen:` the SQL statements ctx's engine ran in the block, in
    order, whitespace folded (each cut to `limit` characters when given); `seen.parameters`
    holds their parameters, `seen.with_parameters()` the pairs."""

    @contextmanager
    def recorded(ctx: Context, limit: int | None = None) -> Iterator[Recorded]:
        seen = Recorded()

        def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            seen.append(" ".join(statement.split())[:limit])
            seen.parameters.append(parameters)

        event.listen(ctx.engine, "before_cursor_execute", record)
        try:
            yield seen
        finally:
            event.remove(ctx.engine, "before_cursor_execute", record)

    return recorded
