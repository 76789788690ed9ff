"""Scheduled jobs by name: what `balagh jobs run NAME` and the scheduler call.

Each job is a function of the context returning a one-line summary. The table is explicit
so adding a job is one line, and the scheduler and the CLI agree on names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from core.context import Context
from core.crontab import shortest_period
from core.delivery.outbox import deliver_due
from core.followup.cleanup import remove_unused_files
from core.followup.digest import retrain_routing, send_digest
from core.followup.tasks import autoclose, remind, send_surveys, watch_sla
from core.insights.rollup import refresh
from core.insights.spikes import find_spikes
from core.intake.ingest import retry_pending
from core.settings import Settings


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[Context], str]
    seconds: float
    description: str
    # A crontab line ("0 7 * * *", the centre's time zone) pins the time of day; `seconds`
    # stays the nominal period (leases and missed-run grace are derived from it).
    cron: str | None = None
    # Or the setting holding that line (digest_cron is BALAGH_DIGEST_CRON); see `scheduled`.
    cron_setting: str | None = None


def _outbox(ctx: Context) -> str:
    report = deliver_due(ctx)
    return f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}"


def _stats_rollup(ctx: Context) -> str:
    with ctx.sessions() as session, session.begin():
        return f"recounted {refresh(session)} days"


def _inbound(ctx: Context) -> str:
    done, failed = retry_pending(ctx)
    return f"processed {done}, still failing {failed}"


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        Job("outbox", _outbox, 5, "deliver queued replies with retries and backoff"),
        Job("inbound", _inbound, 60, "process inbound records left pending or failed"),
        Job("sla", watch_sla, 60, "warn assignees near the due time, escalate overdue tickets"),
        Job("reminders", remind, 900, "remind departments of tickets due soon, and citizens"),
        Job("autoclose", autoclose, 900, "close tickets whose citizen never answered"),
        Job("survey", send_surveys, 900, "ask the satisfaction question once after closing"),
        Job("stats_rollup", _stats_rollup, 60, "recount the statistics of changed days"),
        Job("spikes", find_spikes, 900, "tell supervisors once of an unusual volume by area"),
        Job("digest", send_digest, 86400, "digest to supervisors", cron_setting="digest_cron"),
        Job("retrain", retrain_routing, 604800, "retrain routing", cron_setting="retrain_cron"),
        Job("files", remove_unused_files, 21600, "remove stored files no ticket uses, once old"),
    )
}


def configured(job: Job, settings: Settings) -> Job:
    """The job with its `cron_setting` read into `cron`.

    A line that runs more often than the nominal period (the digest at 07:00 and 15:00)
    shortens `seconds` to its shortest gap, so the lease's cooldown never skips a run.
    """
    if job.cron_setting is None:
        return job
    line = str(getattr(settings, job.cron_setting))
    return replace(job, cron=line, seconds=min(job.seconds, shortest_period(line)))


def scheduled(settings: Settings, jobs: Mapping[str, Job] | None = None) -> dict[str, Job]:
    """The jobs as the scheduler runs them, schedules taken from the settings."""
    return {
        name: configured(job, settings) for name, job in (JOBS if jobs is None else jobs).items()
    }
