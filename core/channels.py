"""What core knows about channels: their capabilities, never their names.

Each `channels/<name>/` exports one `ChannelDescriptor`; `balagh/wiring.py` lists them in the
one registry and puts their capabilities on the context. Core asks "does this channel push
replies?" rather than "is this Telegram?", so a new channel is one folder plus one registry
line, with no edit here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.context import Context
    from core.inbound import InboundMessage
    from core.intake.conversation import Processed
    from core.outbound import Sender


@dataclass(frozen=True)
class Capabilities:
    """How a channel behaves towards the citizen, as far as core must know."""

    # Replies are delivered to the citizen's address on this channel (a chat, a mailbox).
    push: bool = False
    # The citizen fetches replies (status page, Open311); a copy goes by email when they gave one.
    pull: bool = False
    # Replies carry the channel ids of earlier messages so mail clients thread them.
    threads_by_message_id: bool = False
    # The satisfaction question is asked on this channel after a ticket is closed.
    surveys: bool = False
    # The sender's address is an email address (it becomes the contact's email).
    sender_is_email: bool = False
    # The sender's address is a phone number the channel has verified (WhatsApp): it joins
    # the contact that already has that number.
    verified_phone: bool = False
    # Staff type in what the citizen said (a phone call): `core.staff.actions.record_phone_call`
    # files such tickets on this channel.
    staff_recorded: bool = False
    # The citizen hears the reference as the ticket is made (the agent reads it out on the
    # call), so no acknowledgement is queued: it would only become a pointless call-back task.
    acknowledged_in_person: bool = False
    # A reply can reach only whoever sent the message: the same chat (Telegram, WhatsApp) or
    # the report's own status page (the web form). Nobody can aim it at a third party, as a
    # forged email sender can, so a message flagged as spam is still acknowledged here (a
    # neutral acknowledgement, core.intake.triage): answering it is no backscatter, and
    # silence would fail the genuine citizen the screening wrongly flagged.
    replies_only_to_sender: bool = False
    # A reply is a call-back task: staff call the citizen and record whether they were reached
    # (`core.staff.actions.record_callback`).
    replies_by_call: bool = False
    # At most this many acknowledgements an hour to one address (None: no limit). Email sets
    # it: an automatic sender without RFC 3834 headers whose every mail opens a ticket would
    # answer each acknowledgement, a mail loop. Checked before the acknowledgement is queued.
    acks_per_hour: int | None = None


NO_CAPABILITIES = Capabilities()


class ChannelTable:
    """Capabilities by channel name; a channel nobody registered can do nothing."""

    def __init__(self, channels: Mapping[str, Capabilities] | None = None) -> None:
        self._channels = dict(channels or {})

    def of(self, channel: str) -> Capabilities:
        return self._channels.get(channel, NO_CAPABILITIES)

    def named(self, wanted: Callable[[Capabilities], bool]) -> list[str]:
        """The channels with a capability, e.g. `named(lambda c: c.surveys)`."""
        return [name for name, caps in self._channels.items() if wanted(caps)]

    def first(self, wanted: Callable[[Capabilities], bool]) -> str | None:
        """The first registered channel with a capability, or None when none has it."""
        names = self.named(wanted)
        return names[0] if names else None

    def mail(self) -> str | None:
        """The channel that delivers to an email address: staff mail and the pull channels'
        copies go there."""
        return self.first(lambda c: c.push and c.sender_is_email)


ProbeFactory = Callable[["Context"], Callable[[], dict[str, Any]]]


@dataclass(frozen=True)
class ChannelDescriptor:
    """Everything the composition root needs from a channel, in one value.

    The factories import their transport lazily, so listing a channel costs nothing until it
    is used. `blueprint` returns a web blueprint (a Flask one; typed loosely so core stays
    free of transports), `probe` builds the /healthz state function once the sender exists.
    """

    name: str
    capabilities: Capabilities
    sender: Callable[[Context], Sender | None] | None = None
    starters: Mapping[str, Callable[[Context], Any]] = field(default_factory=dict)
    blueprint: Callable[[], Any] | None = None
    probe: ProbeFactory | None = None
    # True when the channel hands its stored records to the inbound pipeline
    # (core.intake.pipeline) rather than processing them inline; `after_processing`, if set,
    # runs after each one became part of a ticket, with the result and the record's stored
    # message when the worker holds it (None: look it up).
    pipeline: bool = False
    after_processing: Callable[[Context, Processed, dict[str, Any] | None], None] | None = None
    # Run by the pipeline on each of the channel's records before it is processed, with the
    # record's failed attempts so far: the message completed (a file the record only refers
    # to, fetched), or an exception, which leaves the record failed with its error to be
    # retried like any failed processing. The channel gives up after its own count of tries
    # and returns the message with a staff note instead (`InboundMessage.staff_notes`).
    prepare: Callable[[Context, InboundMessage, int], InboundMessage] | None = None


def capability_table(descriptors: Iterable[ChannelDescriptor]) -> ChannelTable:
    return ChannelTable({d.name: d.capabilities for d in descriptors})
