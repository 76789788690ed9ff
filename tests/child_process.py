"""Processes the tests start (`balagh serve`, `balagh worker`) die with the test process.

A test's teardown stops what it started, but a pytest worker that is itself killed (SIGKILL,
an xdist worker timed out, the OOM killer) runs no teardown, and its servers lived on holding
their ports and databases. On Linux each such child asks the kernel, between fork and exec, for
SIGTERM when its parent dies (prctl PR_SET_PDEATHSIG), so it shuts down as it would on a
normal stop. Elsewhere the children start as before.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Any

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with(parent: int) -> Callable[[], None]:
    """The preexec function: SIGTERM to this child when `parent` (the caller) dies."""

    def tie() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
        if os.getppid() != parent:  # the parent died before the prctl: no signal will come
            os.kill(os.getpid(), signal.SIGTERM)

    return tie


def popen(args: Sequence[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    """subprocess.Popen(args, **kwargs), the child getting SIGTERM if this process dies.

    The kernel sends it when the thread that forked the child exits, so start long-lived
    children from the test's own thread (as every caller does), not a short-lived one."""
    if sys.platform.startswith("linux"):
        kwargs["preexec_fn"] = _die_with(os.getpid())
    return subprocess.Popen(args, **kwargs)
