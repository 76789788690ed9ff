"""Every bench script measures the tree it sits in: run as a script, only bench/ is on the
path and `balagh`, `core` and `channels` would come from the venv's editable install (the
main tree), so a run from another worktree silently measured main's code (0600ab1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(path.name for path in BENCH.glob("*.py"))
PACKAGES = ("balagh", "core", "channels")

# Run each script's top level (not its main block) as Python runs a script: its own folder
# first, then PYTHONPATH, where decoys stand in for the packages an editable install of
# another tree would provide. One process for all scripts (a process each cost ~70 s of CPU
# in the suite): after each script our packages, the bench's own modules and
# prometheus_client (whose registry refuses our metrics twice) are forgotten, so the next
# script imports them afresh and meets the decoys if it imports before its path line.
CHECK = """
import json, runpy, sys
bench, scripts, forget = sys.argv[1], sys.argv[2:], {forget!r}
base_path, results = list(sys.path), {{}}
for script in scripts:
    sys.path[:] = [bench, *base_path]
    try:
        runpy.run_path(bench + "/" + script, run_name="bench_path_check")
        results[script] = ""
    except BaseException as error:
        results[script] = repr(error)[-2000:]
    for name in list(sys.modules):
        where = getattr(sys.modules[name], "__file__", None) or ""
        if name.split(".")[0] in forget or where.startswith(bench):
            del sys.modules[name]
print(json.dumps(results))
"""


def check_scripts(bench: Path, scripts: list[str], decoys: Path) -> dict[str, str]:
    """Each script's error when its top level runs beside decoy packages ("" when none)."""
    for package in PACKAGES:
        (decoys / package).mkdir()
        (decoys / package / "__init__.py").write_text(
            f"raise ImportError('{package} imported from outside the bench script tree')\n"
        )
    run = subprocess.run(
        [sys.executable, "-c", CHECK.format(forget=(*PACKAGES, "prometheus_client"))]
        + [str(bench), *scripts],
        cwd=decoys,
        env={"PYTHONPATH": str(decoys), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return dict(json.loads(run.stdout.splitlines()[-1]))


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return check_scripts(BENCH, SCRIPTS, tmp_path_factory.mktemp("decoys"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_script_imports_its_own_tree_first(script: str, errors: dict[str, str]) -> None:
    assert errors[script] == ""


def test_a_script_importing_before_its_path_line_is_caught(tmp_path: Path) -> None:
    """The shared process must still see a late path line, after scripts that did it right."""
    bench = tmp_path / "bench"
    bench.mkdir()
    good = "import sys\nsys.path.insert(0, {root!r})\nimport core.routing\n"
    (bench / "a_good.py").write_text(good.format(root=str(BENCH.parent)))
    (bench / "b_late.py").write_text(
        f"import core.routing\nimport sys\nsys.path.insert(0, {str(BENCH.parent)!r})\n"
    )
    (tmp_path / "decoys").mkdir()
    errors = check_scripts(bench, ["a_good.py", "b_late.py"], tmp_path / "decoys")
    assert errors["a_good.py"] == ""
    assert "imported from outside the bench script tree" in errors["b_late.py"]
