"""MIME -> InboundMessage: every charset, broken MIME, quotes, HTML; pure, no database."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from channels.email.charsets import decode_bytes
from channels.email.parse import parse_email
from channels.email.quotes import cut_quoted
from tests.email_support import ARABIC, CORPUS, fixture

ARABIC_TEXT = "السلام عليكم، توجد حفرة كبيرة في الشارع العام قرب مسجد الخوض"


def test_every_corpus_message_parses_without_exception() -> None:
    files = sorted(CORPUS.glob("*.eml")) + sorted(ARABIC.glob("*.eml"))
    assert len(files) > 80
    for path in files:
        msg = parse_email(path.read_bytes())
        assert "parse_error" not in msg.extras, path.name
        assert msg.external_id and msg.sender


def test_windows_1256_body_and_rfc2047_headers_decode_to_arabic() -> None:
    msg = parse_email(fixture("arabic/windows-1256.eml"))
    assert msg.text.startswith(ARABIC_TEXT)
    assert msg.subject == "حفرة في الشارع"
    assert msg.language_hint == "ar"


def test_adjacent_encoded_words_in_display_name_get_no_spurious_space() -> None:
    msg = parse_email(fixture("arabic/windows-1256.eml"))
    assert msg.display_name == "سالم الهنائي"


def test_iso_8859_6_quoted_printable_decodes() -> None:
    msg = parse_email(fixture("arabic/iso-8859-6.eml"))
    assert msg.text == "يوجد تسرب مياه في حي الخوير منذ ثلاثة أيام"
    assert (msg.subject, msg.display_name) == ("تسرب مياه", "مريم")


@pytest.mark.parametrize("name", ["mislabelled-utf8.eml", "no-charset.eml", "latin1-label.eml"])
def test_mislabelled_or_unlabelled_arabic_is_recovered(name: str) -> None:
    msg = parse_email(fixture(f"arabic/{name}"))
    assert "\ufffd" not in msg.text
    assert sum("\u0621" <= c <= "\u064a" for c in msg.text) > 20


def test_raw_8bit_arabic_subject_decodes() -> None:
    assert parse_email(fixture("arabic/no-charset.eml")).subject == "نفايات"


def test_multipart_whose_boundary_never_appears_yields_its_text() -> None:
    msg = parse_email(fixture("arabic/broken-boundary.eml"))
    assert msg.text == "توجد كلاب ضالة في الحديقة العامة بحي الموالح"


def test_text_nested_deeper_than_the_walk_goes_is_still_the_message() -> None:
    """50 nested multiparts (a hostile or broken client): the words at the bottom were
    dropped at MAX_DEPTH and the ticket showed only the subject."""
    part = "Content-Type: text/plain; charset=utf-8\r\n\r\nDeep nested pothole report\r\n"
    for depth in range(50):
        part = (
            f'Content-Type: multipart/mixed; boundary="b{depth}"\r\n\r\n'
            f"--b{depth}\r\n{part}\r\n--b{depth}--\r\n"
        )
    raw = f"From: c@example.com\r\nSubject: test\r\nMIME-Version: 1.0\r\n{part}".encode()
    assert parse_email(raw).text == "Deep nested pothole report"


def test_html_nested_thousands_deep_is_shown_as_text_not_sanitised() -> None:
    """nh3's cost grows with nesting depth times tags: 100,000 nested divs (1 MB) held the
    SMTP answer for four minutes, the sender timed out and the mail was never stored. Past
    MAX_HTML_DEPTH the words are kept and staff see them as text, not as sanitised HTML."""
    deep = "<div>" * 5000 + "Deep html pothole" + "</div>" * 5000
    raw = (
        "From: c@example.com\r\nSubject: deep\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + "\r\n".join(deep[i : i + 900] for i in range(0, len(deep), 900))
    ).encode()
    msg = parse_email(raw)
    assert msg.text == "Deep html pothole"
    assert msg.html is None or msg.html.startswith("<pre")


def test_unknown_charset_label_does_not_raise() -> None:
    msg = parse_email(fixture("corpus/zbateson__invalid-charset.eml"))
    assert msg.text.startswith("The Hare and the Tortoise")


@pytest.mark.parametrize(
    "body",
    ["There is a big pothole on Way 3021 , cars hit it ====", "حفرة كبيرة في الشارع أمام المسجد"],
)
def test_a_plain_text_body_labelled_base64_is_kept_as_written(body: str) -> None:
    """Decoding it as base64 dropped the spaces and made bytes nobody wrote of the rest."""
    raw = (
        "From: a@example.com\r\nTo: 1111@balagh.test\r\nSubject: x\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{body}\r\n"
    ).encode()
    assert parse_email(raw).text == body


def test_base64_with_a_stray_character_is_still_decoded() -> None:
    encoded = "VGhlcmUgaXMgYSBiaWcgcG90aG9sZSBvbiBXYXkgMzAyMSBuZWFyIHRoZSBtb3NxdWUu"
    raw = (
        "From: a@example.com\r\nTo: 1111@balagh.test\r\nSubject: x\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{encoded[:30]}!{encoded[30:]}\r\n"
    ).encode()
    assert parse_email(raw).text == "There is a big pothole on Way 3021 near the mosque."


def test_crlf_message_body_has_no_carriage_returns() -> None:
    msg = parse_email(fixture("arabic/outlook-arabic-reply.eml"))
    assert "\r" not in msg.text


def test_outlook_arabic_header_block_is_cut_and_original_kept() -> None:
    msg = parse_email(fixture("arabic/outlook-arabic-reply.eml"))
    assert msg.text == "شكرا لكم، ما زالت المشكلة قائمة ولم يصل أحد حتى الآن."
    assert msg.html is not None and "شكرًا لتواصلكم" in msg.html


def test_gmail_arabic_attribution_and_quote_are_cut() -> None:
    msg = parse_email(fixture("arabic/gmail-arabic-reply.eml"))
    assert msg.text == "أرفقت صورة للحفرة، أرجو الإسراع."
    assert msg.html is not None and "استلمنا بلاغكم" in msg.html  # full original viewable


@pytest.mark.parametrize(
    "name", ["gmail", "outlook", "hotmail", "yahoo", "aol", "apple_mail_2", "iphone", "android"]
)
def test_common_client_replies_reduce_to_new_text(name: str) -> None:
    msg = parse_email(fixture(f"corpus/talon__{name}.eml"))
    assert msg.text.splitlines()[0].strip() == "Hello"
    assert "wrote" not in msg.text.lower() or name == "android"


# Gmail's Arabic interface writes "في <date> تمت كتابة ما يلي بواسطة <name> <<address>>:"
# ("the following was written by"), often wrapped before the address and inside bidi
# embedding marks; older Arabic clients write "بتاريخ <date>، جاء من <name> <<address>>:".
GMAIL_ARABIC_ATTRIBUTIONS = [
    "\u202bفي الأحد، 7 ديسمبر 2026 في 10:15 ص تمت كتابة ما يلي بواسطة بلاغ | Balagh"
    " <1111@balagh.localhost>:\u202c",
    "في الأحد، 7 ديسمبر 2026 في 10:15 ص، تمت كتابة ما يلي بواسطة بلاغ | Balagh\n"
    "<1111@balagh.localhost>:",
    "بتاريخ 7 ديسمبر، 2026 10:15 ص، جاء من بلاغ | Balagh\n<1111@balagh.localhost>:",
]


@pytest.mark.parametrize("attribution", GMAIL_ARABIC_ATTRIBUTIONS)
def test_gmail_arabic_written_by_attribution_is_cut_with_its_quote(attribution: str) -> None:
    text = f"الحفرة ما زالت موجودة.\n\n{attribution}\n\n> شكرًا لتواصلكم مع البلدية.\n> MCT-000021"
    assert cut_quoted(text) == "الحفرة ما زالت موجودة."


def test_reply_quoted_above_new_text_keeps_only_new_text() -> None:
    assert parse_email(fixture("corpus/talon__thunderbird.eml")).text == "Hello"


def test_english_attribution_and_signature_are_cut() -> None:
    text = (
        "Still broken.\n\nThanks\n-- \nAhmed\n\nOn Mon, 1 Jan 2024, Balagh <1111@x> wrote:\n> ack"
    )
    assert cut_quoted(text) == "Still broken.\n\nThanks"


def test_only_quoted_text_is_kept_rather_than_lost() -> None:
    assert cut_quoted("> only a quote") == "> only a quote"


def test_html_is_sanitised_and_rendered_as_text() -> None:
    msg = parse_email(fixture("arabic/html-only-script.eml"))
    assert msg.text == "الرصيف مكسور أمام المدرسة"
    assert msg.html is not None
    assert "<script" not in msg.html and "onclick" not in msg.html and "alert" not in msg.html


def test_forwarded_rfc822_part_text_is_included() -> None:
    msg = parse_email(fixture("arabic/forwarded-rfc822.eml"))
    assert msg.text.startswith("أحول لكم رسالة جاري بخصوص المياه.")
    assert "المياه مقطوعة عن حي الخوض منذ يومين" in msg.text
    assert "Subject: انقطاع المياه" in msg.text


def test_attachments_and_inline_images_are_kept() -> None:
    msg = parse_email(fixture("corpus/cpython__msg_22.eml"))
    assert [a.filename for a in msg.attachments] == ["wibble.JPG", "wibble2.JPG"]
    assert all(a.content_type == "image/jpeg" and a.data for a in msg.attachments)


def test_attachment_over_the_per_file_limit_is_skipped_and_noted() -> None:
    from channels.email.parse import Limits

    msg = parse_email(fixture("corpus/cpython__msg_22.eml"), limits=Limits(max_file=10))
    assert msg.attachments == () and len(msg.extras["skipped_attachments"]) == 2


def test_message_id_with_its_sender_is_external_id_and_missing_one_is_stable() -> None:
    parsed = parse_email(fixture("arabic/iso-8859-6.eml"))
    assert parsed.external_id == "<ar-iso-1@example.om> maryam@example.om"
    raw = b"From: a@example.om\nSubject: x\n\nbody\n"
    assert parse_email(raw).external_id == parse_email(raw).external_id


def test_subject_reference_is_only_a_bare_hint_without_secret() -> None:
    msg = parse_email(fixture("arabic/outlook-arabic-reply.eml"))
    assert msg.thread.reference == "MCT-000001" and msg.thread.secret is None
    assert msg.thread.reply_to[0] == "<ack-1@balagh.test>"


def _subject_hint(subject: str) -> str | None:
    mail = EmailMessage()
    mail["From"] = "salim@example.om"
    mail["Subject"] = subject
    mail.set_content("still dark")
    return parse_email(mail.as_bytes()).thread.reference


@pytest.mark.parametrize(
    ("subject", "reference"),
    [
        ("Re: MCT-000123 pothole", "MCT-000123"),
        ("MCT-000123: update", "MCT-000123"),
        ("Re: mct-000123", "MCT-000123"),
        ("Re: [MCT-000123] pothole MCT-000999", "MCT-000123"),  # ours, in brackets, first
    ],
)
def test_a_bare_reference_in_the_subject_is_a_thread_hint(subject: str, reference: str) -> None:
    assert _subject_hint(subject) == reference


@pytest.mark.parametrize(
    "subject",
    [
        "XMCT-000123 pothole",
        "MCT-0001234",
        "MCT-000123-2",
        "MCT-000123x",
        "MCT-00012",
        "see https://example.om/t/MCT-000123",
        "MCT-000123@example.om",
    ],
)
def test_a_reference_inside_a_longer_token_is_no_thread_hint(subject: str) -> None:
    assert _subject_hint(subject) is None


@pytest.mark.parametrize(
    "name",
    [
        "corpus/sisimai__rfc3834-01.eml",
        "corpus/sisimai__rfc3834-02.eml",
        "corpus/sisimai__rfc3834-03.eml",
        "corpus/sisimai__rfc3834-04.eml",
        "corpus/sisimai__rfc3834-06.eml",
        "corpus/flanker__bounce-gmail-invalid-address.eml",
        "corpus/sisimai__lhost-postfix-02.eml",
        "corpus/sisimai__lhost-qmail-01.eml",
        "corpus/cpython__msg_16.eml",
        "corpus/flanker__complaints-aol.eml",
        "corpus/flanker__disposition-notification.eml",
        "arabic/arabic-autoreply.eml",
    ],
)
def test_automatic_mail_is_recognised(name: str) -> None:
    assert parse_email(fixture(name)).extras.get("automatic")


@pytest.mark.parametrize(
    "name", ["corpus/sisimai__is-not-bounce-01.eml", "corpus/sisimai__is-not-bounce-02.eml"]
)
def test_ordinary_mail_is_not_taken_for_automatic(name: str) -> None:
    assert "automatic" not in parse_email(fixture(name)).extras


def test_bounce_report_names_original_message_and_reason() -> None:
    bounce = parse_email(fixture("corpus/flanker__bounce-mailbox-full.eml")).extras["bounce"]
    assert bounce["message_ids"] == ["<4E326A95.3010907@example.com>"]
    assert "MAILBOX FULL" in bounce["reason"] and bounce["final"]


def test_null_envelope_sender_marks_mail_automatic() -> None:
    msg = parse_email(fixture("arabic/iso-8859-6.eml"), envelope_sender="")
    assert "null envelope sender" in msg.extras["automatic"]


def test_binary_junk_never_raises() -> None:
    junk = bytes(range(256)) * 50 + b"\n\n" + bytes(range(255, -1, -1)) * 50
    msg = parse_email(junk, envelope_sender="x@example.om")
    assert msg.external_id.startswith("<sha256.")


def test_decode_prefers_declared_charset_when_it_fits() -> None:
    assert decode_bytes("Žluťoučký kůň".encode("iso-8859-2"), "iso-8859-2") == "Žluťoučký kůň"
    assert decode_bytes("Café".encode("latin-1"), "utf-8") == "Café"


@pytest.mark.parametrize(
    "name",
    ["corpus/mikel__attachment_only_email.eml", "corpus/helpdesk__blank-body-with-attachment.eml"],
)
def test_mail_with_an_empty_body_takes_its_subject_as_text(name: str) -> None:
    msg = parse_email(fixture(name))
    assert msg.text and msg.text == msg.subject


def test_reply_prefixes_are_dropped_when_the_subject_is_the_text() -> None:
    raw = b"From: a@example.om\nSubject: Re: Fwd: Broken streetlight\nMessage-ID: <e1@x>\n\n\n"
    assert parse_email(raw).text == "Broken streetlight"


def test_russian_android_attribution_is_cut() -> None:
    assert parse_email(fixture("corpus/talon__android.eml")).text == "Hello"


def test_multipart_with_a_mangled_boundary_parameter_uses_the_body_delimiter() -> None:
    msg = parse_email(fixture("corpus/mikel__raw_email_with_illegal_boundary.eml"))
    assert msg.text == "Hello\nThis is an outlook test\n\nSo there.\n\nMe."


def test_recovered_text_drops_mime_scaffolding() -> None:
    assert parse_email(fixture("corpus/flanker__mailformed-headers.eml")).text == "Hello"


def test_html_only_mail_with_a_map_link_gives_its_location() -> None:
    mail = EmailMessage()
    mail["From"] = "citizen@example.om"
    mail["To"] = "1111@balagh.localhost"
    mail["Subject"] = "Pothole"
    mail["Message-ID"] = "<html-map-link@example.om>"
    mail.set_content(
        '<p>Big pothole <a href="https://maps.google.com/?q=23.588,58.383">here</a></p>',
        subtype="html",
    )
    msg = parse_email(mail.as_bytes())
    assert msg.location is not None
    assert (msg.location.lat, msg.location.lon) == (23.588, 58.383)


def test_a_mail_opening_with_an_outlook_header_block_keeps_its_words() -> None:
    """Outlook forwards with a line of underscores and a From/Sent/To/Subject block: cut at
    the block, only the underscores were left, and the report itself was lost."""
    text = (
        "________________________________\nFrom: Neighbour <n@example.om>\nSent: Saturday\n"
        "To: me@example.om\nSubject: Pothole\n\nBig pothole on Way 3021 in Qurum"
    )
    assert "Big pothole on Way 3021 in Qurum" in cut_quoted(text)


def _outlook_mail(subject: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = "citizen@example.om"
    mail["To"] = "1111@balagh.localhost"
    mail["Subject"] = subject
    mail["Message-ID"] = "<outlook-forward@example.om>"
    mail.set_content(
        "FYI\n\n-----Original Message-----\nFrom: Neighbour <n@example.om>\nSent: Saturday\n"
        "To: citizen@example.om\nSubject: Pothole\n\nBig pothole on Way 3021 in Qurum\n"
    )
    return mail.as_bytes()


@pytest.mark.parametrize("subject", ["FW: Pothole", "Fwd: Pothole", "إعادة توجيه: حفرة"])
def test_a_forward_keeps_the_message_it_forwards(subject: str) -> None:
    """Outlook forwards below "-----Original Message-----", as it quotes a reply: the
    subject tells them apart, and in a forward the report is the part below."""
    msg = parse_email(_outlook_mail(subject))
    assert msg.text.startswith("FYI")
    assert "Big pothole on Way 3021 in Qurum" in msg.text


def test_a_reply_still_drops_the_message_it_quotes() -> None:
    assert parse_email(_outlook_mail("RE: Pothole")).text == "FYI"


def test_a_huge_html_mail_is_read_to_a_bounded_length_and_kept_whole() -> None:
    """A flat 1 MB HTML body: its text is taken from the first MAX_HTML characters (the
    words past them are no part of the text, which says it was cut), so the work before the
    250 is bounded; the sanitised HTML staff read, and the stored raw mail, keep it all."""
    from channels.email.htmltext import MAX_HTML

    filler = "<p>" + "word " * 20 + "</p>\n"
    body = "<p>Pothole on Way 3021</p>\n" + filler * (1_000_000 // len(filler)) + "<p>LASTWORD</p>"
    raw = (
        "From: c@example.com\r\nSubject: big\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + body
    ).encode()
    msg = parse_email(raw)
    assert msg.text.startswith("Pothole on Way 3021")
    assert "LASTWORD" not in msg.text and msg.text.endswith("[…]")
    assert len(msg.text) <= MAX_HTML
    assert msg.html is not None and "LASTWORD" in msg.html
