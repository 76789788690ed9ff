"""Smaller defects found while driving the system end to end (issue 16's list)."""

from __future__ import annotations

from sqlalchemy import select

from balagh.demo import DEMO_PASSWORD, load_demo
from channels.email.listener import SmtpListener
from channels.email.sender import SmtpSender
from core.context import Context
from core.delivery.outbox import deliver_due
from core.inbound import Location
from core.models import ContactIdentity, Ticket
from core.outbound import OutboundMessage
from core.workflow.transitions import Actor, transition
from tests.channels.email.test_email_listener import citizen_mail, send, tickets
from tests.citizen_web import make_app, status_link, submit
from tests.email_support import Sink
from tests.staffkit import (
    app_for,
    bearer,
    csrf_token,
    load,
    new_ticket,
    post_form,
    signed_in,
    the_roles,
    token_for,
)


def test_a_question_a_person_wrote_is_not_marked_auto_submitted(sink: Sink) -> None:
    sender = SmtpSender(
        host="127.0.0.1", port=sink.port, from_address="1111@balagh.test", secret_key="k" * 32
    )
    question = OutboundMessage(
        channel="email",
        to="salim@example.om",
        text="Which street is the light on?",
        language="en",
        reference="MCT-000007",
        kind="need_info",
        subject="[MCT-000007] A question about your report",
    )
    sender.send(question)
    sender.send(OutboundMessage(**{**question.__dict__, "kind": "awaiting_reminder"}))
    (_, asked), (_, reminder) = sink.messages
    assert asked["Auto-Submitted"] is None
    assert reminder["Auto-Submitted"] == "auto-replied"  # the automatic reminder still is


# --- the acknowledgement's subject keeps the citizen's --------------------------------------


def test_the_acknowledgement_keeps_the_citizens_subject_after_the_reference(
    ctx: Context, listener: SmtpListener, sink: Sink
) -> None:
    send(listener, citizen_mail("عمود الإنارة مطفأ منذ أسبوع", subject="عمود إنارة مطفأ في القرم"))
    deliver_due(ctx)
    [(_, ack)] = sink.messages
    [ticket] = tickets(ctx)
    assert str(ack["Subject"]) == f"[{ticket.reference}] عمود إنارة مطفأ في القرم"
    assert "\u2068" not in str(ack["Subject"]) and "\u200f" not in str(ack["Subject"])


# --- a reply to an unreachable address warns first -------------------------------------------


def _unreachable_ticket(ctx: Context) -> str:
    the_roles(ctx)
    reference = new_ticket(ctx, "Pothole on Way 12", channel="email", sender="gone@example.om")
    with ctx.sessions() as session, session.begin():
        identity = session.execute(select(ContactIdentity)).scalar_one()
        identity.unreachable, identity.unreachable_reason = True, "550 mailbox unavailable"
    return reference


def test_a_reply_to_an_unreachable_address_is_held_until_staff_confirm(ctx: Context) -> None:
    reference = _unreachable_ticket(ctx)
    api = app_for(ctx).test_client()
    token = bearer(token_for(ctx, "disp@mct.om"))
    path = f"/api/v1/tickets/{reference}/replies"
    held = api.post(path, json={"text": "We fixed it."}, headers=token)
    assert held.status_code == 422 and "unreachable" in held.get_json()["error"]["message"]
    assert [m.kind for m in load(ctx, reference).messages if m.direction == "out"] == ["ack"]
    sent = api.post(path, json={"text": "We fixed it.", "despite_unreachable": True}, headers=token)
    assert sent.status_code == 201


