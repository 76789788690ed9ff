"""Bench: our reply-language detector against bare seeded langdetect on a labelled corpus.

Prints, in one run, accuracy by form and per-message latency (median, p99) of each detector,
the median speed-up (the issue's target is at least 50x), langdetect's profile-load time and
how many messages our detector handed to langdetect.

Run: .venv/bin/python bench/language.py [FILE.jsonl]   (default: core/routing/data/dev.jsonl)
Each JSON line needs "text", "lang" ('ar' | 'en') and "form".
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.language import detect as detect_module  # noqa: E402
from core.language.detect import detect_language  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "core" / "routing" / "data" / "dev.jsonl"
REPEATS = 5  # per message; the best time is kept, so a GC pause does not count as detection
SPEED_UP_TARGET = 50
Detector = Callable[[str], str | None]


@dataclass(frozen=True)
class Result:
    """Accuracy (right, total) by form and overall, and latency figures in microseconds."""

    forms: dict[str, tuple[int, int]]
    overall: tuple[int, int]
    median_us: float
    p99_us: float


def load(path: Path) -> list[dict[str, str]]:
    """The labelled rows of a JSON-lines corpus."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def seeded_langdetect() -> tuple[Detector, float]:
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


def measure(rows: list[dict[str, str]], detect: Detector) -> Result:
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


def main(argv: list[str] | None = None) -> None:
    """Measure both detectors on the corpus and print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    rows = load(args.corpus)

    loaded_at_import = "langdetect" in sys.modules
    ours = measure(rows, lambda text: detect_language(text).language)
    calls = detect_module._langdetect_module.cache_info()
    bare, load_seconds = seeded_langdetect()
    theirs = measure(rows, bare)

    print(f"corpus: {args.corpus} ({len(rows)} messages, best of {REPEATS} runs each)")
    print(f"{'form':<10} {'n':>5} {'ours':>9} {'langdetect':>11}")
    for form, (_, count) in ours.forms.items():
        print(f"{form:<10} {count:>5} {_pct(ours.forms[form]):>9} {_pct(theirs.forms[form]):>11}")
    print(f"{'all':<10} {len(rows):>5} {_pct(ours.overall):>9} {_pct(theirs.overall):>11}")
    print(f"{'median':<10} {'':>5} {ours.median_us:>6.1f} us {theirs.median_us:>8.1f} us")
    print(f"{'p99':<10} {'':>5} {ours.p99_us:>6.1f} us {theirs.p99_us:>8.1f} us")
    speed_up = theirs.median_us / ours.median_us
    verdict = "met" if speed_up >= SPEED_UP_TARGET else "NOT met"
    print(f"median speed-up: {speed_up:.0f}x (target >= {SPEED_UP_TARGET}x: {verdict})")
    print(f"langdetect profile load: {load_seconds * 1e3:.0f} ms")
    print(
        f"langdetect loaded by importing core.language: {'yes' if loaded_at_import else 'no'}; "
        f"messages our detector handed to it: {(calls.hits + calls.misses) // REPEATS} "
        f"of {len(rows)}"
    )


def _pct(score: tuple[int, int]) -> str:
    right, total = score
    return f"{100 * right / total:.1f}%"


if __name__ == "__main__":
    main()
