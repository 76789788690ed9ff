"""Getting updates in: long polling, the webhook, and the token kept out of logs."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from balagh.wiring import web_app
from channels.telegram.health import register_telegram
from channels.telegram.runtime import TelegramPolling, TelegramRuntime, start_telegram
from core.context import Context
from core.errors import StorageUnavailable
from core.inbound import InboundMessage
from core.intake import ingest
from core.intake.ingest import Accepted
from core.models import InboundRecord, Message
from tests.telegram_fake import TOKEN, FakeBotApi, text_update

SECRET = "webhook-secret-4f9a"
REPORT = "Garbage has not been collected on our street in Bawshar for a week."


@pytest.fixture
def tg_ctx(ctx: Context, fake_api: FakeBotApi) -> Iterator[Context]:
    ctx.settings.telegram_token = TOKEN
    ctx.settings.telegram_api_url = fake_api.url
    ctx.settings.telegram_webhook_secret = SECRET
    yield ctx
    runtime = ctx.extras.pop("telegram_runtime", None)
    if runtime is not None:
        runtime.stop()


def records(ctx: Context) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(InboundRecord)).scalar_one())


def fail_first_accept(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the first `accept` raise StorageUnavailable, as when the database is down."""
    seen: list[str] = []
    real = ingest.accept

    def flaky(ctx: Context, message: InboundMessage) -> Accepted:
        seen.append(message.external_id)
        if len(seen) == 1:
            raise StorageUnavailable("database down")
        return real(ctx, message)

    monkeypatch.setattr(ingest, "accept", flaky)
    return seen


def poll_one_update(tg_ctx: Context, fake_api: FakeBotApi, chat: int) -> int:
    """Push one update, poll until the offset moves past it, stop; returns its update id."""
    update_id = fake_api.push(text_update(chat, 1, REPORT, language="en"))
    polling = TelegramPolling(
        TelegramRuntime(tg_ctx, kick_outbox=False), poll_timeout=1, retry_delay=0.05
    ).start()
    try:
        fake_api.wait_for(lambda: polling.offset == update_id + 1)
    finally:
        polling.stop()
    return update_id


