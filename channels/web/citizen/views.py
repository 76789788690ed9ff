"""The citizen pages: the report form (/report) and the private status page (/t/<reference>).

Every submission is one InboundMessage on channel 'web', stored before the page answers and
then processed by the inbound pipeline's workers (core.intake.pipeline), never on the web
thread. The confirmation must show the reference and private link, so a report reserves
them when it is stored (`accept(reserve=True)`, the way a counter clerk hands over a
numbered receipt before the file is opened): the page never depends on processing, which
may lag in a storm or fail and be retried. The page then waits briefly for the workers
(BALAGH_INBOUND_ANSWER_WAIT_SECONDS), so on an ordinary day the link already shows the
ticket; until it does, the link shows "being registered". The sender identity is per
submission, never the email or phone typed (anyone can type anyone's address): a report
always opens a new ticket, and later messages reach a ticket only through its secret link.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, generate_csrf
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from werkzeug.exceptions import RequestEntityTooLarge, TooManyRequests

from channels.web.citizen import geocode, nearby
from channels.web.citizen import status as status_view
from channels.web.citizen.forms import (
    MAX_DESCRIPTION,
    MAX_PHOTOS,
    MessageForm,
    RatingForm,
    ReportForm,
)
from channels.web.citizen.photos import ACCEPT as PHOTO_ACCEPT
from channels.web.citizen.photos import MAX_PHOTO_BYTES, CleanPhoto
from channels.web.citizen.texts import DEFAULT_LANGUAGE, LANGUAGES, text
from channels.web.files import send_attachment
from channels.web.formdata import UnreadableForm
from channels.web.places import shared_places
from core.context import Context
from core.digests import same_secret
from core.errors import StorageUnavailable
from core.files import file_path
from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.intake.ingest import Accepted, accept
from core.intake.pipeline import wait_processed
from core.models import Attachment, Direction, InboundRecord, Message, Ticket
from core.storable import is_storable
from core.tickets import channel_address, ticket_for_secret
from core.workflow.ratings import record_rating

logger = logging.getLogger(__name__)

# Room for what the form promises (MAX_PHOTOS photos of up to MAX_PHOTO_BYTES each) and the
# text: a smaller cap turned three 9 MB photos, each within its limit, into the 413 page, which
# cannot give back the description (the body is refused before it is read).
MAX_REQUEST_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024
LANG_COOKIE = "balagh_lang"
LANG_COOKIE_AGE = 365 * 24 * 3600
CHANNEL = "web"
STATUS_ENDPOINTS = frozenset({"citizen.status", "citizen.status_post"})
RETRY_AFTER_SECONDS = 60  # what a 503 page tells a browser (and a citizen) to wait
NEARBY_STEP = "nearby"  # the form's "show similar reports nearby" button (no JavaScript)
# The form's script asks again as the pin moves; a person never needs more than this.
NEARBY_RATE = "30 per minute;300 per hour"

bp = Blueprint(
    "citizen",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/citizen-static",
)

# Memory by default, Redis when BALAGH_REDIS_URL is set (create_app sets the storage URI).
# Limits are per client address; if Redis is down, counting falls back to memory rather
# than refusing citizens.
limiter = Limiter(
    key_func=get_remote_address,
    headers_enabled=True,
    swallow_errors=True,
    in_memory_fallback_enabled=True,
)

# Retry-After tells a client when to try again (RFC 9110 10.2.3): it belongs on a refusal to
# wait (429) or an outage (503). Flask-Limiter adds it, with the window's reset (often 0), to
# every answer of a limited route, so a form's 400 said "retry in 0 seconds".
WAIT_STATUSES = (429, 503)


def _retry_after_only_when_waiting(response: Response) -> Response:
    """Drop the limiter's Retry-After from answers that are not a refusal to wait."""
    if response.status_code not in WAIT_STATUSES:
        response.headers.pop("Retry-After", None)
    return response


def init_limiter(app: Flask) -> None:
    """Count the citizen limits on `app`, with Retry-After only on 429 and 503 answers.

    Flask runs after-request hooks in the reverse of their registration, so the hook
    registered first here sees the limiter's headers already added.
    """
    app.after_request(_retry_after_only_when_waiting)
    limiter.init_app(app)


