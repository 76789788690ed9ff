"""The pigeon channel's descriptor: replies are pushed to the citizen's ring."""

from __future__ import annotations

from core.channels import Capabilities, ChannelDescriptor
from core.context import Context
from core.outbound import Sender
from tests.balagh.pigeon.adapter import Loft


def _sender(ctx: Context) -> Sender:
    return Loft()


CHANNEL = ChannelDescriptor(name="pigeon", capabilities=Capabilities(push=True), sender=_sender)
