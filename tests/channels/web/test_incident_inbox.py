"""The inbox's incidents queue, the incident page and the incident on a ticket page."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import select

from channels.web.inbox.i18n import translate
from core.context import Context
from core.models import Status, Ticket
from core.workflow.transitions import Actor, transition
from tests.incident_support import close_incident, incidents, outbox, report, ticket
from tests.staffkit import app_for, give_name, make_staff, post_form, signed_in, the_roles


def _three(ctx: Context, **kw: str) -> tuple[Flask, list[str], int]:
    the_roles(ctx)
    refs = [
        report(ctx, n, 0, language=lang, **kw) for n, lang in ((0, "ar"), (30, "en"), (60, "ar"))
    ]
    return app_for(ctx), refs, incidents(ctx)[0].id


def test_dispatcher_sees_the_incidents_queue_with_the_incident(ctx: Context) -> None:
    app, _refs, incident_id = _three(ctx)
    page = signed_in(app, "disp@mct.om").get("/inbox/incidents").get_data(as_text=True)
    assert f'href="/inbox/incidents/{incident_id}"' in page and "3 tickets" in page


def test_incident_page_shows_reports_map_points_and_history(ctx: Context) -> None:
    app, refs, incident_id = _three(ctx, address="الخوير")
    page = (
        signed_in(app, "super@mct.om").get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    )
    assert all(f">{r}</a>" in page for r in refs)
    found = re.search(r'data-points="([^"]+)"', page)
    assert found is not None
    points = json.loads(found.group(1).replace("&#34;", '"').replace("&quot;", '"'))
    assert sorted(p["ref"] for p in points) == sorted(refs)
    assert "/static/vendor/leaflet/leaflet.js" in page and "Incident opened" in page


def test_arabic_incident_page_is_right_to_left_in_arabic(ctx: Context) -> None:
    app, _refs, incident_id = _three(ctx)
    client = signed_in(app, "disp@mct.om", "ar")
    page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert 'dir="rtl"' in page and "رد واحد لجميع المواطنين" in page and "3 بلاغات" in page


def test_department_staff_of_another_directorate_get_404(ctx: Context) -> None:
    app, _refs, incident_id = _three(ctx)
    client = signed_in(app, "roads@mct.om")
    assert client.get(f"/inbox/incidents/{incident_id}").status_code == 404
    assert f"/inbox/incidents/{incident_id}" not in client.get("/inbox/incidents").get_data(
        as_text=True
    )


def test_an_incident_out_of_sight_says_no_such_incident_not_no_such_ticket(ctx: Context) -> None:
    app, _refs, incident_id = _three(ctx)
    for lang, words in (("en", "No such incident."), ("ar", "لا توجد حادثة جماعية بهذا الرقم.")):
        answer = signed_in(app, "roads@mct.om", lang).get(f"/inbox/incidents/{incident_id}")
        page = answer.get_data(as_text=True)
        assert answer.status_code == 404 and words in page
        assert translate("not_found", lang) not in page


def test_one_reply_form_answers_every_citizen(ctx: Context) -> None:
    app, refs, incident_id = _three(ctx)
    client = signed_in(app, "disp@mct.om")
    response = post_form(
        client,
        f"/inbox/incidents/{incident_id}/reply",
        {"text": "الفرق في الموقع.", "text_en": "Crews are on site."},
    )
    assert response.status_code == 302
    texts = {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "incident_reply")}
    assert sorted(texts) == sorted(refs) and "Crews are on site." in texts[refs[1]]


def test_the_incident_reply_says_how_many_citizens_were_told_in_the_staff_language(
    ctx: Context,
) -> None:
    """It said "Done." (تم.), leaving the dispatcher to open each report to see who was told."""
    app, _refs, incident_id = _three(ctx)
    for lang, said in (
        ("en", "Reply sent to 3 citizens, each on their own channel."),
        ("ar", "أُرسل الرد إلى 3 مواطنين، كلٌّ عبر قناته."),
    ):
        client = signed_in(app, "disp@mct.om", lang)
        post_form(
            client,
            f"/inbox/incidents/{incident_id}/reply",
            {"text": "الفرق في الموقع.", "text_en": "Crews are on site."},
        )
        page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
        assert said in page


def test_moving_the_incident_without_the_answer_is_shown_as_a_refusal(ctx: Context) -> None:
    app, refs, incident_id = _three(ctx)
    client = signed_in(app, "disp@mct.om")
    post_form(client, f"/inbox/incidents/{incident_id}/transition", {"to": "closed", "note": ""})
    page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert 'class="flash error"' in page
    assert ticket(ctx, refs[0]).status != "closed"


def test_ticket_page_shows_its_incident(ctx: Context) -> None:
    app, refs, incident_id = _three(ctx)
    page = signed_in(app, "disp@mct.om").get(f"/inbox/t/{refs[0]}").get_data(as_text=True)
    assert "Part of incident" in page and f'href="/inbox/incidents/{incident_id}"' in page


def test_a_suggested_report_is_confirmed_from_its_ticket_page(ctx: Context) -> None:
    app, _refs, incident_id = _three(ctx, address="الخوير")
    vague = report(ctx, None, address="حي الخوير")
    client = signed_in(app, "disp@mct.om")
    page = client.get(f"/inbox/t/{vague}").get_data(as_text=True)
    assert "May be part of incident" in page
    post_form(client, f"/inbox/incidents/{incident_id}/attach", {"reference": vague})
    assert ticket(ctx, vague).incident_id == incident_id


def test_staff_open_an_incident_from_a_ticket_page(ctx: Context) -> None:
    the_roles(ctx)
    a, b = report(ctx, 0, 0), report(ctx, 4000, 0)
    client = signed_in(app_for(ctx), "disp@mct.om")
    response = post_form(client, f"/inbox/t/{a}/incident", {"others": b})
    assert response.status_code == 302 and "/inbox/incidents/" in response.headers["Location"]
    assert ticket(ctx, a).incident_id == ticket(ctx, b).incident_id is not None


def test_opening_an_incident_by_hand_says_which_and_with_how_many_reports(ctx: Context) -> None:
    """It said "Done." (تم.)."""
    the_roles(ctx)
    for lang, said in (
        ("en", "Incident #{id} opened with 2 tickets."),
        ("ar", "فُتحت الحادثة الجماعية #{id} وفيها بلاغان."),
    ):
        a, b = report(ctx, 0, 0), report(ctx, 4000, 0)
        client = signed_in(app_for(ctx), "disp@mct.om", lang)
        post_form(client, f"/inbox/t/{a}/incident", {"others": b})
        incident_id = ticket(ctx, a).incident_id
        page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
        assert said.format(id=incident_id) in page


def test_leaflet_is_served_from_our_own_static_files(ctx: Context) -> None:
    client = app_for(ctx).test_client()
    response = client.get("/static/vendor/leaflet/leaflet.js")
    assert response.status_code == 200 and b"Leaflet 1.9.4" in response.data


def test_a_move_no_report_can_make_is_refused_in_the_staff_members_language(
    ctx: Context,
) -> None:
    """Department staff may not close reports that were never assigned to them: the refusal
    reads in the inbox's Arabic, with the status named as the inbox names it."""
    app, refs, incident_id = _three(ctx, category="road_damage")
    client = signed_in(app, "roads@mct.om", "ar")
    post_form(client, f"/inbox/incidents/{incident_id}/transition", {"to": "closed", "note": "تم"})
    page = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert "None of the incident" not in page
    assert "لا يمكن لدوركم نقل أي من بلاغات الحادثة المفتوحة إلى حالة <bdi>مغلق</bdi>." in page
    assert ticket(ctx, refs[0]).status != "closed"