def _ctx() -> Context:
    return current_app.extensions["balagh"]


def _rate() -> str:
    return _ctx().settings.web_report_rate_limit


def _attempt_rate() -> str:
    return _ctx().settings.web_attempt_rate_limit


def _stored(_response: Response) -> bool:
    """Whether this request stored a submission (the only kind the submission limit counts)."""
    return bool(g.get("submission_stored"))


def _count_submission() -> None:
    g.submission_stored = True


# Two limits on every citizen POST. Only stored submissions count toward the submission limit
# (tested before the view, deducted after it), so a citizen correcting their form is never
# refused for it; every attempt, valid or not, counts toward the higher attempt limit, which
# bounds floods of invalid posts.
submission_limit = limiter.shared_limit(
    _rate, scope="citizen-submit", methods=["POST"], deduct_when=_stored
)
attempt_limit = limiter.shared_limit(_attempt_rate, scope="citizen-attempt", methods=["POST"])


# -- language ---------------------------------------------------------------------------


@bp.url_value_preprocessor
def _before_anything(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """Per-request upload limit and language, set before CSRF reads the form.

    URL value preprocessors run before every before_request function, including the app's
    CSRF check, which parses the body; the limit must be in place by then.
    """
    request.max_content_length = MAX_REQUEST_BYTES
    g.lang = choose_language()


def choose_language(ticket_language: str | None = None) -> str:
    """?lang= first, then the remembered choice, then the ticket's, then Accept-Language."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(LANG_COOKIE)
    if remembered in LANGUAGES:
        return remembered
    if ticket_language in LANGUAGES:
        return str(ticket_language)
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE) or "ar"


@bp.after_request
def _headers(response: Response) -> Response:
    """Remember a language switch; keep secret links out of referrers and caches."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, asked, max_age=LANG_COOKIE_AGE, samesite="Lax", httponly=True
        )
    tiles = geocode.tile_origin(_ctx().settings.map_tiles)
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'self'; img-src 'self' data:{' ' + tiles if tiles else ''}; "
        "style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    if request.endpoint != "citizen.static":
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _template_helpers() -> dict[str, Any]:
    lang = g.get("lang", DEFAULT_LANGUAGE)
    return {
        "lang": lang,
        "dir": "rtl" if lang == "ar" else "ltr",
        "t": lambda key, **params: text(key, lang, **params),
        "other_lang": "en" if lang == "ar" else "ar",
        "switch_url": _switch_url,
        # for the photo fields' script, which checks a choice before it is uploaded
        "photo_limits": {"bytes": MAX_PHOTO_BYTES, "files": MAX_PHOTOS},
        "photo_accept": PHOTO_ACCEPT,
    }


def _switch_url() -> str:
    lang = g.get("lang", DEFAULT_LANGUAGE)
    if g.get("error_page"):  # never echo a (possibly wrong) link back; offer the form
        return url_for("citizen.report", lang="en" if lang == "ar" else "ar")
    values: dict[str, Any] = {**(request.view_args or {}), **request.args.to_dict()}
    values["lang"] = "en" if lang == "ar" else "ar"
    return url_for(request.endpoint or "citizen.report", **values)


# -- the report form ----------------------------------------------------------------------


@dataclass(frozen=True)
class Receipt:
    """What the citizen is shown after a submission."""

    reference: str
    secret: str


def _report_form() -> ReportForm:
    return ReportForm(language=g.lang, categories=_ctx().taxonomy.category_codes())


def _category_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    ctx, lang = _ctx(), g.lang
    groups = []
    for d in ctx.taxonomy.directorates:
        cats = [
            (c.code, ctx.taxonomy.name(c.code, lang))
            for c in ctx.taxonomy.categories
            if c.directorate == d.code
        ]
        groups.append((ctx.taxonomy.name(d.code, lang), cats))
    return groups


def _render_report(
    form: ReportForm,
    kept: list[tuple[str, str]] | None = None,
    similar: nearby.NearbyView | None = None,
    notices: list[str] | None = None,
) -> str:
    settings = _ctx().settings
    return render_template(
        "citizen/report.html",
        form=form,
        kept=kept or [],
        notices=notices or [],
        groups=_category_groups(),
        map_tiles=settings.map_tiles,
        geocoding=bool(settings.geocoder_url),
        similar=similar,
    )


