"""Form bodies as the app reads them: a multipart part without a name is not a field, and
invalid UTF-8 in a URL-encoded form costs only the bytes that are invalid.

Werkzeug keeps such a part under the key None (`Content-Disposition: form-data` with no
`name`, or `name=` with nothing after it). Flask-WTF's CSRF check then walks the form's keys
looking for a token and calls `None.endswith`: any form POST without a token and with one such
part was a 500 (the report form, the status page, sign-in, the nearby list). No browser sends
one; a part no field can claim is dropped here, once, for every view.

Werkzeug decodes a URL-encoded body as strict UTF-8 and, on one invalid byte anywhere, drops
the whole form without a word: the citizen's report came back as "the form has expired" with
every field empty (the CSRF token was dropped with the rest). Browsers percent-encode, but a
script, an old phone's client or a proxy re-encoding a body may not. Here invalid bytes, raw
or percent-encoded, become U+FFFD in the one field that has them, as Werkzeug already does in
multipart fields, and the rest of the form stands.

A body Werkzeug cannot parse at all (multipart without a boundary or with the wrong one, a
multipart body cut short) it also drops without a word: the view saw an empty form, so the
citizen was told the form had expired. Here the failure is kept on the request
(`BalaghRequest.unreadable_form`, with the body's non-form Content-Type too), and
`channels.web.errors` answers such a post with a 400 saying the form could not be read.

NUL and the other C0 controls (`core.storable.storable_text`; tab and line breaks stay) are
taken out of every field here, once, as the form is read. Core drops them before storing, but
a refused form is shown again from what was posted, and a NUL written into a page's textarea
is read back by the browser as U+FFFD: the agent's next submit stored a replacement character
the caller never said. Passwords are left exactly as typed.
"""

from __future__ import annotations

from io import BytesIO
from typing import IO, Any
from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest
from werkzeug.formparser import FormDataParser

from core.storable import storable_text


def _named(data: MultiDict[Any, Any]) -> MultiDict[str, Any]:
    """`data` without the entries whose key is None, of the same MultiDict class."""
    return type(data)((key, value) for key, value in data.items(multi=True) if key is not None)


def _without_controls(form: MultiDict[str, Any]) -> MultiDict[str, Any]:
    """`form` with NUL and the other C0 controls taken out of every text field but a
    password, of the same MultiDict class."""
    return type(form)(
        (key, value if "password" in key or not isinstance(value, str) else storable_text(value))
        for key, value in form.items(multi=True)
    )


FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})


class UnreadableForm(BadRequest):
    """A form post whose body could not be parsed: the citizen is asked to send it again."""

    description = "The form could not be read."


class NamedPartsParser(FormDataParser):
    """Werkzeug's form parser, keeping only the parts that have a name, and saying (ValueError)
    when a body cannot be parsed rather than returning an empty form."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.silent = False  # BalaghRequest catches the ValueError and keeps its reason

    def parse(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str] | None = None,
    ) -> tuple[IO[bytes], MultiDict[str, Any], MultiDict[str, Any]]:
        stream, form, files = super().parse(stream, mimetype, content_length, options)
        return stream, _without_controls(_named(form)), _named(files)

    def _parse_urlencoded(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str],
    ) -> tuple[IO[bytes], MultiDict[str, Any], MultiDict[str, Any]]:
        """Werkzeug's, with invalid UTF-8 replaced instead of the form dropped (the stream
        is already limited to MAX_CONTENT_LENGTH)."""
        body = stream.read().decode("utf-8", "replace")
        items = parse_qsl(body, keep_blank_values=True, errors="replace")
        return stream, self.cls(items), self.cls()


class BalaghRequest(Request):
    """The app's request class: Flask's, with the form parser above."""

    form_data_parser_class = NamedPartsParser
    _parse_failure: str | None = None

    def _load_form_data(self) -> None:
        """Werkzeug's, with a body that cannot be parsed kept as an empty form and its
        reason (a second read of `form` must not parse the consumed stream again)."""
        if "form" in self.__dict__:
            return
        try:
            super()._load_form_data()
        except ValueError as exc:
            self._parse_failure = str(exc) or type(exc).__name__
            empty = self.parameter_storage_class()
            self.__dict__.update(stream=BytesIO(), form=empty, files=empty)

    @property
    def unreadable_form(self) -> str | None:
        """Why this post's body cannot be read as a form (None when it can, or is empty):
        Werkzeug's parse error, or a body sent under a Content-Type that is not a form's."""
        self._load_form_data()
        if self._parse_failure is not None:
            return self._parse_failure
        has_body = bool(self.content_length) or "chunked" in self.headers.get(
            "Transfer-Encoding", ""
        )
        if has_body and self.mimetype not in FORM_TYPES:
            return f"body of type {self.mimetype or 'none'!r} is not a form"
        return None
