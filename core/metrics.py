"""What operators watch in a storm: how long a message waits to become a ticket, and a reply
to leave. Histograms in this process's prometheus_client registry, served at /metrics.

Under `balagh serve` everything is one process, so /metrics shows all of it. With separate
processes (gunicorn, `balagh worker`), each observes its own work; the state gauges
(backlog, tickets, outbox) come from the database and are the same everywhere.
"""

from __future__ import annotations

from datetime import datetime

from prometheus_client import Histogram

# From a second to an hour: a quiet day is under a second, a storm day is minutes.
LAG_BUCKETS = (0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600)

PROCESSING_LAG = Histogram(
    "balagh_processing_lag_seconds",
    "From an inbound message being stored to its being part of a ticket.",
    ["channel"],
    buckets=LAG_BUCKETS,
)
DELIVERY_LAG = Histogram(
    "balagh_delivery_lag_seconds",
    "From an outbound message being queued to its being sent.",
    ["channel"],
    buckets=LAG_BUCKETS,
)


def observe_lag(histogram: Histogram, channel: str, since: datetime, until: datetime) -> None:
    """Record one lag; a clock step backwards counts as zero, not as a negative wait."""
    if since.tzinfo is None or until.tzinfo is None:
        since, until = since.replace(tzinfo=None), until.replace(tzinfo=None)
    histogram.labels(channel=channel).observe(max(0.0, (until - since).total_seconds()))
