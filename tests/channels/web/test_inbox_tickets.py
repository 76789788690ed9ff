"""The inbox: queues per role, the ticket page, actions, visibility and escaping."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import select

from core.context import Context
from core.inbound import InboundAttachment, InboundMessage, Location
from core.intake.ingest import ingest
from core.models import Attachment, OutboxItem, RoutingCorrection, Ticket
from core.routing.types import UnroutedRouter
from tests.staffkit import (
    app_for,
    choose_language,
    give_name,
    load,
    login,
    new_ticket,
    post_form,
    signed_in,
    the_roles,
)


@pytest.fixture
def app(ctx: Context) -> Flask:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx)


def test_agent_queue_shows_new_tickets(ctx: Context, app: Flask) -> None:
    fresh = new_ticket(ctx, "Pothole on Way 12")
    page = signed_in(app, "agent@mct.om").get("/inbox/").get_data(as_text=True)
    assert fresh in page


def test_department_queue_shows_only_its_assigned_tickets(ctx: Context, app: Flask) -> None:
    roads = new_ticket(ctx, "Pothole", category="road_damage")
    health = new_ticket(ctx, "Rats", category="pest_control")
    disp = signed_in(app, "disp@mct.om")
    agent = signed_in(app, "agent@mct.om")
    for ref in (roads, health):
        post_form(agent, f"/inbox/t/{ref}/transition", {"to": "triaged"})
        post_form(disp, f"/inbox/t/{ref}/transition", {"to": "assigned"})
    page = signed_in(app, "roads@mct.om").get("/inbox/").get_data(as_text=True)
    assert roads in page and health not in page


def test_department_user_gets_404_on_another_directorates_ticket(ctx: Context, app: Flask) -> None:
    health = new_ticket(ctx, "Rats", category="pest_control")
    client = signed_in(app, "roads@mct.om")
    assert client.get(f"/inbox/t/{health}").status_code == 404
    assert post_form(client, f"/inbox/t/{health}/note", {"text": "x"}).status_code == 404


def test_citizen_script_is_shown_as_text(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "<script>alert('x')</script> pothole")
    page = signed_in(app, "agent@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page


def test_ticket_page_shows_router_answer_and_delivery_state(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole")
    with ctx.sessions() as session, session.begin():
        from core.tickets import ticket_by_reference

        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        ticket.routing = {
            "category": "road_damage",
            "confidence": 0.41,
            "alternatives": [["street_lighting", 0.22]],
            "not_for_us": None,
        }
    page = signed_in(app, "agent@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "41%" in page and "22%" in page
    assert "Queued" in page  # the acknowledgement waiting in the outbox


def test_reply_form_queues_on_the_tickets_channel(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole", sender="321")
    client = signed_in(app, "agent@mct.om")
    response = post_form(client, f"/inbox/t/{ref}/reply", {"text": "Team on the way"})
    assert response.status_code == 302
    with ctx.sessions() as session:
        item = session.execute(select(OutboxItem).where(OutboxItem.kind == "reply")).scalar_one()
    assert (item.channel, item.address) == ("telegram", "321")
    assert "Team on the way" in item.payload["text"] and ref in item.payload["text"]


def test_canned_reply_is_filled_in_the_tickets_language(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "يوجد حفرة كبيرة في الشارع", category="road_damage")
    client = signed_in(app, "agent@mct.om")
    post_form(client, f"/inbox/t/{ref}/reply", {"text": "", "canned": "team_dispatched"})
    reply = load(ctx, ref).messages[-1]
    assert ref in reply.text and "فريق" in reply.text


def test_note_form_never_reaches_the_outbox(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole")
    post_form(signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}/note", {"text": "internal"})
    with ctx.sessions() as session:
        kinds = list(session.execute(select(OutboxItem.kind)).scalars())
    assert kinds == ["ack"]
    assert load(ctx, ref).messages[-1].direction == "note"


def test_reclassify_form_stores_a_correction(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Dog bit my son")
    post_form(
        signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}/reclassify", {"category": "stray_animals"}
    )
    with ctx.sessions() as session:
        assert session.execute(select(RoutingCorrection.category)).scalar_one() == "stray_animals"


def test_refused_transition_is_shown_and_changes_nothing(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole")
    client = signed_in(app, "disp@mct.om")
    response = post_form(client, f"/inbox/t/{ref}/transition", {"to": "closed"})
    assert response.status_code == 302
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "cannot move" in page
    assert load(ctx, ref).status == "new"


def test_ticket_page_offers_only_the_roles_transitions(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    page = signed_in(app, "agent@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert 'value="triaged"' in page and 'value="closed"' not in page


def test_search_finds_spelling_variant(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "تسرب عند مستشفي النهضة")
    client = signed_in(app, "agent@mct.om")
    page = client.get("/inbox/", query_string={"q": "مستشفى", "queue": "all"}).get_data(
        as_text=True
    )
    assert ref in page


def test_queue_paginates(ctx: Context, app: Flask) -> None:
    refs = [new_ticket(ctx, f"Pothole {i}") for i in range(27)]
    client = signed_in(app, "agent@mct.om")
    first = client.get("/inbox/").get_data(as_text=True)
    second = client.get("/inbox/?page=2").get_data(as_text=True)
    assert "Page 1 of 2 (27 tickets)" in first
    assert sum(r in second for r in refs) == 2


def test_record_phone_call_form_creates_a_phone_ticket(ctx: Context, app: Flask) -> None:
    client = signed_in(app, "agent@mct.om")
    response = post_form(
        client,
        "/inbox/call",
        {"phone": "99887766", "text": "Broken swing in the park", "language": "en"},
    )
    assert response.status_code == 302
    ref = response.headers["Location"].rsplit("/", 1)[-1]
    assert load(ctx, ref).channel == "phone"


@pytest.mark.parametrize(
    ("lang", "names"), [("en", ["Arabic", "English"]), ("ar", ["العربية", "الإنجليزية"])]
)
def test_the_call_forms_language_choice_names_the_languages_in_the_page_language(
    app: Flask, lang: str, names: list[str]
) -> None:
    """The caller's language read "العربية" on the English page (found driving the demo),
    where the queue's filter and the ticket's facts say "Arabic"."""
    page = signed_in(app, "agent@mct.om", lang).get("/inbox/call").get_data(as_text=True)
    found = re.search(r'<select name="language">(.*?)</select>', page, re.S)
    assert found is not None
    assert re.findall(r"<option[^>]*>([^<]+)</option>", found.group(1)) == names


def test_department_cannot_open_the_phone_call_form(app: Flask) -> None:
    assert signed_in(app, "roads@mct.om").get("/inbox/call").status_code == 404


def test_attachment_downloads_only_for_staff_who_see_the_ticket(ctx: Context, app: Flask) -> None:
    ref = new_ticket(
        ctx,
        "Photo of the rats",
        category="pest_control",
        attachments=(InboundAttachment("rats.jpg", "image/jpeg", b"\xff\xd8jpegbytes"),),
    )
    with ctx.sessions() as session:
        attachment_id = session.execute(select(Attachment.id)).scalar_one()
    health = signed_in(app, "health@mct.om").get(f"/inbox/attachments/{attachment_id}")
    assert health.status_code == 200 and health.data == b"\xff\xd8jpegbytes"
    roads = signed_in(app, "roads@mct.om").get(f"/inbox/attachments/{attachment_id}")
    assert roads.status_code == 404
    assert ref


def test_arabic_inbox_is_right_to_left(ctx: Context, app: Flask) -> None:
    client = app.test_client()
    login(client, "agent@mct.om")
    choose_language(client, "ar")
    page = client.get("/inbox/").get_data(as_text=True)
    assert 'dir="rtl"' in page and "قائمتي" in page


def test_stats_page_for_supervisor(ctx: Context, app: Flask) -> None:
    new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app, "super@mct.om")
    page = client.get("/inbox/stats").get_data(as_text=True)
    assert "Road" in page or "road" in page
    assert signed_in(app, "agent@mct.om").get("/inbox/stats").status_code == 404


def test_the_arabic_stats_name_the_90_percent_figure_in_plain_words(
    ctx: Context, app: Flask
) -> None:
    """'المئين 90' is a statistician's calque; the heading says what the hours are."""
    new_ticket(ctx, "Pothole", category="road_damage")
    page = signed_in(app, "super@mct.om", "ar").get("/inbox/stats").get_data(as_text=True)
    assert "المئين" not in page
    assert "أول رد: 90% من البلاغات خلال (ساعات)" in page
    assert "الحل: 90% من البلاغات خلال (ساعات)" in page


