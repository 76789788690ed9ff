"""`/api/v1`: the JSON API for staff tools and integrations, bearer-token auth.

Every view authenticates, then calls the same `core.staff.actions` the inbox uses, so the one
permission table in `core.staff.permissions` decides. Errors are `{"error": {"code", "message"}}`:
400 unreadable request or an unknown filter value (the error also names the `parameter` and
its `allowed` values), 401 no or bad token, 403 role may not, 404 no such ticket (or not
yours), 405 a method the path does not take (with an Allow header), 409 a workflow step the
ticket's state does not allow, 422 a value that makes no sense.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from channels.web.api.openapi import openapi_document
from channels.web.api.serialize import message_json, ticket_detail_json, ticket_json
from channels.web.extensions import csrf
from core.context import Context
from core.errors import (
    BalaghError,
    Forbidden,
    InputError,
    InvalidTransition,
    NotFound,
    StorageUnavailable,
)
from core.insights.stats import check_group_by, compute_stats, parse_period, stats_scope
from core.language.catalog import LANGUAGES
from core.models import Priority, Status, Ticket
from core.staff import actions as staff_actions
from core.staff.accounts import user_for_token
from core.staff.permissions import Action, Staff, require, staff_from_user, ticket_for

bp = Blueprint("api", __name__, url_prefix="/api/v1")

STATUS_FOR = {
    NotFound: (404, "not_found"),
    Forbidden: (403, "forbidden"),
    InvalidTransition: (409, "invalid_transition"),
    InputError: (422, "invalid"),
}


class ApiError(Exception):
    """An error raised by the API layer itself (authentication, unreadable request)."""

    def __init__(self, status: int, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details = details


class BadParameter(ApiError):
    """A query parameter with a value the API does not know: 400 naming the allowed ones."""

    def __init__(self, name: str, value: str, allowed: Sequence[str]) -> None:
        super().__init__(
            400,
            "invalid_parameter",
            f"Unknown value '{value[:80]}' for '{name}'; allowed: {', '.join(allowed)}.",
            parameter=name,
            allowed=list(allowed),
        )


def error_response(status: int, code: str, message: str, **details: Any) -> tuple[Response, int]:
    """The API's error body, `{"error": {"code", "message", ...details}}`, with its status."""
    response = jsonify({"error": {"code": code, "message": message, **details}})
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="balagh"'
    return response, status


def method_not_allowed(allowed: Iterable[str]) -> Response:
    """A JSON 405 with the Allow header listing the methods the path does take."""
    methods = sorted(set(allowed))
    response, status = error_response(
        405,
        "method_not_allowed",
        f"{request.method} is not allowed here; allowed: {', '.join(methods)}.",
        allowed=methods,
    )
    response.status_code = status
    response.headers["Allow"] = ", ".join(methods)
    return response


