"""The caller's number as an agent types or pastes it, on the call form and the API alike."""

from __future__ import annotations

import pytest

from core.context import Context
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from tests.staffkit import load, the_roles


@pytest.mark.parametrize(
    "typed",
    ["\u200e+968 9123 4567", "\u2066٩١٢٣ ٤٥٦٧\u2069", "\u202a+968\u200b91234567\u202c"],
)
def test_a_number_copied_with_invisible_direction_marks_is_read_not_refused(
    ctx: Context, typed: str
) -> None:
    """A number copied from an Arabic page or contact card carries direction marks and
    joiners (Unicode format characters) around or inside it; they were refused as not digits."""
    ctx.router = UnroutedRouter()
    agent = the_roles(ctx)["agent"]
    processed = staff_actions.record_phone_call(ctx, agent, typed, "Pothole")
    assert load(ctx, processed.reference).contact.phone == "+96891234567"
