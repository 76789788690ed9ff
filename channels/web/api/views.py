"""The JSON API's views: each authenticates, then calls what the inbox calls."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

from flask import Response, jsonify, request
from sqlalchemy.orm import Session

from channels.web.api.auth import api_context, work
from channels.web.api.blueprint import bp
from channels.web.api.errors import ApiError, BadParameter
from channels.web.api.fields import body, number_field, text_field, whole_number
from channels.web.api.openapi import openapi_document
from channels.web.api.serialize import message_json, ticket_detail_json, ticket_json
from core.context import Context
from core.errors import InputError
from core.insights.stats import check_group_by, compute_stats, parse_period, stats_scope
from core.intake.conversation import Processed
from core.language.catalog import LANGUAGES
from core.models import Message, Priority, Status, Ticket
from core.staff import actions as staff_actions
from core.staff.permissions import Action, Staff, require, ticket_for
from core.storable import is_storable

MAX_IDEMPOTENCY_KEY = 255


@contextmanager
def _refused_as(status: int, key: str, **details: Any) -> Iterator[None]:
    """Core's refusal `key` as the API's own error `status` (a 409 conflict, a 400 naming
    the parameters in `details`); any other refusal goes on to the generic mapping."""
    try:
        yield
    except InputError as exc:
        if exc.key != key:
            raise
        raise ApiError(status, key, str(exc), **details) from None


def _choice(name: str, allowed: Sequence[str]) -> str | None:
    """An optional one-of parameter: absent or empty is None, anything unknown a 400."""
    value = request.args.get(name, "").strip()
    if value and value not in allowed:
        raise BadParameter(name, value, allowed)
    return value or None


def _statuses() -> list[str]:
    """`status`: one status or several, comma-separated; each must be a real status."""
    allowed = [s.value for s in Status]
    values = [s.strip() for s in request.args.get("status", "").split(",") if s.strip()]
    for value in values:
        if value not in allowed:
            raise BadParameter("status", value, allowed)
    return values


TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no")


def _overdue() -> bool | None:
    """`overdue`: true keeps the overdue tickets, false the tickets not overdue, absent (or
    empty) does not filter. Anything else is a 400 rather than a quiet guess."""
    value = request.args.get("overdue", "").strip().lower()
    if value and value not in TRUE + FALSE:
        raise BadParameter("overdue", value, TRUE + FALSE)
    return (value in TRUE) if value else None


def _filter_from_args(ctx: Context) -> tuple[staff_actions.TicketFilter, int, int]:
    """The listing filter from the query string; an unknown value is a 400, not no results."""
    args = request.args
    try:
        page = int(args.get("page", "1"))
        per_page = int(args.get("per_page", str(staff_actions.PER_PAGE)))
    except ValueError:
        raise ApiError(400, "bad_request", "'page' and 'per_page' must be numbers.") from None
    if page < 1 or per_page < 1:  # the OpenAPI document says minimum 1; 0 is not page 1
        raise ApiError(400, "bad_request", "'page' and 'per_page' start at 1.")
    flt = staff_actions.TicketFilter(
        queue=_choice("queue", staff_actions.QUEUES) or "all",
        status=_statuses(),
        directorate=_choice("directorate", [d.code for d in ctx.taxonomy.directorates]),
        category=_choice("category", ctx.taxonomy.category_codes()),
        channel=args.get("channel") or None,
        language=_choice("language", LANGUAGES),
        priority=_choice("priority", [p.value for p in Priority]),
        overdue=_overdue(),
        q=args.get("q") or None,
    )
    return flt, page, per_page


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 document describing this API (no token needed)."""
    ctx = api_context()
    return jsonify(openapi_document(ctx.settings.base_url, ctx.taxonomy))


@bp.get("/me")
def me() -> Response:
    """Who the token belongs to."""
    with work() as (_ctx_, _session, staff):
        return jsonify(
            {
                "email": staff.email,
                "name": staff.name,
                "role": staff.role,
                "directorate": staff.directorate,
            }
        )


