"""Time the report form's "similar reports nearby" lookup (core.intake.nearby) on PostgreSQL.

Creates a scratch database, loads N open reports of the last 30 days in a few categories
scattered over a 20 km square of Muscat (many around busy spots), then asks for the similar
reports around M random pins, as the form's script does, and prints how long a lookup takes,
how many problems it listed and the machine. Asserts nothing; not part of the test run.

    .venv/bin/python bench/nearby.py [--tickets 20000] [--lookups 300]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.intake.nearby import similar_nearby  # noqa: E402
from core.models import Contact, Status, Ticket  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _muscat import busy_spots, print_machine, print_timings, report_point  # noqa: E402
from _scratch import bench_context, scratch_database  # noqa: E402

HOTSPOTS = 60
CATEGORIES = ("stormwater_flooding", "road_damage", "street_lighting", "waste_collection")


def _point(rng: random.Random, spots: list[tuple[float, float]]) -> tuple[float, float]:
    return report_point(rng, spots, 0.001)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=20000)
    parser.add_argument("--lookups", type=int, default=300)
    args = parser.parse_args()
    with scratch_database() as database:
        ctx = bench_context(database)
        rng = random.Random(23)
        spots = busy_spots(rng, HOTSPOTS)
        now = ctx.now()
        with ctx.sessions() as session, session.begin():
            contact = Contact(name="bench")
            session.add(contact)
            for n in range(args.tickets):
                at = now - timedelta(days=rng.uniform(0, 40))
                lat, lon = _point(rng, spots)
                session.add(
                    Ticket(
                        reference=f"BEN-{n:07d}",
                        secret="x",
                        status=Status.ASSIGNED,
                        channel="telegram",
                        contact=contact,
                        category=rng.choice(CATEGORIES),
                        lat=lat,
                        lon=lon,
                        created_at=at,
                        updated_at=at,
                    )
                )
        with ctx.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE ticket")
        timings, listed = [], []
        for _ in range(args.lookups):
            lat, lon = _point(rng, spots)
            with ctx.sessions() as session:
                started = time.perf_counter()
                found = similar_nearby(ctx, session, rng.choice(CATEGORIES), lat, lon)
                timings.append((time.perf_counter() - started) * 1000)
                listed.append(len(found))
        ctx.engine.dispose()
        print(f"open reports stored: {args.tickets}; lookups: {args.lookups}")
        print_timings("lookup", timings)
        print(f"problems listed per lookup: mean {statistics.mean(listed):.1f}, max {max(listed)}")
        print_machine()


if __name__ == "__main__":
    main()
