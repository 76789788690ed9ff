"""The `balagh serve` processes of the fault tests (tests/fault_kit.py) never outlive a
test, even one whose server did not start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.email_support import free_port
from tests.fault_kit import ServeProcess

pytestmark = pytest.mark.fault


def test_a_serve_that_is_not_healthy_in_time_is_killed_before_the_failure_is_raised(
    tmp_path: Path,
) -> None:
    """On a loaded machine a start could outlast its deadline: the AssertionError went up
    from `start()` before the test's try block, and the server ran on for hours."""
    serve = ServeProcess(
        tmp_path, f"sqlite:///{tmp_path / 'serve.sqlite3'}", "http://127.0.0.1:9", free_port()
    )
    try:
        with pytest.raises(AssertionError, match="did not become healthy"):
            serve.start(timeout=0.5)  # far shorter than a start takes
        assert serve.proc is not None
        assert serve.proc.poll() is not None
    finally:
        if serve.proc is not None and serve.proc.poll() is None:
            serve.proc.kill()
            serve.proc.wait(30)
