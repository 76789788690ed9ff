"""The job lease: with several workers each run happens once; results kept for `jobs list`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from balagh.scheduler import acquire, release, run_with_lease
from balagh.wiring import build_context
from core.context import Context
from core.followup.jobs import Job
from core.models import JobRun
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.conftest import make_settings


class Counting:
    """A job body that counts its runs."""

    def __init__(self) -> None:
        self.runs = 0
        self.lock = threading.Lock()

    def __call__(self, ctx: Context) -> str:
        with self.lock:
            self.runs += 1
        return f"run {self.runs}"


def job_run(ctx: Context, name: str) -> JobRun:
    with ctx.sessions() as session:
        row = session.get(JobRun, name)
        assert row is not None
        return row


@pytest.fixture
def workers(ctx: Context, tmp_path: Path, database_url: str) -> Iterator[list[Context]]:
    """Six separate worker contexts (own engine and connections) on the test database."""
    contexts = [
        build_context(
            make_settings(tmp_path / f"w{i}", database_url),
            senders=SenderRegistry(),
            router=UnroutedRouter(),
        )
        for i in range(6)
    ]
    yield contexts
    for worker in contexts:
        worker.engine.dispose()


def test_simultaneous_workers_run_a_scheduled_job_once(workers: list[Context]) -> None:
    body = Counting()
    job = Job("tick", body, 60, "test job")
    barrier = threading.Barrier(len(workers))
    ran: list[bool] = []

    def worker(index: int) -> None:
        barrier.wait()
        outcome = run_with_lease(workers[index], job, scheduled=True, worker=f"w{index}")
        ran.append(outcome.ran)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert body.runs == 1
    assert sorted(ran) == [False] * (len(workers) - 1) + [True]


def test_simultaneous_lease_requests_grant_exactly_one(workers: list[Context]) -> None:
    job = Job("lock", lambda ctx: "", 60, "test job")
    barrier = threading.Barrier(len(workers))
    granted: list[str] = []

    def worker(index: int) -> None:
        barrier.wait()
        if acquire(workers[index], job, scheduled=False, worker=f"w{index}"):
            granted.append(f"w{index}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(granted) == 1
    assert job_run(workers[0], "lock").leased_by == granted[0]


def test_held_lease_blocks_a_manual_run_until_released(ctx: Context) -> None:
    body = Counting()
    job = Job("tick", body, 60, "test job")
    assert acquire(ctx, job, scheduled=True, worker="other")
    assert not run_with_lease(ctx, job, scheduled=False, worker="me").ran
    release(ctx, "tick", "done elsewhere", True, worker="other")
    assert run_with_lease(ctx, job, scheduled=False, worker="me").ran  # manual: no cool-down
    assert body.runs == 1


def test_scheduled_run_right_after_another_is_skipped(ctx: Context) -> None:
    body = Counting()
    job = Job("tick", body, 60, "test job")
    assert run_with_lease(ctx, job, scheduled=True, worker="a").ran
    assert not run_with_lease(ctx, job, scheduled=True, worker="b").ran
    assert body.runs == 1


def test_lease_of_a_dead_worker_expires(ctx: Context) -> None:
    job = Job("tick", Counting(), 60, "test job")
    assert acquire(ctx, job, scheduled=False, worker="crashed")
    with ctx.sessions() as session, session.begin():
        session.execute(
            update(JobRun)
            .where(JobRun.name == "tick")
            .values(lease_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert run_with_lease(ctx, job, scheduled=False, worker="me").ran


def test_result_and_failure_are_kept_for_jobs_list(ctx: Context) -> None:
    def broken(ctx: Context) -> str:
        raise RuntimeError("relay on fire")

    outcome = run_with_lease(ctx, Job("bad", broken, 60, "fails"), scheduled=False)
    assert outcome.ran and outcome.ok is False
    row = job_run(ctx, "bad")
    assert row.last_ok is False and "relay on fire" in (row.last_result or "")
    assert row.lease_until is None and row.last_finished_at is not None