def _offered_moves(app: Flask, email: str, incident_id: int) -> list[str] | None:
    """The statuses the incident page's move form offers (None: no move form)."""
    page = signed_in(app, email).get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    found = re.search(r'<select name="to">(.*?)</select>', page, re.S)
    return None if found is None else re.findall(r'<option value="(\w+)"', found.group(1))


def test_the_move_form_offers_only_the_moves_the_role_can_make_on_its_reports(
    ctx: Context,
) -> None:
    """Found driving the demo: an intake agent was offered every status, closing included,
    and each was refused on saving ("None of the incident's open reports can move...")."""
    app, refs, incident_id = _three(ctx, category="road_damage")
    assert {ticket(ctx, r).status for r in refs} == {"new"}
    everything = ["triaged", "assigned", "resolved", "closed"]
    assert _offered_moves(app, "disp@mct.om", incident_id) == everything
    assert _offered_moves(app, "roads@mct.om", incident_id) is None  # nothing assigned yet


def test_the_arabic_incident_page_names_the_system_and_keeps_references_whole(
    ctx: Context,
) -> None:
    """The shared history showed "system" untranslated in Arabic, and on a phone the reports'
    table broke each reference at its hyphen ("MCT-" / "000010")."""
    app, refs, incident_id = _three(ctx)
    page = signed_in(app, "disp@mct.om", "ar").get(f"/inbox/incidents/{incident_id}")
    html = page.get_data(as_text=True)
    history = html[html.index('class="conversation"') :]
    assert "system" not in history and "النظام" in history
    assert f'class="ref">{refs[0]}</a>' in html


