"""A worker's CPU per processed record, without SMTP or a profiler (issue 13).

On a scratch PostgreSQL database with the real routing model (built in a temporary data
directory, not timed): `--warm` mails from as many citizens are stored and processed (they
become known citizens, with open tickets of five categories: a storm's duplicate candidates,
capped at 200 per category), then `--reps` times `-n` mails from known citizens (each citizen
at most a few times an hour, under email's acknowledgements-per-hour limit) are stored and
processed on this thread by the pipeline's step, as a worker does (one claim and one commit per
batch with `process_batch`, then the channel's after-step for each record). Only the
processing is timed. Prints the machine and load, each rep's CPU ms per
record (`time.process_time`: no other thread runs here), wall ms and statements per record,
the CPU ms per record of the PostgreSQL backends serving the scratch database (from /proc:
the server runs on the same two cores), and their min / median / max; `--profile` adds a cProfile (CPU time) of one more rep of
`--profile-n` records: the top by own time and by cumulative time; `--steps` adds one more rep
of `--profile-n` records with the CPU (`time.thread_time`) spent inside each of the pipeline's
main steps (`STEPS`, inclusive: a step's figure holds the steps it calls; the wrappers add a
few microseconds per call), per record. Asserts nothing.

Before/after comparisons: run this script against another tree by copying it into that
tree's bench/ (it imports the tree it sits in), interleaving runs, on the same venv.

    .venv/bin/python bench/worker_cpu.py [-n 100] [--reps 8] [--warm 1000] [--profile] [--steps]
        [--batch N]   # records claimed at once (default: the tree's BATCH_SIZE)
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import io
import os
import pstats
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest import (  # noqa: E402
    bench_settings,
    database,
    database_cpu,
    free_port,
    machine,
    mail,
    relay_sink,
)


def worker_context(url: str, data_dir: Path) -> Any:
    """The real router (built now), no inbound worker and no courier: only this thread
    processes, and the acknowledgements stay queued (delivery is not what is measured)."""
    from balagh.dbmigrate import upgrade
    from balagh.serve import prepare_router
    from balagh.wiring import build_context
    from core.outbound import CollectingSender, SenderRegistry

    upgrade(url)
    senders = SenderRegistry()
    senders.register("email", CollectingSender())
    settings = bench_settings(url, data_dir, inbound_workers=0, smtp_port=free_port())
    ctx = build_context(settings, senders=senders)
    prepare_router(ctx)
    return ctx


def store(ctx: Any, citizens: range) -> None:
    """One mail from each of these citizens, stored as the SMTP listener stores it."""
    from channels.email.intake import receive

    run = uuid.uuid4().hex
    for n in citizens:
        raw = mail(n, run).as_bytes()
        receive(ctx, raw, f"citizen{n}@example.org", ("1111@balagh.bench",))


def process_all(ctx: Any) -> int:
    """Process every pending record in batches on this thread, as a worker does: the
    pipeline's own step (`process_batch`, then each record's channel after-step, email's
    look for attachments left out), on a pipeline with no threads of its own."""
    from core.intake.pipeline import InboundPipeline

    pipeline = InboundPipeline(ctx, workers=0)
    try:
        while pipeline._step():
            pass
    finally:
        pipeline.stop()
    return pipeline.processed


class Statements:
    """Counts the statements sent to the database while installed."""

    def __init__(self, ctx: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        self.engine = ctx.engine
        event.listen(self.engine, "before_cursor_execute", self._counted)

    def _counted(self, *_: Any) -> None:
        self.count += 1

    def remove(self) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._counted)


def server_cpu(ctx: Any) -> float:
    """CPU seconds the PostgreSQL backends serving the scratch database have used so far
    (`ingest.database_cpu`)."""
    return database_cpu(ctx)


def rep(ctx: Any, citizens: range) -> tuple[float, float, float, float]:
    """Store, then process, these citizens' mails; (CPU ms, wall ms, statements, the
    database server's CPU ms) per record."""
    store(ctx, citizens)
    statements = Statements(ctx)
    server = server_cpu(ctx)
    wall, cpu = time.perf_counter(), time.process_time()
    processed = process_all(ctx)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    server = server_cpu(ctx) - server
    statements.remove()
    each = max(1, processed)
    return cpu / each * 1000, wall / each * 1000, statements.count / each, server / each * 1000


NEW_CITIZENS = False  # --new: every mail from a citizen never seen before


def known(start: int, count: int, population: int) -> range:
    """`count` known citizens from `start`, wrapping round the warmed-up population (with
    `--new`, `count` citizens never seen before, past it)."""
    if NEW_CITIZENS:
        return range(population + start, population + start + count)
    first = start % population
    if first + count > population:
        first = 0
    return range(first, first + count)


