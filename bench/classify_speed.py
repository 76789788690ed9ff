"""Bench: milliseconds per `Model.classify` call, cold and warm (issue 17: under 1 ms median).

Texts: the shipped rows (core/routing/data/*.jsonl) and the shared dev corpus
(/work/shared/corpus/dev.jsonl when present), each distinct text once. Nothing under
bench/data is read: those are test-set rows other work must not be shaped by.

Each run is a fresh process (`--child`): it loads a saved model from disk, classifies every
text once (the cold pass: the model's and the term indexes' per-word caches start empty, as
in a server that has just started) and then again (the warm pass), and reports each pass's
median and 90th percentile, wall-clock and CPU time (on a busy machine the CPU figures are
the steadier). The model is trained once into `--model` when that file is missing, so every
run, and every tree, classifies with the same model.

Interleaved A/B: `--trees A B` runs the child against each tree in turn (A B, then B A, ...)
for `--pairs` pairs on this venv, with the tree first on the import path, so a busy machine's
drift falls on both alike; it prints the machine, the load average and each tree's medians.
`--profile` prints a cProfile (own CPU time) of one cold and one warm pass in this tree instead.

    .venv/bin/python bench/classify_speed.py [--trees /work/main .] [--pairs 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = Path("/work/shared/corpus/dev.jsonl")
DEFAULT_MODEL = Path("/tmp/balagh-classify-speed/routing-model.pkl")


def machine() -> str:
    """The machine, for the figures' context."""
    return (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: the other work the figures shared the CPUs with."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def texts(root: Path) -> list[str]:
    """Each distinct text of the shipped rows and the shared dev corpus, in file order."""
    files = sorted((root / "core" / "routing" / "data").glob("*.jsonl"))
    if SHARED_DEV.exists():
        files.append(SHARED_DEV)
    seen: dict[str, None] = {}
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                seen.setdefault(json.loads(line)["text"], None)
    return list(seen)


def ensure_model(path: Path) -> None:
    """Train on the shipped rows and save to `path`, unless a model this tree loads is there.

    A model saved by a tree of another MODEL_FORMAT (an earlier session's file in /tmp) does
    not load here: it is trained again rather than failing every child with ModelLoadError.
    """
    from core.routing.model import ModelLoadError, load

    if path.exists():
        try:
            load(path)
            return
        except ModelLoadError as exc:
            print(f"{path} does not load here ({exc}): training it again", flush=True)
    from core.routing.classifier import train
    from core.routing.dataset import shipped_rows
    from core.routing.taxonomy import load_taxonomy

    print(f"training a model into {path} (once)", flush=True)
    train(shipped_rows(), (), load_taxonomy(None)).save(path)


def timed_pass(classify: Callable[[str], Any], items: list[str]) -> dict[str, float]:
    """Median and 90th percentile milliseconds of one call per text, wall-clock and CPU.

    CPU time (this process's) leaves out the time other processes held the CPU, which on a
    busy machine is most of a wall-clock figure's noise.
    """
    wall, cpu = [], []
    clock, cpu_clock = time.perf_counter, time.process_time
    for text in items:
        start, cpu_start = clock(), cpu_clock()
        classify(text)
        cpu.append((cpu_clock() - cpu_start) * 1000)
        wall.append((clock() - start) * 1000)
    return {
        "median": statistics.median(wall),
        "p90": statistics.quantiles(wall, n=10)[-1],
        "cpu_median": statistics.median(cpu),
        "cpu_p90": statistics.quantiles(cpu, n=10)[-1],
    }


def child(model_path: Path) -> None:
    """One run in a fresh process: load, a cold pass, a warm pass; JSON on stdout."""
    from core.routing.model import load

    items = texts(ROOT)
    model = load(model_path)
    cold = timed_pass(model.classify, items)
    warm = timed_pass(model.classify, items)
    print(json.dumps({"texts": len(items), "cold": cold, "warm": warm}))


def run_child(tree: Path, model_path: Path) -> dict[str, Any]:
    """This script's child mode with `tree` first on the import path."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, __file__, "--child", "--model", str(model_path), "--root", str(tree)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd=tree)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def interleave(trees: list[Path], pairs: int, model_path: Path) -> None:
    """Run the trees in turn, alternating which goes first, and print their medians."""
    print(f"machine: {machine()}")
    runs: dict[Path, list[dict[str, Any]]] = {t: [] for t in trees}
    for i in range(pairs):
        order = trees if i % 2 == 0 else trees[::-1]
        for tree in order:
            load = load_average()
            result = run_child(tree, model_path)
            runs[tree].append(result)
            print(f"pair {i + 1} {tree}: load {load}, {result['texts']} texts, {figures(result)}")
    print(f"load after: {load_average()}")
    for tree, results in runs.items():
        middle = {
            name: {
                key: statistics.median(r[name][key] for r in results) for key in results[0][name]
            }
            for name in ("cold", "warm")
        }
        print(f"{tree}: median of {len(results)} runs: {figures(middle)}")


def figures(result: dict[str, Any]) -> str:
    """One run's medians (and 90th percentiles), wall-clock and CPU, cold and warm."""
    return ", ".join(
        f"{name} median {r['median']:.3f} ms (p90 {r['p90']:.3f}), "
        f"CPU {r['cpu_median']:.3f} ms (p90 {r['cpu_p90']:.3f})"
        for name, r in (("cold", result["cold"]), ("warm", result["warm"]))
    )


def profile(model_path: Path, top: int) -> None:
    """cProfile of a cold and a warm pass in this process, top entries by own time."""
    from core.routing.model import load

    items = texts(ROOT)
    model = load(model_path)
    print(f"machine: {machine()}; load {load_average()}; {len(items)} texts")
    for name in ("cold", "warm"):
        prof = cProfile.Profile(time.process_time)  # CPU time: other work shares the CPUs
        prof.enable()
        for text in items:
            model.classify(text)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
        print(f"--- {name} pass, by own time")
        print(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--trees", type=Path, nargs="+", default=[ROOT])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(args.root))
        child(args.model)
        return
    sys.path.insert(0, str(ROOT))
    args.model.parent.mkdir(parents=True, exist_ok=True)
    ensure_model(args.model)
    if args.profile:
        profile(args.model, args.top)
    else:
        interleave([t.resolve() for t in args.trees], args.pairs, args.model)


if __name__ == "__main__":
    main()
