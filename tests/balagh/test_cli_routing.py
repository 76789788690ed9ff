"""`balagh classify` and `balagh eval` as integrations call them."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import balagh.cli.routing  # noqa: F401  (registers the commands)
from balagh.cli import cli
from core.routing import evaluate

# The routing corpus, read from its one place (never a copy under tests/).
DEV = Path(__file__).resolve().parents[2] / "core" / "routing" / "data" / "dev.jsonl"


@pytest.fixture
def env(tmp_path: Path, routing_model) -> dict[str, str]:  # type: ignore[no-untyped-def]
    routing_model.save(tmp_path / "routing-model.pkl")  # the current model, built once per session
    return {"BALAGH_DATA_DIR": str(tmp_path)}


def test_classify_writes_one_json_line_per_input_with_the_contract_fields(
    env: dict[str, str],
) -> None:
    lines = [
        {"id": "a", "text": "عمود الإنارة طافي في شارعنا من أسبوع"},
        {"id": 7, "text": "Garbage has not been collected from our street for a week"},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    result = CliRunner().invoke(cli, ["classify"], input=stdin, env=env)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    assert set(out[0]) == {"id", "language", "category", "directorate", "urgent", "confidence"}
    assert (out[0]["language"], out[0]["category"], out[0]["directorate"]) == (
        "ar",
        "street_lighting",
        "roads",
    )
    assert (out[1]["language"], out[1]["category"]) == ("en", "waste_collection")
    assert 0 <= out[1]["confidence"] <= 1 and out[1]["urgent"] is False


def test_classify_reports_a_bad_line_and_goes_on(env: dict[str, str]) -> None:
    stdin = 'not json\n{"id": 2, "text": "open manhole in the road, a child nearly fell in"}\n'
    result = CliRunner().invoke(cli, ["classify"], input=stdin, env=env)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [2] and out[0]["urgent"] is True
    assert '"line": 1' in result.stderr


def test_eval_with_folds_prints_quality_and_language_by_form(
    env: dict[str, str], train_once: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dev corpus's three folds train the models test_cross_validation_meets_the_targets
    trains (the same rows in the same order): trained once per run for both."""
    real = evaluate.cross_validate
    monkeypatch.setattr(evaluate, "cross_validate", partial(real, trainer=train_once))
    result = CliRunner().invoke(cli, ["eval", "--cv", "3", str(DEV)], env=env)
    assert result.exit_code == 0, result.output
    assert "category    accuracy" in result.output and "macro-F1" in result.output
    assert "language detection by form:" in result.output and "arabizi" in result.output
    assert "most frequent confusions" in result.output or "by category" in result.output


def test_eval_of_a_broken_file_names_the_line(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok", "category": "feedback"}\n{oops\n', "utf-8")
    result = CliRunner().invoke(cli, ["eval", str(broken)], env=env)
    assert result.exit_code != 0 and "broken.jsonl:2" in result.output


def test_eval_reports_urgency_per_form_and_the_not_for_us_errors(
    env: dict[str, str], tmp_path: Path
) -> None:
    rows = [
        {"text": "حفرة كبيرة في الشارع قدام بيتنا، رقم هاتفي للتواصل 92345678",
         "category": "road_damage", "form": "gulf"},
        {"text": "el aslak makshoofa jamb el madrasa", "category": "street_lighting",
         "urgent": True, "form": "arabizi"},
        {"text": "Mega sale 70% discount, shop now www.deals.example", "category": None,
         "not_for_us": "spam", "form": "english"},
    ]  # fmt: skip
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    result = CliRunner().invoke(cli, ["eval", str(labelled)], env=env)
    assert result.exit_code == 0, result.output
    assert "genuine flagged 0/2 (FP rate 0.000)  spam recall 1.000 (1/1)" in result.output
    assert "urgent by form:" in result.output
    by_json = CliRunner().invoke(cli, ["eval", "--json", str(labelled)], env=env)
    report = json.loads(by_json.stdout)
    assert report["screening"]["false_positive_rate"] == 0.0
    assert {r["name"]: r["recall"] for r in report["urgent_by_form"]}["arabizi"] == 1.0


def test_the_command_line_imports_no_scikit_learn_until_a_command_needs_it() -> None:
    """`main` imports every command module; `balagh serve` must not pay for scikit-learn
    (seconds before its web answers /healthz, ~90 MB resident) because `eval` uses it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from balagh.cli import main\n"
        "sys.argv = ['balagh', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.strip().splitlines()[-1] == "[]", found.stderr
