"""Content-addressed file storage under the data directory: one copy per distinct file.

A file's modification time is when it was last stored: `core.followup.cleanup` removes files
nothing refers to only once they are older than BALAGH_UNUSED_FILE_HOURS.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def file_path(data_dir: Path, sha256: str) -> Path:
    """Where a file with this digest lives (two levels of fan-out keep directories small)."""
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValueError("not a sha256 hex digest")
    return data_dir / "files" / sha256[:2] / sha256[2:4] / sha256


def store_file(data_dir: Path, data: bytes) -> str:
    """Write `data` once (atomically) and return its SHA-256; storing it again is a no-op."""
    digest = hashlib.sha256(data).hexdigest()
    path = file_path(data_dir, digest)
    try:
        # Stored again: the fresh time keeps it from the clean-up of unused files
        # (core.followup.cleanup) until whatever stores it now has recorded it.
        os.utime(path)
        return digest
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest


def read_file(data_dir: Path, sha256: str) -> bytes:
    return file_path(data_dir, sha256).read_bytes()