def test_the_stats_grouped_by_assignee_name_each_member_of_staff(ctx: Context, app: Flask) -> None:
    """The table by assignee showed emails where every other page shows the name; the email
    stays in the title (and in the API's and the CSV's key)."""
    give_name(ctx, "roads@mct.om", "سالم الحارثي")
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app, "super@mct.om")
    post_form(client, f"/inbox/t/{reference}", {"assignee": "roads@mct.om", "was_assignee": ""})
    page = client.get("/inbox/stats?group_by=assignee").get_data(as_text=True)
    row = page.split('data-key="roads@mct.om">')[1].split("</th>")[0]
    assert row == '<th scope="row"><bdi title="roads@mct.om">سالم الحارثي</bdi>'


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_header_names_the_signed_in_member_of_staff(
    ctx: Context, app: Flask, lang: str
) -> None:
    """The header's who-am-I line showed one's own email where a name was given."""
    give_name(ctx, "disp@mct.om", "Maryam Al-Rashdi")
    page = signed_in(app, "disp@mct.om", lang).get("/inbox/").get_data(as_text=True)
    who = page.split('<span class="user">')[1].split(" · ")[0]
    assert who == '<bdi title="disp@mct.om">Maryam Al-Rashdi</bdi>'


def test_event_history_is_in_the_staff_members_language(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "حفرة في الشارع")
    client = signed_in(app, "agent@mct.om")
    choose_language(client, "ar")
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "إنشاء البلاغ" in page and "<strong>created</strong>" not in page


