"""What a session builds once (the routing model) is not counted against the test that
happens to need it first: `untimed` holds pytest-timeout's timer off for the block, also
for the models `train_once` and `training_once` train once for the tests that share them
(and the xdist workers: `training_once` keeps each answer in the run's directory)."""

from __future__ import annotations

import signal
import uuid
from pathlib import Path
from typing import Any

import pytest

from core.routing import child, classifier
from tests.conftest import untimed


def _remaining() -> float:
    return signal.getitimer(signal.ITIMER_REAL)[0]


@pytest.mark.timeout(30, method="signal")
def test_untimed_holds_the_test_timeout_off_and_sets_it_afresh_after() -> None:
    assert 0 < _remaining() <= 30
    with untimed():
        assert _remaining() == 0  # no alarm can end the build, however long it takes
    assert 29 < _remaining() <= 30  # the whole timeout again for the test itself


@pytest.mark.timeout(30, method="signal")
def test_untimed_sets_the_timeout_again_when_the_block_fails() -> None:
    with pytest.raises(RuntimeError), untimed():
        raise RuntimeError("the build failed")
    assert 29 < _remaining() <= 30


class _Built:
    """A stand-in model: saving it writes a file the stand-in `load` reads back."""

    def save(self, path: Path) -> None:
        path.write_text("built")


@pytest.mark.timeout(30, method="signal")
def test_train_once_trains_outside_the_test_timeout(
    train_once: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    alarms: list[float] = []

    def train(*_args: Any) -> _Built:
        alarms.append(_remaining())
        return _Built()

    monkeypatch.setattr(classifier, "train", train)
    monkeypatch.setattr(classifier, "load", lambda path: Path(path).read_text())
    assert train_once([f"rows nobody else trains on {uuid.uuid4()}"]) == "built"
    assert alarms == [0]
    assert 29 < _remaining() <= 30


@pytest.fixture
def _child_trains(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """child.run replaced, before `training_once` wraps it, by one noting the alarm left."""
    alarms: list[float] = []

    def run(fn: Any, *args: Any) -> Any:
        alarms.append(_remaining())
        return fn(*args)

    monkeypatch.setattr(child, "run", run)
    return alarms


@pytest.mark.timeout(30, method="signal")
def test_training_once_trains_outside_the_test_timeout(
    _child_trains: list[float], training_once: None
) -> None:
    assert child.run(str, f"arguments nobody else passes {uuid.uuid4()}")
    assert _child_trains == [0]
    assert 29 < _remaining() <= 30


def test_training_once_runs_a_call_once_per_run_and_gives_each_caller_a_copy(
    _child_trains: list[float], training_once: None
) -> None:
    """The answer is kept in the run's directory, where the other xdist worker finds it."""
    call = [f"arguments nobody else passes {uuid.uuid4()}"]
    first, second = child.run(list, call), child.run(list, call)
    assert first == second == call and first is not second
    assert len(_child_trains) == 1
