"""Bulk assignment from a queue (issue 20, item 5): each ticket under its own rules, one
confirmation saying how many were assigned and which were refused."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from core.context import Context
from core.models import OutboxItem, Status, Ticket
from core.staff.actions import change_status
from core.staff.incident_actions import open_by_hand
from tests.staffkit import (
    app_for,
    give_name,
    load,
    new_ticket,
    post_form,
    signed_in,
    the_roles,
)


def test_a_dispatcher_assigns_several_tickets_at_once(ctx: Context) -> None:
    the_roles(ctx)
    refs = [new_ticket(ctx, f"Pothole number {i}", category="road_damage") for i in range(3)]
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = post_form(
        client,
        "/inbox/bulk/assign",
        {"assignee": "agent@mct.om", "refs": refs[:2], "next": "/inbox/?queue=all"},  # type: ignore[dict-item]
    )
    assert answer.status_code == 302 and answer.headers["Location"] == "/inbox/?queue=all"
    page = client.get("/inbox/?queue=all").get_data(as_text=True)
    assert "2 tickets assigned to agent." in page  # add_user's name: the address's local part
    assert [load(ctx, r).assignee.email if load(ctx, r).assignee else None for r in refs] == [
        "agent@mct.om",
        "agent@mct.om",
        None,
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "2 tickets assigned to Aisha Al-Balushi."),
        ("ar", "أُسند بلاغان إلى Aisha Al-Balushi."),
    ],
)
def test_a_bulk_assignment_confirms_the_assignee_by_name_as_its_picker_offers(
    ctx: Context, lang: str, said: str
) -> None:
    """The bulk picker and its confirmation showed agent@mct.om where the ticket page's
    picker says the person's name."""
    the_roles(ctx)
    give_name(ctx, "agent@mct.om", "Aisha Al-Balushi")
    refs = [new_ticket(ctx, f"Pothole number {i}", category="road_damage") for i in range(2)]
    client = signed_in(app_for(ctx), "disp@mct.om", language=lang)
    picker = client.get("/inbox/?queue=all").get_data(as_text=True)
    assert '<option value="agent@mct.om">Aisha Al-Balushi · ' in picker
    post_form(client, "/inbox/bulk/assign", {"assignee": "agent@mct.om", "refs": refs})  # type: ignore[dict-item]
    page = client.get("/inbox/?queue=all").get_data(as_text=True)
    assert said in page


def test_a_dispatcher_bulk_assigning_to_a_department_forwards_the_tickets(ctx: Context) -> None:
    """Giving registered tickets to a department member in bulk forwards them, as the ticket
    page's move does: they were left registered, so the department's queue (forwarded
    tickets) never listed them, their SLA clock never ran and the citizen heard nothing,
    while the dispatcher read "2 tickets assigned" (found driving the demo)."""
    staff = the_roles(ctx)
    refs = [new_ticket(ctx, f"Pothole number {i}", category="road_damage") for i in range(2)]
    with ctx.sessions() as session, session.begin():
        for ref in refs:
            ticket = session.execute(select(Ticket).where(Ticket.reference == ref)).scalar_one()
            change_status(ctx, session, staff["agent"], ticket, "triaged")
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/bulk/assign", {"assignee": "roads@mct.om", "refs": refs})  # type: ignore[dict-item]
    assert [load(ctx, r).status for r in refs] == ["assigned", "assigned"]
    assert all(load(ctx, r).due_at is not None for r in refs)
    roads_queue = signed_in(app_for(ctx), "roads@mct.om").get("/inbox/").get_data(as_text=True)
    assert all(ref in roads_queue for ref in refs)
    with ctx.sessions() as session:
        told = session.execute(select(OutboxItem.kind).where(OutboxItem.kind == "forwarded"))
        assert len(told.all()) == 2


@pytest.mark.parametrize(
    ("language", "count", "confirmation"),
    [
        ("ar", 1, "أُسند بلاغ واحد إلى agent."),
        ("ar", 2, "أُسند بلاغان إلى agent."),
        ("ar", 3, "أُسند 3 بلاغات إلى agent."),
        ("en", 1, "1 ticket assigned to agent."),
    ],
)
def test_a_bulk_assign_confirmation_counts_in_the_languages_number_forms(
    ctx: Context, language: str, count: int, confirmation: str
) -> None:
    the_roles(ctx)
    refs = [new_ticket(ctx, f"Pothole number {i}", category="road_damage") for i in range(count)]
    client = signed_in(app_for(ctx), "disp@mct.om", language)
    post_form(client, "/inbox/bulk/assign", {"assignee": "agent@mct.om", "refs": refs})  # type: ignore[dict-item]
    assert confirmation in client.get("/inbox/?queue=all").get_data(as_text=True)


