"""Time duplicate suggestion (core.intake.duplicates) in a storm, on PostgreSQL.

Creates a scratch database holding 200 open flood reports of one category (the storm case:
CANDIDATE_LIMIT candidates), in English, Arabic and Arabizi with varied wording, half around
one spot, then suggests duplicates for new reports and prints the median wall and CPU time
per call of `suggest_duplicates` and, in the same run, of the comparison it replaced (the
driver decoding every candidate's JSON, `feature_similarity` over all of it), with the machine.
Asserts nothing (beyond both giving the same suggestions); not part of the test run.

    .venv/bin/python bench/duplicates.py [--calls 200] [--unlocated]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.intake import duplicates  # noqa: E402
from core.intake.duplicates import (  # noqa: E402
    CANDIDATE_LIMIT,
    Suggestion,
    suggest_duplicates,
)
from core.models import Contact, Status, Ticket  # noqa: E402
from core.routing.similarity import text_features  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _scratch import bench_context, scratch_database  # noqa: E402

# the code before the decoded-features cache, kept once: the test compares against it too
from tests.core.intake.test_duplicate_comparison import plain_suggestions  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument(
        "--unlocated",
        action="store_true",
        help="new reports without a location (as most mails): every call compares texts",
    )
    args = parser.parse_args()
    with scratch_database() as database:
        ctx = bench_context(database)
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
                lat=None if args.unlocated else HERE[0] + rng.gauss(0, 0.002),
                lon=None if args.unlocated else HERE[1] + rng.gauss(0, 0.002),
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
        decoded = duplicates._prepared.cache_info().misses
        where = "unlocated" if args.unlocated else "located"
        print(
            f"{CANDIDATE_LIMIT} same-category candidates, {args.calls} calls each "
            f"({where} new reports), PostgreSQL"
        )
        print("| comparison | median wall ms/call | median CPU ms/call |")
        print("|---|---|---|")
        print(f"| plain (before) | {plain[0]:.2f} | {plain[1]:.2f} |")
        print(f"| decoded once, shared trigrams (after) | {fast[0]:.2f} | {fast[1]:.2f} |")
        print(
            f"same suggestions: {plain[2] == fast[2]}; "
            f"text suggestions per call: {sum(s.reason == 'text' for r in fast[2] for s in r) / len(new):.2f}; "
            f"candidates' features decoded {decoded} times in {args.calls} calls"
        )
        print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, {platform.python_version()}")
        print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
