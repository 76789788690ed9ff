"""`balagh stats` and `balagh export research`: bad input is one clear line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import balagh.cli.stats  # noqa: F401  (registers the commands)
from balagh.cli import cli
from core.context import Context


def _env(ctx: Context) -> dict[str, str]:
    return {
        "BALAGH_DATABASE_URL": ctx.settings.effective_database_url,
        "BALAGH_DATA_DIR": str(ctx.data_dir),
    }


@pytest.mark.parametrize("where", ["missing/research.csv", "missing/research.parquet"])
def test_export_to_a_place_that_cannot_be_written_names_it(
    ctx: Context, tmp_path: Path, where: str
) -> None:
    out = tmp_path / where
    result = CliRunner().invoke(cli, ["export", "research", "--out", str(out)], env=_env(ctx))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"Error: cannot write {out}:" in result.output
