"""`balagh serve`: web, SMTP listener, Telegram and scheduler in one process.

Each component is started by a small function returning something with `stop()`; a log line
names each with its address. SIGTERM and SIGINT stop them in reverse order.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import gc
import logging
import signal
import threading
import time
from collections.abc import Callable, Collection
from typing import Protocol

from balagh.scheduler import JobScheduler
from balagh.wiring import channel_starters, web_app
from channels.web.server import make_server
from core.context import Context
from core.delivery.courier import Courier
from core.intake.pipeline import start_pipeline

logger = logging.getLogger(__name__)


# The setting that chooses each listening component's port, for the "port in use" message.
PORT_SETTINGS = {"web": ("BALAGH_WEB_PORT", "web_port"), "smtp": ("BALAGH_SMTP_PORT", "smtp_port")}


class PortInUse(Exception):
    """A component could not listen because its port is taken; the message names the setting."""


def _address_in_use(exc: BaseException | None) -> bool:
    """Whether `exc` (or what caused it: aiosmtpd wraps the socket error) is EADDRINUSE."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class Component(Protocol):
    def stop(self) -> None: ...


class WebServer:
    """The Flask app on waitress, a production WSGI server, in a background thread
    (hardened against storms and slow clients: channels/web/server.py)."""

    def __init__(self, ctx: Context) -> None:
        self.server = make_server(web_app(ctx), ctx.settings)
        self.thread = threading.Thread(target=self.server.run, name="web", daemon=True)
        self.thread.start()
        logger.info(
            "web: listening on http://%s:%s", ctx.settings.web_host, self.server.effective_port
        )

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(self.server.stop_timeout)


def starters() -> dict[str, Callable[[Context], Component | None]]:
    """Every component by name; channel starters return None when not configured."""
    return {
        "inbound": start_pipeline,
        # before the listeners: the first citizen's acknowledgement leaves when queued; the
        # outbox job stays the safety net
        "courier": Courier,
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


def release_freed_memory() -> None:
    """Give the memory freed after building the model back to the system.

    Training allocates a few hundred MB that Python frees but glibc's allocator keeps for
    reuse, so an idle server would look that much bigger (bench/memory.py). `malloc_trim`
    returns it; on other C libraries this does nothing.
    """
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def start_components(
    ctx: Context,
    only: Collection[str] | None = None,
    before_listeners: Callable[[], object] | None = None,
) -> list[Component]:
    """Start the components asked for (all by default), in a fixed order.

    The web comes first and answers /healthz `starting` (503) while the routing model is
    built or loaded, then while `before_listeners` runs (`serve --demo` loads its demo data
    there, which needs the model); the listeners and workers start only once both are done,
    so the first citizen is not the one who waits for them.
    """
    chosen = [(n, s) for n, s in starters().items() if only is None or n in only]
    components: list[Component] = []
    try:
        ctx.starting = True
        try:
            for name, starter in chosen:
                if name in EARLY:
                    _start(ctx, name, starter, components)
            prepare_router(ctx)
            if before_listeners is not None:
                before_listeners()
        finally:
            ctx.starting = False
        release_freed_memory()  # once ready: /healthz need not wait for it
        for name, starter in chosen:
            if name not in EARLY:
                _start(ctx, name, starter, components)
    except PortInUse:
        for component in reversed(components):  # leave nothing listening behind
            component.stop()
        raise
    return components


EARLY = ("web",)


def _start(
    ctx: Context,
    name: str,
    starter: Callable[[Context], Component | None],
    components: list[Component],
) -> None:
    try:
        component = starter(ctx)
    except Exception as exc:
        if name not in PORT_SETTINGS or not _address_in_use(exc):
            raise
        env_name, field = PORT_SETTINGS[name]
        port = getattr(ctx.settings, field)
        raise PortInUse(
            f"{name}: port {port} is already in use by another program; "
            f"stop it or choose another port with {env_name}"
        ) from None
    if component is not None:
        components.append(component)


def run_forever(
    ctx: Context,
    only: Collection[str] | None = None,
    before_listeners: Callable[[], object] | None = None,
) -> None:
    """Start everything and block until SIGTERM or SIGINT, then stop gracefully."""
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    components = start_components(ctx, only, before_listeners)
    try:
        stop.wait()
    finally:
        logger.info("stopping")
        for component in reversed(components):
            component.stop()
        ctx.engine.dispose()
