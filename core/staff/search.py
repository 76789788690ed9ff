"""Ticket search that folds Arabic spelling variants, the same on SQLite and PostgreSQL.

Choice: a normalised copy of what staff search (reference, subject, the address the citizen
gave, citizen messages) lives in
`Ticket.search_text`, kept up to date by a `before_flush` hook on Balagh's sessionmaker. A
search normalises the query the same way (`normalize_arabic`) and matches with a plain LIKE,
so "مستشفى" finds "مستشفي" without database extensions, and pagination stays exact.
The contact's name, phone and email are folded in too, so staff find a caller by number.

A query word matches anywhere inside the text, as before; a word carrying the definite
article (الكلاب, بالحفرة) also matches its bare form at the start of a word (كلاب) or after
any article (للكلاب). A bare word already matches the article forms, being inside them, so
both directions work without touching what is stored. An email address in a query is found
as a whole: its folded words (salim h example com) must stand together, in that order, not
each anywhere (where "h" or "ar" is inside half the reports).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, false, inspect, or_, select
from sqlalchemy.orm import Session, sessionmaker

from core.db import listen_once
from core.language.normalize import normalize_arabic, strip_article
from core.models import Contact, Direction, Message, Ticket
from core.phones import phones_as_national_numbers

CONTACT_FIELDS = ("name", "phone", "email")
# A stem this long matches at the start of any word; a shorter one only as a whole word, so
# الحي finds حي but not every حيث.
PREFIX_STEM = 3


def _append(ticket: Ticket, text: str | None) -> None:
    folded = normalize_arabic(text or "")
    if not folded:
        return
    current = ticket.search_text or ""
    if folded in current:
        return
    ticket.search_text = f"{current} {folded}".strip()


def _append_contact(ticket: Ticket, contact: Contact | None) -> None:
    if contact is not None:
        for name in CONTACT_FIELDS:
            _append(ticket, getattr(contact, name))


def _contact_changed(contact: Contact) -> bool:
    state = inspect(contact)
    return any(state.attrs[name].history.has_changes() for name in CONTACT_FIELDS)


def _index_new_objects(session: Session, _context: Any, _instances: Any) -> None:
    """Before each flush: fold new tickets' reference, subject, address and contact, new
    citizen text, and a contact's new name, phone or email into each of its tickets.

    Tickets first, then messages and contacts, each in the session's own order, never a
    Python set's (which follows memory addresses): a new ticket's words were stored reference
    first in one run and its message first in the next."""
    new = session.new
    changed = [*new, *session.dirty]
    for obj in changed:
        if isinstance(obj, Ticket):
            _index_ticket(session, obj, obj in new)
    for obj in changed:
        if isinstance(obj, Message) and obj.direction == Direction.IN:
            ticket = obj.ticket or (session.get(Ticket, obj.ticket_id) if obj.ticket_id else None)
            if ticket is not None:
                _append(ticket, obj.text)
        elif isinstance(obj, Contact) and obj not in new and _contact_changed(obj):
            for ticket in obj.tickets:
                _append_contact(ticket, obj)


def _index_ticket(session: Session, ticket: Ticket, is_new: bool) -> None:
    """A ticket's own words (reference, subject, address), and its contact's when new."""
    _append(ticket, ticket.reference)
    _append(ticket, ticket.subject)
    _append(ticket, ticket.address)
    if is_new:
        contact = ticket.contact or (
            session.get(Contact, ticket.contact_id) if ticket.contact_id else None
        )
        _append_contact(ticket, contact)


def install_search_index(sessions: sessionmaker[Session]) -> None:
    """Keep `Ticket.search_text` current for every session this factory makes."""
    listen_once(sessions, "before_flush", _index_new_objects)


def reindex(session: Session) -> int:
    """Rebuild every ticket's search text from scratch (after a bulk import); returns count."""
    count = 0
    for ticket in session.execute(select(Ticket)).scalars():
        ticket.search_text = None
        _append(ticket, ticket.reference)
        _append(ticket, ticket.subject)
        _append(ticket, ticket.address)
        _append_contact(ticket, ticket.contact)
        for message in ticket.messages:
            if message.direction == Direction.IN:
                _append(ticket, message.text)
        count += 1
    return count


MAX_QUERY_CHARS = 200  # a search box line; SQLite refuses LIKE patterns over 50,000 bytes
MAX_QUERY_WORDS = 12  # each word is a few LIKE terms; SQLite caps an expression's depth


def search_words(query: str | None) -> list[str]:
    """The normalised words a query searches for; none for blank or punctuation-only text.

    Only the first MAX_QUERY_CHARS characters and MAX_QUERY_WORDS words count: no one types
    more, and a 100,000-character query must not reach the database as a pattern.
    """
    folded = normalize_arabic((query or "")[:MAX_QUERY_CHARS])
    return phones_as_national_numbers(folded).split()[:MAX_QUERY_WORDS]


def search_clause(query: str) -> ColumnElement[bool] | None:
    """A WHERE clause matching every normalised word of the query; None for a blank query.

    A query of punctuation or LIKE wildcards alone (`%`, `_`, `'`) has nothing to look for,
    so it matches no ticket rather than every ticket.
    """
    if not query.strip():
        return None
    words = search_words(query)
    if not words:
        return false()
    emails = [_like(f"%{_escape(email)}%") for email in _emails(query)]
    return and_(*(_word_clause(word) for word in words), *emails)


def _emails(query: str) -> list[str]:
    """The email addresses of a query, folded as the stored text folds them (words in order)."""
    tokens = query[:MAX_QUERY_CHARS].split()[:MAX_QUERY_WORDS]
    return [normalize_arabic(token) for token in tokens if "@" in token.strip("@")]


def _word_clause(word: str) -> ColumnElement[bool]:
    """One word, found inside the text; with its article, also its bare or other forms."""
    stem = strip_article(word)
    if stem == word:
        return _like(f"%{_escape(word)}%")
    s = _escape(stem)
    after_article = [_like(f"%ال{s}%"), _like(f"%لل{s}%")]
    if len(stem) >= PREFIX_STEM:
        bare = [_like(f"{s}%"), _like(f"% {s}%")]
    else:
        bare = [Ticket.search_text == stem, _like(f"{s} %"), _like(f"% {s}"), _like(f"% {s} %")]
    return or_(*after_article, *bare)


def _like(pattern: str) -> ColumnElement[bool]:
    return Ticket.search_text.like(pattern, escape="\\")


def _escape(word: str) -> str:
    """Make LIKE's wildcards and the escape character literal."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
