"""Ratings: one rule on every channel (a closed ticket, once), visible to staff everywhere.

The web status page over HTTP, the Telegram buttons through PTB against a fake Bot API on
loopback; staff read the rating in the ticket JSON, on the ticket page and in the history.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from channels.telegram.runtime import TelegramRuntime
from core.context import Context
from core.delivery.notify import notify_citizen
from core.delivery.outbox import deliver_due
from core.models import Status, Ticket
from tests.channels.web.test_web_citizen_status import close, report
from tests.citizen_web import hidden
from tests.staffkit import bearer, load, signed_in, the_roles, token_for
from tests.telegram_fake import FakeBotApi, text_update

COMMENT = "سريعون ومهذبون، شكرًا"


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    from tests.citizen_web import make_app

    the_roles(ctx)
    return make_app(ctx).test_client()


def rate_on_the_web(client: FlaskClient, link: str, score: str, comment: str = ""):  # type: ignore[no-untyped-def]
    page = client.get(link).get_data(as_text=True)
    return client.post(
        link,
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "action": "rating",
            "rating": score,
            "comment": comment,
        },
    )


def only_ticket(ctx: Context) -> Ticket:
    with ctx.sessions() as session:
        reference = session.execute(select(Ticket.reference)).scalar_one()
    return load(ctx, reference)


def test_rating_and_comment_show_in_the_json_the_ticket_page_and_the_history(
    ctx: Context, client: FlaskClient
) -> None:
    link = report(client, "ar")
    close(ctx)
    assert rate_on_the_web(client, link, "4", COMMENT).status_code == 302
    ticket = only_ticket(ctx)
    token = token_for(ctx, "super@mct.om")
    body = client.get(f"/api/v1/tickets/{ticket.reference}", headers=bearer(token)).get_json()
    assert body["rating"]["score"] == 4 and body["rating"]["comment"] == COMMENT
    assert body["rating"]["rated_at"]
    [event] = [e for e in body["events"] if e["kind"] == "satisfaction"]
    assert event["data"]["score"] == 4 and event["data"]["comment"] == COMMENT
    page = signed_in(client.application, "super@mct.om").get(f"/inbox/t/{ticket.reference}")
    html = page.get_data(as_text=True)
    facts = html.split('id="rating"')[1].split("</dd>")[0]
    assert "4/5" in facts and COMMENT in facts
    history = html.split("Citizen&#39;s rating")[-1]
    assert "4/5" in history


def test_a_second_rating_on_the_web_changes_nothing(ctx: Context, client: FlaskClient) -> None:
    link = report(client, "en")
    close(ctx)
    rate_on_the_web(client, link, "2")
    second = rate_on_the_web(client, link, "5")  # the box is gone: back to the page, not recorded
    assert second.status_code == 302
    assert second.headers["Location"].split("?")[0] == link.split("?")[0]
    ticket = only_ticket(ctx)
    assert ticket.satisfaction == 2
    assert [e.kind for e in ticket.events].count("satisfaction") == 1


# --- Telegram: the same rule for the rating buttons ------------------------------------------


def send(tg: TelegramRuntime, fake_api: FakeBotApi, update: dict[str, Any]) -> None:
    update = dict(update)
    update.setdefault("update_id", fake_api.push_id())
    tg.handle(update)
    tg.settle()


def press(tg: TelegramRuntime, fake_api: FakeBotApi, chat: int, reference: str, score: int) -> str:
    """The citizen presses a rating button; returns the bot's answer to the press."""
    send(
        tg,
        fake_api,
        {
            "callback_query": {
                "id": f"cb{fake_api.push_id()}",
                "from": {"id": chat, "is_bot": False, "first_name": "C"},
                "chat_instance": "1",
                "data": f"sat:{reference}:{score}",
                "message": {
                    "message_id": 1000,
                    "date": 1764300000,
                    "chat": {"id": chat, "type": "private"},
                },
            }
        },
    )
    return str(fake_api.calls_of("answerCallbackQuery")[-1].params["text"])


def _reported(ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi, chat: int) -> Ticket:
    send(tg, fake_api, text_update(chat, 1, "Streetlight out on Way 12", language="en"))
    return only_ticket(ctx)


def _close_and_survey(ctx: Context, reference: str) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        ticket.status, ticket.closed_at = Status.CLOSED, ctx.now()
        notify_citizen(ctx, session, ticket, "satisfaction")
    deliver_due(ctx)


def test_telegram_rating_on_an_open_ticket_is_refused(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    ticket = _reported(ctx, tg, fake_api, 731)
    answer = press(tg, fake_api, 731, ticket.reference, 5)
    assert answer != "Thank you for your rating."
    assert load(ctx, ticket.reference).satisfaction is None


def test_telegram_rating_counts_once(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    ticket = _reported(ctx, tg, fake_api, 732)
    _close_and_survey(ctx, ticket.reference)
    assert press(tg, fake_api, 732, ticket.reference, 3) == "Thank you for your rating."
    press(tg, fake_api, 732, ticket.reference, 1)
    rated = load(ctx, ticket.reference)
    assert rated.satisfaction == 3 and rated.rated_at is not None
    assert [e.kind for e in rated.events].count("satisfaction") == 1
