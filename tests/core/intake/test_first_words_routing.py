"""A chat report that begins without words is routed when its first words arrive.

On Telegram and WhatsApp a citizen often shares the place or a photo first and describes the
problem after. The ticket opens on the wordless message, so the router had nothing to read,
and the description that followed was only screened against a category the ticket did not
have: the report stayed unclassified in intake's queue however plain its words were.
"""

from __future__ import annotations

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage, Location
from core.intake.ingest import ingest
from core.models import Event, Status, Ticket

LIGHT = "The street light on Way 3021 in Azaiba has been broken for a week"


def write(ctx: Context, n: int, text: str = "", location: Location | None = None) -> Ticket:
    tid = ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender="901", text=text, external_id=f"901:{n}", location=location
        ),
    ).ticket_id
    with ctx.sessions() as session:
        found = session.get(Ticket, tid)
        assert found is not None
        return found


def routed_events(ctx: Context, tid: int) -> list[Event]:
    with ctx.sessions() as session:
        query = select(Event).where(Event.ticket_id == tid, Event.kind == "routed")
        return list(session.execute(query.order_by(Event.id)).scalars())


def test_a_place_then_the_words_routes_the_report_on_its_words(routed_ctx: Context) -> None:
    first = write(routed_ctx, 1, location=Location(23.6, 58.4))
    assert (first.category, first.status) == (None, Status.NEW)
    again = write(routed_ctx, 2, LIGHT)
    assert again.id == first.id
    assert (again.category, again.directorate) == ("street_lighting", "roads")
    assert again.status == Status.TRIAGED
    late = routed_events(routed_ctx, again.id)[-1]
    assert late.data["category"] == "street_lighting" and late.data["late"] is True
    assert again.attention is None  # its own problem, not "a different problem"


def test_a_report_already_routed_on_words_is_left_to_intake(routed_ctx: Context) -> None:
    first = write(routed_ctx, 1, "hello?")  # words the router could not place
    assert first.category is None
    again = write(routed_ctx, 2, LIGHT)
    assert again.id == first.id and again.category is None and again.status == Status.NEW
    assert len(routed_events(routed_ctx, again.id)) == 1


def test_unsure_first_words_leave_the_report_to_intake(routed_ctx: Context) -> None:
    first = write(routed_ctx, 1, location=Location(23.6, 58.4))
    again = write(routed_ctx, 2, "please come")
    assert again.id == first.id and again.category is None and again.status == Status.NEW
