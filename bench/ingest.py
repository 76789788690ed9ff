"""Intake under a burst, per channel: acknowledged msg/s against the bare transport, and tickets/s.

In one run, on loopback, N messages to (1) the bare transport and (2) Balagh's channel with
its inbound pipeline and the real routing model:
- email: 4 SMTP connections to a bare aiosmtpd handler answering 250, then to the listener;
- web: 4 HTTP clients, each opening the form (GET) and posting it (POST, the timed part), to
  a bare Flask route under the same waitress server, then to the citizen form;
- telegram: updates queued on the tests' fake Bot API (tests/telegram_fake.py), fetched by
  a bare python-telegram-bot Application polling with a handler that does nothing, then by
  Balagh's bot; an update is acknowledged when a getUpdates moves the offset past it.
Optionally paced at `--rate` msg/s. Prints the acknowledged msg/s and its ratio to the bare
baseline, ack latency p50/p99, and end to end: tickets/s (stored, threaded, routed,
duplicates, acknowledgement queued) and the time from the last acknowledgement to the last
ticket, and the records' statuses with how many were processed twice; this process's CPU per
message during the burst, and how much of it the inbound workers' threads spent and how much
every other thread (the transport and the store: the ack path's own). The email and web
clients run in a process of their own (the load generator), so the server under test shares
its GIL with nobody but itself; the fake Bot API stays in this process.
`--worker-processes N` (PostgreSQL) runs the listener with no workers in its process
(BALAGH_INBOUND_WORKERS=0 there) and N real `balagh worker` processes, woken by NOTIFY, whose
couriers deliver the acknowledgements to a relay sink in another process; `--worker-nice K`
starts them under `nice -n K`. `--profile` then stores N more mails and processes them on
this thread under pyinstrument, printing the top of the profile. Prints the machine;
asserts nothing.

    .venv/bin/python bench/ingest.py --channel email|web|telegram --db postgresql -n 1000 [--rate 100]
    .venv/bin/python bench/ingest.py --db postgresql -n 1000 --worker-processes 2 [--worker-nice 10]
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import platform
import signal
import smtplib
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, TypeVar

from aiosmtpd.controller import Controller
from sqlalchemy import func, select

# The tree this script sits in first: run as a script, only bench/ is on the path, and
# `balagh`, `core` and `channels` came from the venv's editable install (/work/main's tree),
# so another tree's run measured main's listener and in-process workers (its `balagh worker`
# processes got this tree through PYTHONPATH) and failed at start-up where their migrations
# differ.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

T = TypeVar("T")
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


class Clients:
    """The load generator in a process of its own (spawned, not forked: the server side has
    threads), so the server under test does not share a GIL with the clients it answers."""

    def __init__(self) -> None:
        self.pool = multiprocessing.get_context("spawn").Pool(1)
        self.pool.apply(int)  # started and imported before anything is timed

    def run(self, function: Callable[..., T], *args: Any) -> T:
        return self.pool.apply(function, args)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


CLIENTS: list[Clients] = []  # the one load-generator process, started by main


def apart(function: Callable[..., T], *args: Any) -> T:
    """Run a burst in the load-generator process (started on first use)."""
    if not CLIENTS:
        CLIENTS.append(Clients())
    return CLIENTS[0].run(function, *args)


class Bare:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 2.0.0 OK"


def bare_baseline(count: int, rate: float | None) -> tuple[float, list[float]]:
    port = free_port()
    controller = Controller(Bare(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        return apart(send_burst, port, count, rate, uuid.uuid4().hex)
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


def bench_settings(url: str, data_dir: Path, **overrides: Any) -> Any:
    """The settings every bench context shares (this script's and ack_path.py's)."""
    from core.settings import Settings

    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=data_dir,
        database_url=url,
        secret_key="bench",
        mail_domains="balagh.bench",
        mail_address="1111@balagh.bench",
        **overrides,
    )


def context(url: str, data_dir: Path, smtp_port: int) -> Any:
    from balagh.dbmigrate import upgrade
    from balagh.serve import prepare_router
    from balagh.wiring import build_context
    from core.outbound import CollectingSender, SenderRegistry

    upgrade(url)
    senders = SenderRegistry()
    senders.register("email", CollectingSender())  # the relay is not what is measured
    settings = bench_settings(
        url,
        data_dir,
        smtp_port=smtp_port,
        web_port=free_port(),
        web_report_rate_limit="100000 per minute",  # one client address sends everything
        web_attempt_rate_limit="100000 per minute",
        telegram_token=TG_TOKEN,
    )
    ctx = build_context(settings, senders=senders)
    prepare_router(ctx)
    return ctx


class WorkerProcesses:
    """`count` real `balagh worker` processes (the CLI) on the bench's database and data
    directory (the model built there is loaded), started at `nice` (0: the same priority as
    the listener), and a relay sink in a process of its own for the acknowledgements their
    couriers send. Ready once each has its LISTEN in place."""

    def __init__(self, ctx: Any, count: int, nice: int) -> None:
        settings = ctx.settings
        relay = free_port()
        self.sink = multiprocessing.get_context("spawn").Process(
            target=relay_sink, args=(relay,), daemon=True
        )
        self.sink.start()
        env = {
            **os.environ,
            "BALAGH_DATABASE_URL": str(ctx.engine.url.render_as_string(hide_password=False)),
            "BALAGH_DATA_DIR": str(settings.data_dir),
            "BALAGH_SECRET_KEY": settings.secret_key,
            "BALAGH_MAIL_DOMAINS": settings.mail_domains,
            "BALAGH_MAIL_ADDRESS": settings.mail_address,
            "BALAGH_RELAY_HOST": "127.0.0.1",
            "BALAGH_RELAY_PORT": str(relay),
            "BALAGH_INBOUND_WORKERS": str(settings.inbound_workers),
            "BALAGH_LOG_LEVEL": "WARNING",
        }
        command = [sys.executable, "-m", "balagh", "worker"]
        if nice:
            command = ["nice", "-n", str(nice), *command]
        root = Path(__file__).resolve().parent.parent
        env["PYTHONPATH"] = str(root)
        self.procs = [
            subprocess.Popen(command, env=env, cwd=settings.data_dir.parent) for _ in range(count)
        ]
        self._wait_listening(ctx, count)

    def _wait_listening(self, ctx: Any, count: int, timeout: float = 300) -> None:
        from sqlalchemy import text

        deadline = time.monotonic() + timeout
        query = text(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND query = 'LISTEN balagh_inbound'"
        )
        while time.monotonic() < deadline:
            if any(proc.poll() is not None for proc in self.procs):
                raise RuntimeError("a balagh worker exited at start-up")
            with ctx.engine.connect() as conn:
                if conn.execute(query).scalar_one() >= count:
                    return
            time.sleep(0.2)
        raise RuntimeError("the balagh workers did not start listening in time")

    def cpu_seconds(self) -> float:
        """The worker processes' CPU so far (user + system, /proc; Linux only)."""
        ticks, total = os.sysconf("SC_CLK_TCK"), 0.0
        for proc in self.procs:
            try:
                with open(f"/proc/{proc.pid}/stat") as stat:
                    fields = stat.read().rpartition(")")[2].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def stop(self) -> None:
        for proc in self.procs:
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.sink.terminate()
        self.sink.join(10)


