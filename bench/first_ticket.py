"""The first ticket after `balagh serve --demo`: start-up times and how long the first citizens wait.

For each of N rounds, `balagh serve --demo` (SQLite) is started twice: on a fresh data
directory (the routing model has to be built) and again on the same directory (it is loaded).
From the process start, it records when /healthz first answers and says ready (`ok`), and when
the SMTP listener and the web form (GET /report answering 200) accept. The moment each accepts,
one mail is sent over real SMTP and one report is posted through the form (its CSRF token read
from the page, with an email address for the acknowledgement), and from the send it measures
(a) the transport's acknowledgement (the 250; the form's answer page) and (b) the
acknowledgement to the citizen: queued in the outbox (`outbox_item.created_at`, read from the
SQLite file) and delivered (received by a sink this script runs as the relay; the outbox job
runs every 5 s). /healthz is polled every 50 ms throughout and the states it went through are
printed. Prints the machine and p50/max of each figure; asserts nothing.

    .venv/bin/python bench/first_ticket.py [--rounds 3] [--keep-logs DIR]
"""

from __future__ import annotations

import argparse
import shutil
import smtplib
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import free_port, hidden, mail, pct  # noqa: E402
from serving import Ports, health, machine_details, serving  # noqa: E402

POLL = 0.02  # how often a listener is tried until it accepts
LIMIT = 600.0  # give up on a start after this many seconds
ACK_KINDS = ("ack", "ack_incident")  # core.delivery.notify.ACK_KINDS


class Sink:
    """The relay: records when each recipient's mail arrived (wall clock)."""

    def __init__(self) -> None:
        self.received: dict[str, float] = {}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        for rcpt in envelope.rcpt_tos:
            self.received.setdefault(rcpt.lower(), time.time())
        return "250 OK"


