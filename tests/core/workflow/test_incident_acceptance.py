"""Issue 19's acceptance, end to end over real transports.

Five citizens report the same flooded street within 200 m in an hour: two through the web
form, two on Telegram (text, then a shared location) and one by email with a map link. The
trained router classifies them; they form one incident; a sixth report far away does not
join. One incident reply through the API then reaches all five on their own channels in their
own languages exactly once, with two outbox workers delivering at the same time.
"""

from __future__ import annotations

import smtplib
import threading
from email.message import EmailMessage
from typing import Any

import pytest

from channels.telegram.runtime import TelegramRuntime
from core.context import Context
from core.delivery.outbox import deliver_due
from tests.citizen_web import make_app, reference_of, status_link, submit
from tests.email_support import Sink
from tests.incident_support import incidents, offset, ticket
from tests.staffkit import bearer, the_roles, token_for
from tests.telegram_fake import FakeBotApi, message_update, text_update

AR_FLOOD = "الشارع غرقان بمياه الأمطار والسيارات ما تقدر تمر"
EN_FLOOD = "The street is flooded with rainwater after the storm, cars cannot pass"
AR_ANSWER = "وصلت فرق الشفط إلى الموقع، ونتوقع تصريف المياه خلال ساعتين."
EN_ANSWER = "Pump crews are on site; we expect the water to be gone within two hours."


@pytest.fixture
def ctx(routed_ctx: Context) -> Context:
    """The trained router: the reports are classified from what citizens wrote."""
    return routed_ctx


def _telegram_report(
    tg: TelegramRuntime, api: FakeBotApi, chat: int, text: str, lang: str, north: float
) -> None:
    lat, lon = offset(north, 0)
    for update in (
        text_update(chat, 1, text, language=lang),
        message_update(chat, 2, language=lang, location={"latitude": lat, "longitude": lon}),
    ):
        tg.handle({**update, "update_id": api.push_id()})
        tg.settle()


def _mail(listener: Any, sender: str, text: str, north: float, msgid: str) -> None:
    lat, lon = offset(north, 0)
    mail = EmailMessage()
    mail["From"], mail["To"] = sender, "1111@balagh.test"
    mail["Subject"], mail["Message-ID"] = "Flooding", msgid
    mail.set_content(f"{text}\nhttps://maps.google.com/?q={lat:.6f},{lon:.6f}\n")
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.send_message(mail)
    assert listener.wait_idle()


def _web(client: Any, lang: str, text: str, north: float, **extra: str) -> tuple[str, str]:
    lat, lon = offset(north, 0)
    page = submit(client, lang, description=text, lat=str(lat), lon=str(lon), **extra)
    html = page.get_data(as_text=True)
    assert page.status_code == 200, html[:500]
    return reference_of(html), status_link(html)


def _deliver_with_two_workers(ctx: Context) -> None:
    """Two outbox workers at once, each until nothing is due (as two `balagh worker`s)."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                report = deliver_due(ctx)
                if report.sent + report.retrying + report.failed == 0:
                    break
        except BaseException as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)

    workers = [threading.Thread(target=work) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert not errors, errors


def _mail_texts(sink: Sink, address: str) -> list[str]:
    return [
        str(mail.get_body(preferencelist=("plain",)).get_content())  # type: ignore[union-attr]
        for envelope, mail in sink.messages
        if address in envelope.rcpt_tos
    ]


def test_five_reports_form_one_incident_and_one_reply_reaches_each_citizen_once(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi, listener: Any, sink: Sink
) -> None:
    web = make_app(ctx).test_client()
    web_ar, _ = _web(web, "ar", AR_FLOOD, 0, email="amal@example.om")
    web_en, web_en_link = _web(web, "en", EN_FLOOD, 40)
    _telegram_report(tg, fake_api, 9101, AR_FLOOD, "ar", 80)  # the third: opens the incident
    _telegram_report(tg, fake_api, 9102, EN_FLOOD, "en", 120)
    _mail(listener, "john@example.org", EN_FLOOD, 190, "<flood-1@example.org>")
    _mail(listener, "far@example.org", EN_FLOOD, 5000, "<flood-far@example.org>")
    deliver_due(ctx)  # the acknowledgements

    [incident] = incidents(ctx)
    assert len(incident.tickets) == 5
    assert {t.channel for t in incident.tickets} == {"web", "telegram", "email"}
    assert all(t.category == "stormwater_flooding" for t in incident.tickets)
    far = [t for t in _all_tickets(ctx) if t.contact.email == "far@example.org"]
    assert len(far) == 1 and far[0].incident_id is None
    [john_ack] = _mail_texts(sink, "john@example.org")
    assert "already known" in john_ack and "5 reports" in john_ack
    assert any("معروفة لدينا" in t for t in fake_api.sent_texts(9101))  # told when it joined

    the_roles(ctx)
    before = {9101: len(fake_api.sent_texts(9101)), 9102: len(fake_api.sent_texts(9102))}
    mails_before = len(sink.messages)
    response = (
        make_app(ctx)
        .test_client()
        .post(
            f"/api/v1/incidents/{incident.id}/replies",
            json={"text": AR_ANSWER, "translations": {"en": EN_ANSWER}},
            headers=bearer(token_for(ctx, "disp@mct.om")),
        )
    )
    assert response.status_code == 201 and response.get_json()["citizens"] == 5
    _deliver_with_two_workers(ctx)

    new_tg = {chat: fake_api.sent_texts(chat)[n:] for chat, n in before.items()}
    assert [AR_ANSWER in t for t in new_tg[9101]] == [True]
    assert [EN_ANSWER in t for t in new_tg[9102]] == [True]
    new_mails = sink.messages[mails_before:]
    assert len(new_mails) == 2  # the email citizen and the web citizen who gave an address
    [to_john] = [t for t in _mail_texts(sink, "john@example.org") if EN_ANSWER in t]
    assert AR_ANSWER not in to_john and "5 reports" in to_john
    [to_amal] = [t for t in _mail_texts(sink, "amal@example.om") if AR_ANSWER in t]
    assert EN_ANSWER not in to_amal
    assert not [t for t in _mail_texts(sink, "far@example.org") if EN_ANSWER in t]
    status_page = web.get(web_en_link).get_data(as_text=True)
    assert status_page.count(EN_ANSWER) == 1 and AR_ANSWER not in status_page
    for reference in (web_ar, web_en):
        assert [e.kind for e in ticket(ctx, reference).events].count("incident_reply") == 1


def _all_tickets(ctx: Context) -> list[Any]:
    from sqlalchemy import select

    from core.models import Ticket

    with ctx.sessions() as session:
        rows = list(session.execute(select(Ticket)).scalars())
        for row in rows:
            _ = row.contact
        return rows
