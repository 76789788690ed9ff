"""`/api/v1`: the JSON API for staff tools and integrations, bearer-token auth.

Every view authenticates, then calls the same `core.staff_actions` the inbox uses, so the one
permission table in `core.permissions` decides. Errors are `{"error": {"code", "message"}}`:
400 unreadable request, 401 no or bad token, 403 role may not, 404 no such ticket (or not
yours), 409 a workflow step the ticket's state does not allow, 422 a value that makes no sense.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

from channels.web.api.openapi import openapi_document
from channels.web.api.serialize import message_json, ticket_detail_json, ticket_json
from core import staff_actions
from core.accounts import user_for_token
from core.context import Context
from core.errors import BalaghError, Forbidden, InputError, InvalidTransition, NotFound
from core.models import Ticket
from core.permissions import Action, Staff, require, staff_from_user, ticket_for
from core.stats import compute_stats, parse_period

bp = Blueprint("api", __name__, url_prefix="/api/v1")

STATUS_FOR = {
    NotFound: (404, "not_found"),
    Forbidden: (403, "forbidden"),
    InvalidTransition: (409, "invalid_transition"),
    InputError: (422, "invalid"),
}


class ApiError(Exception):
    """An error raised by the API layer itself (authentication, unreadable request)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> tuple[Response, int]:
    response = jsonify({"error": {"code": code, "message": message}})
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="balagh"'
    return response, status


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError) -> tuple[Response, int]:
    return error_response(exc.status, exc.code, exc.message)


@bp.errorhandler(BalaghError)
def _domain_error(exc: BalaghError) -> tuple[Response, int]:
    for kind, (status, code) in STATUS_FOR.items():
        if isinstance(exc, kind):
            return error_response(status, code, str(exc))
    current_app.logger.error("unexpected domain error in API: %s", type(exc).__name__)
    return error_response(500, "error", "Something went wrong on our side.")


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> tuple[Response, int]:
    code = (exc.name or "error").lower().replace(" ", "_")
    return error_response(exc.code or 500, code, exc.description or exc.name)


def _ctx() -> Context:
    return current_app.extensions["balagh"]


def _bearer_token() -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "Send 'Authorization: Bearer <token>'.")
    return token.strip()


def _authenticate(ctx: Context, session: Session) -> Staff:
    user = user_for_token(session, _bearer_token(), ctx.now())
    if user is None:
        raise ApiError(401, "unauthorized", "The token is unknown or revoked.")
    return staff_from_user(user)


@contextmanager
def _work() -> Iterator[tuple[Context, Session, Staff]]:
    """One transaction per request: authenticate, act, commit (or roll back on error)."""
    ctx = _ctx()
    with ctx.sessions() as session, session.begin():
        yield ctx, session, _authenticate(ctx, session)


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", "Send a JSON object with Content-Type application/json.")
    return data


def _text_field(data: dict[str, Any], name: str, required: bool = True) -> str | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ApiError(400, "bad_request", f"Field '{name}' must be a string.")
    return value


def _filter_from_args() -> tuple[staff_actions.TicketFilter, int, int]:
    args = request.args
    try:
        page = int(args.get("page", "1"))
        per_page = int(args.get("per_page", str(staff_actions.PER_PAGE)))
    except ValueError:
        raise ApiError(400, "bad_request", "'page' and 'per_page' must be numbers.") from None
    flt = staff_actions.TicketFilter(
        queue=args.get("queue", "all") if args.get("queue") in staff_actions.QUEUES else "all",
        status=[s for s in args.get("status", "").split(",") if s],
        directorate=args.get("directorate") or None,
        category=args.get("category") or None,
        channel=args.get("channel") or None,
        language=args.get("language") or None,
        priority=args.get("priority") or None,
        overdue=args.get("overdue", "").lower() in ("1", "true", "yes"),
        q=args.get("q") or None,
    )
    return flt, page, per_page


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 document describing this API (no token needed)."""
    return jsonify(openapi_document(_ctx().settings.base_url))


@bp.get("/me")
def me() -> Response:
    """Who the token belongs to."""
    with _work() as (_ctx_, _session, staff):
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
    flt, page, per_page = _filter_from_args()
    with _work() as (ctx, session, staff):
        result = staff_actions.list_tickets(ctx, session, staff, flt, page, per_page)
        return jsonify(
            {
                "items": [ticket_json(t) for t in result.items],
                "page": result.page,
                "per_page": result.per_page,
                "total": result.total,
            }
        )


def _detail(session: Session, staff: Staff, ticket: Ticket) -> Response:
    session.flush()
    session.refresh(ticket)
    return jsonify(ticket_detail_json(ticket, staff))


@bp.get("/tickets/<reference>")
def show_ticket(reference: str) -> Response:
    """One ticket with its messages and events."""
    with _work() as (_ctx_, session, staff):
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        return jsonify(ticket_detail_json(ticket, staff))


@bp.patch("/tickets/<reference>")
def update_ticket(reference: str) -> Response:
    """Reclassify (`category`) and/or assign (`assignee`: an email or null)."""
    with _work() as (ctx, session, staff):
        data = _body()
        if "category" not in data and "assignee" not in data:
            raise ApiError(400, "bad_request", "Send 'category' and/or 'assignee'.")
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        if "category" in data:
            staff_actions.reclassify(
                ctx, session, staff, ticket, str(_text_field(data, "category"))
            )
        if "assignee" in data:
            staff_actions.assign(
                ctx, session, staff, ticket, _text_field(data, "assignee", required=False)
            )
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/replies")
@bp.post("/tickets/<reference>/reply")
def post_reply(reference: str) -> tuple[Response, int]:
    """Answer the citizen on the ticket's channel."""
    with _work() as (ctx, session, staff):
        data = _body()
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        message = staff_actions.reply(ctx, session, staff, ticket, str(_text_field(data, "text")))
        return jsonify(message_json(message)), 201


