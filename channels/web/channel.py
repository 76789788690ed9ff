"""The web app's two citizen channels: the form and status page, and Open311.

Both are pull channels: the citizen reads replies where they asked (the status page, an
Open311 client), with a copy by email when they gave an address. The web app itself is
started by the composition root, so neither has a starter or a sender.
"""

from __future__ import annotations

from core.channels import Capabilities, ChannelDescriptor

CHANNEL = ChannelDescriptor(name="web", capabilities=Capabilities(pull=True, surveys=True))
OPEN311 = ChannelDescriptor(name="open311", capabilities=Capabilities(pull=True))
