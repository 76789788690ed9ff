"""Who chose the category at intake: staff decide, citizens hint, and both are on record.

A member of staff recording a phone call knows the case: the category they choose is the
ticket's, whatever the router says; the router's answer stays in the routing event, and a
choice that differs from it is a routing correction the router learns from. A citizen's choice
(web form) is a hint the router may overrule, recorded every time. Phone numbers typed in
Arabic-Indic digits are accepted, as on the citizen form.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.followup.retrain import load_corrections
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.models import Event, RoutingCorrection, Status, Ticket
from core.routing.types import Classification
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from tests.staffkit import app_for, bearer, load, login, make_staff, post_form, token_for

POTHOLE = Classification("road_damage", "roads", 0.93, alternatives=(("traffic_signs", 0.04),))
DOG = "A stray dog bit a child near the school"


class FixedRouter:
    """Answers one fixed classification: pins the policy, not the model."""

    def __init__(self, answer: Classification) -> None:
        self.answer = answer

    def classify(self, text: str) -> Classification:
        return self.answer


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = FixedRouter(POTHOLE)  # confident, and wrong for a dog bite
    return {
        "agent": make_staff(ctx, "agent@mct.om", "agent"),
        "dispatcher": make_staff(ctx, "disp@mct.om", "dispatcher"),
    }


def call(ctx: Context, staff: Staff, category: str | None = "stray_animals") -> Ticket:
    processed = staff_actions.record_phone_call(
        ctx, staff, "+968 9123 4567", DOG, language="en", category=category
    )
    return load(ctx, processed.reference)


def kinds(ticket: Ticket, kind: str) -> list[Event]:
    return [e for e in ticket.events if e.kind == kind]


def corrections(ctx: Context) -> list[RoutingCorrection]:
    with ctx.sessions() as session:
        return list(session.execute(select(RoutingCorrection)).scalars())


# --- phone numbers -----------------------------------------------------------------------


def test_phone_number_in_arabic_indic_digits_is_stored_in_e164_for_oman(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    processed = staff_actions.record_phone_call(ctx, roles["agent"], "٩٩١٢٣٤٥٦", "Pothole")
    assert load(ctx, processed.reference).contact.phone == "+96899123456"


def test_phone_number_with_00_and_persian_digits_is_stored_with_a_plus(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    processed = staff_actions.record_phone_call(ctx, roles["agent"], "۰۰۹۶۸ ۹۹۱۲-۳۴۵۶", "Pothole")
    assert load(ctx, processed.reference).contact.phone == "+96899123456"


# --- a category chosen by staff ----------------------------------------------------------


def test_staff_category_wins_over_a_confident_router(ctx: Context, roles: dict[str, Staff]) -> None:
    ticket = call(ctx, roles["agent"])
    assert (ticket.status, ticket.category, ticket.directorate) == (
        Status.TRIAGED,
        "stray_animals",
        "health",
    )


def test_staff_category_triages_a_ticket_the_router_is_unsure_about(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, confidence=0.2))
    ticket = call(ctx, roles["agent"])
    assert (ticket.status, ticket.category) == (Status.TRIAGED, "stray_animals")


def test_routing_event_keeps_the_routers_suggestion_when_staff_chose(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ticket = call(ctx, roles["agent"])
    (routed,) = kinds(ticket, "routed")
    assert routed.data["category"] == "road_damage" and routed.data["confidence"] == 0.93
    assert ticket.routing is not None and ticket.routing["category"] == "road_damage"


def test_staff_category_event_names_who_chose_what_over_which_suggestion(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ticket = call(ctx, roles["agent"])
    (chosen,) = kinds(ticket, "staff_category")
    assert (chosen.actor, chosen.actor_id) == ("agent@mct.om", roles["agent"].id)
    assert chosen.data["category"] == "stray_animals"
    assert chosen.data["suggested"] == "road_damage"


def test_triage_to_the_staff_category_is_in_the_staff_members_name(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ticket = call(ctx, roles["agent"])
    (triage,) = [e for e in kinds(ticket, "transition") if e.data["to"] == Status.TRIAGED]
    assert triage.actor == "agent@mct.om"


def test_staff_choice_that_differs_from_the_router_is_a_routing_correction(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ticket = call(ctx, roles["agent"])
    (correction,) = corrections(ctx)
    assert (correction.ticket_id, correction.predicted, correction.category) == (
        ticket.id,
        "road_damage",
        "stray_animals",
    )
    assert correction.user_id == roles["agent"].id and DOG in correction.text
    assert (correction.text, "stray_animals") in load_corrections(ctx)


def test_staff_choice_that_agrees_with_the_router_is_no_correction(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ticket = call(ctx, roles["agent"], category="road_damage")
    assert ticket.category == "road_damage" and ticket.status == Status.TRIAGED
    assert corrections(ctx) == []


def test_staff_category_overrules_the_routers_spam_flag(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, not_for_us="spam"))
    ticket = call(ctx, roles["agent"])
    assert (ticket.status, ticket.category, ticket.not_for_us) == (
        Status.TRIAGED,
        "stray_animals",
        None,
    )
    assert ticket.routing is not None and ticket.routing["not_for_us"] == "spam"


def test_call_without_a_category_is_routed_by_the_router(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    ticket = call(ctx, roles["agent"], category=None)
    assert (ticket.status, ticket.category) == (Status.TRIAGED, "road_damage")
    assert kinds(ticket, "staff_category") == [] and corrections(ctx) == []


def test_api_call_with_a_category_is_triaged_to_it(ctx: Context, roles: dict[str, Staff]) -> None:
    response = (
        app_for(ctx)
        .test_client()
        .post(
            "/api/v1/calls",
            json={"phone": "٩٩١٢٣٤٥٦", "text": DOG, "category": "stray_animals"},
            headers=bearer(token_for(ctx, "agent@mct.om")),
        )
    )
    assert response.status_code == 201
    body = response.get_json()
    assert (body["status"], body["category"]) == ("triaged", "stray_animals")


def test_inbox_call_form_category_is_the_tickets_category(
    ctx: Context, roles: dict[str, Staff]
) -> None:
    client: FlaskClient = app_for(ctx).test_client()
    assert login(client, "disp@mct.om").status_code == 302
    response = post_form(
        client, "/inbox/call", {"phone": "99887766", "text": DOG, "category": "stray_animals"}
    )
    assert response.status_code == 302
    ticket = load(ctx, response.headers["Location"].rsplit("/", 1)[-1])
    assert (ticket.status, ticket.category) == (Status.TRIAGED, "stray_animals")
    assert kinds(ticket, "staff_category")[0].actor == "disp@mct.om"


# --- a category chosen by the citizen ----------------------------------------------------


def web_report(ctx: Context, category: str, sender: str = "web-1") -> Ticket:
    processed = ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender=sender,
            text=DOG,
            external_id=f"{sender}:1",
            category_hint=category,
            thread=ThreadHints(new_ticket=True),
        ),
    )
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        _ = ticket.events
        return ticket


def test_citizen_category_is_recorded_even_when_the_confident_router_overrules_it(
    ctx: Context,
) -> None:
    ctx.router = FixedRouter(POTHOLE)
    ticket = web_report(ctx, "stray_animals")
    assert ticket.category == "road_damage"  # a citizen's choice is a hint
    (hint,) = kinds(ticket, "citizen_category")
    assert hint.data["category"] == "stray_animals" and hint.data["applied"] is False
    assert corrections(ctx) == []


def test_citizen_category_classifies_a_ticket_the_router_is_unsure_about(ctx: Context) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, confidence=0.2))
    ticket = web_report(ctx, "stray_animals")
    assert (ticket.status, ticket.category) == (Status.NEW, "stray_animals")
    (hint,) = kinds(ticket, "citizen_category")
    assert hint.data["applied"] is True
