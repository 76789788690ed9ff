"""Property tests (Hypothesis, a few dozen examples each) on the code that reads what
strangers send: the MIME parser, the Telegram normaliser and the citizen report form.

Whatever arrives, the parser returns a message (it never raises), with a stable identity a
database can store; the normaliser keeps Telegram's identity and the citizen's words; the
form answers every post with a page, never a server error, and stores only real reports.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from channels.email.parse import parse_email
from channels.telegram.normalize import normalize_update
from core.context import Context
from core.models import Ticket
from core.storable import storable_text
from tests.citizen_web import make_app, open_form

pytestmark = pytest.mark.fuzz
FAST = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Text as citizens and attackers type it: Arabic, Latin, digits, controls, bidi, surrogates.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(["\x00", "\r", "\n", "\t", "\u202e", "\u200f", "\ufeff", "\ud800"]),
    ),
    max_size=300,
)
# What can travel over HTTP or SMTP as UTF-8: the same, without lone surrogates.
WIRE_TEXT = TEXT.map(lambda t: t.replace("\ud800", ""))
HEADER_NAMES = st.sampled_from(
    [
        "Subject",
        "From",
        "Message-ID",
        "In-Reply-To",
        "References",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Auto-Submitted",
        "Date",
        "X-Spam",
    ]
)


@FAST
@given(raw=st.binary(max_size=2000))
def test_parser_reads_any_bytes_into_a_message_with_a_stable_identity(raw: bytes) -> None:
    first, second = parse_email(raw), parse_email(raw)
    assert first.external_id and first.external_id == second.external_id
    assert len(first.external_id) <= 300
    assert isinstance(first.text, str)


@FAST
@given(
    headers=st.lists(st.tuples(HEADER_NAMES, WIRE_TEXT), max_size=8),
    body=WIRE_TEXT,
)
def test_parser_reads_any_header_and_body_mix(headers: list[tuple[str, str]], body: str) -> None:
    head = "".join(f"{n}: {v.replace(chr(10), ' ').replace(chr(13), ' ')}\r\n" for n, v in headers)
    raw = (head + "\r\n" + body).encode("utf-8", "surrogatepass")
    message = parse_email(raw, envelope_sender="salim@example.om")
    assert message.external_id and message.sender
    assert storable_text(message.text) is not None


@FAST
@given(text=TEXT.filter(lambda t: t.strip()), chat=st.integers(1, 2**52), mid=st.integers(1, 2**31))
def test_telegram_normaliser_keeps_identity_and_words(text: str, chat: int, mid: int) -> None:
    update: dict[str, Any] = {
        "update_id": 1,
        "message": {
            "message_id": mid,
            "date": 1_700_000_000,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": text[:20] or "x"},
            "text": text,
        },
    }
    message = normalize_update(update)
    assert message is not None
    assert (message.sender, message.external_id) == (str(chat), f"{chat}:{mid}")
    assert message.text == text


def tickets(ctx: Context) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(Ticket)).scalar_one())


def test_report_form_answers_any_input_with_a_page(ctx: Context) -> None:
    ctx.settings.web_report_rate_limit = ctx.settings.web_attempt_rate_limit = "1000 per minute"
    client = make_app(ctx).test_client()

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        description=WIRE_TEXT,
        name=WIRE_TEXT,
        email=st.one_of(st.just(""), st.just("salim@example.om"), WIRE_TEXT),
        phone=st.one_of(st.just(""), st.just("+96891234567"), WIRE_TEXT),
        lang=st.sampled_from(["ar", "en"]),
    )
    def post(description: str, name: str, email: str, phone: str, lang: str) -> None:
        before = tickets(ctx)
        data = {
            **open_form(client, lang),
            "description": description,
            "name": name,
            "email": email,
            "phone": phone,
        }
        response = client.post("/report", data=data, content_type="multipart/form-data")
        assert response.status_code in (200, 202, 400, 422)
        if tickets(ctx) > before:
            assert storable_text(description).strip()

    post()
    assert tickets(ctx) > 0  # some generated reports were real ones, and were stored
