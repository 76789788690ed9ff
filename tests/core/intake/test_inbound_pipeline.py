"""The inbound pipeline: workers claim stored records, once each, woken at once, after a crash too."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

import core.intake.pipeline
from balagh.wiring import build_context
from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import accept, process, retry_pending
from core.intake.pipeline import (
    InboundPipeline,
    backlog,
    hand_off,
    poll_pauses,
    register_hook,
    start_pipeline,
    stop_pipeline,
    wait_processed,
    wake,
    worker_count,
)
from core.intake.wakeups import WakeListener
from core.models import Direction, InboundRecord, InboundStatus, Message


def mail(n: int, ctx: Context, age: timedelta = timedelta(0)) -> InboundMessage:
    return InboundMessage(
        channel="email",
        sender=f"citizen{n}@example.org",
        text=f"Water leak number {n} on Sultan Qaboos Street",
        external_id=f"<{n}@example.org>",
        received_at=ctx.now() - age,
        raw=f"Message-ID: <{n}@example.org>\r\n\r\nleak {n}\r\n".encode(),
    )


def store(ctx: Context, messages: list[InboundMessage]) -> list[int]:
    return [accept(ctx, m).record_id for m in messages]


def states(ctx: Context) -> dict[str, int]:
    with ctx.sessions() as session:
        rows = session.execute(
            select(InboundRecord.status, func.count()).group_by(InboundRecord.status)
        ).all()
    return {status: count for status, count in rows}


def attempts(ctx: Context) -> set[int]:
    with ctx.sessions() as session:
        return set(session.execute(select(InboundRecord.attempts)).scalars())


def drain(ctx: Context, seconds: float = 30) -> None:
    """Start the pipeline, let it work through what is stored, and stop it."""
    pipeline = start_pipeline(ctx)
    try:
        assert pipeline.wait_idle(seconds)
    finally:
        stop_pipeline(ctx)


def inbound_messages(ctx: Context) -> int:
    with ctx.sessions() as session:
        return session.execute(
            select(func.count()).select_from(Message).where(Message.direction == Direction.IN)
        ).scalar_one()


@pytest.fixture
def second_ctx(ctx: Context) -> Iterator[Context]:
    """Another process's view of the same database: its own engine and connections."""
    other = build_context(ctx.settings, senders=ctx.senders, router=ctx.router)
    yield other
    other.engine.dispose()


def test_two_workers_and_inline_callers_process_each_record_once_and_never_fail_it(
    ctx: Context, second_ctx: Context
) -> None:
    ids = store(ctx, [mail(n, ctx) for n in range(24)])
    pipelines = [InboundPipeline(ctx, workers=2), InboundPipeline(second_ctx, workers=2)]
    try:
        for pipeline in pipelines:
            pipeline.wake()
        # The web form's inline path and the retry job race the workers for the same records.
        racer = threading.Thread(target=lambda: [process(second_ctx, i) for i in reversed(ids)])
        racer.start()
        retry_pending(ctx)
        racer.join(60)
        assert all(p.wait_idle(60) for p in pipelines)
    finally:
        for pipeline in pipelines:
            pipeline.stop()
    assert states(ctx) == {"done": 24}
    assert attempts(ctx) == {1}
    assert inbound_messages(ctx) == 24


def test_restart_drains_records_a_crash_left_pending_without_the_job(ctx: Context) -> None:
    store(ctx, [mail(n, ctx, age=timedelta(minutes=5)) for n in range(15)])
    web_form = InboundMessage(
        channel="web",
        sender="web:1",
        text="Street light out near the souq",
        external_id="form-1",
        received_at=ctx.now() - timedelta(minutes=5),
    )
    store(ctx, [web_form])  # stored, then the process died before its inline processing
    assert backlog(ctx).by_channel == {"email": 15, "web": 1}
    drain(ctx, 60)
    assert states(ctx) == {"done": 16}
    assert backlog(ctx).total == 0


