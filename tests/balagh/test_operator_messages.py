"""What an operator sees when `balagh serve` cannot start as configured (issue 20, item 12)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from core.routing.model import MODEL_FILE
from core.settings import unknown_setting_names


def _serve(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "BALAGH_DATA_DIR": str(tmp_path / "data"),
        "BALAGH_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "BALAGH_TELEGRAM_TOKEN": "",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "balagh", "serve", "--only", "web,smtp"],
        env=full,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_serve_on_a_web_port_in_use_says_so_in_one_line_naming_the_setting(
    tmp_path: Path,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve(tmp_path, BALAGH_WEB_PORT=str(port), BALAGH_SMTP_PORT="0")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: web: port {port} is already in use by another program; "
        "stop it or choose another port with BALAGH_WEB_PORT"
    ]


def test_serve_on_an_smtp_port_in_use_names_balagh_smtp_port(
    tmp_path: Path, routing_model: Any
) -> None:
    # The web starts first, then the routing model is loaded: the session's, not built here.
    routing_model.save(tmp_path / "data" / MODEL_FILE)
    with socket.socket() as free, socket.socket() as taken:
        free.bind(("127.0.0.1", 0))
        web_port = free.getsockname()[1]
        free.close()
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve(tmp_path, BALAGH_WEB_PORT=str(web_port), BALAGH_SMTP_PORT=str(port))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"Error: smtp: port {port} is already in use" in result.stderr
    assert "BALAGH_SMTP_PORT" in result.stderr


def test_a_misspelt_variable_is_warned_with_the_closest_real_name(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nexport BALAGH_DATA_DRI=/srv/balagh\nBALAGH_WEB_PORT=8081\n")
    warnings = unknown_setting_names(
        {"BALAGH_WEB_PROT": "9000", "BALAGH_SMTP_PORT": "25", "PATH": "/bin"}, dotenv
    )
    assert warnings == [
        "BALAGH_WEB_PROT (in the environment) is not a Balagh setting; "
        "did you mean BALAGH_WEB_PORT?",
        f"BALAGH_DATA_DRI (in the {dotenv}) is not a Balagh setting; did you mean BALAGH_DATA_DIR?",
    ]


def test_a_name_like_no_setting_is_still_warned_about(tmp_path: Path) -> None:
    warnings = unknown_setting_names({"BALAGH_XYZZY": "1"}, None)
    assert warnings == [
        "BALAGH_XYZZY (in the environment) is not a Balagh setting; no such setting"
    ]


def test_the_cli_prints_the_misspelling_warning(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "balagh", "serve", "--help"],
        env={**os.environ, "BALAGH_LOG_LEVLE": "DEBUG"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "Warning: BALAGH_LOG_LEVLE (in the environment) is not a Balagh setting; " in (
        result.stderr
    )
    assert "did you mean BALAGH_LOG_LEVEL?" in result.stderr
