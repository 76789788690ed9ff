"""Time duplicate suggestion (core.intake.duplicates) in a storm, on PostgreSQL.

Creates a scratch database holding 200 open flood reports of one category (the storm case:
CANDIDATE_LIMIT candidates), in English, Arabic and Arabizi with varied wording, half around
one spot, then suggests duplicates for new reports and prints the median wall and CPU time
per call of `suggest_duplicates` and, in the same run, of the comparison it replaced (the
driver decoding every candidate's JSON, `feature_similarity` over all of it), with the machine.
Asserts nothing (beyond both giving the same suggestions); not part of the test run.

    .venv/bin/python bench/duplicates.py [--calls 200]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.orm import Session

from balagh.dbmigrate import upgrade
from balagh.wiring import build_context
from core.geogrid import neighbour_cells
from core.intake import duplicates
from core.intake.duplicates import (
    CANDIDATE_LIMIT,
    MAX_SUGGESTIONS,
    RADIUS_M,
    TEXT_THRESHOLD,
    TEXT_WINDOW,
    Suggestion,
    suggest_duplicates,
)
from core.models import OPEN_STATUSES, Contact, Status, Ticket
from core.outbound import SenderRegistry
from core.routing.similarity import feature_similarity, haversine_m, text_features
from core.routing.types import UnroutedRouter
from core.settings import Settings

ADMIN = os.environ.get("BALAGH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
HERE = (23.5880, 58.3829)
PLACES = ["Al Khuwair", "Ghubrah", "Bawshar", "Azaiba", "Qurum", "Ruwi", "Seeb", "Amerat"]
PLACES_AR = ["الخوير", "الغبرة", "بوشر", "العذيبة", "القرم", "روي", "السيب", "العامرات"]
TEMPLATES = [
    "Water is flooding the street near {p} roundabout, cars are stuck {n}",
    "The wadi overflowed into the houses in {p}, we need pumps urgently {n}",
    "Flood water entered our house in {p} street {n}, please send help",
    "المياه تغمر الشارع قرب دوار {a} والسيارات عالقة {n}",
    "الوادي فاض على البيوت في {a} نحتاج مضخات {n}",
    "el mai ghamer el share3 qareeb dowar {p} w el sayarat 3al9a {n}",
    "el wadi fa6 3ala el byoot fi {p} nabi madakhat {n}",
]


def _text(rng: random.Random) -> str:
    i = rng.randrange(len(PLACES))
    return rng.choice(TEMPLATES).format(p=PLACES[i], a=PLACES_AR[i], n=rng.randrange(1000))


def _plain_candidates(ticket: Ticket) -> Any:
    same = Ticket.category == ticket.category
    return (
        select(Ticket.reference, Ticket.lat, Ticket.lon, Ticket.text_features)
        .where(
            same,
            Ticket.created_at >= ticket.created_at - TEXT_WINDOW,
            Ticket.id != ticket.id,
            Ticket.status.in_([str(s) for s in OPEN_STATUSES]),
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    )


def plain_suggestions(session: Session, ticket: Ticket) -> list[Suggestion]:
    """suggest_duplicates as it was before the decoded-features cache (main 0b19ea6)."""
    found: dict[str, Suggestion] = {}
    if ticket.category and ticket.lat is not None and ticket.lon is not None:
        nearby = _plain_candidates(ticket).where(
            Ticket.geo_cell.in_(neighbour_cells(ticket.lat, ticket.lon))
        )
        for reference, lat, lon, _features in session.execute(nearby):
            metres = haversine_m(ticket.lat, ticket.lon, lat, lon)
            if metres <= RADIUS_M:
                found[reference] = Suggestion(reference, "distance", round(metres, 1))
    if ticket.text_features:
        for reference, _lat, _lon, features in session.execute(_plain_candidates(ticket)):
            if reference in found or not features:
                continue
            similarity = feature_similarity(ticket.text_features, features)
            if similarity >= TEXT_THRESHOLD:
                found[reference] = Suggestion(reference, "text", round(similarity, 3))
    ranked = sorted(
        found.values(),
        key=lambda s: (s.reason != "distance", s.score if s.reason == "distance" else -s.score),
    )
    return ranked[:MAX_SUGGESTIONS]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    name = f"balagh_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(ADMIN, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    url = f"{base}/{name}"
    try:
        upgrade(url)
        settings = Settings(_env_file=None, database_url=url, secret_key="bench")  # type: ignore[call-arg]
        ctx = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
        rng = random.Random(13)
        now = ctx.now()
        with ctx.sessions() as session, session.begin():
            contact = Contact(name="bench")
            session.add(contact)
            for n in range(CANDIDATE_LIMIT):
                near = n % 2 == 0
                session.add(
                    Ticket(
                        reference=f"BEN-{n:07d}",
                        secret="x",
                        status=Status.NEW,
                        channel="email",
                        contact=contact,
                        category="stormwater_flooding",
                        lat=HERE[0] + rng.gauss(0, 0.002) if near else HERE[0] + 0.05,
                        lon=HERE[1] + rng.gauss(0, 0.002) if near else HERE[1] + 0.05,
                        text_features=text_features(_text(rng)),
                        created_at=now - timedelta(minutes=n),
                    )
                )
        new = [
            Ticket(
                reference="MCT-000000",
                secret="x",
                channel="email",
                category="stormwater_flooding",
                lat=HERE[0] + rng.gauss(0, 0.002),
                lon=HERE[1] + rng.gauss(0, 0.002),
                text_features=text_features(_text(rng)),
                created_at=now + timedelta(seconds=1),
            )
            for _ in range(args.calls)
        ]

        def timed(fn: Callable[[Session, Ticket], list[Suggestion]]) -> tuple[float, float, Any]:
            wall, cpu, results = [], [], []
            with ctx.sessions() as session:
                for ticket in new:
                    w, c = time.perf_counter(), time.process_time()
                    results.append(fn(session, ticket))
                    cpu.append(time.process_time() - c)
                    wall.append(time.perf_counter() - w)
            return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, results

        plain = timed(plain_suggestions)
        fast = timed(suggest_duplicates)
        cache = duplicates._prepared.cache_info()
        print(f"{CANDIDATE_LIMIT} same-category candidates, {args.calls} calls each, PostgreSQL")
        print("| comparison | median wall ms/call | median CPU ms/call |")
        print("|---|---|---|")
        print(f"| plain (before) | {plain[0]:.2f} | {plain[1]:.2f} |")
        print(f"| decoded once, shared trigrams (after) | {fast[0]:.2f} | {fast[1]:.2f} |")
        print(
            f"same suggestions: {plain[2] == fast[2]}; "
            f"text suggestions per call: {sum(s.reason == 'text' for r in fast[2] for s in r) / len(new):.2f}; "
            f"cache {cache.hits} hits, {cache.misses} misses"
        )
        print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, {platform.python_version()}")
        print(f"load average: {os.getloadavg()}")
    finally:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


if __name__ == "__main__":
    main()
