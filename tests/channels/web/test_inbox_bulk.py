"""Bulk assignment from a queue (issue 20, item 5): each ticket under its own rules, one
confirmation saying how many were assigned and which were refused."""

from __future__ import annotations

from core.context import Context
from tests.staffkit import app_for, load, make_staff, new_ticket, post_form, signed_in, the_roles


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
    assert "2 ticket(s) assigned to agent@mct.om." in page
    assert [load(ctx, r).assignee.email if load(ctx, r).assignee else None for r in refs] == [
        "agent@mct.om",
        "agent@mct.om",
        None,
    ]


def test_department_staff_cannot_bulk_assign_another_directorates_ticket(ctx: Context) -> None:
    the_roles(ctx)
    roads = new_ticket(ctx, "Pothole by the school", category="road_damage")
    client = signed_in(app_for(ctx), "health@mct.om")
    post_form(client, "/inbox/bulk/assign", {"assignee": "health@mct.om", "refs": roads})
    page = client.get("/inbox/").get_data(as_text=True)
    assert "0 ticket(s) assigned" in page
    assert f"Not assigned: {roads} (outside what you may change)" in page
    assert load(ctx, roads).assignee is None


def test_the_queue_offers_ticking_only_to_those_who_may_assign(ctx: Context) -> None:
    the_roles(ctx)
    new_ticket(ctx, "Streetlight out", category="road_damage")
    dispatcher = signed_in(app_for(ctx), "disp@mct.om").get("/inbox/?queue=all")
    assert 'name="refs"' in dispatcher.get_data(as_text=True)
    make_staff(ctx, "viewer@mct.om", "agent")
    agent_page = signed_in(app_for(ctx), "viewer@mct.om").get("/inbox/?queue=all")
    assert ('id="bulk-form"' in agent_page.get_data(as_text=True)) == _agent_may_assign()


def _agent_may_assign() -> bool:
    from core.staff.permissions import Action, Staff, allowed

    return allowed(Staff(id=0, email="a@b", name="", role="agent", directorate=None), Action.ASSIGN)


def test_the_move_forms_note_placeholder_fits_each_status(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the mosque", category="road_damage")
    page = signed_in(app_for(ctx), "disp@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert (
        'value="awaiting_citizen" data-note="The question the citizen will be sent (required)"'
        in page
    )
    assert 'data-note-for="transition-note"' in page
