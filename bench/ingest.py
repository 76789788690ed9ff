"""Email intake under a burst: acknowledged msg/s against a bare aiosmtpd, and tickets/s.

In one run, on loopback: N mails over 4 SMTP connections (optionally paced at `--rate`
msg/s) to (1) a bare aiosmtpd handler answering 250 and (2) Balagh's SMTP listener with its
inbound pipeline and the real routing model. Prints the acknowledged msg/s and its ratio to
the bare baseline, ack latency p50/p99, and end to end: tickets/s (stored, threaded, routed,
duplicates, acknowledgement queued) and the time from the last 250 to the last ticket.
`--profile` then stores N more mails and processes them on this thread under pyinstrument,
printing the top of the profile. Prints the machine; asserts nothing.

    .venv/bin/python bench/ingest.py --channel email --db postgresql -n 1000 [--rate 100]

Only the email channel is measured (`--channel web|telegram` are not written yet).
"""

from __future__ import annotations

import argparse
import os
import platform
import smtplib
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import func, select

ADMIN = os.environ.get("BALAGH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
CONNECTIONS = 4
PER_CONNECTION = 40  # then a new session, as an MTA does (our listener caps commands per session)
TEXTS = (
    "السلام عليكم، في تسرب مياه كبير قرب دوار الخوير والشارع غرق",
    "Street lights have been off for a week on way 3021 in Al Khuwair",
    "القمامة ما تجمعت من ثلاث أيام في الحيل الجنوبية",
    "There is a big pothole near the Qurum roundabout, two cars damaged",
    "كلاب ضالة قرب مدرسة العامرات والأطفال خايفين",
)


def machine() -> str:
    return (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def mail(n: int, run: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"citizen{n}@example.org"
    msg["To"] = "1111@balagh.bench"
    msg["Subject"] = f"بلاغ {n}"
    msg["Message-ID"] = f"<{run}.{n}@example.org>"
    msg.set_content(f"{TEXTS[n % len(TEXTS)]}\n\n({n})")
    return msg


def send_burst(port: int, count: int, rate: float | None, run: str) -> tuple[float, list[float]]:
    """Send `count` mails over CONNECTIONS connections; (seconds, per-mail ack latencies)."""
    latencies: list[float] = []
    lock = threading.Lock()
    share = [list(range(i, count, CONNECTIONS)) for i in range(CONNECTIONS)]
    started = time.perf_counter()

    def sender(numbers: list[int]) -> None:
        mine = []
        for first in range(0, len(numbers), PER_CONNECTION):
            with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
                for k, n in enumerate(numbers[first : first + PER_CONNECTION], start=first):
                    if rate:
                        wait = started + (k * CONNECTIONS) / rate - time.perf_counter()
                        if wait > 0:
                            time.sleep(wait)
                    t0 = time.perf_counter()
                    smtp.send_message(mail(n, run))
                    mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=sender, args=(s,)) for s in share]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies


class Bare:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 2.0.0 OK"


def bare_baseline(count: int, rate: float | None) -> tuple[float, list[float]]:
    port = free_port()
    controller = Controller(Bare(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        return send_burst(port, count, rate, uuid.uuid4().hex)
    finally:
        controller.stop()


@contextmanager
def database(kind: str, tmp: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp / 'bench.sqlite3'}"
        return
    import psycopg

    name = f"balagh_ingest_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(ADMIN, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{ADMIN.rsplit('/', 1)[0].replace('postgresql://', 'postgresql+psycopg://')}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def context(url: str, data_dir: Path, smtp_port: int) -> Any:
    from balagh.dbmigrate import upgrade
    from balagh.serve import prepare_router
    from balagh.wiring import build_context
    from core.outbound import CollectingSender, SenderRegistry
    from core.settings import Settings

    upgrade(url)
    senders = SenderRegistry()
    senders.register("email", CollectingSender())  # the relay is not what is measured
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=data_dir,
        database_url=url,
        secret_key="bench",
        mail_domains="balagh.bench",
        mail_address="1111@balagh.bench",
        smtp_port=smtp_port,
    )
    ctx = build_context(settings, senders=senders)
    prepare_router(ctx)
    return ctx


def tickets(ctx: Any) -> int:
    from core.models import Ticket

    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(Ticket)).scalar_one())


