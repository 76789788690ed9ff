"""Parse speed of the email channel over the test corpus: `python bench/bench_email.py`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from channels.email.parse import parse_email  # noqa: E402

MAIL = Path(__file__).resolve().parent.parent / "tests" / "data" / "mail"


def main(rounds: int = 20) -> None:
    raws = [p.read_bytes() for p in sorted(MAIL.rglob("*.eml"))]
    size = sum(len(r) for r in raws)
    start = time.perf_counter()
    for _ in range(rounds):
        for raw in raws:
            parse_email(raw)
    elapsed = time.perf_counter() - start
    count = rounds * len(raws)
    print(f"{count} messages, {size * rounds / 1e6:.1f} MB in {elapsed:.2f} s")
    print(f"{count / elapsed:.0f} messages/s, {elapsed / count * 1000:.2f} ms/message")


if __name__ == "__main__":
    main()
