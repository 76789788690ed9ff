"""Command-line batch jobs (`balagh stats`, `balagh export research`) read a whole period
and nobody waits on them, so they are not held to the service's statement timeout: with
BALAGH_DB_STATEMENT_TIMEOUT_SECONDS far below how long the tickets table stays locked, they
still finish, under BALAGH_DB_BATCH_STATEMENT_TIMEOUT_SECONDS. On both databases: a
PostgreSQL lock on the table, SQLite's write lock.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import balagh.cli.stats  # noqa: F401  (registers the commands)
from balagh.cli import cli
from balagh.wiring import build_context
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.conftest import empty_tables, make_settings
from tests.staffkit import new_ticket

SERVICE_LIMIT = "0.5"  # seconds: BALAGH_DB_STATEMENT_TIMEOUT_SECONDS in these tests
LOCKED_FOR = 2.5  # seconds the table stays locked


@contextmanager
def table_locked(database_url: str) -> Iterator[None]:
    """The ticket table locked against the job for LOCKED_FOR seconds from now."""
    if database_url.startswith("sqlite"):
        path = database_url.split("///", 1)[1]
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
    else:
        holder = psycopg.connect(database_url.replace("+psycopg", ""))  # type: ignore[assignment]
        holder.execute("LOCK TABLE ticket IN ACCESS EXCLUSIVE MODE")
    timer = threading.Timer(LOCKED_FOR, lambda: (holder.execute("ROLLBACK"), holder.close()))
    timer.start()
    try:
        yield
    finally:
        timer.join()


@pytest.fixture
def run(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    env = {
        "BALAGH_DATA_DIR": str(tmp_path / "data"),
        "BALAGH_DATABASE_URL": database_url,
        "BALAGH_DB_STATEMENT_TIMEOUT_SECONDS": SERVICE_LIMIT,
    }
    ctx = build_context(
        make_settings(tmp_path / "data", database_url),
        senders=SenderRegistry(),
        router=UnroutedRouter(),
    )
    empty_tables(ctx)
    new_ticket(ctx, "Deep pothole on Way 3021")
    ctx.engine.dispose()
    # migrated already; the migration's own wait for SQLite's lock would hide the job's
    monkeypatch.setattr("balagh.dbmigrate.upgrade", lambda _url: None)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), env=env)

    assert invoke("stats").exit_code == 0  # imports done: the next job reaches the lock at once
    return invoke


def test_the_service_limit_would_stop_a_read_of_the_locked_table(
    tmp_path: Path, database_url: str
) -> None:
    settings = make_settings(
        tmp_path / "data", database_url, db_statement_timeout_seconds=float(SERVICE_LIMIT)
    )
    ctx = build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
    try:
        with (
            table_locked(database_url),
            pytest.raises(OperationalError),
            ctx.engine.begin() as conn,
        ):
            conn.execute(text("SELECT count(*) FROM ticket"))
    finally:
        ctx.engine.dispose()


def test_stats_waits_out_a_lock_longer_than_the_service_statement_timeout(
    run: Callable[..., Result], database_url: str
) -> None:
    with table_locked(database_url):
        result = run("stats", "--group-by", "channel")
    assert result.exit_code == 0, result.output
    assert '"tickets": 1' in result.output


def test_research_export_waits_out_a_lock_longer_than_the_service_statement_timeout(
    run: Callable[..., Result], database_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "research.csv"
    with table_locked(database_url):
        result = run("export", "research", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 ticket(s) written" in result.output and out.exists()
