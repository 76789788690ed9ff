"""Open311 GeoReport v2: discovery, services, submitting and reading requests, tokens."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from channels.web.app import create_app
from core.context import Context
from core.errors import StorageUnavailable
from core.models import Message, OutboxItem, Role, Status, Ticket
from core.tickets import ticket_by_reference
from core.workflow.transitions import Actor, transition

KEY = "key-1"
V2 = "/open311/v2"
POTHOLE = {
    "api_key": KEY,
    "service_code": "road_damage",
    "lat": "23.5880",
    "long": "58.3829",
    "address_string": "Way 3019, Al Khuwair",
    "description": "Deep pothole in the right lane",
    "email": "Citizen@Example.om",
    "phone": "+968 9123 4567",
    "first_name": "Salim",
    "last_name": "Al Harthy",
}


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    ctx.settings.open311_api_keys = f"{KEY}, key-2"
    return create_app(ctx).test_client()


def submit(client: FlaskClient, fmt: str = "json", **fields: str) -> Any:
    return client.post(f"{V2}/requests.{fmt}", data={**POTHOLE, **fields})


def created_reference(client: FlaskClient, **fields: str) -> str:
    response = submit(client, **fields)
    assert response.status_code == 201, response.get_data(as_text=True)
    return str(response.get_json()[0]["service_request_id"])


def parse_xml(body: bytes) -> ET.Element:
    return ET.fromstring(body)


def close_ticket(ctx: Context, reference: str, answer: str) -> None:
    dispatcher = Actor(name="dispatcher@balagh.test", role=Role.DISPATCHER)
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        department = Actor(name="roads@balagh.test", role=Role.DEPARTMENT, directorate="roads")
        transition(ctx, session, ticket, Status.TRIAGED, dispatcher)
        transition(ctx, session, ticket, Status.ASSIGNED, dispatcher)
        transition(ctx, session, ticket, Status.RESOLVED, department, note=answer)
        transition(ctx, session, ticket, Status.CLOSED, dispatcher)


def test_discovery_names_the_v2_endpoint_in_json_and_xml(client: FlaskClient) -> None:
    body = client.get(f"{V2}/discovery.json").get_json()
    endpoint = body["endpoints"][0]
    assert endpoint["url"] == "http://balagh.test/open311/v2"
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(endpoint["formats"]) == {"application/json", "text/xml"}
    root = parse_xml(client.get(f"{V2}/discovery.xml").data)
    assert root.tag == "discovery"
    assert [f.text for f in root.iterfind("endpoints/endpoint/formats/format")] == [
        "application/json",
        "text/xml",
    ]


def test_services_list_every_taxonomy_category_in_json(ctx: Context, client: FlaskClient) -> None:
    services = client.get(f"{V2}/services.json").get_json()
    assert [s["service_code"] for s in services] == list(ctx.taxonomy.category_codes())
    assert len(services) == 19
    road = services[0]
    assert road["service_name"] == "Road or pavement damage"
    assert road["group"] == "Roads and Street Lighting"
    assert (road["metadata"], road["type"]) == (False, "realtime")
    assert road["keywords"] and road["description"]


def test_services_list_every_taxonomy_category_in_xml(client: FlaskClient) -> None:
    response = client.get(f"{V2}/services.xml")
    assert response.mimetype == "text/xml"
    root = parse_xml(response.data)
    assert root.tag == "services"
    assert len(root.findall("service")) == 19
    assert root.findtext("service/metadata") == "false"


def test_services_in_arabic_with_locale_or_accept_language(client: FlaskClient) -> None:
    by_locale = client.get(f"{V2}/services.json?locale=ar").get_json()
    by_header = client.get(f"{V2}/services.json", headers={"Accept-Language": "ar-OM,ar;q=0.9"})
    assert by_locale[0]["service_name"] == "تلف الطرق والأرصفة"
    assert by_locale[0]["group"] == "الطرق والإنارة"
    assert by_header.get_json() == by_locale
    xml_name = parse_xml(client.get(f"{V2}/services.xml?locale=ar").data).findtext(
        "service/service_name"
    )
    assert xml_name == "تلف الطرق والأرصفة"


def test_service_definition_has_no_attributes_and_unknown_code_is_404(
    client: FlaskClient,
) -> None:
    body = client.get(f"{V2}/services/street_lighting.json").get_json()
    assert body == {"service_code": "street_lighting", "attributes": []}
    missing = client.get(f"{V2}/services/no_such_thing.xml")
    assert missing.status_code == 404
    assert parse_xml(missing.data).findtext("error/code") == "404"


def test_post_without_api_key_is_refused_and_creates_nothing(
    ctx: Context, client: FlaskClient
) -> None:
    data = {k: v for k, v in POTHOLE.items() if k != "api_key"}
    missing = client.post(f"{V2}/requests.json", data=data)
    wrong = client.post(f"{V2}/requests.xml", data={**data, "api_key": "key-3"})
    assert missing.status_code == 403  # GeoReport v2: missing or wrong key, both 403
    assert missing.get_json()[0]["code"] == 403
    assert wrong.status_code == 403
    assert parse_xml(wrong.data).findtext("error/code") == "403"
    with ctx.sessions() as session:
        assert session.execute(select(Ticket)).first() is None


def test_post_is_refused_when_no_keys_are_configured(ctx: Context) -> None:
    client = create_app(ctx).test_client()  # open311_api_keys left empty
    assert client.post(f"{V2}/requests.json", data=POTHOLE).status_code == 403


@pytest.mark.parametrize(
    "fields",
    [
        {"service_code": "no_such_service"},
        {"service_code": ""},
        {"lat": "", "long": "", "address_string": ""},
        {"lat": "23.5", "long": ""},
        {"lat": "123.5"},
        {"email": "not-an-address"},
        {"media_url": "file:///etc/passwd"},
    ],
)
def test_post_with_bad_fields_is_a_400_in_the_spec_shape(
    client: FlaskClient, fields: dict[str, str]
) -> None:
    response = submit(client, **fields)
    assert response.status_code == 400
    error = response.get_json()[0]
    assert error["code"] == 400 and error["description"]


def test_post_creates_a_ticket_with_category_location_and_contact(
    ctx: Context, client: FlaskClient
) -> None:
    response = submit(client)
    assert response.status_code == 201
    body = response.get_json()
    assert body[0]["service_request_id"] == "MCT-000001"
    assert body[0]["account_id"] is None
    assert "MCT-000001" in body[0]["service_notice"]
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, "MCT-000001")
        assert ticket is not None
        assert (ticket.channel, ticket.category, ticket.directorate) == (
            "open311",
            "road_damage",
            "roads",
        )
        assert (ticket.lat, ticket.lon) == (23.588, 58.3829)
        assert ticket.address == "Way 3019, Al Khuwair"
        assert ticket.contact.email == "citizen@example.om"
        assert ticket.contact.phone == "+96891234567"  # E.164
        assert ticket.contact.name == "Salim Al Harthy"


def test_acknowledgement_goes_by_email_when_the_submitter_gave_one(
    ctx: Context, client: FlaskClient
) -> None:
    created_reference(client)
    created_reference(client, email="", phone="")
    with ctx.sessions() as session:
        items = session.execute(select(OutboxItem)).scalars().all()
    assert [(i.channel, i.address) for i in items] == [("email", "citizen@example.om")]


def test_acknowledgement_of_a_request_without_words_names_the_directorate_in_each_language(
    ctx: Context, client: FlaskClient
) -> None:
    # No description (GeoReport v2 makes it optional): no language, so the acknowledgement is
    # in both; QA on the demo read "It will be passed to الطرق والإنارة / Roads and Street
    # Lighting" in its English part and the English name in its Arabic part
    reference = created_reference(client, description="")
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None and ticket.language is None
        ack = next(m.text or "" for m in ticket.messages if m.kind == "ack")
    arabic, english = ack.split("Thank you for contacting")
    assert "الطرق والإنارة" in arabic and "Roads" not in arabic
    assert "Roads and Street Lighting" in english
    assert re.search("[\u0600-\u06ff]", english) is None


def test_the_status_page_of_a_request_without_words_shows_its_place_not_an_empty_bubble(
    ctx: Context, client: FlaskClient
) -> None:
    # QA on the demo: the citizen's page of such a request opened the conversation with
    # "You · date" over nothing (the inbox shows the place, the status page showed no text)
    reference = created_reference(client, description="")
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        ack = next(m.text or "" for m in ticket.messages if m.kind == "ack")
    link = re.search(r"/t/MCT-\d+\?k=[\w-]+", ack)
    assert link is not None
    page = html.unescape(client.get(link.group(0) + "&lang=en").get_data(as_text=True))
    assert "The place you sent: <bdi>Way 3019, Al Khuwair</bdi>" in page
    assert '<span dir="ltr">23.58800, 58.38290</span>' in page


def test_each_post_is_a_new_request_even_from_the_same_submitter(client: FlaskClient) -> None:
    first = created_reference(client)
    assert first != created_reference(client, description="A second pothole by the mosque")


def tickets(ctx: Context) -> int:
    with ctx.sessions() as session:
        return len(session.execute(select(Ticket)).all())


def test_an_identical_post_within_60_seconds_without_a_key_is_answered_as_a_replay(
    ctx: Context, client: FlaskClient
) -> None:
    ctx.settings.now = datetime(2026, 3, 1, 8, 0, 50, tzinfo=UTC)
    first = submit(client)
    ctx.settings.now += timedelta(seconds=20)  # across a minute's boundary too
    again = submit(client)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()[0]["service_request_id"] == again.get_json()[0]["service_request_id"]
    assert tickets(ctx) == 1


def test_an_identical_post_after_60_seconds_or_from_another_key_is_a_new_request(
    ctx: Context, client: FlaskClient
) -> None:
    ctx.settings.now = datetime(2026, 3, 1, 8, 0, 10, tzinfo=UTC)
    first = created_reference(client)
    assert created_reference(client, api_key="key-2") != first
    ctx.settings.now += timedelta(seconds=61)
    assert created_reference(client) != first
    assert tickets(ctx) == 3


def test_post_retried_with_the_same_idempotency_key_makes_one_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    headers = {"Idempotency-Key": "report-42"}
    first = client.post(f"{V2}/requests.json", data=POTHOLE, headers=headers)
    again = client.post(f"{V2}/requests.json", data=POTHOLE, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()[0]["service_request_id"] == again.get_json()[0]["service_request_id"]
    with ctx.sessions() as session:
        assert len(session.execute(select(Ticket)).all()) == 1


def test_post_answers_503_when_the_message_cannot_be_stored(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*_args: object) -> None:
        raise StorageUnavailable("The message could not be stored; try again shortly.")

    monkeypatch.setattr("channels.web.open311.views.accept", unavailable)
    response = submit(client, fmt="xml")
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert parse_xml(response.data).findtext("error/code") == "503"


def test_post_stored_but_not_processed_returns_a_token_that_resolves_later(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.intake.ingest import retry_pending

    def broken(*_args: object) -> None:
        raise RuntimeError("router crashed")

    monkeypatch.setattr("core.intake.ingest.handle_message", broken)
    response = submit(client)
    assert response.status_code == 202
    token = response.get_json()[0]["token"]
    pending = client.get(f"{V2}/tokens/{token}.json").get_json()
    assert pending == [{"service_request_id": None, "token": token}]
    monkeypatch.undo()
    assert retry_pending(ctx) == (1, 0)
    done = client.get(f"{V2}/tokens/{token}.xml")
    assert parse_xml(done.data).findtext("request/service_request_id") == "MCT-000001"


def test_token_is_answered_for_a_reference_and_404_when_unknown(client: FlaskClient) -> None:
    reference = created_reference(client)
    known = client.get(f"{V2}/tokens/{reference}.json").get_json()
    assert known[0]["service_request_id"] == reference
    assert client.get(f"{V2}/tokens/{'0' * 44}.json").status_code == 404
    assert client.get(f"{V2}/tokens/nonsense.json").status_code == 404


def test_request_is_open_then_closed_with_the_resolution_as_status_notes(
    ctx: Context, client: FlaskClient
) -> None:
    reference = created_reference(client)
    before = client.get(f"{V2}/requests/{reference}.json").get_json()[0]
    assert before["status"] == "open" and before["status_notes"] is None
    assert before["service_code"] == "road_damage"
    assert before["agency_responsible"] == "Roads and Street Lighting"
    assert before["description"] == "Deep pothole in the right lane"
    assert (before["lat"], before["long"]) == (23.588, 58.3829)
    close_ticket(ctx, reference, "The pothole was filled on Sunday.")
    after = client.get(f"{V2}/requests/{reference}.json").get_json()[0]
    assert after["status"] == "closed"
    assert after["status_notes"] == "The pothole was filled on Sunday."
    assert after["expected_datetime"] is not None


def test_unknown_request_is_404(client: FlaskClient) -> None:
    response = client.get(f"{V2}/requests/MCT-999999.json")
    assert response.status_code == 404
    assert response.get_json()[0]["code"] == 404


def test_reading_requests_never_shows_secret_email_phone_or_names(
    ctx: Context, client: FlaskClient
) -> None:
    reference = created_reference(client)
    with ctx.sessions() as session:
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        secret = ticket.secret
    bodies = [
        client.get(f"{V2}/requests/{reference}.{fmt}").get_data(as_text=True)
        for fmt in ("json", "xml")
    ] + [client.get(f"{V2}/requests.{fmt}").get_data(as_text=True) for fmt in ("json", "xml")]
    assert reference in bodies[2] and reference in bodies[3]
    for body in bodies:
        for private in (secret, "citizen@example.om", "9123", "Salim", "Harthy", KEY):
            assert private.lower() not in body.lower()


def test_descriptions_of_private_channel_tickets_are_not_published(
    ctx: Context, client: FlaskClient
) -> None:
    from core.inbound import InboundMessage
    from core.intake.ingest import ingest

    ingest(
        ctx,
        InboundMessage(
            channel="email",
            sender="private@example.om",
            text="Pothole near my house, call me on 99887766",
            external_id="<p1@example.om>",
        ),
    )
    body = client.get(f"{V2}/requests.json").get_json()
    assert body[0]["service_request_id"] == "MCT-000001"
    assert body[0]["description"] is None
    assert "99887766" not in client.get(f"{V2}/requests.xml").get_data(as_text=True)


def test_requests_filter_by_id_code_status_and_date(ctx: Context, client: FlaskClient) -> None:
    road = created_reference(client)
    light = created_reference(client, service_code="street_lighting")
    close_ticket(ctx, road, "Filled.")

    def ids(query: str) -> list[str]:
        return [
            r["service_request_id"] for r in client.get(f"{V2}/requests.json?{query}").get_json()
        ]

    assert ids("") == [light, road]
    assert ids(f"service_request_id={road}") == [road]
    assert ids(f"service_request_id={road},{light}&status=closed") == [light, road]
    assert ids("service_code=street_lighting") == [light]
    assert ids("status=closed") == [road]
    assert ids("status=open") == [light]
    assert ids("status=open,closed") == [light, road]
    assert ids("end_date=2000-01-01T00:00:00Z") == []
    recent = (ctx.now() - timedelta(days=30)).isoformat().replace("+", "%2B")
    assert ids(f"start_date={recent}") == [light, road]
    bad = client.get(f"{V2}/requests.json?status=pending")
    assert bad.status_code == 400
    assert client.get(f"{V2}/requests.xml?start_date=yesterday").status_code == 400


def test_requests_default_to_the_last_90_days(ctx: Context, client: FlaskClient) -> None:
    old = created_reference(client)
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, old)
        assert ticket is not None
        ticket.created_at = ctx.now() - timedelta(days=91)
    recent = created_reference(client, description="Another pothole, by the school")
    listed = [r["service_request_id"] for r in client.get(f"{V2}/requests.json").get_json()]
    assert listed == [recent]
    assert client.get(f"{V2}/requests/{old}.json").status_code == 200


def test_requests_xml_is_well_formed_with_plural_root(client: FlaskClient) -> None:
    reference = created_reference(client, description="Tags <b>&amp; \x07bell</b>")
    root = parse_xml(client.get(f"{V2}/requests.xml").data)
    assert root.tag == "service_requests"
    request = root.find("request")
    assert request is not None
    assert request.findtext("service_request_id") == reference
    assert request.findtext("description") == "Tags <b>&amp; bell</b>"
    assert request.findtext("status") == "open"


def test_arabic_description_round_trips_in_json_and_xml(ctx: Context, client: FlaskClient) -> None:
    text = "حفرة كبيرة في شارع السلطان قابوس قرب الإشارة"
    reference = created_reference(client, description=text, locale="ar")
    as_json = client.get(f"{V2}/requests/{reference}.json?locale=ar")
    assert text in as_json.get_data(as_text=True)  # UTF-8, not \\u escapes
    assert as_json.get_json()[0]["description"] == text
    assert as_json.get_json()[0]["service_name"] == "تلف الطرق والأرصفة"
    as_xml = client.get(f"{V2}/requests/{reference}.xml")
    assert parse_xml(as_xml.data).findtext("request/description") == text
    with ctx.sessions() as session:
        message = session.execute(
            select(Message).where(Message.channel == "open311", Message.direction == "in")
        ).scalar_one()
        assert message.text == text and message.ticket.language == "ar"


def test_media_url_is_kept_as_text_and_published(ctx: Context, client: FlaskClient) -> None:
    url = "https://photos.example.om/p/123.jpg"
    reference = created_reference(client, media_url=url)
    published = client.get(f"{V2}/requests/{reference}.json").get_json()[0]
    assert published["media_url"] == url
    assert published["description"] == "Deep pothole in the right lane"
    with ctx.sessions() as session:
        message = session.execute(
            select(Message).where(Message.channel == "open311", Message.direction == "in")
        ).scalar_one()
        assert url in message.text and not message.attachments


def test_unknown_format_is_404(client: FlaskClient) -> None:
    assert client.get(f"{V2}/services.csv").status_code == 404


def _screen_as_spam(ctx: Context, reference: str) -> None:
    """What the router does to an advert: the ticket is kept, flagged for an intake agent."""
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        ticket.not_for_us = "spam"


def test_a_request_screened_as_spam_is_still_found_by_the_id_it_was_given(
    ctx: Context, client: FlaskClient
) -> None:
    reference = created_reference(client, description="Best prices on phones, call now")
    _screen_as_spam(ctx, reference)
    shown = client.get(f"{V2}/requests/{reference}.json")
    assert shown.status_code == 200
    assert [r["service_request_id"] for r in shown.get_json()] == [reference]
    by_id = client.get(f"{V2}/requests.json", query_string={"service_request_id": reference})
    assert [r["service_request_id"] for r in by_id.get_json()] == [reference]


def test_a_request_screened_as_spam_is_left_out_of_the_public_listing(
    ctx: Context, client: FlaskClient
) -> None:
    kept = created_reference(client)
    screened = created_reference(client, description="Another pothole, by the school")
    _screen_as_spam(ctx, screened)
    listed = [r["service_request_id"] for r in client.get(f"{V2}/requests.json").get_json()]
    assert kept in listed and screened not in listed
