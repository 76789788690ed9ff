"""Tickets, messages and events as the JSON the API returns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from channels.web.inbox.delivery import outcomes
from core.models import Event, Message, Ticket
from core.staff.permissions import Staff
from core.workflow.transitions import allowed_targets


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def contact_json(ticket: Ticket) -> dict[str, Any]:
    contact = ticket.contact
    return {
        "name": contact.name,
        "phone": contact.phone,
        "email": contact.email,
        "language": contact.language,
        "addresses": {i.channel: i.address for i in contact.identities},
    }


def ticket_json(ticket: Ticket) -> dict[str, Any]:
    """The summary shape used in listings."""
    location = None
    if ticket.lat is not None or ticket.address:
        location = {"lat": ticket.lat, "lon": ticket.lon, "address": ticket.address}
    return {
        "reference": ticket.reference,
        "status": ticket.status,
        "priority": ticket.priority,
        "urgent": ticket.urgent,
        "channel": ticket.channel,
        "language": ticket.language,
        "directorate": ticket.directorate,
        "category": ticket.category,
        "confidence": ticket.confidence,
        "subject": ticket.subject,
        "created_at": _iso(ticket.created_at),
        "updated_at": _iso(ticket.updated_at),
        "due_at": _iso(ticket.due_at),
        "first_response_at": _iso(ticket.first_response_at),
        "resolved_at": _iso(ticket.resolved_at),
        "closed_at": _iso(ticket.closed_at),
        "assignee": ticket.assignee.email if ticket.assignee else None,
        "duplicate_of": ticket.duplicate_of.reference if ticket.duplicate_of else None,
        "location": location,
        "contact": contact_json(ticket),
        "incident": ticket.incident_id,
        "incident_suggested": ticket.incident_suggested_id,
        "rating": rating_json(ticket),
        "attention": ticket.attention,
    }


def rating_json(ticket: Ticket) -> dict[str, Any] | None:
    """The citizen's rating of a closed ticket, or None while there is none."""
    if ticket.satisfaction is None:
        return None
    return {
        "score": ticket.satisfaction,
        "comment": ticket.satisfaction_comment,
        "rated_at": _iso(ticket.rated_at),
    }


def messages_json(session: Session, messages: list[Message]) -> list[dict[str, Any]]:
    """Messages as the ticket page shows them: `text` is what the channel the message went
    out on carried (a web report's email copy asks for a reply to the mail), and
    `page_text` the report's page's wording where that differs (else null)."""
    sent = outcomes(session, messages)
    return [_message_json(m, sent[m.id].sent_text if m.id in sent else None) for m in messages]


def message_json(session: Session, message: Message) -> dict[str, Any]:
    """One message, as `messages_json` shows it."""
    [shown] = messages_json(session, [message])
    return shown


def _message_json(message: Message, sent_text: str | None) -> dict[str, Any]:
    return {
        "id": message.id,
        "direction": message.direction,
        "channel": message.channel,
        "kind": message.kind,
        "text": sent_text or message.text,
        "page_text": message.text if sent_text else None,
        "language": message.language,
        "created_at": _iso(message.created_at),
        "author": message.author.email if message.author else None,
        "delivery_status": message.delivery_status,
        "delivery_error": message.delivery_error,
        "attachments": [
            {"id": a.id, "filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in message.attachments
        ],
    }


def event_json(event: Event) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "actor": event.actor,
        "created_at": _iso(event.created_at),
        "data": event.data,
    }


def ticket_detail_json(session: Session, ticket: Ticket, staff: Staff) -> dict[str, Any]:
    """A ticket with its conversation, events, router answer and the caller's next moves."""
    body = ticket_json(ticket)
    body["routing"] = ticket.routing
    body["resolution"] = ticket.resolution
    body["answer"] = ticket.answer
    body["messages"] = messages_json(session, list(ticket.messages))
    body["events"] = [event_json(e) for e in ticket.events]
    body["allowed_transitions"] = [str(s) for s in allowed_targets(ticket, staff.actor)]
    return body
