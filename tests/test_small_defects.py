"""Smaller defects found while driving the system end to end (issue 16's list)."""

from __future__ import annotations

from channels.email.sender import SmtpSender
from core.outbound import OutboundMessage
from tests.email_support import Sink


def test_a_question_a_person_wrote_is_not_marked_auto_submitted(sink: Sink) -> None:
    sender = SmtpSender(
        host="127.0.0.1", port=sink.port, from_address="1111@balagh.test", secret_key="k" * 32
    )
    question = OutboundMessage(
        channel="email",
        to="salim@example.om",
        text="Which street is the light on?",
        language="en",
        reference="MCT-000007",
        kind="need_info",
        subject="[MCT-000007] A question about your report",
    )
    sender.send(question)
    sender.send(OutboundMessage(**{**question.__dict__, "kind": "awaiting_reminder"}))
    (_, asked), (_, reminder) = sink.messages
    assert asked["Auto-Submitted"] is None
    assert reminder["Auto-Submitted"] == "auto-replied"  # the automatic reminder still is
