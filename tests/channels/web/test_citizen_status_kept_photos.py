"""Photos survive a validation error on the status page too (issue 20, item 9): a message
refused for one bad file keeps its good photos on the server for the retry."""

from __future__ import annotations

import re

from sqlalchemy import select

from core.context import Context
from core.models import Attachment, Direction, Message
from tests.citizen_web import hidden, jpeg, make_app, status_link, submit, upload


def test_a_refused_message_keeps_its_good_photo_for_the_retry(ctx: Context) -> None:
    client = make_app(ctx).test_client()
    link = status_link(submit(client, "en", description="A broken street light").get_data(True))
    page = client.get(link).get_data(as_text=True)
    tokens = {"csrf_token": hidden(page, "csrf_token"), "submission": hidden(page, "submission")}
    refused = client.post(
        link,
        data={
            **tokens,
            "action": "message",
            "message": "Two photos of the pole",
            "photos": [upload(jpeg(), "pole.jpg"), upload(b"not an image", "notes.txt")],
        },
        content_type="multipart/form-data",
    )
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400
    kept = re.findall(r'name="kept_photo" value="([^"]+)"', html)
    assert len(kept) == 1 and "pole.jpg" in html and "These photos are kept" in html
    sent = client.post(
        link,
        data={
            **tokens,
            "action": "message",
            "message": "The photo of the pole",
            "kept_photo": kept,
        },
        content_type="multipart/form-data",
    )
    assert sent.status_code == 302
    with ctx.sessions() as session:
        files = session.execute(
            select(Attachment.filename)
            .join(Message, Message.id == Attachment.message_id)
            .where(Message.direction == Direction.IN, Message.text == "The photo of the pole")
        ).all()
    assert [f for (f,) in files] == ["photo-1.jpg"]  # the form names photos by number
