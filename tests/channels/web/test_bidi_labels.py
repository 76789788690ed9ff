"""File names and subjects lose bidi overrides: `invoice<U+202E>fdp.exe` must not read as a PDF.

Embeddings, overrides and isolates reorder the rest of a one-line label; the marks Arabic
text needs (RLM, LRM, ALM) and the message body stay as the citizen wrote them.
"""

from __future__ import annotations

from sqlalchemy import select

from core.context import Context
from core.inbound import InboundAttachment, InboundMessage, Location, ThreadHints
from core.intake.ingest import ingest
from core.models import Attachment, Message, Ticket

RLO, PDF_, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"


def test_file_names_and_subjects_are_stored_without_bidi_overrides(ctx: Context) -> None:
    body = f"See the attached invoice {RLO}please{PDF_}."
    ingest(
        ctx,
        InboundMessage(
            channel="email",
            sender="salim@example.om",
            text=body,
            subject=f"فاتورة {LRI}MCT{PDI} invoice{RLO}fdp.exe\u200f",
            external_id="<bidi-1@example.om>",
            thread=ThreadHints(new_ticket=True),
            attachments=(InboundAttachment(f"invoice{RLO}fdp.exe", "application/pdf", b"%PDF"),),
        ),
    )
    with ctx.sessions() as session:
        filename = session.execute(select(Attachment.filename)).scalar_one()
        subject = session.execute(select(Ticket.subject)).scalar_one()
        text = session.execute(select(Message.text).where(Message.direction == "in")).scalar_one()
    assert filename == "invoicefdp.exe"
    assert subject == "فاتورة MCT invoicefdp.exe\u200f"
    assert text == body


def test_a_subject_taken_from_the_first_line_loses_bidi_overrides_too(ctx: Context) -> None:
    """A web, Telegram or WhatsApp report has no subject: its first line is the ticket's
    one-line label in the queue, and kept its overrides (found posting the demo's form)."""
    body = f"pothole {RLO}gnp.exe{PDF_} near the school\nsecond line"
    ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender="form:1",
            text=body,
            external_id="bidi-web-1",
            thread=ThreadHints(new_ticket=True),
        ),
    )
    with ctx.sessions() as session:
        subject = session.execute(select(Ticket.subject)).scalar_one()
        text = session.execute(select(Message.text).where(Message.direction == "in")).scalar_one()
    assert subject == "pothole gnp.exe near the school"
    assert text == body


def test_an_address_loses_bidi_overrides_too(ctx: Context) -> None:
    """An address is a one-line label set inside lines (the incident's "area: {address} ·
    time", the status page's location): the QA walk's form address '<i>addr</i> 🕳️
    <U+202E>زقاق' kept its override, which reversed whatever followed it on the line."""
    ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender="form:2",
            text="pothole near the school",
            external_id="bidi-web-2",
            thread=ThreadHints(new_ticket=True),
            location=Location(23.6, 58.4, f"<i>addr</i> {RLO}زقاق{PDF_} {LRI}4512{PDI}\u200f"),
        ),
    )
    with ctx.sessions() as session:
        address = session.execute(select(Ticket.address)).scalar_one()
    assert address == "<i>addr</i> زقاق 4512\u200f"
