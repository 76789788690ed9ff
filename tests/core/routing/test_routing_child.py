"""Running training in a child process: its result or its exception comes back."""

from __future__ import annotations

import os

import pytest

from core.routing import child


def test_the_childs_result_comes_back_from_another_process() -> None:
    assert child.run(os.getpid) != os.getpid()


def test_the_childs_exception_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        child.run(int, "not a number")


def test_a_child_that_dies_without_an_answer_is_a_child_process_error() -> None:
    with pytest.raises(ChildProcessError):
        child.run(os._exit, 3)
