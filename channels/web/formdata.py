"""Form bodies as the app reads them: a multipart part without a name is not a field.

Werkzeug keeps such a part under the key None (`Content-Disposition: form-data` with no
`name`, or `name=` with nothing after it). Flask-WTF's CSRF check then walks the form's keys
looking for a token and calls `None.endswith`: any form POST without a token and with one such
part was a 500 (the report form, the status page, sign-in, the nearby list). No browser sends
one; a part no field can claim is dropped here, once, for every view.
"""

from __future__ import annotations

from typing import IO, Any

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


class BalaghRequest(Request):
    """The app's request class: Flask's, with the form parser above."""

    form_data_parser_class = NamedPartsParser
