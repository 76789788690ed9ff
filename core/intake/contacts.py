"""One citizen across channels: joining, suggesting, merging and splitting contacts.

Two kinds of evidence, two outcomes. An identity the channel proves (a Telegram contact card
shared by its owner, an email sender who answered our tokenised reply address) joins the
contact already known by that number or address automatically. Details a person merely
typed (a phone or email on the web form) prove nothing, so they only suggest a link; staff
confirm it (the contacts merge) or reject it (it is not suggested again). Staff can also
split an identity off into a contact of its own, with that channel's tickets.
"""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from core.channels import ChannelTable
from core.models import Contact, ContactIdentity, Event, Ticket
from core.phones import normalize_phone
from core.tickets import record_event

LINK_REJECTED = "contact_link_rejected"


def contact_by_phone(
    session: Session, number: str | None, besides: int | None = None
) -> Contact | None:
    """The one other contact known by this number (compared in E.164); None if none or several."""
    wanted = normalize_phone(number)
    if wanted is None:
        return None
    candidates = session.execute(
        select(Contact).where(Contact.phone.like(f"%{wanted[-4:]}"), Contact.id != (besides or -1))
    ).scalars()
    matches = [c for c in candidates if normalize_phone(c.phone) == wanted]
    return matches[0] if len(matches) == 1 else None


def contact_by_email(
    session: Session, channels: ChannelTable, email: str | None, besides: int | None = None
) -> Contact | None:
    """The one other contact with this email address (as given or as the sender's address on
    a channel whose senders are email addresses)."""
    address = (email or "").strip().lower()
    if not address:
        return None
    by_identity = select(ContactIdentity.contact_id).where(
        ContactIdentity.channel.in_(channels.named(lambda c: c.sender_is_email)),
        ContactIdentity.address == address,
    )
    rows = session.execute(
        select(Contact).where(
            or_(Contact.email == address, Contact.id.in_(by_identity)),
            Contact.id != (besides or -1),
        )
    ).scalars()
    matches = list(rows)
    return matches[0] if len(matches) == 1 else None


def suggested_links(session: Session, contact: Contact, channels: ChannelTable) -> list[Contact]:
    """Other contacts that typed details point to, less those staff rejected."""
    rejected = _rejected_pairs(session, contact.id)
    found: dict[int, Contact] = {}
    for other in (
        contact_by_phone(session, contact.phone, besides=contact.id),
        contact_by_email(session, channels, contact.email, besides=contact.id),
    ):
        if other is not None and other.id not in rejected:
            found[other.id] = other
    return list(found.values())


def _rejected_pairs(session: Session, contact_id: int) -> set[int]:
    events = session.execute(
        select(Event.data).join(Ticket).where(Event.kind == LINK_REJECTED)
    ).scalars()
    rejected: set[int] = set()
    for data in events:
        pair = {data.get("contact"), data.get("other")}
        if contact_id in pair:
            rejected |= {int(c) for c in pair if c is not None and c != contact_id}
    return rejected


def merge_contacts(session: Session, keep: Contact, other: Contact) -> Contact:
    """Move `other`'s identities and tickets to `keep`, fill its gaps, delete `other`."""
    if keep.id == other.id:
        return keep
    session.execute(
        update(ContactIdentity)
        .where(ContactIdentity.contact_id == other.id)
        .values(contact_id=keep.id)
    )
    session.execute(update(Ticket).where(Ticket.contact_id == other.id).values(contact_id=keep.id))
    for name in ("name", "phone", "email", "language"):
        if not getattr(keep, name) and getattr(other, name):
            setattr(keep, name, getattr(other, name))
    session.flush()
    session.expire_all()
    session.delete(session.get(Contact, other.id))
    session.flush()
    return keep


def split_identity(session: Session, channels: ChannelTable, identity: ContactIdentity) -> Contact:
    """Give one identity a contact of its own, taking that channel's tickets with it."""
    old = identity.contact
    if len(old.identities) < 2:
        return old
    fresh = Contact(name=identity.display_name, language=old.language)
    if channels.of(identity.channel).sender_is_email:
        fresh.email = identity.address
    session.add(fresh)
    session.flush()
    session.execute(
        update(Ticket)
        .where(Ticket.contact_id == old.id, Ticket.channel == identity.channel)
        .values(contact_id=fresh.id)
    )
    identity.contact_id = fresh.id
    session.flush()
    session.expire_all()
    return fresh


def join_proven_phone(session: Session, contact: Contact, number: str) -> Contact:
    """A number the channel proved belongs to this citizen: keep it, and join the one other
    contact already known by it (the older one stays)."""
    normalized = normalize_phone(number) or number[:40]
    contact.phone = normalized
    other = contact_by_phone(session, normalized, besides=contact.id)
    if other is None:
        return contact
    keep, gone = (other, contact) if other.id < contact.id else (contact, other)
    tickets = list(gone.tickets)
    merged = merge_contacts(session, keep, gone)
    for ticket in tickets[:1] or list(merged.tickets)[:1]:
        record_event(session, ticket, "contact_joined", contact=merged.id, proof="phone")
    return merged
