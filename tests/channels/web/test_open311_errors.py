"""Open311: a reused Idempotency-Key with other fields is a 409; unknown paths answer in shape."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from channels.web.app import create_app
from core.context import Context
from core.models import InboundRecord, Ticket

KEY = "key-1"
V2 = "/open311/v2"
POTHOLE = {
    "api_key": KEY,
    "service_code": "road_damage",
    "lat": "23.5880",
    "long": "58.3829",
    "description": "Deep pothole in the right lane",
    "email": "citizen@example.om",
}
RATS = {**POTHOLE, "service_code": "pest_control", "description": "Rats near the market"}
RETRY = {"Idempotency-Key": "report-42"}


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.settings.open311_api_keys = KEY
    return create_app(ctx).test_client()


def _count(ctx: Context, model: type[Ticket] | type[InboundRecord]) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_same_idempotency_key_with_other_fields_is_409_json(
    ctx: Context, client: FlaskClient
) -> None:
    first = client.post(f"{V2}/requests.json", data=POTHOLE, headers=RETRY)
    other = client.post(f"{V2}/requests.json", data=RATS, headers=RETRY)
    assert first.status_code == 201
    assert other.status_code == 409 and other.is_json
    [error] = other.get_json()
    assert error["code"] == 409 and "Idempotency-Key" in error["description"]
    assert (_count(ctx, Ticket), _count(ctx, InboundRecord)) == (1, 1)


def test_same_idempotency_key_with_other_fields_is_409_xml(client: FlaskClient) -> None:
    client.post(f"{V2}/requests.xml", data=POTHOLE, headers=RETRY)
    other = client.post(f"{V2}/requests.xml", data={**POTHOLE, "lat": "23.6"}, headers=RETRY)
    assert other.status_code == 409
    root = ET.fromstring(other.data)
    assert (root.tag, root.findtext("error/code")) == ("errors", "409")


def test_same_idempotency_key_with_same_fields_returns_the_first_request(
    ctx: Context, client: FlaskClient
) -> None:
    first = client.post(f"{V2}/requests.json", data=POTHOLE, headers=RETRY)
    again = client.post(f"{V2}/requests.json", data=dict(reversed(POTHOLE.items())), headers=RETRY)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()[0]["service_request_id"] == again.get_json()[0]["service_request_id"]
    assert _count(ctx, Ticket) == 1


def test_idempotency_keys_of_different_clients_do_not_conflict(
    ctx: Context, client: FlaskClient
) -> None:
    ctx.settings.open311_api_keys = f"{KEY},key-2"
    first = client.post(f"{V2}/requests.json", data=POTHOLE, headers=RETRY)
    other = client.post(f"{V2}/requests.json", data={**RATS, "api_key": "key-2"}, headers=RETRY)
    assert (first.status_code, other.status_code) == (201, 201)


@pytest.mark.parametrize("path", ["/nothing", "/nothing.json", "/requests/MCT-1/extra"])
def test_unknown_path_is_an_open311_json_404(client: FlaskClient, path: str) -> None:
    response = client.get(V2 + path)
    assert response.status_code == 404 and response.is_json
    assert response.get_json() == [{"code": 404, "description": "No such endpoint."}]


def test_unknown_xml_path_is_an_open311_xml_404(client: FlaskClient) -> None:
    response = client.get(f"{V2}/nothing.xml")
    assert response.status_code == 404
    assert response.mimetype == "text/xml"
    assert ET.fromstring(response.data).findtext("error/code") == "404"


def test_wrong_method_is_an_open311_405_with_allow(client: FlaskClient) -> None:
    response = client.delete(f"{V2}/requests.xml")
    assert response.status_code == 405
    assert {"GET", "POST"} <= set(response.headers["Allow"].split(", "))
    assert ET.fromstring(response.data).findtext("error/code") == "405"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"api_key": "key-1", "service_code": "road_damage"}', "application/json"),
        (b"api_key=key-1&service_code=road_damage", "text/plain"),
        (b"api_key=key-1&service_code=road_damage", None),
    ],
)
def test_a_body_not_form_encoded_is_a_415_naming_the_type_to_send(
    ctx: Context, client: FlaskClient, body: bytes, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post(f"{V2}/requests.json", data=body, headers=headers)
    assert response.status_code == 415 and response.is_json
    [error] = response.get_json()
    assert error["code"] == 415 and "application/x-www-form-urlencoded" in error["description"]
    assert _count(ctx, InboundRecord) == 0


def test_an_empty_body_is_asked_for_its_fields_not_refused_for_its_type(
    client: FlaskClient,
) -> None:
    response = client.post(f"{V2}/requests.json?api_key={KEY}")
    assert response.status_code == 400
    [error] = response.get_json()
    assert error["description"] == "service_code is required."


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_body_over_the_size_limit_is_a_413_in_the_open311_shape(ctx: Context, fmt: str) -> None:
    ctx.settings.open311_api_keys = KEY
    app = create_app(ctx)
    app.config["MAX_CONTENT_LENGTH"] = 4096
    response = app.test_client().post(
        f"{V2}/requests.{fmt}", data={**POTHOLE, "description": "x" * 8192}
    )
    assert response.status_code == 413
    if fmt == "json":
        [error] = response.get_json()
        assert error["code"] == 413 and "larger than this endpoint accepts" in error["description"]
    else:
        root = ET.fromstring(response.data)
        assert (root.tag, root.findtext("error/code")) == ("errors", "413")
    assert _count(ctx, InboundRecord) == 0


@pytest.mark.parametrize("lat", ["2_3.588", "23_.588", "0x17", "23.588.1", "1e1x"])
def test_a_coordinate_that_is_not_a_plain_decimal_is_refused_not_reread(
    ctx: Context, client: FlaskClient, lat: str
) -> None:
    """Python's float() reads "2_3.588" as 23.588: a typo would place the report somewhere
    the submitter never wrote. GeoReport v2 asks for WGS84 decimal degrees."""
    response = client.post(f"{V2}/requests.json", data={**POTHOLE, "lat": lat})
    assert response.status_code == 400
    assert response.get_json()[0]["description"] == "lat must be a decimal number (WGS84)."
    assert _count(ctx, Ticket) == 0


@pytest.mark.parametrize(
    "lat", ["23.588", "-23.588", "+23.588", "23", ".5", "2.3588e1", "٢٣.٥٨٨", "٢٣٫٥٨٨"]
)
def test_plain_decimal_coordinates_are_taken(client: FlaskClient, lat: str) -> None:
    assert client.post(f"{V2}/requests.json", data={**POTHOLE, "lat": lat}).status_code == 201
