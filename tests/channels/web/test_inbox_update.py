"""The ticket page's one side panel (issue 20, item 1): several changes sent by one Update,
applied together or not at all, confirmed by a list of what changed in the staff member's
language; only what was changed on the panel is applied; roles still decide."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from channels.web.inbox.i18n import translate
from core.context import Context
from core.models import Direction, Message, OutboxItem
from tests.staffkit import (
    app_for,
    give_name,
    load,
    make_staff,
    new_ticket,
    post_form,
    signed_in,
    the_roles,
)


def update(client, reference: str, **fields: str):  # type: ignore[no-untyped-def]
    return post_form(client, f"/inbox/t/{reference}", fields)


def test_the_ticket_page_has_one_form_with_one_update_button(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the mosque", category="road_damage")
    page = signed_in(app_for(ctx), "disp@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    panel = page.split('id="update-form"')[1].split("</form>")[0]
    for name in ("reply", "note", "status", "category", "priority", "assignee", "duplicate_of"):
        assert f'name="{name}"' in panel, name
    assert panel.count('type="submit"') == 1 and ">Update</button>" in panel
    for old in ("/reply", "/note", "/transition", "/priority", "/reclassify", "/assign"):
        assert f'action="/inbox/t/{ref}{old}"' not in page, old


def test_one_update_applies_several_changes_and_lists_each(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the mosque")
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = update(
        client,
        ref,
        category="road_damage",
        was_category="",
        priority="urgent",
        was_priority="normal",
        assignee="roads@mct.om",
        was_assignee="",
        status="triaged",
        was_status="new",
        note="Checked the photo",
        reply="We are on it.",
    )
    assert answer.status_code == 302 and answer.headers["Location"] == f"/inbox/t/{ref}"
    ticket = load(ctx, ref)
    assert (ticket.category, ticket.priority, ticket.status) == ("road_damage", "urgent", "triaged")
    assert ticket.assignee is not None and ticket.assignee.email == "roads@mct.om"
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    confirmation = page.split('class="changes"')[1].split("</p>")[0]
    for line in (
        "Status: <bdi>New</bdi> → <bdi>Triaged</bdi>",
        "Priority: <bdi>Normal</bdi> → <bdi>Urgent</bdi>",
        "Assignee: <bdi>Nobody</bdi> → <bdi>roads</bdi>",  # add_user's name: the local part
        "Directorate: <bdi>—</bdi>",
        "The reply to the citizen is sent.",
    ):
        assert line in confirmation, line
    transition = [e for e in ticket.events if e.kind == "transition"][-1]
    assert transition.data["note"] == "Checked the photo"  # the note went with the move


def test_the_confirmation_is_in_arabic_for_arabic_staff(ctx: Context) -> None:
    make_staff(ctx, "disp-ar@mct.om", "dispatcher", language="ar")
    ref = new_ticket(ctx, "حفرة قرب المسجد", category="road_damage")
    client = signed_in(app_for(ctx), "disp-ar@mct.om", language="ar")
    update(client, ref, priority="high", was_priority="normal", note="راجعت الصور")
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert 'dir="rtl"' in page
    confirmation = page.split('class="changes"')[1].split("</p>")[0]
    assert "الأولوية: من <bdi>عادية</bdi> إلى <bdi>عالية</bdi>" in confirmation
    assert "أُضيفت ملاحظة داخلية." in confirmation


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_assignment_confirmation_names_the_assignee_as_the_picker_does(
    ctx: Context, lang: str
) -> None:
    """The picker offered "Salim Al-Harthi" and the confirmation said roads@mct.om."""
    the_roles(ctx)
    give_name(ctx, "roads@mct.om", "سالم الحارثي")
    ref = new_ticket(ctx, "Pothole by the mosque", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om", language=lang)
    picker = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert ">سالم الحارثي (" in picker.split('id="update-assignee"')[1].split("</select>")[0]
    update(client, ref, assignee="roads@mct.om", was_assignee="")
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    confirmation = page.split('class="changes"')[1].split("</p>")[0]
    nobody = translate("nobody", lang)
    line = translate(
        "change_assignee", lang, before=f"<bdi>{nobody}</bdi>", after="<bdi>سالم الحارثي</bdi>"
    )
    assert line in confirmation and "roads@mct.om" not in confirmation


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_old_assign_form_says_to_whom_and_what_it_moved(ctx: Context, lang: str) -> None:
    """The per-ticket /assign (still posted by older pages and scripts) answered "Done.": it
    now says who has the ticket and, for a department member, that it was forwarded."""
    the_roles(ctx)
    give_name(ctx, "roads@mct.om", "سالم الحارثي")
    ref = new_ticket(ctx, "Pothole by the mosque", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om", language=lang)
    post_form(client, f"/inbox/t/{ref}/assign", {"assignee": "roads@mct.om"})
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    confirmation = page.split('class="changes"')[1].split("</p>")[0]
    nobody = translate("nobody", lang)
    assignee = translate(
        "change_assignee", lang, before=f"<bdi>{nobody}</bdi>", after="<bdi>سالم الحارثي</bdi>"
    )
    forwarded = f"<bdi>{translate('status_assigned', lang)}</bdi>"
    assert assignee in confirmation and forwarded in confirmation
    assert translate("done", lang) not in confirmation


def test_without_a_status_change_the_note_is_an_internal_note(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Streetlight out", category="road_damage")
    client = signed_in(app_for(ctx), "agent@mct.om")
    update(client, ref, status="new", was_status="new", note="Called the caller back")
    notes = [m for m in load(ctx, ref).messages if m.direction == Direction.NOTE]
    assert [n.text for n in notes] == ["Called the caller back"]


def test_one_refused_part_changes_nothing_and_keeps_what_was_typed(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the school")  # no category: cannot be triaged yet
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = update(
        client,
        ref,
        priority="urgent",
        was_priority="normal",
        status="triaged",
        was_status="new",
        reply="A reply <b>typed</b> before the refusal",
    )
    assert answer.status_code == 422
    html = answer.get_data(as_text=True)
    assert "Classify the ticket" in html
    assert "A reply &lt;b&gt;typed&lt;/b&gt; before the refusal</textarea>" in html
    assert '<option value="urgent" selected>' in html  # the choice is kept too
    ticket = load(ctx, ref)
    assert (ticket.priority, ticket.status) == ("normal", "new")
    with ctx.sessions() as session:
        assert session.execute(select(OutboxItem).where(OutboxItem.kind == "reply")).first() is None


def test_a_field_left_as_the_page_showed_it_does_not_undo_a_colleagues_change(
    ctx: Context,
) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole by the park", category="road_damage")
    disp, agent = signed_in(app_for(ctx), "disp@mct.om"), signed_in(app_for(ctx), "agent@mct.om")
    update(agent, ref, priority="urgent", was_priority="normal")
    # the dispatcher's page still showed "normal"; they only write a note
    update(disp, ref, priority="normal", was_priority="normal", note="Seen")
    assert load(ctx, ref).priority == "urgent"


def test_nothing_changed_says_so(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om")
    update(client, ref, priority="normal", was_priority="normal", status="new", was_status="new")
    assert "Nothing changed" in client.get(f"/inbox/t/{ref}").get_data(as_text=True)


def test_a_role_sending_a_field_it_may_not_change_is_refused_and_nothing_changes(
    ctx: Context,
) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app_for(ctx), "agent@mct.om")  # agents do not assign
    answer = update(client, ref, note="a note", assignee="roads@mct.om", was_assignee="")
    assert answer.status_code == 403
    ticket = load(ctx, ref)
    assert ticket.assignee is None and not [m for m in ticket.messages if m.kind == "note"]


def test_department_staff_outside_their_directorate_get_404(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app_for(ctx), "health@mct.om")
    assert update(client, ref, note="not mine").status_code == 404


def test_the_department_resolves_with_its_answer_and_the_dispatcher_closes_with_the_citizens(
    ctx: Context,
) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    disp, roads = signed_in(app_for(ctx), "disp@mct.om"), signed_in(app_for(ctx), "roads@mct.om")
    update(disp, ref, status="triaged", was_status="new")
    update(disp, ref, status="assigned", was_status="triaged", assignee="roads@mct.om")
    update(roads, ref, status="resolved", was_status="assigned", note="Filled on Sunday")
    assert load(ctx, ref).resolution == "Filled on Sunday"
    page = disp.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert 'id="inform-answer"' in page and "Filled on Sunday</textarea>" in page
    update(disp, ref, status="closed", was_status="resolved", answer="We filled it on Sunday.")
    ticket = load(ctx, ref)
    assert (ticket.status, ticket.answer) == ("closed", "We filled it on Sunday.")


def test_a_duplicate_is_marked_from_the_panel_and_not_with_another_status(ctx: Context) -> None:
    the_roles(ctx)
    original = new_ticket(ctx, "Pothole", category="road_damage")
    ref = new_ticket(ctx, "Same pothole", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om")
    refused = update(client, ref, duplicate_of=original, status="triaged", was_status="new")
    assert refused.status_code == 422 and "not both" in refused.get_data(as_text=True)
    update(client, ref, duplicate_of=original, status="new", was_status="new")
    ticket = load(ctx, ref)
    assert ticket.status == "duplicate" and ticket.duplicate_of is not None
    assert ticket.duplicate_of.reference == original
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert f"Marked a duplicate of <bdi>{original}</bdi>" in page


def test_hostile_update_fields_are_refused_in_words_not_a_500(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om")
    for fields in (
        {"status": "nonsense\x00", "was_status": "new"},
        {"priority": "<script>", "was_priority": "normal"},
        {"category": "x" * 5000, "was_category": "road_damage"},
        {"assignee": "nobody\x00@x", "was_assignee": ""},
        {"duplicate_of": "\x00' OR 1=1"},
        {"note": "x" * 20_000},
    ):
        answer = update(client, ref, **fields)
        assert answer.status_code == 422, fields
        assert "<script>" not in answer.get_data(as_text=True)
    assert load(ctx, ref).status == "new"


def test_the_update_without_a_csrf_token_is_refused(ctx: Context) -> None:
    the_roles(ctx)
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app_for(ctx), "disp@mct.om")
    answer = client.post(f"/inbox/t/{ref}", data={"note": "no token"})
    assert answer.status_code == 400
    with ctx.sessions() as session:
        assert session.execute(select(Message).where(Message.text == "no token")).first() is None
