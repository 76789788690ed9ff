"""The one inbound pipeline: workers claim stored records and turn them into tickets.

A transport stores a record (`core.intake.ingest.accept`), answers its sender, and calls `wake`;
a worker claims the oldest pending record with `core.intake.ingest.process_next` (PostgreSQL:
`FOR UPDATE SKIP LOCKED`, so workers in this process and in other `balagh worker`
processes take different records; SQLite: one worker, its writers serialised anyway). A
worker that finds nothing waits for the next wake-up or `POLL_SECONDS`; on PostgreSQL a
record stored by another process wakes it at once too (LISTEN/NOTIFY, core.intake.wakeups),
and the poll is the fallback. On start the workers drain whatever a crash left pending at
full speed; nothing waits for the `inbound` job, which only retries records that failed.

A channel that hands its records to the pipeline registers itself (`register_hook`),
optionally with what to do once a record is processed; its records are claimed at once. One
with a `prepare` hook stores a record that needs it (a file to fetch) as `preparing`: a
preparer thread completes it outside any transaction and makes it pending for the workers. A
channel whose answer needs the processed ticket waits for it with `wait_processed`
(bounded; the worker resolves the wait the moment it commits) instead of processing in its
own thread; one that answers as soon as it has stored (the WhatsApp webhook) calls
`pass_on`. Channels that still process inline right after storing (a phone call staff
records) are claimed here only after `INLINE_GRACE`, i.e. when the inline step evidently
never happened (a crash).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

from sqlalchemy import func, select

from core.context import Context
from core.intake.ingest import (
    PREPARE_KEY,
    BatchResult,
    ClaimFailed,
    Prepare,
    Processed,
    prepare_waiting,
    process_batch,
    process_next,
    processed_record,
)
from core.intake.wakeups import PIPELINE_KEY, listen
from core.models import InboundRecord, InboundStatus

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
INLINE_GRACE = timedelta(seconds=30)
EXTRA_KEY = PIPELINE_KEY
HOOKS_KEY = "inbound_hooks"

# How many processed records' results a pipeline remembers for a late `wait_processed`
# (one registered just after a worker finished the record).
RECENT_RESULTS = 4096
# Between two looks at the database while waiting for a record no worker here processes.
WAIT_POLL_FIRST, WAIT_POLL_MAX = 0.02, 0.5

# A channel's after-step: the record's result and its stored message (`Claimed.normalized`:
# None when the worker did not hold it, and the hook looks it up).
AfterHook = Callable[[Context, Processed, dict[str, Any] | None], None]


def register_hook(
    ctx: Context, channel: str, hook: AfterHook | None = None, prepare: Prepare | None = None
) -> None:
    """Hand this channel's records to the pipeline; `hook`, if any, runs after each one;
    `prepare`, if any, completes each one stored as needing it before a worker claims it
    (`core.intake.ingest.prepare_waiting`, in the pipeline's preparer thread)."""
    ctx.extras.setdefault(HOOKS_KEY, {})[channel] = hook
    if prepare is not None:
        ctx.extras.setdefault(PREPARE_KEY, {})[channel] = prepare


def wake(ctx: Context, preparing: bool = False) -> None:
    """Tell this process's workers a record was stored (no-op when none run here), and its
    preparer when the record is stored `preparing` (its channel completes it first)."""
    pipeline: InboundPipeline | None = ctx.extras.get(EXTRA_KEY)
    if pipeline is not None:
        pipeline.wake(preparing)


def hand_off(ctx: Context, record_id: int) -> Future[Processed | None] | None:
    """A stored record is the pipeline's now: wake the workers; a future for its result.

    The record is pending (no channel that prepares its records waits for one): only the
    workers are woken. A process that stores records brings its workers, as the SMTP
    listener and the bot do:
    they are started here if none run yet (a web app under gunicorn has no `balagh serve` to
    start them), unless BALAGH_INBOUND_WORKERS is 0 (this process only stores; the
    notification wakes other processes' workers) or the process is still starting (the
    routing model is being prepared; the inbound component starts them once it is ready).
    None when no worker runs here.
    """
    pipeline = _workers_here(ctx)
    if pipeline is None:
        return None
    future = pipeline.expect(record_id)
    pipeline.wake(preparing=False)
    return future


def pass_on(ctx: Context, preparing: bool = False) -> None:
    """Stored records are the pipeline's now, and nobody here waits for their result (a
    webhook that answers as soon as it has stored): `hand_off` without the future; the
    preparer is woken too when one of them was stored `preparing`."""
    pipeline = _workers_here(ctx)
    if pipeline is not None:
        pipeline.wake(preparing)


def _workers_here(ctx: Context) -> InboundPipeline | None:
    """This process's pipeline, started when none runs yet and this process may run one."""
    pipeline: InboundPipeline | None = ctx.extras.get(EXTRA_KEY)
    if pipeline is None and not ctx.starting and worker_count(ctx) > 0:
        pipeline = start_pipeline(ctx)
    if pipeline is not None and not pipeline.threads:  # nobody here would resolve a wait
        return None
    return pipeline


def wait_processed(ctx: Context, record_id: int, timeout: float) -> Processed | None:
    """The handed-off record's result within `timeout` seconds, else None (it is stored and
    will be processed; the caller answers "received" instead of with the ticket).

    In-process workers resolve the wait as they commit; a record processed by another
    process (or before the wait began) is found in the database.
    """
    future = hand_off(ctx, record_id)
    if future is not None:
        try:
            return future.result(timeout)
        except TimeoutError:
            _forget(ctx, record_id, future)
            return processed_record(ctx, record_id)
    return _poll_processed(ctx, record_id, timeout)


async def wait_processed_async(ctx: Context, record_id: int, timeout: float) -> Processed | None:
    """`wait_processed` for an event loop: waits without holding a thread, and a cancelled
    wait (the bot stopping) ends at once, leaving nothing behind that still waits."""
    future = hand_off(ctx, record_id)
    if future is not None:
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            _forget(ctx, record_id, future)
            return await asyncio.to_thread(processed_record, ctx, record_id)
        except asyncio.CancelledError:
            _forget(ctx, record_id, future)
            raise
    return await _poll_processed_async(ctx, record_id, timeout)


def _forget(ctx: Context, record_id: int, future: Future[Processed | None]) -> None:
    pipeline: InboundPipeline | None = ctx.extras.get(EXTRA_KEY)
    if pipeline is not None:
        pipeline.forget(record_id, future)


def poll_pauses(deadline: float, clock: Callable[[], float]) -> Iterator[float]:
    """The pauses between two looks at the database for a processed record, the same for a
    thread and an event loop: doubling from WAIT_POLL_FIRST up to WAIT_POLL_MAX (early looks
    catch a quick worker, later ones spare the database), the last cut to end at `deadline`
    on `clock`, and none once it has passed."""
    pause = WAIT_POLL_FIRST
    while (left := deadline - clock()) > 0:
        yield min(pause, left)
        pause = min(pause * 2, WAIT_POLL_MAX)


def _poll_processed(ctx: Context, record_id: int, timeout: float) -> Processed | None:
    """Look in the database, less often as time passes, until processed or `timeout`."""
    pauses = poll_pauses(time.monotonic() + timeout, time.monotonic)
    while (found := processed_record(ctx, record_id)) is None:
        pause = next(pauses, None)
        if pause is None:
            return None
        time.sleep(pause)
    return found


async def _poll_processed_async(ctx: Context, record_id: int, timeout: float) -> Processed | None:
    """`_poll_processed` with its pauses on the event loop (a thread sleeping through them
    would go on polling for up to `timeout` after its waiter was cancelled)."""
    loop = asyncio.get_running_loop()
    pauses = poll_pauses(loop.time() + timeout, loop.time)
    while (found := await asyncio.to_thread(processed_record, ctx, record_id)) is None:
        pause = next(pauses, None)
        if pause is None:
            return None
        await asyncio.sleep(pause)
    return found


@dataclass(frozen=True)
class Backlog:
    """Pending inbound records per channel and the oldest one's age: a storm's early sign."""

    by_channel: dict[str, int]
    oldest_age_seconds: float | None

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


WAITING = (InboundStatus.PENDING, InboundStatus.PREPARING)


def backlog(ctx: Context) -> Backlog:
    """What waits to be processed (one grouped query on the status index), including records
    whose channel is still completing them (a WhatsApp photo being fetched): a storm of photos
    held up by a slow Graph API is a backlog the operator must see."""
    with ctx.sessions() as session:
        rows = session.execute(
            select(InboundRecord.channel, func.count(), func.min(InboundRecord.received_at))
            .where(InboundRecord.status.in_(WAITING))
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
    """BALAGH_INBOUND_WORKERS, but at most one on SQLite, which has one writer at a time,
    and none in a `balagh serve` whose workers are processes of their own."""
    if ctx.engine.dialect.name == "sqlite":
        return min(1, ctx.settings.inbound_workers)
    if worker_processes(ctx):
        return 0
    return ctx.settings.inbound_workers


def worker_processes(ctx: Context) -> int:
    """How many `balagh worker` processes `balagh serve` starts beside itself to do its
    processing (BALAGH_WORKER_PROCESSES); 0 on SQLite, where one process writes."""
    if ctx.engine.dialect.name != "postgresql":
        return 0
    return ctx.settings.worker_processes


class InboundPipeline:
    """Worker threads processing inbound records; `stop()` lets each finish its record."""

    def __init__(self, ctx: Context, workers: int | None = None) -> None:
        self.ctx = ctx
        self._prepare_wake = threading.Event()
        self._prepared_at = 0.0
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._idle_since: dict[int, float] = {}
        self._waiters: dict[int, list[Future[Processed | None]]] = {}
        self._results: OrderedDict[int, Processed | None] = OrderedDict()
        self.processed = 0
        count = workers if workers is not None else worker_count(ctx)
        # One event per worker: with one shared event, a worker that woke first cleared it
        # before another (still busy when it was set) began to wait, and that one slept a
        # whole poll with work it had been woken for (wait_idle then waited for it too).
        self._wakes = [threading.Event() for _ in range(count)]
        self.threads = [
            threading.Thread(target=self._run, args=(n,), name=f"inbound-{n}", daemon=True)
            for n in range(count)
        ]
        # One more thread completes the records of channels with a `prepare` hook (a file to
        # fetch) before the workers may claim them, so a slow download holds no worker.
        self.preparer = (
            threading.Thread(target=self._run_preparer, name="inbound-prepare", daemon=True)
            if count and ctx.extras.get(PREPARE_KEY)
            else None
        )
        for thread in self.threads:
            thread.start()
        if self.preparer is not None:
            self.preparer.start()
        self.listener = listen(ctx.engine, self.wake) if count else None
        _RUNNING.add(self)
        logger.info("inbound: %d worker(s)", count)

    def wake(self, preparing: bool = True) -> None:
        """Wake the workers, and the preparer unless the news cannot be a record to prepare
        (`preparing` False): each wake-up of it is a query, which a burst of mails, none of
        them to prepare, paid once per wake-up (bench/RESULTS.md, session 13)."""
        self._wake_workers()
        if preparing:
            self._prepare_wake.set()

    def _wake_workers(self) -> None:
        for event in self._wakes:
            event.set()

    def expect(self, record_id: int) -> Future[Processed | None]:
        """A future resolved when a worker here has processed the record (None: it failed)."""
        future: Future[Processed | None] = Future()
        with self._lock:
            if record_id in self._results:
                future.set_running_or_notify_cancel()
                future.set_result(self._results[record_id])
            else:
                self._waiters.setdefault(record_id, []).append(future)
        return future

    def forget(self, record_id: int, future: Future[Processed | None]) -> None:
        """Stop holding a future nobody waits for any more (its record may be another
        process's to process, and would never resolve it here)."""
        with self._lock:
            waiters = self._waiters.get(record_id, [])
            if future in waiters:
                waiters.remove(future)
            if not waiters:
                self._waiters.pop(record_id, None)

    def _resolve(self, record_id: int, result: Processed | None) -> None:
        with self._lock:
            self._results[record_id] = result
            while len(self._results) > RECENT_RESULTS:
                self._results.popitem(last=False)
            waiters = self._waiters.pop(record_id, [])
        for future in waiters:
            if future.set_running_or_notify_cancel():  # False: an async waiter gave up
                future.set_result(result)

    def _run(self, number: int) -> None:
        wake = self._wakes[number]
        while not self._stopping.is_set():
            wake.clear()
            looked = time.monotonic()  # a search that began after a record was stored
            if self._step():
                continue
            with self._lock:
                self._idle_since[number] = looked
            wake.wait(POLL_SECONDS)

    def _run_preparer(self) -> None:
        number = len(self.threads)  # its idle moments after the workers' (wait_idle)
        while not self._stopping.is_set():
            self._prepare_wake.clear()
            looked = time.monotonic()
            try:
                prepared, failed = prepare_waiting(self.ctx)
            except Exception as exc:  # the database is unreachable: wait, then try again
                logger.warning("inbound: cannot prepare records: %s", type(exc).__name__)
                prepared = failed = 0
            if prepared or failed:
                with self._lock:
                    self._prepared_at = time.monotonic()
                self._wake_workers()  # the workers claim what is now pending
                continue
            with self._lock:
                self._idle_since[number] = looked
            self._prepare_wake.wait(POLL_SECONDS)

    def _step(self) -> bool:
        """Process a batch of records (`process_batch`: one claim and one commit for up to
        BATCH_SIZE), else one record an inline channel left behind; False when there was
        none to claim (or the database is down)."""
        ctx = self.ctx
        hooks: dict[str, AfterHook | None] = ctx.extras.get(HOOKS_KEY, {})
        try:
            batch = process_batch(ctx, tuple(hooks)) if hooks else BatchResult([], [])
            if not batch.claimed and not batch.failed:
                late = process_next(ctx, older_than=ctx.now() - INLINE_GRACE)
                batch = BatchResult([late] if late is not None else [], [])
        except ClaimFailed as failed:  # the error is on the record; the job retries it
            batch = BatchResult([], [failed.record_id])
        except Exception as exc:  # the database is unreachable: wait, then try again
            logger.warning("inbound: cannot claim records: %s", type(exc).__name__)
            return False
        for record_id in batch.failed:
            logger.warning("inbound record %s failed; left for the retry job", record_id)
            self._resolve(record_id, None)
        if not batch.claimed:
            return bool(batch.failed)
        with self._lock:
            self.processed += len(batch.claimed)
        for claimed in batch.claimed:
            hook = hooks.get(claimed.channel)
            if hook is not None:
                try:
                    hook(ctx, claimed.processed, claimed.normalized)
                except Exception:
                    logger.exception(
                        "inbound: after-processing step of record %s", claimed.record_id
                    )
            self._resolve(claimed.record_id, claimed.processed)
        return True

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every worker found nothing left to claim in a search that began after
        this call (so a record stored before the call is never missed) (tests, a stop).

        On PostgreSQL the listener's first LISTEN wakes everyone once more (whatever was
        stored while nobody here listened): until it has, the pipeline is not idle, and a
        search before that wake-up would leave it to come later (False after `timeout`)."""
        deadline = time.monotonic() + timeout
        if self.listener is not None and not self.listener.listening.wait(timeout):
            return False
        start = time.monotonic()
        self.wake()
        while time.monotonic() < deadline:
            with self._lock:
                # The workers must have looked after the last record the preparer handed on.
                after = max(start, self._prepared_at)
                idle = [self._idle_since.get(n, 0.0) > after for n in range(len(self.threads))]
                if self.preparer is not None:
                    idle.append(self._idle_since.get(len(self.threads), 0.0) > start)
            if all(idle):
                return True
            time.sleep(0.01)
        return False

    def stop(self, timeout: float = 10.0) -> None:
        _RUNNING.discard(self)
        self._stopping.set()
        self.wake()
        if self.listener is not None:
            self.listener.stop()
        for thread in self.threads:
            thread.join(timeout)
        if self.preparer is not None:
            self.preparer.join(timeout)
        with self._lock:  # whoever still waits is answered "not yet" at once
            waiters, self._waiters = self._waiters, {}
        for futures in waiters.values():
            for future in futures:
                if future.set_running_or_notify_cancel():
                    future.set_result(None)


_RUNNING: weakref.WeakSet[InboundPipeline] = weakref.WeakSet()


def stop_every_pipeline() -> int:
    """Stop every pipeline running in this process, whichever context started it (tests:
    a worker left running would take the next test's records); how many were running."""
    running = list(_RUNNING)
    for pipeline in running:
        pipeline.stop()
        if pipeline.ctx.extras.get(EXTRA_KEY) is pipeline:
            del pipeline.ctx.extras[EXTRA_KEY]
    return len(running)


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
