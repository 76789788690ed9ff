"""A new channel is its folder and one registry entry: core needs no edit.

The pigeon channel (tests/balagh/pigeon/) is added to `balagh.wiring.CHANNELS` and nothing
else; a note it carries becomes a ticket, the router classifies it, and the acknowledgement
and a staff reply fly back on the pigeon channel in the citizen's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from balagh import wiring
from core.context import Context
from core.delivery.outbox import deliver_due
from core.models import Status, Ticket
from core.staff.actions import reply
from tests.balagh.pigeon.adapter import Loft, Note, land
from tests.balagh.pigeon.channel import CHANNEL as PIGEON
from tests.conftest import empty_tables, make_settings
from tests.staffkit import make_staff

ARABIC = re.compile(r"[\u0600-\u06FF]")
NOTES = {
    "ar": "في حفرة كبيرة قدام المخبز في الخوير، الرجاء التصليح بسرعة قبل ما تتضرر السيارات",
    "en": "There is a large pothole on Way 2740 in Al Khuwair, right outside the bakery. "
    "Two cars have already damaged their tyres this week.",
}


@pytest.fixture
def pigeon_ctx(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str, routing_model: Any
) -> Iterator[Context]:
    """The real composition with one more registry entry, and the trained router."""
    from core.routing.classifier import ModelStore
    from core.routing.router import ModelRouter
    from core.routing.taxonomy import load_taxonomy

    monkeypatch.setattr(wiring, "CHANNELS", (*wiring.CHANNELS, PIGEON))
    store = ModelStore(tmp_path / "data", load_taxonomy(None))
    store._model = routing_model
    context = wiring.build_context(
        make_settings(tmp_path / "data", database_url), router=ModelRouter(store)
    )
    empty_tables(context)
    yield context
    context.engine.dispose()


def _loft(ctx: Context) -> Loft:
    loft = ctx.senders.get("pigeon")
    assert isinstance(loft, Loft), "the registry entry registered the channel's sender"
    return loft


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_note_by_pigeon_becomes_a_routed_ticket_answered_by_pigeon_in_its_language(
    pigeon_ctx: Context, language: str
) -> None:
    ctx = pigeon_ctx
    processed = land(ctx, Note(ring="ring-17", words=NOTES[language], flight="flight-1"))
    assert processed.created
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        assert (ticket.channel, ticket.language) == ("pigeon", language)
        assert (ticket.category, ticket.status) == ("road_damage", Status.TRIAGED)

    deliver_due(ctx)
    (ack,) = _loft(ctx).flown
    assert (ack.channel, ack.to, ack.kind, ack.language) == ("pigeon", "ring-17", "ack", language)
    assert processed.reference in ack.text
    assert bool(ARABIC.search(ack.text)) == (language == "ar")

    supervisor = make_staff(ctx, "super@mct.om", "supervisor")
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        reply(ctx, session, supervisor, ticket, "A crew will fill it on Sunday.")
    deliver_due(ctx)
    answer = _loft(ctx).flown[-1]
    assert (answer.channel, answer.to, answer.kind, answer.language) == (
        "pigeon",
        "ring-17",
        "reply",
        language,
    )
    assert processed.reference in answer.text and "Sunday" in answer.text
    assert bool(ARABIC.search(answer.text)) == (language == "ar")


def test_without_its_registry_entry_the_pigeon_channel_can_do_nothing(ctx: Context) -> None:
    """The entry is what plugs it in: unregistered, core neither knows it nor delivers on it."""
    assert ctx.senders.get("pigeon") is None
    assert ctx.channels.of("pigeon") == ctx.channels.of("no-such-channel")
