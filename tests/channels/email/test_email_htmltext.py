"""HTML mail to text: what routing, search and quote-cutting read of an HTML-only mail."""

from __future__ import annotations

from channels.email.htmltext import html_to_text


def test_table_cells_stay_separate_words() -> None:
    """Form mailers and Outlook lay a report out as a table: its cells must not run into
    one another ("Location:Qurum", "الموقعالقرم"), or search and routing miss the words."""
    markup = (
        "<table><tr><th>Location</th><td>Qurum</td></tr>"
        "<tr><td>الموقع</td><td>القرم</td></tr></table>"
    )
    assert html_to_text(markup).split("\n") == ["Location Qurum", "", "الموقع القرم"]


def test_inline_markup_inside_a_word_does_not_split_it() -> None:
    assert html_to_text("<p>Pot<b>hole</b> in <i>Seeb</i></p>") == "Pothole in Seeb"


def test_a_table_quoted_in_a_reply_stays_marked_as_quoted() -> None:
    markup = "<p>Still broken</p><blockquote><table><tr><td>old</td><td>ack</td></tr></table></blockquote>"
    assert html_to_text(markup).split("\n") == ["Still broken", "", "> old ack"]


def test_a_link_keeps_its_address_beside_its_words() -> None:
    """An HTML-only mail's "my location" link is the only place its map address is: without
    it staff never see the link and no location is read from it."""
    markup = '<p>Pothole here: <a href="https://maps.google.com/?q=23.6,58.1&amp;z=17">my location</a></p>'
    assert html_to_text(markup) == (
        "Pothole here: my location <https://maps.google.com/?q=23.6,58.1&z=17>"
    )


def test_a_link_whose_words_are_its_address_is_not_repeated() -> None:
    markup = '<a href="https://x.example/p">https://x.example/p</a>'
    assert html_to_text(markup) == "https://x.example/p"


def test_a_script_link_adds_nothing() -> None:
    markup = '<a href="javascript:alert(1)">click</a> <a href="data:text/html,x">here</a>'
    assert html_to_text(markup) == "click here"


def test_stray_end_tags_under_deep_nesting_are_ignored() -> None:
    """Each stray end tag searched the whole stack of open elements: 20,000 of them under
    20,000 divs took a minute in the SMTP answer (now a fraction of a second)."""
    markup = "<div>" * 3000 + "a pothole" + "</span>" * 3000 + "</div>" * 3000 + "fixed?"
    assert html_to_text(markup) == "a pothole\n\nfixed?"