def profiled(ctx: Any, citizens: range) -> str:
    """A cProfile on CPU time of processing these citizens' mails: top by own and by
    cumulative time."""
    store(ctx, citizens)
    profiler = cProfile.Profile(time.thread_time)
    profiler.enable()
    processed = process_all(ctx)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    out.write(f"cProfile of {processed} records (CPU time; the profiler inflates it)\n")
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(60)
    return out.getvalue()


# (module, function or Class.method) timed by `--steps`, outermost first.
STEPS = (
    ("core.intake.ingest", "process_batch"),
    ("core.intake.ingest", "_look_up_batch"),
    ("core.intake.conversation", "handle_message"),
    ("core.intake.conversation", "_open_ticket"),
    ("core.tickets", "next_reference"),
    ("core.intake.triage", "route_new_ticket"),
    ("core.routing.router", "ModelRouter.classify"),
    ("core.intake.duplicates", "suggest_duplicates"),
    ("core.intake.duplicates", "_similar"),
    ("core.routing.similarity", "prepared_similarities"),
    ("core.delivery.notify", "notify_citizen"),
    ("core.newrows", "flush_new_rows"),
    ("core.newrows", "_insert"),
    ("core.batchrows", "DeferredRows.write"),
)


def stepped(ctx: Any, citizens: range) -> str:
    """CPU ms per record inside each of STEPS while processing these citizens' mails."""
    spent: dict[str, float] = dict.fromkeys((name for _, name in STEPS), 0.0)
    calls: dict[str, int] = dict.fromkeys(spent, 0)
    undo = _wrap_steps(STEPS, spent, calls)
    store(ctx, citizens)
    try:
        processed = max(1, process_all(ctx))
    finally:
        for holder, attribute, original in reversed(undo):
            setattr(holder, attribute, original)
    lines = [
        f"CPU inside each step, {processed} records (inclusive; ms per record, calls per record):"
    ]
    for _, name in STEPS:
        lines.append(
            f"  {spent[name] / processed * 1000:7.3f} ms  {calls[name] / processed:5.2f}  {name}"
        )
    return "\n".join(lines)


# (module, function or Class.method) timed by `--deliver`, outermost first.
DELIVERY_STEPS = (
    ("core.delivery.outbox", "deliver_due"),
    ("core.delivery.outbox", "claim_due"),
    ("channels.email.sender", "SmtpSender.send"),
    ("channels.email.sender", "SmtpSender.compose"),  # absent before it existed
    ("channels.email.sender", "SmtpSender.build"),
    ("core.delivery.outbox", "_record_outcome"),  # a success too, before _record_sent_many
    ("core.delivery.outbox", "_record_sent"),
    ("core.delivery.outbox", "_record_sent_many"),  # a round's successes (absent before)
)


def delivered(ctx: Any, rounds: int) -> str:
    """The acknowledgements the reps queued, delivered as the courier delivers them
    (`deliver_due`, batches of the courier's BATCH) through the real SMTP sender to a relay
    sink in a process of its own: CPU ms per item of each round (`time.process_time`) and,
    over all rounds, inside each of DELIVERY_STEPS (`time.thread_time`, inclusive)."""
    import multiprocessing

    from channels.email.sender import SmtpSender
    from core.delivery import outbox
    from core.delivery.courier import BATCH

    port = free_port()
    sink = multiprocessing.get_context("spawn").Process(
        target=relay_sink, args=(port,), daemon=True
    )
    sink.start()
    time.sleep(2)  # the sink's import and listen
    ctx.senders.register(
        "email",
        SmtpSender(
            host="127.0.0.1",
            port=port,
            from_address=ctx.settings.mail_address,
            secret_key=ctx.settings.secret_key,
        ),
    )
    spent: dict[str, float] = {name: 0.0 for _, name in DELIVERY_STEPS}
    undo = _wrap_steps(DELIVERY_STEPS, spent)
    lines, total = [], 0
    try:
        for k in range(rounds):
            server = server_cpu(ctx)
            cpu, sent = time.process_time(), 0
            for _ in range(4):
                sent += outbox.deliver_due(ctx, BATCH).sent  # looked up now: wrapped
            cpu = time.process_time() - cpu
            server = server_cpu(ctx) - server
            total += sent
            if sent:
                lines.append(
                    f"deliver round {k + 1}: {sent} acknowledgements, CPU {cpu / sent * 1000:.3f} ms"
                    f" per item, PostgreSQL's CPU {server / sent * 1000:.3f} ms per item"
                )
    finally:
        for holder, attribute, original in reversed(undo):
            setattr(holder, attribute, original)
        sink.terminate()
        sink.join(10)
    lines.append(f"CPU inside each delivery step, {total} items (inclusive; ms per item):")
    for _, name in DELIVERY_STEPS:
        lines.append(f"  {spent[name] / max(total, 1) * 1000:7.3f} ms  {name}")
    return "\n".join(lines)


