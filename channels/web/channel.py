"""The web app's citizen channels: the form and status page, Open311, and phone calls staff type in.

Both are pull channels: the citizen reads replies where they asked (the status page, an
Open311 client), with a copy by email when they gave an address. The web app itself is
started by the composition root, so neither has a starter or a sender. Both hand their
stored records to the inbound pipeline (channels/web/citizen/views.py, open311/views.py).
"""

from __future__ import annotations

from core.channels import Capabilities, ChannelDescriptor

CHANNEL = ChannelDescriptor(
    name="web",
    capabilities=Capabilities(pull=True, surveys=True, replies_only_to_sender=True),
    pipeline=True,
)
# Not `replies_only_to_sender`: an Open311 client reads no messages, only the request's status,
# so a reply reaches a person only as the email copy to the address the client sent, which
# may be anyone's (core.intake.triage gives a flagged request no neutral acknowledgement).
OPEN311 = ChannelDescriptor(name="open311", capabilities=Capabilities(pull=True), pipeline=True)
# Calls an intake agent types into the inbox or the API: no transport of their own, the
# reference is read out on the call, and a reply is a call-back task.
PHONE = ChannelDescriptor(
    name="phone",
    capabilities=Capabilities(
        staff_recorded=True, acknowledged_in_person=True, replies_by_call=True
    ),
)
