"""`balagh serve`: web, SMTP listener, Telegram and scheduler in one process.

Each component is started by a small function returning something with `stop()`; a log line
names each with its address. SIGTERM and SIGINT stop them in reverse order.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Collection
from typing import Protocol

from balagh.scheduler import JobScheduler
from channels.web.server import make_server
from core.context import Context

logger = logging.getLogger(__name__)


class Component(Protocol):
    def stop(self) -> None: ...


class WebServer:
    """The Flask app on waitress, a production WSGI server, in a background thread
    (hardened against storms and slow clients: channels/web/server.py)."""

    def __init__(self, ctx: Context) -> None:
        from balagh.wiring import web_app

        self.server = make_server(web_app(ctx), ctx.settings)
        self.thread = threading.Thread(target=self.server.run, name="web", daemon=True)
        self.thread.start()
        logger.info(
            "web: listening on http://%s:%s", ctx.settings.web_host, self.server.effective_port
        )

    def stop(self) -> None:
        self.server.close()


def starters() -> dict[str, Callable[[Context], Component | None]]:
    """Every component by name; channel starters return None when not configured."""
    from balagh.wiring import channel_starters
    from core.pipeline import start_pipeline

    return {
        "inbound": start_pipeline,
        "web": WebServer,
        **channel_starters(),
        "scheduler": JobScheduler,
    }


def prepare_router(ctx: Context) -> None:
    """Build or load the routing model before any citizen's message needs it."""
    prepare = getattr(ctx.router, "prepare", None)
    if prepare is None:
        return
    started = time.monotonic()
    try:
        prepare()
    except (OSError, ValueError) as exc:  # the router then sends reports to the intake queue
        logger.error("routing model unavailable at start-up: %s", exc)
        return
    logger.info("routing model ready in %.1f s", time.monotonic() - started)


def start_components(ctx: Context, only: Collection[str] | None = None) -> list[Component]:
    """Start the components asked for (all by default), in a fixed order.

    The web comes first and answers /healthz `starting` (503) while the routing model is
    built or loaded; the listeners and workers start only once it is ready, so the first
    citizen is not the one who waits for it.
    """
    chosen = [(n, s) for n, s in starters().items() if only is None or n in only]
    components: list[Component] = []
    ctx.starting = True
    try:
        for name, starter in chosen:
            if name in EARLY:
                _start(ctx, starter, components)
        prepare_router(ctx)
    finally:
        ctx.starting = False
    for name, starter in chosen:
        if name not in EARLY:
            _start(ctx, starter, components)
    return components


EARLY = ("web",)


def _start(
    ctx: Context, starter: Callable[[Context], Component | None], components: list[Component]
) -> None:
    component = starter(ctx)
    if component is not None:
        components.append(component)


def run_forever(ctx: Context, only: Collection[str] | None = None) -> None:
    """Start everything and block until SIGTERM or SIGINT, then stop gracefully."""
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    components = start_components(ctx, only)
    try:
        stop.wait()
    finally:
        logger.info("stopping")
        for component in reversed(components):
            component.stop()
        ctx.engine.dispose()
