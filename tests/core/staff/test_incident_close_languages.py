"""Closing an incident tells each citizen the answer in the language they wrote in.

The closing answer follows the incident reply's rule (`reply_versions`): every language a
citizen on the incident wrote in needs its version, and each citizen is sent their own.
Before, the one answer went to everyone: on a storm morning the English citizens of a mixed
incident were sent "Your report ... has been resolved. The department's answer:" followed by
the Arabic text, and a department's answer given when resolving went out as it was, in
whatever language it was written.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError
from core.models import Incident, IncidentStatus, Status, Ticket, User
from core.staff import incident_actions
from core.staff.permissions import Staff, staff_from_user
from core.workflow.transitions import Actor, transition
from tests.incident_support import incidents, outbox, report, ticket
from tests.staffkit import (
    app_for,
    bearer,
    make_staff,
    post_form,
    signed_in,
    the_roles,
    token_for,
)

ENGLISH = "The water was pumped away and the drains cleared."
ARABIC = "تم شفط المياه وتنظيف مجاري التصريف."


@pytest.fixture(autouse=True)
def dispatcher(ctx: Context) -> Staff:
    return the_roles(ctx)["dispatcher"]


def close(
    ctx: Context, note: str | None, translations: dict[str, str] | None = None, to: str = "closed"
) -> incident_actions.MoveResult:
    staff = the_staff(ctx)
    with ctx.sessions() as session, session.begin():
        incident = session.execute(select(Incident)).scalar_one()
        return incident_actions.move(ctx, session, staff, incident, to, note, translations)


def the_staff(ctx: Context) -> Staff:
    with ctx.sessions() as session:
        user = session.execute(select(User).where(User.email == "disp@mct.om")).scalar_one()
        return staff_from_user(user)


def mixed_incident(ctx: Context) -> list[str]:
    return [report(ctx, n, 0, language=lang) for n, lang in ((0, "ar"), (20, "en"), (40, "ar"))]


def told(ctx: Context) -> dict[str, str]:
    return {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "resolved")}


def test_each_citizen_is_told_the_closing_answer_in_their_language(ctx: Context) -> None:
    refs = mixed_incident(ctx)
    result = close(ctx, ARABIC, {"en": ENGLISH})
    assert sorted(result.moved) == sorted(refs)
    texts = told(ctx)
    assert ENGLISH in texts[refs[1]] and ARABIC not in texts[refs[1]]
    assert ARABIC in texts[refs[0]] and ENGLISH not in texts[refs[0]]
    assert ticket(ctx, refs[1]).answer == ENGLISH and ticket(ctx, refs[2]).answer == ARABIC


def test_closing_a_mixed_incident_with_one_language_is_refused_naming_the_other(
    ctx: Context,
) -> None:
    refs = mixed_incident(ctx)
    with pytest.raises(InputError) as refused:
        close(ctx, ARABIC)
    assert refused.value.key == "incident_reply_language_missing"
    assert refused.value.params == {"language": "en"}
    assert told(ctx) == {} and {ticket(ctx, r).status for r in refs} != {Status.CLOSED}


def test_closing_resolved_reports_without_an_answer_is_refused(ctx: Context) -> None:
    """The department's answer (given when resolving) is in one language; the dispatcher
    writes what each citizen is told."""
    refs = mixed_incident(ctx)
    close(ctx, ARABIC, to="resolved")
    with pytest.raises(InputError) as refused:
        close(ctx, None)
    assert refused.value.key == "incident_answer_needed"
    assert {ticket(ctx, r).status for r in refs} == {Status.RESOLVED}
    assert incidents(ctx)[0].status == IncidentStatus.OPEN


def test_the_inbox_closes_with_an_answer_in_each_box(ctx: Context) -> None:
    refs = mixed_incident(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    incident_id = incidents(ctx)[0].id
    form = {"to": "closed", "note": ARABIC, "note_en": ENGLISH}
    post_form(client, f"/inbox/incidents/{incident_id}/transition", form)
    texts = told(ctx)
    assert ENGLISH in texts[refs[1]] and ARABIC in texts[refs[0]]
    page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert 'name="note_en"' not in page  # closed: the forms are gone


def test_the_inbox_asks_for_the_citizens_answer_when_closing_without_one(ctx: Context) -> None:
    mixed_incident(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om", "ar")
    incident_id = incidents(ctx)[0].id
    post_form(client, f"/inbox/incidents/{incident_id}/transition", {"to": "closed", "note": ""})
    page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert "اكتب الإجابة للمواطنين لإغلاق بلاغات الحادثة." in page


def test_the_api_closes_with_the_note_and_its_translations(ctx: Context) -> None:
    refs = mixed_incident(ctx)
    client = app_for(ctx).test_client()
    path = f"/api/v1/incidents/{incidents(ctx)[0].id}/transition"
    headers = bearer(token_for(ctx, "disp@mct.om"))
    body: dict[str, Any] = {"to": "closed", "note": ARABIC}
    refused = client.post(path, headers=headers, json=body)
    assert refused.status_code == 422
    assert "English" in refused.get_json()["error"]["message"]
    done = client.post(path, headers=headers, json={**body, "translations": {"en": ENGLISH}})
    assert done.status_code == 200 and done.get_json()["status"] == "closed"
    assert ENGLISH in told(ctx)[refs[1]]


def test_a_duplicate_in_another_language_is_given_the_incidents_answer_in_its_own(
    ctx: Context,
) -> None:
    """QA on the demo: an Arabic report marked a duplicate of an English one on an incident
    went back to the dispatcher (the closing answer was the English citizen's) with the
    English answer to start from, while the department had answered the incident in Arabic
    too and the Arabic reports held it."""
    refs = mixed_incident(ctx)
    duplicate = report(ctx, 5000, 0, language="ar")  # 5 km away: not on the incident
    agent = Actor(name="agent@mct.om", role="agent")
    with ctx.sessions() as session, session.begin():
        copy, original = (
            session.execute(select(Ticket).where(Ticket.reference == r)).scalar_one()
            for r in (duplicate, refs[1])
        )
        transition(ctx, session, copy, Status.DUPLICATE, agent, duplicate_of=original)
    close(ctx, None, to="assigned")
    drainage = make_staff(ctx, "drainage@mct.om", "department", "drainage")
    with ctx.sessions() as session, session.begin():
        incident = session.execute(select(Incident)).scalar_one()
        incident_actions.move(ctx, session, drainage, incident, "resolved", ARABIC, {"en": ENGLISH})
    close(ctx, "رُدمت الحفرة.", {"en": "The hole was filled."})
    copy_now = ticket(ctx, duplicate)
    assert (copy_now.status, copy_now.resolution) == (Status.RESOLVED, ARABIC)
