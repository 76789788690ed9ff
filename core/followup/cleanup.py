"""The `files` job: remove stored files nothing uses any more, once they are old enough.

Photos of a report refused for a validation error are stored at once and named in the page by
signed tokens (`channels.web.citizen.forms.kept_token`), so the citizen need not attach them
again; a citizen who never comes back leaves them behind. A file is in use while a ticket's
attachment names it, or an inbound record not yet processed (pending or failed, so still to
become a ticket's attachment) does. Files are content-addressed, so one file may serve many
tickets: it stays while any of them names it.

Never a file still in use, even while a report is being stored:
- only files older than BALAGH_UNUSED_FILE_HOURS are candidates, and `core.files.store_file`
  refreshes a file's time whenever it is stored again, before its new user is recorded;
- a candidate nothing names is first moved aside, then its time looked at again: if it was
  stored again meanwhile it is put back; otherwise it is deleted. A store that comes after the
  move finds no file and writes a fresh copy. So a record committed after the check always
  has its file.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from core.context import Context
from core.models import Attachment, InboundRecord, InboundStatus

logger = logging.getLogger(__name__)

BATCH = 500  # digests looked up in one query
HEX = frozenset("0123456789abcdef")
UNPROCESSED = (
    InboundStatus.PREPARING,
    InboundStatus.PENDING,
    InboundStatus.FAILED,
)  # not yet part of a ticket


def remove_unused_files(ctx: Context) -> str:
    """Delete old files no ticket and no unprocessed record names; a one-line summary."""
    root = ctx.data_dir / "files"
    cutoff = time.time() - ctx.settings.unused_file_hours * 3600
    waiting = _unprocessed_digests(ctx)
    removed = kept = 0
    batch: list[Path] = []
    for path in _old_files(root, cutoff):
        batch.append(path)
        if len(batch) == BATCH:
            r, k = _sweep(ctx, batch, waiting, cutoff)
            removed, kept, batch = removed + r, kept + k, []
    r, k = _sweep(ctx, batch, waiting, cutoff)
    return f"removed {removed + r} unused file(s), kept {kept + k} old file(s) still in use"


def _old_files(root: Path, cutoff: float) -> Iterator[Path]:
    """Stored files (and leftovers of interrupted writes) last stored before `cutoff`."""
    if not root.is_dir():
        return
    for path in root.glob("??/??/*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                yield path
        except FileNotFoundError:  # removed meanwhile
            continue


def _is_digest(name: str) -> bool:
    return len(name) == 64 and set(name) <= HEX


def _unprocessed_digests(ctx: Context) -> set[str]:
    """Files named by inbound records still to be processed (few; through the status index)."""
    with ctx.sessions() as session:
        rows = session.execute(
            select(InboundRecord.normalized).where(InboundRecord.status.in_(UNPROCESSED))
        ).scalars()
        return {
            str(a.get("sha256"))
            for normalized in rows
            for a in (normalized or {}).get("attachments", ())
            if isinstance(a, dict)
        }


def _sweep(ctx: Context, paths: list[Path], waiting: set[str], cutoff: float) -> tuple[int, int]:
    """(removed, kept) for one batch of old files."""
    digests = [p.name for p in paths if _is_digest(p.name)]
    in_use = set(waiting)
    if digests:
        with ctx.sessions() as session:
            in_use |= set(
                session.execute(
                    select(Attachment.sha256).where(Attachment.sha256.in_(digests)).distinct()
                ).scalars()
            )
    removed = kept = 0
    for path in paths:
        if path.name in in_use:
            kept += 1
        elif _remove(path, cutoff):
            removed += 1
    return removed, kept


def _remove(path: Path, cutoff: float) -> bool:
    """Move the file aside, then delete it unless it was stored again meanwhile."""
    aside = path.with_name(f".gone-{path.name}")
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        return False
    if aside.stat().st_mtime >= cutoff:  # stored again before the move: someone needs it
        os.replace(aside, path)
        return False
    aside.unlink()
    logger.info("removed unused file %s", path.name[:12])
    return True
