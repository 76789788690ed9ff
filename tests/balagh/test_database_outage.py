"""While the database is down, hung or locked, every client gets a quick temporary failure.

PostgreSQL sits behind a proxy the test can cut (a server that went down) or freeze (a
server stopped with SIGSTOP: sockets stay open and nothing answers). SMTP answers 451, and
every web request (the form, /healthz, the API, the inbox, Open311) 503 with Retry-After,
within seconds even when it hangs (on SQLite: when another writer holds the lock too long);
the threads that waited are freed while it still hangs, and service resumes by itself.
"""

from __future__ import annotations

import smtplib
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text

from balagh.wiring import build_context
from channels.email.intake import PROCESS, receive
from channels.email.listener import SmtpListener
from channels.email.threads import reply_address
from core.context import Context
from core.db import within
from core.errors import StorageUnavailable
from core.models import InboundRecord
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.citizen_web import make_app, open_form
from tests.conftest import empty_tables, finish, make_settings
from tests.db_proxy import DatabaseProxy
from tests.email_support import free_port
from tests.staffkit import bearer, make_staff, new_ticket, signed_in, token_for

ANSWER_TIMEOUT = 1.5  # seconds; BALAGH_DB_ANSWER_TIMEOUT_SECONDS for these tests
QUICKLY = 10.0  # "within seconds": generous for a loaded machine, far below a hang
MAIL = b"From: salim@example.om\r\nTo: 1111@balagh.test\r\nSubject: x\r\nMessage-ID: <o1@example.om>\r\n\r\nThe streetlight on Way 3021 is out.\r\n"


@pytest.fixture
def proxy(pg_database: str) -> Iterator[DatabaseProxy]:
    relay = DatabaseProxy(pg_database)
    yield relay
    relay.close()


def context_on(tmp_path: Path, url: str, statement_timeout: float = 2.0) -> Context:
    settings = make_settings(
        tmp_path / "data",
        url,
        db_answer_timeout_seconds=ANSWER_TIMEOUT,
        db_connect_timeout_seconds=1.0,
        db_statement_timeout_seconds=statement_timeout,
    )
    ctx = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
    empty_tables(ctx)
    return ctx


@pytest.fixture
def pg_ctx(tmp_path: Path, proxy: DatabaseProxy) -> Iterator[Context]:
    ctx = context_on(tmp_path, proxy.url)
    yield ctx
    finish(ctx)


def timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = function(*args)
    return result, time.monotonic() - started


@pytest.mark.parametrize("outage", ["cut", "freeze"])
def test_healthz_answers_503_within_seconds(
    pg_ctx: Context, proxy: DatabaseProxy, outage: str
) -> None:
    client = make_app(pg_ctx).test_client()
    assert client.get("/healthz").status_code == 200
    getattr(proxy, outage)()
    response, took = timed(client.get, "/healthz")
    assert response.status_code == 503 and took < QUICKLY
    proxy.resume()


@pytest.mark.parametrize("outage", ["cut", "freeze"])
def test_smtp_answers_451_within_seconds_and_the_retry_is_stored(
    pg_ctx: Context, proxy: DatabaseProxy, outage: str
) -> None:
    listener = SmtpListener(pg_ctx, host="127.0.0.1", port=free_port())
    try:
        make_app(pg_ctx).test_client().get("/healthz")  # a pooled connection exists
        getattr(proxy, outage)()
        started = time.monotonic()
        with (
            smtplib.SMTP("127.0.0.1", listener.port, timeout=30) as client,
            pytest.raises(smtplib.SMTPDataError) as refused,
        ):
            client.sendmail("salim@example.om", ["1111@balagh.test"], MAIL)
        assert refused.value.smtp_code == 451 and time.monotonic() - started < QUICKLY
        proxy.resume()
        with smtplib.SMTP("127.0.0.1", listener.port, timeout=30) as client:
            assert client.sendmail("salim@example.om", ["1111@balagh.test"], MAIL) == {}
    finally:
        proxy.resume()
        listener.stop()


@pytest.mark.parametrize("outage", ["cut", "freeze"])
def test_a_reply_by_token_is_refused_as_unavailable_within_seconds_while_the_database_is_out(
    pg_ctx: Context, proxy: DatabaseProxy, outage: str
) -> None:
    """The look-up of the ticket a tokenised reply address names runs under the store's
    deadline and fails as the store does (SMTP 451, IMAP leaves the mail unseen): it hung
    for as long as the server did, and a cut was an unexpected OperationalError."""
    reference = new_ticket(pg_ctx, "The streetlight on Way 3021 is out.", channel="email")
    address = reply_address(pg_ctx.settings.mail_address, reference, pg_ctx.settings.secret_key)
    reply = MAIL.replace(b"<o1@example.om>", b"<r1@example.om>")
    getattr(proxy, outage)()  # the pooled connection new_ticket used is frozen or cut
    with ThreadPoolExecutor(1) as pool:
        try:
            started = time.monotonic()
            refused = pool.submit(receive, pg_ctx, reply, "salim@example.om", (address,))
            with pytest.raises(StorageUnavailable):
                refused.result(QUICKLY)
            assert time.monotonic() - started < QUICKLY
        finally:
            proxy.resume()  # frees the thread if it still waits
    record_id, wanted = receive(pg_ctx, reply, "salim@example.om", (address,))
    with pg_ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        assert record is not None and wanted == PROCESS
        assert record.normalized["thread"]["reference"] == reference  # the token threads it