def relay_sink(port: int) -> None:
    """The relay the worker processes' couriers deliver to: answers 250, keeps nothing."""
    controller = Controller(Bare(), hostname="127.0.0.1", port=port)
    controller.start()
    threading.Event().wait()


def tickets(ctx: Any) -> int:
    from core.models import Ticket

    with ctx.sessions() as session:
        return int(session.execute(select(func.count()).select_from(Ticket)).scalar_one())


def outcome(ctx: Any) -> str:
    """Inbound records per status, and whether any became two messages (processed twice)."""
    from core.models import Direction, InboundRecord, Message

    with ctx.sessions() as session:
        statuses = dict(
            session.execute(
                select(InboundRecord.status, func.count()).group_by(InboundRecord.status)
            ).all()
        )
        twice = session.execute(
            select(func.count()).select_from(
                select(Message.inbound_record_id)
                .where(Message.direction == Direction.IN)
                .group_by(Message.inbound_record_id)
                .having(func.count() > 1)
                .subquery()
            )
        ).scalar_one()
    shown = ", ".join(f"{status} {count}" for status, count in sorted(statuses.items()))
    return f"records: {shown}; processed twice: {twice}"


def balagh_run(
    ctx: Any, channel: str, count: int, rate: float | None, procs: WorkerProcesses | None = None
) -> dict[str, float | list[float] | dict[str, float]]:
    """The channel's burst against Balagh, then the wait for the last ticket; `whole_cpu`:
    the server's CPU from the burst's start to the last ticket, every process of it (this
    one and the worker processes)."""
    from core.intake.pipeline import start_pipeline, stop_pipeline

    def whole() -> float:
        return cpu_seconds() + (procs.cpu_seconds() if procs is not None else 0.0)

    before = tickets(ctx)
    start_pipeline(ctx)  # as `balagh serve`'s inbound component does
    try:
        started, cpu, threads, whole_cpu = time.perf_counter(), cpu_seconds(), ThreadCpu(), whole()
        db_cpu, client_cpu, busy = database_cpu(ctx), apart(cpu_seconds), machine_busy()
        seconds, latencies = CHANNELS[channel][1](ctx, count, rate)
        acked, cpu, roles = time.perf_counter(), cpu_seconds() - cpu, threads.stop()
        client_cpu = apart(cpu_seconds) - client_cpu
        cpu -= roles.pop("sampler")
        while tickets(ctx) < before + count and time.perf_counter() - acked < 1800:
            time.sleep(0.05)
        done, whole_cpu = time.perf_counter(), whole() - whole_cpu
        db_cpu = database_cpu(ctx) - db_cpu
        busy = tuple(b - a for a, b in zip(busy, machine_busy(), strict=True))  # type: ignore[assignment]
    finally:
        stop_pipeline(ctx)
    return {
        "db_cpu": db_cpu,
        "client_cpu": client_cpu,
        "machine_busy": busy[0] / busy[1] if busy[1] else 0.0,
        "whole_cpu": whole_cpu,
        "seconds": seconds,
        "latencies": latencies,
        "end_to_end": done - started,
        "after_last_ack": done - acked,
        "tickets": float(tickets(ctx) - before),
        "cpu": cpu,
        "roles": roles,
    }


