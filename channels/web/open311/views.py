"""`/open311/v2/...`: Open311 GeoReport v2 (discovery, services, requests, tokens).

Spec: http://wiki.open311.org/GeoReport_v2. Reading is public; submitting needs one of the
keys in BALAGH_OPEN311_API_KEYS. A POST stores the request, hands it to the inbound
pipeline's workers (core.intake.pipeline) and waits for them a little
(BALAGH_INBOUND_ANSWER_WAIT_SECONDS): processed in time, it answers 201 with the ticket
reference as `service_request_id`, as a `realtime` service does; otherwise (a storm's
backlog, or processing failed and the retry job will finish it) the request is safe and
the client gets the spec's `token` with a 202, which `/tokens/<token>` turns into the
reference once it exists. The spec's token, rather than a reference reserved before the
ticket exists, keeps every id a client holds readable at `/requests/<id>` at once. An
`Idempotency-Key` sent again with the same fields answers the first request; with other
fields it is a 409. Without a key, the same fields from the same API key again within
REPLAY_WINDOW (60 s) of the first are a replay and answered as the first (one ticket).
Unknown paths and methods get Open311-shaped errors from `channels.web.errors`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from flask import Blueprint, Response, current_app, request
from sqlalchemy import select
from werkzeug.exceptions import RequestEntityTooLarge

from channels.web.extensions import csrf
from channels.web.open311 import public
from channels.web.open311.render import Open311Error, check_format, error_response, respond
from channels.web.open311.submit import (
    CHANNEL,
    TOKEN_RE,
    external_id,
    parse_submission,
    replay_token,
    submission_token,
    submitted_raw,
)
from core.context import Context
from core.digests import same_secret
from core.errors import StorageUnavailable
from core.intake.ingest import accept
from core.intake.pipeline import wait_processed
from core.models import InboundRecord, Ticket
from core.settings import comma_list
from core.storable import is_storable

logger = logging.getLogger(__name__)

bp = Blueprint("open311", __name__, url_prefix="/open311/v2")
csrf.exempt(bp)  # API clients authenticate with api_key, not a session cookie

LANGUAGES = ("en", "ar")
CHANGESET = "2025-06-01T00:00:00Z"  # when this endpoint's discovery document last changed
DEFAULT_WINDOW = timedelta(days=90)
MAX_RESULTS = 1000


def _ctx() -> Context:
    return current_app.extensions["balagh"]


@bp.errorhandler(Open311Error)
def _open311_error(error: Open311Error) -> Response:
    fmt = (request.view_args or {}).get("fmt", "json")
    return error_response(fmt, error)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_error: RequestEntityTooLarge) -> Response:
    """A body over the app's limit, refused as the form is read: in the Open311 shape and the
    path's format like every other error here, not werkzeug's HTML page."""
    limit = request.max_content_length
    size = f" ({limit // 2**20} MB)" if limit else ""
    return _open311_error(
        Open311Error(413, f"The request is larger than this endpoint accepts{size}.")
    )


def _language() -> str:
    """`locale` (e.g. ar, ar-OM, en_US) when given, else Accept-Language, else English."""
    locale = (request.values.get("locale") or "").strip().lower()[:2]
    if locale in LANGUAGES:
        return locale
    return request.accept_languages.best_match(LANGUAGES, default="en") or "en"


def _language_hint() -> str | None:
    """A language the client stated, to reply in when the text itself does not tell."""
    if request.values.get("locale") or request.headers.get("Accept-Language"):
        return _language()
    return None


@bp.get("/discovery.<fmt>")
def discovery(fmt: str) -> Response:
    """Where the endpoint is and what it speaks."""
    check_format(fmt)
    settings = _ctx().settings
    body = {
        "changeset": CHANGESET,
        "contact": f"Questions about this API: {settings.mail_address}",
        "key_service": f"API keys for submitting requests are issued on request: {settings.mail_address}",
        "endpoints": [
            {
                "specification": public.SPEC_URL,
                "url": f"{settings.base_url}/open311/v2",
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }
    return respond(fmt, "discovery", body)


@bp.get("/services.<fmt>")
def services(fmt: str) -> Response:
    """One service per taxonomy category."""
    check_format(fmt)
    return respond(fmt, "services", public.services(_ctx().taxonomy, _language()))


@bp.get("/services/<code>.<fmt>")
def service_definition(code: str, fmt: str) -> Response:
    """A service's definition; none of ours asks for extra attributes."""
    check_format(fmt)
    try:
        _ctx().taxonomy.category(code)
    except KeyError:
        raise Open311Error(404, f"No service with service_code '{code}'.") from None
    return respond(fmt, "service_definition", {"service_code": code, "attributes": []})


