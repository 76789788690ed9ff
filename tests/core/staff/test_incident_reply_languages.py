"""One incident reply needs the text only in the languages of the citizens who receive it.

An incident whose citizens all wrote in English is answered with the English text alone; when
both languages are present both are needed, and a missing one is named in the refusal. The
inbox's two boxes (Arabic, English) follow the same rule.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.context import Context
from core.errors import InputError
from core.models import Incident
from core.staff import incident_actions
from tests.incident_support import incidents, outbox, report
from tests.staffkit import app_for, bearer, post_form, signed_in, the_roles, token_for

ENGLISH = "A pump team arrives within the hour."
ARABIC = "سيصل فريق الشفط خلال ساعة."


def reply(ctx: Context, text: str, translations: dict[str, str] | None) -> int:
    staff = the_roles(ctx)["dispatcher"]
    with ctx.sessions() as session, session.begin():
        incident = session.execute(select(Incident)).scalar_one()
        return incident_actions.reply_all(ctx, session, staff, incident, text, translations)


def english_incident(ctx: Context) -> list[str]:
    return [report(ctx, n, 0, language="en") for n in (0, 20, 40)]


def mixed_incident(ctx: Context) -> list[str]:
    return [report(ctx, n, 0, language=lang) for n, lang in ((0, "ar"), (20, "en"), (40, "ar"))]


def test_an_english_only_incident_is_answered_with_the_english_text_alone(ctx: Context) -> None:
    refs = english_incident(ctx)
    assert reply(ctx, "", {"en": ENGLISH, "ar": ""}) == 3
    texts = {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "incident_reply")}
    assert sorted(texts) == sorted(refs) and all(ENGLISH in t for t in texts.values())


@pytest.mark.parametrize(("given", "missing"), [({"en": ENGLISH}, "ar"), ({"ar": ARABIC}, "en")])
def test_with_both_languages_present_a_missing_one_is_named(
    ctx: Context, given: dict[str, str], missing: str
) -> None:
    mixed_incident(ctx)
    with pytest.raises(InputError) as refused:
        reply(ctx, "", given)
    assert refused.value.key == "incident_reply_language_missing"
    assert refused.value.params == {"language": missing}
    assert outbox(ctx, "incident_reply") == []


def test_an_empty_reply_is_still_refused_as_empty(ctx: Context) -> None:
    english_incident(ctx)
    with pytest.raises(InputError) as refused:
        reply(ctx, " ", {"en": "  "})
    assert refused.value.key == "reply_empty"


def post_reply(ctx: Context, lang: str, form: dict[str, Any]) -> str:
    client = signed_in(app_for(ctx), "disp@mct.om", lang)
    incident_id = incidents(ctx)[0].id
    post_form(client, f"/inbox/incidents/{incident_id}/reply", form)
    return client.get(f"/inbox/incidents/{incident_id}").get_data(as_text=True)


def test_inbox_answers_an_english_incident_from_the_english_box_alone(ctx: Context) -> None:
    english_incident(ctx)
    the_roles(ctx)
    page = post_reply(ctx, "en", {"text": "", "text_en": ENGLISH})
    assert 'class="flash error"' not in page
    assert len(outbox(ctx, "incident_reply")) == 3


def test_inbox_names_the_missing_language_in_the_staff_members_language(ctx: Context) -> None:
    mixed_incident(ctx)
    the_roles(ctx)
    page = post_reply(ctx, "ar", {"text": "", "text_en": ENGLISH})
    assert 'class="flash error"' in page and "اكتب الرد باللغة <bdi>العربية</bdi>" in page
    assert outbox(ctx, "incident_reply") == []


# The API's `text` is the reply in its own language, not a fallback for the others: before,
# `{"text": <Arabic>}` on an incident with English citizens sent them the Arabic text.


def test_the_text_counts_for_its_own_language_only(ctx: Context) -> None:
    mixed_incident(ctx)
    with pytest.raises(InputError) as refused:
        reply(ctx, ARABIC, None)
    assert refused.value.key == "incident_reply_language_missing"
    assert refused.value.params == {"language": "en"}
    assert outbox(ctx, "incident_reply") == []


def test_an_english_incident_is_not_answered_with_an_arabic_text(ctx: Context) -> None:
    english_incident(ctx)
    with pytest.raises(InputError) as refused:
        reply(ctx, ARABIC, None)
    assert refused.value.params == {"language": "en"}


def test_the_text_and_a_translation_answer_both_languages(ctx: Context) -> None:
    refs = mixed_incident(ctx)
    assert reply(ctx, ENGLISH, {"ar": ARABIC}) == 3
    texts = {i.payload["reference"]: i.payload["text"] for i in outbox(ctx, "incident_reply")}
    assert ENGLISH in texts[refs[1]] and ARABIC in texts[refs[0]] and ARABIC in texts[refs[2]]


def test_a_text_of_no_telling_language_is_refused(ctx: Context) -> None:
    english_incident(ctx)
    with pytest.raises(InputError) as refused:
        reply(ctx, "OK", None)
    assert refused.value.key == "incident_reply_language_unknown"


def test_a_text_and_a_different_translation_in_its_language_are_refused(ctx: Context) -> None:
    english_incident(ctx)
    with pytest.raises(InputError) as refused:
        reply(ctx, ENGLISH, {"en": "Another answer."})
    assert refused.value.key == "incident_reply_language_twice"
    assert refused.value.params == {"language": "en"}


def test_the_api_refuses_a_reply_missing_a_citizens_language(ctx: Context) -> None:
    mixed_incident(ctx)
    the_roles(ctx)
    client = app_for(ctx).test_client()
    incident_id = incidents(ctx)[0].id
    response = client.post(
        f"/api/v1/incidents/{incident_id}/replies",
        headers=bearer(token_for(ctx, "disp@mct.om")),
        json={"text": ARABIC},
    )
    assert response.status_code == 422
    assert "English" in response.get_json()["error"]["message"]
    assert outbox(ctx, "incident_reply") == []


# The incident's history keeps the reply as written: before, the update's text was the version
# sent to the last citizen in the loop, so with an English report last the Arabic reply was
# nowhere in the history (the inbox showed the English twice; the API's `updates` likewise).


def test_the_incident_history_keeps_the_arabic_reply_when_an_english_report_comes_last(
    ctx: Context,
) -> None:
    [report(ctx, n, 0, language=lang) for n, lang in ((0, "ar"), (20, "ar"), (40, "en"))]
    reply(ctx, "", {"ar": ARABIC, "en": ENGLISH})
    with ctx.sessions() as session:
        incident = session.execute(select(Incident)).scalar_one()
        replied = [u for u in incident.updates if u.kind == "reply"]
        assert [(u.text, u.data["translations"]) for u in replied] == [
            (ARABIC, {"ar": ARABIC, "en": ENGLISH})
        ]


def test_the_inbox_history_shows_each_version_of_the_reply_once(ctx: Context) -> None:
    [report(ctx, n, 0, language=lang) for n, lang in ((0, "ar"), (20, "ar"), (40, "en"))]
    the_roles(ctx)
    page = post_reply(ctx, "en", {"text": ARABIC, "text_en": ENGLISH})
    assert page.count(ARABIC) == 1 and page.count(ENGLISH) == 1


def test_the_inbox_history_of_an_english_incident_shows_its_reply_once(ctx: Context) -> None:
    english_incident(ctx)
    the_roles(ctx)
    page = post_reply(ctx, "en", {"text": "", "text_en": ENGLISH})
    assert page.count(ENGLISH) == 1


def test_an_incident_of_one_report_is_answered_without_a_count_of_one(ctx: Context) -> None:
    """An incident opened by hand from one ticket (the ticket page's button) told its citizen
    "one of 1 reports of the same problem" (found driving the demo)."""
    staff = the_roles(ctx)["dispatcher"]
    (ref,) = [report(ctx, None, language="en", address=f"lone-{ctx.now().timestamp()}")]
    with ctx.sessions() as session, session.begin():
        incident = incident_actions.open_by_hand(ctx, session, staff, [ref])
        incident_actions.reply_all(ctx, session, staff, incident, "", {"en": ENGLISH})
    (text,) = [i.payload["text"] for i in outbox(ctx, "incident_reply")]
    assert ENGLISH in text and ref in text
    assert "1 reports" not in text and "one of" not in text
