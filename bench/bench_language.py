"""Bench: our rule detector against bare seeded langdetect on the labelled corpus.

Prints accuracy by form and per-message latency (median, p99) of each, and langdetect's load
time. Run: .venv/bin/python bench/bench_language.py [FILE.jsonl]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.language.detect import detect_language  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "data" / "dev.jsonl"
SHARED_CORPUS = REPO.parent / "shared" / "corpus" / "dev.jsonl"
REPEATS = 5


def load(path: Path) -> list[dict[str, str]]:
    """The labelled rows of a JSON-lines corpus."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def seeded_langdetect() -> tuple[Callable[[str], str | None], float]:
    """Bare langdetect (seed 0) as a detector, and its profile-loading time in seconds."""
    start = time.perf_counter()
    import langdetect

    langdetect.DetectorFactory.seed = 0
    langdetect.detect("warm up the profiles")
    loaded = time.perf_counter() - start

    def detect(text: str) -> str | None:
        try:
            return str(langdetect.detect(text))
        except langdetect.LangDetectException:
            return None

    return detect, loaded


@dataclass(frozen=True)
class Result:
    """Accuracy (right, total) by form and overall, and latency figures in microseconds."""

    forms: dict[str, tuple[int, int]]
    overall: tuple[int, int]
    median_us: float
    p99_us: float


def measure(rows: list[dict[str, str]], detect: Callable[[str], str | None]) -> Result:
    """Accuracy by form and per-message latencies (best of REPEATS) of one detector."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    latencies = []
    for row in rows:
        best = float("inf")
        for _ in range(REPEATS):
            start = time.perf_counter()
            answer = detect(row["text"])
            best = min(best, time.perf_counter() - start)
        latencies.append(best)
        total[row["form"]] += 1
        right[row["form"]] += answer == row["lang"]
    latencies.sort()
    return Result(
        forms={form: (right[form], total[form]) for form in sorted(total)},
        overall=(sum(right.values()), len(rows)),
        median_us=statistics.median(latencies) * 1e6,
        p99_us=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1e6,
    )


def main() -> None:
    """Print the comparison table."""
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        path = DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else SHARED_CORPUS
    rows = load(path)
    ours = measure(rows, lambda text: detect_language(text).language)
    bare, load_seconds = seeded_langdetect()
    theirs = measure(rows, bare)
    print(f"corpus: {path} ({len(rows)} messages)")
    print(f"{'form':<10} {'rules':>16} {'langdetect':>16}")
    for form in ours.forms:
        print(f"{form:<10} {_pct(ours.forms[form]):>16} {_pct(theirs.forms[form]):>16}")
    print(f"{'all':<10} {_pct(ours.overall):>16} {_pct(theirs.overall):>16}")
    print(f"{'median':<10} {ours.median_us:>13.1f} us {theirs.median_us:>13.1f} us")
    print(f"{'p99':<10} {ours.p99_us:>13.1f} us {theirs.p99_us:>13.1f} us")
    speedup = theirs.median_us / ours.median_us
    print(f"median speed-up: {speedup:.0f}x; langdetect profile load: {load_seconds * 1e3:.0f} ms")


def _pct(score: tuple[int, int]) -> str:
    right, total = score
    return f"{right}/{total} {100 * right / total:5.1f}%"


if __name__ == "__main__":
    main()