def test_the_backlog_counts_records_their_channel_is_still_completing(ctx: Context) -> None:
    photo = replace(mail(1, ctx, age=timedelta(minutes=3)), needs_preparing=True)
    store(ctx, [photo, mail(2, ctx)])
    assert states(ctx) == {"preparing": 1, "pending": 1}
    waiting = backlog(ctx)
    assert waiting.by_channel == {"email": 2}
    assert waiting.oldest_age_seconds is not None and waiting.oldest_age_seconds >= 170


def test_a_stored_record_wakes_a_worker_without_waiting_for_the_poll(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core.intake.pipeline, "POLL_SECONDS", 3600.0)
    pipeline = start_pipeline(ctx)
    try:
        # Every worker looked and now sleeps for an hour unless woken (with one wake-up event
        # shared by the workers, one of them missed wait_idle's wake-up and this timed out).
        assert pipeline.wait_idle(30)
        store(ctx, [mail(1, ctx)])
        wake(ctx)
        deadline = time.monotonic() + 30
        while states(ctx) != {"done": 1} and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        stop_pipeline(ctx)
    assert states(ctx) == {"done": 1}


def test_a_channel_that_processes_inline_keeps_its_fresh_record(ctx: Context) -> None:
    call = InboundMessage(  # a phone call staff record: ingested inline, in their request
        channel="phone", sender="+96890000005", text="حفرة", external_id="call:5"
    )
    store(ctx, [call])
    drain(ctx)
    assert states(ctx) == {"pending": 1}


def test_backlog_reports_pending_records_per_channel_and_the_oldest_age(ctx: Context) -> None:
    store(ctx, [mail(1, ctx, age=timedelta(minutes=2)), mail(2, ctx)])
    found = backlog(ctx)
    assert found.by_channel == {"email": 2}
    assert found.oldest_age_seconds is not None and 119 <= found.oldest_age_seconds <= 600


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # LISTEN/NOTIFY
def test_a_record_stored_by_another_process_wakes_a_worker_without_the_poll(
    ctx: Context, second_ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core.intake.pipeline, "POLL_SECONDS", 3600.0)
    pipeline = start_pipeline(second_ctx)  # "another process": only it has workers
    try:
        assert pipeline.listener is not None and pipeline.listener.listening.wait(30)
        assert pipeline.wait_idle(30)  # asleep for an hour now, unless notified
        store(ctx, [mail(1, ctx)])  # no wake() in this process: only the notification
        deadline = time.monotonic() + 30
        while states(ctx) != {"done": 1} and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        stop_pipeline(second_ctx)
    assert states(ctx) == {"done": 1}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # LISTEN/NOTIFY
def test_a_process_whose_pipeline_has_no_workers_notifies_the_others(
    ctx: Context, second_ctx: Context
) -> None:
    ctx.settings.inbound_workers = 0  # a listener beside `balagh worker` processes
    assert start_pipeline(ctx).threads == []
    heard = threading.Semaphore(0)
    other = WakeListener(
        second_ctx.engine, lambda _may_prepare: heard.release()
    )  # another process's workers
    try:
        assert heard.acquire(timeout=30)  # the wake-up it gives itself once listening
        store(ctx, [mail(1, ctx)])
        assert heard.acquire(timeout=30)
    finally:
        other.stop()
        stop_pipeline(ctx)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_wait_in_a_process_without_workers_reads_the_database_not_a_future_never_resolved(
    ctx: Context,
) -> None:
    """A web answer in a process that only stores (its pipeline has no worker threads: the
    listeners' process beside worker processes) is not handed a future nobody here would
    resolve, which held it for the whole wait: it looks in the database at once."""
    ctx.settings.inbound_workers = 0
    try:
        assert start_pipeline(ctx).threads == []
        (record_id,) = store(ctx, [mail(1, ctx)])
        assert hand_off(ctx, record_id) is None
        process(ctx, record_id)  # another process's worker
        started = time.monotonic()
        found = wait_processed(ctx, record_id, timeout=10)
        assert found is not None and time.monotonic() - started < 5
    finally:
        stop_pipeline(ctx)


