"""Open311: a POST whose form body cannot be read (a multipart body cut short or without its
boundary, a form in another charset than UTF-8) is a 400 Open311 error saying so, in the format
the path asks for, and stores nothing; a body that is not a form is a 415 naming the type to
send; bytes that are not UTF-8 in a readable form cost only themselves."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from channels.web.app import create_app
from core.context import Context
from core.models import InboundRecord

KEY = "key-1"
V2 = "/open311/v2"
BOUNDARY = "b0undary"
FIELDS = (
    ("api_key", KEY),
    ("service_code", "road_damage"),
    ("lat", "23.5880"),
    ("long", "58.3829"),
    ("description", "Deep pothole in the right lane"),
)


def _multipart(fields: tuple[tuple[str, str], ...] = FIELDS) -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields
    ]
    return ("".join(parts) + f"--{BOUNDARY}--\r\n").encode()


WHOLE = _multipart()
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
URLENCODED = "application/x-www-form-urlencoded"

# Bodies Werkzeug cannot parse: it handed the view an empty form, answered as a 403
# "api_key is required to submit a request" about a key the body carried
UNREADABLE: dict[str, tuple[bytes, str]] = {
    "multipart cut short": (WHOLE[: len(WHOLE) // 2], MULTIPART),
    "multipart without its end": (WHOLE[: -len(f"--{BOUNDARY}--\r\n")], MULTIPART),
    "multipart without a boundary": (WHOLE, "multipart/form-data"),
    "multipart with another boundary": (WHOLE, "multipart/form-data; boundary=other"),
    "multipart headers cut short": (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="api'.encode(),
        MULTIPART,
    ),
    "a form in UTF-16": (
        "api_key=key-1&service_code=road_damage".encode("utf-16"),
        f"{URLENCODED}; charset=utf-16",
    ),
}
NOT_A_FORM: dict[str, tuple[bytes, str]] = {
    "text/plain": (b"api_key=key-1&service_code=road_damage", "text/plain"),
    "JSON": (json.dumps(dict(FIELDS)).encode(), "application/json"),
    "no Content-Type": (b"api_key=key-1&service_code=road_damage", ""),
}


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.settings.open311_api_keys = KEY
    return create_app(ctx).test_client()


def _records(ctx: Context) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(InboundRecord)).scalar_one())


def _post(client: FlaskClient, fmt: str, body: bytes, content_type: str, **environ: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"{V2}/requests.{fmt}",
        data=body,
        headers={"Content-Type": content_type},
        environ_overrides=environ,
    )


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_an_unreadable_form_body_is_a_400_saying_so(
    ctx: Context, client: FlaskClient, case: str
) -> None:
    answer = _post(client, "json", *UNREADABLE[case])
    assert answer.status_code == 400 and answer.is_json
    [error] = answer.get_json()
    assert error["code"] == 400
    assert "could not be read" in error["description"] or "must be UTF-8" in error["description"]
    assert "api_key" not in error["description"]
    assert _records(ctx) == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_unreadable_form_body_is_a_400_in_xml_too(ctx: Context, client: FlaskClient) -> None:
    answer = _post(client, "xml", *UNREADABLE["multipart cut short"])
    assert answer.status_code == 400
    root = ET.fromstring(answer.data)
    assert (root.tag, root.findtext("error/code")) == ("errors", "400")
    assert "could not be read" in (root.findtext("error/description") or "")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_body_shorter_than_its_content_length_is_a_400(ctx: Context, client: FlaskClient) -> None:
    """The client went away mid-body (or lied about its length): Werkzeug's 400, in shape."""
    body = b"api_key=key-1&service_code=road_damage&description=Pothole"
    answer = _post(client, "json", body, URLENCODED, CONTENT_LENGTH=str(len(body) + 100))
    assert answer.status_code == 400 and answer.is_json
    [error] = answer.get_json()
    assert error["code"] == 400 and error["description"]
    assert _records(ctx) == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("case", sorted(NOT_A_FORM))
def test_a_body_that_is_not_a_form_is_a_415_naming_the_type(
    ctx: Context, client: FlaskClient, case: str
) -> None:
    answer = _post(client, "json", *NOT_A_FORM[case])
    assert answer.status_code == 415 and answer.is_json
    [error] = answer.get_json()
    assert "application/x-www-form-urlencoded" in error["description"]
    assert _records(ctx) == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"&".join(f"{k}={v}".encode() for k, v in FIELDS) + b" \xff\xfe", URLENCODED),
        (WHOLE.replace(b"Deep pothole", b"Deep \xff pothole"), MULTIPART),
    ],
    ids=["urlencoded", "multipart"],
)
def test_bytes_that_are_not_utf8_in_a_readable_form_cost_only_themselves(
    ctx: Context, client: FlaskClient, body: bytes, content_type: str
) -> None:
    answer = _post(client, "json", body, content_type)
    assert answer.status_code in (201, 202), answer.data
    assert _records(ctx) == 1
