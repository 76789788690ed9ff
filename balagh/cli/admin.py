"""`balagh db`, `balagh users`, `balagh inbound`: administration commands (jobs: cli/jobs.py)."""

from __future__ import annotations

import sys

import click
from sqlalchemy import select

from balagh.cli import Env, cli, pass_env
from core.errors import InputError
from core.models import User
from core.staff.accounts import add_user, issue_token


@cli.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@pass_env
def db_upgrade(env: Env) -> None:
    """Apply migrations up to the newest."""
    from balagh.dbmigrate import upgrade

    upgrade(env.settings.effective_database_url)
    click.echo("database is up to date")


@cli.group()
def users() -> None:
    """Staff accounts."""


@users.command("add")
@click.argument("email")
@click.option("--role", required=True, help="agent, dispatcher, department, supervisor or admin")
@click.option("--directorate", default=None, help="Directorate code (department staff only).")
@click.option("--name", default="", help="Display name.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@pass_env
def users_add(
    env: Env, email: str, role: str, directorate: str | None, name: str, password_stdin: bool
) -> None:
    """Create a member of staff."""
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    ctx = env.ctx
    codes = [d.code for d in ctx.taxonomy.directorates]
    try:
        with ctx.sessions() as session, session.begin():
            user = add_user(
                session,
                email,
                role,
                password=password,
                directorate=directorate,
                name=name,
                directorates=codes,
            )
            click.echo(
                f"added {user.email} ({user.role}{' ' + user.directorate if user.directorate else ''})"
            )
    except InputError as exc:
        raise click.ClickException(str(exc)) from None


@users.command("token")
@click.argument("email")
@pass_env
def users_token(env: Env, email: str) -> None:
    """Print a new API token for this user (shown once; only its hash is stored)."""
    ctx = env.ctx
    with ctx.sessions() as session, session.begin():
        user = session.execute(
            select(User).where(User.email == email.strip().lower())
        ).scalar_one_or_none()
        if user is None:
            raise click.ClickException(f"No user with email {email}.")
        click.echo(issue_token(session, user))


@cli.group()
def inbound() -> None:
    """Inbound records."""


@inbound.command("retry")
@pass_env
def inbound_retry(env: Env) -> None:
    """Process inbound records that are pending or failed."""
    from core.intake.ingest import retry_pending

    done, failed = retry_pending(env.ctx, limit=10_000)
    click.echo(f"processed {done}, still failing {failed}")
    if failed:
        sys.exit(1)
