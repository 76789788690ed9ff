"""The job scheduler: APScheduler with a persistent job store, and a database lease per run.

The schedule lives in the database (APScheduler's SQLAlchemyJobStore on the same URL), so a
restarted worker knows which runs it missed; `coalesce=True` folds them into one run, and a
run later than its `misfire_grace_time` is skipped rather than replayed.

APScheduler alone does not coordinate several workers sharing one store, so every run first
takes a lease on the job's `job_run` row with one conditional UPDATE (an atomic
compare-and-set on PostgreSQL and SQLite alike): only the worker whose UPDATE matched runs
the job. A scheduled run also needs the previous start to be at least half a period ago, so
two workers firing the same slot run it once. Leases use the real clock, not `BALAGH_NOW`:
they guard real processes, and a dry run must neither hold nor steal them.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.jobstores.base import ConflictingIdError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.context import Context
from core.crontab import crontab_trigger
from core.db import make_engine
from core.followup.jobs import JOBS, Job, configured, scheduled
from core.models import JobRun, scheduler_jobs

logger = logging.getLogger(__name__)

JOBSTORE_TABLE = scheduler_jobs.name  # declared in core.models so migrations create it
RUN_REF = "balagh.scheduler:run_scheduled"
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
RESULT_LIMIT = 2000

# The context scheduled runs use. The persisted job refers to `run_scheduled` by name (a
# job store cannot pickle an engine), so the process's scheduler puts its context here.
_RUNTIME: dict[str, Context] = {}


@dataclass(frozen=True)
class RunOutcome:
    """What one attempt to run a job did: ran or not (lease held elsewhere), and its result."""

    ran: bool
    result: str | None = None
    ok: bool | None = None


def lease_length(job: Job) -> timedelta:
    """How long a run may hold the job before another worker may assume it died."""
    return timedelta(seconds=max(60.0, min(job.seconds * 2, 3600.0)))


def cooldown(job: Job) -> timedelta:
    """The least time between two scheduled starts: half the job's period."""
    return timedelta(seconds=job.seconds / 2)


def misfire_grace(job: Job) -> int:
    """How late a missed run may still start (half a period, at least 30 seconds)."""
    return int(max(30.0, job.seconds / 2))


def _real_now() -> datetime:
    return datetime.now(UTC)


def _ensure_row(session: Session, name: str) -> None:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(JobRun).values(name=name).on_conflict_do_nothing(index_elements=["name"])
    )


