"""Time the service-quality figures (core.insights.stats) at scale on PostgreSQL.

Creates a scratch database, loads N tickets spread over a year with COPY (realistic mix of
statuses, response and resolution times, due times, ratings, reopenings, corrections and
locations), then times `compute_stats` for the whole year grouped each way, the dashboard's
trend and map queries, and prints EXPLAIN ANALYZE of the main query. Prints figures and the
machine; asserts nothing. Not part of the test run.

    .venv/bin/python bench/stats.py [--tickets 1000000] [--keep] [--ends utc]

`--ends utc` asks for the year cut at UTC midnights (as an API caller passing
`start=2025-01-01T00:00:00Z` does): partial centre days at both ends.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.geogrid import grid_cell  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _scratch import scratch_database  # noqa: E402

YEAR_START = datetime(2025, 1, 1, tzinfo=UTC)
CHANNELS = ("telegram", "email", "web", "phone", "open311")
STATUSES = ("new", "triaged", "assigned", "awaiting_citizen", "resolved", "closed", "reopened")
WEIGHTS = (3, 3, 10, 2, 10, 70, 2)
COLUMNS = (
    "reference, secret, status, priority, urgent, directorate, category, language, channel,"
    " contact_id, assignee_id, lat, lon, created_at, updated_at, due_at, first_response_at,"
    " resolved_at, closed_at, survey_sent_at, satisfaction, reopen_count, public, geo_cell,"
    " assigned_at"
)


def load(url: str, count: int, seed: int = 7) -> float:
    """Bulk-load `count` tickets with COPY; returns the seconds it took."""
    from core.routing.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(None)
    categories = [(c.code, c.directorate, c.sla_hours) for c in taxonomy.categories]
    rng = random.Random(seed)
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        contact = conn.execute(
            "INSERT INTO contact (created_at) VALUES (now()) RETURNING id"
        ).fetchone()
        staff = [
            conn.execute(
                'INSERT INTO "user" (email, name, password_hash, role, language, active,'
                " created_at) VALUES (%s, '', '', 'department', 'ar', true, now()) RETURNING id",
                (f"officer{i}@mct.om",),
            ).fetchone()[0]  # type: ignore[index]
            for i in range(40)
        ]
        with conn.cursor().copy(f"COPY ticket ({COLUMNS}) FROM STDIN") as copy:
            for n in range(count):
                copy.write_row(_row(rng, n, categories, staff, contact[0]))  # type: ignore[index]
        conn.execute(
            "INSERT INTO routing_correction (ticket_id, text, category, created_at)"
            " SELECT id, 'x', category, created_at FROM ticket WHERE id % 25 = 0"
        )
        conn.execute("ANALYZE")
    return time.perf_counter() - started


def build_rollup(url: str) -> None:
    """COPY bypasses the ORM hooks that keep the statistics rollup: build it, timed."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from core.insights.rollup import rebuild

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    started = time.perf_counter()
    with Session(engine) as session, session.begin():
        days = rebuild(session)
    print(f"statistics rollup built: {days} days in {time.perf_counter() - started:.1f} s")
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*), pg_size_pretty(pg_total_relation_size('stats_rollup'))"
            " FROM stats_rollup"
        ).fetchone()
    print(f"rollup rows: {row[0] if row else '?'} ({row[1] if row else '?'})\n")
    engine.dispose()


def _row(
    rng: random.Random,
    n: int,
    categories: list[tuple[str, str, float]],
    staff: list[int],
    contact: int,
) -> tuple[object, ...]:
    code, directorate, sla = rng.choice(categories)
    created = YEAR_START + timedelta(seconds=rng.randrange(365 * 86400))
    status = rng.choices(STATUSES, WEIGHTS)[0]
    first = created + timedelta(hours=rng.expovariate(1 / 6)) if rng.random() < 0.9 else None
    finished = status in ("resolved", "closed")
    resolved = created + timedelta(hours=rng.expovariate(1 / 40)) if finished else None
    closed = resolved + timedelta(hours=2) if status == "closed" and resolved else None
    due = created + timedelta(hours=sla) if status not in ("new", "triaged") else None
    # dispatched (the SLA clock's start) some 40 minutes after arrival on average
    assigned = created + timedelta(hours=rng.expovariate(1 / 0.7)) if due else None
    surveyed = closed + timedelta(hours=1) if closed and rng.random() < 0.6 else None
    lat, lon = 23.5 + rng.random() * 0.2, 58.2 + rng.random() * 0.4
    rating = rng.randint(1, 5) if surveyed and rng.random() < 0.4 else None
    return (
        f"MCT-{n + 1:07d}", uuid.uuid4().hex, status, "normal", rng.random() < 0.03, directorate,
        code, rng.choice(("ar", "ar", "en")), rng.choice(CHANNELS), contact,
        rng.choice(staff) if due else None, lat, lon,
        created, created, due, first, resolved, closed, surveyed, rating,
        1 if status == "reopened" else 0, False, grid_cell(lat, lon), assigned,
    )  # fmt: skip


REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def time_it(label: str, run: object, repeat: int = REPEAT) -> None:
    """Run `run()` `repeat` times; print the median and the best in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    print(f"{label:<44} median {statistics.median(times):8.1f} ms   best {min(times):8.1f} ms")


def bench(url: str, ends: str = "centre") -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from core.insights.stats import compute_stats
    from core.routing.taxonomy import load_taxonomy

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    taxonomy = load_taxonomy(None)
    # The centre's year (its midnights, Asia/Muscat), as the dashboard, API and CLI ask with
    # dates: whole days the rollup holds. With `--ends utc`, the year at UTC midnights:
    # partial days at both ends, counted from the tickets (the whole days from the rollup).
    start = datetime(2025, 1, 1, tzinfo=UTC if ends == "utc" else ZoneInfo("Asia/Muscat"))
    year = (start, start.replace(year=start.year + 1))
    with Session(engine) as session:
        for group_by in ("directorate", "category", "channel", "language", "assignee"):
            time_it(
                f"stats, a year, group_by={group_by}",
                lambda g=group_by: compute_stats(
                    session, *year, group_by=g, taxonomy=taxonomy, now=year[1]
                ),
            )
        time_it(  # the late dispatches: exact below EXACT_LIMIT, else the rollup's histogram
            "stats, a year, group_by=directorate, dispatch target 60 min",
            lambda: compute_stats(
                session,
                *year,
                group_by="directorate",
                taxonomy=taxonomy,
                now=year[1],
                dispatch_target_minutes=60,
            ),
        )
        time_it(
            "stats, one month, one directorate",
            lambda: compute_stats(
                session, year[0], year[0] + timedelta(days=31), directorate="roads"
            ),
        )
        _trends(session, year)
        _changed(session, url, year, taxonomy)
    _dashboard(url, year)
    with psycopg.connect(url) as conn:
        print("\nEXPLAIN ANALYZE of the per-directorate query (counting the tickets, the path")
        print("kept for both dashboard filters at once):")
        for (line,) in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + _main_sql(engine, year)):
            print("  ", line)


def _trends(session: object, year: tuple[datetime, datetime]) -> None:
    try:
        from core.insights.trends import map_points, trends
    except ImportError:
        return
    time_it(
        "dashboard trends, a year",
        lambda: trends(session, *year, now=year[1]),  # type: ignore[arg-type]
    )
    time_it("dashboard map points, a year", lambda: map_points(session, *year))  # type: ignore[arg-type]


def _changed(session: Any, url: str, year: tuple[datetime, datetime], taxonomy: Any) -> None:
    """A stats call right after staff changed tickets on many days (refresh included)."""
    from core.insights.stats import compute_stats
    from core.models import Ticket

    times = []
    for attempt in range(REPEAT):
        rng = random.Random(attempt)
        ids = [rng.randrange(1, 1_000_000) for _ in range(50)]
        tickets = session.query(Ticket).filter(Ticket.id.in_(ids)).all()
        for ticket in tickets:  # through the ORM, so the rollup hooks see them
            ticket.satisfaction = rng.randint(1, 5)
        session.commit()
        started = time.perf_counter()
        compute_stats(session, *year, group_by="directorate", taxonomy=taxonomy, now=year[1])
        times.append((time.perf_counter() - started) * 1000)
        session.commit()
    print(
        f"{'stats after 50 tickets changed (~50 days)':<44} median"
        f" {statistics.median(times):8.1f} ms   best {min(times):8.1f} ms"
    )


def _dashboard(url: str, year: tuple[datetime, datetime]) -> None:
    """The dashboard page as a supervisor opens it (Flask test client, rendering included)."""
    import re
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from balagh.wiring import build_context, web_app
    from core.outbound import SenderRegistry
    from core.settings import Settings
    from core.staff.accounts import add_user

    with TemporaryDirectory() as tmp:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            data_dir=Path(tmp),
            database_url=url.replace("postgresql://", "postgresql+psycopg://"),
            secret_key="bench",
            public_url="http://balagh.bench",
        )
        ctx = build_context(settings, senders=SenderRegistry())
        with ctx.sessions() as session, session.begin():
            email = f"super{uuid.uuid4().hex[:6]}@bench.om"
            add_user(session, email, "supervisor", password="bench password 1", directorates=[])
        app = web_app(ctx)
        client = app.test_client()
        page = client.get("/inbox/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token is not None
        client.post(
            "/inbox/login",
            data={"email": email, "password": "bench password 1", "csrf_token": token.group(1)},
        )
        month = (year[0] + timedelta(days=334)).date()
        for label, query in (
            ("dashboard page, a year", "since=2025-01-01&until=2025-12-31"),
            ("dashboard page, a month", f"since={month}&until=2025-12-31"),
            ("dashboard page, a year, one category", "since=2025-01-01&until=2025-12-31"
             "&category=road_damage"),
        ):  # fmt: skip

            def run(q: str = query) -> None:
                answer = client.get(f"/inbox/dashboard?{q}")
                if answer.status_code != 200:
                    raise RuntimeError(f"dashboard: {answer.status_code}")

            time_it(label, run)
        ctx.engine.dispose()


def _main_sql(engine: object, year: tuple[datetime, datetime]) -> str:
    """The per-directorate statement, compiled with its literal values."""
    from sqlalchemy.orm import Session

    from core.insights.stats import figures_query

    with Session(engine) as session:  # type: ignore[call-overload]
        query = figures_query(session, *year, group_by="directorate", now=year[1])
        return str(query.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--url", help="use this already-loaded database instead")
    parser.add_argument(
        "--ends",
        choices=("centre", "utc"),
        default="centre",
        help="cut the year at the centre's midnights (default) or at UTC midnights",
    )
    args = parser.parse_args()
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} CPUs,"
          f" Python {platform.python_version()}")  # fmt: skip
    if args.url:
        build_rollup(args.url)  # its definition may have changed since the database was kept
        bench(args.url, args.ends)
        return
    with scratch_database(keep=args.keep) as database:
        print(f"PostgreSQL {database.server_version}; database {database.name}")
        seconds = load(database.url, args.tickets)
        print(f"loaded {args.tickets:,} tickets with COPY in {seconds:.1f} s\n")
        build_rollup(database.url)
        bench(database.url, args.ends)


if __name__ == "__main__":
    main()