def balagh_run(ctx: Any, count: int, rate: float | None) -> dict[str, float | list[float]]:
    from channels.email.listener import SmtpListener

    before = tickets(ctx)
    listener = SmtpListener(ctx)
    try:
        started = time.perf_counter()
        seconds, latencies = send_burst(ctx.settings.smtp_port, count, rate, uuid.uuid4().hex)
        acked = time.perf_counter()
        while tickets(ctx) < before + count and time.perf_counter() - acked < 1800:
            time.sleep(0.05)
        done = time.perf_counter()
    finally:
        listener.stop()
    return {
        "seconds": seconds,
        "latencies": latencies,
        "end_to_end": done - started,
        "after_last_ack": done - acked,
        "tickets": float(tickets(ctx) - before),
    }


def profile(ctx: Any, count: int) -> None:
    """Store `count` mails, then process them all on this thread under pyinstrument."""
    from pyinstrument import Profiler

    from channels.email.intake import receive
    from core.intake.ingest import process_next

    run = uuid.uuid4().hex
    for n in range(count):
        receive(ctx, mail(n, run).as_bytes(), f"citizen{n}@example.org", ("1111@balagh.bench",))
    profiler = Profiler(interval=0.001)
    profiler.start()
    started = time.perf_counter()
    processed = 0
    while process_next(ctx) is not None:
        processed += 1
    seconds = time.perf_counter() - started
    profiler.stop()
    print(f"\nprofile: {processed} records processed on one thread in {seconds:.1f} s"
          f" ({processed / seconds:.1f}/s, {seconds / max(1, processed) * 1000:.1f} ms each)")  # fmt: skip
    print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--channel", choices=["email"], default="email")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument(
        "--rate", type=float, default=None, help="offered msg/s (default: flat out)"
    )
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with TemporaryDirectory() as tmp, database(args.db, Path(tmp)) as url:
        ctx = context(url, Path(tmp) / "data", free_port())
        bare_seconds, bare_lat = bare_baseline(args.n, args.rate)
        result = balagh_run(ctx, args.n, args.rate)
        workers = 1 if args.db == "sqlite" else ctx.settings.inbound_workers
        lat = result["latencies"]
        assert isinstance(lat, list)
        bare_rate = args.n / bare_seconds
        rate = args.n / float(result["seconds"])  # type: ignore[arg-type]
        print(f"machine: {machine()}")
        print(f"email, {args.db}, {args.n} mails over {CONNECTIONS} connections, "
              f"offered {'flat out' if not args.rate else f'{args.rate:g}/s'}, "
              f"{workers} inbound worker(s)")  # fmt: skip
        print(f"{'':<34}{'msg/s':>10}{'ratio':>8}{'ack p50 ms':>12}{'ack p99 ms':>12}")
        print(f"{'bare aiosmtpd (250 only)':<34}{bare_rate:>10.1f}{'1.00':>8}"
              f"{pct(bare_lat, .5):>12.1f}{pct(bare_lat, .99):>12.1f}")  # fmt: skip
        print(f"{'Balagh listener (store, 250)':<34}{rate:>10.1f}{rate / bare_rate:>8.2f}"
              f"{pct(lat, .5):>12.1f}{pct(lat, .99):>12.1f}")  # fmt: skip
        made = result["tickets"]
        e2e = float(result["end_to_end"])  # type: ignore[arg-type]
        print(f"end to end: {made:.0f} tickets in {e2e:.1f} s = {made / e2e:.1f} tickets/s; "
              f"last ticket {float(result['after_last_ack']):.1f} s after the last 250")  # type: ignore[arg-type]  # fmt: skip
        if args.profile:
            profile(ctx, min(args.n, 300))
        ctx.engine.dispose()


if __name__ == "__main__":
    main()