@bp.get("/tickets")
def list_tickets() -> Response:
    """Visible tickets, filtered and paginated."""
    with work() as (ctx, session, staff):
        flt, page, per_page = _filter_from_args(ctx)
        result = staff_actions.list_tickets(ctx, session, staff, flt, page, per_page)
        return jsonify(
            {
                "items": [ticket_json(t) for t in result.items],
                "page": result.page,
                "per_page": result.per_page,
                "total": result.total,
                "more": result.more,
            }
        )


def _detail(session: Session, staff: Staff, ticket: Ticket) -> Response:
    session.flush()
    session.refresh(ticket)
    return jsonify(ticket_detail_json(session, ticket, staff))


@bp.get("/tickets/<reference>")
def show_ticket(reference: str) -> Response:
    """One ticket with its messages and events."""
    with work() as (_ctx_, session, staff):
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        return jsonify(ticket_detail_json(session, ticket, staff))


@bp.patch("/tickets/<reference>")
def update_ticket(reference: str) -> Response:
    """Reclassify (`category`), assign (`assignee`: an email or null) and/or set `priority`
    (low|normal|high|urgent, with an optional `reason` kept in the event)."""
    with work() as (ctx, session, staff):
        data = body()
        if not {"category", "assignee", "priority"} & data.keys():
            raise ApiError(400, "bad_request", "Send 'category', 'assignee' and/or 'priority'.")
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        if "priority" in data:
            staff_actions.set_priority(
                ctx,
                session,
                staff,
                ticket,
                str(text_field(data, "priority")),
                text_field(data, "reason", required=False),
            )
        if "category" in data:
            staff_actions.reclassify(ctx, session, staff, ticket, str(text_field(data, "category")))
        if "assignee" in data:
            staff_actions.assign(
                ctx, session, staff, ticket, text_field(data, "assignee", required=False)
            )
        return _detail(session, staff, ticket)


# Writes a reply or a note: (ctx, session, staff, ticket, text, request body, key).
WriteMessage = Callable[[Context, Session, Staff, Ticket, str, dict[str, Any], str | None], Message]


def _post_message(reference: str, kind: str, write: WriteMessage) -> tuple[Response, int]:
    """Write a reply or a note once per Idempotency-Key: a retry under the same key answers
    the first message (200), so a client that lost our answer never sends the citizen twice."""
    with work() as (ctx, session, staff):
        data = body()
        key = _idempotency_key()
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        text = str(text_field(data, "text"))
        earlier = _earlier(session, staff, ticket, kind, text, key)
        if earlier is not None:  # a retry: the first message, written once
            return jsonify(message_json(session, earlier)), 200
        message = write(ctx, session, staff, ticket, text, data, key)
        return jsonify(message_json(session, message)), 201


@bp.post("/tickets/<reference>/replies")
@bp.post("/tickets/<reference>/reply")
def post_reply(reference: str) -> tuple[Response, int]:
    """Answer the citizen on the ticket's channel."""
    return _post_message(
        reference,
        "reply",
        lambda ctx, session, staff, ticket, text, data, key: staff_actions.reply(
            ctx,
            session,
            staff,
            ticket,
            text,
            despite_unreachable=data.get("despite_unreachable") is True,
            request_key=key,
        ),
    )


@bp.post("/tickets/<reference>/notes")
@bp.post("/tickets/<reference>/note")
def post_note(reference: str) -> tuple[Response, int]:
    """An internal note; never sent."""
    return _post_message(
        reference,
        "note",
        lambda ctx, session, staff, ticket, text, _data, key: staff_actions.add_note(
            ctx, session, staff, ticket, text, request_key=key
        ),
    )


def _idempotency_key() -> str | None:
    """The request's Idempotency-Key, if any; 400 when it is empty, too long or unstorable."""
    key = request.headers.get("Idempotency-Key")
    if key is not None and not (0 < len(key) <= MAX_IDEMPOTENCY_KEY and is_storable(key)):
        raise ApiError(
            400, "bad_request", f"Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} characters."
        )
    return key


def _earlier(
    session: Session, staff: Staff, ticket: Ticket, kind: str, text: str, key: str | None
) -> Message | None:
    """The message an earlier request under `key` made; 409 when that request was another."""
    if key is None:
        return None
    with _refused_as(409, "idempotency_conflict"):
        return staff_actions.earlier_request(session, staff, ticket, kind, text, key)


