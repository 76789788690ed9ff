"""What the place benches (incidents.py, nearby.py) share: reports scattered over Muscat,
many around a few busy spots, and the one way they print a lookup's timings.

Each script draws from its own seeded `random.Random`, so its figures stay comparable with
earlier runs in RESULTS.md: the calls on the generator are the ones each script made before.
"""

from __future__ import annotations

import os
import platform
import random
import statistics

LAT, LON, SPAN = 23.58, 58.38, 0.18  # about 20 km around Muscat


def busy_spots(rng: random.Random, count: int) -> list[tuple[float, float]]:
    """Places many people report (a flooded street, a broken light on a main road)."""
    half = SPAN / 2
    return [(LAT + rng.uniform(-half, half), LON + rng.uniform(-half, half)) for _ in range(count)]


def report_point(
    rng: random.Random, spots: list[tuple[float, float]], spread: float
) -> tuple[float, float]:
    """A report's pin: most often near a busy spot (within about `spread` degrees), else
    anywhere in the square."""
    if rng.random() < 0.6:  # most reports are of a place others report too
        lat, lon = rng.choice(spots)
        return lat + rng.gauss(0, spread), lon + rng.gauss(0, spread)
    return LAT + rng.uniform(-SPAN / 2, SPAN / 2), LON + rng.uniform(-SPAN / 2, SPAN / 2)


def print_timings(what: str, timings: list[float]) -> None:
    """Median, 90th percentile and maximum of `timings` (milliseconds; sorted here)."""
    timings.sort()
    print(
        f"{what} ms: median {statistics.median(timings):.1f}, "
        f"p90 {timings[int(len(timings) * 0.9)]:.1f}, max {timings[-1]:.1f}"
    )


def print_machine() -> None:
    """The machine the figures were taken on."""
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, {platform.python_version()}")
