"""Core's refusals as staff read them, and the one way an inbox action runs and says so.

Every action button (on a ticket, on an incident) runs in one transaction: a refusal is
shown on the page and nothing is half-done; "not found" and "forbidden" go on to the
blueprint's error pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import flash
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from channels.web.inbox.auth import ctx, current_staff, t
from channels.web.inbox.i18n import has_word
from core.errors import BalaghError, Forbidden, InputError, InvalidTransition, NotFound
from core.staff.permissions import Staff

Found = TypeVar("Found")

# Core's refusal parameters that name a code the inbox has words for (status_new, role_agent).
LABELLED_PARAMS = {
    "status": "status",
    "from_status": "status",
    "to_status": "status",
    "role": "role",
    "language": "language",
}


def refusal(exc: BalaghError) -> Markup:
    """Core's refusal in the staff member's language, ready for `flash`.

    A key the inbox has words for is shown in those words, each parameter isolated in a
    <bdi> so an email, a date or a code keeps its own direction inside Arabic text. Without
    words, core's English message is shown, isolated as left-to-right English, so its
    punctuation is not scrambled on a right-to-left page.
    """
    if not has_word(exc.key or ""):
        return Markup('<bdi dir="ltr" lang="en">{}</bdi>').format(str(exc))
    params = {
        name: Markup("<bdi>{}</bdi>").format(_param_word(name, value))
        for name, value in exc.params.items()
    }
    return escape(t(str(exc.key))).format(**params)


def _param_word(name: str, value: object) -> str:
    """A status or role code as the inbox names it; anything else as it is."""
    group = LABELLED_PARAMS.get(name)
    if group and has_word(f"{group}_{value}"):
        return t(f"{group}_{value}")
    return str(value)


def act_once(
    find: Callable[[Session, Staff], Found],
    action: Callable[[Staff, Session, Found], object],
    said: Callable[[Any], str],
) -> None:
    """Run `action` on what `find` loads, in one transaction, and flash the outcome: the
    refusal (the staff member's mistake, a move the workflow forbids) or `said(result)`."""
    staff = current_staff()
    try:
        with ctx().sessions() as db, db.begin():
            result = action(staff, db, find(db, staff))
    except (InputError, InvalidTransition) as exc:
        flash(refusal(exc), "error")
    except (NotFound, Forbidden):
        raise
    except BalaghError as exc:  # pragma: no cover - a new error type not mapped yet
        flash(refusal(exc), "error")
    else:
        flash(said(result), "info")