@bp.post("/tickets/<reference>/transition")
def post_transition(reference: str) -> Response:
    """Move the ticket in the workflow: `{"to": status, "note": optional, "answer": optional}`.

    `answer` (closing only) is the dispatcher's text for the citizen; without it the
    citizen is told the department's answer as it is.
    """
    with work() as (ctx, session, staff):
        data = body()
        to = str(text_field(data, "to"))
        note = text_field(data, "note", required=False)
        answer = text_field(data, "answer", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.change_status(ctx, session, staff, ticket, to, note, answer)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/reclassify")
def post_reclassify(reference: str) -> Response:
    """Set the category (and so the directorate); kept as a routing correction."""
    with work() as (ctx, session, staff):
        data = body()
        category = str(text_field(data, "category"))
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.reclassify(ctx, session, staff, ticket, category)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/assign")
def post_assign(reference: str) -> Response:
    """Give the ticket to a member of staff (`assignee`: email, or null for nobody)."""
    with work() as (ctx, session, staff):
        data = body()
        if "assignee" not in data:
            raise ApiError(400, "bad_request", "Send 'assignee' (an email, or null).")
        email = text_field(data, "assignee", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.assign(ctx, session, staff, ticket, email)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/duplicate")
def post_duplicate(reference: str) -> Response:
    """Mark the ticket a duplicate: `{"of": original reference}`."""
    with work() as (ctx, session, staff):
        data = body()
        original = str(text_field(data, "of"))
        note = text_field(data, "note", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.mark_duplicate(ctx, session, staff, ticket, original, note)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/callbacks")
def post_callback(reference: str) -> Response:
    """Record a call-back's outcome: `{"message_id", "reached", "note"}`."""
    with work() as (ctx, session, staff):
        data = body()
        message_id, reached = whole_number(data.get("message_id")), data.get("reached")
        if message_id is None or not isinstance(reached, bool):
            raise ApiError(
                400, "bad_request", "Send 'message_id' (number) and 'reached' (boolean)."
            )
        note = text_field(data, "note", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        message = staff_actions.record_callback(
            ctx, session, staff, ticket, message_id, reached, note
        )
        return jsonify(message_json(session, message))


@bp.post("/calls")
def post_call() -> tuple[Response, int]:
    """Record a phone call as a new ticket on channel 'phone'."""
    with work() as (_c, _s, staff):
        require(staff, Action.RECORD_CALL)
        data = body()
    ctx = api_context()
    key = _idempotency_key()
    with _refused_as(409, "idempotency_conflict"):
        processed = _record_call(ctx, staff, data, key)
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        # a retry under the same key answers the first call's ticket, as it was made
        return jsonify(
            ticket_detail_json(session, ticket, staff)
        ), 200 if processed.duplicate else 201


def _record_call(ctx: Context, staff: Staff, data: dict[str, Any], key: str | None) -> Processed:
    return staff_actions.record_phone_call(
        ctx,
        staff,
        str(text_field(data, "phone")),
        str(text_field(data, "text")),
        name=text_field(data, "name", required=False),
        language=text_field(data, "language", required=False),
        category=text_field(data, "category", required=False),
        address=text_field(data, "address", required=False),
        lat=number_field(data, "lat"),
        lon=number_field(data, "lon"),
        request_key=key,
    )


def _period(since: str | None, until: str | None, zone: ZoneInfo) -> tuple[Any, Any]:
    """`parse_period`; dates the wrong way round are the query's mistake: 400, naming both."""
    with _refused_as(400, "period_reversed", since=since, until=until):
        return parse_period(since, until, zone)


@bp.get("/stats")
def stats() -> Response:
    """Service-quality figures per group for a period (department staff: own directorate)."""
    with work() as (ctx, session, staff):
        require(staff, Action.STATS)
        since, until = _period(request.args.get("since"), request.args.get("until"), ctx.zone)
        figures = compute_stats(
            session,
            since,
            until,
            group_by=check_group_by(request.args.get("group_by")),
            directorate=stats_scope(staff),
            taxonomy=ctx.taxonomy,
            now=ctx.now(),
            dispatch_target_minutes=ctx.settings.dispatch_target_minutes,
        )
        return jsonify(figures)
