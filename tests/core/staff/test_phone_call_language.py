"""A recorded phone call: the language the agent picks is the language the caller speaks.

The agent often types the summary in another language than the call (an Arabic call noted in
English); the ticket, the contact and every later message to the citizen follow the agent's
choice, not detection from the summary. Without a choice, detection decides as before.
"""

from __future__ import annotations

import pytest

from core.context import Context
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from tests.staffkit import load, the_roles

ENGLISH_SUMMARY = "Caller reports a water leak from a manhole near the Seeb roundabout"
ARABIC_SUMMARY = "المتصل يبلغ عن تسرب مياه من غرفة التفتيش قرب دوار السيب"


@pytest.fixture
def roles(ctx: Context) -> dict[str, Staff]:
    ctx.router = UnroutedRouter()
    return the_roles(ctx)


@pytest.mark.parametrize(
    ("summary", "chosen"),
    [(ENGLISH_SUMMARY, "ar"), (ARABIC_SUMMARY, "en")],
    ids=["arabic-call-english-summary", "english-call-arabic-summary"],
)
def test_the_agents_language_choice_wins_over_the_summarys_language(
    ctx: Context, roles: dict[str, Staff], summary: str, chosen: str
) -> None:
    processed = staff_actions.record_phone_call(
        ctx, roles["agent"], "+968 9123 4567", summary, language=chosen
    )
    ticket = load(ctx, processed.reference)
    assert ticket.language == chosen
    assert ticket.contact.language == chosen


def test_without_a_choice_the_summary_is_detected(ctx: Context, roles: dict[str, Staff]) -> None:
    processed = staff_actions.record_phone_call(ctx, roles["agent"], "91234567", ENGLISH_SUMMARY)
    assert load(ctx, processed.reference).language == "en"


def test_a_channels_guess_stays_a_hint_that_detection_overrides(ctx: Context) -> None:
    ctx.router = UnroutedRouter()
    processed = ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender="77",
            text=ENGLISH_SUMMARY,
            external_id="77:1",
            language_hint="ar",
            thread=ThreadHints(new_ticket=True),
        ),
    )
    assert load(ctx, processed.reference).language == "en"