def _similar(form: ReportForm) -> nearby.NearbyView:
    """Similar open reports around the form's place, for the kind chosen or described."""
    lat, lon = form.lat.data, form.lon.data
    valid = not (form.lat.errors or form.lon.errors or form.category.errors)
    return nearby.build(
        _ctx(),
        g.lang,
        category=form.category.data or None,
        description=(form.description.data or "")[:MAX_DESCRIPTION],  # what a report may hold
        lat=lat if valid else None,
        lon=lon if valid else None,
    )


@bp.get("/report")
def report() -> str:
    """The empty form, with a fresh submission token."""
    return _render_report(_report_form())


@bp.get("/report/place")
@limiter.limit("30 per minute")
def place() -> Response:
    """The address at the form's map pin, from the configured reverse geocoder (404 if none)."""
    url = _ctx().settings.geocoder_url
    if not url:
        abort(404)
    lat, lon = geocode.coordinates(request.args.get("lat"), request.args.get("lon"))
    if lat is None or lon is None:
        abort(400)
    return jsonify(address=geocode.reverse(url, lat, lon, g.lang))


@bp.post("/report/nearby")
@limiter.limit(NEARBY_RATE)
def similar_json() -> Response:
    """Similar open reports near the form's pin, as JSON for the form's script."""
    form = _report_form()
    form.validate_place()
    return jsonify(_similar(form).as_json())


@bp.post("/report")
@attempt_limit
@submission_limit
def submit_report() -> Any:
    """Validate, ingest, and show the reference and private link."""
    form = _report_form()
    if form.website.data:
        logger.info("web report with the honeypot filled; dropped")
        _count_submission()  # it looks like success to the bot, and it counts like one
        return render_template("citizen/message.html", title_key="honeypot_thanks")
    if request.form.get("step") == NEARBY_STEP:  # the form without JavaScript asks first
        form.validate_place()
        return _render_report(form, kept=form.kept_photos(), similar=_similar(form))
    if not form.validate_on_submit():
        chosen = _similar(form) if form.same_problem.data else None  # keep the choice shown
        return _render_report(form, kept=form.kept_photos(), similar=chosen), 400
    lat, lon = form.lat.data, form.lon.data
    if lat is None:
        lat, lon = next(
            ((p.lat, p.lon) for _, p in form.clean_photos if p.lat is not None), (None, None)
        )
    token = form.submission.data
    email = form.email.data or None
    msg = InboundMessage(
        channel=CHANNEL,
        sender=f"web:{token}",
        text=form.description.data,
        external_id=f"web:{token}",
        display_name=form.name.data or None,
        language_hint=g.lang,
        page_language=g.lang,  # chosen by the citizen: it decides where their words do not
        thread=ThreadHints(new_ticket=True, same_problem=form.same_problem.data or None),
        attachments=_attachments(form.clean_photos),
        location=Location(lat, lon, form.address.data or None)
        if (lat is not None or form.address.data)
        else None,
        phone=form.phone.data or None,
        email=email,
        category_hint=form.category.data or None,
        extras={"remote_addr": request.remote_addr},
        submitter=_browser(),
    )
    receipt = _receipt(_hand_off(msg, reserve=True))
    link = url_for("citizen.status", reference=receipt.reference, k=receipt.secret, _external=False)
    return render_template(
        "citizen/submitted.html",
        reference=receipt.reference,
        status_link=link,
        full_link=_ctx().settings.base_url + link,
        emailed=bool(email),
    )


def _browser() -> str:
    """This browser's submitter id, kept in its session: a form sent again after Back is
    recognised by it (core/intake/resubmission.py), as the token is new each time."""
    if "submitter" not in session:
        session["submitter"] = secrets.token_urlsafe(16)
    return f"web-session:{session['submitter']}"


def _attachments(photos: list[tuple[str, CleanPhoto]]) -> tuple[InboundAttachment, ...]:
    return tuple(
        InboundAttachment(f"photo-{i}.{p.extension}", p.content_type, p.data)
        for i, (_, p) in enumerate(photos, start=1)
    )