@pytest.mark.parametrize(
    ("action", "confirmation"),
    [
        ({"action": "move", "category": "road_damage"}, "نُقل بلاغان إلى «"),
        ({"action": "duplicate"}, "عُلِّم بلاغان بعلامة «مكرر» للبلاغ"),
        ({"action": "attach"}, "ضُمّ بلاغان إلى الحادثة رقم"),
    ],
)
def test_bulk_move_duplicate_and_attach_confirmations_count_in_arabic_number_forms(
    ctx: Context, action: dict[str, str], confirmation: str
) -> None:
    staff = the_roles(ctx)
    original = new_ticket(ctx, "Pothole", category="road_damage")
    refs = [new_ticket(ctx, f"Same pothole {i}", category="road_damage") for i in range(2)]
    with ctx.sessions() as session, session.begin():
        number = open_by_hand(ctx, session, staff["dispatcher"], [original]).id
    fields = {**action, "original": original, "incident": str(number), "refs": refs}
    client = signed_in(app_for(ctx), "disp@mct.om", "ar")
    post_form(client, "/inbox/bulk", fields)  # type: ignore[arg-type]
    assert confirmation in client.get("/inbox/?queue=all").get_data(as_text=True)


def test_department_staff_cannot_bulk_assign_another_directorates_ticket(ctx: Context) -> None:
    the_roles(ctx)
    roads = new_ticket(ctx, "Pothole by the school", category="road_damage")
    client = signed_in(app_for(ctx), "health@mct.om")
    post_form(client, "/inbox/bulk/assign", {"assignee": "health@mct.om", "refs": roads})
    page = client.get("/inbox/").get_data(as_text=True)
    assert "No ticket was changed." in page and "assigned to" not in page
    assert f"Not assigned: <bdi>{roads}</bdi> (outside what you may change)" in page
    assert load(ctx, roads).assignee is None


def test_the_queue_offers_each_role_only_the_bulk_actions_it_may_take(ctx: Context) -> None:
    the_roles(ctx)
    new_ticket(ctx, "Streetlight out", category="road_damage")

    def offered(email: str) -> list[str]:
        page = signed_in(app_for(ctx), email).get("/inbox/?queue=all").get_data(as_text=True)
        if 'id="bulk-form"' not in page:
            return []
        choices = page.split('id="bulk-action">')[1].split("</select>")[0]
        return re.findall(r'<option value="(\w+)">', choices)

    assert offered("disp@mct.om") == ["assign", "move", "duplicate"]  # no open incident yet
    assert offered("agent@mct.om") == ["move", "duplicate"]
    assert offered("roads@mct.om") == ["assign"]


def test_a_dispatcher_moves_ticked_tickets_to_a_category(ctx: Context) -> None:
    the_roles(ctx)
    refs = [new_ticket(ctx, f"Stray dogs near school {i}") for i in range(2)]
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/bulk", {"action": "move", "category": "road_damage", "refs": refs})  # type: ignore[dict-item]
    assert [load(ctx, r).category for r in refs] == ["road_damage", "road_damage"]
    assert [load(ctx, r).directorate for r in refs] == ["roads", "roads"]
    page = client.get("/inbox/").get_data(as_text=True)
    assert f"2 tickets moved to {ctx.taxonomy.name('road_damage', 'en')}." in page


def _finish(ctx: Context, reference: str, status: Status) -> None:
    """Put a ticket straight into a finished status (the bulk rule is what is under test)."""
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        ticket.status = status