def cpu_seconds() -> float:
    """CPU time of this process (the server under test), all its threads."""
    times = os.times()
    return times.user + times.system


def database_cpu(ctx: Any) -> float:
    """CPU seconds (user and system) the PostgreSQL backends serving the bench's scratch
    database have used so far, from /proc (the server runs on this machine and its cores:
    its share of a ticket counts as much as ours); 0.0 on SQLite or where /proc cannot tell.
    Backends that ended meanwhile (a pool's connection closed) are not counted."""
    name = ctx.engine.url.database
    if ctx.engine.dialect.name != "postgresql" or not name:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].split()
            if command[:1] != [b"postgres:"] or name.encode() not in command:
                continue  # not a backend of the scratch database
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile, or not ours to read
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, every core (/proc/stat): how
    much of the two cores anything used during a run (other helpers' work included)."""
    try:
        with open("/proc/stat") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return 0.0, 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values) - idle) / ticks, sum(values) / ticks


WORKER_THREADS = ("inbound-",)  # the pipeline's workers and preparer (core.intake.pipeline)


class ThreadCpu:
    """This process's CPU per thread during a burst, summed by role: the inbound pipeline's
    threads (workers, preparer) and every other one (the transport, its executor threads,
    the store). Read from /proc/self/task every 0.1 s, so a thread that ends during the burst
    (the listener's own, stopped with it) still counts up to its last reading (Linux only;
    elsewhere empty)."""

    def __init__(self) -> None:
        self.first = self._read()
        self.last = dict(self.first)
        self.names = {t.native_id: t.name for t in threading.enumerate()}
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._run, name="bench-thread-cpu", daemon=True)
        self._sampler.start()

    @staticmethod
    def _read() -> dict[int, float]:
        ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        seconds: dict[int, float] = {}
        try:
            tids = os.listdir("/proc/self/task")
        except OSError:
            return seconds
        for tid in tids:
            try:
                with open(f"/proc/self/task/{tid}/stat") as stat:
                    fields = stat.read().rpartition(")")[2].split()
            except OSError:  # ended meanwhile
                continue
            seconds[int(tid)] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        return seconds

    def _sample(self) -> None:
        self.names.update({t.native_id: t.name for t in threading.enumerate()})
        self.last.update(self._read())

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._sample()

    def stop(self) -> dict[str, float]:
        """CPU seconds during the burst by role: "workers", "listener", and "sampler" (this
        reading's own, which the caller takes out of the process's figure)."""
        self._stop.set()
        self._sampler.join()
        self._sample()
        roles = {"workers": 0.0, "listener": 0.0, "sampler": 0.0}
        for tid, seconds in self.last.items():
            name = self.names.get(tid, "")
            role = "workers" if name.startswith(WORKER_THREADS) else "listener"
            if name == self._sampler.name:
                role = "sampler"
            roles[role] += seconds - self.first.get(tid, 0.0)
        return roles


