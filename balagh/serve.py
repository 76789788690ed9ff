"""`balagh serve`: web, SMTP listener, Telegram and scheduler in one process.

Each component is started by a small function returning something with `stop()`; a log line
names each with its address. SIGTERM and SIGINT stop them in reverse order.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from typing import Protocol

from waitress.server import create_server

from balagh.scheduler import JobScheduler
from channels.web.app import create_app
from core.context import Context

logger = logging.getLogger(__name__)


class Component(Protocol):
    def stop(self) -> None: ...


class WebServer:
    """The Flask app on waitress, a production WSGI server, in a background thread."""

    def __init__(self, ctx: Context) -> None:
        app = create_app(ctx)
        self.server = create_server(
            app, host=ctx.settings.web_host, port=ctx.settings.web_port, threads=8
        )
        self.thread = threading.Thread(target=self.server.run, name="web", daemon=True)
        self.thread.start()
        logger.info(
            "web: listening on http://%s:%s", ctx.settings.web_host, self.server.effective_port
        )

    def stop(self) -> None:
        self.server.close()


def start_components(ctx: Context) -> list[Component]:
    """Start every component this configuration asks for."""
    components: list[Component] = [WebServer(ctx)]
    for starter in optional_starters():
        component = starter(ctx)
        if component is not None:
            components.append(component)
    components.append(JobScheduler(ctx))
    return components


def optional_starters() -> list[Callable[[Context], Component | None]]:
    """Channel listeners (SMTP, IMAP, Telegram) that start when configured."""
    from channels.email.imap import start_imap
    from channels.email.listener import start_listener
    from channels.telegram.runtime import start_telegram

    return [start_listener, start_imap, start_telegram]


def run_forever(ctx: Context) -> None:
    """Start everything and block until SIGTERM or SIGINT, then stop gracefully."""
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    components = start_components(ctx)
    try:
        stop.wait()
    finally:
        logger.info("stopping")
        for component in reversed(components):
            component.stop()
        ctx.engine.dispose()