def _check_api_key() -> str:
    keys = comma_list(_ctx().settings.open311_api_keys)
    given = (request.values.get("api_key") or "").strip()
    if not keys:
        raise Open311Error(403, "Submitting requests is not enabled on this endpoint.")
    if not given:  # GeoReport v2: a missing or wrong api_key is 403
        raise Open311Error(403, "api_key is required to submit a request.")
    # Compare with every key in constant time so timing does not reveal a near match.
    matched = [k for k in keys if same_secret(given, k)]
    if not matched:
        raise Open311Error(403, "api_key is not valid.")
    return matched[0]


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


# Charsets a form body may declare: GeoReport v2 clients send UTF-8 (ASCII is a part of it)
FORM_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})


def _check_form_body() -> None:
    """GeoReport v2 posts its fields form-encoded. A body of another type (JSON, most often)
    is a 415 naming the type to use, not a "api_key is required" about a key that is in it.

    A form body that cannot be read (a multipart body cut short or without its boundary,
    channels.web.formdata) or that declares another charset than UTF-8 is a 400 saying so:
    Werkzeug hands the view an empty form for it, which read as "api_key is required"."""
    if request.mimetype not in FORM_TYPES:
        if not request.get_data(cache=True):
            return  # an empty body: the fields may all be in the query string
        given = request.mimetype or "no Content-Type"
        raise Open311Error(
            415,
            f"Send the request's fields form-encoded (Content-Type "
            f"application/x-www-form-urlencoded), as GeoReport v2 says; this body has {given}.",
        )
    charset = request.mimetype_params.get("charset", "utf-8").strip().lower()
    if charset not in FORM_CHARSETS:
        raise Open311Error(
            400, f"The form body must be UTF-8, as GeoReport v2 says; it declares {charset!r}."
        )
    reason = getattr(request, "unreadable_form", None)
    if reason is not None:
        logger.info("open311: unreadable form body: %s", reason)
        raise Open311Error(
            400,
            f"The request's form body could not be read ({reason}); send its fields "
            "form-encoded (application/x-www-form-urlencoded), whole, and try again.",
        )


def _same_submission(ctx: Context, record_id: int, raw: bytes | None) -> bool:
    """Whether a stored request was submitted with exactly these fields (api_key aside).

    An Idempotency-Key makes a retry land on the first request; the same key with other
    fields is a client bug, refused rather than answered with the first request's id.
    """
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        return record is not None and bytes(record.raw) == raw


# A request sent again without an Idempotency-Key, with the same fields from the same API key,
# within this long of the first is a replay of it (a client retrying after a timeout).
REPLAY_WINDOW = timedelta(seconds=60)


