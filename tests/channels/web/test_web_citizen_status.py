"""The private status page /t/<reference>?k=<secret>, over HTTP with the Flask test client."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import func, select

from core.context import Context
from core.delivery.notify import queue_reply
from core.delivery.outbox import deliver_due
from core.models import Direction, Event, Message, Status, Ticket
from core.outbound import CollectingSender
from core.workflow.transitions import SYSTEM_ACTOR, Actor, transition
from tests.citizen_web import hidden, jpeg, make_app, status_link, submit, upload

DESCRIPTION_AR = "عمود إنارة مكسور في شارع السلطان قابوس قرب دوار الوطية"
STAFF = Actor(name="dispatcher@balagh.test", role="dispatcher")


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def report(client: FlaskClient, lang: str = "ar", **fields: object) -> str:
    """Submit a report and return its private status link."""
    fields.setdefault("description", DESCRIPTION_AR)
    page = submit(client, lang, **fields).get_data(as_text=True)
    return status_link(page)


def with_ticket(ctx: Context, change) -> None:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket)).scalar_one()
        change(session, ticket)


def close(ctx: Context) -> None:
    def _close(session, ticket: Ticket) -> None:  # type: ignore[no-untyped-def]
        ticket.category = ctx.taxonomy.categories[0].code
        ticket.directorate = ctx.taxonomy.categories[0].directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)
        transition(ctx, session, ticket, Status.RESOLVED, STAFF, note="أُصلح العمود.")
        transition(ctx, session, ticket, Status.CLOSED, STAFF)

    with_ticket(ctx, _close)


def test_status_link_shows_state_in_plain_words_and_the_report(client: FlaskClient) -> None:
    response = client.get(report(client))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "تم الاستلام" in page or "قيد المراجعة" in page
    assert DESCRIPTION_AR in page
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response.headers["Cache-Control"]


def test_wrong_secret_is_404_like_an_unknown_reference(client: FlaskClient) -> None:
    link = report(client)
    path = link.split("?")[0]
    wrong = client.get(path + "?k=not-the-secret")
    missing = client.get(path)
    unknown = client.get("/t/MCT-999999?k=" + link.split("k=")[1])
    assert wrong.status_code == missing.status_code == unknown.status_code == 404
    assert wrong.get_data() == missing.get_data() == unknown.get_data()


def test_staff_reply_appears_on_the_status_page_and_goes_by_email(
    ctx: Context, client: FlaskClient, senders: dict[str, CollectingSender]
) -> None:
    link = report(client, email="salim@example.om")
    with_ticket(ctx, lambda s, t: queue_reply(ctx, s, t, "سيتم إصلاح العمود خلال يومين."))
    assert "سيتم إصلاح العمود خلال يومين." in client.get(link).get_data(as_text=True)
    deliver_due(ctx)
    texts = [m.text for m in senders["email"].sent]
    assert any("سيتم إصلاح العمود خلال يومين." in t for t in texts)
    assert all(m.to == "salim@example.om" for m in senders["email"].sent)


def test_internal_notes_never_appear(ctx: Context, client: FlaskClient) -> None:
    link = report(client)

    def note(session, ticket: Ticket) -> None:  # type: ignore[no-untyped-def]
        session.add(
            Message(ticket=ticket, direction=Direction.NOTE, channel="web", text="SECRET NOTE")
        )

    with_ticket(ctx, note)
    assert "SECRET NOTE" not in client.get(link).get_data(as_text=True)


def test_expected_date_comes_from_the_sla_once_assigned(ctx: Context, client: FlaskClient) -> None:
    link = report(client, "en")

    def assign(session, ticket: Ticket) -> None:  # type: ignore[no-untyped-def]
        ticket.category = ctx.taxonomy.categories[0].code
        ticket.directorate = ctx.taxonomy.categories[0].directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)

    with_ticket(ctx, assign)
    from channels.web.citizen.status import format_date

    with ctx.sessions() as session:
        due = session.execute(select(Ticket.due_at)).scalar_one()
    page = client.get(link).get_data(as_text=True)
    assert "Expected to be dealt with by" in page and format_date(due, "en", ctx.zone) in page


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_due_date_already_past_is_not_shown_as_still_expected(
    ctx: Context, client: FlaskClient, lang: str
) -> None:
    """Found driving the demo with BALAGH_NOW three days on: an overdue report's page still
    said "Expected to be dealt with by 8 December 2026" on the 11th."""
    from channels.web.citizen.status import format_date
    from channels.web.citizen.texts import text

    link = report(client, lang)
    past = ctx.now() - timedelta(days=3)

    def overdue(session, ticket: Ticket) -> None:  # type: ignore[no-untyped-def]
        ticket.category = ctx.taxonomy.categories[0].code
        ticket.directorate = ctx.taxonomy.categories[0].directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)
        ticket.due_at = past

    with_ticket(ctx, overdue)
    page = client.get(link).get_data(as_text=True)
    assert text("expected_overdue", lang, date=format_date(past, lang, ctx.zone)) in page


@pytest.mark.parametrize(("lang", "claim"), [("en", "Resolved"), ("ar", "تمت المعالجة")])
def test_a_report_the_department_answered_is_not_called_solved_before_the_citizen_is_told(
    ctx: Context, client: FlaskClient, lang: str, claim: str
) -> None:
    """`resolved` is the department's answer to the dispatcher, who words what the citizen is
    told (it may be "we cannot"): the page said "Resolved" with nothing told yet (found
    driving the demo)."""
    from channels.web.citizen.texts import text
    from core.language.texts import status_label

    link = report(client, lang)

    def answered(session, ticket: Ticket) -> None:  # type: ignore[no-untyped-def]
        ticket.category = ctx.taxonomy.categories[0].code
        ticket.directorate = ctx.taxonomy.categories[0].directorate
        if ticket.status == Status.NEW:
            transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR)
        transition(ctx, session, ticket, Status.ASSIGNED, STAFF)
        transition(ctx, session, ticket, Status.RESOLVED, STAFF, note="Cannot be done.")

    with_ticket(ctx, answered)
    page = client.get(link).get_data(as_text=True)
    assert status_label("resolved", lang) in page and text("resolved_on", lang) in page
    assert claim not in page and "Cannot be done." not in page


def test_citizen_adds_a_message_and_photo_to_the_same_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    link = report(client)
    page = client.get(link).get_data(as_text=True)
    response = client.post(
        link,
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "submission": hidden(page, "submission"),
            "action": "message",
            "message": "أضيف صورة للعمود",
            "photos": [upload(jpeg(gps=True), "pole.jpg")],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    after = client.get(link).get_data(as_text=True)
    assert "أضيف صورة للعمود" in after and "وصلتنا رسالتكم" in after
    with ctx.sessions() as session:
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 1
        incoming = session.execute(
            select(Message).where(Message.direction == Direction.IN).order_by(Message.id)
        ).scalars()
        files = [a for m in incoming for a in m.attachments]
    assert len(files) == 1
    photo = client.get(f"{link.split('?')[0]}/files/{files[0].id}?k={link.split('k=')[1]}")
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"
    assert b"TestCam" not in photo.data


@pytest.mark.parametrize(
    "message",
    [" ", "\u200b\u200b\u2060"],
    ids=["blank", "zero_width_only"],
)
def test_empty_message_is_refused_inline(client: FlaskClient, message: str) -> None:
    link = report(client, "en")
    page = client.get(link).get_data(as_text=True)
    response = client.post(
        link,
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "submission": hidden(page, "submission"),
            "action": "message",
            "message": message,
        },
    )
    assert response.status_code == 400
    assert "Please write a message or attach a photo." in response.get_data(as_text=True)


def test_posting_with_wrong_secret_is_404(ctx: Context, client: FlaskClient) -> None:
    link = report(client)
    page = client.get(link).get_data(as_text=True)
    response = client.post(
        link.split("?")[0] + "?k=guess",
        data={"csrf_token": hidden(page, "csrf_token"), "action": "message", "message": "hi"},
    )
    assert response.status_code == 404


def test_a_status_link_with_words_pasted_onto_its_key_is_not_found_not_a_500(
    client: FlaskClient,
) -> None:
    """Chat apps link a key with the Arabic after it (`?k=...الرابط`); comparing that
    with the ticket's secret raised TypeError (hmac takes only ASCII text)."""
    link = report(client)
    assert client.get(link + "الرابط").status_code == 404


