"""NUL and other control characters in citizen and staff text: stored without them, never a 500.

PostgreSQL refuses NUL in text (SQLite does not), so the PostgreSQL half of each database test
is the one that proves the behaviour.
"""

from __future__ import annotations

import smtplib
import xml.etree.ElementTree as ET

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from channels.email.listener import SmtpListener
from core.context import Context
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import accept, ingest, retry_pending
from core.models import Contact, Event, InboundRecord, Message, Ticket
from core.staff.accounts import valid_email
from core.staff.actions import TicketFilter, list_tickets
from core.staff.permissions import Staff
from core.storable import is_storable, storable_text
from tests.citizen_web import make_app, submit
from tests.staffkit import (
    PASSWORD,
    app_for,
    bearer,
    csrf_token,
    load,
    new_ticket,
    the_roles,
    token_for,
)

ARABIC = "يوجد تسرب مياه كبير في الشارع أمام مدرسة الخوض"
PERSIAN_ZWNJ = "می\u200cخواهم"  # the zero-width non-joiner is part of the word


def the_ticket(ctx: Context) -> Ticket:
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket)).scalar_one()
        _ = ticket.messages, ticket.contact
        return ticket


def incoming(ticket: Ticket) -> list[Message]:
    return [m for m in ticket.messages if m.direction == "in"]


def no_controls(*texts: str | None) -> bool:
    return all(t is None or is_storable(t) for t in texts)


# -- the core function -------------------------------------------------------------------


def test_storable_text_drops_nul_and_c0_controls_but_keeps_tab_and_line_breaks() -> None:
    assert storable_text("a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1f") == "abcdefg"
    assert storable_text("line\tone\r\nline two\n") == "line\tone\r\nline two\n"


def test_storable_text_keeps_arabic_and_zero_width_joiners() -> None:
    text = f"{ARABIC} \u200d {PERSIAN_ZWNJ} \u200f\u00a0\x7f\u0085"
    assert storable_text(text) == text
    assert storable_text(f"\x00{ARABIC}\x00") == ARABIC


def test_storable_text_replaces_lone_surrogates() -> None:
    assert storable_text("a\ud800b") == "a\ufffdb"
    assert not is_storable("a\ud800b") and not is_storable("MCT\x00")


# -- inbound messages --------------------------------------------------------------------


def test_inbound_message_with_nul_becomes_a_ticket_without_it(ctx: Context) -> None:
    processed = ingest(
        ctx,
        InboundMessage(
            channel="telegram",
            sender="77\x00",
            text=f"{ARABIC}\x00 ",
            external_id="1:\x002",
            display_name="سالم\x00",
            subject="حفرة\x00",
            thread=ThreadHints(new_ticket=True),
            extras={"note\x00": ["x\x00"]},
        ),
    )
    ticket = the_ticket(ctx)
    assert ticket.reference == processed.reference
    [message] = incoming(ticket)
    assert message.text.strip() == ARABIC and message.external_id == "1:2"
    assert ticket.contact.name == "سالم"
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
        assert record.status == "done"
        assert record.normalized["extras"] == {"note": ["x"]}


def test_record_that_failed_on_a_nul_is_processed_on_retry(ctx: Context) -> None:
    """A record accepted before the fix kept the NUL in its stored form; retrying cleans it."""
    accepted = accept(
        ctx,
        InboundMessage(
            channel="telegram",
            sender="77",
            text=ARABIC,
            external_id="7:1",
            display_name="سالم",
            thread=ThreadHints(new_ticket=True),
        ),
    )
    with ctx.sessions() as session, session.begin():
        record = session.get(InboundRecord, accepted.record_id)
        assert record is not None
        record.normalized = {
            **record.normalized,
            "text": f"{ARABIC}\x00",
            "display_name": "سالم\x00",
        }
        record.status, record.attempts = "failed", 3
    assert retry_pending(ctx) == (1, 0)
    ticket = the_ticket(ctx)
    assert incoming(ticket)[0].text == ARABIC and ticket.contact.name == "سالم"
    with ctx.sessions() as session:
        record = session.get(InboundRecord, accepted.record_id)
        assert record is not None
        assert (record.status, record.normalized["text"]) == ("done", ARABIC)