def _token(ctx: Context, api_key: str) -> str:
    """The request's id under its client: from its Idempotency-Key; without one, from its
    fields and the window of REPLAY_WINDOW it came in, or the window before when the same
    request came in there less than REPLAY_WINDOW ago (a replay across a window's edge)."""
    key = request.headers.get("Idempotency-Key")
    if key:
        return submission_token(key)
    raw, now = submitted_raw(request.form), ctx.now()
    window = int(now.timestamp() // REPLAY_WINDOW.total_seconds())
    earlier = replay_token(raw, window - 1)
    with ctx.sessions() as session:
        received = session.execute(
            select(InboundRecord.received_at).where(
                InboundRecord.channel == CHANNEL,
                InboundRecord.external_id == external_id(api_key, earlier),
            )
        ).scalar_one_or_none()
    if received is not None and received > now - REPLAY_WINDOW:
        return earlier
    return replay_token(raw, window)


@bp.post("/requests.<fmt>")
def create_request(fmt: str) -> Response:
    """Submit a service request; answers with the ticket reference."""
    check_format(fmt)
    ctx = _ctx()
    _check_form_body()
    api_key = _check_api_key()
    token = _token(ctx, api_key)
    message = parse_submission(
        request.form,
        ctx.taxonomy,
        api_key=api_key,
        token=token,
        received_at=ctx.now(),
        language_hint=_language_hint(),
    )
    code = str(message.category_hint)
    language = _language()
    try:
        accepted = accept(ctx, message)
    except StorageUnavailable as exc:
        response = error_response(fmt, Open311Error(503, str(exc)))
        response.headers["Retry-After"] = "30"
        return response
    if accepted.duplicate and not _same_submission(ctx, accepted.record_id, message.raw):
        raise Open311Error(
            409,
            "This Idempotency-Key was already used for a different request; "
            "send a new key for a new request.",
        )
    client_token = message.external_id.split(":")[1] + token
    processed = wait_processed(ctx, accepted.record_id, ctx.settings.inbound_answer_wait_seconds)
    if processed is None:  # stored; the workers (or the retry job) finish it later
        logger.info(
            "open311 request stored as record %s, answered with a token", accepted.record_id
        )
        body = [{"token": client_token, "service_notice": None, "account_id": None}]
        return respond(fmt, "service_requests", body, 202)
    notice = public.service_notice(ctx.taxonomy, code, processed.reference, language)
    body = [
        {"service_request_id": processed.reference, "service_notice": notice, "account_id": None}
    ]
    return respond(fmt, "service_requests", body, 200 if accepted.duplicate else 201)


EARLIEST_DATE, LATEST_DATE = 1900, 9000  # years; beyond them date arithmetic overflows


def _date(name: str) -> datetime | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    # An unencoded '+' in a query string arrives as a space: 10:00:00+04:00 -> "10:00:00 04:00".
    for candidate in (raw, raw.replace(" ", "+")):
        try:
            value = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        if not EARLIEST_DATE <= value.year <= LATEST_DATE:  # the default window subtracts days
            raise Open311Error(400, f"{name} must be between the years 1900 and 9000.")
        return value
    raise Open311Error(400, f"{name} must be a W3C date-time, e.g. 2025-01-31T08:00:00+04:00.")


def _window(ctx: Context) -> tuple[datetime, datetime]:
    """start_date and end_date, at most 90 days apart (the spec's limit); both default so."""
    start, end = _date("start_date"), _date("end_date")
    if start is not None and end is not None and start > end:
        raise Open311Error(400, "start_date must not be after end_date.")
    if start is None:
        start = (end or ctx.now()) - DEFAULT_WINDOW
    if end is None:
        end = min(ctx.now(), start + DEFAULT_WINDOW) if start <= ctx.now() else start
    if end - start > DEFAULT_WINDOW:
        raise Open311Error(400, "start_date and end_date may be at most 90 days apart.")
    return start, end


def _listed(name: str) -> list[str]:
    """A comma-separated id parameter; control characters (a NUL) make it a 400."""
    values = public.split_list(request.args.get(name))
    if not all(is_storable(v) for v in values):
        raise Open311Error(400, f"{name} must not contain control characters.")
    return values


@bp.get("/requests.<fmt>")
def list_requests(fmt: str) -> Response:
    """Public service requests: by id, or filtered; the last 90 days by default."""
    check_format(fmt)
    ctx = _ctx()
    references = _listed("service_request_id")[:MAX_RESULTS]
    codes = _listed("service_code")
    statuses = [s.lower() for s in public.split_list(request.args.get("status"))]
    if any(s not in ("open", "closed") for s in statuses):
        raise Open311Error(400, "status must be open, closed, or both comma-separated.")
    start: datetime | None
    end: datetime | None
    start, end = _window(ctx)
    if references:
        start = end = None  # requests asked for by id are found whatever their date
    with ctx.sessions() as session:
        tickets = public.find_tickets(
            session,
            references=references,
            codes=codes,
            statuses=statuses,
            start=start,
            end=end,
            limit=MAX_RESULTS,
        )
        body = public.service_requests(session, ctx.taxonomy, tickets, _language())
    return respond(fmt, "service_requests", body)


@bp.get("/requests/<reference>.<fmt>")
def show_request(reference: str, fmt: str) -> Response:
    """One public service request by its id (the ticket reference)."""
    check_format(fmt)
    ctx = _ctx()
    with ctx.sessions() as session:
        tickets = (
            public.find_tickets(session, references=[reference], limit=1)
            if is_storable(reference)
            else []
        )
        if not tickets:
            raise Open311Error(404, f"No service request '{reference}'.")
        body = public.service_requests(session, ctx.taxonomy, tickets, _language())
    return respond(fmt, "service_requests", body)


@bp.get("/tokens/<token>.<fmt>")
def token_status(token: str, fmt: str) -> Response:
    """The service_request_id behind a token (or a reference, which is its own token)."""
    check_format(fmt)
    ctx = _ctx()
    token = token.strip()
    if not is_storable(token):
        raise Open311Error(404, f"No request with token '{token}'.")
    with ctx.sessions() as session:
        reference = session.execute(
            select(Ticket.reference).where(Ticket.reference == token.upper())
        ).scalar_one_or_none()
        if reference is None and TOKEN_RE.match(token):
            record = session.execute(
                select(InboundRecord).where(
                    InboundRecord.channel == public.CHANNEL,
                    InboundRecord.external_id == f"{public.CHANNEL}:{token[:12]}:{token[12:]}",
                )
            ).scalar_one_or_none()
            if record is None:
                raise Open311Error(404, f"No request with token '{token}'.")
            if record.ticket_id is not None:
                ticket = session.get(Ticket, record.ticket_id)
                reference = ticket.reference if ticket is not None else None
        elif reference is None:
            raise Open311Error(404, f"No request with token '{token}'.")
    return respond(fmt, "service_requests", [{"service_request_id": reference, "token": token}])
