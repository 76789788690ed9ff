"""Saved filters per user (issue 20, item 5): a queue view kept under a name, listed beside
the queue, deleted; only the filter's own fields are kept; another person's is 404."""

from __future__ import annotations

from sqlalchemy import select

from core.context import Context
from core.models import SavedFilter
from tests.staffkit import app_for, post_form, signed_in, the_roles


def saved(ctx: Context) -> list[tuple[str, str, str]]:
    with ctx.sessions() as session:
        rows = session.execute(select(SavedFilter).order_by(SavedFilter.id)).scalars()
        return [(f.name, f.query, str(f.user_id)) for f in rows]


def test_a_saved_filter_is_listed_beside_the_queue_and_opens_that_view(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    query = "queue=all&status=new&channel=telegram&page=3&csrf_token=x"
    answer = post_form(client, "/inbox/filters", {"name": "  New on Telegram ", "query": query})
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/inbox/?channel=telegram&queue=all&status=new"
    page = client.get("/inbox/").get_data(as_text=True)
    aside = page.split('class="saved-filters')[1].split("</aside>")[0]
    assert (
        '<a href="/inbox/?channel=telegram&amp;queue=all&amp;status=new" dir="auto">New on Telegram</a>'
        in aside
    )


def test_saving_under_the_same_name_replaces_the_view(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/filters", {"name": "Mine", "query": "status=new"})
    post_form(client, "/inbox/filters", {"name": "Mine", "query": "status=triaged"})
    assert [(n, q) for n, q, _ in saved(ctx)] == [("Mine", "status=triaged")]


def test_filters_are_per_user_and_another_users_delete_is_404(ctx: Context) -> None:
    the_roles(ctx)
    disp, agent = signed_in(app_for(ctx), "disp@mct.om"), signed_in(app_for(ctx), "agent@mct.om")
    post_form(disp, "/inbox/filters", {"name": "Urgent ones", "query": "priority=urgent"})
    assert "Urgent ones" not in agent.get("/inbox/").get_data(as_text=True)
    with ctx.sessions() as session:
        filter_id = session.execute(select(SavedFilter.id)).scalar_one()
    assert post_form(agent, f"/inbox/filters/{filter_id}/delete", {}).status_code == 404
    assert len(saved(ctx)) == 1
    assert post_form(disp, f"/inbox/filters/{filter_id}/delete", {}).status_code == 302
    assert saved(ctx) == []


def test_a_filter_without_a_name_is_refused_in_words(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/filters", {"name": " \x00 ", "query": "status=new"})
    assert "Give the filter a name." in client.get("/inbox/").get_data(as_text=True)
    assert saved(ctx) == []


def test_a_filter_named_with_nothing_visible_is_refused_like_an_empty_name(ctx: Context) -> None:
    """Zero-width spaces and joiners alone were kept as a name: an invisible link in the list
    that no one could tell apart or read out."""
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/filters", {"name": "\u200b\u200d \u2060", "query": "status=new"})
    assert "Give the filter a name." in client.get("/inbox/").get_data(as_text=True)
    assert saved(ctx) == []


def test_hostile_filter_names_and_queries_are_kept_escaped_not_a_500(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    name = '<script>alert(1)</script>"'
    answer = post_form(client, "/inbox/filters", {"name": name, "query": "q=%00%ff<b>&status=\x00"})
    assert answer.status_code == 302
    page = client.get("/inbox/").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert post_form(client, "/inbox/filters", {"name": "x" * 500}).status_code == 302
    assert post_form(client, "/inbox/filters/99999/delete", {}).status_code == 404


def test_saving_a_filter_needs_the_csrf_token(ctx: Context) -> None:
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    assert client.post("/inbox/filters", data={"name": "x", "query": ""}).status_code == 400
    assert saved(ctx) == []


def test_a_filter_name_loses_bidi_overrides_and_a_long_word_wraps(ctx: Context) -> None:
    """A name with U+202E reordered the rest of its line, and a long unbroken name pushed the
    queue page to 877 px wide on a 360 px phone."""
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om")
    post_form(client, "/inbox/filters", {"name": "\u202eexe.pdf " + "F" * 90, "query": ""})
    assert saved(ctx)[0][0] == "exe.pdf " + "F" * 90
    css = client.get("/inbox/static/inbox.css").get_data(as_text=True)
    assert ".saved-filters a { overflow-wrap: anywhere; min-width: 0; }" in css


def test_the_saved_message_keeps_a_latin_name_whole_inside_the_arabic_sentence(
    ctx: Context,
) -> None:
    """The Arabic "حُفظت التصفية «Open on email»." let the name's direction run into the
    sentence (the quotes and the full stop landed in the wrong places); the name is isolated
    as every other name the inbox shows, and still escaped."""
    the_roles(ctx)
    client = signed_in(app_for(ctx), "disp@mct.om", "ar")
    post_form(client, "/inbox/filters", {"name": "<b>Open</b> on email", "query": ""})
    page = client.get("/inbox/").get_data(as_text=True)
    assert "حُفظت التصفية «<bdi>&lt;b&gt;Open&lt;/b&gt; on email</bdi>»." in page
