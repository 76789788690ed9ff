"""tests/child_process.py: a server a test started dies with the test process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's"
)

ROOT = Path(__file__).resolve().parent.parent
# The parent: starts a small HTTP server through the helper, prints its pid, then waits to be
# killed (as a pytest worker would be, with no teardown).
PARENT = """
import sys, time
from tests.child_process import popen
server = popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1"],
               stdout=sys.stderr, stderr=sys.stderr)
print(server.pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie waiting for init to reap it has already ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_a_server_started_through_the_helper_dies_when_its_parent_is_killed() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], env=env, stdout=subprocess.PIPE, cwd=ROOT
    )
    server = 0
    try:
        assert parent.stdout is not None
        server = int(parent.stdout.readline())
        time.sleep(0.5)  # the server is up (and not ended for some other reason)
        assert _alive(server)
        parent.kill()  # SIGKILL: the parent runs no cleanup at all
        parent.wait(10)
        deadline = time.monotonic() + 5
        while _alive(server) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(server), "the server outlived its killed parent"
    finally:
        parent.kill()
        if server and _alive(server):
            os.kill(server, signal.SIGKILL)
