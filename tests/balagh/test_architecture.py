"""The import contracts in pyproject.toml hold, and they bite when broken.

`lint-imports` runs in .ci/run before the tests; these tests prove that the same contracts
fail on a copy of the code with one forbidden import added (a channel importing another
channel, core importing a web framework), so a kept contract means something.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy_house(dest: Path) -> None:
    """Copy the three packages and the contracts (Python files only: the graph is all we need)."""
    for package in ("core", "channels", "balagh"):
        shutil.copytree(
            ROOT / package,
            dest / package,
            ignore=lambda d, names: [
                n for n in names if not (n.endswith(".py") or (Path(d) / n).is_dir())
            ],
        )
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)},
    )


def test_the_house_keeps_its_import_contracts() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        (
            "channels/email/parse.py",
            "import channels.telegram.normalize\n",
            "each channel is a plug-in",
        ),
        ("core/tickets.py", "import flask\n", "core imports no transport"),
        ("core/tickets.py", "import channels.web.app\n", "core imports no transport"),
        ("channels/web/errors.py", "import balagh.wiring\n", "balagh composes channels"),
        ("core/sla/clock.py", "import core.followup.tasks\n", "core's rooms in order"),
    ],
)
def test_a_forbidden_import_breaks_the_contracts(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    _copy_house(tmp_path)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + line, encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0, result.stdout
    assert f"{broken}" in result.stdout
    assert "BROKEN" in result.stdout


def test_the_web_channels_functions_fit_on_a_screen() -> None:
    """STYLE: functions that fit on a screen (55 lines, decorators counted); the inbox's
    ticket view had grown to 59 and was split into named steps."""
    root = Path(__file__).resolve().parents[2] / "channels" / "web"
    long = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if (node.end_lineno or node.lineno) - first + 1 > 55:
                    long.append(f"{path.relative_to(root)}:{node.name}")
    assert long == []
