"""winmail.dat (application/ms-tnef): Outlook mail whose only body is inside the blob.

tnefparse only reads TNEF, so the blobs are written here by hand, following MS-OXTNEF:
signature 0x223E9F78, a 2-byte key, then attributes (level byte, 2-byte id, 2-byte type,
4-byte length, data, 2-byte checksum); message properties are one attMAPIProps attribute
holding a MAPI property list (count, then type, id and value per property).
"""

from __future__ import annotations

import struct
from email.message import EmailMessage

import pytest
from compressed_rtf import compress

from channels.email.parse import Limits, parse_email
from channels.email.rtftext import rtf_to_text
from channels.email.tnef import Malformed, check_shape

ARABIC = "يوجد تسرب مياه في حي الخوير منذ ثلاثة أيام"
ENGLISH = "There is a burst water pipe on Al Khuwair street since Monday."
PT_STRING8, PT_UNICODE, PT_BINARY, PT_LONG = 0x1E, 0x1F, 0x102, 0x3
PR_BODY, PR_RTF_COMPRESSED, PR_BODY_HTML, PR_INTERNET_CPID = 0x1000, 0x1009, 0x1013, 0x3FDE


def _attribute(level: int, attr_id: int, attr_type: int, data: bytes) -> bytes:
    head = struct.pack("<BHHI", level, attr_id, attr_type, len(data))
    return head + data + struct.pack("<H", sum(data) & 0xFFFF)


def _variable(ptype: int, pid: int, value: bytes) -> bytes:
    padded = value + b"\x00" * (-len(value) % 4)
    return struct.pack("<HHII", ptype, pid, 1, len(value)) + padded


def _tnef(props: list[bytes], files: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    blob = struct.pack("<IH", 0x223E9F78, 0x0101)
    blob += _attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x10000))  # attTnefVersion
    blob += _attribute(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))  # attOemCodepage
    blob += _attribute(1, 0x9003, 0x0006, struct.pack("<I", len(props)) + b"".join(props))
    for name, data in files:
        blob += _attribute(2, 0x9002, 0x0006, b"\x01\x00" + b"\x00" * 12)  # attAttachRendData
        blob += _attribute(2, 0x8010, 0x0001, name.encode() + b"\x00")  # attAttachTitle
        blob += _attribute(2, 0x800F, 0x0006, data)  # attAttachData
    return blob


def _unicode_body(text: str) -> bytes:
    return _variable(PT_UNICODE, PR_BODY, (text + "\x00").encode("utf-16-le"))


