"""BALAGH_DIGEST_CRON and BALAGH_RETRAIN_CRON: when the digest and the retrain run."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

import balagh.cli.jobs  # noqa: F401  (registers the commands)
from balagh.cli import cli
from balagh.scheduler import JobScheduler, cooldown, next_runs, trigger_for
from core.context import Context
from core.followup.jobs import JOBS, configured
from core.settings import Settings, SettingsError, load_settings

MUSCAT = ZoneInfo("Asia/Muscat")  # the centre's time zone with the default calendars
MONDAY_NOON = datetime(2025, 3, 3, 12, 0, tzinfo=MUSCAT)
THURSDAY_NOON = datetime(2025, 3, 6, 12, 0, tzinfo=MUSCAT)


def settings_from_env(monkeypatch: pytest.MonkeyPatch, **env: str) -> Settings:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


def next_run(settings: Settings, name: str, now: datetime) -> datetime:
    trigger = trigger_for(configured(JOBS[name], settings), MUSCAT)
    return trigger.get_next_fire_time(None, now).astimezone(MUSCAT)


def test_by_default_the_digest_runs_daily_at_0700_and_the_retrain_on_friday_at_0300(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = settings_from_env(monkeypatch)
    assert (settings.digest_cron, settings.retrain_cron) == ("0 7 * * *", "0 3 * * fri")
    assert next_run(settings, "digest", MONDAY_NOON) == datetime(2025, 3, 4, 7, 0, tzinfo=MUSCAT)
    assert next_run(settings, "retrain", MONDAY_NOON) == datetime(2025, 3, 7, 3, 0, tzinfo=MUSCAT)


def test_a_custom_digest_line_moves_its_next_run_past_the_weekend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = settings_from_env(monkeypatch, BALAGH_DIGEST_CRON="30 6 * * sun-thu")
    # Thursday noon: Friday and Saturday are the weekend, so the next digest is Sunday 06:30.
    assert next_run(settings, "digest", THURSDAY_NOON) == datetime(2025, 3, 9, 6, 30, tzinfo=MUSCAT)


def test_weekday_numbers_mean_what_they_mean_in_cron(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_from_env(monkeypatch, BALAGH_RETRAIN_CRON="0 2 * * 5")
    # Cron's 5 is Friday (APScheduler's own numbering would make it Saturday).
    assert next_run(settings, "retrain", MONDAY_NOON) == datetime(2025, 3, 7, 2, 0, tzinfo=MUSCAT)


def test_an_empty_value_keeps_the_default_rather_than_switching_the_job_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = settings_from_env(monkeypatch, BALAGH_DIGEST_CRON="", BALAGH_RETRAIN_CRON="")
    assert (settings.digest_cron, settings.retrain_cron) == ("0 7 * * *", "0 3 * * fri")


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("BALAGH_DIGEST_CRON", "0 7 * *", "needs 5 fields"),
        ("BALAGH_DIGEST_CRON", "0 25 * * *", "'25'"),
        ("BALAGH_RETRAIN_CRON", "0 3 * * funday", "unknown weekday 'funday'"),
        ("BALAGH_RETRAIN_CRON", "0 3 1 * fri", "both day of month and weekday"),
        ("BALAGH_RETRAIN_CRON", "0 3 31 2 *", "never runs"),
    ],
)
def test_an_invalid_line_is_refused_naming_the_setting_and_the_problem(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, problem: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name) as refused:
        load_settings(_env_file=None)
    assert problem in str(refused.value)


def test_balagh_refuses_to_start_with_an_invalid_line_and_says_which(tmp_path: Path) -> None:
    env = {"BALAGH_DATA_DIR": str(tmp_path / "data"), "BALAGH_DIGEST_CRON": "7 o'clock"}
    result = CliRunner().invoke(cli, ["jobs", "list"], env=env)
    assert result.exit_code != 0
    assert "BALAGH_DIGEST_CRON" in result.output and "needs 5 fields" in result.output


def test_a_digest_twice_a_day_is_not_skipped_by_the_daily_cooldown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = settings_from_env(monkeypatch, BALAGH_DIGEST_CRON="0 7,15 * * *")
    assert cooldown(configured(JOBS["digest"], settings)) <= timedelta(hours=4)


def test_the_scheduler_stores_the_configured_time_and_moves_it_when_the_line_changes(
    ctx: Context,
) -> None:
    JobScheduler(ctx).stop()
    before = next_runs(ctx)["digest"]
    assert before is not None and before.astimezone(MUSCAT).time().isoformat() == "07:00:00"
    ctx.settings = ctx.settings.model_copy(update={"digest_cron": "30 6 * * sun-thu"})
    JobScheduler(ctx).stop()
    after = next_runs(ctx)["digest"]
    assert after is not None
    local = after.astimezone(MUSCAT)
    assert local.time().isoformat() == "06:30:00" and local.strftime("%a") not in ("Fri", "Sat")


def jobs_list(tmp_path: Path, database_url: str, **env: str) -> dict[str, str]:
    env = {"BALAGH_DATA_DIR": str(tmp_path / "data"), "BALAGH_DATABASE_URL": database_url, **env}
    result: Result = CliRunner().invoke(cli, ["jobs", "list"], env=env)
    assert result.exit_code == 0, result.output
    return {line.split()[0]: line for line in result.output.splitlines()}


def test_jobs_list_shows_the_configured_lines(
    ctx: Context, tmp_path: Path, database_url: str
) -> None:
    lines = jobs_list(
        tmp_path,
        database_url,
        BALAGH_DIGEST_CRON="30 6 * * sun-thu",
        BALAGH_RETRAIN_CRON="0 2 * * 5",
    )
    assert "30 6 * * sun-thu" in lines["digest"] and "0 2 * * 5" in lines["retrain"]


def test_jobs_list_flags_a_next_run_stored_under_the_old_line(
    ctx: Context, tmp_path: Path, database_url: str
) -> None:
    JobScheduler(ctx).stop()  # stored with the default 07:00
    lines = jobs_list(tmp_path, database_url, BALAGH_DIGEST_CRON="30 6 * * *")
    assert "old schedule until serve/worker restarts" in lines["digest"]
    assert "old schedule" not in lines["retrain"]