def _hand_off(msg: InboundMessage, reserve: bool = False) -> Accepted:
    """Store (StorageUnavailable -> the 503 page), then give the record to the workers and
    wait for them a little, so the page that follows usually shows the processed ticket."""
    ctx = _ctx()
    accepted = accept(ctx, msg, reserve=reserve)
    _count_submission()
    if not accepted.ignored:  # a report sent again is answered with the first's reference
        wait_processed(ctx, accepted.record_id, ctx.settings.inbound_answer_wait_seconds)
    return accepted


def _receipt(accepted: Accepted) -> Receipt:
    """The reference and secret the report reserved when it was stored."""
    if accepted.reference is None or accepted.secret is None:
        raise AssertionError(f"web report {accepted.record_id} was stored without a reference")
    return Receipt(accepted.reference, accepted.secret)


# -- the status page ----------------------------------------------------------------------


@bp.get("/t/<reference>")
def status(reference: str) -> str:
    """State, expected date, the public conversation, and what the citizen can do next."""
    secret = request.args.get("k", "")
    with _ctx().sessions() as session:
        ticket = _status_ticket(session, reference, secret)
        return _render_status(session, ticket, secret)


def _status_ticket(session: Session, reference: str, secret: str) -> Ticket:
    """The ticket of a status page, whose language the page (GET and POST) now speaks.

    The ticket's language wins over the browser's: a link opened in another browser reads in
    the language the report is answered in (`core.intake.conversation.reply_language`: for
    mixed or Arabizi words, the form's, which the citizen chose), as its acknowledgement and
    replies are. Only an
    explicit switch (?lang=, remembered in a cookie) beats it.
    """
    ticket = _ticket_or_404(session, reference, secret)
    g.lang = choose_language(ticket.language)
    return ticket


def _render_status(session: Session, ticket: Ticket, secret: str, **forms: Any) -> str:
    view = status_view.build(_ctx(), ticket, g.lang, shared_places(session, ticket.messages))
    # The page is rendered from `view` alone: end the transaction first, so no database lock
    # (SQLite's single write lock) is held while the template runs.
    session.close()
    message_form = forms.get("message_form") or MessageForm(language=g.lang, formdata=None)
    rating_form = forms.get("rating_form") or RatingForm(language=g.lang, formdata=None)
    return render_template(
        "citizen/status.html",
        view=view,
        secret=secret,
        message_form=message_form,
        rating_form=rating_form,
        kept=forms.get("kept") or [],
        notices=forms.get("notices") or [],
    )


@bp.post("/t/<reference>")
@attempt_limit
@submission_limit
def status_post(reference: str) -> Any:
    """A new message or photo on the ticket, or the satisfaction answer after close."""
    ctx, secret = _ctx(), request.args.get("k", "")
    with ctx.sessions() as session:
        ticket = _status_ticket(session, reference, secret)
        if request.form.get("action") == "rating":
            form = RatingForm(language=g.lang)
            if not status_view.can_rate(ticket):  # a page older than the ticket's state
                if ticket.satisfaction is None:  # reopened since: say so (a rating says thanks)
                    flash(text("rating_not_open", g.lang))
                return redirect(url_for("citizen.status", reference=ticket.reference, k=secret))
            if not form.validate_on_submit():
                return _render_status(session, ticket, secret, rating_form=form), 400
            record_rating(
                ctx,
                session,
                ticket,
                int(form.rating.data),
                channel=CHANNEL,
                comment=form.comment.data,
            )
            session.commit()
            _count_submission()
            flash(text("rating_thanks", g.lang, rating=ticket.satisfaction))
            return redirect(url_for("citizen.status", reference=ticket.reference, k=secret))
        form = MessageForm(language=g.lang)
        if not form.validate_on_submit():
            kept = form.kept_photos()  # the valid photos wait on the server for the retry
            return _render_status(session, ticket, secret, message_form=form, kept=kept), 400
        sender = channel_address(ticket, CHANNEL) or f"web:{ticket.reference}"
        ref = ticket.reference
    token = form.submission.data
    msg = InboundMessage(
        channel=CHANNEL,
        sender=sender,
        text=form.message.data or "",
        external_id=f"web:{token}",
        language_hint=g.lang,
        thread=ThreadHints(reference=ref, secret=secret),
        attachments=_attachments(form.clean_photos),
        extras={"remote_addr": request.remote_addr},
    )
    _hand_off(msg)  # stored is received: processed or not yet, the citizen is told so
    flash(text("message_sent", g.lang))
    return redirect(url_for("citizen.status", reference=ref, k=secret))


