"""The inbox list and search stay cheap however many tickets exist.

The pager counts up to COUNT_CAP and then says "more"; on PostgreSQL the page comes from
the ordering indexes and a search from the trigram index, never a scan of every ticket.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from core.context import Context
from core.staff import actions as staff_actions
from core.staff.actions import TicketFilter, list_tickets
from core.staff.permissions import Staff
from tests.core.conftest import Statements
from tests.staffkit import make_staff, new_ticket


@pytest.fixture
def admin(ctx: Context) -> Staff:
    return make_staff(ctx, "admin@mct.om", "admin")


def test_a_count_past_the_cap_is_reported_as_more_with_a_next_page(
    ctx: Context, admin: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        new_ticket(ctx, f"Pothole number {n}")
    monkeypatch.setattr(staff_actions, "COUNT_CAP", 3)
    with ctx.sessions() as session:
        first = list_tickets(ctx, session, admin, TicketFilter(), per_page=2)
        last = list_tickets(ctx, session, admin, TicketFilter(), page=3, per_page=2)
    assert (first.total, first.more, first.has_next) == (3, True, True)
    assert (len(last.items), last.has_next) == (1, False)


def test_a_count_within_the_cap_is_exact(ctx: Context, admin: Staff) -> None:
    for n in range(3):
        new_ticket(ctx, f"Pothole number {n}")
    with ctx.sessions() as session:
        page = list_tickets(ctx, session, admin, TicketFilter(), per_page=2)
    assert (page.total, page.more, page.pages, page.has_next) == (3, False, 2, True)


def _plans(ctx: Context, staff: Staff, flt: TicketFilter, statements: Statements) -> list[str]:
    """EXPLAIN of every statement the listing sends, with sequential scans made a last resort."""
    with statements(ctx) as recorded, ctx.sessions() as session:
        list_tickets(ctx, session, staff, flt)
    seen = recorded.with_parameters()
    with ctx.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        conn.execute(text("SET enable_sort = off"))
        return [
            "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + s, p))
            for s, p in seen
            if "FROM ticket" in s
        ]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # plans are PostgreSQL's
def test_the_unfiltered_list_and_a_queue_page_come_from_the_ordering_indexes(
    ctx: Context, admin: Staff, statements: Statements
) -> None:
    officer = make_staff(ctx, "roads@mct.om", "department", "roads")
    new_ticket(ctx, "Pothole")
    everything = _plans(ctx, admin, TicketFilter(), statements)
    mine = _plans(ctx, officer, TicketFilter(queue="assigned_to_me"), statements)
    assert len(everything) == len(mine) == 2  # the capped count and the page
    assert "ix_ticket_list_order" in everything[1] and "Sort" not in everything[1]
    assert "ix_ticket_assignee_order" in mine[1] and "Sort" not in mine[1]
    assert all("Seq Scan on ticket" not in plan for plan in everything + mine)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("query", ["water", "الحفرة", "MCT-000001"])
def test_a_search_finds_its_tickets_through_the_trigram_index(
    ctx: Context, admin: Staff, query: str, statements: Statements
) -> None:
    new_ticket(ctx, "Water pipe burst near the roundabout")
    (count, _page) = _plans(ctx, admin, TicketFilter(q=query), statements)
    assert "ix_ticket_search_trgm" in count
    assert "Seq Scan on ticket" not in count


def _statements(ctx: Context, staff: Staff, statements: Statements) -> int:
    with statements(ctx) as seen, ctx.sessions() as session:
        page = list_tickets(ctx, session, staff, TicketFilter())
        for ticket in page.items:  # what a listing shows of each row
            _ = [i.address for i in ticket.contact.identities], ticket.assignee
    return len(seen)


def test_a_page_costs_the_same_statements_with_two_or_eight_citizens(
    ctx: Context, admin: Staff, statements: Statements
) -> None:
    for n in range(2):
        new_ticket(ctx, f"Pothole number {n}")
    few = _statements(ctx, admin, statements)
    for n in range(6):
        new_ticket(ctx, f"Broken light number {n}")
    assert _statements(ctx, admin, statements) == few