def mark_unreachable(ctx: Context, reference: str, reason: str) -> None:
    with ctx.sessions() as session, session.begin():
        from core.tickets import ticket_by_reference

        ticket = ticket_by_reference(session, reference)
        assert ticket is not None
        for identity in ticket.contact.identities:
            identity.unreachable, identity.unreachable_reason = True, reason


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("en", "Unreachable: messages to this address do not arrive."),
        ("ar", "تعذّر الوصول إلى هذا العنوان"),
    ],
)
def test_ticket_page_warns_in_the_staff_members_language_that_the_address_is_unreachable(
    ctx: Context, app: Flask, lang: str, notice: str
) -> None:
    ref = new_ticket(ctx, "Pothole", channel="email")
    mark_unreachable(ctx, ref, "bounced: 5.1.1; <b>user unknown</b>")
    page = signed_in(app, "agent@mct.om", lang).get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert notice in page
    assert "&lt;b&gt;user unknown&lt;/b&gt;" in page and "<b>user unknown" not in page


def test_reachable_contact_has_no_unreachable_notice(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole", channel="email")
    page = signed_in(app, "agent@mct.om").get(f"/inbox/t/{ref}").get_data(as_text=True)
    assert "Unreachable" not in page


def test_the_queue_filters_and_names_whatsapp_tickets(ctx: Context, app: Flask) -> None:
    """WhatsApp is a channel like the others: the queue's channel filter offers it, and the
    queue and the ticket page name it in the staff member's words, not as the code."""
    chat = new_ticket(ctx, "Pothole near the roundabout", channel="whatsapp", sender="96891234567")
    other = new_ticket(ctx, "Streetlight out", channel="telegram")
    client = signed_in(app, "agent@mct.om", "ar")
    page = client.get("/inbox/?queue=all&channel=whatsapp").get_data(as_text=True)
    assert '<option value="whatsapp" selected>واتساب</option>' in page
    assert chat in page and other not in page
    ticket_page = client.get(f"/inbox/t/{chat}").get_data(as_text=True)
    assert "واتساب" in ticket_page and ">whatsapp<" not in ticket_page


def test_a_reference_in_a_message_is_kept_whole(ctx: Context) -> None:
    """The conversation keeps each ticket reference on one line (a span that does not wrap):
    in Arabic a reference at a line's end split at its hyphen."""
    the_roles(ctx)
    reference = new_ticket(ctx, "حفرة في الطريق", language_hint="ar")
    client = signed_in(app_for(ctx), "disp@mct.om", "ar")
    page = client.get(f"/inbox/t/{reference}").get_data(as_text=True)
    assert f'<span class="ref">{reference}</span>' in page
    css = client.get("/inbox/static/inbox.css").get_data(as_text=True)
    assert ".ref, .nowrap { white-space: nowrap; }" in css


def test_a_place_shared_after_the_report_shows_on_the_ticket_page_not_an_empty_message(
    ctx: Context, app: Flask
) -> None:
    """On a storm day WhatsApp and Telegram citizens shared their location after the words;
    the ticket page showed that message as an empty bubble from the citizen."""
    reference = new_ticket(ctx, "Fallen tree on the road in Qurum", sender="96895000040",
                           channel="whatsapp")  # fmt: skip
    ingest(
        ctx,
        InboundMessage(
            channel="whatsapp",
            sender="96895000040",
            text="",
            external_id="wamid.place-1",
            location=Location(23.613, 58.479, "Qurum"),
        ),
    )
    assert (load(ctx, reference).lat, load(ctx, reference).lon) == (23.613, 58.479)
    page = signed_in(app, "disp@mct.om").get(f"/inbox/t/{reference}").get_data(as_text=True)
    assert "Shared a place: <bdi>Qurum</bdi>" in page
    assert '<span dir="ltr" class="nowrap">23.61300, 58.47900</span>' in page


QUEUE_DATES = {
    # Muscat's time: today at 14:05, a day earlier this year, and another year
    "en": ("5 Dec 14:05", "4 Dec", "4 Mar 2020"),
    "ar": ("5 ديسمبر 14:05", "4 ديسمبر", "4 مارس 2020"),
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_queue_names_the_month_so_no_date_reads_as_day_month_or_month_day(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The queue's date columns showed "12-04 09:00", which reads as 12 April to some: the
    month is named in the staff member's language, the time shown for today's only, the
    year for another year's; the full time stays in the title and `datetime`."""
    monkeypatch.setattr(ctx.settings, "now", datetime(2026, 12, 5, 10, 5, tzinfo=UTC))
    moments = (
        datetime(2026, 12, 5, 10, 5, tzinfo=UTC),
        datetime(2026, 12, 4, 5, 0, tzinfo=UTC),
        datetime(2020, 3, 4, 5, 6, tzinfo=UTC),
    )
    for n, moment in enumerate(moments):
        reference = new_ticket(ctx, f"Pothole number {n}")
        with ctx.sessions() as session, session.begin():
            ticket = session.execute(select(Ticket).where(Ticket.reference == reference))
            ticket.scalar_one().created_at = moment
    page = signed_in(app, "agent@mct.om", lang).get("/inbox/").get_data(as_text=True)
    for moment, short in zip(moments, QUEUE_DATES[lang], strict=True):
        local = moment.astimezone(ctx.zone)
        assert (
            f'<time datetime="{local.isoformat(timespec="minutes")}"'
            f' title="{local:%Y-%m-%d %H:%M}">{short}</time>'
        ) in page


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_queue_and_the_ticket_page_name_the_assignee_as_the_picker_does(
    ctx: Context, app: Flask, lang: str
) -> None:
    """The assignee column, the ticket's details and its history showed the person's email
    where the picker shows their name; the email stays in the title."""
    give_name(ctx, "roads@mct.om", "سالم الحارثي")
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app, "disp@mct.om", lang)
    post_form(client, f"/inbox/t/{reference}", {"assignee": "roads@mct.om", "was_assignee": ""})
    queue = client.get("/inbox/?queue=all").get_data(as_text=True)
    column = queue.split('<td class="assignee">')[1].split("</td>")[0]
    assert column == '<span dir="auto" title="roads@mct.om">سالم الحارثي</span>'
    page = client.get(f"/inbox/t/{reference}").get_data(as_text=True)
    assert '<bdi title="roads@mct.om">سالم الحارثي</bdi>' in page
    history = page.split('<ol class="events">')[1].split("</ol>")[0]
    assert ": <bdi>سالم الحارثي</bdi>" in history and "roads@mct.om" not in history


def test_an_assignee_with_no_name_is_shown_by_their_email(ctx: Context, app: Flask) -> None:
    give_name(ctx, "roads@mct.om", "")
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app, "disp@mct.om")
    post_form(client, f"/inbox/t/{reference}", {"assignee": "roads@mct.om", "was_assignee": ""})
    queue = client.get("/inbox/?queue=all").get_data(as_text=True)
    column = queue.split('<td class="assignee">')[1].split("</td>")[0]
    assert column == '<span dir="ltr" title="roads@mct.om">roads<wbr>@mct.om</span>'
    page = client.get(f"/inbox/t/{reference}").get_data(as_text=True)
    assert '<bdi title="roads@mct.om">roads@mct.om</bdi>' in page


def test_example_references_in_the_forms_carry_the_centres_prefix(ctx: Context, app: Flask) -> None:
    """The forms' examples said "MCT-000001" whatever BALAGH_REF_PREFIX a centre chose, so
    a centre whose references read "SLL-000042" was shown another's to copy."""
    ctx.settings.ref_prefix = "SLL"
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app, "disp@mct.om")
    pages = [
        client.get(path).get_data(as_text=True) for path in (f"/inbox/t/{reference}", "/inbox/")
    ]
    assert reference.startswith("SLL-")
    assert (
        'placeholder="SLL-000001"' in pages[0]
        and 'placeholder="SLL-000123, SLL-000124"' in pages[0]
    )
    assert not [page for page in pages if 'placeholder="MCT-' in page]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_reply_in_the_conversation_names_its_author_as_the_history_does(
    ctx: Context, app: Flask, lang: str
) -> None:
    """A staff reply's line in the conversation said "by disp@mct.om" where the history and
    the header name the same person; the email stays in the title."""
    give_name(ctx, "disp@mct.om", "خالد الحارثي")
    reference = new_ticket(ctx, "Pothole", category="road_damage")
    client = signed_in(app, "disp@mct.om", lang)
    post_form(client, f"/inbox/t/{reference}/reply", {"text": "We are on it."})
    page = client.get(f"/inbox/t/{reference}").get_data(as_text=True)
    conversation = page.split('<ol class="conversation"')[1].split("</ol>")[0]
    assert '<bdi title="disp@mct.om">خالد الحارثي</bdi>' in conversation
    assert ">disp@mct.om<" not in conversation and " disp@mct.om\n" not in conversation


