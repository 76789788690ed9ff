"""The `balagh` admin commands, through click on both databases."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

import balagh.cli.admin  # noqa: F401  (registers the commands)
import balagh.cli.jobs  # noqa: F401  (registers the commands)
import balagh.cli.stats  # noqa: F401  (registers the commands)
from balagh.cli import cli
from core.models import User
from core.staff.accounts import user_for_token


@pytest.fixture
def run(tmp_path: Path, database_url: str):  # type: ignore[no-untyped-def]
    env = {"BALAGH_DATA_DIR": str(tmp_path / "data"), "BALAGH_DATABASE_URL": database_url}

    def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, list(args), env=env, input=stdin)

    from balagh.wiring import build_context
    from tests.conftest import empty_tables, make_settings

    ctx = build_context(make_settings(tmp_path / "data", database_url))
    empty_tables(ctx)
    ctx.engine.dispose()
    return invoke


def test_users_add_with_password_from_stdin_then_token_authenticates(
    run, database_url: str
) -> None:  # type: ignore[no-untyped-def]
    added = run("users", "add", "roads1@mct.om", "--role", "department", "--directorate", "roads",
                "--password-stdin", stdin="a long enough password\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    token = run("users", "token", "roads1@mct.om")
    assert token.exit_code == 0, token.output
    engine = create_engine(database_url)
    with Session(engine) as session:
        user = user_for_token(session, token.output.strip(), datetime.now(UTC))
        assert user is not None and user.directorate == "roads"
        stored = session.execute(select(User)).scalar_one()
        assert "a long enough password" not in stored.password_hash
    engine.dispose()


def test_users_add_refuses_unknown_role_with_a_clear_message(run) -> None:  # type: ignore[no-untyped-def]
    result = run("users", "add", "x@mct.om", "--role", "mayor")
    assert result.exit_code != 0 and "Unknown role 'mayor'" in result.output


def test_users_add_names_an_unknown_directorate_rather_than_asking_for_one(run) -> None:  # type: ignore[no-untyped-def]
    given = run("users", "add", "d@mct.om", "--role", "department", "--directorate", "nope")
    assert given.exit_code != 0 and "Unknown directorate 'nope'" in given.output
    assert "roads" in given.output  # the known codes are listed
    missing = run("users", "add", "d@mct.om", "--role", "department")
    assert missing.exit_code != 0 and "Department staff need --directorate" in missing.output


def test_token_for_unknown_user_fails_clearly(run) -> None:  # type: ignore[no-untyped-def]
    result = run("users", "token", "ghost@mct.om")
    assert result.exit_code != 0 and "No user with email ghost@mct.om" in result.output


def test_jobs_run_unknown_name_lists_known_jobs(run) -> None:  # type: ignore[no-untyped-def]
    result = run("jobs", "run", "nope")
    assert result.exit_code != 0 and "outbox" in result.output


def test_bad_setting_stops_with_message_naming_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade"], env={"BALAGH_WEB_PORT": "eighty"})
    assert result.exit_code != 0 and "BALAGH_WEB_PORT" in result.output


def test_bad_database_url_is_named_without_showing_its_password() -> None:
    result = CliRunner().invoke(
        cli, ["db", "upgrade"], env={"BALAGH_DATABASE_URL": "mysql://u:hunter2-secret@db/x"}
    )
    assert result.exit_code != 0 and "BALAGH_DATABASE_URL" in result.output
    assert "hunter2" not in result.output


@pytest.mark.parametrize(
    "args",
    [("db", "upgrade"), ("users", "token", "a@b.om"), ("stats", "--format", "json")],
)
def test_an_unreachable_database_is_one_error_line_naming_the_setting(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    url = f"postgresql+psycopg://u:hunter2-secret@127.0.0.1:{port}/x"
    env = {"BALAGH_DATA_DIR": str(tmp_path / "data"), "BALAGH_DATABASE_URL": url}
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 1
    assert not isinstance(result.exception, OperationalError), result.exception
    assert result.output.startswith("Error: cannot reach the database (BALAGH_DATABASE_URL)")
    assert "hunter2" not in result.output


@pytest.mark.parametrize("args", [("db", "upgrade"), ("users", "token", "a@b.om")])
def test_a_data_directory_that_cannot_be_made_is_one_error_line_naming_the_setting(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "a-file").write_text("not a directory")
    env = {"BALAGH_DATA_DIR": str(tmp_path / "a-file" / "data"), "BALAGH_DATABASE_URL": ""}
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 1
    assert not isinstance(result.exception, OSError), result.exception
    assert result.output.startswith(
        f"Error: cannot use the data directory (BALAGH_DATA_DIR) {tmp_path / 'a-file' / 'data'}:"
    )
