"""Does the cost of a message, the inbox and the stats stay flat as tickets pile up?

For each size (`--tickets 10000,100000,1000000`), on a scratch PostgreSQL database: a
generator writes that many realistic tickets (a year of reports over Muscat, every status,
one citizen message and one event each, contacts with Telegram identities, search text,
trigram features for the last 7 days' tickets, the only ones duplicate suggestion reads)
with COPY; then it times, p50/p95:
- processing one new citizen message end to end (store, thread, route with the real model,
  duplicates, incident, acknowledgement queued), new senders and replies; a new message is
  timed in turns with one on an empty scratch database, so the target's ratio (this size
  against none) is not the drift of a shared machine's load between sizes;
- through the JSON API (Flask test client, bearer token): a department officer's queue,
  the unfiltered list, a search, and `GET /stats`.
Sizes grow on one database (10k, then 90k more, ...). Prints a table and the machine;
asserts nothing; not part of the test run.

    .venv/bin/python bench/scale.py --tickets 10000,100000,1000000 [--samples 40]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _scratch import scratch_database  # noqa: E402

from balagh.dbmigrate import upgrade  # noqa: E402

CHANNELS = ("telegram", "email", "web")
STATUSES = ("new", "triaged", "assigned", "awaiting_citizen", "resolved", "closed", "reopened")
WEIGHTS = (3, 3, 10, 2, 10, 70, 2)
TEXTS = {
    "road_damage": "حفرة كبيرة في الشارع قرب {place} تسببت في أضرار للسيارات",
    "water_leak": "Water pipe burst near {place}, the street is flooding",
    "street_lighting": "أعمدة الإنارة مطفأة في {place} منذ أسبوع",
    "waste_collection": "القمامة ما تجمعت من ثلاث أيام في {place}",
    "stray_animals": "Stray dogs near the school in {place}, children are scared",
}
PLACES = ("الخوض", "العامرات", "بوشر", "مطرح", "السيب", "Al Khuwair", "Qurum", "Ruwi", "Ghubra")
TICKET_COLUMNS = (
    "reference, secret, status, priority, urgent, directorate, category, language, channel,"
    " contact_id, assignee_id, lat, lon, geo_cell, text_features, subject, search_text,"
    " created_at, updated_at, due_at, first_response_at, resolved_at, closed_at,"
    " reopen_count, public"
)


def machine() -> str:
    return (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )


def generate(url: str, start: int, count: int, now: datetime, seed: int) -> float:
    """COPY `count` more tickets (numbered from `start`) with their contact, message, event."""
    if count <= 0:
        return 0.0
    from core.geogrid import grid_cell
    from core.language.normalize import normalize_arabic
    from core.routing.similarity import text_features
    from core.routing.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(None)
    categories = {c.code: (c.directorate, c.sla_hours) for c in taxonomy.categories}
    codes = [code for code in TEXTS if code in categories] or list(categories)
    rng = random.Random(seed + start)
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        officers = [
            row[0] for row in conn.execute("SELECT id FROM \"user\" WHERE role='department'")
        ]
        first_contact = _next_id(conn, "contact")
        contacts = max(1, count // 2)
        with conn.cursor().copy("COPY contact (id, name, created_at) FROM STDIN") as copy:
            for n in range(contacts):
                copy.write_row((first_contact + n, f"مواطن {start + n}", now))
        with conn.cursor().copy(
            "COPY contact_identity (contact_id, channel, address, unreachable, created_at)"
            " FROM STDIN"
        ) as copy:
            for n in range(contacts):
                copy.write_row((first_contact + n, "telegram", f"9{start + n:09d}", False, now))
        first_ticket = _next_id(conn, "ticket")
        texts: list[tuple[str, str]] = []
        with conn.cursor().copy(f"COPY ticket (id, {TICKET_COLUMNS}) FROM STDIN") as copy:
            for n in range(count):
                code = rng.choice(codes)
                directorate, sla = categories[code]
                created = now - timedelta(seconds=rng.randrange(365 * 86400))
                text = TEXTS.get(code, "بلاغ عن مشكلة في {place}").format(place=rng.choice(PLACES))
                text = f"{text} ({start + n})"
                status = rng.choices(STATUSES, WEIGHTS)[0]
                lat, lon = 23.5 + rng.random() * 0.2, 58.2 + rng.random() * 0.4
                recent = now - created <= timedelta(days=7)
                done = status in ("resolved", "closed")
                resolved = created + timedelta(hours=rng.expovariate(1 / 40)) if done else None
                copy.write_row((
                    first_ticket + n, f"MCT-{start + n + 1:07d}", uuid.uuid4().hex, status,
                    "normal", rng.random() < 0.03, directorate, code, "ar", rng.choice(CHANNELS),
                    first_contact + n % contacts,
                    rng.choice(officers) if status not in ("new", "triaged") else None,
                    lat, lon, grid_cell(lat, lon),
                    json.dumps(text_features(text), ensure_ascii=False) if recent else None,
                    text[:80], f"mct-{start + n + 1:07d} {normalize_arabic(text)}",
                    created, created,
                    created + timedelta(hours=sla) if status not in ("new", "triaged") else None,
                    created + timedelta(hours=rng.expovariate(1 / 6)), resolved,
                    resolved + timedelta(hours=2) if status == "closed" and resolved else None,
                    1 if status == "reopened" else 0, False,
                ))  # fmt: skip
                texts.append((text, created.isoformat()))
        with conn.cursor().copy(
            "COPY message (ticket_id, direction, channel, text, kind, created_at) FROM STDIN"
        ) as copy:
            for n, (text, created) in enumerate(texts):
                copy.write_row((first_ticket + n, "in", "telegram", text, "message", created))
        with conn.cursor().copy(
            "COPY event (ticket_id, actor, kind, data, created_at) FROM STDIN"
        ) as copy:
            for n, (_, created) in enumerate(texts):
                copy.write_row((first_ticket + n, "system", "created", "{}", created))
        for table in ("contact", "ticket"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        # The bulk load's dirty pages written now, not by a checkpoint that slows every
        # commit of the measurement after it.
        conn.execute("CHECKPOINT")
    return time.perf_counter() - started


def _next_id(conn: psycopg.Connection[Any], table: str) -> int:
    row = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
    return int(row[0]) if row else 1


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered) * 1000:8.1f} {p95 * 1000:8.1f}"


def timed(run: Callable[[], object], samples: int) -> list[float]:
    run()  # warm caches once, as a running service would be
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def timed_pair(
    run: Callable[[], object], other: Callable[[], object], samples: int
) -> tuple[list[float], list[float]]:
    """Both timed in turns (one then the other, then the other way round), so a shared
    machine's busy spells slow both alike and their ratio holds."""
    run()
    other()
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(samples):
        order = ((run, times[0]), (other, times[1]))
        for call, into in order if n % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            call()
            into.append(time.perf_counter() - started)
    return times


