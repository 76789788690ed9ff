"""The `balagh` command line. Each area adds its commands in its own module.

A command imports what it needs inside its function, so `balagh --help` (and any one command)
loads no more of core than it uses; the command modules are imported by `main`, since each
imports the `cli` group it adds to.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

import click
from sqlalchemy.exc import OperationalError

from core.settings import Settings, SettingsError, load_settings, unknown_setting_names

if TYPE_CHECKING:
    from core.context import Context


class Env:
    """Lazily loaded settings and context shared by subcommands."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._ctx: Context | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                settings = load_settings()
            except SettingsError as exc:
                raise click.ClickException(str(exc)) from None
            for warning in unknown_setting_names():
                click.echo(f"Warning: {warning}", err=True)
            try:  # every command keeps the database, the model or files there
                settings.data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise click.ClickException(
                    "cannot use the data directory (BALAGH_DATA_DIR) "
                    f"{settings.data_dir}: {exc.strerror or exc}"
                ) from None
            self._settings = settings
        return self._settings

    @property
    def ctx(self) -> Context:
        """The core context, with the schema brought up to date first."""
        return self._context(batch=False)

    @property
    def batch_ctx(self) -> Context:
        """The core context for a long batch job (`balagh stats`, `export research`, `train`):
        its statements may run BALAGH_DB_BATCH_STATEMENT_TIMEOUT_SECONDS, not the service's
        BALAGH_DB_STATEMENT_TIMEOUT_SECONDS meant for answering people quickly."""
        return self._context(batch=True)

    def _context(self, batch: bool) -> Context:
        if self._ctx is None:
            from balagh.dbmigrate import upgrade
            from balagh.wiring import build_context

            upgrade(self.settings.effective_database_url)
            self._ctx = build_context(self.settings, batch=batch)
        return self._ctx


pass_env = click.make_pass_decorator(Env, ensure=True)


class _Commands(click.Group):
    """The command group; a database that cannot be reached, whichever command met it, is one
    `Error:` line naming the setting (the driver's reason, never the URL and its password)
    instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            raise click.ClickException(
                f"cannot reach the database (BALAGH_DATABASE_URL): {reason}"
            ) from None


@click.group(cls=_Commands)
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages.")
@click.pass_context
def cli(click_ctx: click.Context, verbose: bool) -> None:
    """Balagh: the municipality's contact centre."""
    env = click_ctx.ensure_object(Env)
    try:
        level = "DEBUG" if verbose else env.settings.log_level
    except click.ClickException:
        level = "INFO"  # the command itself reports the bad setting
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("alembic", "mail.log", "httpx", "apscheduler"):
        # per-connection and per-plugin chatter; warnings and errors still show
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


def main() -> None:
    from balagh.cli import admin, jobs, routing, serve, stats  # noqa: F401  (registers commands)

    cli()