def test_report_form_answers_503_within_seconds_when_the_database_hangs(
    pg_ctx: Context, proxy: DatabaseProxy
) -> None:
    client = make_app(pg_ctx).test_client()
    data = {**open_form(client, "en"), "description": "Water leaking on Way 3021 for two days."}
    proxy.freeze()
    response, took = timed(
        lambda: client.post("/report", data=data, content_type="multipart/form-data")
    )
    proxy.resume()
    assert response.status_code == 503 and took < QUICKLY
    assert response.headers.get("Retry-After")


@pytest.mark.parametrize("outage", ["cut", "freeze"])
def test_api_answers_503_with_retry_after_within_seconds_and_then_resumes(
    pg_ctx: Context, proxy: DatabaseProxy, outage: str
) -> None:
    make_staff(pg_ctx, "agent@mct.om", "agent")
    token = token_for(pg_ctx, "agent@mct.om")
    client = make_app(pg_ctx).test_client()
    assert client.get("/api/v1/tickets", headers=bearer(token)).status_code == 200
    getattr(proxy, outage)()
    response, took = timed(lambda: client.get("/api/v1/tickets", headers=bearer(token)))
    proxy.resume()
    assert response.status_code == 503 and response.headers.get("Retry-After")
    assert response.get_json()["error"]["code"] == "unavailable" and took < QUICKLY
    assert client.get("/api/v1/tickets", headers=bearer(token)).status_code == 200


def test_api_write_on_a_hung_database_answers_503_and_the_retry_is_applied_once(
    pg_ctx: Context, proxy: DatabaseProxy
) -> None:
    make_staff(pg_ctx, "agent@mct.om", "agent")
    reference = new_ticket(pg_ctx, "Deep pothole on Way 3021")
    token = token_for(pg_ctx, "agent@mct.om")
    client = make_app(pg_ctx).test_client()
    note = f"/api/v1/tickets/{reference}/notes"
    proxy.freeze()
    response, took = timed(
        lambda: client.post(note, json={"text": "Crew sent."}, headers=bearer(token))
    )
    proxy.resume()
    assert response.status_code == 503 and took < QUICKLY
    assert client.post(note, json={"text": "Crew sent."}, headers=bearer(token)).status_code == 201
    detail = client.get(f"/api/v1/tickets/{reference}", headers=bearer(token)).get_json()
    assert [m["text"] for m in detail["messages"] if m["direction"] == "note"] == ["Crew sent."]


@pytest.mark.parametrize("outage", ["cut", "freeze"])
def test_inbox_answers_503_with_retry_after_within_seconds_and_then_resumes(
    pg_ctx: Context, proxy: DatabaseProxy, outage: str
) -> None:
    make_staff(pg_ctx, "agent@mct.om", "agent")
    client = signed_in(make_app(pg_ctx), "agent@mct.om")
    getattr(proxy, outage)()
    response, took = timed(client.get, "/inbox/")
    proxy.resume()
    assert response.status_code == 503 and response.headers.get("Retry-After") and took < QUICKLY
    assert "الخدمة غير متاحة" in response.get_data(as_text=True)
    assert client.get("/inbox/").status_code == 200


def test_open311_answers_503_within_seconds_while_the_database_hangs(
    pg_ctx: Context, proxy: DatabaseProxy
) -> None:
    new_ticket(pg_ctx, "Deep pothole on Way 3021")
    client = make_app(pg_ctx).test_client()
    assert client.get("/open311/v2/requests.json").status_code == 200
    proxy.freeze()
    response, took = timed(client.get, "/open311/v2/requests.json")
    proxy.resume()
    assert response.status_code == 503 and response.headers.get("Retry-After") and took < QUICKLY
    assert client.get("/open311/v2/requests.json").status_code == 200


def test_a_call_given_up_on_a_hung_database_frees_its_thread_while_it_still_hangs(
    pg_ctx: Context, proxy: DatabaseProxy
) -> None:
    outcome: list[str] = []
    finished = threading.Event()

    def select_one() -> None:
        try:
            with pg_ctx.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            outcome.append("answered")
        except Exception as exc:
            outcome.append(type(exc).__name__)
            raise
        finally:
            finished.set()

    select_one()  # a pooled connection exists, and hangs with the server
    finished.clear()
    proxy.freeze()
    try:
        with pytest.raises(StorageUnavailable):
            within(ANSWER_TIMEOUT, select_one)
        assert finished.wait(QUICKLY)  # still frozen: the thread gave up too
    finally:
        proxy.resume()
    assert outcome == ["answered", "OperationalError"]
    select_one()
    assert outcome[-1] == "answered"


@pytest.fixture
def sqlite_ctx(tmp_path: Path, sqlite_database: str) -> Iterator[Context]:
    # a statement timeout (SQLite: the wait for the write lock) far beyond the answer timeout
    ctx = context_on(tmp_path, sqlite_database, statement_timeout=60.0)
    yield ctx
    finish(ctx)


def test_api_answers_503_within_seconds_while_another_writer_holds_the_sqlite_lock(
    sqlite_ctx: Context, sqlite_database: str
) -> None:
    make_staff(sqlite_ctx, "agent@mct.om", "agent")
    token = token_for(sqlite_ctx, "agent@mct.om")
    client = make_app(sqlite_ctx).test_client()
    holder = sqlite3.connect(sqlite_database.split("///", 1)[1], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response, took = timed(lambda: client.get("/api/v1/tickets", headers=bearer(token)))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503 and response.headers.get("Retry-After") and took < QUICKLY
    assert client.get("/api/v1/tickets", headers=bearer(token)).status_code == 200
