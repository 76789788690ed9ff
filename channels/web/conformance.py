"""Requests HTTP/1.1 itself refuses, answered before the app: a major version other than 1,
and an HTTP/1.1 request with no Host header or with two.

Waitress hands them on (an `HTTP/9.9` request line, a request without Host, two Host headers
joined into "a, b"), and the app answered them 200. RFC 9112 §3.2: "A server MUST respond
with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks a Host header
field and to any request message that contains more than one Host header field line or a
Host header field with an invalid field value." RFC 9110 §15.6.6: 505 (HTTP Version Not
Supported) refuses a major version the server does not speak, as nginx and Go's server do.
An HTTP/1.0 request may lack Host (RFC 9112 §3.2; load balancers' health probes send none);
it still may not carry two. A comma is no part of a host, so one in Host is two of them, or
one no URL is built on (errors.bad_host answers those Werkzeug itself refuses).
A WSGI wrapper, so gunicorn's workers refuse the same requests as `balagh serve`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

VERSION = re.compile(r"HTTP/([0-9])\.[0-9]\Z")
TEXT = "text/plain; charset=utf-8"
BAD_REQUEST = "400 Bad Request"
NOT_SUPPORTED = "505 HTTP Version Not Supported"
NO_HOST = (
    "طلب غير صالح: الطلب بلا اسم الموقع (Host).\nBad request: the request has no Host header.\n"
).encode()
TWO_HOSTS = (
    "طلب غير صالح: في الطلب أكثر من اسم موقع (Host).\n"
    "Bad request: the request has more than one Host header.\n"
).encode()
BAD_VERSION = (
    "طلب غير صالح: نسخة HTTP في سطر الطلب غير صحيحة.\n"
    "Bad request: the HTTP version in the request line is not valid.\n"
).encode()
OTHER_VERSION = (
    "نسخة HTTP هذه غير مدعومة؛ استخدم HTTP/1.1.\n"
    "This HTTP version is not supported; please use HTTP/1.1.\n"
).encode()


def refusal(environ: dict[str, Any]) -> tuple[str, bytes] | None:
    """The status and words to refuse this request with, or None when HTTP/1.1 takes it."""
    protocol = str(environ.get("SERVER_PROTOCOL", ""))
    version = VERSION.match(protocol)
    if version is None:
        return BAD_REQUEST, BAD_VERSION
    if version.group(1) != "1":
        return NOT_SUPPORTED, OTHER_VERSION
    host = environ.get("HTTP_HOST")
    if host is None:
        return None if protocol == "HTTP/1.0" else (BAD_REQUEST, NO_HOST)
    if "," in host:
        return BAD_REQUEST, TWO_HOSTS
    return None


class HttpConformance:
    """Refuse what `refusal` names, before the app (and before a slot of the load shedder)."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        refused = refusal(environ)
        if refused is None:
            return self.app(environ, start_response)
        status, body = refused
        length = str(len(body))
        start_response(status, [("Content-Type", TEXT), ("Content-Length", length)])
        return [body]
