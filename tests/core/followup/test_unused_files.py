"""The `files` job: stored files nothing uses are removed once old; a file in use never is."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from sqlalchemy import update

from core.context import Context
from core.files import file_path, store_file
from core.followup.cleanup import _remove, remove_unused_files
from core.followup.jobs import JOBS
from core.inbound import InboundAttachment, InboundMessage, ThreadHints
from core.intake.ingest import accept, ingest
from core.models import InboundRecord

DAY = 86400
_n = count(1)


def age(path: Path, seconds: float) -> None:
    """Make the file look stored `seconds` ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def photo(label: str) -> bytes:
    return f"JPEG bytes of {label}".encode()


def message(data: bytes) -> InboundMessage:
    n = next(_n)
    return InboundMessage(
        channel="telegram",
        sender=str(7000 + n),
        text="حفرة في الشارع",
        external_id=f"files-{n}-{datetime.now(UTC).timestamp()}",
        thread=ThreadHints(new_ticket=True),
        attachments=(InboundAttachment("photo.jpg", "image/jpeg", data),),
    )


def stored(ctx: Context, data: bytes) -> Path:
    return file_path(ctx.data_dir, store_file(ctx.data_dir, data))


def test_an_old_file_nothing_names_is_removed(ctx: Context) -> None:
    kept_for_a_form = stored(ctx, photo("never submitted"))
    age(kept_for_a_form, 3 * DAY)
    assert remove_unused_files(ctx).startswith("removed 1 unused file(s)")
    assert not kept_for_a_form.exists()


def test_a_recent_unused_file_waits_for_the_retention_period(ctx: Context) -> None:
    fresh = stored(ctx, photo("kept an hour ago"))
    age(fresh, 3600)
    remove_unused_files(ctx)
    assert fresh.exists()


def test_a_file_a_ticket_uses_is_kept_however_old(ctx: Context) -> None:
    data = photo("on a ticket")
    ingest(ctx, message(data))
    path = file_path(ctx.data_dir, store_file(ctx.data_dir, data))
    age(path, 300 * DAY)
    assert remove_unused_files(ctx) == "removed 0 unused file(s), kept 1 old file(s) still in use"
    assert path.read_bytes() == data


def test_one_file_shared_by_two_tickets_and_a_kept_form_photo_is_kept(ctx: Context) -> None:
    data = photo("sent twice")
    ingest(ctx, message(data))
    ingest(ctx, message(data))
    path = stored(ctx, data)  # the same bytes kept for a refused form too: one file
    age(path, 30 * DAY)
    remove_unused_files(ctx)
    assert path.exists()


def test_a_file_of_a_record_not_yet_processed_is_kept(ctx: Context) -> None:
    data = photo("waiting in the inbound queue")
    record = accept(ctx, message(data)).record_id
    path = stored(ctx, data)
    age(path, 30 * DAY)
    remove_unused_files(ctx)
    assert path.exists()
    with ctx.sessions() as session, session.begin():
        session.execute(
            update(InboundRecord).where(InboundRecord.id == record).values(status="failed")
        )
    remove_unused_files(ctx)
    assert path.exists()  # a failed record is retried: still waiting for its file


def test_storing_an_old_file_again_restarts_its_retention(ctx: Context) -> None:
    data = photo("attached again")
    path = stored(ctx, data)
    age(path, 3 * DAY)
    store_file(ctx.data_dir, data)  # a new report with the same photo, about to be recorded
    remove_unused_files(ctx)
    assert path.exists()


def test_a_file_stored_again_after_the_check_is_put_back_not_deleted(ctx: Context) -> None:
    """The window between finding a file unused and deleting it: its fresh time saves it."""
    path = stored(ctx, photo("raced"))
    cutoff = time.time() - DAY  # the job's cut-off; the file was checked as older than it
    assert _remove(path, cutoff) is False
    assert path.exists()
    assert not list(path.parent.glob(".gone-*"))


def test_leftovers_of_interrupted_writes_are_removed(ctx: Context) -> None:
    path = stored(ctx, photo("neighbour"))
    leftover = path.parent / ".tmp-abc123"
    leftover.write_bytes(b"half a photo")
    age(leftover, 3 * DAY)
    remove_unused_files(ctx)
    assert not leftover.exists() and path.exists()


def test_the_files_job_is_scheduled() -> None:
    assert JOBS["files"].run is remove_unused_files
