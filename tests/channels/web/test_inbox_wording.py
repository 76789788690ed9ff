"""The inbox's words: codes shown as words, Arabic counts, the reclassify choice, the
missing-attachment page, the phone contact box and the canned replies' Arabic."""

from __future__ import annotations

import html
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from channels.web.inbox.canned import canned_replies, render_canned
from channels.web.inbox.i18n import count_phrase, has_word, label, translate
from channels.web.inbox.views import CHANNELS
from core.context import Context
from core.delivery.notify import directorate_name
from core.files import file_path
from core.inbound import InboundAttachment
from core.language import texts
from core.language.catalog import plural_form
from core.models import Attachment, RoutingCorrection
from core.routing import screening
from core.routing.types import UnroutedRouter
from core.staff import actions as staff_actions
from core.staff import admin as staff_admin
from core.staff import saved_filters
from core.tickets import ticket_by_reference
from tests.staffkit import app_for, choose_language, load, login, new_ticket, post_form, the_roles


@pytest.fixture
def app(ctx: Context) -> Flask:
    ctx.router = UnroutedRouter()
    the_roles(ctx)
    return app_for(ctx)


def signed_in(app: Flask, email: str, lang: str = "en") -> FlaskClient:
    client = app.test_client()
    assert login(client, email).status_code == 302
    choose_language(client, lang)
    return client


def page(client: FlaskClient, path: str) -> str:
    return client.get(path).get_data(as_text=True)


# Arabic counts


@pytest.mark.parametrize(
    ("n", "phrase"),
    [
        (0, "لا توجد بلاغات"),
        (1, "بلاغ واحد"),
        (2, "بلاغان"),
        (3, "3 بلاغات"),
        (10, "10 بلاغات"),
        (11, "11 بلاغًا"),
        (99, "99 بلاغًا"),
        (100, "100 بلاغ"),
        (102, "102 بلاغ"),
        (103, "103 بلاغات"),
        (111, "111 بلاغًا"),
    ],
)
def test_arabic_ticket_count_agrees_with_the_number(n: int, phrase: str) -> None:
    assert count_phrase("ticket", n, "ar") == phrase


@pytest.mark.parametrize(("n", "phrase"), [(0, "0 tickets"), (1, "1 ticket"), (2, "2 tickets")])
def test_english_ticket_count_is_singular_only_for_one(n: int, phrase: str) -> None:
    assert count_phrase("ticket", n, "en") == phrase


def test_arabic_queue_counts_its_tickets_with_number_agreement(ctx: Context, app: Flask) -> None:
    for i in range(3):
        new_ticket(ctx, f"حفرة في الشارع {i}")
    shown = page(signed_in(app, "agent@mct.om", "ar"), "/inbox/")
    assert "(3 بلاغات)" in shown and "بلاغ)" not in shown


def test_arabic_empty_queue_says_there_are_no_tickets(app: Flask) -> None:
    shown = page(signed_in(app, "roads@mct.om", "ar"), "/inbox/")
    assert "(لا توجد بلاغات)" in shown and "(0 بلاغ)" not in shown


# Codes as words


def test_every_channel_has_words_in_both_languages() -> None:
    for channel in CHANNELS:
        assert has_word(f"channel_{channel}")


def test_every_citizen_text_kind_has_words_in_both_languages() -> None:
    for key in set(texts.keys()) - {"reply"}:  # a staff reply is shown as the reply it is
        assert has_word(f"kind_{key}"), key


def test_every_not_for_us_reason_has_words_in_both_languages() -> None:
    for reason in (screening.EMPTY, screening.GIBBERISH, screening.SPAM):
        assert has_word(f"reason_{reason}")


def test_a_code_without_words_shows_as_itself() -> None:
    assert label("actor", "agent@mct.om", "ar") == "agent@mct.om"
    assert label("actor", "system", "ar") == "النظام"


def test_ticket_page_names_channel_language_kind_and_actor_in_arabic(
    ctx: Context, app: Flask
) -> None:
    ref = new_ticket(ctx, "There is a big pothole on Sultan Qaboos Street", channel="email")
    shown = page(signed_in(app, "agent@mct.om", "ar"), f"/inbox/t/{ref}")
    assert "<small>(البريد الإلكتروني، الإنجليزية)</small>" in shown  # the reply heading
    assert "<dd>البريد الإلكتروني</dd>" in shown and "<dd>الإنجليزية</dd>" in shown
    assert "<li>البريد الإلكتروني: <span" in shown  # the contact's address
    assert "<em>إشعار الاستلام</em>" in shown and "· النظام" in shown
    for code in ("<span>email</span>", "<span>en</span>", "<em>ack</em>", "· system"):
        assert code not in shown


