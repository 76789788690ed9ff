"""The demo's duplicate is a second report of a problem the demo already has: it was an
illegal-dumping report in Al Mawaleh marked a duplicate of the pothole in Al Khoud (no
earlier report of its kind), so closing the pothole put 'the pothole was filled' in the
dispatcher's queue as the dumping report's answer (the QA walk)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from balagh.demo import load_demo
from core.context import Context
from core.models import Status, Ticket


def test_the_demos_duplicate_is_of_a_report_of_the_same_kind(ctx: Context) -> None:
    load_demo(ctx)
    with ctx.sessions() as session:
        duplicate = session.execute(
            select(Ticket)
            .where(Ticket.status == Status.DUPLICATE)
            .options(joinedload(Ticket.duplicate_of))
        ).scalar_one()
        original = duplicate.duplicate_of
        assert original is not None
        assert (original.category, original.directorate) == (
            duplicate.category,
            duplicate.directorate,
        )
