"""A mail retried after the relay lost its answer keeps its Message-ID (RFC 5322 3.6.4).

The relay took the message but answered with a temporary error (as when the connection
times out after DATA); the outbox retries. Both copies must carry the same Message-ID, so
the citizen's mail client can recognise the second as a repeat; two items never share one.
"""

from __future__ import annotations

from aiosmtpd.smtp import SMTP, Envelope, Session

from channels.email.sender import SmtpSender
from core.context import Context
from core.delivery.outbox import deliver_one, enqueue
from core.outbound import OutboundMessage
from tests.email_support import Sink, SinkHandler


class LosesFirstAnswer(SinkHandler):
    """Keeps the first message it is given but answers 451, as if the answer timed out."""

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        return "451 4.4.2 timeout" if len(self.messages) == 1 else answer


def queue_mail(ctx: Context, text: str) -> int:
    message = OutboundMessage(
        channel="email", to="salim@example.om", text=text, language="en", reference="MCT-000001"
    )
    with ctx.sessions() as session, session.begin():
        item = enqueue(session, message, ticket=None, now=ctx.now())
        session.flush()
        return item.id


def use_relay(ctx: Context, sink: Sink) -> None:
    ctx.senders.register(
        "email",
        SmtpSender(
            host="127.0.0.1",
            port=sink.port,
            from_address=ctx.settings.mail_address,
            secret_key=ctx.settings.secret_key,
        ),
    )


def test_a_retried_mail_carries_the_same_message_id(ctx: Context, sink: Sink) -> None:
    sink.handler.__class__ = LosesFirstAnswer
    use_relay(ctx, sink)
    item_id = queue_mail(ctx, "Your report was received.")
    assert deliver_one(ctx, item_id) == "retrying"
    assert deliver_one(ctx, item_id) == "sent"
    first, second = (mail["Message-ID"] for _, mail in sink.messages)
    assert first == second


def test_two_outbox_items_get_different_message_ids(ctx: Context, sink: Sink) -> None:
    use_relay(ctx, sink)
    items = [queue_mail(ctx, "First."), queue_mail(ctx, "Second.")]
    for item_id in items:
        deliver_one(ctx, item_id)
    ids = [mail["Message-ID"] for _, mail in sink.messages]
    assert len(ids) == 2 and ids[0] != ids[1]
