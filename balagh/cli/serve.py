"""`balagh serve [--demo]`."""

from __future__ import annotations

import click

from balagh.cli import Env, cli, pass_env


@cli.command()
@click.option("--demo", is_flag=True, help="Fill an empty database with demo data and logins.")
@click.option(
    "--only",
    default=None,
    metavar="NAMES",
    help="Comma-separated components to run (inbound, web, smtp, imap, telegram, scheduler, courier); "
    "default all. E.g. --only smtp,telegram beside a web app under gunicorn.",
)
@pass_env
def serve(env: Env, demo: bool, only: str | None) -> None:
    """Run web, SMTP listener, IMAP, Telegram (when configured) and the scheduler."""
    from balagh.serve import starters

    chosen = None
    if only is not None:
        chosen = {name.strip() for name in only.split(",") if name.strip()}
        unknown = chosen - set(starters())
        if unknown or not chosen:
            known = ", ".join(starters())
            raise click.BadParameter(f"unknown component(s) {sorted(unknown)}; known: {known}")
    from balagh.bootstrap import ensure_admin, ensure_secret_key
    from balagh.serve import PortInUse, run_forever

    ensure_secret_key(env.settings)
    ctx = env.ctx
    password = ensure_admin(ctx)
    if password:
        click.echo(f"Administrator {ctx.settings.admin_email} created with password: {password}")
        click.echo("(shown once; change it after logging in)")

    def demo_data() -> None:
        from balagh.demo import load_demo

        for line in load_demo(ctx):
            click.echo(line)

    try:
        # The demo data is loaded once the web answers /healthz `starting` and the routing
        # model is ready (the demo's tickets are routed), before any listener accepts.
        run_forever(ctx, chosen, demo_data if demo else None)
    except PortInUse as exc:
        raise click.ClickException(str(exc)) from None