def test_satisfaction_question_after_close_records_the_answer(
    ctx: Context, client: FlaskClient
) -> None:
    link = report(client, "en")
    assert "How satisfied are you" not in client.get(link).get_data(as_text=True)
    close(ctx)
    page = client.get(link).get_data(as_text=True)
    assert "How satisfied are you" in page and "Closed" in page
    response = client.post(
        link,
        data={"csrf_token": hidden(page, "csrf_token"), "action": "rating", "rating": "4"},
    )
    assert response.status_code == 302
    after = client.get(link).get_data(as_text=True)
    assert after.count("Thank you for your rating (4 out of 5)") == 1  # said once, not twice
    later = client.get(link).get_data(as_text=True)
    assert later.count("Thank you for your rating (4 out of 5)") == 1  # still said next time
    assert "How satisfied are you" not in after
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket)).scalar_one()
        kinds = [e.kind for e in session.execute(select(Event)).scalars()]
    assert ticket.satisfaction == 4 and ticket.status == Status.CLOSED
    assert "satisfaction" in kinds


def test_rating_before_close_is_refused(ctx: Context, client: FlaskClient) -> None:
    link = report(client, "en")
    page = client.get(link).get_data(as_text=True)
    client.post(
        link, data={"csrf_token": hidden(page, "csrf_token"), "action": "rating", "rating": "5"}
    )
    with ctx.sessions() as session:
        assert session.execute(select(Ticket.satisfaction)).scalar_one() is None


