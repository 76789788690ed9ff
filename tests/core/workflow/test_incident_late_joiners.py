"""A report that joins an incident after staff answered or moved it catches up with it.

Before, a report joining after the incident's reply or move sat `triaged`, its citizen told
only that the problem was known: the others had been told a pump team was coming, or the
department's answer was already with the dispatcher, and this one waited in the queue.
A report at the place of an incident closed recently does not join it: it is a new case,
and each side names the other.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.context import Context
from core.models import Incident, IncidentStatus, OutboxItem, Status
from core.staff import incident_actions
from core.staff.permissions import Staff
from tests.incident_support import incidents, report, ticket
from tests.staffkit import the_roles

ARABIC_REPLY = "سيصل فريق الشفط خلال ساعة."
ENGLISH_REPLY = "A pump team arrives within the hour."


def _act(ctx: Context, action):  # type: ignore[no-untyped-def]
    with ctx.sessions() as session, session.begin():
        incident = session.execute(select(Incident)).scalar_one()
        return action(session, incident)


def _incident_of_three(ctx: Context, language: str = "ar") -> list[str]:
    return [report(ctx, north, 0, language=language) for north in (0, 20, 40)]


def _sent_to(ctx: Context, reference: str) -> list[OutboxItem]:
    with ctx.sessions() as session:
        items = session.execute(select(OutboxItem).order_by(OutboxItem.id)).scalars()
        return [i for i in items if i.payload.get("reference") == reference]


def _dispatcher(ctx: Context) -> Staff:
    return the_roles(ctx)["dispatcher"]


def test_a_report_joining_after_the_incident_reply_is_sent_it_in_its_language(
    ctx: Context,
) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx, "ar")
    _act(
        ctx,
        lambda s, i: incident_actions.reply_all(
            ctx, s, staff, i, ARABIC_REPLY, {"en": ENGLISH_REPLY}
        ),
    )
    late = report(ctx, 60, 0, language="en")
    kinds = [(i.kind, i.payload["text"]) for i in _sent_to(ctx, late)]
    assert [k for k, _ in kinds] == ["ack_incident", "incident_reply"]  # the ack first
    assert ENGLISH_REPLY in kinds[1][1] and ARABIC_REPLY not in kinds[1][1]
    assert "incident_reply" in [e.kind for e in ticket(ctx, late).events]


def test_a_reply_in_none_of_the_joiners_languages_is_not_sent_to_it(ctx: Context) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx, "ar")
    _act(ctx, lambda s, i: incident_actions.reply_all(ctx, s, staff, i, ARABIC_REPLY))
    late = report(ctx, 60, 0, language="en")
    assert [i.kind for i in _sent_to(ctx, late)] == ["ack_incident"]


def test_a_report_joining_an_assigned_incident_is_forwarded_with_it(ctx: Context) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx)
    _act(ctx, lambda s, i: incident_actions.move(ctx, s, staff, i, "assigned"))
    late = report(ctx, 60, 0)
    joined = ticket(ctx, late)
    assert joined.status == Status.ASSIGNED and joined.due_at is not None
    assert [i.kind for i in _sent_to(ctx, late)] == ["ack_incident", "forwarded"]
    moved = [e for e in joined.events if e.kind == "incident_transition"]
    assert moved[0].actor == staff.email and moved[0].data["late"] is True


def test_a_report_joining_after_the_department_answered_is_answered_with_it(
    ctx: Context,
) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx)
    _act(ctx, lambda s, i: incident_actions.move(ctx, s, staff, i, "resolved", "تم الشفط"))
    late = report(ctx, 60, 0)
    joined = ticket(ctx, late)
    assert joined.status == Status.RESOLVED and joined.resolution == "تم الشفط"
    with ctx.sessions() as session:
        incident = session.execute(select(Incident)).scalar_one()
        assert incident_actions.answer_to_inform(incident) == "تم الشفط"


def test_a_report_joining_after_the_department_answered_in_both_languages_keeps_its_own(
    ctx: Context,
) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx)
    _act(
        ctx,
        lambda s, i: incident_actions.move(
            ctx, s, staff, i, "resolved", "تم الشفط", {"en": "Pumped away."}
        ),
    )
    late = report(ctx, 60, 0, language="en")
    assert ticket(ctx, late).resolution == "Pumped away."


def _closed_but_open(ctx: Context, answer: str, translations: dict[str, str] | None) -> None:
    """Close the incident's reports, the incident left open as when one report could not be
    moved (another role's move, a report further on)."""
    staff = _dispatcher(ctx)
    _act(ctx, lambda s, i: incident_actions.close(ctx, s, staff, i, answer, translations))

    def reopen(_session, incident):  # type: ignore[no-untyped-def]
        incident.status, incident.closed_at = IncidentStatus.OPEN, None

    _act(ctx, reopen)


def test_a_report_joining_after_the_closing_answer_is_closed_with_it_in_its_language(
    ctx: Context,
) -> None:
    _incident_of_three(ctx, "ar")
    _closed_but_open(ctx, "تم شفط المياه.", {"en": "The water was pumped away."})
    late = report(ctx, 60, 0, language="en")
    joined = ticket(ctx, late)
    assert joined.status == Status.CLOSED and joined.answer == "The water was pumped away."
    sent = _sent_to(ctx, late)
    assert [i.kind for i in sent] == ["ack_incident", "resolved"]
    assert "pumped away" in sent[1].payload["text"]


def test_a_closing_answer_not_in_the_joiners_language_goes_to_the_dispatcher(
    ctx: Context,
) -> None:
    _incident_of_three(ctx, "ar")
    _closed_but_open(ctx, "تم شفط المياه.", None)
    late = report(ctx, 60, 0, language="en")
    joined = ticket(ctx, late)
    assert joined.status == Status.RESOLVED and joined.resolution == "تم شفط المياه."
    assert [i.kind for i in _sent_to(ctx, late)] == ["ack_incident"]


def test_a_citizen_already_on_the_incident_is_not_told_twice(ctx: Context) -> None:
    staff = _dispatcher(ctx)
    report(ctx, 0, 0, sender="777")
    report(ctx, 20, 0)
    report(ctx, 40, 0)
    _act(ctx, lambda s, i: incident_actions.reply_all(ctx, s, staff, i, ARABIC_REPLY))
    again = report(ctx, 60, 0, sender="777")
    assert "incident_reply" not in [i.kind for i in _sent_to(ctx, again)]


def test_a_report_attached_by_hand_follows_the_incident(ctx: Context) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx)
    _act(ctx, lambda s, i: incident_actions.move(ctx, s, staff, i, "assigned"))
    loner = report(ctx, 5000, 0)
    _act(ctx, lambda s, i: incident_actions.attach(ctx, s, staff, i, loner))
    assert ticket(ctx, loner).status == Status.ASSIGNED


