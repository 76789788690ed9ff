"""Mass incidents: matching reports join one incident; staff answer them all at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError, InvalidTransition, NotFound
from core.intake.incident_followers import WALK_STATUSES
from core.models import Incident, IncidentStatus, Status, Ticket
from core.staff import actions as staff_actions
from core.staff import incident_actions
from core.workflow.transitions import Actor
from tests.incident_support import FLOOD, incidents, outbox, report, ticket
from tests.staffkit import make_staff, the_roles


def test_two_matching_reports_make_no_incident(ctx: Context) -> None:
    report(ctx, 0, 0)
    report(ctx, 50, 50)
    assert incidents(ctx) == []


def test_third_matching_report_opens_an_incident_that_takes_in_the_earlier_ones(
    ctx: Context,
) -> None:
    refs = [report(ctx, 0, 0), report(ctx, 80, -40), report(ctx, -60, 120)]
    [incident] = incidents(ctx)
    assert sorted(t.reference for t in incident.tickets) == sorted(refs)
    assert incident.category == FLOOD and incident.directorate == "drainage"
    assert incident.status == IncidentStatus.OPEN
    for ref in refs:
        joined = [e for e in ticket(ctx, ref).events if e.kind == "incident_joined"]
        assert len(joined) == 1 and joined[0].data["incident"] == incident.id


def test_reports_from_the_very_same_spot_open_an_incident(ctx: Context) -> None:
    """Zero metres apart is as near as it gets (it once read as no distance at all)."""
    refs = [report(ctx, 0, 0), report(ctx, 0, 0), report(ctx, 0, 0)]
    [incident] = incidents(ctx)
    assert sorted(t.reference for t in incident.tickets) == sorted(refs)


def test_a_report_near_an_open_incident_joins_it(ctx: Context) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0)
    fourth = report(ctx, 150, 150)
    [incident] = incidents(ctx)
    assert fourth in [t.reference for t in incident.tickets]
    assert len(incident.tickets) == 4


def test_acknowledgement_of_a_joining_report_says_known_with_the_number_of_reports(
    ctx: Context,
) -> None:
    first = report(ctx, 0, 0, language="en")
    report(ctx, 20, 0, language="en")
    report(ctx, 40, 0, language="en")
    fourth = report(ctx, 60, 0, language="en")
    acks = {item.payload["reference"]: item for item in outbox(ctx, "ack_incident")}
    assert "already known" in acks[fourth].payload["text"]
    assert "received 4 reports" in acks[fourth].payload["text"]
    assert "received 3 reports" in next(iter(acks.values())).payload["text"]
    assert first not in acks  # it was the first: an ordinary acknowledgement
    assert first in [i.payload["reference"] for i in outbox(ctx, "ack")]


def test_arabic_acknowledgement_of_a_joining_report_is_in_arabic(ctx: Context) -> None:
    for north in (0, 20, 40):
        report(ctx, north, 0, language="ar")
    [item] = outbox(ctx, "ack_incident")
    assert "معروفة لدينا" in item.payload["text"] and "3" in item.payload["text"]


def test_a_report_beyond_the_distance_does_not_join(ctx: Context) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0)
    far = report(ctx, 1500, 0)
    [incident] = incidents(ctx)
    assert far not in [t.reference for t in incident.tickets]
    assert ticket(ctx, far).incident_id is None


def test_the_distance_is_a_setting(ctx: Context) -> None:
    ctx.settings = ctx.settings.model_copy(update={"incident_distance_m": 50.0})
    for north in (0, 120, 240):
        report(ctx, north, 0)
    assert incidents(ctx) == []


def test_a_report_of_another_category_does_not_join(ctx: Context) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0)
    other = report(ctx, 10, 0, category="pothole")
    assert ticket(ctx, other).incident_id is None


def test_a_report_after_the_time_window_does_not_join(ctx: Context) -> None:
    start = ctx.now()
    ctx.settings.now = start
    for north in (0, 30, 60):
        report(ctx, north, 0)
    ctx.settings.now = start + timedelta(hours=6, minutes=1)
    late = report(ctx, 10, 0)
    assert ticket(ctx, late).incident_id is None
    ctx.settings.now = start + timedelta(hours=5)
    on_time = report(ctx, 20, 0)
    assert ticket(ctx, on_time).incident_id is not None


def test_a_report_without_coordinates_naming_the_area_is_suggested_not_joined(
    ctx: Context,
) -> None:
    for north in (0, 30, 60):
        report(ctx, north, 0, address="الخوير، شارع الوزارات")
    vague = report(ctx, None, address="شارع الوزارات بالخوير")
    elsewhere = report(ctx, None, address="روي، شارع المطار")
    [incident] = incidents(ctx)
    shown = ticket(ctx, vague)
    assert shown.incident_id is None and shown.incident_suggested_id == incident.id
    assert ticket(ctx, elsewhere).incident_suggested_id is None


def _incident(ctx: Context) -> Incident:
    [incident] = incidents(ctx)
    return incident


def _with_incident(ctx: Context, action):  # type: ignore[no-untyped-def]
    with ctx.sessions() as session, session.begin():
        incident = session.execute(select(Incident)).scalar_one()
        return action(session, incident)


def test_one_incident_reply_reaches_each_citizen_once_in_their_language(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    refs = [report(ctx, 0, 0, language="ar"), report(ctx, 20, 0, language="en")]
    refs.append(report(ctx, 40, 0, language="ar"))
    told = _with_incident(
        ctx,
        lambda s, i: incident_actions.reply_all(
            ctx,
            s,
            staff,
            i,
            "سيصل فريق الشفط خلال ساعة.",
            {"en": "A pump team arrives within the hour."},
        ),
    )
    assert told == 3
    items = {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "incident_reply")}
    assert sorted(items) == sorted(refs)
    assert "A pump team arrives" in items[refs[1]] and "3 reports" in items[refs[1]]
    assert "سيصل فريق الشفط" in items[refs[0]] and "pump" not in items[refs[0]]
    for ref in refs:
        kinds = [e.kind for e in ticket(ctx, ref).events]
        assert kinds.count("incident_reply") == 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_incident_reply_to_a_caller_says_to_call_not_to_reply_to_a_message(
    ctx: Context, language: str
) -> None:
    """A phone caller hears the reply in a call back; it ended "To answer, simply reply to
    this message", read out to someone who has no message (notify.answer_by words it)."""
    roles = the_roles(ctx)
    called = staff_actions.record_phone_call(
        ctx, roles["agent"], "91234567", "Water everywhere", language=language, category=FLOOD
    ).reference
    written = report(ctx, 0, 0, language=language)
    with ctx.sessions() as session, session.begin():
        incident_actions.open_by_hand(ctx, session, roles["dispatcher"], [called, written])
    answer = {"en": "The pumps are on their way.", "ar": "فرق الشفط في الطريق إليكم."}[language]
    _with_incident(
        ctx,
        lambda s, i: incident_actions.reply_all(
            ctx, s, roles["dispatcher"], i, "", {language: answer}
        ),
    )
    closing = {
        "en": ("call us and give your report number", "reply to this message"),
        "ar": ("الاتصال بنا وذكر رقم بلاغكم", "الرد على هذه الرسالة"),
    }[language]
    [call_back] = [m.text for m in ticket(ctx, called).messages if m.kind == "incident_reply"]
    assert answer in call_back and closing[0] in call_back and closing[1] not in call_back
    [told] = [m.text for m in ticket(ctx, written).messages if m.kind == "incident_reply"]
    assert closing[1] in told and closing[0] not in told


