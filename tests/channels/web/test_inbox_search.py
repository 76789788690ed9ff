"""The inbox's search box and times: searches reach beyond the queue, times are Muscat's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask

from core.context import Context
from core.models import Event, Message, Ticket
from core.routing.types import UnroutedRouter
from core.tickets import ticket_by_reference
from tests.staffkit import app_for, new_ticket, post_form, signed_in, the_roles

# What the landing page's filter form sends when only the search box is filled in.
FORM = {"queue": "mine", "status": "", "channel": "", "directorate": "", "category": ""}


@pytest.fixture
def app(ctx: Context) -> Flask:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx)


def listed(page: str, ref: str) -> bool:
    """Whether the ticket is a row of the list (the search box may echo the reference)."""
    return f'href="/inbox/t/{ref}"' in page


def triaged(ctx: Context, app: Flask, text: str, category: str) -> str:
    ref = new_ticket(ctx, text, category=category)
    post_form(signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}/transition", {"to": "triaged"})
    return ref


def test_landing_page_search_finds_a_ticket_outside_the_agents_queue(
    ctx: Context, app: Flask
) -> None:
    ref = triaged(ctx, app, "Pothole", "road_damage")
    client = signed_in(app, "agent@mct.om")
    assert not listed(client.get("/inbox/").get_data(as_text=True), ref)
    page = client.get("/inbox/", query_string={**FORM, "q": ref}).get_data(as_text=True)
    assert listed(page, ref)


def test_a_status_chosen_in_the_queue_lists_that_status_beyond_the_queue(
    ctx: Context, app: Flask
) -> None:
    """The dispatcher following up forwarded tickets picks "Assigned" in the landing page's
    filter: the queue (to forward, to inform) never holds one, so the list said "No tickets
    here" about tickets that exist; a chosen status reaches beyond the queue, as a search does.
    "Assigned to me" keeps its own list."""
    ref = triaged(ctx, app, "Pothole", "road_damage")
    dispatcher = signed_in(app, "disp@mct.om")
    post_form(dispatcher, f"/inbox/t/{ref}/transition", {"to": "assigned"})
    page = dispatcher.get("/inbox/", query_string={**FORM, "status": "assigned"})
    assert listed(page.get_data(as_text=True), ref)
    mine = {**FORM, "queue": "assigned_to_me", "status": "assigned"}
    assert not listed(dispatcher.get("/inbox/", query_string=mine).get_data(as_text=True), ref)


def test_department_search_covers_only_its_directorate(ctx: Context, app: Flask) -> None:
    roads = triaged(ctx, app, "Blocked drain near the park", "road_damage")
    health = triaged(ctx, app, "Rats near the park", "pest_control")
    client = signed_in(app, "roads@mct.om")
    page = client.get("/inbox/", query_string={**FORM, "q": "park"}).get_data(as_text=True)
    assert listed(page, roads) and not listed(page, health)


def test_search_of_punctuation_alone_shows_the_queue_not_every_ticket(
    ctx: Context, app: Flask
) -> None:
    elsewhere = triaged(ctx, app, "Pothole", "road_damage")
    waiting = new_ticket(ctx, "Streetlight out")
    client = signed_in(app, "agent@mct.om")
    for args in ({**FORM, "q": "%"}, {"q": "%"}, {"q": "_"}):
        page = client.get("/inbox/", query_string=args).get_data(as_text=True)
        assert listed(page, waiting) and not listed(page, elsewhere), args


def test_queue_and_ticket_pages_show_times_in_muscat(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole")
    created = datetime(2025, 3, 1, 22, 30, tzinfo=UTC)  # 02:30 on 2 March in Muscat
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert isinstance(ticket, Ticket)
        ticket.created_at = created
        ticket.due_at = datetime(2025, 3, 3, 20, 15, tzinfo=UTC)
        for row in [*ticket.messages, *ticket.events]:
            assert isinstance(row, Message | Event)
            row.created_at = created
    client = signed_in(app, "agent@mct.om")
    queue = client.get("/inbox/").get_data(as_text=True)
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "2025-03-02 02:30" in queue and "2025-03-04 00:15" in queue
    assert page.count("2025-03-02 02:30") >= 3  # created, the message, the history
    assert "2025-03-04 00:15" in page
    assert "22:30" not in queue + page and "20:15" not in queue + page


def test_the_queue_lists_overdue_tickets_unless_only_overdue_is_ticked(
    ctx: Context, app: Flask
) -> None:
    late = triaged(ctx, app, "Pothole on the Qurum road", "road_damage")
    on_time = triaged(ctx, app, "Rats near the park", "pest_control")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, late)
        assert ticket is not None
        ticket.due_at = ctx.now() - timedelta(hours=1)
    client = signed_in(app, "disp@mct.om")
    page = client.get("/inbox/", query_string={"queue": "all"}).get_data(as_text=True)
    assert listed(page, late) and listed(page, on_time)
    ticked = {"queue": "all", "overdue": "1"}
    page = client.get("/inbox/", query_string=ticked).get_data(as_text=True)
    assert listed(page, late) and not listed(page, on_time)
