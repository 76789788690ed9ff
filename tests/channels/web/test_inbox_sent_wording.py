"""The ticket page shows each outgoing message as it was sent on the channel it went out on:
a web-form citizen who gave an address reads our messages on their report's page and gets an
email copy, whose words differ (the email says to reply to it, the page to use its form).
Under the "Email" label staff read the email's words; the page's wording is one click away.
The JSON API shows the same (`text`, and `page_text` for the page's wording)."""

from __future__ import annotations

import html as htmllib

from sqlalchemy import select

from core.context import Context
from core.language.texts import render
from core.models import OutboxItem, Status, Ticket
from core.workflow.transitions import Actor, transition
from tests.citizen_web import make_app, reference_of, submit
from tests.staffkit import app_for, bearer, make_staff, signed_in, token_for

AGENT = Actor(name="agent@mct.om", role="agent")
QUESTION = "Which park is it in?"


def _web_report_asked(ctx: Context, email: str | None) -> str:
    address = {"email": email} if email else {}
    page = submit(
        make_app(ctx).test_client(), "en", description="Broken bench in the park", **address
    ).get_data(as_text=True)
    reference = reference_of(page)
    with ctx.sessions() as session, session.begin():
        ticket = session.execute(select(Ticket).where(Ticket.reference == reference)).scalar_one()
        transition(ctx, session, ticket, Status.AWAITING_CITIZEN, AGENT, note=QUESTION)
    return reference


def _outgoing_question(ctx: Context, reference: str) -> str:
    """The question's entry of the conversation on the staff ticket page (English)."""
    make_staff(ctx, "agent@mct.om", "agent")
    text = signed_in(app_for(ctx), "agent@mct.om", "en").get(f"/inbox/t/{reference}")
    page = htmllib.unescape(text.get_data(as_text=True))
    kind = page.index("Request for information</em>")
    entry = page[page.rindex('<li class="msg', 0, kind) :]
    return entry[: entry.index("</li>")]


def _visible(entry: str) -> str:
    """The entry without its folded page wording."""
    return entry.split('<details class="page-wording">')[0]


def test_a_web_reports_email_copy_shows_the_words_the_email_carried(ctx: Context) -> None:
    reference = _web_report_asked(ctx, "citizen@example.om")
    with ctx.sessions() as session:
        item = session.execute(
            select(OutboxItem).where(OutboxItem.kind == "need_info")
        ).scalar_one()
        assert item.channel == "email"
        emailed = item.payload["text"]
    asked = {"reference": reference, "question": QUESTION}
    on_page = render("need_info", "en", then="details_by_page", **asked)
    assert emailed == render("need_info", "en", then="details_by_message", **asked) != on_page
    entry = _outgoing_question(ctx, reference)
    assert ">Email<" in entry
    shown = _visible(entry)
    assert "Please reply to this message" in shown
    assert "with the form at the foot of this page" not in shown
    # The page's wording is kept, folded, under its own label
    folded = entry.split('<details class="page-wording">')[1]
    assert "As the report's page shows it" in folded
    assert "with the form at the foot of this page" in folded


def test_a_web_report_without_an_address_shows_the_page_wording_alone(ctx: Context) -> None:
    reference = _web_report_asked(ctx, None)
    entry = _outgoing_question(ctx, reference)
    assert ">Email<" not in entry and ">Website<" in entry
    assert "with the form at the foot of this page" in entry
    assert "Please reply to this message" not in entry
    assert "page-wording" not in entry


def _api_question(ctx: Context, reference: str) -> dict[str, object]:
    make_staff(ctx, "agent@mct.om", "agent")
    headers = bearer(token_for(ctx, "agent@mct.om"))
    body = app_for(ctx).test_client().get(f"/api/v1/tickets/{reference}", headers=headers)
    [question] = [m for m in body.get_json()["messages"] if m["kind"] == "need_info"]
    return dict(question)


def test_the_api_shows_a_web_reports_email_copy_as_the_email_carried_it(ctx: Context) -> None:
    reference = _web_report_asked(ctx, "citizen@example.om")
    question = _api_question(ctx, reference)
    asked = {"reference": reference, "question": QUESTION}
    emailed = render("need_info", "en", then="details_by_message", **asked)
    on_page = render("need_info", "en", then="details_by_page", **asked)
    assert (question["text"], question["page_text"]) == (emailed, on_page)


def test_the_api_shows_a_web_report_without_an_address_in_the_page_wording(
    ctx: Context,
) -> None:
    reference = _web_report_asked(ctx, None)
    question = _api_question(ctx, reference)
    asked = {"reference": reference, "question": QUESTION}
    on_page = render("need_info", "en", then="details_by_page", **asked)
    assert (question["text"], question["page_text"]) == (on_page, None)
