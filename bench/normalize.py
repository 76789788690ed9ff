"""Bench: time to normalise one Arabic message (the budget is 50 microseconds per message).

Was a timed assertion in tests/core/language/test_arabic_normalize.py; timings belong here, where they are
printed with the machine rather than failing a loaded CI runner.

Run: .venv/bin/python bench/normalize.py
"""

from __future__ import annotations

import os
import platform
import sys
import timeit
from pathlib import Path

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.language.normalize import normalize_arabic  # noqa: E402

TEXT = "السلام عليكم، الشارع في الخوير مكسّر والماء يتسرب من الأنبوب منذ أسبوع ٣ أيام."
NUMBER = 2000
BUDGET_SECONDS = 50e-6


def main() -> None:
    best = min(timeit.repeat(lambda: normalize_arabic(TEXT), number=NUMBER, repeat=5)) / NUMBER
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    print(f"normalize_arabic: {best * 1e6:.1f} us per message (budget {BUDGET_SECONDS * 1e6:.0f})")


if __name__ == "__main__":
    main()