def test_a_serve_with_worker_processes_runs_no_worker_of_its_own_on_postgresql_only(
    ctx: Context,
) -> None:
    """BALAGH_WORKER_PROCESSES moves the processing out of `balagh serve`'s process on
    PostgreSQL; SQLite keeps its one worker in the one process."""
    ctx.settings.worker_processes = 2
    expected = 1 if ctx.engine.dialect.name == "sqlite" else 0
    assert worker_count(ctx) == expected


def test_a_channels_prepare_hook_completes_its_records_and_a_failure_is_retried_later(
    ctx: Context,
) -> None:
    tries: list[int] = []

    def prepare(ctx: Context, message: InboundMessage, attempts: int) -> InboundMessage:
        tries.append(attempts)
        if attempts == 0:
            raise OSError("file server down")
        return replace(message, text=f"{message.text} (completed)", staff_notes=("no file",))

    register_hook(ctx, "kiosk", prepare=prepare)
    kiosk = InboundMessage(
        channel="kiosk",
        sender="kiosk-7",
        text="Street light out",
        external_id="kiosk:1",
        needs_preparing=True,
    )
    plain = replace(kiosk, text="Bins not collected", external_id="kiosk:2", needs_preparing=False)
    record_id, _ = store(ctx, [kiosk, plain])
    assert states(ctx) == {"preparing": 1, "pending": 1}
    drain(ctx)
    with ctx.sessions() as session:
        record = session.get(InboundRecord, record_id)
        assert record is not None and record.status == InboundStatus.FAILED
        assert (record.error, record.attempts) == ("OSError: file server down", 1)
    assert retry_pending(ctx) == (1, 0) and tries == [0, 1]
    with ctx.sessions() as session:
        said = session.execute(select(Message.direction, Message.text).order_by(Message.id)).all()
    assert [tuple(row) for row in said if row[0] != Direction.OUT] == [
        (Direction.IN, "Bins not collected"),
        (Direction.IN, "Street light out (completed)"),
        (Direction.NOTE, "no file"),
    ]


def test_a_channels_after_step_gets_the_record_its_worker_loaded(ctx: Context) -> None:
    """The hook is handed each record's stored message with its result, so it need not ask
    the database for what the batch already loaded."""
    seen: list[tuple[int, dict[str, object] | None]] = []
    register_hook(
        ctx, "kiosk", lambda _ctx, done, normalized: seen.append((done.ticket_id, normalized))
    )
    kiosks = [
        InboundMessage(
            channel="kiosk", sender=f"kiosk-{n}", text=f"Street light {n} out", external_id=f"k:{n}"
        )
        for n in range(3)
    ]
    store(ctx, kiosks)
    drain(ctx)
    with ctx.sessions() as session:
        stored = {
            r.ticket_id: r.normalized for r in session.execute(select(InboundRecord)).scalars()
        }
    assert len(seen) == 3 and dict(seen) == stored


