"""WhatsApp webhook cost per message: `PYTHONPATH=. .venv/bin/python bench/whatsapp_webhook.py [N] [URL]`.

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
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from balagh.dbmigrate import upgrade
from balagh.wiring import build_context, web_app
from core.intake.pipeline import EXTRA_KEY
from core.models import Ticket
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from core.settings import Settings
from tests.whatsapp_fake import APP_SECRET, PHONE_ID, TOKEN, message_update, sign


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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, sys.argv[2] if len(sys.argv) > 2 else "")
