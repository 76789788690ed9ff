"""Pool checkouts per inbound message and the cost of a checkout, PostgreSQL (issue 13).

    createdb -h 127.0.0.1 -U postgres pool_bench
    .venv/bin/python bench/pool_ping.py postgresql+psycopg://postgres@127.0.0.1/pool_bench [-n N]

Stores and processes N WhatsApp messages (the webhook through the Flask test client, the
inbound workers, intake router) counting the engine's pool checkouts and pings, then times
checking a connection out and back in 3 x 3,000 times with `pool_pre_ping` (as before
2026-12-06), with Balagh's engine (core.db.make_engine: a ping only after 10 s idle) and
with a bare engine. Prints the figures and the machine; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest import machine  # noqa: E402
from whatsapp_webhook import whatsapp_context  # noqa: E402

from balagh.wiring import web_app  # noqa: E402
from core.db import make_engine  # noqa: E402
from core.intake.pipeline import EXTRA_KEY  # noqa: E402
from core.models import Ticket  # noqa: E402
from tests.whatsapp_fake import message_update, sign  # noqa: E402


def per_checkout(make: Callable[[], Engine], n: int = 3000) -> float:
    """Microseconds to check a pooled connection out and back in."""
    engine = make()
    with engine.connect():
        pass
    started = time.perf_counter()
    for _ in range(n):
        with engine.connect():
            pass
    engine.dispose()
    return (time.perf_counter() - started) / n * 1e6


def messages(url: str, n: int) -> tuple[float, int, int]:
    """Seconds to store and process n messages, pool checkouts and pings meanwhile."""
    with tempfile.TemporaryDirectory() as tmp:
        ctx = whatsapp_context(Path(tmp), url)
        counts = {"checkout": 0, "ping": 0}

        def checkout(*_: Any) -> None:
            counts["checkout"] += 1

        event.listen(ctx.engine, "checkout", checkout)
        ping = ctx.engine.dialect.do_ping

        def counted(dbapi_conn: Any) -> bool:
            counts["ping"] += 1
            return ping(dbapi_conn)

        ctx.engine.dialect.do_ping = counted  # type: ignore[method-assign]
        client = web_app(ctx).test_client()
        started = time.perf_counter()
        for i in range(n):
            update = message_update(f"9689{i:07d}", f"wamid.P{i}", "text", {"body": "حفرة"})
            body = json.dumps(update, ensure_ascii=False).encode()
            headers = {"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"}
            assert client.post("/whatsapp/webhook", data=body, headers=headers).status_code == 200
        pipeline = ctx.extras[EXTRA_KEY]
        tickets = 0
        while tickets < n and time.perf_counter() - started < 600:
            pipeline.wait_idle(2.0)
            with ctx.sessions() as session:
                tickets = session.execute(select(func.count()).select_from(Ticket)).scalar_one()
        elapsed = time.perf_counter() - started
        pipeline.stop()
        ctx.engine.dispose()
    return elapsed, counts["checkout"], counts["ping"]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("url", help="an empty PostgreSQL database (its tables are created)")
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args()
    elapsed, checkouts, pings = messages(args.url, args.n)
    engines: dict[str, Callable[[], Engine]] = {
        "pool_pre_ping": lambda: create_engine(args.url, pool_pre_ping=True),
        "make_engine": lambda: make_engine(args.url),
        "bare": lambda: create_engine(args.url),
    }
    costs = {
        name: statistics.median([per_checkout(make) for _ in range(3)])
        for name, make in engines.items()
    }
    print(f"machine: {machine()}, load average {os.getloadavg()[0]:.1f}")
    print(
        f"{args.n} WhatsApp messages stored and processed in {elapsed:.2f} s: "
        f"{checkouts} pool checkouts ({checkouts / args.n:.1f} per message), {pings} pings"
    )
    print(
        "checkout and return, median of 3 x 3,000: "
        + ", ".join(f"{name} {us:.0f} us" for name, us in costs.items())
    )


if __name__ == "__main__":
    main()
