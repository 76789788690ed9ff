"""`balagh jobs run/list` end to end, and the persistent APScheduler schedule."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner, Result

import balagh.cli.jobs  # noqa: F401  (registers the commands)
from balagh.cli import cli
from balagh.scheduler import JobScheduler, next_runs
from balagh.wiring import build_context
from core.context import Context
from core.followup.jobs import JOBS, Job
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.conftest import empty_tables, make_settings
from tests.email_support import Sink
from tests.followup_support import T0, add_staff, assigned_ticket, events, ticket


@pytest.fixture
def overdue(tmp_path: Path, database_url: str) -> Iterator[Context]:
    """Staff and one road ticket assigned at T0 (due T0 + 72 h) on a clean database."""
    ctx = build_context(
        make_settings(tmp_path / "data", database_url),
        senders=SenderRegistry(),
        router=UnroutedRouter(),
    )
    empty_tables(ctx)
    add_staff(ctx)
    ctx.extras["ticket_id"] = assigned_ticket(ctx)
    yield ctx
    ctx.engine.dispose()


def balagh(tmp_path: Path, database_url: str, sink: Sink, *args: str) -> Result:
    env = {
        "BALAGH_DATA_DIR": str(tmp_path / "data"),
        "BALAGH_DATABASE_URL": database_url,
        "BALAGH_NOW": (T0 + timedelta(hours=73)).isoformat(),
        "BALAGH_RELAY_HOST": "127.0.0.1",
        "BALAGH_RELAY_PORT": str(sink.port),
        "BALAGH_TELEGRAM_TOKEN": "",
    }
    return CliRunner().invoke(cli, list(args), env=env)


def test_jobs_run_sla_escalates_once_and_the_supervisors_email_reaches_the_relay(
    overdue: Context, tmp_path: Path, database_url: str, sink: Sink
) -> None:
    first = balagh(tmp_path, database_url, sink, "jobs", "run", "sla")
    again = balagh(tmp_path, database_url, sink, "jobs", "run", "sla")
    sent = balagh(tmp_path, database_url, sink, "jobs", "run", "outbox")
    assert first.exit_code == 0, first.output
    assert first.output.strip() == "sla: escalated 1, warned 0"
    assert again.output.strip() == "sla: escalated 0, warned 0"
    assert sent.output.strip().startswith("outbox: sent 2,"), sent.output
    tid = overdue.extras["ticket_id"]
    assert len(events(overdue, tid, "escalated")) == 1
    assert ticket(overdue, tid).escalated_at == T0 + timedelta(hours=73)
    reference = ticket(overdue, tid).reference
    recipients = sorted(rcpt for envelope, _ in sink.messages for rcpt in envelope.rcpt_tos)
    assert recipients == ["boss1@mct.om", "boss2@mct.om"]
    assert all(reference in mail["Subject"] for _, mail in sink.messages)


def test_jobs_list_shows_each_job_with_next_run_and_last_result(
    overdue: Context, tmp_path: Path, database_url: str, sink: Sink
) -> None:
    balagh(tmp_path, database_url, sink, "jobs", "run", "sla")
    listing = balagh(tmp_path, database_url, sink, "jobs", "list")
    assert listing.exit_code == 0, listing.output
    lines = {line.split()[0]: line for line in listing.output.splitlines()}
    assert set(lines) == set(JOBS)
    assert "ok" in lines["sla"] and "escalated 1, warned 0" in lines["sla"]
    assert "never run" in lines["digest"] and "0 7 * * *" in lines["digest"]


def test_jobs_run_unknown_name_lists_known_jobs(
    overdue: Context, tmp_path: Path, database_url: str, sink: Sink
) -> None:
    result = balagh(tmp_path, database_url, sink, "jobs", "run", "nope")
    assert result.exit_code != 0 and "autoclose" in result.output


def test_schedule_is_stored_in_the_database_and_survives_a_restart(ctx: Context) -> None:
    scheduler = JobScheduler(ctx)
    scheduler.stop()
    first = next_runs(ctx)
    assert set(first) == set(JOBS)
    JobScheduler(ctx).stop()
    assert next_runs(ctx) == first  # kept, not reset, so missed runs are known


def test_runs_missed_while_down_are_coalesced_into_one(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = threading.Event()
    runs: list[datetime] = []

    def tick(ctx: Context) -> str:
        runs.append(datetime.now(UTC))
        ran.set()
        return "ticked"

    monkeypatch.setattr("balagh.scheduler.JOBS", {"tick": Job("tick", tick, 60, "test")})
    JobScheduler(ctx).stop()
    # The worker was down for ten minutes: ten runs were missed.
    offline = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=ctx.engine)})
    offline.start(paused=True)
    offline.modify_job("tick", next_run_time=datetime.now(UTC) - timedelta(seconds=605))
    offline.remove_jobstore("default", shutdown=False)
    offline.shutdown(wait=False)
    scheduler = JobScheduler(ctx)
    try:
        assert ran.wait(timeout=30)
    finally:
        scheduler.stop()
    upcoming = next_runs(ctx)["tick"]
    assert len(runs) == 1
    assert upcoming is not None and upcoming > datetime.now(UTC)
