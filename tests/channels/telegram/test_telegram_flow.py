"""The conversation end to end: PTB talks real HTTP to a fake Bot API on loopback."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from telegram import Update

from channels.telegram import handlers, records
from channels.telegram.bot import settle
from channels.telegram.runtime import TelegramRuntime
from core.context import Context
from core.delivery.notify import notify_citizen, queue_reply
from core.delivery.outbox import deliver_due
from core.inbound import InboundMessage
from core.intake.ingest import ingest
from core.language.texts import render, status_label
from core.models import (
    Attachment,
    Contact,
    ContactIdentity,
    Direction,
    Event,
    InboundRecord,
    InboundStatus,
    Message,
    MessageRevision,
    OutboxItem,
    Status,
    Ticket,
)
from tests.telegram_fake import FakeBotApi, message_update, text_update

DATA = Path(__file__).parents[2] / "data" / "telegram"
AR_REPORT = "يوجد تسرب مياه كبير في الشارع أمام منزلي في السيب منذ يومين"
EN_REPORT = "There is a big pothole on the main road near Qurum beach, cars are damaged."


def send(tg: TelegramRuntime, fake_api: FakeBotApi, update: dict[str, Any]) -> bool:
    """Deliver one update the way polling or the webhook would, and let follow-ups finish."""
    update = dict(update)
    update.setdefault("update_id", fake_api.push_id())
    stored = tg.handle(update)
    tg.settle()
    return stored


def tickets(ctx: Context) -> list[Ticket]:
    with ctx.sessions() as session:
        return list(session.execute(select(Ticket).order_by(Ticket.id)).scalars())


def test_arabic_report_gets_arabic_acknowledgement_with_reference(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    assert send(tg, fake_api, text_update(701, 1, AR_REPORT))
    (ticket,) = tickets(ctx)
    ack = fake_api.sent_texts(701)[0]
    assert ticket.reference in ack and "شكرًا لتواصلكم" in ack and "Thank you" not in ack


def test_english_report_gets_english_acknowledgement(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(702, 1, EN_REPORT, language="en"))
    (ticket,) = tickets(ctx)
    ack = fake_api.sent_texts(702)[0]
    assert ticket.reference in ack and ack.startswith("Thank you") and "شكرًا" not in ack


def test_acknowledgement_carries_the_private_status_link(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(703, 1, EN_REPORT, language="en"))
    (ticket,) = tickets(ctx)
    assert ctx.status_url(ticket.reference, ticket.secret) in fake_api.sent_texts(703)[0]


def test_report_without_location_is_offered_a_share_location_button(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(704, 1, EN_REPORT, language="en"))
    markups = [c.params.get("reply_markup") for c in fake_api.calls_of("sendMessage")]
    buttons = [b for m in markups if m for row in m.get("keyboard", []) for b in row]
    assert buttons and buttons[0]["request_location"] is True


class SlowCourier:
    """Another worker's courier: delivers the outbox through a sender slow to answer."""

    def __init__(self, ctx: Context, sender: Any) -> None:
        self.ctx, self.sender, self.stopping = ctx, sender, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def send(self, message: Any) -> Any:
        time.sleep(0.5)
        return self.sender.send(message)

    def _run(self) -> None:
        while not self.stopping.is_set():
            deliver_due(self.ctx)
            time.sleep(0.02)