def _outlook_mail(blob: bytes, *, text_part: str | None = None) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Salim <salim@example.om>"
    mail["To"] = "report@muscat.example"
    mail["Subject"] = "Water leak"
    mail["Message-ID"] = "<tnef-1@example.om>"
    if text_part is not None:
        mail.set_content(text_part)
    mail.add_attachment(blob, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    return mail.as_bytes()


def test_plain_body_inside_winmail_dat_is_the_message_text() -> None:
    msg = parse_email(_outlook_mail(_tnef([_unicode_body(ENGLISH)])))
    assert msg.text == ENGLISH
    assert "tnef_error" not in msg.extras


def test_arabic_unicode_body_inside_winmail_dat_is_read() -> None:
    msg = parse_email(_outlook_mail(_tnef([_unicode_body(ARABIC)])))
    assert msg.text == ARABIC


def test_arabic_8bit_body_is_decoded_with_the_blobs_code_page() -> None:
    props = [
        _variable(PT_BINARY, PR_BODY_HTML, f"<p>{ARABIC}</p>".encode("cp1256")),
        struct.pack("<HHI", PT_LONG, PR_INTERNET_CPID, 1256),
    ]
    msg = parse_email(_outlook_mail(_tnef(props)))
    assert msg.text == ARABIC


def test_html_only_body_inside_winmail_dat_is_rendered_to_text() -> None:
    html = f"<html><body><p>{ENGLISH}</p></body></html>".encode()
    msg = parse_email(_outlook_mail(_tnef([_variable(PT_BINARY, PR_BODY_HTML, html)])))
    assert msg.text == ENGLISH
    assert msg.html is not None and ENGLISH in msg.html


def test_rtf_only_body_with_arabic_code_page_bytes_is_read() -> None:
    arabic_hex = "".join(f"\\'{b:02x}" if b > 0x7F else chr(b) for b in ARABIC.encode("cp1256"))
    rtf = (
        r"{\rtf1\ansi\ansicpg1256\deff0{\fonttbl{\f0\fswiss\fcharset178 Arial;}}"
        r"{\colortbl ;\red0\green0\blue0;}{\*\generator Msftedit;}\f0\fs20 " + arabic_hex + r"\par}"
    )
    blob = _tnef([_variable(PT_BINARY, PR_RTF_COMPRESSED, compress(rtf.encode("latin-1")))])
    msg = parse_email(_outlook_mail(blob))
    assert msg.text == ARABIC


def test_rtf_unicode_escapes_give_arabic_and_drop_their_fallback_characters() -> None:
    escaped = "".join(f"\\u{ord(c)}?" if ord(c) > 0x7F else c for c in ARABIC)
    rtf = r"{\rtf1\ansi\uc1{\fonttbl{\f0 Arial;}}\f0 " + escaped + r"\par " + ENGLISH + "}"
    assert rtf_to_text(rtf) == f"{ARABIC}\n{ENGLISH}"


def test_photo_inside_winmail_dat_becomes_the_mails_attachment() -> None:
    photo = b"\xff\xd8\xff\xe0" + b"jpeg" * 100
    blob = _tnef([_unicode_body(ENGLISH)], files=(("pothole.jpg", photo),))
    msg = parse_email(_outlook_mail(blob))
    assert [(a.filename, a.content_type, a.data) for a in msg.attachments] == [
        ("pothole.jpg", "image/jpeg", photo)
    ]


def test_photo_inside_winmail_dat_obeys_the_attachment_limits() -> None:
    blob = _tnef([_unicode_body(ENGLISH)], files=(("big.jpg", b"x" * 2000),))
    msg = parse_email(_outlook_mail(blob), limits=Limits(max_file=1000))
    assert msg.attachments == ()
    assert msg.extras["skipped_attachments"] == ["big.jpg (2000 bytes)"]


def test_a_text_part_is_kept_and_the_winmail_body_not_added() -> None:
    blob = _tnef([_unicode_body("from the blob")])
    msg = parse_email(_outlook_mail(blob, text_part="from the text part"))
    assert msg.text == "from the text part"


def test_malformed_winmail_dat_keeps_the_blob_and_falls_back_to_the_subject() -> None:
    blob = _tnef([_unicode_body(ENGLISH)])[:56]  # cut inside the body property
    msg = parse_email(_outlook_mail(blob))
    assert msg.text == "Water leak"
    assert "parse_error" not in msg.extras and msg.extras["tnef_error"]
    assert [(a.filename, a.data) for a in msg.attachments] == [("winmail.dat", blob)]


def test_winmail_dat_with_neither_body_nor_files_stays_a_file() -> None:
    blob = _tnef([struct.pack("<HHI", PT_LONG, PR_INTERNET_CPID, 1256)])
    msg = parse_email(_outlook_mail(blob))
    assert msg.text == "Water leak" and "tnef_error" not in msg.extras
    assert [(a.filename, a.data) for a in msg.attachments] == [("winmail.dat", blob)]


def test_garbage_named_winmail_dat_is_a_file_not_an_error() -> None:
    msg = parse_email(_outlook_mail(b"not tnef at all" * 10))
    assert msg.text == "Water leak"
    assert msg.attachments[0].filename == "winmail.dat"


def test_declared_counts_larger_than_the_blob_are_refused_before_tnefparse_loops() -> None:
    huge_count = struct.pack("<I", 0xFFFFFFF0) + b"\x00" * 64
    blob = struct.pack("<IH", 0x223E9F78, 1) + _attribute(1, 0x9003, 0x0006, huge_count)
    multi = struct.pack("<IHHI", 1, 0x1002, 0x6001, 0xFFFFFFF0) + b"\x00" * 64  # PT_MV_SHORT
    blob_mv = struct.pack("<IH", 0x223E9F78, 1) + _attribute(1, 0x9003, 0x0006, multi)
    for hostile in (blob, blob_mv):  # unchecked, either loops ~2**32 times (pytest-timeout)
        msg = parse_email(_outlook_mail(hostile))
        assert msg.text == "Water leak" and "Malformed" in msg.extras["tnef_error"]


def test_shape_check_accepts_the_blobs_outlook_writes() -> None:
    check_shape(_tnef([_unicode_body(ARABIC)], files=(("a.jpg", b"x" * 10),)))
    with pytest.raises(Malformed):
        check_shape(b"\x00" * 20)