def test_rating_from_a_page_older_than_a_reopening_says_why_it_was_not_recorded(
    ctx: Context, client: FlaskClient
) -> None:
    """The page offered the rating while the report was closed; a message reopened it before
    the citizen chose a score, and the answer was the page again, 400, without a word."""
    link = report(client, "en")
    close(ctx)
    page = client.get(link).get_data(as_text=True)
    with_ticket(ctx, lambda session, t: transition(ctx, session, t, Status.REOPENED, STAFF))
    response = client.post(
        link, data={"csrf_token": hidden(page, "csrf_token"), "action": "rating", "rating": "5"}
    )
    after = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your rating was not recorded: this report is open again." in after
    with ctx.sessions() as session:
        assert session.execute(select(Ticket.satisfaction)).scalar_one() is None


def test_a_thank_you_with_praise_on_a_closed_report_keeps_it_closed(
    ctx: Context, client: FlaskClient
) -> None:
    """QA on the demo: "شكرًا جزيلًا على سرعة الإنجاز" sent from the status page reopened the
    closed report and told the citizen so; only thank-you words alone were recognised."""
    link = report(client)
    close(ctx)
    page = client.get(link).get_data(as_text=True)
    client.post(
        link,
        data={
            "csrf_token": hidden(page, "csrf_token"),
            "action": "message",
            "message": "شكرًا جزيلًا على سرعة الإنجاز",
        },
    )
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket)).scalar_one()
        assert ticket.status == Status.CLOSED
        kinds = session.scalars(
            select(Message.kind).where(Message.ticket_id == ticket.id).order_by(Message.id)
        ).all()
    assert kinds[-1] == "courtesy"


def test_language_switch_keeps_the_secret_and_is_remembered(client: FlaskClient) -> None:
    link = report(client, "ar")
    page = client.get(link + "&lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in page
    assert "Received" in page or "Being reviewed" in page
    assert '<html lang="en"' in client.get(link).get_data(as_text=True)


def test_script_in_a_citizen_message_is_shown_as_text_on_the_status_page(
    client: FlaskClient,
) -> None:
    link = report(client, "en", description="<script>alert('x')</script> broken light")
    page = client.get(link).get_data(as_text=True)
    assert "<script>alert(" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("rating", "comment", "said"),
    [
        (None, "The crew was quick & polite", None),
        ("5", "Good work. " * 200, "the limit is 2,000 characters"),  # 2,200 characters
    ],
    ids=["no score", "comment over the limit"],
)
def test_a_refused_rating_keeps_the_comment_whole_and_records_nothing(
    ctx: Context, client: FlaskClient, rating: str | None, comment: str, said: str | None
) -> None:
    link = report(client, "en")
    close(ctx)
    page = client.get(link).get_data(as_text=True)
    data = {"csrf_token": hidden(page, "csrf_token"), "action": "rating", "comment": comment}
    response = client.post(link, data=data | ({"rating": rating} if rating else {}))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f"{escape(comment)}</textarea>" in html  # kept whole, not cut short
    assert said is None or said in html
    with ctx.sessions() as session:
        assert session.execute(select(Ticket.satisfaction)).scalar_one() is None


