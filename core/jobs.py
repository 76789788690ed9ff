"""Scheduled jobs by name: what `balagh jobs run NAME` and the scheduler call.

Each job is a function of the context returning a one-line summary. The table is explicit
so adding a job is one line, and the scheduler and the CLI agree on names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.context import Context
from core.ingest import retry_pending
from core.outbox import deliver_due


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[Context], str]
    seconds: float
    description: str


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
    )
}