def test_ticket_page_names_channel_language_kind_and_actor_in_english(
    ctx: Context, app: Flask
) -> None:
    ref = new_ticket(ctx, "There is a big pothole on Sultan Qaboos Street", channel="email")
    shown = page(signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}")
    assert "<small>(Email, English)</small>" in shown
    assert "<em>Acknowledgement</em>" in shown and "· System" in shown
    assert "(email, en)" not in shown


def test_queue_names_channels_and_languages_in_the_staff_members_language(
    ctx: Context, app: Flask
) -> None:
    new_ticket(ctx, "حفرة كبيرة في الشارع")
    shown = page(signed_in(app, "agent@mct.om", "ar"), "/inbox/")
    assert "<td>تيليجرام</td>" in shown and '<td class="col-language">العربية</td>' in shown
    assert ">تيليجرام</option>" in shown and ">telegram</option>" not in shown
    assert 'value="open311"' in shown  # the code stays the filter's value


def test_router_card_names_the_not_for_us_reason(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "Pothole")
    with ctx.sessions() as session, session.begin():
        ticket = ticket_by_reference(session, ref)
        assert ticket is not None
        ticket.routing = {"category": None, "confidence": 0.0, "not_for_us": "empty"}
    assert "ليس من اختصاصنا: رسالة بلا نص" in page(
        signed_in(app, "agent@mct.om", "ar"), f"/inbox/t/{ref}"
    )
    english = page(signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}")
    assert "Not for us: No text in the message" in english and "Not for us: empty" not in english


def test_arabic_stats_page_names_tickets_without_a_directorate_and_channels(
    ctx: Context, app: Flask
) -> None:
    new_ticket(ctx, "حفرة في الشارع")
    client = signed_in(app, "super@mct.om", "ar")
    by_directorate = page(client, "/inbox/stats")
    assert '<th scope="row">بلا مديرية</th>' in by_directorate
    by_channel = page(client, "/inbox/stats?group_by=channel")
    assert '<th scope="row">تيليجرام</th>' in by_channel
    assert ">none<" not in by_directorate + by_channel and ">telegram<" not in by_channel


# Reclassifying


def test_reclassify_form_asks_for_a_category_on_an_unclassified_ticket(
    ctx: Context, app: Flask
) -> None:
    ref = new_ticket(ctx, "Dog bit my son")
    shown = page(signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}")
    assert '<option value="" selected>Choose a category</option>' in shown
    assert re.search(r'<option value="\w+" selected>[^<]*—', shown) is None


def test_reclassify_form_keeps_a_classified_tickets_category_selected(
    ctx: Context, app: Flask
) -> None:
    ref = new_ticket(ctx, "Pothole", category="road_damage")
    shown = page(signed_in(app, "agent@mct.om"), f"/inbox/t/{ref}")
    assert '<option value="road_damage" selected>' in shown
    assert '<option value="" selected>' not in shown


def test_reclassify_without_a_category_is_refused_and_changes_nothing(
    ctx: Context, app: Flask
) -> None:
    ref = new_ticket(ctx, "Dog bit my son")
    client = signed_in(app, "agent@mct.om")
    response = post_form(client, f"/inbox/t/{ref}/reclassify", {"category": ""})
    assert response.status_code == 302
    assert "choose a category from the list first" in page(client, f"/inbox/t/{ref}")
    assert load(ctx, ref).category is None
    with ctx.sessions() as session:
        assert session.execute(select(RoutingCorrection)).first() is None


def test_reclassify_without_a_category_is_refused_in_arabic(ctx: Context, app: Flask) -> None:
    ref = new_ticket(ctx, "كلب عض ابني")
    client = signed_in(app, "agent@mct.om", "ar")
    post_form(client, f"/inbox/t/{ref}/reclassify", {"category": ""})
    assert "اختر تصنيفًا من القائمة أولًا" in page(client, f"/inbox/t/{ref}")


# Attachments


def test_unknown_attachment_says_the_attachment_was_not_found(app: Flask) -> None:
    response = signed_in(app, "agent@mct.om").get("/inbox/attachments/999999")
    shown = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "This attachment was not found." in shown and "No such ticket" not in shown


def test_attachment_whose_file_is_gone_says_so_in_arabic(ctx: Context, app: Flask) -> None:
    new_ticket(
        ctx,
        "Photo of the rats",
        category="pest_control",
        attachments=(InboundAttachment("rats.jpg", "image/jpeg", b"\xff\xd8gone"),),
    )
    with ctx.sessions() as session:
        found = session.execute(select(Attachment)).scalar_one()
        attachment_id, sha256 = found.id, found.sha256
    file_path(ctx.data_dir, sha256).unlink()
    response = signed_in(app, "agent@mct.om", "ar").get(f"/inbox/attachments/{attachment_id}")
    assert response.status_code == 404
    assert "لم يُعثر على هذا المرفق." in response.get_data(as_text=True)