def test_polling_fetches_an_unstored_update_again_and_stores_it_once(
    tg_ctx: Context, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = fail_first_accept(monkeypatch)
    update_id = poll_one_update(tg_ctx, fake_api, 901)
    delivered = [
        c
        for c in fake_api.calls_of("getUpdates")
        if any(u["update_id"] == update_id for u in c.result or [])
    ]
    assert seen == ["901:1", "901:1"] and len(delivered) >= 2
    assert records(tg_ctx) == 1


def test_polling_offset_is_not_advanced_before_the_update_is_stored(
    tg_ctx: Context, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = fail_first_accept(monkeypatch)
    update_id = poll_one_update(tg_ctx, fake_api, 902)
    offsets = [c.params.get("offset") for c in fake_api.calls_of("getUpdates")]
    second_fetch = next(
        i
        for i, c in enumerate(fake_api.calls_of("getUpdates"))
        if i > 0 and any(u["update_id"] == update_id for u in c.result or [])
    )
    assert len(seen) == 2
    assert all(o is None or int(o) <= update_id for o in offsets[: second_fetch + 1])


def test_polling_processes_the_stored_update_into_a_ticket(
    tg_ctx: Context, fake_api: FakeBotApi
) -> None:
    update_id = fake_api.push(text_update(903, 1, REPORT, language="en"))
    polling = TelegramPolling(TelegramRuntime(tg_ctx), poll_timeout=1, retry_delay=0.05).start()
    try:
        fake_api.wait_for(lambda: polling.offset == update_id + 1)
        polling.runtime.settle()
    finally:
        polling.stop()
    with tg_ctx.sessions() as session:
        assert session.execute(select(Message.external_id)).scalars().first() == "903:1"


@pytest.fixture
def web(tg_ctx: Context) -> Iterator[str]:
    """The real web app on a loopback socket."""
    server = make_server("127.0.0.1", 0, web_app(tg_ctx), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def post_update(web: str, update: dict[str, Any], secret: str | None) -> httpx.Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return httpx.post(f"{web}/telegram/webhook", json=update, headers=headers, timeout=30)


def test_webhook_with_a_wrong_secret_is_forbidden(tg_ctx: Context, web: str) -> None:
    update = {"update_id": 1, **text_update(904, 1, REPORT)}
    assert post_update(web, update, "guess").status_code == 403
    assert post_update(web, update, None).status_code == 403
    assert records(tg_ctx) == 0


def test_webhook_with_the_secret_stores_the_update_before_answering(
    tg_ctx: Context, web: str
) -> None:
    response = post_update(web, {"update_id": 2, **text_update(905, 1, REPORT)}, SECRET)
    assert response.status_code == 200
    assert records(tg_ctx) == 1


def test_webhook_answers_503_when_the_update_cannot_be_stored(
    tg_ctx: Context, web: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_first_accept(monkeypatch)
    update = {"update_id": 3, **text_update(906, 1, REPORT)}
    assert post_update(web, update, SECRET).status_code == 503
    assert post_update(web, update, SECRET).status_code == 200
    assert records(tg_ctx) == 1


def test_webhook_stores_a_message_with_a_lone_surrogate_rather_than_503_forever(
    tg_ctx: Context, web: str
) -> None:
    """`"\\ud800"` is valid JSON; encoding the raw update with it raised, so every try was
    answered 503 and Telegram kept the update (and its citizen) waiting for good."""
    update = {"update_id": 4, **text_update(909, 1, f"{REPORT} \ud800")}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    body = json.dumps(update).encode()  # ASCII, the surrogate as an escape
    response = httpx.post(f"{web}/telegram/webhook", content=body, headers=headers, timeout=30)
    assert response.status_code == 200
    assert records(tg_ctx) == 1


def test_token_is_redacted_from_http_client_logs(
    tg_ctx: Context, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    runtime = TelegramRuntime(tg_ctx)
    try:
        logging.getLogger("httpx").warning("HTTP Request: POST %s/bot%s/getMe", fake_api.url, TOKEN)
        runtime.handle({"update_id": 7, **text_update(907, 1, REPORT, language="en")})
        runtime.settle()
    finally:
        runtime.stop()
    assert "getMe" in caplog.text and TOKEN not in caplog.text


def test_serve_starter_polls_and_logs_the_api_without_the_token(
    tg_ctx: Context, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    component = start_telegram(tg_ctx)
    try:
        assert isinstance(component, TelegramPolling)
        fake_api.wait_for(lambda: fake_api.calls_of("getUpdates"))
    finally:
        component.stop()
        tg_ctx.extras.pop("telegram_runtime", None)
    assert f"telegram: polling {fake_api.url}" in caplog.text and TOKEN not in caplog.text


def test_serve_starter_in_webhook_mode_registers_the_webhook_with_its_secret(
    tg_ctx: Context, fake_api: FakeBotApi
) -> None:
    tg_ctx.settings.telegram_mode = "webhook"
    component = start_telegram(tg_ctx)
    assert component is not None
    assert fake_api.webhook["url"] == "http://balagh.test/telegram/webhook"
    assert fake_api.webhook["secret_token"] == SECRET


def test_no_token_means_no_telegram_component(ctx: Context) -> None:
    assert start_telegram(ctx) is None


def test_probe_reports_the_channel_without_the_token(tg_ctx: Context) -> None:
    sender = register_telegram(tg_ctx)
    try:
        state = tg_ctx.extras["channel_probes"]["telegram"]()
    finally:
        sender.close()
    assert state["mode"] == "polling" and TOKEN not in str(state)
    assert tg_ctx.senders.get("telegram") is sender


IMPOSSIBLE_UPDATES = [
    {"message": "hello"},
    {"message": {**text_update(907, 1, REPORT)["message"], "date": "yesterday"}},
    {"message": {**text_update(907, 2, REPORT)["message"], "date": 10**30}},
    {"message": {**text_update(907, 3, REPORT)["message"], "chat": "907"}},
    {"message": {**text_update(907, 4, REPORT)["message"], "text": 5}},
    {"message": {**text_update(907, 5, REPORT)["message"], "chat": {"id": "x", "type": "private"}}},
    {"message": {k: v for k, v in text_update(907, 6, REPORT)["message"].items() if k != "chat"}},
    {"edited_message": ["not", "a", "message"]},
]


@pytest.mark.parametrize("shape", IMPOSSIBLE_UPDATES)
def test_webhook_acknowledges_and_ignores_an_update_of_an_impossible_shape(
    tg_ctx: Context, web: str, shape: dict[str, Any]
) -> None:
    response = post_update(web, {"update_id": 7, **shape}, SECRET)
    assert response.status_code == 200  # Telegram repeats any other answer
    assert records(tg_ctx) == 0
    good = post_update(web, {"update_id": 8, **text_update(908, 1, REPORT)}, SECRET)
    assert good.status_code == 200 and records(tg_ctx) == 1
