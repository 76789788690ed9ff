"""The citizen report form at /report, over HTTP with the Flask test client."""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import func, select

from core.context import Context
from core.files import read_file
from core.models import Attachment, Contact, Delivery, InboundRecord, OutboxItem, Ticket
from tests.citizen_web import (
    GPS_LAT,
    GPS_LON,
    jpeg,
    make_app,
    open_form,
    reference_of,
    submit,
    upload,
)

DESCRIPTION_AR = "يوجد تسرب مياه كبير في الشارع أمام مدرسة الخوض منذ يومين"


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def the_ticket(ctx: Context) -> Ticket:
    with ctx.sessions() as session:
        ticket = session.execute(select(Ticket)).scalar_one()
        session.expunge(ticket)
        return ticket


def test_form_is_arabic_right_to_left_by_default(client: FlaskClient) -> None:
    page = client.get("/report").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert "تقديم بلاغ" in page


def test_form_language_follows_accept_language_then_the_remembered_choice(
    client: FlaskClient,
) -> None:
    english = client.get("/report", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en" dir="ltr">' in english.get_data(as_text=True)
    client.get("/report?lang=ar")
    again = client.get("/report", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="ar" dir="rtl">' in again.get_data(as_text=True)


def test_form_has_the_stable_field_names(client: FlaskClient) -> None:
    page = client.get("/report").get_data(as_text=True)
    for name in ("description", "category", "address", "lat", "lon", "photos", "name", "email"):
        assert f'name="{name}"' in page
    assert 'name="phone"' in page and 'name="csrf_token"' in page


def test_arabic_report_gets_arabic_confirmation_with_reference_and_link(
    ctx: Context, client: FlaskClient
) -> None:
    response = submit(client, "ar", description=DESCRIPTION_AR, address="الخوض، السكة 4512")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page and "تم استلام بلاغكم" in page
    ticket = the_ticket(ctx)
    assert reference_of(page) == ticket.reference
    assert f"/t/{ticket.reference}?k={ticket.secret}" in page
    assert (ticket.channel, ticket.language, ticket.address) == ("web", "ar", "الخوض، السكة 4512")


def test_english_report_gets_english_confirmation(client: FlaskClient) -> None:
    page = submit(client, "en", description="Street light broken on Way 3021").get_data(
        as_text=True
    )
    assert '<html lang="en" dir="ltr">' in page and "Your report was received" in page


def test_email_address_is_kept_on_contact_and_gets_the_acknowledgement(
    ctx: Context, client: FlaskClient
) -> None:
    submit(client, description=DESCRIPTION_AR, email="Salim@Example.om", phone="9123 4567")
    with ctx.sessions() as session:
        contact = session.execute(select(Contact)).scalar_one()
        ack = session.execute(select(OutboxItem)).scalar_one()
    assert (contact.email, contact.phone) == ("salim@example.om", "+96891234567")  # E.164
    assert (ack.channel, ack.address) == ("email", "salim@example.om")


@pytest.mark.parametrize(
    ("lang", "future", "past"),
    [("en", "We will also send", "We have also sent"), ("ar", "وسنرسل", "أرسلنا")],
)
def test_the_confirmation_says_the_email_is_to_come_not_that_it_was_sent(
    ctx: Context, client: FlaskClient, lang: str, future: str, past: str
) -> None:
    """The page answers before the mail is delivered (it is queued; with the relay down or an
    address mistyped it never is): found driving the demo, "We have also sent..." over a mail
    the inbox showed as retrying."""
    page = submit(client, lang, description=DESCRIPTION_AR, email="salim@example.om").get_data(
        as_text=True
    )
    with ctx.sessions() as session:
        ack = session.execute(select(OutboxItem)).scalar_one()
    assert ack.status == Delivery.QUEUED
    assert future in page and past not in page


def test_a_phone_number_pasted_with_direction_marks_is_kept_in_e164(
    ctx: Context, client: FlaskClient
) -> None:
    """Copied from an Arabic page, a number carries invisible direction marks; it was refused
    as "not a phone number" and the citizen could not see why."""
    submit(client, description=DESCRIPTION_AR, phone="\u200f\u2066+968 9123 4567\u2069")
    with ctx.sessions() as session:
        assert session.execute(select(Contact.phone)).scalar_one() == "+96891234567"


def test_category_choice_is_passed_as_hint(ctx: Context, client: FlaskClient) -> None:
    code = ctx.taxonomy.categories[0].code
    submit(client, description="x " * 3, category=code)
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
    assert record.normalized["category_hint"] == code


def test_not_sure_category_leaves_it_to_the_router(ctx: Context, client: FlaskClient) -> None:
    submit(client, description=DESCRIPTION_AR, category="")
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
    assert record.normalized["category_hint"] is None


def test_validation_errors_are_inline_in_arabic(ctx: Context, client: FlaskClient) -> None:
    response = submit(client, "ar", description="  ", email="not-an-email", lat="100", lon="58")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "نرجو كتابة وصف للمشكلة." in page
    assert "نرجو كتابة بريد إلكتروني صحيح" in page
    assert "يجب أن يكون خط العرض رقمًا بين" in page
    assert 'id="description-error"' in page and 'aria-invalid="true"' in page
    assert 'role="alert"' in page and 'value="not-an-email"' in page
    assert count(ctx, Ticket) == 0


def test_validation_errors_are_inline_in_english(client: FlaskClient) -> None:
    page = submit(client, "en", description="", phone="call me").get_data(as_text=True)
    assert "Please describe the problem." in page and "Please enter a full phone number" in page


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "Please enter a full phone number: 7 to 15 digits"),
        ("ar", "نرجو كتابة رقم هاتف كامل: من 7 إلى 15 رقمًا"),
    ],
)
def test_a_too_short_phone_number_is_refused_saying_how_many_digits(
    client: FlaskClient, lang: str, says: str
) -> None:
    """A number "12" was refused as "a valid phone number (digits, may start with +)": the
    citizen had typed digits only, and was not told that what was missing was length."""
    page = submit(client, lang, description="Pothole on Way 12", phone="12").get_data(as_text=True)
    assert says in page


