"""A web report sent again is the same report: one ticket, and the citizen sees its reference again.

Pressing Back after sending the web form and sending again (the browser refills the text; the
page is no-store, so the form carries a new submission token) used to open a second ticket.
A message from the same submitter (`InboundMessage.submitter`: the web form's browser
session) with the same normalised text, subject and place (rounded to about 11 m) within
BALAGH_RESUBMIT_WINDOW_MINUTES of an earlier one is that earlier report. Its raw record is
still stored, ignored with `RESUBMITTED` and the first record named as the reason (nothing a
citizen sent is lost); a message that differs in any of these is a report of its own.

Only the web form sets a submitter, so only it is covered for now: the same mail or chat
message sent twice is a later step (each channel's sender would be its submitter).

The submission is identified by a hash (`resubmission_key`) stored on the record, looked up
through the index (resubmit_key, received_at): never a scan of the growing inbound table.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from core.context import Context
from core.inbound import InboundMessage
from core.language.normalize import normalize_arabic
from core.models import InboundRecord, InboundStatus

# Places this close (about 11 m) are the same place: a map pin placed again moves a little.
PLACE_DECIMALS = 4

# The start of a resent record's note (`InboundRecord.error`): why it has no ticket of its own.
RESUBMITTED = "sent again"

_EARLIER = (
    select(InboundRecord)
    .where(
        InboundRecord.resubmit_key == bindparam("key"),
        InboundRecord.received_at >= bindparam("since"),
        InboundRecord.received_at <= bindparam("until"),
        InboundRecord.id != bindparam("besides"),
        InboundRecord.status != InboundStatus.IGNORED,  # a resend's first, not another resend
        InboundRecord.reference.is_not(None),  # the reference the citizen is shown again
    )
    .order_by(InboundRecord.received_at, InboundRecord.id)
    .limit(1)
)


def _normalised(text: str | None) -> str:
    """Text as a person reads it: Arabic letter variants unified, case and spacing ignored."""
    return " ".join(normalize_arabic(text or "").casefold().split())


def resubmission_key(message: InboundMessage) -> str | None:
    """The submitter, normalised words and place as one hash; None for a message with no
    submitter (every channel but the web form) or no words (a photo or a place alone is no
    text to compare)."""
    text = _normalised(message.text)
    if message.submitter is None or not text:
        return None
    loc = message.location
    place = (
        None
        if loc is None
        else [
            None if loc.lat is None else round(loc.lat, PLACE_DECIMALS),
            None if loc.lon is None else round(loc.lon, PLACE_DECIMALS),
            _normalised(loc.address),
        ]
    )
    parts = [message.channel, message.submitter, _normalised(message.subject), text, place]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def earlier_submission(
    ctx: Context, session: Session, key: str | None, received_at: datetime, besides: int = 0
) -> InboundRecord | None:
    """The first record of the same submission, with a reference, within the window before
    `received_at`, not `besides` (the record at hand), if any: what a resubmission is
    answered with. None when the window is 0 (the rule off)."""
    window = ctx.settings.resubmit_window_minutes
    if key is None or window <= 0:
        return None
    since = received_at - timedelta(minutes=window)
    params = {"key": key, "since": since, "until": received_at, "besides": besides}
    return session.execute(_EARLIER, params).scalar_one_or_none()


def mark_resent(ctx: Context, record: InboundRecord, earlier: InboundRecord) -> None:
    """Keep `record` as the resend of `earlier`: ignored, the first record named."""
    record.status, record.processed_at = InboundStatus.IGNORED, ctx.now()
    record.error = f"{RESUBMITTED}: record {earlier.id} ({earlier.reference})"
