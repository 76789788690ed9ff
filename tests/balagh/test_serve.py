"""`balagh serve --demo` end to end: a real process, real sockets, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.models import Status
from core.routing.model import MODEL_FILE
from tests.child_process import popen
from tests.conftest import fresh_pg_database
from tests.email_support import free_port


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no schema): serve must migrate it itself."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'serve.sqlite3'}"
        return
    with fresh_pg_database("balagh_serve") as url:
        yield url


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:  # generous: a loaded machine
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.timeout(600)  # generous for a loaded machine; the waits inside are on states
def test_serve_demo_answers_healthz_and_stops_on_sigterm(
    tmp_path: Path, empty_database: str, routing_model: Any
) -> None:
    port = free_port()
    # The session's model, loaded rather than built: building it is the model's tests' (and
    # took the demo 150 s of its 120 at load 15-20).
    routing_model.save(tmp_path / "data" / MODEL_FILE)
    env = {
        **os.environ,
        "BALAGH_DATA_DIR": str(tmp_path / "data"),
        "BALAGH_DATABASE_URL": empty_database,
        "BALAGH_WEB_PORT": str(port),
        "BALAGH_SMTP_PORT": str(free_port()),
        "BALAGH_TELEGRAM_TOKEN": "",
        "BALAGH_METRICS_ALLOW": "127.0.0.1",
    }
    log = (tmp_path / "serve.log").open("w+")
    proc = popen(
        [sys.executable, "-m", "balagh", "serve", "--demo"],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 300
        status, body = 0, b""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, body = get(f"http://127.0.0.1:{port}/healthz")
            except OSError:
                status = 0
            if status == 200:
                break
            if status:  # the demo data is loaded while /healthz says starting
                assert json.loads(body)["status"] == "starting", body
            time.sleep(0.3)
        assert status == 200, _tail(log)
        assert json.loads(body)["database"] == "ok"
        metrics = get(f"http://127.0.0.1:{port}/metrics")[1].decode()
        for status in Status:  # the demo shows every step of the workflow
            assert f'balagh_tickets{{status="{status}"}} 1' in metrics, metrics
        assert get(f"http://127.0.0.1:{port}/")[0] == 200  # root leads to the report form
    finally:
        code = _terminate(proc)
    output = _tail(log)
    assert code == 0, output
    assert f"web: listening on http://127.0.0.1:{port}" in output
    assert "demo login: dispatcher@demo.balagh" in output


def _terminate(proc: subprocess.Popen[bytes], grace: float = 60) -> int | None:
    """SIGTERM and its exit status; past `grace` seconds SIGKILL and None, so a serve that does
    not stop fails the test instead of outliving it."""
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)
        return None


def _tail(log) -> str:  # type: ignore[no-untyped-def]
    log.flush()
    log.seek(0)
    return str(log.read())[-4000:]


def test_serve_only_unknown_component_is_refused_with_the_known_names(tmp_path: Path) -> None:
    from click.testing import CliRunner

    import balagh.cli.serve  # noqa: F401  (registers the command)
    from balagh.cli import cli

    result = CliRunner().invoke(
        cli, ["serve", "--only", "web,ftp"], env={"BALAGH_DATA_DIR": str(tmp_path)}
    )
    assert result.exit_code != 0
    assert "ftp" in result.output and "scheduler" in result.output


def test_serve_only_some_components_leaves_the_others_off(
    tmp_path: Path, routing_model: Any
) -> None:
    web_port, smtp_port = free_port(), free_port()
    routing_model.save(tmp_path / "data" / MODEL_FILE)  # the session's: loaded, not built here
    env = {
        **os.environ,
        "BALAGH_DATA_DIR": str(tmp_path / "data"),
        "BALAGH_WEB_PORT": str(web_port),
        "BALAGH_SMTP_PORT": str(smtp_port),
        "BALAGH_TELEGRAM_TOKEN": "",
    }
    log = (tmp_path / "serve.log").open("w+")
    proc = popen(
        [sys.executable, "-m", "balagh", "serve", "--only", "smtp"],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while (
            time.monotonic() < deadline
            and f"smtp: listening on 127.0.0.1:{smtp_port}" not in _tail(log)
        ):
            assert proc.poll() is None, _tail(log)
            time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", smtp_port), timeout=5) as conn:
            assert conn.recv(100).startswith(b"220")
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", web_port), timeout=2).close()
    finally:
        assert _terminate(proc) == 0, _tail(log)


def test_serve_demo_loads_the_demo_data_inside_start_up_not_before_the_web_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's tickets are routed, so on a fresh data directory loading them builds the
    routing model: that happens while /healthz answers `starting`, not before the web is up."""
    from click.testing import CliRunner

    import balagh.cli.serve  # noqa: F401  (registers the command)
    import balagh.demo
    import balagh.serve
    from balagh.cli import cli

    hooks: list[Callable[[], object]] = []
    loaded: list[object] = []
    monkeypatch.setattr(
        balagh.serve,
        "run_forever",
        lambda ctx, only, before_listeners: hooks.append(before_listeners),
    )
    monkeypatch.setattr(balagh.demo, "load_demo", lambda ctx: loaded.append(ctx) or ["demo: x"])
    result = CliRunner().invoke(cli, ["serve", "--demo"], env={"BALAGH_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert loaded == []  # not before start-up (the web answering /healthz) began
    assert len(hooks) == 1
    hooks[0]()
    assert len(loaded) == 1


def test_the_courier_starts_before_any_listener_accepts_a_citizen() -> None:
    """The first citizen's acknowledgement leaves when queued, not at the outbox job's first
    run ~5 s later (the listeners start in `starters()` order)."""
    from balagh.serve import EARLY, starters

    order = [name for name in starters() if name not in EARLY]
    listeners = [name for name in order if name not in ("inbound", "courier", "scheduler")]
    assert listeners, order
    assert all(order.index("courier") < order.index(name) for name in listeners)