def test_a_report_at_a_recently_closed_incident_is_a_new_case_naming_it(ctx: Context) -> None:
    staff = _dispatcher(ctx)
    _incident_of_three(ctx, "en")
    _act(ctx, lambda s, i: incident_actions.close(ctx, s, staff, i, "Pumped away."))
    again = report(ctx, 60, 0, language="en")
    found = ticket(ctx, again)
    assert found.incident_id is None and found.status == Status.NEW  # as any report
    assert [i.kind for i in _sent_to(ctx, again)] == ["ack"]  # never the old answer
    [named] = [e for e in found.events if e.kind == "incident_closed_nearby"]
    [incident] = incidents(ctx)
    assert named.data["incident"] == incident.id
    assert incident.updates[-1].kind == "reported_again"
    assert incident.updates[-1].data["reference"] == again


def test_a_report_long_after_the_incident_closed_names_nothing(ctx: Context) -> None:
    staff = _dispatcher(ctx)
    start = ctx.now()
    ctx.settings.now = start
    _incident_of_three(ctx, "en")
    _act(ctx, lambda s, i: incident_actions.close(ctx, s, staff, i, "Pumped away."))
    ctx.settings.now = start + timedelta(hours=ctx.settings.incident_window_hours, minutes=1)
    later = report(ctx, 60, 0, language="en")
    assert "incident_closed_nearby" not in [e.kind for e in ticket(ctx, later).events]
