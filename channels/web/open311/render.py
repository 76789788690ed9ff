"""Open311 responses in the format the URL asks for: JSON, or XML built with ElementTree.

GeoReport v2 wraps every list in a plural root (`services`, `service_requests`, `errors`)
whose items are singular elements; errors are `[{"code": 400, "description": ...}]` with the
same HTTP status. ElementTree escapes markup; characters XML 1.0 forbids (control
characters a citizen may paste) are dropped so the document always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from flask import Response, jsonify

FORMATS = ("json", "xml")
XML_MIMETYPE = "text/xml"
JSON_MIMETYPE = "application/json"

# Characters outside the XML 1.0 Char production (https://www.w3.org/TR/xml/#charsets).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The item element of each list, where the singular is not the plural minus "s".
_SINGULAR = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


class Open311Error(Exception):
    """An error to answer in the spec's shape, with its HTTP status."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def check_format(fmt: str) -> str:
    """The response format from the URL's extension; unknown ones are a 404 in JSON."""
    if fmt not in FORMATS:
        raise Open311Error(404, f"Unknown format '{fmt}'; use .json or .xml.")
    return fmt


def respond(fmt: str, root: str, body: Any, status: int = 200) -> Response:
    """Serialise `body` as JSON, or as XML under the element `root`."""
    if fmt == "xml":
        # Werkzeug adds "; charset=utf-8" to text/* types.
        return Response(to_xml(root, body), status=status, mimetype=XML_MIMETYPE)
    response = jsonify(body)
    response.status_code = status
    return response


def error_response(fmt: str, error: Open311Error) -> Response:
    """The spec's error list: one error with the HTTP status as its code."""
    body = [{"code": error.status, "description": error.description}]
    return respond(fmt if fmt in FORMATS else "json", "errors", body, error.status)


def to_xml(root: str, body: Any) -> str:
    """An XML document with a UTF-8 declaration; Arabic stays as characters, not entities."""
    element = _element(root, body)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="unicode")


def _element(tag: str, value: Any) -> ET.Element:
    element = ET.Element(tag)
    if isinstance(value, Mapping):
        for key, item in value.items():
            element.append(_element(str(key), item))
    elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
        child = _SINGULAR.get(tag, tag.removesuffix("s"))
        for item in value:
            element.append(_element(child, item))
    elif value is not None:
        element.text = _text(value)
    return element


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_INVALID.sub("", str(value))