@pytest.mark.parametrize(
    ("email", "lang", "says"),
    [
        ("super@mct.om", "en", "Overdue and escalated tickets."),
        ("super@mct.om", "ar", "البلاغات المتأخرة عن موعدها والبلاغات المصعَّدة."),
        ("agent@mct.om", "en", "New reports to classify and register"),
        ("roads@mct.om", "ar", "البلاغات المحالة إلى مديريتكم"),
    ],
)
def test_ones_own_queue_says_what_it_holds_for_the_role(
    ctx: Context, app: Flask, email: str, lang: str, says: str
) -> None:
    """A supervisor's empty queue said only "No tickets here.": nothing told them it holds the
    overdue and escalated tickets, so an empty one read as a fault. The other queues say none."""
    client = signed_in(app, email, lang)
    mine = client.get("/inbox/").get_data(as_text=True)
    assert f'<p class="queue-about">{says}' in mine
    assert 'class="queue-about"' not in client.get("/inbox/?queue=all").get_data(as_text=True)


def _dated(ctx: Context, reference: str, status: str, due: datetime) -> None:
    """Give a ticket a status and a due date, as if the workflow had set them (closed now)."""
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        ticket.status, ticket.due_at = status, due  # type: ignore[assignment]
        ticket.closed_at = ctx.now() if status == "closed" else None


