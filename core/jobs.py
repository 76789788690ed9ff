"""Scheduled jobs by name: what `balagh jobs run NAME` and the scheduler call.

Each job is a function of the context returning a one-line summary. The table is explicit
so adding a job is one line, and the scheduler and the CLI agree on names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.context import Context
from core.digest import retrain_routing, send_digest
from core.followup import autoclose, remind, send_surveys, watch_sla
from core.ingest import retry_pending
from core.outbox import deliver_due


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[Context], str]
    seconds: float
    description: str
    # A crontab line ("0 7 * * *", the centre's time zone) pins the time of day; `seconds`
    # stays the nominal period (leases and missed-run grace are derived from it).
    cron: str | None = None


def _outbox(ctx: Context) -> str:
    report = deliver_due(ctx)
    return f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}"


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
        Job("digest", send_digest, 86400, "daily digest to supervisors", cron="0 7 * * *"),
        Job("retrain", retrain_routing, 604800, "retrain routing weekly", cron="0 3 * * fri"),
    )
}
