"""`balagh stats`: ticket counts per directorate, category, status and channel."""

from __future__ import annotations

import json

import click

from balagh.cli import Env, cli, pass_env
from core.errors import InputError
from core.stats import compute_stats, parse_period, stats_csv


@cli.command("stats")
@click.option("--since", default=None, help="First day counted (YYYY-MM-DD), inclusive.")
@click.option("--until", default=None, help="Last day counted (YYYY-MM-DD), inclusive.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
@pass_env
def stats(env: Env, since: str | None, until: str | None, fmt: str) -> None:
    """Print statistics of tickets created in the period."""
    try:
        start, end = parse_period(since, until)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    with env.ctx.sessions() as session:
        result = compute_stats(session, start, end)
    if fmt == "csv":
        click.echo(stats_csv(result), nl=False)
    else:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
