"""The report form stores, answers with a reserved reference, and leaves processing to the
inbound workers: a storm's backlog (or a failed processing) never costs the citizen the link."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.context import Context
from core.intake.ingest import retry_pending
from core.intake.pipeline import EXTRA_KEY, InboundPipeline
from core.models import InboundRecord, Ticket
from tests.citizen_web import make_app, reference_of, status_link, submit

DESCRIPTION = "Water pipe burst in front of the Al Khuwair school since this morning"


@pytest.fixture
def lagging(ctx: Context) -> FlaskClient:
    """A web app whose process has a pipeline with no free worker (all busy in a storm)."""
    ctx.settings.inbound_answer_wait_seconds = 0.05
    ctx.extras[EXTRA_KEY] = InboundPipeline(ctx, workers=0)
    return make_app(ctx).test_client()


def test_a_report_the_workers_have_not_reached_shows_its_reference_and_link(
    ctx: Context, lagging: FlaskClient
) -> None:
    page = submit(lagging, "en", description=DESCRIPTION).get_data(as_text=True)
    reference = reference_of(page)
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
        assert (record.status, record.reference) == ("pending", reference)
        assert session.execute(select(Ticket)).first() is None
    waiting = lagging.get(status_link(page))
    assert waiting.status_code == 200
    assert "being registered" in waiting.get_data(as_text=True)


def test_the_link_shown_before_processing_opens_the_ticket_afterwards(
    ctx: Context, lagging: FlaskClient
) -> None:
    page = submit(lagging, "en", description=DESCRIPTION).get_data(as_text=True)
    assert retry_pending(ctx) == (1, 0)
    shown = lagging.get(status_link(page))
    assert shown.status_code == 200
    assert reference_of(shown.get_data(as_text=True)) == reference_of(page)
    with ctx.sessions() as session:
        assert session.execute(select(Ticket.reference)).scalar_one() == reference_of(page)


def test_a_reserved_reference_with_the_wrong_secret_is_404(
    lagging: FlaskClient,
) -> None:
    page = submit(lagging, "en", description=DESCRIPTION).get_data(as_text=True)
    response = lagging.get(f"/t/{reference_of(page)}?k=not-the-secret")
    assert response.status_code == 404


def test_a_report_is_processed_by_the_workers_before_its_page_answers(
    ctx: Context,
) -> None:
    client = make_app(ctx).test_client()
    page = submit(client, "en", description=DESCRIPTION).get_data(as_text=True)
    with ctx.sessions() as session:
        record = session.execute(select(InboundRecord)).scalar_one()
        assert record.status == "done"
    assert ctx.extras[EXTRA_KEY].processed == 1
    assert reference_of(client.get(status_link(page)).get_data(as_text=True)) == reference_of(page)
