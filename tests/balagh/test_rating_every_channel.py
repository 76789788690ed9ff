"""One rating rule on every channel that asks the satisfaction question.

Each channel's own way in is used (the status page form, Telegram's buttons, WhatsApp's list,
a bare "4" by email): a rating on an open ticket is refused, and a closed ticket keeps the
first rating only. A channel that gains the `surveys` capability must be added here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from email.utils import make_msgid
from itertools import count
from typing import Any, Protocol

import pytest
from sqlalchemy import func, select

from balagh.wiring import web_app
from channels.email.intake import PROCESS, handle_record, receive
from core.context import Context
from core.intake.pipeline import EXTRA_KEY
from core.models import Event, Status, Ticket
from core.workflow.transitions import SYSTEM_ACTOR, Actor, transition
from tests.citizen_web import hidden, make_app, status_link, submit
from tests.whatsapp_fake import (
    APP_SECRET,
    PHONE_ID,
    TOKEN,
    VERIFY_TOKEN,
    FakeGraphApi,
    message_update,
    sign,
)

REPORT = "There is a deep pothole on the road outside the Al Khoudh school, please repair it."
STAFF = Actor(name="dispatcher@balagh.test", role="dispatcher")
_ids = count(1)


class Rater(Protocol):
    """A citizen on one channel: reports a problem, then rates it the channel's way."""

    def report(self) -> str: ...

    def rate(self, reference: str, score: int) -> None: ...


class WebRater:
    def __init__(self, ctx: Context) -> None:
        self.client = make_app(ctx).test_client()
        self.links: dict[str, str] = {}

    def report(self) -> str:
        page = submit(self.client, "en", description=REPORT).get_data(as_text=True)
        link = status_link(page)
        reference = link.split("/t/")[1].split("?")[0]
        self.links[reference] = link
        return reference

    def rate(self, reference: str, score: int) -> None:
        link = self.links[reference]
        page = self.client.get(link).get_data(as_text=True)
        form = {"csrf_token": hidden(page, "csrf_token"), "action": "rating"}
        self.client.post(link, data={**form, "rating": str(score)})


class TelegramRater:
    def __init__(self, tg: Any, fake_api: Any) -> None:
        self.tg, self.api, self.chat = tg, fake_api, 700 + next(_ids)

    def _send(self, update: dict[str, Any]) -> None:
        self.tg.handle({**update, "update_id": self.api.push_id()})
        self.tg.settle()

    def report(self) -> str:
        from tests.telegram_fake import text_update

        self._send(text_update(self.chat, next(_ids), REPORT, language="en"))
        return _latest_reference(self.tg.ctx)

    def rate(self, reference: str, score: int) -> None:
        query = {
            "id": f"cb{next(_ids)}",
            "from": {"id": self.chat, "is_bot": False, "first_name": "C"},
            "chat_instance": "1",
            "data": f"sat:{reference}:{score}",
            "message": {
                "message_id": 1,
                "date": 1764300000,
                "chat": {"id": self.chat, "type": "private"},
            },
        }
        self._send({"callback_query": query})


class WhatsAppRater:
    NUMBER = "96891234567"

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.client = ctx, web_app(ctx).test_client()

    def _post(self, kind: str, content: dict[str, Any]) -> None:
        body = json.dumps(message_update(self.NUMBER, f"wamid.R{next(_ids)}", kind, content))
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body.encode())}
        assert self.client.post("/whatsapp/webhook", data=body, headers=headers).status_code == 200
        pipeline = self.ctx.extras.get(EXTRA_KEY)  # the webhook answers before the workers
        assert pipeline is not None and pipeline.wait_idle()

    def report(self) -> str:
        self._post("text", {"body": REPORT})
        return _latest_reference(self.ctx)

    def rate(self, reference: str, score: int) -> None:
        choice = {"id": str(score), "title": str(score)}
        self._post("interactive", {"type": "list_reply", "list_reply": choice})