def test_description_of_only_invisible_characters_is_refused(
    ctx: Context, client: FlaskClient
) -> None:
    invisible = "\u200b\u200f \u2060\ufeff\u200c"  # zero-width space, RLM, joiners, BOM
    page = submit(client, "en", description=invisible).get_data(as_text=True)
    assert "Please describe the problem." in page and count(ctx, Ticket) == 0


def test_description_of_only_nul_characters_is_refused(ctx: Context, client: FlaskClient) -> None:
    page = submit(client, "en", description="\x00" * 20).get_data(as_text=True)
    assert "Please describe the problem." in page and count(ctx, Ticket) == 0


def test_description_keeps_joiners_inside_real_words(ctx: Context, client: FlaskClient) -> None:
    page = submit(client, "en", description="Pothole on Way 12 \u200c near the mosque")
    assert "Your report was received" in page.get_data(as_text=True)
    assert count(ctx, Ticket) == 1


def test_description_over_4000_characters_is_refused(ctx: Context, client: FlaskClient) -> None:
    page = submit(client, "en", description="a" * 4001).get_data(as_text=True)
    assert "limit is 4,000 characters" in page and count(ctx, Ticket) == 0


def test_coordinates_must_come_in_pairs(client: FlaskClient) -> None:
    page = submit(client, "en", description="pothole", lat="23.6").get_data(as_text=True)
    assert "give both latitude and longitude" in page


def test_arabic_indic_digits_are_accepted_in_coordinates(ctx: Context, client: FlaskClient) -> None:
    submit(client, description=DESCRIPTION_AR, lat="٢٣٫٥٨", lon="٥٨٫٤")
    ticket = the_ticket(ctx)
    assert (ticket.lat, ticket.lon) == (23.58, 58.4)


def test_missing_csrf_token_is_refused_with_400(ctx: Context, client: FlaskClient) -> None:
    response = client.post("/report?lang=en", data={"description": "pothole"})
    assert response.status_code == 400
    assert "The form has expired" in response.get_data(as_text=True)
    assert count(ctx, InboundRecord) == 0


def test_honeypot_filled_makes_no_ticket(ctx: Context, client: FlaskClient) -> None:
    response = submit(client, description=DESCRIPTION_AR, website="http://spam.example")
    assert response.status_code == 200
    assert count(ctx, InboundRecord) == 0 and count(ctx, Ticket) == 0


def test_double_submit_of_one_form_makes_one_ticket(ctx: Context, client: FlaskClient) -> None:
    tokens = open_form(client)
    data = {**tokens, "description": DESCRIPTION_AR}
    first = client.post("/report", data=data).get_data(as_text=True)
    second = client.post("/report", data=data).get_data(as_text=True)
    assert count(ctx, Ticket) == 1
    assert reference_of(first) == reference_of(second)


def test_two_forms_make_two_tickets_even_with_the_same_email(
    ctx: Context, client: FlaskClient
) -> None:
    submit(client, description=DESCRIPTION_AR, email="a@example.om")
    submit(client, description="حفرة في الطريق", email="a@example.om")
    assert count(ctx, Ticket) == 2


