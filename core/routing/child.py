"""Run one function in a fresh Python process: training without scikit-learn in the server.

`run(fn, *args)` pickles the function (by name) and its arguments to a file, starts
`python -m core.routing.child IN OUT`, and reads back the result or the exception raised.
Training imports scikit-learn and allocates a few hundred MB; in a child, all of it is gone
when the child exits, instead of staying resident in a long-running `balagh serve`.
A plain subprocess rather than multiprocessing's spawn, which would import the parent's
__main__ again (a script without a `__main__` guard would run twice).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_ROOT = str(Path(__file__).resolve().parents[2])  # the directory holding the core package


def run(fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` in a child Python process; its exception is raised here.

    ChildProcessError (an OSError) when the child dies without an answer.
    """
    with tempfile.TemporaryDirectory(prefix="balagh-child-") as tmp:
        given, answer = Path(tmp) / "in.pickle", Path(tmp) / "out.pickle"
        given.write_bytes(pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL))
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": _ROOT + (os.pathsep + path if path else "")}
        done = subprocess.run(
            [sys.executable, "-m", "core.routing.child", str(given), str(answer)],
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        try:
            ok, value = pickle.loads(answer.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError) as exc:
            raise ChildProcessError(
                f"{getattr(fn, '__qualname__', fn)} in a child process exited {done.returncode}"
                " without an answer"
            ) from exc
    if not ok:
        raise value
    result: T = value
    return result


def _main(given: str, answer: str) -> int:
    fn, args = pickle.loads(Path(given).read_bytes())
    try:
        out = (True, fn(*args))
    except Exception as exc:  # handed to the parent, which raises it
        out = (False, exc)
    try:
        data = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        data = pickle.dumps((False, RuntimeError(repr(out[1]))))
    Path(answer).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1], sys.argv[2]))