class EmailRater:
    SENDER = "salim@example.com"

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def _mail(self, subject: str, body: str) -> None:
        mail = EmailMessage()
        mail["From"], mail["To"] = self.SENDER, self.ctx.settings.mail_address
        mail["Subject"], mail["Message-ID"] = subject, make_msgid(domain="example.com")
        mail.set_content(body)
        record_id, todo = receive(
            self.ctx, mail.as_bytes(), self.SENDER, (self.ctx.settings.mail_address,)
        )
        assert todo == PROCESS
        handle_record(self.ctx, record_id)

    def report(self) -> str:
        self._mail("Pothole near the school", REPORT)
        return _latest_reference(self.ctx)

    def rate(self, reference: str, score: int) -> None:
        self._mail("Re: your report", str(score))


def _latest_reference(ctx: Context) -> str:
    with ctx.sessions() as session:
        return (
            session.execute(select(Ticket.reference).order_by(Ticket.id.desc())).scalars().first()
        )


@pytest.fixture
def graph(ctx: Context) -> Iterator[FakeGraphApi]:
    """WhatsApp configured on the test context, against a fake Graph API."""
    api = FakeGraphApi().start()
    settings = ctx.settings
    settings.whatsapp_token, settings.whatsapp_phone_id = TOKEN, PHONE_ID
    settings.whatsapp_app_secret, settings.whatsapp_verify_token = APP_SECRET, VERIFY_TOKEN
    settings.whatsapp_api_url = api.url
    yield api
    api.stop()


def _whatsapp(ctx: Context, request: pytest.FixtureRequest) -> Rater:
    request.getfixturevalue("graph")
    return WhatsAppRater(ctx)


RATERS: dict[str, Callable[[Context, pytest.FixtureRequest], Rater]] = {
    "web": lambda ctx, _: WebRater(ctx),
    "telegram": lambda _, r: TelegramRater(r.getfixturevalue("tg"), r.getfixturevalue("fake_api")),
    "whatsapp": _whatsapp,
    "email": lambda ctx, _: EmailRater(ctx),
}


@pytest.fixture(params=sorted(RATERS))
def rater(request: pytest.FixtureRequest, ctx: Context) -> tuple[Context, Rater]:
    return ctx, RATERS[request.param](ctx, request)


def close_and_survey(ctx: Context, reference: str) -> None:
    """Close the ticket the way staff do, and note the satisfaction question as sent."""
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        category = ctx.taxonomy.categories[0]
        ticket.category, ticket.directorate = category.code, category.directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)
        transition(ctx, session, ticket, Status.RESOLVED, STAFF, note="Filled.")
        transition(ctx, session, ticket, Status.CLOSED, STAFF)
        ticket.survey_sent_at = ctx.now()


def rating_of(ctx: Context, reference: str) -> tuple[Status, int | None, int]:
    """The ticket's status, its rating and how many ratings were logged."""
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        logged = session.execute(
            select(func.count())
            .select_from(Event)
            .where(Event.ticket_id == ticket.id, Event.kind == "satisfaction")
        ).scalar_one()
        return ticket.status, ticket.satisfaction, int(logged)


def test_every_channel_that_asks_for_a_rating_is_checked(ctx: Context) -> None:
    assert sorted(ctx.channels.named(lambda c: c.surveys)) == sorted(RATERS)


def test_a_rating_on_an_open_ticket_is_refused(rater: tuple[Context, Rater]) -> None:
    ctx, citizen = rater
    reference = citizen.report()
    citizen.rate(reference, 5)
    status, satisfaction, logged = rating_of(ctx, reference)
    assert status != Status.CLOSED and (satisfaction, logged) == (None, 0)


def test_a_closed_ticket_keeps_the_first_rating_only(rater: tuple[Context, Rater]) -> None:
    ctx, citizen = rater
    reference = citizen.report()
    close_and_survey(ctx, reference)
    citizen.rate(reference, 4)
    citizen.rate(reference, 2)
    assert rating_of(ctx, reference) == (Status.CLOSED, 4, 1)