def test_the_location_prompt_waits_for_an_acknowledgement_another_worker_is_sending(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    courier = SlowCourier(ctx, ctx.senders.get("telegram"))
    ctx.senders.register("telegram", courier)
    runtime = TelegramRuntime(ctx, kick_outbox=False)  # the courier delivers, as in serve
    courier.thread.start()
    try:
        runtime.handle({"update_id": fake_api.push_id(), **text_update(730, 1, EN_REPORT)})
        runtime.settle()
        fake_api.wait_for(lambda: len(fake_api.sent_texts(730)) == 2)
    finally:
        courier.stopping.set()
        courier.thread.join(10)
        runtime.stop()
    (ticket,) = tickets(ctx)
    first, second = fake_api.sent_texts(730)
    assert ticket.reference in first and first.startswith("Thank you")
    assert "share the location" in second


def test_the_location_prompt_wakes_when_the_outbox_sends_the_acknowledgement(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Woken by this process's outbox, not by reading the database: with the poll and the
    wait longer than the test's patience, the prompt still follows the acknowledgement, and
    the chat's queue is read twice (waiting, then empty), where the poll every 0.1 s read it
    five times or more while the courier took half a second."""
    monkeypatch.setattr(handlers, "ACK_WAIT_SECONDS", 120.0)
    monkeypatch.setattr(handlers, "ACK_POLL_SECONDS", 120.0)
    looks: list[bool] = []
    looked = threading.Event()

    def counted(ctx: Context, chat_id: int) -> bool:
        looks.append(on_the_way(ctx, chat_id))
        looked.set()
        return looks[-1]

    class GatedCourier(SlowCourier):
        def send(self, message: Any) -> Any:
            looked.wait(10)  # the prompt has seen the acknowledgement waiting
            return super().send(message)

    on_the_way = records.replies_on_the_way
    monkeypatch.setattr(records, "replies_on_the_way", counted)
    courier = GatedCourier(ctx, ctx.senders.get("telegram"))
    ctx.senders.register("telegram", courier)
    runtime = TelegramRuntime(ctx, kick_outbox=False)
    courier.thread.start()
    try:
        runtime.handle({"update_id": fake_api.push_id(), **text_update(731, 1, EN_REPORT)})
        runtime.settle()  # 30 s at most: the wait would take 120 s unwoken
    finally:
        courier.stopping.set()
        courier.thread.join(10)
        runtime.stop()
    first, second = fake_api.sent_texts(731)
    assert first.startswith("Thank you") and "share the location" in second
    assert looks == [True, False]


def test_photo_with_caption_is_stored_on_the_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    jpeg = b"\xff\xd8\xff\xe0large-photo-bytes"
    fake_api.add_file("big", jpeg, "photos/file_7.jpg")
    photo = [
        {"file_id": "small", "file_unique_id": "s", "file_size": 10, "width": 9, "height": 9},
        {
            "file_id": "big",
            "file_unique_id": "b",
            "file_size": len(jpeg),
            "width": 90,
            "height": 90,
        },
    ]
    send(tg, fake_api, message_update(705, 1, photo=photo, caption=AR_REPORT))
    with ctx.sessions() as session:
        (att,) = session.execute(select(Attachment)).scalars()
        assert att.content_type == "image/jpeg" and att.size == len(jpeg)
        assert att.message.text == AR_REPORT
    assert [c.params["file_id"] for c in fake_api.calls_of("getFile")] == ["big"]


def test_a_file_the_bot_api_refuses_is_left_out_and_the_caption_kept_for_staff(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    fake_api.fail("getFile", 400, times=3, description="Bad Request: file is too big")
    document = {"file_id": "huge", "file_unique_id": "h", "mime_type": "video/mp4"}
    assert send(tg, fake_api, message_update(707, 1, document=document, caption=AR_REPORT))
    (ticket,) = tickets(ctx)
    with ctx.sessions() as session:
        said = session.execute(
            select(Message.direction, Message.text).where(Message.ticket_id == ticket.id)
        ).all()
    assert (Direction.IN, AR_REPORT) in said
    assert any(d == Direction.NOTE and "too big" in t for d, t in said)
    assert len(fake_api.calls_of("getFile")) == 1


def test_shared_location_ends_up_on_the_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(706, 1, AR_REPORT))
    send(tg, fake_api, message_update(706, 2, location={"latitude": 23.58, "longitude": 58.38}))
    (ticket,) = tickets(ctx)
    assert (ticket.lat, ticket.lon) == (23.58, 58.38)
    assert any(ticket.reference in t and "الموقع" in t for t in fake_api.sent_texts(706))


@pytest.mark.parametrize(
    "place",
    [{"latitude": "north", "longitude": "58.38"}, {"latitude": 123.0, "longitude": 58.38}],
)
def test_a_location_with_impossible_coordinates_is_kept_raw_and_adds_nothing_to_the_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi, place: dict[str, Any]
) -> None:
    """As on WhatsApp (core.inbound: a place with no coordinates and no name is no place):
    the update is stored and acknowledged, and no empty message joins the ticket."""
    assert send(tg, fake_api, text_update(716, 1, AR_REPORT))
    assert send(tg, fake_api, message_update(716, 2, location=place))  # processed, not retried
    (ticket,) = tickets(ctx)
    assert (ticket.lat, ticket.lon) == (None, None)
    with ctx.sessions() as session:
        ids = session.execute(select(Message.external_id)).scalars().all()
        kept = session.execute(
            select(InboundRecord.status).where(InboundRecord.external_id == "716:2")
        ).scalar_one()
    assert "716:2" not in ids
    assert kept == InboundStatus.IGNORED


def test_staff_reply_arrives_in_the_same_chat_escaped_as_html(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(707, 1, EN_REPORT, language="en"))
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        queue_reply(ctx, session, ticket, "Crew sent <today> & tomorrow")
    deliver_due(ctx)
    last = fake_api.calls_of("sendMessage")[-1]
    assert int(last.params["chat_id"]) == 707
    assert "Crew sent &lt;today&gt; &amp; tomorrow" in last.params["text"]
    assert ticket.reference in last.params["text"]
    assert last.params["parse_mode"] == "HTML"


def test_reply_to_our_notification_threads_into_that_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(708, 1, AR_REPORT))
    send(tg, fake_api, text_update(708, 2, "/new"))
    send(tg, fake_api, text_update(708, 3, "إنارة الشارع معطلة في الخوض"))
    first, second = tickets(ctx)
    with ctx.sessions() as session:
        ack = session.execute(
            select(Message).where(Message.ticket_id == first.id, Message.kind == "ack")
        ).scalar_one()
    ack_message_id = int(str(ack.external_id).split(":")[1])
    send(
        tg,
        fake_api,
        text_update(
            708,
            4,
            "ما زالت المشكلة قائمة",
            reply_to_message={
                "message_id": ack_message_id,
                "date": 1764300000,
                "chat": {"id": 708, "type": "private"},
            },
        ),
    )
    with ctx.sessions() as session:
        latest = session.execute(select(Message).where(Message.external_id == "708:4")).scalar_one()
        assert latest.ticket_id == first.id != second.id


def test_new_command_makes_the_next_message_a_new_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(709, 1, AR_REPORT))
    send(tg, fake_api, text_update(709, 2, "/new"))
    send(tg, fake_api, text_update(709, 3, "إنارة الشارع معطلة في الخوض"))
    send(tg, fake_api, text_update(709, 4, "وهي معطلة منذ أسبوع"))
    first, second = tickets(ctx)
    with ctx.sessions() as session:
        counts = [
            len(
                session.execute(
                    select(Message).where(Message.ticket_id == t.id, Message.direction == "in")
                ).all()
            )
            for t in (first, second)
        ]
    assert counts == [1, 2]


def test_edited_message_becomes_a_revision_not_a_new_message(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(710, 1, AR_REPORT))
    edited = text_update(710, 1, AR_REPORT + " وما زال مستمرًا")
    send(tg, fake_api, {"edited_message": {**edited["message"], "edit_date": 1764300060}})
    with ctx.sessions() as session:
        (message,) = session.execute(select(Message).where(Message.direction == "in")).scalars()
        assert message.text.endswith("وما زال مستمرًا") and message.edited_at is not None
        (revision,) = session.execute(select(MessageRevision)).scalars()
        assert revision.text == AR_REPORT and revision.message_id == message.id


def edit(tg: TelegramRuntime, fake_api: FakeBotApi, chat: int, message: int, text: str) -> None:
    edited = text_update(chat, message, text)
    send(tg, fake_api, {"edited_message": {**edited["message"], "edit_date": 1764300060}})


def test_an_edit_of_the_opening_message_moves_the_subject_with_it(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(715, 1, "Pothole on way 3021\nnear the mosque"))
    edit(tg, fake_api, 715, 1, "Deep pothole on way 3012\nnear the mosque")
    (ticket,) = tickets(ctx)
    assert ticket.subject == "Deep pothole on way 3012"
    with ctx.sessions() as session:
        (revision,) = session.execute(select(MessageRevision)).scalars()
        assert revision.text.startswith("Pothole on way 3021")
        (event,) = session.execute(select(Event).where(Event.kind == "citizen_edit")).scalars()
        assert event.data["subject_was"] == "Pothole on way 3021"


def test_an_edit_of_a_later_message_leaves_the_subject(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(716, 1, "Pothole on way 3021 near the mosque"))
    send(tg, fake_api, text_update(716, 2, "It is getting bigger"))
    edit(tg, fake_api, 716, 2, "It is getting bigger every day")
    (ticket,) = tickets(ctx)
    assert ticket.subject == "Pothole on way 3021 near the mosque"


def test_an_edit_leaves_a_subject_changed_since(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(717, 1, "Pothole on way 3021 near the mosque"))
    with ctx.sessions() as session, session.begin():  # as staff would retitle it
        session.execute(select(Ticket)).scalar_one().subject = "Road damage, way 3021"
    edit(tg, fake_api, 717, 1, "Deep pothole on way 3012 near the mosque")
    (ticket,) = tickets(ctx)
    assert ticket.subject == "Road damage, way 3021"


def test_status_lists_tickets_with_state_in_plain_words(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(711, 1, EN_REPORT, language="en"))
    send(tg, fake_api, text_update(711, 2, "/status", language="en"))
    (ticket,) = tickets(ctx)
    answer = fake_api.sent_texts(711)[-1]
    assert answer.startswith("Your reports:") and ticket.reference in answer
    assert "Received" in answer or "Being reviewed" in answer


def test_status_without_tickets_says_so(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(712, 1, "/status", language="en"))
    assert fake_api.sent_texts(712) == [
        "You have no reports yet. To report a problem, describe it and say where it is."
    ]


def test_start_greets_in_the_telegram_language(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(713, 1, "/start", language="en"))
    send(tg, fake_api, text_update(714, 1, "/start", language="ar"))
    assert fake_api.sent_texts(713)[0].startswith("Welcome to the Municipality")
    assert fake_api.sent_texts(714)[0].startswith("مرحبًا بكم")


def test_language_command_switches_and_is_stored_on_the_contact(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(715, 1, "/language en", language="ar"))
    send(tg, fake_api, text_update(715, 2, "/start", language="ar"))
    with ctx.sessions() as session:
        assert session.execute(select(Contact.language)).scalar_one() == "en"
    assert fake_api.sent_texts(715)[-1].startswith("Welcome")


def test_language_buttons_switch_through_a_callback(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(716, 1, "/language", language="ar"))
    markup = fake_api.calls_of("sendMessage")[-1].params["reply_markup"]
    data = markup["inline_keyboard"][0][1]["callback_data"]
    chat = {"id": 716, "type": "private"}
    send(
        tg,
        fake_api,
        {
            "callback_query": {
                "id": "cb1",
                "from": {"id": 716, "is_bot": False, "first_name": "C"},
                "chat_instance": "1",
                "data": data,
                "message": {"message_id": 1000, "date": 1764300000, "chat": chat},
            }
        },
    )
    with ctx.sessions() as session:
        assert session.execute(select(Contact.language)).scalar_one() == "en"


def test_group_chat_gets_a_note_to_write_privately(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    data = json.loads((DATA / "group.json").read_text(encoding="utf-8"))
    assert send(tg, fake_api, data)
    (text,) = fake_api.sent_texts(-1001234567890)
    assert "private chat" in text and tickets(ctx) == []


def test_file_over_twenty_megabytes_gets_a_kind_refusal(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    data = json.loads((DATA / "document_large.json").read_text(encoding="utf-8"))
    data.pop("update_id")
    assert send(tg, fake_api, data)
    assert fake_api.sent_texts(555002) == [
        "Sorry, the attachment is too large for us to receive. Please send a smaller file "
        "or a lower-resolution photo."
    ]
    assert fake_api.calls_of("getFile") == [] and tickets(ctx) == []


def test_shared_contact_keeps_the_phone_on_the_contact(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    contact = {"phone_number": "+96899123456", "first_name": "C", "user_id": 717}
    send(tg, fake_api, message_update(717, 1, contact=contact))
    with ctx.sessions() as session:
        assert session.execute(select(Contact.phone)).scalar_one() == "+96899123456"
    assert tickets(ctx) == []


def test_satisfaction_button_is_stored_on_the_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(718, 1, EN_REPORT, language="en"))
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        ticket.status, ticket.closed_at = Status.CLOSED, ctx.now()  # ratings: closed only
        notify_citizen(ctx, session, ticket, "satisfaction")
    deliver_due(ctx)
    question = fake_api.calls_of("sendMessage")[-1]
    data = question.params["reply_markup"]["inline_keyboard"][0][3]["callback_data"]
    send(
        tg,
        fake_api,
        {
            "callback_query": {
                "id": "cb2",
                "from": {"id": 718, "is_bot": False, "first_name": "C"},
                "chat_instance": "1",
                "data": data,
                "message": {
                    "message_id": 1000,
                    "date": 1764300000,
                    "chat": {"id": 718, "type": "private"},
                },
            }
        },
    )
    assert tickets(ctx)[0].satisfaction == 4
    assert fake_api.calls_of("answerCallbackQuery")[-1].params["text"] == (
        "Thank you for your rating."
    )


def test_satisfaction_for_someone_elses_ticket_is_not_stored(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(719, 1, EN_REPORT, language="en"))
    (ticket,) = tickets(ctx)
    send(
        tg,
        fake_api,
        {
            "callback_query": {
                "id": "cb3",
                "from": {"id": 720, "is_bot": False, "first_name": "X"},
                "chat_instance": "1",
                "data": f"sat:{ticket.reference}:1",
                "message": {
                    "message_id": 1000,
                    "date": 1764300000,
                    "chat": {"id": 720, "type": "private"},
                },
            }
        },
    )
    assert tickets(ctx)[0].satisfaction is None


def test_same_update_twice_makes_one_message(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    update = {"update_id": 5, **text_update(721, 1, EN_REPORT, language="en")}
    assert send(tg, fake_api, update) and send(tg, fake_api, update)
    with ctx.sessions() as session:
        assert len(session.execute(select(Message).where(Message.direction == "in")).all()) == 1
    assert len(tickets(ctx)) == 1


def test_an_update_delivered_again_sends_no_second_location_prompt(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    """Telegram delivers an update again when our answer was late or lost: the message is
    stored once, and the chat must not be asked for the location a second time."""
    update = {"update_id": 6, **text_update(722, 1, EN_REPORT, language="en")}
    assert send(tg, fake_api, update) and send(tg, fake_api, update)
    markups = [c.params.get("reply_markup") for c in fake_api.calls_of("sendMessage")]
    prompts = [m for m in markups if m and m.get("keyboard")]
    assert len(prompts) == 1 and len(fake_api.sent_texts(722)) == 2  # the ack, the prompt


@pytest.mark.parametrize("name", ["text_ar.json", "photo_caption.json", "venue.json"])
def test_process_update_from_captured_json_opens_a_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi, name: str
) -> None:
    fake_api.add_file("AgACAgQAAxkBAAIBlarge", b"\xff\xd8captured", "photos/file_1.jpg")
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    application = tg.application

    async def run() -> None:
        await application.process_update(Update.de_json(data, application.bot))
        await settle(application)

    tg.loop.run(run())
    (ticket,) = tickets(ctx)
    assert ticket.status in (Status.NEW, Status.TRIAGED)
    if name == "venue.json":
        assert ticket.address == "Muttrah Corniche, Al Bahri Rd, Muttrah"


def test_staff_reply_posted_through_the_api_arrives_in_the_citizens_chat(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    from tests.staffkit import app_for, bearer, the_roles, token_for

    send(tg, fake_api, text_update(712, 1, AR_REPORT))
    (ticket,) = tickets(ctx)
    the_roles(ctx)
    response = (
        app_for(ctx)
        .test_client()
        .post(
            f"/api/v1/tickets/{ticket.reference}/replies",
            json={"text": "وصل الفريق إلى الموقع وسيتم الإصلاح اليوم"},
            headers=bearer(token_for(ctx, "disp@mct.om")),
        )
    )
    assert response.status_code == 201
    deliver_due(ctx)
    last = fake_api.calls_of("sendMessage")[-1]
    assert int(last.params["chat_id"]) == 712
    assert "وصل الفريق إلى الموقع وسيتم الإصلاح اليوم" in last.params["text"]
    assert ticket.reference in last.params["text"] and "بلاغكم" in last.params["text"]


@pytest.mark.parametrize(
    ("report", "citizen", "staff", "heading", "reply"),
    [
        (AR_REPORT, "ar", "en", "رد بخصوص بلاغكم رقم", "سيصل فريق الصيانة اليوم"),
        (EN_REPORT, "en", "ar", "A reply about your report", "A crew will fill it today."),
    ],
)
def test_staff_reply_from_the_inbox_reaches_the_citizens_chat_in_the_citizens_language(
    ctx: Context,
    tg: TelegramRuntime,
    fake_api: FakeBotApi,
    report: str,
    citizen: str,
    staff: str,
    heading: str,
    reply: str,
) -> None:
    """The whole way a reply goes: a Telegram report, a dispatcher reading the inbox in the
    other language replies on the ticket page, the outbox sends it through the Bot API to
    the citizen's chat, worded around the reply in the citizen's language."""
    from tests.staffkit import app_for, post_form, signed_in, the_roles

    send(tg, fake_api, text_update(714, 1, report, language=citizen))
    (ticket,) = tickets(ctx)
    assert ticket.language == citizen
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om", staff)
    answer = post_form(client, f"/inbox/t/{ticket.reference}", {"reply": reply})
    assert answer.status_code == 302
    sent_before = len(fake_api.calls_of("sendMessage"))
    deliver_due(ctx)
    (sent,) = fake_api.calls_of("sendMessage")[sent_before:]
    assert int(sent.params["chat_id"]) == 714
    assert sent.params["text"].startswith(heading) and ticket.reference in sent.params["text"]
    assert reply in sent.params["text"]


def test_status_question_in_plain_text_gets_the_same_line_as_the_status_command(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(713, 1, EN_REPORT, language="en"))
    (ticket,) = tickets(ctx)
    send(tg, fake_api, text_update(713, 2, f"any update on {ticket.reference}?", language="en"))
    answer = fake_api.sent_texts(713)[-1]
    send(tg, fake_api, text_update(713, 3, "/status", language="en"))
    assert answer.startswith(f"• {ticket.reference} — ")
    assert answer in fake_api.sent_texts(713)[-1]
    assert len(tickets(ctx)) == 1


def test_status_question_about_an_emailed_ticket_is_answered_in_the_chat_it_was_asked_in(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    """A contact linked across channels asks on Telegram, in English, about the ticket they
    opened by email in Arabic: the answer comes back in that chat, in English, not by mail."""
    mailed = ingest(
        ctx,
        InboundMessage(
            channel="email", sender="salim@example.om", text=AR_REPORT, external_id="<m1@x.om>"
        ),
    )
    with ctx.sessions() as session, session.begin():
        contact = session.execute(select(Contact)).scalar_one()
        session.add(ContactIdentity(contact=contact, channel="telegram", address="715"))
    send(tg, fake_api, text_update(715, 1, f"any update on {mailed.reference}?", language="en"))
    answer = fake_api.sent_texts(715)[-1]
    (ticket,) = tickets(ctx)
    assert mailed.reference in answer and status_label(ticket.status, "en") in answer
    with ctx.sessions() as session:
        answers = session.execute(
            select(OutboxItem).where(OutboxItem.kind == "status_answer")
        ).scalars()
        assert [(item.channel, item.address) for item in answers] == [("telegram", "715")]


def close_only_ticket(ctx: Context) -> None:
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        ticket.status, ticket.closed_at = Status.CLOSED, ctx.now()


def test_still_not_fixed_after_closing_reopens_the_ticket_without_a_swipe_reply(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    send(tg, fake_api, text_update(722, 1, AR_REPORT))
    close_only_ticket(ctx)
    send(tg, fake_api, text_update(722, 2, "ما زالت المشكلة قائمة"))
    (ticket,) = tickets(ctx)
    assert ticket.status == Status.REOPENED
    with ctx.sessions() as session:
        latest = session.execute(select(Message).where(Message.external_id == "722:2")).scalar_one()
        assert latest.ticket_id == ticket.id


def test_a_message_of_invisible_characters_is_kept_but_opens_no_ticket(
    ctx: Context, tg: TelegramRuntime, fake_api: FakeBotApi
) -> None:
    """As the web form refuses it: told the message said nothing, never acknowledged as a
    report; the update is stored all the same (an ignored record), so nothing is lost."""
    invisible = "\u200b\u200f\u2060 "
    assert send(tg, fake_api, text_update(723, 1, invisible, language="en"))
    assert tickets(ctx) == []
    assert fake_api.sent_texts(723) == [render("error_empty", "en")]
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
        assert record.status == InboundStatus.IGNORED and record.normalized["text"] == invisible