def test_script_in_any_field_is_shown_as_text(client: FlaskClient) -> None:
    script = "<script>alert(1)</script>"
    page = submit(
        client, "en", description=script, address=script, name=script, email=script, lat=script
    ).get_data(as_text=True)
    assert script not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_photo_is_stored_without_exif_and_its_gps_becomes_the_location(
    ctx: Context, client: FlaskClient
) -> None:
    submit(client, description=DESCRIPTION_AR, photos=[upload(jpeg(gps=True), "IMG_0001.JPG")])
    ticket = the_ticket(ctx)
    assert ticket.lat == pytest.approx(GPS_LAT, abs=1e-4)
    assert ticket.lon == pytest.approx(GPS_LON, abs=1e-4)
    with ctx.sessions() as session:
        stored = session.execute(select(Attachment)).scalar_one()
    data = read_file(ctx.data_dir, stored.sha256)
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and stored.content_type == "image/jpeg"
    assert not image.getexif() and b"TestCam" not in data


def test_typed_coordinates_win_over_photo_gps(ctx: Context, client: FlaskClient) -> None:
    submit(
        client,
        description=DESCRIPTION_AR,
        lat="23.6",
        lon="58.1",
        photos=[upload(jpeg(gps=True), "a.jpg")],
    )
    ticket = the_ticket(ctx)
    assert (ticket.lat, ticket.lon) == (23.6, 58.1)


def test_non_image_named_jpg_is_refused(ctx: Context, client: FlaskClient) -> None:
    executable = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200 + b"This program cannot be run"
    response = submit(client, "en", description="pothole", photos=[upload(executable, "pic.jpg")])
    assert response.status_code == 400
    assert "is not a photo we can accept" in response.get_data(as_text=True)
    assert count(ctx, Ticket) == 0


def test_more_than_five_photos_are_refused(ctx: Context, client: FlaskClient) -> None:
    photos = [upload(jpeg(), f"p{i}.jpg") for i in range(6)]
    page = submit(client, "en", description="pothole", photos=photos).get_data(as_text=True)
    assert "at most 5 photos" in page and count(ctx, Ticket) == 0


def test_upload_of_60_mb_gets_the_friendly_413_page(ctx: Context, client: FlaskClient) -> None:
    big = upload(b"\xff\xd8" + b"\x00" * (60 * 1024 * 1024), "huge.jpg")
    response = submit(client, "ar", description=DESCRIPTION_AR, photos=[big])
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page and "الملفات كبيرة جدًا" in page
    assert count(ctx, InboundRecord) == 0


def test_too_many_reports_from_one_address_get_the_friendly_429_page(ctx: Context) -> None:
    ctx.settings.web_report_rate_limit = "2 per minute"
    client = make_app(ctx).test_client()
    codes = [submit(client, "en", description=f"pothole number {n}").status_code for n in range(3)]
    assert codes == [200, 200, 429]
    last = submit(client, "en", description="one more")
    assert "Too many attempts" in last.get_data(as_text=True)
    assert last.headers.get("Retry-After")
    assert count(ctx, Ticket) == 2


def test_storage_failure_gets_a_503_page(
    ctx: Context, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.errors import StorageUnavailable

    def broken(*_args: object, **_kwargs: object) -> None:
        raise StorageUnavailable("down")

    monkeypatch.setattr("channels.web.citizen.views.accept", broken)
    response = submit(client, "en", description="pothole")
    assert response.status_code == 503
    assert "Temporary problem" in response.get_data(as_text=True)


def test_a_token_we_did_not_issue_cannot_reach_another_submission(
    ctx: Context, client: FlaskClient
) -> None:
    chosen = {"submission": "aaaaaaaaaaaaaaaaaaaa"}
    # Two reports (distinct words: the same words again from this browser would be one).
    first = client.post(
        "/report", data={**open_form(client), **chosen, "description": DESCRIPTION_AR}
    ).get_data(as_text=True)
    second = client.post(
        "/report", data={**open_form(client), **chosen, "description": DESCRIPTION_AR + " 2"}
    ).get_data(as_text=True)
    assert reference_of(first) != reference_of(second)
    assert count(ctx, Ticket) == 2


def noisy_png(seed: int) -> bytes:
    """A real photo of about 9 MB: noise does not compress."""
    import random

    rng = random.Random(seed)
    image = Image.frombytes("RGB", (1800, 1800), rng.randbytes(1800 * 1800 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def test_three_photos_each_within_the_limit_are_accepted_together(
    ctx: Context, client: FlaskClient
) -> None:
    """Each under the 10 MB the form promises, together 28 MB: a report, not the 413 page."""
    photos = [noisy_png(n) for n in range(3)]
    assert all(9 * 2**20 < len(p) < 10 * 2**20 for p in photos)
    response = submit(
        client,
        "en",
        description="Flooded underpass, three photos",
        photos=[upload(p, f"flood{n}.png") for n, p in enumerate(photos)],
    )
    assert response.status_code == 200
    assert count(ctx, Attachment) == 3