def test_the_incident_history_names_the_member_of_staff_not_their_email(ctx: Context) -> None:
    """The shared history showed who replied by their email, where the ticket's history
    shows their name (User.display_name); the email stays out of the history."""
    app, _refs, incident_id = _three(ctx)
    give_name(ctx, "disp@mct.om", "مريم الراشدية")
    client = signed_in(app, "disp@mct.om", "ar")
    post_form(
        client,
        f"/inbox/incidents/{incident_id}/reply",
        {"text": "الفرق في الموقع.", "text_en": "Crews are on site."},
    )
    html = client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    history = html[html.index('class="conversation"') :].split("</ol>")[0]
    assert "<bdi>مريم الراشدية</bdi>" in history and "disp@mct.om" not in history


def test_a_closed_incident_offers_no_detach_and_refuses_one_in_words(ctx: Context) -> None:
    app, refs, incident_id = _three(ctx)
    client = signed_in(app, "disp@mct.om")
    path = f"/inbox/incidents/{incident_id}"
    assert f"{path}/detach" in client.get(path).get_data(as_text=True)
    close_incident(ctx, incident_id)
    assert f"{path}/detach" not in client.get(path).get_data(as_text=True)
    answer = post_form(client, f"{path}/detach", {"reference": refs[0]})
    assert answer.status_code == 302
    page = client.get(path).get_data(as_text=True)
    assert 'class="flash error"' in page and "The incident is closed." in page
    assert ticket(ctx, refs[0]).incident_id == incident_id


def test_the_closing_form_offers_the_departments_answer_in_its_language(ctx: Context) -> None:
    """A ticket's page prefills the department's answer for the dispatcher to pass on; the
    incident page offered an empty closing form, and on a storm day the dispatcher had to
    copy "Pumps cleared the underpass" out of the incident's history."""
    app, refs, incident_id = _three(ctx)
    make_staff(ctx, "drainage@mct.om", "department", "drainage")
    dispatcher = signed_in(app, "disp@mct.om")
    post_form(dispatcher, f"/inbox/incidents/{incident_id}/transition", {"to": "assigned"})
    department = signed_in(app, "drainage@mct.om")
    answer = "Pumps cleared the underpass by 14:00; the road is open again."
    post_form(department, f"/inbox/incidents/{incident_id}/transition",
              {"to": "resolved", "note": answer})  # fmt: skip
    assert {ticket(ctx, r).status for r in refs} == {"resolved"}
    page = dispatcher.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert '<option value="closed" selected>' in page
    assert re.search(r'<textarea name="note_en"[^>]*>Pumps cleared the underpass by 14:00', page)
    assert re.search(r'<textarea name="note"[^>]*></textarea>', page)