def test_a_closed_ticket_shows_no_due_date_in_the_queue_nor_an_overdue_one_on_its_page(
    ctx: Context, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed ticket has no due date left to meet: the queue showed its old one and its
    page marked it overdue. An assigned ticket keeps its due date and its overdue mark."""
    monkeypatch.setattr(ctx.settings, "now", datetime(2026, 12, 5, 10, 5, tzinfo=UTC))
    due = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    closed, late = new_ticket(ctx, "Pothole fixed"), new_ticket(ctx, "Pothole open")
    _dated(ctx, closed, "closed", due)
    _dated(ctx, late, "assigned", due)
    client = signed_in(app, "disp@mct.om")
    queue = client.get("/inbox/?queue=all").get_data(as_text=True)
    rows = {
        ref: queue.split(f'data-live-item="{ref}"')[1].split("</tr>")[0] for ref in (closed, late)
    }
    assert "3 Dec" not in rows[closed] and "3 Dec" in rows[late]
    assert 'overdue"' in queue.split(f'data-live-item="{late}"')[1].split(">")[0]
    page = client.get(f"/inbox/t/{closed}").get_data(as_text=True)
    assert 'class="overdue"' not in page and "2026-12-03" not in page
    assert "<dt>Closed</dt>" in page and "2026-12-05 14:05" in page


@pytest.mark.parametrize(
    ("language", "sizes"),
    [
        ("en", ["3 KB", "2.4 MB", "700 B"]),
        ("ar", ["3 كيلوبايت", "2.4 ميغابايت", "700 بايت"]),
    ],
)
def test_a_files_size_reads_in_the_staff_members_words(
    ctx: Context, app: Flask, language: str, sizes: list[str]
) -> None:
    """A photo's size read "(image/jpeg, 3136 B)", bytes counted out with a Latin B on the
    Arabic page (the QA walk): now kilobytes or megabytes, in the page's language."""
    ref = new_ticket(
        ctx,
        "Photos of the rats",
        category="pest_control",
        attachments=(
            InboundAttachment("one.jpg", "image/jpeg", b"\xff" * 3136),
            InboundAttachment("two.jpg", "image/jpeg", b"\xff" * 2_500_000),
            InboundAttachment("three.jpg", "image/jpeg", b"\xff" * 700),
        ),
    )
    client = signed_in(app, "health@mct.om")
    choose_language(client, language)
    page = client.get(f"/inbox/t/{ref}").get_data(as_text=True)
    for size in sizes:
        assert f"image/jpeg, {size})" in page
    assert "3136 B" not in page
