"""`balagh classify`, `balagh eval`, `balagh train`: the router from the command line."""

from __future__ import annotations

import json
import sys

import click

from balagh.cli import Env, cli, pass_env
from core.language.detect import detect_language
from core.routing.dataset import DatasetError, labelled, load_rows, training_beside
from core.routing.model import ModelStore
from core.routing.taxonomy import load_taxonomy


def _store(env: Env) -> ModelStore:
    """The model store under the data directory, without touching the database."""
    settings = env.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return ModelStore(settings.data_dir, load_taxonomy(settings.taxonomy or None))


@cli.command()
@pass_env
def classify(env: Env) -> None:
    """Read JSON lines {"id", "text"} on stdin; write one classification per line."""
    model = _store(env).get()
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
        except (ValueError, KeyError, TypeError) as exc:
            click.echo(json.dumps({"line": number, "error": f"bad input: {exc}"}), err=True)
            continue
        result = model.classify(text)
        language = detect_language(text).language
        out = {
            "id": item.get("id"),
            "language": language or "ar",
            "category": result.category,
            "directorate": result.directorate,
            "urgent": result.urgent,
            "confidence": round(float(result.confidence), 4),
        }
        click.echo(json.dumps(out, ensure_ascii=False))


@cli.command("eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--cv",
    "folds",
    type=click.IntRange(min=2),
    default=None,
    help="Train and score on K folds of FILE instead of scoring the current model.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_env
def evaluate_command(env: Env, file: str, folds: int | None, as_json: bool) -> None:
    """Routing and language quality on a labelled file (text, category, lang, urgent)."""
    # Here, not at the top: it imports scikit-learn (seconds on a busy machine), which every
    # other command (`serve` before its web answers /healthz) would pay for.
    from core.routing.evaluate import cross_validate, evaluate

    taxonomy = load_taxonomy(env.settings.taxonomy or None)
    try:
        rows = load_rows(file)  # rows labelled not-for-us score the screening
    except DatasetError as exc:
        raise click.ClickException(str(exc)) from None
    if not labelled(rows):
        raise click.ClickException(f"{file} has no labelled rows.")
    if folds:
        extra = training_beside(rows)
        report = cross_validate(
            rows,
            k=folds,
            extra_training=extra,
            taxonomy=taxonomy,
            route_threshold=env.settings.route_threshold,
        )
    else:
        report = evaluate(_store(env).get(), rows, taxonomy, env.settings.route_threshold)
    click.echo(report.to_json() if as_json else report.to_text())


@cli.command()
@pass_env
def train(env: Env) -> None:
    """Retrain from shipped data plus staff corrections; switch only if not worse."""
    from core.followup.retrain import retrain

    result = retrain(env.batch_ctx)
    if result.before is not None:
        click.echo("before:\n" + result.before.to_text())
    click.echo("after:\n" + result.after.to_text())
    click.echo(result.summary())
