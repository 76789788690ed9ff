"""`balagh jobs list`, `balagh jobs run NAME` and `balagh worker`: the scheduled jobs."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime

import click
from apscheduler.triggers.base import BaseTrigger
from sqlalchemy import select

from balagh.cli import Env, cli, pass_env
from core.models import JobRun


@cli.group()
def jobs() -> None:
    """Scheduled jobs."""


@jobs.command("run")
@click.argument("name")
@pass_env
def jobs_run(env: Env, name: str) -> None:
    """Run one scheduled job now (under the job's lease, so never twice at once)."""
    from balagh.scheduler import run_with_lease
    from core.followup.jobs import JOBS

    job = JOBS.get(name)
    if job is None:
        raise click.ClickException(f"Unknown job '{name}'. Known: {', '.join(sorted(JOBS))}.")
    outcome = run_with_lease(env.ctx, job, scheduled=False)
    if not outcome.ran:
        raise click.ClickException(
            f"Job '{name}' is running in another worker now; try again when it has finished."
        )
    click.echo(f"{name}: {outcome.result}")
    if not outcome.ok:
        sys.exit(1)


@jobs.command("list")
@pass_env
def jobs_list(env: Env) -> None:
    """Each job with its schedule (the digest's and retrain's from settings), next run, result."""
    from balagh.scheduler import next_runs, trigger_for
    from core.delivery.staff_mail import local_time
    from core.followup.jobs import scheduled

    ctx = env.ctx
    upcoming = next_runs(ctx)
    timezone = ctx.zone
    with ctx.sessions() as session:
        runs = {r.name: r for r in session.execute(select(JobRun)).scalars()}
    for name, job in scheduled(ctx.settings).items():
        run = runs.get(name)
        every = job.cron or f"every {job.seconds:g}s"
        stored = upcoming.get(name)
        nxt = local_time(ctx, stored) if name in upcoming else "not scheduled"
        if stored is not None and job.cron and not _fires_at(trigger_for(job, timezone), stored):
            nxt += " (old schedule until serve/worker restarts)"
        if run is None or run.last_started_at is None:
            last = "never run"
        elif run.lease_until is not None and run.last_finished_at is None:
            last = f"running since {local_time(ctx, run.last_started_at)} ({run.leased_by})"
        else:
            state = "ok" if run.last_ok else "FAILED"
            last = f"{state} {local_time(ctx, run.last_finished_at)}: {run.last_result}"
            if run.lease_until is not None:
                last = f"running now ({run.leased_by}); last {last}"
        click.echo(f"{name:<10} {every:<16} next {nxt:<16}  last {last}")


def _fires_at(trigger: BaseTrigger, moment: datetime) -> bool:
    """Whether the stored next run is one the current schedule would make."""
    return bool(trigger.get_next_fire_time(None, moment) == moment)


@cli.command()
@pass_env
def worker(env: Env) -> None:
    """Run the scheduled jobs and inbound processing (no web, no listeners), until stopped.

    Several workers on one PostgreSQL share the inbound records (core.intake.pipeline) and never
    run one job twice at once (the scheduler's leases).
    """
    from balagh.scheduler import JobScheduler
    from balagh.serve import prepare_router, stop_or_exit
    from core.delivery.courier import Courier
    from core.intake.pipeline import start_pipeline

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    prepare_router(env.ctx)  # before the first record needs it
    pipeline = start_pipeline(env.ctx)
    scheduler = JobScheduler(env.ctx)
    courier = Courier(env.ctx)  # what this worker's processing queues leaves at once
    try:
        stop.wait()
    finally:
        click.echo("stopping", err=True)
        stop_or_exit([pipeline, scheduler, courier], env.ctx)
