"""`balagh serve`: web, SMTP listener, Telegram and scheduler in one process.

Each component is started by a small function returning something with `stop()`; a log line
names each with its address. SIGTERM and SIGINT stop them in reverse order, within
BALAGH_SHUTDOWN_GRACE_SECONDS: a component still stopping after that (a mail parse or a job
that does not return) is named in the log and the process exits with status 1 rather than
wait for it. Nothing is lost by that: an inbound record is stored before the transport is
acknowledged and claimed in a transaction (core.intake.pipeline), so what was not processed
stays pending for the next start, and what was not acknowledged the sender sends again.
"""

from __future__ import annotations

import concurrent.futures.thread
import ctypes
import ctypes.util
import errno
import gc
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Collection
from typing import Protocol

from balagh.scheduler import JobScheduler
from balagh.wiring import channel_starters, web_app
from channels.web.server import make_server
from core.context import Context
from core.delivery.courier import Courier
from core.intake.pipeline import start_pipeline, worker_processes

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


class WorkerProcesses:
    """BALAGH_WORKER_PROCESSES `balagh worker` processes beside `balagh serve` (PostgreSQL),
    doing its inbound processing: the listeners' process then only stores and answers, and
    its interpreter lock is not shared with the workers' (bench/RESULTS.md, session 14).

    Each is the CLI's `balagh worker` with this process's environment (the routing model is
    loaded from the data directory, built by now) and no worker processes of its own; they
    share the records by SKIP LOCKED and hear of each by NOTIFY. One that exits while serve
    runs is started again. `stop` sends SIGTERM to all and waits (each stops within
    BALAGH_SHUTDOWN_GRACE_SECONDS; unprocessed records stay pending), then kills.
    """

    RESTART_PAUSE = 2.0

    def __init__(self, ctx: Context, count: int) -> None:
        self.ctx = ctx
        self._stopping = threading.Event()
        self._env = {**os.environ, "BALAGH_WORKER_PROCESSES": "0"}
        self.procs = [self._spawn() for _ in range(count)]
        self._watch = threading.Thread(target=self._watch_run, name="worker-watch", daemon=True)
        self._watch.start()
        pids = ", ".join(str(proc.pid) for proc in self.procs)
        logger.info("inbound: %d `balagh worker` process(es) beside this one: %s", count, pids)

    def _spawn(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "balagh", "worker"], env=self._env)

    def _watch_run(self) -> None:
        while not self._stopping.wait(self.RESTART_PAUSE):
            for n, proc in enumerate(self.procs):
                if proc.poll() is not None and not self._stopping.is_set():
                    logger.error(
                        "inbound: worker process %s exited (%s); starting another",
                        proc.pid,
                        proc.returncode,
                    )
                    self.procs[n] = self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        self._watch.join()
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.ctx.settings.shutdown_grace_seconds
        for proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.error("inbound: worker process %s did not stop; killed", proc.pid)
                proc.kill()
                proc.wait()


def start_inbound(ctx: Context) -> Component:
    """The inbound processing: worker processes beside this one (BALAGH_WORKER_PROCESSES,
    PostgreSQL), else this process's pipeline of BALAGH_INBOUND_WORKERS threads."""
    count = worker_processes(ctx)
    if count:
        return WorkerProcesses(ctx, count)
    return start_pipeline(ctx)


def starters() -> dict[str, Callable[[Context], Component | None]]:
    """Every component by name; channel starters return None when not configured."""
    return {
        "inbound": start_inbound,
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
    freeze_start_up_objects()


def freeze_start_up_objects() -> None:
    """Leave what start-up made (the routing model, modules, settings) out of every later
    garbage collection.

    They live as long as the process, yet a full collection walked them every time: in a
    1,000-mail burst two full collections held the GIL 0.9 s (the longest 0.6 s), so every
    acknowledgement and worker waited (bench/RESULTS.md, session 13). `gc.freeze` moves
    them to a generation never collected; `balagh serve`, `balagh worker`, the WSGI entry
    (before gunicorn forks: fewer pages copied) and the benches all call it here, once the
    model is ready. Objects made later are collected as before.
    """
    gc.collect()
    gc.freeze()


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
    so the first citizen is not the one who waits for them. The web serves requests from
    then on, but /healthz says `starting` until the last component has started.
    """
    chosen = [(n, s) for n, s in starters().items() if only is None or n in only]
    components: list[Component] = []
    ctx.components_starting = True
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
    finally:
        ctx.components_starting = False
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
        stop_or_exit(components, ctx)


def stop_or_exit(components: list[Component], ctx: Context) -> None:
    """Stop the components within BALAGH_SHUTDOWN_GRACE_SECONDS, else exit the process now
    (status 1). The interpreter's own exit waits for every thread that is not a daemon (an
    executor's worker in a parse that never returns: the SMTP listener's stopped without
    it), so those are waited for within the same grace too."""
    deadline = time.monotonic() + ctx.settings.shutdown_grace_seconds
    if not stop_within(components, ctx, ctx.settings.shutdown_grace_seconds):
        logging.shutdown()
        os._exit(1)
    stuck = _threads_still_running(deadline)
    if stuck:
        logger.error(
            "stopping: thread(s) %s still running after %.0f s (BALAGH_SHUTDOWN_GRACE_SECONDS);"
            " exiting without them: unprocessed records stay pending, unacknowledged mail is"
            " sent again",
            ", ".join(stuck),
            ctx.settings.shutdown_grace_seconds,
        )
        logging.shutdown()
        os._exit(1)


def _threads_still_running(deadline: float) -> list[str]:
    """The names of the threads the interpreter's exit would wait for that are still
    running at `deadline` (each joined until then): those that are not daemons, and every
    executor's worker, which concurrent.futures joins at exit even when it is a daemon (it
    inherits that from the thread that made it, e.g. aiosmtpd's event loop)."""
    futures = concurrent.futures.thread
    workers = dict(getattr(futures, "_threads_queues", {}))
    # As the interpreter's exit does first (concurrent.futures.thread._python_exit): idle
    # workers of executors nobody shut down are told to finish, so only busy ones remain.
    futures._shutdown = True
    for queue in workers.values():
        queue.put(None)
    others = [
        t
        for t in threading.enumerate()
        if (not t.daemon or t in workers) and t is not threading.current_thread()
    ]
    for thread in others:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in others if t.is_alive()]


def stop_within(components: list[Component], ctx: Context, grace: float) -> bool:
    """Stop the components in reverse order on a thread of its own; False (logged, naming
    the component still stopping) when that takes longer than `grace` seconds."""
    stopping: list[str] = []

    def stop_all() -> None:
        for component in reversed(components):
            stopping.append(type(component).__name__)
            component.stop()
        stopping.append("database")
        ctx.engine.dispose()
        stopping.clear()

    logger.info("stopping (at most %.0f s)", grace)
    stopper = threading.Thread(target=stop_all, name="shutdown", daemon=True)
    stopper.start()
    stopper.join(grace)
    if not stopper.is_alive():
        return True
    logger.error(
        "stopping: %s still stopping after %.0f s (BALAGH_SHUTDOWN_GRACE_SECONDS); exiting"
        " without it: unprocessed records stay pending, unacknowledged mail is sent again",
        stopping[-1] if stopping else "?",
        grace,
    )
    return False
