"""The citizen form sent again after Back (a new submission token, the same browser session and
words): one ticket, the first reference shown again (core/intake/resubmission.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, func, select, text
from werkzeug.test import TestResponse

from core.context import Context
from core.intake.resubmission import RESUBMITTED
from core.models import InboundRecord, InboundStatus, Ticket
from tests.citizen_web import GPS_LAT, GPS_LON, make_app, open_form, reference_of, status_link

DESCRIPTION = "يوجد تسرب مياه كبير في الشارع أمام مدرسة الخوض منذ يومين"


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def send(client: FlaskClient, **fields: Any) -> TestResponse:
    """The form opened (a new token, as a no-store page after Back gets) and sent."""
    data: dict[str, Any] = {**open_form(client), "description": DESCRIPTION, **fields}
    response = client.post("/report", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response


def tickets(ctx: Context) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(Ticket)).scalar_one()


def records(ctx: Context) -> list[InboundRecord]:
    with ctx.sessions() as session:
        found = list(session.execute(select(InboundRecord).order_by(InboundRecord.id)).scalars())
        session.expunge_all()
        return found


def test_the_form_sent_again_makes_one_ticket_and_shows_the_first_reference(
    ctx: Context, client: FlaskClient
) -> None:
    first = send(client, lat=str(GPS_LAT), lon=str(GPS_LON)).get_data(as_text=True)
    # Sent again: the browser refilled the words, spaced and cased a little differently.
    again = send(client, description="  " + DESCRIPTION.replace(" ", "  ") + " ",
                 lat=str(GPS_LAT + 0.00002), lon=str(GPS_LON))  # fmt: skip
    again_page = again.get_data(as_text=True)
    assert tickets(ctx) == 1
    assert reference_of(again_page) == reference_of(first)
    assert status_link(again_page) == status_link(first)  # the same private link
    kept, resent = records(ctx)
    assert kept.status == InboundStatus.DONE and kept.ticket_id is not None
    assert (resent.status, resent.ticket_id, resent.reference) == (
        InboundStatus.IGNORED,
        None,
        None,
    )
    assert resent.error == f"{RESUBMITTED}: record {kept.id} ({kept.reference})"
    assert resent.normalized["text"].strip().startswith(DESCRIPTION.split()[0])  # kept as sent


def test_the_same_resend_posted_twice_is_answered_with_the_first_reference_both_times(
    ctx: Context, client: FlaskClient
) -> None:
    first = reference_of(send(client).get_data(as_text=True))
    data = {**open_form(client), "description": DESCRIPTION}
    answers = [
        client.post("/report", data=dict(data), content_type="multipart/form-data")
        for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [200, 200]
    assert [reference_of(a.get_data(as_text=True)) for a in answers] == [first, first]
    assert (tickets(ctx), len(records(ctx))) == (1, 2)


def test_a_different_text_from_the_same_browser_is_a_second_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    first = reference_of(send(client).get_data(as_text=True))
    second = reference_of(
        send(client, description=DESCRIPTION + " وأيضا حفرة").get_data(as_text=True)
    )
    assert second != first
    assert tickets(ctx) == 2
    assert [r.status for r in records(ctx)] == [InboundStatus.DONE] * 2


def test_the_same_text_at_another_place_is_a_second_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    send(client, lat=str(GPS_LAT), lon=str(GPS_LON))
    send(client, lat=str(GPS_LAT + 0.001), lon=str(GPS_LON))  # about 110 m north
    assert tickets(ctx) == 2


def test_the_same_text_from_another_browser_is_a_second_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    send(client)
    send(make_app(ctx).test_client())  # a neighbour reporting the same leak in the same words
    assert tickets(ctx) == 2


def test_the_same_text_sent_after_the_window_is_a_second_ticket(
    ctx: Context, client: FlaskClient
) -> None:
    first = reference_of(send(client).get_data(as_text=True))
    window = timedelta(minutes=ctx.settings.resubmit_window_minutes + 1)
    with ctx.sessions() as session:  # the first was sent longer ago than the window
        sent = session.execute(select(InboundRecord)).scalar_one()
        sent.received_at -= window
        session.commit()
    second = reference_of(send(client).get_data(as_text=True))
    assert second != first
    assert tickets(ctx) == 2


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # plans are PostgreSQL's
def test_the_earlier_send_is_looked_up_through_the_resubmit_index_on_postgresql(
    ctx: Context, client: FlaskClient
) -> None:
    send(client)
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _k: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        send(client)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)
    lookups = [(s, p) for s, p in seen if s.lstrip().startswith("SELECT") and "resubmit_key =" in s]
    assert len(lookups) == 1
    with ctx.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(
            r[0] for r in conn.exec_driver_sql("EXPLAIN " + lookups[0][0], lookups[0][1])
        )
    assert "ix_inbound_resubmit" in plan, plan
