"""Time placing a storm day's reports in mass incidents (core.intake.incidents) on PostgreSQL.

Creates a scratch database, loads N open flooding reports of the last five hours scattered
over a 20 km square of Muscat (some clustered around flooded streets), then places M new
reports one by one, each in its own transaction as ingestion does, and prints how long a
placement takes, how many incidents formed and the machine. Asserts nothing; not part of the
test run.

    .venv/bin/python bench/incidents.py [--tickets 5000] [--reports 300]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.intake.incidents import place_ticket  # noqa: E402
from core.models import Contact, Incident, Status, Ticket  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _muscat import busy_spots, print_machine, print_timings, report_point  # noqa: E402
from _scratch import bench_context, scratch_database  # noqa: E402

HOTSPOTS = 40  # flooded streets many people report
CATEGORY, DIRECTORATE = "stormwater_flooding", "drainage"


def _point(rng: random.Random, spots: list[tuple[float, float]]) -> tuple[float, float]:
    return report_point(rng, spots, 0.0008)  # a flooded street's reports lie close together


def _ticket(n: int, contact: Contact, at: object, lat: float, lon: float) -> Ticket:
    return Ticket(
        reference=f"BEN-{n:07d}",
        secret="x",
        status=Status.TRIAGED,
        channel="telegram",
        contact=contact,
        category=CATEGORY,
        directorate=DIRECTORATE,
        lat=lat,
        lon=lon,
        created_at=at,
        updated_at=at,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=5000)
    parser.add_argument("--reports", type=int, default=300)
    args = parser.parse_args()
    with scratch_database() as database:
        ctx = bench_context(database)
        rng = random.Random(19)
        spots = busy_spots(rng, HOTSPOTS)
        now = ctx.now()
        with ctx.sessions() as session, session.begin():
            contact = Contact(name="bench")
            session.add(contact)
            for n in range(args.tickets):
                at = now - timedelta(minutes=rng.uniform(0, 300))
                session.add(_ticket(n, contact, at, *_point(rng, spots)))
        timings = []
        for n in range(args.tickets, args.tickets + args.reports):
            with ctx.sessions() as session, session.begin():
                contact = session.get(Contact, 1)
                assert contact is not None
                ticket = _ticket(n, contact, now, *_point(rng, spots))
                session.add(ticket)
                session.flush()
                started = time.perf_counter()
                place_ticket(ctx, session, ticket)
                timings.append((time.perf_counter() - started) * 1000)
        with ctx.sessions() as session:
            incidents = session.execute(select(func.count(Incident.id))).scalar_one()
            joined = session.execute(
                select(func.count(Ticket.id)).where(Ticket.incident_id.is_not(None))
            ).scalar_one()
        ctx.engine.dispose()
        print(f"open reports already there: {args.tickets}; new reports placed: {args.reports}")
        print_timings("placement", timings)
        print(f"incidents formed: {incidents}; reports in incidents: {joined}")
        print_machine()


if __name__ == "__main__":
    main()
