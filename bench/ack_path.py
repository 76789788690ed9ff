"""The email acknowledgement path alone: CPU per stored mail, without SMTP (issue 13).

On a scratch PostgreSQL database, `--threads` threads call `channels.email.intake.receive`
(parse, serialize, the group store: everything the listener does between DATA and 250) on
bench/ingest.py's mails, `-n` in all, with no inbound worker anywhere (as a listener beside
`balagh worker` processes: the store sends the NOTIFY). Prints this process's CPU ms per mail
and mails/s for `--rounds` rounds, the groups committed, and with `--profile` the top of a
cProfile of one more round on one thread (CPU time, by own time). The CPU per mail is what the listener spends on
its GIL for the store; the SMTP dialogue (aiosmtpd) comes on top. `--steps` adds one more
round on one thread with each step's CPU per mail (`time.thread_time` around the parse, the
reply-token look-up, `serialize` and the group store, wrapped for the round; without a
profiler's overhead, which inflates the parse's many small calls): one thread makes each
group a single mail, so its store is the dearest case. Asserts nothing.

    .venv/bin/python bench/ack_path.py [-n 2000] [--threads 4] [--rounds 3] [--profile] [--steps]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest import bench_settings, cpu_seconds, database, machine, mail  # noqa: E402


def scratch_context(url: str, data_dir: Path) -> Any:
    """A context with no router and no inbound worker: only the store is exercised."""
    from balagh.dbmigrate import upgrade
    from balagh.wiring import build_context
    from core.outbound import SenderRegistry
    from core.routing.types import UnroutedRouter

    upgrade(url)
    settings = bench_settings(url, data_dir, inbound_workers=0)
    return build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())


def round_of(ctx: Any, count: int, threads: int) -> tuple[float, float]:
    """Store `count` mails from `threads` threads; (wall seconds, process CPU seconds)."""
    from channels.email.intake import receive

    run = uuid.uuid4().hex
    raws = [mail(n, run).as_bytes() for n in range(count)]
    share = [raws[i::threads] for i in range(threads)]
    recipients = ("1111@balagh.bench",)

    def store(mine: list[bytes]) -> None:
        for n, raw in enumerate(mine):
            receive(ctx, raw, f"citizen{n}@example.org", recipients)

    started, cpu = time.perf_counter(), cpu_seconds()
    if threads == 1:  # on this thread (cProfile sees only the thread that enabled it)
        store(raws)
        return time.perf_counter() - started, cpu_seconds() - cpu
    workers = [threading.Thread(target=store, args=(s,)) for s in share]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started, cpu_seconds() - cpu


# The steps `--steps` times: (module, attribute) as `receive` looks them up.
STEPS = (
    ("channels.email.intake", "parse_email", "parse"),
    ("channels.email.intake", "_with_reply_token", "reply token"),
    ("core.intake.ingest", "serialize", "serialize"),
    ("core.intake.ingest", "_store_grouped", "group store"),
)


@contextlib.contextmanager
def timed_steps() -> Iterator[dict[str, float]]:
    """Each step's thread CPU seconds while the block runs (the steps wrapped, then put back)."""
    import importlib

    spent: dict[str, float] = {name: 0.0 for _, _, name in STEPS}
    saved = []

    def timed(function: Callable[..., Any], name: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.thread_time() - started

        return wrapper

    for module_name, attribute, name in STEPS:
        module = importlib.import_module(module_name)
        saved.append((module, attribute, getattr(module, attribute)))
        setattr(module, attribute, timed(getattr(module, attribute), name))
    try:
        yield spent
    finally:
        for module, attribute, function in saved:
            setattr(module, attribute, function)


def print_steps(ctx: Any, count: int) -> None:
    """One round on this thread: each step's CPU ms per mail, and `receive`'s whole (the
    process's CPU during the round, the mails built before it)."""
    with timed_steps() as spent:
        _, total = round_of(ctx, count, 1)
    print(f"steps, one thread, {count} mails (CPU ms per mail):")
    for name, seconds in spent.items():
        print(f"  {name:<14}{seconds / count * 1000:8.3f}")
    rest = total - sum(spent.values())
    print(f"  {'the rest':<14}{rest / count * 1000:8.3f}")
    print(f"  {'receive':<14}{total / count * 1000:8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--steps", action="store_true")
    args = parser.parse_args()
    from core.intake.groupstore import store_group

    load = os.getloadavg()[0]
    with TemporaryDirectory() as tmp, database("postgresql", Path(tmp)) as url:
        ctx = scratch_context(url, Path(tmp) / "data")
        round_of(ctx, 200, args.threads)  # warm: imports, caches, the pool
        commits = store_group(ctx).commits
        print(f"machine: {machine()}, load average {load:.1f} at the start")
        print(f"{args.n} mails from {args.threads} thread(s) per round, PostgreSQL")
        for k in range(args.rounds):
            seconds, cpu = round_of(ctx, args.n, args.threads)
            print(f"round {k + 1}: {args.n / seconds:8.1f} mails/s, "
                  f"CPU {cpu / args.n * 1000:.3f} ms per mail")  # fmt: skip
        groups = store_group(ctx).commits - commits
        print(f"groups committed: {groups} ({args.n * args.rounds / max(1, groups):.1f} mails"
              f" each); load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
        if args.steps:
            print_steps(ctx, args.n)
        if args.profile:
            profiler = cProfile.Profile(time.thread_time)  # CPU, not waits
            profiler.enable()
            round_of(ctx, args.n, 1)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(45)
            print(out.getvalue())
        ctx.engine.dispose()


if __name__ == "__main__":
    main()
