"""Delivery problems in words on the ticket page (issue 20, item 6): a web report's email
acknowledgement that the relay refused reads "The mail server refused the connection; retrying
at HH:MM", labelled as email, with the technical reason kept in a tooltip."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from sqlalchemy import select

from balagh.wiring import build_context
from channels.email.sender import SmtpSender
from channels.web.inbox.delivery import problem_key
from core.context import Context
from core.delivery.outbox import deliver_due
from core.models import Delivery, OutboxItem
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.citizen_web import make_app, reference_of, submit
from tests.conftest import empty_tables, make_settings
from tests.staffkit import app_for, make_staff, signed_in


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens there once closed


@pytest.fixture
def relay_down(tmp_path: Path, database_url: str) -> Context:
    registry = SenderRegistry()
    registry.register(
        "email",
        SmtpSender(host="127.0.0.1", port=_closed_port(), from_address="1111@balagh.test"),
    )
    ctx = build_context(
        make_settings(tmp_path / "data", database_url), senders=registry, router=UnroutedRouter()
    )
    empty_tables(ctx)
    return ctx


@pytest.mark.parametrize(
    ("lang", "words", "retrying"),
    [
        ("en", "The mail server refused the connection", "; retrying at "),
        ("ar", "رفض خادم البريد الاتصال", "؛ ستُعاد المحاولة الساعة "),
    ],
)
def test_a_refused_relay_reads_in_words_with_the_next_try_and_the_email_channel(
    relay_down: Context, lang: str, words: str, retrying: str
) -> None:
    ctx = relay_down
    page = submit(
        make_app(ctx).test_client(), "en", description="Broken bench", email="citizen@example.om"
    ).get_data(as_text=True)
    reference = reference_of(page)
    deliver_due(ctx)
    with ctx.sessions() as session:
        item = session.execute(select(OutboxItem)).scalar_one()
        assert item.status == Delivery.RETRYING
        assert "ConnectionRefused" in (item.last_error or "")
    make_staff(ctx, "agent@mct.om", "agent")
    html = signed_in(app_for(ctx), "agent@mct.om", lang).get(f"/inbox/t/{reference}")
    text = html.get_data(as_text=True)
    assert words + retrying in text
    assert 'title="relay unreachable: ConnectionRefusedError' in text
    outgoing = text[text.index("d-out") :]
    channel_email = {"en": "Email", "ar": "البريد الإلكتروني"}[lang]
    assert channel_email in outgoing[:600]


def test_an_unknown_reason_is_shown_as_written() -> None:
    assert problem_key("something new went wrong") is None
    assert problem_key("Telegram refused: Forbidden: bot was blocked by the user") == (
        "delivery_why_telegram_blocked"
    )
    assert problem_key("relay unreachable: TimeoutError: timed out") == (
        "delivery_why_relay_timeout"
    )


def test_a_web_citizen_reads_as_the_web_form_not_an_internal_token(relay_down: Context) -> None:
    ctx = relay_down
    page = submit(make_app(ctx).test_client(), "en", description="Broken bench").get_data(
        as_text=True
    )
    make_staff(ctx, "agent@mct.om", "agent")
    text = (
        signed_in(app_for(ctx), "agent@mct.om", "en")
        .get(f"/inbox/t/{reference_of(page)}")
        .get_data(as_text=True)
    )
    assert "web form (follows the report through its private link)" in text
    assert "web:" not in text[text.index("<dl") :]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "This channel is not set up on this server; retrying at "),
        ("ar", "هذه القناة غير مهيّأة على هذا الخادم؛ ستُعاد المحاولة الساعة "),
    ],
)
def test_a_channel_without_a_sender_reads_in_words_not_the_technical_reason(
    tmp_path: Path, database_url: str, lang: str, words: str
) -> None:
    """`balagh serve --demo` without a Telegram token: the Arabic ticket page read "إعادة
    المحاولة no sender is configured for channel 'telegram'؛ ستُعاد المحاولة"."""
    ctx = build_context(
        make_settings(tmp_path / "data", database_url),
        senders=SenderRegistry(),
        router=UnroutedRouter(),
    )
    empty_tables(ctx)
    page = submit(
        make_app(ctx).test_client(), "en", description="Broken bench", email="citizen@example.om"
    ).get_data(as_text=True)
    reference = reference_of(page)
    deliver_due(ctx)
    make_staff(ctx, "agent@mct.om", "agent")
    text = (
        signed_in(app_for(ctx), "agent@mct.om", lang)
        .get(f"/inbox/t/{reference}")
        .get_data(as_text=True)
    )
    assert words in text
    assert "no sender is configured" not in text.replace('title="no sender is configured', "")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Retrying — The mail server refused the connection"),
        ("ar", "إعادة المحاولة — رفض خادم البريد الاتصال"),
    ],
)
def test_the_delivery_state_and_its_reason_read_as_two_phrases(
    relay_down: Context, lang: str, said: str
) -> None:
    """They ran together: "Delivery: Retrying The mail server refused the connection"."""
    ctx = relay_down
    page = submit(
        make_app(ctx).test_client(), "en", description="Broken bench", email="citizen@example.om"
    ).get_data(as_text=True)
    deliver_due(ctx)
    make_staff(ctx, "agent@mct.om", "agent")
    html = signed_in(app_for(ctx), "agent@mct.om", lang).get(f"/inbox/t/{reference_of(page)}")
    text = re.sub(r"<[^>]+>", "", html.get_data(as_text=True))
    assert said in re.sub(r"\s+", " ", text)
