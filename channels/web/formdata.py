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
"""

from __future__ import annotations

from typing import IO, Any
from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.formparser import FormDataParser


def _named(data: MultiDict[Any, Any]) -> MultiDict[str, Any]:
    """`data` without the entries whose key is None, of the same MultiDict class."""
    return type(data)((key, value) for key, value in data.items(multi=True) if key is not None)


class NamedPartsParser(FormDataParser):
    """Werkzeug's form parser, keeping only the parts that have a name."""

    def parse(
        self,
        stream: IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str] | None = None,
    ) -> tuple[IO[bytes], MultiDict[str, Any], MultiDict[str, Any]]:
        stream, form, files = super().parse(stream, mimetype, content_length, options)
        return stream, _named(form), _named(files)

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