# -- the citizen web form and status page ------------------------------------------------


@pytest.fixture
def web(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def test_web_report_with_nul_in_description_and_name_becomes_a_ticket(
    ctx: Context, web: FlaskClient
) -> None:
    response = submit(web, "ar", description=f"{ARABIC}\x00\x00", name="\x00سالم")
    assert response.status_code == 200, response.get_data(as_text=True)
    ticket = the_ticket(ctx)
    assert ticket.reference in response.get_data(as_text=True)
    assert incoming(ticket)[0].text == ARABIC
    with ctx.sessions() as session:
        assert session.execute(select(Contact.name)).scalar_one() == "سالم"


def test_status_page_for_a_reference_with_nul_is_the_404_page_in_arabic(
    web: FlaskClient,
) -> None:
    response = web.get("/t/MCT%00?k=x")
    assert response.status_code == 404
    assert "الصفحة غير موجودة" in response.get_data(as_text=True)


def test_status_page_for_a_reference_with_nul_is_the_404_page_in_english(
    web: FlaskClient,
) -> None:
    response = web.get("/t/MCT-000001%00?k=x&lang=en")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


# -- email -------------------------------------------------------------------------------

QP_MAIL = (
    b"From: Salim <salim@example.om>\r\n"
    b"To: 1111@balagh.test\r\n"
    b"Subject: =?utf-8?q?Pothole=00?=\r\n"
    b"Message-ID: <nul-1@example.om>\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: text/plain; charset="utf-8"\r\n'
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"There is a deep pothole=00 in the road near the Al Khuwair=00 mosque.\r\n"
)


def test_email_with_quoted_printable_nul_becomes_a_ticket(
    ctx: Context, listener: SmtpListener
) -> None:
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.sendmail("salim@example.om", ["1111@balagh.test"], QP_MAIL)
    assert listener.wait_idle()
    ticket = the_ticket(ctx)
    assert ticket.channel == "email"
    [message] = incoming(ticket)
    assert "deep pothole in the road near the Al Khuwair mosque" in message.text
    assert no_controls(message.text, ticket.subject)
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
        assert record.status == "done" and b"=00" in record.raw  # the raw mail is kept as sent


# -- staff text through the JSON API -----------------------------------------------------


@pytest.fixture
def api(ctx: Context) -> FlaskClient:
    the_roles(ctx)
    return app_for(ctx).test_client()


def test_api_note_with_nul_is_stored_without_it(ctx: Context, api: FlaskClient) -> None:
    reference = new_ticket(ctx, "Pothole")
    response = api.post(
        f"/api/v1/tickets/{reference}/notes",
        json={"text": "Called\u0000 the citizen\u0000"},
        headers=bearer(token_for(ctx, "disp@mct.om")),
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["text"] == "Called the citizen"
    notes = [m.text for m in load(ctx, reference).messages if m.direction == "note"]
    assert notes == ["Called the citizen"]


def test_api_reply_and_transition_note_with_nul_are_stored_without_it(
    ctx: Context, api: FlaskClient
) -> None:
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    headers = bearer(token_for(ctx, "disp@mct.om"))
    reply = api.post(
        f"/api/v1/tickets/{reference}/replies", json={"text": "On our way\x00"}, headers=headers
    )
    assert reply.status_code == 201, reply.get_data(as_text=True)
    moved = api.post(
        f"/api/v1/tickets/{reference}/transition",
        json={"to": "rejected", "note": "Not ours\x00"},
        headers=headers,
    )
    assert moved.status_code == 200, moved.get_data(as_text=True)
    with ctx.sessions() as session:
        texts = list(session.execute(select(Message.text)).scalars())
        data = [e.data for e in session.execute(select(Event)).scalars()]
    assert "On our way" in texts and no_controls(*texts)
    assert no_controls(*(str(d) for d in data))


def test_api_phone_call_with_nul_becomes_a_ticket(ctx: Context, api: FlaskClient) -> None:
    response = api.post(
        "/api/v1/calls",
        json={"phone": "+968 9000 0001", "text": "Fallen tree\x00 on the road", "name": "Said\x00"},
        headers=bearer(token_for(ctx, "agent@mct.om")),
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    ticket = the_ticket(ctx)
    assert incoming(ticket)[0].text == "Fallen tree on the road"
    assert ticket.contact.name == "Said"


def test_api_ticket_reference_with_nul_is_a_json_404(ctx: Context, api: FlaskClient) -> None:
    response = api.get("/api/v1/tickets/MCT%00", headers=bearer(token_for(ctx, "disp@mct.om")))
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_api_assignee_with_nul_is_refused_not_a_500(ctx: Context, api: FlaskClient) -> None:
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    response = api.post(
        f"/api/v1/tickets/{reference}/assign",
        json={"assignee": "roads@mct.om\x00"},
        headers=bearer(token_for(ctx, "disp@mct.om")),
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("query", "status"),
    [("q=%00", 200), ("q=MCT%00", 200), ("category=%00", 400), ("status=%00", 400)],
)
def test_api_ticket_list_with_nul_in_a_filter_is_not_a_500(
    ctx: Context, api: FlaskClient, query: str, status: int
) -> None:
    """Search text is cleaned; a filter with a NUL is an unknown value, refused by name."""
    new_ticket(ctx, "Pothole")
    response = api.get(f"/api/v1/tickets?{query}", headers=bearer(token_for(ctx, "super@mct.om")))
    assert response.status_code == status
    if status == 400:
        assert response.get_json()["error"]["parameter"] == query.split("=")[0]


def test_inbox_sign_in_with_nul_in_the_email_reads_it_without_the_nul_not_a_500(
    ctx: Context, api: FlaskClient
) -> None:
    """Every form field but a password is read without C0 controls (channels.web.formdata),
    the sign-in's email too."""
    data = {"email": "admin@mct.om\x00", "password": PASSWORD, "csrf_token": csrf_token(api)}
    assert api.post("/inbox/login", data=data).status_code == 302


def test_staff_email_with_a_control_character_is_not_valid() -> None:
    assert valid_email("roads@mct.om")
    assert not valid_email("roads\x00@mct.om") and not valid_email("roads@mct.om\x00")


def test_department_staff_without_a_directorate_see_no_tickets(ctx: Context) -> None:
    new_ticket(ctx, "Pothole", category="road_damage")
    nobody = Staff(id=1, email="x@mct.om", name="X", role="department", directorate=None)
    with ctx.sessions() as session:
        page = list_tickets(ctx, session, nobody, TicketFilter())
    assert (page.total, page.items) == (0, [])


# -- Open311 -----------------------------------------------------------------------------

V2 = "/open311/v2"


@pytest.fixture
def open311(ctx: Context) -> FlaskClient:
    ctx.settings.open311_api_keys = "key-1"
    return make_app(ctx).test_client()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_open311_request_id_with_nul_is_404(open311: FlaskClient, fmt: str) -> None:
    response = open311.get(f"{V2}/requests/MCT%00.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert response.get_json()[0]["code"] == 404
    else:
        assert ET.fromstring(response.data).find("error/code").text == "404"  # type: ignore[union-attr]


def test_open311_token_with_nul_is_404(open311: FlaskClient) -> None:
    response = open311.get(f"{V2}/tokens/MCT%00.json")
    assert response.status_code == 404
    assert response.get_json()[0]["code"] == 404


@pytest.mark.parametrize("param", ["service_code=a%00", "service_request_id=MCT%00"])
def test_open311_listing_with_nul_in_a_filter_is_400(open311: FlaskClient, param: str) -> None:
    response = open311.get(f"{V2}/requests.json?{param}")
    assert response.status_code == 400
    assert response.get_json()[0]["code"] == 400


def test_open311_submission_with_nul_becomes_a_ticket(ctx: Context, open311: FlaskClient) -> None:
    response = open311.post(
        f"{V2}/requests.json",
        data={
            "api_key": "key-1",
            "service_code": "road_damage",
            "lat": "23.5880",
            "long": "58.3829",
            "description": "Deep pothole\x00 in the right lane",
            "first_name": "Salim\x00",
        },
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    ticket = the_ticket(ctx)
    assert incoming(ticket)[0].text == "Deep pothole in the right lane"
    assert ticket.contact.name == "Salim"
