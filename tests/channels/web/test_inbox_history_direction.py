"""A ticket's history says which way a change went in the reader's language.

The history wrote "from → to" with a fixed arrow; in Arabic, right to left, "مسجّل → محال
للقسم" puts the first status on the right and the arrow pointing back at it, so every move
read backwards. The history now words a change as the Update's summary does ("من ... إلى ...").
"""

from __future__ import annotations

from core.context import Context
from core.models import Status
from core.tickets import ticket_by_reference
from core.workflow.transitions import Actor, transition
from tests.staffkit import app_for, make_staff, new_ticket, signed_in

DISPATCHER = Actor(name="disp@mct.om", role="dispatcher")


def _moved_ticket(ctx: Context) -> str:
    reference = new_ticket(ctx, category="road_damage")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, DISPATCHER)
        transition(ctx, session, ticket, Status.ASSIGNED, DISPATCHER)
    return reference


def _history(ctx: Context, reference: str, language: str) -> str:
    make_staff(ctx, "disp@mct.om", "dispatcher", language=language)
    page = signed_in(app_for(ctx), "disp@mct.om", language).get(f"/inbox/t/{reference}")
    html = page.get_data(as_text=True)
    return html[html.index('class="events"') :]


def test_the_arabic_history_words_a_move_from_and_to(ctx: Context) -> None:
    history = _history(ctx, _moved_ticket(ctx), "ar")
    assert "→" not in history
    assert "من مسجّل إلى محال للقسم" in history


def test_the_english_history_keeps_its_arrow(ctx: Context) -> None:
    history = _history(ctx, _moved_ticket(ctx), "en")
    assert "→" in history


def test_a_history_line_has_no_space_before_its_colon(ctx: Context) -> None:
    """The template's line break before the detail rendered as "disp@mct.om : من ...",
    a space before the colon in both languages."""
    history = _history(ctx, _moved_ticket(ctx), "ar")
    line = history[history.index("من مسجّل إلى محال للقسم") - 40 : history.index("من مسجّل")]
    assert " :" not in line and ":" in line
