"""Labelled routing rows: the shipped training data and labelled files given to `eval`.

Rows are plain dicts (text, category, urgent, lang, form, channel); rows whose category is
null are not-for-us examples (spam, gibberish) kept for screening figures, not for training.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

Row = dict[str, Any]
SHIPPED_FILES = ("dev.jsonl", "extra.jsonl")


class DatasetError(ValueError):
    """A labelled file that cannot be read; the message names the file and line."""


def parse_rows(lines: Iterable[str], where: str = "<rows>") -> Iterator[Row]:
    """Parse JSON lines into rows, checking each has a text and a category field."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}:{number}: not valid JSON: {exc}") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise DatasetError(f"{where}:{number}: a row needs a 'text' string")
        category = row.get("category")
        if category is not None and not isinstance(category, str):
            raise DatasetError(f"{where}:{number}: 'category' must be a string or null")
        row["urgent"] = bool(row.get("urgent", False))
        yield row


def load_rows(path: str | Path) -> list[Row]:
    """Read a labelled JSON-lines file (e.g. for `balagh eval FILE`)."""
    try:
        with open(path, encoding="utf-8") as fh:
            return list(parse_rows(fh, str(path)))
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc


def shipped_rows(names: Iterable[str] = SHIPPED_FILES) -> list[Row]:
    """The training data shipped in the package (dev corpus plus our own extra messages)."""
    rows: list[Row] = []
    data = resources.files("core.routing").joinpath("data")
    for name in names:
        text = data.joinpath(name).read_text("utf-8")
        rows.extend(parse_rows(text.splitlines(), name))
    return rows


def labelled(rows: Iterable[Row]) -> list[Row]:
    """Only the rows that carry a category (the ones a classifier can learn from)."""
    return [r for r in rows if r.get("category")]