@bp.get("/t/<reference>/files/<int:attachment_id>")
def attachment(reference: str, attachment_id: int) -> Response:
    """A file on the ticket's public conversation, for whoever holds the secret link."""
    ctx = _ctx()
    with ctx.sessions() as session:
        ticket = _ticket_or_404(session, reference, request.args.get("k", ""))
        row = session.execute(
            select(Attachment)
            .join(Message, Message.id == Attachment.message_id)
            .where(
                Attachment.id == attachment_id,
                Message.ticket_id == ticket.id,
                Message.direction != Direction.NOTE,
            )
        ).scalar_one_or_none()
        if row is None:
            abort(404)
        path = file_path(ctx.data_dir, row.sha256)
        return send_attachment(path, row.content_type, row.filename, inline_images=True)


def _ticket_or_404(session: Session, reference: str, secret: str) -> Ticket:
    """The ticket when the secret matches; otherwise the same 404 as an unknown reference.

    A report stored under this reference and secret but not processed yet answers "being
    registered" instead (its link was shown before the ticket existed).
    """
    ticket = ticket_for_secret(session, reference, secret) if secret else None
    if ticket is None:
        if secret and _reserved(session, reference, secret):
            page = render_template(
                "citizen/message.html", title_key="submitted_title", body_key="registering"
            )
            abort(Response(page, 200 if request.method == "GET" else 409))
        abort(404)
    return ticket


def _reserved(session: Session, reference: str, secret: str) -> bool:
    """Whether a stored, not yet processed report reserved this reference and secret."""
    if not is_storable(reference):
        return False
    record = session.execute(
        select(InboundRecord).where(InboundRecord.reference == reference.strip().upper())
    ).scalar_one_or_none()
    return (
        record is not None
        and record.ticket_id is None
        and record.secret is not None
        and same_secret(secret, record.secret)
    )


# -- friendly errors, in the page's language ----------------------------------------------


def _error_page(title_key: str, body_key: str, code: int, **params: Any) -> tuple[str, int]:
    g.lang = _error_language(code)
    g.error_page = True
    page = render_template(
        "citizen/message.html", title_key=title_key, body_key=body_key, params=params, code=code
    )
    return page, code


def not_found_page() -> Response:
    """The citizen 404 page for a path no view owns, in the negotiated language."""
    return standalone_page("not_found_title", "not_found_body", 404)


