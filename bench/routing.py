"""Routing benchmark: build time, latency, throughput, size, memory and cross-validated quality.

Run: .venv/bin/python bench/routing.py [--folds 5] [--seeds 0 1 2] [--no-cv] [--memory]
Prints figures; not part of the test run. Latency is measured on a model loaded from disk
(cold per-word caches) with one `classify` call per dev-corpus message, as intake does.

Build time is wall-clock and CPU seconds of one plain build, with each stage's wall time and
the machine's load average: on a shared machine wall time follows the load (a two-core machine
at load 10 gives a build a fifth of a core), CPU time much less. Peak memory needs tracemalloc,
which makes the Python-heavy build four to five times slower, so it is measured on a second
build with `--memory` and never mixed into the build time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.routing.classifier import Model, load, train  # noqa: E402
from core.routing.dataset import (  # noqa: E402
    CORPUS_FILE,
    labelled,
    load_rows,
    shipped_rows,
    training_beside,
)
from core.routing.evaluate import Report, cross_validate, evaluate  # noqa: E402

TEST_SETS = Path(__file__).resolve().parent / "data"


def _maxrss_mb() -> float:
    # ru_maxrss is kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _percentile(sorted_ms: list[float], q: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(len(sorted_ms) * q))]


def bench_model(rows: list[dict[str, object]], memory: bool = False) -> Model:
    """Build, save, load, then time single and batch classification."""
    texts = [str(r["text"]) for r in labelled(rows) if str(r.get("id", "")).startswith("dev-")]
    rss_before = _maxrss_mb()
    stages: dict[str, float] = {}
    load_before = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time()
    model = train(rows, stages=stages)
    build_s, build_cpu = time.perf_counter() - start, time.process_time() - cpu
    rss_delta = _maxrss_mb() - rss_before
    print(f"training rows            {len(labelled(rows))}")
    print(
        f"model build              {build_s:.2f} s wall, {build_cpu:.2f} s CPU "
        f"(load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)"
    )
    print("  stages (wall)          " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()))
    print(f"peak memory (build)      ru_maxrss +{rss_delta:.0f} MB")
    if memory:
        tracemalloc.start()
        start = time.perf_counter()
        train(rows)
        traced_s = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory (tracemalloc) {peak / 1e6:.0f} MB (that build: {traced_s:.0f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.pkl"
        model.save(path)
        size_mb = os.path.getsize(path) / 1e6
        start = time.perf_counter()
        model = load(path)
        load_s = time.perf_counter() - start

    def one_pass() -> list[float]:
        out = []
        for text in texts:
            t0 = time.perf_counter()
            model.classify(text)
            out.append((time.perf_counter() - t0) * 1000)
        return sorted(out)

    cold = one_pass()
    warm = one_pass()
    start = time.perf_counter()
    model.classify_many(texts)
    batch_s = time.perf_counter() - start

    print(f"model load               {load_s * 1000:.0f} ms")
    print(f"model file               {size_mb:.1f} MB")
    for name, lat in (("first pass", cold), ("second pass", warm)):
        print(
            f"classify one, {name:<11} median {statistics.median(lat):.3f} ms  "
            f"p99 {_percentile(lat, 0.99):.3f} ms  ({1000 / statistics.mean(lat):.0f} msg/s)"
        )
    print(f"throughput batch         {len(texts) / batch_s:.0f} msg/s")
    return model


def bench_test_sets(model: Model) -> None:
    """The shipped model on each test set in bench/data: urgency per form, screening errors."""
    for path in sorted(TEST_SETS.glob("*.jsonl")):
        rep = evaluate(model, load_rows(path))
        sc = rep.screening
        assert sc is not None
        spam = (
            "-" if sc.spam_recall is None else f"{sc.spam_recall:.3f} ({sc.spam_caught}/{sc.spam})"
        )
        print(
            f"\n{path.name}: accuracy {rep.accuracy:.3f}  directorate macro-F1 "
            f"{rep.directorate_macro_f1:.3f}  urgent P {rep.urgent_precision:.3f} "
            f"R {rep.urgent_recall:.3f} (n={rep.urgent_support})\n"
            f"  not for us: genuine flagged {sc.genuine_flagged}/{sc.genuine} "
            f"(FP rate {sc.false_positive_rate:.3f}), spam recall {spam}"
        )
        if rep.automatic is not None and rep.automatic.n:
            auto = rep.automatic
            print(
                f"  routed with no person: {auto.share:.3f} ({auto.routed}/{auto.n}) at "
                f"confidence >= {auto.threshold:.2f}, accuracy {auto.accuracy:.3f} on them"
            )
        _print_urgent_by_form(rep)
        if sc.genuine:
            print(
                "  category accuracy by form: "
                + ", ".join(f"{g.name} {g.accuracy:.3f} (n={g.n})" for g in rep.by_form)
            )


def _print_urgent_by_form(rep: Report) -> None:
    for r in rep.urgent_by_form:
        p = "-" if r.precision is None else f"{r.precision:.3f}"
        rec = "-" if r.recall is None else f"{r.recall:.3f}"
        print(f"  urgent {r.name:<10} urgent {r.urgent:<3} flagged {r.flagged:<3} P {p:<6} R {rec}")


def bench_quality(rows: list[dict[str, object]], folds: int, seeds: list[int]) -> None:
    """K-fold CV of the dev corpus (extra rows only ever train), per seed and per form."""
    dev = labelled(shipped_rows((CORPUS_FILE,)))
    extra = training_beside(dev)
    totals: dict[str, list[float]] = {}
    for seed in seeds:
        start = time.perf_counter()
        rep = cross_validate(dev, folds, extra_training=extra, seed=seed)
        took = time.perf_counter() - start
        print(
            f"\n{folds}-fold CV seed {seed} ({took:.0f} s): accuracy {rep.accuracy:.3f}  "
            f"macro-F1 {rep.macro_f1:.3f}  directorate accuracy {rep.directorate_accuracy:.3f}  "
            f"macro-F1 {rep.directorate_macro_f1:.3f}  "
            f"urgent P {rep.urgent_precision:.3f} R {rep.urgent_recall:.3f}"
        )
        figures = {
            "accuracy": rep.accuracy,
            "macro-F1": rep.macro_f1,
            "directorate accuracy": rep.directorate_accuracy,
            "directorate macro-F1": rep.directorate_macro_f1,
            "urgent precision": rep.urgent_precision,
            "urgent recall": rep.urgent_recall,
        }
        _print_urgent_by_form(rep)
        for g in rep.by_form:
            gap = g.accuracy - rep.accuracy
            figures[f"{g.name} accuracy"] = g.accuracy
            print(
                f"  {g.name:<10} n={g.n:<4} acc {g.accuracy:.3f}  F1 {g.macro_f1:.3f}  "
                f"({gap:+.3f} vs overall)"
            )
        for name, value in figures.items():
            totals.setdefault(name, []).append(value)
    if len(seeds) > 1:
        print(f"\nmean over seeds {' '.join(map(str, seeds))}:")
        for name, values in totals.items():
            print(f"  {name:<22} {statistics.mean(values):.3f}  (min {min(values):.3f})")


def bench_urgency_cv(folds: int, seeds: list[int]) -> None:
    """Urgency on out-of-fold predictions of every shipped labelled row (how the urgent-model
    thresholds were chosen): each fold's model scores rows it never trained on."""
    rows = labelled(shipped_rows())
    for seed in seeds:
        rep = cross_validate(rows, folds, seed=seed)
        print(
            f"\nurgency, {folds}-fold CV of all {len(rows)} shipped rows, seed {seed}: "
            f"P {rep.urgent_precision:.3f} R {rep.urgent_recall:.3f} (n={rep.urgent_support})"
        )
        _print_urgent_by_form(rep)


def main() -> None:
    """Print the routing figures the issue's targets are stated in."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument(
        "--urgency-cv", action="store_true", help="urgency on K-fold CV of all shipped rows"
    )
    parser.add_argument(
        "--memory", action="store_true", help="a second build under tracemalloc for peak memory"
    )
    args = parser.parse_args()
    rows = shipped_rows()
    model = bench_model(rows, memory=args.memory)
    bench_test_sets(model)
    if not args.no_cv:
        bench_quality(rows, args.folds, args.seeds)
    if args.urgency_cv:
        bench_urgency_cv(args.folds, args.seeds)


if __name__ == "__main__":
    main()