def acquire(ctx: Context, job: Job, *, scheduled: bool, worker: str = WORKER_ID) -> bool:
    """Take the job's lease; True for exactly one of any number of simultaneous callers."""
    now = _real_now()
    conditions = [
        JobRun.name == job.name,
        or_(JobRun.lease_until.is_(None), JobRun.lease_until < now),
    ]
    if scheduled:
        conditions.append(
            or_(JobRun.last_started_at.is_(None), JobRun.last_started_at <= now - cooldown(job))
        )
    with ctx.sessions() as session, session.begin():
        _ensure_row(session, job.name)
        result = session.execute(
            update(JobRun)
            .where(*conditions)
            .values(leased_by=worker, lease_until=now + lease_length(job), last_started_at=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1  # type: ignore[attr-defined]


def release(ctx: Context, name: str, result: str, ok: bool, *, worker: str = WORKER_ID) -> None:
    """Give the lease back and keep the run's result for `balagh jobs list`."""
    with ctx.sessions() as session, session.begin():
        session.execute(
            update(JobRun)
            .where(JobRun.name == name, JobRun.leased_by == worker)
            .values(
                leased_by=None,
                lease_until=None,
                last_finished_at=_real_now(),
                last_result=result[:RESULT_LIMIT],
                last_ok=ok,
            )
            .execution_options(synchronize_session=False)
        )


def run_with_lease(
    ctx: Context, job: Job, *, scheduled: bool, worker: str = WORKER_ID
) -> RunOutcome:
    """Run a job if this worker gets its lease; a failure is logged and kept as the result."""
    if not acquire(ctx, job, scheduled=scheduled, worker=worker):
        return RunOutcome(ran=False)
    try:
        result, ok = job.run(ctx), True
    except Exception as exc:  # a failing job must not kill the scheduler; keep the error
        logger.exception("job %s failed", job.name)
        result, ok = f"error: {type(exc).__name__}: {exc}", False
    release(ctx, job.name, result, ok, worker=worker)
    return RunOutcome(ran=True, result=result, ok=ok)


def run_scheduled(name: str) -> None:
    """What the scheduler calls for each run (referenced by name from the job store)."""
    ctx = _RUNTIME.get("ctx")
    job = JOBS.get(name)
    if ctx is None or job is None:
        logger.warning("scheduled job %s cannot run here (no context or unknown job)", name)
        return
    outcome = run_with_lease(ctx, configured(job, ctx.settings), scheduled=True)
    if outcome.ran:
        logger.debug("job %s: %s", name, outcome.result)


def trigger_for(job: Job, timezone: ZoneInfo) -> BaseTrigger:
    """The job's cron line in the centre's time zone, or its interval."""
    if job.cron:
        return crontab_trigger(job.cron, timezone)
    return IntervalTrigger(seconds=job.seconds, timezone=timezone)


class JobScheduler:
    """The named jobs on a persistent APScheduler; `stop()` waits for running jobs."""

    def __init__(self, ctx: Context) -> None:
        _RUNTIME["ctx"] = ctx
        self.jobs = scheduled(ctx.settings, JOBS)  # digest and retrain times from settings
        self.timezone = ctx.zone
        self.store_engine = make_engine(ctx.engine.url.render_as_string(hide_password=False))
        self.scheduler = BackgroundScheduler(
            jobstores={
                "default": SQLAlchemyJobStore(engine=self.store_engine, tablename=JOBSTORE_TABLE)
            },
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=self.timezone,
        )
        self.scheduler.start(paused=True)
        self._reconcile()
        self.scheduler.resume()
        shown = [f"{j.name} '{j.cron}'" if j.cron else j.name for j in self.jobs.values()]
        logger.info("scheduler: %d jobs (%s), worker %s", len(shown), ", ".join(shown), WORKER_ID)

    def _reconcile(self) -> None:
        """Make the stored schedule match the jobs, keeping unchanged jobs' next run times."""
        stored = {job.id: job for job in self.scheduler.get_jobs()}
        for job in self.jobs.values():
            trigger = trigger_for(job, self.timezone)
            grace = misfire_grace(job)
            existing = stored.pop(job.name, None)
            if existing is not None and _same(existing, trigger, grace):
                continue  # keep its persisted next run: missed runs coalesce into one
            try:
                self.scheduler.add_job(
                    RUN_REF,
                    trigger,
                    args=[job.name],
                    id=job.name,
                    name=job.name,
                    replace_existing=True,
                    misfire_grace_time=grace,
                )
            except ConflictingIdError:  # another worker stored it at the same moment
                logger.debug("job %s was scheduled by another worker", job.name)
        for name in stored:
            self.scheduler.remove_job(name)

    def stop(self) -> None:
        # Detach the store first: APScheduler's loop may process jobs once more after
        # shutdown, and a due run it cannot submit would still be marked as done.
        self.scheduler.pause()
        self.scheduler.remove_jobstore("default", shutdown=False)
        self.scheduler.shutdown(wait=True)
        self.store_engine.dispose()
        _RUNTIME.pop("ctx", None)


def _same(existing: object, trigger: BaseTrigger, grace: int) -> bool:
    stored = getattr(existing, "trigger", None)
    return (
        getattr(existing, "func_ref", None) == RUN_REF
        and str(stored) == str(trigger)
        and str(getattr(stored, "timezone", "")) == str(getattr(trigger, "timezone", ""))
        and getattr(existing, "misfire_grace_time", None) == grace
    )


def next_runs(ctx: Context) -> dict[str, datetime | None]:
    """Each stored job's next run time, read straight from the job store's table."""
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(scheduler_jobs.c.id, scheduler_jobs.c.next_run_time)).all()
    return {
        str(name): datetime.fromtimestamp(float(ts), UTC) if ts is not None else None
        for name, ts in rows
    }
