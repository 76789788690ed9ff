"""Start-up: the routing model is ready before any listener accepts a citizen's message."""

from __future__ import annotations

import gc
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from balagh.serve import Component, prepare_router, start_components
from balagh.wiring import build_context
from core.context import Context
from core.routing.types import Classification
from tests.email_support import free_port


class SlowModelRouter:
    """A router whose model takes until `ready` is set to build."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.prepared = False

    def prepare(self) -> None:
        assert self.ready.wait(60)
        self.prepared = True

    def classify(self, text: str) -> Classification:
        return Classification(category=None, directorate=None, confidence=0.0)


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def accepts(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def serving(ctx: Context) -> Iterator[tuple[Context, SlowModelRouter, list[Component]]]:
    settings = ctx.settings.model_copy(
        update={"web_port": free_port(), "smtp_port": free_port(), "telegram_token": ""}
    )
    router = SlowModelRouter()
    app_ctx = build_context(settings, senders=ctx.senders, router=router)
    started: list[Component] = []
    thread = threading.Thread(
        target=lambda: started.extend(start_components(app_ctx, {"web", "smtp", "inbound"}))
    )
    thread.start()
    yield app_ctx, router, started
    router.ready.set()
    thread.join(30)
    for component in reversed(started):
        component.stop()
    app_ctx.engine.dispose()


def wait_for(condition: object, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_healthz_says_starting_and_listeners_wait_until_the_model_is_ready(
    serving: tuple[Context, SlowModelRouter, list[Component]],
) -> None:
    app_ctx, router, _ = serving
    web, smtp = app_ctx.settings.web_port, app_ctx.settings.smtp_port
    assert wait_for(lambda: accepts(web))
    status, _, body = get(f"http://127.0.0.1:{web}/healthz")
    assert (status, json.loads(body)["status"]) == (503, "starting")
    status, headers, _ = get(f"http://127.0.0.1:{web}/report")
    assert status == 503 and headers.get("Retry-After")
    assert not accepts(smtp)  # no citizen's mail is taken before the model is ready
    router.ready.set()
    assert wait_for(lambda: accepts(smtp))
    assert router.prepared
    # the components after the listener (the inbound workers) may still be starting
    assert wait_for(lambda: get(f"http://127.0.0.1:{web}/healthz")[0] == 200)
    status, _, body = get(f"http://127.0.0.1:{web}/healthz")
    health = json.loads(body)
    assert (status, health["status"]) == (200, "ok")
    assert health["backlog"] == {"pending": {}, "oldest_pending_seconds": None}


def test_what_runs_before_the_listeners_runs_after_the_model_while_healthz_says_starting(
    ctx: Context,
) -> None:
    settings = ctx.settings.model_copy(
        update={"web_port": free_port(), "smtp_port": free_port(), "telegram_token": ""}
    )
    router = SlowModelRouter()
    router.ready.set()
    app_ctx = build_context(settings, senders=ctx.senders, router=router)
    loading, loaded = threading.Event(), threading.Event()
    seen: list[bool] = []

    def demo_data() -> None:
        seen.append(router.prepared)
        loading.set()
        assert loaded.wait(60)

    started: list[Component] = []
    thread = threading.Thread(
        target=lambda: started.extend(
            start_components(app_ctx, {"web", "smtp", "inbound"}, demo_data)
        )
    )
    thread.start()
    try:
        assert loading.wait(30)
        web, smtp = settings.web_port, settings.smtp_port
        status, _, body = get(f"http://127.0.0.1:{web}/healthz")
        assert (status, json.loads(body)["status"]) == (503, "starting")
        assert not accepts(smtp)
        loaded.set()
        assert wait_for(lambda: accepts(smtp))
        assert seen == [True]  # the model was ready before the demo data was loaded
        assert wait_for(lambda: get(f"http://127.0.0.1:{web}/healthz")[0] == 200)
    finally:
        loaded.set()
        thread.join(30)
        for component in reversed(started):
            component.stop()
        app_ctx.engine.dispose()


def test_what_start_up_made_is_left_out_of_later_collections_once_the_model_is_ready() -> None:
    """The routing model and everything else alive once it is ready are frozen out of
    garbage collection (a full collection walking them held the GIL for up to 0.6 s)."""

    class ReadyRouter:
        def prepare(self) -> None:
            self.model = [[n] for n in range(1000)]  # what a model build leaves alive

    router = ReadyRouter()
    gc.unfreeze()
    try:
        prepare_router(SimpleNamespace(router=router))  # type: ignore[arg-type]
        assert gc.get_freeze_count() > 1000
        collectable = {id(o) for o in gc.get_objects()}  # the frozen ones are not listed
        assert not any(id(part) in collectable for part in router.model)
    finally:
        gc.unfreeze()


def test_healthz_says_starting_until_the_last_component_has_started_while_requests_are_served(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/healthz said `ok` as soon as the model was ready, before the listeners and the
    scheduler had started: on a loaded machine the fault tests stopped the database in that
    gap, the scheduler's start met it and `balagh serve` exited."""
    import balagh.serve

    settings = ctx.settings.model_copy(update={"web_port": free_port(), "telegram_token": ""})
    router = SlowModelRouter()
    router.ready.set()
    app_ctx = build_context(settings, senders=ctx.senders, router=router)
    entered, release = threading.Event(), threading.Event()

    def slow_component(_: Context) -> None:
        entered.set()
        assert release.wait(60)

    real = balagh.serve.starters
    monkeypatch.setattr(
        balagh.serve, "starters", lambda: {"web": real()["web"], "scheduler": slow_component}
    )
    started: list[Component] = []
    thread = threading.Thread(target=lambda: started.extend(start_components(app_ctx)))
    thread.start()
    try:
        assert entered.wait(30)
        web = settings.web_port
        status, _, body = get(f"http://127.0.0.1:{web}/healthz")
        assert (status, json.loads(body)["status"]) == (503, "starting")
        assert get(f"http://127.0.0.1:{web}/report")[0] == 200  # citizens are served
        release.set()
        thread.join(30)
        assert get(f"http://127.0.0.1:{web}/healthz")[0] == 200
    finally:
        release.set()
        thread.join(30)
        for component in reversed(started):
            component.stop()
        app_ctx.engine.dispose()