@pytest.mark.parametrize(
    ("language", "skipped"),
    [
        ("en", "3 tickets skipped: closed, rejected and duplicate tickets keep their category"),
        ("ar", "تُرك 3 بلاغات دون نقل: البلاغات المغلقة والمرفوضة والمكررة تحتفظ بتصنيفها"),
    ],
)
def test_a_bulk_move_skips_closed_rejected_and_duplicate_tickets_and_says_so(
    ctx: Context, language: str, skipped: str
) -> None:
    the_roles(ctx)
    refs = [new_ticket(ctx, f"Stray dogs near school {i}") for i in range(4)]
    for ref, status in zip(
        refs[1:], (Status.CLOSED, Status.REJECTED, Status.DUPLICATE), strict=True
    ):
        _finish(ctx, ref, status)
    client = signed_in(app_for(ctx), "disp@mct.om", language)
    post_form(client, "/inbox/bulk", {"action": "move", "category": "road_damage", "refs": refs})  # type: ignore[dict-item]
    assert [load(ctx, r).category for r in refs] == ["road_damage", None, None, None]
    page = client.get("/inbox/").get_data(as_text=True)
    assert skipped in page


def test_a_bulk_move_to_an_unknown_category_is_refused_in_words(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Stray dogs")
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = post_form(client, "/inbox/bulk", {"action": "move", "category": "{0}<x>", "refs": ref})
    assert answer.status_code == 302
    page = client.get("/inbox/").get_data(as_text=True)
    assert "Unknown category" in page and "<x>" not in page
    assert load(ctx, ref).category is None


def test_bulk_duplicates_refuse_the_original_itself_and_say_why(ctx: Context) -> None:
    the_roles(ctx)
    original = new_ticket(ctx, "Pothole", category="road_damage")
    copies = [new_ticket(ctx, f"Same pothole {i}", category="road_damage") for i in range(2)]
    client = signed_in(app_for(ctx), "disp@mct.om")
    fields = {"action": "duplicate", "original": original, "refs": [*copies, original]}
    post_form(client, "/inbox/bulk", fields)  # type: ignore[arg-type]
    assert [load(ctx, r).status for r in copies] == ["duplicate", "duplicate"]
    assert load(ctx, original).status == "new"
    page = client.get("/inbox/").get_data(as_text=True)
    assert f"2 tickets marked as duplicates of {original}." in page
    assert f"Not changed: <bdi>{original}</bdi> (" in page and "duplicate itself" in page


def test_bulk_attach_adds_tickets_to_an_incident_and_refuses_another_directorates(
    ctx: Context,
) -> None:
    staff = the_roles(ctx)
    refs = [new_ticket(ctx, f"Water leak {i}", category="road_damage") for i in range(3)]
    other = new_ticket(ctx, "Stray dogs", category="stray_animals")
    with ctx.sessions() as session, session.begin():
        incident = open_by_hand(ctx, session, staff["dispatcher"], refs[:1])
        number = incident.id
    client = signed_in(app_for(ctx), "disp@mct.om")
    page = client.get("/inbox/?queue=all").get_data(as_text=True)
    assert '<option value="attach">' in page and f'<option value="{number}">#{number}' in page
    fields = {"action": "attach", "incident": str(number), "refs": [refs[1], refs[2], other]}
    post_form(client, "/inbox/bulk", fields)  # type: ignore[arg-type]
    assert [load(ctx, r).incident_id for r in refs] == [number] * 3
    assert load(ctx, other).incident_id is None
    page = client.get("/inbox/").get_data(as_text=True)
    assert f"2 tickets attached to incident #{number}." in page
    assert f"Not changed: <bdi>{other}</bdi> (" in page


def test_bulk_attach_of_an_unclassified_report_asks_to_classify_it_first(ctx: Context) -> None:
    """On a storm day "نفق الخوير كله ماي" stayed unclassified, and attaching it to the flooded
    underpass's incident said it belonged to another directorate: it belonged to none yet."""
    staff = the_roles(ctx)
    first = new_ticket(ctx, "Underpass flooded", category="stormwater_flooding")
    unsure = new_ticket(ctx, "نفق الخوير كله ماي، متى بتسحبونه؟")
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == unsure)).scalar_one()
        ticket.category = ticket.directorate = None  # the router was unsure
        number = open_by_hand(ctx, session, staff["dispatcher"], [first]).id
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/bulk", {"action": "attach", "incident": str(number), "refs": unsure})
    page = client.get("/inbox/").get_data(as_text=True)
    assert load(ctx, unsure).incident_id is None
    assert "before adding it to an incident" in page and "another directorate" not in page