def test_a_citizen_with_two_reports_in_the_incident_is_told_once(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    report(ctx, 0, 0, sender="777")
    report(ctx, 20, 0, sender="778")
    report(ctx, 40, 0, sender="777")
    told = _with_incident(
        ctx, lambda s, i: incident_actions.reply_all(ctx, s, staff, i, "الفريق في الطريق.")
    )
    assert told == 2
    assert sorted(i.address for i in outbox(ctx, "incident_reply")) == ["777", "778"]


def test_closing_the_incident_closes_every_report_and_gives_each_citizen_the_answer(
    ctx: Context,
) -> None:
    staff = the_roles(ctx)["dispatcher"]
    refs = [report(ctx, n, 0, language="en") for n in (0, 20, 40)]
    result = _with_incident(
        ctx,
        lambda s, i: incident_actions.close(ctx, s, staff, i, "The water was pumped away."),
    )
    assert sorted(result.moved) == sorted(refs) and result.skipped == []
    assert _incident(ctx).status == IncidentStatus.CLOSED
    resolved = {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "resolved")}
    assert sorted(resolved) == sorted(refs)
    assert all("The water was pumped away." in resolved[r] for r in refs)
    for ref in refs:
        assert ticket(ctx, ref).status == Status.CLOSED


def test_closing_without_the_answer_is_refused_and_changes_nothing(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    refs = [report(ctx, n, 0) for n in (0, 20, 40)]
    before = {r: ticket(ctx, r).status for r in refs}
    with pytest.raises(InputError):
        _with_incident(ctx, lambda s, i: incident_actions.close(ctx, s, staff, i, None))
    assert {r: ticket(ctx, r).status for r in refs} == before
    assert _incident(ctx).status == IncidentStatus.OPEN


def test_assigning_the_incident_forwards_every_report_and_tells_each_citizen(
    ctx: Context,
) -> None:
    staff = the_roles(ctx)["dispatcher"]
    refs = [report(ctx, n, 0) for n in (0, 20, 40)]
    _with_incident(ctx, lambda s, i: incident_actions.move(ctx, s, staff, i, "assigned"))
    assert {ticket(ctx, r).status for r in refs} == {Status.ASSIGNED}
    assert sorted(i.payload["reference"] for i in outbox(ctx, "forwarded")) == sorted(refs)


def test_an_agent_may_not_attach_reports(ctx: Context) -> None:
    roles = the_roles(ctx)
    for n in (0, 20, 40):
        report(ctx, n, 0)
    loner = report(ctx, 5000, 0)
    from core.errors import Forbidden

    with pytest.raises(Forbidden):
        _with_incident(ctx, lambda s, i: incident_actions.attach(ctx, s, roles["agent"], i, loner))


def test_staff_attach_and_detach_reports_by_hand(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    for n in (0, 20, 40):
        report(ctx, n, 0)
    loner = report(ctx, 5000, 0)
    _with_incident(ctx, lambda s, i: incident_actions.attach(ctx, s, staff, i, loner))
    assert ticket(ctx, loner).incident_id == _incident(ctx).id
    _with_incident(ctx, lambda s, i: incident_actions.detach(ctx, s, staff, i, loner))
    assert ticket(ctx, loner).incident_id is None
    assert [e.kind for e in ticket(ctx, loner).events][-2:] == ["incident_joined", "incident_left"]


def test_confirming_a_suggestion_attaches_the_report(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    for n in (0, 20, 40):
        report(ctx, n, 0, address="الخوير")
    vague = report(ctx, None, address="الخوير")
    _with_incident(ctx, lambda s, i: incident_actions.attach(ctx, s, staff, i, vague))
    shown = ticket(ctx, vague)
    assert shown.incident_id is not None and shown.incident_suggested_id is None


def test_staff_open_an_incident_by_hand(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    a, b = report(ctx, 0, 0), report(ctx, 3000, 0)
    with ctx.sessions() as session, session.begin():
        incident = incident_actions.open_by_hand(ctx, session, staff, [a, b])
        assert incident.opened_by == staff.email
    assert ticket(ctx, a).incident_id == ticket(ctx, b).incident_id is not None


def _close_by_hand(ctx: Context, reference: str) -> None:
    with ctx.sessions() as session, session.begin():
        session.execute(
            select(Ticket).where(Ticket.reference == reference)
        ).scalar_one().status = Status.CLOSED


def test_an_incident_is_not_opened_by_hand_from_a_closed_report(ctx: Context) -> None:
    """Its replies would reach no one for that report: refused, naming it, nothing opened."""
    staff = the_roles(ctx)["dispatcher"]
    a, b = report(ctx, 0, 0), report(ctx, 3000, 0)
    _close_by_hand(ctx, b)
    with ctx.sessions() as session, session.begin(), pytest.raises(InputError) as refused:
        incident_actions.open_by_hand(ctx, session, staff, [a, b])
    assert refused.value.key == "incident_report_not_open"
    assert refused.value.params == {"reference": b}
    assert incidents(ctx) == [] and ticket(ctx, a).incident_id is None


def test_a_closed_report_is_not_attached_to_an_open_incident(ctx: Context) -> None:
    staff = the_roles(ctx)["dispatcher"]
    for n in (0, 20, 40):
        report(ctx, n, 0)
    late = report(ctx, 3000, 0)
    _close_by_hand(ctx, late)
    with pytest.raises(InputError) as refused:
        _with_incident(ctx, lambda s, i: incident_actions.attach(ctx, s, staff, i, late))
    assert refused.value.key == "incident_report_not_open"
    assert ticket(ctx, late).incident_id is None


def test_department_staff_of_another_directorate_do_not_see_the_incident(
    ctx: Context,
) -> None:
    roads = the_roles(ctx)["roads"]
    for n in (0, 20, 40):
        report(ctx, n, 0)
    incident_id = _incident(ctx).id
    with ctx.sessions() as session:
        with pytest.raises(NotFound):
            incident_actions.incident_for(session, roads, incident_id, incident_actions.Action.VIEW)
        assert incident_actions.list_incidents(session, roads) == []


def test_walk_finds_the_steps_a_role_may_take() -> None:
    dispatcher, department = Actor("d", "dispatcher"), Actor("r", "department")
    assert incident_actions.walk("triaged", Status.CLOSED, dispatcher, WALK_STATUSES) == [
        Status.ASSIGNED,
        Status.RESOLVED,
        Status.CLOSED,
    ]
    assert incident_actions.walk("triaged", Status.ASSIGNED, department, WALK_STATUSES) == []
    assert incident_actions.walk("closed", Status.ASSIGNED, dispatcher, WALK_STATUSES) == []
    assert incident_actions.walk("assigned", Status.CLOSED, department, WALK_STATUSES) == []


def test_walk_lets_a_department_close_where_the_centre_lets_it_answer_citizens() -> None:
    direct = Actor("r", "department", replies_direct=True)
    assert incident_actions.walk("assigned", Status.CLOSED, direct, WALK_STATUSES) == [
        Status.RESOLVED,
        Status.CLOSED,
    ]


@pytest.mark.parametrize("direct", [False, True])
def test_a_department_closes_an_incident_only_where_it_may_close_its_tickets(
    ctx: Context, direct: bool
) -> None:
    """BALAGH_DEPARTMENT_REPLIES_DIRECT lets a department close its tickets; the incident's
    move form and the move itself follow the same rule (they ignored it)."""
    dispatcher = the_roles(ctx)["dispatcher"]
    drainage = replace(
        make_staff(ctx, "drainage@mct.om", "department", "drainage"), replies_direct=direct
    )
    refs = [report(ctx, n, 0, language="en") for n in (0, 20, 40)]
    _with_incident(ctx, lambda s, i: incident_actions.move(ctx, s, dispatcher, i, "assigned"))
    offered = _with_incident(ctx, lambda s, i: incident_actions.move_targets(drainage, i))
    assert (Status.CLOSED in offered) is direct
    if not direct:
        with pytest.raises(InvalidTransition):
            _with_incident(ctx, lambda s, i: incident_actions.close(ctx, s, drainage, i, "Done."))
        assert {ticket(ctx, r).status for r in refs} == {Status.ASSIGNED}
        return
    closing = lambda s, i: incident_actions.close(ctx, s, drainage, i, "Pumped away.")  # noqa: E731
    assert sorted(_with_incident(ctx, closing).moved) == sorted(refs)
    assert {ticket(ctx, r).status for r in refs} == {Status.CLOSED}
    assert _incident(ctx).status == IncidentStatus.CLOSED


def test_a_ticket_keeps_its_incident_when_reloaded(ctx: Context) -> None:
    refs = [report(ctx, n, 0) for n in (0, 20, 40)]
    with ctx.sessions() as session:
        found = session.execute(select(Ticket).where(Ticket.reference == refs[0])).scalar_one()
        assert found.incident is not None and len(found.incident.tickets) == 3


def test_a_report_classified_by_intake_later_joins_the_incident_and_is_told(
    ctx: Context,
) -> None:
    agent = the_roles(ctx)["agent"]
    for north in (0, 30, 60):
        report(ctx, north, 0, language="en")
    unsure = report(ctx, 90, 0, category="", language="en")  # the router could not tell
    assert ticket(ctx, unsure).category is None
    with ctx.sessions() as session, session.begin():
        found = session.execute(select(Ticket).where(Ticket.reference == unsure)).scalar_one()
        staff_actions.reclassify(ctx, session, agent, found, FLOOD)
    assert ticket(ctx, unsure).incident_id == _incident(ctx).id
    [told] = outbox(ctx, "incident_joined")
    assert told.payload["reference"] == unsure and "4 reports" in told.payload["text"]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # plans are PostgreSQL's
def test_placing_reports_reaches_tickets_and_incidents_through_indexes_on_postgresql(
    ctx: Context, database_url: str
) -> None:
    from sqlalchemy import event, text

    report(ctx, 0, 0)
    report(ctx, 30, 0)
    seen: list[tuple[str, object]] = []

    def record(_c: object, _k: object, statement: str, parameters: object, *_: object) -> None:
        seen.append((statement, parameters))

    event.listen(ctx.engine, "before_cursor_execute", record)
    try:
        report(ctx, 60, 0)  # opens the incident
        report(ctx, 90, 0)  # joins it
    finally:
        event.remove(ctx.engine, "before_cursor_execute", record)
    selects = [(s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT")]
    assert any("geo_cell" in s for s, _ in selects)  # the placement query ran
    scans = []
    with ctx.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        for statement, parameters in selects:
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))  # type: ignore[arg-type]
            scans += [t for t in ("ticket", "incident") if f"Seq Scan on {t} " in plan]
    assert scans == []


def test_a_move_no_report_can_make_is_refused_and_the_incident_stays_open(
    ctx: Context,
) -> None:
    agent = the_roles(ctx)["agent"]
    for north in (0, 30, 60):
        report(ctx, north, 0)
    from core.errors import InvalidTransition

    with pytest.raises(InvalidTransition):
        _with_incident(ctx, lambda s, i: incident_actions.close(ctx, s, agent, i, "Done."))
    assert _incident(ctx).status == IncidentStatus.OPEN