def _wrap_steps(
    steps: Any, spent: dict[str, float], calls: dict[str, int] | None = None
) -> list[tuple[Any, str, Any]]:
    """Wrap each step to add its CPU (`time.thread_time`) to `spent` and count its calls in
    `calls`; returns what to undo."""
    undo: list[tuple[Any, str, Any]] = []
    counted = calls if calls is not None else {}

    def timed(fn: Any, name: str) -> Any:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.thread_time() - started
                counted[name] = counted.get(name, 0) + 1

        return inner

    for module_name, name in steps:
        owner: Any = importlib.import_module(module_name)
        attribute = name
        if "." in name:
            class_name, attribute = name.split(".")
            owner = getattr(owner, class_name, None)  # None: a class an older tree lacks
        original = getattr(owner, attribute, None) if owner is not None else None
        if original is None:  # a step an older tree does not have
            continue
        wrapped = timed(original, name)
        holders = [owner] + [
            m for m in list(sys.modules.values())
            if "." not in name and getattr(m, "__name__", "").startswith(("core", "channels"))
            and getattr(m, attribute, None) is original
        ]  # fmt: skip
        for holder in holders:
            setattr(holder, attribute, wrapped)
            undo.append((holder, attribute, original))
    return undo


def revision() -> str:
    root = Path(__file__).resolve().parents[1]
    found = subprocess.run(
        ["git", "-C", str(root), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="records per rep")
    parser.add_argument("--reps", type=int, default=8)
    parser.add_argument("--warm", type=int, default=1000, help="citizens warmed up (known)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--profile-n", type=int, default=300)
    parser.add_argument("--steps", action="store_true", help="CPU inside each main step")
    parser.add_argument(
        "--batch", type=int, help="records a worker claims at once (the tree's BATCH_SIZE)"
    )
    parser.add_argument(
        "--deliver",
        action="store_true",
        help="then deliver the queued acknowledgements through SMTP to a sink: CPU per item",
    )
    parser.add_argument(
        "--new",
        action="store_true",
        help="each mail from a citizen never seen before (as bench/ingest.py sends), not a known one",
    )
    args = parser.parse_args()
    import core.intake.ingest

    if args.batch:
        core.intake.ingest.BATCH_SIZE = args.batch
    global NEW_CITIZENS
    NEW_CITIZENS = args.new
    load = os.getloadavg()[0]
    with TemporaryDirectory() as tmp, database("postgresql", Path(tmp)) as url:
        ctx = worker_context(url, Path(tmp) / "data")
        store(ctx, range(args.warm))
        process_all(ctx)
        print(f"machine: {machine()}, tree {revision()}, load average {load:.1f} at the start")
        print(f"PostgreSQL, {args.warm} citizens warmed up, {args.reps} reps of {args.n}"
              f" {'new' if args.new else 'known'} citizens' mails, processed in batches of"
              f" {core.intake.ingest.BATCH_SIZE} on one thread")  # fmt: skip
        cpus, walls, servers = [], [], []
        for k in range(args.reps):
            cpu, wall, statements, server = rep(ctx, known(k * args.n, args.n, args.warm))
            cpus.append(cpu)
            walls.append(wall)
            servers.append(server)
            print(f"rep {k + 1}: CPU {cpu:6.2f} ms, wall {wall:6.2f} ms, "
                  f"{statements:.1f} statements per record, PostgreSQL's CPU {server:5.2f} ms"
                  f" (load {os.getloadavg()[0]:.1f})")  # fmt: skip
        print(f"CPU ms per record: min {min(cpus):.2f}, median {statistics.median(cpus):.2f},"
              f" max {max(cpus):.2f}; wall median {statistics.median(walls):.2f};"
              f" PostgreSQL's CPU median {statistics.median(servers):.2f};"
              f" load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
        if args.profile:
            print(profiled(ctx, known(args.reps * args.n, args.profile_n, args.warm)))
        if args.steps:
            start = args.reps * args.n + (args.profile_n if args.profile else 0)
            print(stepped(ctx, known(start, args.profile_n, args.warm)))
        if args.deliver:
            print(delivered(ctx, max(1, args.reps * args.n // 200)))
        ctx.engine.dispose()


if __name__ == "__main__":
    main()