@bp.post("/tickets/<reference>/notes")
@bp.post("/tickets/<reference>/note")
def post_note(reference: str) -> tuple[Response, int]:
    """An internal note; never sent."""
    with _work() as (ctx, session, staff):
        data = _body()
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        message = staff_actions.add_note(
            ctx, session, staff, ticket, str(_text_field(data, "text"))
        )
        return jsonify(message_json(message)), 201


@bp.post("/tickets/<reference>/transition")
def post_transition(reference: str) -> Response:
    """Move the ticket in the workflow: `{"to": status, "note": optional}`."""
    with _work() as (ctx, session, staff):
        data = _body()
        to = str(_text_field(data, "to"))
        note = _text_field(data, "note", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.change_status(ctx, session, staff, ticket, to, note)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/reclassify")
def post_reclassify(reference: str) -> Response:
    """Set the category (and so the directorate); kept as a routing correction."""
    with _work() as (ctx, session, staff):
        data = _body()
        category = str(_text_field(data, "category"))
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.reclassify(ctx, session, staff, ticket, category)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/assign")
def post_assign(reference: str) -> Response:
    """Give the ticket to a member of staff (`assignee`: email, or null for nobody)."""
    with _work() as (ctx, session, staff):
        data = _body()
        if "assignee" not in data:
            raise ApiError(400, "bad_request", "Send 'assignee' (an email, or null).")
        email = _text_field(data, "assignee", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.assign(ctx, session, staff, ticket, email)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/duplicate")
def post_duplicate(reference: str) -> Response:
    """Mark the ticket a duplicate: `{"of": original reference}`."""
    with _work() as (ctx, session, staff):
        data = _body()
        original = str(_text_field(data, "of"))
        note = _text_field(data, "note", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.mark_duplicate(ctx, session, staff, ticket, original, note)
        return _detail(session, staff, ticket)


@bp.post("/tickets/<reference>/callbacks")
def post_callback(reference: str) -> Response:
    """Record a call-back's outcome: `{"message_id", "reached", "note"}`."""
    with _work() as (ctx, session, staff):
        data = _body()
        message_id, reached = data.get("message_id"), data.get("reached")
        if not isinstance(message_id, int) or not isinstance(reached, bool):
            raise ApiError(
                400, "bad_request", "Send 'message_id' (number) and 'reached' (boolean)."
            )
        note = _text_field(data, "note", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        message = staff_actions.record_callback(
            ctx, session, staff, ticket, message_id, reached, note
        )
        return jsonify(message_json(message))


@bp.post("/calls")
def post_call() -> tuple[Response, int]:
    """Record a phone call as a new ticket on channel 'phone'."""
    with _work() as (_c, _s, staff):
        require(staff, Action.RECORD_CALL)
        data = _body()
    ctx = _ctx()
    processed = staff_actions.record_phone_call(
        ctx,
        staff,
        str(_text_field(data, "phone")),
        str(_text_field(data, "text")),
        name=_text_field(data, "name", required=False),
        language=_text_field(data, "language", required=False),
        category=_text_field(data, "category", required=False),
    )
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        return jsonify(ticket_detail_json(ticket, staff)), 201


@bp.get("/stats")
def stats() -> Response:
    """Ticket counts per status, directorate, category and channel for a period."""
    with _work() as (_ctx_, session, staff):
        require(staff, Action.STATS)
        since, until = parse_period(request.args.get("since"), request.args.get("until"))
        return jsonify(compute_stats(session, since, until))


@bp.route("/<path:_rest>", methods=["GET", "POST", "PATCH", "PUT", "DELETE"])
def unknown(_rest: str) -> tuple[Response, int]:
    """Anything else under /api/v1 is a JSON 404, not an HTML page."""
    return error_response(404, "not_found", "No such endpoint.")


def init_app(app: Any) -> None:
    """Register the blueprint, exempt from CSRF (bearer tokens, no cookies)."""
    from channels.web.app import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
