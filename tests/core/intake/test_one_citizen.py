"""One citizen across channels: E.164 numbers, proven identities join, typed ones only suggest.

The web form over HTTP, Telegram through PTB against a fake Bot API, email over the real
SMTP listener; staff confirm, reject and split in the inbox.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from channels.email.listener import SmtpListener
from channels.email.threads import reply_address
from channels.telegram.runtime import TelegramRuntime
from core.context import Context
from core.delivery.outbox import deliver_due
from core.models import Contact, Ticket
from core.staff import actions as staff_actions
from tests.citizen_web import make_app, reference_of, submit
from tests.staffkit import load, post_form, signed_in, the_roles
from tests.telegram_fake import FakeBotApi, message_update, text_update

OMANI = "+96891234567"


def push(tg: TelegramRuntime, fake_api: FakeBotApi, update: dict[str, Any]) -> None:
    update = dict(update)
    update.setdefault("update_id", fake_api.push_id())
    tg.handle(update)
    tg.settle()


def contacts(ctx: Context) -> list[Contact]:
    with ctx.sessions() as session:
        query = select(Contact).options(selectinload(Contact.identities)).order_by(Contact.id)
        return list(session.execute(query).scalars())


def call(ctx: Context, number: str, text: str = "Caller reports a broken water pipe") -> str:
    staff = the_roles(ctx)
    return staff_actions.record_phone_call(ctx, staff["agent"], number, text).reference


def share_own_contact(tg: TelegramRuntime, fake_api: FakeBotApi, chat: int, number: str) -> None:
    card = {"phone_number": number, "first_name": "Salim", "user_id": chat}
    push(tg, fake_api, message_update(chat, 50, contact=card))


@pytest.mark.parametrize("typed", ["9123 4567", "0096891234567", "+968 9123-4567", "٩١٢٣٤٥٦٧"])
def test_a_called_in_number_is_kept_in_e164(ctx: Context, typed: str) -> None:
    reference = call(ctx, typed)
    assert load(ctx, reference).contact.phone == OMANI


def test_a_number_typed_on_the_form_is_kept_in_e164(ctx: Context) -> None:
    client = make_app(ctx).test_client()
    page = submit(client, "en", description="Broken bench in the park", phone="9123 4567")
    reference = reference_of(page.get_data(as_text=True))
    assert load(ctx, reference).contact.phone == OMANI


def test_a_telegram_contact_shared_by_its_owner_joins_the_caller_with_that_number(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    called = call(ctx, "91234567")
    push(tg, fake_api, text_update(901, 1, "Pothole on Way 12 near the mosque", language="en"))
    assert len(contacts(ctx)) == 2
    share_own_contact(tg, fake_api, 901, "+968 9123 4567")
    [one] = contacts(ctx)
    assert one.phone == OMANI
    with ctx.sessions() as session:
        channels = sorted(session.execute(select(Ticket.channel)).scalars())
    assert channels == ["phone", "telegram"]
    page = signed_in(make_app(ctx), "agent@mct.om").get(f"/inbox/t/{called}").get_data(True)
    assert "This citizen&#39;s other tickets" in page and "other-tickets" in page


def _typed_and_proven(ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi) -> str:
    """A Telegram citizen who proved their number, and a form report typing the same one."""
    the_roles(ctx)
    push(tg, fake_api, text_update(902, 1, "Pothole on Way 12 near the mosque", language="en"))
    share_own_contact(tg, fake_api, 902, OMANI)
    client = make_app(ctx).test_client()
    page = submit(client, "en", description="Broken bench in the park", phone="91234567")
    return reference_of(page.get_data(as_text=True))


def test_a_typed_number_only_suggests_a_link_until_staff_confirm_it(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    typed = _typed_and_proven(ctx, tg, fake_api)
    assert len(contacts(ctx)) == 2  # never merged on a typed number
    client = signed_in(make_app(ctx), "agent@mct.om")
    page = client.get(f"/inbox/t/{typed}").get_data(as_text=True)
    assert "Possibly the same citizen" in page
    other = next(c.id for c in contacts(ctx) if c.id != load(ctx, typed).contact_id)
    post_form(client, f"/inbox/t/{typed}/contacts/link", {"other": str(other), "confirm": "1"})
    [one] = contacts(ctx)
    assert {i.channel for i in one.identities} == {"telegram", "web"}
    assert "Possibly the same citizen" not in client.get(f"/inbox/t/{typed}").get_data(True)


def test_a_rejected_link_is_not_suggested_again(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    typed = _typed_and_proven(ctx, tg, fake_api)
    client = signed_in(make_app(ctx), "agent@mct.om")
    other = next(c.id for c in contacts(ctx) if c.id != load(ctx, typed).contact_id)
    post_form(client, f"/inbox/t/{typed}/contacts/link", {"other": str(other), "confirm": "0"})
    assert len(contacts(ctx)) == 2
    assert "Possibly the same citizen" not in client.get(f"/inbox/t/{typed}").get_data(True)


def test_staff_split_a_wrongly_joined_address_off_with_its_tickets(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    called = call(ctx, "91234567")
    push(tg, fake_api, text_update(903, 1, "Pothole on Way 12 near the mosque", language="en"))
    share_own_contact(tg, fake_api, 903, OMANI)
    [one] = contacts(ctx)
    telegram = next(i.id for i in one.identities if i.channel == "telegram")
    client = signed_in(make_app(ctx), "agent@mct.om")
    post_form(client, f"/inbox/t/{called}/contacts/split", {"identity": str(telegram)})
    caller, chat = contacts(ctx)
    assert [i.channel for i in chat.identities] == ["telegram"]
    with ctx.sessions() as session:
        owners = dict(session.execute(select(Ticket.channel, Ticket.contact_id)).all())
    assert owners == {"phone": caller.id, "telegram": chat.id}


def test_an_email_sender_who_answers_the_reply_token_joins_the_form_citizen(
    ctx: Context, listener: SmtpListener
) -> None:
    client = make_app(ctx).test_client()
    page = submit(client, "en", description="Broken bench in the park", email="salim@example.om")
    reference = reference_of(page.get_data(as_text=True))
    deliver_due(ctx)
    token_address = reply_address(ctx.settings.mail_address, reference, ctx.settings.secret_key)
    mail = EmailMessage()
    mail["From"] = "Salim <salim@example.om>"
    mail["To"] = token_address
    mail["Subject"] = "Re: your report"
    mail["Message-ID"] = "<answer1@example.om>"
    mail.set_content("The bench is next to the playground.")
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as smtp:
        smtp.sendmail("salim@example.om", [token_address], mail.as_bytes())
    assert listener.wait_idle()
    [one] = contacts(ctx)
    assert {i.channel for i in one.identities} == {"web", "email"}
    ticket = load(ctx, reference)
    assert [m.text.strip() for m in ticket.messages if m.direction == "in"][-1] == (
        "The bench is next to the playground."
    )