def test_a_stored_mail_wakes_the_workers_but_not_the_preparer(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each wake-up of the preparer is a query: a record stored pending wakes only the
    workers, and one stored `preparing` wakes the preparer at once (no poll)."""
    monkeypatch.setattr(core.intake.pipeline, "POLL_SECONDS", 3600.0)
    looks: list[int] = []
    real = core.intake.pipeline.prepare_waiting

    def counted(ctx: Context) -> tuple[int, int]:
        looks.append(1)
        return real(ctx)

    monkeypatch.setattr(core.intake.pipeline, "prepare_waiting", counted)
    register_hook(ctx, "kiosk", prepare=lambda _ctx, message, _attempts: message)
    pipeline = start_pipeline(ctx)
    try:
        assert pipeline.wait_idle(30)  # everyone looked once, and sleeps for an hour now
        before = len(looks)
        for n in range(3):
            store(ctx, [mail(n, ctx)])
            wake(ctx)
        wait_for(ctx, {"done": 3})
        assert len(looks) == before
        kiosk = InboundMessage(
            channel="kiosk", sender="kiosk-1", text="Light out", external_id="k:1"
        )
        store(ctx, [replace(kiosk, needs_preparing=True)])
        wake(ctx, preparing=True)
        wait_for(ctx, {"done": 4})
        assert len(looks) > before
    finally:
        stop_pipeline(ctx)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # LISTEN/NOTIFY
def test_the_pipeline_is_idle_only_after_its_listener_woke_it_for_what_came_before(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listener's first LISTEN wakes everyone once (whatever was stored while nobody
    listened). `wait_idle` returned before that wake-up when the connection was slow to
    come up, as under load, and the preparer looked once more afterwards: the race behind
    test_a_stored_mail_wakes_the_workers_but_not_the_preparer[postgresql] failing at -n 3
    ('assert 3 == 2'). Here the LISTEN connection comes up half a second late."""
    monkeypatch.setattr(core.intake.pipeline, "POLL_SECONDS", 3600.0)
    listen = WakeListener._listen

    def slow_to_listen(listener: WakeListener) -> None:
        time.sleep(0.5)
        listen(listener)

    monkeypatch.setattr(WakeListener, "_listen", slow_to_listen)
    looks: list[int] = []
    real = core.intake.pipeline.prepare_waiting

    def counted(ctx: Context) -> tuple[int, int]:
        looks.append(1)
        return real(ctx)

    monkeypatch.setattr(core.intake.pipeline, "prepare_waiting", counted)
    register_hook(ctx, "kiosk", prepare=lambda _ctx, message, _attempts: message)
    pipeline = start_pipeline(ctx)
    try:
        assert pipeline.wait_idle(30)
        idle_at = len(looks)
        time.sleep(1.0)  # past the late LISTEN and the wake-up it gives
        assert len(looks) == idle_at  # nothing woke the preparer once it was idle
    finally:
        stop_pipeline(ctx)


def wait_for(ctx: Context, wanted: dict[str, int], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while states(ctx) != wanted and time.monotonic() < deadline:
        time.sleep(0.02)
    assert states(ctx) == wanted


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # LISTEN/NOTIFY
def test_another_process_hears_whether_a_stored_record_is_one_to_prepare(
    ctx: Context, second_ctx: Context
) -> None:
    """The notification carries the record's status: another process wakes its preparer
    only for a record stored `preparing`, its workers for any."""
    ctx.settings.inbound_workers = 0  # a listener beside `balagh worker` processes
    assert start_pipeline(ctx).threads == []
    heard: queue.Queue[bool] = queue.Queue()
    other = WakeListener(second_ctx.engine, heard.put)
    try:
        assert heard.get(timeout=30) is True  # the wake-up it gives itself once listening
        store(ctx, [mail(1, ctx)])
        assert heard.get(timeout=30) is False
        store(ctx, [replace(mail(2, ctx), needs_preparing=True)])
        assert heard.get(timeout=30) is True
    finally:
        other.stop()
        stop_pipeline(ctx)


def test_the_waits_pauses_double_up_to_their_cap_and_end_at_the_deadline() -> None:
    """One generator of pauses serves the thread's wait and the event loop's alike: 20 ms
    doubling to 0.5 s, the last cut to the deadline, none after it (a fake clock that each
    pause moves on)."""
    now = [0.0]
    pauses = []
    for pause in poll_pauses(1.5, lambda: now[0]):
        pauses.append(pause)
        now[0] += pause
    assert pauses == pytest.approx([0.02, 0.04, 0.08, 0.16, 0.32, 0.5, 0.38])
    assert list(poll_pauses(1.0, lambda: 1.0)) == []