def test_a_department_answering_in_both_languages_fills_both_closing_boxes(ctx: Context) -> None:
    """The department's form has the Arabic and the English box; resolving read only the
    Arabic one, so its English answer was dropped without a word and the dispatcher found
    the English closing box empty, to translate the answer again."""
    app, refs, incident_id = _three(ctx)
    make_staff(ctx, "drainage@mct.om", "department", "drainage")
    dispatcher = signed_in(app, "disp@mct.om")
    post_form(dispatcher, f"/inbox/incidents/{incident_id}/transition", {"to": "assigned"})
    department = signed_in(app, "drainage@mct.om")
    arabic, english = "تم شفط المياه من النفق وفتح الطريق", "Pumps cleared the underpass."
    post_form(department, f"/inbox/incidents/{incident_id}/transition",
              {"to": "resolved", "note": arabic, "note_en": english})  # fmt: skip
    assert [ticket(ctx, r).resolution for r in refs] == [arabic, english, arabic]
    page = dispatcher.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert re.search(rf'<textarea name="note"[^>]*>{arabic}</textarea>', page)
    assert re.search(rf'<textarea name="note_en"[^>]*>{english}</textarea>', page)


def test_the_departments_move_form_says_its_answer_goes_to_the_dispatcher(ctx: Context) -> None:
    """QA as a department member on the demo: the incident's move form labelled the answer
    "Answer for the citizens (needed to resolve and close)", while a department's answer goes
    to the dispatcher, who words what the citizens are told (a ticket's page says so)."""
    app, _refs, incident_id = _three(ctx)
    make_staff(ctx, "drainage@mct.om", "department", "drainage")
    post_form(signed_in(app, "disp@mct.om"), f"/inbox/incidents/{incident_id}/transition",
              {"to": "assigned"})  # fmt: skip
    for lang in ("en", "ar"):
        page = signed_in(app, "drainage@mct.om", lang).get(f"/inbox/incidents/{incident_id}")
        text = html.unescape(page.get_data(as_text=True))
        assert translate("incident_answer", lang) not in text
        assert translate("incident_answer_department", lang) in text
        assert translate("answer_dispatcher_help", lang) in text
    dispatcher = signed_in(app, "disp@mct.om").get(f"/inbox/incidents/{incident_id}")
    text = html.unescape(dispatcher.get_data(as_text=True))
    assert translate("incident_answer", "en") in text
    assert translate("answer_dispatcher_help", "en") not in text
    ctx.settings.department_replies_direct = True  # departments tell the citizens themselves
    page = signed_in(app, "drainage@mct.om").get(f"/inbox/incidents/{incident_id}")
    assert translate("incident_answer", "en") in html.unescape(page.get_data(as_text=True))


def _flash(page: str) -> str:
    """The text of the page's one flash message."""
    found = re.search(r'<[^>]*class="flash[^"]*"[^>]*>(.*?)</', page, re.S)
    assert found is not None
    return html.unescape(found.group(1)).strip()


def test_moving_every_report_lists_them_with_the_arabic_comma_and_no_empty_list(
    ctx: Context,
) -> None:
    """It read "نُقلت: MCT-1, MCT-2, MCT-3؛ لم تُنقل: —": a Latin comma in Arabic, and a
    list of the reports left behind when there were none."""
    app, refs, incident_id = _three(ctx)
    client = signed_in(app, "disp@mct.om", "ar")
    post_form(client, f"/inbox/incidents/{incident_id}/transition", {"to": "triaged"})
    said = _flash(client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True))
    assert said.startswith("نُقلت إلى حالة «مسجّل»: ") and all(ref in said for ref in refs)
    assert said.count("، ") == 2 and "," not in said
    assert "—" not in said and "تعذّر" not in said


