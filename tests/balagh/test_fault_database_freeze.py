"""Freeze PostgreSQL with SIGSTOP under a running `balagh serve` in the middle of traffic:
every web request that needs the database (the staff API, the inbox, Open311) answers 503
with Retry-After within seconds, the threads that waited are free again while the server
still hangs, and after SIGCONT everything works again with nothing acknowledged lost. A
private cluster that the test starts with initdb and pg_ctl on a free port.

A stopped server keeps its sockets open and the kernel acknowledges what is sent to it, so
only a deadline on our side (core.db.answer_within) ends the wait: no statement timeout,
TCP keepalive or connect timeout does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from balagh.wiring import build_context
from core.outbound import SenderRegistry
from core.routing.types import UnroutedRouter
from tests.balagh.test_fault_sigkill import PATIENCE, stored, wait_until_processed
from tests.conftest import make_settings
from tests.fault_kit import ServeProcess, smtp_burst, wait_for, web_burst
from tests.pg_cluster import PrivateCluster
from tests.staffkit import PASSWORD, bearer, make_staff, new_ticket, token_for

pytestmark = [pytest.mark.fault, pytest.mark.timeout(600)]  # generous: waits are on states
ANSWER_TIMEOUT = 3.0  # BALAGH_DB_ANSWER_TIMEOUT_SECONDS in tests.fault_kit
BOUND = 25.0  # seconds: generous for a loaded machine, far below a hang
WAVE = 4  # requests of each kind at once: 16 in all, twice the web's running slots
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Staff:
    """A member of staff at the service: a bearer token and a signed-in inbox session."""

    def __init__(self, serve: ServeProcess, tmp: Path, url: str) -> None:
        ctx = build_context(
            make_settings(tmp / "staff", url), senders=SenderRegistry(), router=UnroutedRouter()
        )
        make_staff(ctx, "agent@mct.om", "agent")
        self.token = token_for(ctx, "agent@mct.om")
        self.reference = new_ticket(ctx, "Deep pothole on Way 3021")
        ctx.engine.dispose()
        self.web = serve.web
        self.inbox = httpx.Client(base_url=serve.web, timeout=BOUND)
        page = self.inbox.get("/inbox/login").text
        signed = self.inbox.post(
            "/inbox/login",
            data={
                "email": "agent@mct.om",
                "password": PASSWORD,
                "csrf_token": CSRF.findall(page)[0],
            },
        )
        assert signed.status_code == 302

    def requests(self) -> dict[str, Callable[[], httpx.Response]]:
        """One request of each kind that needs the database."""
        api = {"headers": bearer(self.token), "timeout": BOUND}
        note = f"{self.web}/api/v1/tickets/{self.reference}/notes"
        return {
            "api read": lambda: httpx.get(f"{self.web}/api/v1/tickets", **api),
            "api write": lambda: httpx.post(note, json={"text": "Crew sent."}, **api),
            "inbox": lambda: self.inbox.get("/inbox/"),
            "open311": lambda: httpx.get(f"{self.web}/open311/v2/requests.json", timeout=BOUND),
        }


def unavailable(kind: str, response: httpx.Response) -> bool:
    """The database-outage answer (not the load shedder's 'busy'), in the shape of its part."""
    if response.status_code != 503 or not response.headers.get("Retry-After"):
        return False
    if kind.startswith("api"):
        return response.json()["error"]["code"] == "unavailable"
    if kind == "inbox":
        return "الخدمة غير متاحة" in response.text
    return "unavailable" in response.text


def wave(staff: Staff) -> tuple[dict[str, list[bool]], float]:
    """WAVE requests of each kind at once: whether each got the outage answer, and how long
    the slowest took."""
    kinds = [(kind, send) for kind, send in staff.requests().items() for _ in range(WAVE)]
    started = time.monotonic()
    with ThreadPoolExecutor(len(kinds)) as pool:
        answers = list(pool.map(lambda item: (item[0], item[1]()), kinds))
    took = time.monotonic() - started
    seen: dict[str, list[bool]] = {}
    for kind, response in answers:
        seen.setdefault(kind, []).append(unavailable(kind, response))
    return seen, took


def test_frozen_database_gives_503_within_seconds_frees_every_thread_and_loses_nothing(
    tmp_path: Path, cluster: PrivateCluster, serve_on: Callable[[str], ServeProcess]
) -> None:
    serve = serve_on(cluster.url)
    serve.start()
    staff = Staff(serve, tmp_path, cluster.url)
    bursts = [smtp_burst(serve, "freeze", pause=0.05), web_burst(serve, pause=0.05)]
    for burst in bursts:
        burst.start()
    time.sleep(1.5)
    wait_for(lambda: all(b.acked for b in bursts), PATIENCE, "traffic acknowledged before")
    try:
        cluster.freeze()
        first, first_took = wave(staff)
        second, second_took = wave(staff)  # the first wave's threads must be free again
    finally:
        cluster.thaw()
    serve.wait_healthy(timeout=PATIENCE)
    after = {kind: send().status_code for kind, send in staff.requests().items()}
    time.sleep(1.5)
    for burst in bursts:
        burst.stop()
    wait_until_processed(cluster.url)
    serve.stop()
    records, messages, pending = stored(cluster.url)
    acked = {"email": bursts[0].acked, "web": bursts[1].acked}
    print(
        f"answer timeout {ANSWER_TIMEOUT} s; {WAVE} requests of each kind per wave:",
        f"first wave answered in {first_took:.1f} s, second in {second_took:.1f} s;",
        "acknowledged:",
        {k: len(v) for k, v in acked.items()},
    )
    assert all(all(v) for v in first.values()), first
    assert all(all(v) for v in second.values()), second
    assert first_took < BOUND and second_took < BOUND
    assert after == {"api read": 200, "api write": 201, "inbox": 200, "open311": 200}
    for channel, ids in acked.items():
        assert ids and all(records.get((channel, i)) == 1 for i in ids), channel
        assert all(messages.get((channel, i)) == 1 for i in ids), channel
    assert pending == 0
