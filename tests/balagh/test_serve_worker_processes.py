"""`balagh serve` with BALAGH_WORKER_PROCESSES on PostgreSQL: real `balagh worker` processes
beside it do the processing (each mail once, by one of them, none in serve's own process), one
killed is started again, and SIGTERM stops serve and them within the grace."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from core.context import Context
from tests.child_process import popen
from tests.email_support import free_port
from tests.worker_process_support import listening, process_env, records, send_leaks

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
MAILS = 20
STARTED = re.compile(r"process\(es\) beside this one: ([\d, ]+)")


def log_text(path: Path) -> str:
    return path.read_text(errors="replace")


def wait_for(what: str, check: Any, proc: subprocess.Popen[bytes], log: Path) -> Any:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"serve exited: {log_text(log)[-3000:]}"
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"never {what}: {log_text(log)[-3000:]}")


def test_serve_leaves_processing_to_its_worker_processes_and_stops_them_on_sigterm(
    ctx: Context, sink: Any, routing_model: Any, tmp_path: Path
) -> None:
    port = free_port()
    env = process_env(
        ctx,
        sink,
        routing_model,
        BALAGH_SMTP_PORT=str(port),
        BALAGH_TELEGRAM_TOKEN="",
        BALAGH_WORKER_PROCESSES="2",
        BALAGH_SHUTDOWN_GRACE_SECONDS="20",
    )
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = popen(
            [sys.executable, "-m", "balagh", "serve", "--only", "inbound,smtp"],
            env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        found = wait_for("started workers", lambda: STARTED.search(log_text(log)), proc, log)
        first = [int(pid) for pid in found.group(1).split(",")]
        assert len(first) == 2
        wait_for("two listening", lambda: listening(ctx) == 2, proc, log)
        os.kill(first[0], signal.SIGKILL)  # a worker process dies: serve starts another
        wait_for("a restart", lambda: "starting another" in log_text(log), proc, log)
        wait_for("two listening again", lambda: listening(ctx) == 2, proc, log)
        wait_for("the smtp listener", lambda: f":{port}" in log_text(log), proc, log)
        send_leaks(port, range(MAILS), "serve.procs")
        wait_for("all done", lambda: records(ctx)[0] == {"done": MAILS}, proc, log)
        assert listening(ctx) == 2  # the workers' processes only: serve's own has none
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = proc.wait(timeout=60)
        stopped_in = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = log_text(log)
    assert code == 0 and stopped_in < 20, output[-3000:]
    statuses, _, messages = records(ctx)
    assert len(messages) == MAILS and set(messages.values()) == {1}  # each processed once
    assert listening(ctx) == 0  # every worker process has gone with serve
    assert not Path(f"/proc/{first[1]}").exists()
