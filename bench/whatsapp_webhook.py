"""WhatsApp webhook cost per message: `PYTHONPATH=. .venv/bin/python bench/whatsapp_webhook.py [N] [URL]`.

`... bench/whatsapp_webhook.py batch [N] [URL]`: one webhook call carrying N messages (2,000
by default; Meta batches them in `entry[].changes[].value.messages[]`) posted over a real
socket to the app served on loopback, with the inbound workers running: the time to the
answer (it must come within BALAGH_DB_ANSWER_TIMEOUT_SECONDS, 8 s), how many were stored,
and how long the workers then took to make every ticket.

`... bench/whatsapp_webhook.py statuses [N] [URL]`: one call carrying N delivery statuses
("delivered") for N replies we sent, through the Flask test client: the time to the answer.

Posts signed text messages to the real web app (Flask test client, no socket) and times the
whole call: signature check, pywa parsing and storing the raw record (the answer to Meta).
The inbound workers of the same process (BALAGH_INBOUND_WORKERS, one on SQLite) file each
message on a ticket (intake router, so the model's time is left out) and queue the
acknowledgement; the script then waits for them and prints end-to-end tickets/s (first call
to last ticket) and how long after the last answer the last ticket existed. SQLite in a
temporary directory unless a database URL is given (an empty database: its tables are
created). Prints the machine it ran on.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select
from werkzeug.serving import make_server

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from balagh.dbmigrate import upgrade  # noqa: E402
from balagh.wiring import build_context, web_app  # noqa: E402
from core.intake.pipeline import EXTRA_KEY  # noqa: E402
from core.models import Delivery, InboundRecord, OutboxItem, Ticket  # noqa: E402
from core.outbound import SenderRegistry  # noqa: E402
from core.routing.types import UnroutedRouter  # noqa: E402
from core.settings import Settings  # noqa: E402
from tests.whatsapp_fake import APP_SECRET, PHONE_ID, TOKEN, envelope, message_update, sign  # noqa: E402


def whatsapp_context(data_dir: Path, database_url: str) -> Any:
    """A migrated context with WhatsApp configured against the tests' fake Graph API."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=data_dir,
        database_url=database_url,
        secret_key="bench",
        whatsapp_token=TOKEN,
        whatsapp_phone_id=PHONE_ID,
        whatsapp_app_secret=APP_SECRET,
    )
    upgrade(settings.effective_database_url)
    return build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())


def main(count: int = 200, database_url: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = whatsapp_context(Path(tmp), database_url)
        client = web_app(ctx).test_client()
        timings = []
        began = time.perf_counter()
        for i in range(count):
            number = f"9689{i:07d}"
            update = message_update(number, f"wamid.BENCH{i}", "text", {"body": "حفرة في الطريق"})
            body = json.dumps(update, ensure_ascii=False).encode()
            headers = {"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"}
            start = time.perf_counter()
            response = client.post("/whatsapp/webhook", data=body, headers=headers)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200, response.status_code
        answered = time.perf_counter()
        pipeline = ctx.extras.get(EXTRA_KEY)
        tickets = 0
        while tickets < count and time.perf_counter() - answered < 600:
            if pipeline is not None:
                pipeline.wait_idle(1.0)
            with ctx.sessions() as session:
                tickets = session.execute(select(func.count()).select_from(Ticket)).scalar_one()
        last_ticket = time.perf_counter()
        if pipeline is not None:
            pipeline.stop()
        ctx.engine.dispose()
    timings.sort()
    total = sum(timings)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cpus, "
        f"Python {platform.python_version()}, {ctx.engine.dialect.name}"
    )
    print(
        f"{count} webhook calls (one new citizen each) in {total:.2f} s: "
        f"{count / total:.0f}/s, median {timings[count // 2] * 1000:.1f} ms, "
        f"p95 {timings[int(count * 0.95)] * 1000:.1f} ms (answered to Meta once stored)"
    )
    print(
        f"{tickets} tickets, end to end {tickets / (last_ticket - began):.1f} tickets/s; "
        f"last ticket {last_ticket - answered:.2f} s after the last answer"
    )


