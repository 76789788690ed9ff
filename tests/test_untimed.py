"""What a session builds once (the routing model) is not counted against the test that
happens to need it first: `untimed` holds pytest-timeout's timer off for the block."""

from __future__ import annotations

import signal

import pytest

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
