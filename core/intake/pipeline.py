"""The one inbound pipeline: workers claim stored records and turn them into tickets.

A transport stores a record (`core.intake.ingest.accept`), answers its sender, and calls `wake`;
a worker claims the oldest pending record with `core.intake.ingest.process_next` (PostgreSQL:
`FOR UPDATE SKIP LOCKED`, so workers in this process and in other `balagh worker`
processes take different records; SQLite: one worker, its writers serialised anyway). A
worker that finds nothing waits for the next wake-up or `POLL_SECONDS`, which is how a
worker hears of records stored by another process. On start the workers drain whatever a
crash left pending at full speed; nothing waits for the `inbound` job, which only retries
records that failed.

Channels that process a record inline right after storing it (the web form shows the
reference at once; Telegram sends its follow-up prompt) are claimed here only after
`INLINE_GRACE`, i.e. when the inline step evidently never happened (a crash); a channel
that hands its records to the pipeline registers itself in `ctx.extras["inbound_hooks"]`
(with what to do once a record is processed, if anything).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, timedelta

from sqlalchemy import func, select

from core.context import Context
from core.intake.ingest import ClaimFailed, Processed, process_next
from core.models import InboundRecord

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
INLINE_GRACE = timedelta(seconds=30)
EXTRA_KEY = "inbound_pipeline"
HOOKS_KEY = "inbound_hooks"

AfterHook = Callable[[Context, Processed], None]


def register_hook(ctx: Context, channel: str, hook: AfterHook | None = None) -> None:
    """Hand this channel's records to the pipeline; `hook`, if any, runs after each one."""
    ctx.extras.setdefault(HOOKS_KEY, {})[channel] = hook


def wake(ctx: Context) -> None:
    """Tell this process's workers a record was stored (no-op when none run here)."""
    pipeline: InboundPipeline | None = ctx.extras.get(EXTRA_KEY)
    if pipeline is not None:
        pipeline.wake()


@dataclass(frozen=True)
class Backlog:
    """Pending inbound records per channel and the oldest one's age: a storm's early sign."""

    by_channel: dict[str, int]
    oldest_age_seconds: float | None

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


def backlog(ctx: Context) -> Backlog:
    """What waits to be processed (one grouped query on the status index)."""
    with ctx.sessions() as session:
        rows = session.execute(
            select(InboundRecord.channel, func.count(), func.min(InboundRecord.received_at))
            .where(InboundRecord.status == "pending")
            .group_by(InboundRecord.channel)
        ).all()
    oldest = min((row[2] for row in rows if row[2] is not None), default=None)
    age = None
    if oldest is not None:
        oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
        age = max(0.0, (ctx.now() - oldest).total_seconds())
    return Backlog({row[0]: int(row[1]) for row in rows}, age)


def pending_backlog(ctx: Context) -> dict[str, int]:
    """Pending records per channel."""
    return backlog(ctx).by_channel


def worker_count(ctx: Context) -> int:
    """BALAGH_INBOUND_WORKERS, but one on SQLite, which has one writer at a time anyway."""
    if ctx.engine.dialect.name == "sqlite":
        return 1
    return ctx.settings.inbound_workers


class InboundPipeline:
    """Worker threads processing inbound records; `stop()` lets each finish its record."""

    def __init__(self, ctx: Context, workers: int | None = None) -> None:
        self.ctx = ctx
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._idle_since: dict[int, float] = {}
        self.processed = 0
        count = workers if workers is not None else worker_count(ctx)
        self.threads = [
            threading.Thread(target=self._run, args=(n,), name=f"inbound-{n}", daemon=True)
            for n in range(count)
        ]
        for thread in self.threads:
            thread.start()
        logger.info("inbound: %d worker(s)", count)

    def wake(self) -> None:
        self._wake.set()

    def _run(self, number: int) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            looked = time.monotonic()  # a search that began after a record was stored
            if self._step():
                continue
            with self._lock:
                self._idle_since[number] = looked
            self._wake.wait(POLL_SECONDS)

    def _step(self) -> bool:
        """Process one record; False when there was none to claim (or the database is down)."""
        ctx = self.ctx
        hooks: dict[str, AfterHook | None] = ctx.extras.get(HOOKS_KEY, {})
        try:
            claimed = (process_next(ctx, tuple(hooks)) if hooks else None) or process_next(
                ctx, older_than=ctx.now() - INLINE_GRACE
            )
        except ClaimFailed as failed:  # the error is on the record; the job retries it
            logger.warning("inbound record %s failed; left for the retry job", failed.record_id)
            return True
        except Exception as exc:  # the database is unreachable: wait, then try again
            logger.warning("inbound: cannot claim records: %s", type(exc).__name__)
            return False
        if claimed is None:
            return False
        with self._lock:
            self.processed += 1
        hook = hooks.get(claimed.channel)
        if hook is not None:
            try:
                hook(ctx, claimed.processed)
            except Exception:
                logger.exception("inbound: after-processing step of record %s", claimed.record_id)
        return True

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every worker found nothing left to claim in a search that began after
        this call (so a record stored before the call is never missed) (tests, a stop)."""
        start = time.monotonic()
        self.wake()
        while time.monotonic() - start < timeout:
            with self._lock:
                idle = [self._idle_since.get(n, 0.0) for n in range(len(self.threads))]
            if all(moment > start for moment in idle):
                return True
            time.sleep(0.01)
        return False

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.wake()
        for thread in self.threads:
            thread.join(timeout)


def start_pipeline(ctx: Context) -> InboundPipeline:
    """This process's pipeline, started once; later callers share it."""
    pipeline: InboundPipeline | None = ctx.extras.get(EXTRA_KEY)
    if pipeline is None:
        pipeline = InboundPipeline(ctx)
        ctx.extras[EXTRA_KEY] = pipeline
    return pipeline


def stop_pipeline(ctx: Context) -> None:
    """Stop this process's pipeline, if one runs."""
    pipeline: InboundPipeline | None = ctx.extras.pop(EXTRA_KEY, None)
    if pipeline is not None:
        pipeline.stop()
