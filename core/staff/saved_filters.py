"""Saved filters (issue 20, item 5): a queue view a member of staff names and comes back to.

A saved filter is the queue's query string, cut down to the filter's own fields
(`TicketFilter`), so a page number, a token or anything a URL carried besides is not kept.
Each person sees and deletes only their own: another person's filter does not exist for
them (NotFound -> 404). Saving under a name already used replaces that filter's query.
"""

from __future__ import annotations

from dataclasses import fields
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.context import Context
from core.errors import InputError, NotFound
from core.models import SavedFilter
from core.staff.actions import TicketFilter
from core.staff.permissions import Staff
from core.storable import plain_label, storable_text, visible_or_empty

FILTER_KEYS = frozenset(f.name for f in fields(TicketFilter))
MAX_NAME = 100
MAX_QUERY = 2000
MAX_PER_USER = 50


def filter_query(query_string: str) -> str:
    """The query string's filter fields only, in a stable order ("queue=all&status=new")."""
    pairs = parse_qsl((query_string or "").lstrip("?"), keep_blank_values=False)
    kept = [(k, storable_text(v)) for k, v in pairs if k in FILTER_KEYS and v.strip()]
    return urlencode(sorted(kept))


def save_filter(
    ctx: Context, session: Session, staff: Staff, name: str, query_string: str
) -> SavedFilter:
    """Keep the queue's filter under a name of this person's (the same name: replaced)."""
    # no bidi override reorders the list; nothing visible (zero-width characters) is no name
    label = " ".join(visible_or_empty(plain_label(name or "")).split())
    if not label:
        raise InputError("Give the filter a name.", "filter_name_empty")
    if len(label) > MAX_NAME:
        raise InputError(
            f"The name is longer than {MAX_NAME} characters.",
            "filter_name_too_long",
            limit=MAX_NAME,
        )
    query = filter_query(query_string)
    if len(query) > MAX_QUERY:
        raise InputError("This filter is too long to keep.", "filter_too_long")
    found = session.execute(
        select(SavedFilter).where(SavedFilter.user_id == staff.id, SavedFilter.name == label)
    ).scalar_one_or_none()
    if found is not None:
        found.query = query
        return found
    if _count(session, staff) >= MAX_PER_USER:
        raise InputError(
            f"You keep {MAX_PER_USER} filters already; delete one first.",
            "filters_full",
            limit=MAX_PER_USER,
        )
    saved = SavedFilter(user_id=staff.id, name=label, query=query, created_at=ctx.now())
    session.add(saved)
    session.flush()
    return saved


def _count(session: Session, staff: Staff) -> int:
    query = select(func.count(SavedFilter.id)).where(SavedFilter.user_id == staff.id)
    return int(session.execute(query).scalar_one())


def list_filters(session: Session, staff: Staff) -> list[SavedFilter]:
    """This person's saved filters, by name."""
    query = select(SavedFilter).where(SavedFilter.user_id == staff.id).order_by(SavedFilter.name)
    return list(session.execute(query).scalars())


def delete_filter(session: Session, staff: Staff, filter_id: int) -> None:
    """Delete one of this person's filters; anyone else's is NotFound."""
    found = session.get(SavedFilter, filter_id)
    if found is None or found.user_id != staff.id:
        raise NotFound("No such saved filter.")
    session.delete(found)
