"""An SMTP listener that only stores and acknowledges (BALAGH_INBOUND_WORKERS=0) beside real
`balagh worker` processes doing the processing, woken by NOTIFY (PostgreSQL): each record is
processed once, by a worker process, never by the listener's."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from channels.email.listener import SmtpListener
from core.context import Context
from tests.child_process import popen
from tests.email_support import free_port
from tests.worker_process_support import listening, process_env, records, send_leaks

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
MAILS, CONNECTIONS = 30, 3


@pytest.fixture
def worker_processes(ctx: Context, sink: Any, routing_model: Any) -> Iterator[None]:
    """Two `balagh worker` processes on the test's database, listening for notifications."""
    settings = ctx.settings
    env = process_env(ctx, sink, routing_model, BALAGH_LOG_LEVEL="WARNING")
    procs = [
        popen([sys.executable, "-m", "balagh", "worker"], env=env, cwd=settings.data_dir.parent)
        for _ in range(2)
    ]
    try:
        wait_listening(ctx, procs)
        yield
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()


def wait_listening(ctx: Context, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert all(proc.poll() is None for proc in procs), "a balagh worker exited"
        if listening(ctx) >= len(procs):
            return
        time.sleep(0.2)
    raise AssertionError("the balagh workers never listened")


def test_a_listener_without_workers_leaves_each_mail_to_one_worker_process_once(
    ctx: Context, worker_processes: None
) -> None:
    ctx.settings.inbound_workers = 0
    listener = SmtpListener(ctx, host="127.0.0.1", port=free_port())
    try:
        assert listener.pipeline.threads == []  # nothing is processed in this process
        senders = [
            threading.Thread(
                target=send_leaks, args=(listener.port, range(c, MAILS, CONNECTIONS), "procs")
            )
            for c in range(CONNECTIONS)
        ]
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join(120)
        deadline = time.monotonic() + 120
        while records(ctx)[0] != {"done": MAILS} and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        listener.stop()
    statuses, tries, messages = records(ctx)
    assert statuses == {"done": MAILS}
    assert tries == {1}
    assert len(messages) == MAILS and set(messages.values()) == {1}
