"""Remembered header objects (`parse.MIME_POLICY`) give exactly what `policy.default` gives.

The oracle is the stdlib's modern policy itself, parsing afresh every time: over every mail
in the test data and generated ones (Arabic subjects in RFC 2047, multipart with attachments,
HTML only, odd charsets, malformed headers), the normalised message must be equal field by
field, whether the remembered headers are cold or warm.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from typing import Any

import pytest

from channels.email import parse
from channels.email.parse import Limits, parse_email
from tests.email_support import MAIL_DATA

WHEN = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
SUBJECTS = [
    "=?utf-8?b?2KjZhNin2Log2LnZhiDYrdmB2LHYqQ==?=",
    "=?windows-1256?q?=CD=DD=D1=C9?= =?windows-1256?q?_=DD=ED?=",
    "Re: [MCT-2026-000123] =?UTF-8?Q?=D8=B4=D9=83=D8=B1=D8=A7?=",
    "=?iso-8859-6?b?5eHh?= plain",
    "=?bogus-charset?q?abc?=",
    "=?utf-8?b?broken",
    "Fwd: streetlight out",
    "",
]
CONTENT_TYPES = [
    'text/plain; charset="utf-8"',
    "text/plain; charset=windows-1256",
    "text/plain; charset=iso-8859-6; format=flowed",
    "text/plain; charset=x-unknown",
    "text/plain",
    "text/plain; charset=",
    "TEXT/PLAIN; CHARSET=UTF-8 (comment)",
    "text/html; charset=utf-8",
    "text",
    'text/plain; charset="utf-8',
    "application/octet-stream",
]
FROMS = [
    "=?utf-8?b?2LPYp9mE2YU=?= <salim@example.om>",
    '"Maryam, Al" <maryam@example.om>',
    "no-address-here",
    "<>",
    "a@b.om, c@d.om",
    "=?windows-1256?b?0+HH4w==?==?windows-1256?b?IMfh5+bH5u0=?= <s@example.om>",
]


def generated(seed: int) -> bytes:
    rng = random.Random(seed)
    subject = rng.choice(SUBJECTS)
    sender = rng.choice(FROMS)
    kind = rng.choice(["plain", "multipart", "html", "alternative", "malformed", "report"])
    head = (
        f"From: {sender}\r\nTo: 1111@balagh.test\r\nSubject: {subject}\r\n"
        f"Message-ID: <g{seed}@example.om>\r\nDate: Sun, 6 Dec 2026 06:00:00 +0400\r\n"
    )
    if rng.random() < 0.3:
        head += "Content-Language: ar\r\nIn-Reply-To: <MCT-1@balagh.test>\r\n"
    if rng.random() < 0.2:
        head += "Auto-Submitted: auto-replied\r\n"
    arabic = "توجد حفرة كبيرة في الشارع العام قرب مسجد الخوض".encode(
        rng.choice(["utf-8", "cp1256", "iso-8859-6"]), "replace"
    )
    if kind == "plain":
        ctype = rng.choice(CONTENT_TYPES)
        cte = rng.choice(["8bit", "quoted-printable", "base64", "7bit", "x-weird"])
        return (head + f"Content-Type: {ctype}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n").encode(
            "utf-8"
        ) + arabic
    if kind == "html":
        return (
            head + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            "<html><body><p dir=rtl>حفرة</p><script>x()</script></body></html>"
        ).encode()
    if kind == "malformed":
        return (
            (
                head + "Content-Type: multipart/mixed; boundary=----=_NextPart_000\r\n"
                "Content-Disposition: attachment; filename*=utf-8''%D8%AD.pdf; name=\r\n\r\n"
                "------=_NextPart_000_0001\r\nContent-Type: text/plain; charset=cp1256\r\n\r\n"
            ).encode()
            + arabic
            + b"\r\n------=_NextPart_000_0001--\r\n"
        )
    if kind == "report":
        return (
            head + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed\r\n--b\r\n"
            "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
            "Final-Recipient: rfc822; x@example.om\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <ack1@balagh.test>\r\n"
            "--b--\r\n"
        ).encode()
    msg = EmailMessage()
    msg["From"] = "salim@example.om"
    msg["To"] = "1111@balagh.test"
    msg["Subject"] = "بلاغ " + str(seed)
    msg["Message-ID"] = f"<m{seed}@example.om>"
    msg.set_content("توجد حفرة كبيرة\n\n> quoted\n> more", charset="utf-8")
    if kind == "alternative":
        msg.add_alternative("<p>توجد <b>حفرة</b></p>", subtype="html")
    for n in range(rng.randint(1, 3)):
        msg.add_attachment(
            bytes(rng.randrange(256) for _ in range(200)),
            maintype=rng.choice(["image", "application"]),
            subtype=rng.choice(["jpeg", "pdf"]),
            filename=rng.choice(["صورة.jpg", f"report {n}.pdf", "=?utf-8?b?2LXZiNix2Kk=?=.jpg"]),
        )
    return bytes(msg)


MAILS = sorted(MAIL_DATA.rglob("*.eml"))


def parsed(raw: bytes, **kwargs: Any) -> dict[str, Any]:
    message = parse_email(raw, received_at=WHEN, **kwargs)
    return dataclasses.asdict(message)


def test_the_data_and_generated_mails_are_many_and_varied() -> None:
    assert len(MAILS) > 80
    assert len({generated(seed) for seed in range(300)}) == 300


@pytest.mark.parametrize("source", ["data", "generated"])
def test_remembered_headers_parse_every_mail_as_the_modern_policy_does(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raws = (
        [p.read_bytes() for p in MAILS]
        if source == "data"
        else [generated(seed) for seed in range(300)]
    )
    kwargs: dict[str, Any] = {"recipients": ("1111@balagh.test",), "limits": Limits(max_file=300)}
    parse.MIME_POLICY.header_factory._remembered.cache_clear()  # type: ignore[attr-defined]
    cold = [parsed(raw, **kwargs) for raw in raws]
    warm = [parsed(raw, **kwargs) for raw in raws]
    with monkeypatch.context() as m:
        m.setattr(parse, "MIME_POLICY", policy.default)
        fresh = [parsed(raw, **kwargs) for raw in raws]
    for raw, new, again, old in zip(raws, cold, warm, fresh, strict=True):
        for name in old:
            assert new[name] == old[name], (name, raw[:200])
            assert again[name] == old[name], (name, raw[:200])
