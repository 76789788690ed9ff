"""Every bench script measures the tree it sits in: run as a script, only bench/ is on the
path and `balagh`, `core` and `channels` would come from the venv's editable install (the
main tree), so a run from another worktree silently measured main's code (0600ab1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(path.name for path in BENCH.glob("*.py"))
PACKAGES = ("balagh", "core", "channels")

# Run the script's top level (not its main block) as Python runs a script: its own folder
# first, then PYTHONPATH, where decoys stand in for the packages an editable install of
# another tree would provide.
CHECK = """
import runpy, sys
sys.path.insert(0, {bench!r})
runpy.run_path({script!r}, run_name="bench_path_check")
"""


@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_script_imports_its_own_tree_first(script: str, tmp_path: Path) -> None:
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text(
            f"raise ImportError('{package} imported from outside the bench script tree')\n"
        )
    code = CHECK.format(bench=str(BENCH), script=str(BENCH / script))
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