class Harness:
    """A Balagh context with the real routing model and an API client on the database."""

    def __init__(self, url: str, data_dir: Path) -> None:
        from sqlalchemy import select

        from balagh.wiring import build_context, web_app
        from core.models import User
        from core.outbound import CollectingSender, SenderRegistry
        from core.settings import Settings
        from core.staff.accounts import add_user, issue_token

        senders = SenderRegistry()
        for channel in ("telegram", "email", "web"):
            senders.register(channel, CollectingSender())
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            data_dir=data_dir,
            database_url=url.replace("postgresql://", "postgresql+psycopg://"),
            secret_key="bench",
            public_url="http://balagh.bench",
        )
        self.ctx = build_context(settings, senders=senders)
        self.ctx.router.prepare()  # type: ignore[attr-defined]
        directorates = [d.code for d in self.ctx.taxonomy.directorates]
        with self.ctx.sessions() as session, session.begin():
            admin = session.execute(
                select(User).where(User.email == "admin@bench.om")
            ).scalar_one_or_none() or add_user(
                session, "admin@bench.om", "admin", password=None, directorates=directorates
            )
            officer = session.execute(
                select(User).where(User.email == "officer@bench.om")
            ).scalar_one_or_none() or add_user(
                session,
                "officer@bench.om",
                "department",
                password=None,
                directorate="roads" if "roads" in directorates else directorates[0],
                directorates=directorates,
            )
            for n in range(20):
                if session.execute(
                    select(User).where(User.email == f"officer{n}@bench.om")
                ).first():
                    continue  # a kept database measured again (--url)
                add_user(
                    session,
                    f"officer{n}@bench.om",
                    "department",
                    password=None,
                    directorate=directorates[n % len(directorates)],
                    directorates=directorates,
                )
            self.admin_token = issue_token(session, admin)
            self.officer_token = issue_token(session, officer)
        self.client = web_app(self.ctx).test_client()
        self.sent = 0
        # Senders, message ids and places unique to this harness: a kept database measured
        # again (--url) would otherwise take every message for one it already has and skip it,
        # or, within the incident window, put each report beside its twin of the last run.
        self.run = uuid.uuid4().hex[:8]

    def api(self, path: str, token: str) -> None:
        answer = self.client.get(path, headers={"Authorization": f"Bearer {token}"})
        if answer.status_code != 200:
            raise RuntimeError(
                f"{path}: {answer.status_code} {answer.get_data(as_text=True)[:200]}"
            )

    def message(self, reply: bool) -> None:
        from core.inbound import InboundMessage, Location
        from core.intake.ingest import ingest

        self.sent += 1
        sender = f"bench-{self.run}-" + ("repeat" if reply else str(self.sent))
        rng = random.Random(f"{self.run}:{self.sent}")
        code = rng.choice(list(TEXTS))
        ingest(
            self.ctx,
            InboundMessage(
                channel="telegram",
                sender=sender,
                text=TEXTS[code].format(place=rng.choice(PLACES)),
                external_id=f"{sender}:{self.sent}",
                location=Location(23.5 + rng.random() * 0.2, 58.2 + rng.random() * 0.4),
            ),
        )


NEW_MESSAGE = "process a new citizen's message"
BESIDE = "  the same on an empty database, in turns"