def test_the_inbox_warns_before_replying_to_an_unreachable_address(ctx: Context) -> None:
    reference = _unreachable_ticket(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    page = client.get(f"/inbox/t/{reference}").get_data(as_text=True)
    form = page.split('id="update-form"')[1].split("</form>")[0]
    assert "marked unreachable" in form and 'name="despite_unreachable"' in form
    post_form(client, f"/inbox/t/{reference}/reply", {"text": "We fixed it."})
    assert [m.kind for m in load(ctx, reference).messages if m.direction == "out"] == ["ack"]
    post_form(
        client,
        f"/inbox/t/{reference}/reply",
        {"text": "We fixed it.", "despite_unreachable": "1"},
    )
    assert [m.kind for m in load(ctx, reference).messages if m.direction == "out"][-1] == "reply"


# --- an Arabizi writer's status page keeps the page's language -------------------------------


def test_an_arabizi_writers_status_page_keeps_the_language_they_chose(ctx: Context) -> None:
    app = make_app(ctx)
    page = submit(app.test_client(), "en", description="el shari3 feeh 7ofra kbeera gidan")
    link = status_link(page.get_data(as_text=True))
    elsewhere = app.test_client()  # the link opened later on another phone
    assert '<html lang="en" dir="ltr">' in elsewhere.get(link).get_data(as_text=True)
    arabic = submit(app.test_client(), "en", description="الشارع فيه حفرة كبيرة جدا")
    arabic_link = status_link(arabic.get_data(as_text=True))
    assert '<html lang="ar"' in app.test_client().get(arabic_link).get_data(as_text=True)


# --- Open311: the window, the key and privacy ------------------------------------------------

V2 = "/open311/v2"


def test_open311_refuses_a_window_over_90_days_or_reversed(ctx: Context) -> None:
    client = make_app(ctx).test_client()
    wide = client.get(
        f"{V2}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"
    )
    assert wide.status_code == 400 and "90 days" in wide.get_json()[0]["description"]
    reversed_ = client.get(
        f"{V2}/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"
    )
    assert reversed_.status_code == 400
    within = client.get(
        f"{V2}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z"
    )
    assert within.status_code == 200


def test_a_private_report_is_published_rounded_without_address_or_answer_until_made_public(
    ctx: Context,
) -> None:
    the_roles(ctx)
    reference = new_ticket(
        ctx,
        "Pothole in front of my house",
        category="road_damage",
        location=Location(23.58812, 58.38291, "House 14, Way 3019"),
    )
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        dispatcher = Actor(name="disp@mct.om", role="dispatcher")
        transition(ctx, session, ticket, "triaged", dispatcher)
        transition(ctx, session, ticket, "assigned", dispatcher)
        transition(ctx, session, ticket, "resolved", dispatcher, note="Crew B patched it")
        transition(ctx, session, ticket, "closed", dispatcher, answer="The pothole was filled.")
    app = make_app(ctx)
    shown = app.test_client().get(f"{V2}/requests/{reference}.json").get_json()[0]
    assert (shown["lat"], shown["long"]) == (23.59, 58.385)
    assert shown["address"] is None and shown["status_notes"] is None
    client = signed_in(app, "disp@mct.om")
    post_form(client, f"/inbox/t/{reference}/public", {"public": "1"})
    public = app.test_client().get(f"{V2}/requests/{reference}.json").get_json()[0]
    assert (public["lat"], public["long"]) == (23.58812, 58.38291)
    assert public["address"] == "House 14, Way 3019"
    assert public["status_notes"] == "The pothole was filled."  # the citizen's answer, not jargon


# --- the demo and the call form ------------------------------------------------------------


def test_the_demo_has_a_department_login_for_every_directorate_and_lists_the_admin(
    ctx: Context,
) -> None:
    lines = load_demo(ctx)
    for directorate in ctx.taxonomy.directorates:
        assert any(f"{directorate.code}@demo.balagh" in line for line in lines)
    assert any(ctx.settings.admin_email in line and "(admin)" in line for line in lines)
    client = app_for(ctx).test_client()
    token = csrf_token(client)
    signed = client.post(
        "/inbox/login",
        data={"email": "health@demo.balagh", "password": DEMO_PASSWORD, "csrf_token": token},
    )
    assert signed.status_code == 302


def test_the_call_form_records_the_callers_address_and_location(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "agent@mct.om")
    page = client.get("/inbox/call").get_data(as_text=True)
    assert 'name="address"' in page and 'name="lat"' in page and 'name="lon"' in page
    done = post_form(
        client,
        "/inbox/call",
        {
            "phone": "91234567",
            "text": "Caller reports a fallen tree blocking the road",
            "language": "en",
            "address": "Way 2710, Al Khuwair",
            "lat": "23.5951",
            "lon": "58.4172",
        },
    )
    reference = done.headers["Location"].rsplit("/", 1)[-1]
    ticket = load(ctx, reference)
    assert (ticket.lat, ticket.lon, ticket.address) == (23.5951, 58.4172, "Way 2710, Al Khuwair")
    refused = post_form(
        client, "/inbox/call", {"phone": "91234567", "text": "Another", "lat": "23.5"}
    )
    assert refused.status_code == 422