@bp.after_request
def _no_store(response: Response) -> Response:
    """Answers carry citizens' personal data: no cache keeps them, no browser sniffs them."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError) -> tuple[Response, int]:
    return error_response(exc.status, exc.code, exc.message, **exc.details)


@bp.errorhandler(BalaghError)
def _domain_error(exc: BalaghError) -> tuple[Response, int]:
    if isinstance(exc, StorageUnavailable):
        response, status = error_response(503, "unavailable", str(exc))
        response.headers["Retry-After"] = "30"
        return response, status
    for kind, (status, code) in STATUS_FOR.items():
        if isinstance(exc, kind):
            return error_response(status, code, str(exc))
    current_app.logger.error("unexpected domain error in API: %s", type(exc).__name__)
    return error_response(500, "error", "Something went wrong on our side.")


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response | tuple[Response, int]:
    if isinstance(exc, MethodNotAllowed):
        return method_not_allowed(exc.valid_methods or ())
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
    return staff_from_user(user, replies_direct=ctx.settings.department_replies_direct)


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


def _number_field(data: dict[str, Any], name: str) -> float | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ApiError(400, "bad_request", f"Field '{name}' must be a number.")
    return float(value)


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


def _overdue() -> bool:
    """`overdue`: a boolean; anything else is a 400 rather than a quiet false."""
    value = request.args.get("overdue", "").strip().lower()
    if value and value not in TRUE + FALSE:
        raise BadParameter("overdue", value, TRUE + FALSE)
    return value in TRUE


def _filter_from_args(ctx: Context) -> tuple[staff_actions.TicketFilter, int, int]:
    """The listing filter from the query string; an unknown value is a 400, not no results."""
    args = request.args
    try:
        page = int(args.get("page", "1"))
        per_page = int(args.get("per_page", str(staff_actions.PER_PAGE)))
    except ValueError:
        raise ApiError(400, "bad_request", "'page' and 'per_page' must be numbers.") from None
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
    ctx = _ctx()
    return jsonify(openapi_document(ctx.settings.base_url, ctx.taxonomy))


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
    with _work() as (ctx, session, staff):
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
    return jsonify(ticket_detail_json(ticket, staff))


@bp.get("/tickets/<reference>")
def show_ticket(reference: str) -> Response:
    """One ticket with its messages and events."""
    with _work() as (_ctx_, session, staff):
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        return jsonify(ticket_detail_json(ticket, staff))


@bp.patch("/tickets/<reference>")
def update_ticket(reference: str) -> Response:
    """Reclassify (`category`), assign (`assignee`: an email or null) and/or set `priority`
    (low|normal|high|urgent, with an optional `reason` kept in the event)."""
    with _work() as (ctx, session, staff):
        data = _body()
        if not {"category", "assignee", "priority"} & data.keys():
            raise ApiError(400, "bad_request", "Send 'category', 'assignee' and/or 'priority'.")
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        if "priority" in data:
            staff_actions.set_priority(
                ctx,
                session,
                staff,
                ticket,
                str(_text_field(data, "priority")),
                _text_field(data, "reason", required=False),
            )
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
        message = staff_actions.reply(
            ctx,
            session,
            staff,
            ticket,
            str(_text_field(data, "text")),
            despite_unreachable=data.get("despite_unreachable") is True,
        )
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
    """Move the ticket in the workflow: `{"to": status, "note": optional, "answer": optional}`.

    `answer` (closing only) is the dispatcher's text for the citizen; without it the
    citizen is told the department's answer as it is.
    """
    with _work() as (ctx, session, staff):
        data = _body()
        to = str(_text_field(data, "to"))
        note = _text_field(data, "note", required=False)
        answer = _text_field(data, "answer", required=False)
        ticket = ticket_for(session, staff, reference, Action.VIEW)
        staff_actions.change_status(ctx, session, staff, ticket, to, note, answer)
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
        address=_text_field(data, "address", required=False),
        lat=_number_field(data, "lat"),
        lon=_number_field(data, "lon"),
    )
    with ctx.sessions() as session:
        ticket = session.get(Ticket, processed.ticket_id)
        assert ticket is not None
        return jsonify(ticket_detail_json(ticket, staff)), 201


@bp.get("/stats")
def stats() -> Response:
    """Service-quality figures per group for a period (department staff: own directorate)."""
    with _work() as (ctx, session, staff):
        require(staff, Action.STATS)
        since, until = parse_period(request.args.get("since"), request.args.get("until"))
        figures = compute_stats(
            session,
            since,
            until,
            group_by=check_group_by(request.args.get("group_by")),
            directorate=stats_scope(staff),
            taxonomy=ctx.taxonomy,
            now=ctx.now(),
        )
        return jsonify(figures)


def init_app(app: Any) -> None:
    """Register the blueprint, exempt from CSRF (bearer tokens, no cookies)."""
    from channels.web.api import incidents  # noqa: F401  (its views join this blueprint)

    csrf.exempt(bp)
    app.register_blueprint(bp)