def measure(h: Harness, samples: int, empty: Harness) -> dict[str, list[float]]:
    """Each figure at this size; a new message also on the empty database, in turns."""
    sized, none = timed_pair(
        lambda: h.message(reply=False), lambda: empty.message(reply=False), samples
    )
    return {
        NEW_MESSAGE: sized,
        BESIDE: none,
        "process a reply on an open ticket": timed(lambda: h.message(reply=True), samples),
        "API: an officer's queue (assigned)": timed(
            lambda: h.api("/api/v1/tickets?queue=assigned_to_me", h.officer_token), samples
        ),
        "API: unfiltered list": timed(lambda: h.api("/api/v1/tickets", h.admin_token), samples),
        "API: search 'water'": timed(
            lambda: h.api("/api/v1/tickets?q=water", h.admin_token), samples
        ),
        "API: GET /stats": timed(
            lambda: h.api("/api/v1/stats", h.admin_token), max(5, samples // 4)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tickets", default="10000,100000,1000000")
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--url", help="measure this database, already generated (--keep)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.tickets.split(",")]
    print(f"machine: {machine()}")
    with (
        scratch_database("balagh_scale_empty") as empty_database,
        TemporaryDirectory() as tmp,
    ):
        print(f"PostgreSQL {empty_database.server_version}", flush=True)
        empty = Harness(empty_database.url, Path(tmp) / "empty")
        if args.url:
            remeasure(args.url, args.samples, empty)
        else:
            with scratch_database("balagh_scale", keep=args.keep) as database:
                print(f"scratch database {database.name}", flush=True)
                grow(database.url, sizes, args.samples, empty, Path(tmp))
        empty.ctx.engine.dispose()


def grow(url: str, sizes: list[int], samples: int, empty: Harness, tmp: Path) -> None:
    """Generate up to each size in turn and measure there."""
    rows: list[tuple[int, dict[str, list[float]], float]] = []
    harness = Harness(url, tmp / "sized")
    loaded = 0
    now = datetime.now(UTC)
    for size in sizes:
        seconds = generate(url, loaded, size - loaded, now, seed=7)
        loaded = size
        print(f"generated up to {size:,} tickets (+{seconds:.0f} s)", flush=True)
        _rebuild_rollup(harness)
        figures = measure(harness, samples, empty)
        rows.append((size, figures, seconds))
        _print_size(size, figures)
    harness.ctx.engine.dispose()
    _print_table(rows)


def remeasure(url: str, samples: int, empty: Harness) -> None:
    """Measure a database kept from an earlier run, after bringing its schema up to date
    (new tables and indexes; the statistics rollup rebuilt and timed)."""
    from sqlalchemy import create_engine

    from core.models import Base

    upgrade(url.replace("postgresql://", "postgresql+psycopg://"))  # indexes on old tables
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        Base.metadata.create_all(conn)
    engine.dispose()
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM ticket").fetchone()
    size = int(row[0]) if row else 0
    with TemporaryDirectory() as tmp:
        harness = Harness(url, Path(tmp))
        _rebuild_rollup(harness)
        figures = measure(harness, samples, empty)
        harness.ctx.engine.dispose()
    _print_size(size, figures)
    _print_table([(size, figures, 0.0)])


def _rebuild_rollup(harness: Harness) -> None:
    """Tickets written by COPY bypass the rollup's hooks: rebuild it, and say how long."""
    try:
        from core.insights.rollup import rebuild
    except ImportError:
        return
    started = time.perf_counter()
    with harness.ctx.sessions() as session, session.begin():
        days = rebuild(session)
    print(f"statistics rollup rebuilt: {days} days in {time.perf_counter() - started:.1f} s")


def _print_size(size: int, figures: dict[str, list[float]]) -> None:
    print(f"\n{size:,} tickets                           p50 ms   p95 ms")
    for label, samples in figures.items():
        print(f"  {label:<38}{percentiles(samples)}", flush=True)


def _print_table(rows: list[tuple[int, dict[str, list[float]], float]]) -> None:
    if not rows:
        return
    labels = list(rows[0][1])
    print(f"\nmachine: {machine()}")
    print("p50 / p95 ms".ljust(40) + "".join(f"{size:>22,}" for size, _, _ in rows))
    for label in labels:
        cells = "".join(
            f"{percentiles(figures[label]).replace('  ', ' '):>22}" for _, figures, _ in rows
        )
        print(f"{label:<40}{cells}")
    base = statistics.median(rows[0][1][NEW_MESSAGE])
    last = statistics.median(rows[-1][1][NEW_MESSAGE])
    print(f"new message at {rows[-1][0]:,} vs {rows[0][0]:,} tickets: {last / base:.2f}x")
    for size, figures, _ in rows:  # the target's ratio, free of the load's drift between sizes
        ratio = statistics.median(figures[NEW_MESSAGE]) / statistics.median(figures[BESIDE])
        print(f"new message at {size:,} tickets vs an empty database, in turns: {ratio:.2f}x")


if __name__ == "__main__":
    main()
