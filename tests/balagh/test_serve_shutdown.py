"""`balagh serve` stops on SIGTERM within BALAGH_SHUTDOWN_GRACE_SECONDS even when a component
cannot stop (a mail parse that never returns): a real process, a real SMTP client."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.child_process import popen
from tests.email_support import free_port

# The real `balagh serve --only smtp`, with the listener's store-before-250 step stuck.
CHILD = """
import threading
import channels.email.listener as listener

def stuck(*args):
    print("parse stuck", flush=True)
    threading.Event().wait()

listener.receive = stuck
from balagh.cli import main
main()
"""
MAIL = b"From: citizen@example.com\r\nTo: 1111@balagh.test\r\nSubject: x\r\n\r\nPothole\r\n"


def tail(path: Path) -> str:
    return path.read_text(errors="replace")[-4000:]


def wait_for(path: Path, text: str, proc: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while text not in tail(path):
        assert proc.poll() is None and time.monotonic() < deadline, tail(path)
        time.sleep(0.2)


def test_a_stuck_mail_parse_does_not_keep_serve_from_stopping_on_sigterm(
    tmp_path: Path, routing_model: Any
) -> None:
    from core.routing.model import MODEL_FILE

    routing_model.save(tmp_path / "data" / MODEL_FILE)  # loaded, not built, at start-up
    smtp_port = free_port()
    env = {
        **os.environ,
        "BALAGH_DATA_DIR": str(tmp_path / "data"),
        "BALAGH_SMTP_PORT": str(smtp_port),
        "BALAGH_MAIL_DOMAINS": "balagh.test",
        "BALAGH_TELEGRAM_TOKEN": "",
        "BALAGH_SHUTDOWN_GRACE_SECONDS": "2",
    }
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = popen(
            [sys.executable, "-c", CHILD, "serve", "--only", "smtp"],
            env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    answered: list[object] = []

    def send() -> None:
        try:
            with smtplib.SMTP("127.0.0.1", smtp_port, timeout=60) as client:
                answered.append(client.sendmail("citizen@example.com", ["1111@balagh.test"], MAIL))
        except (smtplib.SMTPException, OSError) as exc:
            answered.append(exc)

    try:
        wait_for(log, f"smtp: listening on 127.0.0.1:{smtp_port}", proc, 90)
        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        wait_for(log, "parse stuck", proc, 30)
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = proc.wait(timeout=30)
        stopped_in = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = tail(log)
    assert code == 1, output  # not a clean stop, and a service manager is told so
    assert stopped_in < 15, output
    assert "still running after 2 s" in output
    sender.join(10)
    # the mail was never acknowledged: its sender has it still and sends it again
    assert len(answered) == 1 and isinstance(answered[0], Exception), answered
