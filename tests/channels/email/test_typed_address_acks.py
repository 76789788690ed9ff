"""An address typed into the web form gets only so many acknowledgements a day.

Anyone can type anyone's address: without a limit, the form mails a stranger as often as
a client submits it. Beyond BALAGH_TYPED_ADDRESS_ACKS_PER_DAY the report is still stored
and its acknowledgement shown on the status page; it is just not mailed.
"""

from __future__ import annotations

from core.context import Context
from core.delivery.outbox import deliver_due
from core.models import Ticket
from core.outbound import CollectingSender
from tests.channels.web.test_web_citizen_report import count
from tests.citizen_web import make_app, submit

VICTIM = "Victim@Example.org"


def test_acknowledgements_to_one_typed_address_stop_at_the_daily_limit(
    ctx: Context, senders: dict[str, CollectingSender]
) -> None:
    ctx.settings.typed_address_acks_per_day = 3
    client = make_app(ctx).test_client()
    for n in range(5):
        email = VICTIM if n % 2 else VICTIM.lower()
        submit(client, "en", description=f"Broken streetlight number {n} on Way 3021", email=email)
    deliver_due(ctx)
    mailed = [m for m in senders["email"].sent if m.kind == "ack"]
    assert count(ctx, Ticket) == 5 and len(mailed) == 3


def test_other_typed_addresses_are_not_limited_by_one_that_is_full(
    ctx: Context, senders: dict[str, CollectingSender]
) -> None:
    ctx.settings.typed_address_acks_per_day = 1
    client = make_app(ctx).test_client()
    submit(client, "en", description="Pothole on Way 12", email=VICTIM)
    submit(client, "en", description="Pothole on Way 14", email=VICTIM)
    submit(client, "en", description="Pothole on Way 16", email="salim@example.om")
    deliver_due(ctx)
    assert sorted(m.to.lower() for m in senders["email"].sent) == [
        "salim@example.om",
        VICTIM.lower(),
    ]
