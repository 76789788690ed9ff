"""`balagh stats` (service-quality figures per group) and `balagh export research`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from balagh.cli import Env, cli, pass_env
from core.errors import InputError
from core.insights.research_export import export_format, export_research
from core.insights.stats import (
    GROUP_BY,
    SPREADSHEET_ENCODING,
    Period,
    compute_stats,
    parse_period,
    stats_csv,
)


@cli.command("stats")
@click.option("--since", default=None, help="First day counted (YYYY-MM-DD), inclusive.")
@click.option("--until", default=None, help="Last day counted (YYYY-MM-DD), inclusive.")
@click.option(
    "--group-by",
    "group_by",
    type=click.Choice(GROUP_BY),
    default="directorate",
    show_default=True,
    help="One row per value of this.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
@click.option(
    "--out",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of printing (CSV with a byte order mark, for Excel).",
)
@pass_env
def stats(
    env: Env, since: str | None, until: str | None, group_by: str, fmt: str, out: Path | None
) -> None:
    """Print (or write to --out) service-quality figures of tickets created in the period."""
    ctx = env.batch_ctx
    try:
        start, end = parse_period(since, until, ctx.zone)
        if out is not None:
            export_format(out, {f".{fmt}": fmt})
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    with ctx.sessions() as session:
        result = compute_stats(
            session,
            start,
            end,
            group_by=group_by,
            taxonomy=ctx.taxonomy,
            now=ctx.now(),
            dispatch_target_minutes=ctx.settings.dispatch_target_minutes,
        )
    if fmt == "csv":  # codes as the JSON's keys, and their English names beside them
        text = stats_csv(result, taxonomy=ctx.taxonomy)
    else:
        text = json.dumps(result, ensure_ascii=False, indent=2)
    if out is None:  # for pipes: no byte order mark
        click.echo(text, nl=fmt != "csv")
        return
    encoding = SPREADSHEET_ENCODING if fmt == "csv" else "utf-8"
    try:
        out.write_text(text if fmt == "csv" else text + "\n", encoding=encoding, newline="")
    except OSError as exc:  # a missing folder, no permission, a full disk
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None


@cli.group("export")
def export() -> None:
    """Exports for people outside the centre."""


@export.command("research")
@click.option("--since", default=None, help="First day (YYYY-MM-DD), inclusive.")
@click.option("--until", default=None, help="Last day (YYYY-MM-DD), inclusive.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write: .csv for CSV, .parquet for Parquet (needs pyarrow).",
)
@pass_env
def export_research_command(env: Env, since: str | None, until: str | None, out: Path) -> None:
    """Write the anonymised research export (docs/RESEARCH_EXPORT.md) of tickets in the period."""
    ctx = env.batch_ctx
    try:
        start, end = parse_period(since, until, ctx.zone)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    with ctx.sessions() as session:
        try:
            result = export_research(session, ctx.taxonomy, Period(start, end), out)
        except (RuntimeError, InputError) as exc:  # no pyarrow; a name of another format
            raise click.ClickException(str(exc)) from None
        except OSError as exc:  # a missing folder, no permission, a full disk
            raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    click.echo(f"{result.rows} ticket(s) written to {result.path} ({result.format})")