def test_bulk_attach_to_an_incident_out_of_sight_is_404(ctx: Context) -> None:
    staff = the_roles(ctx)
    ref = new_ticket(ctx, "Water leak", category="road_damage")
    with ctx.sessions() as session, session.begin():
        number = open_by_hand(ctx, session, staff["dispatcher"], [ref]).id
    client = signed_in(app_for(ctx), "health@mct.om")
    answer = post_form(
        client, "/inbox/bulk", {"action": "attach", "incident": str(number), "refs": ref}
    )
    assert answer.status_code in (403, 404)


@pytest.mark.parametrize("typed", ["abc", "#12", "١٢", "", "99999999999"])
def test_bulk_attach_with_no_incident_number_is_the_forms_error_not_a_404(
    ctx: Context, typed: str
) -> None:
    staff = the_roles(ctx)
    ref = new_ticket(ctx, "Water leak", category="road_damage")
    with ctx.sessions() as session, session.begin():
        open_by_hand(
            ctx, session, staff["dispatcher"], [new_ticket(ctx, "Leak", category="road_damage")]
        )
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = post_form(client, "/inbox/bulk", {"action": "attach", "incident": typed, "refs": ref})
    assert answer.status_code == 302
    page = client.get("/inbox/").get_data(as_text=True)
    assert "Choose an incident from the list" in page
    assert load(ctx, ref).incident_id is None


def test_an_unknown_bulk_action_is_404(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    assert post_form(client, "/inbox/bulk", {"action": "drop_tables"}).status_code == 404


def test_the_move_forms_note_placeholder_fits_each_status(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the mosque", category="road_damage")
    page = signed_in(app_for(ctx), "disp@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert (
        'value="awaiting_citizen" data-note="The question the citizen will be sent (required)"'
        in page
    )
    assert 'data-note-for="note-text"' in page


def test_a_bulk_action_whose_next_has_a_line_break_goes_back_to_the_queue(ctx: Context) -> None:
    """A posted `next` with a line break cannot be a Location header: the queue, not a 500,
    and the tickets are assigned all the same."""
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the mosque", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = post_form(
        client,
        "/inbox/bulk/assign",
        {"assignee": "agent@mct.om", "refs": ref, "next": "/inbox/?queue=all\r\nX-Injected: 1"},
    )
    assert answer.status_code == 302 and answer.headers["Location"] == "/inbox/"
    assert load(ctx, ref).assignee.email == "agent@mct.om"  # type: ignore[union-attr]


def _bulk_default(page: str, name: str) -> str:
    """The value a browser sends for the bulk form's select `name` when nobody touches it."""
    form = page.split('id="bulk-form"')[1].split("</form>")[0]
    select = form.split(f'<select name="{name}">')[1].split("</select>")[0]
    chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select)
    return (chosen or re.search(r'<option value="([^"]*)"', select)).group(1)  # type: ignore[union-attr]


def test_a_bulk_move_or_attach_sent_without_a_choice_changes_nothing(ctx: Context) -> None:
    """Ticked tickets, "move" or "attach" chosen, the category or incident left as the page
    shows it: nothing moves (was: every ticked ticket went to the list's first category, or
    into its newest incident, with a confirmation the dispatcher had no reason to read)."""
    staff = the_roles(ctx)
    refs = [
        new_ticket(ctx, f"Stray dogs near school {i}", category="stray_animals") for i in (1, 2)
    ]
    with ctx.sessions() as session, session.begin():
        open_by_hand(
            ctx, session, staff["dispatcher"], [new_ticket(ctx, "Leak", category="road_damage")]
        )
    client = signed_in(app_for(ctx), "disp@mct.om")
    page = client.get("/inbox/?queue=all").get_data(as_text=True)
    moved = {"action": "move", "category": _bulk_default(page, "category"), "refs": refs}
    post_form(client, "/inbox/bulk", moved)  # type: ignore[arg-type]
    assert "choose a category from the list first" in client.get("/inbox/").get_data(as_text=True)
    attached = {"action": "attach", "incident": _bulk_default(page, "incident"), "refs": refs}
    post_form(client, "/inbox/bulk", attached)  # type: ignore[arg-type]
    assert "Choose an incident from the list first" in client.get("/inbox/").get_data(as_text=True)
    assert [load(ctx, r).category for r in refs] == ["stray_animals", "stray_animals"]
    assert [load(ctx, r).incident_id for r in refs] == [None, None]
