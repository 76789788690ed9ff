"""Admission to the web app: how many requests run at once, how long their database waits.

Both are WSGI middleware, so they hold under `balagh serve` (waitress, channels/web/server.py)
and under gunicorn alike:
- `AnswerDeadline`: every database wait of a request ends within
  BALAGH_DB_ANSWER_TIMEOUT_SECONDS, so a hung database gives 503 + Retry-After (the app's
  outage handler) instead of a request, and a thread, that waits for ever.
- `LoadShedder`: at most `slots` requests run at once and at most `queue` wait for a slot,
  each for at most QUEUE_WAIT seconds; past that the answer is 503 with Retry-After at once,
  instead of a queue that grows without bound (a storm of form posts on SQLite used to wait
  minutes). /healthz and /metrics skip it, so operators still see the state of a busy centre.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from core.db import answer_within

QUEUE_WAIT = 10.0  # seconds a request may wait for a slot before it is told to come back
RETRY_AFTER = "5"
SPARE_THREADS = 4  # threads that only ever answer 503, so shedding never waits for a slot
UNSHED_PATHS = frozenset({"/healthz", "/metrics"})
BUSY_BODY = (
    "الخدمة مشغولة الآن؛ يُرجى المحاولة بعد لحظات.\n"
    "The service is busy right now; please try again in a few seconds.\n"
).encode()

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class LoadShedder:
    """WSGI middleware: a bounded number of running and waiting requests, 503 past it."""

    def __init__(self, app: WSGIApp, slots: int, queue: int, wait: float = QUEUE_WAIT) -> None:
        self.app = app
        self.slots = threading.BoundedSemaphore(slots)
        self.queue = queue
        self.wait = wait
        self.waiting = 0
        self.lock = threading.Lock()
        self.shed = 0

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("PATH_INFO") in UNSHED_PATHS:
            return self.app(environ, start_response)
        if not self._admit():
            return self._busy(start_response)
        # The slot covers the view's work; a body still streaming (an attachment) is the
        # server's to send, and a client that never reads it must not keep the slot.
        try:
            return self.app(environ, start_response)
        finally:
            self.slots.release()

    def _admit(self) -> bool:
        if self.slots.acquire(blocking=False):
            return True
        with self.lock:
            if self.waiting >= self.queue:
                return False
            self.waiting += 1
        try:
            return self.slots.acquire(timeout=self.wait)
        finally:
            with self.lock:
                self.waiting -= 1

    def _busy(self, start_response: Callable[..., Any]) -> list[bytes]:
        with self.lock:
            self.shed += 1
        start_response(
            "503 Service Unavailable",
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(BUSY_BODY))),
                ("Retry-After", RETRY_AFTER),
                ("Cache-Control", "no-store"),
            ],
        )
        return [BUSY_BODY]


class AnswerDeadline:
    """WSGI middleware: the request's database work must answer within `seconds`.

    Past it the request's connection is dropped (core.db.answer_within) and the view's
    OperationalError becomes 503 with Retry-After, in the shape of the part of the site
    asked (API, inbox, Open311, the citizen pages). Inside the load shedder, so time spent
    waiting for a slot is not taken from the database's share.
    """

    def __init__(self, app: WSGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        with answer_within(self.seconds):
            return self.app(environ, start_response)
