"""Ticket search that folds Arabic spelling variants, the same on SQLite and PostgreSQL.

Choice: a normalised copy of what staff search (reference, subject, citizen messages) lives in
`Ticket.search_text`, kept up to date by a `before_flush` hook on Balagh's sessionmaker. A
search normalises the query the same way (`normalize_arabic`) and matches with a plain LIKE,
so "مستشفى" finds "مستشفي" without database extensions, and pagination stays exact.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, event, select
from sqlalchemy.orm import Session, sessionmaker

from core.language.normalize import normalize_arabic
from core.models import Direction, Message, Ticket


def _append(ticket: Ticket, text: str | None) -> None:
    folded = normalize_arabic(text or "")
    if not folded:
        return
    current = ticket.search_text or ""
    if folded in current:
        return
    ticket.search_text = f"{current} {folded}".strip()


def _index_new_objects(session: Session, _context: Any, _instances: Any) -> None:
    """Before each flush: fold new tickets' reference and subject and new citizen text."""
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Ticket):
            _append(obj, obj.reference)
            _append(obj, obj.subject)
        elif isinstance(obj, Message) and obj.direction == Direction.IN:
            ticket = obj.ticket or (session.get(Ticket, obj.ticket_id) if obj.ticket_id else None)
            if ticket is not None:
                _append(ticket, obj.text)


def install_search_index(sessions: sessionmaker[Session]) -> None:
    """Keep `Ticket.search_text` current for every session this factory makes."""
    if not event.contains(sessions, "before_flush", _index_new_objects):
        event.listen(sessions, "before_flush", _index_new_objects)


def reindex(session: Session) -> int:
    """Rebuild every ticket's search text from scratch (after a bulk import); returns count."""
    count = 0
    for ticket in session.execute(select(Ticket)).scalars():
        ticket.search_text = None
        _append(ticket, ticket.reference)
        _append(ticket, ticket.subject)
        for message in ticket.messages:
            if message.direction == Direction.IN:
                _append(ticket, message.text)
        count += 1
    return count


def search_clause(query: str) -> ColumnElement[bool] | None:
    """A WHERE clause matching every normalised word of the query, or None when empty."""
    words = normalize_arabic(query).split()
    if not words:
        return None
    from sqlalchemy import and_

    clauses = [Ticket.search_text.like(f"%{_escape(w)}%", escape="\\") for w in words]
    return and_(*clauses)


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
