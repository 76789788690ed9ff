"""`balagh serve [--demo]`."""

from __future__ import annotations

import click

from balagh.cli import Env, cli, pass_env


@cli.command()
@click.option("--demo", is_flag=True, help="Fill an empty database with demo data and logins.")
@pass_env
def serve(env: Env, demo: bool) -> None:
    """Run web, SMTP listener, Telegram (when a token is set) and the scheduler."""
    from balagh.bootstrap import ensure_admin, ensure_secret_key
    from balagh.serve import run_forever

    ensure_secret_key(env.settings)
    ctx = env.ctx
    password = ensure_admin(ctx)
    if password:
        click.echo(f"Administrator {ctx.settings.admin_email} created with password: {password}")
        click.echo("(shown once; change it after logging in)")
    if demo:
        from balagh.demo import load_demo

        for line in load_demo(ctx):
            click.echo(line)
    run_forever(ctx)
