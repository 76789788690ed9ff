"""/metrics: Prometheus figures for a bearer token or allowed addresses, and nobody else."""

from __future__ import annotations

from datetime import timedelta

from core.context import Context
from core.inbound import InboundMessage
from core.intake.ingest import accept, ingest
from tests.staffkit import app_for


def with_settings(ctx: Context, **values: object) -> Context:
    ctx.settings = ctx.settings.model_copy(update=values)
    return ctx


def test_metrics_is_not_found_without_a_token_or_an_allowed_address(ctx: Context) -> None:
    client = app_for(ctx).test_client()
    assert client.get("/metrics").status_code == 404


def test_metrics_needs_the_right_bearer_token(ctx: Context) -> None:
    client = app_for(with_settings(ctx, metrics_token="scrape-secret")).test_client()
    assert client.get("/metrics", headers={"Authorization": "Bearer guess"}).status_code == 404
    answer = client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
    assert answer.status_code == 200


def test_metrics_answers_an_allowed_network_only(ctx: Context) -> None:
    client = app_for(with_settings(ctx, metrics_allow="10.0.0.0/8, ::1")).test_client()
    inside = client.get("/metrics", environ_base={"REMOTE_ADDR": "10.20.30.40"})
    outside = client.get("/metrics", environ_base={"REMOTE_ADDR": "192.168.1.5"})
    assert (inside.status_code, outside.status_code) == (200, 404)


def test_metrics_show_lags_backlog_per_channel_request_latency_and_the_process(
    ctx: Context,
) -> None:
    ingest(ctx, InboundMessage(channel="telegram", sender="7", text="حفرة", external_id="7:1"))
    accept(
        ctx,
        InboundMessage(
            channel="email",
            sender="a@example.org",
            text="Leak",
            external_id="<1@example.org>",
            received_at=ctx.now() - timedelta(minutes=3),
        ),
    )
    client = app_for(with_settings(ctx, metrics_token="t")).test_client()
    client.get("/report")
    text = client.get("/metrics", headers={"Authorization": "Bearer t"}).get_data(as_text=True)
    assert 'balagh_processing_lag_seconds_count{channel="telegram"}' in text
    assert 'balagh_inbound_backlog{channel="email"} 1.0' in text
    oldest = next(
        line for line in text.splitlines() if line.startswith("balagh_inbound_oldest_pending")
    )
    assert 170 <= float(oldest.split()[-1]) < 3600
    assert 'balagh_http_request_duration_seconds_count{method="GET",route="/report"}' in text
    assert 'balagh_tickets{status="new"} 1.0' in text
    assert "process_resident_memory_bytes" in text


def test_metrics_reads_the_bearer_scheme_in_any_case_and_any_token_without_error(
    ctx: Context,
) -> None:
    """A token outside ASCII (a header is latin-1 to Werkzeug) was a 500, and `bearer` in
    lower case, which RFC 9110 allows and the API accepts, was refused."""
    client = app_for(with_settings(ctx, metrics_token="scrape-secret")).test_client()
    assert (
        client.get("/metrics", headers={"Authorization": "Bearer \u00e9t\u00e9"}).status_code == 404
    )
    answer = client.get("/metrics", headers={"Authorization": "bearer scrape-secret"})
    assert answer.status_code == 200
