"""Citizen rate limits: stored submissions count toward one limit, every attempt toward another.

A citizen correcting validation errors must never be refused for it, so only a stored report,
message or rating counts toward BALAGH_WEB_REPORT_RATE_LIMIT; a flood of invalid posts is still
bounded by the higher BALAGH_WEB_ATTEMPT_RATE_LIMIT, which counts every post.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.context import Context
from core.models import Direction, Message, Ticket
from tests.citizen_web import hidden, make_app, status_link, submit

DESCRIPTION_AR = "حفرة كبيرة في الطريق أمام المسجد في حي الخوض"


def limited_client(ctx: Context, submissions: str, attempts: str = "30 per minute") -> FlaskClient:
    ctx.settings.web_report_rate_limit = submissions
    ctx.settings.web_attempt_rate_limit = attempts
    return make_app(ctx).test_client()


def post_message(client: FlaskClient, link: str, message: str) -> int:
    page = client.get(link).get_data(as_text=True)
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "submission": hidden(page, "submission"),
        "action": "message",
        "message": message,
    }
    return client.post(link, data=data).status_code


def count(ctx: Context, model: type) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def citizen_messages(ctx: Context) -> int:
    with ctx.sessions() as session:
        query = select(func.count()).where(Message.direction == Direction.IN)
        return session.execute(query).scalar_one()


def test_invalid_reports_do_not_count_toward_the_submission_limit(ctx: Context) -> None:
    client = limited_client(ctx, "2 per minute")
    refused = [submit(client, "ar", description=" ").status_code for _ in range(3)]
    # Distinct reports: the same words again from this browser would be one (resubmission).
    accepted = [
        submit(client, "ar", description=f"{DESCRIPTION_AR} {n}").status_code for n in range(2)
    ]
    assert refused == [400, 400, 400] and accepted == [200, 200]
    assert count(ctx, Ticket) == 2


def test_stored_reports_still_reach_the_submission_limit(ctx: Context) -> None:
    client = limited_client(ctx, "2 per minute")
    # Distinct reports: the same words again from this browser would be one (resubmission).
    codes = [
        submit(client, "ar", description=f"{DESCRIPTION_AR} {n}").status_code for n in range(3)
    ]
    assert codes == [200, 200, 429]
    assert count(ctx, Ticket) == 2


def test_invalid_status_page_posts_do_not_count_toward_the_submission_limit(
    ctx: Context,
) -> None:
    client = limited_client(ctx, "2 per minute")
    link = status_link(submit(client, "ar", description=DESCRIPTION_AR).get_data(as_text=True))
    refused = [post_message(client, link, " ") for _ in range(3)]
    assert refused == [400, 400, 400]
    assert post_message(client, link, "ما زالت الحفرة في مكانها") == 302
    assert post_message(client, link, "one more") == 429  # the report and one message
    assert citizen_messages(ctx) == 2


def test_a_flood_of_invalid_posts_is_bounded_by_the_attempt_limit(ctx: Context) -> None:
    client = limited_client(ctx, "10 per minute", attempts="3 per minute")
    codes = [submit(client, "en", description=" ").status_code for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    last = submit(client, "en", description=" ")
    assert "Too many attempts" in last.get_data(as_text=True)
    assert last.headers.get("Retry-After")


def test_only_a_refusal_to_wait_carries_retry_after(ctx: Context) -> None:
    """Retry-After tells a client when to try again (RFC 9110 10.2.3): on a 400 or a 200 it
    would say "retry in 0 seconds" to an answer that retrying cannot change."""
    client = limited_client(ctx, "1 per minute")
    invalid = submit(client, "en", description=" ")
    stored = submit(client, "en", description=DESCRIPTION_AR)
    refused = submit(client, "en", description=DESCRIPTION_AR)
    assert (invalid.status_code, stored.status_code, refused.status_code) == (400, 200, 429)
    assert "Retry-After" not in invalid.headers and "Retry-After" not in stored.headers
    assert int(refused.headers["Retry-After"]) > 0
