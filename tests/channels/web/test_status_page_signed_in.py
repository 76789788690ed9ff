"""A member of staff signed in to the inbox can open a citizen's status page in the same
browser: the page's request never holds two database sessions at once (on SQLite the
second would wait for the first's write lock, then fail), and no lock outlives the render.
"""

from __future__ import annotations

import threading

from core.context import Context
from core.inbound import InboundMessage, ThreadHints
from core.intake.ingest import ingest
from tests.staffkit import app_for, make_staff, signed_in


def citizen_report(ctx: Context) -> tuple[str, str]:
    processed = ingest(
        ctx,
        InboundMessage(
            channel="web",
            sender="web:status-1",
            text="The streetlight on Way 3021 has been out for a week.",
            external_id="web:status-1",
            thread=ThreadHints(new_ticket=True),
        ),
    )
    return processed.reference, processed.secret


def test_signed_in_staff_opens_a_citizen_status_page(ctx: Context) -> None:
    reference, secret = citizen_report(ctx)
    make_staff(ctx, "agent@mct.om", "agent")
    client = signed_in(app_for(ctx), "agent@mct.om")
    response = client.get(f"/t/{reference}?k={secret}")
    assert response.status_code == 200
    assert reference in response.get_data(as_text=True)


def test_other_writers_proceed_while_status_pages_are_served(ctx: Context) -> None:
    reference, secret = citizen_report(ctx)
    make_staff(ctx, "agent@mct.om", "agent")
    app = app_for(ctx)
    staff = signed_in(app, "agent@mct.om")
    answers: list[int] = []

    def reader() -> None:
        answers.extend(staff.get(f"/t/{reference}?k={secret}").status_code for _ in range(5))

    thread = threading.Thread(target=reader)
    thread.start()
    for n in range(5):
        ingest(
            ctx,
            InboundMessage(
                channel="web",
                sender=f"web:other-{n}",
                text=f"Pothole number {n} on Sultan Qaboos Street",
                external_id=f"web:other-{n}",
                thread=ThreadHints(new_ticket=True),
            ),
        )
    thread.join(timeout=60)
    assert answers == [200] * 5
