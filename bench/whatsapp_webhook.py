"""WhatsApp webhook cost per message: `PYTHONPATH=. .venv/bin/python bench/whatsapp_webhook.py [N] [URL]`.

Posts signed text messages to the real web app (Flask test client, no socket) and times the
whole call: signature check, pywa parsing, storing the raw record, filing it on a ticket
(intake router, so the model's time is left out) and queueing the acknowledgement. SQLite
in a temporary directory unless a database URL is given. Prints the machine it ran on.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from balagh.dbmigrate import upgrade
from balagh.wiring import build_context, web_app
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from core.settings import Settings
from tests.whatsapp_fake import APP_SECRET, PHONE_ID, TOKEN, message_update, sign


def main(count: int = 200, database_url: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            data_dir=Path(tmp),
            database_url=database_url,
            secret_key="bench",
            whatsapp_token=TOKEN,
            whatsapp_phone_id=PHONE_ID,
            whatsapp_app_secret=APP_SECRET,
        )
        upgrade(settings.effective_database_url)
        ctx = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
        client = web_app(ctx).test_client()
        timings = []
        for i in range(count):
            number = f"9689{i:07d}"
            update = message_update(number, f"wamid.BENCH{i}", "text", {"body": "حفرة في الطريق"})
            body = json.dumps(update, ensure_ascii=False).encode()
            headers = {"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"}
            start = time.perf_counter()
            response = client.post("/whatsapp/webhook", data=body, headers=headers)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200, response.status_code
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
        f"p95 {timings[int(count * 0.95)] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, sys.argv[2] if len(sys.argv) > 2 else "")
