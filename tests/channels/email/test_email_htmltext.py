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