def batch_body(count: int) -> bytes:
    """One webhook body with `count` text messages, each from a number of its own."""
    numbers = [f"9689{i:07d}" for i in range(count)]
    messages = [
        {
            "from": number,
            "id": f"wamid.BATCH{i}",
            "timestamp": str(int(time.time())),
            "type": "text",
            "text": {"body": "حفرة في الطريق"},
        }
        for i, number in enumerate(numbers)
    ]
    contacts = [{"profile": {"name": "Salim"}, "wa_id": number} for number in numbers]
    update = envelope({"contacts": contacts, "messages": messages})
    return json.dumps(update, ensure_ascii=False).encode()


def count_rows(ctx: Any, model: Any) -> int:
    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def main_batch(count: int = 2000, database_url: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = whatsapp_context(Path(tmp), database_url)
        server = make_server("127.0.0.1", 0, web_app(ctx), threaded=True)
        serving = threading.Thread(target=server.serve_forever, daemon=True)
        serving.start()
        body = batch_body(count)
        headers = {"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"}
        url = f"http://127.0.0.1:{server.server_port}/whatsapp/webhook"
        began = time.perf_counter()
        response = httpx.post(url, content=body, headers=headers, timeout=120)
        answered = time.perf_counter()
        stored = count_rows(ctx, InboundRecord)
        pipeline = ctx.extras.get(EXTRA_KEY)
        tickets = 0
        while (
            response.status_code == 200 and tickets < count and time.perf_counter() - answered < 600
        ):
            if pipeline is not None:
                pipeline.wait_idle(1.0)
            tickets = count_rows(ctx, Ticket)
        last_ticket = time.perf_counter()
        server.shutdown()
        if pipeline is not None:
            pipeline.stop()
        ctx.engine.dispose()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cpus, "
        f"Python {platform.python_version()}, {ctx.engine.dialect.name}"
    )
    print(
        f"one webhook call of {count} messages ({len(body) / 1e6:.1f} MB): "
        f"{response.status_code} in {answered - began:.2f} s, {stored} stored"
    )
    print(f"{tickets} tickets, the last {last_ticket - answered:.1f} s after the answer")


def main_statuses(count: int = 2000, database_url: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = whatsapp_context(Path(tmp), database_url)
        with ctx.sessions() as session, session.begin():
            for i in range(count):
                session.add(
                    OutboxItem(
                        channel="whatsapp",
                        address=f"9689{i:07d}",
                        kind="reply",
                        payload={},
                        status=Delivery.SENT,
                        external_id=f"wamid.OUT{i}",
                    )
                )
        statuses = [
            {
                "id": f"wamid.OUT{i}",
                "status": "delivered",
                "timestamp": str(int(time.time())),
                "recipient_id": f"9689{i:07d}",
            }
            for i in range(count)
        ]
        body = json.dumps(envelope({"statuses": statuses})).encode()
        headers = {"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"}
        client = web_app(ctx).test_client()
        began = time.perf_counter()
        response = client.post("/whatsapp/webhook", data=body, headers=headers)
        took = time.perf_counter() - began
        pipeline = ctx.extras.get(EXTRA_KEY)
        if pipeline is not None:
            pipeline.stop()
        ctx.engine.dispose()
    print(
        f"{ctx.engine.dialect.name}: one webhook call of {count} statuses: "
        f"{response.status_code} in {took:.2f} s"
    )


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["statuses"]:
        main_statuses(int(args[1]) if len(args) > 1 else 2000, args[2] if len(args) > 2 else "")
    elif args[:1] == ["batch"]:
        main_batch(int(args[1]) if len(args) > 1 else 2000, args[2] if len(args) > 2 else "")
    else:
        main(int(args[0]) if args else 200, args[1] if len(args) > 1 else "")