def test_a_reference_in_a_message_is_never_split_at_its_hyphen(client: FlaskClient) -> None:
    """On a 360 px phone, right to left, a reference at a line's end broke as "-MCT" on one
    line and "000032" on the next; each reference in a message is now kept whole."""
    page = client.get(report(client)).get_data(as_text=True)
    conversation = page[page.index('class="body"') :]
    assert re.search(r'<span class="ref">MCT-\d{6}</span>', conversation)
    css = client.get("/citizen-static/citizen.css").get_data(as_text=True)
    assert re.search(r"\.ref\s*\{[^}]*white-space:\s*nowrap", css)


@pytest.mark.parametrize(
    ("lang", "description", "page_words", "mail_words"),
    [
        ("ar", DESCRIPTION_AR, "النموذج في أسفل هذه الصفحة", "الرد على هذه الرسالة"),
        (
            "en",
            "The street light on Sultan Qaboos Street near Wattayah roundabout is broken",
            "the form at the foot of this page",
            "reply to this message",
        ),
    ],
)
def test_the_status_page_says_to_answer_with_its_form_and_the_email_copy_to_reply(
    ctx: Context,
    client: FlaskClient,
    senders: dict[str, CollectingSender],
    lang: str,
    description: str,
    page_words: str,
    mail_words: str,
) -> None:
    """A web citizen reads our messages on the page, where 'reply to this message' has no
    meaning; the copy by email is a message they can reply to."""
    link = report(client, lang, description=description, email="salim@example.om")
    close(ctx)
    page = client.get(link).get_data(as_text=True)
    assert page_words in page and mail_words not in page
    deliver_due(ctx)
    answer = [m.text for m in senders["email"].sent if m.kind == "resolved"]
    assert len(answer) == 1 and mail_words in answer[0] and page_words not in answer[0]


def test_the_status_pages_times_are_the_centres_clock_not_a_fixed_oman_offset(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page read every time at UTC+4 whatever the centre's zone (BALAGH_CALENDARS), while
    the inbox reads them at the centre's: a centre in Riyadh (UTC+3) showed its citizens an
    hour later than its staff saw."""
    link = report(client, "en")
    monkeypatch.setattr(Context, "zone", property(lambda _self: ZoneInfo("Asia/Riyadh")))
    with_ticket(
        ctx, lambda _s, t: setattr(t, "created_at", datetime(2026, 3, 1, 21, 30, tzinfo=UTC))
    )
    page = client.get(link).get_data(as_text=True)
    assert "2 March 2026, 00:30" in page and "01:30" not in page


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "Open the report form"), ("ar", "فتح نموذج البلاغ")],
)
def test_a_rejected_reports_page_links_the_report_form_its_notice_says_to_ask_through(
    ctx: Context, client: FlaskClient, lang: str, words: str
) -> None:
    """The rejection notice tells a web citizen to ask with the report form (question_by_page),
    and the page hides its message form for a rejected report: the page must lead there."""
    link = report(client, lang)
    before = client.get(link).get_data(as_text=True)
    assert 'id="ask-rejected"' not in before

    def _reject(session, ticket: Ticket) -> None:  # type: ignore[no-untyped-def]
        transition(ctx, session, ticket, Status.REJECTED, STAFF)

    with_ticket(ctx, _reject)
    page = client.get(link).get_data(as_text=True)
    assert 'name="action" value="message"' not in page  # the message form stays hidden
    anchor = re.search(r'<a id="ask-rejected" href="([^"]+)">([^<]+)</a>', page)
    assert anchor is not None
    assert anchor.group(2) == words
    assert client.get(anchor.group(1)).status_code == 200
