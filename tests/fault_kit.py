"""Real `balagh serve` processes and bursts of citizen traffic on three channels, for the
fault tests: each burst records exactly what the service acknowledged, so a test can check
that every acknowledged item is stored, once, after a crash or a database outage.

Acknowledged means what the citizen's side was told: SMTP 250 (sendmail returned), the web
form's confirmation page (200 with the reference), a Telegram update below an offset the
bot sent to getUpdates (Telegram forgets those).
"""

from __future__ import annotations

import os
import re
import signal
import smtplib
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from tests.child_process import popen
from tests.email_support import free_port
from tests.telegram_fake import TOKEN, FakeBotApi, text_update

HIDDEN = re.compile(r'name="(csrf_token|submission)"[^>]*value="([^"]*)"')


class ServeProcess:
    """`balagh serve` in a child process on free ports, against `database_url`."""

    def __init__(self, tmp: Path, database_url: str, telegram_api: str, relay_port: int) -> None:
        self.tmp = tmp
        self.web_port, self.smtp_port = free_port(), free_port()
        self.env = {
            **os.environ,
            "BALAGH_DATA_DIR": str(tmp / "data"),
            "BALAGH_DATABASE_URL": database_url,
            "BALAGH_WEB_PORT": str(self.web_port),
            "BALAGH_SMTP_PORT": str(self.smtp_port),
            "BALAGH_PUBLIC_URL": f"http://127.0.0.1:{self.web_port}",
            "BALAGH_MAIL_DOMAINS": "balagh.test",
            "BALAGH_MAIL_ADDRESS": "1111@balagh.test",
            "BALAGH_RELAY_HOST": "127.0.0.1",
            "BALAGH_RELAY_PORT": str(relay_port),
            "BALAGH_SECRET_KEY": "fault-test-secret-key",
            "BALAGH_TELEGRAM_TOKEN": TOKEN,
            "BALAGH_TELEGRAM_API_URL": telegram_api,
            "BALAGH_TELEGRAM_MODE": "polling",
            "BALAGH_WEB_REPORT_RATE_LIMIT": "10000 per minute",
            "BALAGH_WEB_ATTEMPT_RATE_LIMIT": "10000 per minute",
            "BALAGH_DB_ANSWER_TIMEOUT_SECONDS": "3",
            "BALAGH_DB_CONNECT_TIMEOUT_SECONDS": "2",
            "BALAGH_LOG_LEVEL": "WARNING",
        }
        self.proc: subprocess.Popen[bytes] | None = None
        self.runs = 0

    @property
    def web(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def start(self, timeout: float = 180) -> None:
        self.runs += 1
        log = (self.tmp / f"serve-{self.runs}.log").open("wb")
        self.proc = popen(
            [sys.executable, "-m", "balagh", "serve"],
            env=self.env,
            cwd=self.tmp,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            self.wait_healthy(timeout)
        except BaseException:  # a start that fails (or a test timed out) leaves no server
            self.close()
            raise

    def wait_healthy(self, timeout: float = 180) -> None:
        """Until /healthz says ok: every component started (a loaded machine takes minutes)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, self.log_tail()
            try:
                if httpx.get(f"{self.web}/healthz", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"serve did not become healthy\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, as in a power cut or the OOM killer."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self, grace: float = 30) -> None:
        """SIGTERM, as an operator stops it; SIGKILL past `grace` seconds."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def close(self) -> None:
        """Whatever a failed test left: the process is gone when this returns (the `serve_on`
        fixture's teardown), even if it was stopped with SIGSTOP or will not end on SIGTERM
        (its database frozen: a clean stop is no longer what the test is about)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self.proc.send_signal(signal.SIGCONT)
            self.stop(grace=5)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=30)

    def log_tail(self) -> str:
        path = self.tmp / f"serve-{self.runs}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll `condition` until it holds; fail naming `what` past `timeout` seconds. The fault
    tests wait on states, not for fixed times: a loaded machine is slower, not wrong."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.2)


class Burst:
    """Sends items one after another in a thread until stopped; `acked` holds the ids the
    service acknowledged, `refused` counts temporary failures and dropped connections."""

    def __init__(self, name: str, send: Callable[[int], str | None], pause: float) -> None:
        self.name, self.send, self.pause = name, send, pause
        self.acked: list[str] = []
        self.refused = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"burst-{name}", daemon=True)
        self._n = 0

    running: list[Burst] = []  # stopped by the `serve_on` fixture's teardown, if not before

    def start(self) -> Burst:
        Burst.running.append(self)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)
        if self in Burst.running:
            Burst.running.remove(self)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._n += 1
            try:
                acked = self.send(self._n)
            except Exception:  # refused, reset or timed out: not acknowledged
                acked = None
            if acked is None:
                self.refused += 1
            else:
                self.acked.append(acked)
            time.sleep(self.pause)


def smtp_burst(serve: ServeProcess, tag: str, pause: float = 0.02) -> Burst:
    """Mails with unique Message-IDs; acknowledged = sendmail returned (250)."""
    sender = "salim@example.om"

    def send(n: int) -> str | None:
        mid = f"<{tag}-{n}@example.om>"
        raw = (
            f"From: {sender}\r\nTo: 1111@balagh.test\r\nSubject: report {n}\r\n"
            f"Message-ID: {mid}\r\n\r\nThe streetlight number {n} on Way 3021 is out.\r\n"
        ).encode()
        with smtplib.SMTP("127.0.0.1", serve.smtp_port, timeout=10) as client:
            client.sendmail(sender, ["1111@balagh.test"], raw)
        return f"{mid} {sender}"

    return Burst("smtp", send, pause)


def web_burst(serve: ServeProcess, pause: float = 0.02) -> Burst:
    """Report form submissions; acknowledged = the confirmation page with the reference."""

    def send(n: int) -> str | None:
        with httpx.Client(base_url=serve.web, timeout=10) as client:
            page = client.get("/report?lang=en").text
            fields: dict[str, Any] = dict(HIDDEN.findall(page))
            fields["description"] = f"Water leaking from pipe number {n} near the Ruwi roundabout."
            answer = client.post("/report", data=fields)
        if answer.status_code == 200 and re.search(r"MCT-\d{6}", answer.text):
            return f"web:{fields['submission']}"
        return None

    return Burst("web", send, pause)


class TelegramTraffic:
    """Pushes updates into the fake Bot API; acknowledged = below an offset the bot sent."""

    def __init__(self, api: FakeBotApi, chat_base: int) -> None:
        self.api = api
        self.chat_base = chat_base
        self.pushed: dict[int, str] = {}
        self.burst = Burst("telegram", self._send, 0.02)

    def _send(self, n: int) -> str | None:
        chat = self.chat_base + n % 7
        update_id = self.api.push(text_update(chat, n, f"Pothole number {n} on Way 3021."))
        self.pushed[update_id] = f"{chat}:{n}"
        return None  # acknowledgement is read from the offsets afterwards

    def acked(self) -> list[str]:
        offsets = [int(c.params.get("offset") or 0) for c in self.api.calls_of("getUpdates")]
        highest = max(offsets, default=0)
        return [eid for uid, eid in self.pushed.items() if uid < highest]