def timed_cpu(
    run: Callable[..., tuple[float, list[float]]], *args: Any
) -> tuple[float, list[float], float]:
    """The bare baseline's burst, with this process's CPU seconds during it."""
    cpu = cpu_seconds()
    seconds, latencies = run(*args)
    return seconds, latencies, cpu_seconds() - cpu


def email_run(ctx: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    from channels.email.listener import SmtpListener

    listener = SmtpListener(ctx)
    try:
        return apart(send_burst, ctx.settings.smtp_port, count, rate, uuid.uuid4().hex)
    finally:
        listener.stop()


# -- web: GET the form, POST it (timed) ----------------------------------------------------

FIELD_RE = r'name="{name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{name}"'


def hidden(page: str, name: str) -> str:
    import re

    found = re.search(FIELD_RE.format(name=name), page)
    if found is None:
        raise RuntimeError(f"no {name} on the form page")
    return found.group(1) or found.group(2)


def post_burst(base: str, count: int, rate: float | None) -> tuple[float, list[float]]:
    """`count` form posts from CONNECTIONS clients; (seconds, per-POST latencies)."""
    import httpx

    latencies: list[float] = []
    lock = threading.Lock()
    share = [list(range(i, count, CONNECTIONS)) for i in range(CONNECTIONS)]
    started = time.perf_counter()

    def client(numbers: list[int]) -> None:
        mine = []
        with httpx.Client(base_url=base, timeout=120) as http:
            for k, n in enumerate(numbers):
                if rate:
                    wait = started + (k * CONNECTIONS) / rate - time.perf_counter()
                    if wait > 0:
                        time.sleep(wait)
                page = http.get("/report?lang=ar").text
                form = {
                    "csrf_token": hidden(page, "csrf_token"),
                    "submission": hidden(page, "submission"),
                    "description": f"{TEXTS[n % len(TEXTS)]} ({n})",
                }
                t0 = time.perf_counter()
                answer = http.post("/report", data=form)
                mine.append(time.perf_counter() - t0)
                if answer.status_code != 200:
                    raise RuntimeError(f"POST /report answered {answer.status_code}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(s,)) for s in share]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies


def served(app: Any, settings: Any) -> Any:
    """The app under Balagh's waitress server in a thread; returns the server."""
    from channels.web.server import make_server

    server = make_server(app, settings)
    threading.Thread(target=server.run, daemon=True).start()
    return server


def bare_web(ctx: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    from flask import Flask

    app = Flask("bare")
    page = '<input name="csrf_token" value="x"><input name="submission" value="y">'
    app.add_url_rule("/report", "form", lambda: page)
    app.add_url_rule("/report", "post", lambda: "received", methods=["POST"])
    server = served(app, ctx.settings)
    try:
        return apart(post_burst, f"http://127.0.0.1:{server.effective_port}", count, rate)
    finally:
        server.stop()


def web_run(ctx: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    from balagh.wiring import web_app

    server = served(web_app(ctx), ctx.settings)
    try:
        return apart(post_burst, f"http://127.0.0.1:{server.effective_port}", count, rate)
    finally:
        server.stop()


# -- telegram: updates on the fake Bot API, acknowledged by the next getUpdates offset ----

TG_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"


def fake_bot_api() -> Any:
    """The tests' fake Bot API, noting when each update was confirmed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.telegram_fake import FakeBotApi

    class TimedBotApi(FakeBotApi):
        def __init__(self) -> None:
            super().__init__(TG_TOKEN)
            self.pushed: dict[int, float] = {}
            self.confirmed: dict[int, float] = {}

        def _m_getUpdates(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
            offset, now = int(params.get("offset") or 0), time.perf_counter()
            with self._cond:
                for update in self.pending:
                    if update["update_id"] < offset:
                        self.confirmed.setdefault(update["update_id"], now)
            return super()._m_getUpdates(params, files)

    return TimedBotApi()


def update(n: int, run: str) -> dict[str, Any]:
    user = {"id": 10_000 + n, "is_bot": False, "first_name": f"Citizen {n}"}
    return {
        "message": {
            "message_id": n + 1,
            "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private"},
            "from": user,
            "text": f"{TEXTS[n % len(TEXTS)]} ({run[:6]} {n})",
        }
    }


def push_burst(api: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    """Queue `count` updates (paced at `rate`); wait until all are confirmed."""
    run, started = uuid.uuid4().hex, time.perf_counter()
    for n in range(count):
        if rate:
            wait = started + n / rate - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
        api.pushed[api.push(update(n, run))] = time.perf_counter()
    while len(api.confirmed) < count and time.perf_counter() - started < 1800:
        time.sleep(0.01)
    latencies = [api.confirmed[i] - t for i, t in api.pushed.items() if i in api.confirmed]
    return max(api.confirmed.values()) - started, latencies


def bare_telegram(ctx: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    from telegram.ext import Application, MessageHandler, filters

    from channels.telegram.loop import LoopThread

    async def nothing(update: Any, context: Any) -> None:
        return None

    api = fake_bot_api()
    app = (
        Application.builder()
        .token(TG_TOKEN)
        .base_url(f"{api.url}/bot")
        .base_file_url(f"{api.url}/file/bot")
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, nothing))
    loop = LoopThread("bare-telegram")

    async def start() -> None:
        await app.initialize()
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=2)

    async def stop() -> None:
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    loop.run(start(), timeout=60)
    try:
        return push_burst(api, count, rate)
    finally:
        loop.run(stop(), timeout=60)
        loop.stop()
        api.close()


def telegram_run(ctx: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    from channels.telegram.runtime import TelegramPolling, TelegramRuntime
    from channels.telegram.sender import TelegramSender

    api = fake_bot_api()
    ctx.settings.telegram_api_url = api.url
    sender = TelegramSender(TG_TOKEN, api.url)  # acknowledgements go out to the fake API
    ctx.senders.register("telegram", sender)
    polling = TelegramPolling(TelegramRuntime(ctx), poll_timeout=2).start()
    try:
        return push_burst(api, count, rate)
    finally:
        polling.stop()
        sender.close()
        api.close()


def bare_email(ctx: Any, count: int, rate: float | None) -> tuple[float, list[float]]:
    return bare_baseline(count, rate)


CHANNELS = {
    "email": ("bare aiosmtpd (250 only)", email_run, bare_email, "Balagh listener (store, 250)"),
    "web": ("bare Flask route, waitress", web_run, bare_web, "Balagh form (store, page)"),
    "telegram": ("bare PTB handler, polling", telegram_run, bare_telegram, "Balagh bot (store)"),
}


def profile(ctx: Any, count: int) -> None:
    """Store `count` mails, then process them all on this thread under pyinstrument, in
    batches as the workers do; prints statements per record and CPU per record too."""
    from pyinstrument import Profiler
    from sqlalchemy import event

    from channels.email.intake import receive
    from core.intake.ingest import process_batch

    run = uuid.uuid4().hex
    for n in range(count):
        receive(ctx, mail(n, run).as_bytes(), f"citizen{n}@example.org", ("1111@balagh.bench",))
    statements = [0]

    def counted(*_: Any) -> None:
        statements[0] += 1

    event.listen(ctx.engine, "before_cursor_execute", counted)
    profiler = Profiler(interval=0.001)
    profiler.start()
    started, cpu = time.perf_counter(), time.process_time()
    processed = 0
    while batch := process_batch(ctx).claimed:
        processed += len(batch)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    profiler.stop()
    event.remove(ctx.engine, "before_cursor_execute", counted)
    each = max(1, processed)
    print(f"\nprofile: {processed} records processed on one thread in {seconds:.1f} s"
          f" ({processed / seconds:.1f}/s, {seconds / each * 1000:.1f} ms each,"
          f" CPU {cpu / each * 1000:.1f} ms each under the profiler,"
          f" {statements[0] / each:.1f} statements each)")  # fmt: skip
    print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--channel", choices=sorted(CHANNELS), default="email")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument(
        "--rate", type=float, default=None, help="offered msg/s (default: flat out)"
    )
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--worker-processes",
        type=int,
        default=0,
        metavar="N",
        help="PostgreSQL: no workers in the listener's process; N `balagh worker` processes",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=0,
        metavar="K",
        help="start the worker processes under `nice -n K` (default 0)",
    )
    args = parser.parse_args()
    if args.worker_processes and args.db != "postgresql":
        parser.error("--worker-processes needs --db postgresql (LISTEN/NOTIFY, row locks)")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the fake Bot API's request lines
    bare_name, _, bare_run, balagh_name = CHANNELS[args.channel]
    load_at_start = os.getloadavg()[0]
    CLIENTS.append(Clients())
    with TemporaryDirectory() as tmp, database(args.db, Path(tmp)) as url:
        ctx = context(url, Path(tmp) / "data", free_port())
        workers = 1 if args.db == "sqlite" else ctx.settings.inbound_workers
        layout = f"{workers} inbound worker(s) in the listener's process"
        procs = None
        if args.worker_processes:
            procs = WorkerProcesses(ctx, args.worker_processes, args.worker_nice)
            ctx.settings.inbound_workers = 0  # this process only stores and acknowledges
            layout = (
                f"no worker in the listener's process; {args.worker_processes} `balagh worker`"
                f" process(es) of {workers} worker(s)"
                + (f" at nice {args.worker_nice}" if args.worker_nice else "")
            )
        try:
            bare_seconds, bare_lat, bare_cpu = timed_cpu(bare_run, ctx, args.n, args.rate)
            result = balagh_run(ctx, args.channel, args.n, args.rate, procs)
        finally:
            if procs is not None:
                procs.stop()
        lat = result["latencies"]
        assert isinstance(lat, list)
        bare_rate = args.n / bare_seconds
        rate = args.n / float(result["seconds"])  # type: ignore[arg-type]
        print(f"machine: {machine()}, load average {load_at_start:.1f} at the start,"
              f" {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
        print(f"{args.channel}, {args.db}, {args.n} messages, "
              f"offered {'flat out' if not args.rate else f'{args.rate:g}/s'}, "
              f"{layout}")  # fmt: skip
        cpu = float(result["cpu"])  # type: ignore[arg-type]
        print(f"{'':<34}{'msg/s':>10}{'ratio':>8}{'ack p50 ms':>12}{'ack p99 ms':>12}"
              f"{'CPU ms/msg':>12}")  # fmt: skip
        print(f"{bare_name:<34}{bare_rate:>10.1f}{'1.00':>8}"
              f"{pct(bare_lat, .5):>12.1f}{pct(bare_lat, .99):>12.1f}"
              f"{bare_cpu / args.n * 1000:>12.2f}")  # fmt: skip
        print(f"{balagh_name:<34}{rate:>10.1f}{rate / bare_rate:>8.2f}"
              f"{pct(lat, .5):>12.1f}{pct(lat, .99):>12.1f}{cpu / args.n * 1000:>12.2f}")  # fmt: skip
        print("CPU ms/msg: this process's CPU (every thread) during the burst, per message;"
              " with workers in this process it includes theirs")  # fmt: skip
        roles = result["roles"]
        assert isinstance(roles, dict)
        print(f"  of which the inbound workers' threads {roles['workers'] / args.n * 1000:.2f},"
              f" every other thread (the transport, the store) {roles['listener'] / args.n * 1000:.2f}")  # fmt: skip
        made = float(result["tickets"])  # type: ignore[arg-type]
        e2e = float(result["end_to_end"])  # type: ignore[arg-type]
        print(f"end to end: {made:.0f} tickets in {e2e:.1f} s = {made / e2e:.1f} tickets/s; "
              f"last ticket {float(result['after_last_ack']):.1f} s after the last acknowledgement")  # type: ignore[arg-type]  # fmt: skip
        whole = float(result["whole_cpu"])  # type: ignore[arg-type]
        print(f"CPU ms per ticket, every process of the server (the listener's"
              f"{' and the worker processes' if procs else ''}), burst to last ticket:"
              f" {whole / max(made, 1) * 1000:.2f}")  # fmt: skip
        db = float(result["db_cpu"])  # type: ignore[arg-type]
        client = float(result["client_cpu"])  # type: ignore[arg-type]
        print(f"  beside it: PostgreSQL's backends {db / max(made, 1) * 1000:.2f} ms per ticket"
              f" (burst to last ticket), the load generator {client / args.n * 1000:.2f} ms per"
              f" message (its burst); the machine's cores {float(result['machine_busy']):.0%} busy"
              " from the burst's start to the last ticket (everything running on it)")  # type: ignore[arg-type]  # fmt: skip
        print(outcome(ctx))
        if args.profile:
            profile(ctx, min(args.n, 300))
        ctx.engine.dispose()
    CLIENTS[0].close()


if __name__ == "__main__":
    main()