# The contact box


def test_phone_ticket_shows_the_callers_number_once(ctx: Context, app: Flask) -> None:
    client = signed_in(app, "agent@mct.om")
    response = post_form(
        client, "/inbox/call", {"phone": "99887766", "text": "Broken swing", "language": "en"}
    )
    ref = response.headers["Location"].rsplit("/", 1)[-1]
    shown = page(client, f"/inbox/t/{ref}")
    assert shown.count("99887766") == 1  # kept in E.164, Oman by default
    assert '<li>Phone: <span dir="ltr">+96899887766</span>' in shown


# Canned replies

SINGULAR_ADDRESS = re.compile(r"(?:لك|بلاغك|تواصلك|صبرك|نشكرك|شكرًا)(?![\u0600-\u06ff])")


def test_arabic_canned_replies_address_the_citizen_in_the_polite_plural() -> None:
    for canned in canned_replies():
        text = canned.text["ar"]
        assert SINGULAR_ADDRESS.search(text) is None, canned.key
        assert "كم" in text, canned.key  # لكم، بلاغكم، نشكركم


def test_canned_replies_name_the_municipality_not_a_city() -> None:
    for canned in canned_replies():
        assert "مسقط" not in canned.text["ar"] and "Muscat" not in canned.text["en"]


def test_canned_reply_without_a_directorate_names_the_department_responsible() -> None:
    for lang, words in (("ar", "الجهة المختصة"), ("en", "the department responsible")):
        text = render_canned("received", lang, reference="MCT-000001", directorate=None)
        assert text is not None and words in text and "{" not in text


def test_canned_reply_for_a_citizen_of_unknown_language_names_the_directorate_in_arabic(
    ctx: Context,
) -> None:
    # QA on the demo: an Open311 request with no description (no language) offered the Arabic
    # canned reply naming "الطرق والإنارة / Roads and Street Lighting"
    name = directorate_name(ctx, "roads", None)
    text = render_canned("received", None, reference="MCT-000001", directorate=name)
    assert text is not None and "الطرق والإنارة" in text and "Roads" not in text


def test_arabic_canned_reply_without_a_name_has_no_space_before_the_comma() -> None:
    text = render_canned("need_location", "ar", reference="MCT-000001", name=None)
    assert text is not None and text.startswith("مرحبًا، نرجو")


# "characters" after a number in Arabic: 3-10 take the plural, 11-99 the accusative singular,
# 100 and above (past each hundred) the singular (core.language.catalog.plural_form)
ARABIC_CHARACTERS = {"few": "أحرف", "many": "حرفًا", "other": "حرف"}


@pytest.mark.parametrize(
    ("key", "limit"),
    [
        ("reply_too_long", staff_actions.MAX_TEXT),
        ("note_too_long", staff_actions.MAX_TEXT),
        ("address_too_long", staff_actions.MAX_ADDRESS),
        ("filter_name_too_long", saved_filters.MAX_NAME),
        ("staff_name_too_long", staff_admin.MAX_NAME),
    ],
)
def test_an_arabic_length_refusal_counts_its_characters_with_the_right_form(
    key: str, limit: int
) -> None:
    """'The name is longer than 100 characters' read "100 حرفًا", the form for 11-99."""
    words = translate(key, "ar", limit=limit)
    assert words.endswith(f"{limit} {ARABIC_CHARACTERS[plural_form(limit)]}."), words


def test_a_ticket_without_words_says_so_in_the_queue_and_its_page(ctx: Context) -> None:
    """QA on the demo: an Open311 request without a description (GeoReport v2 makes it
    optional) was a queue row with an empty subject cell, and its page a header over nothing."""
    the_roles(ctx)
    ctx.settings.open311_api_keys = "key-1"
    app = app_for(ctx)
    posted = app.test_client().post(
        "/open311/v2/requests.json",
        data={"api_key": "key-1", "service_code": "road_damage", "lat": "23.588", "long": "58.38"},
    )
    reference = posted.get_json()[0]["service_request_id"]
    for lang in ("en", "ar"):
        client = signed_in(app, "disp@mct.om", lang)
        words = translate("no_subject", lang)
        queue = html.unescape(client.get("/inbox/?queue=all").get_data(as_text=True))
        assert f'<span class="no-subject">{words}</span>' in queue
        page = html.unescape(client.get(f"/inbox/t/{reference}").get_data(as_text=True))
        assert f'<p class="subject no-subject">{words}</p>' in page
