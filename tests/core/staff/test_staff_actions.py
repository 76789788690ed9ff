"""Staff operations shared by the inbox and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from core.context import Context
from core.delivery.outbox import deliver_due
from core.errors import InputError, InvalidTransition
from core.insights.stats import compute_stats, parse_period, stats_csv
from core.models import Event, Message, OutboxItem, RoutingCorrection, Status, Ticket
from core.outbound import CollectingSender
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from core.staff.search import reindex
from core.tickets import ticket_by_reference
from tests.staffkit import load, new_ticket, the_roles

MUSCAT = ZoneInfo("Asia/Muscat")


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = UnroutedRouter()  # every new ticket waits for intake
    return the_roles(ctx)


def act(ctx: Context, reference: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        return fn(ctx, session, *args[:1], ticket, *args[1:], **kwargs)


def outbox_kinds(ctx: Context) -> list[str]:
    with ctx.sessions() as session:
        return list(session.execute(select(OutboxItem.kind).order_by(OutboxItem.id)).scalars())


def test_reply_is_queued_on_the_tickets_channel_and_delivered(
    ctx: Context, roles: dict[str, Staff], senders: dict[str, CollectingSender]
) -> None:
    ref = new_ticket(ctx, sender="555")
    act(ctx, ref, staff_actions.reply, roles["agent"], "We are on it.")
    assert outbox_kinds(ctx) == ["ack", "reply"]
    deliver_due(ctx)
    delivered = senders["telegram"].sent[-1].text
    assert "We are on it." in delivered and ref in delivered  # the reference heads every reply
    assert senders["telegram"].sent[-1].to == "555"
    ticket = load(ctx, ref)
    assert ticket.first_response_at is not None
    assert ticket.messages[-1].delivery_status == "sent"


def test_note_is_stored_and_never_queued(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx)
    act(ctx, ref, staff_actions.add_note, roles["agent"], "Caller sounded upset.")
    assert outbox_kinds(ctx) == ["ack"]
    note = load(ctx, ref).messages[-1]
    assert (note.direction, note.text, note.delivery_status) == (
        "note",
        "Caller sounded upset.",
        None,
    )


def test_empty_reply_is_refused(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx)
    with pytest.raises(InputError):
        act(ctx, ref, staff_actions.reply, roles["agent"], "   ")


def test_a_reply_of_only_invisible_characters_is_refused_as_empty(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """Zero-width spaces and direction marks alone went to the citizen as a blank reply
    ("A reply about your report ...:" and nothing); the report form already refused them."""
    ref = new_ticket(ctx)
    with pytest.raises(InputError) as refused:
        act(ctx, ref, staff_actions.reply, roles["agent"], "\u200b\u200f \ufeff")
    assert refused.value.key == "reply_empty"
    assert "reply" not in outbox_kinds(ctx)


def test_reclassify_sets_directorate_and_stores_a_routing_correction(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Rats in the restaurant kitchen")
    act(ctx, ref, staff_actions.reclassify, roles["agent"], "pest_control")
    ticket = load(ctx, ref)
    assert (ticket.category, ticket.directorate) == ("pest_control", "health")
    with ctx.sessions() as session:
        correction = session.execute(select(RoutingCorrection)).scalar_one()
    assert correction.category == "pest_control"
    assert "Rats in the restaurant kitchen" in correction.text
    assert "reclassified" in [e.kind for e in ticket.events]


def test_reclassify_to_unknown_category_is_refused(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx)
    with pytest.raises(InputError, match="Unknown category"):
        act(ctx, ref, staff_actions.reclassify, roles["agent"], "nonsense")


@pytest.mark.parametrize("status", [Status.CLOSED, Status.REJECTED, Status.DUPLICATE])
def test_reclassifying_a_finished_ticket_one_at_a_time_is_refused_as_in_bulk(
    ctx: Context, roles: dict[str, Staff], status: Status
) -> None:
    ref = new_ticket(ctx, "Rats in the restaurant kitchen", category="road_damage")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        ticket.status = status
    with pytest.raises(InvalidTransition, match="keeps its category") as refused:
        act(ctx, ref, staff_actions.reclassify, roles["supervisor"], "pest_control")
    assert refused.value.key == "category_kept" and refused.value.params == {"status": status}
    assert load(ctx, ref).category == "road_damage"


def test_assign_to_department_user_of_another_directorate_is_refused(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, category="road_damage")
    with pytest.raises(InputError):
        act(ctx, ref, staff_actions.assign, roles["dispatcher"], "health@mct.om")
    act(ctx, ref, staff_actions.assign, roles["dispatcher"], "roads@mct.om")
    assert load(ctx, ref).assignee.email == "roads@mct.om"  # type: ignore[union-attr]


def test_assigning_the_assignee_it_already_has_writes_no_history(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, category="road_damage")
    act(ctx, ref, staff_actions.assign, roles["dispatcher"], None)
    act(ctx, ref, staff_actions.assign, roles["dispatcher"], "roads@mct.om")
    act(ctx, ref, staff_actions.assign, roles["dispatcher"], "ROADS@mct.om")
    with ctx.sessions() as session:
        kinds = session.execute(select(Event.data).where(Event.kind == "assignee")).scalars()
        assert list(kinds) == [{"from": None, "to": "roads@mct.om"}]


def test_mark_duplicate_links_the_original(ctx: Context, roles: dict[str, Staff]) -> None:
    original = new_ticket(ctx, "Street light out near the mosque")
    repeat = new_ticket(ctx, "Street light still out near the mosque")
    act(ctx, repeat, staff_actions.mark_duplicate, roles["agent"], original)
    ticket = load(ctx, repeat)
    assert ticket.status == Status.DUPLICATE
    assert ticket.duplicate_of is not None and ticket.duplicate_of.reference == original


def test_a_reference_typed_with_arabic_indic_digits_names_the_ticket(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """Typed on an Arabic keyboard, "MCT-٠٠٠٠٠١" was "no such ticket" when marking a duplicate
    (found in the demo, where the inbox search already read those digits)."""
    original = new_ticket(ctx, "Street light out near the mosque")
    repeat = new_ticket(ctx, "Street light still out near the mosque")
    arabic = original.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    persian = original.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert arabic != original
    with ctx.sessions() as session:
        for typed in (arabic, persian, f" {arabic.lower()} "):
            found = ticket_by_reference(session, typed)
            assert found is not None and found.reference == original, typed
    act(ctx, repeat, staff_actions.mark_duplicate, roles["agent"], arabic)
    ticket = load(ctx, repeat)
    assert ticket.duplicate_of is not None and ticket.duplicate_of.reference == original


def test_an_original_cannot_become_a_duplicate_of_its_own_duplicate(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """A loop of duplicates has no original left to close them: both citizens would wait
    for ever, so the second link is refused and the original stays open."""
    original = new_ticket(ctx, "Street light out near the mosque")
    repeat = new_ticket(ctx, "Street light still out near the mosque")
    act(ctx, repeat, staff_actions.mark_duplicate, roles["agent"], original)
    with pytest.raises(InputError) as refused:
        act(ctx, original, staff_actions.mark_duplicate, roles["agent"], repeat)
    assert refused.value.key == "duplicate_loop"
    assert load(ctx, original).status == Status.NEW
    assert load(ctx, original).duplicate_of is None


def test_a_loop_through_a_chain_of_duplicates_is_refused(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    first, second, third = (new_ticket(ctx, f"Street light out, report {i}") for i in range(3))
    act(ctx, second, staff_actions.mark_duplicate, roles["agent"], first)
    act(ctx, third, staff_actions.mark_duplicate, roles["agent"], second)
    with pytest.raises(InputError):
        act(ctx, first, staff_actions.mark_duplicate, roles["agent"], third)
    assert load(ctx, first).status == Status.NEW


def test_a_closed_ticket_cannot_be_the_original_of_a_new_duplicate(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    """The citizen would be told the original "is already being handled" and that its updates
    follow, but a closed original sends none and never closes the duplicate again."""
    original = new_ticket(ctx, "Street light out near the mosque", category="street_lighting")
    for to, note in (("triaged", None), ("assigned", None), ("resolved", "Lamp replaced")):
        act(ctx, original, staff_actions.change_status, roles["dispatcher"], to, note)
    act(ctx, original, staff_actions.change_status, roles["dispatcher"], "closed")
    repeat = new_ticket(ctx, "Street light out near the mosque again")
    with pytest.raises(InputError) as refused:
        act(ctx, repeat, staff_actions.mark_duplicate, roles["agent"], original)
    assert refused.value.key == "original_finished"
    assert load(ctx, repeat).status == Status.NEW
    assert outbox_kinds(ctx).count("duplicate") == 0


def test_a_rejected_ticket_cannot_be_the_original_of_a_duplicate(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    original = new_ticket(ctx, "Neighbour's dog barks")
    act(ctx, original, staff_actions.change_status, roles["agent"], "rejected", "Not ours")
    repeat = new_ticket(ctx, "Neighbour's dog barks all night")
    with pytest.raises(InputError):
        act(ctx, repeat, staff_actions.mark_duplicate, roles["agent"], original)
    assert load(ctx, repeat).status == Status.NEW


def test_change_status_to_closed_from_new_is_an_invalid_transition(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx)
    with pytest.raises(InvalidTransition):
        act(ctx, ref, staff_actions.change_status, roles["dispatcher"], "closed")


def test_phone_call_becomes_a_phone_ticket(ctx: Context, roles: dict[str, Staff]) -> None:
    processed = staff_actions.record_phone_call(
        ctx, roles["agent"], "+968 9123 4567", "Water leaking from a manhole", name="Salim"
    )
    ticket = load(ctx, processed.reference)
    assert ticket.channel == "phone"
    assert ticket.contact.phone == "+96891234567"
    assert [i.address for i in ticket.contact.identities] == ["+96891234567"]
    assert "phone_call" in [e.kind for e in ticket.events]
    assert outbox_kinds(ctx) == []  # nothing can be pushed to a phone


def test_a_callers_extension_is_kept_for_the_call_back(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    processed = staff_actions.record_phone_call(
        ctx, roles["agent"], "2412 3456 تحويلة 12", "Water leaking from a manhole"
    )
    assert load(ctx, processed.reference).contact.phone == "+96824123456;ext=12"


def test_callback_outcome_marks_the_reply_delivered_or_failed(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = staff_actions.record_phone_call(ctx, roles["agent"], "91234567", "Pothole").reference
    task = act(ctx, ref, staff_actions.reply, roles["dispatcher"], "We will fix it tomorrow.")
    act(ctx, ref, staff_actions.record_callback, roles["dispatcher"], task.id, False, "no answer")
    with ctx.sessions() as session:
        message = session.get(Message, task.id)
        assert message is not None
        assert (message.delivery_status, message.delivery_error) == ("failed", "no answer")
    act(ctx, ref, staff_actions.record_callback, roles["dispatcher"], task.id, True)
    with ctx.sessions() as session:
        assert session.get(Message, task.id).delivery_status == "sent"  # type: ignore[union-attr]
        kinds = session.execute(select(Event.kind).where(Event.kind == "callback")).scalars()
        assert len(list(kinds)) == 2


@pytest.mark.parametrize("length", [501, 10_001])
def test_a_call_address_longer_than_kept_is_refused_naming_the_address(
    ctx: Context, roles: dict[str, Staff], length: int
) -> None:
    """An address is kept up to 500 characters: a longer one was cut silently, and past
    10,000 refused as "The note is longer than ...", naming a field the call form lacks."""
    with pytest.raises(InputError) as refused:
        staff_actions.record_phone_call(
            ctx, roles["agent"], "91234567", "Water leak", address="Ruwi " * (length // 5 + 1)
        )
    assert refused.value.key == "address_too_long" and refused.value.params == {"limit": 500}
    with ctx.sessions() as session:
        assert session.execute(select(func.count(Ticket.id))).scalar_one() == 0


def test_a_call_address_of_500_characters_is_kept_whole(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    address = "Ruwi " * 100
    processed = staff_actions.record_phone_call(
        ctx, roles["agent"], "91234567", "Water leak", address=address
    )
    assert load(ctx, processed.reference).address == address.strip()


def test_each_phone_call_is_a_new_ticket_even_from_the_same_number(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    first = staff_actions.record_phone_call(
        ctx, roles["agent"], "91234567", "Pothole", category="road_damage"
    )
    second = staff_actions.record_phone_call(
        ctx, roles["agent"], "91234567", "Stray dogs", category="stray_animals"
    )
    assert first.reference != second.reference
    assert load(ctx, second.reference).category == "stray_animals"


def test_phone_call_needs_a_phone_number(ctx: Context, roles: dict[str, Staff]) -> None:
    with pytest.raises(InputError):
        staff_actions.record_phone_call(ctx, roles["agent"], "call me", "Pothole")


def search(ctx: Context, staff: Staff, q: str) -> list[str]:
    with ctx.sessions() as session:
        page = staff_actions.list_tickets(ctx, session, staff, staff_actions.TicketFilter(q=q))
        return [t.reference for t in page.items]


def test_search_folds_arabic_spelling_variants(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx, "يوجد تسرب مياه أمام مستشفي النهضة")
    other = new_ticket(ctx, "حفرة في الطريق")
    assert search(ctx, roles["agent"], "مستشفى") == [ref]
    assert search(ctx, roles["agent"], "النهضة مستشفى") == [ref]  # every word, any order
    assert search(ctx, roles["agent"], "النهضه") == [ref]
    assert other not in search(ctx, roles["agent"], "مستشفى")


def test_search_finds_later_messages_and_the_reference(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx, "Broken light", sender="777")
    from core.inbound import InboundMessage
    from core.intake.ingest import ingest

    ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender="777", text="قرب مستشفى خولة", external_id="777:2"
        ),
    )
    assert search(ctx, roles["agent"], "مستشفي") == [ref]
    assert search(ctx, roles["agent"], ref.lower()) == [ref]


def test_reindex_rebuilds_search_text(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx, "مستشفى")
    with ctx.sessions() as session, session.begin():
        for ticket in session.execute(select(Ticket)).scalars():
            ticket.search_text = None
    with ctx.sessions() as session, session.begin():
        assert reindex(session) == 1
    assert search(ctx, roles["agent"], "مستشفي") == [ref]


def test_search_needs_every_word_of_the_query(ctx: Context, roles: dict[str, Staff]) -> None:
    ref = new_ticket(ctx, "Pothole near the school")
    assert search(ctx, roles["agent"], "pothole school") == [ref]
    assert search(ctx, roles["agent"], "pothole hospital") == []


def queue(ctx: Context, staff: Staff) -> set[str]:
    with ctx.sessions() as session:
        flt = staff_actions.TicketFilter(queue="mine")
        return {t.reference for t in staff_actions.list_tickets(ctx, session, staff, flt).items}


def test_each_role_sees_its_own_queue(ctx: Context, roles: dict[str, Staff]) -> None:
    fresh = new_ticket(ctx, "new one")
    triaged = new_ticket(ctx, "triaged one", category="road_damage")
    roads = new_ticket(ctx, "roads job", category="road_damage")
    health = new_ticket(ctx, "health job", category="food_safety")
    late = new_ticket(ctx, "late roads job", category="road_damage")
    for ref in (triaged, roads, health, late):
        act(ctx, ref, staff_actions.change_status, roles["agent"], "triaged")
    for ref in (roads, health, late):
        act(ctx, ref, staff_actions.change_status, roles["dispatcher"], "assigned")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, late)
        assert ticket is not None
        ticket.due_at = ctx.now() - timedelta(hours=1)
    assert queue(ctx, roles["agent"]) == {fresh}
    assert queue(ctx, roles["dispatcher"]) == {triaged}
    assert queue(ctx, roles["roads"]) == {roads, late}
    assert queue(ctx, roles["health"]) == {health}
    assert queue(ctx, roles["supervisor"]) == {late}


def test_department_listing_never_includes_other_directorates(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    mine = new_ticket(ctx, "roads", category="road_damage")
    new_ticket(ctx, "health", category="food_safety")
    new_ticket(ctx, "unclassified")
    with ctx.sessions() as session:
        page = staff_actions.list_tickets(
            ctx, session, roles["roads"], staff_actions.TicketFilter()
        )
    assert [t.reference for t in page.items] == [mine]
    assert page.total == 1


def test_listing_filters_and_pages(ctx: Context, roles: dict[str, Staff]) -> None:
    refs = [new_ticket(ctx, f"Pothole {i}", category="road_damage") for i in range(5)]
    new_ticket(ctx, "Email about rats", channel="email", category="pest_control")
    with ctx.sessions() as session:
        flt = staff_actions.TicketFilter(channel="telegram", directorate="roads")
        first = staff_actions.list_tickets(ctx, session, roles["admin"], flt, page=1, per_page=2)
        third = staff_actions.list_tickets(ctx, session, roles["admin"], flt, page=3, per_page=2)
        by_cat = staff_actions.list_tickets(
            ctx, session, roles["admin"], staff_actions.TicketFilter(category="pest_control")
        )
    assert (first.total, first.pages, len(first.items), len(third.items)) == (5, 3, 2, 1)
    seen = {t.reference for t in first.items} | {t.reference for t in third.items}
    assert seen <= set(refs)
    assert [t.channel for t in by_cat.items] == ["email"]


def test_stats_count_a_known_set_by_each_dimension(ctx: Context, roles: dict[str, Staff]) -> None:
    a = new_ticket(ctx, "Pothole", category="road_damage")
    new_ticket(ctx, "Another pothole", category="road_damage")
    new_ticket(ctx, "Rats", channel="email", category="pest_control")
    old = new_ticket(ctx, "Old one", category="road_damage")
    act(ctx, a, staff_actions.change_status, roles["agent"], "triaged")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, old)
        assert ticket is not None
        ticket.created_at = datetime(2020, 1, 1, tzinfo=UTC)
    since, until = parse_period("2024-01-01", None, MUSCAT)
    with ctx.sessions() as session:
        figures = compute_stats(session, since, until)
        everything = compute_stats(session)
        only_2020 = compute_stats(session, *parse_period("2020-01-01", "2020-01-01", MUSCAT))
        by_category = compute_stats(session, since, until, group_by="category")
        by_channel = compute_stats(session, since, until, group_by="channel")
    assert figures["totals"]["tickets"] == 3 and everything["totals"]["tickets"] == 4
    assert only_2020["totals"]["tickets"] == 1
    assert (figures["totals"]["open"], figures["totals"]["closed"]) == (3, 0)

    def counts(result: dict[str, Any]) -> dict[str, int]:
        return {g["key"]: g["tickets"] for g in result["groups"]}

    assert counts(figures) == {"health": 1, "roads": 2}
    assert counts(by_category) == {"pest_control": 1, "road_damage": 2}
    assert counts(by_channel) == {"email": 1, "telegram": 2}
    assert "telegram,2," in stats_csv(by_channel)


def test_stats_reject_a_bad_date() -> None:
    with pytest.raises(InputError, match="since"):
        parse_period("yesterday", None, MUSCAT)


def test_ticket_count_is_unchanged_by_a_refused_action(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ref = new_ticket(ctx)
    with pytest.raises(InputError):
        act(ctx, ref, staff_actions.mark_duplicate, roles["agent"], ref)
    with ctx.sessions() as session:
        assert session.execute(select(func.count(Ticket.id))).scalar_one() == 1
    assert load(ctx, ref).status == "new"


def test_stats_command_prints_json_and_csv(ctx: Context, roles: dict[str, Staff]) -> None:
    import json

    from click.testing import CliRunner

    import balagh.cli.stats  # noqa: F401  (registers the command)
    from balagh.cli import cli

    new_ticket(ctx, "Pothole", category="road_damage")
    env = {
        "BALAGH_DATABASE_URL": ctx.settings.effective_database_url,
        "BALAGH_DATA_DIR": str(ctx.data_dir),
    }
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--since", "2000-01-01", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    roads = [g for g in printed["groups"] if g["key"] == "roads"]
    assert printed["group_by"] == "directorate" and roads[0]["tickets"] == 1
    assert [g["tickets"] for g in printed["groups"] if g["key"] != "roads"] == [0] * 7
    result = runner.invoke(cli, ["stats", "--group-by", "channel", "--format", "csv"], env=env)
    lines = result.output.splitlines()
    assert lines[0].startswith("channel,tickets,") and lines[1].startswith("telegram,1,")