class Health(threading.Thread):
    """Polls /healthz; keeps each change of state with its time since the process start."""

    def __init__(self, port: int, started: float) -> None:
        super().__init__(daemon=True)
        self.port, self.started = port, started
        self.states: list[tuple[float, str]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set() and time.monotonic() - self.started < LIMIT:
            answer = health(self.port, timeout=10)
            state = "no answer" if answer is None else str(answer.get("status"))
            if not self.states or self.states[-1][1] != state:
                self.states.append((time.monotonic() - self.started, state))
            time.sleep(0.05)

    def first(self, state: str | None = None) -> float:
        for at, seen in self.states:
            if (state is None and seen != "no answer") or seen == state:
                return at
        return float("nan")


def first_mail(port: int, started: float, run: str, out: dict[str, Any]) -> None:
    """Connect until the listener accepts, then send one mail at once."""
    while time.monotonic() - started < LIMIT:
        try:
            smtp = smtplib.SMTP("127.0.0.1", port, timeout=60)
        except OSError:
            time.sleep(POLL)
            continue
        out["accepts"] = time.monotonic() - started
        message = mail(int(run, 16) % 10**9, run)  # a new citizen each start
        with smtp:
            out["sent"] = time.time()
            t0 = time.perf_counter()
            smtp.send_message(message)
            out["ack"] = time.perf_counter() - t0
        out["address"] = str(message["From"]).lower()
        return


def first_form(port: int, started: float, run: str, out: dict[str, Any]) -> None:
    """Open the form until it answers 200 (not 503 `starting`), then post it at once."""
    import httpx

    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
        while time.monotonic() - started < LIMIT:
            try:
                page = http.get("/report?lang=en")
            except httpx.TransportError:
                time.sleep(POLL)
                continue
            if page.status_code != 200:
                time.sleep(POLL)
                continue
            out["accepts"] = time.monotonic() - started
            address = f"form.{run}@example.org"
            form = {
                "csrf_token": hidden(page.text, "csrf_token"),
                "submission": hidden(page.text, "submission"),
                "description": "Street lights have been off for a week on way 3021 in Al Khuwair",
                "email": address,
            }
            out["sent"] = time.time()
            t0 = time.perf_counter()
            answer = http.post("/report", data=form)
            out["ack"] = time.perf_counter() - t0
            if answer.status_code != 200:
                raise RuntimeError(f"POST /report answered {answer.status_code}")
            out["address"] = address
            return


def stamp(value: str | None) -> float | None:
    if value is None:
        return None
    when = datetime.fromisoformat(value)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def queued(db: Path, addresses: list[str], sink: Sink, wait: float) -> dict[str, dict[str, float]]:
    """Per address: when its acknowledgement was queued (outbox) and reached the sink."""
    found: dict[str, dict[str, float]] = {a: {} for a in addresses}
    until = time.monotonic() + wait
    marks = ",".join("?" * len(addresses))
    while time.monotonic() < until:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            rows = conn.execute(
                f"SELECT lower(address), min(created_at) FROM outbox_item "  # noqa: S608
                f"WHERE kind IN ('ack', 'ack_incident') AND lower(address) IN ({marks}) "
                "GROUP BY lower(address)",
                addresses,
            ).fetchall()
        conn.close()
        for address, created in rows:
            at = stamp(created)
            if at is not None:
                found[address]["queued"] = at
        for address in addresses:
            if address in sink.received:
                found[address]["delivered"] = sink.received[address]
        if all(len(f) == 2 for f in found.values()):
            break
        time.sleep(POLL)
    return found


def start(data_dir: Path, relay: int, log: Path | None, sink: Sink) -> dict[str, Any]:
    """One start of `balagh serve --demo` and the first mail and form report."""
    ports = Ports.free(relay)
    run = uuid.uuid4().hex[:10]
    mailed: dict[str, Any] = {}
    posted: dict[str, Any] = {}
    started = time.monotonic()
    with serving(data_dir, ports, "--demo", log=log):
        watcher = Health(ports.web, started)
        watcher.start()
        senders = [
            threading.Thread(target=first_mail, args=(ports.smtp, started, run, mailed)),
            threading.Thread(target=first_form, args=(ports.web, started, run, posted)),
        ]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join()
        acks = queued(
            data_dir / "balagh.sqlite3",
            [mailed["address"], posted["address"]],
            sink,
            wait=120,
        )
        while time.monotonic() - started < LIMIT and "ok" not in [s for _, s in watcher.states]:
            time.sleep(0.05)
        watcher.stop.set()
        watcher.join()
    figures: dict[str, Any] = {
        "health answers (s)": watcher.first(),
        "health ok (s)": watcher.first("ok"),
        "SMTP accepts (s)": mailed["accepts"],
        "form accepts (s)": posted["accepts"],
        "mail: 250 (ms)": mailed["ack"] * 1000,
        "form: answer page (ms)": posted["ack"] * 1000,
        "states": watcher.states,
    }
    for label, sent in (("mail", mailed), ("form", posted)):
        got = acks[sent["address"]]
        for what in ("queued", "delivered"):
            at = got.get(what)
            figures[f"{label}: ack {what} (s)"] = at - sent["sent"] if at else float("nan")
    return figures


def summary(values: list[float], fmt: Callable[[float], str]) -> str:
    good = [v for v in values if v == v]
    if not good:
        return f"{'-':>9} {'-':>9}"
    missing = f" ({len(values) - len(good)} missing)" if len(good) < len(values) else ""
    p50 = pct(good, 0.5) / 1000
    return f"{fmt(p50):>9} {fmt(max(good)):>9}{missing}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep-logs", type=Path, help="keep each start's console output here")
    args = parser.parse_args()
    print(f"machine at the start: {machine_details()}", flush=True)
    sink = Sink()
    relay = Controller(sink, hostname="127.0.0.1", port=free_port())
    relay.start()
    results: dict[str, list[dict[str, Any]]] = {"fresh": [], "again": []}
    try:
        for n in range(1, args.rounds + 1):
            tmp = Path(tempfile.mkdtemp(prefix="balagh-first-"))
            try:
                for phase in ("fresh", "again"):
                    log = args.keep_logs / f"round{n}-{phase}.log" if args.keep_logs else None
                    if log:
                        log.parent.mkdir(parents=True, exist_ok=True)
                    figures = start(tmp / "data", relay.port, log, sink)
                    results[phase].append(figures)
                    states = " -> ".join(f"{s} at {at:.2f} s" for at, s in figures["states"])
                    print(f"round {n} {phase}: /healthz {states}", flush=True)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    finally:
        relay.stop()
    print(f"\nmachine at the end: {machine_details()}")
    print(f"balagh serve --demo (SQLite), {args.rounds} rounds; times from the process start,")
    print("the first mail and form report sent the moment their listener accepted")
    print(f"{'':32} {'fresh data directory':>19} {'same directory again':>21}")
    print(f"{'':32} {'p50':>9} {'max':>9} {'p50':>9} {'max':>9}")
    rows = [k for k in results["fresh"][0] if k != "states"]
    for row in rows:
        fmt: Callable[[float], str] = (
            (lambda v: f"{v:.0f}") if row.endswith("(ms)") else (lambda v: f"{v:.2f}")
        )
        cells = [summary([r[row] for r in results[p]], fmt) for p in ("fresh", "again")]
        print(f"{row:32} {cells[0]} {cells[1]}")


if __name__ == "__main__":
    main()
