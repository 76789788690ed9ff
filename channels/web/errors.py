"""App-level answers no single view owns, in the shape the caller reads.

404 and 405 for paths no view owns, and any other HTTP error no blueprint answered (routing fails before any blueprint is chosen, so
blueprint error handlers never see these); 503 with Retry-After while the database is down,
hung or locked, from any view; 400 for input too big or too deep to handle (a 100-digit
integer, a JSON body nested 100,000 deep). The path decides the shape: JSON errors under
/api/, Open311 errors under /open311/ (in the format the path's extension asks for), a short
page under /inbox/, and elsewhere the citizen pages, in the language the citizen pages
negotiate (?lang=, the remembered choice, Accept-Language).
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import BadHost, HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from channels.web.api import errors as api
from channels.web.citizen.views import not_found_page, standalone_page, unavailable_page
from channels.web.formdata import UnreadableForm
from channels.web.inbox.auth import method_not_allowed_page as inbox_method_not_allowed
from channels.web.open311.render import Open311Error
from channels.web.open311.render import error_response as open311_error
from core.db import DATABASE_OUTAGES

API = "/api"
OPEN311 = "/open311"
INBOX = "/inbox"
RETRY_AFTER = "30"  # seconds; a database restart or failover usually takes less
INBOX_UNAVAILABLE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الخدمة غير متاحة مؤقتًا</title></head>
<body><h1>الخدمة غير متاحة مؤقتًا</h1>
<p>تعذّر الوصول إلى قاعدة البيانات. لم يُحفظ أي تغيير؛ يُرجى المحاولة بعد قليل.</p>
<p lang="en" dir="ltr">The database cannot be reached just now. Nothing was changed;
please try again in a moment.</p></body></html>
"""
INBOX_UNREADABLE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تعذّرت قراءة النموذج</title></head>
<body><h1>تعذّرت قراءة النموذج</h1>
<p>وصل النموذج تالفًا أو ناقصًا، فلم يُحفظ شيء. يُرجى العودة إلى الصفحة وإرساله مرة أخرى.</p>
<p lang="en" dir="ltr">The form arrived damaged or incomplete, so nothing was saved. Please go
back to the page and send it again.</p></body></html>
"""
BAD_HOST = (
    "طلب غير صالح: اسم الموقع في الطلب غير صحيح.\n"
    "Bad request: the site name (Host) in the request is not valid.\n"
)
# the areas whose posts are HTML forms; the API, Open311 and webhooks read their own bodies
FORM_BLUEPRINTS = frozenset({"citizen", "inbox"})


def _under(prefix: str) -> bool:
    return request.path == prefix or request.path.startswith(prefix + "/")


def _open311_format() -> str:
    """The format the path asks for (`.xml` or `.json`); JSON when it names neither."""
    return "xml" if request.path.lower().endswith(".xml") else "json"


def not_found(exc: NotFound) -> ResponseReturnValue:
    """404 for an unknown path, shaped for the part of the site it is under."""
    unrouted = request.url_rule is None
    if _under(API):
        message = "No such endpoint." if unrouted else (exc.description or "Not found.")
        return api.error_response(404, "not_found", message)
    if _under(OPEN311):
        return open311_error(_open311_format(), Open311Error(404, "No such endpoint."))
    if not unrouted:  # a view's own 404 (the inbox's, a webhook's) stays as it was
        return exc
    return not_found_page()


def _blueprint_of(methods: list[str]) -> str | None:
    """The blueprint owning the path when routing refused the method (url_rule is then None)."""
    if request.blueprint is not None:
        return request.blueprint
    adapter = current_app.url_map.bind_to_environ(request.environ)
    for method in methods:
        try:
            endpoint, _ = adapter.match(method=method)
        except (HTTPException, RequestRedirect):
            continue
        return str(endpoint).rpartition(".")[0] or None
    return None


def method_not_allowed(exc: MethodNotAllowed) -> ResponseReturnValue:
    """405 with an Allow header; JSON under /api/, Open311-shaped under /open311/, the inbox's
    page (in the staff member's language) in the inbox, and the citizen's own page (in the
    citizen's language) on the citizen site."""
    allowed = sorted(set(exc.valid_methods or ()))
    if _under(API):
        return api.method_not_allowed(allowed)
    if _under(OPEN311):
        description = f"{request.method} is not allowed here; allowed: {', '.join(allowed)}."
        response = open311_error(_open311_format(), Open311Error(405, description))
        response.headers["Allow"] = ", ".join(allowed)
        return response
    owner = _blueprint_of(allowed)
    if owner == "inbox":
        return inbox_method_not_allowed(allowed)
    if owner != "citizen":  # webhooks, health: as Werkzeug says
        return exc
    response = standalone_page("method_not_allowed_title", "method_not_allowed_body", 405)
    response.headers["Allow"] = ", ".join(allowed)
    return response


def http_error(exc: HTTPException) -> ResponseReturnValue:
    """Any other HTTP error no blueprint answered: in the shape of the part of the site."""
    code = exc.code
    if code is None or code < 400:  # abort(response) and redirects answer for themselves
        return exc
    if _under(API):
        return api.http_error(exc)
    if _under(OPEN311):
        description = exc.description or exc.name
        return open311_error(_open311_format(), Open311Error(code, description))
    if request.blueprint == "citizen" or (request.url_rule is None and not _under(INBOX)):
        response = standalone_page("error_title", "error_body", code)
        if exc.response is not None:  # keep what the error said (Retry-After, Allow...)
            for name in ("Retry-After", "Allow", "WWW-Authenticate"):
                if name in exc.response.headers:
                    response.headers[name] = exc.response.headers[name]
        return response
    return exc


def bad_host(exc: BadHost) -> ResponseReturnValue:
    """400 in plain text for a Host header no URL can be built on (a label over 63 characters
    or an empty one): Werkzeug then gives the request no URL adapter, so any page (every
    template links its stylesheet through url_for) failed with a 500: the citizen pages,
    the webhooks, /healthz and /metrics. The API and Open311 answer in their own shape."""
    current_app.logger.info("refused a request with an invalid Host header on %s", request.path)
    if _under(API) or _under(OPEN311):
        return http_error(exc)  # their own shapes need no URL
    return Response(BAD_HOST, status=400, mimetype="text/plain")


def database_unavailable(exc: Exception) -> ResponseReturnValue:
    """503 with Retry-After while the database is away: the caller should simply retry."""
    current_app.logger.warning("database unavailable for %s: %s", request.path, type(exc).__name__)
    message = "The service is briefly unavailable; nothing was changed. Try again shortly."
    response: Response
    if _under(API):
        response, _ = api.error_response(503, "unavailable", message)
        response.status_code = 503
    elif _under(OPEN311):
        response = open311_error(_open311_format(), Open311Error(503, message))
    elif _under(INBOX):
        response = Response(INBOX_UNAVAILABLE, status=503, mimetype="text/html")
    elif request.blueprint == "citizen" or request.url_rule is None:
        return unavailable_page()
    else:  # webhooks: the platform retries on a 5xx
        response = Response(message, status=503, mimetype="text/plain")
    response.headers["Retry-After"] = RETRY_AFTER
    return response


def input_too_large(exc: Exception) -> ResponseReturnValue:
    """400 for a number or a nesting depth beyond what any real request carries."""
    current_app.logger.info("refused oversized input on %s: %s", request.path, type(exc).__name__)
    message = "A value in the request is too large or too deeply nested."
    if _under(API):
        return api.error_response(400, "bad_request", message)
    if _under(OPEN311):
        return open311_error(_open311_format(), Open311Error(400, message))
    return Response(message, status=400, mimetype="text/plain")


def refuse_unreadable_form() -> None:
    """Before the CSRF check: a form post whose body cannot be read is a 400 saying so.

    Werkzeug hands a view an empty form for such a body, and the citizen was told the form
    had expired (the token went with the rest) or the post vanished without a word."""
    if request.method != "POST" or request.blueprint not in FORM_BLUEPRINTS:
        return
    reason = getattr(request, "unreadable_form", None)
    if reason is not None:
        current_app.logger.info("unreadable form on %s: %s", request.path, reason)
        raise UnreadableForm()


def unreadable_form(exc: UnreadableForm) -> ResponseReturnValue:
    """The inbox's answer to an unreadable form (the citizen blueprint has its own)."""
    if _under(INBOX):
        return Response(INBOX_UNREADABLE, status=400, mimetype="text/html")
    return standalone_page("unreadable_title", "unreadable_body", 400)


def init_app(app: Flask) -> None:
    """Register the handlers on the app; a blueprint's own handlers still win in its views."""
    app.register_error_handler(UnreadableForm, unreadable_form)
    app.register_error_handler(NotFound, not_found)
    app.register_error_handler(MethodNotAllowed, method_not_allowed)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(BadHost, bad_host)
    for outage in DATABASE_OUTAGES:
        app.register_error_handler(outage, database_unavailable)
    app.register_error_handler(OverflowError, input_too_large)
    app.register_error_handler(RecursionError, input_too_large)