def test_moving_an_incident_names_the_reports_left_behind_in_arabic(ctx: Context) -> None:
    app, refs, incident_id = _three(ctx, category="road_damage")
    with ctx.sessions() as session, session.begin():  # two reports reached the department
        for ref in refs[1:]:
            found = session.execute(select(Ticket).where(Ticket.reference == ref)).scalar_one()
            for status in (Status.TRIAGED, Status.ASSIGNED):
                transition(ctx, session, found, status, Actor(name="d@mct.om", role="dispatcher"))
    client = signed_in(app, "roads@mct.om", "ar")  # who may not register the new one
    post_form(
        client, f"/inbox/incidents/{incident_id}/transition", {"to": "resolved", "note": "رُدمت."}
    )
    said = _flash(client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True))
    status = "أجاب القسم — بانتظار إبلاغ المواطن"
    assert said == f"نُقلت إلى حالة «{status}»: {refs[1]}، {refs[2]}؛ وتعذّر نقل: {refs[0]}"


# An incident opened at 10:05 UTC on 5 December, 14:05 in Muscat, listed the same day.
LISTED = {"en": "5 Dec 14:05", "ar": "5 ديسمبر 14:05"}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_incidents_list_writes_its_dates_as_the_queue_does(
    ctx: Context, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The list wrote "2026-12-05 14:05" where the queue writes "5 Dec 14:05" (the month
    named in the staff member's language): both go through one helper (`queue_time`)."""
    monkeypatch.setattr(ctx.settings, "now", datetime(2026, 12, 5, 10, 5, tzinfo=UTC))
    app, _refs, incident_id = _three(ctx)
    listed = signed_in(app, "disp@mct.om", lang).get("/inbox/incidents").get_data(as_text=True)
    row = listed.split(f'href="/inbox/incidents/{incident_id}"')[1].split("</tr>")[0]
    assert f'title="2026-12-05 14:05">{LISTED[lang]}</time>' in row


def test_an_intake_agent_gets_404_on_incidents_and_no_link_to_one(ctx: Context) -> None:
    """An intake agent opened /inbox/incidents by URL and replied to every citizen on an
    incident: informing citizens is the dispatcher's (DESIGN.md), so for intake the incident
    pages are not there (404, as a page outside a role), the reply is refused with nothing
    sent, and the ticket page names its incident without a link."""
    app, refs, incident_id = _three(ctx)
    client = signed_in(app, "agent@mct.om")
    assert client.get("/inbox/incidents").status_code == 404
    assert client.get(f"/inbox/incidents/{incident_id}").status_code == 404
    reply = post_form(client, f"/inbox/incidents/{incident_id}/reply", {"text": "الفرق في الموقع."})
    assert reply.status_code == 404 and outbox(ctx, "incident_reply") == []
    page = client.get(f"/inbox/t/{refs[0]}").get_data(as_text=True)
    assert f"#{incident_id}" in page and f'href="/inbox/incidents/{incident_id}"' not in page
    assert 'href="/inbox/incidents"' not in page  # nor in the menu


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "Moved to “Assigned”: "), ("ar", "نُقلت إلى حالة «محال للقسم»: ")],
)
def test_moving_an_incident_says_where_its_reports_went(ctx: Context, lang: str, said: str) -> None:
    """Closing or forwarding an incident said only "تم نقل: MCT-1، MCT-2" ("Moved: ..."),
    not to what (the QA walk's closing of four reports)."""
    app, refs, incident_id = _three(ctx)
    dispatcher = signed_in(app, "disp@mct.om", lang)
    post_form(dispatcher, f"/inbox/incidents/{incident_id}/transition", {"to": "assigned"})
    page = dispatcher.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)
    assert said + refs[0] in page


def test_the_incident_page_names_the_directorate_that_handles_it(ctx: Context) -> None:
    """The incidents list named the directorate under the category; the incident's own page
    did not, so staff opening it from a ticket could not tell which department had it."""
    app, _refs, incident_id = _three(ctx)
    for lang, name in (("en", "Drainage and Stormwater"), ("ar", "الصرف وتصريف مياه الأمطار")):
        page = signed_in(app, "disp@mct.om", lang).get(f"/inbox/incidents/{incident_id}")
        head = page.get_data(as_text=True).split('<p class="subject">')[1].split("</p>")[0]
        assert name in head
