"""Routing benchmark: model build time, classification latency and throughput, model size.

Run: .venv/bin/python bench/bench_routing.py  (prints figures; not part of the test run)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.routing.classifier import load, train  # noqa: E402
from core.routing.dataset import labelled, shipped_rows  # noqa: E402


def main() -> None:
    """Print build time, per-message latency (median, p99), batch throughput and sizes."""
    rows = shipped_rows()
    texts = [r["text"] for r in labelled(rows)]

    tracemalloc.start()
    start = time.perf_counter()
    model = train(rows)
    build_s = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.pkl"
        model.save(path)
        size_mb = os.path.getsize(path) / 1e6
        start = time.perf_counter()
        model = load(path)
        load_s = time.perf_counter() - start

    for text in texts[:20]:  # warm up
        model.classify(text)
    latencies = []
    for text in texts:
        t0 = time.perf_counter()
        model.classify(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]

    start = time.perf_counter()
    model.classify_many(texts)
    batch_s = time.perf_counter() - start

    print(f"training rows          {len(texts)}")
    print(f"model build            {build_s:.2f} s (peak Python allocations {peak / 1e6:.0f} MB)")
    print(f"model load             {load_s * 1000:.0f} ms")
    print(f"model file             {size_mb:.1f} MB")
    print(f"classify one (median)  {statistics.median(latencies):.2f} ms")
    print(f"classify one (p99)     {p99:.2f} ms")
    print(f"throughput one-by-one  {1000 / statistics.mean(latencies):.0f} msg/s")
    print(f"throughput batch       {len(texts) / batch_s:.0f} msg/s")


if __name__ == "__main__":
    main()