def unavailable_page() -> Response:
    """The citizen 503 page (database away), with the Retry-After the form also gives."""
    response = standalone_page("unavailable_title", "unavailable_body", 503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def standalone_page(title_key: str, body_key: str, code: int) -> Response:
    """A citizen message page rendered by an app-level handler, outside the blueprint.

    There the blueprint's context processor and response headers do not apply on their
    own, so both are applied here.
    """
    g.lang = choose_language()
    g.error_page = True
    page = render_template(
        "citizen/message.html",
        title_key=title_key,
        body_key=body_key,
        params={},
        code=code,
        **_template_helpers(),
    )
    return _headers(current_app.make_response((page, code)))


def _error_language(code: int) -> str:
    """The error page's language: on a status page (a refused post, say) its ticket's."""
    lang = g.get("lang") or choose_language()
    view_args = request.view_args or {}
    secret = request.args.get("k", "")
    if (
        code in (404, 503)  # no ticket to speak for, or no database to ask
        or request.endpoint not in STATUS_ENDPOINTS
        or "reference" not in view_args
        or not secret
    ):
        return lang
    try:
        with _ctx().sessions() as session:
            ticket = ticket_for_secret(session, str(view_args["reference"]), secret)
            return choose_language(ticket.language) if ticket else lang
    except SQLAlchemyError:
        logger.warning("could not read the ticket's language for an error page", exc_info=True)
        return lang


@bp.errorhandler(404)
def _not_found(_exc: Exception) -> tuple[str, int]:
    return _error_page("not_found_title", "not_found_body", 404)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_exc: Exception) -> tuple[str, int]:
    return _error_page("too_large_title", "too_large_body", 413, limit=MAX_REQUEST_BYTES // 2**20)


@bp.errorhandler(UnreadableForm)
def _unreadable(_exc: Exception) -> tuple[str, int]:
    """A post whose body could not be parsed (channels.web.formdata): say so, not 'expired'."""
    return _error_page("unreadable_title", "unreadable_body", 400)


@bp.errorhandler(TooManyRequests)
def _too_many(exc: TooManyRequests) -> Any:
    page, code = _error_page("rate_limited_title", "rate_limited_body", 429)
    response = current_app.make_response((page, code))
    retry = exc.response.headers.get("Retry-After") if exc.response is not None else None
    if retry:
        response.headers["Retry-After"] = retry
    return response


@bp.errorhandler(CSRFError)
def _csrf(exc: CSRFError) -> tuple[str | Response, int]:
    """A form refused for its CSRF token: open past WTF_CSRF_TIME_LIMIT (an hour), or the
    session cookie gone. The same page comes back with what was typed and a fresh token, so a
    long description is never lost; photos are not read (the citizen attaches them again, the
    ones a refused post kept stay kept). A post another site made gets the bare page."""
    logger.info("citizen %s refused: %s", request.endpoint, exc.description)
    if request.endpoint == "citizen.similar_json" and _same_origin():
        # The form's script asks in the background: it takes the fresh token (for this
        # question and the form it will send) and asks once more, rather than going silent.
        return jsonify(error="csrf_expired", csrf_token=generate_csrf()), 400
    if _same_origin() and not request.form.get("website"):  # a filled honeypot: a bot
        if request.endpoint == "citizen.submit_report":
            form = ReportForm(
                language=g.lang, categories=_ctx().taxonomy.category_codes(), meta={"csrf": False}
            )
            notices = _expired_notices()
            return _render_report(form, kept=form.still_kept(), notices=notices), 400
        if request.endpoint == "citizen.status_post":
            page = _status_again()
            if page is not None:
                return page, 400
    return _error_page("csrf_title", "csrf_body", 400)


def _same_origin() -> bool:
    """False when the browser says the form came from another site.

    Sec-Fetch-Site first: these pages send `Referrer-Policy: no-referrer`, under which a
    browser posts its own forms with `Origin: null`, so the Origin alone would turn every real
    citizen away. Without it (an older browser, a script), the Origin header if any.
    """
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    return origin is None or origin == request.host_url.rstrip("/")


def _expired_notices() -> list[str]:
    photos = any(f.filename for f in request.files.getlist("photos"))
    keys = ["form_expired_kept"] + (["form_expired_photos"] if photos else [])
    return [text(key, g.lang) for key in keys]


def _status_again() -> str | None:
    """The status page with the refused message or rating back in its form; None when the
    link does not name a ticket (checked here: an abort inside an error handler is a 500)."""
    reference = str((request.view_args or {}).get("reference", ""))
    secret = request.args.get("k", "")
    if not secret:
        return None
    try:
        with _ctx().sessions() as session:
            ticket = ticket_for_secret(session, reference, secret)
            if ticket is None:
                return None
            g.lang = choose_language(ticket.language)
            notices = _expired_notices()
            if request.form.get("action") == "rating":
                rating = RatingForm(language=g.lang, meta={"csrf": False})
                return _render_status(session, ticket, secret, rating_form=rating, notices=notices)
            message = MessageForm(language=g.lang, meta={"csrf": False})
            kept = message.still_kept()
            return _render_status(
                session, ticket, secret, message_form=message, kept=kept, notices=notices
            )
    except SQLAlchemyError:
        logger.warning("could not show the status page again after a refused form", exc_info=True)
        return None


@bp.errorhandler(StorageUnavailable)
def _unavailable(_exc: Exception) -> Any:
    page, code = _error_page("unavailable_title", "unavailable_body", 503)
    return page, code, {"Retry-After": str(RETRY_AFTER_SECONDS)}
